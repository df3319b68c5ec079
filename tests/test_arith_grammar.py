"""The arithmetic phrase grammar (issue 11): every wording of a change, a share, a difference, a
total, a multiple and a per-unit price; the second dev corpus; negatives; messages; speed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from growth import growth
from helpers import arithmetic_findings

from claims.extract.arithmetic import read_arithmetic
from claims.model import Verdict

FLAGGED = (Verdict.WARNING, Verdict.ERROR)
CORPUS = [
    json.loads(line)
    for line in (Path(__file__).parent / "fixtures" / "arith_dev2.jsonl")
    .read_text("utf-8")
    .splitlines()
    if line.strip()
]
ARITH = [c for c in CORPUS if c["kind"] == "arithmetic"]
NEGATIVES = [c for c in CORPUS if c["kind"] == "negative"]


def _arith(text: str):
    return [f for f in arithmetic_findings(text) if f.check == "arithmetic"]


# ------------------------------------------------------------------ the second dev corpus


def test_dev2_finds_at_least_85_percent():
    found = [c["id"] for c in ARITH if _arith(c["text"])]
    assert len(found) / len(ARITH) >= 0.85, sorted(set(c["id"] for c in ARITH) - set(found))


def test_dev2_no_error_on_a_claim_correct_within_rounding():
    wrong = [
        c["id"]
        for c in ARITH
        if c["correct_within_rounding"]
        and any(f.verdict is Verdict.ERROR for f in _arith(c["text"]))
    ]
    assert wrong == []


# a2-087 prints "2,6,991" (26,991 with a digit lost): read as 2, the sum is off by a typo the
# number reader cannot mend, and no total word makes the sum a stated claim.
UNFLAGGED_MISTAKES = {"a2-087"}


def test_dev2_published_mistakes_are_flagged():
    mistakes = [c for c in ARITH if not c["correct_within_rounding"]]
    flagged = {c["id"] for c in mistakes if any(f.verdict in FLAGGED for f in _arith(c["text"]))}
    assert flagged == {c["id"] for c in mistakes} - UNFLAGGED_MISTAKES
    assert len(flagged) / len(mistakes) >= 0.85


@pytest.mark.parametrize("case", NEGATIVES, ids=lambda c: c["id"])
def test_dev2_negatives_are_silent(case):
    assert [f.message for f in _arith(case["text"]) if f.verdict in FLAGGED] == []


# ------------------------------------------------------------------ the shapes of issue 11
# Each missed shape quoted in the issue, in sentences of our own (right, then wrong).

SHAPES = [
    (
        "up-by-from",
        "Membership reached 218,300, up by 6% from 205,900.",
        "Membership reached 218,300, up by 9% from 205,900.",
    ),
    (
        "increased-to-compared-to",
        "Enrolment increased 3.2 percent to 508,600 compared to 492,800.",
        "Enrolment increased 4.2 percent to 508,600 compared to 492,800.",
    ),
    (
        "went-up-by-to-as-against",
        "Net profit went up by 15.0% to Rs 2,415 crore as against Rs 2,100 crore.",
        "Net profit went up by 12.0% to Rs 2,415 crore as against Rs 2,100 crore.",
    ),
    (
        "as-against-a-decline-of",
        "Profit was Rs 58 crore as against Rs 80 crore a year ago, a decline of 27.5%.",
        "Profit was Rs 58 crore as against Rs 80 crore a year ago, a decline of 32.5%.",
    ),
    (
        "year-on-year-drop",
        "The lender posted a 22.5% year on year (Y-o-Y) drop in profit at Rs 62 "
        "crore; the year-ago quarter's profit had been Rs 80 crore.",
        "The lender posted a 42.5% year "
        "on year (Y-o-Y) drop in profit at Rs 62 crore; the year-ago quarter's profit had been Rs 80 "
        "crore.",
    ),
    (
        "fell-points-to-reach",
        "The jobless rate fell 0.4 percentage point to reach 4.8 percent, from 5.2 percent in May.",
        "The jobless rate fell 0.9 percentage point to reach 4.8 percent, from 5.2 percent in May.",
    ),
    (
        "percent-of-points-as-percent",
        "Literacy rose from 60.5 per cent in 2001 to 66.5 per cent in "
        "2011, an increase of 6 percentage points.",
        "Literacy rose from 60.5 per cent in 2001 to 66.5 "
        "per cent in 2011, an increase of 6 per cent.",
    ),
    (
        "representing-p-of",
        "The party polled 184,230 votes, representing 2.314 per cent of the 7,961,300 votes cast.",
        "The party polled 184,230 votes, representing 2.814 per cent of the 7,961,300 votes cast.",
    ),
    (
        "percent-voter-turnout-of",
        "There was a 62 percent voter turnout as 5,812,400 of the 9,374,150 registered voters "
        "cast ballots.",
        "There was a 66 percent voter turnout as 5,812,400 of the 9,374,150 registered voters "
        "cast ballots.",
    ),
    (
        "percent-pass-rate-of",
        "The board reported an 81.4% pass rate: 40,702 of the 50,003 candidates cleared.",
        "The board reported an 84.1% pass rate: 40,702 of the 50,003 candidates cleared.",
    ),
    (
        "turnout-electorate",
        "The council lists Electorate: 9,120 and Total votes cast: 2,736, and Turnout: 30.00%.",
        "The council lists Electorate: 9,120 and Total votes cast: 2,736, and Turnout: 33.00%.",
    ),
    (
        "n-times-rise-as-against",
        "Profit saw a 2.3 times rise to Rs 851 crore as against Rs 370 crore.",
        "Profit saw a 3.3 times rise to Rs 851 crore as against Rs 370 crore.",
    ),
    (
        "nearly-trebled-bpd",
        "Output has nearly trebled to 540,000 barrels per day from 190,000 bpd.",
        "Output has nearly trebled to 540,000 barrels per day from 120,000 bpd.",
    ),
    (
        "n-more-indian-grouping",
        "Karnataka logged 2,518 more cases, its tally rising to 1,54,924 from 1,52,406.",
        "Karnataka logged 3,518 more cases, its tally rising to 1,54,924 from 1,52,406.",
    ),
    (
        "doubled-euros",
        "Sales doubled from 3 billion euros in 2017 to 6 billion euros in 2022.",
        "Sales doubled from 3 billion euros in 2017 to 9 billion euros in 2022.",
    ),
    (
        "more-than-doubled",
        "Complaints have more than doubled: they reached 1,612 this year, up from 702 in 2019.",
        "Complaints have more than doubled: they reached 1,312 this year, up from 702 in 2019.",
    ),
    (
        "off-by-from",
        "The month came in off by only 4,210 units from the forecast of 1,251,380, "
        "at 1,247,170 vehicles.",
        "The month came in off by only 4,710 units from the forecast of "
        "1,251,380, at 1,247,170 vehicles.",
    ),
    (
        "total-of-these",
        "A total of 48,310 votes were cast; of these, 47,655 were valid and 655 were rejected.",
        "A total of 48,310 votes were cast; of these, 47,655 were valid and 565 were rejected.",
    ),
    (
        "of-whom",
        "The exam was taken by 12,40,215 students, of whom 6,31,007 were girls and "
        "6,09,208 were boys.",
        "The exam was taken by 12,40,215 students, of whom 6,31,007 were girls "
        "and 6,19,208 were boys.",
    ),
]


@pytest.mark.parametrize("good,bad", [pytest.param(g, b, id=i) for i, g, b in SHAPES])
def test_shape_right_is_ok_and_wrong_is_flagged(good, bad):
    ok = _arith(good)
    assert ok and all(f.verdict is Verdict.OK for f in ok), [f.message for f in ok]
    broken = _arith(bad)
    assert broken and any(f.verdict in FLAGGED for f in broken), [f.message for f in broken]


# Found (ok) when they fit; the roles are a guess, so a misfit is silent.
FOUND = [
    (
        "amount-and-level",
        "Hourly pay averaged $27.40; a year earlier it had risen by $0.52, or 1.9%.",
    ),
    (
        "fewer-and-percent",
        "Traffic declined 4 percent: 712,480 passengers used the airport, "
        "29,610 fewer passengers than a year before.",
    ),
    (
        "lower-than-official",
        "The hatchback managed 48.3mpg, which was 21.4 per cent lower than its "
        "official figure of 61.4.",
    ),
    ("per-acre", "A 212.5-acre farm sold for $2.46 million, or $11,576 per acre."),
    (
        "per-hectare-before",
        "The parcels covered 4,850 hectares and brought $15.2 million, so the "
        "average price per hectare was more than $3,000.",
    ),
    (
        "kg-and-pounds",
        "He was 9 kgs heavier than his rival: he registered 109 kgs, while the "
        "challenger came in at 220 pounds.",
    ),
    ("table-row-points", "The row reads Greens | 10.2 | 12.6 | +2.4 | in the poll table."),
    (
        "table-row-percent",
        "The table shows Total sales | 41,200,000 | 42,642,000 | 3.5 | for the two years.",
    ),
    (
        "remainder-to-100",
        "Smith's 41 per cent and Jones's 44 per cent left the number of undecided "
        "voters at 15 per cent.",
    ),
    (
        "share-of-the-total-sum",
        "Election night counted 1,804,220 votes; specials were estimated at "
        "just over 318,000, or 15 percent of the total votes.",
    ),
    (
        "colon-list-sum",
        "The three ports handled 61,412,350 tonnes in 2019: Alpha took 25.1 million "
        "tonnes, Beta had 20.3 million tonnes and Gamma 16.0 million tonnes.",
    ),
    (
        "spelled-part",
        "The cumulative count reached 2,04,118: active cases numbered 97,581, while "
        "1,00,303 people have recovered and one patient has migrated, and the death toll stood at "
        "6,233.",
    ),
]


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in FOUND])
def test_guessed_roles_are_confirmed_when_they_fit(text):
    found = _arith(text)
    assert found and all(f.verdict is Verdict.OK for f in found), [f.message for f in found]


# Near misses: no arithmetic finding that is a warning or error (most: none at all).
QUIET = [
    "Joshua weighed 244lbs – some 4lbs heavier than in their London meeting – while Usyk came "
    "in at 221lbs.",
    "The temperature sank to 40 below zero, beating the record of 37 below, and fell to 40 below "
    "80 miles away.",
    "Pay slipped by $0.02 to $23.98, after a $0.10 increase in June.",
    "The Eagles led 14-7 at halftime before a touchdown on 14 carries and a 38-10 bulge.",
    "James has 86 triple-doubles, but had not done it against 30 teams.",
    "The crash of the Boeing 737 MAX 8 killed all 149 passengers and 8 crew.",
    "BMW sold 375,782 vehicles in 2014, a 5.3% increase, after a 9.5% December gain to 48,141.",
    "Syracuse saw 250,207 passengers in August, a 13.3% increase from August 2018, its busiest "
    "since August 1990, when 254,582 passengers traveled through.",
    "Of those that replied, 360 (14%) expect to cut jobs, compared with 290 (11%) in May.",
    "India's jobless rate was 7 per cent as of May 26, measured as a 30-day moving average.",
    "Going from 110 to 219 cases, the city's jump was far above the national rate, up 17%.",
    # "and a half" is a fraction, not a multiple (a real page: "your 401(k) ... age 59 and a half")
    "You will not be able to take any money from your 401(k) without penalty until you have "
    "reached age 59 and a half.",
    "The 12 members served three-and-a-half terms on average, 40 of them in total.",
]


@pytest.mark.parametrize("text", QUIET, ids=lambda t: t[:40])
def test_near_misses_are_not_flagged(text):
    assert [f.message for f in _arith(text) if f.verdict in FLAGGED] == []


# ------------------------------------------------------------------ the kernel's slip
# One unit off in the last digit is a warning only while less than 10% off the exact value
# (issue 11: "10%+ off a precise figure" is an error): a one-digit percent one unit off is not.

ARITH_SLIPS = [
    ("one-digit-percent-12-percent-off", "Sales rose 5% to 2,089,213 from 2,000,013.", "error"),
    ("one-digit-percent-19-percent-off", "Sales rose 4% to 2,099,213 from 2,000,013.", "error"),
    ("last-digit-slip", "Sales rose 4.9% to 2,099,213 from 2,000,013.", "warning"),
]


@pytest.mark.parametrize("text, verdict", [pytest.param(t, v, id=i) for i, t, v in ARITH_SLIPS])
def test_a_slip_is_less_than_ten_percent_off(text, verdict):
    (f,) = _arith(text)
    assert f.verdict.value == verdict, f.message


# ------------------------------------------------------------------ two sentences
# A claim spread over two adjacent sentences (issue 11), read where its parts are unambiguous:
# one sentence holds the stated figure alone, the other the two it relates and ties itself to
# the first ("That was", "Its", "Of N"). The link is inferred: a misfit is at most a warning.

ACROSS = [
    (
        "across-turnout-of-whole",
        "Officials reported 61 percent voter turnout. Of 8,204,500 registered voters, "
        "5,004,745 cast ballots.",
        "Officials reported 65 percent voter turnout. Of 8,204,500 registered voters, "
        "5,004,745 cast ballots.",
    ),
    (
        "across-that-was-a-decline",
        "Net profit was Rs 58 crore as against Rs 80 crore. That was a decline of 27.5%.",
        "Net profit was Rs 58 crore as against Rs 80 crore. That was a decline of 32.5%.",
    ),
    (
        "across-its-tally",
        "The state logged 2,518 more cases on Monday. Its tally rose to 1,54,924 from 1,52,406.",
        "The state logged 3,518 more cases on Monday. Its tally rose to 1,54,924 from 1,52,406.",
    ),
]


@pytest.mark.parametrize("good,bad", [pytest.param(g, b, id=i) for i, g, b in ACROSS])
def test_a_claim_over_two_sentences_is_read_and_at_most_a_warning(good, bad):
    (ok,) = _arith(good)
    assert ok.verdict is Verdict.OK, ok.message
    (broken,) = _arith(bad)
    assert broken.verdict is Verdict.WARNING, broken.message
    assert "across two sentences" in (broken.detail or "")


ACROSS_QUIET = [
    pytest.param(
        "The loan rate stayed below 6 percent for a fourth month. The rate averaged 5.7 "
        "percent in October, down from 6.2 percent a year earlier.",
        id="second-sentence-not-tied",
    ),
    pytest.param(
        "The stock was down 5% in recent trading. Management said sales growth will be 3.5%, "
        "compared with prior guidance of 4.0%.",
        id="another-subject",
    ),
    pytest.param(
        "Officials reported 64 percent voter turnout.\n\nOf 9,412,300 registered voters, "
        "6,400,364 cast ballots.",
        id="new-paragraph",
    ),
    pytest.param(
        "Officials reported 64 percent voter turnout. Counting went on late. Of 9,412,300 "
        "registered voters, 6,400,364 cast ballots.",
        id="a-sentence-between",
    ),
    pytest.param(
        "Profit rose 12% this year. That compares with Rs 58 crore, Rs 80 crore and Rs 91 "
        "crore in the three years before.",
        id="more-figures-than-the-relation",
    ),
]


@pytest.mark.parametrize("text", ACROSS_QUIET)
def test_two_sentences_not_plainly_one_claim_are_left_alone(text):
    assert [f.message for f in _arith(text) if f.verdict in FLAGGED] == []


# ------------------------------------------------------------------ messages


def test_message_keeps_the_story_words():
    (f,) = _arith("Growth of 5.8 per cent was nearly double the 3.9 per cent of last year.")
    assert f.verdict is Verdict.ERROR
    assert f.message.startswith("5.8 per cent is 1.49 times 3.9 per cent, not nearly double")


def test_message_writes_the_expected_figure_with_indian_grouping():
    (f,) = _arith(
        "The exam was taken by 12,40,215 students, of whom 6,31,007 were girls and "
        "6,19,208 were boys."
    )
    assert "12,50,215" in f.message and f.expected.text == "12,50,215"


def test_a_multiple_of_a_change_names_both():
    (f,) = _arith(
        "Going from 110 to 219, the city's jump was almost six times the national rate "
        "of increase, which was up 17%."
    )
    assert f.verdict is Verdict.OK and "almost six times" in f.message


# ------------------------------------------------------------------ speed


def test_grammar_time_grows_linearly():
    paragraph = (
        "Sales increased 20.04% to Rs1,894.81 crore versus Rs1,578.42 crore. Of the 11.5 "
        "million out of work, 4.2 million, making up 37% of all, were long-term jobless. "
        "Output nearly trebled to 540,000 barrels per day from 190,000 bpd, and 2,518 "
        "more cases took the tally to 1,54,924 from 1,52,406. A 212.5-acre farm sold for "
        "$2.46 million, or $11,576 per acre.\n\n"
    )
    assert growth(read_arithmetic, lambda n: paragraph * n, 20) < 30


def test_a_plan_code_between_the_figures_is_no_figure():
    (f,) = _arith(
        "Workers can save $23,000 in a 401(k) this year, up from $22,500, a 2.2% increase."
    )
    assert f.verdict is Verdict.OK, f.message
