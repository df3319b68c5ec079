"""Read the article, not the page: each boilerplate shape left out, offsets kept exact."""

from __future__ import annotations

from datetime import date

import pytest

from claims.documents import load_document
from claims.model import Span

STORY = [
    "President Lee Jae Myung sent a clear signal Monday that South Korea is going all-in on AI, "
    "officials said after a cabinet meeting in Seoul.",
    "Lee has announced plans to invest over 100 trillion won ($72.29 billion) in public-private "
    "funds, the largest such plan in the country's history.",
    "OSO reported annual revenue of 942 million Norwegian kroner ($93.52 million) last year, "
    "according to its filings, up from the year before.",
]
BODY = "".join(f"<p>{p}</p>\n" for p in STORY)
NOISE = "Markets: 2,000 won ($1.48) | 5 million yen ($34,500)"


def wrap(body: str, around: str) -> bytes:
    return (
        "<!doctype html><html><head><title>t</title></head><body>"
        + around.replace("{body}", body)
        + "</body></html>"
    ).encode()


SHAPES = [
    pytest.param(
        "<nav><ul><li><a href='/'>Home</a></li><li>" + NOISE + "</li></ul></nav>"
        "<article>{body}</article>",
        id="navigation",
    ),
    pytest.param(
        "<header class='site-header'><p>" + NOISE + " and more site text here</p></header>"
        "<main><article>{body}</article></main>",
        id="site-header",
    ),
    pytest.param(
        "<article>{body}</article><footer><p>" + NOISE + " © 2025 Herald Corp</p></footer>",
        id="footer",
    ),
    pytest.param(
        "<div class='layout'><article>{body}<aside><p>" + NOISE + "</p></aside></article>"
        "<aside class='sidebar'><p>" + NOISE + "</p></aside></div>",
        id="asides",
    ),
    pytest.param(
        "<article>{body}<div class='gallery'><figure><figcaption>"
        + NOISE
        + "</figcaption></figure></div></article>",
        id="gallery",
    ),
    pytest.param(
        "<article>{body}<ul class='related-stories'><li><a href='/x'>"
        + NOISE
        + "</a></li><li><a href='/y'>Another headline about 3 billion won</a></li></ul>"
        "</article>",
        id="related-list",
    ),
    pytest.param(
        "<article>{body}</article><section id='comments'><p>"
        + NOISE
        + " — reader comment, much longer than a short line so it reads like prose, "
        "with commas, and more commas, to look like a paragraph.</p></section>",
        id="comments",
    ),
    pytest.param(
        "<div class='cookie-banner'><p>We use 3 cookies for 30 days. "
        + NOISE
        + "</p></div><article>{body}</article>",
        id="cookie-banner",
    ),
    pytest.param(
        "<article>{body}<div class='share-buttons'><a href='#'>Share 1,234</a>"
        "<a href='#'>Tweet 567</a></div></article>",
        id="share-buttons",
    ),
    pytest.param(
        "<article>{body}<div class='newsletter-signup'><p>" + NOISE + "</p></div></article>",
        id="newsletter-box",
    ),
    pytest.param(
        "<article>{body}<p hidden>"
        + NOISE
        + "</p><p aria-hidden='true'>"
        + NOISE
        + "</p></article>",
        id="hidden-text",
    ),
    pytest.param(
        "<form id='aspnetForm'><div class='menu'><a href='/'>" + NOISE + "</a></div>"
        "<div id='content'>{body}</div></form>",
        id="page-wrapped-in-a-form",
    ),
    pytest.param(
        "<div class='wrapper'><div class='teasers'><p><a href='/a'>"
        + NOISE
        + "</a></p></div><div class='story-body'>{body}</div></div>",
        id="teasers",
    ),
]


@pytest.mark.parametrize("around", SHAPES)
def test_boilerplate_is_left_out_of_the_article(around):
    doc = load_document("p.html", wrap(BODY, around))
    for paragraph in STORY:
        assert paragraph in doc.text
    assert "Markets" not in doc.text and "1,234" not in doc.text
    whole = load_document("p.html", wrap(BODY, around), scope="page")
    assert whole.reading == "page" and "$72.29 billion" in whole.text
    assert "Markets" in whole.text or "1,234" in whole.text or "hidden" in around


