"""Stories as files: plain text, Markdown or HTML -> a ``Document`` (``claims.document``): the
text extraction reads, mapped back to the file. Markdown is *masked*: front matter, code and HTML comments become spaces
(line ends kept), so its offsets are the source's. HTML is reduced to the visible text of its
article (``scope="article"``, the default) or of the whole page (``scope="page"``) with an
explicit offset map (``claims.html_text``, ``claims.article``). The story's published and
modified dates are read from its metadata (``claims.dates``). Lines end at LF, CRLF or a lone
CR (old Mac files).
"""

from __future__ import annotations

import re
from typing import Any

from claims.dates import NO_DATES, StoryDates, parse_day
from claims.document import Document, language_tag, lf_view
from claims.encodings import decode
from claims.errors import InputError
from claims.pattern_cache import compile as compile_pattern
from claims.suppressions import parse as parse_suppressions

__all__ = ["Document", "FORMATS", "SCOPES", "decode", "format_for", "load_document", "parse_day"]

FORMATS = ("text", "markdown", "html")
SCOPES = ("article", "page")
EXTENSIONS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
}


# ------------------------------------------------------------------------------ loading


def format_for(name: str, input_format: str | None = None) -> str:
    """The input format: the override, else by extension (.md/.markdown, .html/.htm), else text."""
    if input_format:
        if input_format not in FORMATS:
            raise InputError(f"unknown input format {input_format!r} (use {', '.join(FORMATS)})")
        return input_format
    dot = name.rfind(".")
    return EXTENSIONS.get(name[dot:].lower(), "text") if dot >= 0 else "text"


def load_document(
    name: str, data: bytes, input_format: str | None = None, *, scope: str = "article"
) -> Document:
    """Read one story from its bytes; ``name`` is the path as given (``-`` for stdin).

    ``scope`` matters for HTML only: ``"article"`` reads the story's own text, ``"page"``
    every visible word of the page."""
    if scope not in SCOPES:
        raise InputError(f"unknown scope {scope!r} (use {', '.join(SCOPES)})")
    fmt = format_for(name, input_format)
    source = decode(name, data, fmt)
    if fmt == "markdown":
        return _markdown(name, source)
    if fmt == "html":
        from claims.html_text import html_document  # html.parser only for HTML stories

        return html_document(name, source, scope=scope)
    return Document(
        name, source, source, "text", _text_header_date(source), None, parse_suppressions(source)
    )


# ------------------------------------------------------------------------------ dates

_TEXT_HEADER = compile_pattern(
    r"\A(?:[ \t]*(?:\r\n?|\n))*[ \t]*Date:[ \t]*([^\r\n]{6,40})", re.IGNORECASE
)


def _text_header_date(source: str) -> StoryDates:
    m = _TEXT_HEADER.match(source[:300])
    day = parse_day(m[1].strip()) if m else None
    return StoryDates(day, "Date: header") if day else NO_DATES


# ------------------------------------------------------------------------------ Markdown

_FRONT_OPEN = compile_pattern(r"\A(---|\+\+\+)[ \t]*\r?\n")
#: Front matter keys that date a story, in order of preference (Hugo, Jekyll, Eleventy, Astro...).
_FRONT_PUBLISHED = (
    "date",
    "published",
    "publishdate",
    "pubdate",
    "date_published",
    "datepublished",
    "published_at",
    "created",
    "created_at",
)
_FRONT_MODIFIED = (
    "lastmod",
    "modified",
    "updated",
    "last_modified",
    "date_modified",
    "datemodified",
    "updated_at",
    "modified_at",
)
_FRONT_KEY = compile_pattern(r"^([A-Za-z_][\w-]*)[ \t]*[:=][ \t]*(.*?)[ \t]*\r?$", re.MULTILINE)


def _front_value(raw: str) -> str:
    """A front matter scalar without its quotes."""
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
        return raw[1:-1]
    return raw


#: Front matter keys that name the story's language (Hugo ``languageCode``, Jekyll ``lang``...).
_FRONT_LANGUAGE = ("lang", "language", "languagecode", "locale")


