"""Official rate files a newsroom downloads itself, read into (line, date, base, quote, rate) rows.

* ``table``: the store's own layout, columns ``date, base, quote, rate`` (any order).
* ``fred``: a FRED CSV of Federal Reserve H.10 daily series (``observation_date`` or ``DATE``,
  then one column per series such as ``DEXTAUS``); ``.`` or an empty cell is a day without a rate.
* ``columns``: any CSV, e.g. a central bank's, read through a column map given as
  ``date=<column>`` and ``BASE/QUOTE=<column>`` (units of QUOTE per 1 BASE), with an optional
  ``strptime`` date format; ``;``-separated files and decimal commas are read too.

Every reader yields strings; ``importing`` validates them (dates, positive finite rates,
duplicates). Pure: text in, rows out.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime
from typing import Iterator, Sequence

from claims.errors import UpdateError

Row = tuple[int, str, str, str, str]            # line, ISO date (or as written), base, quote, rate
FORMATS = ("table", "fred", "columns")

#: FRED's H.10 daily series: id -> (base, quote), the value being QUOTE per 1 BASE.
#: Source: Board of Governors of the Federal Reserve System, H.10 Foreign Exchange Rates, as
#: published on FRED (series notes "... to One U.S. Dollar" or "U.S. Dollars to One ...").
FRED_SERIES: dict[str, tuple[str, str]] = {
    "DEXBZUS": ("USD", "BRL"), "DEXCAUS": ("USD", "CAD"), "DEXCHUS": ("USD", "CNY"),
    "DEXDNUS": ("USD", "DKK"), "DEXHKUS": ("USD", "HKD"), "DEXINUS": ("USD", "INR"),
    "DEXJPUS": ("USD", "JPY"), "DEXKOUS": ("USD", "KRW"), "DEXMAUS": ("USD", "MYR"),
    "DEXMXUS": ("USD", "MXN"), "DEXNOUS": ("USD", "NOK"), "DEXSDUS": ("USD", "SEK"),
    "DEXSFUS": ("USD", "ZAR"), "DEXSIUS": ("USD", "SGD"), "DEXSLUS": ("USD", "LKR"),
    "DEXSZUS": ("USD", "CHF"), "DEXTAUS": ("USD", "TWD"), "DEXTHUS": ("USD", "THB"),
    "DEXVZUS": ("USD", "VEF"), "DEXUSAL": ("AUD", "USD"), "DEXUSEU": ("EUR", "USD"),
    "DEXUSNZ": ("NZD", "USD"), "DEXUSUK": ("GBP", "USD"),
}
_PAIR = re.compile(r"([A-Za-z]{3})/([A-Za-z]{3})\Z")
_MISSING = {"", ".", "ND", "NA", "N/A", "#N/A", "-"}


def rows(fmt: str, text: str, label: str, columns: Sequence[str] = (),
         date_format: str | None = None) -> Iterator[Row]:
    """The rate rows of ``text`` read as ``fmt``; a layout problem is an UpdateError."""
    reader = _reader(text)
    if fmt == "table":
        found = _table(reader, label)
    elif fmt == "fred":
        found = _fred(reader, label)
    elif fmt == "columns":
        found = _columns(reader, label, columns, date_format)
    else:
        raise UpdateError(f"unknown import format {fmt!r} (one of {', '.join(FORMATS)})")
    try:
        yield from found
    except csv.Error as exc:
        raise UpdateError(f"{label} line {reader.line_num}: {_problem(exc)}") from None


def _problem(exc: csv.Error) -> str:
    text = str(exc)
    if "field limit" in text:
        return f"a cell longer than {csv.field_size_limit()} characters (not a rate table?)"
    return f"not readable as CSV ({text[:80]})"


def _reader(text: str):
    first = text.split("\n", 1)[0].split("\r", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def _header(reader, label: str) -> list[str]:
    header = [h.strip() for h in next(reader, [])]
    if not any(header):
        raise UpdateError(f"{label}: empty file")
    return header


def _table(reader, label: str) -> Iterator[Row]:
    header = [h.lower() for h in _header(reader, label)]
    missing = [c for c in ("date", "base", "quote", "rate") if c not in header]
    if missing:
        raise UpdateError(f"{label}: missing columns {', '.join(missing)} (need date, base, quote, "
                          "rate; or --format fred|columns)")
    at = {c: header.index(c) for c in ("date", "base", "quote", "rate")}
    for number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(header) or any(cell.strip() for cell in row[len(header):]):
            raise UpdateError(f"{label} line {number}: {len(row)} cells, expected {len(header)} "
                              "(a comma inside an unquoted rate?)")
        yield (number, *(row[at[c]].strip() for c in ("date", "base", "quote", "rate")))


def _fred(reader, label: str) -> Iterator[Row]:
    header = _header(reader, label)
    if header[0].lower() not in ("observation_date", "date"):
        raise UpdateError(f"{label}: not a FRED CSV (first column {header[0][:30]!r}, expected "
                          "observation_date)")
    pairs = []
    for name in header[1:]:
        pair = FRED_SERIES.get(name.upper())
        if pair is None:
            raise UpdateError(f"{label}: {name[:20]!r} is not a FRED H.10 daily series claims "
                              "knows; use --format columns with --column BASE/QUOTE=...")
        pairs.append(pair)
    for number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        for (base, quote), cell in zip(pairs, row[1:]):
            if cell.strip() not in _MISSING:
                yield number, row[0].strip(), base, quote, cell.strip()


def _columns(reader, label: str, columns: Sequence[str], date_format: str | None) -> Iterator[Row]:
    header = _header(reader, label)
    date_col, pairs = None, []
    for spec in columns:
        key, sep, column = spec.partition("=")
        if not sep or column.strip() not in header:
            raise UpdateError(f"--column {spec[:40]!r}: expected date=COLUMN or BASE/QUOTE=COLUMN "
                              f"naming one of the file's columns ({', '.join(header)[:120]})")
        at = header.index(column.strip())
        if key.strip().lower() == "date":
            date_col = at
        elif m := _PAIR.match(key.strip()):
            pairs.append((m[1].upper(), m[2].upper(), at))
        else:
            raise UpdateError(f"--column {spec[:40]!r}: {key[:20]!r} is neither date nor BASE/QUOTE")
    if date_col is None or not pairs:
        raise UpdateError("--format columns needs --column date=COLUMN and at least one "
                          "--column BASE/QUOTE=COLUMN")
    for number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row) or len(row) <= date_col:
            continue
        day = row[date_col].strip()
        if date_format:
            try:
                day = datetime.strptime(day, date_format).date().isoformat()
            except ValueError:
                raise UpdateError(f"{label} line {number}: date {day[:20]!r} does not match "
                                  f"{date_format!r}") from None
        for base, quote, at in pairs:
            cell = row[at].strip() if at < len(row) else ""
            if cell not in _MISSING:
                if "," in cell and "." not in cell:
                    cell = cell.replace(",", ".")             # a decimal comma
                yield number, day, base, quote, cell
