"""``claims rates ...`` through a real subprocess: output, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def claims(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k != "CLAIMS_CACHE_DIR"}
    return subprocess.run(
        [sys.executable, "-m", "claims", "rates", *args],
        cwd=ROOT,
        env={**base, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


def fails_with_one_line(proc: subprocess.CompletedProcess, *words: str) -> None:
    assert proc.returncode == 2, proc
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("claims:"), proc.stderr
    assert "Traceback" not in proc.stderr
    for word in words:
        assert word in proc.stderr


def test_show_text(store_dir):
    proc = claims("show", "USD", "KRW", "--date", "2025-06-23", "--cache-dir", str(store_dir))
    assert proc.returncode == 0 and proc.stderr == ""
    first = proc.stdout.splitlines()[0]
    assert first.startswith("1 USD = 1388.15") and "KRW" in first
    assert "2025-06-23" in first and "ECB euro reference rate" in first


def test_show_saturday_names_the_fixing_used(store_dir):
    proc = claims("show", "USD", "KRW", "--date", "2025-06-21", "--cache-dir", str(store_dir))
    assert proc.returncode == 0
    assert "fixing of 2025-06-20" in proc.stdout and "2025-06-21" in proc.stdout


def test_show_json(store_dir):
    proc = claims(
        "show",
        "usd",
        "krw",
        "--date",
        "2025-06-21",
        "--format",
        "json",
        "--cache-dir",
        str(store_dir),
    )
    assert proc.returncode == 0
    data = json.loads(proc.stdout)
    assert set(data) == {
        "base",
        "quote",
        "value",
        "date",
        "requested_date",
        "source",
        "dataset",
        "kind",
        "frequency",
        "margin_pct",
    }
    assert (data["frequency"], data["margin_pct"]) == ("daily", None)
    assert isinstance(data["value"], str) and Decimal(data["value"]) > 1300
    assert (data["date"], data["requested_date"]) == ("2025-06-20", "2025-06-21")
    assert data["kind"] == "reference"


def test_show_peg(store_dir):
    proc = claims(
        "show",
        "USD",
        "SAR",
        "--date",
        "2025-06-21",
        "--format",
        "json",
        "--cache-dir",
        str(store_dir),
    )
    data = json.loads(proc.stdout)
    assert (data["value"], data["kind"], data["source"]) == (
        "3.75",
        "peg",
        "peg: Saudi Central Bank",
    )


@pytest.mark.parametrize(
    "args, words",
    [
        (("USD", "XYZ", "--date", "2025-06-23"), ["unknown currency", "XYZ"]),
        (("USD", "TWD", "--date", "2014-01-10"), ["TWD"]),
        (("USD", "KRW", "--date", "2999-01-01"), ["ECB data ends"]),
        (("USD", "KRW", "--date", "1990-01-01"), ["1999-01-04"]),
        (("USD", "KRW", "--date", "2025-02-30"), ["--date"]),
        (("USD", "KRW", "--date", "23/06/2025"), ["--date"]),
        (("USD", "KRW", "--date", "20250623"), ["--date"]),
        (("USD", "KRW"), ["--date"]),
    ],
    ids=[
        "unknown",
        "no-source-before-hmrc",
        "stale",
        "too-early",
        "no-such-day",
        "dmy",
        "compact",
        "missing-date",
    ],
)
def test_show_errors_are_one_line_exit_2(store_dir, args, words):
    fails_with_one_line(claims("show", *args, "--cache-dir", str(store_dir)), *words)


def test_info(store_dir):
    proc = claims("info", "--cache-dir", str(store_dir))
    assert proc.returncode == 0
    out = proc.stdout
    assert str(store_dir / "rates.sqlite3") in out and "--cache-dir" in out
    assert "ECB euro reference rate" in out and "peg: Saudi Central Bank" in out
    assert "USD  1999-01-04 to " in out
    data = json.loads(claims("info", "--format", "json", "--cache-dir", str(store_dir)).stdout)
    assert data["currencies"]["USD"]["first_date"] == "1999-01-04" and data["integrity"] == "ok"


def test_env_var_chooses_the_store(store_dir):
    proc = claims("info", env={"CLAIMS_CACHE_DIR": str(store_dir)})
    assert (
        proc.returncode == 0 and "CLAIMS_CACHE_DIR" in proc.stdout and str(store_dir) in proc.stdout
    )


def test_import_then_show(store_dir, tmp_path):
    table = tmp_path / "twd.csv"
    table.write_text("date,base,quote,rate\n2025-06-20,USD,TWD,29.535\n2025-06-23,USD,TWD,29.612\n")
    proc = claims(
        "import",
        str(table),
        "--source",
        "Central Bank of the Republic of China (Taiwan)",
        "--cache-dir",
        str(store_dir),
    )
    assert proc.returncode == 0 and "USD/TWD" in proc.stdout
    shown = json.loads(
        claims(
            "show",
            "USD",
            "TWD",
            "--date",
            "2025-06-22",
            "--format",
            "json",
            "--cache-dir",
            str(store_dir),
        ).stdout
    )
    assert (shown["value"], shown["date"], shown["kind"]) == ("29.535", "2025-06-20", "imported")
    assert shown["source"] == "imported: Central Bank of the Republic of China (Taiwan)"


def test_import_errors_are_one_line_exit_2(store_dir, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("date,base,quote,rate\n2025-06-20,USD,TWD,lots\n")
    fails_with_one_line(
        claims("import", str(bad), "--source", "Desk", "--cache-dir", str(store_dir)), "line 2"
    )
    fails_with_one_line(
        claims(
            "import", str(tmp_path / "nope.csv"), "--source", "Desk", "--cache-dir", str(store_dir)
        ),
        "nope.csv",
    )
    fails_with_one_line(claims("import", str(bad), "--cache-dir", str(store_dir)), "--source")


def test_corrupted_store_is_rebuilt_from_the_cli(store_dir):
    (store_dir / "rates.sqlite3").write_bytes(b"\x00garbage" * 1000)
    proc = claims("show", "USD", "KRW", "--date", "2025-06-23", "--cache-dir", str(store_dir))
    assert proc.returncode == 0 and "1388.15" in proc.stdout


def test_unusable_cache_dir_is_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    fails_with_one_line(
        claims("show", "USD", "KRW", "--date", "2025-06-23", "--cache-dir", str(blocker)),
        str(blocker),
    )
