"""A wrong unit conversion says why: a power of ten, or the figure of another unit of the
same kind; an honest one gets no diagnosis. The expected figure keeps two significant digits."""

from __future__ import annotations

import pytest
from helpers import unit_findings

from claims.model import round_pct

CASES = [
    # id, sentence, verdict, diagnosis, words in the message
    (
        "ten-times",
        "The trail is 12 kilometers (74.6 miles) long.",
        "error",
        "decimal-slip",
        "10 times the right figure",
    ),
    (
        "thousand-times",
        "The tank holds 2,000 liters (528,344 gallons).",
        "error",
        "wrong-scale",
        "1000 times the right figure",
    ),
    (
        "feet-for-miles",
        "The bridge spans 1,200 meters (3,937 miles).",
        "error",
        "wrong-unit",
        "3,937 is 1,200 meters in feet",
    ),
    ("pounds-for-kilos", "The boxer weighed 72 kilograms (159 kilograms).", "error", None, ""),
    ("honest", "The river is 300 miles (483 kilometers) long.", "ok", None, ""),
    (
        "small-expected",
        "The bridge spans 1,200 meters (3,937 miles).",
        "error",
        "wrong-unit",
        "0.75 miles",
    ),
]


@pytest.mark.parametrize(
    "text, verdict, diagnosis, words", [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_a_wrong_unit_conversion_says_why(text, verdict, diagnosis, words):
    findings = [f for f in unit_findings(text) if f.check == "unit-conversion"]
    if text.count("kilograms") == 2:  # same unit both sides: not a conversion
        assert all(f.verdict != "error" for f in findings)
        return
    assert len(findings) == 1
    f = findings[0]
    assert (f.verdict, f.diagnosis) == (verdict, diagnosis)
    assert words in f.message


def test_a_gap_that_rounds_to_nothing_is_zero_not_minus_zero():
    assert str(round_pct(-0.001)) == "0.0"
