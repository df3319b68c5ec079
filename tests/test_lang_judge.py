"""Judging on a guessed reading (issue 10, "never guess silently").

A figure that reads two ways (``$ 25.000``, ``12.345``, ``1,500 €`` with no number style told;
``billion`` in a text of uncertain language) or a currency read by default (a bracketed figure
with no currency word, ``kroner`` with no cue) is judged on the reading taken and on its other
readings: a gap that another reading closes is ``unverifiable`` (CUR004), never an error; a gap
that holds on every reading is still reported, saying so.

Rates: ECB reference rates of 2025-06-03 (1 EUR = 1.1386 USD; 1 USD = 1,376.78 KRW).
"""

from __future__ import annotations

from datetime import date

import pytest

from claims.check.currency import check_conversions
from claims.extract import extract

DAY = date(2025, 6, 3)

CASES = [  # (id, sentence, options for extract, verdict, diagnosis or None)
    # "$ 25.000" in a story whose style nothing tells: read as 25,000 (a round figure groups
    # thousands), flagged; the converted 22 euros fits 25 dollars: not an error.
    (
        "dollar-25.000-unknown-style-fits-other-reading",
        "Costs: $ 25.000 (22 euros).",
        {},
        "unverifiable",
        "ambiguous-figure",
    ),
    (
        "dollar-25.000-wrong-on-every-reading",
        "Costs: $ 25.000 (30.000 euros).",
        {},
        "error",
        "mismatch",
    ),
    (
        "dollar-25.000-style-given-by-option",
        "Costs: $ 25.000 (22 euros).",
        {"number_format": "1,234.5"},
        "ok",
        None,
    ),
    (
        "dollar-25.000-thousands-by-option",
        "Costs: $ 25.000 (22 euros).",
        {"number_format": "1.234,5"},
        "error",
        "wrong-scale",
    ),
    # Spanish writes the mark both ways by country: read the Spanish way, flagged, and right.
    ("es-12.345-two-way-fits", "Pagó 12.345 dólares (10.842 euros).", {}, "ok", None),
    ("es-1.317-two-way-fits", "Ella pagó 1,500 dólares (1.317 euros).", {}, "ok", None),
    # The story writes its own decimal comma (10,84): 12.345 is twelve thousand, no guess.
    ("es-story-style-settles-it", "Pagó 12.345 dólares (10,84 euros).", {}, "error", "wrong-scale"),
    # Korean copy: a bracketed figure with no currency word is read as won, a flagged guess.
    ("ko-implicit-won-fits", "이번 계약 규모는 2억1100만 달러(약2900억)이다.", {}, "ok", None),
    (
        "ko-implicit-won-gap-not-an-error",
        "이번 계약 규모는 2억1100만 달러(약2300억)이다.",
        {},
        "unverifiable",
        "ambiguous-currency",
    ),
]


@pytest.mark.parametrize(
    "text, options, verdict, diagnosis", [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_a_guessed_reading_is_never_the_ground_for_an_error(
    rate_store, text, options, verdict, diagnosis
):
    found, _ = check_conversions(extract(text, **options), rate_store, DAY)
    (finding,) = found
    assert (finding.verdict.value, finding.diagnosis) == (verdict, diagnosis), finding.message
    if verdict == "unverifiable":
        assert finding.code == "CUR004" and finding.message.startswith("cannot verify")
        assert "on that reading it would be" in finding.message


def test_the_other_reading_is_named(rate_store):
    found, _ = check_conversions(extract("Costs: $ 25.000 (22 euros)."), rate_store, DAY)
    assert "it fits with '$ 25.000' as 25" in found[0].message


def test_a_gap_on_every_reading_says_so(rate_store):
    found, _ = check_conversions(extract("Costs: $ 25.000 (30.000 euros)."), rate_store, DAY)
    assert "[on every reading:" in found[0].message


HOMOGRAPHS = [  # (id, sentence, flagged): is 'billion' flagged as maybe 10^12?
    # A decimal point, or a lower-case singular after two or more, is never French or German.
    ("decimal-point", "PHN holds assets worth around 2.8 billion zlotys ($819.52 million).", False),
    (
        "lower-case-singular-plural-count",
        "Lee will invest 62 billion dollars (57 billion euros).",
        False,
    ),
    # A capital (German nouns) or the French plural, in a line too short to be sure of its
    # language: flagged, so that a gap is judged on both powers of ten.
    ("capital-in-short-line", "Budget 1 Billion Euro (1,14 Billion Dollar).", True),
    ("french-plural", "Montant: 3 billions d'euros (3,4 billions $).", True),
]


@pytest.mark.parametrize(
    "text, flagged", [h[1:] for h in HOMOGRAPHS], ids=[h[0] for h in HOMOGRAPHS]
)
def test_billion_is_flagged_only_where_it_may_be_long_scale(text, flagged):
    figures = [
        q
        for c in extract(text).conversions
        for q in (c.original, c.converted)
        if q.scale_text and "billion" in q.scale_text.lower()
    ]
    assert figures and all(q.ambiguous == flagged for q in figures)
