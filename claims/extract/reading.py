"""A document's text as every check reads it: layout normalised, each offset mapped back.

Wire copy is hard-wrapped, Markdown paragraphs span lines, and pasted text carries invisible
characters; none of that is part of a figure. ``read(text, soft_breaks)`` returns a
``Reading`` whose ``text`` is what extraction and the checks see, and whose offsets map every
character back to the document text (``to_text``, ``text_span``):

* a line break inside a paragraph reads as one space (its indentation and trailing blanks
  dropped); a hyphen at a line end before a lower-case letter joins the word (``bil-\\nlion``),
  before a capital or after a digit it stays (``US-\\nDollar``, ``3.5-\\nbillion``);
  a blank line, a Markdown block boundary or an HTML block element still ends a paragraph.
  Which breaks are soft comes from the document (``Document.soft_breaks``); for plain text it
  is every single line break except before a list item, heading, table row or quote;
* runs of blanks and tabs read as one space; no-break, thin and other space characters read
  as a space, except between two digits, where they group thousands (``1 234 567``) and stay;
* invisible format characters are dropped: soft hyphen, zero-width space and joiners, word
  joiner, byte-order mark, left-to-right/right-to-left marks and bidi controls;
* any Unicode decimal digit (Arabic-Indic, Devanagari, full-width ...) reads as its ASCII digit,
  and the Arabic decimal and thousands separators as ``.`` and ``,``; a line/paragraph
  separator (U+2028/9) as a line break; ``\\r\\n`` and a lone ``\\r`` as ``\\n``.

One regex finds every place that changes (tried only where a change can start, see
``changes``); the stretches between are copied whole, so reading costs about a copy of the
text, and the offset map holds one entry per stretch, not per character. When nothing
changes, ``offsets`` is None.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from claims.extract.scales import SCALES
from claims.model import CurrencyConversion, Extraction, Finding, Quantity, Span, evolve
from claims.pattern_cache import compile as compile_pattern

__all__ = ["Reading", "read"]


@dataclass(frozen=True, eq=False)
class Reading:
    """The normalised text and the map of its offsets back to the document text.

    ``offsets`` is None when nothing changed; else two arrays: the reading offset where each
    stretch starts and the document offset it came from (within a stretch, one to one).
    """

    text: str
    offsets: tuple[array, array] | None = None
    source_length: int = 0  # length of the document text

    def to_text(self, offset: int) -> int:
        """The document-text offset of reading offset ``offset`` (the end maps to the end)."""
        if self.offsets is None:
            return offset
        if offset >= len(self.text):
            return self.source_length
        starts, sources = self.offsets
        offset = max(0, offset)
        i = bisect_right(starts, offset) - 1
        return sources[i] + offset - starts[i]

    def text_span(self, span: Span) -> Span:
        """``span`` in document-text offsets, ending just after its last character."""
        if self.offsets is None:
            return span
        start = self.to_text(span.start)
        if span.end <= span.start:
            return Span(start, start)
        return Span(start, self.to_text(span.end - 1) + 1)

    # Everything read from ``text``, with its spans moved into the document text.

    def quantity(self, q: Quantity) -> Quantity:
        return q if self.offsets is None else evolve(q, span=self.text_span(q.span))

    def finding(self, f: Finding) -> Finding:
        if self.offsets is None:
            return f
        figures = {
            role: (
                self.quantity(v) if isinstance(v, Quantity) else tuple(self.quantity(x) for x in v)
            )
            for role, v in f.figures.items()
        }
        return evolve(
            f,
            span=self.text_span(f.span),
            original=self.quantity(f.original) if f.original else None,
            converted=self.quantity(f.converted) if f.converted else None,
            figures=figures,
        )

    def extraction(self, e: Extraction) -> Extraction:
        if self.offsets is None:
            return e
        return evolve(
            e,
            mentions=tuple(self.quantity(q) for q in e.mentions),
            conversions=tuple(
                CurrencyConversion(
                    self.quantity(c.original),
                    self.quantity(c.converted),
                    self.text_span(c.span),
                    c.text,
                )
                for c in e.conversions
            ),
            stated_rates=tuple(evolve(r, span=self.text_span(r.span)) for r in e.stated_rates),
        )


_BLANKS = "\x20\t"
_ZERO_WIDTH = (
    "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d"
    "\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
_SPACES = (
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000"
)
#: Space characters that group digits and that the number reader knows as such.
_GROUPING = "\u00a0\u202f\u2009"

_CHANGE = compile_pattern(
    r"""
      (?P<hyphen>(?<=[^\W_])-[\x20\t]*(?P<nl>\r\n|[\r\n\u2028])[\x20\t>]*(?=[^\W\d_]))  # bil-\nlion
    | (?P<breaks>[\x20\t]*(?:(?:\r\n|[\r\n\u2028\u2029])[\x20\t]*>?[\x20\t>]*)+)  # line breaks
    | (?P<blanks>[\x20\t]{2,}|\t)                                    # blank runs, tabs
    | (?P<space>[%(spaces)s])                                         # odd spaces
    | (?P<zero>[%(zero)s]+)                                           # invisible characters
    | (?P<digit>(?![0-9])\d|[\u066b\u066c\uff0c\uff0e])               # other digits, marks
    """
    % {"spaces": _SPACES, "zero": _ZERO_WIDTH},
    re.VERBOSE,
)
_SEPARATORS = {"\u066b": ".", "\u066c": ",", "\uff0c": ",", "\uff0e": "."}

#: Where a change can start (see ``changes``): a hyphen, a line break or tab, an odd space or
#: invisible character, a separator; two blanks; a digit other than 0-9. One scan of the
#: alternatives the text needs (a lone character set is the fastest scan there is).
_CANDIDATE_SET = "[-\t\r\n\u2028\u2029%s%s\u066b\u066c\uff0c\uff0e]" % (_SPACES, _ZERO_WIDTH)
_OTHER_DIGIT = compile_pattern(r"[^\D0-9]")
_CANDIDATES = {
    (blanks, digits): compile_pattern(
        "|".join(
            [_CANDIDATE_SET]
            + (["\x20\x20"] if blanks else [])
            + ([_OTHER_DIGIT.pattern] if digits else [])
        )
    )
    for blanks in (False, True)
    for digits in (False, True)
}
#: Candidates a change may start before, over the blanks in front of them.
_BLANK_LED = "\t\r\n\u2028\u2029"

#: A line that starts a new block in plain text: list item, heading, table row, quote.
_BLOCK_START = compile_pattern(r"[\x20\t]*(?:[-*+•–—][\x20\t]|\d{1,3}[.)][\x20\t]|[#|>])")


def read(text: str, soft_breaks: Sequence[tuple[int, int]] | None = None) -> Reading:
    """``text`` normalised for reading (module doc), with the offset map back.

    ``soft_breaks`` lists the line breaks inside paragraphs as (break offset, where the
    continued line's text starts); ``None`` decides them for plain text.
    """
    soft = None if soft_breaks is None else {at for at, _ in soft_breaks}
    if (
        text.isascii()
        and "\n" not in text
        and "\r" not in text
        and "\t" not in text
        and "  " not in text
    ):
        return Reading(text, None, len(text))  # nothing to change: the common short case
    pieces: list[str] = []
    starts = array("q")  # reading offset where each stretch starts
    sources = array("q")  # its document offset; a stretch maps one to one
    here = 0  # reading offset reached
    last = 0
    for m in changes(text):
        kind = m.lastgroup
        start, end = m.start(), m.end()
        out = _rewrite(text, m, kind, soft)
        if out is None:
            continue
        if start > last:
            pieces.append(text[last:start])
            starts.append(here)
            sources.append(last)
            here += start - last
        replacement, mapped = out
        pieces.append(replacement)
        for at in mapped:  # a replacement maps character by character
            starts.append(here)
            sources.append(at)
            here += 1
        last = end
    if not pieces:
        return Reading(text, None, len(text))
    if last < len(text):
        pieces.append(text[last:])
        starts.append(here)
        sources.append(last)
    return Reading("".join(pieces), (starts, sources), len(text))


def changes(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_CHANGE`` in ``text``, as ``_CHANGE.finditer`` finds them, fast.

    Python's regex engine tries every alternative of ``_CHANGE`` at every character (about
    2 MB/s); ``_CANDIDATES`` are plain scans (30-80 MB/s) for where a change can start,
    and ``_CHANGE`` is only tried there, moved back over the blanks a line break or a blank
    run starts with.
    """
    done = 0  # text before this is consumed by a match
    match = _CHANGE.match
    digits = not text.isascii() and _OTHER_DIGIT.search(text) is not None
    for c in _CANDIDATES["  " in text, digits].finditer(text):
        at = c.start()
        if at < done:
            continue
        if text[at] in _BLANK_LED:
            while at > done and text[at - 1] in _BLANKS:
                at -= 1
        m = match(text, at)
        if m is not None:
            done = m.end()
            yield m


def _rewrite(
    text: str, m: re.Match[str], kind: str | None, soft: set[int] | None
) -> tuple[str, Sequence[int]] | None:
    """What one match reads as, and the document offset of each character; None: as is."""
    start, end = m.start(), m.end()
    if kind == "hyphen":
        if not _is_soft(text, m.start("nl"), end, soft):
            return None
        if (
            text[start - 1].isdigit()
            or not text[end].islower()
            or _scale_compound(text, start, end)
        ):
            return "-", (start,)  # 3.5-\nbillion, US-\nDollar, million-\nunit: spelling
        return "", ()  # bil-\nlion: one word
    if kind == "breaks":
        return _breaks(text, start, end, soft)
    if kind == "blanks":
        return " ", (start,)
    if kind == "space":
        ch = text[start]
        between_digits = (
            0 < start < len(text) - 1 and text[start - 1].isdigit() and text[start + 1].isdigit()
        )
        if between_digits:
            return None if ch in _GROUPING else ("\u2009", (start,))
        return " ", (start,)
    if kind == "zero":
        return "", ()
    ch = text[start]
    if ch in _SEPARATORS:
        if 0 < start < len(text) - 1 and text[start - 1].isdigit() and text[start + 1].isdigit():
            return _SEPARATORS[ch], (start,)
        return None
    value = unicodedata.decimal(ch, None)
    return None if value is None else (str(value), (start,))


def _breaks(
    text: str, start: int, end: int, soft: set[int] | None
) -> tuple[str, Sequence[int]] | None:
    """A run of blanks and line breaks: one space when it is a single soft break, else the
    line breaks alone (a paragraph boundary)."""
    newlines = [
        i
        for i in range(start, end)
        if text[i] in "\n\u2028\u2029" or (text[i] == "\r" and text[i + 1 : i + 2] != "\n")
    ]
    if (
        len(newlines) == 1
        and text[newlines[0]] != "\u2029"
        and _is_soft(text, newlines[0], end, soft)
    ):
        return " ", (newlines[0],)
    return "\n" * len(newlines), newlines


def _scale_compound(text: str, hyphen: int, next_word: int) -> bool:
    """``million-\\nunit``: a scale word before the hyphen, which joined to the next word
    makes no scale word (``bil-\\nlion`` does), is a compound broken at its own hyphen."""
    first = _WORD_BEFORE.search(text, max(0, hyphen - 20), hyphen)
    if first is None or first.group().lower() not in SCALES:
        return False
    second = _WORD.match(text, next_word)
    joined = first.group() + (second.group() if second else "")
    return joined.lower() not in SCALES


_WORD_BEFORE = compile_pattern(r"[^\W\d_]+\Z")
_WORD = compile_pattern(r"[^\W\d_]+")


def _wrapped_dash(text: str, newline: int, after: int) -> bool:
    """Whether a line opening with a dash (``- umgerechnet``) is wire copy wrapped before a
    dash, not a list item: a hyphen-minus is followed by a lower-case word (an en or em dash
    by anything), the line before is no list item and ends mid-sentence (no ``.``, ``:``,
    ``;``, ``!``, ``?``), and the line after is no list item."""
    dash = text[after - 2]
    if dash not in "-–—" or after >= len(text) or (dash == "-" and not text[after].islower()):
        return False
    last = _last_before(text, newline)
    if last < 0 or text[last] in ".:;!?":
        return False
    newline_before = text.rfind("\n", 0, last)  # then a lone CR, on this line only
    line_start = max(newline_before, text.rfind("\r", newline_before + 1, last)) + 1
    if _BLOCK_START.match(text, line_start) is not None:
        return False
    next_line = text.find("\n", after) + 1  # a list goes on with another item
    return next_line == 0 or _BLOCK_START.match(text, next_line) is None


def _is_soft(text: str, newline: int, next_start: int, soft: set[int] | None) -> bool:
    """Whether the line break at ``newline`` (the next line's text at ``next_start``) is
    inside a paragraph."""
    if soft is not None:
        return newline in soft or (text[newline] == "\r" and newline + 1 in soft)
    if next_start >= len(text):
        return False
    line_start = newline + 2 if text.startswith("\r\n", newline) else newline + 1
    block = _BLOCK_START.match(text, line_start)
    if block is not None and not _wrapped_dash(text, newline, block.end()):
        return False
    before = _last_before(text, newline)  # a table row ends with "|"
    return before < 0 or text[before] != "|"


def _last_before(text: str, newline: int) -> int:
    """Where the last character before the line break at ``newline`` that is no blank
    stands (-1: none); a walk back over the blanks, never a copy of the text before."""
    before = newline - 1
    while before >= 0 and text[before] in " \t\r":
        before -= 1
    return before
