"""Output formats, all from Finding.to_dict(): text, json, jsonl, line, sarif, rdjsonl, github.

SARIF is validated against the OASIS SARIF 2.1.0 JSON schema (errata 01), vendored as
tests/fixtures/sarif-schema-2.1.0.json from
https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from claims.check import DocumentResult
from claims.documents import load_document
from claims.model import Expected, Finding, Quantity, Rate, Span, Verdict
from claims.report import FORMATS, Problem, render, reporter, summary
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
RATE = Rate(
    "USD", "KRW", Decimal("1383.5"), date(2025, 6, 30), date(2025, 6, 30), "ECB euro reference rate"
)


def make(doc, needle: str, code: str, verdict: Verdict, message: str, **kw) -> Finding:
    at = doc.text.index(needle)
    return Finding(
        code, "currency-conversion", verdict, message, Span(at, at + len(needle)), needle, **kw
    )


def figure(doc, needle: str, unit: str = "USD") -> Quantity:
    at = doc.text.index(needle)
    return Quantity(needle, Span(at, at + len(needle)), Decimal("62290000000"), unit)


@pytest.fixture(scope="module")
def doc():
    return load_document(PATH, STORY.encode())


@pytest.fixture(scope="module")
def results(doc):
    findings = [
        make(
            doc,
            "100 trillion won ($62.29 billion)",
            "CUR001",
            Verdict.ERROR,
            "$62.29 billion should be about $72.28 billion: does not fit, 50%, a:b",
            expected=Expected(
                Decimal("72280000000"), Decimal("71.5e9"), Decimal("73e9"), "USD", "$72.28 billion"
            ),
            rate=RATE,
            deviation_pct=-13.8,
            diagnosis="mismatch",
            converted=figure(doc, "$62.29 billion"),
        ),
        make(
            doc,
            "942 million Norwegian kroner ($93.52 million)",
            "CUR003",
            Verdict.OK,
            "$93.52 million fits the reference rate",
        ),
        make(doc, "5 trillion won ($1 billion)", "CUR001", Verdict.ERROR, "suppressed one"),
        make(
            doc,
            "3 bn pesos ($1 billion)",
            "CUR004",
            Verdict.UNVERIFIABLE,
            "cannot verify '3 bn pesos': which peso",
        ),
        make(doc, "3 bn pesos ($1 billion)", "CUR002", Verdict.WARNING, "line1\nline2 100%"),
    ]
    located = apply(doc, [doc.locate(f) for f in findings])
    return [DocumentResult(PATH, date(2025, 6, 30), "metadata", located, ("rate data is fresh",))]


def out(fmt, results, doc, **kw):
    return render(fmt, results, **kw)


def test_summary_counts_suppressed_apart(results):
    assert summary(results) == {
        "ok": 1,
        "warning": 1,
        "error": 1,
        "unverifiable": 1,
        "suppressed": 1,
    }


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
    assert lines[-1] == (
        "1 error, 1 warning, 1 ok, 1 unverifiable, 1 suppressed in 1 file; "
        "as of 2025-06-30 (metadata)"
    )
    assert "\x1b[" not in text
    assert "\x1b[31;1merror\x1b[0m" in out("text", results, doc, color=True)


def test_json_shape(results, doc):
    data = json.loads(out("json", results, doc))
    assert data["version"] == 2
    assert set(data["summary"]) == {"ok", "warning", "error", "unverifiable", "suppressed"}
    (f,) = data["files"]
    assert (f["path"], f["as_of"], f["as_of_source"]) == (PATH, "2025-06-30", "metadata")
    first = f["findings"][0]
    assert list(first) == [
        "code",
        "name",
        "check",
        "verdict",
        "message",
        "detail",
        "start",
        "end",
        "line",
        "column",
        "end_line",
        "end_column",
        "byte_column",
        "end_byte_column",
        "text",
        "original",
        "converted",
        "expected",
        "deviation_pct",
        "diagnosis",
        "rate",
        "figures",
        "suppressed",
    ]
    assert first["name"] == "conversion-mismatch"
    assert doc.source[first["start"] : first["end"]] == first["text"]
    assert [x["suppressed"] for x in f["findings"]] == [False, False, True, False, False]


def test_line(results, doc):
    assert out("line", results, doc).splitlines() == [
        f"{PATH}:1:1:NOTE:note:rate data is fresh",
        f"{PATH}:6:23:CUR001:error:$62.29 billion should be about $72.28 billion: does not fit, 50%, a:b",
        f"{PATH}:10:6:CUR004:unverifiable:cannot verify '3 bn pesos': which peso",
        f"{PATH}:10:6:CUR002:warning:line1 line2 100%",
    ]


def test_github_errors_first_then_notes(results, doc):
    lines = out("github", results, doc).splitlines()
    assert lines[0] == (
        f"::error file={PATH},line=6,col=23,endLine=6,endColumn=56,"
        "title=CUR001 error::$62.29 billion should be about $72.28 billion: "
        "does not fit, 50%25, a:b"
    )
    assert lines[1].startswith("::warning file=") and lines[1].endswith("::line1%0Aline2 100%25")
    assert lines[2].startswith("::notice file=")
    assert lines[3] == f"::notice title=claims note::{PATH}: rate data is fresh"
    assert len(lines) == 4


def test_github_escaping():
    assert escape_data("50%\r\nx") == "50%25%0D%0Ax"
    assert escape_property("a,b:c%") == "a%2Cb%3Ac%25"


def test_rdjsonl_columns_are_utf8_bytes(results, doc):
    rows = [json.loads(line) for line in out("rdjsonl", results, doc).splitlines()]
    assert [r["severity"] for r in rows] == ["INFO", "ERROR", "INFO", "WARNING"]
    assert rows[0]["message"] == "rate data is fresh" and rows[0]["code"] == {"value": "note"}
    first = rows[1]
    line6 = doc.line_text(6)
    start_cp = line6.index("100 trillion")
    assert start_cp + 1 == 23  # code points
    prefix = line6[:start_cp].encode("utf-8")
    assert first["location"]["range"]["start"] == {"line": 6, "column": len(prefix) + 1}
    assert first["location"]["range"]["start"]["column"] == 30  # 서울 — Café: 16 bytes, 9 cps
    end_bytes = len(line6[: start_cp + len("100 trillion won ($62.29 billion)")].encode()) + 1
    assert first["location"]["range"]["end"] == {"line": 6, "column": end_bytes}
    assert first["code"] == {"value": "CUR001"} and first["location"]["path"] == PATH
    accented = doc.line_text(7)  # Ça coûte: 2 extra bytes
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
        assert phys["artifactLocation"] == {"uri": PATH, "uriBaseId": "%SRCROOT%"}
        region = phys["region"]
        for key in ("startLine", "startColumn", "endLine", "endColumn"):
            assert isinstance(region[key], int) and region[key] >= 1
        assert (region["endLine"], region["endColumn"]) > (
            region["startLine"],
            region["startColumn"],
        )
    by_rule = [(r["ruleId"], r["level"], bool(r["suppressions"])) for r in run["results"]]
    assert by_rule == [
        ("CUR001", "error", False),
        ("CUR001", "error", True),
        ("CUR004", "note", False),
        ("CUR002", "warning", False),
    ]
    suppressed = [r for r in run["results"] if r["suppressions"]]
    assert suppressed[0]["suppressions"][0]["kind"] == "inSource"
    first = run["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (first["startLine"], first["startColumn"], first["endColumn"]) == (6, 23, 56)
    prints = [r["partialFingerprints"]["claimsFinding/v1"] for r in run["results"]]
    assert len(set(prints)) == len(prints)


def test_sarif_fingerprints_survive_a_line_moving(results, doc):
    moved = load_document(
        PATH, STORY.replace("# 원화 강세\n", "# 원화 강세\n\nNew para.\n").encode()
    )
    finding = results[0].findings[0]
    at = moved.text.index(finding.text)
    relocated = moved.locate(
        Finding(
            finding.code,
            finding.check,
            finding.verdict,
            finding.message,
            Span(at, at + len(finding.text)),
            finding.text,
        )
    )
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


# ------------------------------------------------------------------ SARIF against the OASIS schema

SCHEMA_FILE = Path(__file__).parent / "fixtures" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def sarif_validator():
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is a test dependency")
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


def valid(validator, log) -> None:
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


UNDATED = """It cost 100 trillion won ($62.29 billion), said 서울.\n"""


def test_sarif_is_valid_in_every_shape(results, sarif_validator, tmp_path):
    undated = load_document("/abs/elsewhere/undated.txt", UNDATED.encode())
    at = undated.text.index("100 trillion")
    today = DocumentResult(
        undated.path,
        date(2026, 1, 5),
        "today",
        (
            undated.locate(
                Finding(
                    "CUR004",
                    "currency-conversion",
                    Verdict.UNVERIFIABLE,
                    "m",
                    Span(at, at + 12),
                    "100 trillion",
                )
            ),
        ),
    )
    problem = Problem("broken.md", "broken.md: not UTF-8 text (byte 0xe9 on line 1)")
    for runs in ([], results, results + [today]):
        for problems in ((), (problem,)):
            log = json.loads(render("sarif", runs, problems, base=str(tmp_path)))
            valid(sarif_validator, log)
    log = json.loads(render("sarif", results + [today], [problem], base="/work/site"))
    valid(sarif_validator, log)
    run = log["runs"][0]
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert notes[0]["level"] == "error" and notes[0]["message"]["text"].startswith("broken.md:")
    undated_note = [n for n in notes if "judged as of today" in n["message"]["text"]]
    assert undated_note[0]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "file:///abs/elsewhere/undated.txt"
    }
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": "file:///work/site/"}}
    driver = run["tool"]["driver"]
    assert driver["informationUri"].startswith("https://")
    assert all(r["helpUri"].endswith("#" + r["id"].lower()) for r in driver["rules"])
    assert all("suppressions" in r for r in run["results"])


def test_sarif_fix_writes_the_expected_figure_over_the_converted_one(results, doc, sarif_validator):
    log = json.loads(render("sarif", results))
    valid(sarif_validator, log)
    first, *rest = log["runs"][0]["results"]
    (fix,) = first["fixes"]
    (change,) = fix["artifactChanges"]
    (replacement,) = change["replacements"]
    assert replacement["insertedContent"] == {"text": "$72.28 billion"}
    region = replacement["deletedRegion"]
    line = doc.line_text(region["startLine"])
    assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == "$62.29 billion"
    assert not any("fixes" in r for r in rest)  # no converted figure or no expected text


def test_no_fix_where_the_diagnosis_doubts_the_figure(doc):
    finding = make(
        doc,
        "100 trillion won ($62.29 billion)",
        "CUR002",
        Verdict.WARNING,
        "stale",
        expected=Expected(Decimal(1), Decimal(1), Decimal(1), "USD", "$72.28 billion"),
        diagnosis="stale-data",
        converted=figure(doc, "$62.29 billion"),
    )
    result = DocumentResult(PATH, date(2025, 6, 30), "metadata", (doc.locate(finding),))
    assert "fixes" not in json.loads(render("sarif", [result]))["runs"][0]["results"][0]
    assert "suggestions" not in json.loads(render("rdjsonl", [result]))


def test_rdjsonl_suggestion_in_utf8_bytes(results, doc):
    rows = [json.loads(line) for line in out("rdjsonl", results, doc).splitlines()]
    (suggestion,) = rows[1]["suggestions"]
    assert suggestion["text"] == "$72.28 billion"
    start, end = suggestion["range"]["start"], suggestion["range"]["end"]
    raw = doc.line_text(6).encode("utf-8")
    assert raw[start["column"] - 1 : end["column"] - 1].decode() == "$62.29 billion"
    assert not any("suggestions" in r for r in rows[2:])


def test_sarif_artifact_uris():
    from claims.report.sarif import artifact

    assert artifact("news/a b.md", "/work/site") == {
        "uri": "news/a%20b.md",
        "uriBaseId": "%SRCROOT%",
    }
    assert artifact("/srv/x/서울.md", "/work/site") == {
        "uri": "file:///srv/x/%EC%84%9C%EC%9A%B8.md"
    }
    assert artifact("../other/a.md", "/work/site") == {"uri": "file:///work/other/a.md"}
    assert artifact("-", "/work/site") == {"uri": "stdin"}


# ------------------------------------------------------------------ the run around the results


def test_config_and_problems_are_named_in_json_jsonl_sarif_and_text(results):
    problem = Problem("bad.txt", "bad.txt: binary file (contains NUL bytes), not a text story")
    for fmt in ("json", "jsonl", "sarif", "text"):
        rep = reporter(fmt, base="/work/site")
        text = rep.start() + rep.document(results[0], "site/.claims.toml") + rep.problem(problem)
        text += rep.warning("/tmp/.claims.toml: ignored: owned by another user") + rep.finish()
        if fmt == "json":
            data = json.loads(text)
            assert data["files"][0]["config"] == "site/.claims.toml"
            assert data["problems"] == [problem.to_dict()]
            assert data["warnings"] == ["/tmp/.claims.toml: ignored: owned by another user"]
        elif fmt == "jsonl":
            rows = [json.loads(x) for x in text.splitlines()]
            assert [r["type"] for r in rows] == ["file", "problem", "warning", "summary"]
            assert rows[0]["config"] == "site/.claims.toml" and rows[-1]["problems"] == 1
        elif fmt == "sarif":
            inv = json.loads(text)["runs"][0]["invocations"][0]
            assert inv["properties"]["configFiles"] == ["site/.claims.toml"]
            assert inv["toolConfigurationNotifications"][0]["message"]["text"] == (
                "configuration read from site/.claims.toml"
            )
            assert inv["toolConfigurationNotifications"][1]["level"] == "warning"
        else:
            assert text.splitlines()[-1].endswith("; 1 input not checked; config site/.claims.toml")


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_as_of_today_is_said_in_every_format(fmt):
    doc = load_document("undated.txt", UNDATED.encode())
    at = doc.text.index("100 trillion")
    finding = doc.locate(
        Finding(
            "CUR001",
            "currency-conversion",
            Verdict.ERROR,
            "off",
            Span(at, at + 33),
            doc.text[at : at + 33],
        )
    )
    result = DocumentResult(
        "undated.txt",
        date(2026, 1, 5),
        "today",
        (finding,),
        ("rate data ends 2025-12-31, 5 days before the as-of date",),
    )
    text = render(fmt, [result])
    assert "judged as of today, 2026-01-05" in text
    assert "rate data ends 2025-12-31" in text
    dated = DocumentResult("dated.txt", date(2026, 1, 5), "metadata", (finding,))
    assert "as of today" not in render(fmt, [dated])


def test_streaming_formats_write_each_file_when_it_is_ready(results):
    for fmt in ("text", "line", "github", "rdjsonl", "jsonl"):
        rep = reporter(fmt)
        assert "$62.29 billion" in rep.document(results[0]), fmt
    for fmt in ("json", "sarif"):
        rep = reporter(fmt)
        assert rep.document(results[0]) == "" and "$62.29 billion" in rep.finish()


def test_text_quiet_leaves_out_ok_findings_but_keeps_the_summary(results, doc):
    text = out("text", results, doc, quiet=True)
    assert " ok CUR003 " not in text and " error CUR001 " in text
    assert text.splitlines()[-1].startswith("1 error, 1 warning, 1 ok")
    clean = DocumentResult("clean.txt", date(2025, 6, 30), "option", (), ("a note",))
    assert out("text", [clean], doc, quiet=True).splitlines() == [
        "0 errors, 0 warnings, 0 ok, 0 unverifiable, 0 suppressed in 1 file; as of 2025-06-30 (option)"
    ]


def test_github_says_when_annotations_exceed_the_per_step_limit(doc):
    at = doc.text.index("100 trillion won ($62.29 billion)")
    many = [
        doc.locate(
            Finding(
                "CUR001", "currency-conversion", Verdict.ERROR, f"e{i}", Span(at, at + 5), "100 t"
            )
        )
        for i in range(12)
    ]
    many += [
        doc.locate(
            Finding(
                "CUR002", "currency-conversion", Verdict.WARNING, "w", Span(at, at + 5), "100 t"
            )
        )
    ]
    rep = reporter("github")
    text = rep.document(DocumentResult(PATH, date(2025, 6, 30), "option", tuple(many)))
    text += rep.finish()
    lines = text.splitlines()
    assert sum(line.startswith("::error ") for line in lines) == 12
    assert lines[-1].startswith("::notice title=claims%3A more findings than GitHub shows::")
    assert "2 errors are not shown" in lines[-1] and "warning" not in lines[-1].split("::")[-1][:60]
    table = rep.summary_markdown()
    assert table.count(f"| {PATH} | 6 |") == 13
    assert "12 errors, 1 warnings" in table
    assert "| e11 |" in table
