"""Interval arithmetic on printed figures, and writing a figure the way the story writes it.

A printed figure stands for an interval: half a unit in its last printed digit either side,
widened by "about", bounded by "more than" or "nearly". Everything is ``Decimal``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from claims.model import Quantity

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


# ------------------------------------------------------------------ writing figures

_SCALES_LONG = ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"),
                (Decimal(10) ** 6, "million"))
_SCALES_SHORT = ((Decimal(10) ** 12, "tn"), (Decimal(10) ** 9, "bn"), (Decimal(10) ** 6, "m"))
_SHORT_WORDS = {"k", "m", "mn", "mln", "bn", "b", "tn", "trn", "t", "M", "B", "T"}
_ENGLISH_SCALES = _SHORT_WORDS | {"thousand", "million", "billion", "trillion", "Million",
                                  "Billion", "Trillion", "crore", "lakh"}


def multiplier_of(money: Quantity) -> Decimal:
    """What one printed unit is worth: ``$72.29 billion`` -> 10**9."""
    return abs(money.step) * (Decimal(10) ** money.decimals) or Decimal(1)


def write_like(money: Quantity, amount: Decimal, extra_decimals: int = 0) -> str:
    """``amount`` (base units) written in the style of ``money``: ``$72.03 billion``.

    ``extra_decimals`` prints more digits than the story did (for the bounds of a range).
    """
    mult = multiplier_of(money)
    scale = money.scale_text
    number = amount / mult
    printed = abs(money.value) / mult
    if scale and (abs(number) < 1 or (abs(number) >= 1000 and printed < 1000)):
        if scale not in _ENGLISH_SCALES:          # "mil milhões": no English rescaling
            return f"{money.unit or money.unit_text} {_plain_amount(amount)}"
        mult, scale = _choose_scale(amount, short=scale in _SHORT_WORDS)
        number = amount / mult
    decimals = money.decimals if scale else min(money.decimals, 2)
    if scale and decimals == 0 and abs(number) < 10:
        decimals = 1
    decimals += extra_decimals
    digits = f"{number:,.{decimals}f}"
    if scale:
        sep = " " if (" " + money.scale_text) in money.text or not money.scale_text else ""
        digits = f"{digits}{sep}{scale}"
    cur = money.unit_text or (money.unit or "")
    if not cur:
        return digits
    if money.unit_before:
        space = " " if (cur + " ") in money.text else ""
        return f"{cur}{space}{digits}"
    return f"{digits} {cur}"


def _plain_amount(amount: Decimal) -> str:
    mult, word = _choose_scale(amount, short=False)
    return f"{amount / mult:,.2f} {word}" if word else f"{amount:,.0f}"


def _choose_scale(amount: Decimal, short: bool) -> tuple[Decimal, str | None]:
    for mult, word in (_SCALES_SHORT if short else _SCALES_LONG):
        if abs(amount) >= mult:
            return mult, word
    return Decimal(1), None


def format_rate(value: Decimal) -> str:
    """A rate with enough significant digits to cite: 1388.15, 0.8338, 10.0712."""
    if value == 0:
        return "0"
    digits = max(2, 6 - len(str(int(abs(value)))))
    return f"{value:,.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:,.0f}"


def rate_phrase(base: str, quote: str, value: Decimal) -> str:
    """``1 USD = 1,388.15 KRW``: QUOTE per 1 BASE, turned round when it would read below 1."""
    if value and abs(value) < 1:
        return f"1 {quote} = {format_rate(1 / value)} {base}"
    return f"1 {base} = {format_rate(value)} {quote}"
