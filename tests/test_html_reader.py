"""The HTML reader's own tokenizer against its former html.parser version: identical records.

``claims.html_text`` reads the common constructs with one regex and hands everything else to
html.parser's methods; ``tools/html_reader_reference.py`` is the former reader, which let
html.parser read the whole page. On each tricky page below (and on generated junk) both must
give the same text, offsets, element records, date metas, JSON-LD, ``<time>``s and data ranges.
"""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

import pytest
from growth import growth

from claims.html_text import HtmlText

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "html_reader_reference", ROOT / "tools" / "html_reader_reference.py"
)
old = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(old)

ARTICLE = (
    "<p>Lee has announced plans to invest over 100 trillion won ($72.29 billion) in "
    "public-private funds, the largest such plan in the country's history.</p>"
)

TRICKY = [
    pytest.param(
        "<html><head><title>T &amp; U</title><meta name=date content=2025-01-02>"
        "<meta property='article:published_time' content=\"2025-06-30T10:00:00Z\">"
        "</head><body><article>" + ARTICLE * 3 + "</article></body></html>",
        id="plain",
    ),
    pytest.param(
        "<p>A &amp B &amp; C &copy2025 &#8364;5 &#x20AC;6 &#8364 &#x;7 &nbsp;x &unknown; "
        "AT&T Q&A &a-b.c; &#12a</p>",
        id="entities",
    ),
    pytest.param(
        "<p>before &# after; <b>bold</b> more &#; text</p><div>then &#zz; tail</div>",
        id="bad-charref-feed-then-close",
    ),
    pytest.param("<p>x &#y</p><p>no semicolon after</p>", id="bad-charref-no-semicolon"),
    pytest.param("<p>ends with an entity &amp", id="entity-at-end"),
    pytest.param("<p>ends &a", id="incomplete-entity-two-chars"),
    pytest.param("<p>ends with &", id="ampersand-at-end"),
    pytest.param("<p>ends with <", id="lt-at-end"),
    pytest.param("<p>1 < 2 and 3 <= 4, a<b, x <5% </ p> <> </> <3</p>", id="stray-lt"),
    pytest.param("<DIV CLASS='Story-Body' ID=main><P>Text</P></DIV><Br/><hr />", id="upper-case"),
    pytest.param(
        "<div class=a class=b id='x' data-x=\"1 > 0\" hidden><p>hidden text</p></div>"
        "<div style='display: none'>gone</div><span aria-hidden=TRUE>x</span>",
        id="attribute-shapes",
    ),
    pytest.param(
        "<a href=/x/>link</a><img src=a.png/><p title=a=b==c d==e f= =g>t</p>",
        id="bare-values-slash-and-equals",
    ),
    pytest.param(
        "<div a=\"x\"b='y'c=z>glued</div><div\tclass\n=\n'a'\f>ws</div>"
        "<div\u00a0class=x>nbsp in name</div><div class=\u00a0x>nbsp value</div>",
        id="glued-attributes-and-odd-whitespace",
    ),
    pytest.param(
        '<div =x \'q\' "r">odd names</div><div a<b=1 c"d=2>more</div><p/ >x</p>',
        id="odd-attribute-names",
    ),
    pytest.param(
        "<script>var a = '<p>not text</p>'; if (a < b && c > d) {}</script><p>after</p>"
        "<SCRIPT type=text/javascript>x</SCRIPT ><style>p{}</style><p>t</p>",
        id="scripts",
    ),
    pytest.param(
        "<script>a = '</ſcript>'; b = '</scripts>';</script><p>after</p>",
        id="script-end-look-alikes",
    ),
    pytest.param(
        '<script type=\'application/ld+json\'>{"@type":"NewsArticle",'
        '"datePublished":"2025-06-30"}</script><script/>'
        "<p>after a self-closed script</p>" + ARTICLE,
        id="json-ld",
    ),
    pytest.param("<p>before</p><script>never closed <p>x</p>", id="unclosed-script"),
    pytest.param("<p>before</p><style>never closed", id="unclosed-style"),
    pytest.param(
        "<!-- c --><!----><!---->x<!-- a -- b --><!-- <p>no</p> -- >y<!-->z-->w<p>t</p>",
        id="comments",
    ),
    pytest.param("<p>a <!-- never closed <p>b</p>", id="unclosed-comment"),
    pytest.param(
        "<!DOCTYPE html><!doctype><?xml version='1.0'?><?pi x><!ELEMENT br EMPTY>"
        "<![CDATA[ x < y ]]><!bogus><p>t</p>",
        id="declarations",
    ),
    pytest.param("<![if !IE]><p>a</p><![endif]><![foo[ x ]]><p>b</p>", id="marked-sections"),
    pytest.param("<p>x</p><![unknown keyword <p>y</p>", id="bad-marked-section"),
    pytest.param("<p>a <b", id="unclosed-tag-at-end"),
    pytest.param("<p>a <b c='unclosed>text</p> <i>more</i>", id="unclosed-quote"),
    pytest.param("<p>a</ b><p>c</p d><p>e</p\n>f</ p ></>g</3>h", id="end-tag-shapes"),
    pytest.param("<p>a\x00b</p><div\x00class=x>c</div>", id="nul"),
    pytest.param(
        "<pre>  keep\n   spaces  </pre><p>  collapse \t\r\n spaces  </p>\r\n<p>x\ry</p>",
        id="pre-and-whitespace",
    ),
    pytest.param(
        "<ul><li>one<li>two</ul><table><tr><td>1<td>2<tr><td>3</table><p>a<div>b</div>",
        id="implied-ends",
    ),
    pytest.param(
        "<article><h1>Title</h1><time datetime='2025-06-30' pubdate>June 30</time>"
        "<span itemprop=datePublished content=2025-06-29>x</span>"
        "<meta itemprop=dateModified content=2025-07-01><time>1 July 2025</time>"
        + ARTICLE
        + "</article>",
        id="times-and-itemprops",
    ),
    pytest.param(
        "<body><div itemprop=articleBody>" + ARTICLE * 2 + "</div>"
        "<img itemprop=image src=x><span ItemProp=author>A</span></body>",
        id="itemprop",
    ),
    pytest.param(
        "<svg><text>1 2 3</text></svg><math>x</math><noscript>n</noscript>"
        "<template>t</template><code>c<p>unclosed code ends at block</p>",
        id="skipped",
    ),
    pytest.param("<a href=1>a<a href=2>b</a></a><p><a>link text</a> and text</p>", id="links"),
    pytest.param(
        "<p>caf\u00e9 \u20ac5 \u4eba\u6c11\u5e01 100 \u4ebf\u5143 "
        "<b title='\u00e9&eacute;'>x"
        "</b></p>",
        id="non-ascii",
    ),
    pytest.param("", id="empty"),
    pytest.param("just text, no tags & no entities", id="text-only"),
]


