"""Documents: decoding, format choice, Markdown masking, HTML visible text, offsets, dates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from claims.documents import Document, format_for, load_document
from claims.errors import InputError
from claims.model import Finding, Quantity, Span, Verdict

FIGURE = "100 trillion won ($62.29 billion)"


def located(doc: Document, needle: str, nth: int = 0) -> tuple[int, int, str]:
    """Line, column and source text of the ``nth`` ``needle`` in ``doc.text``."""
    at = -1
    for _ in range(nth + 1):
        at = doc.text.index(needle, at + 1)
    span = doc.source_span(Span(at, at + len(needle)))
    line, col = doc.line_col(span.start)
    return line, col, doc.source[span.start : span.end]


# ------------------------------------------------------------------ decoding and formats

FORMAT_CASES = [
    pytest.param("story.md", None, "markdown", id="md"),
    pytest.param("story.MARKDOWN", None, "markdown", id="markdown-upper"),
    pytest.param("page.html", None, "html", id="html"),
    pytest.param("page.htm", None, "html", id="htm"),
    pytest.param("story.txt", None, "text", id="txt"),
    pytest.param("README", None, "text", id="no-extension"),
    pytest.param("-", None, "text", id="stdin"),
    pytest.param("-", "markdown", "markdown", id="stdin-override"),
    pytest.param("story.txt", "html", "html", id="override"),
]


@pytest.mark.parametrize("name, override, expected", FORMAT_CASES)
def test_format_by_extension_with_override(name, override, expected):
    assert format_for(name, override) == expected


BAD_BYTES = [
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00", "binary", id="binary"),
    pytest.param("caf\u00e9\n\u00a35m".encode("latin-1"), "UTF-8", id="latin-1"),
    pytest.param("x".encode("utf-16-le"), "binary", id="utf-16-without-bom"),
]


@pytest.mark.parametrize("data, needle", BAD_BYTES)
def test_unreadable_bytes_are_one_line_input_errors(data, needle):
    with pytest.raises(InputError) as exc:
        load_document("dir/story.txt", data)
    message = str(exc.value)
    assert "dir/story.txt" in message and needle in message and "\n" not in message


def test_bom_dropped_and_empty_file_is_empty_text():
    doc = load_document("a.md", b"\xef\xbb\xbfHello")
    assert doc.source == doc.text == "Hello"
    empty = load_document("e.html", b"")
    assert empty.text == "" and empty.date is None


def test_plain_text_is_identity_and_reads_a_date_header():
    src = "Date: 2025-06-30\n\nLee plans " + FIGURE + ".\n"
    doc = load_document("s.txt", src.encode())
    assert doc.text == doc.source and doc.offsets is None
    assert (doc.date, doc.date_source) == (date(2025, 6, 30), "Date: header")
    assert located(doc, FIGURE)[:2] == (3, 11)


def test_line_col_counts_code_points():
    src = "첫 줄\n원화 Café " + FIGURE + "\n"
    doc = load_document("k.txt", src.encode())
    assert located(doc, FIGURE) == (2, 9, FIGURE)  # 원화 Café + space: 8 code points
    assert doc.line_text(2) == "원화 Café " + FIGURE


def test_crlf_lines():
    doc = load_document("w.txt", ("one\r\ntwo " + FIGURE + "\r\n").encode())
    assert located(doc, FIGURE)[:2] == (2, 5)
    assert doc.line_text(1) == "one"


# ------------------------------------------------------------------ Markdown

MD_STORY = (
    """---
title: "Lee turns to technocrats"
date: 2025-06-30T09:00:00+09:00
tags: [ai, 100 trillion won ($1 billion)]
---
# Lee turns to `100 trillion won ($2 billion)` technocrats

Inline `"""
    + FIGURE
    + """` code and ``a `tick` 100 won ($3)`` too.

```python
x = "100 trillion won ($62.29 billion)"
```

    indented 100 trillion won ($62.29 billion)

