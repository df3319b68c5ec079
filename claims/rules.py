"""The rule registry: one record per finding code, and the documented diagnosis slugs.

Each ``Rule`` carries its code, name, check, usual verdict, a one-line summary, help text and
a bad and a good example (sentences that carry their own dateline, so they check as of that
day; the tests run every one). ``docs/rules.md`` (``tools/gen_rules.py``), ``claims rules``,
SARIF rule descriptions and the messages' codes all come from here. It imports nothing of
claims (``claims.model`` reads rule names from it). Codes never change
meaning: ``CUR0xx`` currency conversions, ``UNT0xx`` unit conversions, ``ARI0xx`` arithmetic.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

CURRENCY = "currency-conversion"
UNITS = "unit-conversion"
ARITHMETIC = "arithmetic"
#: Every check family, in report order.
CHECKS: tuple[str, ...] = (CURRENCY, UNITS, ARITHMETIC)


@dataclass(frozen=True)
class Rule:
    """One finding code's reference entry."""

    code: str
    name: str
    check: str
    level: str  # the usual verdict: ok | warning | error | unverifiable
    summary: str
    help: str
    bad: str = ""
    good: str = ""


_RULES = (
    Rule(
        "CUR001",
        "conversion-mismatch",
        CURRENCY,
        "error",
        "A currency conversion does not match the reference rate.",
        "The converted figure implies a rate outside the reference range for the story's date, "
        "even allowing for the rounding of both figures and a market-rate margin. The message "
        "gives the expected figure, the rate, its date and source, and a diagnosis when one fits "
        "(wrong scale, decimal slip, inverted rate, wrong currency, rate from another period).",
        "SEOUL, June 30, 2025 - Lee plans to invest 100 trillion won ($62.29 billion).",
        "SEOUL, June 30, 2025 - Lee plans to invest 100 trillion won ($72.29 billion).",
    ),
    Rule(
        "CUR002",
        "conversion-drift",
        CURRENCY,
        "warning",
        "A currency conversion is off, but plausibly a stale or other-source rate.",
        "The implied rate lies outside the window around the story's date but close to it: a "
        "rate from a few days earlier, a different source, or rounding slop. Check which rate "
        "the desk used.",
        "OSLO, June 30, 2025 - Revenue was 942 million Norwegian kroner ($95.6 million).",
        "OSLO, June 30, 2025 - Revenue was 942 million Norwegian kroner ($93.52 million).",
    ),
    Rule(
        "CUR003",
        "conversion-ok",
        CURRENCY,
        "ok",
        "A currency conversion matches the reference rate.",
        "The implied rate lies within the reference range for the story's date.",
        "",
        "SEOUL, June 30, 2025 - Lee plans to invest 100 trillion won ($72.29 billion).",
    ),
    Rule(
        "CUR004",
        "conversion-unverifiable",
        CURRENCY,
        "unverifiable",
        "A currency conversion cannot be checked.",
        "There is no reference rate for the currency or date, or the currency is ambiguous "
        "(a bare '$', '¥', 'kr', 'crowns', 'pesos'). Name the currency or add a rate source.",
        "HANOI, June 30, 2013 - The fraud cost 5 trillion dong ($240 million).",
        "SEOUL, June 30, 2025 - The fine was 5 trillion won ($3.69 billion).",
    ),
    Rule(
        "CUR005",
        "stated-rate-mismatch",
        CURRENCY,
        "error",
        "A rate stated in the story disagrees with the reference rate.",
        "A printed rate such as '($1 = 1,130.29 won)' lies outside the reference range for the "
        "story's date.",
        "SEOUL, June 30, 2025 - Exports rose. ($1 = 1,130.2900 won)",
        "SEOUL, June 30, 2025 - Exports rose. ($1 = 1,365.2000 won)",
    ),
    Rule(
        "CUR006",
        "conversion-vs-stated-rate",
        CURRENCY,
        "warning",
        "A conversion disagrees with the rate the story states.",
        "The story prints a rate, and a conversion in it implies a different one, though it "
        "fits the reference rate: check which rate the desk meant to use.",
        "SEOUL, June 30, 2025 - It will cost 100 trillion won ($72.90 billion). "
        "($1 = 1,355.0000 won)",
        "SEOUL, June 30, 2025 - It will cost 100 trillion won ($73.80 billion). "
        "($1 = 1,355.0000 won)",
    ),
    Rule(
        "CUR007",
        "inconsistent-conversions",
        CURRENCY,
        "warning",
        "Conversions in one story disagree with each other.",
        "Two conversions between the same currencies imply rates that cannot both be right.",
        "SEOUL, June 30, 2025 - Samsung will spend 100.00 trillion won ($72.29 billion) "
        "and LG 10.00 trillion won ($7.37 billion).",
        "SEOUL, June 30, 2025 - Samsung will spend 100.00 trillion won ($72.29 billion) "
        "and LG 10.00 trillion won ($7.23 billion).",
    ),
    Rule(
        "UNT001",
        "unit-mismatch",
        UNITS,
        "error",
        "A unit conversion is wrong.",
        "The converted quantity does not match the original at the defined conversion factor "
        "(pint), even allowing half a unit in the last printed digit of both figures (a round "
        "restatement's trailing zeros are not significant; either side may be the precise "
        "one); temperatures are converted as offsets, not ratios, except differences "
        "(warming, a rise, above normal, an anomaly), which have no offset.",
        "The line runs 100 km (68 miles).",
        "The line runs 100 km (62 miles).",
    ),
    Rule(
        "UNT002",
        "unit-drift",
        UNITS,
        "warning",
        "A unit conversion is off by more than rounding explains.",
        "The converted quantity is outside what the printed digits allow by at most one unit "
        "in its last printed digit and is less than 10% off the exact figure (a rounding slip), "
        "or a round restatement is a few percent off. One measure given twice in a sentence in "
        "two units, with no phrase restating it, is reported only when the two agree within "
        "rounding or a slip, and never as an error.",
        "within a hundred kilometers (63 miles)",
        "within a hundred kilometers (62 miles)",
    ),
    Rule(
        "UNT003",
        "unit-ok",
        UNITS,
        "ok",
        "A unit conversion is right.",
        "The converted quantity matches the original within the rounding of both figures.",
        "",
        "It hit 40C (104F).",
    ),
    Rule(
        "UNT004",
        "unit-unverifiable",
        UNITS,
        "unverifiable",
        "A unit conversion cannot be checked.",
        "One side's unit is not one the checker converts (leagues, pints), the two units "
        "measure different things (km and kg), or the reading rests on a guess that does not "
        "fit: a bare number beside a temperature, small temperatures that fit only as a "
        "difference no word announces.",
        "5 leagues (24 km)",
        "15 nautical miles (28 km)",
    ),
    Rule(
        "ARI001",
        "arithmetic-mismatch",
        ARITHMETIC,
        "error",
        "Stated arithmetic is wrong.",
        "A change, share, multiple, total or difference stated in the story does not follow "
        "from the figures it is computed from, even allowing for their printed rounding.",
        "Sales rose from $1.20 million to $1.50 million, a 20% increase.",
        "Sales rose from $1.20 million to $1.50 million, a 25% increase.",
    ),
    Rule(
        "ARI002",
        "arithmetic-drift",
        ARITHMETIC,
        "warning",
        "Stated arithmetic is off by more than rounding explains.",
        "The stated result is outside what the printed digits allow by at most one unit in "
        "its last printed digit and is less than 10% off (a rounding slip), or the claim's "
        "parts were read across two sentences (the link is inferred, so never an error).",
        "Income increased 27.30% to Rs1,861.01 crore from Rs1,461.82 crore.",
        "Income increased 27.31% to Rs1,861.01 crore from Rs1,461.82 crore.",
    ),
    Rule(
        "ARI003",
        "arithmetic-ok",
        ARITHMETIC,
        "ok",
        "Stated arithmetic is right.",
        "The stated result follows from the figures given, within their rounding.",
        "",
        "56 of the 90 judges (62%) voted for it.",
    ),
    Rule(
        "ARI004",
        "percent-vs-points",
        ARITHMETIC,
        "error",
        "A change in a percentage is given in percent where points are meant.",
        "A rise from 4% to 5% is one percentage point, or 25 percent; the story mixes them up.",
        "Support fell from 59.0% to 56.0%, a 3% drop.",
        "Support fell from 59.0% to 56.0%, a three percentage point drop.",
    ),
    Rule(
        "ARI005",
        "arithmetic-unverifiable",
        ARITHMETIC,
        "unverifiable",
        "Stated arithmetic cannot be recomputed.",
        "The sentence states a relation that has no value for its figures, such as a percent "
        "change from zero.",
        "Cases rose from 0 to 12, a 100% increase.",
        "",
    ),
)

