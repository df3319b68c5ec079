"""Issue 4's acceptance on the command line: the seed story, as published and broken."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "korea-herald-june-2025.txt"


def check(cli, path: Path, *extra: str):
    return cli("check", str(path), "--date", "2025-06-30", "--format", "json", *extra, cwd=ROOT)


def test_seed_story_is_clean(cli):
    code, out, err = check(cli, SEED)
    assert code == 0, err
    report = json.loads(out)
    money = [f for f in report["files"][0]["findings"] if f["check"] == "currency-conversion"]
    assert [f["verdict"] for f in money] == ["ok", "ok"]
    assert report["summary"]["error"] == 0
    assert report["files"][0]["as_of_source"] == "option"


def test_broken_seed_story_gives_two_errors_and_exit_1(tmp_path, cli):
    broken = tmp_path / "broken.txt"
    broken.write_text(
        SEED.read_text(encoding="utf-8")
        .replace("($72.29 billion)", "($62.29 billion)")
        .replace("($93.52 million)", "($93.52 billion)"),
        encoding="utf-8",
    )
    code, out, err = check(cli, broken)
    assert code == 1, err
    errors = [f for f in json.loads(out)["files"][0]["findings"] if f["verdict"] == "error"]
    assert len(errors) == 2
    assert errors[1]["diagnosis"] == "wrong-scale"
    assert errors[0]["expected"]["text"] == "$73.79 billion"
    assert errors[0]["rate"]["source"] == "ECB euro reference rate"
    assert check(cli, broken, "--fail-on", "never")[0] == 0
