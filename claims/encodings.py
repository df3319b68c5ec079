"""Bytes to text: a BOM, else UTF-8, else (HTML only) the charset the page declares.

A byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) wins, as in browsers. Bytes that are
valid UTF-8 are read as UTF-8 even when a page declares another charset: a saved page keeps
its template's ``<meta charset="gb2312">`` although its server sent (and browsers read) UTF-8,
and other encodings' non-ASCII text is practically never valid UTF-8. Otherwise an HTML page's
declaration in its first 4 KiB is honoured (``<meta charset>``, ``<meta
http-equiv="Content-Type" content="...; charset=...">``, ``<?xml ... encoding="..."?>``). Undeclared non-UTF-8 text and NUL-bearing data are one-line
``InputError`` messages. As in the WHATWG Encoding Standard, ``iso-8859-1``, ``latin1`` and
``us-ascii`` labels are read as windows-1252, and a page that declares UTF-16 without a BOM is
read as UTF-8 (the declaration could not have been read otherwise).
"""

from __future__ import annotations

import codecs
import re

from claims.errors import InputError
from claims.pattern_cache import compile as compile_pattern

#: Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: WHATWG label remappings that differ from Python's codec of the same name.
_WHATWG = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "latin5": "cp1254",
    "iso-8859-11": "cp874",
    "tis-620": "cp874",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "ms_kanji": "cp932",
    "windows-31j": "cp932",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "big5": "big5hkscs",
    "ks_c_5601-1987": "cp949",
    "euc-kr": "cp949",
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
    "unicode": "utf-8",
    "x-user-defined": "cp1252",
}

PRESCAN_BYTES = 4096


def _c1(exc: UnicodeError) -> tuple[str, int]:
    """The five bytes windows-1252 leaves undefined decode to C1 controls, as browsers do."""
    assert isinstance(exc, UnicodeDecodeError)
    return exc.object[exc.start : exc.end].decode("latin-1"), exc.end


codecs.register_error("claims-c1", _c1)

_DECLARED = compile_pattern(
    rb"""
    <meta\b[^>]*?\bcharset\s*=\s*["']?\s*(?P<meta>[\w.:-]+)        # <meta charset="..."> or
                                                                   # content="text/html; charset=..."
    | <\?xml\b[^>]*?\bencoding\s*=\s*["']\s*(?P<xml>[\w.:-]+)      # <?xml version="1.0" encoding="..."?>
    """,
    re.IGNORECASE | re.VERBOSE,
)
_COMMENT = compile_pattern(rb"<!--.*?-->", re.DOTALL)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KiB (comments skipped), as written."""
    head = _COMMENT.sub(b"", data[:PRESCAN_BYTES])
    m = _DECLARED.search(head)
    if not m:
        return None
    return (m["meta"] or m["xml"]).decode("ascii", "replace").strip().lower()


def _codec(label: str) -> str | None:
    """Python's codec for an encoding label, WHATWG remappings applied; None if unknown."""
    name = _WHATWG.get(label, label)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(name: str, data: bytes, fmt: str = "text") -> str:
    """The story's text: BOM, then (``fmt == "html"``) a declared charset, else UTF-8."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name}: not valid {codec.upper()} text after its byte-order "
                    f"mark (at byte {exc.start + len(bom)})"
                ) from None
    if b"\x00" in data:
        raise InputError(f"{name}: binary file (contains NUL bytes), not a text story")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    label = declared_charset(data) if fmt == "html" else None
    if label:
        declared = _codec(label)
        if declared is None:
            raise InputError(
                f"{name}: declares an unknown charset {label[:40]!r}; save it as UTF-8"
            )
        if declared != "utf-8":
            try:
                return data.decode(declared, "claims-c1" if declared == "cp1252" else "strict")
            except UnicodeDecodeError as exc:
                line = data.count(b"\n", 0, exc.start) + 1
                raise InputError(
                    f"{name}: not valid {label} text as it declares (byte "
                    f"0x{data[exc.start]:02x} on line {line})"
                ) from None
    line = data.count(b"\n", 0, bad_at) + 1
    hint = "; save it as UTF-8" + (
        " or declare its charset (<meta charset=...>)" if fmt == "html" and not label else ""
    )
    raise InputError(f"{name}: not UTF-8 text (byte 0x{data[bad_at]:02x} on line {line}){hint}")
