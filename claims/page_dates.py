"""The story's published and modified dates on a web page, and where each was read.

Candidates, best first (the first that reads as a real date wins; within a rank, JSON-LD
before ``<meta>`` before elements, then page order):

published
  1. JSON-LD ``datePublished`` of the page's article (``NewsArticle``, ``BlogPosting``, ...,
     at the top level or in ``@graph``; CDATA-wrapped blocks and broken JSON read too), then
     ``<meta property="article:published_time">`` (and ``og:``/``og:article:`` forms)
  2. ``itemprop="datePublished"`` and ``<time pubdate>`` inside the story
  3. other date ``<meta>`` tags: ``dc.date.issued``, ``dcterms.issued``, ``DC.date``,
     ``dc.date``, ``date``, ``pubdate``, ``publishdate``, ``sailthru.date``,
     ``parsely-pub-date``, ``citation_publication_date`` ...; JSON-LD ``datePublished`` of a
     ``WebPage``, and ``dateCreated``
  4. the first ``<time datetime>`` inside the story (headline to end of the body, leaving out
     navigation, asides, teasers and related lists: a header's "today" is not the story's date);
     then the written date of a ``<time>`` without ``datetime`` there; a ``<time>`` inside a
     sentence (an event's date) comes last

modified
  ``article:modified_time``, ``og:updated_time``, JSON-LD ``dateModified``,
  ``itemprop="dateModified"``, ``last-modified``, ``dc.date.modified``, ``dcterms.modified``.

Values may be ISO 8601 or written out ("June 30, 2025", "30 juin 2025"): ``claims.dates``.
A UTC timestamp (``...T01:09:55Z``) gives way to the publisher's local rendering of the same
moment found elsewhere on the page (``2023-11-08T18:09:55-07:00`` or a local
``2023-11-08 18:09:55``): the story is dated the day its newsroom printed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from claims.article import Node, standalone_time
from claims.dates import NO_DATES, Stamp, StoryDates, parse_stamp
from claims.pattern_cache import compile as compile_pattern

if TYPE_CHECKING:  # pragma: no cover
    from claims.article import Article

_META_PUBLISHED_1 = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "article:published",
    "article:published:time",
)
_META_PUBLISHED_3 = (
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "publication-date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "article_date_original",
    "original-publish-date",
    "datepublished",
    "citation_publication_date",
    "citation_date",
    "dc.date.created",
    "dcterms.created",
    "og:pubdate",
    "pdate",
    "displaydate",
    "date.release",
    "article.created",
    "creation_date",
)
_META_MODIFIED = (
    "article:modified_time",
    "og:updated_time",
    "og:modified_time",
    "article:modified:time",
    "og:article:modified_time",
    "article:modified",
    "datemodified",
    "last-modified",
    "dc.date.modified",
    "dcterms.modified",
    "lastmod",
    "article.updated",
    "sailthru.lastmodified",
    "date_modified",
    "modified_time",
)
_ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "blogposting",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "livesblogposting",
        "liveblogposting",
        "scholarlyarticle",
        "techarticle",
        "report",
        "socialmediaposting",
        "posting",
        "creativework",
        "satiricalarticle",
        "advertisercontentarticle",
        "askpublicnewsarticle",
        "medicalscholarlyarticle",
        "videoobject",
    }
)
_LD_FIELD = compile_pattern(r'"(datePublished|dateModified|dateCreated)"\s*:\s*"([^"]{6,60})"')
_PUBLISHED_WORDS = frozenset(
    {
        "published",
        "publish",
        "pubdate",
        "publishdate",
        "publication",
        "date-published",
        "entry-date",
        "posted",
        "created",
    }
)
_UPDATED_WORDS = frozenset({"updated", "modified", "update", "lastmod", "last-modified"})
_CDATA = compile_pattern(r"<!\[CDATA\[|\]\]>|<!--|-->")
MAX_LD_DEPTH = 64


@dataclass(frozen=True)
class Candidate:
    """A date found on the page: its rank (lower wins), page order, value and where."""

    rank: int
    order: int
    stamp: Stamp
    where: str


# ------------------------------------------------------------------------------ JSON-LD


def _type_rank(node: dict[str, Any]) -> int | None:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    names = {str(k).lower().rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)}
    if names & _ARTICLE_TYPES - {"videoobject", "creativework"}:
        return 0
    if not names or names & {"webpage", "itempage", "creativework", "collectionpage"}:
        return 1  # an untyped object, or the page itself
    return None


def _ld_roots(data: Any) -> Iterable[dict[str, Any]]:
    """The page's own objects: top level, list members, ``@graph`` members, ``mainEntity``."""
    stack = [(data, 0)]
    while stack:
        node, depth = stack.pop(0)
        if depth > 3:
            continue
        if isinstance(node, list):
            stack.extend((item, depth + 1) for item in node[:200])
        elif isinstance(node, dict):
            yield node
            for key in ("@graph", "mainEntity", "mainEntityOfPage"):
                if isinstance(node.get(key), (list, dict)):
                    stack.append((node[key], depth + 1))


def _depth_ok(text: str) -> bool:
    """Whether a JSON text nests no deeper than ``MAX_LD_DEPTH`` (json.loads recurses)."""
    depth = peak = 0
    for ch in (
        re.findall(r"[\[\]{}]", text) if text.count("[") + text.count("{") > MAX_LD_DEPTH else ()
    ):
        depth += 1 if ch in "[{" else -1
        peak = max(peak, depth)
        if peak > MAX_LD_DEPTH:
            return False
    return True


