"""Figures at the edges of what stories print never cost the run (issue 17): a story dated by
a CMS's zero date, hyperinflation figures, a megabyte of digits, a long text's share search."""

from __future__ import annotations

from datetime import date

import pytest
from growth import growth

from claims import check_text
from claims.extract.arithmetic import read_arithmetic

CASES = [
    pytest.param(
        "Lee plans to invest 100 trillion won ($72.29 billion).",
        date(1, 1, 3),
        id="dated-0001-01-03",
    ),
    pytest.param(
        "It cost " + "9" * 1_000_000 + " won ($72.29 billion).",
        date(2025, 6, 30),
        id="a-megabyte-of-digits",
    ),
    pytest.param(
        "Prices rose from 100,000,000,000,000,000,000,000,000,000 pengő to "
        "900,000,000,000,000,000,000,000,000,000,000 pengő, a 5% rise.",
        date(1946, 7, 1),
        id="hyperinflation-percent-change",
    ),
    pytest.param(
        "It is 100000000000000000000000000000000 km (62 miles) away.",
        date(2025, 6, 30),
        id="thirty-three-digit-distance",
    ),
]


@pytest.mark.parametrize("text, day", CASES)
def test_figures_at_the_edges_are_judged_not_crashed_on(text, day, rate_store):
    result = check_text(text, as_of=day, store=rate_store)
    for f in result.findings:
        assert f.verdict.value in ("ok", "warning", "error", "unverifiable")


def test_share_search_grows_linearly_with_the_story():
    paragraph = (
        "The board put the number who cleared at 70,716. Among those who passed, "
        "20,806 students (29.42 per cent) earned a first division. Exports rose from "
        "$1.20 million to $1.50 million, a 25% increase.\n\n"
    )
    assert growth(read_arithmetic, lambda n: paragraph * n, 50) < 30
