"""One real process per command (`python -m claims`): what in-process tests cannot show —
the interpreter's own console encoding, a pipe named /dev/stdin, exit codes as the shell sees
them, no traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORY = "서울 — Lee plans to invest over 100 trillion won ($62.29 billion) in ₩ funds.\n"


def claims(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None, cwd: Path = ROOT
) -> subprocess.CompletedProcess:
    full = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1", **(env or {})}
    full.pop("CLAIMS_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "claims", *args],
        input=stdin,
        env=full,
        cwd=cwd,
        capture_output=True,
        timeout=300,
    )


def test_check_reads_a_dev_stdin_pipe_and_writes_utf8_on_an_ascii_console(cache_dir):
    proc = claims(
        "check",
        "/dev/stdin",
        "--date",
        "2025-06-30",
        "--format",
        "json",
        "--cache-dir",
        str(cache_dir),
        stdin=STORY.encode(),
        env={"PYTHONIOENCODING": "ascii", "LC_ALL": "C"},
    )
    assert b"Traceback" not in proc.stderr
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout.decode("utf-8"))
    (finding,) = data["files"][0]["findings"]
    assert finding["code"] == "CUR001" and data["files"][0]["path"] == "/dev/stdin"


def test_check_text_on_an_ascii_console_does_not_crash(cache_dir, tmp_path):
    story = tmp_path / "서울.txt"
    story.write_text(STORY, encoding="utf-8")
    proc = claims(
        "check",
        str(story),
        "--date",
        "2025-06-30",
        "--cache-dir",
        str(cache_dir),
        env={"PYTHONIOENCODING": "ascii"},
    )
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr
    proc.stdout.decode("ascii")
    assert b"\\uc11c\\uc6b8.txt:1:" in proc.stdout


def test_extract(cache_dir):
    proc = claims(
        "extract", "-", "--format", "json", "--cache-dir", str(cache_dir), stdin=STORY.encode()
    )
    assert proc.returncode == 0, proc.stderr
    (conversion,) = json.loads(proc.stdout)["files"][0]["conversions"]
    assert conversion["original"]["unit"] == "KRW"


def test_rules():
    proc = claims("rules", "CUR001")
    assert proc.returncode == 0 and proc.stdout.startswith(b"CUR001  conversion-mismatch")


def test_no_command_and_a_typo():
    proc = claims()
    assert proc.returncode == 2 and proc.stdout.startswith(b"usage: claims")
    proc = claims("chek")
    assert proc.returncode == 2 and b"did you mean 'check'?" in proc.stderr
    assert proc.stderr.count(b"\n") == 1
