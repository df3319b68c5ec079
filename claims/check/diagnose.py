"""Why a conversion does not fit: the usual ways a desk gets one wrong.

Tried in order, the first that explains the printed figure wins: wrong scale (a factor of
1,000 or 1,000,000: million for billion), decimal slip (10 or 100), inverted rate (divided
where it should multiply), wrong currency (the figure fits Canadian rather than US dollars,
HK$ rather than US$, ...), and a rate from another period (fits the rate of a day months or
years away). The first three and a wrong currency are gross: always an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from claims.check.judge import WARNING_BAND_PCT, Fit, fit
from claims.check.rate_window import RateWindow, days_before
from claims.check.tolerance import Interval
from claims.errors import RateError
from claims.model import Quantity
from claims.wording import rate_phrase

#: Currencies that share a name or symbol in print, so one is easily put for another.
LOOKALIKES: tuple[frozenset[str], ...] = (
    frozenset({"USD", "CAD", "AUD", "NZD", "HKD", "SGD"}),  # "$", "dollars"
    frozenset({"JPY", "CNY"}),  # "¥", "yuan"/"yen" mix-ups
    frozenset({"SEK", "NOK", "DKK", "ISK", "CZK"}),  # "kr", "crowns"
    frozenset({"MXN", "PHP"}),  # "pesos"
    frozenset({"GBP", "EUR"}),  # "pounds"/"euros" slips
    frozenset({"INR", "IDR"}),  # "Rs"/"Rp"
)

_SCALE_FACTORS = (
    (Decimal(1000), "1,000 times too large"),
    (Decimal(10) ** 6, "a million times too large"),
    (Decimal("0.001"), "1,000 times too small"),
    (Decimal("0.000001"), "a million times too small"),
)
_DECIMAL_FACTORS = (
    (Decimal(10), "10 times too large"),
    (Decimal(100), "100 times too large"),
    (Decimal("0.1"), "10 times too small"),
    (Decimal("0.01"), "100 times too small"),
)

#: How far back a rate from another period is looked for.
OTHER_PERIOD_YEARS = 5


@dataclass(frozen=True)
class Diagnosis:
    """A named cause: ``code`` is stable (wrong-scale, decimal-slip, ...), ``message`` for people."""

    code: str
    message: str
    gross: bool
    settles_as_warning: bool = False  # the story's own wording allows the other reading


def diagnose(ctx: RateWindow, orig: Quantity, conv: Quantity, j: Fit) -> Diagnosis | None:
    """The first cause that explains the printed converted figure, or None."""
    slack = j.expected.widened(WARNING_BAND_PCT)  # a slip on top of some rate drift
    for factor, words in _SCALE_FACTORS:
        if slack.scaled(factor).overlaps(j.stated):
            return Diagnosis("wrong-scale", f"wrong scale: {conv.text} is {words}", True)
    for factor, words in _DECIMAL_FACTORS:
        if slack.scaled(factor).overlaps(j.stated):
            return Diagnosis("decimal-slip", f"decimal slip: {conv.text} is {words}", True)
    inverted = _inverted(ctx, orig, j)
    if inverted is not None and inverted.overlaps(j.stated):
        return Diagnosis(
            "inverted-rate",
            "inverted rate: the figure divides by the rate where it should multiply",
            True,
        )
    found = _other_currency(ctx, orig, conv)
    if found is not None:
        return found
    return _other_period(ctx, orig, conv, j)


def _inverted(ctx: RateWindow, orig: Quantity, j: Fit) -> Interval | None:
    """What the converted figure would be had the rate been used upside down."""
    if not orig.value or not j.central:
        return None
    rate = j.central / orig.value  # converted currency per 1 original currency
    # amount/rate = (amount*rate)/rate^2: the expected interval moved by 1/rate^2.
    return j.expected.scaled(1 / (rate * rate)).widened(ctx.margin_pct)


def _other_currency(ctx: RateWindow, orig: Quantity, conv: Quantity) -> Diagnosis | None:
    for side, money in (("converted", conv), ("original", orig)):
        for group in LOOKALIKES:
            if money.unit not in group:
                continue
            for alt in sorted(group - {money.unit}):
                base = alt if side == "original" else orig.unit
                quote = alt if side == "converted" else conv.unit
                if base == quote:
                    continue
                try:
                    rates = ctx.window(base, quote)  # type: ignore[arg-type]
                except RateError:
                    continue
                if rates and fit(orig, conv, rates, ctx.margin_pct).gap_pct == 0:
                    if _bare_dollar(money):
                        return Diagnosis(
                            "wrong-currency",
                            f"{money.text} fits {alt} rather than {money.unit}: if this "
                            f"story's '{money.unit_text}' means {alt}, set dollar = "
                            f'"{alt}" (--dollar {alt})',
                            False,
                            settles_as_warning=True,
                        )
                    return Diagnosis(
                        "wrong-currency",
                        f"wrong currency: {money.text} fits {alt} rather than {money.unit}",
                        True,
                    )
    return None


def _bare_dollar(money: Quantity) -> bool:
    """A plain '$' or 'dollars': the publication's dollar, which may not be the US one."""
    return money.unit_text.strip().lower() in {"$", "dollar", "dollars"}


def _other_period(ctx: RateWindow, orig: Quantity, conv: Quantity, j: Fit) -> Diagnosis | None:
    """The day nearest the as-of date, outside the window, whose rate fits the printed figures."""
    start = days_before(ctx.rate_end, 365 * OTHER_PERIOD_YEARS)
    try:
        history = ctx.history(orig.unit, conv.unit, start)  # type: ignore[arg-type]
    except RateError:
        return None
    o_int = j.original
    if o_int.low <= 0:
        return None
    fitting = Interval(j.stated.low / o_int.high, j.stated.high / o_int.low)  # rates that fit
    best: tuple[int, date, Decimal] | None = None
    for rate in history:
        if fitting.low <= rate.value <= fitting.high:
            distance = abs((ctx.as_of - rate.date).days)
            if distance > ctx.window_days and (best is None or distance < best[0]):
                best = (distance, rate.date, rate.value)
    if best is None:
        return None
    distance, day, value = best
    when = _how_long(distance)
    direction = "before" if day < ctx.as_of else "after"
    return Diagnosis(
        "other-period-rate",
        f"fits the rate of {day.isoformat()} ({rate_phrase(orig.unit or '', conv.unit or '', value)}), "
        f"{when} {direction} the as-of date",
        False,
    )


def _how_long(days: int) -> str:
    if days >= 730:
        return f"{days // 365} years"
    if days >= 60:
        return f"{days // 30} months"
    return f"{days} days"
