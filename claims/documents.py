"""Stories as files: plain text, Markdown or HTML -> the text extraction reads, mapped back.

A ``Document`` keeps the file as read (``source``), the text to extract from (``text``) and a
map from every text offset back to the source, so each finding points at the line and column
the editor has open. Markdown is *masked*: front matter, code and HTML comments become spaces
(newlines kept), so its offsets are the source's. HTML is reduced to its visible text with an
explicit offset map. The story's own date is read from its metadata.
"""

from __future__ import annotations

import codecs
import json
import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import date
from html import unescape
from html.parser import HTMLParser
from typing import Any

from claims.errors import InputError
from claims.model import Finding, Span
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

    def locate(self, finding: Finding) -> Finding:
        """The finding with ``line``, ``column`` and ``source_span`` filled in from the source."""
        span = self.source_span(finding.span)
        line, column = self.line_col(span.start)
        return replace(finding, line=line, column=column, source_span=span)


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
        return _html(name, source)
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
    for tok in md.parse(_masked(source, skip)):
        if tok.map is None:
            continue
        a, b = region(tok.map)
        if tok.type in ("fence", "code_block"):
            code.append((a, b))
        elif tok.type == "html_block":
            last = a
            for x, y in _HtmlText(source[a:b], data_only=True).data_ranges:
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
    return Document(name, source, _masked(source, skip + code), "markdown", day, where, None,
                    parse_suppressions(source, code))


# ------------------------------------------------------------------------------ HTML

_DECLARATION = re.compile(r"<!(?!--)(?!(?i:doctype)[^<>\[\]]*>)")   # <!...> but comments, doctype
_WS_FIX = re.compile(r"[ \t\n\r\f]{2,}|[\t\n\r\f]")    # whitespace that is not one space
_SKIP = frozenset({"script", "style", "head", "title", "noscript", "template", "code", "svg",
                   "math", "iframe", "object"})
_BLOCK = frozenset({"address", "article", "aside", "blockquote", "br", "caption", "dd", "details",
                    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
                    "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
                    "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
                    "tr", "ul", "body", "html"})
_HEAD_ONLY = frozenset({"html", "head", "title", "meta", "link", "style", "script", "base",
                        "noscript", "template"})
_META_DATE = {"article:published_time": (0, "meta article:published_time"),
              "og:published_time": (0, "meta og:published_time"),
              "datepublished": (2, "meta datePublished"), "date": (2, "meta date"),
              "pubdate": (2, "meta pubdate"), "publishdate": (2, "meta publishdate"),
              "dc.date.issued": (2, "meta dc.date.issued"), "dcterms.issued": (2, "meta dcterms.issued")}


def _ld_date(node: Any, depth: int = 0) -> str | None:
    """The first ``datePublished`` in a JSON-LD tree (dicts, lists, @graph)."""
    if depth > 20:
        return None
    if isinstance(node, dict):
        if isinstance(node.get("datePublished"), str):
            return node["datePublished"]
        node = list(node.values())
    if isinstance(node, list):
        for item in node:
            found = _ld_date(item, depth + 1)
            if found:
                return found
    return None


_UNCLOSED = (("<!--", re.compile(r"--\s*>")), ("<![", re.compile(r"\]\s*\]\s*>")),
             ("<", re.compile(">")))


def _defuse_unclosed(source: str) -> str:
    """``source`` with openers that no terminator follows made inert (same length).

    html.parser (3.11) rescans to the end of the input for each such ``<``, ``<!--`` or
    ``<![``, which is quadratic on hostile input; they are fed as a NUL sentinel instead
    (NUL cannot occur in a story: such files are rejected as binary).
    """
    for opener, closer in _UNCLOSED:
        tail = 0
        for m in closer.finditer(source):
            tail = m.end()
        if opener in source[tail:]:
            source = source[:tail] + source[tail:].replace(opener, "\0" + opener[1:])
    return source


