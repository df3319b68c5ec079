"""Pairing a figure with its stated conversion, stated rates, and what must not pair."""

from __future__ import annotations

from decimal import Decimal

import pytest

from claims.extract import extract

D = Decimal


def _pairs(text: str) -> list[tuple]:
    return [
        (c.original.value, c.original.unit, c.converted.value, c.converted.unit)
        for c in extract(text).conversions
    ]


PAIRS = [
    pytest.param(
        "a 26 billion won ($23.9 million) fund", (D("26e9"), "KRW", D("23.9e6"), "USD"), id="X (Y)"
    ),
    pytest.param(
        "£183 million (about $229.2 million)",
        (D("183e6"), "GBP", D("229.2e6"), "USD"),
        id="X (about Y)",
    ),
    pytest.param(
        "7.3 billion euros ($7.77 billion at current rates)",
        (D("7.3e9"), "EUR", D("7.77e9"), "USD"),
        id="X (Y at current rates)",
    ),
    pytest.param(
        "$34 million (Rs 285 crore approximately)",
        (D("34e6"), "USD", D("285e7"), "INR"),
        id="X (Y approximately)",
    ),
    pytest.param(
        "728 trillion won, or around 525 billion U.S. dollars, to",
        (D("728e12"), "KRW", D("525e9"), "USD"),
        id="X, or about Y",
    ),
    pytest.param(
        "43 billion pounds, or $61 billion.", (D("43e9"), "GBP", D("61e9"), "USD"), id="X, or Y"
    ),
    pytest.param(
        "€13bn, or $14.5bn, in back taxes", (D("13e9"), "EUR", D("14.5e9"), "USD"), id="X, or Y,"
    ),
    pytest.param(
        "5 billion yuan, equivalent to $700 million",
        (D("5e9"), "CNY", D("700e6"), "USD"),
        id="X, equivalent to Y",
    ),
    pytest.param(
        "5 billion yuan (equivalent to $700 million)",
        (D("5e9"), "CNY", D("700e6"), "USD"),
        id="X (equivalent to Y)",
    ),
    pytest.param(
        "5 billion yuan, the equivalent of $700 million",
        (D("5e9"), "CNY", D("700e6"), "USD"),
        id="X, the equivalent of Y",
    ),
    pytest.param(
        "728 trillion won, about 525 billion dollars, said",
        (D("728e12"), "KRW", D("525e9"), "USD"),
        id="X, about Y",
    ),
    pytest.param(
        "US$21 billion (188 billion Norwegian crowns)",
        (D("21e9"), "USD", D("188e9"), "NOK"),
        id="dollars-first",
    ),
    pytest.param(
        "30.5 billion Czech koruna, or crowns, ($1.32 billion)",
        (D("30.5e9"), "CZK", D("1.32e9"), "USD"),
        id="gloss",
    ),
    pytest.param(
        "304 trillion dong (more than $12 billion)",
        (D("304e12"), "VND", D("12e9"), "USD"),
        id="X (more than Y)",
    ),
    pytest.param(
        "€13 billion (US$14.3billion)", (D("13e9"), "EUR", D("14.3e9"), "USD"), id="glued-converted"
    ),
    pytest.param(
        "¥2.8t ($A32.3b)", (D("2.8e12"), "JPY", D("32.3e9"), "AUD"), id="letter-abbreviations"
    ),
    pytest.param(
        "10 yen per share ($0.07 per share)", (D(10), "JPY", D("0.07"), "USD"), id="per-share-both"
    ),
    pytest.param("The €5bn [$5.4bn] deal", (D("5e9"), "EUR", D("5.4e9"), "USD"), id="brackets"),
    pytest.param(
        "USD 500 million (EUR 460 million)", (D("500e6"), "USD", D("460e6"), "EUR"), id="codes"
    ),
    pytest.param(
        "4,031 mil milhões de reais (906 milhões de euros)",
        (D("4.031e9"), "BRL", D("906e6"), "EUR"),
        id="portuguese",
    ),
    pytest.param(
        "Petrobras made 5 mil milhões de reais. It was 2,102 mil milhões (470 milhões de euros).",
        (D("2.102e9"), "BRL", D("470e6"), "EUR"),
        id="implicit-original-currency",
    ),
]


@pytest.mark.parametrize("text, pair", PAIRS)
def test_pair(text, pair):
    assert pair in _pairs(text)


def test_pair_fields():
    (c,) = extract("over 100 trillion won ($72.29 billion) in funds").conversions
    assert c.text == "100 trillion won ($72.29 billion)"
    assert c.original.qualifier == "over" and c.converted.qualifier is None
    assert c.converted.step == D("1e7") and c.converted.decimals == 2


def test_range_on_both_sides_is_one_conversion():
    text = "a freeze of 14 billion reais to 20 billion reais ($8.1 billion to $11.6 billion)"
    (c,) = extract(text).conversions
    assert (c.original.value, c.original.high) == (D("14e9"), D("20e9"))
    assert (c.converted.value, c.converted.high) == (D("8.1e9"), D("11.6e9"))


