"""The story's published and modified dates on a web page: every source, and what is ignored."""

from __future__ import annotations

from datetime import date

import pytest

from claims.documents import load_document

BODY = (
    "<p>President Lee Jae Myung sent a clear signal Monday that South Korea is going all-in "
    "on AI, with plans to invest over 100 trillion won ($72.29 billion) in public-private "
    "funds over the next five years, officials said.</p>"
    "<p>The plan, announced in Seoul, covers chips, data centres and training, and it "
    "follows a year of debate in the National Assembly about the country's tech policy.</p>"
)


def page(head: str = "", before: str = "", inside: str = "", after: str = "") -> bytes:
    """A small news page: ``head``, then page furniture, the article, and more furniture."""
    return (
        f"<!doctype html><html><head><meta charset='utf-8'>{head}</head><body>{before}"
        f"<article><h1>Lee turns to technocrats</h1>{inside}{BODY}</article>{after}"
        "</body></html>"
    ).encode()


def ld(obj: str, wrap: str = "") -> str:
    return f'<script type="application/ld+json">{wrap}{obj}{wrap and "//]]>"}</script>'


PUBLISHED = [
    pytest.param(
        page('<meta property="article:published_time" content="2025-06-30T09:00:00+09:00">'),
        date(2025, 6, 30),
        "meta article:published_time",
        id="article-published-time",
    ),
    pytest.param(
        page('<meta property="og:article:published_time" content="2025-06-30">'),
        date(2025, 6, 30),
        "meta og:article:published_time",
        id="og-article-published",
    ),
    pytest.param(
        page('<meta name="dc.date" content="2011-09-14">'),
        date(2011, 9, 14),
        "meta dc.date",
        id="dc-date",
    ),
    pytest.param(
        page('<meta name="DC.date.issued" content="2011-09-14">'),
        date(2011, 9, 14),
        "meta dc.date.issued",
        id="dc-date-issued",
    ),
    pytest.param(
        page('<meta name="date" content="2011-09-14">'), date(2011, 9, 14), "meta date", id="date"
    ),
    pytest.param(
        page('<meta name="sailthru.date" content="2023-11-08 22:35:29">'),
        date(2023, 11, 8),
        "meta sailthru.date",
        id="sailthru-date",
    ),
    pytest.param(
        page('<meta name="parsely-pub-date" content="2024-02-01T10:00:00Z">'),
        date(2024, 2, 1),
        "meta parsely-pub-date",
        id="parsely-pub-date",
    ),
    pytest.param(
        page('<meta name="date" content="June 30, 2025">'),
        date(2025, 6, 30),
        "meta date",
        id="written-out-english",
    ),
    pytest.param(
        page('<meta name="date" content="30 juin 2025">'),
        date(2025, 6, 30),
        "meta date",
        id="written-out-french",
    ),
    pytest.param(
        page(ld('{"@type": "NewsArticle", "datePublished": "2025-05-01T10:00:00Z"}')),
        date(2025, 5, 1),
        "JSON-LD datePublished",
        id="json-ld",
    ),
    pytest.param(
        page(
            ld(
                '{"@context": "https://schema.org", "@graph": [{"@type": "WebSite"},'
                ' {"@type": ["NewsArticle"], "datePublished": "2025-05-02"}]}'
            )
        ),
        date(2025, 5, 2),
        "JSON-LD datePublished",
        id="json-ld-graph",
    ),
    pytest.param(
        page(ld('{"@type": "Article", "datePublished": "2025-05-03"}', "//<![CDATA[\n")),
        date(2025, 5, 3),
        "JSON-LD datePublished",
        id="json-ld-cdata",
    ),
    pytest.param(
        page(ld('{"@type": "NewsArticle", "dateCreated": "2025-05-04"}')),
        date(2025, 5, 4),
        "JSON-LD dateCreated",
        id="json-ld-date-created",
    ),
    pytest.param(
        page(ld('{"@type": "NewsArticle", "datePublished": "2025-05-05", "x": [1,]}')),
        date(2025, 5, 5),
        "JSON-LD datePublished",
        id="json-ld-broken-json",
    ),
    pytest.param(
        page(inside='<time datetime="2025-04-03T10:00">April 3</time>'),
        date(2025, 4, 3),
        "time datetime",
        id="time-in-the-article",
    ),
    pytest.param(
        page(inside='<span itemprop="datePublished" content="2025-04-04"></span>'),
        date(2025, 4, 4),
        "itemprop datepublished",
        id="itemprop-content",
    ),
    pytest.param(
        page(inside='<span itemprop="datePublished">April 5, 2025</span>'),
        date(2025, 4, 5),
        "itemprop datepublished",
        id="itemprop-text",
    ),
    pytest.param(
        page(
            ld('{"@type": "NewsArticle", "datePublished": "2025-05-01"}')
            + '<meta property="article:published_time" content="2025-05-09">'
        ),
        date(2025, 5, 1),
        "JSON-LD datePublished",
        id="json-ld-before-meta",
    ),
]


@pytest.mark.parametrize("data, expected, where", PUBLISHED)
def test_published_date_sources(data, expected, where):
    doc = load_document("p.html", data)
    assert (doc.dates.published, doc.dates.published_source) == (expected, where)


MODIFIED = [
    pytest.param(
        '<meta property="article:modified_time" content="2026-04-24T08:00:00Z">',
        "meta article:modified_time",
        id="article-modified-time",
    ),
    pytest.param(
        '<meta property="og:updated_time" content="2026-04-24">',
        "meta og:updated_time",
        id="og-updated-time",
    ),
    pytest.param(
        '<meta name="last-modified" content="2026-04-24">', "meta last-modified", id="last-modified"
    ),
    pytest.param(
        '<meta http-equiv="last-modified" content="2026-04-24">',
        "meta last-modified",
        id="http-equiv-last-modified",
    ),
    pytest.param(
        ld('{"@type": "NewsArticle", "dateModified": "2026-04-24"}'),
        "JSON-LD dateModified",
        id="json-ld-date-modified",
    ),
]