def _front_matter(lined: str) -> tuple[int, StoryDates, str | None]:
    """End offset of YAML (``---``) or TOML (``+++``) front matter, its dates and language.

    ``lined`` is the source with lone CRs read as LFs (``lf_view``). Only top-level keys
    count: a nested ``date:`` (an event's, a photo's) is indented and not matched."""
    m = _FRONT_OPEN.match(lined)
    if not m:
        return 0, NO_DATES, None
    fence = m[1]
    closing = compile_pattern(rf"^(?:{re.escape(fence)}|\.\.\.)[ \t]*\r?$", re.MULTILINE)
    end = closing.search(lined, m.end())
    if not end:
        return 0, NO_DATES, None
    stop = lined.find("\n", end.end())
    stop = len(lined) if stop < 0 else stop + 1
    found: dict[str, str] = {}
    for key, value in _FRONT_KEY.findall(lined, m.end(), end.start()):
        found.setdefault(key.lower().replace("-", "_"), value)
    picked: list[tuple[Any, str | None]] = []
    for keys in (_FRONT_PUBLISHED, _FRONT_MODIFIED):
        for key in keys:
            day = parse_day(_front_value(found.get(key, "")))
            if day:
                picked.append((day, f"front matter {key}"))
                break
        else:
            picked.append((None, None))
    (pub, pub_at), (mod, mod_at) = picked
    language = next(
        (tag for key in _FRONT_LANGUAGE if (tag := language_tag(_front_value(found.get(key, ""))))),
        None,
    )
    return stop, StoryDates(pub, pub_at, mod, mod_at), language


def _blank(s: str) -> str:
    """Spaces for every character but line endings: masking keeps offsets and lines."""
    return re.sub(r"[^\r\n]", " ", s)


_TICKS = compile_pattern(r"`+")
_CONTAINER = compile_pattern(r"\n[ \t>]*")  # blockquote/list prefixes inside a span


def _norm_code(s: str) -> str:
    s = s.replace("\r\n", " ").replace("\n", " ")
    if len(s) > 2 and s[0] == " " and s[-1] == " " and s.strip():
        s = s[1:-1]
    return s


def _find_code_span(
    src: str, pos: int, end: int, markup: str, content: str
) -> tuple[int, int] | None:
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
            inner = src[prev[1] : m.start()]
            if _norm_code(inner) == content:
                return prev[0], m.end()
            squeeze = squeeze if squeeze is not None else re.sub(r"\s+", "", content)
            if re.sub(r"\s+", "", _CONTAINER.sub("\n", inner)) == squeeze:  # in > quotes, lists
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
_LINK_DEFINITION = compile_pattern(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?(?P<url>[^\s>]+)", re.MULTILINE)


def _markdown(name: str, source: str) -> Document:
    from markdown_it import MarkdownIt

    lined = lf_view(source)  # markdown-it and the line regexes see LFs only
    fm_end, dates, language = _front_matter(lined)
    skip: list[tuple[int, int]] = [(0, fm_end)]
    code: list[tuple[int, int]] = []
    starts = [0] + [m.end() for m in re.finditer("\n", lined)] + [len(source)]

    def region(lines: list[int]) -> tuple[int, int]:
        return starts[min(lines[0], len(starts) - 1)], starts[min(lines[1], len(starts) - 1)]

    md = MarkdownIt("commonmark").enable("table")
    cursor = fm_end
    soft: list[tuple[int, int]] = []
    for tok in md.parse(_masked(lined, skip)):
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
            for x, y in HtmlText(lined[a:b], data_only=True).data_ranges:
                skip.append((last, a + x))
                last = a + y
            skip.append((last, b))
        elif tok.type == "inline":
            cursor = max(cursor, a)
            for child in tok.children or ():
                if child.type == "code_inline":
                    hit = _find_code_span(lined, cursor, b, child.markup, child.content)
                    if hit:
                        code.append(hit)
                        cursor = hit[1]
                elif child.type == "html_inline":
                    at = lined.find(child.content, cursor, b)
                    if at >= 0:
                        skip.append((at, at + len(child.content)))
                        cursor = at + len(child.content)
                elif child.type in ("link_open", "image"):
                    url = str(child.attrs.get("href") or child.attrs.get("src") or "")
                    at = lined.find(url, cursor, b) if url else -1
                    if at >= 0:  # the URL is not story text: 2025/06/30
                        skip.append((at, at + len(url)))
    skip.extend(m.span("url") for m in _LINK_DEFINITION.finditer(lined, fm_end))
    return Document(
        name,
        source,
        _masked(source, skip + code),
        "markdown",
        dates,
        None,
        parse_suppressions(source, code),
        tuple(soft),
        language=language,
    )


_CONTINUATION = compile_pattern(r"[ \t>]*")


def _paragraph_breaks(source: str, starts: list[int], lines: list[int]) -> list[tuple[int, int]]:
    """The line breaks inside one paragraph's lines, each with where the next line's text
    starts (after its indentation and ``>`` quote markers)."""
    out = []
    for line in range(lines[0] + 1, min(lines[1], len(starts) - 1)):
        newline = starts[line] - 1
        indent = _CONTINUATION.match(source, starts[line])  # always matches ("*")
        out.append((newline, indent.end() if indent else starts[line]))
    return out