def test_code_ranges_pair():
    (c,) = extract("JPY 20-25 billion (USD 235-300 million)").conversions
    assert (c.original.value, c.original.high, c.converted.value, c.converted.high) == (
        D("20e9"),
        D("25e9"),
        D("235e6"),
        D("300e6"),
    )


def test_implicit_currency_note():
    text = (
        "Profit was 5 mil milhões de reais. Before it was 2,102 mil milhões (470 milhões de euros)."
    )
    (c,) = extract(text).conversions
    assert c.original.unit == "BRL" and c.original.unit_text == ""
    assert "not written" in c.original.unit_note


NOT_PAIRS = [
    pytest.param("Profit was $5 billion (2023).", id="year-in-parens"),
    pytest.param("Sales were €3m (up 12%).", id="growth-in-parens"),
    pytest.param("sold for HK$9.99 million, or HK$14,588 per square foot.", id="unit-price"),
    pytest.param("HK$1.20 per share (US$3.08 per ADR)", id="per-share-vs-per-ADR"),
    pytest.param(
        "net profit of 16,433 million CZK (16.4 billion CZK)", id="same-currency-rescaled"
    ),
    pytest.param("₹5.91 crore, or ₹5,91,61,730 in full", id="same-currency-notation"),
    pytest.param("Revenue was $5 billion, or 20% of sales.", id="percentage"),
    pytest.param("Profit was £1.2bn (2022: £1.0bn).", id="prior-year"),
    pytest.param("He paid $5 million (including €1 million in fees).", id="including"),
    pytest.param("RUB 20.1bn, up 81% from RUB 11.1bn in 2009", id="growth-comparison"),
    pytest.param("rose from €5 billion to $6 billion", id="from-to"),
    pytest.param("In 2019 (US$5 billion was raised)", id="year-before-paren"),
]


@pytest.mark.parametrize("text", NOT_PAIRS)
def test_not_a_pair(text):
    assert _pairs(text) == []


def test_gdp_share_is_not_a_conversion():
    text = "set aside 1.03 trillion lira ($37 billion), or 2.5% of GDP, for costs"
    assert _pairs(text) == [(D("1.03e12"), "TRY", D("37e9"), "USD")]


RATES = [
    pytest.param("($1 = 1,130.2900 won)", ("USD", "KRW", D("1130.29")), id="paren-dollar-won"),
    pytest.param("$1 = 3.3013 reais", ("USD", "BRL", D("3.3013")), id="bare-equals"),
    pytest.param("(29.2550 rubles - U.S. $1)", ("USD", "RUB", D("29.255")), id="quote-first-dash"),
    pytest.param("($1 = 74.8475 Indian rupees)", ("USD", "INR", D("74.8475")), id="indian-rupees"),
    pytest.param("(1 euro = $1.0850)", ("EUR", "USD", D("1.085")), id="euro-base"),
    pytest.param("(£1 = $1.2680)", ("GBP", "USD", D("1.268")), id="pound-base"),
    pytest.param("US$1=RM4.70", ("USD", "MYR", D("4.70")), id="no-spaces"),
    pytest.param("at 1,350 won per dollar", ("USD", "KRW", D(1350)), id="per-dollar"),
]


@pytest.mark.parametrize("text, rate", RATES)
def test_stated_rate(text, rate):
    (r,) = extract(text).stated_rates
    assert (r.base, r.quote, r.value) == rate
    assert extract(text).conversions == ()


def test_rate_legs_are_not_mentions():
    ex = extract("Profit rose. ($1 = 1,130.2900 won)")
    assert ex.mentions == () and ex.stated_rates[0].text == "($1 = 1,130.2900 won)"


FORMERLY_KNOWN_GAPS = [
    pytest.param(
        "¥100 billion ($700 million; €650 million)",
        [(D("100e9"), "JPY", D("700e6"), "USD"), (D("100e9"), "JPY", D("650e6"), "EUR")],
        id="two-conversions-in-one-paren",
    ),
    pytest.param(
        "three billion yuan ($420 million)",
        [(D("3e9"), "CNY", D("420e6"), "USD")],
        id="spelled-out-number",
    ),
    pytest.param(
        "half a billion dollars (€460 million)",
        [(D("5e8"), "USD", D("460e6"), "EUR")],
        id="half-a-billion",
    ),
    pytest.param(
        "1.4 trillion yen ($9.3 billion), or roughly 8.6 billion euros",
        [(D("1.4e12"), "JPY", D("9.3e9"), "USD"), (D("1.4e12"), "JPY", D("8.6e9"), "EUR")],
        id="X (Y), or roughly Z",
    ),
]


@pytest.mark.parametrize("text, pairs", FORMERLY_KNOWN_GAPS)
def test_second_conversion_and_spelled_numbers(text, pairs):
    assert _pairs(text) == pairs
