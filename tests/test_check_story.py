"""Stories end to end through the core: extraction, the real rate store, the verdicts.

The seed story's acceptance criteria (issue 4) and readings that need the real store.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from claims.check import CheckOptions, check_document
from claims.documents import load_document
from claims.model import Verdict

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "examples" / "korea-herald-june-2025.txt").read_text(encoding="utf-8")
AS_OF = date(2025, 6, 30)


def check(text: str, store, as_of: date = AS_OF, name: str = "story.txt"):
    doc = load_document(name, text.encode("utf-8"))
    return check_document(doc, store, CheckOptions(today=date(2026, 11, 29), as_of=as_of))


def money_findings(result):
    return [f for f in result.findings if f.check == "currency-conversion"]


def test_seed_story_both_conversions_ok(rate_store):
    result = check(SEED, rate_store)
    found = money_findings(result)
    assert [f.verdict for f in found] == [Verdict.OK, Verdict.OK], [f.message for f in found]
    won, kroner = found
    assert won.text.startswith("100 trillion won") and "$72.29 billion" in won.text
    assert kroner.converted.unit == "USD" and kroner.original.unit == "NOK"
    assert won.rate.source.startswith("ECB") and won.rate.date == AS_OF
    assert result.as_of_source == "option"


def test_seed_story_with_broken_figures_gives_two_errors(rate_store):
    broken = SEED.replace("($72.29 billion)", "($62.29 billion)").replace(
        "($93.52 million)", "($93.52 billion)"
    )
    found = money_findings(check(broken, rate_store))
    assert [f.verdict for f in found] == [Verdict.ERROR, Verdict.ERROR]
    assert found[1].diagnosis == "wrong-scale"
    assert found[1].expected.text == "$93.5 million" or found[1].expected.text.endswith("million")


def test_seed_story_without_date_is_judged_as_of_today_with_stale_data(rate_store):
    doc = load_document("seed.txt", SEED.encode())
    result = check_document(doc, rate_store, CheckOptions(today=date(2026, 11, 29)))
    assert result.as_of_source == "today"
    assert result.notes and "claims rates update" in result.notes[0]
    assert all(f.verdict is not Verdict.ERROR for f in money_findings(result))


def test_dateline_in_text_sets_as_of(rate_store):
    text = "SEOUL, June 30, 2025 - Lee plans to invest 100 trillion won ($72.29 billion)."
    result = check(text, rate_store, as_of=None)
    assert (result.as_of, result.as_of_source) == (AS_OF, "text")


@pytest.mark.parametrize(
    "text, verdict",
    [
        pytest.param("A Tokyo tower cost ¥1 billion ($6.9 million).", Verdict.OK, id="yen-cue-ok"),
        pytest.param(
            "The bill came to ¥1 billion ($139 million).",
            Verdict.UNVERIFIABLE,
            id="bare-yen-fits-yuan-unverifiable",
        ),
        pytest.param(
            "The bill came to ¥1 billion ($6.9 million).", Verdict.OK, id="bare-yen-fits-guess"
        ),
    ],
)
def test_guessed_currency(text, verdict, rate_store):
    (finding,) = money_findings(check(text, rate_store))
    assert finding.verdict is verdict, finding.message


def test_peg_answers_for_gulf_currencies(rate_store):
    (finding,) = money_findings(
        check("Dubai approved a programme worth 5.5 billion dirhams ($1.5 billion).", rate_store)
    )
    assert finding.verdict is Verdict.OK, finding.message
    assert finding.rate.kind == "peg" and finding.rate.value == Decimal("3.6725")
    assert finding.rate.source.startswith("peg:")


@pytest.mark.parametrize(
    "text, verdict, diagnosis",
    [
        # 1 billion yen at ~94.3 yen per Australian dollar, 2025-06-30: a plain "$" that fits AUD.
        pytest.param(
            "The museum cost 1 billion yen ($10.6 million).",
            Verdict.WARNING,
            "wrong-currency",
            id="bare-dollar-fits-aud-is-warning",
        ),
        pytest.param(
            "The museum cost 1 billion yen (US$10.6 million).",
            Verdict.ERROR,
            "wrong-currency",
            id="us-dollar-fits-aud-is-error",
        ),
        pytest.param(
            "The museum cost 1 billion yen (A$10.6 million).",
            Verdict.OK,
            None,
            id="australian-dollar-ok",
        ),
    ],
)
def test_dollar_readings(text, verdict, diagnosis, rate_store):
    (finding,) = money_findings(check(text, rate_store))
    assert finding.verdict is verdict, finding.message
    assert finding.diagnosis == diagnosis
