"""A currency conversion against a set of rates: the evidence the tolerance kernel judges.

The original figure is what the desk converted: its rounding counts, but at most
``ORIGINAL_CAP_PCT`` percent (a round "100 trillion" is no licence to accept anything), and
"about" widens it while "more than"/"nearly" do not (the conversion restates the number as
printed). The expected converted figure spans the window's lowest to highest rate, widened by
a margin for a desk's market rate; the printed converted figure is judged against it by
``tolerance.judge``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from claims.check import tolerance as tol
from claims.check.tolerance import Interval, Judgement
from claims.model import Quantity, Rate

#: Policy knobs (percent). Documented in docs/rules.md; window and margin are configurable.
ORIGINAL_CAP_PCT = Decimal("1")  # most rounding credit an original figure gets
STATED_MARGIN_PCT = Decimal("0.5")  # a conversion against the rate its own story prints
WARNING_BAND_PCT = tol.WARNING_BAND_PCT
STALE_DRIFT_PCT_PER_DAY = Decimal("0.1")  # extra slack per day the data is older than the story
STALE_DRIFT_CAP_PCT = Decimal("15")


@dataclass(frozen=True)
class Fit:
    """How one conversion compares with a set of rates: the kernel's judgement, what the
    original stands for, and the rate cited as evidence."""

    judgement: Judgement
    original: Interval
    rate: Rate

    @property
    def expected(self) -> Interval:
        return self.judgement.expected

    @property
    def stated(self) -> Interval:
        return self.judgement.stated

    @property
    def central(self) -> Decimal:
        return self.judgement.central

    @property
    def gap_pct(self) -> Decimal:
        return self.judgement.gap_pct or Decimal(0)


def fit(
    orig: Quantity,
    conv: Quantity,
    rates: Sequence[Rate],
    margin_pct: Decimal,
    band_pct: Decimal = WARNING_BAND_PCT,
) -> Fit:
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
    worst: Fit | None = None
    for o_value, c_value in ends:
        o_int = original_interval(orig, o_value)
        expected = Interval(o_int.low * low_rate, o_int.high * high_rate).widened(margin_pct)
        stated = converted_interval(conv, c_value)
        j = tol.judge(expected, o_value * rate.value, stated, conv, slips=False, band_pct=band_pct)
        if worst is None or (j.gap_pct or 0) > worst.gap_pct:
            worst = Fit(j, o_int, rate)
    assert worst is not None
    return worst


def original_interval(orig: Quantity, value: Decimal | None = None) -> Interval:
    """What the desk converted (module doc)."""
    return tol.printed(
        orig,
        value,
        step=tol.significant_step(orig, original=True),
        bounds=False,
        cap_pct=ORIGINAL_CAP_PCT,
    )


def converted_interval(conv: Quantity, value: Decimal | None = None) -> Interval:
    """What the printed converted figure claims, with its qualifier."""
    return tol.printed(conv, value, step=tol.significant_step(conv))
