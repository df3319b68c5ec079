"""Per-language tables for ``tools/gen_currencies.py``: data/lang/*.toml merged with Babel's CLDR.

Writes ``claims/extract/_lang/__init__.py`` (small: number conventions, scale words, qualifiers,
conversion cues, stopwords of every language) and one ``claims/extract/_lang/<code>.py`` per
language (its currency names and symbols, imported only for a story in that language).
"""

from __future__ import annotations

import itertools
import re
import tomllib
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "lang"
TARGET = ROOT / "claims" / "extract" / "_lang"
_SPACES = {" ", "\u00a0", "\u202f", "\u2009"}
_BOUNDS = ("approx", "lower", "upper")


def expand(phrase: str) -> list[str]:
    """``"nach {heutigem|derzeitigem} Kurs"`` -> both phrases, in order."""
    parts = re.split(r"\{([^{}]*)\}", phrase)
    choices = [[p] if i % 2 == 0 else p.split("|") for i, p in enumerate(parts)]
    return [" ".join("".join(c).split()) for c in itertools.product(*choices)]


def _fold(text: str) -> str:
    """Accents removed from Latin-script text (``dólares`` -> ``dolares``); other scripts as is
    (folding would strip the dakuten of ``ドル`` or the breve of ``й``)."""
    if any(c.isalpha() and not unicodedata.name(c, "").startswith("LATIN") for c in text):
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _norm(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def curated() -> dict[str, dict]:
    """Every data/lang/<code>.toml, by code."""
    return {p.stem: tomllib.loads(p.read_text("utf-8")) for p in sorted(DATA.glob("*.toml"))}


def _conventions(locale: str) -> tuple[str, bool, list[str]]:
    """The locale's decimal mark, whether it groups with spaces, and the regions (of the same
    language) that write the other decimal mark."""
    from babel import Locale, localedata
    from babel.numbers import get_decimal_symbol, get_group_symbol

    decimal = get_decimal_symbol(locale)
    space = get_group_symbol(locale) in _SPACES
    lang = Locale.parse(locale).language
    other = set()
    for ident in localedata.locale_identifiers():
        parts = ident.split("_")
        if parts[0] != lang or len(parts) != 2 or not parts[1].isupper():
            continue
        if get_decimal_symbol(ident) != decimal:
            other.add(parts[1])
    return decimal, space, sorted(other)


def _cldr_names(locale: str, codes: set[str]) -> dict[str, set[str]]:
    """CLDR display names and plural forms of ``codes`` in ``locale``, lowercased and folded."""
    from babel import Locale

    loc = Locale.parse(locale)
    plural = loc._data["currency_names_plural"]
    out: dict[str, set[str]] = {}

    def add(name: str, code: str) -> None:
        name = _norm(name)
        if not name or "(" in name or len(name) < 2:
            return
        for variant in {name, _fold(name), name.replace(" ", "")}:
            out.setdefault(variant, set()).add(code)

    for code in sorted(codes):
        if code in loc.currencies:
            add(loc.currencies[code], code)
        for form in dict(plural.get(code, {})).values():
            add(form, code)
    return out


def _cldr_symbols(locale: str, codes: set[str]) -> dict[str, str]:
    """CLDR symbols of ``locale`` that hold a currency sign (``$US``, ``R$``, ``MX$``)."""
    from babel import Locale

    loc = Locale.parse(locale)
    return {
        sym: code
        for code, sym in loc.currency_symbols.items()
        if code in codes
        and sym != code
        and sym != "$"
        and any(unicodedata.category(c) == "Sc" for c in sym)
    }


def _form(value: object) -> tuple[str, ...]:
    """A curated value as (default, candidates...): ``"EUR"`` -> ("EUR",)."""
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)  # type: ignore[union-attr]


