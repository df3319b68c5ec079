"""Numbers spelled out before a scale word: ``three billion``, ``half a billion``, ``a
billion``; in other languages ``cem mil milhões``, ``siete millones de millones``, ``zwei
Milliarden`` (number words from ``data/lang``).

``word_numbers(text)`` reads the English ones, found from the scale word with ``str.find`` so
that it only ever runs where a scale word is; ``foreign_word_numbers(text, lang, readings)``
reads a language's number words right before a scale word.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from claims.extract._lang import LANGUAGES
from claims.extract._regex import alternation
from claims.extract.scales import FOREIGN_SCALES, LANGUAGE_SCALES, NumberReading, scale_value
from claims.model import Span
from claims.pattern_cache import compile as compile_pattern

__all__ = ["word_numbers", "foreign_word_numbers"]

_UNIT_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TEN_WORDS = {
    w: 10 * i
    for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split())
    if i >= 2
}

#: A number written in words right before a big scale word: "three billion", "half a billion",
#: "twenty-five million", "a billion". Searched (with endpos) in a short window before the
#: scale word found by ``str.find``, so it only ever runs where a scale word is.
_WORD_NUMBER = compile_pattern(
    r"""
    (?<![^\W\d_])
    (?:
        (?P<half>half[\x20\u00a0]an?|a[\x20\u00a0]half)         # half a billion
      | (?P<a>an?)                                             # a billion
      | (?P<tens>%(tens)s)(?:-(?P<tu>%(units)s))?              # twenty(-five)
      | (?P<unit>%(units)s)                                    # three
    )
    [\x20\u00a0-]$                                           # a half-billion
    """
    % {
        "tens": "|".join(k for k in _TEN_WORDS),
        "units": "|".join(sorted((k for k in _UNIT_WORDS if k != "zero"), key=lambda w: -len(w))),
    },
    re.VERBOSE | re.IGNORECASE,
)
_WORD_SCALE = compile_pattern(r"(?:m|b|tr)illion(?![^\W\d_])", re.IGNORECASE)


def _find_all(text: str, word: str) -> list[int]:
    """Every offset of ``word`` in ``text`` (str.find: a C-speed scan)."""
    out, k = [], text.find(word)
    while k >= 0:
        out.append(k)
        k = text.find(word, k + len(word))
    return out


def word_numbers(text: str) -> list[NumberReading]:
    """Numbers spelled out before million, billion or trillion (``three billion``)."""
    out: list[NumberReading] = []
    hits = _find_all(text, "illion")
    if "ILLION" in text:
        hits = sorted(hits + _find_all(text, "ILLION"))
    for k in hits:
        start = k - 2 if text[k - 2 : k].lower() == "tr" else k - 1
        if start < 2 or not text[start - 2].isalpha():
            continue  # "5 billion": digits, read already
        sm = _WORD_SCALE.match(text, start)
        if sm is None:
            continue
        m = _WORD_NUMBER.search(text, max(0, start - 24), start)
        if m is None:
            continue
        if m.group("half"):
            n = Decimal("0.5")
        elif m.group("a"):
            n = Decimal(1)
        elif m.group("tens"):
            n = Decimal(
                _TEN_WORDS[m.group("tens").lower()]
                + (_UNIT_WORDS[m.group("tu").lower()] if m.group("tu") else 0)
            )
        else:
            n = Decimal(_UNIT_WORDS[m.group("unit").lower()])
        scale_text = sm.group()
        mult = scale_value(scale_text)
        out.append(
            NumberReading(
                n * mult,
                None,
                mult,
                0,
                scale_text,
                Span(m.start(), sm.end()),
                text[m.start() : sm.end()],
            )
        )
    return out


@cache
def _foreign_re(lang: str) -> re.Pattern[str] | None:
    """``<number word> <scale word>`` in ``lang``: ``cem mil milhões``, ``drei Milliarden``."""
    words = LANGUAGES.get(lang, {}).get("numbers") or {}
    if not words:
        return None
    scales = list(LANGUAGE_SCALES.get(lang, {})) + list(FOREIGN_SCALES)
    return compile_pattern(
        r"(?<![^\W\d_])(?P<n>%s)[\x20\u00a0]+(?P<s>%s)(?![^\W\d_])"
        % (alternation(list(words)), alternation([w for w in scales if len(w) > 2])),
        re.IGNORECASE,
    )


def foreign_word_numbers(
    text: str, lang: str, readings: list[NumberReading]
) -> list[NumberReading]:
    """Number words of ``lang`` before a scale word, where no digits were read."""
    pattern = _foreign_re(lang)
    if pattern is None:
        return []
    words = LANGUAGES[lang]["numbers"]
    taken = [r.span for r in readings]
    out = []
    for m in pattern.finditer(text):
        if any(s.start < m.end() and m.start() < s.end for s in taken):
            continue
        try:
            mult = scale_value(m.group("s"), lang)
        except KeyError:
            continue
        n = Decimal(str(words[m.group("n").lower()]))
        out.append(
            NumberReading(
                n * mult, None, mult, 0, m.group("s"), Span(m.start(), m.end()), m.group()
            )
        )
    return out
