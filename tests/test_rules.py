"""Every rule's published examples behave as the rule reference says (docs/rules.md)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from claims.check import CheckOptions, check_document
from claims.check.currency import CODES as CURRENCY_CODES
from claims.codes import CODES
from claims.documents import load_document

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = [(code, kind, text) for code, (_, _, bad, good) in sorted(CURRENCY_CODES.items())
            for kind, text in (("bad", bad), ("good", good)) if text]


def codes_for(text: str, store) -> set[str]:
    doc = load_document("example.txt", text.encode())
    result = check_document(doc, store, CheckOptions(today=date(2026, 11, 29)))
    assert result.as_of_source == "text"
    return {f.code for f in result.findings}


@pytest.mark.parametrize("code, kind, text", EXAMPLES,
                         ids=[f"{c}-{k}" for c, k, _ in EXAMPLES])
def test_currency_examples(code, kind, text, rate_store):
    found = codes_for(text, rate_store)
    if kind == "bad" or code == "CUR003":
        assert code in found, found
    else:
        assert code not in found, found
        assert found <= {"CUR003"}, found


def test_every_code_is_documented():
    assert set(CURRENCY_CODES) <= set(CODES)
    for code, entry in CODES.items():
        assert entry.name and entry.short and entry.help, code


def test_rules_page_is_up_to_date():
    proc = subprocess.run([sys.executable, "tools/gen_rules.py", "--check"], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
