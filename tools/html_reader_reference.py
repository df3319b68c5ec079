"""The previous HTML reader (``html.parser`` driven), kept only to compare with the new one.

``claims.html_text`` now tokenizes pages itself (a faster reader with the same results); this
is its former class, verbatim, used by ``tools/compare_html_readers.py`` (all pages of
../shared/pages) and ``tests/test_html_reader.py`` (hand-written tricky pages) to show that
the two give identical text, offsets, element records, date metas, JSON-LD and ``<time>``s.
Not part of the package.
"""

from __future__ import annotations

import re
from array import array
from html import unescape
from html.parser import HTMLParser

from claims.article import Node

_DECLARATION = re.compile(r"<!(?!--)(?!(?i:doctype)[^<>\[\]]*>)")  # <!...> but comments, doctype
_WS_FIX = re.compile(r"[ \t\n\r\f]{2,}|[\t\n\r\f]")  # whitespace that is not one space
_SKIP = frozenset(
    {
        "script",
        "style",
        "head",
        "title",
        "noscript",
        "template",
        "code",
        "svg",
        "math",
        "iframe",
        "object",
    }
)
_BLOCK = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "caption",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "body",
        "html",
        "dialog",
        "menu",
        "picture",
        "video",
        "audio",
    }
)
_HEAD_ONLY = frozenset(
    {"html", "head", "title", "meta", "link", "style", "script", "base", "noscript", "template"}
)
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "keygen",
    }
)
_CLOSES_P = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "div",
        "dl",
        "fieldset",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "ul",
        "menu",
    }
)
_NODE_TAGS = frozenset({"time", "label", "button", "select", "textarea", "legend"})
_DATE_PROPS = frozenset({"datepublished", "datemodified", "datecreated", "dateupdated"})
MAX_LD_CHARS = 2_000_000  # JSON-LD kept per page for the date rules
MAX_NODES = 200_000  # element records per page (~100 bytes each)


_UNCLOSED = (
    ("<!--", re.compile(r"--\s*>")),
    ("<![", re.compile(r"\]\s*\]\s*>")),
    ("<", re.compile(">")),
)


def _defuse_unclosed(source: str) -> str:
    """``source`` with openers that no terminator follows made inert (same length).

    html.parser (3.11) rescans to the end of the input for each such ``<``, ``<!--`` or
    ``<![``, which is quadratic on hostile input; they are fed as a NUL sentinel instead
    (NUL cannot occur in a story: such files are rejected as binary).
    """
    for opener, closer in _UNCLOSED:
        last = source.rfind(opener)
        if last < 0 or closer.search(source, last + len(opener)):
            continue  # the last opener is closed: all are
        tail = 0
        for m in closer.finditer(source):
            tail = m.end()
        if opener in source[tail:]:
            source = source[:tail] + source[tail:].replace(opener, "\0" + opener[1:])
    return source


