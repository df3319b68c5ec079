"""Read the article, not the page: which stretches of a page's text are the story.

Works on the element tree ``claims.html_text`` records while it reads the page once (each
element's tag, class/id/role hints and range of page text), so the article's text is a set of
slices of the page text and keeps its exact offsets back to the source.

The rule, in order (the first that holds wins; ``Article.how`` names it):

1. ``itemprop="articleBody"`` elements holding real paragraphs;
2. the element that holds the whole JSON-LD ``articleBody`` (its opening and closing words);
3. the ``<article>`` with the most paragraph text, when it holds the densest block of the page
   or most of its text;
4. ``<main>`` (or ``role="main"``) on the same terms;
5. the densest block (readability's rule: paragraphs of 25+ characters score by length and
   commas, for their parent and half for their grandparent, discounted by link density and by
   boilerplate class names), with its sibling blocks that score well.

Inside the chosen element, navigation, asides, footers, forms, hidden elements, galleries,
related-story and share lists, comments, newsletter and cookie boxes (by tag, and by class or
id words), link lists and bylines' ``<time>`` stamps (not one inside a sentence) are left out; the page's ``<h1>`` headline is kept when it stands just
before the body. Pages too small to hold an article (under 200 characters of paragraph text)
are read whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from claims.pattern_cache import compile as compile_pattern


class Node:
    """One element: its tag, class/id/role hints, and the range of page text it holds."""

    __slots__ = (
        "tag",
        "hints",
        "start",
        "end",
        "links",
        "parent",
        "blocks",
        "attrs",
        "own",
        "own_links",
    )

    def __init__(
        self,
        tag: str,
        hints: str,
        start: int,
        links: int,
        parent: int,
        attrs: dict[str, str] | None,
    ) -> None:
        self.tag = tag
        self.hints = hints  # class, id, role, itemprop: lower case
        self.start = start  # page text offsets, end-exclusive
        self.end = start
        self.links = -links  # link text inside (counter delta at close)
        self.parent = parent  # index in the node list, -1 for none
        self.blocks = False  # has a block-level child
        self.attrs = attrs  # kept only for <article>, <time>, itemprop
        self.own = 0  # text directly inside (not in child records)
        self.own_links = 0  # of which link text


#: Tags that are never the story's text, wherever they are.
BOILERPLATE_TAGS = frozenset(
    {
        "nav",
        "aside",
        "footer",
        "form",
        "dialog",
        "menu",
        "button",
        "select",
        "label",
        "input",
        "textarea",
    }
)
#: Boilerplate whatever they hold; a <form> may wrap a whole ASP.NET page, names mislead.
STRICT_TAGS = frozenset({"nav", "aside", "footer", "header"})
#: Also outside the chosen article (a page header; an article's own header holds its byline).
PAGE_ONLY_TAGS = frozenset({"header"})
#: Class/id/role words (whole words of a hyphenated or camelCase name) that mark boilerplate.
BOILERPLATE_WORDS = frozenset(
    """
    nav navbar navigation menu breadcrumb breadcrumbs sidebar aside footer masthead topbar
    related recommended recommendations recommend more-stories readmore read-more morestories
    teaser teasers promo promotion newsletter subscribe subscription signup share sharing social
    socials comment comments disqus cookie cookies consent gdpr banner advert advertisement ads ad
    adslot sponsor sponsored outbrain taboola gallery carousel slideshow slider popup modal
    overlay paywall toolbar tags tagcloud topics hidden sr-only visually-hidden skip author-bio
    trending popular most-read mostread widget newsticker ticker byline-social jump-link
""".split()
)
#: Class/id words of content wrappers: an element so named is not boilerplate by its names.
WRAPPER_WORDS = frozenset(
    """
    article body column content entry post story text container wrapper wrap page single
    layout grid row main hentry
""".split()
)
#: Class/id words that mark the story's body (a bonus in the density rule).
BODY_WORDS = frozenset(
    """
    article articlebody article-body story story-body storybody content entry-content body text
    post post-content main maincontent main-content paragraph paragraphs prose richtext
