"""Rate lookups against the real store built from the bundled ECB history (no network).

Expected values are computed here from the ECB CSV rows themselves, so the tests check the
crossing and the choice of fixing day, not a copied number.
"""

from __future__ import annotations

import csv
import io
import sqlite3
import zipfile
from datetime import date, timedelta
from decimal import Decimal

import pytest

from claims.errors import ConfigError, NoRate, StaleData, UnknownCurrency
from claims.rates.locations import bundled_ecb_zip


@pytest.fixture(scope="module")
def ecb_rows() -> dict[str, dict[str, str]]:
    """The bundled ECB history as {date: {currency: published string}} (N/A left out)."""
    with zipfile.ZipFile(bundled_ecb_zip()) as archive:
        text = archive.read("eurofxref-hist.csv").decode("utf-8")
    reader = csv.reader(io.StringIO(text))
    header = next(reader)
    rows = {}
    for row in reader:
        if row:
            rows[row[0]] = {
                c: v
                for c, v in zip(header[1:], row[1:], strict=False)
                if c and v not in ("N/A", "")
            }
    return rows


def ecb_cross(rows, day: str, base: str, quote: str) -> Decimal:
    per_eur = {**{c: Decimal(v) for c, v in rows[day].items()}, "EUR": Decimal(1)}
    return per_eur[quote] / per_eur[base]


def close(a: Decimal, b: Decimal, rel: str = "1e-10") -> bool:
    return abs(a - b) <= abs(b) * Decimal(rel)


# ------------------------------------------------------------------ ECB crosses and fixing days


def test_usd_krw_on_2025_06_23_is_the_ecb_cross_of_that_day(rate_store, ecb_rows):
    rate = rate_store.rate("USD", "KRW", date(2025, 6, 23))
    expected = ecb_cross(ecb_rows, "2025-06-23", "USD", "KRW")  # 1592.49 / 1.1472
    assert close(rate.value, expected)
    assert abs(rate.value - Decimal("1388.15")) < Decimal("0.01")
    assert (rate.base, rate.quote, rate.date, rate.requested_date) == (
        "USD",
        "KRW",
        date(2025, 6, 23),
        date(2025, 6, 23),
    )
    assert rate.source == "ECB euro reference rate" and rate.kind == "reference"
    assert "sha256:" in rate.dataset and "eurofxref-hist.zip" in rate.dataset


@pytest.mark.parametrize(
    "asked, used",
    [
        ("2025-06-21", "2025-06-20"),  # Saturday -> Friday
        ("2025-06-22", "2025-06-20"),  # Sunday -> Friday
        ("2025-12-25", "2025-12-24"),  # TARGET holiday
        ("2025-12-26", "2025-12-24"),
        ("2025-04-18", "2025-04-17"),  # Good Friday
    ],
    ids=["saturday", "sunday", "christmas", "boxing-day", "good-friday"],
)
def test_a_day_without_fixing_uses_the_latest_earlier_one_and_says_so(
    rate_store, ecb_rows, asked, used
):
    assert asked not in ecb_rows and used in ecb_rows
    rate = rate_store.rate("USD", "KRW", date.fromisoformat(asked))
    assert rate.date == date.fromisoformat(used)
    assert rate.requested_date == date.fromisoformat(asked)
    assert close(rate.value, ecb_cross(ecb_rows, used, "USD", "KRW"))


def test_direct_euro_rates_keep_the_published_digits(rate_store, ecb_rows):
    usd = rate_store.rate("EUR", "USD", date(2025, 6, 23))
    assert usd.value == Decimal(ecb_rows["2025-06-23"]["USD"]) and str(usd.value) == "1.1472"
    isk = rate_store.rate("EUR", "ISK", date(2025, 6, 23))
    assert str(isk.value) == ecb_rows["2025-06-23"]["ISK"]  # "143": as published
    inverse = rate_store.rate("USD", "EUR", date(2025, 6, 23))
    assert close(inverse.value, 1 / Decimal("1.1472"))


def test_rates_are_decimal_and_stored_as_text(rate_store, cache_dir):
    assert isinstance(rate_store.rate("GBP", "JPY", date(2020, 3, 16)).value, Decimal)
    conn = sqlite3.connect(cache_dir / "rates.sqlite3")
    try:
        kinds = {k for (k,) in conn.execute("SELECT DISTINCT typeof(value) FROM rates")}
    finally:
        conn.close()
    assert kinds == {"text"}


def test_codes_are_case_insensitive(rate_store):
    assert rate_store.rate("usd", " krw", date(2025, 6, 23)).quote == "KRW"


def test_same_currency_is_one(rate_store):
    rate = rate_store.rate("USD", "USD", date(2025, 6, 21))
    assert rate.value == 1 and rate.kind == "identity"


