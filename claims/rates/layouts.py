"""Which layout a rate file has, and its rows read by that layout: the one dispatch over the
general layouts (``formats``: a plain table, a column map) and the official series
(``official``: FRED, the Fed's H.10, the IMF)."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence

from claims.errors import UpdateError
from claims.rates import formats, official
from claims.rates.formats import Note, Row

__all__ = ["rows", "detect"]


def rows(
    fmt: str, text: str, label: str, columns: Sequence[str] = (), date_format: str | None = None
) -> Iterator[Row | Note]:
    """The rate rows of ``text`` read as ``fmt``; a layout problem is an UpdateError."""
    if fmt == "auto":
        fmt = detect(text)
    reader = formats.reader(text)
    found: Iterator[Row | Note]
    if fmt == "table":
        found = formats.table(reader, label)
    elif fmt == "columns":
        found = formats.columns(reader, label, columns, date_format)
    elif fmt in official.READERS:
        found = official.READERS[fmt](reader, label)
    else:
        raise UpdateError(f"unknown import format {fmt!r} (one of {', '.join(formats.FORMATS)})")
    try:
        yield from found
    except csv.Error as exc:
        raise UpdateError(f"{label} line {reader.line_num}: {formats.problem(exc)}") from None


def detect(text: str) -> str:
    """The layout of ``text`` from its header lines: fred, h10, imf or table (the default)."""
    lines = [line for line in text.splitlines()[:8] if line.strip()]
    if not lines:
        return "table"
    head = next(csv.reader([lines[0]], delimiter=formats.delimiter(lines[0])), [""])
    first = head[0].strip().strip('"').lower()
    if first in ("series description", "descriptions:"):
        return "h10"
    if any(
        official.IMF_TITLE.match(line.strip().strip('"')) or official.IMF_HEADER.match(line)
        for line in lines[:4]
    ):
        return "imf"
    if first == "observation_date" or (
        first == "date"
        and len(head) > 1
        and all(official.FRED_ID.match(cell.strip().upper()) for cell in head[1:])
    ):
        return "fred"
    return "table"
