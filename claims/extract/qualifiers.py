"""Hedging words written before a figure, and how each bounds the true value.

``QUALIFIERS`` maps the normalised phrase (lowercase, single spaces) to its bound:

* ``"approx"`` -- the figure is rounded or estimated (about, around, roughly, some, ...);
* ``"lower"``  -- the figure is a lower bound on the truth (over X, more than X, at least X);
* ``"upper"``  -- the figure is an upper bound on the truth (nearly X, almost X, up to X, under X).

``bound_of(qualifier)`` looks one up (``None`` for None or an unknown phrase);
``qualifier_before(text, pos)`` finds one ending right before a figure; ``alternation()`` is
every phrase as one regex alternation, for patterns that allow a hedge between figures.
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Mapping

__all__ = ["QUALIFIERS", "alternation", "bound_of", "normalise", "qualifier_before"]

_APPROX = (
    "about", "around", "roughly", "some", "approximately", "approx.", "approx", "nearly about",
    "close to", "circa", "ca.", "an estimated", "estimated", "est.", "or so", "almost exactly",
    "round about", "in the region of", "on the order of", "of about", "of around", "of some",
    "an approximate", "~", "c.", "cerca de", "aproximadamente", "около",
)
_LOWER = (
    "over", "more than", "at least", "above", "upwards of", "upward of", "in excess of",
    "just over", "well over", "no less than", "not less than", "a minimum of",
    "minimum of", "exceeding", "topping", "north of", "over and above", "mais de", "más de",
    "just above", "at minimum", "more than about", "greater than", "beyond", "past",
)
_UPPER = (
    "nearly", "almost", "up to", "under", "less than", "below", "just under", "just below",
    "not quite", "no more than", "not more than", "as much as", "a maximum of", "maximum of",
    "at most", "shy of", "just shy of", "fewer than", "close on", "well under", "well below",
    "short of", "just short of", "upto", "as many as", "as high as", "quase", "até",
)

#: phrase -> "approx" | "lower" | "upper"
QUALIFIERS: Mapping[str, str] = MappingProxyType(
    {**{q: "approx" for q in _APPROX}, **{q: "lower" for q in _LOWER},
     **{q: "upper" for q in _UPPER}}
)

def alternation() -> str:
    """Every phrase as one regex alternation (longest first, blanks as any run of blanks), for
    patterns that allow a hedge between two figures: ``(about 62 miles)``, ``, or nearly 4%``."""
    return "|".join(re.escape(q).replace(r"\ ", r"[\x20\u00a0]+")
                    for q in sorted(QUALIFIERS, key=lambda q: (-len(q), q)))


_MAX_WORDS = max(len(q.split()) for q in QUALIFIERS)
_TOKEN = re.compile(r"\S+")
_OPENERS = "([{\"'“‘—–-"


def qualifier_before(text: str, pos: int) -> tuple[str, int] | None:
    """The qualifier ending right before ``pos`` (blanks allowed), normalised, and its start.

    Looks at the last few words only (dictionary lookups, no scanning): ``(about $5`` -> about.
    """
    end = pos
    while end > 0 and text[end - 1] in " \u00a0":
        end -= 1
    if end == 0 or not (text[end - 1].isalpha() or text[end - 1] in ".~"):
        return None                                   # cheap test: no word right before
    lo = max(0, pos - 48)
    tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(text, lo, pos)]
    if not tokens or tokens[-1][0] + len(tokens[-1][1]) != end:
        return None
    for k in range(min(_MAX_WORDS, len(tokens)), 0, -1):
        start, first = tokens[-k]
        stripped = first.lstrip(_OPENERS)
        if not stripped:
            continue                                  # a lone dash: "£1bn – about $1.27bn"
        words = [stripped] + [t for _, t in tokens[len(tokens) - k + 1:]]
        phrase = normalise(" ".join(words))
        if phrase in QUALIFIERS:
            return phrase, start + len(first) - len(stripped)
    return None


def normalise(phrase: str) -> str:
    """Lowercase with single spaces: ``"More  than"`` -> ``"more than"``."""
    return " ".join(phrase.lower().split())


def bound_of(qualifier: str | None) -> str | None:
    """``"approx"``, ``"lower"``, ``"upper"`` or None for a qualifier as stored on Money."""
    if qualifier is None:
        return None
    return QUALIFIERS.get(normalise(qualifier))
