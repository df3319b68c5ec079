"""Read the ECB euro reference-rate history (``eurofxref-hist.zip`` / ``.csv``), validating it.

The file has one row per TARGET working day, newest first: ``Date,USD,JPY,...`` with
units of currency per 1 euro as published ("1.1472", "136") and ``N/A`` where the ECB
published nothing. Values are kept as the published strings. Pure: bytes in, table out.
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from claims.errors import UpdateError
from claims.pattern_cache import compile as compile_pattern

SOURCE = "ECB euro reference rate"
MAX_ZIP_BYTES = 32 * 1024 * 1024  # the real file is ~0.7 MB
MAX_CSV_BYTES = 128 * 1024 * 1024  # uncompressed; the real file is ~2 MB
MAX_RATIO = 200  # uncompressed/compressed: more is a zip bomb
MAX_ROWS = 200_000
_CODE = compile_pattern(r"[A-Z]{3}\Z")
_VALUE = compile_pattern(r"[0-9]{1,12}(?:\.[0-9]{1,12})?\Z")
_MISSING = {"N/A", ""}


@dataclass(frozen=True)
class EcbTable:
    """The parsed history: ascending fixing days and, per currency, its (dates, values)."""

    days: tuple[str, ...]  # ISO dates, ascending
    series: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]
    sha256: str  # of the file as given (zip or csv)

    @property
    def first_date(self) -> str:
        return self.days[0]

    @property
    def last_date(self) -> str:
        return self.days[-1]

    @property
    def currencies(self) -> tuple[str, ...]:
        return tuple(sorted(self.series))


def read_zip(data: bytes) -> str:
    """The CSV text inside an ECB history zip; refuses oversized files and zip bombs."""
    if len(data) > MAX_ZIP_BYTES:
        raise UpdateError(f"zip is {len(data)} bytes, over the {MAX_ZIP_BYTES} byte limit")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [m for m in archive.infolist() if m.filename.lower().endswith(".csv")]
        if len(members) != 1:
            raise UpdateError(f"zip holds {len(members)} CSV files, expected one")
        member = members[0]
        limit = min(MAX_CSV_BYTES, max(len(data), 1) * MAX_RATIO)
        if member.file_size > limit:
            raise UpdateError(
                f"zip member {member.filename} unpacks to {member.file_size} bytes, "
                f"over the {limit} byte limit"
            )
        with archive.open(member) as handle:
            raw = handle.read(limit + 1)  # never trust the declared size alone
        if len(raw) > limit:
            raise UpdateError(f"zip member {member.filename} unpacks past the {limit} byte limit")
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise UpdateError(f"not a readable zip file ({_short(exc)})") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UpdateError("CSV inside the zip is not UTF-8 text") from None


def parse(data: bytes) -> EcbTable:
    """Parse a zip or a bare CSV (by its magic bytes) into a validated table."""
    digest = hashlib.sha256(data).hexdigest()
    if data[:4] == b"PK\x03\x04":
        text = read_zip(data)
    else:
        if len(data) > MAX_CSV_BYTES:
            raise UpdateError(f"CSV is {len(data)} bytes, over the {MAX_CSV_BYTES} byte limit")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise UpdateError("file is neither a zip nor UTF-8 CSV text") from None
    return parse_csv(text, digest)


def parse_csv(text: str, sha256: str = "") -> EcbTable:
    """Validate and index ``Date,CUR,...`` rows: codes, dates strictly ordered, values decimal."""
    rows = csv.reader(io.StringIO(text, newline=""))
    try:
        return _parse_rows(rows, sha256)
    except csv.Error as exc:
        raise UpdateError(
            f"line {rows.line_num}: not readable as CSV ({_short(exc)[:80]})"
        ) from None


def _parse_rows(rows, sha256: str) -> EcbTable:
    header = next(rows, None)
    if not header or header[0].strip() != "Date":
        raise UpdateError("not an ECB history file: first column is not 'Date'")
    codes = [c.strip() for c in header[1:]]
    while codes and codes[-1] == "":
        codes.pop()  # the ECB ends every line with a comma
    bad = [c for c in codes if not _CODE.match(c)]
    if bad or not codes:
        raise UpdateError(f"not an ECB history file: bad currency columns {bad[:3] or 'none'}")
    if len(set(codes)) != len(codes) or "EUR" in codes or "USD" not in codes:
        raise UpdateError("not an ECB history file: duplicate, EUR or missing USD columns")
    width = len(codes)
    days: list[str] = []
    values: dict[str, tuple[list[str], list[str]]] = {c: ([], []) for c in codes}
    for number, row in enumerate(rows, start=2):
        if not row or row == [""]:
            continue
        if len(days) >= MAX_ROWS:
            raise UpdateError(f"more than {MAX_ROWS} rows")
        cells = [c.strip() for c in row[1:]]
        while len(cells) > width and cells[-1] == "":
            cells.pop()
        if len(cells) != width:
            raise UpdateError(f"line {number}: {len(cells)} values for {width} currencies")
        day = _iso(row[0].strip(), number)
        days.append(day)
        for code, cell in zip(codes, cells, strict=True):
            if cell in _MISSING:
                continue
            if not _VALUE.match(cell) or not cell.strip("0."):
                raise UpdateError(
                    f"line {number}: {code} value {cell[:20]!r} is not a positive decimal"
                )
            dates, vals = values[code]
            dates.append(day)
            vals.append(cell)
    if not days:
        raise UpdateError("no rows of rates")
    descending = len(days) > 1 and days[0] > days[1]
    if descending:
        days.reverse()
        for dates, vals in values.values():
            dates.reverse()
            vals.reverse()
    for earlier, later in pairwise(days):
        if not earlier < later:
            raise UpdateError(f"dates out of order or repeated around {later}")
    series = {c: (tuple(d), tuple(v)) for c, (d, v) in values.items() if d}
    return EcbTable(days=tuple(days), series=series, sha256=sha256)


def _iso(text: str, number: int) -> str:
    try:
        return date.fromisoformat(text).isoformat() if len(text) == 10 else _bad_date(text, number)
    except ValueError:
        return _bad_date(text, number)


def _bad_date(text: str, number: int) -> str:
    raise UpdateError(f"line {number}: {text[:20]!r} is not a YYYY-MM-DD date")


def _short(exc: BaseException) -> str:
    return str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
