"""Dates: the one date parser (metadata values, datelines, --date), and its month-name data."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from claims.dates import StoryDates, dateline_date, parse_day, parse_iso, parse_stamp

ROOT = Path(__file__).resolve().parent.parent

METADATA_VALUES = [
    pytest.param("2025-06-30", date(2025, 6, 30), id="iso-day"),
    pytest.param("2025-06-30T18:09:55-07:00", date(2025, 6, 30), id="iso-timestamp-as-written"),
    pytest.param("2023-11-09T01:09:55Z", date(2023, 11, 9), id="utc-day-as-written"),
    pytest.param("2023-11-08 18:09:55", date(2023, 11, 8), id="sailthru-local"),
    pytest.param("20250630", date(2025, 6, 30), id="compact"),
    pytest.param("2025/06/30", date(2025, 6, 30), id="slashes"),
    pytest.param("30.06.2025", date(2025, 6, 30), id="dotted-day-first"),
    pytest.param("June 30, 2025", date(2025, 6, 30), id="english-written"),
    pytest.param("Jun. 30 2025", date(2025, 6, 30), id="english-abbreviated"),
    pytest.param("30 June 2025", date(2025, 6, 30), id="british-written"),
    pytest.param("30 juin 2025", date(2025, 6, 30), id="french"),
    pytest.param("30. Juni 2025", date(2025, 6, 30), id="german"),
    pytest.param("30 de junio de 2025", date(2025, 6, 30), id="spanish"),
    pytest.param("30 czerwca 2025", date(2025, 6, 30), id="polish-genitive"),
    pytest.param("30 июня 2025", date(2025, 6, 30), id="russian"),
    pytest.param("2025年6月30日", date(2025, 6, 30), id="japanese"),
    pytest.param("2025년 6월 30일", date(2025, 6, 30), id="korean"),
    pytest.param("Mon, 30 Jun 2025 10:00:00 +0000", date(2025, 6, 30), id="rfc-2822"),
    pytest.param("Fri Apr 28 19:20:36 CEST 2023", date(2023, 4, 28), id="java-timestamp"),
    pytest.param("0001-01-01T00:00:00Z", None, id="hugo-zero-date"),
    pytest.param("2025-02-30", None, id="no-such-day"),
    pytest.param("1850-01-01", None, id="before-1900"),
    pytest.param("yesterday", None, id="words"),
    pytest.param("", None, id="empty"),
]


@pytest.mark.parametrize("value, expected", METADATA_VALUES)
def test_metadata_date_values(value, expected):
    assert parse_day(value) == expected


def test_a_stamp_keeps_time_and_offset():
    stamp = parse_stamp("2023-11-08T18:09:55-07:00")
    assert stamp.time == (18, 9, 55) and stamp.offset == -420
    assert stamp.instant().isoformat() == "2023-11-09T01:09:55+00:00"
    assert parse_stamp("2023-11-08 18:09:55").offset is None  # local: no offset written


DATELINES = [
    pytest.param("SEOUL, June 30, 2025 — Lee plans", date(2025, 6, 30), id="english"),
    pytest.param("Berlin, 28.04.2023 – Die Regierung", date(2023, 4, 28), id="german-dotted"),
    pytest.param("Nuomonės2024.03.31 19:59\nPovilas", date(2024, 3, 31), id="year-first-dotted"),
    pytest.param("Do 25.04.24 | 14:07 Uhr | Von", date(2024, 4, 25), id="two-digit-year-with-time"),
    pytest.param("PARIS, 30 juin 2025 (AFP) -", date(2025, 6, 30), id="french"),
    pytest.param("Updated 2025-06-30 09:00", date(2025, 6, 30), id="iso"),
    pytest.param("Top 10 pro 2025 picks", None, id="czech-abbreviation-is-not-a-word-here"),
    pytest.param("Chapter 3 out 2025", None, id="portuguese-abbreviation-not-in-text"),
    pytest.param("version 2.1.24 build 7", None, id="version-number"),
    pytest.param("A" * 700 + " June 30, 2025", None, id="too-deep-for-a-dateline"),
]


@pytest.mark.parametrize("text, expected", DATELINES)
def test_datelines(text, expected):
    assert dateline_date(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2025-06-30", date(2025, 6, 30)),
        ("2999-01-01", date(2999, 1, 1)),
        ("2025-6-30", None),
        ("30.06.2025", None),
        ("0001-01-02", None),
        ("2025-13-01", None),
    ],
)
def test_the_date_option_is_strict_iso(text, expected):
    assert parse_iso(text) == expected


def test_story_dates_fall_back_to_the_modified_date():
    assert StoryDates(None, None, date(2026, 4, 24), "meta x").best == (date(2026, 4, 24), "meta x")
    assert StoryDates(date(2012, 1, 1), "a", date(2026, 4, 24), "b").best == (date(2012, 1, 1), "a")


def test_month_names_module_is_generated_from_cldr(tmp_path):
    """tools/gen_months.py regenerates claims/_months_data.py byte for byte."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import gen_months
    finally:
        sys.path.pop(0)
    assert gen_months.render(gen_months.collect()) == (
        ROOT / "claims" / "_months_data.py"
    ).read_text(encoding="utf-8")


def test_the_option_parser_is_the_one_date_parser():
    proc = subprocess.run(
        [sys.executable, "-m", "claims", "check", "--date", "2025-6-30", "x.txt"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 2 and "YYYY-MM-DD" in proc.stderr and "Traceback" not in proc.stderr
