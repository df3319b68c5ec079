"""Hedging words written before a figure, and how each bounds the true value.

``QUALIFIERS`` maps the normalised phrase (lowercase, single spaces) to its bound:

* ``"approx"`` -- the figure is rounded or estimated (about, around, roughly, some, ...);
* ``"lower"``  -- the figure is a lower bound on the truth (over X, more than X, at least X);
* ``"upper"``  -- the figure is an upper bound on the truth (nearly X, almost X, up to X, under X).

English phrases are listed below; every other language's come from ``data/lang`` (one table,
one meaning per phrase). ``AFTER_QUALIFIERS`` holds hedges written after a figure (``10億コルナ
超``, ``3조 원 이상``, ``5 milyar dolar civarında``).

``bound_of(qualifier)`` looks one up (``None`` for None or an unknown phrase);
``qualifier_before(text, pos)`` finds one ending right before a figure (``about``, ``unos``,
``約`` glued to the digits); ``qualifier_after(text, pos)`` one right after it;
``alternation()`` is every English phrase as one regex alternation, for patterns that allow a
hedge between figures.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from claims.extract._lang import AFTER_QUALIFIERS as _LANG_AFTER
from claims.extract._lang import QUALIFIERS as _LANG_QUALIFIERS
from claims.extract._regex import alternation as regex_alternation
from claims.extract._regex import trie as regex_trie
from claims.pattern_cache import compile as compile_pattern

__all__ = [
    "QUALIFIERS",
    "AFTER_QUALIFIERS",
    "alternation",
    "english_trie",
    "bound_of",
    "normalise",
    "qualifier_before",
    "qualifier_after",
]

_APPROX = (
    "about",
    "around",
    "roughly",
    "some",
    "approximately",
    "approx.",
    "approx",
    "nearly about",
    "close to",
    "circa",
    "ca.",
    "an estimated",
    "estimated",
    "est.",
    "or so",
    "almost exactly",
    "round about",
    "in the region of",
    "on the order of",
    "of about",
    "of around",
    "of some",
    "an approximate",
    "~",
    "c.",
    "cerca de",
    "aproximadamente",
    "около",
)
_LOWER = (
    "over",
    "more than",
    "at least",
    "above",
    "upwards of",
    "upward of",
    "in excess of",
    "just over",
    "well over",
    "no less than",
    "not less than",
    "a minimum of",
    "minimum of",
    "exceeding",
    "topping",
    "north of",
    "over and above",
    "mais de",
    "más de",
    "just above",
    "at minimum",
    "more than about",
    "greater than",
    "beyond",
    "past",
)
_UPPER = (
    "nearly",
    "almost",
    "up to",
    "under",
    "less than",
    "below",
    "just under",
    "just below",
    "not quite",
    "no more than",
    "not more than",
    "as much as",
    "a maximum of",
    "maximum of",
    "at most",
    "shy of",
    "just shy of",
    "fewer than",
    "close on",
    "well under",
    "well below",
    "short of",
    "just short of",
    "upto",
    "as many as",
    "as high as",
    "quase",
    "até",
)


def _merged() -> dict[str, str]:
    """English above, then every language's from ``data/lang`` (one meaning per phrase: the
    generator refuses a phrase with two)."""
    table = {
        **{q: "approx" for q in _APPROX},
        **{q: "lower" for q in _LOWER},
        **{q: "upper" for q in _UPPER},
    }
    for q, bound in _LANG_QUALIFIERS.items():
        if table.setdefault(q, bound) != bound:
            raise ValueError(f"qualifier {q!r} means {table[q]} in English, {bound} elsewhere")
    return table


#: phrase -> "approx" | "lower" | "upper"
QUALIFIERS: Mapping[str, str] = MappingProxyType(_merged())

#: phrase written after a figure -> bound: "10億コルナ超", "5 milyar dolar civarında", "이상"
AFTER_QUALIFIERS: Mapping[str, str] = MappingProxyType(dict(_LANG_AFTER))


def alternation() -> str:
    """Every English phrase as one regex alternation (longest first, blanks as any run of
    blanks), for the English patterns that allow a hedge between two figures: ``(about 62
    miles)``, ``, or nearly 4%``. (Other languages' phrases are read by ``qualifier_before``.)"""
    return regex_alternation(_ENGLISH)


_ENGLISH = frozenset(_APPROX + _LOWER + _UPPER)


def english_trie() -> str:
    """Every English phrase as one regex trie (``_regex.trie``: lower case, compile with
    IGNORECASE; a space matches any run of blanks): the same phrases as ``alternation()``,
    cheaper where a pattern is tried at many places."""
    return regex_trie(sorted(_ENGLISH))


_MAX_WORDS = max(len(q.split()) for q in QUALIFIERS)
_TOKEN = compile_pattern(r"\S+")
_OPENERS = "([{\"'“‘—–-（「『【«»"


def qualifier_before(text: str, pos: int) -> tuple[str, int] | None:
    """The qualifier ending right before ``pos`` (blanks allowed), normalised, and its start.

    Looks at the last few words only (dictionary lookups, no scanning): ``(about $5`` -> about.
    """
    end = pos
    while end > 0 and text[end - 1] in " \u00a0":
        end -= 1
    if end == 0 or not (text[end - 1].isalpha() or text[end - 1] in ".~"):
        return None  # cheap test: no word right before
    if _cjk(text[end - 1]):
        for n in range(min(_CJK_MAX, end), 0, -1):  # 約, 约合, 逾: no blank before digits
            if text[end - n : end] in _CJK_BEFORE:
                return text[end - n : end], end - n
    lo = max(0, pos - 48)
    tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(text, lo, pos)]
    if not tokens or tokens[-1][0] + len(tokens[-1][1]) != end:
        return None
    for k in range(min(_MAX_WORDS, len(tokens)), 0, -1):
        start, first = tokens[-k]
        stripped = first.lstrip(_OPENERS)
        if not stripped:
            continue  # a lone dash: "£1bn – about $1.27bn"
        words = [stripped] + [t for _, t in tokens[len(tokens) - k + 1 :]]
        phrase = normalise(" ".join(words))
        if phrase in QUALIFIERS:
            return phrase, start + len(first) - len(stripped)
    return None


