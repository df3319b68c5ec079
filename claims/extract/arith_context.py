"""Shares stated as ``COUNT (P%)`` whose base is not in the sentence itself.

Two forms, both read only where the in-sentence patterns of ``arithmetic`` found nothing; each
is read as an ``ArithmeticClaim`` that ``claims.check.arithmetic`` judges:

- **An earlier base** (ARI003, at most ARI002): ``...the board put the number who cleared at
  70,716. Among those who passed, 20,806 students (29.42 per cent) earned a first division.``
  COUNT is a plain whole number >= 100 (no money, unit, scale, decimals or qualifier; at most two
  lowercase words between it and the parenthesis, none a unit, money or time word, none
  comparative), not led by a change or link word (``up``, ``by``, ``of``, ``rose`` ...) nor
  followed by one (``more``, ``than``, ``from``, ``on the year`` ...), and its sentence holds no
  other figure above it except siblings (other ``COUNT (P%)``). The bases are the plain whole
  numbers above COUNT in at most two earlier sentences of the same paragraph (no newline between;
  siblings there are parts, not bases): the claim's ``bases``, each with how many sentences
  back it stands and whether an explicit phrase links it (``of the 97,750``, ``the number who
  cleared at 70,716``), and its ``rivals``, every whole number >= COUNT there. The check
  compares COUNT / B x 100 with P exactly (counts are exact): exactly one base value within
  P's rounding gives ``ok`` naming that base and where it stands; two or more give nothing
  (the link is guessed). With none within rounding, exactly one base value one unit off (a
  slip) gives a ``warning`` only if linked and the only rival. Never an error: the link
  between the sentences is inferred, not stated.
- **A vote count's share of the listed counts** (ARI001-003): ``Labour held the ward on 593
  (35.9%), with the Conservatives on 520, the BNP on 465 and the Liberal Democrat on 76.`` At
  least three plain counts, each ``on N``, the first with its share, no other figure after the
  list; P is judged against the first count over the sum (plain counts are exact).
  A stated share below the computed one may be a share of a longer list (candidates not named),
  so it is judged only when it is above or within rounding: an error only when P exceeds what
  any total at least the listed sum allows.

Speed: both forms hold ``(P%)``, so ``shares`` finds each ``(`` with ``str.find`` (memchr
speed, ~9x a regex scan), keeps those closed by a percent word (``_HIT``), and tokenizes only
those sentences and, when a share needs a base, the ones before. Given ``sentences`` (the
reference the equivalence tests use), it tries every sentence and reads the earlier ones off
the list: the same claims, as ``sentences.sentence_*`` give the list's bounds.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from decimal import Decimal
from functools import partial

from claims.extract import arith_patterns as pat
from claims.extract import sentences as fig
from claims.extract.arith_tokens import Token, to_text, tokenize
from claims.extract.unit_names import UNITS
from claims.model import ArithmeticClaim, Base, Span
from claims.pattern_cache import compile as compile_pattern

HUNDRED = Decimal(100)
LOOK_BACK = 2  # earlier sentences of the paragraph searched for a base
MIN_COUNT = 100

#: A parenthesis that may hold a percentage: a superset of every ``(⟦P⟧)`` of a skeleton.
_HIT = compile_pattern(r"\([^()]*(?:%|cent|pct?)\s*\)", re.IGNORECASE)
#: COUNT, up to two lowercase words, (P%): on a skeleton.
_PAREN = compile_pattern(
    r"⟦N(?P<c>\d+)⟧(?P<noun>(?:\s+[a-z][\w-]*){0,2}?)\s*\(\s*⟦P(?P<p>\d+)⟧"
    r"\s*\)"
)
_ON = r"\s+on\s+⟦N\d+⟧(?:\s+votes)?"
_NAME = r"[^⟦;:()]{1,40}?"
#: on A (P%), with B on X, C on Y and D on Z -- and no figure after.
_VOTES = compile_pattern(
    rf"\bon\s+⟦N(?P<c>\d+)⟧(?:\s+votes)?\s*\(\s*⟦P(?P<p>\d+)⟧\s*\),?\s+with\s+"
    rf"(?P<rest>{_NAME}{_ON}(?:,\s+{_NAME}{_ON})*,?\s+and\s+{_NAME}{_ON})"
    r"(?=[^⟦]*\Z)",
    re.IGNORECASE,
)
_N = compile_pattern(r"⟦N(\d+)⟧")

_CHANGE_WORDS = "|".join((pat.UPV, pat.DNV, pat.UPN, pat.DNN))
#: Words before COUNT that make it a change, a whole or a comparison rather than a part
#: ("a total of" only introduces it).
_BEFORE = compile_pattern(
    rf"(?:\b(?:(?<!total\s)of|from|to|by|than|plus|minus|more|fewer|less|"
    rf"extra|additional|added|gained|lost|shed|cut|created|net|swing|majority|"
    rf"margin|lead|gap|difference|(?:{_CHANGE_WORDS})s?)|[+±−–-])\s*\Z",
    re.IGNORECASE,
)
#: Words after the parenthesis that make P a change or a comparison.
_AFTER = compile_pattern(
    r"[\s,]*(?:more|fewer|less|higher|lower|up|down|from|than|over|above|below|"
    r"compared|on\s+(?:the|a|last|its|their)|year-on-year|y/y|yoy|increase|rise|"
    r"fall|drop|decline|change|growth|gain|loss|jump)\b",
    re.IGNORECASE,
)
#: Words between COUNT and the parenthesis that make it a quantity, money or a comparison.
_NOT_COUNTS = frozenset(
    {s.lower() for u in UNITS for s in u.surfaces if " " not in s and len(s) > 2}
    | {"km", "kg", "cm", "mm", "ft", "lb", "mi", "ha", "hp", "kw", "mw", "gw", "bn", "mn"}
    | set(
        "dollars euros pounds yen won yuan renminbi rupees rupee crore crores lakh lakhs francs "
        "pesos rand naira ringgit baht dirhams riyals shekels roubles rubles lira cents pence "
        "seconds minutes hours days weeks months years decades more fewer less extra additional "
        "higher lower up down over above below points pts degrees".split()
    )
)
#: The phrase that ties a base to what it counts: "of the 97,750", "the number ... at 70,716".
_LINK = compile_pattern(
    r"(?:\bof\s+(?:the\s+|all\s+|its\s+|their\s+|those\s+)?|\b(?:number|total|"
    r"count|tally)\b[^⟦]{0,40}?\b(?:at|was|were|is|of|to|reached)\s+)\Z",
    re.IGNORECASE,
)

Sentence = tuple[int, int, str, list[Token]]  # start, end, skeleton, tokens


def shares(
    text: str, taken: Sequence[Span], sentences: Sequence[tuple[int, int]] | None = None
) -> list[ArithmeticClaim]:
    """The claims of both forms in ``text``, leaving alone the figures ``taken`` covers.

    ``sentences`` (every sentence of ``fig.sentences``): try each one, and take earlier
    sentences from the list; None: only those with a hit, earlier ones found locally."""
    covered = _Taken(taken)
    found: list[ArithmeticClaim] = []
    if sentences is None:
        seen: set[int] = set()
        i = text.find("(")
        while i >= 0:
            m = _HIT.match(text, i)
            pos = i + 1
            while m and pos < m.end() and not text[pos].isalnum():
                pos += 1
            if m and pos < m.end():  # a letter or digit: where a P token starts
                start = fig.sentence_start(text, pos)
                if start not in seen:
                    seen.add(start)
                    sent = _sentence(text, start, fig.sentence_end(text, pos))
                    found += _read(text, sent, covered, partial(_earlier, text, start))
            i = text.find("(", i + 1)
    else:
        for i, (start, end) in enumerate(sentences):
            found += _read(
                text,
                _sentence(text, start, end),
                covered,
                partial(_earlier_listed, text, sentences, i),
            )
    return found


def _sentence(text: str, start: int, end: int) -> Sentence:
    skeleton, tokens = tokenize(text, start, end)
    return start, end, skeleton, tokens


def _earlier(text: str, start: int) -> list[Sentence]:
    """Up to ``LOOK_BACK`` sentences before the one at ``start``, nearest first: each the one
    holding the last letter or digit before, stopping at a newline after that character (a
    new paragraph; a sentence held over a line end by an abbreviation counts as one too)."""
    out: list[Sentence] = []
    for _ in range(LOOK_BACK):
        k = start - 1
        while k >= 0 and not text[k].isalnum():
            k -= 1
        if k < 0 or "\n" in text[k + 1 : start]:
            break
        start = fig.sentence_start(text, k)
        out.append(_sentence(text, start, fig.sentence_end(text, k)))
    return out


def _earlier_listed(text: str, sentences: Sequence[tuple[int, int]], i: int) -> list[Sentence]:
    """``_earlier`` read off the list of every sentence (the reference)."""
    out: list[Sentence] = []
    start, j = sentences[i][0], i - 1
    while len(out) < LOOK_BACK and j >= 0:
        s, e = sentences[j]
        j -= 1
        k = next((x for x in range(e - 1, s - 1, -1) if text[x].isalnum()), -1)
        if k < 0:
            continue  # no letter or digit: no figure, and no stop
        if "\n" in text[k + 1 : start]:
            break
        out.append(_sentence(text, s, e))
        start = s
    return out


def _read(
    text: str, sent: Sentence, taken: _Taken, earlier: Callable[[], list[Sentence]]
) -> list[ArithmeticClaim]:
    start, end, skeleton, tokens = sent
    if "⟦P" not in skeleton:
        return []
    found: list[ArithmeticClaim] = []
    for m in _VOTES.finditer(skeleton):
        c, p = tokens[int(m["c"])], tokens[int(m["p"])]
        if not _free(taken, c, p):
            continue
        f = _vote_share(text, c, p, [tokens[int(i)] for i in _N.findall(m["rest"])])
        if f is not None:
            found.append(f)
        return found  # the list is the sentence's whole claim
    siblings = {int(m["c"]) for m in _PAREN.finditer(skeleton)}
    for m in _PAREN.finditer(skeleton):
        c, p = tokens[int(m["c"])], tokens[int(m["p"])]
        if not _free(taken, c, p) or not _part_like(text, start, skeleton, tokens, m, siblings):
            continue
        span = Span(c.start, to_text(tokens, start, m.end()))
        f = _earlier_share(text, c, p, span, earlier())
        if f is not None:
            found.append(f)
    return found


class _Taken:
    """The stretches other claims cover, asked in O(log n): sorted by start, with the
    furthest end reached so far (a scan over every earlier claim made long texts quadratic)."""

    def __init__(self, spans: Sequence[Span]) -> None:
        ordered = sorted(spans, key=lambda s: s.start)
        self.starts = [s.start for s in ordered]
        self.reach: list[int] = []
        for s in ordered:
            self.reach.append(max(s.end, self.reach[-1]) if self.reach else s.end)

    def overlaps(self, lo: int, hi: int) -> bool:
        i = bisect_left(self.starts, hi)  # the spans starting before ``hi``
        return i > 0 and self.reach[i - 1] > lo


def _free(taken: _Taken, *used: Token) -> bool:
    return not taken.overlaps(min(t.start for t in used), max(t.end for t in used))


def _plain(t: Token) -> bool:
    """A printed whole number: no money, unit, scale, decimals or qualifier."""
    r = t.reading
    return (
        t.kind == "N"
        and r is not None
        and not t.unit
        and not r.decimals
        and not r.scale_text
        and t.value == t.value.to_integral_value()
        and t.bound is None
    )


def _part_like(
    text: str, start: int, skeleton: str, tokens: list[Token], m: re.Match[str], siblings: set[int]
) -> bool:
    """COUNT (P%) reads as a part of something not named in the sentence (module doc)."""
    c, p = tokens[int(m["c"])], tokens[int(m["p"])]
    if not _plain(c) or c.value < MIN_COUNT or not 0 < p.value < HUNDRED:
        return False
    if any(w.lower() in _NOT_COUNTS for w in m["noun"].split()):
        return False
    if _BEFORE.search(text, max(start, c.start - 40), c.start) is not None:
        return False
    if _AFTER.match(skeleton, m.end()) is not None:
        return False
    return not any(t.kind == "N" and t.idx not in siblings and t.value > c.value for t in tokens)


def _earlier_share(
    text: str, c: Token, p: Token, span: Span, earlier: list[Sentence]
) -> ArithmeticClaim | None:
    """COUNT (P%) with the whole numbers above COUNT in the earlier sentences as its bases."""
    bases: list[Base] = []
    rivals: set[Decimal] = set()  # whole numbers >= COUNT there
    for back, (_, _, skeleton, tokens) in enumerate(earlier, 1):
        siblings = {int(m["c"]) for m in _PAREN.finditer(skeleton)}
        for t in tokens:
            if t.kind != "N" or t.idx in siblings or t.value < c.value:
                continue
            rivals.add(t.value)
            if t.value > c.value and _plain(t):
                linked = _LINK.search(skeleton, max(0, t.skel_start - 80), t.skel_start)
                bases.append(Base(t.quantity(), back, linked is not None))
    if not bases:
        return None
    return ArithmeticClaim(
        "earlier-share",
        p.quantity(),
        {"part": c.quantity()},
        span,
        text[span.start : span.end],
        bases=tuple(bases),
        rivals=tuple(sorted(rivals)),
    )


def _vote_share(text: str, c: Token, p: Token, others: list[Token]) -> ArithmeticClaim | None:
    """The first count's share of all the listed counts (module doc)."""
    counts = [c, *others]
    if len(counts) < 3 or not all(_plain(t) for t in counts) or not 0 < p.value < HUNDRED:
        return None
    span = Span(c.start, max(t.end for t in counts))
    return ArithmeticClaim(
        "vote-share",
        p.quantity(),
        {"part": c.quantity(), "listed": tuple(t.quantity() for t in counts)},
        span,
        text[span.start : span.end],
    )
