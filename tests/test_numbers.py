"""Number reading: grouping, decimal marks, scale words, glued forms, ranges, adversarial input."""

from __future__ import annotations

from decimal import Decimal

import pytest
from growth import growth

from claims.extract.numbers import parse_number, read_at, read_numbers

D = Decimal

# (text, value, high, step, decimals, scale_text, matched text)
SINGLE = [
    pytest.param(
        "it cost 1,234,567 in all", D(1234567), None, D(1), 0, None, "1,234,567", id="comma-groups"
    ),
    pytest.param(
        "Rs 12,34,567 paid", D(1234567), None, D(1), 0, None, "12,34,567", id="indian-grouping"
    ),
    pytest.param(
        "₹5,91,61,730 in full",
        D(59161730),
        None,
        D(1),
        0,
        None,
        "5,91,61,730",
        id="indian-crore-grouping",
    ),
    pytest.param(
        "a 1.234.567,89 sum",
        D("1234567.89"),
        None,
        D("0.01"),
        2,
        None,
        "1.234.567,89",
        id="dot-groups-decimal-comma",
    ),
    pytest.param(
        "CHF 1'250'000 fine", D(1250000), None, D(1), 0, None, "1'250'000", id="apostrophe-groups"
    ),
    pytest.param(
        "some 1\u202f250\u202f000 euros",
        D(1250000),
        None,
        D(1),
        0,
        None,
        "1\u202f250\u202f000",
        id="thin-space-groups",
    ),
    pytest.param(
        "some 1 250 000 euros", D(1250000), None, D(1), 0, None, "1 250 000", id="space-groups"
    ),
    pytest.param(
        "$72.29 billion",
        D("72.29e9"),
        None,
        D("1e7"),
        2,
        "billion",
        "72.29 billion",
        id="decimal-billion",
    ),
    pytest.param(
        "100 trillion won", D("1e14"), None, D("1e12"), 0, "trillion", "100 trillion", id="trillion"
    ),
    pytest.param("5 thousand", D(5000), None, D(1000), 0, "thousand", "5 thousand", id="thousand"),
    pytest.param("€3m", D("3e6"), None, D("1e6"), 0, "m", "3m", id="glued-m"),
    pytest.param("$230M", D("230e6"), None, D("1e6"), 0, "M", "230M", id="glued-M"),
    pytest.param("$50k", D(50000), None, D(1000), 0, "k", "50k", id="glued-k"),
    pytest.param("5 mn", D("5e6"), None, D("1e6"), 0, "mn", "5 mn", id="mn"),
    pytest.param("RUB 5.3 mln", D("5.3e6"), None, D("1e5"), 1, "mln", "5.3 mln", id="mln"),
    pytest.param("€1.2bn", D("1.2e9"), None, D("1e8"), 1, "bn", "1.2bn", id="glued-bn"),
    pytest.param("$A26.1b", D("26.1e9"), None, D("1e8"), 1, "b", "26.1b", id="glued-b"),
    pytest.param("¥2.8t", D("2.8e12"), None, D("1e11"), 1, "t", "2.8t", id="glued-t"),
    pytest.param("3 tn", D("3e12"), None, D("1e12"), 0, "tn", "3 tn", id="tn"),
    pytest.param("3 trn", D("3e12"), None, D("1e12"), 0, "trn", "3 trn", id="trn"),
    pytest.param("Rs 285 crore", D("285e7"), None, D("1e7"), 0, "crore", "285 crore", id="crore"),
    pytest.param("Rs 285 cr", D("285e7"), None, D("1e7"), 0, "cr", "285 cr", id="cr"),
    pytest.param("Rs 4.5 lakh", D("4.5e5"), None, D("1e4"), 1, "lakh", "4.5 lakh", id="lakh"),
    pytest.param(
        "₹1.5 lakh crore",
        D("1.5e12"),
        None,
        D("1e11"),
        1,
        "lakh crore",
        "1.5 lakh crore",
        id="lakh-crore",
    ),
    pytest.param(
        "230million", D("230e6"), None, D("1e6"), 0, "million", "230million", id="glued-million"
    ),
    pytest.param(
        "US$14.3billion",
        D("14.3e9"),
        None,
        D("1e8"),
        1,
        "billion",
        "14.3billion",
        id="glued-billion",
    ),
    pytest.param(
        "$3.5-billion", D("3.5e9"), None, D("1e8"), 1, "billion", "3.5-billion", id="hyphen-billion"
    ),
    pytest.param(
        "677-point-four trillion",
        D("677.4e12"),
        None,
        D("1e11"),
        1,
        "trillion",
        "677-point-four trillion",
        id="point-spelled",
    ),
    pytest.param(
        "1,57 mil milhões",
        D("1.57e9"),
        None,
        D("1e7"),
        2,
        "mil milhões",
        "1,57 mil milhões",
        id="pt-decimal-comma",
    ),
    pytest.param(
        "4,031 mil milhões",
        D("4.031e9"),
        None,
        D("1e6"),
        3,
        "mil milhões",
        "4,031 mil milhões",
        id="pt-three-decimals",
    ),
    pytest.param(
        "70,4 mil milhões",
        D("70.4e9"),
        None,
        D("1e8"),
        1,
        "mil milhões",
        "70,4 mil milhões",
        id="pt-mil-milhoes",
    ),
    pytest.param(
        "906 milhões", D("906e6"), None, D("1e6"), 0, "milhões", "906 milhões", id="pt-milhoes"
    ),
    pytest.param(
        "1.500 milhões",
        D("1500e6"),
        None,
        D("1e6"),
        0,
        "milhões",
        "1.500 milhões",
        id="pt-dot-grouping",
    ),
    pytest.param(
        "3,5 milliarder",
        D("3.5e9"),
        None,
        D("1e8"),
        1,
        "milliarder",
        "3,5 milliarder",
        id="da-milliarder",
    ),
    pytest.param(
        "15,299 billion",
        D("15299e9"),
        None,
        D("1e9"),
        0,
        "billion",
        "15,299 billion",
        id="grouped-billion",
    ),
    pytest.param(
        "1,5 million",
        D("1.5e6"),
        None,
        D("1e5"),
        1,
        "million",
        "1,5 million",
        id="decimal-comma-english-scale",
    ),
    pytest.param(
        "20-25 billion",
        D("20e9"),
        D("25e9"),
        D("1e9"),
        0,
        "billion",
        "20-25 billion",
        id="range-hyphen",
    ),
    pytest.param(
        "20–25 billion",
        D("20e9"),
        D("25e9"),
        D("1e9"),
        0,
        "billion",
        "20–25 billion",
        id="range-en-dash",
    ),
    pytest.param(
        "20 to 25 billion",
        D("20e9"),
        D("25e9"),
        D("1e9"),
        0,
        "billion",
        "20 to 25 billion",
        id="range-to",
    ),
    pytest.param(
        "8.1 billion to 11.6 billion",
        D("8.1e9"),
        D("11.6e9"),
        D("1e8"),
        1,
        "billion",
        "8.1 billion to 11.6 billion",
        id="range-both-scaled",
    ),
    pytest.param(
        "between 10 and 20 million",
        D("10e6"),
        D("20e6"),
        D("1e6"),
        0,
        "million",
        "10 and 20 million",
        id="range-between-and",
    ),
]


