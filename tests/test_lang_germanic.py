"""German, Dutch, Swedish, Norwegian and Danish copy: one example table per language."""

from __future__ import annotations

import pytest
from langcases import M, N, P, check_mentions, check_pairs

GERMAN = [
    P(
        "de-space-thousands-mio-mrd",
        "Der Konzern zahlt 3 500 Mio. Euro (rund 3,8 Mrd. Dollar) für die Übernahme.",
        "3.5e9 EUR 3.8e9 USD",
    ),
    P(
        "de-apostrophe-thousands-franken",
        "Die Bank zahlte ihren Kunden 1'250 Franken (etwa 1300 Euro) pro Konto aus.",
        "1250 CHF 1300 EUR",
    ),
    P(
        "de-billion-is-ten-to-the-twelve",
        "Die Strafe beträgt 1 Billion Euro, umgerechnet rund 1,1 Billionen Dollar.",
        "1e12 EUR 1.1e12 USD",
    ),
    P(
        "de-derzeit-rund",
        "Weltweit waren 615 Billionen Dollar (derzeit rund 478 Billionen Euro) im Umlauf.",
        "615e12 USD 478e12 EUR",
    ),
    P(
        "de-dash-nach-heutigem-wechselkurs",
        "Die Gewinne lagen bei 42,5 Milliarden US-Dollar - nach heutigem Wechselkurs 32,65 "
        "Milliarden Euro -, mehr als je zuvor.",
        "42.5e9 USD 32.65e9 EUR",
    ),
    P(
        "de-knapp-gut",
        "Der Verlust betrug knapp 3,1 Milliarden Yen (gut 23 Millionen Euro) im Quartal.",
        "3.1e9 JPY 23e6 EUR",
    ),
    P(
        "de-yuan-rmb-comma-etwa",
        "Huawei setzte 603,62 Milliarden Yuan RMB, etwa 75,85 Milliarden Euro, um.",
        "603.62e9 CNY 75.85e9 EUR",
    ),
    M(
        "de-dot-thousands-millionen",
        "Der Umsatz lag bei 12.345 Millionen Euro im Jahr 2023.",
        "12345e6 EUR",
    ),
    N(
        "de-same-currency-list",
        "HNA und Suning folgen mit 618,29 Milliarden Yuan und 602,46 Milliarden Yuan.",
    ),
]

DUTCH = [
    P(
        "nl-miljard-ongeveer",
        "Het bedrijf betaalt 3,5 miljard euro (ongeveer 3,8 miljard dollar) voor de overname.",
        "3.5e9 EUR 3.8e9 USD",
    ),
    P(
        "nl-miljoen-of",
        "De boete bedraagt 250 miljoen euro, of ongeveer 270 miljoen dollar, volgens de krant.",
        "250e6 EUR 270e6 USD",
    ),
]

SWEDISH = [
    P(
        "sv-miljarder-kronor-omkring",
        "Affären är värd 3,5 miljarder kronor (omkring 330 miljoner dollar) enligt bolaget.",
        "3.5e9 SEK 330e6 USD",
    ),
    P(
        "sv-space-thousands-drygt",
        "Beloppet anges som 69 miljoner dollar, drygt 500 000 miljoner kronor, i notisen.",
        "69e6 USD 500000e6 SEK",
    ),
]

NORWEGIAN = [
    P(
        "no-eller-omkring",
        "Avtalen er verdt 12,5 milliarder kroner, eller omkring 1,2 milliarder dollar.",
        "12.5e9 NOK 1.2e9 USD",
    ),
    P(
        "no-range-rett-under-dagens-valutakurs",
        "Beløpet er 4-4,5 milliarder dollar, eller rett under 47 milliarder kroner i dagens "
        "valutakurs.",
        "4e9 USD 47e9 NOK",
        "4.5e9 USD 47e9 NOK",
    ),
]

DANISH = [
    P(
        "da-mia-kroner-are-danish",
        "Handelen er på 4 mia. kroner (ca. 580 mio. dollar), oplyser selskabet i dag.",
        "4e9 DKK 580e6 USD",
    ),
]


@pytest.mark.parametrize(
    "text, want, options", [c for c in GERMAN if not c.id.startswith("de-dot")]
)
def test_german(text, want, options):
    check_pairs(text, want, options)


@pytest.mark.parametrize("text, want, options", [c for c in GERMAN if c.id.startswith("de-dot")])
def test_german_mentions(text, want, options):
    check_mentions(text, want, options)


@pytest.mark.parametrize("text, want, options", DUTCH)
def test_dutch(text, want, options):
    check_pairs(text, want, options)


@pytest.mark.parametrize("text, want, options", SWEDISH)
def test_swedish(text, want, options):
    check_pairs(text, want, options)


@pytest.mark.parametrize("text, want, options", NORWEGIAN)
def test_norwegian(text, want, options):
    check_pairs(text, want, options)


@pytest.mark.parametrize("text, want, options", DANISH)
def test_danish(text, want, options):
    check_pairs(text, want, options)
