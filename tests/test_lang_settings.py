"""The story's language and number format as settings (issue 10, "what to build" 1).

``language`` and ``number_format`` go through one validator each (``claims.config``), used by
``.claims.toml``, ``--language``/``--number-format``, the service and ``claims batch``. The
document's own tag (HTML ``lang``, front matter ``lang:``) comes next, then detection; every
result says which language it read the story in and where that came from.
"""

from __future__ import annotations

import json

import pytest

from claims.config import validate
from claims.documents import load_document
from claims.errors import ConfigError

# A Spanish story with a two-way figure: 25.000 is twenty-five thousand in Spain, and the
# converted figure is right at the ECB rate of its day (1 EUR = 1.1386 USD on 2025-06-03).
ES_STORY = "La empresa pagó 25.000 dólares (21.950 euros) por la licencia."

GOOD = [  # (id, key, written, read)
    ("language-plain", "language", "es", "es"),
    ("language-region", "language", "es_mx", "es-MX"),
    ("language-chinese-taiwan", "language", "zh-TW", "zh-Hant"),
    ("language-bokmal", "language", "nb", "no"),
    ("language-auto", "language", "AUTO", "auto"),
    ("format-comma", "number_format", "1.234,5", "1.234,5"),
    ("format-space", "number_format", "1 234,5", "1.234,5"),
    ("format-swiss", "number_format", "1'234.5", "1,234.5"),
    ("format-named", "number_format", "decimal-comma", "1.234,5"),
    ("format-auto", "number_format", "auto", "auto"),
]


@pytest.mark.parametrize("key, written, read", [g[1:] for g in GOOD], ids=[g[0] for g in GOOD])
def test_settings_read(key, written, read):
    assert validate(key, written, key) == read


BAD = [  # (id, key, value, words the one-line message must hold)
    ("language-name", "language", "Spanish", "language tag"),
    ("language-without-tables", "language", "sw", "not a language claims reads"),
    ("language-number", "language", 3, "language tag"),
    ("format-semicolon", "number_format", "1;234", "1.234,5"),
    ("format-number", "number_format", 1234.5, "string"),
]


