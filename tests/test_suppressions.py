"""Suppressions: next-line, line, disable/enable stretches, codes, the plain-text form."""

from __future__ import annotations

import pytest

from claims.documents import load_document
from claims.model import Finding, Span, Verdict
from claims.suppressions import apply, parse

FIG = "100 won ($5)"


def finding_at(doc, line_no: int, code: str = "CUR001") -> Finding:
    """A located finding on ``FIG`` in source line ``line_no``."""
    start = doc.line_starts[line_no - 1] + doc.line_text(line_no).index(FIG)
    # Markdown and text keep source offsets; this helper is for those formats.
    f = Finding(code, "currency-conversion", Verdict.ERROR, "m", Span(start, start + len(FIG)), FIG)
    return doc.locate(f)


CASES = [
    pytest.param(
        "md",
        "<!-- claims-disable-next-line -->\nA " + FIG + "\nB " + FIG + "\n",
        {2: True, 3: False},
        id="next-line",
    ),
    pytest.param(
        "md",
        "<!-- claims-disable-next-line -->\n\n\nA " + FIG + "\nB " + FIG + "\n",
        {4: True, 5: False},
        id="next-line-skips-blank-lines",
    ),
    pytest.param(
        "md",
        "A " + FIG + " <!-- claims-disable-line -->\nB " + FIG + "\n",
        {1: True, 2: False},
        id="same-line",
    ),
    pytest.param(
        "md",
        "A "
        + FIG
        + "\n<!-- claims-disable -->\nB "
        + FIG
        + "\nC "
        + FIG
        + "\n<!-- claims-enable -->\nD "
        + FIG
        + "\n",
        {1: False, 3: True, 4: True, 6: False},
        id="disable-enable",
    ),
    pytest.param(
        "md",
        "<!-- claims-disable -->\nA " + FIG + "\n\nB " + FIG + "\n",
        {2: True, 4: True},
        id="disable-to-end",
    ),
    pytest.param(
        "txt", "A " + FIG + " claims: ignore\nB " + FIG + "\n", {1: True, 2: False}, id="txt-ignore"
    ),
    pytest.param(
        "md", "A " + FIG + " <!-- claims: ignore -->\n", {1: True}, id="ignore-in-markdown"
    ),
    pytest.param("html", "<p>x</p>\n<!-- claims-disable-next-line -->\n", {}, id="html-parses"),
    pytest.param(
        "md",
        "```\n<!-- claims-disable -->\n```\nA " + FIG + "\n",
        {4: False},
        id="directive-in-code-fence-ignored",
    ),
    pytest.param(
        "md",
        "`<!-- claims-disable -->` A " + FIG + "\n",
        {1: False},
        id="directive-in-inline-code-ignored",
    ),
]


@pytest.mark.parametrize("ext, source, expected", CASES)
def test_directives(ext, source, expected):
    doc = load_document(f"s.{ext}", source.encode())
    found = apply(doc, [finding_at(doc, line) for line in expected])
    assert {f.line: f.suppressed for f in found} == expected


CODE_CASES = [
    pytest.param(
        "<!-- claims-disable-next-line CUR002 -->", {"CUR002": True, "CUR001": False}, id="one-code"
    ),
    pytest.param(
        "<!-- claims-disable-next-line CUR001, CUR002 -->",
        {"CUR002": True, "CUR001": True, "CUR005": False},
        id="two-codes",
    ),
    pytest.param(
        "<!-- claims-disable-next-line CUR -->", {"CUR007": True, "UNT001": False}, id="prefix"
    ),
    pytest.param("claims: ignore UNT001", {"UNT001": True, "CUR001": False}, id="ignore-code"),
]


@pytest.mark.parametrize("directive, expected", CODE_CASES)
def test_codes(directive, expected):
    if directive.startswith("claims:"):
        source = f"A {FIG} {directive}\n"
        line = 1
    else:
        source = f"{directive}\nA {FIG}\n"
        line = 2
    doc = load_document("s.md", source.encode())
    for code, suppressed in expected.items():
        (f,) = apply(doc, [finding_at(doc, line, code)])
        assert f.suppressed is suppressed, code


def test_enable_with_codes_closes_only_those():
    src = (
        "<!-- claims-disable CUR002 -->\n<!-- claims-disable -->\n<!-- claims-enable CUR002 -->\n"
        f"A {FIG}\n<!-- claims-enable -->\nB {FIG}\n"
    )
    doc = load_document("s.md", src.encode())
    a, b = apply(doc, [finding_at(doc, 4, "CUR002"), finding_at(doc, 6, "CUR001")])
    assert a.suppressed is True  # the all-codes stretch is still open on line 4
    assert b.suppressed is False


def test_html_suppression_applies_to_mapped_source_line():
    src = f"<p>intro</p>\n<!-- claims-disable-next-line -->\n<p>A {FIG}</p>\n<p>B {FIG}</p>\n"
    doc = load_document("s.html", src.encode())
    findings = []
    at = -1
    for _ in range(2):
        at = doc.text.index(FIG, at + 1)
        findings.append(
            doc.locate(
                Finding(
                    "CUR001",
                    "currency-conversion",
                    Verdict.ERROR,
                    "m",
                    Span(at, at + len(FIG)),
                    FIG,
                )
            )
        )
    assert [(f.line, f.suppressed) for f in apply(doc, findings)] == [(3, True), (4, False)]


def test_no_directives_is_empty_and_fast_path():
    assert not parse("Nothing here about claims at all")
    assert not parse("")
