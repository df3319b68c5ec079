"""Interval judging of a stated figure against the relation its inputs imply.

Every printed input stands for half a unit in its last printed digit either side. The relation
(a percent change, a share, a sum ...) is monotone in each input, so its range over the input
intervals is found at the corners. The stated figure has its own interval, bent by its
qualifier: "about" allows one rounding step either side, "almost/nearly/under" read as an upper
bound (the true value may be up to 10% lower), "more than/over" as a lower bound.

Verdicts: ``ok`` when the intervals meet; ``warning`` when the gap is at most one unit in the
stated figure's last printed digit and the figure is at most one unit off the correctly rounded
exact result (a slip; a bound such as "almost" is judged on the gap alone); ``error`` beyond.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, DivisionByZero, InvalidOperation
from itertools import product
from typing import Callable, Sequence

from claims.check import _figures as fig
from claims.model import Verdict

#: How far below (lt) or above (gt) a bound the true value may sit and still be "almost" it.
BOUND_SLACK = Decimal("0.10")


@dataclass(frozen=True)
class Judgement:
    """The expected range of a relation and how a stated figure sits against it."""

    verdict: Verdict
    expected: Decimal
    low: Decimal          # the acceptable range for the stated figure
    high: Decimal
    gap: Decimal


def relation_range(fn: Callable[..., Decimal], values: Sequence[Decimal],
                   halves: Sequence[Decimal]) -> tuple[Decimal, Decimal, Decimal] | None:
    """(central, min, max) of ``fn`` over the input intervals; None if undefined (÷0)."""
    try:
        central = fn(*values)
        corners = [fn(*c) for c in product(*((v - h, v + h) for v, h in zip(values, halves)))]
    except (DivisionByZero, InvalidOperation, ZeroDivisionError):
        return None
    return central, min(corners), max(corners)


def stated_interval(value: Decimal, half: Decimal, mode: str | None,
                    loose_half: Decimal | None = None) -> tuple[Decimal, Decimal]:
    """The range a stated figure allows, given its rounding and qualifier mode."""
    if mode == "approx":
        wide = max(half * 2, loose_half or half)
        return value - wide, value + wide
    slack = max(abs(value) * BOUND_SLACK, half)
    if mode == "lt":
        return value - slack, value + half
    if mode == "gt":
        return value - half, value + slack
    return value - half, value + half


def judge(fn: Callable[..., Decimal], values: Sequence[Decimal], halves: Sequence[Decimal],
          stated: Decimal, stated_half: Decimal, stated_step: Decimal, mode: str | None = None,
          loose_half: Decimal | None = None) -> Judgement | None:
    """Judge ``stated`` against ``fn(values)``; None when the relation is undefined."""
    rng = relation_range(fn, values, halves)
    if rng is None:
        return None
    central, lo, hi = rng
    s_lo, s_hi = stated_interval(stated, stated_half, mode, loose_half)
    gap = fig.overlap_gap(lo, hi, s_lo, s_hi)
    if gap == 0:
        verdict = Verdict.OK
    elif fig.is_slip(gap, stated_step,
                     None if mode in ("lt", "gt") else abs(stated - central)):
        verdict = Verdict.WARNING
    else:
        verdict = Verdict.ERROR
    return Judgement(verdict, central, lo - (s_hi - stated), hi + (stated - s_lo), gap)