@pytest.mark.parametrize("page", TRICKY)
@pytest.mark.parametrize("data_only", [False, True], ids=["text", "data-only"])
def test_new_reader_matches_the_old_on_tricky_pages(page, data_only):
    assert old.snapshot(HtmlText(page, data_only)) == old.snapshot(old.HtmlText(page, data_only))


_PIECES = [
    "<p>",
    "</p>",
    "<div class='a b'>",
    "</div>",
    "<a href=x>",
    "</a>",
    "<b",
    ">",
    "<",
    "&",
    "&amp;",
    "&#",
    "&#38;",
    "&#x26",
    ";",
    "<!--",
    "-->",
    "<!",
    "<?",
    "</",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "'",
    '"',
    "=",
    " ",
    "\n",
    "\r",
    "text ",
    "12,5 ",
    "<time datetime=2025-01-02>",
    "</time>",
    "<meta name=date content=2025-03-04>",
    "<![CDATA[",
    "]]>",
    "<br/>",
    "<pre>",
    "</pre>",
    "\x00",
    "<article>",
    "</article>",
    "<span itemprop=datePublished>",
    "</span>",
    "<li>",
    "<td>",
    "<h1>",
    "</h1>",
]


@pytest.mark.parametrize("seed", range(300))
def test_new_reader_matches_the_old_on_junk(seed):
    rng = random.Random(seed)
    page = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 60)))
    for data_only in (False, True):
        assert old.snapshot(HtmlText(page, data_only)) == old.snapshot(
            old.HtmlText(page, data_only)
        ), page


HOSTILE = [
    pytest.param(lambda n: "<a b='" * n, id="unclosed-quotes"),
    pytest.param(lambda n: '<a b="x' * n + ">", id="open-quotes-then-one-close"),
    pytest.param(lambda n: "<!--" * n, id="unclosed-comments"),
    pytest.param(lambda n: "<!-->" * n, id="comment-look-alikes"),
    pytest.param(lambda n: "<![" * n, id="unclosed-marked-sections"),
    pytest.param(lambda n: "<p" * n, id="unclosed-tags"),
    pytest.param(lambda n: "&#x;" * n, id="bad-charrefs"),
    pytest.param(lambda n: "<script>" + "</scrip " * n, id="script-look-alikes"),
    pytest.param(lambda n: "<p>" + "-- " * n + "<!-- x", id="comment-dashes"),
]


@pytest.mark.parametrize("make", HOSTILE)
def test_reading_stays_linear_on_hostile_pages(make):
    ratio = growth(HtmlText, make, 200)
    if ratio >= 30:  # a loaded machine can stall one run; a blow-up repeats
        ratio = min(ratio, growth(HtmlText, make, 200))
    assert ratio < 30
