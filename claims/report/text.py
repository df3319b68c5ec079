"""``--format text`` (default): for people. ``path:line:col: verdict CODE message`` per finding,
then the figure, the expected figure and the rate evidence; a summary line at the end.

Written per file as it is checked. ``quiet`` leaves out ok findings (and the notes of files
with nothing to report); the summary line is always printed. Colour is an argument (the CLI
decides from ``--color``, ``NO_COLOR``, ``FORCE_COLOR`` and the terminal).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from claims.report import Problem, notes
from claims.report import Reporter as _Base
from claims.wording import format_rate, range_text

if TYPE_CHECKING:  # pragma: no cover
    from claims.check import DocumentResult

_COLOURS = {"error": "31;1", "warning": "33;1", "unverifiable": "36", "ok": "32", "dim": "2"}


def _paint(text: str, key: str, color: bool) -> str:
    return f"\x1b[{_COLOURS[key]}m{text}\x1b[0m" if color else text


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 or word in ("ok", "unverifiable", "suppressed") else "s")


def _details(d: Mapping[str, Any]) -> list[str]:
    lines = [f"figure:   {' '.join(d['text'].split())}"]
    expected = d.get("expected")
    if expected and d["verdict"] != "ok":
        shown = expected.get("text") or f"{expected['value']} {expected.get('unit') or ''}"
        span = expected.get("range_text") or range_text(
            Decimal(str(expected["low"])), Decimal(str(expected["high"]))
        )
        lines.append(f"expected: {shown.strip()} (acceptable: {span})")
    if d.get("detail"):
        lines.append(f"detail:   {d['detail']}")
    rate = d.get("rate")
    if rate:
        when = rate["date"]
        if rate.get("requested_date") and rate["requested_date"] != rate["date"]:
            when += f" (asked for {rate['requested_date']})"
        lines.append(
            f"rate:     1 {rate['base']} = {format_rate(Decimal(rate['value']))} "
            f"{rate['quote']} on {when}, {rate['source']}"
        )
    return lines


class Reporter(_Base):
    """Every unsuppressed finding (ok ones in one line), per-file notes, and a summary line."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.undated = 0
        self.language_source: str | None = None  # of the only language, when all agree
        self._sources: set[str | None] = set()

    def document(self, result: DocumentResult, config: str | None = None) -> str:
        super().document(result, config)
        out: list[str] = []
        for finding in result.findings:
            d = finding.to_dict()
            if d["suppressed"] or (self.quiet and d["verdict"] == "ok"):
                continue
            verdict = _paint(d["verdict"], d["verdict"], self.color)
            out.append(
                f"{result.path}:{d['line']}:{d['column']}: {verdict} {d['code']} {d['message']}"
            )
            if d["verdict"] != "ok":
                out.extend("    " + line for line in _details(d))
        self._sources.add(getattr(result, "language_source", None))
        self.language_source = next(iter(self._sources)) if len(self._sources) == 1 else None
        said = notes(result)
        self.undated += result.as_of_source == "today" and any("today" in n for n in said)
        if said and (out or not self.quiet):
            out[:0] = [_paint(f"{result.path}: note: {note}", "dim", self.color) for note in said]
        return "".join(line + "\n" for line in out)

    def finish(self) -> str:
        if not self.files:  # nothing checked: stderr said why
            return ""
        counts, color = self.counts, self.color
        parts = [
            _paint(_plural(counts["error"], "error"), "error", color and counts["error"] > 0),
            _paint(
                _plural(counts["warning"], "warning"), "warning", color and counts["warning"] > 0
            ),
            _plural(counts["ok"], "ok"),
            _plural(counts["unverifiable"], "unverifiable"),
            _plural(counts["suppressed"], "suppressed"),
        ]
        line = f"{', '.join(parts)} in {_plural(self.files, 'file')}"
        if len(self.dates) == 1:
            line += f"; as of {next(iter(self.dates))}"
        if self.undated and (self.quiet or len(self.dates) != 1):
            line += f"; {self.undated} judged as of today (no date found)"
        line += self._languages()
        if self.problems:
            line += f"; {_plural(len(self.problems), 'input')} not checked"
        if self.configs:
            line += f"; config {', '.join(self.configs)}"
        return line + "\n"

    def _languages(self) -> str:
        """The stories' languages, when any is not English (English copy reads as before)."""
        if set(self.languages) <= {"en"} or not self.languages:
            return ""
        if len(self.languages) == 1:
            (tag,) = self.languages
            return f"; language {tag}" + (
                f" ({self.language_source})" if self.language_source else ""
            )
        shown = sorted(self.languages.items(), key=lambda kv: (-kv[1], kv[0]))
        return "; languages " + ", ".join(f"{tag} {n}" for tag, n in shown)

    def problem(self, problem: Problem) -> str:
        super().problem(problem)
        return ""
