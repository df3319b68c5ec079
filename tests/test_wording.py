"""How computed figures are written in messages and reports (``claims.wording``): amounts with
a scale word and no float noise, ranges whose two ends read apart, and deviations that never
read as ``-0.00%``."""

from __future__ import annotations

from decimal import Decimal

import pytest

from claims.wording import amount_text, percent_text, range_text

AMOUNTS = [
    ("billions", "70961158939.73", "70.96 billion"),
    ("trillions", "5829000000000000", "5,829 trillion"),
    ("no-float-noise", "76712492178344230912000000000000", "76,710,000,000,000,000,000 trillion"),
    ("below-a-million", "384341.813", "384,341.81"),
    ("whole", "29032", "29,032"),
    ("small", "0.0001234567", "0.000123457"),
    ("zero", "0", "0"),
    ("negative", "-1500000", "-1.5 million"),
]


@pytest.mark.parametrize("value, text", [pytest.param(v, t, id=i) for i, v, t in AMOUNTS])
def test_amounts_are_written_for_people(value, text):
    assert amount_text(Decimal(value)) == text


RANGES = [
    ("wide", "143900000", "155500000", "143.9 million to 155.5 million"),
    ("narrow-trillions", "9460730472580.7", "9460730472580.9", None),
    ("narrow-units", "384341.813", "384341.814", None),
    ("one-point", "5", "5", "5 to 5"),
]


@pytest.mark.parametrize(
    "low, high, text", [pytest.param(lo, hi, t, id=i) for i, lo, hi, t in RANGES]
)
def test_a_range_never_prints_the_same_figure_twice(low, high, text):
    shown = range_text(Decimal(low), Decimal(high))
    first, second = shown.split(" to ")
    assert (first != second) == (low != high), shown
    if text is not None:
        assert shown == text


PERCENTS = [
    ("plain", "1.0712", "+1.07%"),
    ("negative", "-12.654", "-12.65%"),
    ("tiny", "-0.0039", "-0.0039%"),
    ("tiny-positive", "0.00041", "+0.00041%"),
    ("zero", "0", "+0.00%"),
]


@pytest.mark.parametrize("pct, text", [pytest.param(p, t, id=i) for i, p, t in PERCENTS])
def test_a_deviation_that_rounds_to_nothing_keeps_its_digits(pct, text):
    assert percent_text(Decimal(pct)) == text
