"""The rule registry: every rule's published examples behave as it says (sqlfluff-style
runner over the registry), and the generated reference is fresh."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from claims.check import CheckOptions, check_document
from claims.documents import load_document
from claims.model import Verdict
from claims.rules import CHECKS, DIAGNOSES, RULES, code_for

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = [
    (r.code, kind, text)
    for r in RULES.values()
    for kind, text in (("bad", r.bad), ("good", r.good))
    if text
]


def codes_for(text: str, store) -> set[str]:
    doc = load_document("example.txt", text.encode())
    result = check_document(doc, store, CheckOptions(today=date(2026, 11, 29)))
    return {f.code for f in result.findings}


@pytest.mark.parametrize("code, kind, text", EXAMPLES, ids=[f"{c}-{k}" for c, k, _ in EXAMPLES])
def test_published_examples(code, kind, text, rate_store):
    found = codes_for(text, rate_store)
    if kind == "bad":
        assert code in found, found
    else:
        ok = code_for(RULES[code].check, Verdict.OK)
        assert found == {ok}, found


def test_every_rule_is_complete():
    for code, rule in RULES.items():
        assert code == rule.code and rule.name and rule.summary and rule.help, code
        assert rule.check in CHECKS, code
        assert rule.bad or rule.good, code


@pytest.mark.parametrize("check", CHECKS)
def test_every_verdict_has_a_code(check):
    for verdict in Verdict:
        code = code_for(check, verdict)
        assert RULES[code].check == check
        assert RULES[code].level == verdict.value or verdict is Verdict.UNVERIFIABLE


def test_diagnoses_are_slugs():
    for slug, meaning in DIAGNOSES.items():
        assert slug == slug.lower() and " " not in slug and meaning, slug


def test_rules_page_is_up_to_date():
    proc = subprocess.run(
        [sys.executable, "tools/gen_rules.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
