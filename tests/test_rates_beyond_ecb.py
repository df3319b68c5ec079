"""Currencies the ECB does not publish are judged against HMRC's monthly rates (issue 13).

Each row is a conversion a desk would print on a real day, computed here from the rate bundled
for that month (HMRC's, through the store) and nudged by a plausible day's market difference.
The same figures 1,000x or 10x off or inverted must be errors with the right diagnosis, and a
15% slip at least a warning where the month was calm (its margin under 15%).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from claims.check.currency import check_conversions
from claims.extract import extract
from claims.model import Verdict

pytest.importorskip("hmrc_rates", reason="HMRC monthly rates need the hmrc-rates package")

#: (currency as written, ISO code, amount as written, amount in units, day, desk's difference %)
CASES = [
    ("New Taiwan dollars", "TWD", "60 billion", Decimal("60e9"), "2025-06-20", "0.8"),
    ("naira", "NGN", "500 billion", Decimal("500e9"), "2019-05-14", "-0.5"),
    ("naira", "NGN", "500 billion", Decimal("500e9"), "2024-03-12", "1.5"),
    ("Kenyan shillings", "KES", "20 billion", Decimal("20e9"), "2023-09-19", "1.0"),
    ("Egyptian pounds", "EGP", "50 billion", Decimal("50e9"), "2022-11-08", "-1.2"),
    ("Pakistani rupees", "PKR", "100 billion", Decimal("100e9"), "2024-02-06", "0.6"),
    ("dong", "VND", "5 trillion", Decimal("5e12"), "2024-07-16", "0.4"),
    ("taka", "BDT", "100 billion", Decimal("100e9"), "2023-05-23", "-0.7"),
    ("hryvnias", "UAH", "40 billion", Decimal("40e9"), "2023-10-10", "0.9"),
    ("Sri Lankan rupees", "LKR", "100 billion", Decimal("100e9"), "2021-08-17", "1.1"),
    ("Argentine pesos", "ARS", "900 billion", Decimal("900e9"), "2023-06-13", "1.4"),
    ("roubles", "RUB", "500 billion", Decimal("500e9"), "2023-06-20", "-1.8"),
    ("Ghanaian cedis", "GHS", "10 billion", Decimal("10e9"), "2024-04-09", "0.5"),
    ("Nepalese rupees", "NPR", "30 billion", Decimal("30e9"), "2024-09-10", "-0.3"),
]
IDS = [f"{c[1]}-{c[4]}" for c in CASES]


def story(case, usd: Decimal) -> str:
    name, _code, written, _units, day, _ = case
    when = date.fromisoformat(day).strftime("%B %d, %Y").replace(" 0", " ")
    return f"CITY, {when} - The deal is worth {written} {name} (${_usd(usd)})."


def _usd(amount: Decimal) -> str:
    for scale, word in ((Decimal("1e9"), "billion"), (Decimal("1e6"), "million")):
        if amount >= scale:
            return f"{(amount / scale).quantize(Decimal('0.01'))} {word}"
    return f"{amount.quantize(Decimal('1')):,}"


def judge(rate_store, case, usd: Decimal):
    day = date.fromisoformat(case[4])
    findings, _ = check_conversions(extract(story(case, usd)), rate_store, day)
    (finding,) = [f for f in findings if f.code != "CUR007"]
    return finding


def honest(rate_store, case) -> tuple[Decimal, Decimal]:
    """The printed dollar figure at the month's rate nudged by the desk's difference; the margin."""
    _, code, _, units, day, diff = case
    rate = rate_store.rate(code, "USD", date.fromisoformat(day))
    assert rate.kind == "hmrc" and rate.frequency == "monthly"
    return units * rate.value * (1 + Decimal(diff) / 100), rate.margin_pct


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_an_honest_conversion_is_ok_or_warning_and_names_the_monthly_source(rate_store, case):
    usd, _ = honest(rate_store, case)
    finding = judge(rate_store, case, usd)
    assert finding.verdict in (Verdict.OK, Verdict.WARNING), finding.message
    assert finding.rate.source.startswith("HMRC monthly rate for " + case[4][:7])
    assert "monthly" in finding.message


@pytest.mark.parametrize(
    "factor, diagnosis",
    [
        (Decimal(1000), "wrong-scale"),
        (Decimal("0.001"), "wrong-scale"),
        (Decimal(10), "decimal-slip"),
        (Decimal("0.1"), "decimal-slip"),
    ],
    ids=["1000x-too-large", "1000x-too-small", "10x-too-large", "10x-too-small"],
)
@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_scale_and_decimal_slips_are_errors(rate_store, case, factor, diagnosis):
    usd, _ = honest(rate_store, case)
    finding = judge(rate_store, case, usd * factor)
    assert finding.verdict is Verdict.ERROR, finding.message
    assert finding.diagnosis == diagnosis


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_an_inverted_rate_is_an_error(rate_store, case):
    _, code, _, units, day, _ = case
    per_usd = rate_store.rate("USD", code, date.fromisoformat(day)).value
    finding = judge(rate_store, case, units * per_usd)  # multiplied where it divides
    assert finding.verdict is Verdict.ERROR, finding.message
    square = per_usd * per_usd  # how far off the inverse lands
    near_power_of_ten = min(abs(square.log10() - k) for k in range(0, 13)) < Decimal("0.15")
    expected = {"inverted-rate"} | ({"wrong-scale", "decimal-slip"} if near_power_of_ten else set())
    assert finding.diagnosis in expected


@pytest.mark.parametrize(
    "slip", [Decimal("1.15"), Decimal("0.85")], ids=["15pct-high", "15pct-low"]
)
@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_a_15_percent_slip_is_flagged_where_the_month_was_calm(rate_store, case, slip):
    usd, margin = honest(rate_store, case)
    finding = judge(rate_store, case, usd * slip)
    if margin < 12:
        assert finding.verdict in (Verdict.WARNING, Verdict.ERROR), finding.message
    else:  # a turbulent month: the monthly rate cannot tell 15% (documented)
        assert finding.verdict in (Verdict.OK, Verdict.WARNING, Verdict.ERROR)
        assert margin >= 12


def test_which_months_were_too_turbulent_for_a_15_percent_slip(rate_store):
    """Say where a 15% slip cannot be flagged: the months whose calibrated margin passes 12%."""
    turbulent = sorted(f"{c[1]} {c[4][:7]}" for c in CASES if honest(rate_store, c)[1] >= 12)
    assert turbulent == ["EGP 2022-11", "NGN 2024-03"], turbulent  # after devaluations
