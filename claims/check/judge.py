"""Judging one conversion against a set of rates: the interval model and its policy knobs."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Sequence

from claims.check.figures import Interval, stated_interval
from claims.model import Quantity, Rate

#: Policy knobs (percent). Documented in docs/rules.md; window and margin are configurable.
ORIGINAL_CAP_PCT = Decimal("1")     # most rounding credit an original figure gets
APPROX_PCT = Decimal("1.5")         # "about", "around", "roughly" ...
BOUND_PCT = Decimal("10")           # how far "more than"/"nearly" may reach
STATED_MARGIN_PCT = Decimal("0.5")  # a conversion against the rate its own story prints
WARNING_BAND_PCT = Decimal("5")     # gap beyond the window still read as slop or a stale rate
STALE_DRIFT_PCT_PER_DAY = Decimal("0.1")  # extra slack per day the data is older than the story
STALE_DRIFT_CAP_PCT = Decimal("15")


@dataclass(frozen=True)
class Judgement:
    """How one conversion compares with a set of rates."""

    original: Interval            # what the printed original stands for
    expected: Interval            # acceptable converted values
    central: Decimal              # converted value at the as-of (or last) rate
    stated: Interval              # what the printed converted figure claims
    gap_pct: Decimal              # 0 when they meet
    rate: Rate                    # the rate cited as evidence


def judge(orig: Quantity, conv: Quantity, rates: Sequence[Rate], margin_pct: Decimal) -> Judgement:
    """Compare a pair with rates (value = converted currency per 1 original currency).

    For a range (``$8.1 billion to $11.6 billion``) both ends are judged and the worse gap kept.
    """
    values = [r.value for r in rates]
    low_rate, high_rate = min(values), max(values)
    rate = rates[-1]
    ends = [(orig.value, conv.value)]
    if orig.high is not None and conv.high is not None:
        ends.append((orig.high, conv.high))
    elif orig.high is not None or conv.high is not None:
        ends = [(orig.value, conv.value), (orig.high or orig.value, conv.high or conv.value)]
    worst: Judgement | None = None
    for o_value, c_value in ends:
        o_int = original_interval(orig, o_value)
        expected = Interval(o_int.low * low_rate, o_int.high * high_rate).widened(margin_pct)
        stated = converted_interval(conv, c_value)
        j = Judgement(o_int, expected, o_value * rate.value, stated, expected.gap_pct(stated), rate)
        if worst is None or j.gap_pct > worst.gap_pct:
            worst = j
    assert worst is not None
    return worst


def original_interval(orig: Quantity, value: Decimal | None = None) -> Interval:
    """What the desk converted: the printed original, its rounding capped; "about" widens it,
    "over"/"nearly" do not (the conversion restates the number as printed)."""
    bound = orig.bound
    return stated_interval(orig.value if value is None else value, orig.step,
                           "approx" if bound == "approx" else None, approx_pct=APPROX_PCT,
                           bound_pct=BOUND_PCT, cap_pct=ORIGINAL_CAP_PCT)


def converted_interval(conv: Quantity, value: Decimal | None = None) -> Interval:
    """What the printed converted figure claims, with its qualifier."""
    return stated_interval(conv.value if value is None else value, conv.step, conv.bound,
                           approx_pct=APPROX_PCT, bound_pct=BOUND_PCT)