FINDERS = [
    pytest.param(
        "<div class='promo'><p>" + NOISE + " plus a long promotional paragraph that "
        "goes on and on, with commas, to tempt the density rule.</p></div>"
        "<div itemprop='articleBody'>{body}</div>",
        'itemprop="articleBody"',
        id="itemprop-article-body",
    ),
    pytest.param(
        "<div class='a'><p>Promo: " + NOISE + "</p></div><article>{body}</article>"
        "<article><p><a href='/2'>Teaser 2</a></p></article>",
        "<article>",
        id="article-element",
    ),
    pytest.param(
        "<div class='top'><p>" + NOISE + "</p></div><main>{body}</main>",
        "<main>",
        id="main-element",
    ),
    pytest.param(
        "<div id='c1'><div><a href='/a'>Links</a> <a href='/b'>" + NOISE + "</a></div>"
        "</div><div id='c2'>{body}</div>",
        "densest block",
        id="density",
    ),
]


@pytest.mark.parametrize("around, how", FINDERS)
def test_how_the_article_is_found(around, how):
    doc = load_document("p.html", wrap(BODY, around))
    assert doc.reading == f"article: {how}"
    assert all(p in doc.text for p in STORY) and "Markets" not in doc.text


def test_json_ld_article_body_marks_the_story():
    body = " ".join(STORY)
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "articleBody": "'
        + body.replace('"', '\\"')
        + '"}</script>'
    )
    around = (
        "<div class='x'><p>" + NOISE + " in a long paragraph with commas, commas, and "
        "commas, long enough to score.</p></div><div class='y'>{body}</div>"
    )
    data = wrap(BODY, around).replace(b"<title>t</title>", head.encode())
    doc = load_document("p.html", data)
    assert doc.reading == "article: JSON-LD articleBody" and "Markets" not in doc.text


def test_the_headline_is_kept_with_the_body():
    doc = load_document(
        "p.html",
        wrap(
            BODY,
            "<h1>Lee pledges 100 trillion won ($72bn)</h1>"
            "<div class='byline'>By A. Writer</div>"
            "<div itemprop='articleBody'>{body}</div>",
        ),
    )
    assert doc.text.startswith("Lee pledges 100 trillion won ($72bn)\n")


def test_a_short_page_is_read_whole():
    doc = load_document("p.html", b"<p>100 trillion won ($72.29 billion)</p>")
    assert doc.text == "100 trillion won ($72.29 billion)" and "whole page" in doc.reading


def test_every_article_offset_maps_back_to_its_source_character():
    around = (
        "<nav>" + NOISE + "</nav><article><h1>Head &amp; line</h1>{body}"
        "<aside>" + NOISE + "</aside><p>Tail: 5&nbsp;million won ($3,700)</p></article>"
    )
    doc = load_document("p.html", wrap(BODY, around))
    assert "Tail: 5\u00a0million won ($3,700)" in doc.text
    for i, ch in enumerate(doc.text):
        src = doc.to_source(i)
        if ch == "\n":
            continue
        if doc.source[src] == "&":
            assert doc.source.startswith(("&amp;", "&nbsp;"), src)
        else:
            assert doc.source[src] == ch
    at = doc.text.index("$3,700")
    span = doc.source_span(Span(at, at + 6))
    assert doc.source[span.start : span.end] == "$3,700"


def test_a_byline_time_stamp_is_a_date_not_story_text():
    around = (
        "<article><h1>Head</h1><div class='byline'>By A. Writer "
        "<time>Nov. 19, 2019, 8:41 AM</time></div>{body}"
        "<p>The vote on <time datetime='2019-11-20'>Nov. 20</time> drew 1,200 people.</p>"
        "</article>"
    )
    doc = load_document("p.html", wrap(BODY, around))
    assert "8:41" not in doc.text and "The vote on Nov. 20 drew 1,200 people." in doc.text
    assert (doc.date, doc.date_source) == (date(2019, 11, 19), "time text")
    in_a_sentence_only = around.replace("<time>Nov. 19, 2019, 8:41 AM</time>", "")
    doc = load_document("p.html", wrap(BODY, in_a_sentence_only))
    assert (doc.date, doc.date_source) == (date(2019, 11, 20), "time datetime (in a sentence)")
