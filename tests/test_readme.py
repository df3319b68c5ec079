"""The README's examples run as tests: each `$ claims ...` block prints what the README shows."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"```text\n(.*?)```", re.S)


def examples() -> list[tuple[str, str]]:
    """(command, expected output) for every `$ claims` line in the README's text blocks."""
    found = []
    for block in BLOCK.findall(README):
        parts = re.split(r"^\$ (claims .*)$", block, flags=re.M)
        for command, output in zip(parts[1::2], parts[2::2], strict=True):
            found.append((command, output.strip("\n")))
    return found


EXAMPLES = examples()


def test_readme_has_examples():
    assert len(EXAMPLES) >= 2


@pytest.mark.parametrize("command, expected", EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_example(command, expected, cli):
    _, out, _ = cli(*shlex.split(command)[1:], cwd=ROOT)
    assert out.strip("\n") == expected


def test_quick_start_commands_are_the_ci_commands():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pip install '.[test,lang]' && python -m pytest" in README
    assert "python -m pip install -q '.[test,lang]'" in ci and "python -m pytest" in ci


def test_the_json_example_of_each_check_is_what_claims_prints(cli):
    """The README's JSON findings are the current output (the rate dataset's build stamp aside)."""
    import json

    section = README.split("#### One finding of each check in JSON", 1)[1].split("\n#", 1)[0]
    shown = [json.loads(b) for b in re.findall(r"```json\n(.*?)```", section, re.S)]
    _, out, _ = cli("check", "examples/contract/three-checks.txt", "--format", "json", cwd=ROOT)
    findings = json.loads(out)["files"][0]["findings"]
    for f in shown + findings:
        if f.get("rate"):
            f["rate"]["dataset"] = "..."
    assert {f["check"] for f in shown} == {"currency-conversion", "unit-conversion", "arithmetic"}
    assert shown == findings
