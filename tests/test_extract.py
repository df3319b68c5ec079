"""Quantity mentions and the real-world conversion corpus (tests/fixtures/dev_currency.jsonl)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from growth import growth

from claims.extract import extract

D = Decimal
FIXTURE = Path(__file__).parent / "fixtures" / "dev_currency.jsonl"
CASES = [json.loads(line) for line in FIXTURE.read_text("utf-8").splitlines() if line.strip()]
BY_ID = {c["id"]: c for c in CASES}
CONTEXT = {"fx-056": "fx-055"}  # fx-056's reais are named in the story's sentence before


def _text(case: dict) -> tuple[str, int]:
    """The case text, after the sentence it continues when the currency is implicit."""
    if case["id"] in CONTEXT:
        prefix = BY_ID[CONTEXT[case["id"]]]["text"] + " "
        return prefix + case["text"], len(prefix)
    return case["text"], 0


def _pairs(text: str, offset: int = 0) -> list[tuple]:
    out = []
    for c in extract(text).conversions:
        if c.span.start < offset:
            continue
        o, v = c.original, c.converted
        out.append((o.value, o.unit, v.value, v.unit))
        if o.high is not None or v.high is not None:
            out.append((o.high or o.value, o.unit, v.high or v.value, v.unit))
    return out


POSITIVE = [pytest.param(c, id=c["id"]) for c in CASES if c["kind"] == "positive"]
NEGATIVE = [pytest.param(c, id=c["id"]) for c in CASES if c["kind"] == "negative"]


@pytest.mark.parametrize("case", POSITIVE)
def test_corpus_positive_pairs_found(case):
    text, offset = _text(case)
    got = _pairs(text, offset)
    for p in case["expected_pairs"]:
        want = (
            D(str(p["amount"])),
            p["currency"],
            D(str(p["converted_amount"])),
            p["converted_currency"],
        )
        assert want in got, p["surface"]


@pytest.mark.parametrize("case", NEGATIVE)
def test_corpus_negative_no_pairs(case):
    ex = extract(case["text"])
    assert ex.conversions == ()
    for surface in case.get("distractor_surfaces") or []:
        assert surface in case["text"]


@pytest.mark.parametrize(
    "case", [pytest.param(c, id=c["id"]) for c in CASES if c.get("explicit_rate")]
)
def test_corpus_stated_rates(case):
    want = case["explicit_rate"]
    rates = extract(case["text"]).stated_rates
    assert [(r.base, r.quote, r.value, r.text) for r in rates] == [
        (want["base"], want["quote"], D(str(want["rate"])), want["surface"])
    ]


# ---------------------------------------------------------------- mentions: one form each

# (text, amount, currency, currency_text, currency_before, qualifier)
MENTIONS = [
    pytest.param("paid $5 million", D("5e6"), "USD", "$", True, None, id="bare-dollar"),
    pytest.param("paid US$5 million", D("5e6"), "USD", "US$", True, None, id="US$"),
    pytest.param("paid U.S. $5 million", D("5e6"), "USD", "U.S. $", True, None, id="U.S. $"),
    pytest.param("paid HK$9.99 million", D("9.99e6"), "HKD", "HK$", True, None, id="HK$"),
    pytest.param("paid NT$8 billion", D("8e9"), "TWD", "NT$", True, None, id="NT$"),
    pytest.param("paid T$8 million", D("8e6"), "TOP", "T$", True, None, id="T$"),
    pytest.param("paid S$2.1 billion", D("2.1e9"), "SGD", "S$", True, None, id="S$"),
    pytest.param("paid A$13.4 billion", D("13.4e9"), "AUD", "A$", True, None, id="A$"),
    pytest.param("paid AU$13.4 billion", D("13.4e9"), "AUD", "AU$", True, None, id="AU$"),
    pytest.param("paid $A26.1b", D("26.1e9"), "AUD", "$A", True, None, id="$A"),
    pytest.param("paid C$1 billion", D("1e9"), "CAD", "C$", True, None, id="C$"),
    pytest.param("paid R$50 billion", D("50e9"), "BRL", "R$", True, None, id="R$"),
    pytest.param("paid Rs 800 billion", D("800e9"), "INR", "Rs", True, None, id="Rs"),
    pytest.param("paid Rs. 5,000 crore", D("5000e7"), "INR", "Rs.", True, None, id="Rs."),
    pytest.param("paid Rp 5 trillion", D("5e12"), "IDR", "Rp", True, None, id="Rp"),
    pytest.param("paid RM1.2 billion", D("1.2e9"), "MYR", "RM", True, None, id="RM"),
    pytest.param("paid KSh 450 billion", D("450e9"), "KES", "KSh", True, None, id="KSh"),
    pytest.param("paid DKr14bn", D("14e9"), "DKK", "DKr", True, None, id="DKr"),
    pytest.param("paid SKr10bn", D("10e9"), "SEK", "SKr", True, None, id="SKr"),
    pytest.param("paid NKr3bn", D("3e9"), "NOK", "NKr", True, None, id="NKr"),
    pytest.param("paid Rmb5bn", D("5e9"), "CNY", "Rmb", True, None, id="Rmb"),
    pytest.param("paid ₹1.5 lakh crore", D("1.5e12"), "INR", "₹", True, None, id="₹"),
    pytest.param("paid ₩5 trillion", D("5e12"), "KRW", "₩", True, None, id="₩"),
    pytest.param("paid ¥2.31 trillion", D("2.31e12"), "JPY", "¥", True, None, id="¥-default-JPY"),
    pytest.param("paid €13 billion", D("13e9"), "EUR", "€", True, None, id="€"),
    pytest.param("paid £183.4 million", D("183.4e6"), "GBP", "£", True, None, id="£"),
    pytest.param("paid ₽5 billion", D("5e9"), "RUB", "₽", True, None, id="₽"),
    pytest.param("paid ₺5 billion", D("5e9"), "TRY", "₺", True, None, id="₺"),
    pytest.param("paid ₪5 billion", D("5e9"), "ILS", "₪", True, None, id="₪"),
    pytest.param("paid ₱5 billion", D("5e9"), "PHP", "₱", True, None, id="₱"),
    pytest.param("paid ฿5 billion", D("5e9"), "THB", "฿", True, None, id="฿"),
    pytest.param("paid USD 5 million", D("5e6"), "USD", "USD", True, None, id="code-before"),
    pytest.param(
        "paid JPY 55.8 billion", D("55.8e9"), "JPY", "JPY", True, None, id="code-before-jpy"
    ),
    pytest.param("paid 5 million USD", D("5e6"), "USD", "USD", False, None, id="code-after"),
    pytest.param("paid USD230million", D("230e6"), "USD", "USD", True, None, id="code-glued"),
    pytest.param("paid 100 trillion won", D("1e14"), "KRW", "won", False, None, id="won"),
    pytest.param("paid 108 trillion yen", D("108e12"), "JPY", "yen", False, None, id="yen"),
    pytest.param("paid 88.2 billion yuan", D("88.2e9"), "CNY", "yuan", False, None, id="yuan"),
    pytest.param(
        "paid 5 billion renminbi", D("5e9"), "CNY", "renminbi", False, None, id="renminbi"
    ),
    pytest.param(
        "paid 885 billion rupees in India", D("885e9"), "INR", "rupees", False, None, id="rupees"
    ),
    pytest.param(
        "paid 9 billion Indian rupees",
        D("9e9"),
        "INR",
        "Indian rupees",
        False,
        None,
        id="Indian rupees",
    ),
    pytest.param(
        "a 9.5 trillion Pakistani rupee budget",
        D("9.5e12"),
        "PKR",
        "Pakistani rupee",
        False,
        None,
        id="Pakistani rupee",
    ),
    pytest.param("paid 5 trillion rupiah", D("5e12"), "IDR", "rupiah", False, None, id="rupiah"),
    pytest.param("paid 5 billion ringgit", D("5e9"), "MYR", "ringgit", False, None, id="ringgit"),
    pytest.param("paid 5 billion baht", D("5e9"), "THB", "baht", False, None, id="baht"),
    pytest.param(
        "paid 942 million Norwegian kroner",
        D("942e6"),
        "NOK",
        "Norwegian kroner",
        False,
        None,
        id="Norwegian kroner",
    ),
    pytest.param(
        "paid 188 billion Norwegian crowns",
        D("188e9"),
        "NOK",
        "Norwegian crowns",
        False,
        None,
        id="Norwegian crowns",
    ),
    pytest.param(
        "paid 300 billion Swedish kronor",
        D("300e9"),
        "SEK",
        "Swedish kronor",
        False,
        None,
        id="Swedish kronor",
    ),
    pytest.param(
        "paid 3.7 billion Swedish crowns",
        D("3.7e9"),
        "SEK",
        "Swedish crowns",
        False,
        None,
        id="Swedish crowns",
    ),
    pytest.param(
        "paid 2.5 billion Danish kroner",
        D("2.5e9"),
        "DKK",
        "Danish kroner",
        False,
        None,
        id="Danish kroner",
    ),
    pytest.param(
        "paid 30.5 billion Czech crowns",
        D("30.5e9"),
        "CZK",
        "Czech crowns",
        False,
        None,
        id="Czech crowns",
    ),
    pytest.param(
        "paid 30.5 billion Czech koruna",
        D("30.5e9"),
        "CZK",
        "Czech koruna",
        False,
        None,
        id="Czech koruna",
    ),
    pytest.param("paid 2.8 billion zlotys", D("2.8e9"), "PLN", "zlotys", False, None, id="zlotys"),
    pytest.param("paid 2.8 billion zloty", D("2.8e9"), "PLN", "zloty", False, None, id="zloty"),
    pytest.param("paid 14 billion reais", D("14e9"), "BRL", "reais", False, None, id="reais"),
    pytest.param(
        "paid 69.9 billion Brazilian reais",
        D("69.9e9"),
        "BRL",
        "Brazilian reais",
        False,
        None,
        id="Brazilian reais",
    ),
    pytest.param("paid 59 billion rand", D("59e9"), "ZAR", "rand", False, None, id="rand"),
    pytest.param("paid 1.03 trillion lira", D("1.03e12"), "TRY", "lira", False, None, id="lira"),
    pytest.param("paid 516 billion liras", D("516e9"), "TRY", "liras", False, None, id="liras"),
    pytest.param(
        "paid 2.24 trillion roubles", D("2.24e12"), "RUB", "roubles", False, None, id="roubles"
    ),
    pytest.param("paid 5 billion shekels", D("5e9"), "ILS", "shekels", False, None, id="shekels"),
    pytest.param(
        "Aramco paid 75 billion riyals", D("75e9"), "SAR", "riyals", False, None, id="riyals"
    ),
    pytest.param(
        "Dubai paid 5.5 billion dirhams", D("5.5e9"), "AED", "dirhams", False, None, id="dirhams"
    ),
    pytest.param("paid 304 trillion dong", D("304e12"), "VND", "dong", False, None, id="dong"),
    pytest.param(
        "paid 3.2 billion Swiss francs",
        D("3.2e9"),
        "CHF",
        "Swiss francs",
        False,
        None,
        id="Swiss francs",
    ),
    pytest.param(
        "paid 5 billion Hong Kong dollars",
        D("5e9"),
        "HKD",
        "Hong Kong dollars",
        False,
        None,
        id="Hong Kong dollars",
    ),
    pytest.param(
        "paid 13 billion U.S. dollars",
        D("13e9"),
        "USD",
        "U.S. dollars",
        False,
        None,
        id="U.S. dollars",
    ),
    pytest.param(
        "paid 989 billion US dollars", D("989e9"), "USD", "US dollars", False, None, id="US dollars"
    ),
    pytest.param("paid 7.3 billion euros", D("7.3e9"), "EUR", "euros", False, None, id="euros"),
    pytest.param(
        "paid 24 billion pounds in London", D("24e9"), "GBP", "pounds", False, None, id="pounds"
    ),
    pytest.param(
        "paid 5 billion sterling", D("5e9"), "GBP", "sterling", False, None, id="sterling"
    ),
    pytest.param(
        "pagou 906 milhões de euros", D("906e6"), "EUR", "de euros", False, None, id="pt-de-euros"
    ),
    pytest.param(
        "pagou 4,031 mil milhões de reais",
        D("4.031e9"),
        "BRL",
        "de reais",
        False,
        None,
        id="pt-de-reais",
    ),
    pytest.param(
        "pagou 78,8 mil milhões de dólares",
        D("78.8e9"),
        "USD",
        "de dólares",
        False,
        None,
        id="pt-de-dolares",
    ),
    pytest.param(
        "a 5-billion-dollar deal", D("5e9"), "USD", "dollar", False, None, id="hyphenated-dollar"
    ),
    pytest.param("Manila paid P5 billion", D("5e9"), "PHP", "P", True, None, id="P-philippines"),
    pytest.param("Eskom needs R230 billion", D("230e9"), "ZAR", "R", True, None, id="R-rand"),
    pytest.param("paid about $5 million", D("5e6"), "USD", "$", True, "about", id="q-about"),
    pytest.param("paid around $5 million", D("5e6"), "USD", "$", True, "around", id="q-around"),
    pytest.param("paid roughly $5 million", D("5e6"), "USD", "$", True, "roughly", id="q-roughly"),
    pytest.param("paid some $5 million", D("5e6"), "USD", "$", True, "some", id="q-some"),
    pytest.param("paid nearly $5 million", D("5e6"), "USD", "$", True, "nearly", id="q-nearly"),
    pytest.param("paid almost $5 million", D("5e6"), "USD", "$", True, "almost", id="q-almost"),
    pytest.param("paid over $5 million", D("5e6"), "USD", "$", True, "over", id="q-over"),
    pytest.param(
        "paid more than $5 million", D("5e6"), "USD", "$", True, "more than", id="q-more-than"
    ),
    pytest.param("paid up to $5 million", D("5e6"), "USD", "$", True, "up to", id="q-up-to"),
    pytest.param(
        "paid less than $5 million", D("5e6"), "USD", "$", True, "less than", id="q-less-than"
    ),
    pytest.param(
        "paid approximately $5 million",
        D("5e6"),
        "USD",
        "$",
        True,
        "approximately",
        id="q-approximately",
    ),
    pytest.param(
        "paid at least $5 million", D("5e6"), "USD", "$", True, "at least", id="q-at-least"
    ),
    pytest.param(
        "paid Rs 285 crore approximately",
        D("285e7"),
        "INR",
        "Rs",
        True,
        "approximately",
        id="q-trailing",
    ),
]


@pytest.mark.parametrize("text, amount, currency, written, before, qualifier", MENTIONS)
def test_mention(text, amount, currency, written, before, qualifier):
    ms = extract(text).mentions
    assert len(ms) == 1
    m = ms[0]
    assert (m.value, m.unit, m.unit_text, m.unit_before, m.qualifier) == (
        amount,
        currency,
        written,
        before,
        qualifier,
    )
    assert text[m.span.start : m.span.end] == m.text


def test_mention_fields_for_rounding():
    m = extract("an investment of over 100 trillion won ($72.29 billion)").mentions[1]
    assert (m.step, m.decimals, m.scale_text) == (D("1e7"), 2, "billion")
    first = extract("over 100 trillion won").mentions[0]
    assert first.qualifier == "over" and first.bound == "lower"


RANGES = [
    pytest.param("JPY 20-25 billion", D("20e9"), D("25e9"), "JPY", id="code-range"),
    pytest.param(
        "$8.1 billion to $11.6 billion", D("8.1e9"), D("11.6e9"), "USD", id="repeated-symbol-range"
    ),
    pytest.param(
        "between $10 and $20 million", D("10e6"), D("20e6"), "USD", id="between-trailing-scale"
    ),
    pytest.param(
        "14 billion reais to 20 billion reais",
        D("14e9"),
        D("20e9"),
        "BRL",
        id="repeated-name-range",
    ),
    pytest.param("€1.8bn-€2bn", D("1.8e9"), D("2e9"), "EUR", id="glued-range"),
    pytest.param("$10-20 million", D("10e6"), D("20e6"), "USD", id="symbol-hyphen-range"),
]


@pytest.mark.parametrize("text, low, high, currency", RANGES)
def test_money_range(text, low, high, currency):
    (m,) = extract(text).mentions
    assert (m.value, m.high, m.unit) == (low, high, currency)


AMBIGUOUS = [
    pytest.param("Equinor booked 3 billion crowns", "NOK", id="crowns-cue-company"),
    pytest.param("Stockholm's budget is 3 billion crowns", "SEK", id="crowns-cue-city"),
    pytest.param("the fund had 3 billion crowns", None, id="crowns-unsure"),
    pytest.param("Mexico lost 3 billion pesos", "MXN", id="pesos-cue"),
    pytest.param("the Chinese bank lent ¥3 billion", "CNY", id="yen-sign-china"),
    pytest.param("the 5 kr coin", None, id="kr-unsure"),
    pytest.param("the fund had 3 billion kroner", "NOK", id="kroner-guess"),
]


@pytest.mark.parametrize("text, code", AMBIGUOUS)
def test_ambiguous_currency(text, code):
    (m,) = extract(text).mentions
    assert m.unit == code
    assert m.unit_candidates and m.unit_note


def test_dollar_setting():
    (m,) = extract("paid $5 million", dollar="AUD").mentions
    assert m.unit == "AUD"


def test_not_money():
    assert extract("In 2019 won the prize; the A380 and 40% and 5 kg").mentions == ()


@pytest.mark.parametrize(
    "unit",
    [
        pytest.param("(", id="parens"),
        pytest.param("1,", id="one-comma"),
        pytest.param("$1 (", id="dollar-paren"),
        pytest.param("1 billion won (", id="unclosed-pairs"),
        pytest.param("$", id="dollars"),
    ],
)
def test_adversarial_extract_grows_linearly(unit):
    assert growth(extract, lambda n: unit * n, 2_000) < 30
