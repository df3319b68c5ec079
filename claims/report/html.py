"""``--format html``: one self-contained page with each story, its checked figures highlighted.

``render(results, documents=..., series=...)`` is a pure function. The story text reaches it
only for this format: the CLI (and the service) pass ``documents`` (path -> ``Document``), so
no other format keeps sources; without them the page lists the findings alone. ``series``
(``claims.report.html_series.window_series``, fetched by the caller from the store) feeds the
charts. Text and Markdown stories are shown as written; HTML stories as their visible text.
Highlights and badges sit at the findings' source positions; each badge is a link to the
finding's evidence (so it works without script) and, with script, shows it in a side panel
on click or keyboard focus. Verdicts have an icon and an underline pattern besides colour.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Mapping
from html import escape
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from claims.report import Reporter as BaseReporter
from claims.report import notes as story_notes
from claims.report import summary
from claims.report._html_assets import CSS, ICONS, JS, KINDS, ORDER
from claims.report._html_evidence import evidence, icon, kind_of

if TYPE_CHECKING:  # pragma: no cover
    from claims.check import DocumentResult
    from claims.report.html_series import Series

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)


class Reporter(BaseReporter):
    """The page for a whole run: results and their stories are kept until ``finish``, when the
    reference series are asked of ``series_for`` (a function the caller's edge provides)."""

    wants_story = True

    def __init__(
        self,
        *,
        series_for: Callable[[list[Any]], Any] | None = None,
        documents: Mapping[str, Any] | None = None,
        series: Series | None = None,
        **options: Any,
    ) -> None:
        super().__init__(**options)
        self.series_for = series_for
        self.series = series
        self.results: list[Any] = []
        self.documents: dict[str, Any] = dict(documents or {})

    def story(self, document: Any) -> None:
        self.documents[document.path] = document

    def document(self, result: DocumentResult, config: str | None = None) -> str:
        super().document(result, config)
        self.results.append(result)
        return ""

    def finish(self) -> str:
        series = (
            self.series
            if self.series is not None
            else (self.series_for(self.results) if self.series_for else {})
        )
        return render(self.results, documents=self.documents, series=series)


def render(
    results: list[DocumentResult],
    *,
    documents: Mapping[str, Any] | None = None,
    series: Series | None = None,
    color: bool = False,
    **_: Any,
) -> str:
    """The whole page for ``results`` (one story or many)."""
    from claims import __version__
    from claims.rules import DIAGNOSES

    documents, series = documents or {}, series or {}
    totals = summary(results)
    stories = [
        _story(i, r, documents.get(r.path), series, DIAGNOSES)
        for i, r in enumerate(results, start=1)
    ]
    title = (
        f"claims report: {results[0].path}"
        if len(results) == 1
        else f"claims report: {len(results)} stories"
    )
    nav = ""
    if len(results) > 1:
        items = "".join(
            f'<li><a href="#story-{i}">{escape(r.path)}</a> {_counts(r.counts())}</li>'
            for i, r in enumerate(results, start=1)
        )
        nav = f'<nav class="stories" aria-label="Stories"><ol>{items}</ol></nav>'
    filters = "".join(
        f'<label><input type="checkbox" checked data-kind="{k}">{icon(k)}'
        f'{escape(KINDS[k][0])} <span class="n">{totals.get(k, 0)}</span></label>'
        for k in ORDER
    )
    return (
        f'<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="claims {escape(__version__)}">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{ICONS}\n"
        f'<header class="top"><h1>{escape(title)}</h1>'
        f'<p class="meta">{len(results)} {"story" if len(results) == 1 else "stories"} '
        f"checked by claims {escape(__version__)}.</p>"
        f'<h2 class="visually-hidden">Summary</h2><ul class="summary">'
        + "".join(
            f'<li>{icon(k)}{escape(KINDS[k][0])} <span class="n">{totals.get(k, 0)}</span></li>'
            for k in ORDER
        )
        + f'</ul><fieldset class="filter"><legend>Show findings</legend>{filters}'
        f'<span id="filter-status" class="meta" role="status"></span></fieldset>{nav}</header>\n'
        f"<main>{''.join(stories)}</main>\n"
        f"<footer>Each highlighted figure has a numbered badge after it: tab to it, or "
        f"click it, to see its evidence. Underlines: wavy error, dashed warning, dotted "
        f"unverifiable, solid ok, double suppressed.</footer>\n"
        f"<script>{JS}</script>\n</body>\n</html>\n"
    )


def _counts(counts: Mapping[str, int]) -> str:
    shown = [
        f'<span class="count">{icon(k)}<span class="n">{counts[k]}</span>'
        f'<span class="visually-hidden"> {escape(KINDS[k][0])}</span></span>'
        for k in ORDER
        if counts.get(k)
    ]
    return " ".join(shown) or '<span class="count">no checked figures</span>'


def _story(
    index: int, result: DocumentResult, doc: Any, series: Series, diagnoses: Mapping[str, str]
) -> str:
    dicts = [f.to_dict() for f in result.findings]
    items, badges = [], []
    for n, d in enumerate(dicts, start=1):
        kind = kind_of(d)
        rate = d.get("rate") or {}
        found = series.get((result.path, rate["base"], rate["quote"])) if rate else None
        items.append(
            f'<li id="f-{index}-{n}" class="v-{kind}" data-kind-of="{kind}">'
            f"{evidence(d, found, diagnoses)}</li>"
        )
        badges.append(_badge(index, n, d, kind))
    notes = "".join(f'<p class="notes">{escape(note)}</p>' for note in story_notes(result))
    head = (
        f'<h2 id="h-{index}">{escape(result.path)}</h2>'
        f'<p class="meta">As of {result.as_of.isoformat()} ({escape(result.as_of_source)}). '
        f"{_counts(result.counts())}</p>{notes}"
    )
    if doc is not None:
        text, place = _view(doc)
        body = _highlight(
            text,
            [
                (place(d["start"]), place(d["end"]), kind_of(d), b, f"b-{index}-{n}")
                for n, (d, b) in enumerate(zip(dicts, badges, strict=True), start=1)
            ],
        )
        story = (
            f'<div class="story-text" role="region" tabindex="0" '
            f'aria-label="Story text: {escape(result.path, quote=True)}">{body}</div>'
        )
    else:
        story = (
            '<p class="notes">The story text was not given to the report: findings only.</p>'
            + "".join(badges)
        )
    panel = (
        f'<aside class="panel" id="panel-{index}" aria-label="Evidence: '
        f'{escape(result.path, quote=True)}" aria-live="polite">'
        f'<h3>Evidence</h3><p class="hint">Select a highlighted figure, or tab to its badge, '
        f'to see its evidence here.</p><div class="panel-body"></div></aside>'
    )
    listing = (
        f'<h3>Findings</h3><ol class="findings">{"".join(items)}</ol>'
        if items
        else '<p class="notes">No figures were checked in this story.</p>'
    )
    return (
        f'<article class="story" id="story-{index}" aria-labelledby="h-{index}">{head}'
        f'<div class="layout">{story}{panel}</div>{listing}</article>'
    )


def _badge(index: int, n: int, d: Mapping[str, Any], kind: str) -> str:
    label = f"{KINDS[kind][0]}{' (' + d['verdict'] + ')' if kind == 'suppressed' else ''}"
    return (
        f'<a class="badge v-{kind}" id="b-{index}-{n}" href="#f-{index}-{n}" '
        f'data-panel="panel-{index}" data-kind-of="{kind}">{icon(kind)}'
        f'<span class="visually-hidden">{escape(label)} {escape(d["code"])}, finding </span>'
        f"{n}</a>"
    )


def _view(doc: Any) -> tuple[str, Callable[[int], int]]:
    """The text to show and a map from source offsets into it."""
    if doc.format == "html" and doc.offsets is not None:
        offsets, size = doc.offsets, len(doc.text)
        return doc.text, lambda src: min(size, bisect_left(offsets, src))
    size = len(doc.source)
    return doc.source, lambda src: max(0, min(size, src))


def _highlight(text: str, spans: list[tuple[int, int, str, str, str]]) -> str:
    """``text`` escaped, each span's stretch in a ``<mark>``, its badge just after it."""
    cuts = sorted({0, len(text)} | {s for s, *_ in spans} | {e for _, e, *_ in spans})
    ends: dict[int, list[str]] = {}
    for start, end, _kind, badge, _id in spans:
        ends.setdefault(max(start, end), []).append(badge)
    out = list(ends.get(0, []))  # empty spans at the very start
    for a, b in pairwise(cuts):
        cover = [(k, i) for s, e, k, _b, i in spans if s <= a and e >= b and s < e]
        piece = escape(text[a:b])
        if cover:
            kinds = sorted({k for k, _ in cover}, key=ORDER.index)
            ids = " ".join(i for _, i in cover)
            piece = (
                f'<mark class="hl v-{kinds[0]}" data-kinds="{" ".join(kinds)}" '
                f'data-badges="{ids}">{piece}</mark>'
            )
        out.append(piece)
        out.extend(ends.get(b, []))
    return "".join(out)
