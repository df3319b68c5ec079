"""Read money figures, stated conversions and stated rates from news text.

``extract(text, *, dollar="USD") -> Extraction``: ``mentions`` every money figure in text
order, ``conversions`` every figure paired with the conversion printed beside it,
``stated_rates`` every printed rate (``($1 = 1,130.2900 won)``); the two legs of a stated rate
are not mentions. ``dollar`` is what a bare ``$`` or ``dollars`` means.

Stages (each module's docstring says what it reads): ``numbers`` (digits, scales, ranges) ->
``money`` (symbols, codes, names, qualifiers, ambiguous currencies) -> ``rates_stated`` ->
``pairing``. Scanning anchors on digits and reads short windows around them.
"""

from __future__ import annotations

from typing import Sequence

from claims.extract.money import find_money, resolve_currencies
from claims.extract.numbers import read_numbers
from claims.extract.pairing import pair
from claims.extract.rates_stated import find_stated_rates
from claims.extract.reading import read
from claims.model import Extraction

__all__ = ["extract", "read_money"]


def extract(text: str, *, dollar: str = "USD",
            soft_breaks: Sequence[tuple[int, int]] | None = None) -> Extraction:
    """Money mentions, conversion pairs and stated rates in ``text``, however it is wrapped
    (``reading.read``); spans point into ``text``."""
    reading = read(text, soft_breaks)
    return reading.extraction(read_money(reading.text, dollar=dollar))


def read_money(text: str, *, dollar: str = "USD") -> Extraction:
    """``extract`` on text already read (``Reading.text``): spans in that text."""
    readings = read_numbers(text, glued=True, words=True)
    found = find_money(text, readings, dollar)
    found = resolve_currencies(text, found, set())
    rates, found = find_stated_rates(text, found, dollar)
    conversions, found = pair(text, found, readings)
    return Extraction(
        mentions=tuple(f.money for f in found),
        conversions=tuple(conversions),
        stated_rates=tuple(rates),
    )
