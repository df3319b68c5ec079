"""`--format html` without a browser: self-contained, every finding highlighted where the story
has it, escaped, suppressed ones marked, charts from the series the caller fetched."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest

from claims.report._html_chart import story_rate
from claims.report.html import _highlight, render
from claims.report.html_series import window_series

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "html_report"
AS_OF = date(2025, 6, 30)


def checked(store, *paths: Path, as_of: date | None = AS_OF):
    from claims.check import CheckOptions, check_document
    from claims.documents import load_document

    docs, results = {}, []
    for path in paths:
        doc = load_document(str(path), path.read_bytes())
        docs[doc.path] = doc
        results.append(check_document(doc, store, CheckOptions(today=AS_OF, as_of=as_of)))
    return docs, results


class Marks(HTMLParser):
    """Collects each badge id's highlighted text, the badges and the evidence items."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[list[str]] = []
        self.text: dict[str, str] = {}
        self.badges: list[dict[str, str]] = []
        self.items: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "mark":
            self.stack.append((a.get("data-badges") or "").split())
        if tag == "a" and "badge" in (a.get("class") or ""):
            self.badges.append(a)
        if tag == "li" and (a.get("id") or "").startswith("f-"):
            self.items.append(a["id"])
        for key in ("src", "href"):
            if a.get(key) and not a[key].startswith("#"):
                self.external.append(a[key])
        if tag in ("link", "iframe", "img", "object", "embed"):
            self.external.append(tag)

    def handle_endtag(self, tag):
        if tag == "mark" and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        for ids in self.stack:
            for i in ids:
                self.text[i] = self.text.get(i, "") + data


def parsed(page: str) -> Marks:
    m = Marks()
    m.feed(page)
    return m


def test_self_contained_page_with_every_finding_where_the_story_has_it(rate_store):
    docs, results = checked(rate_store, FIXTURES / "desk-mix.md", FIXTURES / "desk-mix.html")
    page = render(results, documents=docs, series=window_series(results, rate_store))
    m = parsed(page)
    assert m.external == []
    assert not re.search(r"url\(|@import|https?://(?!www\.w3\.org/2000/svg)", page)
    assert "default-src 'none'" in page
    findings = [f for r in results for f in r.findings]
    assert len(m.badges) == len(m.items) == len(findings) == 11
    for badge, finding in zip(m.badges, findings, strict=True):
        assert " ".join(m.text[badge["id"]].split()) == " ".join(finding.text.split())
        kind = "suppressed" if finding.suppressed else finding.verdict.value
        assert f"v-{kind}" in badge["class"]
    assert page.count('<svg class="chart"') >= 4  # the KRW and NOK findings


def test_story_text_is_escaped(rate_store, tmp_path):
    story = tmp_path / "x.txt"
    story.write_text(
        "SEOUL, June 30, 2025 - <script>alert(1)</script> It cost 100 trillion won "
        "($62.29 billion) & more.",
        encoding="utf-8",
    )
    docs, results = checked(rate_store, story)
    page = render(results, documents=docs)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&amp; more" in page
    assert page.count("<script>") == 1  # the report's own


def test_suppressed_findings_are_shown_as_such(rate_store):
    docs, results = checked(rate_store, FIXTURES / "desk-mix.md")
    page = render(results, documents=docs)
    suppressed = [b for b in parsed(page).badges if "v-suppressed" in b["class"]]
    assert len(suppressed) == 1 and results[0].counts()["suppressed"] == 1
    assert "Suppressed</dt><dd>yes: silenced in the story; its verdict would be warning" in page


def test_chart_draws_the_implied_rate_against_the_window(rate_store):
    docs, results = checked(rate_store, ROOT / "examples" / "wrong-figures.txt")
    series = window_series(results, rate_store, 7)
    ((key, drawn),) = [(k, v) for k, v in series.items() if k[1:] == ("USD", "KRW")]
    assert drawn["window_start"] == "2025-06-23" and drawn["as_of"] == "2025-06-30"
    assert drawn["points"][-1] == ("2025-06-30", "1355.12798635")
    page = render(results, documents=docs, series=series)
    assert "the story implies 1 USD = 1,605.39 KRW" in page
    assert "rate used: fixing of 2025-06-30" in page
    assert '<svg class="chart"' not in render(results, documents=docs)  # no series, no chart


def test_without_documents_the_findings_are_still_listed(rate_store):
    _docs, results = checked(rate_store, ROOT / "examples" / "wrong-figures.txt")
    page = render(results)
    assert "findings only" in page and len(parsed(page).badges) == 2


