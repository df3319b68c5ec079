"""Writing figures the way the story writes them: expected amounts, rates, percentages.

One neutral place for every check and reporter: ``write_like`` (an amount in the style of a
printed figure: ``$72.03 billion``; in the story's own number style and scale words:
``3.260 millones de dólares``, ``1,57 mil milhões de euros``, ``3400億円``, ``1조 6천억 원``),
``format_rate``/``rate_phrase`` (``1 USD = 1,388.15 KRW``), ``fmt`` (fixed decimals with
thousands commas) and ``scaled_fmt``. Messages stay English; only the figures change style.
"""

from __future__ import annotations

from decimal import Decimal

from claims.model import Quantity, plain
from claims.pattern_cache import compile as compile_pattern

__all__ = [
    "write_like",
    "multiplier_of",
    "format_rate",
    "rate_phrase",
    "fmt",
    "plain",
    "scaled_fmt",
    "amount_text",
    "range_text",
    "percent_text",
]

_SCALES_LONG = (
    (Decimal(10) ** 12, "trillion"),
    (Decimal(10) ** 9, "billion"),
    (Decimal(10) ** 6, "million"),
)
_SCALES_SHORT = ((Decimal(10) ** 12, "tn"), (Decimal(10) ** 9, "bn"), (Decimal(10) ** 6, "m"))
_SHORT_WORDS = {"k", "m", "mn", "mln", "bn", "b", "tn", "trn", "t", "M", "B", "T"}
_ENGLISH_SCALES = _SHORT_WORDS | {
    "thousand",
    "million",
    "billion",
    "trillion",
    "Million",
    "Billion",
    "Trillion",
    "crore",
    "lakh",
}


def multiplier_of(money: Quantity) -> Decimal:
    """What one printed unit is worth: ``$72.29 billion`` -> 10**9."""
    return abs(money.step) * (Decimal(10) ** money.decimals) or Decimal(1)


def write_like(money: Quantity, amount: Decimal, extra_decimals: int = 0) -> str:
    """``amount`` (base units) written in the style of ``money``: ``$72.03 billion``.

    ``extra_decimals`` prints more digits than the story did (for the bounds of a range).
    """
    if money.number_format in _MYRIAD_UNITS:
        return _myriad_like(money, amount)
    mult = multiplier_of(money)
    scale = money.scale_text
    number = amount / mult
    printed = abs(money.value) / mult
    if scale and scale not in _ENGLISH_SCALES and abs(number) >= 1:
        pass  # 3.260 millones: the story's own scale word
    elif scale and (abs(number) < 1 or (abs(number) >= 1000 and printed < 1000)):
        if scale not in _ENGLISH_SCALES:  # "mil milhões": no English rescaling
            return f"{money.unit or money.unit_text} {_plain_amount(amount)}"
        mult, scale = _choose_scale(amount, short=scale in _SHORT_WORDS)
        number = amount / mult
    decimals = money.decimals if scale else min(money.decimals, 2)
    if scale and decimals == 0 and abs(number) < 10:
        decimals = 1
    decimals += extra_decimals
    digits = styled(f"{number:,.{decimals}f}", money.number_format, _group_of(money.text))
    if scale:
        sep = " " if not money.scale_text or (" " + money.scale_text) in money.text else ""
        digits = f"{digits}{sep}{scale}"
    cur = money.unit_text or (money.unit or "")
    if not cur:
        return digits
    if money.unit_before:
        space = " " if (cur + " ") in money.text else ""
        return f"{cur}{space}{digits}"
    space = "" if cur[:1] and _glued(cur[0]) and (" " + cur) not in money.text else " "
    return f"{digits}{space}{cur}"


_MYRIAD_UNITS = frozenset("万萬億亿憶兆京만억조경")


def _glued(ch: str) -> bool:
    """CJK and Hangul units follow the number with no blank (3400億円, 30억유로)."""
    return "\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7a3" or ch in "€$£¥"


def _group_of(text: str) -> str:
    """The blank a figure groups thousands with (a space, no-break or thin space)."""
    m = _BLANK_GROUP.search(text)
    return m.group(1) if m else "\u00a0"


_BLANK_GROUP = compile_pattern(r"\d([\x20\u00a0\u202f\u2009])\d{3}")


def styled(digits: str, number_format: str, blank: str = "\u00a0") -> str:
    """English-formatted ``digits`` (``1,234.5``) in a story's number style:
    ``1.234,5``, ``1 234,5`` (grouped with ``blank``), ``1'234.5``."""
    if number_format == "1.234,5":
        return digits.translate(_SWAP)
    if number_format == "1 234,5":
        return digits.replace(",", blank).replace(".", ",")
    if number_format == "1 234.5":
        return digits.replace(",", blank)
    if number_format == "1'234.5":
        return digits.replace(",", "'")
    return digits