@pytest.mark.parametrize("head, where", MODIFIED)
def test_modified_date_sources(head, where):
    doc = load_document("p.html", page('<meta name="date" content="2012-03-01">' + head))
    assert doc.dates.published == date(2012, 3, 1)
    assert (doc.dates.modified, doc.dates.modified_source) == (date(2026, 4, 24), where)


def test_an_updated_page_without_a_publication_date_is_dated_by_its_update():
    doc = load_document("p.html", page('<meta property="og:updated_time" content="2026-04-24">'))
    assert (doc.date, doc.date_source) == (date(2026, 4, 24), "meta og:updated_time")


IGNORED = [
    pytest.param(
        page(before='<header><time datetime="2026-09-18">Today</time></header>'),
        id="todays-date-in-the-site-header",
    ),
    pytest.param(
        page(
            before='<nav><ul><li><a href="/a">Seoul, June 1, 2026</a></li>'
            '<li><time datetime="2026-06-01">x</time></li></ul></nav>'
        ),
        id="navigation",
    ),
    pytest.param(
        page(
            after='<aside class="related"><article><time datetime="2026-01-02">'
            "</time><a href='/b'>Another story</a></article></aside>"
        ),
        id="related-story-teaser",
    ),
    pytest.param(
        page(
            after='<div class="teaser-list"><time datetime="2026-01-02"></time>'
            "<a href='/b'>Older story</a></div>"
        ),
        id="teaser-list",
    ),
    pytest.param(
        page(
            ld(
                '{"@type": "ItemList", "itemListElement": [{"@type": "NewsArticle",'
                ' "datePublished": "2026-01-02"}]}'
            )
        ),
        id="json-ld-list-of-other-stories",
    ),
    pytest.param(
        page(
            ld(
                '{"@type": "VideoObject", "uploadDate": "2026-01-02", '
                '"datePublished": "2026-01-02"}'
            )
        ),
        id="json-ld-video",
    ),
    pytest.param(
        page('<meta property="article:published_time" content="0001-01-01T00:00:00Z">'),
        id="hugo-zero-date",
    ),
]


@pytest.mark.parametrize("data", IGNORED)
def test_dates_outside_the_story_are_ignored(data):
    assert load_document("p.html", data).dates.published is None


def test_a_utc_timestamp_gives_way_to_the_newsrooms_local_day():
    head = (
        '<meta property="article:published_time" content="2023-11-09T01:09:55+00:00">'
        '<meta name="sailthru.date" content="2023-11-08 18:09:55">'
    )
    doc = load_document("p.html", page(head))
    assert doc.dates.published == date(2023, 11, 8)
    assert doc.dates.published_source == (
        "meta article:published_time (local day from meta sailthru.date)"
    )
    with_offset = page(
        '<meta property="article:published_time" content="2023-11-09T03:28:35Z">'
        '<meta name="date" content="2023-11-08T22:28:35-05:00">'
    )
    assert load_document("p.html", with_offset).dates.published == date(2023, 11, 8)
    other_moment = page(
        '<meta property="article:published_time" content="2023-11-09T03:28:35Z">'
        '<meta name="date" content="2023-11-08T20:00:00-05:00">'
    )
    assert load_document("p.html", other_moment).dates.published == date(2023, 11, 9)


def test_json_ld_nested_a_thousand_deep_is_read_without_error():
    deep = (
        '{"@type": "NewsArticle", "datePublished": "2025-06-30", "x": '
        + "[" * 1000
        + "]" * 1000
        + "}"
    )
    doc = load_document("p.html", page(ld(deep)))
    assert doc.dates.published == date(2025, 6, 30)


def test_a_modification_before_publication_is_not_a_modified_date():
    doc = load_document(
        "p.html",
        page(
            '<meta name="date" content="2025-06-30">'
            '<meta name="last-modified" content="2020-01-01">'
        ),
    )
    assert doc.dates.modified is None


FRONT_MATTER = [
    pytest.param("---\ndate: 2025-06-30\n---\n", date(2025, 6, 30), None, id="yaml-date"),
    pytest.param('---\ndate: "June 30, 2025"\n---\n', date(2025, 6, 30), None, id="written-out"),
    pytest.param(
        "---\ndate: 30 juin 2025\nlastmod: 2026-04-24\n---\n",
        date(2025, 6, 30),
        date(2026, 4, 24),
        id="french-with-lastmod",
    ),
    pytest.param(
        "+++\ndate = 2025-06-30T09:00:00+09:00\nupdated = 2025-07-01\n+++\n",
        date(2025, 6, 30),
        date(2025, 7, 1),
        id="toml",
    ),
    pytest.param(
        "---\nevent:\n  date: 2020-01-01\ndate: 2025-06-30\n---\n",
        date(2025, 6, 30),
        None,
        id="nested-date-is-not-the-story's",
    ),
    pytest.param(
        "---\n" + "".join("  " * i + f"k{i}:\n" for i in range(600)) + "---\n",
        None,
        None,
        id="nested-600-deep",
    ),
]


@pytest.mark.parametrize("front, published, modified", FRONT_MATTER)
def test_front_matter_dates(front, published, modified):
    doc = load_document("s.md", (front + "Lee plans 100 trillion won ($72.29 billion).\n").encode())
    assert (doc.dates.published, doc.dates.modified) == (published, modified)
    assert "72.29" in doc.text
