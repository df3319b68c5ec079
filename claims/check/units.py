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
a slip -- at most one unit in the restated figure's last printed digit, both beyond the
intervals and off the correctly rounded conversion (``10 km (8 miles)`` is an error);
``error`` (UNT001) beyond that; ``unverifiable`` (UNT004) when a side's unit is unknown or the
two units measure different things.

Unit names come from the curated table in ``unit_names`` (a dict lookup inside one compiled
regex: well under a millisecond a story). quantulum3 is not used: it takes ~1.5 s for its first
parse (model load) and ~0.5 s a story, misreads money as units, and every unit seen in the
corpus is in the table; an unknown unit beside a known one is reported as UNT004 instead.
pint is imported lazily, only once a candidate pair is found, and one registry is kept per
process (import + ``UnitRegistry(non_int_type=Decimal)`` ~0.3 s, then ~0.2 ms a conversion).

Prefilter (same findings, ~12x faster on news copy): every pair needs a separator, ``(`` or
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
from functools import lru_cache
from typing import Any, NamedTuple

from claims.check import _figures as fig
from claims.check.unit_names import (DEGREE_WORDS, PER_DAY, SPELLED, UNITS, UNSUPPORTED,
                                     UnitName)
from claims.extract.numbers import NumberReading
from claims.model import Expected, Finding, Quantity, Span, Verdict, plain, round_pct

from claims.rules import UNITS as CHECK  # noqa: E402

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
        ordered = sorted(set(words), key=lambda w: (-len(w), w))
        escaped = (re.escape(w).replace(r"\ ", r"[\x20\u00a0]?") for w in ordered)
        return "|".join(f"(?i:{e})" if w in fold else e for w, e in zip(ordered, escaped))

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
    (?:(?i:or|about|around|roughly|some|approximately|nearly|almost|over|more\ than|just\ over)
       \s+)?                                    # a hedge inside the restatement
    (?P<neg>[-\u2212\u2013](?=\d)|(?i:minus)[\x20\u00a0]+)?   # a sign: (-4F), (minus 4F)
    """,
    re.VERBOSE,
)
_CLOSE = re.compile(r"\s*[),;:]")
#: A minus sign before a temperature: ``-20C``, ``−3C``, ``minus 5 degrees`` (not ``5-10``).
_SIGN_BEFORE = re.compile(r"(?:(?<![\w.,)\-\u2212\u2013])[-\u2212\u2013]|"
                          r"(?<![\w-])(?i:minus|negative)[\x20\u00a0]+)\Z")
_TEMPERATURE = ("degC", "degF")
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


@lru_cache(maxsize=1)
def _registry() -> Any:
    """The process's one pint registry, with exact Decimal magnitudes (lazy: ~0.3 s)."""
    import pint

    return pint.UnitRegistry(non_int_type=Decimal)


def _convert(value: Decimal, src: str, dst: str) -> Decimal:
    """``value`` in ``src`` expressed in ``dst`` (raises pint's DimensionalityError)."""
    ureg = _registry()
    return Decimal(ureg.Quantity(value, src).to(dst).magnitude)


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
        return UnitName((), (other,), "°" + other[-1]), b
    if not b.pint and a.pint[0] in scales:
        other = scales[a.pint[0]]
        return a, UnitName((), (other,), "°" + other[-1])
    if not a.pint or not b.pint:
        return None
    return a, b


def check_units(text: str) -> list[Finding]:
    """Every stated unit conversion in ``text``, each judged ok, warning, error or unverifiable."""
    windows = _windows(text)
    if not windows or not _QUICK.search(text):
        return []
    return _pairs(text, [r for start, end in windows for r in _numbers(text, start, end)])


def _pairs(text: str, numbers: list[NumberReading]) -> list[Finding]:
    """The pairs among ``numbers`` (every number of the lines around each separator)."""
    starts = {r.span.start: r for r in numbers}
    findings: list[Finding] = []
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
            known = first or second
            assert known is not None
            word = (odd or odd2).group("word")
            end = (odd2.end() if odd2 else known.end)
            end += 1 if text[end:end + 1] == ")" else 0
            findings.append(_unverifiable(text, known, Span(r.span.start, end),
                                          f"{word} is a unit the checker does not convert",
                                          "unknown-unit"))
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
        end = second.end + (1 if paren and text[second.end:second.end + 1] == ")" else 0)
        finding = _judge(text, first, second, Span(first.number.span.start, end), sep.group())
        if finding is not None:
            findings.append(finding)
            taken = end
    return findings


def _is_temperature(unit: UnitName) -> bool:
    return unit.pint[0] in _TEMPERATURE if unit.pint else unit.label == "degrees"


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


def _judge(text: str, first: _Quantity, second: _Quantity, span: Span,
           sep: str) -> Finding | None:
    """Convert ``first`` into ``second``'s unit and judge the stated figure."""
    units = _resolve_degrees(first.unit, second.unit)
    if units is None:
        return None
    u1, u2 = units
    a, b = first.number, second.number
    if (a.high is None) != (b.high is None):
        return None
    qualifier = fig.qualifier_before(text, a.span.start)
    hedged = fig.qualifier_mode(qualifier) == "approx" or any(
        w in sep.lower() for w in ("about", "around", "roughly", "some", "approx", "nearly",
                                   "almost"))
    try:
        best = min((_compare(a, b, p1, p2, hedged) for p1 in u1.pint for p2 in u2.pint),
                   key=lambda c: c["gap"] / c["tolerance"] if c["tolerance"] else c["gap"])
    except Exception as exc:  # pint.DimensionalityError, UndefinedUnitError
        if type(exc).__name__ not in ("DimensionalityError", "UndefinedUnitError"):
            raise
        return _unverifiable(text, first, span, f"{u1.label} and {u2.label} measure "
                             "different things", "incompatible-units")
    verdict = best["verdict"]
    code = {Verdict.OK: "UNT003", Verdict.WARNING: "UNT002", Verdict.ERROR: "UNT001"}[verdict]
    t1 = text[a.span.start:first.end].strip()
    t2 = text[b.span.start:second.end].strip()
    expected_value: Decimal = best["expected"]
    shown = fig.scaled_fmt(expected_value, b, 1) + ("" if u2.label[0] == "°" else " ") + u2.label
    dev = fig.deviation_pct(b.value, expected_value)
    if verdict is Verdict.OK:
        message = f"{t1} is {shown}: {t2} is right within rounding"
    else:
        slip = "just outside" if verdict is Verdict.WARNING else "outside"
        off = f"{dev:+.2f}%, " if dev is not None else ""
        message = f"{t1} is {shown}, not {t2} ({off}{slip} what the printed digits allow)"
    return Finding(
        code=code, check=CHECK, verdict=verdict, message=message, span=span,
        text=text[span.start:span.end],
        original=_side(a, best["src"], t1, first.end), converted=_side(b, best["dst"], t2, second.end),
        expected=Expected(expected_value, best["low"], best["high"], u2.label,
                          f"{fig.scaled_fmt(expected_value, b, 0)} {second.unit_text}"),
        deviation_pct=round_pct(dev), diagnosis=_diagnose(a, b, best) if verdict is not Verdict.OK else None,
        detail=f"tolerance: {plain(best['tolerance'])} {u2.label}",
    )


def _compare(a: NumberReading, b: NumberReading, src: str, dst: str,
             hedged: bool) -> dict[str, Any]:
    """Interval test of ``a`` src against ``b`` dst, both ends of a range when given."""
    worst: dict[str, Any] | None = None
    for va, vb in ((a.value, b.value), (a.high, b.high)):
        if va is None or vb is None:
            continue
        half_a = a.step * fig.HALF
        step_b = fig.loose_step(b) * (2 if hedged else 1)
        half_b = step_b * fig.HALF
        ends = sorted((_convert(va - half_a, src, dst), _convert(va + half_a, src, dst)))
        expected = _convert(va, src, dst)
        gap = fig.overlap_gap(ends[0], ends[1], vb - half_b, vb + half_b)
        tolerance = (ends[1] - ends[0]) / 2 + half_b
        if gap == 0:
            verdict = Verdict.OK
        elif fig.is_slip(gap, b.step, abs(vb - expected)):
            verdict = Verdict.WARNING
        else:
            verdict = Verdict.ERROR
        result = {"verdict": verdict, "gap": gap, "tolerance": tolerance, "expected": expected,
                  "low": ends[0] - half_b, "high": ends[1] + half_b, "src": src, "dst": dst}
        if worst is None or verdict.severity > worst["verdict"].severity:
            worst = result
    assert worst is not None
    return worst


def _diagnose(a: NumberReading, b: NumberReading, best: dict[str, Any]) -> str | None:
    """A likely cause: a temperature scaled as a ratio, or a figure truncated not rounded."""
    if {best["src"], best["dst"]} == {"degC", "degF"}:
        ratio = Decimal(9) / 5 if best["src"] == "degC" else Decimal(5) / 9
        if abs(a.value * ratio - b.value) <= b.step:
            return "temperature-as-ratio"
    exact = best["expected"]
    truncated = exact.quantize(b.step, rounding="ROUND_DOWN") if b.step <= 1 else None
    if truncated is not None and truncated == b.value:
        return "truncated"
    return None


def _side(r: NumberReading, unit: str, written: str, end: int) -> Quantity:
    return Quantity(written, Span(r.span.start, end), r.value, unit, r.step, r.high,
                    scale_text=r.scale_text, decimals=r.decimals)


def _unverifiable(text: str, first: _Quantity, span: Span, why: str, slug: str) -> Finding:
    return Finding(
        code="UNT004", check=CHECK, verdict=Verdict.UNVERIFIABLE,
        message=f"cannot check the conversion: {why}", span=span,
        text=text[span.start:span.end], diagnosis=slug,
        original=_side(first.number, first.unit.pint[0] if first.unit.pint else "",
                       text[first.number.span.start:first.end].strip(), first.end),
    )
