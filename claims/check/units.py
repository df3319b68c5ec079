"""Unit conversions a story states: ``100 km (62 miles)``, ``40C (104F)``, ``5 miles, or 8km``.

``check_units(text)`` finds a quantity with a unit followed by its restatement in another unit
-- in parentheses or after ``, or`` -- and recomputes it with pint (exact ``Decimal``
magnitudes; temperatures as offsets, not ratios).

Tolerance comes from the printed digits, not a flat %: the original stands for half a unit in
its last printed digit either side, carried through the conversion, and the restated figure
for half a unit in its own last digit (an integer's trailing zeros count as rounding there:
``200 miles (320 km)``). The two intervals overlapping is ``ok``; so the check reads both
directions at once (``65 degrees Fahrenheit (18.3 degrees Celsius)`` where the Celsius figure
was the measurement). A hedge such as "about" or "some" lets the restated figure be rounded one
step coarser (twice the half-step); bounds such as "more than" apply to both figures alike and
change nothing.

Verdict policy: ``ok`` (UNT003) when the intervals overlap; ``warning`` (UNT002) when the gap is
no more than the tolerance again (within 2x) or one unit in the restated figure's last digit;
``error`` (UNT001) beyond that; ``unverifiable`` (UNT004) when a side's unit is unknown or the
two units measure different things.

Unit names come from the curated table in ``unit_names`` (a dict lookup inside one compiled
regex: well under a millisecond a story). quantulum3 is not used: it takes ~1.4 s for its first
parse (model load) and ~0.5 s a story, misreads money as units, and every unit seen in the
corpus is in the table; an unknown unit beside a known one is reported as UNT004 instead.
pint is imported lazily, only once a candidate pair is found, and one registry is kept per
process (import + ``UnitRegistry(non_int_type=Decimal)`` ~0.3 s, then ~0.2 ms a conversion).
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import Any, NamedTuple

from claims.check import _figures as fig
from claims.check.unit_names import DEGREE_WORDS, PER_DAY, SPELLED, UNITS, UnitName
from claims.extract.numbers import NumberReading, read_numbers
from claims.model import Expected, Finding, Span, Verdict

CHECK = "unit-conversion"

#: Code -> (name, description, bad example, good example): the published rule reference.
CODES: dict[str, tuple[str, str, str, str]] = {
    "UNT001": ("unit-conversion-wrong",
               "A restated quantity does not match the original once converted, even allowing "
               "for the rounding of both printed figures.",
               "The line runs 100 km (68 miles).", "The line runs 100 km (62 miles)."),
    "UNT002": ("unit-conversion-rounding",
               "A restated quantity is just outside what the printed digits allow: within twice "
               "the rounding tolerance, or one unit off in its last digit.",
               "within a hundred kilometers (63 miles)", "within a hundred kilometers (62 miles)"),
    "UNT003": ("unit-conversion-ok",
               "A restated quantity matches the original within the rounding of both figures.",
               "", "It hit 40C (104F)."),
    "UNT004": ("unit-conversion-unverifiable",
               "A quantity is paired with a restatement whose unit is unknown or measures "
               "something else, so the conversion cannot be checked.",
               "5 leagues (24 km)", "15 nautical miles (28 km)"),
}


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

    def alt(words: list[str]) -> str:
        ordered = sorted(set(words), key=lambda w: (-len(w), w))
        return "|".join(re.escape(w).replace(r"\ ", r"[\x20\u00a0]?") for w in ordered)

    pattern = re.compile(
        r"""
        [\x20\u00a0]?-?                         # 5 miles, 8km, 345-kilometer
        (?P<unit>(?:%s)|(?i:%s))                # the unit word, longest first
        (?![^\W\d_])                            # ends at a word boundary
        (?P<per>[\x20\u00a0](?i:%s)\b)?         # a time basis: barrels a day
        """ % (alt(list(cased)), alt(list(folded)), alt(list(PER_DAY))),
        re.VERBOSE,
    )
    return pattern, cased, folded


_UNIT_AFTER, _CASED, _FOLDED = _build_unit_lookup()

_SEPARATOR = re.compile(
    r"""
    (?P<sep>\s*\(\s* | ,\s+or\s+)               # "(" or ", or"
    (?:(?i:or|about|around|roughly|some|approximately|nearly|almost|over|more\ than|just\ over)
       \s+)?                                    # a hedge inside the restatement
    """,
    re.VERBOSE,
)
_CLOSE = re.compile(r"\s*[),;:]")
_AND_HALF = re.compile(r"[\x20\u00a0]+and[\x20\u00a0]+a[\x20\u00a0]+half\b", re.IGNORECASE)
_DECIMAL_COMMA = re.compile(r",[\x20\u00a0]?(?=\d{1,2}\b)")
_SPELLED = re.compile(
    r"(?<![\w-])(?P<w>%s)(?=[\x20-])"
    % "|".join(re.escape(w) for w in sorted(SPELLED, key=len, reverse=True)),
    re.IGNORECASE,
)
_WORD_AFTER = re.compile(r"[\x20\u00a0-](?P<word>[a-z]{2,12})(?=\s*\))")
_MONEY_BEFORE = re.compile(r"(?:[$£€¥₹₩]|\b(?:Rs|US|[A-Z]{3})\.?)[\x20\u00a0]?\Z")
_QUICK = re.compile(r"\d[^()]{0,40}(?:\(|,\s+or\s)|(?i:hundred|half)")


class _Quantity(NamedTuple):
    """One side of a pair: the number as read, its unit, and where the side ends."""

    number: NumberReading
    unit: UnitName
    unit_text: str
    end: int


@lru_cache(maxsize=1)
def _registry() -> Any:
    """The process's one pint registry, with exact Decimal magnitudes (lazy: ~0.3 s)."""
    import pint

    return pint.UnitRegistry(non_int_type=Decimal)


def _convert(value: Decimal, src: str, dst: str) -> Decimal:
    """``value`` in ``src`` expressed in ``dst`` (raises pint's DimensionalityError)."""
    ureg = _registry()
    return Decimal(ureg.Quantity(value, src).to(dst).magnitude)


def _numbers(text: str) -> list[NumberReading]:
    """Digits (scale words kept, one-letter scales off: 100m is metres) plus spelled ones."""
    found = read_numbers(text, letters=False)
    for m in _SPELLED.finditer(text):
        value = Decimal(SPELLED[m.group("w").lower()])
        step = Decimal(1) if value >= 1 else Decimal("0.1")
        found.append(NumberReading(value, None, step, 0, None, Span(m.start(), m.end()),
                                   m.group()))
    return sorted(found, key=lambda r: r.span.start)


def _unit_at(text: str, r: NumberReading) -> _Quantity | None:
    """The unit written right after the number ``r`` ("and a half" folded in), or None."""
    end = r.span.end
    half = _AND_HALF.match(text, end)
    if half:
        r = r._replace() if False else NumberReading(
            r.value + fig.HALF, None, fig.HALF, 1, r.scale_text, Span(r.span.start, half.end()),
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
        return UnitName((), (other,), other[-1]), b
    if not b.pint and a.pint[0] in scales:
        other = scales[a.pint[0]]
        return a, UnitName((), (other,), other[-1])
    if not a.pint or not b.pint:
        return None
    return a, b