<!-- 100 trillion won ($62.29 billion) in a comment -->
> quoted 100 trillion won ($72.29 billion) stays.

<div class="note" data-x="100 won ($5)">Boxed 942 million kroner ($93.52 million).</div>

Lee has announced plans to invest over """
    + FIGURE
    + """ in funds.
"""
)


def test_markdown_masks_front_matter_code_and_comments_keeping_offsets():
    doc = load_document("story.md", MD_STORY.encode())
    assert (doc.date, doc.date_source) == (date(2025, 6, 30), "front matter date")
    assert len(doc.text) == len(doc.source) and doc.offsets is None
    assert doc.text.count("\n") == doc.source.count("\n")
    assert doc.text.count(FIGURE) == 1  # only the real one survives
    assert located(doc, FIGURE) == (21, 40, FIGURE)
    assert doc.line_text(21).startswith("Lee has announced")
    for hidden in (
        "title",
        "$1 billion",
        "$2 billion",
        "($3)",
        "python",
        "indented",
        "a comment",
        "data-x",
        "<div",
    ):
        assert hidden not in doc.text, hidden
    for kept in (
        "Lee turns to",
        "technocrats",
        "quoted 100 trillion won ($72.29 billion)",
        "Boxed 942 million kroner ($93.52 million).",
    ):
        assert kept in doc.text, kept


@pytest.mark.parametrize(
    "front, expected",
    [
        pytest.param("---\ndate: 2025-06-30\n---\n", date(2025, 6, 30), id="yaml"),
        pytest.param("---\ndate: '2025-06-30'\n---\n", date(2025, 6, 30), id="quoted"),
        pytest.param(
            "---\npublishDate: 2024-02-29 10:00\n---\n", date(2024, 2, 29), id="publishDate"
        ),
        pytest.param("+++\ndate = 2025-01-02T00:00:00Z\n+++\n", date(2025, 1, 2), id="toml"),
        pytest.param("---\nmeta:\n  date: 2025-06-30\n---\n", None, id="nested-key-ignored"),
        pytest.param("---\ndate: 2025-13-01\n---\n", None, id="impossible-date"),
        pytest.param("---\ndate: 2025-06-30\n", None, id="unclosed-is-not-front-matter"),
    ],
)
def test_front_matter_dates(front, expected):
    doc = load_document("s.md", (front + "\nBody.\n").encode())
    assert doc.date == expected


def test_markdown_without_front_matter_hr_is_text():
    doc = load_document("s.md", b"Intro\n\n---\n\nMore 100 won ($1).\n")
    assert "More 100 won ($1)." in doc.text and doc.date is None


# ------------------------------------------------------------------ HTML

HTML_STORY = """<!doctype html>
<html><head>
<title>100 trillion won ($62.29 billion)</title>
<meta property="article:published_time" content="2025-06-30T08:00:00+09:00">
<style>p::after { content: "100 won ($1)"; }</style>
<script type="application/ld+json">{"@graph": [{"datePublished": "2020-01-01"}]}</script>
</head>
<body><article>
<h1>Caf&eacute; AI</h1>
<p>Lee has announced plans to invest over 100 trillion
   won (&#36;62.29&nbsp;billion) in <b>public</b>-private funds &amp; more.</p>
<p data-n="100 won ($5)">Second<br>line</p>
<script>var teaser = "100 trillion won ($62.29 billion)";</script>
<!-- 100 trillion won ($62.29 billion) -->
</article></body></html>
"""


def test_html_visible_text_with_entities_and_blocks():
    doc = load_document("page.html", HTML_STORY.encode())
    assert doc.text == (
        "Café AI\nLee has announced plans to invest over 100 trillion won "
        "($62.29\u00a0billion) in public-private funds & more.\nSecond\nline"
    )
    assert (doc.date, doc.date_source) == (date(2025, 6, 30), "meta article:published_time")


def test_html_span_across_a_line_break_maps_to_source_line_and_column():
    doc = load_document("page.html", HTML_STORY.encode())
    needle = "100 trillion won ($62.29\u00a0billion)"
    line, col, source_text = located(doc, needle)
    assert (line, col) == (10, 43)
    assert source_text == "100 trillion\n   won (&#36;62.29&nbsp;billion)"
    finding = Finding(
        "CUR001",
        "currency-conversion",
        Verdict.ERROR,
        "m",
        Span(doc.text.index(needle), doc.text.index(needle) + len(needle)),
        needle,
    )
    placed = doc.locate(finding)
    assert (placed.line, placed.column) == (10, 43)
    assert doc.source[placed.location.start : placed.location.end] == source_text


def test_every_html_text_offset_maps_inside_the_source():
    doc = load_document("page.html", HTML_STORY.encode())
    for i, ch in enumerate(doc.text):
        src = doc.to_source(i)
        assert 0 <= src < len(doc.source)
        if ch.isalnum() and ch != "é":
            assert doc.source[src] == ch or doc.source[src] == "&"


@pytest.mark.parametrize(
    "head, expected, where",
    [
        pytest.param(
            '<meta property="article:published_time" content="2025-06-30">',
            date(2025, 6, 30),
            "meta article:published_time",
            id="meta",
        ),
        pytest.param(
            '<script type="application/ld+json">[{"@type": "NewsArticle", '
            '"datePublished": "2025-05-01T10:00:00Z"}]</script>',
            date(2025, 5, 1),
            "JSON-LD datePublished",
            id="json-ld",
        ),
        pytest.param(
            '<script type="application/ld+json">{not json</script>', None, None, id="bad-json-ld"
        ),
        pytest.param(
            '<body><time datetime="2025-04-03T10:00">April 3</time>',
            date(2025, 4, 3),
            "time datetime",
            id="time",
        ),
        pytest.param(
            '<time datetime="2025-04-03">x</time><script type="application/ld+json">'
            '{"datePublished": "2025-05-01"}</script>',
            date(2025, 5, 1),
            "JSON-LD datePublished",
            id="json-ld-beats-time",
        ),
    ],
)
def test_html_dates(head, expected, where):
    doc = load_document("p.html", f"<html><head>{head}</head><body>x</body></html>".encode())
    assert (doc.date, doc.date_source) == (expected, where)


def test_html_collapses_whitespace_but_keeps_pre():
    doc = load_document("p.htm", b"<p>  a \n\t b  </p><pre>x\n  y</pre><div>z</div>")
    assert doc.text == "a b\nx\n  y\nz"


MARKDOWN_SKIPS = [
    pytest.param(
        "Intro \\`not code\\` and `1 won ($1)`.",
        "1 won",
        "Intro \\`not code\\` and",
        id="escaped-ticks",
    ),
    pytest.param(
        "> Quote `code in\n> 2 won ($2)` continues.",
        "2 won",
        "continues.",
        id="code-across-quote-lines",
    ),
    pytest.param("- item `3 won ($3)`\n  - nested ``x ` 4 won ($4)``", "won", "nested", id="lists"),
    pytest.param(
        '<span class="x">5 won</span> <!-- 6 won ($6) -->', "6 won", "5 won", id="inline-html"
    ),
    pytest.param("<script>\nvar a = '7 won ($7)';\n</script>", "7 won", "", id="script-block"),
    pytest.param("Setext `8 won ($8)`\n-------", "8 won", "Setext", id="setext"),
    pytest.param(
        "| a | `9 won ($9)` |\n|---|---|\n| `10 won` | 11 won ($11) |",
        "($9)",
        "11 won ($11)",
        id="table-cells",
    ),
    pytest.param(
        "Text.\n\n<!--\nclaims notes: 12 won ($12)\n-->\n", "12 won", "Text.", id="comment-block"
    ),
]


@pytest.mark.parametrize("source, hidden, kept", MARKDOWN_SKIPS)
def test_markdown_skips(source, hidden, kept):
    doc = load_document("s.md", source.encode())
    assert hidden not in doc.text and kept in doc.text
    assert len(doc.text) == len(doc.source)


def test_html_tolerates_missing_end_tags():
    doc = load_document(
        "p.html",
        b"<html><head><title>T</title><meta name=date content=2025-01-02>"
        b"<p>Story 1 won ($1).<p>Two <code>x = 1<p>three <code>y</code></p><p>four",
    )
    assert doc.text == "Story 1 won ($1).\nTwo\nthree\nfour"
    assert doc.date == date(2025, 1, 2)


def test_html_finding_sides_point_into_the_source():
    from dataclasses import replace as _replace

    html = "<html><body><p>It cost &euro;13 billion\n(US$14.3 billion).</p></body></html>"
    doc = load_document("s.html", html.encode())
    start = doc.text.index("US$14.3")
    side = Quantity(
        "US$14.3 billion", Span(start, start + len("US$14.3 billion")), Decimal("14.3e9"), "USD"
    )
    finding = Finding(
        "CUR003",
        "currency-conversion",
        Verdict.OK,
        "ok",
        Span(start, start + 15),
        "x",
        converted=side,
    )
    located = doc.locate(finding)
    where = located.converted.location
    assert html[where.start : where.end] == "US$14.3 billion"
    assert (where.line, where.end_line) == (2, 2) and where.column == 2
    assert doc.locate(_replace(finding, converted=None)).converted is None


def test_markdown_link_urls_are_not_text():
    md = (
        "See [the ruling](https://example.com/2025/06/100-trillion-won-62-billion) and "
        "![chart](img/5-km-3-miles.png) and <https://x.example/1-km-9-miles>.\n\n"
        "[ref]: https://example.com/40C-104F\n"
    )
    doc = load_document("s.md", md.encode())
    assert len(doc.text) == len(md)
    for fragment in ("100-trillion", "5-km", "1-km", "40C"):
        assert fragment not in doc.text
    assert "the ruling" in doc.text and "chart" in doc.text


# ------------------------------------------------------------------ CR-only line ends (old Mac files)


def test_cr_only_text_has_right_lines_and_columns():
    src = "Date: 2025-06-30\r\rLee plans " + FIGURE + ".\rNext line.\r"
    doc = load_document("mac.txt", src.encode())
    assert doc.date == date(2025, 6, 30)
    assert located(doc, FIGURE)[:2] == (3, 11)
    assert doc.line_text(3) == "Lee plans " + FIGURE + "."


def test_cr_only_markdown_masks_code_fences_and_reads_front_matter():
    src = (
        "---\rdate: 2025-06-30\r---\r# Title\r\r```\r" + FIGURE + " in a code block\r```\r\r"
        "The story: " + FIGURE + ".\r"
    )
    doc = load_document("mac.md", src.encode())
    assert doc.date == date(2025, 6, 30)
    assert doc.text.count(FIGURE) == 1 and len(doc.text) == len(src)
    assert located(doc, FIGURE)[:2] == (10, 12)


def test_cr_only_suppression_covers_its_own_line_only():
    src = "First " + FIGURE + ".\rSecond " + FIGURE + ". claims: ignore\rThird.\r"
    doc = load_document("mac.txt", src.encode())
    first, second = (doc.text.index(FIGURE), doc.text.rindex(FIGURE))
    rules = doc.suppressions.rules
    assert any(r.covers(second, "CUR001") for r in rules)
    assert not any(r.covers(first, "CUR001") for r in rules)


def test_mixed_line_ends_count_each_break_once():
    doc = load_document("mixed.txt", b"a\r\nb\rc\nd")
    assert [doc.line_col(doc.source.index(ch))[0] for ch in "abcd"] == [1, 2, 3, 4]
