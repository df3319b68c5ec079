"""Output formats, all from Finding.to_dict(): text, json, line, sarif, rdjsonl, github."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from claims.check import DocumentResult
from claims.documents import load_document
from claims.model import Expected, Finding, Rate, Span, Verdict
from claims.report import render, summary
from claims.report.github import escape_data, escape_property
from claims.rules import RULES
from claims.suppressions import apply

STORY = """---
date: 2025-06-30
---
# 원화 강세

서울 — Café owners said 100 trillion won ($62.29 billion) was pledged.
Ça coûte 942 million Norwegian kroner ($93.52 million).
<!-- claims-disable-next-line -->
Another 5 trillion won ($1 billion).
Some 3 bn pesos ($1 billion) were unverifiable.
"""
PATH = "news/story.md"
RATE = Rate("USD", "KRW", Decimal("1383.5"), date(2025, 6, 30), date(2025, 6, 30),
            "ECB euro reference rate")


def make(doc, needle: str, code: str, verdict: Verdict, message: str, **kw) -> Finding:
    at = doc.text.index(needle)
    return Finding(code, "currency-conversion", verdict, message, Span(at, at + len(needle)),
                   needle, **kw)


@pytest.fixture(scope="module")
def doc():
    return load_document(PATH, STORY.encode())


@pytest.fixture(scope="module")
def results(doc):
    findings = [
        make(doc, "100 trillion won ($62.29 billion)", "CUR001", Verdict.ERROR,
             "$62.29 billion should be about $72.28 billion: does not fit, 50%, a:b",
             expected=Expected(Decimal("72280000000"), Decimal("71.5e9"), Decimal("73e9"), "USD",
                               "$72.28 billion"), rate=RATE, deviation_pct=-13.8,
             diagnosis="mismatch"),
        make(doc, "942 million Norwegian kroner ($93.52 million)", "CUR003", Verdict.OK,
             "$93.52 million fits the reference rate"),
        make(doc, "5 trillion won ($1 billion)", "CUR001", Verdict.ERROR, "suppressed one"),
        make(doc, "3 bn pesos ($1 billion)", "CUR004", Verdict.UNVERIFIABLE,
             "cannot verify '3 bn pesos': which peso"),
        make(doc, "3 bn pesos ($1 billion)", "CUR002", Verdict.WARNING, "line1\nline2 100%"),
    ]
    located = apply(doc, [doc.locate(f) for f in findings])
    return [DocumentResult(PATH, date(2025, 6, 30), "metadata", located,
                           ("rate data is fresh",))]


def out(fmt, results, doc, **kw):
    return render(fmt, results, **kw)


def test_summary_counts_suppressed_apart(results):
    assert summary(results) == {"ok": 1, "warning": 1, "error": 1, "unverifiable": 1,
                                "suppressed": 1}


def test_text(results, doc):
    text = out("text", results, doc)
    lines = text.splitlines()
    assert lines[0] == f"{PATH}: note: rate data is fresh"
    assert lines[1].startswith(f"{PATH}:6:23: error CUR001 $62.29 billion should be")
    assert "    figure:   100 trillion won ($62.29 billion)" in lines
    assert "    expected: $72.28 billion (acceptable: 71.5 billion to 73 billion)" in lines
    assert "    rate:     1 USD = 1,383.5 KRW on 2025-06-30, ECB euro reference rate" in lines
    assert f"{PATH}:7:10: ok CUR003 $93.52 million fits the reference rate" in lines
    assert "suppressed one" not in text
    assert lines[-1] == ("1 error, 1 warning, 1 ok, 1 unverifiable, 1 suppressed in 1 file; "
                         "as of 2025-06-30 (metadata)")
    assert "\x1b[" not in text
    assert "\x1b[31;1merror\x1b[0m" in out("text", results, doc, color=True)


def test_json_shape(results, doc):
    data = json.loads(out("json", results, doc))
    assert data["version"] == 2
    assert set(data["summary"]) == {"ok", "warning", "error", "unverifiable", "suppressed"}
    (f,) = data["files"]
    assert (f["path"], f["as_of"], f["as_of_source"]) == (PATH, "2025-06-30", "metadata")
    first = f["findings"][0]
    assert list(first) == ["code", "name", "check", "verdict", "message", "detail", "start", "end",
                           "line", "column", "end_line", "end_column", "byte_column",
                           "end_byte_column", "text", "original", "converted", "expected",
                           "deviation_pct", "diagnosis", "rate", "figures", "suppressed"]
    assert first["name"] == "conversion-mismatch"
    assert doc.source[first["start"]:first["end"]] == first["text"]
    assert [x["suppressed"] for x in f["findings"]] == [False, False, True, False, False]


def test_line(results, doc):
    assert out("line", results, doc).splitlines() == [
        f"{PATH}:6:23:CUR001:error:$62.29 billion should be about $72.28 billion: does not fit, 50%, a:b",
        f"{PATH}:10:6:CUR004:unverifiable:cannot verify '3 bn pesos': which peso",
        f"{PATH}:10:6:CUR002:warning:line1 line2 100%",
    ]


def test_github(results, doc):
    lines = out("github", results, doc).splitlines()
    assert lines[0] == (f"::error file={PATH},line=6,col=23,endLine=6,endColumn=56,"
                        "title=CUR001 error::$62.29 billion should be about $72.28 billion: "
                        "does not fit, 50%25, a:b")
    assert lines[1].startswith("::notice file=")
    assert lines[2].startswith("::warning file=") and lines[2].endswith("::line1%0Aline2 100%25")
    assert len(lines) == 3


def test_github_escaping():
    assert escape_data("50%\r\nx") == "50%25%0D%0Ax"
    assert escape_property("a,b:c%") == "a%2Cb%3Ac%25"


def test_rdjsonl_columns_are_utf8_bytes(results, doc):
    rows = [json.loads(line) for line in out("rdjsonl", results, doc).splitlines()]
    assert [r["severity"] for r in rows] == ["ERROR", "INFO", "WARNING"]
    first = rows[0]
    line6 = doc.line_text(6)
    start_cp = line6.index("100 trillion")
    assert start_cp + 1 == 23                                          # code points
    prefix = line6[:start_cp].encode("utf-8")
    assert first["location"]["range"]["start"] == {"line": 6, "column": len(prefix) + 1}
    assert first["location"]["range"]["start"]["column"] == 30        # 서울 — Café: 16 bytes, 9 cps
    end_bytes = len(line6[:start_cp + len("100 trillion won ($62.29 billion)")].encode()) + 1
    assert first["location"]["range"]["end"] == {"line": 6, "column": end_bytes}
    assert first["code"] == {"value": "CUR001"} and first["location"]["path"] == PATH
    accented = doc.line_text(7)                                        # Ça coûte: 2 extra bytes
    assert len(accented[:10].encode()) == 12


# ------------------------------------------------------------------ SARIF, checked structurally

def test_sarif_shape(results, doc):
    log = json.loads(out("sarif", results, doc))
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    assert isinstance(log["runs"], list) and len(log["runs"]) == 1
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "claims" and isinstance(driver["version"], str)
    rule_ids = [r["id"] for r in driver["rules"]]
    assert len(rule_ids) == len(set(rule_ids))
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["name"] == RULES[rule["id"]].name
        assert rule["defaultConfiguration"]["level"] in ("none", "note", "warning", "error")
    assert run["results"], "expected results"
    for res in run["results"]:
        assert res["ruleId"] in rule_ids
        assert rule_ids[res["ruleIndex"]] == res["ruleId"]
        assert res["level"] in ("note", "warning", "error")
        assert res["message"]["text"]
        assert set(res["partialFingerprints"]) == {"claimsFinding/v1"}
        (loc,) = res["locations"]
        phys = loc["physicalLocation"]
        assert phys["artifactLocation"]["uri"] == PATH
        region = phys["region"]
        for key in ("startLine", "startColumn", "endLine", "endColumn"):
            assert isinstance(region[key], int) and region[key] >= 1
        assert (region["endLine"], region["endColumn"]) > (region["startLine"], region["startColumn"])
    by_rule = [(r["ruleId"], r["level"], "suppressions" in r) for r in run["results"]]
    assert by_rule == [("CUR001", "error", False), ("CUR001", "error", True),
                       ("CUR004", "note", False), ("CUR002", "warning", False)]
    suppressed = [r for r in run["results"] if "suppressions" in r]
    assert suppressed[0]["suppressions"][0]["kind"] == "inSource"
    first = run["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (first["startLine"], first["startColumn"], first["endColumn"]) == (6, 23, 56)
    prints = [r["partialFingerprints"]["claimsFinding/v1"] for r in run["results"]]
    assert len(set(prints)) == len(prints)


def test_sarif_fingerprints_survive_a_line_moving(results, doc):
    moved = load_document(PATH, STORY.replace("# 원화 강세\n", "# 원화 강세\n\nNew para.\n").encode())
    finding = results[0].findings[0]
    at = moved.text.index(finding.text)
    relocated = moved.locate(Finding(finding.code, finding.check, finding.verdict, finding.message,
                                     Span(at, at + len(finding.text)), finding.text))
    again = [DocumentResult(PATH, date(2025, 6, 30), "metadata", (relocated,))]
    log_a = json.loads(out("sarif", results, doc))
    log_b = json.loads(render("sarif", again))
    a = log_a["runs"][0]["results"][0]
    b = log_b["runs"][0]["results"][0]
    assert a["locations"][0]["physicalLocation"]["region"]["startLine"] == 6
    assert b["locations"][0]["physicalLocation"]["region"]["startLine"] == 8
    assert a["partialFingerprints"] == b["partialFingerprints"]


def test_empty_results_are_valid():
    assert json.loads(render("sarif", []))["runs"][0]["results"] == []
    assert json.loads(render("json", []))["files"] == []
    assert render("line", []) == "" and render("github", []) == ""
