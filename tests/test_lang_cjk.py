"""Japanese, Korean and Chinese copy: myriad units in every mix, brackets of every script,
currency words before the number, conversion cues; one example table per language."""

from __future__ import annotations

import pytest
from langcases import M, N, P, R, check_mentions, check_pairs, check_rates

JAPANESE = [
    P(
        "ja-oku-yen",
        "ソフトバンクの買収額は約33億ドル(3752億円)で、年内に手続きを終える。",
        "3.3e9 USD 375.2e9 JPY",
    ),
    P(
        "ja-cho-oku-mix",
        "運用資産は約701億ドル(約7兆9914億円)に達する。",
        "70.1e9 USD 7.9914e12 JPY",
    ),
    P(
        "ja-sen-hyaku-without-digit",
        "制裁金は総額7億5千万ユーロ(約千2百億円)になる。",
        "750e6 EUR 120e9 JPY",
    ),
    P(
        "ja-nakaguro-decimal",
        "英半導体設計大手を約240億ポンド(約3・3兆円)で買い取る。",
        "24e9 GBP 3.3e12 JPY",
    ),
    P(
        "ja-cho-go-sen-oku",
        "政府は約1兆5千億円(約100億ドル)を投じると発表した。",
        "1.5e12 JPY 10e9 USD",
    ),
    P(
        "ja-comma-inside-units",
        "金額は7,724億8,000万ルピー(約1兆4,214億円)に上る。",
        "772.48e9 INR 1.4214e12 JPY",
    ),
    P("ja-misprint-oku", "二つの額は41億9千万ドル(約4641憶円)だった。", "4.19e9 USD 464.1e9 JPY"),
    P("ja-trailing-over", "金額は10億コルナ超(3,600万ユーロ)と報じられた。", "1e9 CZK 36e6 EUR"),
    P(
        "ja-yuan-is-cny",
        "新華社は1860億8千万元(約3兆2100億円)という数字を伝えた。",
        "186.08e9 CNY 3.21e12 JPY",
    ),
    N(
        "ja-per-share-negative",
        "同社の利益は前年同期比3.4倍の1.15億円となり、配当は年10.00円を予定する。",
    ),
    N(
        "ja-rate-is-no-conversion",
        "ソフトバンクによる買収総額は320億ドル(1ドルは105.9円)で、株式を買い取る。",
    ),
]
JAPANESE_RATES = [
    R("ja-rate-kansan", "試算は1ドル=110円換算で計算した。", "1 USD = 110 JPY"),
    R(
        "ja-rate-code-style",
        "投資額は44億コルナ(1,600万ユーロ)で、来年着工する。(1CZK=4.97JPY)",
        "1 CZK = 4.97 JPY",
    ),
    R("ja-rate-wa", "総額は320億ドル(1ドルは105.9円)になる。", "1 USD = 105.9 JPY"),
]

KOREAN = [
    P(
        "ko-jo-cheon-eok-spaced",
        "삼성전자는 1조 6천억 원(약 12억 달러)을 투자한다.",
        "1.6e12 KRW 1.2e9 USD",
    ),
    P(
        "ko-eok-cheon-man",
        "현대차는 11억 5천만 달러(약 1조 5천억 원)를 투자한다.",
        "1.15e9 USD 1.5e12 KRW",
    ),
    P(
        "ko-eok-cheon-digits-man",
        "그는 12억7천167만 달러(약 1조 6천억원)를 받았다.",
        "1.27167e9 USD 1.6e12 KRW",
    ),
    P(
        "ko-uri-don-across-sentence",
        "중국의 경제 규모가 지난해 140조 위안을 돌파했습니다. 우리 돈 약 2경 9천조 원에 이릅니다.",
        "140e12 CNY 2.9e16 KRW",
    ),
    P(
        "ko-uri-doneuro",
        "금액은 7조3천264억 엔, 우리 돈으로 약 99조6천억 원에 달한다.",
        "7.3264e12 JPY 99.6e12 KRW",
    ),
    P(
        "ko-middle-dot-inside-bracket",
        "별도 항목(1천195만 유로·약 191억원)도 제시됐다.",
        "11.95e6 EUR 19.1e9 KRW",
    ),
    P(
        "ko-converted-won-no-unit-word",
        "투자액은 2억1100만 달러(약2300억)로 집계됐다.",
        "211e6 USD 230e9 KRW",
    ),
    P(
        "ko-rate-inside-bracket",
        "규모를 29조294억 위안(주; 6.4위안/1달러 환율로 약 4.6조 달러 상당)으로 소개했다.",
        "29.0294e12 CNY 4.6e12 USD",
    ),
    N("ko-dividend-negative", "회사는 1주당 120원의 현금배당을 실시하며 배당금총액은 60억원이다."),
    N("ko-list-negative", "실적으로 5954억8600만원, 782억200만원, 756억100만원 등을 공시했다."),
]
KOREAN_RATES = [
    R("ko-rate-slash", "주: 6.4위안/1달러 환율로 계산했다.", "1 USD = 6.4 CNY"),
]

