"""What the story's dates do to its findings: updated stories, and undated ones never silently."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from claims.check import CheckOptions, check_document
from claims.documents import load_document
from claims.errors import InputError
from claims.model import Verdict

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 29)
# 1 USD = 1,355.13 KRW on 2025-06-30; about 1,100 KRW in January 2015.
FIGURE = "100 trillion won ($73.79 billion)"
UNDATED = f"Lee plans to invest over {FIGURE} in public-private funds.\n"


def updated_page(published: str, modified: str | None) -> bytes:
    head = f'<meta property="article:published_time" content="{published}">'
    if modified:
        head += f'<meta property="article:modified_time" content="{modified}">'
    return (
        f"<html><head>{head}</head><body><article><p>Lee plans to invest over {FIGURE} in "
        "public-private funds, officials in Seoul said on Monday.</p><p>The plan covers "
        "chips, data centres and training, and follows a year of debate in the National "
        "Assembly about the country's technology policy.</p></article></body></html>"
    ).encode()


def money(result):
    return [f for f in result.findings if f.check == "currency-conversion"]


def test_a_figure_that_fits_only_the_modified_date_is_a_warning_naming_both(rate_store):
    doc = load_document("p.html", updated_page("2015-01-05", "2025-06-30"))
    result = check_document(doc, rate_store, CheckOptions(today=TODAY))
    (finding,) = money(result)
    assert (finding.verdict, finding.code) == (Verdict.WARNING, "CUR002")
    assert "published date 2015-01-05" in finding.message
    assert "modified date 2025-06-30" in finding.message
    assert finding.rate.date <= date(2025, 6, 30) and finding.diagnosis == "fits-modified-date"
    assert (result.as_of, result.as_of_detail, result.modified) == (
        date(2015, 1, 5),
        "meta article:published_time",
        date(2025, 6, 30),
    )


def test_without_a_modified_date_the_error_stands(rate_store):
    doc = load_document("p.html", updated_page("2015-01-05", None))
    (finding,) = money(check_document(doc, rate_store, CheckOptions(today=TODAY)))
    assert finding.verdict is Verdict.ERROR


def test_a_figure_wrong_at_both_dates_stays_an_error(rate_store):
    page = updated_page("2015-01-05", "2025-06-30").replace(b"$73.79 billion", b"$7.379 billion")
    (finding,) = money(
        check_document(load_document("p.html", page), rate_store, CheckOptions(today=TODAY))
    )
    assert finding.verdict is Verdict.ERROR and "2025-06-30" not in finding.message


def test_the_date_option_is_not_second_guessed_by_the_modified_date(rate_store):
    doc = load_document("p.html", updated_page("2025-06-30", "2015-01-05"))
    options = CheckOptions(today=TODAY, as_of=date(2015, 1, 5))
    (finding,) = money(check_document(doc, rate_store, options))
    assert finding.verdict is Verdict.ERROR


def test_undated_story_as_of_today_says_so(rate_store):
    result = check_document(
        load_document("s.txt", UNDATED.encode()), rate_store, CheckOptions(today=TODAY)
    )
    assert result.as_of_source == "today"
    assert any("no date found" in n and TODAY.isoformat() in n for n in result.notes)


def test_undated_story_unverifiable(rate_store):
    options = CheckOptions(today=TODAY, missing_date="unverifiable")
    result = check_document(load_document("s.txt", UNDATED.encode()), rate_store, options)
    (finding,) = money(result)
    assert (finding.verdict, finding.code, finding.diagnosis) == (
        Verdict.UNVERIFIABLE,
        "CUR004",
        "no-date",
    )
    assert "no date" in finding.message and finding.rate is None
    assert any("not verified" in n for n in result.notes)


def test_undated_story_error_is_an_input_problem(rate_store):
    options = CheckOptions(today=TODAY, missing_date="error")
    with pytest.raises(InputError, match="no date"):
        check_document(load_document("s.txt", UNDATED.encode()), rate_store, options)
    dated = load_document("d.txt", ("Date: 2025-06-30\n\n" + UNDATED).encode())
    (finding,) = money(check_document(dated, rate_store, options))
    assert finding.verdict is Verdict.OK
    no_figures = load_document("n.txt", b"No money here.\n")
    assert check_document(no_figures, rate_store, options).findings == ()


def run(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "claims", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )


def test_cli_missing_date_error_keeps_the_other_stories(tmp_path, store_dir):
    (tmp_path / "undated.txt").write_text(UNDATED)
    (tmp_path / "dated.txt").write_text("Date: 2025-06-30\n\n" + UNDATED)
    proc = run(
        "check",
        "--cache-dir",
        str(store_dir),
        "--missing-date",
        "error",
        "--format",
        "json",
        "undated.txt",
        "dated.txt",
        cwd=tmp_path,
    )
    assert proc.returncode == 2
    assert (
        proc.stderr.count("\n") == 1 and "undated.txt" in proc.stderr and "no date" in proc.stderr
    )
    files = json.loads(proc.stdout)["files"]
    assert [f["path"] for f in files] == ["dated.txt"]
    assert files[0]["as_of_detail"] == "Date: header"


def test_config_missing_date_and_scope(tmp_path, store_dir):
    (tmp_path / ".claims.toml").write_text('missing_date = "unverifiable"\nscope = "page"\n')
    (tmp_path / "undated.txt").write_text(UNDATED)
    proc = run(
        "check", "--cache-dir", str(store_dir), "--format", "json", "undated.txt", cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr
    (finding,) = json.loads(proc.stdout)["files"][0]["findings"]
    assert finding["verdict"] == "unverifiable"
    (tmp_path / ".claims.toml").write_text('missing_date = "sometimes"\n')
    proc = run("check", "--cache-dir", str(store_dir), "undated.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "missing_date" in proc.stderr and "unverifiable" in proc.stderr


def test_cli_scope_page_reads_the_whole_page(tmp_path, store_dir):
    page = (
        b"<html><body><nav><p>Markets: 2,000 won ($1.48)</p></nav><article>"
        + updated_page("2025-06-30", None).split(b"<article>")[1]
    )
    (tmp_path / "p.html").write_bytes(page)
    article = run("extract", "--format", "json", "p.html", cwd=tmp_path)
    whole = run("extract", "--format", "json", "--scope", "page", "p.html", cwd=tmp_path)
    assert "$1.48" not in article.stdout and "$1.48" in whole.stdout