def ld_dates(blocks: Sequence[str]) -> list[tuple[int, str, str]]:
    """``(rank, field, value)`` for each date field of the page's JSON-LD objects."""
    found: list[tuple[int, str, str]] = []
    for block in blocks:
        text = _CDATA.sub("", block).strip().strip(";")
        if text.startswith("//"):
            text = text.split("\n", 1)[-1]
        data = None
        if _depth_ok(text):
            try:
                data = json.loads(text, strict=False)
            except (ValueError, RecursionError):
                data = None
        if data is None:  # broken JSON: read the fields as written
            found.extend((2, f, v) for f, v in _LD_FIELD.findall(text))
            continue
        for node in _ld_roots(data):
            rank = _type_rank(node)
            if rank is None:
                continue
            for field in ("datePublished", "dateModified", "dateCreated"):
                value = node.get(field)
                if isinstance(value, list) and value:
                    value = value[0]
                if isinstance(value, str):
                    found.append((rank, field, value))
    return found


# ------------------------------------------------------------------------------ the rule


def _inside(at: int, article: Article, nodes: Sequence[Node]) -> bool:
    """Whether a position lies in the story's region and not in boilerplate there."""
    start, end = article.region
    if not start <= at < end:
        return False
    return not any(a <= at < b for a, b in article.outside)


def _candidates(
    metas: Sequence[tuple[str, str]],
    ld_json: Sequence[str],
    times: Sequence[tuple[int, str, str, int]],
    article: Article,
    nodes: Sequence[Node],
) -> tuple[list[Candidate], list[Candidate]]:
    published: list[Candidate] = []
    modified: list[Candidate] = []
    order = 0

    def add(into: list[Candidate], rank: int, value: str, where: str) -> None:
        nonlocal order
        stamp = parse_stamp(value)
        if stamp is not None:
            into.append(Candidate(rank, order, stamp, where))
        order += 1

    for rank, field, value in ld_dates(ld_json):
        label = f"JSON-LD {field}"
        if field == "datePublished":
            add(published, 1 if rank == 0 else 3, value, label)
        elif field == "dateCreated":
            add(published, 3, value, label)
        else:
            add(modified, 1 if rank == 0 else 2, value, label)
    for key, value in metas:
        if key in _META_PUBLISHED_1:
            add(published, 1, value, f"meta {key}")
        elif key in _META_PUBLISHED_3:
            add(published, 3, value, f"meta {key}")
        elif key in _META_MODIFIED:
            add(modified, 1, value, f"meta {key}")
    for at, value, how, node in times:
        if not _inside(at, article, nodes):
            continue
        if how in ("itemprop datepublished", "time pubdate"):
            add(published, 2, value, how)
        elif how in ("itemprop datemodified", "itemprop dateupdated"):
            add(modified, 2, value, how)
        elif how in ("time datetime", "time text"):
            words = (
                set(re.split(r"[\s_-]+", nodes[node].hints)) if 0 <= node < len(nodes) else set()
            )
            if words & _UPDATED_WORDS:
                add(modified, 3, value, "time datetime (updated)")
            elif words & _PUBLISHED_WORDS:
                add(published, 2, value, "time datetime (published)")
            elif not standalone_time(nodes, node):  # "the vote on <time>Nov. 20</time>"
                add(published, 6, value, f"{how} (in a sentence)")
            else:
                add(published, 4 if how == "time datetime" else 5, value, how)
    return published, modified


def _local(chosen: Candidate, others: Sequence[Candidate]) -> tuple[Stamp, str]:
    """A UTC stamp's day as the newsroom printed it, from a local rendering of the same moment."""
    moment = chosen.stamp.instant()
    if chosen.stamp.offset != 0 or moment is None:
        return chosen.stamp, chosen.where
    for other in others:
        s = other.stamp
        if s.time is None or s.day == chosen.stamp.day:
            continue
        if s.offset not in (None, 0):
            there = s.instant()
            if there is not None and abs((there - moment).total_seconds()) <= 120:
                return s, f"{chosen.where} (local day from {other.where})"
        elif s.offset is None:
            naive = Stamp(s.day, s.time, 0).instant()
            if naive is None:
                continue
            hours = (naive - moment).total_seconds() / 3600
            if abs(hours) <= 14 and abs(hours - round(hours) * 1.0) * 60 <= 2 and hours:
                return s, f"{chosen.where} (local day from {other.where})"
    return chosen.stamp, chosen.where


def _pick(found: list[Candidate], same_kind: Sequence[Candidate]) -> tuple[Any, str | None]:
    if not found:
        return None, None
    best = min(found, key=lambda c: (c.rank, c.order))
    stamp, where = _local(best, same_kind)
    return stamp.day, where


def story_dates(
    metas: Sequence[tuple[str, str]],
    ld_json: Sequence[str],
    times: Sequence[tuple[int, str, str, int]],
    article: Article,
    nodes: Sequence[Node],
) -> StoryDates:
    """The page's published and modified dates by the module's rule, each with its source."""
    published, modified = _candidates(metas, ld_json, times, article, nodes)
    if not published and not modified:
        return NO_DATES
    pub, pub_at = _pick(published, published)
    mod, mod_at = _pick(modified, modified)
    if pub is not None and mod is not None and mod < pub:  # an "update" before publication
        mod, mod_at = None, None
    return StoryDates(pub, pub_at, mod, mod_at)