class HtmlText(HTMLParser):
    """Visible text of an HTML page with a source offset for every character, and its structure."""

    def __init__(self, source: str, data_only: bool = False) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.data_only = data_only  # only record raw visible data ranges
        fed = _defuse_unclosed(source)
        try:
            self._parse(fed)
        except AssertionError:  # malformed <!...> declarations: read as text
            self._parse(_DECLARATION.sub("\0!", fed))
        del self.source

    def updatepos(self, i: int, j: int) -> int:
        """Track the absolute offset of the construct being read (no line counting needed)."""
        self._at = self._base + j
        return j

    def _parse(self, fed: str) -> None:
        self.reset()
        self.out: list[str] = []
        self.n = 0  # characters emitted so far
        self.last = "\n"  # last character emitted ("\n" at the start)
        self.offsets = array("i")  # 4 bytes a character; inputs are capped far below 2 GB
        self.data_ranges: list[tuple[int, int]] = []
        self.skip: dict[str, int] = {}
        self.pre = 0
        self.anchors = 0  # open <a> elements
        self.link_chars = 0  # characters emitted inside links
        self.nodes: list[Node] = []
        self.stack: list[int] = []  # open elements, as node indexes
        self.inline: dict[str, int] = {}  # open inline elements that have a record
        self.overflow = False  # more elements than MAX_NODES
        self.metas: list[tuple[str, str]] = []  # (name/property/itemprop, content)
        self.ld_json: list[str] = []  # JSON-LD blocks as written
        self._ld: list[str] | None = None
        self._ld_size = 0
        self.times: list[tuple[int, str, str, int]] = []  # (position, value, how, node)
        self._base = self._at = 0
        self.feed(fed)
        self._base = len(fed) - len(self.rawdata)  # what feed consumed; close() reads the rest
        self._at = self._base
        self.close()
        while self.stack:
            self._close_top()

    def _pos(self) -> int:
        return self._at

    def _push(self, chunk: str, pos: int, step: int = 1) -> None:
        self.out.append(chunk)
        self.offsets.extend(range(pos, pos + len(chunk)) if step else [pos] * len(chunk))
        size = len(chunk)
        self.n += size
        top = self.nodes[self.stack[-1]] if self.stack else None
        if top is not None:
            top.own += size
        if self.anchors:
            self.link_chars += size
            if top is not None:
                top.own_links += size
        self.last = chunk[-1]

    def _emit(self, data: str, pos: int, step: int = 1) -> None:
        """Append visible text; outside <pre>, runs of ASCII whitespace become one space."""
        if self.pre:
            if data:
                self._push(data, pos, step)
            return
        i = len(data) - len(data.lstrip(" \t\n\r\f")) if self.last in " \n" else 0
        for m in _WS_FIX.finditer(data, i):  # single spaces between words pass through
            if m.start() > i:
                self._push(data[i : m.start()], pos + i * step, step)
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

    # ---------------------------------------------------------------- structure

    def _open(self, tag: str, a: dict[str, str]) -> None:
        if len(self.nodes) >= MAX_NODES:  # a pathological page: read it whole
            self.overflow = True
            return
        hints, keep = "", None
        if a:  # most elements have no attributes
            hints = " ".join(
                filter(None, (a.get("class"), a.get("id"), a.get("role"), a.get("itemprop")))
            ).lower()
            if (
                "hidden" in a
                or a.get("aria-hidden", "").lower() == "true"
                or "display:none" in a.get("style", "").replace(" ", "").lower()
            ):
                hints += " hidden"
            if tag in ("article", "time") or "itemprop" in a:
                keep = a
        parent = self.stack[-1] if self.stack else -1
        if parent >= 0 and tag != "br" and tag in _BLOCK:
            self.nodes[parent].blocks = True
        self.stack.append(len(self.nodes))
        self.nodes.append(Node(tag, hints, self.n, self.link_chars, parent, keep))

    def _close_top(self) -> None:
        index = self.stack.pop()
        node = self.nodes[index]
        node.end = self.n
        node.links += self.link_chars
        attrs = node.attrs or {}
        prop = attrs.get("itemprop", "").lower()
        if not attrs.get("content") and not attrs.get("datetime"):  # the element's text
            if prop in _DATE_PROPS and node.tag != "time":  # is filled in later
                self.times.append((node.start, "", f"itemprop {prop}", index))
            elif node.tag == "time":
                self.times.append((node.start, "", "time text", index))

    def _close(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, max(-1, len(self.stack) - 40), -1):
            if self.nodes[self.stack[depth]].tag == tag:
                while len(self.stack) > depth:
                    self._close_top()
                return

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("http-equiv") or "").lower()
            if not key and "head" in self.skip:  # itemprop in <head>: the page's; in the body
                key = a.get("itemprop", "").lower()  # its position counts (see below)
            if key and a.get("content"):
                self.metas.append((key, a["content"]))
                a.pop("itemprop", None)
        elif tag == "script" and a.get("type", "").lower().strip() == "application/ld+json":
            self._ld = []
        if "head" in self.skip and tag not in _HEAD_ONLY:  # <body> or content ends <head>
            del self.skip["head"]
        if tag in _BLOCK:
            self.skip.pop("code", None)  # an unclosed <code> ends at the next block
        if tag in _SKIP:
            self.skip[tag] = self.skip.get(tag, 0) + 1
        elif tag == "pre":
            self.pre += 1
        if tag in _BLOCK and not self.skip:
            self._newline(self._pos())
        if self.data_only or tag in _VOID and tag != "meta":
            return
        if self.stack:
            top = self.nodes[self.stack[-1]].tag
            if (top == "p" and tag in _CLOSES_P) or (
                top == tag and tag in ("li", "dt", "dd", "option", "tr", "td")
            ):
                self._close_top()
        if tag == "meta":  # itemprop dates in the body: a position
            prop = a.get("itemprop", "").lower()
            if prop in _DATE_PROPS and a.get("content"):
                self.times.append(
                    (self.n, a["content"], f"itemprop {prop}", self.stack[-1] if self.stack else -1)
                )
            return
        if tag == "a":
            self.anchors += 1
        if tag not in _BLOCK and tag not in _NODE_TAGS and "itemprop" not in a:
            return  # inline: no element record needed
        if tag not in _BLOCK:
            self.inline[tag] = self.inline.get(tag, 0) + 1
        self._open(tag, a)
        if tag == "time" and a.get("datetime"):
            how = "time pubdate" if "pubdate" in a else "time datetime"
            prop = a.get("itemprop", "").lower()
            if prop in _DATE_PROPS:
                how = f"itemprop {prop}"
            self.times.append((self.n, a["datetime"], how, len(self.nodes) - 1))
        elif a.get("itemprop", "").lower() in _DATE_PROPS and (
            a.get("content") or a.get("datetime")
        ):
            self.times.append(
                (
                    self.n,
                    a.get("content") or a["datetime"],
                    f"itemprop {a['itemprop'].lower()}",
                    len(self.nodes) - 1,
                )
            )

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._ld is not None:
            block = "".join(self._ld)
            if self._ld_size + len(block) <= MAX_LD_CHARS:
                self.ld_json.append(block)
                self._ld_size += len(block)
            self._ld = None
        if self.skip.get(tag):
            self.skip[tag] -= 1
            if not self.skip[tag]:
                del self.skip[tag]
        elif tag == "pre" and self.pre:
            self.pre -= 1
        if tag in _BLOCK:
            self.skip.pop("code", None)  # an unclosed <code> ends with its block
        if tag in _BLOCK and not self.skip:
            self._newline(self._pos())
        if tag == "a" and self.anchors:
            self.anchors -= 1
        if self.data_only or tag in _VOID:
            return
        if tag not in _BLOCK:
            if not self.inline.get(tag):
                return
            self.inline[tag] -= 1
        self._close(tag)

    def handle_data(self, data: str) -> None:
        data = data.replace("\0", "<")
        if self._ld is not None:
            self._ld.append(data)
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


def snapshot(parsed) -> tuple:
    """Everything a reader records, as plain values to compare (``Node`` has no ``__eq__``)."""
    nodes = [tuple(getattr(node, slot) for slot in Node.__slots__) for node in parsed.nodes]
    return (
        "".join(parsed.out),
        list(parsed.offsets),
        nodes,
        parsed.metas,
        parsed.ld_json,
        parsed.times,
        parsed.overflow,
        parsed.data_ranges,
    )
