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

from dataclasses import replace
from decimal import Decimal
from functools import lru_cache
from typing import Any, Iterable, NamedTuple

from claims import wording
from claims.check import tolerance as tol
from claims.check.tolerance import Interval, Judgement
from claims.extract.units import TEMPERATURES
from claims.model import Expected, Finding, Quantity, UnitConversion, Verdict, round_pct
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
    """``value`` in ``src`` expressed in ``dst`` (raises pint's DimensionalityError)."""
    return Decimal(_registry().Quantity(value, src).to(dst).magnitude)


class _Reading(NamedTuple):
    """One way of reading the pair's units, judged."""

    judgement: Judgement
    src: str
    dst: str


def check_units(conversions: Iterable[UnitConversion]) -> list[Finding]:
    """A finding for every unit conversion."""
    return [_check(conv) for conv in conversions]


def _check(conv: UnitConversion) -> Finding:
    a, b = conv.original, conv.converted
    unknown = a if a.unit is None else b if b.unit is None else None
    if unknown is not None:
        return _unverifiable(conv, unknown.unit_note or "a unit the checker does not convert",
                             "unknown-unit")
    try:
        best = min((_fit(a, b, src, dst) for src in a.unit_candidates
                    for dst in b.unit_candidates), key=_badness)
    except Exception as exc:  # pint.DimensionalityError, UndefinedUnitError
        if type(exc).__name__ not in ("DimensionalityError", "UndefinedUnitError"):
            raise
        return _unverifiable(conv, f"{a.unit} and {b.unit} measure different things",
                             "incompatible-units")
    j = best.judgement
    temperature = best.dst in TEMPERATURES
    shown = wording.scaled_fmt(j.central, wording.multiplier_of(b), b.scale_text, b.decimals,
                               1) + ("" if (b.unit or " ")[0] == "°" else " ") + (b.unit or "")
    dev = None if temperature else tol.deviation_pct(b.value, j.central)
    if j.verdict is Verdict.OK:
        message = f"{a.text} is {shown}: {b.text} is right within rounding"
    else:
        slip = "just outside" if j.verdict is Verdict.WARNING else "outside"
        off = (f"{b.value - j.central:+.1f} degrees, " if temperature
               else f"{dev:+.2f}%, " if dev is not None else "")
        message = f"{a.text} is {shown}, not {b.text} ({off}{slip} what the printed digits allow)"
    ok_range = j.acceptable
    written = f"{wording.scaled_fmt(j.central, wording.multiplier_of(b), b.scale_text, b.decimals, 0)}"
    return Finding(
        code=code_for(CHECK, j.verdict), check=CHECK, verdict=j.verdict, message=message,
        span=conv.span, text=conv.text, original=_chosen(a, best.src),
        converted=_chosen(b, best.dst),
        expected=Expected(j.central, ok_range.low, ok_range.high, b.unit,
                          f"{written} {b.unit_text}".strip()),
        deviation_pct=round_pct(dev),
        diagnosis=_diagnose(a, b, best) if j.verdict is not Verdict.OK else None,
        detail=_reading_note(a, best.src) or _reading_note(b, best.dst),
    )


def _fit(a: Quantity, b: Quantity, src: str, dst: str) -> _Reading:
    """``a`` read as ``src`` against ``b`` read as ``dst``: both ends of a range, worse kept."""
    relative = dst not in TEMPERATURES
    worst: Judgement | None = None
    for va, vb in ((a.value, b.value), (a.high, b.high)):
        if va is None or vb is None:
            continue
        o = tol.printed(a, va, step=tol.significant_step(a, original=True))
        ends = sorted((_convert(o.low, src, dst), _convert(o.high, src, dst)))
        stated = tol.printed(b, vb, step=tol.significant_step(b))
        j = tol.judge(Interval(ends[0], ends[1]), _convert(va, src, dst), stated,
                      replace(b, value=vb), relative=relative)
        if worst is None or j.verdict.severity > worst.verdict.severity:
            worst = j
    assert worst is not None
    return _Reading(worst, src, dst)


def _badness(r: _Reading) -> tuple[int, Decimal]:
    j = r.judgement
    return j.verdict.severity, j.gap_pct if j.gap_pct is not None else j.gap


def _chosen(q: Quantity, pint_name: str) -> Quantity:
    """The side with the reading used first among its candidates."""
    rest = tuple(c for c in q.unit_candidates if c != pint_name)
    return replace(q, unit_candidates=(pint_name, *rest))


def _reading_note(q: Quantity, pint_name: str) -> str | None:
    """Say which meaning of an ambiguous unit fitted (``tons`` read as long tons)."""
    if len(q.unit_candidates) < 2:
        return None
    return f"'{q.unit_text}' read as {pint_name.replace('_', ' ')}"


def _diagnose(a: Quantity, b: Quantity, best: _Reading) -> str | None:
    """A likely cause: a temperature scaled as a ratio, or a figure truncated not rounded."""
    if {best.src, best.dst} == set(TEMPERATURES):
        ratio = Decimal(9) / 5 if best.src == "degC" else Decimal(5) / 9
        if abs(a.value * ratio - b.value) <= b.step:
            return "temperature-as-ratio"
    exact = best.judgement.central
    try:
        truncated = exact.quantize(b.step, rounding="ROUND_DOWN") if 0 < b.step <= 1 else None
    except ArithmeticError:               # more digits than the context holds: no diagnosis
        return None
    return "truncated" if truncated is not None and truncated == b.value else None


def _unverifiable(conv: UnitConversion, why: str, slug: str) -> Finding:
    return Finding(code=code_for(CHECK, Verdict.UNVERIFIABLE), check=CHECK,
                   verdict=Verdict.UNVERIFIABLE, message=f"cannot check the conversion: {why}",
                   span=conv.span, text=conv.text, diagnosis=slug, original=conv.original,
                   converted=conv.converted)