def _cjk(ch: str) -> bool:
    return "\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7a3"


_CJK_BEFORE = frozenset(q for q in QUALIFIERS if _cjk(q[-1]))
_CJK_MAX = max((len(q) for q in _CJK_BEFORE), default=1)
_AFTER_RE = compile_pattern(
    r"[\x20\u00a0]?(?P<q>%s)(?![^\W\d_])"
    % "|".join(
        re.escape(q).replace(r"\ ", r"[\x20\u00a0]+")
        for q in sorted(AFTER_QUALIFIERS, key=lambda q: (-len(q), q))
        if not _cjk(q[0])
    ),
    re.IGNORECASE,
)
_CJK_AFTER = frozenset(q for q in AFTER_QUALIFIERS if _cjk(q[0]))
_CJK_AFTER_MAX = max((len(q) for q in _CJK_AFTER), default=1)


def qualifier_after(text: str, pos: int) -> tuple[str, int] | None:
    """A qualifier written right after a figure (``10億コルナ超``, ``9조원 이상``,
    ``5 milyar dolar civarında``), normalised, and where it ends."""
    if pos >= len(text):
        return None
    ch = text[pos]
    if _cjk(ch):
        for n in range(_CJK_AFTER_MAX, 0, -1):
            if text[pos : pos + n] in _CJK_AFTER:
                return text[pos : pos + n], pos + n
        return None
    if ch not in " \u00a0" or not _AFTER_RE.pattern:
        return None
    if pos + 1 < len(text) and _cjk(text[pos + 1]):
        for n in range(_CJK_AFTER_MAX, 0, -1):  # 3조 원 이상 (a blank before)
            if text[pos + 1 : pos + 1 + n] in _CJK_AFTER:
                return text[pos + 1 : pos + 1 + n], pos + 1 + n
        return None
    m = _AFTER_RE.match(text, pos)
    return (normalise(m.group("q")), m.end()) if m else None


def normalise(phrase: str) -> str:
    """Lowercase with single spaces: ``"More  than"`` -> ``"more than"``."""
    return " ".join(phrase.lower().split())


def bound_of(qualifier: str | None) -> str | None:
    """``"approx"``, ``"lower"``, ``"upper"`` or None for a qualifier as stored on Money."""
    if qualifier is None:
        return None
    key = normalise(qualifier)
    return QUALIFIERS.get(key) or AFTER_QUALIFIERS.get(key)
