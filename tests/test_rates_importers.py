"""Importers for official series a newsroom downloads itself (fixtures in the real layouts)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from claims.errors import UpdateError
from claims.rates import open_store
from claims.rates.importing import import_csv
from claims.rates.locations import store_location

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "rates"


def rates(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claims", "rates", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_a_fred_h10_csv_is_cited_by_its_own_name_and_preferred_over_hmrc(store_dir):
    table = import_csv(store_location(store_dir), FIXTURES / "fred_h10.csv",
                       "Federal Reserve H.10 (FRED)", fmt="fred")
    assert set(table.series) == {("USD", "TWD"), ("USD", "LKR"), ("GBP", "USD")}
    assert table.frequency == "daily" and table.rows == 9          # '.' days are skipped
    store = open_store(store_dir)
    rate = store.rate("USD", "TWD", date(2025, 6, 19))               # the day before's fixing
    assert (rate.value, rate.date) == (Decimal("29.55"), date(2025, 6, 18))
    assert rate.source == "imported: Federal Reserve H.10 (FRED)" and rate.margin_pct is None
    assert store.rate("USD", "LKR", date(2025, 6, 23)).value == Decimal("300.40")
    assert store.rate("USD", "GBP", date(2025, 6, 23)).source == "ECB euro reference rate"
    assert store.rate("USD", "TWD", date(2025, 5, 2)).kind == "hmrc"  # before the table


def test_a_central_bank_csv_through_a_column_map(store_dir):
    table = import_csv(store_location(store_dir), FIXTURES / "cbk_kes.csv",
                       "Central Bank of Kenya", fmt="columns", date_format="%d/%m/%Y",
                       columns=["date=Date", "USD/KES=USD/KES Mean", "EUR/KES=EUR/KES Mean"])
    assert table.series[("USD", "KES")] == (("2025-06-19", "2025-06-20", "2025-06-23"),
                                            ("129.2341", "129.2500", "129.2765"))
    assert len(table.series[("EUR", "KES")][0]) == 2
    rate = open_store(store_dir).rate("KES", "USD", date(2025, 6, 23))
    assert rate.source == "imported: Central Bank of Kenya"


@pytest.mark.parametrize("fmt, columns, words", [
    ("fred", (), "not a FRED H.10 daily series"),
    ("columns", ("date=Date",), "at least one"),
    ("columns", ("date=Nope", "USD/KES=USD/KES Mean"), "naming one of the file's columns"),
    ("columns", ("when=Date", "USD/KES=USD/KES Mean"), "neither date nor BASE/QUOTE"),
], ids=["fred-on-another-file", "no-pair", "unknown-column", "bad-key"])
def test_a_wrong_layout_or_map_is_one_clear_error(store_dir, fmt, columns, words):
    with pytest.raises(UpdateError, match=words):
        import_csv(store_location(store_dir), FIXTURES / "cbk_kes.csv", "Desk", fmt=fmt,
                   columns=columns, date_format="%d/%m/%Y")


def test_a_wrong_date_format_names_the_line(store_dir):
    with pytest.raises(UpdateError, match="line 2"):
        import_csv(store_location(store_dir), FIXTURES / "cbk_kes.csv", "Desk", fmt="columns",
                   columns=["date=Date", "USD/KES=USD/KES Mean"], date_format="%Y-%m-%d")


def test_importing_a_pair_the_ecb_covers_says_so_and_prefer_makes_it_answer(store_dir, tmp_path):
    table = tmp_path / "krw.csv"
    table.write_text("date,base,quote,rate\n2025-06-23,USD,KRW,1390.5\n")
    proc = rates("import", str(table), "--source", "Our desk", "--cache-dir", str(store_dir))
    assert proc.returncode == 0
    assert "note: USD/KRW is answered by the ECB euro reference rate" in proc.stdout
    assert "--prefer" in proc.stdout
    assert open_store(store_dir).rate("USD", "KRW", date(2025, 6, 23)).source == \
        "ECB euro reference rate"
    proc = rates("import", str(table), "--source", "Our desk", "--prefer",
                 "--cache-dir", str(store_dir))
    assert proc.returncode == 0 and "note:" not in proc.stdout and "preferred" in proc.stdout
    rate = open_store(store_dir).rate("USD", "KRW", date(2025, 6, 23))
    assert (rate.source, rate.value) == ("imported: Our desk", Decimal("1390.5"))


def test_show_says_which_source_answers_and_why(store_dir):
    proc = rates("show", "USD", "TWD", "--date", "2025-06-20", "--cache-dir", str(store_dir))
    assert proc.returncode == 0
    assert "HMRC monthly rate for 2025-06, GBP cross" in proc.stdout
    assert "ECB euro reference rates and pegs: cannot: no source has TWD" in proc.stdout
    assert "HMRC monthly rates: answers" in proc.stdout and "margin:" in proc.stdout


def test_info_lists_every_source_with_coverage_frequency_and_margin(store_dir):
    out = rates("info", "--cache-dir", str(store_dir)).stdout
    assert "ECB euro reference rate: 41 series, 1999-01-04 to" in out and ", daily, margin" in out
    assert "HMRC monthly rate (HMRC):" in out and "monthly, margin calibrated" in out
    assert "pegs:" in out and "fixed" in out