#: code -> Rule; read-only.
RULES: Mapping[str, Rule] = MappingProxyType({r.code: r for r in _RULES})

#: (check, verdict) -> the family's usual code for that verdict.
_BY_VERDICT: Mapping[tuple[str, str], str] = MappingProxyType(
    {
        (CURRENCY, "error"): "CUR001",
        (CURRENCY, "warning"): "CUR002",
        (CURRENCY, "ok"): "CUR003",
        (CURRENCY, "unverifiable"): "CUR004",
        (UNITS, "error"): "UNT001",
        (UNITS, "warning"): "UNT002",
        (UNITS, "ok"): "UNT003",
        (UNITS, "unverifiable"): "UNT004",
        (ARITHMETIC, "error"): "ARI001",
        (ARITHMETIC, "warning"): "ARI002",
        (ARITHMETIC, "ok"): "ARI003",
        (ARITHMETIC, "unverifiable"): "ARI005",
    }
)


def code_for(check: str, verdict: Any) -> str:
    """The usual code of a check's verdict (a ``Verdict`` or its value):
    ``code_for("unit-conversion", Verdict.ERROR)`` -> UNT001."""
    return _BY_VERDICT[(check, getattr(verdict, "value", verdict))]


def rule(code: str) -> Rule:
    """The entry for ``code``; KeyError for a code that does not exist."""
    return RULES[code]


