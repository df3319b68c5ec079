"""Read money figures, stated conversions and stated rates from news text.

``extract(text, *, dollar="USD", language=None, document_language=None, number_format=None)
-> Extraction``: ``mentions`` every money figure in text order, ``conversions`` every figure
paired with the conversion printed beside it, ``stated_rates`` every printed rate
(``($1 = 1,130.2900 won)``); the two legs of a stated rate are not mentions. ``dollar`` is what
a bare ``$`` or ``dollars`` means. ``language`` (an option: ``es``, ``es-MX``, ``ja``) and
``document_language`` (the document's own tag: HTML ``lang``, front matter ``lang:``) set the
story's language, else it is detected (``language.py``); ``number_format`` (``1.234,5``,
``1,234.5``, ...) fixes the decimal mark, else the story's figures and language tell it
(``number_style.py``). ``Extraction.language``/``language_source``/``decimal_mark`` report
what was used.

Stages (each module's docstring says what it reads): ``reading`` (layout) -> ``language`` and
``number_style`` -> ``numbers`` (digits, separators, scales, ranges; ``myriad`` for CJK units,
``spelled`` for number words) -> ``money`` (symbols, codes, names from ``currencies`` and the
language's ``lexicon``, qualifiers, ambiguous currencies) -> ``rates_stated`` -> ``pairing``
(with ``phrasing``, the conversion words of the story's language). Scanning anchors on digits
and reads short windows around them.
"""

from __future__ import annotations

from collections.abc import Sequence

from claims.extract._lang import LANGUAGES as _LANGUAGES
from claims.extract.language import resolve_language
from claims.extract.lexicon import lexicon
from claims.extract.money import find_money, resolve_currencies
from claims.extract.number_style import story_style
from claims.extract.numbers import read_numbers
from claims.extract.pairing import pair
from claims.extract.rates_stated import find_stated_rates
from claims.extract.reading import read
from claims.model import Extraction

__all__ = ["extract", "read_money"]

_KNOWN = frozenset(_LANGUAGES)


def extract(
    text: str,
    *,
    dollar: str = "USD",
    language: str | None = None,
    document_language: str | None = None,
    number_format: str | None = None,
    soft_breaks: Sequence[tuple[int, int]] | None = None,
) -> Extraction:
    """Money mentions, conversion pairs and stated rates in ``text``, however it is wrapped
    (``reading.read``); spans point into ``text``. Raises ``ValueError`` for a
    ``number_format`` it does not know."""
    reading = read(text, soft_breaks)
    return reading.extraction(
        read_money(
            reading.text,
            dollar=dollar,
            language=language,
            document_language=document_language,
            number_format=number_format,
        )
    )


def read_money(
    text: str,
    *,
    dollar: str = "USD",
    language: str | None = None,
    document_language: str | None = None,
    number_format: str | None = None,
) -> Extraction:
    """``extract`` on text already read (``Reading.text``): spans in that text."""
    story = resolve_language(text, language, document_language)
    style = story_style(text, story, number_format)
    english = story.base == "en"
    readings = read_numbers(text, glued=True, words=True, style=style)
    lex = None if english else lexicon(story.base if story.base in _KNOWN else None)
    found = find_money(text, readings, dollar, lex)
    found = resolve_currencies(text, found, set(), story.code)
    rates, found = find_stated_rates(text, found, dollar, lex)
    conversions, found = pair(text, found, readings, lex, dollar)
    return Extraction(
        mentions=tuple(f.money for f in found),
        conversions=tuple(conversions),
        stated_rates=tuple(rates),
        language=story.code,
        language_source=story.source,
        decimal_mark=style.decimal,
    )