def build(codes: set[str]) -> tuple[dict, dict[str, dict]]:
    """The shared index and, per language, its names and symbols."""
    data = curated()
    index: dict[str, dict] = {"languages": {}, "qualifiers": {}, "after": {}}
    per_lang: dict[str, dict] = {}
    seen: dict[str, tuple[str, str]] = {}
    for code, d in data.items():
        decimal, space, other = _conventions(d["cldr"])
        scales = {_norm(w): int(p) for w, p in d.get("scales", {}).items()}
        quals = d.get("qualifiers", {})
        for where, key in (("qualifiers", ""), ("after", "after_")):
            for bound in _BOUNDS:
                for raw in quals.get(key + bound, []):
                    for q in expand(raw):
                        q = _norm(q)
                        prev = seen.get(where + q)
                        if prev and prev[0] != bound:
                            raise SystemExit(
                                f"{code}: qualifier {q!r} is {bound} here but "
                                f"{prev[0]} in {prev[1]}: one meaning per word"
                            )
                        seen[where + q] = (bound, code)
                        index[where][q] = bound
        index["languages"][code] = {
            "name": d["name"],
            "decimal": decimal,
            "space_group": space,
            "decimal_varies": bool(d.get("decimal_varies", False)),
            "home": d.get("home"),
            "numbers": {_norm(w): v for w, v in d.get("numbers", {}).items()},
            "other_decimal_regions": other,
            "scales": scales,
            "stopwords": [w.lower() for w in d.get("stopwords", [])],
            "joins": sorted({_norm(p) for raw in d.get("joins", []) for p in expand(raw)}),
            "rate_words": sorted(
                {_norm(p) for raw in d.get("rate_words", []) for p in expand(raw)}
            ),
            "per": sorted({_norm(p) for raw in d.get("per", []) for p in expand(raw)}),
        }
        names = {
            k: tuple(v) if len(v) == 1 else ("", *sorted(v))
            for k, v in _cldr_names(d["cldr"], codes).items()
        }
        for name, value in d.get("names", {}).items():
            form = _form(value)
            for variant in {_norm(name), _fold(_norm(name))}:
                names[variant] = form
        per_lang[code] = {
            "names": dict(sorted(names.items())),
            "prefixes": {k: _form(v) for k, v in sorted(d.get("prefixes", {}).items())},
            "symbols": dict(sorted(_cldr_symbols(d["cldr"], codes).items())),
        }
    index["qualifiers"] = dict(sorted(index["qualifiers"].items()))
    index["after"] = dict(sorted(index["after"].items()))
    return index, per_lang


def render(codes: set[str], babel_version: str) -> dict[Path, str]:
    """Every generated file's text, by path (deterministic)."""
    index, per_lang = build(codes)
    head = (
        '"""{what} generated by tools/gen_currencies.py from data/lang/*.toml and Babel '
        f'{babel_version}\n(CLDR) -- do not edit by hand."""\n\n'
    )
    lines = [
        head.format(what="Language conventions, scale words, qualifiers and conversion cues"),
        "from __future__ import annotations",
        "",
        "from typing import Any",
        "",
        "#: code -> name, decimal mark, space grouping, regions writing the other decimal mark,",
        "#: scale word -> power of ten, stopwords, conversion cues",
        "LANGUAGES: dict[str, dict[str, Any]] = {",
    ]
    for code, info in index["languages"].items():
        lines.append(f"    {code!r}: {{")
        for key, value in info.items():
            lines.append(f"        {key!r}: {value!r},")
        lines.append("    },")
    lines += [
        "}",
        "",
        "#: qualifier written before a figure -> approx | lower | upper",
        "QUALIFIERS: dict[str, str] = {",
    ]
    lines += [f"    {q!r}: {b!r}," for q, b in index["qualifiers"].items()]
    lines += [
        "}",
        "",
        "#: qualifier written after a figure -> approx | lower | upper",
        "AFTER_QUALIFIERS: dict[str, str] = {",
    ]
    lines += [f"    {q!r}: {b!r}," for q, b in index["after"].items()]
    lines += ["}"]
    out = {TARGET / "__init__.py": "\n".join(lines) + "\n"}
    for code, tables in per_lang.items():
        body = [
            head.format(what=f"{index['languages'][code]['name']} currency words"),
            "#: lowercased name -> (code,) or ('' | default, candidates...); '$' is the"
            " publication's dollar",
            "NAMES: dict[str, tuple[str, ...]] = {",
        ]
        body += [f"    {k!r}: {v!r}," for k, v in tables["names"].items()]
        body += [
            "}",
            "",
            "#: currency words written before the number (新台幣約62.27億元)",
            "PREFIXES: dict[str, tuple[str, ...]] = {",
        ]
        body += [f"    {k!r}: {v!r}," for k, v in tables["prefixes"].items()]
        body += [
            "}",
            "",
            "#: CLDR symbols of the locale that hold a currency sign",
            "SYMBOLS: dict[str, str] = {",
        ]
        body += [f"    {k!r}: {v!r}," for k, v in tables["symbols"].items()]
        body += ["}"]
        out[TARGET / f"{code}.py"] = "\n".join(body) + "\n"
    return out