def test_a_folder_gets_a_table_of_contents(rate_store):
    docs, results = checked(rate_store, *sorted((ROOT / "examples").glob("*.txt")))
    page = render(results, documents=docs)
    assert '<nav class="stories"' in page and page.count('<article class="story"') == 2
    assert render(results[:1], documents=docs).count('<nav class="stories"') == 0


def test_cli_writes_the_page_and_keeps_its_exit_code(rate_store, cache_dir, capsys):
    from claims.cli import main

    code = main(["check", str(FIXTURES), "--format", "html", "--cache-dir", str(cache_dir)])
    page = capsys.readouterr().out
    assert code == 1 and page.startswith("<!doctype html>")
    assert len(parsed(page).badges) == 11 and '<svg class="chart"' in page


HIGHLIGHT = [  # (id, text, spans as (start, end, kind), expected HTML)
    (
        "one",
        "a 10 b",
        [(2, 4, "ok")],
        'a <mark class="hl v-ok" data-kinds="ok" data-badges="b1">10</mark>[b1] b',
    ),
    (
        "nested-worst-wins",
        "x 1 (2) y",
        [(2, 7, "ok"), (5, 6, "error")],
        'x <mark class="hl v-ok" data-kinds="ok" data-badges="b1">1 (</mark>'
        '<mark class="hl v-error" data-kinds="error ok" data-badges="b1 b2">2</mark>[b2]'
        '<mark class="hl v-ok" data-kinds="ok" data-badges="b1">)</mark>[b1] y',
    ),
    (
        "crossing",
        "abcdef",
        [(0, 4, "warning"), (2, 6, "ok")],
        '<mark class="hl v-warning" data-kinds="warning" data-badges="b1">ab</mark>'
        '<mark class="hl v-warning" data-kinds="warning ok" data-badges="b1 b2">cd</mark>[b1]'
        '<mark class="hl v-ok" data-kinds="ok" data-badges="b2">ef</mark>[b2]',
    ),
    (
        "escaped",
        "<b>&</b>",
        [(3, 4, "error")],
        '&lt;b&gt;<mark class="hl v-error" data-kinds="error" data-badges="b1">&amp;</mark>[b1]'
        "&lt;/b&gt;",
    ),
    ("empty-span-at-start", "ab", [(0, 0, "unverifiable")], "[b1]ab"),
]


@pytest.mark.parametrize(
    "text, spans, expected", [h[1:] for h in HIGHLIGHT], ids=[h[0] for h in HIGHLIGHT]
)
def test_highlight_segments(text, spans, expected):
    marked = [(s, e, k, f"[b{i}]", f"b{i}") for i, (s, e, k) in enumerate(spans, start=1)]
    assert _highlight(text, marked) == expected


def _q(value: str, unit: str) -> dict:
    return {"value": value, "high": None, "unit": unit}


IMPLIED = [  # (id, finding dict, expected quote-per-base rate)
    (
        "krw-to-usd",
        {
            "rate": {"base": "USD", "quote": "KRW"},
            "original": _q("100", "KRW"),
            "converted": _q("0.0738", "USD"),
        },
        Decimal("100") / Decimal("0.0738"),
    ),
    (
        "usd-to-krw",
        {
            "rate": {"base": "USD", "quote": "KRW"},
            "original": _q("2", "USD"),
            "converted": _q("2710", "KRW"),
        },
        Decimal("1355"),
    ),
    (
        "stated-rate",
        {
            "rate": {"base": "USD", "quote": "KRW"},
            "figures": {"stated_rate": _q("1130.29", "KRW per USD")},
        },
        Decimal("1130.29"),
    ),
    (
        "stated-rate-inverted",
        {
            "rate": {"base": "USD", "quote": "KRW"},
            "figures": {"stated_rate": _q("0.0008", "USD per KRW")},
        },
        Decimal(1) / Decimal("0.0008"),
    ),
    (
        "other-currency",
        {
            "rate": {"base": "USD", "quote": "KRW"},
            "original": _q("1", "JPY"),
            "converted": _q("2", "USD"),
        },
        None,
    ),
    (
        "a-range",
        {
            "rate": {"base": "USD", "quote": "KRW"},
            "original": {**_q("1", "KRW"), "high": "2"},
            "converted": _q("2", "USD"),
        },
        None,
    ),
]


@pytest.mark.parametrize("finding, expected", [i[1:] for i in IMPLIED], ids=[i[0] for i in IMPLIED])
def test_implied_rate_is_oriented_like_the_evidence_rate(finding, expected):
    assert story_rate(finding) == expected
