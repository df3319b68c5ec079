"""Newsroom styles: conversion pairs as Reuters, Bloomberg, AP, AFP, Nikkei, Yonhap, the Indian,
Pakistani, Gulf, British, Nordic, African and Asian press print them, and look-alikes that are
not conversions.

Each positive lists every pair the sentence states as ``"AMOUNT CUR CONVERTED CUR"`` (base units;
a range on either side counts as two pairs, low ends then high ends, as tools/score_corpus.py
scores it) and the extraction must find exactly those. Each negative must give no pair.
The converted amounts are plausible at the exchange rates of the era each sentence is set in.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from claims.extract import extract

D = Decimal


def _pairs(text: str) -> set[tuple]:
    out = set()
    for c in extract(text).conversions:
        o, v = c.original, c.converted
        out.add((o.value, o.unit, v.value, v.unit))
        if o.high is not None or v.high is not None:
            out.add((o.high or o.value, o.unit, v.high or v.value, v.unit))
    return out


def _want(spec: str) -> tuple:
    a, ca, b, cb = spec.split()
    return (D(a), ca, D(b), cb)


def P(id_: str, text: str, *pairs: str, xfail: str | None = None):
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, [_want(p) for p in pairs], id=id_, marks=marks)


def N(id_: str, text: str, xfail: str | None = None):
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, id=id_, marks=marks)


POSITIVES = [
    # ---------------------------------------------------------------- Korea (Yonhap, Korea Herald)
    P(
        "yonhap-trillion-won-us$",
        "The government will inject 26 trillion won (US$19.4 billion) into the chip industry "
        "through 2027, the finance ministry said Thursday.",
        "26e12 KRW 19.4e9 USD",
    ),
    P(
        "yonhap-billion-won-us$-decimals",
        "Samsung Electronics posted an operating profit of 10.44 trillion won (US$7.54 billion) "
        "for the April-June period, up 1,462 percent from a year earlier.",
        "10.44e12 KRW 7.54e9 USD",
    ),
    P(
        "herald-won-dollar-bare",
        "The ministry set aside 3.2 trillion won ($2.4 billion) for the program next year.",
        "3.2e12 KRW 2.4e9 USD",
    ),
    P(
        "yonhap-qualifier-before-original",
        "Exports of chips rose to about 11.7 trillion won (US$8.8 billion) last month.",
        "11.7e12 KRW 8.8e9 USD",
    ),
    P(
        "yonhap-won-million",
        "The company was fined 500 million won (US$374,000) by the Fair Trade Commission.",
        "500e6 KRW 374000 USD",
    ),
    P(
        "herald-won-or-about-us-dollars",
        "The budget calls for 677.4 trillion won, or about $519 billion, in spending next year.",
        "677.4e12 KRW 519e9 USD",
    ),
    P(
        "kbs-won-or-around-us-dollars",
        "The city will spend 1.2 trillion won, or around 900 million U.S. dollars, on the project.",
        "1.2e12 KRW 900e6 USD",
    ),
    P(
        "yonhap-won-range-both",
        "Analysts expect an operating profit of 7 trillion won to 8 trillion won "
        "(US$5.1 billion to $5.8 billion) for the quarter.",
        "7e12 KRW 5.1e9 USD",
        "8e12 KRW 5.8e9 USD",
    ),
    P(
        "yonhap-won-hyphen-range",
        "The fund will be worth 3-4 trillion won (US$2.2-2.9 billion), officials said.",
        "3e12 KRW 2.2e9 USD",
        "4e12 KRW 2.9e9 USD",
    ),
    P(
        "herald-won-comma-grouped-converted",
        "Each household will receive 250,000 won ($183) in vouchers.",
        "250000 KRW 183 USD",
    ),
    P(
        "yonhap-symbol-won",
        "Hyundai Motor raised its investment plan to ₩24 trillion ($17.8 billion) for 2025.",
        "24e12 KRW 17.8e9 USD",
    ),
    P(
        "yonhap-won-korean-won-name",
        "The deal is valued at 1.5 trillion Korean won ($1.1 billion).",
        "1.5e12 KRW 1.1e9 USD",
    ),
    # ---------------------------------------------------------------- Japan (Nikkei, Kyodo, Bloomberg)
    P(
        "bloomberg-trillion-yen",
        "The government will compile a 13.9 trillion yen ($92 billion) extra budget, "
        "people familiar said.",
        "13.9e12 JPY 92e9 USD",
    ),
    P(
        "nikkei-billion-yen-about",
        "Toyota will invest 500 billion yen (about $3.3 billion) in a battery plant in Fukuoka.",
        "500e9 JPY 3.3e9 USD",
    ),
    P(
        "nikkei-yen-symbol",
        "SoftBank booked a loss of ¥1.4 trillion ($9.6 billion) on its Vision Fund in 2022.",
        "1.4e12 JPY 9.6e9 USD",
    ),
    P(
        "kyodo-yen-million",
        "Each victim will receive 15 million yen ($100,000) in compensation.",
        "15e6 JPY 100000 USD",
    ),
    P(
        "bloomberg-yen-dollars-first",
        "Nippon Steel agreed to buy U.S. Steel for $14.1 billion (2.1 trillion yen) in cash.",
        "14.1e9 USD 2.1e12 JPY",
    ),
    P(
        "reuters-yen-bn-glued",
        "Nissan forecast an operating profit of ¥500bn ($3.4bn) for the year to March.",
        "500e9 JPY 3.4e9 USD",
    ),
    P(
        "reuters-yen-code-before",
        "The bank priced JPY 55.8 billion (USD 372 million) of samurai bonds.",
        "55.8e9 JPY 372e6 USD",
    ),
    P(
        "japan-times-yen-or-roughly",
        "The budget request totals 114.4 trillion yen, or roughly $780 billion.",
        "114.4e12 JPY 780e9 USD",
    ),
    # ---------------------------------------------------------------- China, Hong Kong, Taiwan
    P(
        "reuters-yuan-billion",
        "China will issue 1 trillion yuan ($138 billion) of ultra-long special treasury bonds "
        "this year.",
        "1e12 CNY 138e9 USD",
    ),
    P(
        "scmp-yuan-us$",
        "Xiaomi invested 10 billion yuan (US$1.4 billion) in its electric vehicle unit.",
        "10e9 CNY 1.4e9 USD",
    ),
    P(
        "bloomberg-renminbi",
        "The developer owes 2.4 trillion renminbi ($330 billion) to creditors.",
        "2.4e12 CNY 330e9 USD",
    ),
    P(
        "caixin-rmb-code-before",
        "The company raised RMB 5 billion (US$690 million) in a private placement.",
        "5e9 CNY 690e6 USD",
    ),
    P(
        "reuters-cny-code",
        "The bank issued CNY 3 billion ($415 million) of panda bonds.",
        "3e9 CNY 415e6 USD",
    ),
    P(
        "scmp-hk$-us$",
        "The flat sold for HK$68 million (US$8.7 million), a record for the district.",
        "68e6 HKD 8.7e6 USD",
    ),
    P(
        "scmp-hk$-or-us$",
        "The government will hand out HK$5,000 in consumption vouchers, or about US$640, "
        "to each resident.",
        "5000 HKD 640 USD",
    ),
    P(
        "scmp-hong-kong-dollars",
        "The MTR will spend 12 billion Hong Kong dollars ($1.54 billion) on new trains.",
        "12e9 HKD 1.54e9 USD",
    ),
    P(
        "focus-taiwan-nt$",
        "TSMC plans to spend NT$900 billion (US$28 billion) on new fabs this year.",
        "900e9 TWD 28e9 USD",
    ),
    P(
        "taipei-times-nt$-about",
        "The Cabinet approved a NT$410 billion (about US$12.8 billion) special budget.",
        "410e9 TWD 12.8e9 USD",
    ),
    # ---------------------------------------------------------------- India (ToI, ET, Mint, PTI)
    P(
        "et-rs-crore-dollars",
        "Reliance will invest Rs 75,000 crore ($9 billion) in green energy over three years.",
        "75000e7 INR 9e9 USD",
    ),
    P(
        "mint-rs-dot-crore",
        "The startup raised Rs. 1,200 crore ($144 million) in its latest round.",
        "1200e7 INR 144e6 USD",
    ),
    P(
        "toi-rupee-symbol-crore",
        "The government approved ₹76,000 crore ($9.1 billion) for semiconductor incentives.",
        "76000e7 INR 9.1e9 USD",
    ),
    P(
        "pti-dollars-first-rs-crore",
        "The company raised $34 million (Rs 285 crore) from investors led by Sequoia.",
        "34e6 USD 285e7 INR",
    ),
    P(
        "et-dollars-first-about-rs",
        "Flipkart received $350 million (about Rs 2,900 crore) from Walmart.",
        "350e6 USD 2900e7 INR",
    ),
    P(
        "mint-lakh-crore",
        "The Centre has budgeted Rs 11.11 lakh crore ($134 billion) for capital expenditure.",
        "11.11e12 INR 134e9 USD",
    ),
    P(
        "toi-rs-lakh",
        "Each family will get Rs 5 lakh ($6,000) in health cover.",
        "5e5 INR 6000 USD",
    ),
    P(
        "reuters-rupees-billion",
        "Adani Ports posted a profit of 20.15 billion rupees ($242 million) for the quarter.",
        "20.15e9 INR 242e6 USD",
    ),
    P(
        "reuters-indian-rupees",
        "The bank raised 100 billion Indian rupees ($1.2 billion) through infrastructure bonds.",
        "100e9 INR 1.2e9 USD",
    ),
    P(
        "et-inr-code",
        "The fund has committed INR 2,500 crore ($300 million) to the sector.",
        "2500e7 INR 300e6 USD",
    ),
    P(
        "bs-rs-glued-hyphen-crore",
        "The firm won a Rs 1,200-crore ($144 million) order from the railways.",
        "1200e7 INR 144e6 USD",
    ),
    P(
        "pti-rs-crore-indian-grouping",
        "The project will cost Rs 1,23,456 crore ($14.8 billion).",
        "123456e7 INR 14.8e9 USD",
    ),
    P(
        "et-dollars-first-glued-rupee",
        "Infosys won a $1.5 billion (₹12,400 crore) deal from a European client.",
        "1.5e9 USD 12400e7 INR",
    ),
    P(
        "mint-rs-crore-or-about",
        "The company will spend Rs 4,000 crore, or about $480 million, on new capacity.",
        "4000e7 INR 480e6 USD",
    ),
    # ---------------------------------------------------------------- Pakistan, Bangladesh, Sri Lanka
    P(
        "dawn-rs-billion",
        "The government raised Rs 150 billion ($538 million) through sukuk auctions, "
        "the Pakistani finance ministry said.",
        "150e9 PKR 538e6 USD",
    ),
    P(
        "reuters-pakistani-rupees",
        "Pakistan's budget sets a tax target of 12.97 trillion Pakistani rupees ($46.6 billion).",
        "12.97e12 PKR 46.6e9 USD",
    ),
    P(
        "dawn-pkr-code",
        "The central bank injected PKR 1.2 trillion ($4.3 billion) through open market operations.",
        "1.2e12 PKR 4.3e9 USD",
    ),
    P(
        "daily-star-taka",
        "Bangladesh's budget totals 7.97 trillion taka ($67.9 billion) for fiscal 2025.",
        "7.97e12 BDT 67.9e9 USD",
    ),
    P(
        "reuters-sri-lankan-rupees",
        "Sri Lanka raised 50 billion Sri Lankan rupees ($165 million) at the auction.",
        "50e9 LKR 165e6 USD",
    ),
    # ---------------------------------------------------------------- Gulf
    P(
        "gulf-news-dh",
        "The developer launched a Dh2 billion ($545 million) residential project in Dubai.",
        "2e9 AED 545e6 USD",
    ),
    P(
        "gulf-news-aed",
        "Emaar reported a net profit of AED 6.1 billion ($1.66 billion) for the half year.",
        "6.1e9 AED 1.66e9 USD",
    ),
    P(
        "the-national-dirhams",
        "The authority will spend 30 billion dirhams ($8.2 billion) on roads.",
        "30e9 AED 8.2e9 USD",
    ),
    P(
        "arab-news-sr",
        "The ministry awarded contracts worth SR1.5 billion ($400 million).",
        "1.5e9 SAR 400e6 USD",
    ),
    P(
        "reuters-saudi-riyals",
        "Aramco paid 70 billion riyals ($18.7 billion) in dividends in the quarter.",
        "70e9 SAR 18.7e9 USD",
    ),
    P(
        "argaam-sar-code",
        "The bank's net income rose to SAR 4.8 billion ($1.28 billion).",
        "4.8e9 SAR 1.28e9 USD",
    ),
    P(
        "qatar-riyals",
        "The fund has 1.2 billion Qatari riyals ($330 million) under management.",
        "1.2e9 QAR 330e6 USD",
    ),
    # ---------------------------------------------------------------- Britain and the euro area
    P(
        "guardian-pound-bn",
        "The Treasury will borrow £1.2bn ($1.5bn) more than forecast.",
        "1.2e9 GBP 1.5e9 USD",
    ),
    P(
        "ft-pound-m-euro",
        "The club agreed a fee of £85m (€99m) for the striker.",
        "85e6 GBP 99e6 EUR",
    ),
    P(
        "ft-euro-m-dollar",
        "The group booked €300m ($325m) of impairments in the quarter.",
        "300e6 EUR 325e6 USD",
    ),
    P(
        "reuters-euros-dollars",
        "Siemens will invest 2 billion euros ($2.2 billion) in new factories.",
        "2e9 EUR 2.2e9 USD",
    ),
    P(
        "bloomberg-euro-symbol-billion",
        "The EU approved €5.4 billion ($5.8 billion) in state aid for hydrogen projects.",
        "5.4e9 EUR 5.8e9 USD",
    ),
    P(
        "reuters-pounds-or-dollars",
        "The company will cut costs by 400 million pounds, or $505 million, by 2026.",
        "400e6 GBP 505e6 USD",
    ),
    P("guardian-pound-k", "The charity received a £500k ($630,000) grant.", "500e3 GBP 630000 USD"),
    P(
        "reuters-euro-mn",
        "The bank was fined €2.5mn ($2.7mn) by the regulator.",
        "2.5e6 EUR 2.7e6 USD",
    ),
    P(
        "afp-euros-at-current-rates",
        "The budget shortfall reached 173 billion euros ($188 billion at current exchange rates).",
        "173e9 EUR 188e9 USD",
    ),
    P(
        "reuters-sterling",
        "The insurer raised 1 billion sterling ($1.27 billion) in a bond sale.",
        "1e9 GBP 1.27e9 USD",
    ),
    P(
        "ft-dollar-first-pounds",
        "The deal values the company at $12bn (£9.5bn) including debt.",
        "12e9 USD 9.5e9 GBP",
    ),
    P(
        "bbc-pounds-roughly",
        "The plan costs £2.6bn (roughly $3.3bn) a year.",
        "2.6e9 GBP 3.3e9 USD",
    ),
    P(
        "reuters-eur-code-after",
        "The loan totals 750 million EUR (815 million USD).",
        "750e6 EUR 815e6 USD",
    ),
    P(
        "reuters-usd-code-before",
        "The bond raised USD 5 million (EUR 4.6 million).",
        "5e6 USD 4.6e6 EUR",
    ),
    P(
        "ft-equivalent-to",
        "The fine of €1.2bn, equivalent to $1.3bn, is the largest ever imposed under GDPR.",
        "1.2e9 EUR 1.3e9 USD",
    ),
    P(
        "guardian-dash-about",
        "The club spent £1bn – about $1.27bn – on players in two years.",
        "1e9 GBP 1.27e9 USD",
    ),
    # ---------------------------------------------------------------- Switzerland
    P(
        "reuters-swiss-francs",
        "UBS will pay 1.2 billion Swiss francs ($1.4 billion) to settle the claims.",
        "1.2e9 CHF 1.4e9 USD",
    ),
    P(
        "bloomberg-chf-code",
        "Nestle will spend CHF 1.2 billion ($1.36 billion) on its coffee business.",
        "1.2e9 CHF 1.36e9 USD",
    ),
    P(
        "ft-sfr",
        "Roche agreed to buy the biotech for SFr2.7bn ($3bn) in cash.",
        "2.7e9 CHF 3e9 USD",
    ),
    P(
        "swissinfo-francs-or",
        "The new army jets will cost 6 billion francs, or about $6.6 billion.",
        "6e9 CHF 6.6e9 USD",
    ),
    # ---------------------------------------------------------------- Nordics
    P(
        "reuters-norwegian-crowns-dollar-first",
        "Equinor will invest US$21 billion (188 billion Norwegian crowns) in the field.",
        "21e9 USD 188e9 NOK",
    ),
    P(
        "bloomberg-nok-code",
        "The wealth fund lost NOK 5 billion ($470 million) on the trade, Oslo-based NBIM said.",
        "5e9 NOK 470e6 USD",
    ),
    P(
        "reuters-swedish-crowns",
        "Volvo Cars posted an operating profit of 5.2 billion Swedish crowns ($495 million).",
        "5.2e9 SEK 495e6 USD",
    ),
    P(
        "ft-skr",
        "Ericsson took a SKr11.5bn ($1.1bn) writedown on its Vonage unit.",
        "11.5e9 SEK 1.1e9 USD",
    ),
    P(
        "ft-dkr",
        "Novo Nordisk will invest DKr42bn ($6bn) in new Danish plants.",
        "42e9 DKK 6e9 USD",
    ),
    P("ft-nkr", "The Norwegian group reported a loss of NKr3.2bn ($300m).", "3.2e9 NOK 300e6 USD"),
    P(
        "bloomberg-sek-code",
        "The Swedish bank raised SEK 10 billion ($950 million) in a share sale.",
        "10e9 SEK 950e6 USD",
    ),
    P(
        "bloomberg-dkk-code",
        "Maersk cut its outlook by DKK 7 billion ($1 billion).",
        "7e9 DKK 1e9 USD",
    ),
    P(
        "reuters-kronor",
        "The Riksbank lost 81 billion kronor ($7.7 billion) in 2023.",
        "81e9 SEK 7.7e9 USD",
    ),
    P(
        "reuters-danish-kroner",
        "Orsted wrote down 28.4 billion Danish kroner ($4.1 billion) on U.S. projects.",
        "28.4e9 DKK 4.1e9 USD",
    ),
    # ---------------------------------------------------------------- Central and eastern Europe
    P(
        "reuters-zlotys",
        "Poland will spend 118 billion zlotys ($29.5 billion) on defence next year.",
        "118e9 PLN 29.5e9 USD",
    ),
    P(
        "reuters-czech-crowns",
        "CEZ will pay a windfall tax of 30 billion Czech crowns ($1.3 billion).",
        "30e9 CZK 1.3e9 USD",
    ),
    P(
        "reuters-forints",
        "Hungary's budget deficit reached 2.5 trillion forints ($6.9 billion).",
        "2.5e12 HUF 6.9e9 USD",
    ),
    P(
        "bloomberg-huf-code",
        "The bank sold HUF 300 billion ($830 million) of bonds.",
        "300e9 HUF 830e6 USD",
    ),
    P(
        "reuters-lira",
        "Turkey raised the minimum wage to 17,002 lira ($530) a month.",
        "17002 TRY 530 USD",
    ),
    P(
        "daily-sabah-tl",
        "The lender reported a net profit of TL 25 billion ($775 million).",
        "25e9 TRY 775e6 USD",
    ),
    P(
        "reuters-roubles",
        "Russia's budget deficit widened to 3.4 trillion roubles ($37 billion).",
        "3.4e12 RUB 37e9 USD",
    ),
    P(
        "moscow-times-rubles",
        "The company was fined 2.5 billion rubles ($27 million) by the court.",
        "2.5e9 RUB 27e6 USD",
    ),
    P(
        "reuters-lei",
        "Romania's deficit target is 7.2 billion lei ($1.6 billion) higher than planned.",
        "7.2e9 RON 1.6e9 USD",
    ),
    # ---------------------------------------------------------------- Africa
    P(
        "reuters-rand",
        "Eskom will receive 254 billion rand ($13.7 billion) in debt relief.",
        "254e9 ZAR 13.7e9 USD",
    ),
    P(
        "business-day-r-prefix",
        "The Treasury allocated R5 billion ($270 million) to the fund.",
        "5e9 ZAR 270e6 USD",
    ),
    P(
        "reuters-naira",
        "Nigeria's 2024 budget totals 27.5 trillion naira ($30.8 billion).",
        "27.5e12 NGN 30.8e9 USD",
    ),
    P(
        "punch-n-prefix",
        "The state approved N1.2 trillion ($800 million) for infrastructure.",
        "1.2e12 NGN 800e6 USD",
    ),
    P(
        "premium-times-naira-symbol",
        "The central bank sold ₦2 trillion ($1.3 billion) of treasury bills.",
        "2e12 NGN 1.3e9 USD",
    ),
    P(
        "reuters-egyptian-pounds",
        "Egypt's budget allocates 1.83 trillion Egyptian pounds ($38 billion) to interest.",
        "1.83e12 EGP 38e9 USD",
    ),
    P(
        "ahram-egp-code",
        "The bank raised EGP 30 billion ($625 million) in deposits.",
        "30e9 EGP 625e6 USD",
    ),
    P(
        "ahram-e-pound-symbol",
        "The project cost E£1.5 billion ($31 million).",
        "1.5e9 EGP 31e6 USD",
    ),
    P(
        "reuters-kenyan-shillings",
        "Kenya plans to borrow 600 billion shillings ($4.6 billion) domestically, "
        "the Nairobi Treasury said.",
        "600e9 KES 4.6e9 USD",
    ),
    P(
        "nation-ksh",
        "The county lost KSh2.3 billion ($17.8 million) to graft, auditors said.",
        "2.3e9 KES 17.8e6 USD",
    ),
    # ---------------------------------------------------------------- Americas
    P(
        "reuters-reais",
        "Petrobras will pay 15 billion reais ($2.9 billion) in dividends.",
        "15e9 BRL 2.9e9 USD",
    ),
    P(
        "bloomberg-r$",
        "The bank earned R$9.4 billion ($1.9 billion) in the quarter.",
        "9.4e9 BRL 1.9e9 USD",
    ),
    P(
        "reuters-mexican-pesos",
        "Pemex will receive 145 billion Mexican pesos ($8.5 billion) in support.",
        "145e9 MXN 8.5e9 USD",
    ),
    P(
        "bloomberg-mxn-code",
        "The lender sold MXN 10 billion ($580 million) of notes.",
        "10e9 MXN 580e6 USD",
    ),
    P(
        "reuters-argentine-pesos",
        "The government printed 1 trillion Argentine pesos ($1.2 billion) in a week.",
        "1e12 ARS 1.2e9 USD",
    ),
    P("globe-c$", "Ottawa pledged C$15 billion ($11 billion) for housing.", "15e9 CAD 11e9 USD"),
    P(
        "reuters-canadian-dollars",
        "The pension fund invested 2 billion Canadian dollars ($1.5 billion) in the deal.",
        "2e9 CAD 1.5e9 USD",
    ),
    # ---------------------------------------------------------------- Southeast Asia
    P(
        "straits-times-s$",
        "The Government will set aside S$5 billion (US$3.7 billion) for the fund.",
        "5e9 SGD 3.7e9 USD",
    ),
    P(
        "straits-times-s$-about",
        "Households will get S$600 (about US$445) in CDC vouchers.",
        "600 SGD 445 USD",
    ),
    P(
        "reuters-rupiah",
        "Indonesia will spend 71 trillion rupiah ($4.6 billion) on free school meals.",
        "71e12 IDR 4.6e9 USD",
    ),
    P(
        "jakarta-post-rp",
        "The ministry allocated Rp 5 trillion (US$320 million) for the new capital.",
        "5e12 IDR 320e6 USD",
    ),
    P(
        "bloomberg-idr-code",
        "The company sold IDR 2 trillion ($128 million) of bonds.",
        "2e12 IDR 128e6 USD",
    ),
    P(
        "bangkok-post-baht",
        "The cabinet approved 500 billion baht ($14 billion) for the digital wallet scheme.",
        "500e9 THB 14e9 USD",
    ),
    P(
        "inquirer-p-prefix",
        "The department will spend P5 billion ($89 million) on classrooms, Manila officials said.",
        "5e9 PHP 89e6 USD",
    ),
    P(
        "reuters-philippine-pesos",
        "San Miguel raised 30 billion Philippine pesos ($536 million) in bonds.",
        "30e9 PHP 536e6 USD",
    ),
    P(
        "bworld-php-code",
        "The bank's net income hit PHP 12.4 billion ($220 million).",
        "12.4e9 PHP 220e6 USD",
    ),
    P(
        "rappler-peso-symbol",
        "The agency received ₱1.2 billion ($21 million) for the program.",
        "1.2e9 PHP 21e6 USD",
    ),
    P(
        "vnexpress-dong",
        "Vingroup lost 10 trillion dong ($400 million) on its EV business.",
        "10e12 VND 400e6 USD",
    ),
    P(
        "reuters-vnd-code",
        "The bank plans to issue VND 5 trillion ($200 million) of bonds.",
        "5e12 VND 200e6 USD",
    ),
    P(
        "the-star-rm",
        "The government allocated RM5 billion (US$1.1 billion) for flood mitigation.",
        "5e9 MYR 1.1e9 USD",
    ),
    P(
        "reuters-ringgit",
        "Petronas will pay 32 billion ringgit ($6.8 billion) in dividends.",
        "32e9 MYR 6.8e9 USD",
    ),
    # ---------------------------------------------------------------- Israel, Oceania
    P(
        "times-of-israel-nis",
        "The cabinet approved NIS 2.5 billion ($675 million) in aid for the north.",
        "2.5e9 ILS 675e6 USD",
    ),
    P(
        "haaretz-shekel-symbol",
        "The Bank of Israel fined the lender ₪30 million ($8 million).",
        "30e6 ILS 8e6 USD",
    ),
    P(
        "reuters-shekels",
        "Israel's deficit hit 155 billion shekels ($42 billion).",
        "155e9 ILS 42e9 USD",
    ),
    P(
        "afr-a$",
        "BHP will spend A$4.9 billion (US$3.2 billion) on the mine.",
        "4.9e9 AUD 3.2e9 USD",
    ),
    P(
        "reuters-australian-dollars",
        "Canberra pledged 22.7 billion Australian dollars ($15 billion) for clean energy.",
        "22.7e9 AUD 15e9 USD",
    ),
    P(
        "nzherald-nz$",
        "Fonterra will return NZ$1.1 billion (US$660 million) to shareholders.",
        "1.1e9 NZD 660e6 USD",
    ),
    # ---------------------------------------------------------------- number and layout forms
    P(
        "glued-us$-billion",
        "The EU fined the company €13 billion (US$14.3billion) in back taxes.",
        "13e9 EUR 14.3e9 USD",
    ),
    P(
        "hyphen-billion-both-sides",
        "Ottawa unveiled a C$3.5-billion (US$2.6-billion) aid package for farmers.",
        "3.5e9 CAD 2.6e9 USD",
    ),
    P("bn-dollar-converted", "The takeover is worth €1.1bn ($1.2bn).", "1.1e9 EUR 1.2e9 USD"),
    P(
        "mln-dollar-converted",
        "The fund raised 400 mln yuan ($55 mln) for the project.",
        "400e6 CNY 55e6 USD",
    ),
    P(
        "five-million-usd-after",
        "The grant of 5 million USD (4.6 million EUR) was approved.",
        "5e6 USD 4.6e6 EUR",
    ),
    P(
        "or-y-comma",
        "The group will pay 3.5 billion euros, or $3.8 billion, to settle the case.",
        "3.5e9 EUR 3.8e9 USD",
    ),
    P(
        "equivalent-to-comma",
        "The central bank sold 20 billion yuan, equivalent to $2.8 billion, of bills in Hong Kong.",
        "20e9 CNY 2.8e9 USD",
    ),
    P(
        "qualifier-before-converted-nearly",
        "The state will spend 1.5 trillion won (nearly $1.1 billion) on the subsidy.",
        "1.5e12 KRW 1.1e9 USD",
    ),
    P(
        "qualifier-more-than-original",
        "More than 2 trillion yen ($13.3 billion) flowed out of Japanese equity funds.",
        "2e12 JPY 13.3e9 USD",
    ),
    P(
        "range-dollar-first-between",
        "The deal could fetch between $1 billion and $1.5 billion (£790m to £1.2bn).",
        "1e9 USD 790e6 GBP",
        "1.5e9 USD 1.2e9 GBP",
    ),
    P(
        "stated-rate-end",
        "The ministry will spend 2.3 trillion won ($1.7 billion) on the fund. "
        "($1 = 1,353.2000 won)",
        "2.3e12 KRW 1.7e9 USD",
    ),
    P(
        "about-inside-converted-currency-name",
        "Ukraine received 1.5 billion euros (about 1.6 billion dollars) from the EU.",
        "1.5e9 EUR 1.6e9 USD",
    ),
    P(
        "us-dollar-name-converted",
        "The city collected 80 billion yen (537 million U.S. dollars) in taxes.",
        "80e9 JPY 537e6 USD",
    ),
    P(
        "us$-million-decimal",
        "The startup raised 10 million euros (US$10.8 million) in seed funding.",
        "10e6 EUR 10.8e6 USD",
    ),
    P(
        "decimal-converted-small",
        "A cup of coffee costs 4,500 won ($3.30) in Seoul.",
        "4500 KRW 3.30 USD",
    ),
    P(
        "nbsp-thin-space-grouping",
        "The fine was 1\u00a0500 000 euros ($1.6 million).",
        "1500000 EUR 1.6e6 USD",
    ),
    P(
        "words-three-billion-yuan",
        "The fund will be three billion yuan ($415 million).",
        "3e9 CNY 415e6 USD",
    ),
    P(
        "words-half-a-billion",
        "The company spent half a billion dollars (€460 million) on the plant.",
        "500e6 USD 460e6 EUR",
    ),
    P(
        "two-conversions-semicolon",
        "The fund holds £2bn ($2.5bn; €2.3bn) in assets.",
        "2e9 GBP 2.5e9 USD",
        "2e9 GBP 2.3e9 EUR",
    ),
    P(
        "x-y-or-roughly-z",
        "The total came to 1.4 trillion yen ($9.3 billion), or roughly 1.3% of GDP.",
        "1.4e12 JPY 9.3e9 USD",
    ),
    P(
        "x-y-or-roughly-z-money",
        "The package totals 1.4 trillion yen ($9.3 billion), or roughly 8.6 billion euros.",
        "1.4e12 JPY 9.3e9 USD",
        "1.4e12 JPY 8.6e9 EUR",
    ),
    P(
        "x-comma-or-about-y-comma",
        "Tokyo will spend 2 trillion yen, or about $13 billion, on chips.",
        "2e12 JPY 13e9 USD",
    ),
    P(
        "afp-some-before-original",
        "Some 4.6 billion euros ($5 billion) was pledged at the conference.",
        "4.6e9 EUR 5e9 USD",
    ),
    P(
        "ap-dollar-first-about-euros",
        "The bill includes $61 billion (about 56 billion euros) for Ukraine.",
        "61e9 USD 56e9 EUR",
    ),
    P(
        "ap-worth",
        "The deal is worth 7.5 billion euros ($8.1 billion), the companies said.",
        "7.5e9 EUR 8.1e9 USD",
    ),
    P(
        "reuters-yuan-rmb-after",
        "The company raised 2 billion RMB ($276 million) in its IPO.",
        "2e9 CNY 276e6 USD",
    ),
    P(
        "bloomberg-ps-pesos",
        "Cemex sold Ps 12 billion ($700 million) of notes, Mexico City filings show.",
        "12e9 MXN 700e6 USD",
    ),
    P(
        "ft-rbn-rand-glued",
        "Naspers reported trading profit of R12.4bn ($680m).",
        "12.4e9 ZAR 680e6 USD",
    ),
    P(
        "et-rs-crore-qualifier-after",
        "The company has sold 1.5 million tonnes worth $250 million (Rs 2,075 crore approximately).",
        "250e6 USD 2075e7 INR",
    ),
    P(
        "reuters-sek-kronor-dollar-first",
        "The deal is worth $2.3 billion (24 billion Swedish kronor).",
        "2.3e9 USD 24e9 SEK",
    ),
    P(
        "mint-rs-crore-us$-million",
        "Zomato posted revenue of ₹3,562 crore (US$427 million) for the quarter.",
        "3562e7 INR 427e6 USD",
    ),
    P(
        "dawn-rs-pakistan-cue",
        "Karachi Electric was fined Rs 200 million ($718,000) by the regulator.",
        "200e6 PKR 718000 USD",
    ),
    P(
        "gulf-dhs-symbol",
        "Tickets start at Dhs 350 ($95) for the Abu Dhabi concert.",
        "350 AED 95 USD",
    ),
    P(
        "cnbc-us$-to-yuan-both-ranges",
        "The IPO could raise HK$10 billion to HK$12 billion (US$1.28 billion to US$1.54 billion).",
        "10e9 HKD 1.28e9 USD",
        "12e9 HKD 1.54e9 USD",
    ),
    # ---------------------------------------------------------------- more prefixes and forms
    P(
        "afr-$us-converted",
        "BHP will spend A$1.2 billion ($US800 million) on the mine.",
        "1.2e9 AUD 800e6 USD",
    ),
    P(
        "afr-$us-first",
        "The company raised $US3.2 billion (A$4.9 billion) from investors.",
        "3.2e9 USD 4.9e9 AUD",
    ),
    P(
        "bs-rs-dot-glued",
        "The firm won a Rs.1,200 crore ($144 million) order.",
        "1200e7 INR 144e6 USD",
    ),
    P(
        "daily-star-tk-crore",
        "Bangladesh will spend Tk 5,000 crore ($455 million) on power.",
        "5000e7 BDT 455e6 USD",
    ),
    P(
        "toi-rupee-lakh-crore",
        "The budget allocates ₹1.5 lakh crore ($18 billion) for roads.",
        "1.5e12 INR 18e9 USD",
    ),
    P(
        "nation-bt",
        "The Nation said the ministry approved Bt5 billion ($140 million).",
        "5e9 THB 140e6 USD",
    ),
    P(
        "philstar-php",
        "The agency received Php5 billion ($89 million) in Manila.",
        "5e9 PHP 89e6 USD",
    ),
    P("the-star-rm-bil", "Petronas posted RM5.2bil (US$1.1bil) in profit.", "5.2e9 MYR 1.1e9 USD"),
    P("the-star-rm-mil", "The state spent RM500mil (US$106mil) on roads.", "500e6 MYR 106e6 USD"),
    P(
        "ahram-le",
        "The ministry raised LE30 billion ($625 million) in Cairo.",
        "30e9 EGP 625e6 USD",
    ),
    P(
        "kuwait-times-kd",
        "Kuwait Finance House posted a profit of KD 250 million ($815 million).",
        "250e6 KWD 815e6 USD",
    ),
    P("gdn-bd", "The bank earned BD 120 million ($318 million) in Bahrain.", "120e6 BHD 318e6 USD"),
    P(
        "times-of-oman-ro",
        "The Omani fund holds RO 1.2 billion ($3.1 billion).",
        "1.2e9 OMR 3.1e9 USD",
    ),
    P("ft-rbs", "Sberbank earned Rbs1.2tn ($13bn) last year.", "1.2e12 RUB 13e9 USD"),
    P("ft-zl", "Orlen will spend Zl5bn ($1.25bn) on refining.", "5e9 PLN 1.25e9 USD"),
    P("ft-ft", "MOL spent Ft300bn ($830m) on upgrades.", "300e9 HUF 830e6 USD"),
    P("ft-kc", "CEZ paid Kc30bn ($1.3bn) in tax.", "30e9 CZK 1.3e9 USD"),
    P("ft-won-prefix", "Samsung spent Won2tn ($1.5bn) on chips.", "2e12 KRW 1.5e9 USD"),
    P("ft-sfr-lower", "Nestle paid Sfr1.2bn ($1.4bn) for the unit.", "1.2e9 CHF 1.4e9 USD"),
    P(
        "pti-crore-rupees",
        "The ministry spent 5 crore rupees ($600,000) on the statue.",
        "5e7 INR 600000 USD",
    ),
    P(
        "glued-codes-before",
        "The fund returned USD9.5 billion (EUR8.8 billion).",
        "9.5e9 USD 8.8e9 EUR",
    ),
    P("codes-after-bn", "The company sold 9.5bn USD (8.8bn EUR) of bonds.", "9.5e9 USD 8.8e9 EUR"),
    P(
        "reuters-singapore-dollars",
        "Temasek invested 2 billion Singapore dollars ($1.48 billion) in the deal.",
        "2e9 SGD 1.48e9 USD",
    ),
    P(
        "reuters-new-taiwan-dollars",
        "TSMC will spend 1.2 trillion New Taiwan dollars ($37 billion).",
        "1.2e12 TWD 37e9 USD",
    ),
    P(
        "pesos-mexico-cue",
        "The bank sold 12 billion pesos ($700 million) of notes in Mexico.",
        "12e9 MXN 700e6 USD",
    ),
    P("r$-space", "The lender raised R$ 5 billion ($1 billion) in Sao Paulo.", "5e9 BRL 1e9 USD"),
    P(
        "turkish-lira-name",
        "Turkey's budget shows 25 billion Turkish lira ($775 million) in new spending.",
        "25e9 TRY 775e6 USD",
    ),
    P("lira-symbol", "The lender earned ₺25 billion ($775 million).", "25e9 TRY 775e6 USD"),
    P(
        "businessday-n-trn",
        "BusinessDay said the government spent N1.2trn ($800m) on subsidies.",
        "1.2e12 NGN 800e6 USD",
    ),
    P(
        "ghana-cedi-symbol",
        "Ghana raised GH¢1.2 billion ($100 million) in T-bills.",
        "1.2e9 GHS 100e6 USD",
    ),
    P(
        "approx-dot",
        "The fund raised 500 million euros (approx. $540 million).",
        "500e6 EUR 540e6 USD",
    ),
    P("c-dot", "The deal is worth €500m (c.$540m).", "500e6 EUR 540e6 USD"),
    P("tilde", "The deal is worth €500m (~$540m).", "500e6 EUR 540e6 USD"),
    P(
        "today-exchange-rate",
        "The charge was 5 billion euros (around $5.4 billion at today's exchange rate).",
        "5e9 EUR 5.4e9 USD",
    ),
    P(
        "two-pairs-respectively",
        "The plants cost $1 billion (Rs 8,300 crore) and $2 billion (Rs 16,600 crore) respectively.",
        "1e9 USD 8300e7 INR",
        "2e9 USD 16600e7 INR",
    ),
    P(
        "compared-with-two-pairs",
        "Net profit was 1.2 trillion won ($900 million), compared with 800 billion won "
        "($600 million) a year earlier.",
        "1.2e12 KRW 900e6 USD",
        "800e9 KRW 600e6 USD",
    ),
    P("attributive-won", "Visitors pay a 10,000-won ($7.50) entry fee.", "10000 KRW 7.50 USD"),
    P(
        "attributive-euro",
        "The 5-billion-euro ($5.4 billion) plan was approved.",
        "5e9 EUR 5.4e9 USD",
    ),
    P(
        "cents-converted",
        "A plastic bag costs 100 yen (67 cents) in Tokyo shops.",
        "100 JPY 0.67 USD",
    ),
    P(
        "us-cents-converted",
        "The subway fare rose to 1,500 won (about 110 U.S. cents).",
        "1500 KRW 1.10 USD",
    ),
    P("pence-converted", "The tax adds $1 (79 pence) to each ticket.", "1 USD 0.79 GBP"),
    P(
        "dash-dash-about-cents",
        "It costs 100 yen -- about 67 cents -- per bag.",
        "100 JPY 0.67 USD",
    ),
    P(
        "hedged-comma",
        "The state will pay 20,000 rupees, about $240, to each family in Delhi.",
        "20000 INR 240 USD",
    ),
    P(
        "paren-two-in-one-or",
        "Tickets cost 5,000 won (about $3.70, or £2.90).",
        "5000 KRW 3.70 USD",
        "5000 KRW 2.90 GBP",
    ),
    P(
        "paren-two-names-semicolon",
        "The project will cost 2 billion euros (2.2 billion dollars; 1.7 billion pounds).",
        "2e9 EUR 2.2e9 USD",
        "2e9 EUR 1.7e9 GBP",
    ),
    P(
        "words-twenty-five",
        "The fund is worth twenty-five billion euros ($27 billion).",
        "25e9 EUR 27e9 USD",
    ),
    P(
        "words-a-billion",
        "A billion dollars (€920 million) was spent on the stadium.",
        "1e9 USD 920e6 EUR",
    ),
    P(
        "words-two-trillion-won",
        "The government spent two trillion won ($1.5 billion) on it.",
        "2e12 KRW 1.5e9 USD",
    ),
    P(
        "bloomberg-dollars-first-yen",
        "Japan's $1.2 trillion (¥180 trillion) in Treasury holdings",
        "1.2e12 USD 180e12 JPY",
    ),
    P(
        "price-per-share-both",
        "The stock fell to 45,000 won ($33.50) a share.",
        "45000 KRW 33.50 USD",
    ),
    P(
        "gloss-in-loans",
        "Banks lent 5 trillion won in loans to small firms, or about $3.7 billion.",
        "5e12 KRW 3.7e9 USD",
    ),
    P(
        "nikkei-yen-or-dollars-words",
        "Panasonic will spend 600 billion yen, or about 4 billion dollars, on batteries.",
        "600e9 JPY 4e9 USD",
    ),
]

NEGATIVES = [
    N(
        "same-currency-restated",
        "The bank reported revenue of $5.2 billion ($5.1 billion a year earlier).",
    ),
    N("year-paren", "Revenue reached $5 billion (2023), the company said."),
    N("percent-paren", "Sales rose to €3m (up 12%) in the quarter."),
    N("per-share-per-adr", "The company will pay a dividend of $1.20 a share ($2.40 per ADR)."),
    N("pct-of-gdp", "The deficit reached 1.2 trillion yen, or 0.2% of GDP, the ministry said."),
    N("per-square-foot", "The flat sold for HK$9.99 million, or HK$14,588 per square foot."),
    N(
        "per-square-foot-other-currency",
        "The home sold for $2.5 million, or $1,200 per square foot.",
    ),
    N(
        "between-one-currency",
        "The company expects revenue of between $10 billion and $12 billion.",
    ),
    N("up-from", "Profit rose to 5.2 trillion won, up from 4.1 trillion won a year earlier."),
    N("market-cap", "Nvidia's market value topped $3 trillion, overtaking Apple's $2.9 trillion."),
    N("or-about-count", "The company employs 12,000 people, or about 8% of the local workforce."),
    N(
        "or-about-count-money-first",
        "The fund invested $5 billion, or about 300 companies, last year.",
    ),
    N("or-about-units", "Exports hit 1.2 million barrels a day, or about 40% of output."),
    N("restated-million-vs-billion", "It booked 16,433 million CZK (16.4 billion CZK) of revenue."),
    N("dollar-and-dollar-comma", "Shares closed at $145.20, or $3.10 higher, on Friday."),
    N("two-currencies-list", "The group holds $5 billion in cash and €2 billion in bonds."),
    N("versus", "Revenue was 3.2 trillion won versus 2.9 trillion won a year ago."),
    N("price-per-share-paren-pct", "Shares rose to $45.20 (up 3.2%) in New York."),
    N("paren-people", "The program cost $12 million (1,200 participants) in its first year."),
    N("paren-quarter", "Net income reached €1.1bn (Q3 2024) on higher margins."),
    N("paren-previous", "Revenue rose to ¥1.2 trillion (¥1.1 trillion) in fiscal 2024."),
    N(
        "euros-and-pounds-separate",
        "France pledged 2 billion euros and Britain 1.5 billion pounds at the summit.",
    ),
    N("comma-list-money", "Germany gave €1.5 billion, France €900 million and Italy €600 million."),
    N("yen-per-dollar-rate", "The yen weakened to 155 yen per dollar, its lowest since 1990."),
    N("rate-sentence", "The won closed at 1,380 won to the dollar on Friday."),
    N(
        "stock-index-points",
        "The Kospi rose 1.2% to 2,650.31 points, while foreigners bought 320 billion won.",
    ),
    N("per-capita", "GDP per capita reached $35,000, or about 4.6 million won per month."),
    N("salary-per-year", "The average salary is 45 million won (per year) in Seoul."),
    N("paren-page-ref", "The company owes $2 billion (see page 12) to banks."),
    N("paren-ticker", "Samsung Electronics (005930.KS) posted 10.4 trillion won in profit."),
    N("paren-date", "The deal, valued at $4.5 billion (June 2024), collapsed."),
    N("or-nearly-pct", "The company lost 1.5 trillion won, or nearly 30% of its equity."),
    N(
        "x-or-y-same-currency-per-head",
        "The bill is 2 trillion rupees, or 1,400 rupees per person.",
    ),
    N("price-range-shares", "The IPO is priced at HK$20 to HK$22 per share."),
    N("from-to-change", "The fee rose from 5,000 yen to 7,000 yen."),
    N(
        "same-currency-symbol-vs-name",
        "It cost 5 billion yuan (about ¥5 billion) according to sources in Beijing.",
    ),
    N("two-years-paren", "Spending of £3bn (2022-23) was cut."),
    N("paren-bps", "The bank issued $1bn of bonds (spread 120 bps)."),
    N("comma-or-other-thing", "Each ticket costs 50 euros, or two tickets for 90 euros."),
    N("gdp-share-paren", "Debt hit 1,300 trillion won (45% of GDP) at the end of 2024."),
    N("money-then-count-paren", "The company was fined $5 million (three counts) by the SEC."),
    N("up-from-paren", "Net profit rose to $2.3 billion (from $1.9 billion)."),
    N("compared-with", "Sales reached €4.5 billion, compared with €4.1 billion a year earlier."),
    N("or-dollars-per-share", "The offer values the firm at $4 billion, or $35 a share."),
    N("to-from-range-one-currency", "Prices ranged from R$2 million to R$3 million."),
    N("equity-per-unit", "Tickets cost 150 dirhams (children's tickets 75 dirhams)."),
    N("after-tax-paren", "The charge was $450 million ($360 million after tax)."),
    N("or-more-than", "The EU pledged €2 billion, or $1 billion more than Washington."),
    N("paren-pct-of-sales", "The company made $1.2 billion (about 2% of sales) from services."),
    N("paren-same-currency-year", "Revenue was $5.2 billion ($4.8 billion in 2023)."),
    N("ft-annual-report-comparative", "Revenue was £3.2bn (2023: £2.9bn)."),
    N("paren-series", "The start-up raised $500 million (Series B) from investors."),
    N("paren-fiscal-year", "Tata earned Rs 500 crore (FY24) from exports."),
    N("fx-rate-up-pct", "The euro rose to $1.0850 (up 0.3%)."),
    N("paren-versus", "The bonus pool of $1 billion (versus £700 million last year) was cut."),
    N("paren-clause", "He sold it for $5 million (the asking price was £4 million)."),
    N("paren-restated-rand", "The tax raises 10 billion rand (R10 billion) a year."),
    N(
        "or-more-after-pair",
        "Sales were $1.2 billion in the United States, or about $400 million more than Europe.",
    ),
    N("words-people", "Nearly a billion people live on less than $2 a day, the World Bank says."),
    N("y2k", "The company sold Y2K bonds worth $5 million."),
    N("le-year", "LE 2024 campaign cost €5 million."),
    N("or-times", "The company generated $500 million in revenue, or 1.5 times its 2022 figure."),
    N(
        "in-gloss-per-share",
        "The bank earned $2 billion in the quarter, or $1.50 a share, beating estimates.",
    ),
    N(
        "second-is-more-than",
        "Profit was 1.2 trillion won, or 300 billion won more than expected, the company said.",
    ),
    N("pretax-or", "Net income was $1.2 billion, or $2.10 a share."),
]


@pytest.mark.parametrize("text, want", POSITIVES)
def test_style_positive(text, want):
    got = _pairs(text)
    assert got == set(want), f"got {sorted(got)}"


@pytest.mark.parametrize("text", NEGATIVES)
def test_style_negative(text):
    convs = extract(text).conversions
    assert convs == (), [c.text for c in convs]


def test_stated_rate_at_end_of_story():
    text = (
        "The ministry will spend 2.3 trillion won ($1.7 billion) on the fund. ($1 = 1,353.2000 won)"
    )
    (rate,) = extract(text).stated_rates
    assert (rate.base, rate.quote, rate.value) == ("USD", "KRW", D("1353.2000"))


def test_style_table_size():
    assert len(POSITIVES) >= 120 and len(NEGATIVES) >= 40
