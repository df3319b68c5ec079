"""The OpenAPI models describe exactly what the library serialises: a key added to (or dropped
from) ``Finding.to_dict()`` and friends fails here until ``claims/serve/schemas.py`` follows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from serve_helpers import need_serve_extra

need_serve_extra()

ROOT = Path(__file__).resolve().parent.parent
STORIES = [
    ROOT / "tests" / "fixtures" / "html_report" / "desk-mix.md",
    ROOT / "tests" / "fixtures" / "html_report" / "desk-mix.html",
    ROOT / "examples" / "korea-herald-june-2025.txt",
]


@pytest.fixture(scope="module")
def results(rate_store):
    from claims.check import CheckOptions, check_document
    from claims.documents import load_document

    out = []
    for path in STORIES:
        doc = load_document(str(path), path.read_bytes())
        out.append((doc, check_document(doc, rate_store, CheckOptions(today=date(2025, 7, 1)))))
    return out


def _fields(model) -> set[str]:
    return set(model.model_fields)


def test_finding_keys_match_the_model(results):
    from claims.serve import schemas

    findings = [f.to_dict() for _doc, r in results for f in r.findings]
    assert {f["verdict"] for f in findings} >= {"ok", "warning", "error", "unverifiable"}
    for d in findings:
        assert set(d) == _fields(schemas.Finding), d["code"]
        for role in ("original", "converted"):
            if d[role]:
                assert set(d[role]) == _fields(schemas.Quantity)
        for fig in d["figures"].values():
            for q in fig if isinstance(fig, list) else [fig]:
                assert set(q) == _fields(schemas.Quantity)
        if d["expected"]:
            assert set(d["expected"]) == _fields(schemas.Expected)
        if d["rate"]:
            assert set(d["rate"]) == _fields(schemas.Rate)


def test_check_json_validates_against_the_response_model(results):
    import json

    from claims.report import render
    from claims.serve import schemas

    for _doc, result in results:
        data = json.loads(render("json", [result]))
        assert set(data) | {"outcome"} == _fields(schemas.CheckResponse)
        assert set(data["files"][0]) == _fields(schemas.FileResult)
        assert set(data["summary"]) == _fields(schemas.Summary)
        schemas.CheckResponse.model_validate(
            {**data, "outcome": {"fail_on": "error", "failed": False}}
        )


def test_extract_json_keys_match_the_model(results):
    from claims.extract import extract
    from claims.report.extraction import file_dict
    from claims.serve import schemas

    for doc, _result in results:
        data = file_dict(doc, extract(doc.text))
        assert set(data) == _fields(schemas.ExtractFile)
        for conv in data["conversions"]:
            assert set(conv) == _fields(schemas.Conversion)
        for rate in data["stated_rates"]:
            assert set(rate) == _fields(schemas.StatedRate)
        schemas.ExtractResponse.model_validate({"files": [data]})


def test_rule_keys_match_the_model():
    from dataclasses import fields

    from claims.rules import Rule
    from claims.serve import schemas

    assert {f.name for f in fields(Rule)} == _fields(schemas.Rule)


def test_options_are_the_config_keys():
    """Every request option is a `.claims.toml` key, validated by the same rules."""
    from claims.config import _VALIDATORS
    from claims.serve import schemas

    # a folder walk's keys and the CLI's per-story budget do not apply to one posted story
    walk = {"format", "include", "exclude", "gitignore", "max_story_mb", "max_story_seconds"}
    assert _fields(schemas.Options) == set(_VALIDATORS) - walk


@pytest.mark.parametrize(
    "value, ok",
    [(7, True), (7.0, True), (7.5, False), ("7", False), (True, False)],
    ids=["int", "integral-float", "fraction", "string", "bool"],
)
def test_an_integer_setting_takes_what_json_schema_calls_an_integer(value, ok):
    from pydantic import ValidationError

    from claims.serve.schemas import Options

    if ok:
        assert Options.model_validate({"window_days": value}).window_days == 7
    else:
        with pytest.raises(ValidationError):
            Options.model_validate({"window_days": value})


@pytest.mark.parametrize(
    "value, ok",
    [
        ("1,234.5", True),
        ("AUTO", True),
        (" 1\u00a0234,5 ", True),
        ("decimal-comma", True),
        ("1x234", False),
        ("\x90\x02", False),
    ],
    ids=["point", "auto-any-case", "nbsp-group", "word", "junk", "control-chars"],
)
def test_the_number_format_pattern_is_what_the_setting_accepts(value, ok):
    import re

    from claims.extract.number_style import parse_number_format
    from claims.serve.schemas import NUMBER_FORMAT_PATTERN

    assert bool(re.search(NUMBER_FORMAT_PATTERN, value)) is ok
    if ok:
        parse_number_format(value)
    else:
        with pytest.raises(ValueError):
            parse_number_format(value)
