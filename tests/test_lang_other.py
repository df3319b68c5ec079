"""Russian, Ukrainian, Polish, Czech, Turkish, Indonesian, Vietnamese and Hindi copy, and the
code-prefixed dollars of English copy; one example table per language."""

from __future__ import annotations

import pytest
from langcases import M, N, P, R, check_mentions, check_pairs, check_rates

RUSSIAN = [
    P(
        "ru-mlrd-mln",
        "Компания выплатит 5 млрд рублей (около 55 млн долларов) в этом году.",
        "5e9 RUB 55e6 USD",
    ),
    P(
        "ru-trln-dotted",
        "Речь идет о 9,8 трлн. иен (около 760,4 млрд. юаней) по данным газеты.",
        "9.8e12 JPY 760.4e9 CNY",
    ),
]
UKRAINIAN = [
    P(
        "uk-hryvnias",
        "Компанія отримала 2 млрд гривень (близько 50 млн доларів) від банку.",
        "2e9 UAH 50e6 USD",
    ),
]
POLISH = [
    P(
        "pl-mln-zl",
        "Spółka zapłaci 5 mln zł (ok. 1,2 mln euro) kary, podał urząd.",
        "5e6 PLN 1.2e6 EUR",
    ),
    P(
        "pl-czyli-prawie",
        "Mowa o kwocie około 43,7 miliarda euro, czyli prawie 200 miliardów złotych.",
        "43.7e9 EUR 200e9 PLN",
    ),
    N("pl-list-negative", "Kary: 2 mld zł na papierze, 450 mln zł na koncie – tak wygląda bilans."),
]
CZECH = [
    P(
        "cs-milionu-kc",
        "Firma získala 500 milionů Kč (asi 20 milionů eur) od investorů.",
        "500e6 CZK 20e6 EUR",
    ),
    N(
        "cs-difference-negative",
        "Rozpočet má dosáhnout 138 miliard eur, což je o devět miliard eur více.",
    ),
]
TURKISH = [
    P(
        "tr-milyar-lira",
        "Şirket 5 milyar lira (yaklaşık 160 milyon dolar) yatırım yapacak.",
        "5e9 TRY 160e6 USD",
    ),
    P(
        "tr-ruble",
        "Rusya, Google'a 16 milyar ruble (206 milyon dolar) tutarında ceza kesti.",
        "16e9 RUB 206e6 USD",
    ),
    M("tr-chained-scales", "Gelirler 1 trilyon 421,2 milyar lira oldu.", "1.4212e12 TRY"),
]
INDONESIAN = [
    P(
        "id-triliun-sekitar",
        "Investasi senilai Rp 15 triliun (sekitar US$ 1 miliar) dikucurkan.",
        "15e12 IDR 1e9 USD",
    ),
    P(
        "id-atau-setara",
        "Nilainya US$ 14,35 miliar atau setara Rp 215 triliun tahun ini.",
        "14.35e9 USD 215e12 IDR",
    ),
    P(
        "id-juta-dolar",
        "Negara berikutnya mencatat 900 juta dolar (Rp 14 triliun) investasi.",
        "900e6 USD 14e12 IDR",
    ),
    N(
        "id-share-negative",
        "Realisasi mencapai Rp 1.053,1 triliun, yang setara dengan 75,2% dari "
        "target Rp 1.400 triliun.",
    ),
]
VIETNAMESE = [
    P(
        "vi-ty-dong",
        "Dự án có vốn 50.000 tỷ đồng (khoảng 2 tỷ USD) theo kế hoạch.",
        "50e12 VND 2e9 USD",
    ),
    P(
        "vi-trieu-ty",
        "Tổng vốn đầu tư hơn 2 triệu tỷ đồng (khoảng 85 tỷ USD, tỷ giá năm 2025).",
        "2e15 VND 85e9 USD",
    ),
]
HINDI = [
    P(
        "hi-crore-rupees",
        "कंपनी ने 500 करोड़ रुपये (लगभग 60 मिलियन डॉलर) का निवेश किया।",
        "5e9 INR 60e6 USD",
    ),
    M("hi-dollar-million-trap", "कंपनी ने $ 60 मिलियन का निवेश किया।", "60e6 USD"),
]
ENGLISH_DOLLARS = [
    P(
        "en-cad$",
        "The deal is worth CAD$ 2 billion (US$1.5 billion), the company said.",
        "2e9 CAD 1.5e9 USD",
    ),
    P(
        "en-nzd-space-$",
        "The deal is worth NZD $ 500 million (US$300 million) in total.",
        "500e6 NZD 300e6 USD",
    ),
    P(
        "en-sgd$",
        "The firm paid SGD$ 40 million (US$30 million) for the site.",
        "40e6 SGD 30e6 USD",
    ),
    P(
        "en-mxn$",
        "The grant is MXN$ 200 million (US$11 million), officials said.",
        "200e6 MXN 11e6 USD",
    ),
    P("en-c$", "The fund holds C$ 5 billion (US$3.7 billion) in assets.", "5e9 CAD 3.7e9 USD"),
    P(
        "en-us-space-$",
        "The bank lent US $ 2 billion (1.8 billion euros) to the state.",
        "2e9 USD 1.8e9 EUR",
    ),
    P(
        "en-canadian-after-figure",
        "The project costs $5 million Canadian (US$3.7 million).",
        "5e6 CAD 3.7e6 USD",
    ),
    P(
        "en-r$",
        "Petrobras will pay R$ 20 billion ($3.8 billion) for the field.",
        "20e9 BRL 3.8e9 USD",
    ),
    P("en-10k$-glued", "The prize is 10k$ (about 9,200 euros) this year.", "10e3 USD 9200 EUR"),
]
ENGLISH_RATES = [
    R("en-naira-to-the-dollar", "The budget assumes N305 to $1 for the year.", "1 USD = 305 NGN"),
    R(
        "id-kurs-ribu-per-dolar",
        "Nilainya US$ 14,35 miliar dengan asumsi kurs Rp 15 ribu per dolar AS.",
        "1 USD = 15000 IDR",
    ),
    R(
        "pt-dolar-equals-reais",
        "Petrobras pagará 10 mil milhões de reais (1 dólar = 5,20 reais).",
        "1 USD = 5.20 BRL",
    ),
    R(
        "es-dolar-equals-reales",
        "La compra costó 2.800 millones de reales (1 dólar = 5,3761 reales).",
        "1 USD = 5.3761 BRL",
    ),
]


