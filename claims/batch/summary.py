"""Counts and rates from batch results: by month, currency pair, check, code, diagnosis, section.

A ``Summary`` takes result records one at a time (memory grows with the number of distinct
months, pairs, sections, ..., never with the number of stories) and gives tables of
``Row``s. Rates are over the figures that could be judged: ``error_rate`` is errors / (ok +
warnings + errors); unverifiable and suppressed findings are counted apart. Stories are
filed under the month of their as-of date; stories judged as of today (no date of their own)
under ``undated``. Only the finding keys code, check, verdict, diagnosis, rate, original and
converted (their ``unit``) and suppressed are read.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

#: The tables every result set can have; kept columns (section, author) follow them.
DIMENSIONS = ("month", "pair", "check", "code", "diagnosis")
TITLES = {
    "month": "By month (as-of date)",
    "pair": "By currency pair (original -> converted)",
    "check": "By check",
    "code": "By finding code",
    "diagnosis": "By diagnosis (errors and warnings)",
}
VERDICTS = ("ok", "warning", "error", "unverifiable", "suppressed")


@dataclass
class Row:
    """The tallies under one key of one table."""

    key: str
    stories: int = 0
    stories_with_errors: int = 0
    ok: int = 0
    warning: int = 0
    error: int = 0
    unverifiable: int = 0
    suppressed: int = 0

    @property
    def checked(self) -> int:
        return self.ok + self.warning + self.error

    @property
    def error_rate(self) -> float | None:
        return self.error / self.checked if self.checked else None

    @property
    def warning_rate(self) -> float | None:
        return self.warning / self.checked if self.checked else None

    def add(self, verdicts: dict[str, int]) -> None:
        for name in VERDICTS:
            setattr(self, name, getattr(self, name) + int(verdicts.get(name, 0) or 0))


class Summary:
    """Running totals over result records."""

    def __init__(self) -> None:
        self.total = Row("all")
        self.problems = 0
        self.rows: dict[str, dict[str, Row]] = defaultdict(dict)
        self.meta_keys: dict[str, None] = {}

    def _row(self, table: str, key: str) -> Row:
        rows = self.rows[table]
        if key not in rows:
            rows[key] = Row(key)
        return rows[key]

    def add(self, record: dict[str, Any]) -> None:
        """Count one story's record."""
        if record.get("problem"):
            self.problems += 1
            return
        findings = record.get("findings") or []
        verdicts = _verdicts(findings)
        has_error = verdicts.get("error", 0) > 0
        story_keys = {"month": _month(record)}
        for key, value in (record.get("meta") or {}).items():
            self.meta_keys.setdefault(key)
            story_keys[key] = "(none)" if value in (None, "") else str(value)
        for table, key in [("all", "all"), *story_keys.items()]:
            row = self.total if table == "all" else self._row(table, key)
            row.stories += 1
            row.stories_with_errors += has_error
            row.add(verdicts)
        per_key: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for f in findings:
            verdict = "suppressed" if f.get("suppressed") else str(f.get("verdict"))
            keys = [("check", str(f.get("check") or "?")), ("code", str(f.get("code") or "?"))]
            if f.get("check") == "currency-conversion":
                keys.append(("pair", _pair(f)))
            if verdict in ("error", "warning"):
                diagnosis = f"{f.get('check') or '?'}: {f.get('diagnosis') or '(none)'}"
                keys.append(("diagnosis", diagnosis))
            for key in keys:
                per_key[key][verdict] += 1
        for (table, key), counts in per_key.items():
            row = self._row(table, key)
            row.stories += 1
            row.stories_with_errors += counts.get("error", 0) > 0
            row.add(counts)

    def by_month(self) -> list[Row]:
        return sorted(self.rows.get("month", {}).values(), key=lambda r: r.key)

    def tables(self, wanted: Iterable[str] | None = None) -> dict[str, list[Row]]:
        """Each requested table (all that have rows by default), rows largest first."""
        names = list(wanted) if wanted else [*DIMENSIONS, *self.meta_keys]
        unknown = [n for n in names if n not in DIMENSIONS and n not in self.meta_keys]
        if unknown and wanted:
            from claims.errors import ConfigError

            known = ", ".join([*DIMENSIONS, *self.meta_keys])
            raise ConfigError(f"--by: no table {unknown[0]!r} in these results (use {known})")
        out = {}
        for name in names:
            rows = list(self.rows.get(name, {}).values())
            if not rows:
                continue
            if name == "month":
                rows.sort(key=lambda r: (r.key == "undated", r.key))
            else:
                rows.sort(key=lambda r: (-r.checked - r.unverifiable, -r.stories, r.key))
            out[name] = rows
        return out


