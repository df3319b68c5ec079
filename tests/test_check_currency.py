"""The currency verdict model, on hand-built figures and real ECB rates of June 2025.

The rates below are the ECB euro reference rates as published (EUR per currency), copied
from the ECB history so these tests pin the verdict logic without the rate store.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal as D

import pytest

from claims.check.currency import check_conversions
from claims.errors import NoRate, UnknownCurrency
from claims.extract.qualifiers import bound_of
from claims.model import CurrencyConversion, Extraction, Quantity, Rate, Span, StatedRate, Verdict
from claims.wording import write_like

# date: (USD, KRW, NOK, CAD, HKD) per 1 EUR, ECB reference rates.
ECB_JUNE_2025 = {
    "2025-06-20": ("1.1515", "1573.8", "11.598", "1.5793", "9.0391"),
    "2025-06-23": ("1.1472", "1592.49", "11.6635", "1.5818", "9.0055"),
    "2025-06-24": ("1.1607", "1578.75", "11.713", "1.5915", "9.1114"),
    "2025-06-25": ("1.1598", "1581.45", "11.782", "1.5928", "9.1044"),
    "2025-06-26": ("1.1695", "1587.13", "11.8125", "1.6008", "9.1803"),
    "2025-06-27": ("1.1704", "1592.7", "11.792", "1.5977", "9.1876"),
    "2025-06-30": ("1.172", "1588.21", "11.8345", "1.6027", "9.2001"),
}
CODES = ("USD", "KRW", "NOK", "CAD", "HKD")


class FakeStore:
    """A few real ECB days, crossed through EUR like the real store."""

    def __init__(self, days=ECB_JUNE_2025):
        self.days = {
            date.fromisoformat(k): dict(zip(CODES, map(D, v), strict=True)) for k, v in days.items()
        }

    def last_date(self) -> date:
        return max(self.days)

    def window(self, base: str, quote: str, start: date, end: date) -> list[Rate]:
        if base not in CODES + ("EUR",) or quote not in CODES + ("EUR",):
            raise UnknownCurrency(f"unknown {base}/{quote}")
        out = []
        for day in sorted(self.days):
            if start <= day <= end:
                per_eur = {**self.days[day], "EUR": D(1)}
                out.append(
                    Rate(
                        base,
                        quote,
                        per_eur[quote] / per_eur[base],
                        day,
                        day,
                        "ECB euro reference rate",
                    )
                )
        if not out:
            raise NoRate(f"no {base}/{quote} between {start} and {end}")
        return out


def money(
    text: str,
    amount: str,
    currency: str | None,
    *,
    step: str,
    decimals: int = 0,
    scale: str | None = None,
    cur_text: str = "",
    before: bool = True,
    qualifier: str | None = None,
    high: str | None = None,
    at: int = 0,
) -> Quantity:
    return Quantity(
        text=text,
        span=Span(at, at + len(text)),
        value=D(amount),
        unit=currency,
        step=D(step),
        high=D(high) if high else None,
        qualifier=qualifier,
        bound=bound_of(qualifier),
        unit_text=cur_text,
        unit_before=before,
        scale_text=scale,
        decimals=decimals,
    )


WON_100T = money(
    "100 trillion won",
    "100e12",
    "KRW",
    step="1e12",
    scale="trillion",
    cur_text="won",
    before=False,
    qualifier="over",
)
KRONER_942M = money(
    "942 million Norwegian kroner",
    "942e6",
    "NOK",
    step="1e6",
    scale="million",
    cur_text="Norwegian kroner",
    before=False,
)


def usd(
    text: str,
    amount: str,
    step: str,
    decimals: int,
    scale: str | None = "billion",
    qualifier: str | None = None,
) -> Quantity:
    return money(
        text,
        amount,
        "USD",
        step=step,
        decimals=decimals,
        scale=scale,
        cur_text="$",
        qualifier=qualifier,
        at=30,
    )


def pair(orig: Quantity, conv: Quantity) -> CurrencyConversion:
    return CurrencyConversion(
        orig, conv, Span(orig.span.start, conv.span.end), f"{orig.text} ({conv.text})"
    )


def verdicts(*convs: CurrencyConversion, as_of: str = "2025-06-30", stated=(), store=None):
    findings, notes = check_conversions(
        Extraction(conversions=convs, stated_rates=tuple(stated)),
        store or FakeStore(),
        date.fromisoformat(as_of),
    )
    return findings, notes


SEED_CASES = [
    pytest.param(
        WON_100T, usd("$72.29 billion", "72.29e9", "0.01e9", 2), Verdict.OK, None, id="seed-won-ok"
    ),
    pytest.param(
        KRONER_942M,
        usd("$93.52 million", "93.52e6", "0.01e6", 2, "million"),
        Verdict.OK,
        None,
        id="seed-kroner-ok-low-end",
    ),
    pytest.param(
        WON_100T,
        usd("$62.29 billion", "62.29e9", "0.01e9", 2),
        Verdict.ERROR,
        None,
        id="seed-won-wrong-digit",
    ),
    pytest.param(
        KRONER_942M,
        usd("$93.52 billion", "93.52e9", "0.01e9", 2),
        Verdict.ERROR,
        "wrong-scale",
        id="seed-kroner-scale-slip",
    ),
    pytest.param(
        KRONER_942M,
        usd("$935.2 million", "935.2e6", "0.1e6", 1, "million"),
        Verdict.ERROR,
        "decimal-slip",
        id="decimal-slip",
    ),
    pytest.param(
        money("€100 million", "100e6", "EUR", step="1e6", scale="million", cur_text="€"),
        usd("$85.3 million", "85.3e6", "0.1e6", 1, "million"),
        Verdict.ERROR,
        "inverted-rate",
        id="inverted-rate-eur-usd",
    ),
    pytest.param(
        KRONER_942M,
        usd("$95.6 million", "95.6e6", "0.1e6", 1, "million"),
        Verdict.WARNING,
        None,
        id="just-outside-window-warning",
    ),
    pytest.param(
        WON_100T,
        usd("about $70 billion", "70e9", "1e9", 0, qualifier="about"),
        Verdict.OK,
        None,
        id="about-with-round-figure-ok",
    ),
    pytest.param(
        WON_100T,
        usd("about $68 billion", "68e9", "1e9", 0, qualifier="about"),
        Verdict.WARNING,
        None,
        id="about-widens-but-not-enough",
    ),
    pytest.param(
        money("C$10 million", "10e6", "CAD", step="1e6", scale="million", cur_text="C$"),
        money("HK$58 million", "58e6", "HKD", step="1e6", scale="million", cur_text="HK$", at=30),
        Verdict.OK,
        None,
        id="cad-hkd-cross",
    ),
]


@pytest.mark.parametrize("orig, conv, verdict, diagnosis", SEED_CASES)
def test_verdicts(orig, conv, verdict, diagnosis):
    (finding,), _ = verdicts(pair(orig, conv))
    assert finding.verdict is verdict, finding.message
    if diagnosis:
        assert finding.diagnosis == diagnosis, finding.message
    assert finding.check == "currency-conversion"


def test_ok_finding_cites_rate_and_expected_figure():
    (finding,), notes = verdicts(pair(WON_100T, usd("$72.29 billion", "72.29e9", "0.01e9", 2)))
    assert notes == []
    assert finding.code == "CUR003"
    assert finding.rate.base == "USD" and finding.rate.quote == "KRW"
    assert finding.rate.date == date(2025, 6, 30)
    assert D("1355") < finding.rate.value < D("1356")
    assert finding.expected.text == "$73.79 billion"
    assert finding.expected.low < D("72.29e9") < finding.expected.high


def test_wrong_figure_message_says_what_it_should_be():
    (finding,), _ = verdicts(pair(WON_100T, usd("$62.29 billion", "62.29e9", "0.01e9", 2)))
    assert finding.code == "CUR001"
    assert "should be about $73.79 billion" in finding.message
    assert finding.deviation_pct == pytest.approx(-15.6, abs=0.1)


def test_wrong_currency_diagnosis():
    # 100 million USD written where the rate used was Canadian dollars.
    orig = money("US$100 million", "100e6", "USD", step="1e6", scale="million", cur_text="US$")
    conv = money(
        "HK$574 million", "574e6", "HKD", step="1e6", scale="million", cur_text="HK$", at=30
    )
    (finding,), _ = verdicts(pair(orig, conv))
    assert finding.verdict is Verdict.ERROR
    assert finding.diagnosis == "wrong-currency", finding.message
    assert "CAD" in finding.message
    # A plain "$" may be the publication's own dollar: the same figures are a warning.
    bare = money("$100 million", "100e6", "USD", step="1e6", scale="million", cur_text="$")
    (finding,), _ = verdicts(pair(bare, conv))
    assert finding.verdict is Verdict.WARNING and finding.diagnosis == "wrong-currency"
    assert "--dollar CAD" in finding.message


def test_other_period_rate_is_named():
    # 1 EUR = 1.1515 USD on 2025-06-20 only; as of 2025-06-30 with a 0-day window it is another day.
    orig = money("€1,000 million", "1000e6", "EUR", step="1e6", scale="million", cur_text="€")
    conv = usd("$1,151.5 million", "1151.5e6", "0.1e6", 1, "million")
    findings, _ = check_conversions(
        Extraction(conversions=(pair(orig, conv),)),
        FakeStore(),
        date(2025, 6, 30),
        window_days=0,
        margin_pct=D(0),
    )
    assert findings[0].verdict is Verdict.WARNING
    assert findings[0].diagnosis == "other-period-rate"
    assert "2025-06-20" in findings[0].message


def test_no_rate_is_unverifiable_never_ok():
    orig = money(
        "5 billion dong", "5e9", "VND", step="1e9", scale="billion", cur_text="dong", before=False
    )
    (finding,), _ = verdicts(pair(orig, usd("$200,000", "200000", "1", 0, None)))
    assert finding.verdict is Verdict.UNVERIFIABLE
    assert finding.code == "CUR004"


def test_unknown_currency_is_unverifiable():
    orig = Quantity(
        "5 billion crowns",
        Span(0, 16),
        D("5e9"),
        None,
        D("1e9"),
        scale_text="billion",
        unit_candidates=("SEK", "NOK", "DKK"),
        unit_note="'crowns' without a country",
    )
    (finding,), _ = verdicts(pair(orig, usd("$500 million", "500e6", "1e6", 0, "million")))
    assert finding.verdict is Verdict.UNVERIFIABLE
    assert "crowns" in finding.message


def test_stale_data_gives_warning_not_error_and_a_note():
    # The same honest conversion judged a month after the last fixing: rates moved ~2%.
    conv = usd("$75.3 billion", "75.3e9", "0.1e9", 1)
    findings, notes = verdicts(pair(WON_100T, conv), as_of="2025-07-31")
    assert findings[0].verdict in (Verdict.OK, Verdict.WARNING)
    assert notes and "claims rates update" in notes[0]
    # ... but a scale slip stays an error however stale the data.
    findings, _ = verdicts(
        pair(WON_100T, usd("$75.3 million", "75.3e6", "0.1e6", 1, "million")), as_of="2025-07-31"
    )
    assert findings[0].verdict is Verdict.ERROR and findings[0].diagnosis == "wrong-scale"


def test_stated_rate_checked_and_used():
    sr = StatedRate("USD", "KRW", D("1383.0000"), Span(100, 120), "($1 = 1,383.0000 won)")
    conv = pair(WON_100T, usd("$72.31 billion", "72.31e9", "0.01e9", 2))
    findings, _ = verdicts(conv, stated=[sr])
    by_code = {f.code: f for f in findings}
    assert by_code["CUR003"].rate.kind == "stated"
    rate_finding = [f for f in findings if f.span == sr.span][0]
    assert rate_finding.verdict is Verdict.OK  # 1383 lies in the week's 1355-1388


def test_stated_rate_far_off_is_error():
    sr = StatedRate("USD", "KRW", D("1130.29"), Span(100, 120), "($1 = 1,130.2900 won)")
    findings, _ = verdicts(stated=[sr])
    assert findings[0].verdict is Verdict.ERROR and findings[0].code == "CUR005"


def test_conversion_off_its_own_stated_rate_but_on_reference_is_warning():
    sr = StatedRate("USD", "KRW", D("1300"), Span(100, 120), "($1 = 1,300 won)")
    findings, _ = verdicts(
        pair(WON_100T, usd("$72.29 billion", "72.29e9", "0.01e9", 2)), stated=[sr]
    )
    assert any(f.code == "CUR006" and f.verdict is Verdict.WARNING for f in findings)


def test_two_conversions_at_disagreeing_rates_are_flagged():
    # Each fits the week's 1,355-1,388 won per dollar; together they imply 1,383 and 1,357.
    won_a = money(
        "100.00 trillion won",
        "100.00e12",
        "KRW",
        step="0.01e12",
        decimals=2,
        scale="trillion",
        cur_text="won",
        before=False,
    )
    won_b = money(
        "10.00 trillion won",
        "10.00e12",
        "KRW",
        step="0.01e12",
        decimals=2,
        scale="trillion",
        cur_text="won",
        before=False,
        at=200,
    )
    first = pair(won_a, usd("$72.29 billion", "72.29e9", "0.01e9", 2))
    second = pair(won_b, usd("$7.37 billion", "7.37e9", "0.01e9", 2))
    findings, _ = verdicts(first, second)
    assert [f.verdict for f in findings[:2]] == [Verdict.OK, Verdict.OK]
    assert [f.code for f in findings].count("CUR007") == 1
    # ... and a conversion already flagged on its own gets no second finding.
    third = pair(won_b, usd("$7.0 billion", "7.0e9", "0.1e9", 1))
    findings, _ = verdicts(first, third)
    assert "CUR007" not in [f.code for f in findings]


def test_range_checks_both_ends():
    orig = money(
        "100-200 billion won",
        "100e9",
        "KRW",
        step="1e9",
        scale="billion",
        cur_text="won",
        before=False,
        high="200e9",
    )
    good = money(
        "$72-146 million",
        "72e6",
        "USD",
        step="1e6",
        scale="million",
        cur_text="$",
        high="146e6",
        at=30,
    )
    bad = money(
        "$72-246 million",
        "72e6",
        "USD",
        step="1e6",
        scale="million",
        cur_text="$",
        high="246e6",
        at=30,
    )
    assert verdicts(pair(orig, good))[0][0].verdict is Verdict.OK
    assert verdicts(pair(orig, bad))[0][0].verdict is Verdict.ERROR


@pytest.mark.parametrize(
    "conv, amount, expected",
    [
        pytest.param(
            usd("$72.29 billion", "72.29e9", "0.01e9", 2),
            "73794000000",
            "$73.79 billion",
            id="same-scale",
        ),
        pytest.param(
            usd("$93.52 billion", "93.52e9", "0.01e9", 2),
            "93520000",
            "$93.52 million",
            id="rescaled-down",
        ),
        pytest.param(
            money(
                "US$14.3billion",
                "14.3e9",
                "USD",
                step="0.1e9",
                decimals=1,
                scale="billion",
                cur_text="US$",
            ),
            "14660000000",
            "US$14.7billion",
            id="glued",
        ),
        pytest.param(
            money("$828", "828", "USD", step="1", cur_text="$"), "830.4", "$830", id="plain-digits"
        ),
        pytest.param(
            money(
                "1,332 billion euros",
                "1332e9",
                "EUR",
                step="1e9",
                scale="billion",
                cur_text="euros",
                before=False,
            ),
            "1328000000000",
            "1,328 billion euros",
            id="currency-after",
        ),
    ],
)
def test_expected_written_like_the_story(conv, amount, expected):
    assert write_like(conv, D(amount)) == expected


def test_window_end_moves_back_from_weekend():
    store = FakeStore()
    assert store.window("USD", "KRW", date(2025, 6, 28) - timedelta(days=7), date(2025, 6, 28))[
        -1
    ].date == date(2025, 6, 27)


def test_a_weekend_past_the_last_fixing_is_not_stale():
    # The fake store's last fixing is Monday 2025-06-30; Friday 2025-07-04 is 4 days on.
    _, notes = verdicts(
        pair(WON_100T, usd("$72.29 billion", "72.29e9", "0.01e9", 2)), as_of="2025-07-04"
    )
    assert notes == []
    _, notes = verdicts(
        pair(WON_100T, usd("$72.29 billion", "72.29e9", "0.01e9", 2)), as_of="2025-07-05"
    )
    assert notes and "5 days" in notes[0]
