"""Stories as files: plain text, Markdown or HTML -> the text extraction reads, mapped back.

A ``Document`` keeps the file as read (``source``), the text to extract from (``text``) and a
map from every text offset back to the source, so each finding points at the line and column
the editor has open. Markdown is *masked*: front matter, code and HTML comments become spaces
(newlines kept), so its offsets are the source's. HTML is reduced to its visible text with an
explicit offset map. The story's own date is read from its metadata.
"""

from __future__ import annotations

import codecs
import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from claims.errors import InputError
from claims.model import Finding, Location, Span
from claims.suppressions import Suppressions, parse as parse_suppressions

FORMATS = ("text", "markdown", "html")
EXTENSIONS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
              ".txt": "text"}


@dataclass(frozen=True, eq=False)
class Document:
    """One story: ``source`` as read, ``text`` for extraction, offsets from text to source."""

    path: str
    source: str
    text: str
    format: str = "text"
    date: date | None = None                  # from the story's own metadata
    date_source: str | None = None            # e.g. "front matter date", "meta article:published_time"
    offsets: array | None = None              # text offset -> source offset; None: identical
    suppressions: Suppressions = Suppressions()
    #: Line breaks inside paragraphs, as (break offset in ``text``, where the continued line's
    #: text starts); None lets the reading decide (plain text). See ``claims.extract.reading``.
    soft_breaks: tuple[tuple[int, int], ...] | None = None
    line_starts: array = field(init=False, repr=False)

    def __post_init__(self) -> None:
        starts = array("l", [0])
        starts.extend(m.end() for m in re.finditer("\n", self.source))
        object.__setattr__(self, "line_starts", starts)

    def to_source(self, offset: int) -> int:
        """The source offset of text offset ``offset`` (the text's end maps to the source's)."""
        if self.offsets is None:
            return max(0, min(offset, len(self.source)))
        if offset >= len(self.text):
            return len(self.source)
        return self.offsets[max(0, offset)]

    def source_span(self, span: Span) -> Span:
        """``span`` (text offsets) as source offsets, ending just after its last character."""
        start = self.to_source(span.start)
        if self.offsets is None or span.end <= span.start:
            return Span(start, max(start, self.to_source(span.end)))
        last = self.to_source(span.end - 1)
        end = last + 1
        if self.source.startswith("&", last):              # an entity: end after its ';'
            semi = self.source.find(";", last, last + 40)
            end = semi + 1 if semi > 0 else end
        return Span(start, max(start, end))

    def line_col(self, source_offset: int) -> tuple[int, int]:
        """1-based line and column (code points) of a source offset."""
        i = bisect_right(self.line_starts, source_offset) - 1
        return i + 1, source_offset - self.line_starts[i] + 1

    def line_text(self, line: int) -> str:
        """Source line ``line`` (1-based), without its line ending."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.source)
        return self.source[start:end].rstrip("\r\n")

    def location(self, span: Span) -> Location:
        """``span`` (text offsets) in the source: offsets, lines, code-point and byte columns."""
        src = self.source_span(span)
        line, column = self.line_col(src.start)
        end_line, end_column = self.line_col(src.end)
        return Location(src.start, src.end, line, column, end_line, end_column,
                        self._byte_column(line, src.start), self._byte_column(end_line, src.end))

    def _byte_column(self, line: int, source_offset: int) -> int:
        start = self.line_starts[line - 1]
        return len(self.source[start:source_offset].encode("utf-8", "surrogatepass")) + 1

    def locate(self, finding: Finding) -> Finding:
        """The finding, and every figure in it, with its ``location`` in the source file."""
        figures = {role: self.place(f) for role, f in finding.figures.items()}
        return replace(finding, location=self.location(finding.span),
                       original=self.place(finding.original),
                       converted=self.place(finding.converted), figures=figures)

    def place(self, figure: Any) -> Any:
        """A figure (or a tuple of them) with its ``location`` in the source file."""
        if figure is None:
            return None
        if isinstance(figure, tuple):
            return tuple(self.place(f) for f in figure)
        return replace(figure, location=self.location(figure.span))


# ------------------------------------------------------------------------------ loading

def format_for(name: str, input_format: str | None = None) -> str:
    """The input format: the override, else by extension (.md/.markdown, .html/.htm), else text."""
    if input_format:
        if input_format not in FORMATS:
            raise InputError(f"unknown input format {input_format!r} (use {', '.join(FORMATS)})")
        return input_format
    dot = name.rfind(".")
    return EXTENSIONS.get(name[dot:].lower(), "text") if dot >= 0 else "text"


def decode(name: str, data: bytes) -> str:
    """UTF-8 text (a BOM dropped); binary or non-UTF-8 data is an ``InputError``."""
    if b"\x00" in data:
        raise InputError(f"{name}: binary file (contains NUL bytes), not a text story")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(f"{name}: not UTF-8 text (byte 0x{data[exc.start]:02x} on line {line}); "
                         "save it as UTF-8") from None


def load_document(name: str, data: bytes, input_format: str | None = None) -> Document:
    """Read one story from its bytes; ``name`` is the path as given (``-`` for stdin)."""
    fmt = format_for(name, input_format)
    source = decode(name, data)
    if fmt == "markdown":
        return _markdown(name, source)
    if fmt == "html":
        from claims.html_text import html_document   # html.parser only for HTML stories

        return html_document(name, source)
    day, where = _text_header_date(source)
    return Document(name, source, source, "text", day, where, None, parse_suppressions(source))


# ------------------------------------------------------------------------------ dates

_ISO_DAY = re.compile(r"\s*[\"']?(\d{4})-(\d{2})-(\d{2})")


def parse_day(value: Any) -> date | None:
    """The calendar day an ISO-8601 date or timestamp starts with, as written; else None."""
    if isinstance(value, date):
        return value
    m = _ISO_DAY.match(str(value)) if isinstance(value, str) else None
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


_TEXT_HEADER = re.compile(r"\A(?:[ \t]*\r?\n)*[ \t]*Date:[ \t]*(\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)


def _text_header_date(source: str) -> tuple[date | None, str | None]:
    m = _TEXT_HEADER.match(source[:200])
    day = parse_day(m[1]) if m else None
    return (day, "Date: header") if day else (None, None)


# ------------------------------------------------------------------------------ Markdown

_FRONT_OPEN = re.compile(r"\A(---|\+\+\+)[ \t]*\r?\n")
_FRONT_KEYS = ("date", "published", "publishdate", "pubdate", "date_published", "datepublished")
_FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*[:=][ \t]*(.*?)[ \t]*\r?$", re.MULTILINE)


def _front_matter(source: str) -> tuple[int, date | None, str | None]:
    """End offset of YAML (``---``) or TOML (``+++``) front matter, and its date."""
    m = _FRONT_OPEN.match(source)
    if not m:
        return 0, None, None
    fence = m[1]
    closing = re.compile(rf"^(?:{re.escape(fence)}|\.\.\.)[ \t]*\r?$", re.MULTILINE)
    end = closing.search(source, m.end())
    if not end:
        return 0, None, None
    stop = source.find("\n", end.end())
    stop = len(source) if stop < 0 else stop + 1
    found = {k.lower(): v for k, v in reversed(_FRONT_KEY.findall(source, m.end(), end.start()))}
    for key in _FRONT_KEYS:
        day = parse_day(found.get(key, ""))
        if day:
            return stop, day, f"front matter {key}"
    return stop, None, None


def _blank(s: str) -> str:
    """Spaces for every character but line endings: masking keeps offsets and lines."""
    return re.sub(r"[^\r\n]", " ", s)


_TICKS = re.compile(r"`+")
_CONTAINER = re.compile(r"\n[ \t>]*")                 # blockquote/list prefixes inside a span


def _norm_code(s: str) -> str:
    s = s.replace("\r\n", " ").replace("\n", " ")
    if len(s) > 2 and s[0] == " " and s[-1] == " " and s.strip():
        s = s[1:-1]
    return s


def _find_code_span(src: str, pos: int, end: int, markup: str, content: str) -> tuple[int, int] | None:
    """Where the inline code ``content`` delimited by ``markup`` backticks starts and ends.

    Backtick runs of the right length are paired in order from ``pos``; the first pair whose
    inside reads as ``content`` wins (lazily: usually the very next pair).
    """
    n = len(markup)
    squeeze = None
    prev: tuple[int, int] | None = None
    for m in _TICKS.finditer(src, pos, end):
        if m.end() - m.start() != n:
            continue
        if prev is not None:
            inner = src[prev[1]:m.start()]
            if _norm_code(inner) == content:
                return prev[0], m.end()
            squeeze = squeeze if squeeze is not None else re.sub(r"\s+", "", content)
            if re.sub(r"\s+", "", _CONTAINER.sub("\n", inner)) == squeeze:   # in > quotes, lists
                return prev[0], m.end()
        prev = (m.start(), m.end())
    return None


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(r for r in ranges if r[1] > r[0]):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _masked(source: str, ranges: list[tuple[int, int]]) -> str:
    """``source`` with every range blanked (see ``_blank``)."""
    parts, last = [], 0
    for a, b in _merge(ranges):
        parts += [source[last:a], _blank(source[a:b])]
        last = b
    parts.append(source[last:])
    return "".join(parts)


#: ``[id]: https://...`` reference definitions: their URLs are not story text.
_LINK_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?(?P<url>[^\s>]+)", re.MULTILINE)


def _markdown(name: str, source: str) -> Document:
    from markdown_it import MarkdownIt

    fm_end, day, where = _front_matter(source)
    skip: list[tuple[int, int]] = [(0, fm_end)]
    code: list[tuple[int, int]] = []
    starts = [0] + [m.end() for m in re.finditer("\n", source)] + [len(source)]

    def region(lines: list[int]) -> tuple[int, int]:
        return starts[min(lines[0], len(starts) - 1)], starts[min(lines[1], len(starts) - 1)]

    md = MarkdownIt("commonmark").enable("table")
    cursor = fm_end
    soft: list[tuple[int, int]] = []
    for tok in md.parse(_masked(source, skip)):
        if tok.map is None:
            continue
        a, b = region(tok.map)
        if tok.type == "inline" and tok.map[1] - tok.map[0] > 1:
            soft.extend(_paragraph_breaks(source, starts, tok.map))
        if tok.type in ("fence", "code_block"):
            code.append((a, b))
        elif tok.type == "html_block":
            from claims.html_text import HtmlText

            last = a
            for x, y in HtmlText(source[a:b], data_only=True).data_ranges:
                skip.append((last, a + x))
                last = a + y
            skip.append((last, b))
        elif tok.type == "inline":
            cursor = max(cursor, a)
            for child in tok.children or ():
                if child.type == "code_inline":
                    hit = _find_code_span(source, cursor, b, child.markup, child.content)
                    if hit:
                        code.append(hit)
                        cursor = hit[1]
                elif child.type == "html_inline":
                    at = source.find(child.content, cursor, b)
                    if at >= 0:
                        skip.append((at, at + len(child.content)))
                        cursor = at + len(child.content)
                elif child.type in ("link_open", "image"):
                    url = str(child.attrs.get("href") or child.attrs.get("src") or "")
                    at = source.find(url, cursor, b) if url else -1
                    if at >= 0:                     # the URL is not story text: 2025/06/30
                        skip.append((at, at + len(url)))
    skip.extend(m.span("url") for m in _LINK_DEFINITION.finditer(source, fm_end))
    return Document(name, source, _masked(source, skip + code), "markdown", day, where, None,
                    parse_suppressions(source, code), tuple(soft))


_CONTINUATION = re.compile(r"[ \t>]*")


def _paragraph_breaks(source: str, starts: list[int], lines: list[int]) -> list[tuple[int, int]]:
    """The line breaks inside one paragraph's lines, each with where the next line's text
    starts (after its indentation and ``>`` quote markers)."""
    out = []
    for line in range(lines[0] + 1, min(lines[1], len(starts) - 1)):
        newline = starts[line] - 1
        out.append((newline, _CONTINUATION.match(source, starts[line]).end()))
    return out
