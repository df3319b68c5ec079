"""Unit conversions: the dev corpus, each supported form right and broken, and no false alarms."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from helpers import unit_findings

from claims.model import Verdict

CORPUS = [
    json.loads(line)
    for line in (Path(__file__).parent / "fixtures" / "units_arith_dev.jsonl")
    .read_text("utf-8")
    .splitlines()
    if line.strip()
]
UNIT_CASES = [c for c in CORPUS if c["kind"] == "unit-conversion"]
NEGATIVES = [c for c in CORPUS if c["kind"] == "negative"]


def _units(text: str):
    return [f for f in unit_findings(text) if f.check == "unit-conversion"]


def test_corpus_recall_at_least_95_percent():
    found = [
        c["id"]
        for c in UNIT_CASES
        if any(c["surface"] in f.text or f.text in c["surface"] for f in _units(c["text"]))
    ]
    assert len(found) / len(UNIT_CASES) >= 0.95, sorted({c["id"] for c in UNIT_CASES} - set(found))


@pytest.mark.parametrize(
    "case", [c for c in UNIT_CASES if c["correct_within_rounding"]], ids=lambda c: c["id"]
)
def test_corpus_correct_within_rounding_is_never_flagged(case):
    assert all(
        f.verdict is not Verdict.ERROR and f.verdict is not Verdict.WARNING
        for f in _units(case["text"])
    )


@pytest.mark.parametrize(
    "case", [c for c in UNIT_CASES if not c["correct_within_rounding"]], ids=lambda c: c["id"]
)
def test_corpus_published_mistakes_are_flagged(case):
    assert any(f.verdict in (Verdict.WARNING, Verdict.ERROR) for f in _units(case["text"]))


@pytest.mark.parametrize("case", NEGATIVES, ids=lambda c: c["id"])
def test_corpus_negatives_give_no_unit_finding(case):
    assert _units(case["text"]) == []


# (id, correct sentence, the same sentence with the restated figure broken)
FORMS = [
    (
        "km-miles",
        "The line runs 100 km (62 miles) across the plain.",
        "The line runs 100 km (68 miles) across the plain.",
    ),
    (
        "feet-metres",
        "The wall is 6 feet (1.83 metres) high.",
        "The wall is 6 feet (2.3 metres) high.",
    ),
    (
        "acres-hectares",
        "The estate covers 500 acres (202 hectares).",
        "The estate covers 500 acres (250 hectares).",
    ),
    (
        "tonnes-pounds",
        "The bell weighs 2 tonnes (4,400 pounds).",
        "The bell weighs 2 tonnes (6,400 pounds).",
    ),
    (
        "celsius-fahrenheit",
        "Madrid reached 30C (86F) on Monday.",
        "Madrid reached 30C (54F) on Monday.",
    ),
    (
        "degree-sign",
        "Lytton set a record of 49.6ºC (121.3ºF).",
        "Lytton set a record of 49.6ºC (124.3ºF).",
    ),
    (
        "degrees-words",
        "It was 65 degrees Fahrenheit (18.3 degrees Celsius) at the base.",
        "It was 65 degrees Fahrenheit (21.3 degrees Celsius) at the base.",
    ),
    (
        "bare-degrees",
        "It was 100 degrees (38C) in the shade.",
        "It was 100 degrees (45C) in the shade.",
    ),
    (
        "barrels-a-day",
        "The field pumps 10,000 barrels a day (1,590 cubic metres).",
        "The field pumps 10,000 barrels a day (1,990 cubic metres).",
    ),
    ("glued-km", "The fire is 5 miles (8km) from town.", "The fire is 5 miles (12km) from town."),
    (
        "hyphenated",
        "The 345-kilometer (214-mile) pipeline opens in May.",
        "The 345-kilometer (254-mile) pipeline opens in May.",
    ),
    (
        "half-mile",
        "A half-mile (800-meter) slick formed.",
        "A half-mile (1,200-meter) slick formed.",
    ),
    (
        "a-hundred",
        "It hit within a hundred kilometers (62 miles) of the coast.",
        "It hit within a hundred kilometers (70 miles) of the coast.",
    ),
    (
        "and-a-half",
        "He weighed 233 and a half pounds (105.9kg).",
        "He weighed 233 and a half pounds (110.9kg).",
    ),
    ("ps-kw", "The 1,108PS (815kW) car is quick.", "The 1,108PS (915kW) car is quick."),
    (
        "mph-kmh",
        "Winds reached 40 mph (65 km/h) overnight.",
        "Winds reached 40 mph (80 km/h) overnight.",
    ),
    (
        "us-gallons",
        "The pipe leaked 21,000 gallons (79,500 liters).",
        "The pipe leaked 21,000 gallons (95,500 liters).",
    ),
    (
        "or-form",
        "It read 48, 8 degrees Celsius, or 119.84 Fahrenheit, a record.",
        "It read 48, 8 degrees Celsius, or 129.84 Fahrenheit, a record.",
    ),
    (
        "millions",
        "It owns 31 million acres (12.5 million hectares).",
        "It owns 31 million acres (14.5 million hectares).",
    ),
    ("round-figure", "The quake was 10 km (6 miles) deep.", "The quake was 10 km (9 miles) deep."),
    ("metres-feet", "The 100m (328ft) tower is new.", "The 100m (428ft) tower is new."),
    (
        "hedged",
        "It spread about 4 miles (6.4 kilometers) along the shore.",
        "It spread about 4 miles (8.4 kilometers) along the shore.",
    ),
]


@pytest.mark.parametrize("good,bad", [pytest.param(g, b, id=i) for i, g, b in FORMS])
def test_form_correct_is_ok_and_broken_is_error(good, bad):
    ok = _units(good)
    assert [f.verdict for f in ok] == [Verdict.OK] and ok[0].code == "UNT003"
    broken = _units(bad)
    assert [f.verdict for f in broken] == [Verdict.ERROR] and broken[0].code == "UNT001"


def test_small_slip_is_a_warning():
    (f,) = _units("It struck within a hundred kilometers (63 miles) of the coast.")
    assert f.verdict is Verdict.WARNING and f.code == "UNT002"
    assert "62.1 miles, not 63 miles" in f.message and f.expected.text == "62 miles"


def test_finding_shape():
    text = "The line runs 100 km (68 miles) across the plain."
    (f,) = _units(text)
    assert text[f.span.start : f.span.end] == "100 km (68 miles)" == f.text
    assert (f.original.value, f.original.high, f.original.unit, f.original.text) == (
        100,
        None,
        "km",
        "100 km",
    )
    assert f.original.unit_candidates == ("kilometer",) and f.original.unit_text == "km"
    assert f.converted.value == 68 and f.converted.unit == "miles"
    assert f.converted.unit_candidates == ("mile",)
    assert f.expected.unit == "miles" and round(f.expected.value, 2) == Decimal("62.14")
    assert f.message.startswith("100 km is 62.1 miles, not 68 miles")
    assert f.deviation_pct == 9.44


MESSAGES = [
    pytest.param(
        "A 123456789012345678901234567890123 km (76,709,468,038,500,000,000,000,000,000,000 "
        "miles) span.",
        "is 76,712,492,178,394,227,027,431,405,490,000 miles, not",
        "(-0.0039%, ",
        id="huge-figure-no-stray-decimal-no-zero-percent",
    ),
    pytest.param(
        "It is 9,460,730,472,580,800 km (6,000,000,000,000,000 miles) across.",
        "is 5,878,625,373,183,608 miles, not",
        "(+2.06%, ",
        id="no-decimal-past-fifteen-digits",
    ),
]


@pytest.mark.parametrize("text, shown, off", MESSAGES)
def test_messages_write_computed_figures_sensibly(text, shown, off):
    (f,) = _units(text)
    assert shown in f.message and off in f.message, f.message


def test_temperature_ratio_diagnosis():
    (f,) = _units("It hit 30C (54F).")
    assert f.verdict is Verdict.ERROR and f.diagnosis == "temperature-as-ratio"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The trail is 10 km (6 kg) long.", id="wrong-dimension"),
        pytest.param("They sailed 5 leagues (24 km).", id="unknown-unit"),
    ],
)
def test_unverifiable(text):
    (f,) = _units(text)
    assert f.verdict is Verdict.UNVERIFIABLE and f.code == "UNT004"


def test_no_text_no_pint():
    assert unit_findings("No figures here at all.") == []


# Newsroom rounding (issue 11): a round restatement's trailing zeros are not significant
# below two digits, an original with three significant digits of its own may be rounded too,
# a number word means its zeros, and a round restatement a few percent off is a warning.
ROUNDING = [
    pytest.param("The Moon is 238,900 miles (384,400 km) away.", Verdict.OK, id="moon-distance"),
    pytest.param(
        "The trek covers 1,800 miles (3,000 km).",
        Verdict.WARNING,
        id="round-restatement-few-percent",
    ),
    pytest.param(
        "The border lies some 90 miles (150 kilometers) north.",
        Verdict.OK,
        id="ninety-miles-150-km",
    ),
    pytest.param(
        "The pipeline runs roughly 2,000 kilometres (1,200 mi).", Verdict.OK, id="roughly-2000-km"
    ),
    pytest.param(
        "Nights fall to about minus 110 degrees Fahrenheit (minus 80 degrees Celsius).",
        Verdict.OK,
        id="about-minus-110-F",
    ),
    pytest.param(
        "The ship carried about 1,100 tons (998 metric tons) of ore.",
        Verdict.OK,
        id="short-tons-precise-side-in-brackets",
    ),
    pytest.param("He lifted 250 kg (561 lb).", Verdict.ERROR, id="precise-restatement-off"),
    pytest.param(
        "It lies within a hundred kilometers (63 miles).",
        Verdict.WARNING,
        id="number-word-means-its-zeros",
    ),
]


@pytest.mark.parametrize("text, verdict", ROUNDING)
def test_newsroom_rounding(text, verdict):
    assert [f.verdict for f in _units(text)] == [verdict]


def test_ambiguous_unit_names_the_reading_used():
    (f,) = _units("The ship carried about 1,100 tons (998 metric tons) of ore.")
    assert f.detail == "'tons' read as short ton" and f.original.unit_candidates[0] == "short_ton"
