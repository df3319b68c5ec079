"""Unit and arithmetic claims through the command line: ok sentences exit 0, broken ones exit 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

CASES = [
    pytest.param(
        "The line runs 100 km (62 miles) along the coast.",
        "The line runs 100 km (68 miles) along the coast.",
        "unit-conversion",
        id="length",
    ),
    pytest.param(
        "Parts of Spain saw the mercury climb past 40C (104F).",
        "Parts of Spain saw the mercury climb past 40C (114F).",
        "unit-conversion",
        id="temperature",
    ),
    pytest.param(
        "Sales rose from $1.2 million to $1.5 million, a 25% increase.",
        "Sales rose from $1.2 million to $1.5 million, a 45% increase.",
        "arithmetic",
        id="percent-change",
    ),
    pytest.param(
        "Among the judges, 56 of the 90 judges (62%) backed the motion.",
        "Among the judges, 56 of the 90 judges (52%) backed the motion.",
        "arithmetic",
        id="share",
    ),
]


def check(tmp_path: Path, text: str, cli):
    story = tmp_path / "story.txt"
    story.write_text(text, encoding="utf-8")
    code, out, _ = cli("check", str(story), "--date", "2025-06-30", "--format", "json")
    return code, json.loads(out)["files"][0]["findings"]


@pytest.mark.parametrize("good, bad, check_name", CASES)
def test_good_then_broken(tmp_path, cli, good, bad, check_name):
    code, findings = check(tmp_path, good, cli)
    assert code == 0
    assert [(f["check"], f["verdict"]) for f in findings] == [(check_name, "ok")]
    code, findings = check(tmp_path, bad, cli)
    assert code == 1
    assert [(f["check"], f["verdict"]) for f in findings] == [(check_name, "error")]
