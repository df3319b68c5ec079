"""The story's language and number style, CJK myriad numbers, and figures written back the
story's way."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from claims.extract import extract
from claims.extract.language import base_of, resolve_language
from claims.extract.myriad import find_myriad, write_myriad
from claims.extract.number_style import parse_number_format
from claims.wording import write_like

D = Decimal
ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "option, document, text, code, source",
    [
        pytest.param("es-MX", "pt", "Any text at all.", "es-MX", "option", id="option-wins"),
        pytest.param(None, "pt-BR", "Any text at all.", "pt-BR", "document", id="document-next"),
        pytest.param("auto", "de", "Any text.", "de", "document", id="auto-means-not-set"),
        pytest.param(None, None, "삼성전자는 1조 원을 투자한다.", "ko", "detected", id="hangul"),
        pytest.param(None, None, "政府は約1兆円を投じると発表した。", "ja", "detected", id="kana"),
        pytest.param(
            None, None, "報導指出，金額為1.97億美元。", "zh-Hant", "detected", id="traditional-han"
        ),
        pytest.param(
            None, None, "报道指出，金额为1.97亿美元。", "zh", "detected", id="simplified-han"
        ),
        pytest.param(
            None, None, "Компания выплатит 5 млрд рублей.", "ru", "detected", id="cyrillic"
        ),
        pytest.param(
            None,
            None,
            "The government said the plan will cost $5 billion.",
            "en",
            "detected",
            id="english-by-its-words",
        ),
        pytest.param(None, None, "12 345 678", None, "unknown", id="nothing-to-tell"),
        pytest.param(None, "nb", "x", "no", "document", id="alias-nb-is-no"),
        pytest.param(None, "zh_TW", "x", "zh-Hant", "document", id="alias-zh-tw"),
    ],
)
def test_language_resolution(option, document, text, code, source):
    got = resolve_language(text, option, document)
    assert (got.code, got.source) == (code, source)


def test_base_and_region():
    story = resolve_language("x", "es-mx")
    assert (story.code, story.base, story.region) == ("es-MX", "es", "MX")
    assert base_of("zh-Hant") == "zh"


def test_extraction_reports_the_language():
    ex = extract(
        "La empresa ganó 2.950 millones de euros (unos 3.465 millones de dólares).", language="es"
    )
    assert (ex.language, ex.language_source, ex.decimal_mark) == ("es", "option", ",")


@pytest.mark.parametrize(
    "value, mark",
    [
        ("1.234,5", ","),
        ("1,234.5", "."),
        ("1 234,5", ","),
        ("1'234.5", "."),
        ("decimal-comma", ","),
        ("decimal-point", "."),
        ("auto", None),
        (None, None),
    ],
)
def test_number_format_values(value, mark):
    assert parse_number_format(value) == mark


def test_number_format_rejects_nonsense():
    with pytest.raises(ValueError, match="number_format"):
        parse_number_format("1-234;5")


@pytest.mark.parametrize(
    "text, value, step, high",
    [
        pytest.param("7兆9914億", "7.9914e12", "1e8", None, id="cho-oku"),
        pytest.param("約千2百億円", "1.2e11", "1e10", None, id="sen-hyaku-no-digit"),
        pytest.param("3・3兆円", "3.3e12", "1e11", None, id="nakaguro"),
        pytest.param("12억7천167만", "1.27167e9", "1e4", None, id="eok-cheon-man"),
        pytest.param("2경 9천조 원", "2.9e16", "1e15", None, id="gyeong"),
        pytest.param("1億779萬6,091.52美元", "107796091.52", "0.01", None, id="wan-tail"),
        pytest.param("5至6億美元", "5e8", "1e8", "6e8", id="bare-low-range"),
        pytest.param("2.5萬億美元", "2.5e12", "1e11", None, id="wan-yi-compound"),
        pytest.param("一亿美元", "1e8", "1e8", None, id="kanji-digit"),
        pytest.param("1조 천억 엔", "1.1e12", "1e11", None, id="cheon-without-digit"),
    ],
)
def test_myriad_numbers(text, value, step, high):
    (r,) = find_myriad(text)
    assert (r.value, r.step, r.high) == (D(value), D(step), D(high) if high else None)


def test_a_unit_with_no_figure_is_no_number():
    assert find_myriad("万一の場合") == []


@pytest.mark.parametrize(
    "amount, unit, step, commas, want",
    [
        ("3.4e11", "億", "1e8", False, "3400億"),
        ("7.89e12", "億", "1e8", False, "7兆8900億"),
        ("1.5e12", "億", "1e8", True, "1兆5,000億"),
        ("1.65e12", "억", "1e11", False, "1조 6000억"),
        ("6.3e9", "亿", "1e6", False, "63.00亿"),
    ],
)
def test_write_myriad(amount, unit, step, commas, want):
    assert write_myriad(D(amount), unit=unit, step=D(step), commas=commas) == want


@pytest.mark.parametrize(
    "text, amount, want",
    [
        pytest.param(
            "La empresa ganó 2.950 millones de euros (unos 3.465 millones de dólares).",
            "3260000000",
            "3.260 millones de dólares",
            id="es-millones",
        ),
        pytest.param(
            "A empresa lucrou 1,57 mil milhões de euros (1,7 mil milhões de dólares).",
            "1750000000",
            "1,8 mil milhões de dólares",
            id="pt-mil-milhoes",
        ),
        pytest.param(
            "買収額は約33億ドル(3752億円)で決まった。", "340000000000", "3400億円", id="ja-oku-en"
        ),
        pytest.param(
            "Le contrat est évalué à 94 000 $, soit environ 63 000 euros.",
            "64000",
            "64 000 euros",
            id="fr-space-groups",
        ),
        pytest.param(
            "The ministry set aside 3.2 trillion won ($2.4 billion).",
            "2460000000",
            "$2.5 billion",
            id="en-unchanged",
        ),
    ],
)
def test_expected_figure_written_the_story_way(text, amount, want):
    conv = extract(text).conversions[0]
    assert write_like(conv.converted, D(amount)) == want


def test_english_copy_loads_no_language_tables():
    code = (
        "import sys; from claims.extract import extract; "
        "extract('Lee plans to invest 100 trillion won ($72.29 billion) in the sector.');"
        "print(sorted(m for m in sys.modules if m.startswith('claims.extract._lang.')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout.strip()
    assert out == "[]"


def test_a_story_loads_only_its_own_language():
    code = (
        "import sys; from claims.extract import extract; "
        "extract('Der Konzern zahlt 3,5 Mrd. Euro (rund 3,8 Mrd. Dollar).', language='de');"
        "print(sorted(m for m in sys.modules if m.startswith('claims.extract._lang.')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout.strip()
    assert out == "['claims.extract._lang.de']"


@pytest.mark.parametrize(
    "unit, language",
    [
        pytest.param("12.345 millones de dólares (", "es", id="es-two-way-parens"),
        pytest.param("1億(約", "ja", id="ja-myriad-parens"),
        pytest.param("1조 천억 원·약 ", "ko", id="ko-myriad-middle-dots"),
        pytest.param("7 682 M€, soit ", "fr", id="fr-spaced-joins"),
        pytest.param("1 trilyon 2 milyar ", "tr", id="tr-chains"),
        pytest.param("5至", "zh", id="zh-range-joiners"),
    ],
)
def test_language_paths_grow_linearly(unit, language):
    from growth import growth

    assert growth(lambda t: extract(t, language=language), lambda n: unit * n, 500) < 30
