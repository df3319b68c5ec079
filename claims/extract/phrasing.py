"""How other languages introduce a restated figure: the gaps between a figure and its conversion.

Built once per story language from its lexicon (``data/lang``: ``joins``, ``rate_words``):

* ``paren``: an opening bracket of any script (``(``, ``（``, ``[``, ``【``), after an optional
  closing quote (``«circa 150 milioni di franchi svizzeri» (circa 136 milioni di euro)``), then
  optional conversion words: ``(derzeit rund 478 Billionen Euro)``, ``(nach derzeitigem
  Wechselkurs fast 23 Millionen Euro)``, ``(주; 6.4위안/1달러 환율로 약 4.6조 달러 상당)``;
* ``join``: a separator (comma, dash, ``·``) and a conversion word: ``, soit``, ``, czyli``,
  ``atau setara``, ``- umgerechnet zum aktuellen Dollarkurs``, ``, 우리 돈``;
* ``hedged``: a separator and nothing else when the restated figure carries a qualifier of any
  bound (``- unos 106.000 millones de euros -``, ``, drygt 500 000 miljoner kronor``,
  ``·약 191억원``);
* ``free`` (Korean, Japanese, Chinese): any short stretch with no figure in it that ends in a
  conversion word: ``140조 위안을 돌파했습니다. 우리 돈 약 2경 9천조 원``.

The converted figure's qualifier is not part of the gap (it is read with the figure).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.extract.lexicon import Lexicon
from claims.pattern_cache import compile as compile_pattern

__all__ = ["Gaps", "gaps", "OPENERS", "CLOSERS"]

OPENERS = "([（【［"
CLOSERS = ")]）】］"
_B = r"[\x20\u00a0]"


@dataclass(frozen=True)
class Gaps:
    """The compiled gap patterns of one language (each used with ``match(text, pos, endpos)``)."""

    paren: re.Pattern[str]
    join: re.Pattern[str] | None
    hedged: re.Pattern[str]
    free: re.Pattern[str] | None


def _words(phrases: tuple[str, ...]) -> str:
    return "|".join(re.escape(p).replace(r"\ ", _B + "+") for p in phrases)


def gaps(lex: Lexicon) -> Gaps:
    """The gap patterns of ``lex``'s language (compiled once per language)."""
    found = _CACHE.get(lex.lang)
    if found is None:
        found = _CACHE[lex.lang] = _compile(lex)
    return found


_CACHE: dict[str | None, Gaps] = {}


def _compile(lex: Lexicon) -> Gaps:
    cues = _words(lex.joins + lex.rate_words)
    rates = _words(lex.rate_words)
    lead = rf"(?:[^()\[\]（）【】]{{0,40}}?(?:{rates}){_B}*[,:;]?{_B}*)?" if rates else ""
    cue_seq = rf"(?:(?:{cues}){_B}*[,:;]?{_B}*){{0,3}}" if cues else ""
    paren = compile_pattern(
        rf"""[»”"’']?{_B}?[{re.escape(OPENERS)}]{_B}?{lead}{cue_seq}$""", re.IGNORECASE
    )
    sep = rf"(?:{_B}?[,;、，]|{_B}[-–—]|{_B}--|{_B}?[·・]|{_B})"
    join = (
        compile_pattern(rf"""{sep}{_B}*(?:(?:{cues}){_B}*[,:]?{_B}*){{1,3}}$""", re.IGNORECASE)
        if cues
        else None
    )
    hedged = compile_pattern(rf"""{sep}{_B}*$""")
    free = None
    if lex.cjk and lex.joins:
        strong = _words(tuple(j for j in lex.joins if len(j) >= 2))
        free = compile_pattern(rf"""[^\d()（）]{{0,40}}?(?:{strong}){_B}*$""")
    return Gaps(paren, join, hedged, free)
