"""Readers for official rate series in the layouts their publishers export.

* ``fred``: a FRED CSV of Federal Reserve H.10 daily series (``observation_date`` or ``DATE``,
  then one column per series such as ``DEXTAUS``); ``.`` or an empty cell is a day without a rate.
* ``h10``: the Federal Reserve's H.10 Data Download Program CSV, with its header rows
  (``Series Description``, ``Unit:``, ``Multiplier:``, ``Currency:``, ``Unique Identifier:``,
  ``Time Period``) and one column per series (``layout=seriescolumn``), or one row per series
  (``layout=seriesrow``); ``ND`` is a day without a rate; the dollar indexes a package download
  also holds are left out with a note.
* ``imf``: the IMF's "Representative Exchange Rates for Selected Currencies" (the TSV its
  monthly page exports as ``rms_mth.xls``, or the same table saved as CSV): a title line, then
  blocks of ``Currency`` + one column per day, currencies by English name, rates per US dollar
  except those marked ``(1)`` (US dollars per unit), ``NA`` for a day without a rate, notes at
  the end.

Pure: csv rows in, (line, date, base, quote, rate) rows and ``Note`` out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime
from decimal import Decimal

from claims.errors import UpdateError
from claims.pattern_cache import compile as compile_pattern
from claims.rates.formats import MISSING, Note, Row, header, plain_number

#: The Federal Reserve's H.10 daily series: ISO code -> (country code in the release's series
#: ids, FRED's country code, quoted as US dollars per unit). Source: Board of Governors of the
#: Federal Reserve System, H.10 Foreign Exchange Rates (series RXI_N.B.<code>, units per US
#: dollar, and RXI$US_N.B.<code>, US dollars per unit), as published on FRED as DEX<code>US and
#: DEXUS<code>.
H10_SERIES: dict[str, tuple[str, str, bool]] = {
    "AUD": ("AL", "AL", True),
    "BRL": ("BZ", "BZ", False),
    "CAD": ("CA", "CA", False),
    "CNY": ("CH", "CH", False),
    "DKK": ("DN", "DN", False),
    "EUR": ("EU", "EU", True),
    "HKD": ("HK", "HK", False),
    "INR": ("IN", "IN", False),
    "JPY": ("JA", "JP", False),
    "KRW": ("KO", "KO", False),
    "LKR": ("SL", "SL", False),
    "MXN": ("MX", "MX", False),
    "MYR": ("MA", "MA", False),
    "NOK": ("NO", "NO", False),
    "NZD": ("NZ", "NZ", True),
    "SEK": ("SD", "SD", False),
    "SGD": ("SI", "SI", False),
    "CHF": ("SZ", "SZ", False),
    "THB": ("TH", "TH", False),
    "TWD": ("TA", "TA", False),
    "GBP": ("UK", "UK", True),
    "VEF": ("VE", "VZ", False),
    "ZAR": ("SF", "SF", False),
}


def _pair(code: str, usd_per_unit: bool) -> tuple[str, str]:
    return (code, "USD") if usd_per_unit else ("USD", code)


#: FRED series id -> (base, quote), the value being QUOTE per 1 BASE.
FRED_SERIES: dict[str, tuple[str, str]] = {
    (f"DEXUS{fred}" if per_unit else f"DEX{fred}US"): _pair(code, per_unit)
    for code, (_ddp, fred, per_unit) in H10_SERIES.items()
}
FRED_ID = compile_pattern(r"DEX[A-Z]{4}\Z")
_DDP_CODES = {ddp: code for code, (ddp, _fred, _per_unit) in H10_SERIES.items()}
_DDP_ID = compile_pattern(r"(?:H10/H10/)?RXI(\$US)?_N\.B\.([A-Z]{2,3})\Z")


def _fred(reader, label: str) -> Iterator[Row]:
    names = header(reader, label)
    if names[0].lower() not in ("observation_date", "date"):
        raise UpdateError(
            f"{label}: not a FRED CSV (first column {names[0][:30]!r}, expected observation_date)"
        )
    pairs = []
    for name in names[1:]:
        pair = FRED_SERIES.get(name.upper())
        if pair is None:
            raise UpdateError(
                f"{label}: {name[:20]!r} is not a FRED H.10 daily series claims "
                "knows; use --format columns with --column BASE/QUOTE=..."
            )
        pairs.append(pair)
    for number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        for (base, quote), cell in zip(pairs, row[1:], strict=False):
            if cell.strip() not in MISSING:
                yield number, row[0].strip(), base, quote, cell.strip()


# ---------------------------------------------------------------- H.10 Data Download Program


def _h10(reader, label: str) -> Iterator[Row | Note]:
    first = header(reader, label)
    if first[0].lower() == "descriptions:":
        yield from _h10_by_row(reader, label, first)
        return
    if first[0].lower() != "series description":
        raise UpdateError(
            f"{label}: not an H.10 Data Download Program CSV (first cell "
            f"{first[0][:30]!r}, expected 'Series Description')"
        )
    meta = {"series description": first[1:]}
    for line, row in enumerate(reader, start=2):
        key = row[0].strip().lower() if row else ""
        meta[key] = [cell.strip() for cell in row[1:]]
        if key == "time period":
            header_line = line
            break
    else:
        raise UpdateError(f"{label}: no 'Time Period' header row (not an H.10 DDP download?)")
    ids = meta.get("unique identifier:") or meta["time period"]
    pairs = [
        _h10_series(label, *column)
        for column in zip(
            ids,
            *(meta.get(key) or [""] * len(ids) for key in ("unit:", "multiplier:", "currency:")),
            strict=False,
        )
    ]
    yield from (p for p in pairs if isinstance(p, Note))
    for number, row in enumerate(reader, start=header_line + 1):
        if not any(cell.strip() for cell in row):
            continue
        for pair, cell in zip(pairs, row[1:], strict=False):
            if not isinstance(pair, Note) and cell.strip() not in MISSING:
                yield number, row[0].strip(), *pair, cell.strip()


def _h10_by_row(reader, label: str, first: list[str]) -> Iterator[Row | Note]:
    """``layout=seriesrow``: Descriptions:, Unit:, Multiplier:, Currency:, Unique Identifier:,
    Series Name:, then one column per day."""
    names = [cell.lower() for cell in first]
    try:
        at = [
            names.index(key) for key in ("unique identifier:", "unit:", "multiplier:", "currency:")
        ]
    except ValueError:
        raise UpdateError(
            f"{label}: an H.10 seriesrow download needs the columns Unit:, "
            "Multiplier:, Currency: and Unique Identifier:"
        ) from None
    days_from = max(at + [names.index("series name:") if "series name:" in names else 0]) + 1
    for number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        pair = _h10_series(label, *(row[i].strip() if i < len(row) else "" for i in at))
        if isinstance(pair, Note):
            yield pair._replace(line=number)
            continue
        for day, cell in zip(first[days_from:], row[days_from:], strict=False):
            if cell.strip() not in MISSING:
                yield number, day.strip(), *pair, cell.strip()


def _h10_series(
    label: str, ident: str, unit: str, multiplier: str, currency: str
) -> tuple[str, str] | Note:
    """(base, quote) of one H.10 series, or a Note saying why it is left out."""
    match = _DDP_ID.match(ident.strip().upper())
    if match is None:
        return Note(1, f"{ident[:40]!r} is not an H.10 daily exchange-rate series: left out")
    code = _DDP_CODES.get(match[2])
    if code is None:
        return Note(
            1, f"{ident[:40]!r}: H.10 country code {match[2]!r} is not one claims knows: left out"
        )
    if multiplier not in ("", "1"):
        raise UpdateError(
            f"{label}: series {ident[:40]} has multiplier {multiplier[:10]!r}; "
            "claims reads H.10 rates with multiplier 1 only"
        )
    stated = {
        c
        for c in (currency.upper(), unit.upper().rpartition("_PER_")[2])
        if re.fullmatch(r"[A-Z]{3}", c)
    }
    if stated - {code, "USD"}:
        return Note(
            1,
            f"{ident[:40]!r} says currency {'/'.join(sorted(stated))}, not {code}: "
            "left out (import it with --format columns if you know its unit)",
        )
    return _pair(code, bool(match[1]))


# ---------------------------------------------------------------- IMF representative rates

IMF_TITLE = compile_pattern(
    r"Representative\s+Exchange\s+Rates\s+for\s+Selected\s+Currencies", re.I
)
IMF_HEADER = compile_pattern(r"\"?Currency\"?[\t,]\"?[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}")
_IMF_OTHER = compile_pattern(r"SDRs?\s+per\s+Currency|Currency\s+units?\s+per\s+SDR", re.I)
_IMF_NAME = compile_pattern(r"(?P<name>.*?)\s*(?:\((?P<note>\d+)\))?\Z")

#: The IMF's spellings that CLDR's English names (claims.extract._currency_data) lack.
IMF_NAMES: dict[str, str] = {
    "u.k. pound": "GBP",
    "u.s. dollar": "USD",
    "korean won": "KRW",
    "u.a.e. dirham": "AED",
    "saudi arabian riyal": "SAR",
    "trinidadian dollar": "TTD",
    "bahrain dinar": "BHD",
    "nuevo sol": "PEN",
    "rial omani": "OMR",
    "israeli new shekel": "ILS",
}


def _imf(reader, label: str) -> Iterator[Row | Note]:
    titled, days, left_out = False, None, set()
    for number, row in enumerate(reader, start=1):
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        first = cells[0]
        if _IMF_OTHER.match(first):
            raise UpdateError(
                f"{label} line {number}: this is the IMF's SDR table ({first[:50]!r})"
                "; export 'Representative Rates for Selected Currencies' instead"
            )
        if IMF_TITLE.match(first):
            titled = True
            continue
        if first.lower().startswith("notes"):
            days = None  # prose up to the next month's table
            continue
        if first.lower() == "currency":
            if not titled:
                raise UpdateError(
                    f"{label}: no 'Representative Exchange Rates for Selected "
                    "Currencies' title line before the table (not the IMF's "
                    "representative rates?)"
                )
            days = [_imf_day(cell, label, number) for cell in cells[1:] if cell]
            continue
        if days is None or not any(cells[1:]):
            continue  # a title or a line of notes
        pair = _imf_pair(first, label, number)
        if isinstance(pair, Note):
            if first not in left_out:
                left_out.add(first)
                yield pair
            continue
        if pair == ("USD", "USD"):
            if any(cell not in MISSING and _number(cell) != 1 for cell in cells[1:]):
                raise UpdateError(
                    f"{label} line {number}: the U.S. dollar row is not 1 (not "
                    "rates per US dollar?)"
                )
            continue
        for day, cell in zip(days, cells[1:], strict=False):
            if cell not in MISSING:
                yield number, day, *pair, plain_number(cell)
    if not titled:
        raise UpdateError(
            f"{label}: no 'Currency' header row with the days (not the IMF's "
            "representative rates table?)"
        )


def _number(cell: str) -> Decimal:
    try:
        return Decimal(plain_number(cell))
    except ArithmeticError:
        return Decimal(-1)


def _imf_day(cell: str, label: str, number: int) -> str:
    for fmt in ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y"):
        try:
            return datetime.strptime(" ".join(cell.split()), fmt).date().isoformat()
        except ValueError:
            continue
    raise UpdateError(f"{label} line {number}: {cell[:30]!r} is not a day such as 'June 02, 2025'")


def _imf_pair(cell: str, label: str, number: int) -> tuple[str, str] | Note:
    from claims.extract._currency_data import NAMES

    match = _IMF_NAME.match(" ".join(cell.split()))
    assert match is not None  # the pattern matches any one-line cell
    name, note = match["name"], match["note"]
    folded = name.lower()
    code = IMF_NAMES.get(folded)
    if code is None:
        codes = NAMES.get(folded, ())
        if len(codes) != 1:
            why = "could be " + " or ".join(codes) if codes else "is not a currency claims can name"
            return Note(number, f"{name[:40]!r} {why}: left out")
        code = codes[0]
    if note not in (None, "1"):
        return Note(
            number,
            f"{name[:40]!r} carries note ({note}), whose unit claims does not know: left out",
        )
    return _pair(code, note == "1")


READERS: dict[str, Callable[..., Iterator[Row | Note]]] = {"fred": _fred, "h10": _h10, "imf": _imf}
