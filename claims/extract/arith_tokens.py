"""A sentence as a skeleton of typed number tokens, for the arithmetic patterns to match.

``tokenize(text, start, end)`` reads the numbers of one sentence (via
``claims.extract.numbers``) and types each one: ``P`` a percentage (``27.30%``, ``7 per
cent``), ``Q`` percentage points (``three percentage point``), ``Y`` a year, ``N`` any other
figure (with its currency or glued unit: ``Rs1,861.01 crore``, ``44.1mpg``). The skeleton is
the sentence with every number replaced by
``⟦K12⟧`` (kind and token index), so that patterns read like the claim they look for:
``from ⟦N0⟧ to ⟦N1⟧, a ⟦P2⟧ rise``. Spelled small numbers are read only where a claim needs
them: before a percent or percentage-point word (``a three percentage point drop``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property

from claims.extract.numbers import NumberReading, read_numbers
from claims.extract.qualifiers import bound_of, qualifier_before
from claims.model import Quantity, Span
from claims.pattern_cache import compile as compile_pattern

#: Spelled small numbers used in arithmetic claims ("a three percentage point drop").
SPELLED_NUMBERS: dict[str, int] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
}

_PERCENT = compile_pattern(
    r"[\x20\u00a0]?(?:%|per[\x20\u00a0]?cent\b|percent\b|pc\b|pct\b)", re.IGNORECASE
)
_POINTS = compile_pattern(
    r"[\x20\u00a0-]?(?:percentage[\x20\u00a0-]points?|percent(?:age)?[\x20\u00a0-]pts?\b|"
    r"pct\.?[\x20\u00a0]points?|pp\b|ppts?\b)",
    re.IGNORECASE,
)
_GLUED_UNIT = compile_pattern(
    r"(?P<u>mpg|mph|km|kg|m|bn|k)\b|[\x20\u00a0](?P<w>mpg)\b", re.IGNORECASE
)
_CURRENCY_BEFORE = compile_pattern(r"(?:Rs\.?[\x20\u00a0]?|US\$|A\$|C\$|HK\$|[$£€¥₹₩]|R)\Z")
_SPELLED = compile_pattern(
    r"(?<![\w-])(?P<w>%s)(?=[\x20\u00a0-](?:percentage|per[\x20\u00a0]?cent|percent))"
    % "|".join(SPELLED_NUMBERS),
    re.IGNORECASE,
)
_YEAR_TO = compile_pattern(r"(?:19|20)\d\d\s+to\s+")
_CENT = compile_pattern(r"cent", re.IGNORECASE)  # in each word ``_SPELLED`` looks ahead for


def spelled_starts(text: str) -> list[int]:
    """Where each spelled token of ``text`` may start (a superset), in order.

    ``_SPELLED`` looks ahead for a blank or hyphen and a percent word, each of which holds
    "per" then "cent" or "per cent": find those (case-insensitive, on a copy with only ASCII
    letters lowered, which keeps the offsets) with a letter before them, and try the pattern
    only there. A sentence starts after a blank, so a match within one is found here too.
    """
    low = text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")
    found: set[int] = set()
    i = low.find("cent")
    while i >= 0:
        if i >= 3 and low.startswith("per", i - 3):
            word = i - 3
        elif i >= 4 and low.startswith("per", i - 4) and low[i - 1] in "\x20\u00a0":
            word = i - 4
        else:
            word = 0
        if word >= 2 and low[word - 1] in "\x20\u00a0-" and text[word - 2].isalpha():
            found.update(m.start() for m in _SPELLED.finditer(text, max(0, word - 9), i + 8))
        i = low.find("cent", i + 1)
    return sorted(found)


@dataclass(frozen=True)
class Token:
    """One figure of a sentence: value, rounding step, kind, and where it is in the text."""

    idx: int
    kind: str  # N number, P percent, Q percentage points, Y year
    value: Decimal
    step: Decimal
    start: int
    end: int
    text: str
    unit: str = ""  # glued unit or currency: "mpg", "Rs", "$"
    reading: NumberReading | None = None
    skel_start: int = 0  # where the token sits in the skeleton
    skel_end: int = 0
    sentence: str = field(default="", repr=False, compare=False)  # for the qualifier
    at: int = field(default=0, repr=False, compare=False)  # start in ``sentence``

    @cached_property
    def qualifier(self) -> str | None:
        """The qualifier written just before the figure ("about"), read on first use."""
        found = qualifier_before(self.sentence, self.at)
        return found[0] if found else None

    @property
    def bound(self) -> str | None:
        """How the qualifier bounds the true value: approx, lower, upper or None."""
        return bound_of(self.qualifier)

    def quantity(self) -> Quantity:
        """The token as a typed figure: ``%`` and ``percentage points`` are units."""
        r = self.reading
        return Quantity(
            self.text,
            Span(self.start, self.end),
            self.value,
            _KIND_UNIT.get(self.kind, self.unit or None),
            self.step,
            qualifier=self.qualifier,
            bound=self.bound,
            unit_text=self.unit,
            scale_text=r.scale_text if r else None,
            decimals=r.decimals if r else 0,
            zeros_meant=r is None,
        )


_KIND_UNIT = {"P": "%", "Q": "percentage points"}


def tokenize(text: str, start: int, end: int) -> tuple[str, list[Token]]:
    """The skeleton of ``text[start:end]`` and its tokens (spans in ``text`` offsets)."""
    sentence = text[start:end]
    found: list[tuple[int, int, Decimal, Decimal, NumberReading | None]] = []
    for r in read_numbers(sentence, glued=True):
        if r.high is None:
            found.append((r.span.start, r.span.end, r.value, r.step, r))
        elif year := _YEAR_TO.match(r.text):  # "in 2009 to 6,073": a year, then a figure
            cut = r.span.start + year.end()
            found += [
                (
                    x.span.start + cut,
                    x.span.end + cut,
                    x.value,
                    x.step,
                    replace(x, span=Span(x.span.start + cut, x.span.end + cut)),
                )
                for x in read_numbers(sentence[cut : r.span.end], glued=True)
                if x.high is None
            ]
    if _CENT.search(sentence):  # a spelled token needs a percent word after
        for m in _SPELLED.finditer(sentence):
            value = Decimal(SPELLED_NUMBERS[m.group("w").lower()])
            found.append((m.start(), m.end(), value, Decimal(1), None))
        found.sort(key=lambda f: f[0])
    tokens: list[Token] = []
    parts: list[str] = []
    pos = length = 0
    for s, e, value, step, reading in found:
        if s < pos:
            continue
        kind, unit = "N", ""
        cur = _CURRENCY_BEFORE.search(sentence, max(0, s - 4), s)
        if cur:
            unit, s = cur.group().strip(), cur.start()
        p = _POINTS.match(sentence, e) or None
        if p:
            kind, e = "Q", p.end()
        elif p := _PERCENT.match(sentence, e):
            kind, e = "P", p.end()
        elif (g := _GLUED_UNIT.match(sentence, e)) and not unit:
            unit, e = (g.group("u") or g.group("w")).lower(), g.end()
        elif (
            reading is not None
            and not unit
            and not reading.scale_text
            and reading.decimals == 0
            and reading.text.isdigit()
            and len(reading.text) == 4
            and 1900 <= value <= 2100
        ):
            kind = "Y"
        idx = len(tokens)
        parts.append(sentence[pos:s])
        skel_start = length + s - pos
        parts.append(f"⟦{kind}{idx}⟧")
        length = skel_start + len(parts[-1])
        tokens.append(
            Token(
                idx,
                kind,
                value,
                step,
                start + s,
                start + e,
                sentence[s:e],
                unit,
                reading,
                skel_start,
                length,
                sentence,
                s,
            )
        )
        pos = e
    parts.append(sentence[pos:])
    return "".join(parts), tokens


def to_text(tokens: list[Token], start: int, skel_pos: int) -> int:
    """The text offset of skeleton position ``skel_pos`` (sentence starting at ``start``)."""
    for t in reversed(tokens):
        if t.skel_end <= skel_pos:
            return t.end + (skel_pos - t.skel_end)
        if t.skel_start <= skel_pos:
            return t.start
    return start + skel_pos