class _HtmlText(HTMLParser):
    """Visible text of an HTML page with a source offset for every character, and its date."""

    def __init__(self, source: str, data_only: bool = False) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.data_only = data_only                # only record raw visible data ranges
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        fed = _defuse_unclosed(source)
        try:
            self._parse(fed)
        except AssertionError:                    # malformed <!...> declarations: read as text
            self._parse(_DECLARATION.sub("\0!", fed))

    def _parse(self, fed: str) -> None:
        self.reset()
        self.out: list[str] = []
        self.last = "\n"                         # last character emitted ("\n" at the start)
        self.offsets = array("i")                # 4 bytes a character; inputs are capped far below 2 GB
        self.data_ranges: list[tuple[int, int]] = []
        self.skip: dict[str, int] = {}
        self.pre = 0
        self.ld_json: list[str] | None = None
        self.dates: list[tuple[int, str, str]] = []   # (rank, value, where)
        self.feed(fed)
        self.close()

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _push(self, chunk: str, pos: int, step: int = 1) -> None:
        self.out.append(chunk)
        self.offsets.extend(range(pos, pos + len(chunk)) if step else [pos] * len(chunk))
        self.last = chunk[-1]

    def _emit(self, data: str, pos: int, step: int = 1) -> None:
        """Append visible text; outside <pre>, runs of ASCII whitespace become one space."""
        if self.pre:
            if data:
                self._push(data, pos, step)
            return
        i = len(data) - len(data.lstrip(" \t\n\r\f")) if self.last in " \n" else 0
        for m in _WS_FIX.finditer(data, i):       # single spaces between words pass through
            if m.start() > i:
                self._push(data[i:m.start()], pos + i * step, step)
            if self.last not in " \n":
                self._push(" ", pos + m.start() * step, step)
            i = m.end()
        if i < len(data):
            self._push(data[i:], pos + i * step, step)

    def _newline(self, pos: int) -> None:
        if self.last == " ":
            self.out[-1] = self.out[-1][:-1] + "\n"
            self.last = "\n"
        elif self.last != "\n":
            self._push("\n", pos)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in _META_DATE and a.get("content"):
                rank, where = _META_DATE[key]
                self.dates.append((rank, a["content"], where))
        elif tag == "time" and a.get("datetime"):
            rank = 2 if "pubdate" in a or a.get("itemprop", "").lower() == "datepublished" else 3
            self.dates.append((rank, a["datetime"], "time datetime"))
        elif tag == "script" and a.get("type", "").lower() == "application/ld+json":
            self.ld_json = []
        if "head" in self.skip and tag not in _HEAD_ONLY:   # <body> or content ends <head>
            del self.skip["head"]
        if tag in _BLOCK:
            self.skip.pop("code", None)           # an unclosed <code> ends at the next block
        if tag in _SKIP:
            self.skip[tag] = self.skip.get(tag, 0) + 1
        elif tag == "pre":
            self.pre += 1
        if tag in _BLOCK and not self.skip:
            self._newline(self._pos())

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.ld_json is not None:
            try:
                found = _ld_date(json.loads("".join(self.ld_json)))
            except ValueError:
                found = None
            if found:
                self.dates.append((1, found, "JSON-LD datePublished"))
            self.ld_json = None
        if self.skip.get(tag):
            self.skip[tag] -= 1
            if not self.skip[tag]:
                del self.skip[tag]
        elif tag == "pre" and self.pre:
            self.pre -= 1
        if tag in _BLOCK:
            self.skip.pop("code", None)           # an unclosed <code> ends with its block
        if tag in _BLOCK and not self.skip:
            self._newline(self._pos())

    def handle_data(self, data: str) -> None:
        data = data.replace("\0", "<")
        if self.ld_json is not None:
            self.ld_json.append(data)
        if self.skip:
            return
        pos = self._pos()
        if self.data_only:
            self.data_ranges.append((pos, pos + len(data)))
        else:
            self._emit(data, pos)

    def _ref(self, raw: str) -> None:
        if self.skip or self.data_only:
            return
        pos = self._pos()
        if self.source.startswith(raw + ";", pos):
            raw += ";"
        self._emit(unescape(raw), pos, step=0)

    def handle_entityref(self, name: str) -> None:
        self._ref(f"&{name}")

    def handle_charref(self, name: str) -> None:
        self._ref(f"&#{name}")


def _html(name: str, source: str) -> Document:
    parsed = _HtmlText(source)
    text = "".join(parsed.out).rstrip(" \n")
    offsets = parsed.offsets
    del offsets[len(text):]
    day, where = None, None
    for _rank, value, label in sorted(parsed.dates, key=lambda d: d[0]):
        day = parse_day(value)
        if day:
            where = label
            break
    return Document(name, source, text, "html", day, where, offsets,
                    parse_suppressions(source))