# ------------------------------------------------------------------ first and last dates


def test_first_fixing_answers_and_a_day_before_it_has_no_rate(rate_store, ecb_rows):
    first = min(ecb_rows)
    assert first == "1999-01-04"
    assert rate_store.rate("USD", "JPY", date(1999, 1, 4)).date == date(1999, 1, 4)
    with pytest.raises(NoRate) as info:
        rate_store.rate("USD", "JPY", date(1999, 1, 1))
    assert not isinstance(info.value, StaleData) and "1999-01-04" in str(info.value)


def test_last_date_is_the_last_row_and_a_later_day_is_stale(rate_store, ecb_rows):
    last = date.fromisoformat(max(ecb_rows))
    assert rate_store.last_date() == last
    assert rate_store.rate("USD", "KRW", last).date == last
    with pytest.raises(StaleData) as info:
        rate_store.rate("USD", "KRW", last + timedelta(days=1))
    assert info.value.last_date == last and last.isoformat() in str(info.value)
    with pytest.raises(StaleData):
        rate_store.rate("EUR", "USD", last + timedelta(days=4000))


# ------------------------------------------------------------------ pegs


def test_usd_sar_comes_from_the_peg(rate_store):
    rate = rate_store.rate("USD", "SAR", date(2025, 6, 23))
    assert rate.value == Decimal("3.75") and rate.kind == "peg"
    assert rate.source == "peg: Saudi Central Bank"
    assert "pegs.csv sha256:" in rate.dataset and "1986" in rate.dataset
    assert close(rate_store.rate("SAR", "USD", date(2025, 6, 23)).value, 1 / Decimal("3.75"))


def test_a_peg_needs_no_ecb_data_even_past_it(rate_store):
    later = rate_store.last_date() + timedelta(days=400)
    assert rate_store.rate("USD", "AED", later).value == Decimal("3.6725")
    assert rate_store.rate("EUR", "XOF", later).value == Decimal("655.957")


@pytest.mark.parametrize(
    "code, value",
    [
        ("DEM", "1.95583"),
        ("FRF", "6.55957"),
        ("ITL", "1936.27"),
        ("IEP", "0.787564"),
        ("GRD", "340.750"),
        ("SIT", "239.640"),
        ("HRK", "7.53450"),
        ("XAF", "655.957"),
    ],
)
def test_euro_legacy_rates_are_irrevocable(rate_store, code, value):
    rate = rate_store.rate("EUR", code, date(2024, 1, 1))
    assert rate.value == Decimal(value) and rate.kind == "peg"


def test_legacy_currency_before_adoption_comes_from_the_ecb(rate_store, ecb_rows):
    before = rate_store.rate("EUR", "HRK", date(2022, 12, 30))
    assert before.kind == "reference" and str(before.value) == ecb_rows["2022-12-30"]["HRK"]
    after = rate_store.rate("EUR", "HRK", date(2023, 1, 2))
    assert after.kind == "peg" and after.value == Decimal("7.53450")
    with pytest.raises(NoRate):
        rate_store.rate("EUR", "GRD", date(2000, 6, 1))  # before 2001, no source


def test_peg_against_a_floating_currency_crosses_with_the_ecb(rate_store, ecb_rows):
    rate = rate_store.rate("EUR", "SAR", date(2025, 6, 21))
    assert rate.kind == "reference" and rate.date == date(2025, 6, 20)
    assert "ECB euro reference rate" in rate.source and "peg: Saudi Central Bank" in rate.source
    assert close(rate.value, Decimal(ecb_rows["2025-06-20"]["USD"]) * Decimal("3.75"))
    dem = rate_store.rate("DEM", "USD", date(2001, 5, 2))
    assert close(dem.value, Decimal(ecb_rows["2001-05-02"]["USD"]) / Decimal("1.95583"))


def test_a_peg_before_its_start_has_no_rate(rate_store):
    with pytest.raises(NoRate, match="1986-06-01"):
        rate_store.rate("USD", "SAR", date(1985, 1, 1))


def test_hkd_comes_from_the_ecb_not_its_band(rate_store, ecb_rows):
    rate = rate_store.rate("USD", "HKD", date(2025, 6, 23))
    assert rate.kind == "reference"
    assert close(rate.value, ecb_cross(ecb_rows, "2025-06-23", "USD", "HKD"))
    band = [p for p in rate_store.info()["pegs"] if p["currency"] == "HKD"]
    assert (
        band and band[0]["type"] == "band" and (band[0]["low"], band[0]["high"]) == ("7.75", "7.85")
    )


# ------------------------------------------------------------------ no source, unknown codes


