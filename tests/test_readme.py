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
