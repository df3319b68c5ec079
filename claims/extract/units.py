"""Unit conversions a story states: ``100 km (62 miles)``, ``40C (104F)``, ``5 miles, or 8km``.

``read_unit_conversions(text)`` finds a quantity with a unit followed by its restatement in
another unit and returns each as a ``UnitConversion`` of two ``Quantity`` sides: ``unit`` the
unit's name as a copy editor reads it (``miles``, ``°C``), ``unit_candidates`` the pint
expressions it may mean (a bare ``tons`` is a short ton, a long ton or a tonne; ``inches``
beside millibars are inches of mercury; a temperature in a sentence about warming is also
read as a difference, without the 32° offset).

The phrase grammar (``_SEPARATOR``): the restatement follows the first figure

* in brackets: ``100 km (62 miles)``, ``300 millimetres [11.8 inches]``,
  ``(250ha, 619 acres)``, ``472 ft-lb. of torque (640 Nm)`` (a short "of ..." phrase between);
* after ``or``, ``, or``, ``, also``, ``, which is (equivalent to)``, ``, nearly``/``, or just
  under`` (any hedge), a slash (``353 mm/13.90”``);
* in the next sentence, introduced by ``That's``/``That is``: ``168,000 barrels of oil.
  That's more than 7 million gallons``;
* with no restating phrase at all, one measure given twice in a sentence (``The headline put
  it at 15.8 tonnes; the body said 15,876 kilograms``): neighbours of one kind, both precise,
  read as a restatement of the more precise one with ``certainty`` ``inferred`` (``_apart``;
  the check reports it only when the two nearly agree, never as an error).

A weak joint (all but brackets) pairs only units of one kind (``5 km or 3 kg`` is no
conversion), and a duration only when hedged or bracketed (``30 days or 6 months`` is a
choice, ``1,469 days or about four years`` a restatement).

Figures: digits, number words (``four``, ``seventy``), fractions and mixed numbers (``1/2``,
``172 1/2``, ``17½``, ``five and a half``, ``two-and-a-half``), a decimal comma glued to a
short number (``68,6 kg``), ranges converted at both ends, compound measures folded into the
smaller unit in either position (``5 feet 10 inches``, ``6’11”``, ``9st 6lb``, ``16 pounds
and one ounce``, ``329 lb 15 oz``), temperatures with their sign (``-20C``, ``minus 5
degrees``, ``15 below zero``), a bare number beside a temperature (``119 (48.3 C)``, read
as the other scale and marked so), prices per unit (``$4000 per hectare ($1620 an acre)``).
A unit the checker does not convert beside a known one (``5 leagues (24 km)``) gives a
conversion whose unknown side has no unit and a ``unit_note`` saying why. Nominal classes
written as pairs (``the 15 kg (30 lb) line class``) are names, not conversions, and are
left alone. ``claims.check.units`` judges them.

Unit names come from the curated table in ``unit_names`` (a dict lookup inside one compiled
regex). quantulum3 is not used: it takes ~1.5 s for its first parse (model load) and ~0.5 s a
story, misreads money as units, and every unit seen in the corpora is in the table.

Prefilter: every pair needs a separator (``_ANCHOR``), so numbers are read only in windows
around each one (``_windows``): from the last sync point before ``_REACH`` characters ahead
of it to the first one after the next few words (``fig.sync_before``), so that the numbers
read there are exactly those of the full text. Windows with no figure before their separator
are dropped; the pairing loop and every other pattern run on the full text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import NamedTuple

from claims.extract import sentences as fig
from claims.extract._regex import alternation, trie
from claims.extract.numbers import NumberReading
from claims.extract.qualifiers import bound_of, english_trie, qualifier_before
from claims.extract.scales import FOREIGN_SCALES, LANGUAGE_SCALES, SCALES
from claims.extract.unit_names import (
    DEGREE_WORDS,
    FRACTIONS,
    PER_DAY,
    SPELLED,
    UNITS,
    UNSUPPORTED,
    UnitName,
    dimensions,
)
from claims.model import Quantity, Span, UnitConversion
from claims.pattern_cache import compile as compile_pattern

__all__ = [
    "read_unit_conversions",
    "TEMPERATURES",
    "DIFFERENCES",
    "COMPOUND_NAMES",
    "MAYBE_DIFFERENCE",
]

_HALF = Decimal("0.5")

#: pint names of the temperature scales (converted with their offsets).
TEMPERATURES = ("degC", "degF")
#: pint names of temperature differences (converted without the offset: 1.5 °C is 2.7 °F).
DIFFERENCES = ("delta_degC", "delta_degF")
_B = r"[\x20\u00a0]"  # one blank


def _cased(surface: str) -> bool:
    """Short abbreviations and ones with inner capitals keep their case (m, C, PS, kW)."""
    last = re.split(r"[\s°º˚]+", surface)[-1]
    return len(last) <= 2 or any(c.isupper() for c in last[1:])


def _build_unit_lookup(
    by_first: bool = True,
) -> tuple[re.Pattern[str], dict[str, UnitName], dict[str, UnitName]]:
    cased: dict[str, UnitName] = {}
    folded: dict[str, UnitName] = {}
    for unit in UNITS:
        for s in unit.surfaces:
            (cased if _cased(s) else folded).setdefault(s if _cased(s) else s.lower(), unit)
    for w in DEGREE_WORDS:
        folded.setdefault(w, UnitName((w,), (), "degrees"))

    def alt(words: list[str], fold: set[str] | frozenset[str] = frozenset()) -> str:
        return alternation(words, blanks=r"[\x20\u00a0]?", fold=fold, by_first=by_first)

    pattern = compile_pattern(
        r"""
        [\x20\u00a0]?-?                         # 5 miles, 8km, 345-kilometer
        (?P<unit>%s)                            # the unit word, longest first (km/h before km)
        (?:(?<=[^\w])|(?![^\W\d_]))             # a word ends at a word boundary
        (?P<per>[\x20\u00a0]?(?i:%s)(?![^\W\d_]))?   # a time basis: barrels a day
        """
        % (alt(list(cased) + list(folded), set(folded)), alt(list(PER_DAY))),
        re.VERBOSE,
    )
    return pattern, cased, folded


_UNIT_AFTER, _CASED, _FOLDED = _build_unit_lookup()
_PER_UNIT = compile_pattern(r"[\x20\u00a0]?(?:/|per\b|an?\b|each\b)[\x20\u00a0]?(?=\S)", re.I)
_QUALIFIER = english_trie()
_FILLER_WORDS = 4  # words of "of rain on the island" before a joint

#: Where a restatement may start, right after the first side (its unit, and perhaps "of
#: torque"): the prefilter's anchors.
_JOINT = r"""
      \s*[(\[]\s*                                            # (62 miles)  [11.8 inches]
    | \s*/\s*(?=[-\u2212]?\d)                                # 353 mm/13.90”
    | ,?\s+or\s+                                             # X or Y, X, or Y
    | ,\s+(?:also|which\s+is|equivalent\s+to|equal\s+to|the\s+equivalent\s+of|i\.e\.,?)\s+
    | ,\s+(?=(?:%(q)s)\s)                                    # X, nearly Y
    | ,\s+(?=\d)                                             # (250ha, 619 acres)
    | (?:[.;]|(?<=\.))\s+(?:That['’]s|That\s+is|This\s+is|That\s+equals|That\s+works\s+out\s+to)\s+
""" % {"q": _QUALIFIER}
_ANCHOR = compile_pattern(_JOINT, re.VERBOSE | re.IGNORECASE)
#: Where a joint may start: a bracket, a slash, a semicolon, `` or`` (each found with
#: ``str.find``, memchr speed: re's scan for even one literal is several times slower),
#: ``. Th(at|is)``, and a comma that ``_JOINT``'s comma branches may follow (tested inside
#: the scan: commas are by far the most frequent). ``_ANCHOR`` confirms each.
_ANCHOR_CHARACTERS = ("(", "[", "/", ";")
_THAT_IS = compile_pattern(r"\.\s+Th(?=[aAiI])")
_COMMA_JOINT = compile_pattern(
    r""",(?=\s+(?:or\s
    | (?:also|which\s+is|equivalent\s+to|equal\s+to|the\s+equivalent\s+of|i\.e\.,?)\s
    | (?:%(q)s)\s
    | \d))"""
    % {"q": _QUALIFIER},
    re.VERBOSE | re.IGNORECASE,
)
_SEPARATOR = compile_pattern(
    r"""
    (?P<filler>[\x20\u00a0]+(?:of|in)(?:[\x20\u00a0]+[a-z]{1,12}){1,%d}?)?  # 472 ft-lb. of torque (640 Nm)
    [”"’]?                                      # a closing quote: one megawatt” (1360 hp)
    (?P<sep>%s)
    (?:(?i:or)\s+)?                             # (or 62 miles)
    (?:(?i:(?:which\s+is\s+)?(?:equivalent\s+to|equal\s+to|the\s+equivalent\s+of))\s+)?
    (?P<hedge>(?i:%s)\s*)?                      # a hedge: (about 62 miles), (nearly 4F)
    (?:(?:[A-Z]{1,3})?[$£€¥₹₩][\x20\u00a0]?)?    # a price's currency: ($1620 an acre)
    (?P<neg>[-\u2212\u2013](?=\d)|(?i:minus)[\x20\u00a0]+)?   # a sign: (-4F), (minus 4F)
    """
    % (_FILLER_WORDS, _JOINT, _QUALIFIER),
    re.VERBOSE,
)
_CLOSE = compile_pattern(r"\s*[)\],;:]")
#: Further restatements in the same brackets: (3.6 l/100km or 64.8 mpg US)
_MORE = compile_pattern(r"(?:,?\s+or\s+|,\s+|\s*/\s*)(?:(?i:%s)\s*)?(?=\d)" % _QUALIFIER)
#: A minus sign before a temperature: ``-20C``, ``−3C``, ``minus 5 degrees`` (not ``5-10``).
_SIGN_BEFORE = compile_pattern(
    r"(?:(?<![\w.,)\-\u2212\u2013])[-\u2212\u2013]|"
    r"(?<![\w-])(?i:minus|negative)[\x20\u00a0]+)\Z"
)
_BELOW_ZERO = compile_pattern(
    r"[\x20\u00a0]+(?:(?:degrees?|°)[\x20\u00a0]+)?below[\x20\u00a0]+zero\b", re.IGNORECASE
)
#: The smaller unit of a compound measure written after the larger, keyed by the larger's pint
#: name: ``5 feet 10 inches``, ``9st 6lb``, ``16 pounds and one ounce``, ``329 lb 15 oz``.
_SMALLER: dict[str, tuple[str, re.Pattern[str], int]] = {
    big: (
        small,
        compile_pattern(
            r"[\x20\u00a0]*,?[\x20\u00a0]*(?:and[\x20\u00a0]+)?(?P<n>\d+(?:\.\d+)?|%s)[\x20\u00a0]?"
            r"(?:%s)(?![^\W\d_])"
            % (
                "|".join(
                    w for w in SPELLED if w.isalpha() and Decimal(SPELLED[w]) >= 1 and " " not in w
                ),
                words,
            ),
            re.IGNORECASE,
        ),
        factor,
    )
    for big, small, words, factor in (
        ("foot", "inch", r"inches|inch|ins|in\b\.?|[”″\"]", 12),
        ("stone", "pound", r"pounds|pound|lbs|lb", 14),
        ("pound", "ounce", r"ounces|ounce|oz", 16),
    )
}
#: The ``unit_text`` of a compound side, by its larger unit (the checker writes such a figure
#: back the same way: 16 lb 10 oz).
COMPOUND_NAMES = {
    "foot": "feet and inches",
    "stone": "stone and pounds",
    "pound": "pounds and ounces",
}
#: Feet and inches in prime marks: ``6’11”``, ``7’0″``, ``6'9.5"``.
_FEET_INCHES = compile_pattern(
    r"(?P<ft>\d)[’'′][\x20\u00a0]?(?P<in>\d{1,2}(?:\.\d+)?)(?:[”″\"]|’’|'')"
)
_FRACTION = compile_pattern(r"/(?P<d>2|3|4|8|16|32)(?!\d)")
_MIXED_BEFORE = compile_pattern(r"(?<![\d.,/])(?P<w>\d+)[\x20\u00a0]\Z")
_AND_FRACTION = compile_pattern(
    r"[\x20\u00a0-]+and[\x20\u00a0-]+(?P<f>a[\x20\u00a0-]+half|a[\x20\u00a0-]+"
    r"quarter|three[\x20\u00a0-]+quarters)\b",
    re.IGNORECASE,
)
_AND_VALUES = {
    "half": (Decimal("0.5"), Decimal("0.5"), 1),
    "quarter": (Decimal("0.25"), Decimal("0.25"), 2),
    "quarters": (Decimal("0.75"), Decimal("0.25"), 2),
}
_DECIMAL_COMMA = compile_pattern(r",[\x20\u00a0]?(?=\d{1,2}\b)")
_GLUED_DECIMAL_COMMA = compile_pattern(r",(?P<d>\d{1,2})(?![\d,])")
_SPELLED = compile_pattern(
    r"(?<![\w-])(?P<w>%s)(?=[\x20\u00a0-])"
    % "|".join(
        re.escape(w).replace(r"\ ", r"[\x20\u00a0-]")
        for w in sorted((w for w in SPELLED if len(w) > 1), key=len, reverse=True)
    ),
    re.IGNORECASE,
)
_FRACTION_CHAR = compile_pattern("[%s]" % "".join(FRACTIONS))
_UNSUPPORTED = compile_pattern(
    r"[\x20\u00a0-]?(?P<word>%s)\b" % "|".join(sorted(UNSUPPORTED, key=len, reverse=True)),
    re.IGNORECASE,
)
_MONEY_BEFORE = compile_pattern(r"(?:[$£€¥₹₩]|\b(?:Rs|US|[A-Z]{3})\.?)[\x20\u00a0]?\Z")
#: A pair followed (or preceded) by "class" names a category, not a measure: the 15 kg (30 lb)
#: line class, the 60 kg (132 lb) division.
_NOMINAL_AFTER = compile_pattern(
    r"[\x20\u00a0]+(?:[a-z-]+[\x20\u00a0]+)?(?:class|classes|category|"
    r"division|weight[\x20\u00a0]+class)\b",
    re.IGNORECASE,
)
#: Words that make a temperature a difference: warming, a rise, above normal, an anomaly.
_DIFFERENCE = compile_pattern(
    r"\b(?:warm(?:ing|ed|er|s)?|hott?er|cool(?:ing|ed|er|s)?|cold(?:er)?|ris(?:e|es|ing|en)|"
    r"rose|increas\w*|jump\w*|drop\w*|fell|fall(?:s|ing)?|higher|lower|anomal\w*|"
    r"differen\w*|chang\w*|swing|deviation|up|down|by|"
    r"(?:above|below)(?![\x20\u00a0]+(?:zero|freezing)))\b",
    re.IGNORECASE,
)
_AFTER_REACH = 120  # a joint and the words before the restated figure
_SCALE_REACH = 16  # a scale word between a number's digits and its end
_TAIL = compile_pattern(r"(?:\s*\S+){0,3}\s*(?P<w>\S)")  # the restated figure starts by word 4
_DIGIT = compile_pattern(r"\d")
_SYNC_WORDS = fig.NUMBER_WORDS | {w for phrase in SPELLED for w in phrase.split()}
#: Characters a number's unit, "and a half", a compound's smaller part and an "of ..."
#: phrase can take, a run of blanks counting as one: the first number ends no further than
#: this before its separator.
_REACH = (
    len(" and three quarters")
    + 6
    + max(
        max(len(s) for u in UNITS for s in u.surfaces) + 1 + max(map(len, PER_DAY)),
        max(map(len, DEGREE_WORDS)),
        max(map(len, UNSUPPORTED)),
    )
    + 16
    + 4
    + 12 * _FILLER_WORDS
)


class _Quantity(NamedTuple):
    """One side of a pair: the number as read, its unit, and where the side ends."""

    number: NumberReading
    unit: UnitName
    unit_text: str
    end: int
    note: str | None = None
    start: int | None = None  # where the side starts when not at its number ($)


def _numbers(text: str, start: int = 0, end: int | None = None) -> list[NumberReading]:
    """Digits (scale words kept, one-letter scales off: 100m is metres) plus spelled ones
    and vulgar fractions, in ``text[start:end]`` (ends at sync points), at full-text offsets."""
    end = len(text) if end is None else end
    found = fig.read_window(text, start, end, letters=False)
    for rx in (_SPELLED, _FRACTION_CHAR) if _spelled_in(text, start, end) else ():
        for m in rx.finditer(text, start, end):
            if rx is _FRACTION_CHAR and m.start() and text[m.start() - 1].isdigit():
                continue  # 17½: read with its whole number
            w = m.group().lower()
            value = Decimal(SPELLED.get(w) or SPELLED[" ".join(re.split(r"[\x20\u00a0-]", w))])
            step = Decimal(1) if value >= 1 else Decimal("0.25") if value < 1 else _HALF
            found.append(
                NumberReading(
                    value,
                    None,
                    step,
                    0 if value >= 1 else 2,
                    None,
                    Span(m.start(), m.end()),
                    m.group(),
                )
            )
    return sorted(found, key=lambda r: r.span.start)


_SPELLED_WORDS = frozenset(
    w for phrase in SPELLED for w in re.split(r"[\x20-]", phrase.lower()) if w != "a" and len(w) > 1
)
_WORD_SPLIT = compile_pattern(r"[^\w½¼¾⅓⅔⅛⅜⅝⅞]+")


def _spelled_in(text: str, lo: int, hi: int) -> bool:
    """Whether a spelled figure or a vulgar fraction lies in ``text[lo:hi]`` (a set lookup
    over its words before the regex: the check runs at every comma near a figure)."""
    words = _WORD_SPLIT.split(text[lo:hi].lower())
    if not any(w in _SPELLED_WORDS or (w and w[-1] in FRACTIONS) for w in words):
        return False
    return bool(_SPELLED.search(text, lo, hi) or _FRACTION_CHAR.search(text, lo, hi))


def _windows(text: str, runs: list[int] | None = None) -> list[tuple[int, int]]:
    """Merged (start, end) spans, ends at sync points, holding every number a pair can use."""
    spans: list[tuple[int, int]] = []
    runs = fig.digit_runs(text) if runs is None else runs
    if not runs:
        return []

    def digit_in(a: int, b: int) -> bool:  # a digit in text[a:b]
        i = bisect_left(runs, a)
        return (i < len(runs) and runs[i] < b) or (a < b and text[a : a + 1].isdigit())

    blank_runs = "  " in text or "\u00a0" in text  # else reach_back is a subtraction
    for c in _anchor_starts(text):
        m = _ANCHOR.match(text, c)
        if m is None:
            continue
        p = c - 1  # the last character of the first side
        while p >= 0 and text[p].isspace():
            p -= 1
        if p < 0:
            continue
        lo = max(
            0,
            (fig.reach_back(text, p + 1, _REACH) if blank_runs else p + 1 - _REACH) - _SCALE_REACH,
        )
        if not digit_in(lo, p + 1) and not (
            digit_in(c, c + _AFTER_REACH) and _spelled_in(text, lo, p + 1)
        ):
            continue  # no figure ends close enough before (one has digits)
        if (
            m.group().strip() == ","
            and text[m.end() : m.end() + 1].isdigit()
            and text.rfind("(", lo, p) <= text.rfind(")", lo, p)
        ):
            continue  # "90 judges, 56 expressed": a bare comma only in brackets
        start = fig.sync_before(text, lo, _SYNC_WORDS)
        tail = _TAIL.match(text, m.end())
        last = tail.start("w") if tail else m.end()
        spans.append((start, fig.sync_after(text, last + 1, _SYNC_WORDS)))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _anchor_starts(text: str) -> list[int]:
    """Where ``_ANCHOR`` may match, in no particular order (a superset; see
    ``_ANCHOR_CHARACTERS``)."""
    found = [m.start() for m in _COMMA_JOINT.finditer(text)]
    found += [m.start() for m in _THAT_IS.finditer(text)]
    for needle in _ANCHOR_CHARACTERS:
        i = text.find(needle)
        while i >= 0:
            found.append(i)
            i = text.find(needle, i + 1)
    i = text.find(" or")
    while i >= 0:
        if text[i + 3 : i + 4].isspace():
            found.append(i)
        i = text.find(" or", i + 3)
    return found


def _lookup(surface: str) -> UnitName | None:
    surface = surface.replace("\u00a0", " ")
    return _CASED.get(surface) or _FOLDED.get(surface.lower())


def _figure(text: str, r: NumberReading, numbers: dict[int, NumberReading]) -> NumberReading:
    """``r`` with a fraction, a vulgar fraction, "and a half" or a glued decimal comma read:
    ``172 1/2``, ``17½``, ``five and a half``, ``68,6``."""
    if r.high is not None:
        return r
    end = r.span.end
    value, step, decimals = r.value, r.step, r.decimals
    m = _FRACTION.match(text, end)
    if m and not r.decimals and r.value < int(m.group("d")):  # 1/2, 172 1/2
        d = int(m.group("d"))
        value, step, decimals, end = r.value / d, Decimal(1) / d, 2, m.end()
        w = _MIXED_BEFORE.search(text, max(0, r.span.start - 12), r.span.start)
        if w:
            value += Decimal(w.group("w"))
            return NumberReading(
                value, None, step, decimals, None, Span(w.start("w"), end), text[w.start("w") : end]
            )
    elif end < len(text) and text[end] in FRACTIONS and not r.decimals:  # 17½
        f = Decimal(FRACTIONS[text[end]])
        value, step, decimals, end = (
            value + f,
            min(f, _HALF) if f != Decimal("0.75") else Decimal("0.25"),
            2,
            end + 1,
        )
    else:
        half = _AND_FRACTION.match(text, end)
        if half and not r.decimals:
            add, step, decimals = _AND_VALUES[half.group("f").split()[-1].split("-")[-1].lower()]
            value, end = value + add, half.end()
        else:
            comma = _GLUED_DECIMAL_COMMA.match(text, end)
            if (
                comma
                and not r.decimals
                and not r.scale_text
                and "," not in r.text
                and len(r.text) <= 3
                and _UNIT_AFTER.match(text, comma.end())
            ):
                digits = comma.group("d")
                decimals = len(digits)
                step = Decimal(1).scaleb(-decimals)
                value, end = r.value + Decimal(digits) * step, comma.end()
    if end == r.span.end:
        return r
    return NumberReading(
        value, None, step, decimals, None, Span(r.span.start, end), text[r.span.start : end]
    )


def _unit_at(text: str, r: NumberReading, price: bool = False) -> _Quantity | None:
    """The unit written right after the figure ``r`` (compounds folded in), or None; with
    ``price``, a unit after "per", "/" or "an": ``$4000 per hectare``."""
    fi = _FEET_INCHES.match(text, r.span.start)
    if fi and fi.start() == r.span.start and r.high is None and not price:
        inches = Decimal(fi.group("in"))
        step = Decimal(1).scaleb(-len(fi.group("in").partition(".")[2]))
        n = NumberReading(
            Decimal(fi.group("ft")) * 12 + inches,
            None,
            step,
            len(fi.group("in").partition(".")[2]),
            None,
            Span(fi.start(), fi.end()),
            fi.group(),
        )
        return _Quantity(n, _lookup("inches") or UNITS[0], COMPOUND_NAMES["foot"], fi.end())
    end = r.span.end
    if price:
        per = _PER_UNIT.match(text, end)
        if per is None:
            return None
        end = per.end()
    m = _UNIT_AFTER.match(text, end)
    if m is None:
        below = _BELOW_ZERO.match(text, end) if not price else None
        if below and r.high is None:
            neg = NumberReading(
                -r.value,
                None,
                r.step,
                r.decimals,
                None,
                Span(r.span.start, below.end()),
                text[r.span.start : below.end()],
            )
            return _Quantity(neg, UnitName(("degrees",), (), "degrees"), "degrees", below.end())
        return None
    surface = m.group("unit")
    unit = _lookup(surface)
    if unit is None:
        return None
    if price:
        if not unit.pint or dimensions(unit) & {"temperature", "time"}:
            return None
        unit = UnitName(
            unit.surfaces, tuple(f"1/({p})" for p in unit.pint), f"per {_singular(unit.label)}"
        )
    q = _Quantity(r, unit, surface, m.end())
    below = _BELOW_ZERO.match(text, q.end)
    if below and r.high is None and _is_temperature(unit):
        q = q._replace(
            number=replace(
                _negated(r, r.span.start, text),
                span=Span(r.span.start, below.end()),
                text=text[r.span.start : below.end()],
            ),
            end=below.end(),
        )
    return _compound(text, q)


def _singular(label: str) -> str:
    """``acres`` -> ``acre`` (a price is per one unit)."""
    return label[:-2] if label.endswith("ches") else label[:-1] if label.endswith("s") else label


def _compound(text: str, q: _Quantity) -> _Quantity:
    """``5 feet 10 inches`` as 70 inches (the rounding of the smaller unit), else ``q``."""
    big = q.unit.pint[0] if q.unit.pint else None
    if big not in _SMALLER or q.number.high is not None:
        return q
    small, rx, factor = _SMALLER[big]
    m = rx.match(text, q.end)
    if m is None:
        return q
    n = m.group("n").lower()
    part = Decimal(SPELLED[n]) if n in SPELLED else Decimal(n)
    decimals = len(n.partition(".")[2]) if n[0].isdigit() else 0
    r = q.number
    merged = NumberReading(
        r.value * factor + part,
        None,
        Decimal(1).scaleb(-decimals),
        decimals,
        None,
        Span(r.span.start, m.end()),
        text[r.span.start : m.end()],
    )
    unit = next(u for u in UNITS if u.pint and u.pint[0] == small)
    return _Quantity(merged, unit, COMPOUND_NAMES[big], m.end())


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
    return NumberReading(
        -r.value,
        None,
        r.step,
        r.decimals,
        r.scale_text,
        Span(start, r.span.end),
        text[start : r.span.end],
    )


def _signed(text: str, q: _Quantity) -> _Quantity:
    """A temperature with its minus sign read (``-20C``, ``minus 5 degrees``)."""
    r = q.number
    if r.value < 0:
        return q
    m = _SIGN_BEFORE.search(text, max(0, r.span.start - 9), r.span.start)
    if not m:
        return q
    return q._replace(number=_negated(r, m.start(), text))


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
    merged = NumberReading(
        r.value + nxt.value.scaleb(-decimals),
        None,
        Decimal(1).scaleb(-decimals),
        decimals,
        None,
        Span(r.span.start, nxt.span.end),
        text[r.span.start : nxt.span.end],
    )
    return quantity._replace(number=merged)


def read_unit_conversions(text: str) -> list[UnitConversion]:
    """Every stated unit conversion in ``text``, in order (those a phrase states, then one
    measure given twice in a sentence: ``_apart``)."""
    runs = fig.digit_runs(text)
    windows = _windows(text, runs)
    found = (
        _pairs(text, [r for start, end in windows for r in _numbers(text, start, end)])
        if windows
        else []
    )
    return found + _apart(text, found, runs=runs)


#: Figures paired apart show at least this many significant digits each: two round figures
#: of one kind in a sentence (``10 km ... 7 miles``) are too often two measures.
_APART_DIGITS = 3
_APART_KINDS = frozenset({"temperature", "time"})  # highs and lows, ages and spans: not paired
_SPELLED_DIGITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
#: The rest of a figure after a digit run, up to where its unit word starts: ``15,876``,
#: ``4.2 million``, ``677-point-four``, ``17½``, ``2 and a half`` (a fraction's ``/2`` is a
#: run of its own).
_RUN_REST = compile_pattern(
    r"[\d.,]*(?i:[-\x20]point(?:[-\x20](?:%s))+)?(?:%s)?"
    r"(?:[\x20\u00a0-]?(?i:%s)(?![^\W\d_]))?(?i:%s)?"
    % (
        "|".join(_SPELLED_DIGITS),
        _FRACTION_CHAR.pattern,
        trie(  # lower case, matched in any case: a trie, not ~400 branches tried one by one
            [
                w.lower()
                for w in [
                    *SCALES,
                    *FOREIGN_SCALES,
                    *(w for ws in LANGUAGE_SCALES.values() for w in ws),
                ]
            ]
        ),
        _AND_FRACTION.pattern,
    )
)


def _apart(
    text: str,
    found: list[UnitConversion],
    numbers: list[NumberReading] | None = None,
    runs: list[int] | None = None,
) -> list[UnitConversion]:
    """One measure given twice in a sentence, in two units, with no phrase restating one as
    the other: ``The headline put it at 15.8 tonnes; the body said 15,876 kilograms``.

    Read only between neighbours of one kind (no figure of that kind between them), neither
    already in a stated pair, both precise (``_APART_DIGITS``), neither a range, a price, a
    temperature or a duration. Which side restates which is not written: the coarser figure
    is taken as the restatement (rounding goes from the precise figure to the coarse one).
    ``certainty`` is ``inferred``: ``claims.check.units`` reports such a pair only when the two
    agree within rounding or a last-digit slip (else they are two measures) and never as an
    error. ``numbers``: the figures to try (default: those followed by a unit word, found from
    the digit runs, ``runs`` when given, so a story without such pairs costs one match per
    run)."""
    taken = _covered([c.span for c in found])
    if numbers is None:
        numbers = _unit_figures(text, taken, fig.digit_runs(text) if runs is None else runs)
    by_start = {r.span.start: r for r in numbers}
    sides: list[tuple[int, _Quantity, bool]] = []  # (sentence end, figure, may pair)
    for r in numbers:
        r = _figure(text, r, by_start)
        q = _unit_at(text, r)
        if q is None or not q.unit.pint or dimensions(q.unit) & _APART_KINDS:
            continue
        pairs = not (
            r.high is not None
            or taken(r.span.start)
            or _MONEY_BEFORE.search(text, max(0, r.span.start - 5), r.span.start)
            or _significant(q.number) < _APART_DIGITS
            or _NOMINAL_AFTER.match(text, q.end)
        )
        sides.append((fig.sentence_end(text, r.span.start), q, pairs))
    out: list[UnitConversion] = []
    for i, (end, a, pairs) in enumerate(sides):
        kinds = dimensions(a.unit)
        for end2, b, pairs2 in sides[i + 1 :]:
            if end2 != end:
                break
            if not kinds & dimensions(b.unit):
                continue
            if pairs and pairs2 and a.unit.label != b.unit.label and a.unit.pint != b.unit.pint:
                fine, coarse = sorted((a, b), key=_relative_step)
                span = Span(a.number.span.start, b.end)
                out.append(
                    UnitConversion(
                        _side(text, fine, fine.unit),
                        _side(text, coarse, coarse.unit),
                        span,
                        text[span.start : span.end],
                        certainty="inferred",
                    )
                )
            break  # only the next figure of its kind
    return out


#: The first two words (or signs) after a figure's digits; the ones a unit, a temperature
#: word or a feet-and-inches mark can start with; and those that continue the figure itself
#: (a scale word, a fraction, "and a half", "point four"), after which the next word counts.
#: Lowercased: supersets.
_NEXT_TOKENS = compile_pattern(
    r"[\d.,]*[\x20\u00a0-]?(?P<t>[^\W\d_]+|[^\w\s])(?:[\x20\u00a0-]?(?P<u>[^\W\d_]+|[^\w\s]))?"
)
_FIRST_TOKEN = compile_pattern(r"[\x20\u00a0-]?(?P<t>[^\W\d_]+|[^\w\s])")


def _first_tokens(words: list[str]) -> frozenset[str]:
    return frozenset(m.group("t").lower() for w in words if (m := _FIRST_TOKEN.match(w)))


_UNIT_STARTS = _first_tokens(
    [*(s for u in UNITS for s in u.surfaces), *DEGREE_WORDS, "’", "'", "′"]
)
_FIGURE_GOES_ON = _first_tokens(
    [
        *SCALES,
        *FOREIGN_SCALES,
        *(w for ws in LANGUAGE_SCALES.values() for w in ws),
        *FRACTIONS,
        "and",
        "point",  # 677-point-four miles
    ]
)


_EITHER = _UNIT_STARTS | _FIGURE_GOES_ON


def _may_have_unit(text: str, run: int) -> bool:
    """False when no unit word can follow the figure whose digits include the run at ``run``
    (two set lookups: most figures are followed by no unit)."""
    m = _NEXT_TOKENS.match(text, run)
    if m is None:
        return False
    first = m.group("t").lower()
    if first in _UNIT_STARTS:
        return True
    if first not in _FIGURE_GOES_ON:
        return False
    second = m.group("u")
    return second is None or first in ("and", "point") or second.lower() in _EITHER


def _covered(spans: list[Span]) -> Callable[[int], bool]:
    """Whether a position lies in one of ``spans`` (a binary search over them merged)."""
    merged: list[list[int]] = []
    for span in sorted(spans, key=lambda s: s.start):
        if merged and span.start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], span.end)
        else:
            merged.append([span.start, span.end])
    starts = [m[0] for m in merged]

    def inside(pos: int) -> bool:
        i = bisect_right(starts, pos) - 1
        return i >= 0 and pos < merged[i][1]

    return inside


def _unit_figures(text: str, taken: Callable[[int], bool], runs: list[int]) -> list[NumberReading]:
    """The figures of the sentences where two may be measures: a sentence holding two digit
    runs outside ``taken`` (the stated pairs) each followed by a unit word of a kind paired
    apart (after the rest of its figure: grouping and decimals, a scale word, a fraction,
    "and a half"), read whole
    between sync points. Every side ``_apart`` pairs ends in such a run, so these are all it
    can use."""
    hits: dict[int, int] = {}
    out: list[NumberReading] = []
    may: bool | None = None  # whether a unit may follow the last run's figure (None: not asked)
    for run in runs:
        if taken(run):
            may = None
            continue
        # the rest of a figure (``72.29``, ``1,234``) shares its first run's answer
        same_figure = may is not None and text[run - 1] in ".," and text[run - 2].isdecimal()
        if not same_figure:
            may = _may_have_unit(text, run)
        if not may:
            continue
        rest = _RUN_REST.match(text, run)
        m = _UNIT_AFTER.match(text, rest.end()) if rest else None
        unit = _lookup(m.group("unit")) if m else None
        if unit is None or not unit.pint or dimensions(unit) & _APART_KINDS:
            continue  # no unit, or one never paired apart (a duration, a temperature)
        last = fig.sentence_end(text, run)
        hits[last] = hits.get(last, 0) + 1
        if hits[last] == 2:
            lo = fig.sync_before(text, fig.sentence_start(text, run), _SYNC_WORDS)
            hi = fig.sync_after(text, last, _SYNC_WORDS)
            out += _numbers(text, lo, hi)
    return sorted({r.span.start: r for r in out}.values(), key=lambda r: r.span.start)


def _significant(r: NumberReading) -> int:
    """Significant digits printed: ``15.8`` 3, ``15,876`` 5, ``15,800`` 3."""
    if not r.step or not _DIGIT.search(r.text):
        return 0  # a number word: not a precise figure
    units = str(abs(r.value / r.step).to_integral_value())
    return len(units.rstrip("0")) if r.decimals == 0 else len(units)


def _relative_step(q: _Quantity) -> Decimal:
    """How coarse a figure is: one unit of its last digit against its value."""
    r = q.number
    return abs(r.step / r.value) if r.value else Decimal(1)


def _bare_temperature(
    text: str, r: NumberReading, sep: re.Match[str] | None, second: _Quantity | None
) -> _Quantity | None:
    """``119 (48.3 C)``: a bare whole number before a bracketed temperature in a stated scale
    is read as the other scale (the checker only confirms such a reading, never faults it)."""
    if (
        sep is None
        or second is None
        or "(" not in sep.group("sep")
        or r.high is not None
        or not second.unit.pint
        or second.unit.pint[0] not in TEMPERATURES
        or not -80 <= r.value <= 140
        or r.scale_text
        or "," in r.text
    ):
        return None
    return _Quantity(
        r,
        UnitName((), (), "degrees"),
        "",
        r.span.end,
        note="no scale printed: read as degrees in the other scale",
    )


def _pairs(text: str, numbers: list[NumberReading]) -> list[UnitConversion]:
    """The pairs among ``numbers`` (every number of the lines around each separator)."""
    by_start = {r.span.start: r for r in numbers}
    found: list[UnitConversion] = []
    taken = -1
    for i, r in enumerate(numbers):
        if r.span.start < taken:
            continue
        r = _figure(text, r, by_start)
        price = bool(_MONEY_BEFORE.search(text, max(0, r.span.start - 5), r.span.start))
        first = _unit_at(text, r, price)
        if first is None and price:
            continue
        if price and first is not None:
            money = _MONEY_BEFORE.search(text, max(0, r.span.start - 5), r.span.start)
            first = first._replace(start=money.start() if money else None)
        if first is None:
            first = _decimal_comma(text, r, numbers[i + 1] if i + 1 < len(numbers) else None)
        odd = _UNSUPPORTED.match(text, r.span.end) if first is None else None
        at = first.end if first else odd.end() if odd else r.span.end
        sep = _SEPARATOR.match(text, at)
        if sep is None or sep.end() not in by_start:
            continue
        r2 = _figure(text, by_start[sep.end()], by_start)
        money2 = _MONEY_BEFORE.search(text, max(0, r2.span.start - 5), r2.span.start)
        price2 = bool(money2)
        if price != price2 or (
            price
            and money2
            and _MONEY_BEFORE.search(text, max(0, r.span.start - 5), r.span.start).group().strip()  # type: ignore
            != money2.group().strip()
        ):  # two currencies: a currency conversion
            continue
        second = _unit_at(text, r2, price)
        if first is None and odd is None:
            first = _bare_temperature(text, r, sep, second)
            if first is None:
                continue
        joint = sep.group("sep")
        paren = "(" in joint or "[" in joint
        odd2 = _UNSUPPORTED.match(text, r2.span.end) if second is None else None
        if (first is None) != (second is None) and (odd or odd2) and paren:
            end = odd2.end() if odd2 else (first.end if first else r.span.end)
            end += 1 if text[end : end + 1] in ")]" else 0
            found.append(_unknown(text, first, r, odd, second, r2, odd2, Span(r.span.start, end)))
            taken = end
            continue
        if first is None or second is None:
            continue
        if not (_DIGIT.search(r.text) or _DIGIT.search(r2.text)):
            continue  # "one mile or two": prose, not a conversion
        if not _joint_fits(text, r, first, second, sep, paren):
            continue
        restated = [(second, sep)]
        close = second.end
        while paren and not _CLOSE.match(text, close):
            more = _MORE.match(text, close)
            nxt = by_start.get(more.end()) if more else None
            q = _unit_at(text, _figure(text, nxt, by_start), price) if nxt else None
            if q is None or more is None:
                break
            restated.append((q, more))
            close = q.end
        if paren and not _CLOSE.match(text, close):
            continue
        end = close + (1 if paren and text[close : close + 1] in ")]" else 0)
        if _NOMINAL_AFTER.match(text, end):
            taken = end
            continue
        for q, m in restated:
            pair = _pair(
                text,
                first,
                q,
                m,
                Span((first.start if first.start is not None else first.number.span.start), end),
            )
            if pair is not None:
                found.append(pair)
        taken = end
    return found


def _joint_fits(
    text: str,
    r: NumberReading,
    first: _Quantity,
    second: _Quantity,
    sep: re.Match[str],
    paren: bool,
) -> bool:
    """Whether the joint can restate ``first`` as ``second``: brackets always (a mismatch of
    kinds is reported); a weak joint only between units of one kind, a duration only hedged,
    a bare comma only inside brackets: ``(250ha, 619 acres)``; never one unit restated as
    itself (``£5 per kg ($6.50 per kg)`` is a currency conversion)."""
    if first.unit.label == second.unit.label and first.unit.pint == second.unit.pint:
        return False
    if paren:
        return True
    da, db = dimensions(first.unit), dimensions(second.unit)
    if not da & db or first.unit.label == second.unit.label:
        return False
    if da & db == {"time"} and not sep.group("hedge"):
        return False
    joint = sep.group("sep").strip()
    if joint == "," and not sep.group("hedge"):
        before = text[max(0, r.span.start - 1) : r.span.start]
        return (
            before == "("
            and bool(_CLOSE.match(text, second.end))
            and text[second.end : second.end + 1] == ")"
        )
    if sep.group("filler") and not joint.endswith(("s", "is", "equals", "to", ", or")):
        return False  # "6 inches of snow, or 15 cm"; not "5 km of road or 3"
    return True


def _pair(
    text: str, first: _Quantity, second: _Quantity, sep: re.Match[str], span: Span
) -> UnitConversion | None:
    if first.number.high is not None and second.number.high is None:
        return None
    if first.number.high is None and second.number.high is not None:
        return None
    if _is_temperature(first.unit) or _is_temperature(second.unit):
        first = _signed(text, first)
        if sep.groupdict().get("neg"):
            second = second._replace(number=_negated(second.number, sep.start("neg"), text))
        else:
            second = _signed(text, second)
    units = _resolve_degrees(first.unit, second.unit)
    if units is None:
        return None
    span = Span(min(span.start, first.number.span.start), span.end)
    a, b = units
    if _is_temperature(a) and _is_temperature(b):
        if _differs(text, span):
            a, b = _as_difference(a), _as_difference(b)
        elif (
            max(abs(first.number.value), abs(second.number.value)) <= _SMALL_DEGREES
            and first.note is None
        ):
            # "the 1.5C (2.7F) threshold": small figures may be a difference no word marks
            a, b = _as_difference(a), _as_difference(b)
            first = first._replace(note=MAYBE_DIFFERENCE)
    return UnitConversion(
        _side(text, first, a), _side(text, second, b), span, text[span.start : span.end]
    )


def _differs(text: str, span: Span) -> bool:
    """Whether the words around a temperature pair make it a difference: ``a 2C (3.6F)
    rise``, ``warmed 2.7 degrees Fahrenheit (1.5 degrees Celsius) above pre-industrial
    levels``; looked for in its own clause only (back to the previous figure or the sentence
    start, on to the next figure or the sentence end, at most ``_CONTEXT`` characters)."""
    lo = max(fig.sentence_start(text, span.start), span.start - _CONTEXT)
    digits = [m.end() for m in _DIGIT.finditer(text, lo, span.start)]
    lo = max([lo, *digits])
    hi = min(len(text), span.end + _CONTEXT)
    nxt = _DIGIT.search(text, span.end, hi)
    hi = min(hi, nxt.start() if nxt else hi, max(span.end, fig.sentence_end(text, span.start)))
    before = _DIFFERENCE.search(text, lo, span.start)
    return bool(before or _DIFFERENCE.search(text, span.end, hi))


_CONTEXT = 50
_SMALL_DEGREES = 20
#: The note on a small temperature pair no word marks as a difference (the checker does not
#: call it right or wrong when it fits only as one).
MAYBE_DIFFERENCE = "no word around it says whether it is a temperature or a difference"


def _as_difference(unit: UnitName) -> UnitName:
    """A temperature that may be a difference (warming, above normal): tried both ways."""
    return unit._replace(pint=unit.pint + tuple("delta_" + p for p in unit.pint))


def _side(text: str, q: _Quantity, unit: UnitName) -> Quantity:
    """One side as a typed figure, with the qualifier written before its number."""
    r = q.number
    start = q.start if q.start is not None else r.span.start
    if start == r.span.start:
        money = _MONEY_BEFORE.search(text, max(0, start - 5), start)
        if money and q.unit.label.startswith("per "):
            start = money.start()
    found = qualifier_before(text, start)
    qualifier = found[0] if found else None
    return Quantity(
        text[start : q.end].strip(),
        Span(start, q.end),
        r.value,
        unit.label,
        r.step,
        r.high,
        qualifier,
        bound_of(qualifier),
        unit_text=q.unit_text,
        scale_text=r.scale_text,
        decimals=r.decimals,
        unit_candidates=unit.pint,
        unit_note=q.note,
        zeros_meant=not any(c.isdigit() for c in r.text),
    )  # "a hundred"


def _unknown(
    text: str,
    first: _Quantity | None,
    r: NumberReading,
    odd: re.Match[str] | None,
    second: _Quantity | None,
    r2: NumberReading,
    odd2: re.Match[str] | None,
    span: Span,
) -> UnitConversion:
    """A pair one of whose units the checker does not convert (``5 leagues (24 km)``)."""

    def side(q: _Quantity | None, n: NumberReading, m: re.Match[str] | None) -> Quantity:
        if q is not None:
            return _side(text, q, q.unit)
        assert m is not None
        word = m.group("word")
        return Quantity(
            text[n.span.start : m.end()].strip(),
            Span(n.span.start, m.end()),
            n.value,
            None,
            n.step,
            n.high,
            unit_text=word,
            scale_text=n.scale_text,
            decimals=n.decimals,
            unit_note=f"{word} is a unit the checker does not convert",
        )

    return UnitConversion(
        side(first, r, odd), side(second, r2, odd2), span, text[span.start : span.end]
    )
