"""The arithmetic a story states about its own figures, recomputed.

``check_arithmetic(text)`` reads each sentence as a skeleton of typed figures (``_tokens``)
and matches the shapes in ``_arith_patterns``: percent changes between two stated figures
(``rose from A to B, a P% increase``; ``increased P% to B from A``), percentage-point changes
(``56%, down from 59%, a three percentage point drop``), shares (``56 of the 90 judges
(62%)``; a part or whole printed as a plain count such as ``7 of the 12`` is exact), multiples (``doubled``, ``three times the national rate``), parts against a total
(``A, B and C, a total of T``; ``T, made up of A and B``) and differences (``Majority 73``;
``31.5mpg, 12.6mpg below`` with the official figure in the sentence).

Precision first: a claim is read only when its roles sit in one of those shapes with no other
figure between them; anything else gives no finding. Every printed input stands for half a
unit in its last printed digit; the relation's range over those intervals is compared with the
stated figure's own interval, bent by its qualifier (see ``_judge``). A percent stated where
the figures give percentage points (or the reverse) is ARI004, an error with that diagnosis.

Then ``_context_shares`` reads what one sentence cannot: ``COUNT (P%)`` with its base in one of
the two sentences before, in the same paragraph (``ok``, or a ``warning`` for a slip against a
base an explicit phrase names; never an error, the link being inferred), and a vote count's
share of the counts listed after it (``on 593 (35.9%), with B on 520, C on 465 and D on 76``).

Prefilter (same findings, ~7x faster on news copy): a claim needs two figures in a sentence,
and a figure starts at a run of digits or at a spelled number before a percent word. So the
digit runs are found with ``str.find`` (``fig.digit_runs``) and the spelled ones next to each
"cent" (``_tokens.spelled_starts``); only around those is a sentence split: its end is the
first accepted split after the figure, its start the last one before (``fig.sentence_end``,
``fig.sentence_start``, exactly the bounds ``fig.sentences`` gives, since whether a split is
accepted depends only on the characters around it). Sentences with fewer than two such
figures are skipped. In the rest, cheap tests on the lowercased sentence and the skeleton
(``_arith_patterns.possible_forms``, ``may_match``) drop every pattern whose key words or
token kinds are absent, before the sentence is tokenized or the pattern searched.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from decimal import Decimal
from typing import Callable, Iterable, Iterator

from claims.check import _arith_patterns as pat
from claims import wording
from claims.check import _figures as fig
from claims.check import _context_shares as ctx
from claims.check import _tokens as tok
from claims.check._judge import judge
from claims.check._judge import count_half as _count_half
from claims.check._judge import finding as _finding
from claims.check._judge import half as _half
from claims.check._judge import judge_stated as _judge_stated
from claims.check._judge import show as _show
from claims.check._judge import unverifiable as _unverifiable
from claims.check._judge import verdict_finding as _verdict_finding
from claims.check._tokens import Token, to_text, tokenize
from claims.model import Finding, Span, Verdict

HUNDRED = Decimal(100)

_QUICK = re.compile(r"(?i:\b(?:from|of|among|total|majority|times|fold|doubled|tripled|halved|"
                    r"trebled|quadrupled|twice|below|above|under|made\s+up|split|broken\s+down))\b")
_DIGIT = re.compile(r"\d")
_DIRECTION_UP = ("vu", "nu", "nu2")
_DIRECTION_DOWN = ("vd", "nd", "nd2")


def check_arithmetic(text: str) -> list[Finding]:
    """Every plainly stated arithmetic claim in ``text``, judged against its own figures."""
    return _claims(text, _candidates(text))


def _candidates(text: str) -> Iterator[tuple[int, int]]:
    """The sentences of ``text`` that can hold two figures, in order (see the module doc)."""
    items = fig.digit_runs(text)
    spelled = tok.spelled_starts(text)
    if spelled:
        items = sorted(set(items).union(spelled))
    i = 0
    while i < len(items):
        end = fig.sentence_end(text, items[i])
        j = bisect_left(items, end, i + 1)
        if j - i >= 2:
            yield fig.sentence_start(text, items[i]), end
        i = j


def _claims(text: str, sentences: Iterable[tuple[int, int]],
            prefilter: bool = True) -> list[Finding]:
    """The claims read in ``sentences`` (spans of ``text``), then the shares whose base is
    elsewhere (``_context_shares``); ``prefilter=False`` takes every sentence of ``text`` and
    tries every pattern on each (the reference the equivalence tests compare with)."""
    findings: list[Finding] = []
    listed = None if prefilter else list(sentences)
    sentences = sentences if listed is None else listed
    for start, end in sentences:
        forms = pat.possible_forms(text[start:end]) if prefilter else list(pat.PATTERNS)
        if not forms or not _DIGIT.search(text, start, end) \
                or not _QUICK.search(text, start, end):
            continue
        skeleton, tokens = tokenize(text, start, end)
        if len(tokens) < 2:
            continue
        used: set[int] = set()
        for form, relation, rx in forms:
            if prefilter and not pat.may_match(form, skeleton):
                continue
            for m in rx.finditer(skeleton):
                roles = {k: tokens[int(v)] for k, v in m.groupdict().items()
                         if v is not None and v.isdigit() and k not in ("tw",)}
                if used & {t.idx for t in roles.values()}:
                    continue
                finding = _RELATIONS[relation](text, m, roles, tokens)
                if finding is not None:
                    span = Span(to_text(tokens, start, m.start()), to_text(tokens, start, m.end()))
                    finding = replace(finding, span=span, text=text[span.start:span.end])
                    findings.append(finding)
                    used |= {t.idx for t in roles.values()}
                    used |= _part_indices(m)
    findings += ctx.shares(text, findings, listed)
    return findings


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


def _change(text: str, m: re.Match[str], roles: dict[str, Token],
            tokens: list[Token]) -> Finding | None:
    """A stated percent or percentage-point change between ``a`` and ``b``."""
    a, b = roles["a"], roles["b"]
    p = roles.get("p") or roles.get("p2")
    sign = _direction(m)
    if p is None or not sign or not _same_kind(a, b) or a.kind == "Q":
        return None

    def rel(x: Decimal, y: Decimal) -> Decimal:
        return sign * (y - x) / x * HUNDRED

    def points(x: Decimal, y: Decimal) -> Decimal:
        return sign * (y - x)

    if p.kind == "Q" and a.kind != "P":
        return None
    wanted, other = (points, rel) if p.kind == "Q" else (rel, points)
    word = "rise" if sign > 0 else "fall"
    unit = "percentage points" if p.kind == "Q" else "%"
    if a.value == 0:
        return _unverifiable(text, [a, b, p], "the change is from zero, so no percent applies",
                             "zero-base")
    j = _judge_stated(wanted, [a, b], p)
    if j is None:
        return None
    if j.verdict is not Verdict.OK and a.kind == "P":
        alt = _judge_stated(other, [a, b], p)
        if alt is not None and alt.verdict is Verdict.OK \
                and abs(alt.expected - p.value) <= _half(p):
            pts = _show(j.expected if p.kind == "Q" else alt.expected, p)
            pct = _show(alt.expected if p.kind == "Q" else j.expected, p)
            said = "the percent change as points" if p.kind == "Q" else "the points as percent"
            message = (f"from {a.text} to {b.text} is a {word} of {pts} percentage points, or "
                       f"{pct}%; {p.text} gives {said}")
            diag = ("percent-vs-points",
                    "percent and percentage points confused: a change between two percentages "
                    "is a difference in points, or a relative change in percent")
            return _finding(text, "ARI004", Verdict.ERROR, [a, b, p], p, j, unit, message, diag,
                            {"old": a, "new": b, "stated": p})
    direction_wrong = j.verdict is not Verdict.OK and j.expected < 0 < p.value
    message = (f"from {a.text} to {b.text} is a {word} of {_show(j.expected, p)}"
               f"{'' if unit == '%' else ' '}{unit}")
    diag = ("wrong-direction", "the figures move the other way") if direction_wrong else None
    return _verdict_finding(text, [a, b, p], p, j, unit, message, diag,
                            {"old": a, "new": b, "stated": p})


def _change_amount(text: str, m: re.Match[str], roles: dict[str, Token],
                   tokens: list[Token]) -> Finding | None:
    """``rose by P% to B, an increase of D``: D against B - B / (1 + P/100)."""
    p, b, d = roles["p"], roles["b"], roles["d"]
    sign = _direction(m)
    if not sign or b.kind != "N" or b.unit != d.unit:
        return None

    def amount(pp: Decimal, y: Decimal) -> Decimal:
        return sign * (y - y / (1 + sign * pp / HUNDRED))

    j = _judge_stated(amount, [p, b], d)
    if j is None:
        return None
    word = "increase" if sign > 0 else "fall"
    message = f"a {p.text} {word} to {b.text} is {_show(j.expected, d)}"
    return _verdict_finding(text, [p, b, d], d, j, d.unit or None, message, None,
                            {"change": p, "new": b, "stated": d})


def _multiple(text: str, m: re.Match[str], roles: dict[str, Token],
              tokens: list[Token]) -> Finding | None:
    """``doubled``, ``three times``, ``x-fold``: b / a against the stated factor."""
    a, b = roles["a"], roles["b"]
    if not _same_kind(a, b):
        return None
    groups = m.groupdict()
    f = roles.get("f")
    if f is not None:
        factor, half, said = f.value, _half(f), f"{f.text} times"
    elif groups.get("tw"):
        factor, half, said = Decimal(pat.TIMES_WORDS[groups["tw"].lower()]), fig.HALF, \
            f"{groups['tw']} times"
    else:
        word = groups["mult"].lower()
        factor = Decimal(pat.MULT_WORDS[word])
        half, said = factor * Decimal("0.05"), word
    # a multiplier word ("three times", "doubled") slips by at most its own tolerance
    step = f.step if f is not None else half
    j = judge(lambda x, y: y / x, [a.value, b.value], [_half(a), _half(b)], factor, half,
              step, f.mode if f else None)
    if j is None:
        return None
    used = [a, b] + ([f] if f else [])
    message = f"{b.text} is {wording.fmt(j.expected, 2)} times {a.text}"
    return _verdict_finding(text, used, None, j, "times", message, None,
                            {"base": a, "compared": b, "stated": said}, stated_text=said,
                            span=Span(min(m.start(), 0) + min(t.start for t in used),
                                      max(t.end for t in used)))


def _share(text: str, m: re.Match[str], roles: dict[str, Token],
           tokens: list[Token]) -> Finding | None:
    """``part of whole (P%)``: part / whole x 100 against P."""
    part, whole, p = roles["part"], roles["whole"], roles["p"]
    if part.value > whole.value or part.kind != "N" or whole.kind != "N" \
            or (part.unit or None) != (whole.unit or None):   # 2,000 of $5 billion: no share
        return None
    share = lambda x, y: x / y * HUNDRED  # noqa: E731
    j = _judge_stated(share, [part, whole], p, [_count_half(part), _count_half(whole)])
    if j is None:
        return None
    if j.verdict is Verdict.ERROR:
        # Fits only if the counts were themselves rounded: flag it, but not as an error
        # (a printed figure may always stand for half a unit in its last digit).
        loose = _judge_stated(share, [part, whole], p)
        if loose is not None and loose.verdict is not Verdict.ERROR:
            j = replace(loose, verdict=Verdict.WARNING)
    message = f"{part.text} of {whole.text} is {_show(j.expected, p)}%"
    return _verdict_finding(text, [part, whole, p], p, j, "%", message, None,
                            {"part": part, "whole": whole, "stated": p})


def _total(text: str, m: re.Match[str], roles: dict[str, Token],
           tokens: list[Token]) -> Finding | None:
    """Listed parts against their stated total."""
    total = roles["total"]
    parts = [tokens[i] for i in sorted(_part_indices(m))]
    if len(parts) < 2 or not _same_kind(total, *parts) or total.kind != "N":
        return None
    j = _judge_stated(lambda *xs: sum(xs, Decimal(0)), parts, total)
    if j is None:
        return None
    message = f"{' + '.join(t.text for t in parts)} = {_show(j.expected, total)}"
    return _verdict_finding(text, parts + [total], total, j, total.unit or None, message, None,
                            {"parts": parts, "stated": total})


def _difference(text: str, m: re.Match[str], roles: dict[str, Token],
                tokens: list[Token]) -> Finding | None:
    """``Labour on 593 ... Conservatives on 520, Majority 73``: a - b against d."""
    a, b, d = roles["a"], roles["b"], roles["d"]
    if not _same_kind(a, b, d) or a.value < b.value:
        return None
    j = _judge_stated(lambda x, y: x - y, [a, b], d)
    if j is None:
        return None
    message = f"{a.text} - {b.text} = {_show(j.expected, d)}"
    return _verdict_finding(text, [a, b, d], d, j, d.unit or None, message, None,
                            {"first": a, "second": b, "stated": d})


def _difference_unit(text: str, m: re.Match[str], roles: dict[str, Token],
                     tokens: list[Token]) -> Finding | None:
    """``31.5mpg, 12.6mpg below`` with exactly one other figure in that unit in the sentence."""
    b, d = roles["b"], roles["d"]
    if not b.unit or b.unit != d.unit or b.unit in ("$", "£", "€"):
        return None
    others = [t for t in tokens if t.unit == b.unit and t.idx not in (b.idx, d.idx)]
    if len(others) != 1:
        return None
    a = others[0]
    below = m.group("below") is not None
    j = _judge_stated((lambda x, y: x - y) if below else (lambda x, y: y - x), [a, b], d)
    if j is None:
        return None
    word = "below" if below else "above"
    message = f"{b.text} is {_show(j.expected, d)}{b.unit} {word} {a.text}"
    return _verdict_finding(text, [a, b, d], d, j, b.unit, message, None,
                            {"reference": a, "figure": b, "stated": d})


_RELATIONS: dict[str, Callable[..., Finding | None]] = {
    "change": _change, "change-amount": _change_amount, "multiple": _multiple,
    "share": _share, "total": _total, "difference": _difference,
    "difference-unit": _difference_unit,
}