CHINESE = [
    P(
        "zh-hant-fullwidth-brackets",
        "Google被罰款29.5億歐元（約270億港元）。",
        "2.95e9 EUR 27e9 HKD",
    ),
    P(
        "zh-prefix-after-qualifier",
        "欧盟开出29.5亿欧元（约新台币1054亿元）的反垄断罚单。",
        "2.95e9 EUR 105.4e9 TWD",
    ),
    P(
        "zh-hant-prefix-then-qualifier",
        "報導的金額為1.97億美元（新台幣約62.27億元）。",
        "197e6 USD 6.227e9 TWD",
    ),
    P("zh-yi-wan-mix", "曼城以1亿英镑（约1亿8800万新元）签下格拉利什。", "100e6 GBP 188e6 SGD"),
    P(
        "zh-hant-range-zhi",
        "金額包括5至6億美元(約39至46.8億港元)。",
        "500e6 USD 3.9e9 HKD",
        "600e6 USD 4.68e9 HKD",
    ),
    P(
        "zh-hant-yuan-is-hkd-from-story",
        "金額包括10億至20億美元(約78億至156億元)，以及30億美元(約234億港元)。",
        "1e9 USD 7.8e9 HKD",
        "2e9 USD 15.6e9 HKD",
        "3e9 USD 23.4e9 HKD",
    ),
    P(
        "zh-hant-wan-tail",
        "兩筆金額為日幣155億元（約折合1億779萬6,091.52美元）。",
        "15.5e9 JPY 107796091.52 USD",
    ),
    P("zh-yuan-renminbi-after", "報導提到130億澳元(約合654.7億元人民幣)。", "13e9 AUD 65.47e9 CNY"),
    N("zh-parts-negative", "在166.5亿美元和解中，美银须支付96.5亿美元现金，并补偿70亿美元。"),
    N("zh-rate-negative", "歐盟對谷歌開出24.2億歐元(1美元約合0.88歐元)的罰款。"),
]
CHINESE_RATES = [
    R("zh-rate-yuehe", "歐盟對谷歌開出24.2億歐元(1美元約合0.88歐元)的罰款。", "1 USD = 0.88 EUR"),
    R(
        "zh-rate-equals",
        "金額為35億英鎊(約合56億美元,1英鎊=10.4974元人民幣)。",
        "1 GBP = 10.4974 CNY",
    ),
]

MENTIONS = [
    M("ja-yen-myriad", "予算は3263万円だった。", "32630000 JPY"),
    M("ko-gyeong", "우리 돈 약 2경 9천조 원 규모다.", "2.9e16 KRW"),
    M("zh-wan-yi", "估值2.5萬億美元。", "2.5e12 USD"),
]


@pytest.mark.parametrize("text, want, options", JAPANESE)
def test_japanese(text, want, options):
    check_pairs(text, want, options)


@pytest.mark.parametrize("text, want, options", KOREAN)
def test_korean(text, want, options):
    check_pairs(text, want, options)


@pytest.mark.parametrize("text, want, options", CHINESE)
def test_chinese(text, want, options):
    check_pairs(text, want, options)


@pytest.mark.parametrize("text, want, options", JAPANESE_RATES + KOREAN_RATES + CHINESE_RATES)
def test_stated_rates(text, want, options):
    check_rates(text, want, options)


@pytest.mark.parametrize("text, want, options", MENTIONS)
def test_myriad_mentions(text, want, options):
    check_mentions(text, want, options)