@pytest.mark.parametrize("text, value, high, step, decimals, scale, matched", SINGLE)
def test_read_numbers(text, value, high, step, decimals, scale, matched):
    r = read_numbers(text, glued=True)[0]
    assert (r.value, r.high, r.step, r.decimals, r.scale_text, r.text) == (
        value,
        high,
        step,
        decimals,
        scale,
        matched,
    )
    assert text[r.span.start : r.span.end] == r.text


NOT_JOINED = [
    pytest.param("fiscal 2022-23", ["2022", "23"], id="fiscal-year"),
    pytest.param("from 2019-2020", ["2019", "2020"], id="year-span"),
    pytest.param("rose from 10 to 20 billion", ["10", "20 billion"], id="from-to-is-a-change"),
    pytest.param("10 and 20 million", ["10", "20 million"], id="and-without-between"),
]


@pytest.mark.parametrize("text, texts", NOT_JOINED)
def test_not_joined(text, texts):
    assert [r.text for r in read_numbers(text)] == texts


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("1,234.5", D("1234.5"), id="english"),
        pytest.param("5,91,61,730", D(59161730), id="indian"),
        pytest.param("1.234,5", D("1234.5"), id="european"),
        pytest.param("677-point-four", D("677.4"), id="point"),
        pytest.param("12", D(12), id="plain"),
    ],
)
def test_parse_number(text, expected):
    assert parse_number(text) == expected


def test_parse_number_decimal_comma():
    assert parse_number("4,031", decimal_comma=True) == D("4.031")
    assert parse_number("4,031") == D(4031)
    with pytest.raises(ValueError):
        parse_number("abc")


def test_letters_off_for_units():
    assert read_numbers("a 100m sprint", letters=False)[0].value == 100
    assert read_numbers("a 100m sprint")[0].value == D("100e6")


def test_glued_letters_skipped_by_default():
    assert read_numbers("the A380 and G7") == []
    assert [r.text for r in read_numbers("DKr14bn", glued=True)] == ["14bn"]


def test_english_comma_is_not_decimal_without_scale():
    assert [r.text for r in read_numbers("items 1,2345 here")] == ["1"]


def test_read_at():
    r = read_at("about 5.5 bn", 6)
    assert r is not None and r.value == D("5.5e9")
    assert read_at("about 5.5 bn", 0) is None


@pytest.mark.parametrize(
    "unit",
    [
        pytest.param("(", id="parens"),
        pytest.param("1,", id="one-comma"),
        pytest.param("1.", id="one-dot"),
        pytest.param("1 ", id="one-space"),
        pytest.param("1-", id="one-hyphen"),
        pytest.param("9", id="long-digits"),
    ],
)
def test_adversarial_input_grows_linearly(unit):
    assert growth(read_numbers, lambda n: unit * n, 2_000) < 30


def test_a_run_of_digits_longer_than_any_figure_is_not_read():
    assert read_numbers("code " + "9" * 1000 + " and 5 km") != []
    assert all(len(r.text) < 100 for r in read_numbers("code " + "9" * 1000 + " and 5 km"))


CODES = [
    pytest.param("Workers put more into a 401(k) plan.", [], id="retirement-plan"),
    pytest.param("Groups under section 501(c)(3) pay no tax.", [], id="tax-section-with-paragraph"),
    pytest.param("Teachers have 403(b) accounts.", [], id="lettered-plan"),
    pytest.param("Section 230(c) shields platforms.", [], id="statute-subsection"),
    pytest.param(
        "Sales hit 2019 (a record) levels of 5 million.",
        ["2019", "5 million"],
        id="aside-after-a-blank",
    ),
]


@pytest.mark.parametrize("text, figures", CODES)
def test_a_lettered_part_makes_a_code_not_a_figure(text, figures):
    assert [r.text for r in read_numbers(text, glued=True)] == figures
