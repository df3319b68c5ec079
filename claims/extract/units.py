"""Unit conversions a story states: ``100 km (62 miles)``, ``40C (104F)``, ``5 miles, or 8km``.

``read_unit_conversions(text)`` finds a quantity with a unit followed by its restatement in
another unit -- in parentheses or after ``, or`` -- and returns each as a ``UnitConversion``
of two ``Quantity`` sides: ``unit`` the unit's name as a copy editor reads it (``miles``,
``°C``), ``unit_candidates`` the pint expressions it may mean (a bare ``tons`` is a short ton,
a long ton or a tonne), the sign of a temperature read (``-20C``, ``minus 5 degrees``,
``(-4F)``), compound measures folded into the smaller unit (``5 feet 10 inches``), "and a half"
and a stray decimal comma (``48, 8 degrees``) read. A unit the checker does not convert
beside a known one (``5 leagues (24 km)``) gives a conversion whose unknown side has no unit
and a ``unit_note`` saying why. ``claims.check.units`` judges them.

Unit names come from the curated table in ``unit_names`` (a dict lookup inside one compiled
regex: well under a millisecond a story). quantulum3 is not used: it takes ~1.5 s for its first
parse (model load) and ~0.5 s a story, misreads money as units, and every unit seen in the
corpus is in the table.

Prefilter (same pairs, ~12x faster on news copy): every pair needs a separator, ``(`` or
``, or``, so numbers are read only in windows around each one (``_windows``). The first side
(number, "and a half", unit) ends right before the separator's blanks and spans at most
``_REACH`` characters after its number, a run of blanks counting as one; the restated number
starts within the next four words (``, or more than 8 km``). A window runs from the last sync
point before that reach to the first one after those words (``fig.sync_before``): numbers
read there are exactly those of the full text. Windows with no digit or spelled number before
their separator are dropped; the pairing loop and every other pattern run on the full text.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from claims.extract import sentences as fig
from claims.extract._regex import alternation
from claims.extract.numbers import NumberReading
from claims.extract.qualifiers import alternation as qualifier_alternation
from claims.extract.qualifiers import bound_of, qualifier_before
from claims.extract.unit_names import (DEGREE_WORDS, PER_DAY, SPELLED, UNITS, UNSUPPORTED,
                                       UnitName)
from claims.model import Quantity, Span, UnitConversion

__all__ = ["read_unit_conversions", "TEMPERATURES"]

_HALF = Decimal("0.5")

#: pint names of the temperature scales (converted with their offsets).
TEMPERATURES = ("degC", "degF")

def _cased(surface: str) -> bool:
    """Short abbreviations and ones with inner capitals keep their case (m, C, PS, kW)."""
    last = re.split(r"[\s°º˚]+", surface)[-1]
    return len(last) <= 2 or any(c.isupper() for c in last[1:])


def _build_unit_lookup() -> tuple[re.Pattern[str], dict[str, UnitName], dict[str, UnitName]]:
    cased: dict[str, UnitName] = {}
    folded: dict[str, UnitName] = {}
    for unit in UNITS:
        for s in unit.surfaces:
            (cased if _cased(s) else folded).setdefault(s if _cased(s) else s.lower(), unit)
    for w in DEGREE_WORDS:
        folded.setdefault(w, UnitName((w,), (), "degrees"))

    def alt(words: list[str], fold: set[str] = set()) -> str:
        return alternation(words, blanks=r"[\x20\u00a0]?", fold=fold)

    pattern = re.compile(
        r"""
        [\x20\u00a0]?-?                         # 5 miles, 8km, 345-kilometer
        (?P<unit>%s)                            # the unit word, longest first (km/h before km)
        (?![^\W\d_])                            # ends at a word boundary
        (?P<per>[\x20\u00a0](?i:%s)\b)?         # a time basis: barrels a day
        """ % (alt(list(cased) + list(folded), set(folded)), alt(list(PER_DAY))),
        re.VERBOSE,
    )
    return pattern, cased, folded


_UNIT_AFTER, _CASED, _FOLDED = _build_unit_lookup()

_SEPARATOR = re.compile(
    r"""
    (?P<sep>\s*\(\s* | ,\s+or\s+)               # "(" or ", or"
    (?:(?i:or)\s+)?                             # (or 62 miles)
    (?:(?i:%s)\s*)?                             # a hedge: (about 62 miles), (nearly 4F)
    (?P<neg>[-\u2212\u2013](?=\d)|(?i:minus)[\x20\u00a0]+)?   # a sign: (-4F), (minus 4F)
    """ % qualifier_alternation(),
    re.VERBOSE,
)
_CLOSE = re.compile(r"\s*[),;:]")
#: A minus sign before a temperature: ``-20C``, ``−3C``, ``minus 5 degrees`` (not ``5-10``).
_SIGN_BEFORE = re.compile(r"(?:(?<![\w.,)\-\u2212\u2013])[-\u2212\u2013]|"
                          r"(?<![\w-])(?i:minus|negative)[\x20\u00a0]+)\Z")
#: A compound measure, larger unit first: ``5 feet 10 inches``, ``11st 4lb``, ``7lb 8oz``;
#: keyed by the smaller unit, with how many of it make one of the larger.
_COMPOUND: dict[str, tuple[re.Pattern[str], int]] = {
    small: (re.compile(r"(?<![\w.,-])(?P<n>\d+)[\x20\u00a0]?(?:%s)[\x20\u00a0]*,?[\x20\u00a0]*\Z"
                       % big, re.IGNORECASE), factor)
    for small, big, factor in (("inch", "feet|foot|ft", 12), ("pound", "stones|stone|st", 14),
                               ("ounce", "pounds|pound|lbs|lb", 16))
}
_AND_HALF = re.compile(r"[\x20\u00a0]+and[\x20\u00a0]+a[\x20\u00a0]+half\b", re.IGNORECASE)
_DECIMAL_COMMA = re.compile(r",[\x20\u00a0]?(?=\d{1,2}\b)")
_SPELLED = re.compile(
    r"(?<![\w-])(?P<w>%s)(?=[\x20-])"
    % "|".join(re.escape(w) for w in sorted(SPELLED, key=len, reverse=True)),
    re.IGNORECASE,
)
_UNSUPPORTED = re.compile(r"[\x20\u00a0-]?(?P<word>%s)\b"
                          % "|".join(sorted(UNSUPPORTED, key=len, reverse=True)), re.IGNORECASE)
_MONEY_BEFORE = re.compile(r"(?:[$£€¥₹₩]|\b(?:Rs|US|[A-Z]{3})\.?)[\x20\u00a0]?\Z")
_QUICK = re.compile(r"\d[^()]{0,40}(?:\(|,\s+or\s)|(?i:hundred|half)")
_PAREN, _OR_ANCHOR = re.compile(r"\("), re.compile(r",\s+or\s")   # where a restatement starts
_TAIL = re.compile(r"(?:\s*\S+){0,3}\s*(?P<w>\S)")  # the restated figure starts by word 4
_DIGIT = re.compile(r"\d")
_SYNC_WORDS = fig.NUMBER_WORDS | {w for phrase in SPELLED for w in phrase.split()}
#: Characters a number's unit, "and a half" and a decimal-comma tail can take, a run of blanks
#: counting as one: the first number ends no further than this before its separator.
_REACH = 2 * len(" and a half") + 6 + max(
    max(len(s) for u in UNITS for s in u.surfaces) + 1 + max(map(len, PER_DAY)),
    max(map(len, DEGREE_WORDS)), max(map(len, UNSUPPORTED))) + 16


class _Quantity(NamedTuple):
    """One side of a pair: the number as read, its unit, and where the side ends."""

    number: NumberReading
    unit: UnitName
    unit_text: str
    end: int


def _numbers(text: str, start: int = 0, end: int | None = None) -> list[NumberReading]:
    """Digits (scale words kept, one-letter scales off: 100m is metres) plus spelled ones,
    in ``text[start:end]`` (ends at sync points, ``fig.sync_before``), at full-text offsets."""
    end = len(text) if end is None else end
    found = fig.read_window(text, start, end, letters=False)
    for m in _SPELLED.finditer(text, start, end):
        value = Decimal(SPELLED[m.group("w").lower()])
        step = Decimal(1) if value >= 1 else Decimal("0.1")
        found.append(NumberReading(value, None, step, 0, None, Span(m.start(), m.end()),
                                   m.group()))
    return sorted(found, key=lambda r: r.span.start)


def _windows(text: str) -> list[tuple[int, int]]:
    """Merged (start, end) spans, ends at sync points, holding every number a pair can use."""
    spans: list[tuple[int, int]] = []
    parens = [m.start() for m in _PAREN.finditer(text)]
    for q in sorted(parens + [m.start() for m in _OR_ANCHOR.finditer(text)]):
        p = q - 1                                # the last character of the first side
        if text[q] == "(":
            while p >= 0 and text[p].isspace():
                p -= 1
        if p < 0 or text[p].isspace():
            continue
        start = fig.sync_before(text, fig.reach_back(text, p + 1, _REACH), _SYNC_WORDS)
        if not (_DIGIT.search(text, start, p + 1) or _SPELLED.search(text, start, p + 1)):
            continue
        tail = _TAIL.match(text, q + 1)
        last = tail.start("w") if tail else q + 1   # where the fourth word starts
        spans.append((start, fig.sync_after(text, last, _SYNC_WORDS)))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _unit_at(text: str, r: NumberReading) -> _Quantity | None:
    """The unit written right after the number ``r`` ("and a half" folded in), or None."""
    end = r.span.end
    half = _AND_HALF.match(text, end)
    if half:
        r = NumberReading(
            r.value + _HALF, None, _HALF, 1, r.scale_text, Span(r.span.start, half.end()),
            text[r.span.start:half.end()])
        end = half.end()
    m = _UNIT_AFTER.match(text, end)
    if m is None:
        return None
    surface = m.group("unit")
    unit = _CASED.get(surface) or _FOLDED.get(surface.lower())
    if unit is None:
        return None
    return _Quantity(r, unit, surface, m.end())


def _resolve_degrees(a: UnitName, b: UnitName) -> tuple[UnitName, UnitName] | None:
    """A bare "degrees" takes the other temperature scale; both bare is unresolvable."""
    scales = {"degC": "degF", "degF": "degC"}
    if not a.pint and not b.pint:
        return None
    if not a.pint and b.pint[0] in scales:
        other = scales[b.pint[0]]
        return UnitName((), (other,), "°" + other[-1]), b
    if not b.pint and a.pint[0] in scales:
        other = scales[a.pint[0]]
        return a, UnitName((), (other,), "°" + other[-1])
    if not a.pint or not b.pint:
        return None
    return a, b


def _is_temperature(unit: UnitName) -> bool:
    return unit.pint[0] in TEMPERATURES if unit.pint else unit.label == "degrees"


def _negated(r: NumberReading, start: int, text: str) -> NumberReading:
    """``r`` below zero, its span and text taking in the sign written at ``start``."""
    if r.high is not None:
        return r
    return NumberReading(-r.value, None, r.step, r.decimals, r.scale_text,
                         Span(start, r.span.end), text[start:r.span.end])


def _signed(text: str, q: _Quantity) -> _Quantity:
    """A temperature with its minus sign read (``-20C``, ``minus 5 degrees``)."""
    r = q.number
    m = _SIGN_BEFORE.search(text, max(0, r.span.start - 9), r.span.start)
    return q._replace(number=_negated(r, m.start(), text)) if m else q


def _compound(text: str, q: _Quantity) -> _Quantity:
    """``5 feet 10 inches`` as 70 inches (the rounding of the smaller unit), else ``q``."""
    small = q.unit.pint[0] if len(q.unit.pint) == 1 else None
    if small not in _COMPOUND or q.number.high is not None:
        return q
    rx, factor = _COMPOUND[small]
    r = q.number
    m = rx.search(text, max(0, r.span.start - 16), r.span.start)
    if m is None:
        return q
    return q._replace(number=NumberReading(
        Decimal(m.group("n")) * factor + r.value, None, r.step, r.decimals, None,
        Span(m.start(), r.span.end), text[m.start():r.span.end]))


def _decimal_comma(text: str, r: NumberReading, nxt: NumberReading | None) -> _Quantity | None:
    """``48, 8 degrees Celsius``: a stray decimal comma between two short numbers."""
    if nxt is None or r.decimals or r.scale_text or len(r.text) > 3:
        return None
    m = _DECIMAL_COMMA.match(text, r.span.end)
    if m is None or m.end() != nxt.span.start or len(nxt.text) > 2:
        return None
    quantity = _unit_at(text, nxt)
    if quantity is None or not quantity.unit.pint or quantity.unit.pint[0] not in ("degC", "degF"):
        return None
    decimals = len(nxt.text)
    merged = NumberReading(r.value + nxt.value.scaleb(-decimals), None,
                           Decimal(1).scaleb(-decimals), decimals, None,
                           Span(r.span.start, nxt.span.end), text[r.span.start:nxt.span.end])
    return quantity._replace(number=merged)


def read_unit_conversions(text: str) -> list[UnitConversion]:
    """Every stated unit conversion in ``text``, in order."""
    windows = _windows(text)
    if not windows or not _QUICK.search(text):
        return []
    return _pairs(text, [r for start, end in windows for r in _numbers(text, start, end)])


def _pairs(text: str, numbers: list[NumberReading]) -> list[UnitConversion]:
    """The pairs among ``numbers`` (every number of the lines around each separator)."""
    starts = {r.span.start: r for r in numbers}
    found: list[UnitConversion] = []
    taken = -1
    for i, r in enumerate(numbers):
        if r.span.start < taken or _MONEY_BEFORE.search(text, max(0, r.span.start - 5),
                                                        r.span.start):
            continue
        first = _unit_at(text, r)
        if first is not None:
            first = _compound(text, first)
        if first is None:
            first = _decimal_comma(text, r, numbers[i + 1] if i + 1 < len(numbers) else None)
        odd = _UNSUPPORTED.match(text, r.span.end) if first is None else None
        sep = _SEPARATOR.match(text, first.end if first else odd.end() if odd else r.span.end)
        if (first is None and odd is None) or sep is None or sep.end() not in starts:
            continue
        r2 = starts[sep.end()]
        second = _unit_at(text, r2)
        paren = "(" in sep.group("sep")
        odd2 = _UNSUPPORTED.match(text, r2.span.end) if second is None else None
        if (first is None) != (second is None) and (odd or odd2):
            end = odd2.end() if odd2 else (first.end if first else r.span.end)
            end += 1 if text[end:end + 1] == ")" else 0
            found.append(_unknown(text, first, r, odd, second, r2, odd2, Span(r.span.start, end)))
            taken = end
            continue
        if first is None or second is None:
            continue
        if paren and not _CLOSE.match(text, second.end):
            continue
        if _is_temperature(first.unit) or _is_temperature(second.unit):
            first = _signed(text, first)
            if sep.group("neg"):
                second = second._replace(number=_negated(second.number, sep.start("neg"), text))
        units = _resolve_degrees(first.unit, second.unit)
        if units is None or (first.number.high is None) != (second.number.high is None):
            continue
        end = second.end + (1 if paren and text[second.end:second.end + 1] == ")" else 0)
        span = Span(first.number.span.start, end)
        found.append(UnitConversion(_side(text, first, units[0]), _side(text, second, units[1]),
                                    span, text[span.start:span.end]))
        taken = end
    return found


def _side(text: str, q: _Quantity, unit: UnitName) -> Quantity:
    """One side as a typed figure, with the qualifier written before its number."""
    r = q.number
    found = qualifier_before(text, r.span.start)
    qualifier = found[0] if found else None
    return Quantity(text[r.span.start:q.end].strip(), Span(r.span.start, q.end), r.value,
                    unit.label, r.step, r.high, qualifier, bound_of(qualifier),
                    unit_text=q.unit_text, scale_text=r.scale_text, decimals=r.decimals,
                    unit_candidates=unit.pint,
                    zeros_meant=not any(c.isdigit() for c in r.text))   # "a hundred"


def _unknown(text: str, first: _Quantity | None, r: NumberReading, odd: re.Match[str] | None,
             second: _Quantity | None, r2: NumberReading, odd2: re.Match[str] | None,
             span: Span) -> UnitConversion:
    """A pair one of whose units the checker does not convert (``5 leagues (24 km)``)."""
    def side(q: _Quantity | None, n: NumberReading, m: re.Match[str] | None) -> Quantity:
        if q is not None:
            return _side(text, q, q.unit)
        assert m is not None
        word = m.group("word")
        return Quantity(text[n.span.start:m.end()].strip(), Span(n.span.start, m.end()), n.value,
                        None, n.step, n.high, unit_text=word, scale_text=n.scale_text,
                        decimals=n.decimals,
                        unit_note=f"{word} is a unit the checker does not convert")
    return UnitConversion(side(first, r, odd), side(second, r2, odd2), span,
                          text[span.start:span.end])
