"""Shared helpers of the unit and arithmetic checks: rounding tolerance, qualifiers, wording.

A printed figure stands for an interval: half a unit in its last printed digit either side
(``62`` is 61.5-62.5, ``12.5 million`` is 12.45-12.55 million). ``loose_step`` also lets an
integer's trailing zeros be rounding, keeping two significant digits (``320 km`` may be
rounded to tens, ``10 km`` is not rounded to tens), which is how restated figures are printed.

A stated figure outside the allowed range is a ``warning`` when the gap is at most one unit in
its last printed digit (``is_slip``), an ``error`` beyond. Qualifiers bound the true value
rather than widen a flat %.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from claims.extract.numbers import NumberReading
from claims.extract.qualifiers import bound_of
from claims.extract.qualifiers import qualifier_before as _qualifier_before

HALF = Decimal("0.5")

#: How a qualifier bounds the true value, in this module's terms: ``approx`` (about; rounding
#: may be one level coarser), ``lt`` (at most the figure: nearly, under), ``gt`` (at least the
#: figure: more than, over). The phrases themselves live in ``claims.extract.qualifiers``.
_MODES = {"approx": "approx", "upper": "lt", "lower": "gt"}


def qualifier_mode(qualifier: str | None) -> str | None:
    """``approx``, ``lt``, ``gt`` or None for a normalised qualifier."""
    return _MODES.get(bound_of(qualifier) or "")


#: Spelled small numbers used in arithmetic claims ("a three percentage point drop").
SPELLED_NUMBERS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])|\n+")


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence: split at ``. `` before a capital or digit, and at newlines.

    A dot after a one-letter initial or common abbreviation (``Rs.``, ``Mr.``) does not end one.
    """
    start = 0
    for m in _SENTENCE_END.finditer(text):
        before = text[max(start, m.start() - 4):m.start()]
        if re.search(r"(?:\b[A-Z]|\b(?:Rs|Mr|Ms|Dr|St|No|vs|Co|Inc|Jr|Sr|approx))\.$", before):
            continue
        if m.start() > start:
            yield start, m.start()
        start = m.end()
    if start < len(text):
        yield start, len(text)


def qualifier_before(text: str, start: int) -> str | None:
    """The qualifier written just before ``start`` ("about", "more than"), normalised, or None."""
    found = _qualifier_before(text, start)
    return found[0] if found else None


def loose_step(r: NumberReading) -> Decimal:
    """The rounding step, counting an integer's trailing zeros as rounding (320 -> 10)."""
    if r.decimals:
        return r.step
    digits = re.sub(r"\D", "", r.text.split()[0] if r.scale_text else r.text)
    zeros = len(digits) - len(digits.rstrip("0"))
    zeros = min(zeros, len(digits) - 2)          # keep two significant digits: 10 stays 10
    return r.step * (Decimal(10) ** max(zeros, 0))


def overlap_gap(lo: Decimal, hi: Decimal, s_lo: Decimal, s_hi: Decimal) -> Decimal:
    """How far apart two intervals are; 0 when they overlap."""
    return max(Decimal(0), s_lo - hi, lo - s_hi)


def is_slip(gap: Decimal, step: Decimal) -> bool:
    """Whether a gap beyond rounding is a slip (warning) rather than a wrong figure (error)."""
    return gap <= step


def deviation_pct(stated: Decimal, expected: Decimal) -> float | None:
    """(stated - expected) / expected x 100, rounded to 4 places; None for a zero expected."""
    if expected == 0:
        return None
    return round(float((stated - expected) / expected * 100), 4)


def fmt(value: Decimal, decimals: int) -> str:
    """``value`` with ``decimals`` places and thousands commas: 79493.65 -> '79,493.7'."""
    decimals = max(0, decimals)
    q = value.quantize(Decimal(1).scaleb(-decimals))
    return f"{q:,.{decimals}f}"


def plain(value: Decimal) -> str:
    """A Decimal as a plain string without exponent or trailing zeros."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def scaled_fmt(value: Decimal, like: NumberReading, extra: int = 1) -> str:
    """``value`` printed like ``like`` (same scale word, ``extra`` more decimals)."""
    if like.scale_text and like.scale != 1:
        return f"{fmt(value / like.scale, like.decimals + extra)} {like.scale_text}"
    return fmt(value, like.decimals + extra)
