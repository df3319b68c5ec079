"""A story language's money words, loaded lazily from the generated ``_lang/<code>.py`` tables.

``lexicon(lang) -> Lexicon`` (cached): the currency names, prefixes and symbols of a language,
its conversion cues (``joins``: ``soit``, ``czyli``, ``우리 돈``; ``rate_words``: ``al cambio
actual``) and its ``per`` words. English is the built-in tables of ``currencies.py`` (an empty
lexicon: English copy pays nothing); None (the language could not be told) merges every
language. Lookups are dictionary probes of the text right after (or before) a figure, longest
name first, so the tables' size does not slow the scan:

* ``name_after(text, pos, lex, scaled)`` -> ``(Form, end, elided)``: ``" de dólares
  australianos"``, ``"美元"``, ``" d'euros"``, ``" 달러"``; ``elided`` when a connector (``de``)
  stands where a scale word was left out (``78.759 de euros``).
* ``prefix_before(text, start, lex)`` -> ``(Form, start)``: ``新台幣`` in ``新台幣約62.27億元``.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

from claims.extract._lang import LANGUAGES
from claims.extract.currencies import DOLLAR, Form
from claims.pattern_cache import compile as compile_pattern

__all__ = ["Lexicon", "lexicon", "name_after", "prefix_before", "form_of"]


@dataclass(frozen=True, eq=False)
class Lexicon:
    """The money words of one language (or of all, when the language is unknown)."""

    lang: str | None
    names: Mapping[str, Form] = field(default_factory=dict)
    prefixes: Mapping[str, Form] = field(default_factory=dict)
    symbols: Mapping[str, Form] = field(default_factory=dict)
    joins: tuple[str, ...] = ()
    rate_words: tuple[str, ...] = ()
    per: tuple[str, ...] = ()
    lengths: tuple[int, ...] = ()  # name lengths, longest first
    prefix_lengths: tuple[int, ...] = ()
    firsts: frozenset[str] = frozenset()  # first characters of the names, lower case
    cjk: bool = False
    home: str | None = None  # the language's usual currency (a guess)

    @property
    def empty(self) -> bool:
        return not self.names


def form_of(value: tuple[str, ...]) -> Form:
    """A generated table value as a Form: ``("EUR",)``, ``("$",)``, ``("", "MXN", "ARS")``."""
    code = value[0] or None
    if code == "$":
        return Form(DOLLAR)
    return Form(code, tuple(value[1:]))


_CJK = ("ja", "ko", "zh")


@cache
def lexicon(lang: str | None) -> Lexicon:
    """The lexicon of ``lang`` (a base code such as ``es``); every language's for None."""
    if lang == "en" or (lang is not None and lang not in LANGUAGES):
        return Lexicon(lang)
    codes = [lang] if lang is not None else sorted(LANGUAGES)
    names: dict[str, Form] = {}
    prefixes: dict[str, Form] = {}
    symbols: dict[str, Form] = {}
    joins: set[str] = set()
    rates: set[str] = set()
    per: set[str] = set()
    for code in codes:
        mod = importlib.import_module(f"claims.extract._lang.{code}")
        for k, v in mod.NAMES.items():
            names.setdefault(k, form_of(v))
        for k, v in mod.PREFIXES.items():
            prefixes.setdefault(k, form_of(v))
        for k, c in mod.SYMBOLS.items():
            symbols.setdefault(k, Form(c))
        info = LANGUAGES[code]
        joins.update(info["joins"])
        rates.update(info["rate_words"])
        per.update(info["per"])
    return Lexicon(
        lang,
        names,
        prefixes,
        symbols,
        _longest_first(joins),
        _longest_first(rates),
        _longest_first(per),
        tuple(sorted({len(k) for k in names}, reverse=True)),
        tuple(sorted({len(k) for k in prefixes}, reverse=True)),
        frozenset(k[0] for k in names),
        lang in _CJK or lang is None,
        LANGUAGES[lang]["home"] if lang is not None else None,
    )


def _longest_first(words: set[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


_CONNECTOR = compile_pattern(
    r"(?:de|del|di|dei|degli|delle|della|dello|do|da|dos|das)[\x20\u00a0]+|d['’]", re.IGNORECASE
)
_BLANKS = " \u00a0"


def _is_letter(ch: str) -> bool:
    return ch.isalpha() and not ("\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7a3")


def _longest(text: str, pos: int, lex: Lexicon) -> tuple[Form, int] | None:
    """The longest name of ``lex`` starting at ``pos``, ending at a word boundary."""
    if pos >= len(text) or text[pos].lower() not in lex.firsts:
        return None
    for n in lex.lengths:
        chunk = text[pos : pos + n]
        if len(chunk) < n:
            continue
        key = chunk.lower().replace("\u00a0", " ")
        form = lex.names.get(key)
        if form is None:
            continue
        nxt = text[pos + n : pos + n + 1]
        if nxt and _is_letter(nxt) and _is_letter(chunk[-1]):
            continue  # "euro" inside "europe"
        return form, pos + n
    return None


def name_after(text: str, pos: int, lex: Lexicon, scaled: bool) -> tuple[Form, int, bool] | None:
    """The currency name right after a figure ending at ``pos``: (form, end, elided scale)."""
    if lex.empty:
        return None
    i = pos
    if i < len(text) and text[i] in _BLANKS + "-":
        i += 1
    found = _longest(text, i, lex)
    if found is not None:
        return found[0], found[1], False
    c = _CONNECTOR.match(text, i)
    if c is None:
        return None
    found = _longest(text, c.end(), lex)
    if found is None:
        return None
    return found[0], found[1], not scaled


def prefix_before(text: str, start: int, lex: Lexicon) -> tuple[Form, int] | None:
    """A currency word written right before the number (``日幣150億元``), with its start; a
    qualifier may stand between (``新台幣約62.27億元``)."""
    if not lex.prefixes:
        return None
    end = start
    while end > 0 and text[end - 1] in _BLANKS:
        end -= 1
    for q in ("約", "约", "大約", "大约"):
        if text.endswith(q, 0, end):
            end -= len(q)
            break
    for n in lex.prefix_lengths:
        key = text[max(0, end - n) : end]
        if len(key) == n and key in lex.prefixes:
            return lex.prefixes[key], end - n
    return None
