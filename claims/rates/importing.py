"""``claims rates import``: a newsroom's, central bank's or official table, kept apart from ECB data.

The default layout has the columns ``date, base, quote, rate`` (any order, case-insensitive,
others ignored): ``rate`` units of ``quote`` per 1 ``base`` on ``date``, as a plain decimal;
FRED's and the Federal Reserve's own H.10 CSVs, the IMF's representative rates and any CSV with
a column map are read too, told apart by their header lines (``claims.rates.formats``). An
import answers only where the ECB and the pegs cannot, unless made with ``prefer`` (then it
answers its own pairs first); it always answers before HMRC's monthly rates. Each import is
saved under ``downloads/imports/`` with a manifest, so a rebuilt database keeps it, and is
cited as ``imported: <source name>`` (an official series by its publisher's name unless
another is given). Importing the same source name again replaces that table.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from claims.errors import UpdateError
from claims.pattern_cache import compile as compile_pattern
from claims.rates import formats, layouts
from claims.rates.locations import StoreLocation

#: The name an official series is cited by when ``--source`` is not given.
OFFICIAL_NAMES = {
    "fred": "Federal Reserve H.10 (FRED)",
    "h10": "Federal Reserve H.10",
    "imf": "IMF representative rates",
}
MAX_IMPORT_BYTES = 64 * 1024 * 1024
MAX_IMPORT_ROWS = 1_000_000
MANIFEST = "manifest.json"
_CODE = compile_pattern(r"[A-Z]{3}\Z")
_VALUE = compile_pattern(r"[0-9]{1,15}(?:\.[0-9]{1,15})?\Z")


@dataclass(frozen=True)
class ImportTable:
    """One imported table: per (base, quote) its ascending (dates, values)."""

    source: str
    series: dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]]
    sha256: str
    rows: int
    imported: str = ""  # UTC date the file was imported
    file: str = ""  # the saved copy's name under downloads/imports/
    fmt: str = "table"  # how the file is read (claims.rates.formats)
    columns: tuple[str, ...] = ()
    date_format: str | None = None
    prefer: bool = False  # answers its pairs before the ECB
    frequency: str = "daily"
    notes: tuple[str, ...] = ()  # what the reader left out on purpose

    @property
    def citation(self) -> str:
        return f"imported: {self.source}"

    @property
    def identity(self) -> str:
        return f"{self.file or 'import'} sha256:{self.sha256[:12]} imported {self.imported}"


def check_source_name(source: str) -> str:
    """A source name is 1-100 printable characters on one line."""
    name = " ".join((source or "").split())
    if not name or len(name) > 100 or not name.isprintable():
        raise UpdateError("--source must name the table's publisher in 1-100 printable characters")
    return name


def parse_import(
    data: bytes,
    source: str | None,
    label: str = "import",
    *,
    fmt: str = "auto",
    columns: Sequence[str] = (),
    date_format: str | None = None,
    prefer: bool = False,
) -> ImportTable:
    """Validate an import file read as ``fmt`` (``claims.rates.formats``); errors name the line.

    ``source`` may be None for an official series (it is then cited by its publisher's name).
    """
    if len(data) > MAX_IMPORT_BYTES:
        raise UpdateError(f"{label}: over the {MAX_IMPORT_BYTES} byte limit")
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise UpdateError(
            f"{label}: a binary spreadsheet (Excel); save it as CSV, or take the "
            "publisher's CSV/TSV download"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UpdateError(f"{label}: not UTF-8 text") from None
    if fmt == "auto":
        fmt = "columns" if columns else layouts.detect(text)
    if columns and fmt != "columns":
        raise UpdateError(f"--column is for --format columns, not {fmt}")
    if source is None and fmt not in OFFICIAL_NAMES:
        raise UpdateError(f"{label}: --source must name who published this table (it is cited)")
    source = check_source_name(OFFICIAL_NAMES[fmt] if source is None else source)
    series, count, notes = _collect(layouts.rows(fmt, text, label, columns, date_format), label)
    return ImportTable(
        source=source,
        series=series,
        sha256=hashlib.sha256(data).hexdigest(),
        rows=count,
        fmt=fmt,
        columns=tuple(columns),
        date_format=date_format,
        prefer=prefer,
        frequency=frequency_of(series),
        notes=notes,
    )


def _collect(found, label: str):
    """Validate rows: ISO dates, currency codes, positive decimal rates, no conflicting repeats."""
    rows: dict[tuple[str, str], dict[str, str]] = {}
    count, notes = 0, []
    for item in found:
        if isinstance(item, formats.Note):
            notes.append(f"line {item.line}: {item.text}" if item.line > 1 else item.text)
            continue
        number, day, base, quote, value = item
        count += 1
        if count > MAX_IMPORT_ROWS:
            raise UpdateError(f"{label}: more than {MAX_IMPORT_ROWS} rows")
        base, quote, written = base.upper(), quote.upper(), day
        try:
            day = date.fromisoformat(day).isoformat() if len(day) == 10 else ""
        except ValueError:
            day = ""
        if not day:
            raise UpdateError(f"{label} line {number}: date {written[:20]!r} is not YYYY-MM-DD")
        if not (_CODE.match(base) and _CODE.match(quote)) or base == quote:
            raise UpdateError(
                f"{label} line {number}: bad currency pair {base[:5]!r}/{quote[:5]!r}"
            )
        if not _VALUE.match(value) or not value.strip("0."):
            raise UpdateError(
                f"{label} line {number}: rate {value[:20]!r} is not a positive decimal "
                "(digits and a point, no thousands separators)"
            )
        pair = rows.setdefault((base, quote), {})
        if pair.get(day, value) != value:
            raise UpdateError(
                f"{label} line {number}: {base}/{quote} on {day} given twice with different rates"
            )
        pair[day] = value
    if not rows:
        raise UpdateError(f"{label}: no rows of rates" + (f" ({notes[0]})" if notes else ""))
    for base, quote in rows:
        if (quote, base) in rows and base < quote:
            raise UpdateError(
                f"{label}: has both {base}/{quote} and {quote}/{base}; keep one direction"
            )
    series = {
        pair: (tuple(sorted(days)), tuple(days[d] for d in sorted(days)))
        for pair, days in rows.items()
    }
    return series, count, tuple(notes)


def frequency_of(series) -> str:
    """daily, weekly or monthly from the median gap between a table's dates."""
    gaps = sorted(
        (date.fromisoformat(b) - date.fromisoformat(a)).days
        for dates, _ in series.values()
        for a, b in pairwise(dates)
    )
    if not gaps:
        return "daily"
    median = gaps[len(gaps) // 2]
    return "daily" if median <= 4 else "weekly" if median <= 10 else "monthly"


def load_saved(location: StoreLocation) -> list[ImportTable]:
    """The imports saved beside the store (a damaged entry is skipped, not fatal)."""
    from dataclasses import replace

    tables = []
    for entry in manifest(location):
        try:
            path = location.imports / entry["file"]
            if not path.is_file():  # a FIFO would block the read
                continue
            table = parse_import(
                path.read_bytes(),
                entry["source"],
                entry["file"],
                fmt=entry.get("format", "table"),
                columns=tuple(entry.get("columns") or ()),
                date_format=entry.get("date_format"),
                prefer=bool(entry.get("prefer")),
            )
        except (OSError, KeyError, TypeError, UpdateError):
            continue
        tables.append(replace(table, imported=entry.get("imported", ""), file=entry["file"]))
    return tables


def manifest(location: StoreLocation) -> list[dict]:
    try:
        entries = json.loads((location.imports / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return []
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []
