"""HTML stories: the visible text of a page, each character mapped back to the source.

Python's ``html.parser`` (a real parser, no dependency) reads the page; ``<script>``,
``<style>``, ``<head>``, code and attributes are skipped, entities decoded, block elements
separated by newlines. The story's date comes from ``article:published_time``, JSON-LD
``datePublished``, other date ``<meta>`` tags, then ``<time datetime>``. Imported only when a
story is HTML.
"""

from __future__ import annotations

import json
import re
from array import array
from html import unescape
from html.parser import HTMLParser
from typing import Any

from claims.documents import Document, parse_day
from claims.suppressions import parse as parse_suppressions

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


class HtmlText(HTMLParser):
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


def html_document(name: str, source: str) -> Document:
    """The visible text of an HTML story, with its offset map and metadata date."""
    parsed = HtmlText(source)
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
                    parse_suppressions(source), soft_breaks=())   # block elements end lines
