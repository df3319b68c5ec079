"""Web-archive captures (WARC, or ARC) as HTML stories, read with warcio (the ``warc`` extra).

Every ``response`` (HTTP 200) or ``resource`` record whose content type is HTML is a story:
its id is the WARC record id, its URL the target URI, and the capture time rides along as
``meta.captured`` (and stands in for the story's date only when the page and its text give
none). Other records (images, scripts, redirects, revisits) are not stories and are passed
over. Pages are decoded by their declared charset, else UTF-8, else Windows-1252.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from claims.batch._extras import need
from claims.batch.items import Item
from claims.errors import InputError
from claims.pattern_cache import compile as compile_pattern

MAX_PAGE_BYTES = 16 * 1024 * 1024
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = compile_pattern(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE
)
_HEADER_CHARSET = compile_pattern(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]{1,40})", re.IGNORECASE)


class WarcArchive:
    """HTML captures in a .warc / .warc.gz (or .arc) file."""

    keep = ("captured",)

    def __init__(self, path: str) -> None:
        need("warcio")
        self.path = path

    def _records(self) -> Iterator[tuple[int, Any]]:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed

        try:
            with open(self.path, "rb") as fh:
                for number, record in enumerate(ArchiveIterator(fh, arc2warc=True), start=1):
                    if _is_page(record):  # (asking warcio for the offset
                        yield number, record  # would consume the record)
        except ArchiveLoadFailed as exc:
            raise InputError(f"{self.path}: not a WARC file ({str(exc).splitlines()[0]})") from None
        except OSError as exc:
            raise InputError(f"{self.path}: cannot read: {exc.strerror or exc}") from None

    def items(self) -> Iterator[Item]:
        for number, record in self._records():
            yield _item(record, f"{self.path}:record {number}")

    def count(self) -> int:
        return sum(1 for _ in self._records())


def _is_page(record: Any) -> bool:
    if record.rec_type == "response":
        headers = record.http_headers
        if headers is None or not headers.get_statuscode().startswith("2"):
            return False
        content_type = headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return False
    return content_type.split(";")[0].strip().lower() in _HTML_TYPES


def _item(record: Any, source: str) -> Item:
    headers = record.rec_headers
    ident = (headers.get_header("WARC-Record-ID") or source).strip("<>")
    url = headers.get_header("WARC-Target-URI")
    captured = headers.get_header("WARC-Date")
    common = dict(
        format="html",
        url=url,
        meta=(("captured", captured),),
        source=source,
        fallback_date=captured,
    )
    try:
        data = record.content_stream().read(MAX_PAGE_BYTES + 1)
    except Exception as exc:  # noqa: BLE001 - a bad gzip or chunked body is this page's problem
        return Item(ident, None, problem=f"cannot read the capture: {exc}", **common)
    if len(data) > MAX_PAGE_BYTES:
        return Item(ident, None, problem=f"page larger than {MAX_PAGE_BYTES // 2**20} MB", **common)
    http = record.http_headers.get_header("Content-Type") if record.http_headers else None
    text, problem = decode_page(data, http or headers.get_header("Content-Type") or "")
    return Item(ident, text, problem=problem, **common)


def decode_page(data: bytes, content_type: str) -> tuple[str | None, str | None]:
    """The page as text, by its declared charset, else UTF-8, else Windows-1252."""
    declared = _HEADER_CHARSET.search(content_type)
    name = declared[1] if declared else None
    if name is None:
        found = _CHARSET.search(data[:4096])
        name = found[1].decode("ascii") if found else None
    if data.startswith(b"\xef\xbb\xbf"):
        name, data = "utf-8", data[3:]
    if name:
        try:
            return data.decode(name), None
        except LookupError:
            pass  # an unknown charset name: guess below
        except UnicodeDecodeError:
            return None, f"not {name} as declared"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), None
