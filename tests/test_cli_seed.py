"""Issue 4's acceptance on the command line: the seed story, as published and broken."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "korea-herald-june-2025.txt"


def check(path: Path, cache_dir: Path, *extra: str):
    return subprocess.run([sys.executable, "-m", "claims", "check", str(path), "--date", "2025-06-30",
                           "--format", "json", "--cache-dir", str(cache_dir), *extra],
                          cwd=ROOT, capture_output=True, text=True)


def test_seed_story_is_clean(cache_dir):
    proc = check(SEED, cache_dir)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    money = [f for f in report["files"][0]["findings"] if f["check"] == "currency-conversion"]
    assert [f["verdict"] for f in money] == ["ok", "ok"]
    assert report["summary"]["error"] == 0
    assert report["files"][0]["as_of_source"] == "option"


def test_broken_seed_story_gives_two_errors_and_exit_1(tmp_path, cache_dir):
    broken = tmp_path / "broken.txt"
    broken.write_text(SEED.read_text(encoding="utf-8")
                      .replace("($72.29 billion)", "($62.29 billion)")
                      .replace("($93.52 million)", "($93.52 billion)"), encoding="utf-8")
    proc = check(broken, cache_dir)
    assert proc.returncode == 1, proc.stderr
    errors = [f for f in json.loads(proc.stdout)["files"][0]["findings"] if f["verdict"] == "error"]
    assert len(errors) == 2
    assert errors[1]["diagnosis"] == "wrong-scale"
    assert errors[0]["expected"]["text"] == "$73.79 billion"
    assert errors[0]["rate"]["source"] == "ECB euro reference rate"
    assert check(broken, cache_dir, "--fail-on", "never").returncode == 0