@pytest.mark.parametrize("text, want, options", RUSSIAN + UKRAINIAN)
def test_russian_ukrainian(text, want, options):
    check_pairs(text, want, options)


@pytest.mark.parametrize("text, want, options", POLISH + CZECH)
def test_polish_czech(text, want, options):
    check_pairs(text, want, options)


@pytest.mark.parametrize("text, want, options", [c for c in TURKISH if c.id != "tr-chained-scales"])
def test_turkish(text, want, options):
    check_pairs(text, want, options)


@pytest.mark.parametrize("text, want, options", INDONESIAN + VIETNAMESE)
def test_indonesian_vietnamese(text, want, options):
    check_pairs(text, want, options)


@pytest.mark.parametrize("text, want, options", [c for c in HINDI if c.id.startswith("hi-crore")])
def test_hindi(text, want, options):
    check_pairs(text, want, options)


@pytest.mark.parametrize(
    "text, want, options",
    [c for c in TURKISH + HINDI if c.id in ("tr-chained-scales", "hi-dollar-million-trap")],
)
def test_mentions(text, want, options):
    check_mentions(text, want, options)


@pytest.mark.parametrize("text, want, options", ENGLISH_DOLLARS)
def test_code_prefixed_dollars(text, want, options):
    check_pairs(text, want, options)


@pytest.mark.parametrize("text, want, options", ENGLISH_RATES)
def test_stated_rates(text, want, options):
    check_rates(text, want, options)
