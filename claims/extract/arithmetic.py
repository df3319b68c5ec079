"""The arithmetic a story states about its own figures, read as ``ArithmeticClaim``s.

``read_arithmetic(text)`` reads each sentence as a skeleton of typed figures (``arith_tokens``)
and matches the shapes in ``arith_patterns``: percent changes between two stated figures
(``rose from A to B, a P% increase``; ``increased P% to B from A``), percentage-point changes
(``56%, down from 59%, a three percentage point drop``), changes stated as an amount, shares
(``56 of the 90 judges (62%)``), multiples (``doubled``, ``three times the national rate``),
parts against a total (``A, B and C, a total of T``; ``T, made up of A and B``) and
differences (``Majority 73``; ``31.5mpg, 12.6mpg below`` with the official figure in the
sentence). ``arith_grammar`` then reads the other wordings by cue and role (``increased
20.04% to B versus A``, ``a decline of P``, ``N more``, ``of whom``, ``more than doubled``,
``$X per acre``), each claim with its certainty (stated, inferred or a guess checked only if
it fits). ``_across`` reads a claim spread over two adjacent sentences where its parts are
unambiguous (the stated figure alone in one, the two it relates in the other, which points
back to the first: "That was a decline of 30.4%"), at most a warning. Then ``arith_context``
reads what one sentence cannot: ``COUNT (P%)`` with its base in one of the two sentences
before, and a vote count's share of the counts listed after it.
``claims.check.arithmetic`` recomputes and judges them.

Precision first: a claim is read only when its roles sit in one of those shapes with no other
figure between them and its figures are comparable (the same kind, no clash of currencies or
units); anything else gives no claim.

Prefilter (same claims, ~7x faster on news copy): a claim needs two figures in a sentence,
and a figure starts at a run of digits or at a spelled number before a percent word. So the
digit runs are found with ``str.find`` (``sentences.digit_runs``) and the spelled ones next
to each "cent" (``arith_tokens.spelled_starts``); only around those is a sentence split: its
end is the first accepted split after the figure, its start the last one before
(``sentences.sentence_end``/``sentence_start``, exactly the bounds ``sentences.sentences``
gives, since whether a split is accepted depends only on the characters around it). Sentences
with fewer than two such figures are skipped; the grammar runs where one of its cue words is
(``arith_grammar.cued``, substring tests). In the rest, cheap tests on the lowercased
sentence and the skeleton (``arith_patterns.possible_forms``, ``may_match``) drop every
pattern whose key words or token kinds are absent, before the sentence is tokenized or the
pattern searched.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from decimal import Decimal

from claims.extract import arith_context as ctx
from claims.extract import arith_grammar as grammar
from claims.extract import arith_patterns as pat
from claims.extract import arith_tokens as tok
from claims.extract import sentences as fig
from claims.extract._regex import trie
from claims.extract.arith_tokens import Token, to_text, tokenize
from claims.model import ArithmeticClaim, Quantity, Span
from claims.pattern_cache import compile as compile_pattern

__all__ = ["read_arithmetic"]

#: Words a pattern (``arith_patterns``) is built around (``_QUICK``).
_QUICK_WORDS = (
    "from of among total majority times fold doubled tripled halved trebled quadrupled "
    "twice below above under split"
).split()
_QUICK = compile_pattern(
    r"(?i:\b(?:%s))\b" % trie([*_QUICK_WORDS, "made up", "broken down"], space=r"\s+")
)
_QUICK_SET = frozenset(_QUICK_WORDS)
_WORD = compile_pattern(r"\w+")


def _quick(text: str, start: int, end: int) -> bool:
    """``_QUICK.search(text, start, end)``, faster: a set lookup of the sentence's words
    (lowercased; a regex with IGNORECASE costs ~3x more), the regex only for the two-word
    entries and for the characters that fold oddly."""
    sentence = text[start:end]
    if not sentence.isascii() and any(c in sentence for c in pat.ODD_CASE):
        return _QUICK.search(sentence) is not None
    words = set(_WORD.findall(sentence.lower()))
    if not words.isdisjoint(_QUICK_SET):
        return True
    if ("made" in words and "up" in words) or ("broken" in words and "down" in words):
        return _QUICK.search(sentence) is not None
    return False


_DIGIT = compile_pattern(r"\d")
_DIRECTION_UP = ("vu", "nu", "nu2")
_DIRECTION_DOWN = ("vd", "nd", "nd2")


def read_arithmetic(text: str) -> list[ArithmeticClaim]:
    """Every plainly stated arithmetic claim in ``text``, in order of reading."""
    found = _figure_sentences(text)
    return _claims(text, _candidates(text, found), found=found)


def _candidates(
    text: str, found: list[tuple[int, int, int, int]] | None = None
) -> Iterator[tuple[int, int]]:
    """The sentences of ``text`` that can hold two figures, in order (see the module doc)."""
    for first, end, items, _ in _figure_sentences(text) if found is None else found:
        if items >= 2:
            yield fig.sentence_start(text, first), end


def _claims(
    text: str,
    sentences: Iterable[tuple[int, int]],
    prefilter: bool = True,
    found: list[tuple[int, int, int, int]] | None = None,
) -> list[ArithmeticClaim]:
    """The claims read in ``sentences`` (spans of ``text``), then those spread over two
    sentences (``_across``; ``found``: ``_figure_sentences(text)`` when known), then the
    shares whose base is elsewhere (``arith_context``); ``prefilter=False`` takes every
    sentence of ``text`` and tries every pattern on each (the reference the equivalence tests
    compare with)."""
    claims: list[ArithmeticClaim] = []
    listed = None if prefilter else list(sentences)
    sentences = sentences if listed is None else listed
    for start, end in sentences:
        forms = pat.possible_forms(text[start:end]) if prefilter else list(pat.PATTERNS)
        if not _DIGIT.search(text, start, end):
            continue
        cued = grammar.cued(text, start, end)
        if not cued and (not forms or not _quick(text, start, end)):
            continue
        skeleton, tokens = tokenize(text, start, end)
        if len(tokens) < 2:
            continue
        used: set[int] = set()
        if not _quick(text, start, end):
            forms = []
        for form, relation, rx in forms:
            if prefilter and not pat.may_match(form, skeleton):
                continue
            for m in rx.finditer(skeleton):
                roles = {
                    k: tokens[int(v)]
                    for k, v in m.groupdict().items()
                    if v is not None and v.isdigit() and k not in ("tw",)
                }
                if used & {t.idx for t in roles.values()}:
                    continue
                span = Span(to_text(tokens, start, m.start()), to_text(tokens, start, m.end()))
                claim = _READERS[relation](text, m, roles, tokens, span, start)
                if claim is not None:
                    claims.append(claim)
                    used |= {t.idx for t in roles.values()}
                    used |= _part_indices(m)
        if cued:
            claims += grammar.read(text, [(start, skeleton, tokens)], used)
    claims += _across(text, claims, _figure_sentences(text) if found is None else found, prefilter)
    # a guess holds no figure: a share whose base is elsewhere may still be read there
    claims += ctx.shares(text, [c.span for c in claims if c.certainty != "guess"], listed)
    return claims


def _figure_sentences(text: str) -> list[tuple[int, int, int, int]]:
    """(first figure, end, figures, figures not counting runs inside one) of each sentence of
    ``text`` that holds a figure, in order: a figure is a digit run (``9,412,300`` is three,
    one when a run after a grouping or decimal mark is not counted) or a spelled one."""
    items = fig.digit_runs(text)
    spelled = tok.spelled_starts(text)
    if spelled:
        items = sorted(set(items).union(spelled))
    out = []
    i = 0
    while i < len(items):
        end = fig.sentence_end(text, items[i])
        j = bisect_left(items, end, i + 1)
        n = sum(
            1 for k in items[i:j] if k < 2 or text[k - 1] not in ".," or not text[k - 2].isdigit()
        )
        out.append((items[i], end, j - i, n))
        i = j
    return out


#: Figures two sentences may hold for ``_across`` (a superset before they are read: the three
#: a relation needs, and years).
_ACROSS_MOST = 5
_FIGURE_MOST = 64  # characters a figure's span may take (held spans are looked up near)
#: How the second sentence ties itself to the first: a word that points back ("That was a
#: decline of 30.4%", "Its tally rose to ...", "The rise ...") or the whole of a share named
#: first ("Of 9,412,300 registered voters, 6,400,364 ...").
_LINKED = compile_pattern(
    r"[\"“‘'(]*(?:(?:that|this|it|its|their|these|those|which)\b|the\s+(?:rise|increase|"
    r"drop|fall|decline|decrease|gain|jump|growth|change|figure|share|turnout|total|tally|"
    r"difference|gap)\b|(?:of|among|out\s+of)\s+(?:the\s+|these\s+|those\s+|all\s+)?\d)",
    re.IGNORECASE,
)


def _across(
    text: str,
    claims: list[ArithmeticClaim],
    found: list[tuple[int, int, int, int]],
    prefilter: bool = True,
) -> list[ArithmeticClaim]:
    """A claim spread over two adjacent sentences of a paragraph, read where its parts are
    unambiguous: one sentence holds the stated figure and no other, the other exactly the
    two figures it relates (``Officials reported 68 percent voter turnout. Of 9,412,300
    registered voters, 6,400,364 cast ballots.``; ``Profit was Rs 64 crore as against Rs 92
    crore. That was a decline of 30.4%.``). The grammar reads the two as one window; a
    reading it calls stated, using all three figures, is kept as ``inferred`` (the link
    between the sentences is not written: at most a warning); a guess or a cue read two ways
    is dropped (across sentences, a fit is too easily a coincidence). The second sentence
    must tie itself to the first (``_LINKED``: "That was ...", "Its tally ...", "Of N ...":
    "... stayed below 6 percent. The rate averaged 5.7 percent, down from 6.2 percent" is two
    subjects). Years do not count; no
    figure a claim of one sentence holds is used; no letter may stand between the two (no
    sentence without a figure, no new paragraph)."""
    held = sorted(
        (span.start, span.end)
        for c in claims
        if c.certainty != "guess"
        for span in _figure_spans(c)
    )
    starts = [s for s, _ in held]
    recent: list[Span] = []  # the last pair's claim: its second sentence may be the next first
    out: list[ArithmeticClaim] = []
    for (a_first, a_end, _, a_n), (b_first, b_end, _, b_n) in zip(found, found[1:], strict=False):
        if a_n + b_n > _ACROSS_MOST or a_n + b_n < 3:
            continue
        if prefilter:  # the sentence after A must point back (B can only be that one)
            after = fig.next_start(text, a_end)
            if after is None or not _LINKED.match(text, after):
                continue
        b_start = fig.sentence_start(text, b_first)
        if any(ch.isalnum() or ch == "\n" for ch in text[a_end:b_start]):
            continue
        if not _LINKED.match(text, b_start):
            continue
        a_start = fig.sentence_start(text, a_first)
        if not grammar.cued(text, a_start, b_end):
            continue
        skeleton, tokens = tokenize(text, a_start, b_end)
        figures = [t for t in tokens if t.kind != "Y"]
        near = held[bisect_left(starts, a_start - _FIGURE_MOST) : bisect_left(starts, b_end)]
        if len(figures) != 3 or any(
            s < t.end and t.start < e
            for t in figures
            for s, e in [*near, *((x.start, x.end) for x in recent)]
        ):
            continue
        in_a = sum(t.start < a_end for t in figures)
        if in_a not in (1, 2):
            continue
        for claim in grammar.read(text, [(a_start, skeleton, tokens)], set()):
            if claim.certainty != "stated" or claim.alternatives:
                continue
            spans = _figure_spans(claim)
            alone = [t for t in figures if (t.start < a_end) == (in_a == 1)]
            if len(spans) != 3 or claim.stated.span.start != alone[0].start:
                continue  # the lone figure is the stated one; the other two its inputs
            out.append(replace(claim, certainty="inferred"))
            recent = spans
    return out


def _figure_spans(claim: ArithmeticClaim) -> list[Span]:
    """Where the stated figure and every input of ``claim`` stand."""
    spans = [claim.stated.span]
    for value in claim.figures.values():
        for q in value if isinstance(value, tuple) else (value,):
            if isinstance(q, Quantity):
                spans.append(q.span)
    return spans


def _part_indices(m: re.Match[str]) -> set[int]:
    parts = m.groupdict().get("parts")
    return {int(i) for i in re.findall(r"⟦N(\d+)⟧", parts)} if parts else set()


def _direction(m: re.Match[str]) -> int:
    groups = m.groupdict()
    if any(groups.get(g) for g in _DIRECTION_UP):
        return 1
    if any(groups.get(g) for g in _DIRECTION_DOWN):
        return -1
    return 0


def _same_kind(*tokens: Token) -> bool:
    """Inputs comparable: same kind (N with N, P with P) and no clash of currencies/units."""
    units = {t.unit for t in tokens if t.unit}
    return len({t.kind for t in tokens}) == 1 and len(units) <= 1


def _claim(
    relation: str,
    text: str,
    span: Span,
    stated: Quantity,
    figures: dict[str, Token | list[Token]],
    **extra: object,
) -> ArithmeticClaim:
    typed = {
        role: (t.quantity() if isinstance(t, Token) else tuple(x.quantity() for x in t))
        for role, t in figures.items()
    }
    return ArithmeticClaim(relation, stated, typed, span, text[span.start : span.end], **extra)  # type: ignore[arg-type]


Reader = Callable[
    [str, re.Match[str], dict[str, Token], list[Token], Span, int], "ArithmeticClaim | None"
]


def _change(
    text: str,
    m: re.Match[str],
    roles: dict[str, Token],
    tokens: list[Token],
    span: Span,
    start: int,
) -> ArithmeticClaim | None:
    """A stated percent or percentage-point change between ``a`` and ``b``."""
    a, b = roles["a"], roles["b"]
    p = roles.get("p") or roles.get("p2")
    sign = _direction(m)
    if p is None or not sign or not _same_kind(a, b) or a.kind == "Q":
        return None
    if p.kind == "Q" and a.kind != "P":
        return None
    return _claim("change", text, span, p.quantity(), {"old": a, "new": b}, direction=sign)


def _change_amount(
    text: str,
    m: re.Match[str],
    roles: dict[str, Token],
    tokens: list[Token],
    span: Span,
    start: int,
) -> ArithmeticClaim | None:
    """``rose by P% to B, an increase of D``."""
    p, b, d = roles["p"], roles["b"], roles["d"]
    sign = _direction(m)
    if not sign or b.kind != "N" or b.unit != d.unit:
        return None
    return _claim(
        "change-amount", text, span, d.quantity(), {"change": p, "new": b}, direction=sign
    )


_TIMES_AFTER = compile_pattern(r"[ \t\u00a0-]*\n?[ \t]*times\b", re.IGNORECASE)


def _multiple(
    text: str,
    m: re.Match[str],
    roles: dict[str, Token],
    tokens: list[Token],
    span: Span,
    start: int,
) -> ArithmeticClaim | None:
    """``doubled``, ``three times``, ``x-fold``: the stated factor, as a figure."""
    a, b = roles["a"], roles["b"]
    if not _same_kind(a, b):
        return None
    groups = m.groupdict()
    f = roles.get("f")
    if f is not None:
        stated, word = f.quantity(), f"{f.text} times"
    else:
        key = "tw" if groups.get("tw") else "mult"
        at = Span(to_text(tokens, start, m.start(key)), to_text(tokens, start, m.end(key)))
        written = text[at.start : at.end]
        # a multiplier word stands for half its step either way: "three times" 2.5-3.5,
        # "doubled" within 5%
        if key == "tw":
            word = f"{written} times"
            times = _TIMES_AFTER.match(text, at.end)  # the figure is "three times", all of it
            shown = Span(at.start, times.end()) if times else at
            stated = Quantity(
                text[shown.start : shown.end],
                shown,
                Decimal(pat.TIMES_WORDS[written.lower()]),
                "times",
                Decimal(1),
                zeros_meant=True,
            )
        else:
            word = written.lower()
            factor = Decimal(pat.MULT_WORDS[word])
            stated = Quantity(
                written, at, factor, "times", factor * Decimal("0.1"), zeros_meant=True
            )
    return _claim("multiple", text, span, stated, {"base": a, "compared": b}, word=word)


def _share(
    text: str,
    m: re.Match[str],
    roles: dict[str, Token],
    tokens: list[Token],
    span: Span,
    start: int,
) -> ArithmeticClaim | None:
    """``part of whole (P%)``."""
    part, whole, p = roles["part"], roles["whole"], roles["p"]
    if (
        part.value > whole.value
        or part.kind != "N"
        or whole.kind != "N"
        or (part.unit or None) != (whole.unit or None)
    ):  # 2,000 of $5 billion: no share
        return None
    return _claim("share", text, span, p.quantity(), {"part": part, "whole": whole})


def _total(
    text: str,
    m: re.Match[str],
    roles: dict[str, Token],
    tokens: list[Token],
    span: Span,
    start: int,
) -> ArithmeticClaim | None:
    """Listed parts against their stated total."""
    total = roles["total"]
    parts = [tokens[i] for i in sorted(_part_indices(m))]
    if len(parts) < 2 or not _same_kind(total, *parts) or total.kind != "N":
        return None
    return _claim("total", text, span, total.quantity(), {"parts": parts})


def _difference(
    text: str,
    m: re.Match[str],
    roles: dict[str, Token],
    tokens: list[Token],
    span: Span,
    start: int,
) -> ArithmeticClaim | None:
    """``Labour on 593 ... Conservatives on 520, Majority 73``: a - b against d."""
    a, b, d = roles["a"], roles["b"], roles["d"]
    if not _same_kind(a, b, d) or a.value < b.value:
        return None
    return _claim("difference", text, span, d.quantity(), {"first": a, "second": b})


def _difference_unit(
    text: str,
    m: re.Match[str],
    roles: dict[str, Token],
    tokens: list[Token],
    span: Span,
    start: int,
) -> ArithmeticClaim | None:
    """``31.5mpg, 12.6mpg below`` with exactly one other figure in that unit in the sentence."""
    b, d = roles["b"], roles["d"]
    if not b.unit or b.unit != d.unit or b.unit in ("$", "£", "€"):
        return None
    others = [t for t in tokens if t.unit == b.unit and t.idx not in (b.idx, d.idx)]
    if len(others) != 1:
        return None
    below = m.group("below") is not None
    return _claim(
        "difference-unit",
        text,
        span,
        d.quantity(),
        {"reference": others[0], "figure": b},
        direction=-1 if below else 1,
        word="below" if below else "above",
    )


_READERS: dict[str, Reader] = {
    "change": _change,
    "change-amount": _change_amount,
    "multiple": _multiple,
    "share": _share,
    "total": _total,
    "difference": _difference,
    "difference-unit": _difference_unit,
}