""".split()
)
PARAGRAPH_TAGS = frozenset({"p", "pre", "blockquote"})
#: Where a <time> is part of a sentence, and so stays in the text.
SENTENCE_TAGS = frozenset(
    {"p", "li", "td", "blockquote", "dd", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "a"}
)
LIST_TAGS = frozenset({"ul", "ol", "dl", "table"})
MIN_ARTICLE = 200  # paragraph characters below which a page is read whole

_WORD_SPLIT = compile_pattern(r"[\s_:/.]+|-(?=[a-z0-9])|(?<=[a-z])(?=[A-Z])")
_LD_BODY = compile_pattern(r'"articleBody"\s*:\s*"((?:[^"\\]|\\.){80,})"', re.DOTALL)
_SPACES = compile_pattern(r"\s+")


@dataclass(frozen=True)
class Article:
    """The story's stretches of page text (``ranges``), how they were found, and its span."""

    ranges: tuple[tuple[int, int], ...] = ()
    how: str = "whole page"
    region: tuple[int, int] = (0, 0)  # headline .. end of the story: where dates count
    outside: tuple[tuple[int, int], ...] = ()  # boilerplate ranges inside the region


def _words(hints: str) -> frozenset[str]:
    words = set(_WORD_SPLIT.split(hints))
    if "-" in hints:  # "more-stories", "read-more" as written
        words.update(hints.split())
    return frozenset(words)


@lru_cache(maxsize=4096)
def _boilerplate_names(hints: str) -> bool:
    """Whether class/id names mark boilerplate (a page repeats its class names: cached)."""
    words = _words(hints)
    return not words.isdisjoint(BOILERPLATE_WORDS) and words.isdisjoint(WRAPPER_WORDS)


@lru_cache(maxsize=4096)
def _body_names(hints: str) -> bool:
    return not _words(hints).isdisjoint(BODY_WORDS)


def is_boilerplate(node: Node, inside_article: bool = False) -> bool:
    """Whether an element is navigation, an aside, a teaser list... by its tag or its names.

    Names count only when they do not also name a content wrapper ("container penci_sidebar",
    "main has-sidebar"), as readability's "maybe a candidate" rule."""
    if node.tag in BOILERPLATE_TAGS or (not inside_article and node.tag in PAGE_ONLY_TAGS):
        return True
    return bool(node.hints) and _boilerplate_names(node.hints)


