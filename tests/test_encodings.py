"""Encodings: byte-order marks, declared charsets of HTML pages, one-line errors otherwise."""

from __future__ import annotations

import codecs

import pytest

from claims.documents import load_document
from claims.errors import InputError
from claims.model import Span

STORY = "Café: 100 trillion won ($72.29 billion)"


def page(charset_tag: str, body: str) -> str:
    return f"<html><head>{charset_tag}</head><body><p>{body}</p></body></html>"


BOMS = [
    pytest.param(codecs.BOM_UTF8 + STORY.encode("utf-8"), id="utf-8"),
    pytest.param(codecs.BOM_UTF16_LE + STORY.encode("utf-16-le"), id="utf-16-le"),
    pytest.param(codecs.BOM_UTF16_BE + STORY.encode("utf-16-be"), id="utf-16-be"),
    pytest.param(codecs.BOM_UTF32_LE + STORY.encode("utf-32-le"), id="utf-32-le"),
    pytest.param(codecs.BOM_UTF32_BE + STORY.encode("utf-32-be"), id="utf-32-be"),
]


@pytest.mark.parametrize("data", BOMS)
def test_a_byte_order_mark_is_honoured_in_every_format(data):
    for name in ("story.txt", "story.md"):
        doc = load_document(name, data)
        assert doc.text == STORY


DECLARED = [
    pytest.param(
        '<meta charset="iso-8859-1">', "Café à 5 €", "cp1252", id="iso-8859-1-as-windows-1252"
    ),
    pytest.param("<meta charset=windows-1252>", "“Quotes” cost €5", "cp1252", id="windows-1252"),
    pytest.param(
        '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">',
        "１００兆ウォン（７２２億ドル）",
        "cp932",
        id="shift-jis-http-equiv",
    ),
    pytest.param('<meta charset="EUC-JP">', "日本経済新聞 100億円", "euc_jp", id="euc-jp"),
    pytest.param('<meta charset="KOI8-R">', "100 миллиардов рублей", "koi8_r", id="koi8-r"),
    pytest.param('<meta charset="gb2312">', "人民币 100 亿元", "gb18030", id="gb2312"),
]


@pytest.mark.parametrize("tag, text, codec", DECLARED)
def test_a_declared_charset_is_honoured_for_html(tag, text, codec):
    doc = load_document("p.html", page(tag, text).encode(codec))
    assert doc.text == text


def test_an_xml_declaration_names_the_encoding():
    data = (
        '<?xml version="1.0" encoding="ISO-8859-15"?>\n<html><body><p>Coût 5 €</p></body></html>'
    ).encode("iso-8859-15")
    assert load_document("p.xhtml", data, "html").text == "Coût 5 €"


def test_valid_utf8_wins_over_a_stale_template_declaration():
    data = page('<meta charset="gb2312">', "人民币 100 亿元").encode("utf-8")
    assert load_document("p.html", data).text == "人民币 100 亿元"


def test_a_declaration_inside_a_comment_does_not_count():
    data = ("<!-- <meta charset=koi8-r> --><p>caf\u00e9</p>").encode("latin-1")
    with pytest.raises(InputError, match="not UTF-8"):
        load_document("p.html", data)


UNREADABLE = [
    pytest.param("p.html", page("", "café").encode("latin-1"), "not UTF-8", id="undeclared-html"),
    pytest.param(
        "s.txt",
        page('<meta charset="latin1">', "café").encode("latin-1"),
        "not UTF-8",
        id="text-files-ignore-meta",
    ),
    pytest.param(
        "p.html",
        page('<meta charset="x-klingon">', "caf\u00e9").encode("latin-1"),
        "unknown charset",
        id="unknown-charset",
    ),
    pytest.param(
        "p.html",
        page('<meta charset="shift_jis">', "x").encode() + b"\x81\x20",
        "not valid shift_jis text",
        id="bytes-the-declared-charset-cannot-read",
    ),
    pytest.param("s.txt", codecs.BOM_UTF16_LE + b"\x00\xd8", "UTF-16", id="broken-utf-16"),
    pytest.param("s.txt", "x".encode("utf-16-le"), "binary", id="utf-16-without-bom-is-binary"),
]


@pytest.mark.parametrize("name, data, needle", UNREADABLE)
def test_unreadable_text_is_a_one_line_error(name, data, needle):
    with pytest.raises(InputError) as exc:
        load_document(name, data)
    message = str(exc.value)
    assert needle in message and name in message and "\n" not in message


def test_offsets_of_a_declared_page_point_into_the_decoded_source():
    data = page('<meta charset="iso-8859-1">', "Co&ucirc;t: 5 000 &euro; (5 600 $)").encode(
        "latin-1"
    )
    doc = load_document("p.html", data)
    at = doc.text.index("5 600 $")
    span = doc.source_span(Span(at, at + 7))
    assert doc.source[span.start : span.end] == "5 600 $"
