"""``claims rates import``: a newsroom's or central bank's own table, kept apart from ECB data.

The default layout has the columns ``date, base, quote, rate`` (any order, case-insensitive,
others ignored): ``rate`` units of ``quote`` per 1 ``base`` on ``date``, as a plain decimal;
FRED's H.10 CSVs and any CSV with a column map are read too (``claims.rates.formats``). An import
answers only where the ECB and the pegs cannot, unless made with ``prefer`` (then it answers
its own pairs first); it always answers before HMRC's monthly rates. Each
import is saved under ``downloads/imports/`` with a manifest, so a rebuilt database keeps
it, and is cited as ``imported: <source name>``. Importing the same source name again
replaces that table.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Sequence

from claims.errors import InputError, UpdateError
from claims.rates import formats
from claims.rates.db import write_atomic
from claims.rates.locations import StoreLocation

MAX_IMPORT_BYTES = 64 * 1024 * 1024
MAX_IMPORT_ROWS = 1_000_000
MANIFEST = "manifest.json"
_CODE = re.compile(r"[A-Z]{3}\Z")
_VALUE = re.compile(r"[0-9]{1,15}(?:\.[0-9]{1,15})?\Z")


@dataclass(frozen=True)
class ImportTable:
    """One imported table: per (base, quote) its ascending (dates, values)."""

    source: str
    series: dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]]
    sha256: str
    rows: int
    imported: str = ""                      # UTC date the file was imported
    file: str = ""                          # the saved copy's name under downloads/imports/
    fmt: str = "table"                      # how the file is read (claims.rates.formats)
    columns: tuple[str, ...] = ()
    date_format: str | None = None
    prefer: bool = False                    # answers its pairs before the ECB
    frequency: str = "daily"

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


def parse_import(data: bytes, source: str, label: str = "import", *, fmt: str = "table",
                 columns: Sequence[str] = (), date_format: str | None = None,
                 prefer: bool = False) -> ImportTable:
    """Validate an import file read as ``fmt`` (``claims.rates.formats``); errors name the line."""
    source = check_source_name(source)
    if len(data) > MAX_IMPORT_BYTES:
        raise UpdateError(f"{label}: over the {MAX_IMPORT_BYTES} byte limit")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UpdateError(f"{label}: not UTF-8 text") from None
    series, count = _collect(formats.rows(fmt, text, label, columns, date_format), label)
    return ImportTable(source=source, series=series, sha256=hashlib.sha256(data).hexdigest(),
                       rows=count, fmt=fmt, columns=tuple(columns), date_format=date_format,
                       prefer=prefer, frequency=frequency_of(series))


def _collect(found, label: str):
    """Validate rows: ISO dates, currency codes, positive decimal rates, no conflicting repeats."""
    rows: dict[tuple[str, str], dict[str, str]] = {}
    count = 0
    for number, day, base, quote, value in found:
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
            raise UpdateError(f"{label} line {number}: bad currency pair {base[:5]!r}/{quote[:5]!r}")
        if not _VALUE.match(value) or not value.strip("0."):
            raise UpdateError(f"{label} line {number}: rate {value[:20]!r} is not a positive decimal "
                              "(digits and a point, no thousands separators)")
        pair = rows.setdefault((base, quote), {})
        if pair.get(day, value) != value:
            raise UpdateError(f"{label} line {number}: {base}/{quote} on {day} given twice "
                              "with different rates")
        pair[day] = value
    if not rows:
        raise UpdateError(f"{label}: no rows of rates")
    for (base, quote) in rows:
        if (quote, base) in rows and base < quote:
            raise UpdateError(f"{label}: has both {base}/{quote} and {quote}/{base}; keep one direction")
    series = {pair: (tuple(sorted(days)), tuple(days[d] for d in sorted(days)))
              for pair, days in rows.items()}
    return series, count


def frequency_of(series) -> str:
    """daily, weekly or monthly from the median gap between a table's dates."""
    gaps = sorted((date.fromisoformat(b) - date.fromisoformat(a)).days
                  for dates, _ in series.values() for a, b in zip(dates, dates[1:]))
    if not gaps:
        return "daily"
    median = gaps[len(gaps) // 2]
    return "daily" if median <= 4 else "weekly" if median <= 10 else "monthly"


def import_csv(location: StoreLocation, path: Path, source: str, *, fmt: str = "table",
               columns: Sequence[str] = (), date_format: str | None = None,
               prefer: bool = False) -> ImportTable:
    """Validate ``path``, save it beside the store and rebuild the database with it."""
    from dataclasses import replace

    from claims.rates import build        # build reads the saved imports: imported late

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    table = parse_import(data, source, label=Path(path).name, fmt=fmt, columns=columns,
                         date_format=date_format, prefer=prefer)
    name = table.source
    file = f"{re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-')[:40] or 'import'}-" \
           f"{hashlib.sha256(name.encode()).hexdigest()[:8]}.csv"
    today = datetime.now(timezone.utc).date().isoformat()

    def save() -> None:
        folder = location.imports
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(folder / file, data)
        manifest = [e for e in _manifest(location) if e.get("source") != name]
        manifest.append({"source": name, "file": file, "sha256": table.sha256,
                         "imported": today, "original": str(path), "format": fmt,
                         "columns": list(columns), "date_format": date_format, "prefer": prefer})
        write_atomic(folder / MANIFEST, json.dumps(manifest, indent=2).encode())

    saved = replace(table, imported=today, file=file)
    build.rebuild(location, f"import of {name}", add_import=saved, commit=save)
    return saved


def load_saved(location: StoreLocation) -> list[ImportTable]:
    """The imports saved beside the store (a damaged entry is skipped, not fatal)."""
    from dataclasses import replace

    tables = []
    for entry in _manifest(location):
        try:
            path = location.imports / entry["file"]
            if not path.is_file():                       # a FIFO would block the read
                continue
            table = parse_import(path.read_bytes(), entry["source"], entry["file"],
                                 fmt=entry.get("format", "table"),
                                 columns=tuple(entry.get("columns") or ()),
                                 date_format=entry.get("date_format"),
                                 prefer=bool(entry.get("prefer")))
        except (OSError, KeyError, TypeError, UpdateError):
            continue
        tables.append(replace(table, imported=entry.get("imported", ""), file=entry["file"]))
    return tables


def _manifest(location: StoreLocation) -> list[dict]:
    try:
        entries = json.loads((location.imports / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return []
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []

