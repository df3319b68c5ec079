"""The standing fuzz suite (issue 17): Hypothesis over the readers, extraction, the checks and
every renderer, with the invariants a newsroom relies on.

Stories are spliced from real sentences (tests/fixtures) and the pieces that broke claims
before: invisible characters inside figures, old Mac line ends, Arabic-Indic digits, hostile
figures, markup. For every story, in text, Markdown and HTML, in UTF-8 or UTF-16:

* every span lies inside the checked text, and the text there reads as the reported text;
* every finding's line and column (code points and UTF-8 bytes) are where its source offset is;
* every verdict is one of ok, warning, error, unverifiable;
* every machine format parses (json, sarif, jsonl, rdjsonl, github commands);
* the same story twice gives the same result.

In CI each test runs a fixed set of examples (derandomized, about a second each). A longer
session: ``CLAIMS_FUZZ=long python -m pytest tests/test_fuzz_properties.py
--hypothesis-show-statistics`` (``CLAIMS_FUZZ_EXAMPLES`` sets the examples per test, default
20,000; new random examples every run). docs/reliability.md records the sessions run.
"""

from __future__ import annotations

import json
import os
import re
from bisect import bisect_right
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.check import CheckOptions, check_document
from claims.document import LINE_END
from claims.documents import load_document
from claims.errors import ClaimsError
from claims.extract import extract
from claims.extract.reading import read
from claims.model import Verdict
from claims.report import FORMATS, render

LONG = os.environ.get("CLAIMS_FUZZ") == "long"


def fuzz(ci_examples: int) -> settings:
    """The suite's settings: ``ci_examples`` fixed examples in CI, many random ones when long."""
    return settings(
        max_examples=int(os.environ.get("CLAIMS_FUZZ_EXAMPLES", 20_000)) if LONG else ci_examples,
        deadline=None,
        derandomize=not LONG,  # CI: the same examples every run, never flaky
        database=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
        ],
        print_blob=True,
    )


FIXTURES = Path(__file__).parent / "fixtures"
SENTENCES = sorted(
    {
        json.loads(line)["text"]
        for name in ("dev_currency.jsonl", "units_arith_dev.jsonl", "fx_multilingual_dev.jsonl")
        for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
)
#: What broke claims before (issue 17) and what copy really carries around figures.
PIECES = [
    "\u200f",
    "\u200e",
    "\u200d",
    "\u200b",
    "\u2060",
    "\ufeff",
    "\u00ad",
    "\u202e",  # invisible
    "\u066b",
    "\u066c",
    "\u0661\u0662\u0663",
    "\u0967\u0968",
    "\uff11\uff12",  # digits
    "\r",
    "\r\n",
    "\n",
    "\n\n",
    "\u2028",
    "\u2029",
    "\t",
    " ",
    "\u00a0",
    "\u202f",  # breaks
    "$",
    "US$",
    "€",
    "£",
    "¥",
    "₹",
    "won",
    " yen",
    " pengő",
    "(",
    ")",
    ", or ",
    "about ",
    "1,234.5",
    "1.234,5",
    "12.345",
    "0",
    "0.0",
    "-1",
    "1e9",
    "½",
    "9" * 30,
    "100,000,000,000,000,000,000,000,000,000",
    " trillion",
    " billion",
    " million",
    " bn",
    " km",
    " miles",
    "°C",
    "°F",
    " per cent",
    "%",
    " percentage points",
    "a 5% rise",
    "rose from ",
    " to ",
    "doubled",
    "three times",
    "of the ",
    "SEOUL, June 30, 2025 - ",
    "Date: 2025-06-30\n",
    "---\ndate: 0001-01-01\n---\n",
    "# ",
    "- ",
    "> ",
    "```\n",
    "`",
    "<b>",
    "</b>",
    "<p>",
    "&amp;",
    "&nbsp;",
    "&#36;",
    "<!--",
    "-->",
    "<script>",
    "claims: ignore",
]

_sentence = st.sampled_from(SENTENCES)
_slice = st.tuples(_sentence, st.integers(0, 400), st.integers(0, 400)).map(
    lambda t: t[0][min(t[1], t[2]) : max(t[1], t[2])]
)
_piece = st.one_of(
    _sentence,
    _slice,
    _slice,
    st.sampled_from(PIECES),
    st.sampled_from(PIECES),
    st.text(max_size=12),
)
#: A story: a handful of real sentences, slices of them and hostile pieces, run together.
stories = st.lists(_piece, min_size=1, max_size=10).map("".join)

WRAPS = {
    "txt": "{}",
    "md": "---\ntitle: T\ndate: 2025-06-30\n---\n\n# Title\n\n{}\n",
    "html": (
        '<html><head><meta property="article:published_time" content="2025-06-30">'
        "</head><body><article><p>{}</p></article></body></html>"
    ),
}


@st.composite
def documents(draw):
    """(file name, bytes, source text) of one story in one format, line ending and encoding."""
    ext = draw(st.sampled_from(sorted(WRAPS)))
    body = draw(stories)
    source = WRAPS[ext].format(body) if draw(st.booleans()) else body
    ending = draw(st.sampled_from(["\n", "\r", "\r\n"]))
    if ending != "\n":
        source = source.replace("\r\n", "\n").replace("\n", ending)
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16"]))
    try:
        data = source.encode(encoding)
    except UnicodeEncodeError:  # a lone surrogate from st.text(): not a file
        data = source.encode("utf-8", "replace")
        source = data.decode("utf-8")
    return f"story.{ext}", data, source


AS_OF = st.one_of(
    st.none(),
    st.dates(date(1999, 1, 4), date(2026, 10, 30)),
    st.sampled_from([date(1, 1, 3), date(1946, 7, 1), date(9998, 12, 31)]),
)
VERDICTS = {v.value for v in Verdict}


def options(as_of):
    return CheckOptions(today=date(2026, 11, 29), as_of=as_of)


# ------------------------------------------------------------------------------ invariants


def reads_as(fragment: str, reported: str) -> bool:
    """A stretch of the checked text reads (``reading.read``) as the reported text."""
    return " ".join(read(fragment).text.split()) == " ".join(reported.split())


def assert_placed(doc, location, span) -> None:
    """The source position agrees with the text offsets and with the source's lines."""
    src = doc.source
    assert location is not None
    assert 0 <= location.start <= location.end <= len(src)
    assert location.start == doc.to_source(span.start)
    starts = [0] + [m.end() for m in LINE_END.finditer(src)]
    for offset, line, column, byte_column in (
        (location.start, location.line, location.column, location.byte_column),
        (location.end, location.end_line, location.end_column, location.end_byte_column),
    ):
        at = bisect_right(starts, offset) - 1
        assert line == at + 1, (offset, line)
        assert column == offset - starts[at] + 1, (offset, column)
        assert byte_column == len(src[starts[at] : offset].encode("utf-8", "surrogatepass")) + 1


def assert_quantity(doc, q) -> None:
    assert 0 <= q.span.start <= q.span.end <= len(doc.text)
    assert reads_as(doc.text[q.span.start : q.span.end], q.text), (q.text, q.span)
    if q.location is not None:
        assert_placed(doc, q.location, q.span)


def assert_result(doc, result) -> None:
    for f in result.findings:
        assert f.verdict.value in VERDICTS
        assert 0 <= f.span.start <= f.span.end <= len(doc.text), f
        assert reads_as(doc.text[f.span.start : f.span.end], f.text), (f.text, f.span)
        assert_placed(doc, f.location, f.span)
        for q in (f.original, f.converted):
            if q is not None:
                assert_quantity(doc, q)
        for figure in f.figures.values():
            for q in figure if isinstance(figure, tuple) else (figure,):
                assert_quantity(doc, q)
        if f.deviation_pct is not None:
            assert f.deviation_pct == f.deviation_pct  # never NaN


#: One workflow command: property values escaped (no raw ``:`` ``,`` or line break).
_GITHUB = re.compile(
    r"::(error|warning|notice)( [A-Za-z]+=[^,:\r\n]*(,[A-Za-z]+=[^,:\r\n]*)*)?"
    r"::[^\r\n]*"
)


def assert_renders(results, problems=()) -> None:
    """Every format renders the run; the machine formats parse as what they claim to be."""
    for name in FORMATS:
        out = render(name, results, problems)
        assert isinstance(out, str)
        if name in ("json", "sarif"):
            data = json.loads(out)
            if name == "sarif":
                assert data["version"] == "2.1.0"
        elif name in ("jsonl", "rdjsonl"):
            for line in out.splitlines():
                json.loads(line)
        elif name == "github":
            for line in out.splitlines():
                assert _GITHUB.fullmatch(line), line
        elif name == "html":
            assert out.lstrip().lower().startswith("<!doctype html")


# ------------------------------------------------------------------------------ the suite


@fuzz(25)
@given(doc=documents(), as_of=AS_OF)
def test_every_story_checks_with_findings_placed_in_its_source(doc, as_of, rate_store):
    name, data, _ = doc
    try:
        document = load_document(name, data)
    except ClaimsError as exc:  # refused (a NUL byte: binary): one line, no more
        assert "\n" not in str(exc) and str(exc).startswith(name)
        return
    result = check_document(document, rate_store, options(as_of))
    assert_result(document, result)
    assert_renders([result])
    again = check_document(load_document(name, data), rate_store, options(as_of))
    assert again.to_dict() == result.to_dict()


@fuzz(50)
@given(doc=documents())
def test_readers_map_every_text_offset_into_the_source(doc):
    name, data, source = doc
    try:
        document = load_document(name, data)
    except ClaimsError as exc:
        assert "\n" not in str(exc) and str(exc).startswith(name)
        return
    assert document.source.lstrip("\ufeff") == source.lstrip("\ufeff") or name.endswith(".html")
    previous = 0
    for offset in range(0, len(document.text) + 1, max(1, len(document.text) // 200)):
        at = document.to_source(offset)
        assert previous <= at <= len(document.source)
        previous = at
    assert document.to_source(len(document.text)) <= len(document.source)


@fuzz(50)
@given(text=stories, dollar=st.sampled_from(["USD", "CAD", "AUD", "HKD"]))
def test_extraction_spans_read_as_their_text(text, dollar):
    found = extract(text, dollar=dollar)
    for q in found.mentions:
        assert 0 <= q.span.start <= q.span.end <= len(text)
        assert reads_as(text[q.span.start : q.span.end], q.text), (q.text, q.span)
        assert q.value == q.value and (q.high is None or q.high >= q.value)
    for c in found.conversions:
        assert 0 <= c.span.start <= c.span.end <= len(text)
        assert reads_as(text[c.span.start : c.span.end], c.text)
    for r in found.stated_rates:
        assert 0 <= r.span.start <= r.span.end <= len(text) and r.value > 0
    assert extract(text, dollar=dollar) == found


@fuzz(12)
@given(texts=st.lists(stories, min_size=2, max_size=4), as_of=AS_OF)
def test_a_run_of_several_stories_renders_in_every_format(texts, as_of, rate_store):
    results = [
        check_document(
            load_document(f"s{i}.md", t.replace("\0", "").encode("utf-8", "replace")),
            rate_store,
            options(as_of),
        )
        for i, t in enumerate(texts)
    ]
    from claims.report import Problem

    problems = [Problem("bad, odd: name.txt", "bad, odd: name.txt: binary file", "input")]
    data = json.loads(render("json", results, problems))
    assert [f["path"] for f in data["files"]] == [f"s{i}.md" for i in range(len(texts))]
    assert_renders(results, problems)


@pytest.mark.parametrize(
    "source",
    [
        "SEOUL, June 30, 2025 - Lee plans to invest 10\u200f0 trillion won ($72.29 billion).",
        "old Mac\rline ends\r\rSEOUL, June 30, 2025 - 100 trillion won ($72.29\rbillion).\r",
        "\ufeffIt is 1\u200d00 km (6\u00ad2 miles) away; \u0661\u0662\u066b5 km (7.8 miles).",
        "In Meath, recorded crime grew 22.5% — three times the national rate of 7.5%.",
    ],
    ids=[
        "rtl-mark-in-figure",
        "cr-only-line-ends",
        "invisible-and-arabic-digits",
        "a-multiplier-word-figure-spans-its-times",
    ],
)
def test_the_invariants_hold_on_the_reproductions(source, rate_store):
    """The suite's own checks, on the stories issue 17 reproduced by hand and those the long
    sessions found: they must find the figures (so the invariants are not vacuous) and place
    them."""
    document = load_document("story.txt", source.encode("utf-8"))
    result = check_document(document, rate_store, options(date(2025, 6, 30)))
    assert result.findings
    assert_result(document, result)
    assert_renders([result])
