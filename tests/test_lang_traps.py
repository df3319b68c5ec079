"""No figure is ever read off by a power of ten because of its separators or its scale word;
where a figure reads two ways and nothing in the story tells, it is flagged, not guessed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from claims.extract import extract

D = Decimal


def T(id_: str, text: str, value: str, ambiguous: bool, xfail: str | None = None, **options):
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(
        text, None if value == "any" else D(value), ambiguous, options, id=id_, marks=marks
    )


TRAPS = [
    # dot thousands, in English copy and elsewhere: never 25 dollars
    T("en-dollar-space-dot-thousands", "The house sold for $ 25.000 last year.", "25000", True),
    T("es-dollar-dot-thousands", "La casa se vendió por $ 25.000 el año pasado.", "25000", False),
    T("it-dollar-miliardi", "Il fondo vale $ 3 miliardi secondo gli analisti.", "3e9", False),
    T("hi-dollar-milian", "कंपनी ने $ 60 मिलियन का निवेश किया।", "60e6", False),
    T(
        "es-mexican-comma-thousands",
        "Pemex invertirá 318,000 millones de pesos este año.",
        "318e9",
        False,
    ),
    T("es-elided-scale-alone", "Los gastos fueron 78.759 de euros.", "78759", True),
    T(
        "de-billion-long-scale",
        "Die Schulden des Landes betragen inzwischen 1 Billion Euro, sagte der Minister am Montag.",
        "1e12",
        False,
    ),
    T("de-billion-language-unsure", "Die Schulden: 1 Billion Euro.", "any", True),
    T("de-billion-language-option", "Die Schulden: 1 Billion Euro.", "1e12", False, language="de"),
    T("fr-milliard", "La facture atteint 2 milliards d'euros.", "2e9", False),
    T("es-billon-long-scale", "La deuda llega a 1,2 billones de pesos.", "1.2e12", False),
    T("pt-br-bilhao-short-scale", "A dívida chega a R$ 1,2 bilhão.", "1.2e9", False),
    T("pl-mld-zl", "Program przewiduje nakłady rzędu 40 mld zł w energetyce.", "40e9", False),
    T("en-english-billion", "The fund holds $1.2 billion in bonds.", "1.2e9", False),
    T(
        "en-three-decimals-with-english-scale",
        "The group will spend R$3.800 billion.",
        "3.8e9",
        False,
    ),
    # two-way figures: the story's language decides; a language written both ways flags
    T("en-two-way-dollar", "The fee was $12.345 per share.", "12.345", False),
    T("de-two-way-millionen", "Der Umsatz lag bei 12.345 Millionen Euro.", "12345e6", False),
    T("es-two-way-varies", "El costo fue de 12.345 millones de pesos este año.", "12345e6", True),
    T(
        "es-mx-region-says",
        "El costo fue de 12.345 millones de pesos este año.",
        "12.345e6",
        False,
        language="es-MX",
    ),
    T("fr-round-comma", "Le prix est de 1,500 € pour chaque billet vendu.", "1500", True),
    T(
        "option-decimal-comma",
        "The fee was $12.345 per share.",
        "12345",
        False,
        number_format="1.234,5",
    ),
    T(
        "story-figures-decide",
        "El dólar subió 3,5%. La obra costó 12.345 millones de pesos.",
        "12345e6",
        False,
    ),
]


@pytest.mark.parametrize("text, value, ambiguous, options", TRAPS)
def test_read_at_the_right_power_of_ten(text, value, ambiguous, options):
    money = [m for m in extract(text, **options).mentions]
    assert money, "no money read"
    m = money[-1]
    assert value is None or m.value == value  # None: either reading, but flagged
    assert m.ambiguous == ambiguous, m.reading_note
    if ambiguous:
        assert m.reading_note


def test_two_way_note_says_what_else_it_may_be():
    m = extract("El costo fue de 12.345 millones de pesos este año.").mentions[0]
    assert "may be" in m.reading_note and "12.345" in m.reading_note


def test_ambiguity_is_in_the_json():
    q = extract("Los gastos fueron 78.759 de euros.").mentions[0].to_dict()
    assert q["ambiguous"] is True and q["reading_note"]