@pytest.mark.parametrize("key, value, words", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_settings_are_one_clear_line(key, value, words):
    with pytest.raises(ConfigError) as err:
        validate(key, value, f"conf.toml: {key}")
    message = str(err.value)
    assert message.startswith(f"conf.toml: {key}: ") and words in message and "\n" not in message


DOCUMENT_TAGS = [  # (id, file name, source, tag read)
    ("html-lang", "a.html", '<html lang="es-MX"><body><p>Hola</p></body></html>', "es-MX"),
    ("html-xml-lang", "a.html", '<html xml:lang="de"><body><p>Hallo</p></body></html>', "de"),
    (
        "html-og-locale",
        "a.html",
        '<html><head><meta property="og:locale" content="pt_BR">'
        "</head><body><p>Olá</p></body></html>",
        "pt_BR",
    ),
    (
        "html-lang-beats-meta",
        "a.html",
        '<html lang="fr"><head><meta property="og:locale" '
        'content="en_US"></head><body><p>x</p></body></html>',
        "fr",
    ),
    ("html-no-lang", "a.html", "<html><body><p>Hello</p></body></html>", None),
    ("front-lang", "a.md", "---\ntitle: x\nlang: de\n---\nHallo", "de"),
    ("front-language-quoted", "a.md", '---\nlanguage: "it-IT"\n---\nCiao', "it-IT"),
    ("front-hugo-languagecode", "a.md", "---\nlanguageCode: ja\n---\nこんにちは", "ja"),
    ("front-toml", "a.md", '+++\nlang = "sv"\n+++\nHej', "sv"),
    ("front-template-not-a-tag", "a.md", '---\nlang: "{{ site.lang }}"\n---\nHi', None),
    ("front-nested-lang-ignored", "a.md", "---\nphoto:\n  lang: fr\n---\nHi", None),
    ("plain-text", "a.txt", "lang: fr\nBonjour", None),
]


@pytest.mark.parametrize(
    "name, source, tag", [d[1:] for d in DOCUMENT_TAGS], ids=[d[0] for d in DOCUMENT_TAGS]
)
def test_document_language_tag(name, source, tag):
    assert load_document(name, source.encode("utf-8")).language == tag


def _file(out: str) -> dict:
    return json.loads(out)["files"][0]


def test_order_option_then_config_then_document_then_detection(cli, tmp_path):
    story = tmp_path / "story.md"
    story.write_text(f"---\ndate: 2025-06-03\nlang: es\n---\n{ES_STORY}\n", encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text(f"Date: 2025-06-03\n\n{ES_STORY}\n", encoding="utf-8")
    code, out, _ = cli("check", str(story), "--format", "json", "--no-config")
    assert code == 0
    assert (_file(out)["language"], _file(out)["language_source"]) == ("es", "document")
    code, out, _ = cli("check", str(plain), "--format", "json", "--no-config")
    assert (_file(out)["language"], _file(out)["language_source"]) == ("es", "detected")
    (tmp_path / ".claims.toml").write_text(
        'language = "pt"\nnumber_format = "1.234,5"\n', encoding="utf-8"
    )
    code, out, _ = cli("check", str(story), "--format", "json")
    assert (_file(out)["language"], _file(out)["language_source"]) == ("pt", "option")
    code, out, _ = cli("check", str(story), "--format", "json", "--language", "es-ES")
    assert (_file(out)["language"], _file(out)["language_source"]) == ("es-ES", "option")
    code, out, _ = cli("check", str(story), "--format", "json", "--language", "auto")
    assert (_file(out)["language"], _file(out)["language_source"]) == ("es", "document")


def test_number_format_option_decides_a_two_way_figure(cli, tmp_path):
    """``12.345`` is twelve thousand with a decimal comma, twelve with a decimal point."""
    story = tmp_path / "s.txt"
    story.write_text("Pagó 12.345 dólares por la licencia.\n", encoding="utf-8")
    values = {}
    for style in ("1.234,5", "1,234.5"):
        code, out, _ = cli("extract", str(story), "--format", "json", "--number-format", style)
        assert code == 0
        values[style] = json.loads(out)["files"][0]["mentions"][0]["value"]
    assert values == {"1.234,5": "12345", "1,234.5": "12.345"}


@pytest.mark.parametrize(
    "args, words",
    [
        (["--language", "Spanish"], "--language: must be a language tag"),
        (["--language", "xx"], "--language: not a language claims reads"),
        (["--number-format", "1;234"], "--number-format: must be auto"),
    ],
    ids=["language-name", "language-unknown", "format-unknown"],
)
def test_bad_options_exit_2_with_one_line(cli, tmp_path, args, words):
    story = tmp_path / "s.txt"
    story.write_text(ES_STORY, encoding="utf-8")
    code, out, err = cli("check", str(story), *args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and words in err


def test_bad_config_value_names_the_file_and_key(cli, tmp_path):
    (tmp_path / ".claims.toml").write_text('number_format = "1_234.5"\n', encoding="utf-8")
    story = tmp_path / "s.txt"
    story.write_text(ES_STORY, encoding="utf-8")
    code, _, err = cli("check", str(story))
    assert code == 2 and ".claims.toml: number_format: must be auto" in err


def test_reports_say_the_language_per_file(cli, tmp_path):
    story = tmp_path / "story.md"
    story.write_text(f"---\ndate: 2025-06-03\nlang: es\n---\n{ES_STORY}\n", encoding="utf-8")
    english = tmp_path / "en.txt"
    english.write_text(
        "Date: 2025-06-03\n\nThe firm paid $25,000 (21,950 euros) for it.\n", encoding="utf-8"
    )
    code, out, _ = cli("check", str(story), "--no-config")
    assert code == 0 and out.rstrip().endswith("; language es (document)")
    code, out, _ = cli("check", str(english), "--no-config")
    assert "language" not in out.splitlines()[-1]  # English copy reads as before
    code, out, _ = cli("check", str(story), str(english), "--no-config")
    assert "; languages en 1, es 1" in out.splitlines()[-1]
    code, out, _ = cli("check", str(story), "--format", "sarif", "--no-config")
    (artifact,) = json.loads(out)["runs"][0]["artifacts"]
    assert artifact["properties"] == {"language": "es", "languageSource": "document"}
    code, out, _ = cli("extract", str(story), "--format", "json", "--no-config")
    got = json.loads(out)["files"][0]
    assert (got["language"], got["language_source"], got["decimal_mark"]) == ("es", "document", ",")


def test_language_is_reported_when_money_is_not_checked(cli, tmp_path):
    story = tmp_path / "s.md"
    story.write_text("---\nlang: de\n---\nDer Tunnel ist 57 km lang.\n", encoding="utf-8")
    (tmp_path / ".claims.toml").write_text('checks = ["unit-conversion"]\n', encoding="utf-8")
    code, out, _ = cli("check", str(story), "--format", "json")
    assert code == 0
    assert (_file(out)["language"], _file(out)["language_source"]) == ("de", "document")
