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
from claims.rates.locations import store_location
from claims.rates.update import import_csv

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "rates"


def rates(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "claims", "rates", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_fred_h10_csv_is_cited_by_its_own_name_and_preferred_over_hmrc(store_dir):
    table = import_csv(
        store_location(store_dir),
        FIXTURES / "fred_h10.csv",
        "Federal Reserve H.10 (FRED)",
        fmt="fred",
    )
    assert set(table.series) == {("USD", "TWD"), ("USD", "LKR"), ("GBP", "USD")}
    assert table.frequency == "daily" and table.rows == 9  # '.' days are skipped
    store = open_store(store_dir)
    rate = store.rate("USD", "TWD", date(2025, 6, 19))  # the day before's fixing
    assert (rate.value, rate.date) == (Decimal("29.55"), date(2025, 6, 18))
    assert rate.source == "imported: Federal Reserve H.10 (FRED)" and rate.margin_pct is None
    assert store.rate("USD", "LKR", date(2025, 6, 23)).value == Decimal("300.40")
    assert store.rate("USD", "GBP", date(2025, 6, 23)).source == "ECB euro reference rate"
    assert store.rate("USD", "TWD", date(2025, 5, 2)).kind == "hmrc"  # before the table


def test_a_central_bank_csv_through_a_column_map(store_dir):
    table = import_csv(
        store_location(store_dir),
        FIXTURES / "cbk_kes.csv",
        "Central Bank of Kenya",
        fmt="columns",
        date_format="%d/%m/%Y",
        columns=["date=Date", "USD/KES=USD/KES Mean", "EUR/KES=EUR/KES Mean"],
    )
    assert table.series[("USD", "KES")] == (
        ("2025-06-19", "2025-06-20", "2025-06-23"),
        ("129.2341", "129.2500", "129.2765"),
    )
    assert len(table.series[("EUR", "KES")][0]) == 2
    rate = open_store(store_dir).rate("KES", "USD", date(2025, 6, 23))
    assert rate.source == "imported: Central Bank of Kenya"


@pytest.mark.parametrize(
    "fmt, columns, words",
    [
        ("fred", (), "not a FRED H.10 daily series"),
        ("columns", ("date=Date",), "at least one"),
        ("columns", ("date=Nope", "USD/KES=USD/KES Mean"), "naming one of the file's columns"),
        ("columns", ("when=Date", "USD/KES=USD/KES Mean"), "neither date nor BASE/QUOTE"),
    ],
    ids=["fred-on-another-file", "no-pair", "unknown-column", "bad-key"],
)
def test_a_wrong_layout_or_map_is_one_clear_error(store_dir, fmt, columns, words):
    with pytest.raises(UpdateError, match=words):
        import_csv(
            store_location(store_dir),
            FIXTURES / "cbk_kes.csv",
            "Desk",
            fmt=fmt,
            columns=columns,
            date_format="%d/%m/%Y",
        )


def test_a_wrong_date_format_names_the_line(store_dir):
    with pytest.raises(UpdateError, match="line 2"):
        import_csv(
            store_location(store_dir),
            FIXTURES / "cbk_kes.csv",
            "Desk",
            fmt="columns",
            columns=["date=Date", "USD/KES=USD/KES Mean"],
            date_format="%Y-%m-%d",
        )


def test_importing_a_pair_the_ecb_covers_says_so_and_prefer_makes_it_answer(store_dir, tmp_path):
    table = tmp_path / "krw.csv"
    table.write_text("date,base,quote,rate\n2025-06-23,USD,KRW,1390.5\n")
    proc = rates("import", str(table), "--source", "Our desk", "--cache-dir", str(store_dir))
    assert proc.returncode == 0
    assert "note: USD/KRW is answered by the ECB euro reference rate" in proc.stdout
    assert "--prefer" in proc.stdout
    assert (
        open_store(store_dir).rate("USD", "KRW", date(2025, 6, 23)).source
        == "ECB euro reference rate"
    )
    proc = rates(
        "import", str(table), "--source", "Our desk", "--prefer", "--cache-dir", str(store_dir)
    )
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


# ------------------------------------------------------------------ the IMF's representative rates

IMF = FIXTURES / "imf_rms_mth.xls"  # the TSV the IMF's monthly page exports, as named
IMF_TITLE = "Representative Exchange Rates for Selected Currencies for June 2025"


def imf_text(
    *rows: str, title: str = IMF_TITLE, days: str = "June 16, 2025\tJune 17, 2025"
) -> bytes:
    return "\r\n".join([title, f"Currency\t{days}", *rows, "", "Notes:"]).encode()


def test_the_imf_table_is_cited_by_its_own_name_and_preferred_over_hmrc(store_dir):
    assert open_store(store_dir).rate("USD", "KWD", date(2025, 6, 17)).kind == "hmrc"
    table = import_csv(store_location(store_dir), IMF, None)  # format and name: its own
    assert (table.fmt, table.source, table.frequency) == (
        "imf",
        "IMF representative rates",
        "daily",
    )
    assert ("BWP", "USD") in table.series and ("USD", "KWD") in table.series  # (1): USD per unit
    assert ("USD", "USD") not in table.series
    store = open_store(store_dir)
    rate = store.rate("USD", "KWD", date(2025, 6, 17))
    assert (rate.value, rate.source, rate.margin_pct) == (
        Decimal("0.306500"),
        "imported: IMF representative rates",
        None,
    )
    assert store.rate("USD", "KWD", date(2025, 6, 23)).date == date(2025, 6, 19)  # NA: day before
    assert store.rate("BWP", "USD", date(2025, 6, 24)).value == Decimal("0.074700")  # 'Continued'
    assert store.rate("USD", "DZD", date(2025, 6, 20)).value == Decimal("131.023900")
    assert store.rate("USD", "KRW", date(2025, 6, 17)).source == "ECB euro reference rate"


def test_the_imf_table_reads_thousands_separators_as_written():
    from claims.rates.importing import parse_import

    table = parse_import(IMF.read_bytes(), None, "imf")
    dates, values = table.series[("USD", "KRW")]
    assert dict(zip(dates, values, strict=True))["2025-06-16"] == "1361.200000"


def test_the_imf_table_saved_as_csv_reads_the_same():
    import csv
    import io

    from claims.rates.importing import parse_import

    rows = list(csv.reader(io.StringIO(IMF.read_text()), delimiter="\t"))
    out = io.StringIO()
    csv.writer(out).writerows(rows)  # as Excel's 'Save as CSV'
    as_csv = parse_import(out.getvalue().encode(), None, "imf.csv")
    assert as_csv.fmt == "imf"
    assert as_csv.series == parse_import(IMF.read_bytes(), None, "imf").series


def test_imf_months_downloaded_one_by_one_import_as_one_file():
    from claims.rates.importing import parse_import

    july = imf_text(
        "Kuwaiti dinar\t0.3058\t0.3061",
        title=IMF_TITLE.replace("June", "July"),
        days="July 01, 2025\tJuly 02, 2025",
    )
    table = parse_import(IMF.read_bytes() + july + b"\r\n(1) which are ...\r\n", None, "imf")
    dates, values = table.series[("USD", "KWD")]
    assert dates[0] == "2025-06-16" and dates[-2:] == ("2025-07-01", "2025-07-02")
    assert values[-1] == "0.3061"


@pytest.mark.parametrize(
    "rows, note",
    [
        (("Venezuelan bolivar\t36.1\t36.2",), "'Venezuelan bolivar' could be VES or VEB: left out"),
        (("Atlantis crown\t3.1\t3.2",), "'Atlantis crown' is not a currency claims can name"),
        (
            ("Libyan dinar(2)\t4.8\t4.9",),
            "'Libyan dinar' carries note (2), whose unit claims does not",
        ),
    ],
    ids=["ambiguous-name", "unknown-name", "unknown-footnote"],
)
def test_an_imf_row_claims_cannot_read_for_sure_is_left_out_with_a_note(rows, note):
    from claims.rates.importing import parse_import

    table = parse_import(imf_text("Kuwaiti dinar\t0.3064\t0.3065", *rows), None, "imf")
    assert set(table.series) == {("USD", "KWD")}
    assert any(note in n for n in table.notes)


@pytest.mark.parametrize(
    "data, words",
    [
        (
            imf_text("Euro\t0.85079\t0.84831", title="SDRs per Currency unit for June 2025"),
            "the IMF's SDR table",
        ),
        (imf_text("Euro(1)\t1.1558\t1.1481", title=""), "no 'Representative Exchange Rates"),
        (
            imf_text("U.S. dollar\t0.733124\t0.736066", "Euro\t0.85\t0.84"),
            "U.S. dollar row is not 1",
        ),
        (
            imf_text("Euro(1)\t1.1558\t1.1481", days="16/06/2025\t17/06/2025"),
            "is not a day such as",
        ),
        (imf_text("Kuwaiti dinar\t0.000000\t0.3065"), "is not a positive decimal"),
        (imf_text("Kuwaiti dinar\t-0.3064\t0.3065"), "is not a positive decimal"),
        (
            imf_text(
                "Kuwaiti dinar\t0.3064\t0.3065",
                "",
                "Currency\tJune 17, 2025",
                "Kuwaiti dinar\t0.3070",
            ),
            "given twice with different rates",
        ),
        (b"PK\x03\x04\x14\x00\x06\x00", "a binary spreadsheet"),
    ],
    ids=[
        "sdr-table",
        "no-title",
        "usd-not-1",
        "bad-day",
        "zero-rate",
        "negative-rate",
        "conflicting-repeat",
        "xlsx",
    ],
)
def test_a_bad_imf_file_is_refused_with_one_clear_error(data, words, store_dir, tmp_path):
    location = store_location(store_dir)
    import_csv(location, IMF, None)
    bad = tmp_path / "rms_mth.xls"
    bad.write_bytes(data)
    with pytest.raises(UpdateError, match=words):
        import_csv(location, bad, None, fmt="imf")
    rate = open_store(store_dir).rate("USD", "KWD", date(2025, 6, 17))  # the last good one stays
    assert rate.source == "imported: IMF representative rates"


# ------------------------------------------------------------------ the Fed's H.10 Data Download Program

DDP = FIXTURES / "h10_ddp.csv"
DDP_HEAD = [
    '"Series Description","Taiwan Dollar"',
    '"Unit:","Currency"',
    '"Multiplier:","1"',
    '"Currency:","TWD"',
    '"Unique Identifier: ","H10/H10/RXI_N.B.TA"',
    '"Time Period","RXI_N.B.TA"',
]


def ddp_text(*lines: str, head=DDP_HEAD) -> bytes:
    return "\n".join([*head, *lines]).encode()


def test_an_h10_ddp_csv_is_read_with_its_header_rows_and_preferred_over_hmrc(store_dir):
    table = import_csv(store_location(store_dir), DDP, None)
    assert (table.fmt, table.source) == ("h10", "Federal Reserve H.10")
    assert set(table.series) == {("EUR", "USD"), ("USD", "TWD"), ("USD", "LKR"), ("USD", "JPY")}
    assert table.rows == 20  # ND days and the index left out
    assert table.notes == (
        "'H10/H10/JRXWTFB_N.B' is not an H.10 daily exchange-rate series: left out",
    )
    store = open_store(store_dir)
    rate = store.rate("TWD", "USD", date(2025, 6, 19))
    assert (rate.date, rate.source, rate.kind) == (
        date(2025, 6, 18),
        "imported: Federal Reserve H.10",
        "imported",
    )
    assert rate.value == Decimal("0.0338409475465")  # 1 / 29.5500, 12 digits
    assert store.rate("USD", "LKR", date(2025, 6, 23)).value == Decimal("300.4000")


def test_the_h10_ddp_series_row_layout_reads_the_same(store_dir):
    from claims.rates.importing import parse_import

    by_row = (
        '"Descriptions:","Unit:","Multiplier:","Currency:","Unique Identifier:",'
        '"Series Name:",2025-06-16,2025-06-17,2025-06-19\n'
        '"Euro-Area Euro","Currency","1","EUR",H10/H10/RXI$US_N.B.EU,RXI$US_N.B.EU,'
        "1.1566,1.1488,ND\n"
        '"Taiwan Dollar","Currency","1","TWD",H10/H10/RXI_N.B.TA,RXI_N.B.TA,29.5400,29.5600,ND\n'
    )
    table = parse_import(by_row.encode(), None, "by-row.csv")
    assert table.fmt == "h10"
    assert table.series == {
        ("EUR", "USD"): (("2025-06-16", "2025-06-17"), ("1.1566", "1.1488")),
        ("USD", "TWD"): (("2025-06-16", "2025-06-17"), ("29.5400", "29.5600")),
    }


def test_the_older_h10_ddp_layout_with_per_currency_units_reads_the_same():
    from claims.rates.importing import parse_import

    old = [
        '"Series Description","SPOT EXCHANGE RATE - EURO AREA","SPOT EXCHANGE RATE - BRAZIL"',
        '"Unit:","Currency:_Per_EUR","Currency:_Per_USD"',
        '"Multiplier:","1","1"',
        '"Currency:","USD","BRL"',
        '"Unique Identifier: ","H10/H10/RXI$US_N.B.EU","H10/H10/RXI_N.B.BZ"',
        '"Time Period","RXI$US_N.B.EU","RXI_N.B.BZ"',
    ]
    table = parse_import(ddp_text("2021-02-19,1.2136,5.3938", head=old), None, "old.csv")
    assert table.series == {
        ("EUR", "USD"): (("2021-02-19",), ("1.2136",)),
        ("USD", "BRL"): (("2021-02-19",), ("5.3938",)),
    }


@pytest.mark.parametrize(
    "head, words",
    [
        (
            [h.replace("TWD", "VEB").replace(".TA", ".VE") for h in DDP_HEAD],
            "says currency VEB, not VEF: left out",
        ),
        ([h.replace(".TA", ".XX") for h in DDP_HEAD], "country code 'XX' is not one claims knows"),
    ],
    ids=["currency-disagrees", "unknown-country"],
)
def test_an_h10_series_claims_cannot_read_for_sure_is_left_out_with_a_note(head, words):
    from claims.rates.importing import parse_import

    head = [
        f"{h},{extra}"
        for h, extra in zip(
            head,
            (
                '"Japanese Yen"',
                '"Currency"',
                '"1"',
                '"JPY"',
                '"H10/H10/RXI_N.B.JA"',
                '"RXI_N.B.JA"',
            ),
            strict=True,
        )
    ]
    table = parse_import(ddp_text("2025-06-16,29.54,144.31", head=head), None, "ddp.csv")
    assert set(table.series) == {("USD", "JPY")}
    assert words in table.notes[0]


@pytest.mark.parametrize(
    "data, words",
    [
        (
            ddp_text("2025-06-16,29.54", head=[h.replace('"1"', '"1000"') for h in DDP_HEAD]),
            "multiplier '1000'",
        ),
        (ddp_text(*DDP_HEAD[:1], head=DDP_HEAD[:2]), "no 'Time Period' header row"),
        (ddp_text("16/06/2025,29.54"), "is not YYYY-MM-DD"),
        (ddp_text("2025-06-16,29.54", "2025-06-16,29.61"), "given twice with different rates"),
        (ddp_text("2025-06-16,NaN"), "is not a positive decimal"),
        (ddp_text("2025-06-16,ND"), "no rows of rates"),
    ],
    ids=["multiplier", "no-time-period", "bad-date", "conflicting-repeat", "nan", "nothing"],
)
def test_a_bad_h10_ddp_file_is_refused_with_one_clear_error(data, words, tmp_path, store_dir):
    bad = tmp_path / "FRB_H10.csv"
    bad.write_bytes(data)
    with pytest.raises(UpdateError, match=words):
        import_csv(store_location(store_dir), bad, None)


# ------------------------------------------------------------------ telling the layouts apart


@pytest.mark.parametrize(
    "name, fmt",
    [
        ("fred_h10.csv", "fred"),
        ("h10_ddp.csv", "h10"),
        ("imf_rms_mth.xls", "imf"),
        ("cbk_kes.csv", "table"),
    ],
    ids=["fred", "h10-ddp", "imf", "anything-else-is-a-table"],
)
def test_the_format_is_told_by_the_files_own_header(name, fmt):
    from claims.rates.layouts import detect

    assert detect((FIXTURES / name).read_text("utf-8")) == fmt


def test_a_plain_table_without_source_is_refused_and_official_series_need_none(store_dir, tmp_path):
    table = tmp_path / "twd.csv"
    table.write_text("date,base,quote,rate\n2025-06-23,USD,TWD,29.6\n")
    proc = rates("import", str(table), "--cache-dir", str(store_dir))
    assert proc.returncode == 2 and "--source must name who published" in proc.stderr
    proc = rates("import", str(IMF), "--cache-dir", str(store_dir))
    assert proc.returncode == 0
    assert "as 'imported: IMF representative rates'" in proc.stdout and "(imf)" in proc.stdout
    assert (
        "note: EUR/USD, GBP/USD, USD/CNY, USD/JPY, USD/KRW are answered by the ECB" in proc.stdout
    )


def test_every_source_is_asked_in_one_order_and_stale_ecb_data_is_not_passed_to_hmrc(rate_store):
    from datetime import timedelta

    from claims.errors import StaleData
    from claims.rates.store import ORDER

    day = rate_store.last_date() + timedelta(days=10)
    trace = dict(rate_store.trace("USD", "KRW", day))
    assert list(trace) == [name for name in ORDER if name != "preferred imports"]
    assert isinstance(trace["ECB euro reference rates and pegs"], StaleData)
    assert trace["HMRC monthly rates"].startswith("not asked: the ECB quotes both")
    with pytest.raises(StaleData):  # the answer says so too: no HMRC rate
        rate_store.rate("USD", "KRW", day)
    trace = dict(rate_store.trace("USD", "TWD", date(2025, 6, 20)))
    assert trace["imports"] is None and trace["HMRC monthly rates"].kind == "hmrc"


def test_the_readme_import_commands_work_on_files_in_each_layout(store_dir, tmp_path):
    import os
    import re
    import shlex

    readme = (ROOT / "README.md").read_text("utf-8").replace("\\\n", " ")
    commands = re.findall(r"^claims rates import .*$", readme, flags=re.M)
    assert len(commands) == 4
    for name, fixture in (
        ("fred.csv", "fred_h10.csv"),
        ("h10.csv", "h10_ddp.csv"),
        ("imf.tsv", "imf_rms_mth.xls"),
        ("cbk.csv", "cbk_kes.csv"),
    ):
        (tmp_path / name).write_bytes((FIXTURES / fixture).read_bytes())
    for command in commands:
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "claims",
                *shlex.split(command)[1:],
                "--cache-dir",
                str(store_dir),
            ],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert proc.returncode == 0, (command, proc.stderr)
        assert proc.stdout.startswith("imported: ")
    assert (
        "1 USD = 29.53 TWD"
        in rates("show", "USD", "TWD", "--date", "2025-06-20", "--cache-dir", str(store_dir)).stdout
    )
