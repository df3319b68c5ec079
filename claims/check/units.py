"""Unit conversions judged: does the restated figure follow from the original at the defined
factor?

Each ``UnitConversion`` read by ``claims.extract.units`` is recomputed with pint (exact
``Decimal`` magnitudes; temperatures as offsets, not ratios) and judged by the tolerance
kernel (``tolerance``): the original stands for half a unit in its last significant digit,
carried through the conversion, the restated figure for its own; either side may be the
precise one (``65 degrees Fahrenheit (18.3 degrees Celsius)`` where the Celsius figure was the
measurement), a round side's trailing zeros are not significant (``238,900 miles (384,400
km)``), and a bound on the original lets the restatement go past it ("more than 20,000
barrels, or 865,200 gallons"). Where a unit may mean several things (a bare ``tons``), the
reading that fits best is taken and named.

Codes: ``ok`` UNT003, ``warning`` UNT002, ``error`` UNT001, ``unverifiable`` UNT004 (a unit the
checker does not convert, or units that measure different things). Temperatures get no
percentage deviation (a percent of a Celsius figure means nothing); their gap is in degrees.

pint is imported lazily, only once a story has a conversion, and one registry is kept per
process, built from pint's disk cache after the first run (registry 0.15 s rather than 0.85 s
on a loaded machine; then ~0.2 ms a conversion).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from typing import Any, NamedTuple

from claims import wording
from claims.check import tolerance as tol
from claims.check.tolerance import Interval, Judgement
from claims.extract.unit_names import DIMENSIONS, UNITS
from claims.extract.units import COMPOUND_NAMES, DIFFERENCES, MAYBE_DIFFERENCE, TEMPERATURES
from claims.model import Expected, Finding, Quantity, UnitConversion, Verdict, evolve, round_pct
from claims.rules import UNITS as CHECK
from claims.rules import code_for

__all__ = ["check_units"]


@lru_cache(maxsize=1)
def _registry() -> Any:
    """The process's one pint registry, with exact Decimal magnitudes. pint's own disk cache
    (the user cache folder) makes building it ~5x faster on every run after the first; where
    that folder cannot be written, the registry is built without it."""
    import pint

    try:
        return pint.UnitRegistry(non_int_type=Decimal, cache_folder=":auto:")
    except OSError:
        return pint.UnitRegistry(non_int_type=Decimal)


def _convert(value: Decimal, src: str, dst: str) -> Decimal:
    """``value`` in ``src`` expressed in ``dst`` (raises pint's DimensionalityError); a fuel
    economy and a consumption convert as reciprocals (62.8 mpg is 4.5 L/100 km). Every unit
    here converts by an affine map (a factor, and an offset for temperatures) or a reciprocal
    one, so pint is asked once per pair of units (``_map``)."""
    offset, factor, reciprocal = _map(src, dst)
    if reciprocal:
        return factor / value
    return offset + factor * value


@lru_cache(maxsize=512)
def _map(src: str, dst: str) -> tuple[Decimal, Decimal, bool]:
    """(offset, factor, reciprocal) with ``dst = offset + factor * src`` or, reciprocal,
    ``dst = factor / src``: from the table generated from pint (``_unit_factors``), else
    from pint itself (importing it costs more than the rest of a one-story check)."""
    from claims.check._unit_factors import FACTORS, NAMES

    known = FACTORS.get((src, dst))
    if known is not None:
        return Decimal(known[0]), Decimal(known[1]), known[2]
    if src in NAMES and dst in NAMES:
        raise DimensionalityError(f"{src} does not convert to {dst}")
    return pint_map(src, dst)


#: What pint raises for a pair that does not convert; the check tries the next reading.
NOT_CONVERTIBLE = ("DimensionalityError", "UndefinedUnitError", "OffsetUnitCalculusError")


class DimensionalityError(ValueError):
    """Two units of different kinds, known from the generated table (pint's name for it)."""


def pint_map(src: str, dst: str) -> tuple[Decimal, Decimal, bool]:
    """``_map`` asked of pint (and what ``tools/gen_unit_factors.py`` tabulates)."""
    q = _registry().Quantity
    try:
        zero = Decimal(q(Decimal(0), src).to(dst).magnitude)
        return zero, Decimal(q(Decimal(1), src).to(dst).magnitude) - zero, False
    except Exception as exc:
        if type(exc).__name__ != "DimensionalityError" or {
            DIMENSIONS.get(src),
            DIMENSIONS.get(dst),
        } != {"fuel"}:
            raise
        return Decimal(0), Decimal((1 / q(Decimal(1), src)).to(dst).magnitude), True


def _combinations(a: Quantity, b: Quantity) -> list[tuple[str, str]]:
    """The readings of the pair's units worth trying: a temperature difference only against
    a difference."""
    return [
        (src, dst)
        for src in a.unit_candidates
        for dst in b.unit_candidates
        if src.startswith("delta_") == dst.startswith("delta_")
    ]


class _Reading(NamedTuple):
    """One way of reading the pair's units, judged (a range: its worse end)."""

    judgement: Judgement
    src: str
    dst: str
    centrals: tuple[Decimal, Decimal | None]  # the exact conversion of each end
    stated_value: Decimal  # the stated end judged


def check_units(conversions: Iterable[UnitConversion]) -> list[Finding]:
    """A finding for every unit conversion; a pair read apart (``certainty`` ``inferred``:
    one measure given twice in a sentence, no phrase restating it) only when the two agree
    within rounding or a slip, and then at most a warning (else they are two measures)."""
    out = []
    for conv in conversions:
        finding = _check(conv)
        if conv.certainty == "stated":
            out.append(finding)
        elif finding.verdict in (Verdict.OK, Verdict.WARNING):
            out.append(evolve(finding, detail=_join(finding.detail, _APART_NOTE)))
    return out


_APART_NOTE = (
    "one measure given twice in the sentence, in two units, read as a restatement of the "
    "more precise figure"
)


def _join(*notes: str | None) -> str:
    return "; ".join(n for n in notes if n)


def _check(conv: UnitConversion) -> Finding:
    a, b = conv.original, conv.converted
    unknown = a if a.unit is None else b if b.unit is None else None
    if unknown is not None:
        return _unverifiable(
            conv, unknown.unit_note or "a unit the checker does not convert", "unknown-unit"
        )
    readings = []
    for src, dst in _combinations(a, b):
        try:
            readings.append(_fit(a, b, src, dst))
        except Exception as exc:  # pint.DimensionalityError, UndefinedUnitError
            if type(exc).__name__ not in NOT_CONVERTIBLE:
                raise
    if not readings:
        return _unverifiable(
            conv, f"{a.unit} and {b.unit} measure different things", "incompatible-units"
        )
    best = min(readings, key=_badness)
    j = best.judgement
    if a.unit_note == MAYBE_DIFFERENCE:
        if best.src in DIFFERENCES:
            return _unverifiable(
                conv,
                "the figures fit only as a temperature difference (no 32° "
                "offset), and no word around them says it is one",
                "maybe-difference",
            )
        a = evolve(
            a,
            unit_note=None,
            unit_candidates=tuple(c for c in a.unit_candidates if c not in DIFFERENCES),
        )
    if j.verdict is not Verdict.OK and (a.unit_note or b.unit_note):
        note = a.unit_note or b.unit_note
        return _unverifiable(
            conv, f"{note}, and it does not fit; perhaps not a temperature", "inferred-unit"
        )
    temperature = best.dst in TEMPERATURES or best.dst in DIFFERENCES
    ends = [_written(c, b, 1) for c in best.centrals if c is not None]
    shown = " to ".join(ends)
    if b.unit_text not in _COMPOUNDS:
        shown += ("" if (b.unit or " ")[0] == "°" else " ") + (b.unit or "")
    dev = None if temperature else tol.deviation_pct(best.stated_value, j.central)
    said_a, said_b = _said(a), _said(b)
    if j.verdict is Verdict.OK:
        message = f"{said_a} is {shown}: {said_b} is right within rounding"
    else:
        slip = "just outside" if j.verdict is Verdict.WARNING else "outside"
        off = (
            f"{best.stated_value - j.central:+.1f} degrees, "
            if temperature
            else f"{wording.percent_text(dev)}, "
            if dev is not None
            else ""
        )
        message = f"{said_a} is {shown}, not {said_b} ({off}{slip} what the printed digits allow)"
    ok_range = j.acceptable
    written = " to ".join(_written(c, b, 0) for c in best.centrals if c is not None)
    slug, cause = _diagnose(a, b, best) if j.verdict is not Verdict.OK else (None, None)
    if cause:
        message += f"; {cause}"
    return Finding(
        code=code_for(CHECK, j.verdict),
        check=CHECK,
        verdict=j.verdict,
        message=message,
        span=conv.span,
        text=conv.text,
        original=_chosen(a, best.src),
        converted=_chosen(b, best.dst),
        expected=Expected(
            j.central,
            ok_range.low,
            ok_range.high,
            b.unit,
            written if b.unit_text in _COMPOUNDS else f"{written} {b.unit_text}".strip(),
        ),
        deviation_pct=round_pct(dev),
        diagnosis=slug,
        detail=_reading_note(a, best.src) or _reading_note(b, best.dst),
    )


def _said(q: Quantity) -> str:
    """The figure in the story's words, its hedge kept: ``nearly 79 kilos``."""
    return (
        f"{q.qualifier} {q.text}"
        if q.qualifier and not q.text.lower().startswith(q.qualifier)
        else q.text
    )


#: A compound figure's larger and smaller unit, and how many of the smaller make the larger.
_COMPOUNDS = {
    COMPOUND_NAMES["foot"]: ("ft", "in", 12),
    COMPOUND_NAMES["stone"]: ("st", "lb", 14),
    COMPOUND_NAMES["pound"]: ("lb", "oz", 16),
}


#: Significant digits a message writes a computed figure with at most (past these, an extra
#: decimal is noise: ``5,878,625,373,183,607.7 miles``).
_MOST_DIGITS = 15


def _written(value: Decimal, q: Quantity, extra: int) -> str:
    """``value`` (in ``q``'s unit) written the way ``q`` is: 266 ounces as ``16 lb 10 oz``."""
    if q.unit_text not in _COMPOUNDS:
        scale = wording.multiplier_of(q)
        shown = value / scale if q.scale_text and scale != 1 else value
        if shown:  # at least two significant digits: 0.75 miles, not 1 miles; at most 15
            lead = shown.copy_abs().adjusted()
            extra = max(extra, -lead + 1 - q.decimals)
            extra = min(extra, max(0, _MOST_DIGITS - 1 - lead - q.decimals))
        return wording.scaled_fmt(value, scale, q.scale_text, q.decimals, extra)
    big, small, factor = _COMPOUNDS[q.unit_text]
    rounded = round(value, q.decimals + extra)
    whole, rest = divmod(rounded, factor)
    return f"{int(whole)} {big} {wording.scaled_fmt(rest, Decimal(1), None, q.decimals, extra)} {small}"


def _fit(a: Quantity, b: Quantity, src: str, dst: str) -> _Reading:
    """``a`` read as ``src`` against ``b`` read as ``dst``: both ends of a range, worse kept.

    Newsroom rounding: either side may be the precise one, so the original's printed
    interval is carried through the conversion; a hedge ("about") on either side lets a
    round restatement carry one significant figure, not a percentage, since the two figures
    restate one measure (``approximately 18.5 tons (16,856 kilograms)`` must agree); a bound
    ("more than", "nearly") still reads as an inequality."""
    relative = dst not in TEMPERATURES and dst not in DIFFERENCES
    hedged = "approx" in (a.bound, b.bound)
    worst: Judgement | None = None
    centrals: list[Decimal] = []
    stated_value = b.value
    for va, vb in ((a.value, b.value), (a.high, b.high)):
        if va is None or vb is None:
            continue
        a_end = evolve(a, value=va, bound=None if a.bound == "approx" else a.bound)
        b_end = evolve(b, value=vb, bound=None if b.bound == "approx" else b.bound)
        o = tol.printed(a_end, va, step=tol.significant_step(a_end, original=True))
        ends = sorted((_convert(o.low, src, dst), _convert(o.high, src, dst)))
        stated = tol.printed(b_end, vb, step=tol.significant_step(b_end, hedged=hedged))
        central = _convert(va, src, dst)
        centrals.append(central)
        j = tol.judge(Interval(ends[0], ends[1]), central, stated, b_end, relative=relative)
        if worst is None or j.verdict.severity > worst.verdict.severity:
            worst, stated_value = j, vb
    assert worst is not None
    return _Reading(
        worst, src, dst, (centrals[0], centrals[1] if len(centrals) > 1 else None), stated_value
    )


def _badness(r: _Reading) -> tuple[int, Decimal, Decimal]:
    """Worse verdict, then wider gap, then the exact value further from the stated one (272
    HP (200 kW) fits both horsepowers within rounding; metric fits closer)."""
    j = r.judgement
    miss = abs(r.stated_value - j.central) / (abs(j.central) or 1)
    return j.verdict.severity, j.gap_pct if j.gap_pct is not None else j.gap, miss


def _chosen(q: Quantity, pint_name: str) -> Quantity:
    """The side with the reading used first among its candidates."""
    rest = tuple(c for c in q.unit_candidates if c != pint_name)
    return evolve(q, unit_candidates=(pint_name, *rest))


_READ_AS = {
    "inch_Hg": "inches of mercury",
    "metric_horsepower": "metric horsepower (PS)",
    "horsepower": "mechanical horsepower",
    "mile/gallon": "miles per US gallon",
    "mile/imperial_gallon": "miles per imperial gallon",
}


def _reading_note(q: Quantity, pint_name: str) -> str | None:
    """Say which meaning of an ambiguous unit fitted (``tons`` read as long tons, inches as
    inches of mercury, a temperature as a difference); None for the plain reading of a
    temperature or inches."""
    if q.unit_note:
        return q.unit_note
    if len(q.unit_candidates) < 2 or pint_name in TEMPERATURES or pint_name == "inch":
        return None
    if pint_name in DIFFERENCES:
        return f"'{q.unit_text}' read as a temperature difference (no 32° offset)"
    return f"'{q.unit_text}' read as {_READ_AS.get(pint_name, pint_name.replace('_', ' '))}"


#: Units a slip may have been converted into instead, each with its label in the unit table.
_SLIP_UNITS: dict[str, str] = {}
for _unit in UNITS:
    if len(_unit.pint) == 1 and _unit.pint[0] in DIMENSIONS:
        _SLIP_UNITS.setdefault(_unit.pint[0], _unit.label)
_CLOSE = Decimal("0.01")  # a slip explains the figure when it lands within 1%


def _diagnose(a: Quantity, b: Quantity, best: _Reading) -> tuple[str | None, str | None]:
    """A likely cause and what it rests on: a temperature scaled as a ratio, a power of ten
    (``wrong-scale`` for 1,000s, else ``decimal-slip``), a conversion into another unit of
    the same kind (``wrong-unit``: 3,937 is 1,200 meters in feet, not miles), or a figure
    truncated not rounded."""
    if {best.src, best.dst} == set(TEMPERATURES):
        ratio = Decimal(9) / 5 if best.src == "degC" else Decimal(5) / 9
        if abs(a.value * ratio - b.value) <= b.step:
            return "temperature-as-ratio", None
    exact, stated = best.judgement.central, best.stated_value
    try:
        if exact and stated and best.dst not in TEMPERATURES and best.dst not in DIFFERENCES:
            ratio = stated / exact
            for power in range(1, 10):
                for factor in (Decimal(10) ** power, Decimal(10) ** -power):
                    if abs(ratio / factor - 1) <= _CLOSE:
                        slug = "wrong-scale" if power % 3 == 0 else "decimal-slip"
                        return slug, f"{factor.normalize():f} times the right figure"
            for unit, name in _SLIP_UNITS.items():
                if unit in (best.src, best.dst) or DIMENSIONS.get(unit) != DIMENSIONS.get(best.dst):
                    continue
                other = _convert(a.value, best.src, unit)
                if other and abs(stated / other - 1) <= _CLOSE:
                    return "wrong-unit", f"{_written(stated, b, 0)} is {a.text} in {name}"
        truncated = exact.quantize(b.step, rounding="ROUND_DOWN") if 0 < b.step <= 1 else None
    except ArithmeticError:  # more digits than the context holds: no diagnosis
        return None, None
    if truncated is not None and truncated == b.value:
        return "truncated", None
    return None, None


def _unverifiable(conv: UnitConversion, why: str, slug: str) -> Finding:
    return Finding(
        code=code_for(CHECK, Verdict.UNVERIFIABLE),
        check=CHECK,
        verdict=Verdict.UNVERIFIABLE,
        message=f"cannot check the conversion: {why}",
        span=conv.span,
        text=conv.text,
        diagnosis=slug,
        original=conv.original,
        converted=conv.converted,
    )
