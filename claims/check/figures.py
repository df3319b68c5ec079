"""Interval arithmetic on printed figures, and writing a figure the way the story writes it.

A printed figure stands for an interval: half a unit in its last printed digit either side,
widened by "about", bounded by "more than" or "nearly". Everything is ``Decimal``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


HALF = Decimal("0.5")
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Interval:
    """A closed range of values a printed figure may stand for."""

    low: Decimal
    high: Decimal

    @property
    def mid(self) -> Decimal:
        return (self.low + self.high) / 2

    def scaled(self, factor: Decimal) -> "Interval":
        a, b = self.low * factor, self.high * factor
        return Interval(min(a, b), max(a, b))

    def widened(self, pct: Decimal) -> "Interval":
        """Both ends pushed out by ``pct`` percent of themselves."""
        f = pct / HUNDRED
        return Interval(self.low * (1 - f), self.high * (1 + f))

    def overlaps(self, other: "Interval") -> bool:
        return self.low <= other.high and other.low <= self.high

    def gap_pct(self, other: "Interval") -> Decimal:
        """How far apart two intervals are, in percent of this one's middle (0 if they meet)."""
        if self.overlaps(other):
            return Decimal(0)
        gap = other.low - self.high if other.low > self.high else self.low - other.high
        mid = abs(self.mid) or Decimal(1)
        return gap / mid * HUNDRED



def rounding_interval(value: Decimal, step: Decimal, cap_pct: Decimal | None = None) -> Interval:
    """``value`` give or take half its last printed digit, at most ``cap_pct`` percent."""
    half = abs(step) * HALF
    if cap_pct is not None:
        half = min(half, abs(value) * cap_pct / HUNDRED)
    return Interval(value - half, value + half)


def stated_interval(value: Decimal, step: Decimal, bound: str | None, *,
                    approx_pct: Decimal, bound_pct: Decimal,
                    cap_pct: Decimal | None = None) -> Interval:
    """What a printed figure with a qualifier claims about the true value.

    approx ("about $5m") widens by ``approx_pct``; lower ("more than $5m") allows up to
    ``bound_pct`` above; upper ("nearly $5m", "up to $5m") up to ``bound_pct`` below.
    """
    base = rounding_interval(value, step, cap_pct)
    if bound == "approx":
        return base.widened(approx_pct)
    if bound == "lower":
        return Interval(base.low, value * (1 + bound_pct / HUNDRED))
    if bound == "upper":
        return Interval(value * (1 - bound_pct / HUNDRED), base.high)
    return base
