"""Rate files a newsroom downloads itself, read into (line, date, base, quote, rate) rows.

* ``table``: the store's own layout, columns ``date, base, quote, rate`` (any order).
* ``fred``, ``h10``, ``imf``: the official series read by ``claims.rates.official`` (FRED's
  H.10 CSVs, the Federal Reserve's H.10 Data Download Program CSV, the IMF's representative
  exchange rates).
* ``columns``: any CSV, e.g. a central bank's, read through a column map given as
  ``date=<column>`` and ``BASE/QUOTE=<column>`` (units of QUOTE per 1 BASE), with an optional
  ``strptime`` date format; ``;``-separated files and decimal commas are read too.
* ``auto`` (the default): one of the above, told by the file's own header lines.

Every reader yields strings, and a ``Note`` for what it leaves out on purpose (a series that
is not an exchange rate, a currency it cannot name); ``importing`` validates the rows (dates,
positive finite rates, duplicates). Pure: text in, rows out.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import NamedTuple

from claims.errors import UpdateError
from claims.pattern_cache import compile as compile_pattern

Row = tuple[int, str, str, str, str]  # line, ISO date (or as written), base, quote, rate


class Note(NamedTuple):
    """Something a reader left out on purpose, said once per import."""

    line: int
    text: str


FORMATS = ("auto", "table", "fred", "h10", "imf", "columns")
_PAIR = compile_pattern(r"([A-Za-z]{3})/([A-Za-z]{3})\Z")
MISSING = frozenset({"", ".", "ND", "NA", "N/A", "#N/A", "-"})
_THOUSANDS = compile_pattern(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?\Z")


def problem(exc: csv.Error) -> str:
    text = str(exc)
    if "field limit" in text:
        return f"a cell longer than {csv.field_size_limit()} characters (not a rate table?)"
    return f"not readable as CSV ({text[:80]})"


def delimiter(sample: str) -> str:
    if "\t" in sample:
        return "\t"
    return ";" if sample.count(";") > sample.count(",") else ","


def reader(text: str):
    sample = (
        "\n".join(text.splitlines()[:5])
        if "\t" in text[:4096]
        else text.split("\n", 1)[0].split("\r", 1)[0]
    )
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(sample))


def header(reader, label: str) -> list[str]:
    """The first row's cells, stripped; an empty file is an UpdateError."""
    cells = [h.strip() for h in next(reader, [])]
    if not any(cells):
        raise UpdateError(f"{label}: empty file")
    return cells


def plain_number(cell: str) -> str:
    """A rate cell as a plain decimal: thousands separators (``1,435.4``) dropped."""
    return cell.replace(",", "") if _THOUSANDS.match(cell) else cell


def table(reader, label: str) -> Iterator[Row]:
    names = [h.lower() for h in header(reader, label)]
    missing = [c for c in ("date", "base", "quote", "rate") if c not in names]
    if missing:
        raise UpdateError(
            f"{label}: missing columns {', '.join(missing)} (need date, base, quote, "
            "rate; or --format fred|h10|imf|columns)"
        )
    at = {c: names.index(c) for c in ("date", "base", "quote", "rate")}
    for number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(names) or any(cell.strip() for cell in row[len(names) :]):
            raise UpdateError(
                f"{label} line {number}: {len(row)} cells, expected {len(names)} "
                "(a comma inside an unquoted rate?)"
            )
        yield (number, *(row[at[c]].strip() for c in ("date", "base", "quote", "rate")))


def columns(reader, label: str, columns: Sequence[str], date_format: str | None) -> Iterator[Row]:
    names = header(reader, label)
    date_col, pairs = None, []
    for spec in columns:
        key, sep, column = spec.partition("=")
        if not sep or column.strip() not in names:
            raise UpdateError(
                f"--column {spec[:40]!r}: expected date=COLUMN or BASE/QUOTE=COLUMN "
                f"naming one of the file's columns ({', '.join(names)[:120]})"
            )
        at = names.index(column.strip())
        if key.strip().lower() == "date":
            date_col = at
        elif m := _PAIR.match(key.strip()):
            pairs.append((m[1].upper(), m[2].upper(), at))
        else:
            raise UpdateError(
                f"--column {spec[:40]!r}: {key[:20]!r} is neither date nor BASE/QUOTE"
            )
    if date_col is None or not pairs:
        raise UpdateError(
            "--format columns needs --column date=COLUMN and at least one "
            "--column BASE/QUOTE=COLUMN"
        )
    for number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row) or len(row) <= date_col:
            continue
        day = row[date_col].strip()
        if date_format:
            try:
                day = datetime.strptime(day, date_format).date().isoformat()
            except ValueError:
                raise UpdateError(
                    f"{label} line {number}: date {day[:20]!r} does not match {date_format!r}"
                ) from None
        for base, quote, at in pairs:
            cell = row[at].strip() if at < len(row) else ""
            if cell not in MISSING:
                if "," in cell and "." not in cell:
                    cell = cell.replace(",", ".")  # a decimal comma
                yield number, day, base, quote, cell