def rule_name(code: str) -> str:
    """The rule's name, or the code lowercased for a code from elsewhere."""
    found = RULES.get(code)
    return found.name if found else code.lower()


def matches(code: str, selector: str) -> bool:
    """Whether ``code`` is selected by ``selector``: a code, or a prefix such as ``CUR``."""
    return code.upper().startswith(selector.strip().upper())


#: What each diagnosis slug means. A finding's ``diagnosis`` is always one of these or None.
DIAGNOSES: Mapping[str, str] = MappingProxyType(
    {
        # currency conversions
        "wrong-scale": "a factor of 1,000 (or a power of it) off: million for billion, and so on",
        "decimal-slip": "a power of ten off that is not a scale word: a misplaced decimal mark",
        "inverted-rate": "converted with the rate turned upside down",
        "wrong-currency": "fits the rate of another currency than the one named",
        "other-period-rate": "fits the rate of another day than the story's week",
        "stale-data": "the rate data ends before the story's date, so a small gap is not judged",
        "off-window": "just outside the reference window: rounding slop or another source's rate",
        "mismatch": "no single cause explains the gap",
        "ambiguous-currency": "the currency was read by default or two ways: a gap on that "
        "guess is not judged",
        "ambiguous-figure": "a figure reads two ways (12.345, 1,500 with no number style told): "
        "a gap on the reading taken is not judged",
        "no-rate": "no rate for the pair on that date in any source",
        "disagrees-with-stated-rate": "fits the reference rate but not the rate the story prints",
        "stated-rate-off": "the rate printed in the story is outside the reference range",
        "inconsistent-rates": "two conversions of one pair imply rates that cannot both hold",
        "fits-modified-date": "fails at the published date but fits the story's modified date",
        "no-date": 'the story has no date and missing_date = "unverifiable" refuses to assume one',
        # unit conversions
        "temperature-as-ratio": "Celsius and Fahrenheit converted as a ratio, without the offset",
        "wrong-unit": "a unit conversion into another unit of the same kind (feet for miles)",
        "truncated": "the converted figure was cut off rather than rounded",
        "unknown-unit": "one side's unit is not one the checker converts",
        "incompatible-units": "the two units measure different things",
        "inferred-unit": "a bare number read as the other temperature scale does not fit: perhaps "
        "not a temperature",
        "maybe-difference": "small temperatures that fit only as a difference (no 32° offset), and "
        "no word says they are one",
        # arithmetic
        "percent-vs-points": "a change between percentages given in percent where points are meant "
        "(or the reverse)",
        "wrong-direction": "the figures move the other way from the stated change",
        "zero-base": "a percent change from zero has no value",
        "base-elsewhere": "a share whose base is named in an earlier sentence is one unit off",
        "undefined": "the relation has no value for these figures",
    }
)
