"""HTML stories: the visible text of a page, each character mapped back to the source.

The page is read once: ``<script>``, ``<style>``, ``<head>``, code and attributes are skipped,
entities decoded, block elements separated by newlines. While reading it records what the
article and date rules need: every element's tag, class/id hints and text range (``Node``),
the date ``<meta>`` tags, JSON-LD blocks and ``<time>`` elements with their text positions.
``html_document`` then keeps the article's text (``claims.article``) or the whole page's, and
the story's dates (``claims.page_dates``). Imported only when a story is HTML.

How it reads: Python's ``html.parser`` semantics (3.11), at about twice its speed. One
compiled regex (``_TOKEN``) walks the page and takes each common construct whole (a run of
text, a start tag whose attributes follow a plain grammar, an end tag, a comment, a doctype,
an entity); attributes are split only for the elements whose attributes are used (blocks,
``<meta>``, ``<script>``, ``<time>``, ``itemprop``); plain inline elements skip the handlers.
Every other construct at a ``<`` or ``&`` (a stray ``<``, ``<?pi>``, ``<![CDATA[``, glued
attributes, a bad ``&#``) goes to html.parser's own methods at that offset, and its
feed/close quirks are kept, so the text, offsets and records are those html.parser gave
(``tests/test_html_reader.py`` compares with the former reader on tricky pages and junk;
``tools/compare_html_readers.py`` on all pages of ../shared/pages: identical). Reading stays
linear on hostile input: unclosed ``<``, ``<!--`` and ``<![`` are still defused first.
C parsers were measured and not used (README, "Libraries"): none reports the character
offset of each text run in the source, which every finding's line and column needs.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from html import unescape
from html.parser import HTMLParser

from claims.article import Node
from claims.document import Document, language_tag
from claims.pattern_cache import compile as compile_pattern
from claims.suppressions import parse as parse_suppressions

_DECLARATION = compile_pattern(
    r"<!(?!--)(?!(?i:doctype)[^<>\[\]]*>)"
)  # <!...> but comments, doctype
_WS_FIX = compile_pattern(r"[ \t\n\r\f]{2,}|[\t\n\r\f]")  # whitespace that is not one space
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
_SELF_ENDING = frozenset({"li", "dt", "dd", "option", "tr", "td"})  # <li> ends an open <li>
_DATE_PROPS = frozenset({"datepublished", "datemodified", "datecreated", "dateupdated"})
MAX_LD_CHARS = 2_000_000  # JSON-LD kept per page for the date rules
MAX_NODES = 200_000  # element records per page (~100 bytes each)


_UNCLOSED = (
    ("<!--", compile_pattern(r"--\s*>")),
    ("<![", compile_pattern(r"\]\s*\]\s*>")),
    ("<", compile_pattern(">")),
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


# ------------------------------------------------------------------ the tokenizer
#
# One regex over the page finds, at each point, the next construct as html.parser (3.11) would
# read it: a run of text, a start tag, an end tag, a comment, a doctype, an entity or character
# reference. A start tag is read here only when its attributes follow a plain grammar
# (whitespace-separated names, ``=`` and a quoted or bare value), for which html.parser's
# tolerant rules give the same tag, attributes and end; anything else at a ``<`` or ``&`` (a
# stray ``<``, ``<?pi>``, ``<![CDATA[``, attributes glued together, a bad ``&#``...) is handed
# to html.parser's own methods at that offset (``_slow``), so the result is the same whatever
# the input. Attributes are split only for the elements whose attributes are used.

_SEP = r"[\t\n\r\f ]"
_ANAME = r"[^\s/>=\x00'\"<][^\s/>=\x00'\"<]*+"
_AVALUE = r"(?:\"[^\"]*+\"|'[^']*+'|(?![\"'])[^\s>]++)"
_AEQ = rf"{_SEP}*+=++{_SEP}*+"
_ATTR = compile_pattern(rf"{_SEP}++({_ANAME})(?:{_AEQ}({_AVALUE}))?")
_TOKEN = compile_pattern(
    r"([^<&]++)"  # 1 text
    rf"|(<([a-zA-Z][^\t\n\r\f />\x00]*+)((?:{_SEP}++{_ANAME}(?:{_AEQ}{_AVALUE})?)*+)"
    rf"{_SEP}*+(/?)>)"  # 2 start: 3 name 4 attrs 5 /
    r"|(</\s*+([a-zA-Z][-.a-zA-Z0-9:_]*+)\s*+>)"  # 6 end tag: 7 name
    r"|(<!--(?s:.*?)--\s*>)"  # 8 comment
    r"|(<![dD][oO][cC][tT][yY][pP][eE][^>]*+>)"  # 9 doctype
    r"|(&([a-zA-Z][-.a-zA-Z0-9]*)(?=[^a-zA-Z0-9]);?)"  # 10 entity: 11 name
    r"|(&#((?:[0-9]+|[xX][0-9a-fA-F]+))(?=[^0-9a-fA-F]);?)"  # 12 charref: 13 name
    r"|([<&])"
)  # 14 anything else
_CDATA_END = {
    tag: compile_pattern(rf"</\s*{tag}\s*>", re.IGNORECASE) for tag in ("script", "style")
}
_STARTTAGOPEN = compile_pattern("<[a-zA-Z]")
_INCOMPLETE = compile_pattern("&[a-zA-Z#]")
_STOP = -1


#: Elements whose attributes are read (others: only whether one is ``itemprop``).
_ATTRS_WANTED = frozenset({"meta", "script"} | ((_BLOCK | _NODE_TAGS) - _VOID))
_ATTRS_WANTED_DATA_ONLY = frozenset({"meta", "script"})
#: Inline elements with no rule of their own (a start tag only ends <head>, and needs a record
#: only with ``itemprop``; an end tag matters only then): read without the handlers.
_PLAIN = frozenset(
    {
        "span",
        "img",
        "b",
        "i",
        "strong",
        "em",
        "small",
        "path",
        "use",
        "g",
        "source",
        "sup",
        "sub",
        "u",
        "s",
        "cite",
        "abbr",
        "mark",
        "circle",
        "rect",
        "polygon",
        "line",
        "polyline",
        "ellipse",
        "defs",
        "symbol",
        "stop",
        "font",
        "ins",
        "del",
        "q",
        "var",
        "kbd",
        "samp",
        "bdi",
        "bdo",
        "wbr",
        "data",
        "input",
        "area",
        "col",
        "embed",
        "param",
        "track",
    }
)
assert not _PLAIN & (
    _BLOCK
    | _SKIP
    | _HEAD_ONLY
    | _NODE_TAGS
    | _CLOSES_P
    | _SELF_ENDING
    | {"a", "meta", "script", "pre"}
)


def _attributes(text: str) -> dict[str, str]:
    """The attributes of a start tag the tokenizer read, as html.parser gives them (then
    lower-cased names, ``None`` values as "", the last of a repeated name)."""
    a = {}
    for name, value in _ATTR.findall(text):
        name = name.lower()
        if not name.isascii():
            name = name.lower()
        if value:
            if value[0] == '"' or value[0] == "'":
                value = value[1:-1]
            if value and "&" in value:
                value = unescape(value)
        a[name] = value or ""
    return a


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
        self.rawdata = ""

    def updatepos(self, i: int, j: int) -> int:
        self._at = j
        return j

    def _parse(self, fed: str) -> None:
        self.reset()
        self.rawdata = fed  # html.parser's methods read it (``_slow``)
        self.out: list[str] = []
        self.n = 0  # characters emitted so far
        self.last = "\n"  # last character emitted ("\n" at the start)
        self.offsets = array("i")  # 4 bytes a character; inputs are capped far
        #                                          below 2 GB
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
        self.lang: str | None = None  # <html lang> (or xml:lang), as written
        self._at = 0
        self.feeding = True  # html.parser's feed(); False: its close()
        self._read(fed)
        while self.stack:
            self._close_top()

    def _read(self, fed: str) -> None:
        """html.parser's ``goahead`` over the whole page, common constructs read in one match."""
        n = len(fed)
        i = 0
        data_only = self.data_only
        skip = self.skip
        inline = self.inline
        wanted = _ATTRS_WANTED if not data_only else _ATTRS_WANTED_DATA_ONLY
        while i < n:
            restart = False
            for m in _TOKEN.finditer(fed, i):
                kind = m.lastindex
                self._at = i = m.start()
                if kind == 1:  # text
                    if skip:  # in <head>, <script>...
                        if self._ld is not None:
                            self._ld.append(m.group(1).replace("\0", "<"))
                    elif data_only or self._ld is not None:
                        self.handle_data(m.group(1))
                    else:
                        self._emit(m.group(1).replace("\0", "<"), i)
                elif kind == 2:  # start tag
                    tag = m.group(3).lower()
                    text = m.group(4)
                    if (tag in _PLAIN or tag == "a") and not (
                        text and "itemprop" in text.lower()
                    ):  # <span>, <a>, <img>...
                        if skip and "head" in skip:  # content ends <head>
                            del skip["head"]
                        if tag == "a" and not data_only:
                            self.anchors += 1
                        if m.group(5):
                            self.handle_endtag(tag)
                        continue
                    if not text:
                        a = {}
                    elif tag in wanted or (not data_only and "itemprop" in text.lower()):
                        a = _attributes(text)
                    else:
                        a = {}  # attributes not used
                    self._start(tag, a)
                    if m.group(5):
                        self.handle_endtag(tag)
                    elif tag == "script" or tag == "style":
                        i = self._cdata(tag, m.end())
                        if i == _STOP:
                            return
                        restart = True
                        break
                elif kind == 6:  # end tag
                    tag = m.group(7).lower()
                    if tag not in _PLAIN or inline.get(tag):
                        self.handle_endtag(tag)
                elif kind == 10 or kind == 12:  # &name; &#number;
                    if not skip and not data_only:
                        self._emit(unescape(m.group(kind)), i, 0)  # with its ";" if written
                elif kind == 14:  # html.parser's own rules
                    i = self._slow(i)
                    if i == _STOP:
                        return
                    if self.cdata_elem:
                        i = self._cdata(self.cdata_elem, i)
                        if i == _STOP:
                            return
                    restart = True
                    break
                # comments (8) and the doctype (9) are not read
            if not restart:
                return

    def _cdata(self, tag: str, i: int) -> int:
        """The content of ``<script>``/``<style>`` up to its end tag; where reading resumes."""
        fed = self.rawdata
        self.set_cdata_mode(tag)
        closer = _CDATA_END[tag]
        while self.cdata_elem:
            m = closer.search(fed, i)
            if m is None:  # unclosed: html.parser drops the rest
                return _STOP
            j = m.start()
            if i < j:
                self._at = i
                self.handle_data(fed[i:j])
            self._at = j
            i = self.parse_endtag(j)  # a look-alike (</ſcript>) is text
        return i

    def _slow(self, i: int) -> int:
        """One step of html.parser's ``goahead`` at ``i`` (a ``<`` or ``&`` the regex left)."""
        rawdata = self.rawdata
        n = len(rawdata)
        startswith = rawdata.startswith
        self._at = i
        if startswith("<", i):
            if _STARTTAGOPEN.match(rawdata, i):
                k = self.parse_starttag(i)
            elif startswith("</", i):
                k = self.parse_endtag(i)
            elif startswith("<!--", i):
                k = self.parse_comment(i)
            elif startswith("<?", i):
                k = self.parse_pi(i)
            elif startswith("<!", i):
                k = self.parse_html_declaration(i)
            elif i + 1 < n:
                self.handle_data("<")
                k = i + 1
            else:
                return self._stop(i)
            if k < 0:  # feed() stops here; close() reads it as text
                self.feeding = False
                k = rawdata.find(">", i + 1)
                if k < 0:
                    k = rawdata.find("<", i + 1)
                    if k < 0:
                        k = i + 1
                else:
                    k += 1
                self._at = i
                self.handle_data(rawdata[i:k])
            return k
        if startswith("&#", i):  # not a character reference
            if rawdata.find(";", i) >= 0:  # "&#" is text; feed() stops, close() goes on
                self.handle_data(rawdata[i : i + 2])
                if self.feeding:
                    self.feeding = False
                    return i + 2
                return self._stop(i + 2)
            return self._stop(i)
        match = _INCOMPLETE.match(rawdata, i)
        if match:  # "&name" at the very end
            return self._stop(i + 1 if match.group() == rawdata[i:] else i)
        if i + 1 < n:
            self.handle_data("&")
            return i + 1
        return self._stop(i)

    def _stop(self, i: int) -> int:
        """close(): the rest of the page from ``i`` as text (not inside <script>/<style>)."""
        if i < len(self.rawdata) and not self.cdata_elem:
            self._at = i
            self.handle_data(self.rawdata[i:])
        return _STOP

    def _pos(self) -> int:
        return self._at

    def _push(self, chunk: str, pos: int, step: int = 1) -> None:
        self.out.append(chunk)
        size = len(chunk)
        self.offsets.extend(range(pos, pos + size) if step else [pos] * size)
        self.n += size
        stack = self.stack
        if stack:
            top = self.nodes[stack[-1]]
            top.own += size
            if self.anchors:
                self.link_chars += size
                top.own_links += size
        elif self.anchors:
            self.link_chars += size
        self.last = chunk[-1]

    def _emit(self, data: str, pos: int, step: int = 1) -> None:
        """Append visible text; outside <pre>, runs of ASCII whitespace become one space."""
        if self.pre:
            if data:
                self._push(data, pos, step)
            return
        i = len(data) - len(data.lstrip(" \t\n\r\f")) if self.last in " \n" else 0
        m = _WS_FIX.search(data, i)
        if m is None:  # most runs of text: words and single spaces
            if i < len(data):
                self._push(data[i:] if i else data, pos + i * step, step)
            return
        for m in _WS_FIX.finditer(data, i):  # single spaces between words pass through
            if m.start() > i:
                self._push(data[i : m.start()], pos + i * step, step)
            if self.last not in " \n":
                self._push(" ", pos + m.start() * step, step)
            i = m.end()
        if i < len(data):
            self._push(data[i:], pos + i * step, step)

    def _newline(self, pos: int) -> None:
        last = self.last
        if last == " ":
            self.out[-1] = self.out[-1][:-1] + "\n"
            self.last = "\n"
        elif last != "\n":
            self._push("\n", pos)

    # ---------------------------------------------------------------- structure

    def _open(self, tag: str, a: dict[str, str]) -> None:
        nodes = self.nodes
        if len(nodes) >= MAX_NODES:  # a pathological page: read it whole
            self.overflow = True
            return
        hints, keep = "", None
        if a:  # most elements have no attributes
            get = a.get
            hints = " ".join(
                filter(None, (get("class"), get("id"), get("role"), get("itemprop")))
            ).lower()
            if (
                "hidden" in a
                or ("aria-hidden" in a and a["aria-hidden"].lower() == "true")
                or ("style" in a and "display:none" in a["style"].replace(" ", "").lower())
            ):
                hints += " hidden"
            if tag == "article" or tag == "time" or "itemprop" in a:
                keep = a
        stack = self.stack
        parent = stack[-1] if stack else -1
        if parent >= 0 and tag != "br" and tag in _BLOCK:
            nodes[parent].blocks = True
        stack.append(len(nodes))
        nodes.append(Node(tag, hints, self.n, self.link_chars, parent, keep))

    def _close_top(self) -> None:
        index = self.stack.pop()
        node = self.nodes[index]
        node.end = self.n
        node.links += self.link_chars
        attrs = node.attrs
        if attrs is None:
            if node.tag == "time":
                self.times.append((node.start, "", "time text", index))
            return
        prop = attrs.get("itemprop", "").lower()
        if not attrs.get("content") and not attrs.get("datetime"):  # the element's text
            if prop in _DATE_PROPS and node.tag != "time":  # is filled in later
                self.times.append((node.start, "", f"itemprop {prop}", index))
            elif node.tag == "time":
                self.times.append((node.start, "", "time text", index))

    def _close(self, tag: str) -> None:
        stack = self.stack
        if stack and self.nodes[stack[-1]].tag == tag:  # the usual case: the open element
            self._close_top()
            return
        for depth in range(len(self.stack) - 1, max(-1, len(self.stack) - 40), -1):
            if self.nodes[self.stack[depth]].tag == tag:
                while len(self.stack) > depth:
                    self._close_top()
                return

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, {k.lower(): (v or "") for k, v in attrs})

    def _start(self, tag: str, a: dict[str, str]) -> None:
        skip = self.skip
        if tag == "html" and self.lang is None:
            self.lang = a.get("lang") or a.get("xml:lang") or None
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("http-equiv") or "").lower()
            if not key and "head" in skip:  # itemprop in <head>: the page's; in the body
                key = a.get("itemprop", "").lower()  # its position counts (see below)
            if key and a.get("content"):
                self.metas.append((key, a["content"]))
                a.pop("itemprop", None)
        elif tag == "script" and a.get("type", "").lower().strip() == "application/ld+json":
            self._ld = []
        block = tag in _BLOCK
        if skip:
            if "head" in skip and tag not in _HEAD_ONLY:  # <body> or content ends <head>
                del skip["head"]
            if block and "code" in skip:
                del skip["code"]  # an unclosed <code> ends at the next block
        if tag in _SKIP:
            skip[tag] = skip.get(tag, 0) + 1
        elif tag == "pre":
            self.pre += 1
        if block and not skip:
            self._newline(self._at)
        if self.data_only or tag in _VOID and tag != "meta":
            return
        stack = self.stack
        if stack:
            top = self.nodes[stack[-1]].tag
            if (top == "p" and tag in _CLOSES_P) or (top == tag and tag in _SELF_ENDING):
                self._close_top()
        if tag == "meta":  # itemprop dates in the body: a position
            prop = a.get("itemprop", "").lower()
            if prop in _DATE_PROPS and a.get("content"):
                self.times.append(
                    (self.n, a["content"], f"itemprop {prop}", stack[-1] if stack else -1)
                )
            return
        if tag == "a":
            self.anchors += 1
        if not block:
            if tag not in _NODE_TAGS and "itemprop" not in a:
                return  # inline: no element record needed
            self.inline[tag] = self.inline.get(tag, 0) + 1
        self._open(tag, a)
        if not a:
            return
        if tag == "time" and a.get("datetime"):
            how = "time pubdate" if "pubdate" in a else "time datetime"
            prop = a.get("itemprop", "").lower()
            if prop in _DATE_PROPS:
                how = f"itemprop {prop}"
            self.times.append((self.n, a["datetime"], how, len(self.nodes) - 1))
        elif (
            "itemprop" in a
            and a["itemprop"].lower() in _DATE_PROPS
            and (a.get("content") or a.get("datetime"))
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
        skip = self.skip
        if skip and skip.get(tag):
            skip[tag] -= 1
            if not skip[tag]:
                del skip[tag]
        elif tag == "pre" and self.pre:
            self.pre -= 1
        is_block = tag in _BLOCK
        if is_block:
            if skip:
                skip.pop("code", None)  # an unclosed <code> ends with its block
            if not skip:
                self._newline(self._at)
        if tag == "a" and self.anchors:
            self.anchors -= 1
        if self.data_only or tag in _VOID:
            return
        if not is_block:
            inline = self.inline
            if not inline.get(tag):
                return
            inline[tag] -= 1
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


def _slice(text: str, offsets: array, ranges: Sequence[tuple[int, int]]) -> tuple[str, array]:
    """The text of ``ranges`` (page text offsets), a newline between blocks, offsets kept."""
    parts: list[str] = []
    kept = array("i")
    last = "\n"
    for a, b in ranges:
        while a < b and text[a] in " \n":
            a += 1
        while b > a and text[b - 1] in " \n":
            b -= 1
        if a >= b:
            continue
        if last != "\n":
            parts.append("\n")
            kept.append(offsets[a])
        parts.append(text[a:b])
        kept.extend(offsets[a:b])
        last = text[b - 1]
    return "".join(parts), kept


def html_document(name: str, source: str, scope: str = "article") -> Document:
    """The visible text of an HTML story (its article, or the whole page), offsets and dates."""
    from claims.article import find_article
    from claims.page_dates import story_dates

    parsed = HtmlText(source)
    page = "".join(parsed.out)
    parsed.out = []
    article = find_article(() if parsed.overflow else parsed.nodes, page, parsed.ld_json)
    times = [
        (at, value or page[parsed.nodes[i].start : parsed.nodes[i].end][:100], how, i)
        for at, value, how, i in parsed.times
    ]
    dates = story_dates(parsed.metas, parsed.ld_json, times, article, parsed.nodes)
    if scope == "article" and article.ranges:
        text, offsets = _slice(page, parsed.offsets, article.ranges)
        reading = f"article: {article.how}"
    else:
        text = page.rstrip(" \n")
        offsets = parsed.offsets
        del offsets[len(text) :]
        reading = "page" if scope == "page" else f"page: {article.how}"
    return Document(
        name,
        source,
        text,
        "html",
        dates,
        offsets,
        parse_suppressions(source),
        soft_breaks=(),
        reading=reading,  # block elements end lines
        language=page_language(parsed.lang, parsed.metas),
    )


#: Meta tags naming a page's language, after ``<html lang>``, best first.
_LANGUAGE_METAS = ("content-language", "dc.language", "language", "og:locale")


def page_language(html_lang: str | None, metas: list[tuple[str, str]]) -> str | None:
    """The page's language tag: ``<html lang>``, else a language meta tag; None if none is a tag."""
    if language_tag(html_lang):
        return html_lang.strip()  # type: ignore[union-attr]
    found = dict(reversed(metas))  # the first of each key wins
    for key in _LANGUAGE_METAS:
        tag = language_tag(found.get(key, "").split(",")[0])
        if tag:
            return tag
    return None
