"""Helpers for the per-language example tables (tests/test_lang_*.py).

``P(id, text, "AMOUNT CUR CONVERTED CUR", ...)``: the sentence states exactly these pairs
(base units; a range counts as two pairs, low ends then high ends). ``N(id, text)``: no pair.
``M(id, text, "VALUE CUR")``: the sentence's money mentions, in order (``?`` for a currency
that cannot be told). ``R(id, text, "1 BASE = VALUE QUOTE")``: the stated rates. Any of them
takes ``xfail="reason"`` for a known gap (strict: a fix shows), ``language=``/``number_format=``
to pass an option through. A table case's language is its id's prefix (``es-...``); without
pycld2 (the ``lang`` extra) a Latin-script story's language is passed as an option, so that the
tables test the reading, not the offline detector (``test_lang_corpus.py`` tests detection).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from claims.extract import extract

D = Decimal

try:
    import pycld2  # noqa: F401

    HAVE_CLD2 = True
except ImportError:
    HAVE_CLD2 = False


def _marks(xfail: str | None):
    return [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []


def P(id_: str, text: str, *pairs: str, xfail: str | None = None, **options):
    want = []
    for spec in pairs:
        a, ca, b, cb = spec.split()
        want.append((D(a), ca, D(b), cb))
    return pytest.param(text, want, _opts(id_, options), id=id_, marks=_marks(xfail))


def _opts(id_: str, options: dict) -> dict:
    """The case's options, with its language when pycld2 is not there to tell it."""
    lang = id_.split("-")[0]
    if not HAVE_CLD2 and lang not in ("ja", "ko", "zh", "ru", "uk", "hi", "en"):
        return {"language": lang, **options}
    return options


def N(id_: str, text: str, xfail: str | None = None, **options):
    return pytest.param(text, [], _opts(id_, options), id=id_, marks=_marks(xfail))


def M(id_: str, text: str, *mentions: str, xfail: str | None = None, **options):
    want = []
    for spec in mentions:
        v, c = spec.split()
        want.append((D(v), None if c == "?" else c))
    return pytest.param(text, want, _opts(id_, options), id=id_, marks=_marks(xfail))


def R(id_: str, text: str, *rates: str, xfail: str | None = None, **options):
    want = []
    for spec in rates:
        one, base, eq, value, quote = spec.split()
        assert one == "1" and eq == "="
        want.append((base, quote, D(value)))
    return pytest.param(text, want, _opts(id_, options), id=id_, marks=_marks(xfail))


def pairs(text: str, **options) -> set[tuple]:
    """Every pair ``extract`` finds, ranges split into two."""
    out = set()
    for c in extract(text, **options).conversions:
        o, v = c.original, c.converted
        out.add((o.value, o.unit, v.value, v.unit))
        if o.high is not None or v.high is not None:
            out.add((o.high or o.value, o.unit, v.high or v.value, v.unit))
    return out


def check_pairs(text: str, want: list, options: dict) -> None:
    assert pairs(text, **options) == set(want)


def check_mentions(text: str, want: list, options: dict) -> None:
    got = [(m.value, m.unit) for m in extract(text, **options).mentions]
    assert got == want


def check_rates(text: str, want: list, options: dict) -> None:
    got = [(r.base, r.quote, r.value) for r in extract(text, **options).stated_rates]
    assert got == want