def _scores(nodes: Sequence[Node], page: str) -> tuple[list[float], list[int], list[bool]]:
    """Readability-style scores, paragraph characters per element, and boilerplate flags."""
    n = len(nodes)
    own = [0] * n
    for i, node in enumerate(nodes):
        if node.tag in PARAGRAPH_TAGS:
            length = node.end - node.start - node.links
        else:  # text written straight into a <div>
            length = node.own - node.own_links
        own[i] = length if length >= 25 else 0
    raw = own[:]
    for i in range(n - 1, 0, -1):  # paragraph text held by each element
        if nodes[i].parent >= 0:
            raw[nodes[i].parent] += raw[i]
    whole = max(raw) if raw else 0
    bad = [False] * n
    in_article = [False] * n  # an <article>'s own <header> is its byline
    for i, node in enumerate(nodes):
        parent = node.parent
        in_article[i] = parent >= 0 and (in_article[parent] or nodes[parent].tag == "article")
        if parent >= 0 and bad[parent]:
            bad[i] = True
        elif node.hints or node.tag in BOILERPLATE_TAGS or node.tag in PAGE_ONLY_TAGS:
            bad[i] = is_boilerplate(node, inside_article=in_article[i]) and (
                node.tag in STRICT_TAGS or raw[i] < 0.5 * whole
            )
    para = [0 if bad[i] else own[i] for i in range(n)]
    score = [0.0] * n
    for i, node in enumerate(nodes):
        if not para[i]:
            continue
        points = 1 + page.count(",", node.start, node.end) + min(para[i] // 100, 3)
        up, share = node.parent, 1.0
        for _level in range(3):
            if up < 0:
                break
            score[up] += points * share
            up, share = nodes[up].parent, (0.5 if share == 1.0 else share / 1.5)
    for i in range(n - 1, 0, -1):
        if nodes[i].parent >= 0:
            para[nodes[i].parent] += para[i]
    for i, node in enumerate(nodes):
        if score[i]:
            size = max(1, node.end - node.start)
            score[i] *= 1 - min(1.0, node.links / size)
            if node.hints and _body_names(node.hints):
                score[i] += 25
    return score, para, bad


def _contains(outer: Node, inner: Node) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _ld_anchor(nodes: Sequence[Node], page: str, ld_json: Sequence[str]) -> int | None:
    """The smallest element holding the opening and closing words of JSON-LD ``articleBody``."""
    import json

    for block in ld_json:
        m = _LD_BODY.search(block)
        if not m:
            continue
        try:
            body = json.loads(f'"{m[1]}"')
        except ValueError:
            continue
        words = _SPACES.split(re.sub(r"<[^>]{0,200}>", " ", body).strip())
        if len(words) < 24:
            continue
        spans = []
        for chunk in (words[:8], words[-8:]):
            pattern = r"\s+".join(re.escape(w) for w in chunk)
            hit = re.search(pattern, page)
            if hit is None:
                break
            spans.append(hit)
        if len(spans) < 2 or spans[1].end() <= spans[0].start():
            continue
        a, b = spans[0].start(), spans[1].end()
        best = None
        for i, node in enumerate(nodes):
            if node.start <= a and b <= node.end and node.tag not in ("html", "body"):
                if best is None or node.end - node.start <= nodes[best].end - nodes[best].start:
                    best = i
        if best is not None:
            return best
    return None


def _choose(
    nodes: Sequence[Node],
    page: str,
    ld_json: Sequence[str],
    score: list[float],
    para: list[int],
    bad: list[bool],
) -> tuple[list[int], str]:
    """The element(s) holding the story, and which rule found them."""
    top = max(range(len(nodes)), key=score.__getitem__)
    top_node = nodes[top]

    def holds_story(i: int) -> bool:
        node = nodes[i]
        return (
            (_contains(node, top_node) and para[i] < 4 * max(para[top], 1))
            or (_contains(top_node, node) and para[i] >= 0.5 * para[top])
            or para[i] >= 0.8 * para[top]
        )

    bodies = [
        i
        for i, node in enumerate(nodes)
        if "articlebody" in node.hints.replace("-", "")
        and not bad[i]
        and para[i] >= 80
        and (node.attrs or {}).get("itemprop", "").lower() == "articlebody"
    ]
    outer = [i for i in bodies if not any(j != i and _contains(nodes[j], nodes[i]) for j in bodies)]
    if outer and sum(para[i] for i in outer) >= 0.3 * para[top]:
        return outer, 'itemprop="articleBody"'
    anchor = _ld_anchor(nodes, page, ld_json) if ld_json else None
    if anchor is not None and para[anchor] >= 0.3 * para[top]:
        return [anchor], "JSON-LD articleBody"
    for tag, label in (("article", "<article>"), ("main", "<main>")):
        found = [
            i
            for i, node in enumerate(nodes)
            if (
                node.tag == tag
                or (tag == "main" and "main" in node.hints.split() and "role" in (node.attrs or {}))
            )
            and not bad[i]
        ]
        if found:
            best = max(found, key=para.__getitem__)
            if para[best] >= MIN_ARTICLE and holds_story(best):
                return [best], label
    parent = top_node.parent
    picked = [top]
    if parent >= 0:
        threshold = max(10.0, 0.2 * score[top])
        picked = [
            i
            for i, node in enumerate(nodes)
            if node.parent == parent
            and not bad[i]
            and (
                i == top
                or score[i] >= threshold
                or (node.tag == "p" and para[i] >= 80 and node.links < 0.25 * para[i])
            )
        ]
    return picked, "densest block"


def _link_list(node: Node) -> bool:
    """A list or block that is mostly links: a menu, tags, related headlines."""
    size = node.end - node.start
    if size <= 0:
        return False
    density = node.links / size
    if node.tag in LIST_TAGS or node.tag in ("div", "section"):
        return density > 0.5 and node.links >= 20
    if node.tag in ("p", "li"):
        return density > 0.8 and size < 200
    return False


def standalone_time(nodes: Sequence[Node], i: int) -> bool:
    """A ``<time>`` standing on its own (a byline's "Nov. 19, 2019, 8:41 AM"), not in a sentence.

    Its date is read as a date (``claims.page_dates``); its digits are not the story's figures."""
    node = nodes[i]
    if node.tag != "time" or node.parent < 0:
        return False
    up = nodes[node.parent]
    if up.tag not in SENTENCE_TAGS:
        return True
    return 2 * (node.end - node.start) >= up.end - up.start


def _subtract(outer: tuple[int, int], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out, at = [], outer[0]
    for a, b in sorted(holes):
        if b <= at:
            continue
        if a > at:
            out.append((at, min(a, outer[1])))
        at = max(at, b)
        if at >= outer[1]:
            break
    if at < outer[1]:
        out.append((at, outer[1]))
    return out


def find_article(nodes: Sequence[Node], page: str, ld_json: Sequence[str] = ()) -> Article:
    """The story's text ranges in ``page`` (the page's visible text), per the module's rule."""
    if not nodes:
        return Article(((0, len(page)),), "whole page", (0, len(page)))
    score, para, bad = _scores(nodes, page)
    total = max(para[i] for i in range(len(nodes)))
    if total < MIN_ARTICLE or max(score) <= 0:
        return Article(((0, len(page)),), "whole page (no article found)", (0, len(page)))
    chosen, how = _choose(nodes, page, ld_json, score, para, bad)
    chosen_nodes = [nodes[i] for i in chosen]
    start = min(n.start for n in chosen_nodes)
    end = max(n.end for n in chosen_nodes)
    ranges: list[tuple[int, int]] = []
    holes: list[tuple[int, int]] = []
    for i in chosen:
        node = nodes[i]
        inner = []
        for j in range(i + 1, len(nodes)):
            child = nodes[j]
            if child.start >= node.end and child.end > node.end:
                break
            if not _contains(node, child) or child.end <= child.start:
                continue
            if (
                is_boilerplate(child, inside_article=True) and para[j] < 0.6 * para[i]
            ) or _link_list(child):
                inner.append((child.start, child.end))
                holes.append((child.start, child.end))
            elif standalone_time(nodes, j):  # out of the text, but its date counts
                inner.append((child.start, child.end))
        ranges.extend(_subtract((node.start, node.end), inner))
    headline = _headline(nodes, bad, start)
    region_start, region_end = start, end
    if headline is not None:
        ranges.insert(0, (headline.start, headline.end))
        region_start = headline.start
    up = nodes[chosen[0]].parent  # the story's <article>, byline and all
    while up >= 0 and nodes[up].tag != "article":
        up = nodes[up].parent
    if up >= 0 and para[up] < 2 * sum(para[i] for i in chosen) + MIN_ARTICLE:
        region_start, region_end = min(region_start, nodes[up].start), max(end, nodes[up].end)
    mine = {(n.start, n.end) for n in nodes if n.tag in ("header", "footer")}
    outside = [
        (n.start, n.end)
        for i, n in enumerate(nodes)  # the story's own header and
        if bad[i]
        and n.tag not in ("header", "footer")  # footer hold its dates
        and region_start < n.end
        and n.start < region_end
        and n.end > n.start
        and is_boilerplate(n, inside_article=True)
    ]
    return Article(
        tuple(sorted(ranges)),
        how,
        (region_start, region_end),
        tuple(sorted((set(holes) - mine) | set(outside))),
    )


def _headline(nodes: Sequence[Node], bad: list[bool], body_start: int) -> Node | None:
    """The page's first ``<h1>`` when it stands before the body and is not in boilerplate."""
    for i, node in enumerate(nodes):
        if node.tag == "h1" and not bad[i] and node.end > node.start:
            if node.end <= body_start:
                return node
            return None
    return None