_SWAP = str.maketrans({",": ".", ".": ","})


def _myriad_like(money: Quantity, amount: Decimal) -> str:
    """``amount`` in myriad units like ``money``: 約3400億円, 1조 6천억 원."""
    from claims.extract.myriad import write_myriad

    step = abs(money.step) or Decimal(1)
    number = write_myriad(amount, unit=money.number_format, step=step, commas="," in money.text)
    cur = money.unit_text or (money.unit or "")
    if not cur:
        return number
    if money.unit_before:
        return f"{cur}{number}"
    space = " " if (" " + cur) in money.text else ""
    return f"{number}{space}{cur}"


def _plain_amount(amount: Decimal) -> str:
    mult, word = _choose_scale(amount, short=False)
    return f"{amount / mult:,.2f} {word}" if word else f"{amount:,.0f}"


def _choose_scale(amount: Decimal, short: bool) -> tuple[Decimal, str | None]:
    for mult, word in _SCALES_SHORT if short else _SCALES_LONG:
        if abs(amount) >= mult:
            return mult, word
    return Decimal(1), None


def format_rate(value: Decimal) -> str:
    """A rate with enough significant digits to cite: 1388.15, 0.8338, 10.0712."""
    if value == 0:
        return "0"
    digits = max(2, 6 - len(str(int(abs(value)))))
    return f"{value:,.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:,.0f}"


def rate_phrase(base: str, quote: str, value: Decimal) -> str:
    """``1 USD = 1,388.15 KRW``: QUOTE per 1 BASE, turned round when it would read below 1."""
    if value and abs(value) < 1:
        return f"1 {quote} = {format_rate(1 / value)} {base}"
    return f"1 {base} = {format_rate(value)} {quote}"


def fmt(value: Decimal, decimals: int) -> str:
    """``value`` with ``decimals`` places and thousands commas: 79493.65 -> '79,493.7'."""
    decimals = max(0, decimals)
    return f"{value:,.{decimals}f}"  # rounds half-even at any size (no context limits)


def scaled_fmt(
    value: Decimal, scale: Decimal, scale_text: str | None, decimals: int, extra: int = 1
) -> str:
    """``value`` printed with a figure's scale word and ``extra`` more decimals than it has."""
    if scale_text and scale != 1:
        return f"{fmt(value / scale, decimals + extra)} {scale_text}"
    return fmt(value, decimals + extra)


def amount_text(value: Decimal, digits: int = 4) -> str:
    """A computed amount for people, about ``digits`` significant digits with a scale word
    from a million up: ``70961158939.73`` -> ``70.96 billion``, ``384341.813`` ->
    ``384,341.81``, ``0.0001234567`` -> ``0.000123457``. Digits past ``digits`` are written as
    zeros, never as a float's noise (``76,712,000,000,000,000,000 trillion``)."""
    for scale, word in _SCALES_LONG:
        if abs(value) >= scale:
            return f"{_significant(value / scale, digits)} {word}"
    if abs(value) >= 1:
        return _strip_zeros(f"{value:,.{2 + max(0, digits - 4)}f}")
    return _significant(value, digits + 2)


def range_text(low: Decimal, high: Decimal) -> str:
    """``low to high`` with just enough digits that the two ends read apart (at least four
    significant): ``9.4607 trillion to 9.4608 trillion``, never ``9.461 trillion`` twice."""
    for digits in range(4, 40):
        a, b = amount_text(low, digits), amount_text(high, digits)
        if a != b or low == high:
            return f"{a} to {b}"
    return f"{plain(low)} to {plain(high)}"


def _significant(value: Decimal, digits: int) -> str:
    """``value`` rounded to ``digits`` significant digits, grouped, no trailing decimal zeros."""
    if not value:
        return "0"
    places = digits - 1 - value.adjusted()  # decimals kept; negative: rounds to tens, ...
    if places >= 0:
        return _strip_zeros(f"{value:,.{places}f}")
    whole = value.scaleb(places).to_integral_value().scaleb(-places)
    return f"{whole:,.0f}"


def _strip_zeros(text: str) -> str:
    return text.rstrip("0").rstrip(".") if "." in text else text


def percent_text(pct: Decimal | float) -> str:
    """A signed deviation in percent, two decimals (``+1.07%``); one that rounds to nothing
    keeps two significant digits (``-0.0039%``), never ``-0.00%``."""
    d = Decimal(str(pct))
    if d and abs(d) < Decimal("0.005"):
        return f"{d:+.{1 - d.adjusted()}f}%"
    return f"{d:+.2f}%"
