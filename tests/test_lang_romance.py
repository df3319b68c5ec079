"""Spanish, Portuguese, French and Italian copy: one example table per language."""

from __future__ import annotations

import pytest
from langcases import M, N, P, check_mentions, check_pairs

SPANISH = [
    P(
        "es-dot-thousands-millones",
        "El Gobierno destinará 4.500 millones de euros (unos 4.900 millones de dólares) a la red.",
        "4.5e9 EUR 4.9e9 USD",
    ),
    P(
        "es-mexican-comma-thousands",
        "La petrolera invertirá 318,000 millones de pesos (16,500 millones de dólares) en México.",
        "318e9 MXN 16.5e9 USD",
    ),
    P(
        "es-us$-before-millones-equivalente",
        "Argentina recibirá US$ 3.500 millones, equivalente a unos 3.200 millones de euros.",
        "3.5e9 USD 3.2e9 EUR",
    ),
    P(
        "es-dash-hedged",
        "El Congreso aprobó 165.400 millones de dólares - unos 106.000 millones de euros - más.",
        "165.4e9 USD 106e9 EUR",
    ),
    P(
        "es-mil-millones",
        "Repsol invertirá 2,5 mil millones de euros (unos 2,7 mil millones de dólares).",
        "2.5e9 EUR 2.7e9 USD",
    ),
    P(
        "es-billones-long-scale",
        "La deuda suma 4,8 billones de pesos colombianos (unos 1.150 millones de dólares).",
        "4.8e12 COP 1.15e9 USD",
    ),
    P(
        "es-dolares-australianos",
        "La minera pagó 900 millones de dólares australianos (600 millones de dólares).",
        "900e6 AUD 600e6 USD",
    ),
    P(
        "es-currency-after-bracket",
        "El Senado aprobó más de 66.000 millones (52.000 millones de euros) de dólares.",
        "66e9 USD 52e9 EUR",
    ),
    P(
        "es-elided-scale-word",
        "La guerra habrá costado 320.000 millones de dólares (267.000 de euros).",
        "320e9 USD 267e9 EUR",
    ),
    P(
        "es-word-number",
        "El fondo recibirá tres mil millones de dólares (2.800 millones de euros) del banco.",
        "3e9 USD 2.8e9 EUR",
    ),
    N(
        "es-per-share-negative",
        "La compañía destinará 25,44 millones de euros al dividendo; el neto por acción será "
        "de 0,14 euros.",
    ),
    N(
        "es-peso-sign-restates-pesos",
        "Equivalen a siete millones de millones de pesos ($7 billones), según la Dian.",
    ),
]

PORTUGUESE = [
    P(
        "pt-mil-milhoes-decimal-comma",
        "A empresa lucrou 1,57 mil milhões de euros (1,7 mil milhões de dólares) no trimestre.",
        "1.57e9 EUR 1.7e9 USD",
    ),
    P(
        "pt-br-r$-bilhoes",
        "O acordo vale R$ 20 bilhões (US$ 3,8 bilhões), segundo o governo.",
        "20e9 BRL 3.8e9 USD",
    ),
    P(
        "pt-comma-mais-de",
        "O governo encaixou mais de 3 mil milhões de reais, mais de 700 milhões euros.",
        "3e9 BRL 700e6 EUR",
    ),
    P(
        "pt-word-number-cem",
        "Os países ricos prometeram cem mil milhões de dólares (92,5 mil milhões de euros).",
        "100e9 USD 92.5e9 EUR",
    ),
    P(
        "pt-ienes",
        "A perda foi estimada em 680 bilhões de ienes (6 bilhões de dólares).",
        "680e9 JPY 6e9 USD",
    ),
    N(
        "pt-quote-is-no-conversion",
        "O dólar fechou com alta de 0,72%, para R$ 5,717, depois de ficar em R$ 5,69.",
    ),
]

FRENCH = [
    P(
        "fr-milliards-d-euros",
        "Le groupe a levé 3,5 milliards d'euros (3,8 milliards de dollars) auprès d'investisseurs.",
        "3.5e9 EUR 3.8e9 USD",
    ),
    P(
        "fr-space-thousands-dollar-after-soit",
        "Le contrat est évalué à 94 000 $, soit environ 63 000 euros.",
        "94000 USD 63000 EUR",
    ),
    P(
        "fr-fcfa-millions-dollar-sign-after",
        "Le pays recevra 19,65 milliards FCFA (36 millions $) pour des projets.",
        "19.65e9 XOF 36e6 USD",
    ),
    P(
        "fr-environ-roubles",
        "Le salaire moyen atteindra 45.000 roubles (environ 1.200 euros) en 2012.",
        "45000 RUB 1200 EUR",
    ),
    P(
        "fr-yens",
        "Nissan a annoncé un bénéfice de 30 milliards de yens (249 millions d'euros).",
        "30e9 JPY 249e6 EUR",
    ),
    M(
        "fr-scaled-euro-symbol",
        "La trésorerie s'établit à 7 682 M€ à fin juin, contre 9 529 M€ auparavant.",
        "7682e6 EUR",
        "9529e6 EUR",
    ),
    N(
        "fr-parts-of-a-total",
        "Près de 5 milliards d’€ au total, entre le prix (2,93 milliards €) et les "
        "investissements (2,05 milliards €).",
    ),
]

ITALIAN = [
    P(
        "it-miliardi-di-euro",
        "Il gruppo ha investito 2,3 miliardi di euro (circa 2,5 miliardi di dollari) nel 2023.",
        "2.3e9 EUR 2.5e9 USD",
    ),
    P(
        "it-guillemet-before-bracket",
        "L'esborso sale a «circa 150 milioni di franchi svizzeri» (circa 136 milioni di euro).",
        "150e6 CHF 136e6 EUR",
    ),
    P(
        "it-comma-circa-rate-words",
        "Toyota chiude con utili a 1.823 miliardi di yen, circa 13,6 miliardi di euro ai tassi "
        "di cambio usati.",
        "1.823e12 JPY 13.6e9 EUR",
    ),
    P(
        "it-home-currency-guess",
        "L'utile per azione è di 0,20 (US$0,24) nel trimestre.",
        "0.20 EUR 0.24 USD",
    ),
    M("it-dollar-miliardi-trap", "Il fondo vale $ 3 miliardi secondo gli analisti.", "3e9 USD"),
    N(
        "it-dividend-negative",
        "Eni propone un dividendo di 0,80 euro per azione, di cui 0,40 euro già pagati.",
    ),
]


@pytest.mark.parametrize("text, want, options", SPANISH)
def test_spanish(text, want, options):
    check_pairs(text, want, options)


@pytest.mark.parametrize("text, want, options", PORTUGUESE)
def test_portuguese(text, want, options):
    check_pairs(text, want, options)


@pytest.mark.parametrize(
    "text, want, options", [c for c in FRENCH if c.id != "fr-scaled-euro-symbol"]
)
def test_french(text, want, options):
    check_pairs(text, want, options)


@pytest.mark.parametrize(
    "text, want, options", [c for c in FRENCH + ITALIAN if c.id.endswith(("-symbol", "-trap"))]
)
def test_french_italian_mentions(text, want, options):
    check_mentions(text, want, options)


@pytest.mark.parametrize("text, want, options", [c for c in ITALIAN if not c.id.endswith("-trap")])
def test_italian(text, want, options):
    check_pairs(text, want, options)
