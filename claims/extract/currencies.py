"""Currency symbols, codes and names as newsrooms write them, and how to tell them apart.

Two layers:

* generated: ``claims/extract/_currency_data.py`` -- active ISO codes, CLDR English names with
  plural forms, CLDR symbols, forex-python's names. It is committed and regenerated with
  ``python tools/gen_currencies.py``; a test checks it matches the generator, so Babel is never
  imported at run time.
* curated (below): bare nouns (won, rupees, crowns, pesos), news spellings (U.S. dollars,
  Norwegian crowns, roubles, reais), prefixed symbols (US$, HK$, $A, DKr, Rs, KSh), Portuguese
  and Spanish ``de reais``/``de dólares``, FT/regional prefixes (Rbs, Zl, Ft, Kc, Won, Sfr, Ps,
  Bt, Php, LE, KD, BD, RO, JD, $US), sub-units (``67 cents`` -> 0.67 of the dollar, ``pence``),
  and the cue words that settle ambiguous forms.

A form maps to ``Form(code, candidates)``: ``code`` the reading (``DOLLAR`` stands for the
caller's ``dollar`` setting, None when it cannot be told), ``candidates`` the currencies it
might be when ambiguous (``kroner`` -> NOK with NOK, DKK). ``BEFORE_RE`` finds a symbol or code
ending right before a number, ``AFTER_RE`` a name, code or symbol right after one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from claims.extract._currency_data import CODES, NAMES, SYMBOLS
from claims.extract._regex import alternation, trie
from claims.pattern_cache import compile as compile_pattern

__all__ = [
    "Form",
    "DOLLAR",
    "BEFORE_RE",
    "AFTER_RE",
    "CUE_RE",
    "CUES",
    "CODES",
    "NEEDS_SCALE",
    "NOT_BEFORE_YEAR",
    "SUBUNITS",
    "AFTER_SYMBOL_RE",
    "SCALED_SYMBOL_RE",
    "SYMBOL_SCALES",
    "YUAN_UNITS",
    "DOLLAR_ADJECTIVES",
    "GLUED_AFTER_SCALES",
    "form_before",
    "form_after",
    "symbol_before",
    "dollar_adjective",
]

DOLLAR = "$"  # placeholder code: resolved to the caller's ``dollar`` setting


@dataclass(frozen=True)
class Form:
    """What a written currency form may mean."""

    code: str | None
    candidates: tuple[str, ...] = ()


_CROWNS = ("SEK", "NOK", "DKK", "CZK", "ISK")
_PESOS = ("MXN", "PHP", "ARS", "CLP", "COP", "UYU", "DOP", "CUP")
_RUPEES = ("INR", "PKR", "LKR", "NPR", "MUR", "SCR")
_RIYALS = ("SAR", "QAR", "OMR", "YER", "IRR")
_DINARS = ("KWD", "BHD", "JOD", "IQD", "DZD", "TND", "LYD", "RSD")
_SHILLINGS = ("KES", "UGX", "TZS", "SOS")
_DOLLARS = (DOLLAR, "USD", "AUD", "CAD", "HKD", "SGD", "NZD", "TWD")


def _f(code: str | None, *candidates: str) -> Form:
    return Form(code, tuple(candidates))


#: Curated names written after a number (lowercase; matched case-insensitively).
NEWS_NAMES: Mapping[str, Form] = MappingProxyType(
    {
        # dollars
        "dollars": _f(DOLLAR, *_DOLLARS),
        "dollar": _f(DOLLAR, *_DOLLARS),
        "u.s. dollars": _f("USD"),
        "u.s. dollar": _f("USD"),
        "us dollars": _f("USD"),
        "us dollar": _f("USD"),
        "american dollars": _f("USD"),
        "united states dollars": _f("USD"),
        "taiwan dollars": _f("TWD"),
        "taiwanese dollars": _f("TWD"),
        "nt dollars": _f("TWD"),
        "aussie dollars": _f("AUD"),
        "singaporean dollars": _f("SGD"),
        "dólares": _f(DOLLAR, *_DOLLARS),
        "de dólares": _f(DOLLAR, *_DOLLARS),
        "de dólares americanos": _f("USD"),
        "de dólares norte-americanos": _f("USD"),
        # euro, pound, franc
        "euros": _f("EUR"),
        "euro": _f("EUR"),
        "de euros": _f("EUR"),
        "pounds sterling": _f("GBP"),
        "sterling": _f("GBP"),
        "pounds": _f("GBP", "GBP", "EGP", "LBP"),
        "pound": _f("GBP", "GBP", "EGP", "LBP"),
        "de libras": _f("GBP"),
        "swiss francs": _f("CHF"),
        "francs": _f("CHF", "CHF", "XOF", "XAF"),
        # Asia
        "won": _f("KRW"),
        "korean won": _f("KRW"),
        "yen": _f("JPY"),
        "de ienes": _f("JPY"),
        "yuan": _f("CNY"),
        "renminbi": _f("CNY"),
        "yuan renminbi": _f("CNY"),
        "rupees": _f("INR", *_RUPEES),
        "rupee": _f("INR", *_RUPEES),
        "rupiah": _f("IDR"),
        "ringgit": _f("MYR"),
        "baht": _f("THB"),
        "dong": _f("VND"),
        "taka": _f("BDT"),
        "kyat": _f("MMK"),
        "tenge": _f("KZT"),
        "riel": _f("KHR"),
        "pesos": _f(None, *_PESOS),
        "peso": _f(None, *_PESOS),
        "de pesos": _f(None, *_PESOS),
        # Nordic and Czech crowns
        "crowns": _f(None, *_CROWNS),
        "crown": _f(None, *_CROWNS),
        "kroner": _f("NOK", "NOK", "DKK"),
        "krone": _f("NOK", "NOK", "DKK"),
        "kronor": _f("SEK", "SEK", "ISK"),
        "krona": _f("SEK", "SEK", "ISK"),
        "norwegian crowns": _f("NOK"),
        "swedish crowns": _f("SEK"),
        "danish crowns": _f("DKK"),
        "czech crowns": _f("CZK"),
        "icelandic crowns": _f("ISK"),
        "swedish krona": _f("SEK"),
        "koruna": _f("CZK"),
        "korunas": _f("CZK"),
        "koruny": _f("CZK"),
        "czech koruny": _f("CZK"),
        # Europe, Middle East, Africa, Americas
        "zloty": _f("PLN"),
        "zlotys": _f("PLN"),
        "zlotych": _f("PLN"),
        "forint": _f("HUF"),
        "forints": _f("HUF"),
        "lei": _f("RON"),
        "leu": _f("RON"),
        "leva": _f("BGN"),
        "hryvnias": _f("UAH"),
        "hryvnia": _f("UAH"),
        "hryvnyas": _f("UAH"),
        "kuna": _f("HRK"),
        "roubles": _f("RUB", "RUB", "BYN"),
        "rouble": _f("RUB", "RUB", "BYN"),
        "rubles": _f("RUB", "RUB", "BYN"),
        "ruble": _f("RUB", "RUB", "BYN"),
        "russian roubles": _f("RUB"),
        "russian rouble": _f("RUB"),
        "lira": _f("TRY"),
        "liras": _f("TRY"),
        "turkish liras": _f("TRY"),
        "lire": _f("TRY"),
        "shekels": _f("ILS"),
        "shekel": _f("ILS"),
        "new shekels": _f("ILS"),
        "israeli shekels": _f("ILS"),
        "israeli shekel": _f("ILS"),
        "riyals": _f("SAR", *_RIYALS),
        "riyal": _f("SAR", *_RIYALS),
        "rials": _f("IRR", "IRR", "OMR", "YER"),
        "rial": _f("IRR", "IRR", "OMR", "YER"),
        "dirhams": _f("AED", "AED", "MAD"),
        "dirham": _f("AED", "AED", "MAD"),
        "emirati dirhams": _f("AED"),
        "dinars": _f(None, *_DINARS),
        "dinar": _f(None, *_DINARS),
        "rand": _f("ZAR"),
        "naira": _f("NGN"),
        "cedis": _f("GHS"),
        "cedi": _f("GHS"),
        "birr": _f("ETB"),
        "shillings": _f(None, *_SHILLINGS),
        "shilling": _f(None, *_SHILLINGS),
        "kwacha": _f(None, "ZMW", "MWK"),
        "reais": _f("BRL"),
        "brazilian reais": _f("BRL"),
        "de reais": _f("BRL"),
        "soles": _f("PEN"),
        "bolivars": _f("VES"),
        "bolivares": _f("VES"),
        "quetzales": _f("GTQ"),
        "guaranis": _f("PYG"),
        "colones": _f("CRC"),
        "new israeli shekels": _f("ILS"),
        "kazakh tenge": _f("KZT"),
        "argentinian pesos": _f("ARS"),
        "uae dirhams": _f("AED"),
        "saudi riyals": _f("SAR"),
        # sub-units (SUBUNITS below): 100 yen (67 cents), 1,000 won (75 U.S. cents), 50 pence
        "cents": _f(DOLLAR),
        "cent": _f(DOLLAR),
        "u.s. cents": _f("USD"),
        "us cents": _f("USD"),
        "euro cents": _f("EUR"),
        "eurocents": _f("EUR"),
        "pence": _f("GBP"),
    }
)

#: Names of a hundredth of a currency: the figure is divided by 100 (``67 cents`` -> 0.67).
SUBUNITS: frozenset[str] = frozenset(
    {"cents", "cent", "u.s. cents", "us cents", "euro cents", "eurocents", "pence"}
)

#: Curated symbols and prefixes written before the number (case-sensitive).
NEWS_SYMBOLS: Mapping[str, Form] = MappingProxyType(
    {
        "$": _f(DOLLAR),
        "US$": _f("USD"),
        "U.S.$": _f("USD"),
        "U.S. $": _f("USD"),
        "US $": _f("USD"),
        "USD$": _f("USD"),
        "HK$": _f("HKD"),
        "NT$": _f("TWD"),
        "S$": _f("SGD"),
        "SG$": _f("SGD"),
        "A$": _f("AUD"),
        "AU$": _f("AUD"),
        "AUD$": _f("AUD"),
        "$A": _f("AUD"),
        "C$": _f("CAD"),
        "CA$": _f("CAD"),
        "Can$": _f("CAD"),
        "CAN$": _f("CAD"),
        "CDN$": _f("CAD"),
        "NZ$": _f("NZD"),
        "$NZ": _f("NZD"),
        "R$": _f("BRL"),
        "MX$": _f("MXN"),
        "Mex$": _f("MXN"),
        "RD$": _f("DOP"),
        "J$": _f("JMD"),
        "TT$": _f("TTD"),
        "EC$": _f("XCD"),
        "T$": _f("TOP"),
        "Z$": _f("ZWL"),
        "€": _f("EUR"),
        "£": _f("GBP"),
        "E£": _f("EGP"),
        "£E": _f("EGP"),
        "¥": _f("JPY", "JPY", "CNY"),
        "￥": _f("JPY", "JPY", "CNY"),
        "CN¥": _f("CNY"),
        "RMB": _f("CNY"),
        "Rmb": _f("CNY"),
        "₩": _f("KRW"),
        "₹": _f("INR"),
        "Rs.": _f("INR", *_RUPEES),
        "Rs": _f("INR", *_RUPEES),
        "INR": _f("INR"),
        "Rp": _f("IDR"),
        "Rp.": _f("IDR"),
        "RM": _f("MYR"),
        "KSh": _f("KES"),
        "Ksh": _f("KES"),
        "Kshs": _f("KES"),
        "Kshs.": _f("KES"),
        "Ksh.": _f("KES"),
        "TSh": _f("TZS"),
        "USh": _f("UGX"),
        "DKr": _f("DKK"),
        "Dkr": _f("DKK"),
        "SKr": _f("SEK"),
        "Skr": _f("SEK"),
        "NKr": _f("NOK"),
        "Nkr": _f("NOK"),
        "ISK": _f("ISK"),
        "kr": _f(None, "SEK", "NOK", "DKK", "ISK"),
        "kr.": _f(None, "SEK", "NOK", "DKK", "ISK"),
        "SFr": _f("CHF"),
        "SFr.": _f("CHF"),
        "Fr.": _f("CHF"),
        "₽": _f("RUB"),
        "₺": _f("TRY"),
        "TL": _f("TRY"),
        "₪": _f("ILS"),
        "NIS": _f("ILS"),
        "₱": _f("PHP"),
        "PhP": _f("PHP"),
        "฿": _f("THB"),
        "₫": _f("VND"),
        "₦": _f("NGN"),
        "₴": _f("UAH"),
        "₸": _f("KZT"),
        "SR": _f("SAR"),
        "QR": _f("QAR"),
        "Dh": _f("AED"),
        "Dhs": _f("AED"),
        "Tk": _f("BDT"),
        "GH₵": _f("GHS"),
        "GH¢": _f("GHS"),
        "zł": _f("PLN"),
        "Kč": _f("CZK"),
        # FT, Bloomberg and regional-press prefixes
        "$US": _f("USD"),
        "Ps": _f("MXN", *_PESOS),
        "Ps.": _f("MXN", *_PESOS),
        "Php": _f("PHP"),
        "Bt": _f("THB"),
        "LE": _f("EGP"),
        "L.E.": _f("EGP"),
        "KD": _f("KWD"),
        "BD": _f("BHD"),
        "RO": _f("OMR"),
        "JD": _f("JOD"),
        "Rbs": _f("RUB"),
        "Rbl": _f("RUB"),
        "Zl": _f("PLN"),
        "Ft": _f("HUF"),
        "Kc": _f("CZK"),
        "Sfr": _f("CHF"),
        "Won": _f("KRW"),
        "Tsh": _f("TZS"),
        "Ush": _f("UGX"),
        # one- or two-letter prefixes: read only before a scaled figure (P5 billion, R2.1bn)
        "P": _f("PHP", "PHP", "BWP"),
        "N": _f("NGN"),
        "W": _f("KRW"),
        "R": _f("ZAR"),
        "Sh": _f(None, *_SHILLINGS),
        "Shs": _f("UGX", "UGX", "KES", "TZS"),
    }
)

#: Dollars (and pesos, reais) written with an ISO code before the sign: CAD$, NZD $, MXN$.
_CODE_DOLLARS = (
    "USD",
    "AUD",
    "CAD",
    "NZD",
    "SGD",
    "HKD",
    "MXN",
    "TWD",
    "ARS",
    "CLP",
    "COP",
    "UYU",
    "JMD",
    "TTD",
    "BBD",
    "BSD",
    "FJD",
    "NAD",
    "LRD",
    "BZD",
    "BRL",
)
NEWS_SYMBOLS = MappingProxyType(
    {
        **NEWS_SYMBOLS,
        **{f"{c}$": _f(c) for c in _CODE_DOLLARS},
        **{f"{c} $": _f(c) for c in _CODE_DOLLARS},
        "u$s": _f("USD"),
        "U$S": _f("USD"),
        "U$s": _f("USD"),
        "$ US": _f("USD"),
        "$CA": _f("CAD"),
        "$ CA": _f("CAD"),
        "$AU": _f("AUD"),
        "$ AU": _f("AUD"),
    }
)

#: Prefixes too short to trust unless a scale word follows the digits.
NEEDS_SCALE: frozenset[str] = frozenset(
    {"P", "N", "R", "W", "Sh", "Shs", "Won", "BD", "RO", "JD", "Ft", "Zl", "Kc"}
)

#: Letter prefixes that also start ordinary capitalised text: not read before a bare year
#: (``LE 2024 campaign``).
NOT_BEFORE_YEAR: frozenset[str] = frozenset(
    {"LE", "KD", "BD", "RO", "JD", "Bt", "Php", "TL", "SR", "QR", "Dh", "Tk", "RM", "Rp"}
)

#: Symbols also written after the number (``5 mln zł``, ``500 Kč``, ``20 €``).
AFTER_SYMBOLS: tuple[str, ...] = (
    "€",
    "zł",
    "Kč",
    "Ft",
    "kr",
    "kr.",
    "₽",
    "₺",
    "TL",
    "₫",
    "lei",
    "NIS",
    "RMB",
    "£",
)

#: Uppercase codes that are too often ordinary words or names to read as currencies.
_NOT_CODES = frozenset(
    {
        "ALL",
        "TOP",
        "CUP",
        "PEN",
        "BOB",
        "MOP",
        "GEL",
        "SOS",
        "MAD",
        "BAM",
        "AMD",
        "LAK",
        "ERN",
        "CVE",
        "TMT",
        "SHP",
        "STD",
        "VEF",
        "MRO",
    }
)
_CODES = frozenset(CODES - _NOT_CODES)

#: Words naming a place or institution that settle an ambiguous form.
CUES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "SEK": ("Sweden", "Swedish", "Stockholm", "Riksbank", "Swede", "Swedes"),
        "NOK": ("Norway", "Norwegian", "Oslo", "Norges", "Equinor", "Statoil"),
        "DKK": ("Denmark", "Danish", "Copenhagen", "Danske", "Maersk", "Novo Nordisk"),
        "ISK": ("Iceland", "Icelandic", "Reykjavik"),
        "CZK": ("Czech", "Prague", "CEZ", "Czechia"),
        "MXN": ("Mexico", "Mexican", "Banxico", "México", "mexicano", "mexicanos", "mexicana"),
        "PHP": ("Philippines", "Philippine", "Manila", "Filipino", "Filipinos"),
        "ARS": ("Argentina", "Argentine", "Argentinian", "Buenos Aires", "argentino", "argentinos"),
        "CLP": ("Chile", "Chilean", "Santiago", "chileno", "chilenos"),
        "COP": ("Colombia", "Colombian", "Bogota", "Bogotá", "colombiano", "colombianos"),
        "UYU": ("Uruguay", "Uruguayan", "Montevideo"),
        "DOP": ("Dominican",),
        "CUP": ("Cuba", "Cuban", "Havana"),
        "INR": ("India", "Indian", "New Delhi", "Delhi", "Mumbai", "RBI", "Sensex"),
        "PKR": ("Pakistan", "Pakistani", "Islamabad", "Karachi", "Lahore"),
        "LKR": ("Sri Lanka", "Sri Lankan", "Colombo"),
        "NPR": ("Nepal", "Nepalese", "Nepali", "Kathmandu"),
        "MUR": ("Mauritius", "Mauritian"),
        "SAR": ("Saudi", "Riyadh", "Aramco"),
        "QAR": ("Qatar", "Qatari", "Doha"),
        "OMR": ("Oman", "Omani", "Muscat"),
        "YER": ("Yemen", "Yemeni", "Sanaa"),
        "IRR": ("Iran", "Iranian", "Tehran"),
        "AED": ("UAE", "Emirates", "Emirati", "Dubai", "Abu Dhabi"),
        "MAD": ("Morocco", "Moroccan", "Rabat", "Casablanca"),
        "KWD": ("Kuwait", "Kuwaiti"),
        "BHD": ("Bahrain", "Bahraini"),
        "JOD": ("Jordan", "Jordanian"),
        "IQD": ("Iraq", "Iraqi", "Baghdad"),
        "DZD": ("Algeria", "Algerian"),
        "TND": ("Tunisia", "Tunisian"),
        "LYD": ("Libya", "Libyan"),
        "RSD": ("Serbia", "Serbian"),
        "KES": ("Kenya", "Kenyan", "Nairobi"),
        "UGX": ("Uganda", "Ugandan", "Kampala"),
        "TZS": ("Tanzania", "Tanzanian", "Dar es Salaam"),
        "SOS": ("Somalia", "Somali"),
        "ZMW": ("Zambia", "Zambian", "Lusaka"),
        "MWK": ("Malawi", "Malawian"),
        "BWP": ("Botswana", "Gaborone"),
        "JPY": ("Japan", "Japanese", "Tokyo", "BOJ", "Nikkei", "yen"),
        "CNY": ("China", "Chinese", "Beijing", "Shanghai", "Shenzhen", "PBOC", "yuan", "renminbi"),
        "EGP": ("Egypt", "Egyptian", "Cairo"),
        "LBP": ("Lebanon", "Lebanese", "Beirut"),
        "GBP": ("Britain", "British", "London", "UK", "England", "Bank of England"),
        "CHF": ("Switzerland", "Swiss", "Zurich", "Geneva", "SNB"),
        "XOF": ("CFA",),
        "BYN": ("Belarus", "Belarusian", "Minsk"),
        "RUB": ("Russia", "Russian", "Moscow", "Kremlin"),
    }
)


def _words(words) -> str:
    """Alternation of ``words`` longest first; a space matches one blank (or none before $)."""
    return alternation(words, blanks=r"[\x20\u00a0]")


def _name_table() -> dict[str, Form]:
    """Generated CLDR/forex names overlaid with the curated news layer."""
    table: dict[str, Form] = {}
    for name, codes in NAMES.items():
        if len(name) > 2:
            table[name] = Form(codes[0], codes if len(codes) > 1 else ())
    table.update(NEWS_NAMES)
    for name, form in NEWS_NAMES.items():  # attributive singular: a 28.4 billion Danish crown
        if " " in name and name.endswith("s") and not name.endswith(("reais", "sterling")):
            table.setdefault(name[:-1], form)
    return table


_NAME_FORMS: Mapping[str, Form] = MappingProxyType(_name_table())
_SYMBOL_FORMS: Mapping[str, Form] = MappingProxyType(
    {
        **{s: Form(c) for s, c in SYMBOLS.items() if s not in ("FCFA", "F\u202fCFA", "CFPF")},
        **NEWS_SYMBOLS,
    }
)

BEFORE_RE = compile_pattern(
    r"""
    (?<![^\W\d_])                       # not glued to a preceding letter (AU$, not MAU$)
    (?P<cur>%(codes)s                   # an ISO code: USD 5 million, JPY20bn
          |%(symbols)s)                 # or a symbol/prefix: US$, HK$, $A, Rs., DKr, ₩
    [\x20\u00a0]?$                      # at most one blank, then the digits (search w/ endpos)
    """
    % {"codes": _words(_CODES | {"RMB", "NIS"}), "symbols": _words(_SYMBOL_FORMS)},
    re.VERBOSE,
)

AFTER_RE = compile_pattern(
    r"""
    (?:
        [\x20\u00a0-]?                  # one blank or hyphen: 5-billion-dollar
        (?P<name>%(names)s)             # a name, longest first: Norwegian kroner, won
        (?![^\W\d_])
      | [\x20\u00a0]?                   # one blank, no hyphen (€1.8bn-€2bn is a range)
        (?:
            (?P<code>(?-i:%(codes)s))   # an ISO code, upper case: 5 million USD
            (?![A-Za-z])
          | (?P<sym>(?-i:%(symbols)s))  # a symbol written after: 5 mln zł, 20 €
            (?![^\W\d_])
        )
    )
    """
    % {
        "codes": _words(_CODES | {"RMB", "NIS"}),
        "symbols": _words(AFTER_SYMBOLS),
        "names": trie([n.lower() for n in _NAME_FORMS]),
    },
    re.VERBOSE | re.IGNORECASE,
)

#: Symbols written after the figure in copy of other languages: 94 000 $, 10k$, 500 €.
AFTER_SYMBOL_RE = compile_pattern(
    r"[\x20\u00a0]?(?P<sym>\$\x20?US|\$\x20?CA|\$\x20?AU|US\$|\$|€|£|¥|￥|₩|₹|R\$|C\$|A\$)"
    r"(?![^\W\d_])"
)

#: A scale written into the symbol (French copy): 7 682 M€, 2 Md$, 3,5 Mds €.
SYMBOL_SCALES: Mapping[str, int] = MappingProxyType(
    {"m": 10**6, "md": 10**9, "mds": 10**9, "mrd": 10**9, "mio": 10**6}
)
SCALED_SYMBOL_RE = compile_pattern(
    r"[\x20\u00a0](?P<scale>M|Md|Mds|Mrd|Mio)\.?[\x20\u00a0]?(?P<sym>€|\$|£)(?![^\W\d_])"
)

#: Letter scales after which a glued symbol is the currency: 10k$, 5M€.
GLUED_AFTER_SCALES: frozenset[str] = frozenset({"k", "K", "m", "M", "bn", "B", "b", "mn"})

#: Units that only count a currency named before the number (日幣150億元, 新台幣62.27億元).
YUAN_UNITS: frozenset[str] = frozenset({"元", "圆", "圓"})

#: Country adjectives after a '$' figure that say which dollar: $5 million Canadian.
DOLLAR_ADJECTIVES: Mapping[str, str] = MappingProxyType(
    {
        "canadian": "CAD",
        "australian": "AUD",
        "u.s.": "USD",
        "us": "USD",
        "american": "USD",
        "singapore": "SGD",
        "new zealand": "NZD",
        "nz": "NZD",
        "hong kong": "HKD",
        "taiwan": "TWD",
        "taiwanese": "TWD",
    }
)
_ADJ_RE = compile_pattern(
    r"[\x20\u00a0](?P<adj>%s)(?=[)\].,;:]|$|[\x20\u00a0]\()"
    % "|".join(re.escape(a) for a in sorted(DOLLAR_ADJECTIVES, key=len, reverse=True)),
    re.IGNORECASE,
)


def dollar_adjective(text: str, end: int) -> tuple[str, int] | None:
    """The dollar a country adjective right after a '$' figure names, and where it ends."""
    m = _ADJ_RE.match(text, end)
    if m is None:
        return None
    return DOLLAR_ADJECTIVES[m.group("adj").lower()], m.end()


_CUE_TO_CODE = {cue.lower(): code for code, cues in CUES.items() for cue in cues}
#: A cue word (a country, city, central bank ...) as a trie: an alternation of 180 words under
#: IGNORECASE is tried word by word at every letter (about 0.4 MB/s); the trie, 10x faster.
CUE_RE = compile_pattern(
    r"(?<![^\W\d_])(?:%s)(?![^\W\d_])" % trie([w.lower() for w in _CUE_TO_CODE]), re.IGNORECASE
)


_ALL_BEFORE = list(_SYMBOL_FORMS) + list(_CODES) + ["RMB", "NIS"]
# How every symbol or code ends: its last one, two or (when longer) three characters. A number
# is looked at with BEFORE_RE only when what precedes it ends like one ("in 2023" does not).
_TAIL1 = frozenset(w for w in _ALL_BEFORE if len(w) == 1)
_TAIL2 = frozenset(w for w in _ALL_BEFORE if len(w) == 2)
_TAIL3 = frozenset(w[-3:] for w in _ALL_BEFORE if len(w) >= 3)


def symbol_before(text: str, start: int) -> re.Match[str] | None:
    """The symbol or code ending right before ``start`` (one blank allowed), or None."""
    i = start - 1
    if i >= 0 and text[i] in " \u00a0":
        i -= 1
    if i < 0 or (
        text[i] not in _TAIL1
        and text[i - 1 : i + 1] not in _TAIL2
        and text[i - 2 : i + 1] not in _TAIL3
    ):
        return None  # cheap test: most numbers stop here
    return BEFORE_RE.search(text, max(0, start - 12), start)


def form_before(cur: str) -> Form:
    """The form of a symbol or code matched by ``BEFORE_RE``."""
    if cur in _SYMBOL_FORMS:
        return _SYMBOL_FORMS[cur]
    normal = re.sub(r"[\x20\u00a0]", " ", cur)
    return _SYMBOL_FORMS.get(normal) or Form(normal)


def form_after(m: re.Match[str]) -> Form:
    """The form of a name, code or symbol matched by ``AFTER_RE``."""
    if m.group("code"):
        return Form({"RMB": "CNY", "NIS": "ILS"}.get(m.group("code"), m.group("code")))
    if m.group("sym"):
        sym = m.group("sym")
        return _SYMBOL_FORMS.get(sym) or Form("HUF" if sym == "Ft" else None)
    name = " ".join(m.group("name").lower().split())
    return _NAME_FORMS[name]


def cue_code(word: str) -> str | None:
    """The currency a cue word points to (``"Oslo"`` -> NOK)."""
    return _CUE_TO_CODE.get(" ".join(word.lower().split()))  # "New  Delhi": any blanks