@pytest.mark.parametrize("code", ["TWD", "VND", "ARS", "PKR", "KES"])
def test_a_currency_the_ecb_lacks_comes_from_hmrc_monthly_else_has_no_rate(rate_store, code):
    rate = rate_store.rate("USD", code, date(2025, 6, 23))
    assert (rate.kind, rate.frequency, rate.date) == ("hmrc", "monthly", date(2025, 6, 1))
    assert rate.source == "HMRC monthly rate for 2025-06, GBP cross" and rate.margin_pct >= 1
    with pytest.raises(NoRate) as info:  # before HMRC's first month
        rate_store.rate("USD", code, date(2013, 6, 3))
    assert not isinstance(info.value, (StaleData, UnknownCurrency))
    assert rate_store.has_currency(code)


def test_rub_after_the_ecb_stopped_comes_from_hmrc_monthly(rate_store, ecb_rows):
    assert rate_store.rate("EUR", "RUB", date(2022, 3, 1)).value == Decimal(
        ecb_rows["2022-03-01"]["RUB"]
    )
    rate = rate_store.rate("USD", "RUB", date(2022, 3, 2))
    assert rate.kind == "hmrc" and rate.source == "HMRC monthly rate for 2022-03, GBP cross"
    assert rate.margin_pct > 20  # March 2022: the rouble crashed


def test_isk_gap_is_not_bridged(rate_store):
    with pytest.raises(NoRate, match="2008-12-09"):
        rate_store.rate("EUR", "ISK", date(2012, 6, 1))


@pytest.mark.parametrize("code", ["XYZ", "US$", "", "DOLLARS", "12"])
def test_unknown_codes_raise_unknown_currency(rate_store, code):
    with pytest.raises(UnknownCurrency):
        rate_store.rate("USD", code, date(2025, 6, 23))


# ------------------------------------------------------------------ windows


def test_window_gives_each_fixing_day_led_by_the_one_in_force_at_start(rate_store, ecb_rows):
    rates = rate_store.window("USD", "KRW", date(2025, 6, 21), date(2025, 6, 27))
    used = [r.date.isoformat() for r in rates]
    assert used == [
        "2025-06-20",
        "2025-06-23",
        "2025-06-24",
        "2025-06-25",
        "2025-06-26",
        "2025-06-27",
    ]
    assert rates[0].requested_date == date(2025, 6, 21)
    for rate in rates:
        assert close(rate.value, ecb_cross(ecb_rows, rate.date.isoformat(), "USD", "KRW"))


def test_window_starting_on_a_fixing_day_has_no_extra_entry(rate_store):
    rates = rate_store.window("EUR", "USD", date(2025, 6, 23), date(2025, 6, 24))
    assert [r.date for r in rates] == [date(2025, 6, 23), date(2025, 6, 24)]


def test_window_of_a_peg_is_one_rate(rate_store):
    rates = rate_store.window("USD", "SAR", date(2025, 1, 1), date(2025, 12, 31))
    assert len(rates) == 1 and rates[0].value == Decimal("3.75") and rates[0].kind == "peg"


def test_window_across_an_adoption_switches_to_the_peg(rate_store):
    rates = rate_store.window("EUR", "HRK", date(2022, 12, 29), date(2023, 1, 10))
    assert [r.kind for r in rates] == ["reference", "reference", "peg"]
    assert rates[-1].date == date(2023, 1, 1)


def test_window_past_the_data(rate_store):
    last = rate_store.last_date()
    rates = rate_store.window("USD", "KRW", last - timedelta(days=3), last + timedelta(days=30))
    assert rates[-1].date == last  # nothing invented after the last fixing
    with pytest.raises(StaleData):
        rate_store.window("USD", "KRW", last + timedelta(days=1), last + timedelta(days=9))


def test_window_bad_order_and_no_source(rate_store):
    with pytest.raises(ConfigError):
        rate_store.window("USD", "KRW", date(2025, 6, 27), date(2025, 6, 21))
    with pytest.raises(NoRate):
        rate_store.window("USD", "TWD", date(2010, 6, 21), date(2010, 6, 27))


# ------------------------------------------------------------------ catalogue


def test_has_currency_and_info(rate_store, cache_dir, ecb_rows):
    assert all(rate_store.has_currency(c) for c in ("USD", "eur", "SAR", "DEM", "HKD", "KRW"))
    info = rate_store.info()
    assert info["store"] == str(cache_dir / "rates.sqlite3") and info["chosen_by"] == "--cache-dir"
    assert info["integrity"] == "ok" and info["last_date"] == max(ecb_rows)
    assert info["currencies"]["USD"]["first_date"] == "1999-01-04"
    assert info["currencies"]["RUB"]["last_date"] == "2022-03-01"
    assert info["currencies"]["SAR"]["last_date"] is None  # peg: open-ended
    kinds = {s["kind"] for s in info["sources"]}
    assert {"reference", "peg"} <= kinds
    assert "ecb" in info["source_notes"]