def _verdicts(findings: list[dict[str, Any]]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for f in findings:
        counts["suppressed" if f.get("suppressed") else str(f.get("verdict"))] += 1
    return counts


def _month(record: dict[str, Any]) -> str:
    as_of = record.get("as_of") or ""
    if record.get("as_of_source") == "today" or len(as_of) < 7:
        return "undated"
    return as_of[:7]


def _pair(f: dict[str, Any]) -> str:
    """``KRW -> USD``: the currencies as the story pairs them, else the rate's, else ``?``."""
    sides = [_unit(f.get(k)) for k in ("original", "converted")]
    if not all(sides) and isinstance(f.get("rate"), dict):
        sides = [f["rate"].get("base"), f["rate"].get("quote")]
    return " -> ".join(s or "?" for s in sides)


def _unit(side: Any) -> str | None:
    """A conversion side's currency (``unit`` since JSON v2, ``currency`` before)."""
    if not isinstance(side, dict):
        return None
    return side.get("unit") or side.get("currency")


# ------------------------------------------------------------------ rendering


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


_COLUMNS = (
    ("stories", lambda r: f"{r.stories:,}"),
    ("w/ error", lambda r: f"{r.stories_with_errors:,}"),
    ("judged", lambda r: f"{r.checked:,}"),
    ("errors", lambda r: f"{r.error:,}"),
    ("error %", lambda r: _pct(r.error_rate)),
    ("warnings", lambda r: f"{r.warning:,}"),
    ("warn %", lambda r: _pct(r.warning_rate)),
    ("unverif.", lambda r: f"{r.unverifiable:,}"),
)
_DIAGNOSIS_COLUMNS = (
    ("stories", lambda r: f"{r.stories:,}"),
    ("errors", lambda r: f"{r.error:,}"),
    ("warnings", lambda r: f"{r.warning:,}"),
)


def render_text(summary: Summary, tables: dict[str, list[Row]], *, top: int = 15) -> str:
    """The tables for a terminal: an overall line, then one aligned table per dimension."""
    t = summary.total
    lines = [
        f"{t.stories:,} stories checked"
        + (f" ({summary.problems:,} could not be checked)" if summary.problems else "")
        + f"; {t.checked:,} figures judged: {t.error:,} errors ({_pct(t.error_rate)}), "
        f"{t.warning:,} warnings ({_pct(t.warning_rate)}), {t.ok:,} ok; "
        f"{t.unverifiable:,} unverifiable, {t.suppressed:,} suppressed; "
        f"{t.stories_with_errors:,} {'story' if t.stories_with_errors == 1 else 'stories'} "
        "with an error"
    ]
    for name, rows in tables.items():
        shown = rows if name == "month" or top == 0 else rows[:top]
        columns = _DIAGNOSIS_COLUMNS if name == "diagnosis" else _COLUMNS
        header = (name, *(label for label, _ in columns))
        body = [(r.key, *(cell(r) for _, cell in columns)) for r in shown]
        widths = [max(len(str(x[i])) for x in [header, *body]) for i in range(len(header))]
        fmt = "  ".join([f"{{:<{widths[0]}}}"] + [f"{{:>{w}}}" for w in widths[1:]])
        lines += [
            "",
            TITLES.get(name, f"By {name}"),
            fmt.format(*header),
            fmt.format(*("-" * w for w in widths)),
        ]
        lines += [fmt.format(*row) for row in body]
        if len(shown) < len(rows):
            lines.append(f"... {len(rows) - len(shown)} more (--top 0 shows all)")
    return "\n".join(lines) + "\n"


def render_csv(tables: dict[str, list[Row]]) -> str:
    """Every table in one long CSV: a row per (table, key), rates as fractions."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "table",
            "key",
            "stories",
            "stories_with_errors",
            "judged",
            "ok",
            "warning",
            "error",
            "unverifiable",
            "suppressed",
            "error_rate",
            "warning_rate",
        ]
    )
    for name, rows in tables.items():
        for r in rows:
            writer.writerow(
                [
                    name,
                    r.key,
                    r.stories,
                    r.stories_with_errors,
                    r.checked,
                    r.ok,
                    r.warning,
                    r.error,
                    r.unverifiable,
                    r.suppressed,
                    "" if r.error_rate is None else f"{r.error_rate:.4f}",
                    "" if r.warning_rate is None else f"{r.warning_rate:.4f}",
                ]
            )
    return out.getvalue()
