"""CJK numbers counted in myriads: 万/萬 (10^4), 億/亿 (10^8), 兆 (10^12), 京 (10^16) and
Korean 만, 억, 조, 경, with 千/천 (1000), 百/백 (100) and 十/십 (10) inside a group.

``find_myriad(text) -> list[NumberReading]`` reads every such number with every mix printed in
news copy: ``7兆9914億``, ``1兆5千億``, ``約千2百億`` (1,200億), ``3・3兆`` (a Japanese decimal
point), ``12억7천167만``, ``1조 6천억`` (blanks between groups), ``2경 9천조``,
``1億779萬6,091.52`` (a plain tail below 萬), ``5000 億``, ``一亿``, ``2.5萬億`` (万亿 = 10^12),
and ranges ``5至6億``, ``10億至20億``, ``39至46.8億``, ``1~2억``. ``value``/``step`` are in base
units; ``step`` is one unit of the last printed digit (``7兆9914億`` -> 10^8, ``3・3兆`` ->
10^11); ``scale_text`` is the smallest myriad unit printed and ``mult`` its value.
``merge_myriad(text, readings)`` puts them in place of the digit readings they cover.
``write_myriad(amount, like)`` writes an amount the way a myriad figure is written.

A linear scan: each myriad unit character is found with one regex, the figure around it is read
by a small tokenizer, and scanning resumes after it.
"""

from __future__ import annotations

from decimal import Decimal

from claims.extract.scales import NumberReading
from claims.model import Span
from claims.pattern_cache import compile as compile_pattern

__all__ = ["find_myriad", "merge_myriad", "write_myriad", "BIG", "UNIT_CHARS"]

_T = Decimal(10)
#: myriad units -> value (憶 is a frequent misprint of 億)
BIG: dict[str, Decimal] = {
    "万": _T**4,
    "萬": _T**4,
    "만": _T**4,
    "億": _T**8,
    "亿": _T**8,
    "憶": _T**8,
    "억": _T**8,
    "兆": _T**12,
    "조": _T**12,
    "京": _T**16,
    "경": _T**16,
}
SMALL: dict[str, Decimal] = {
    "十": _T,
    "拾": _T,
    "십": _T,
    "百": _T**2,
    "佰": _T**2,
    "백": _T**2,
    "千": _T**3,
    "仟": _T**3,
    "천": _T**3,
}
KANJI_DIGITS: dict[str, int] = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {
    "两": 2,
    "兩": 2,
    "零": 0,
}
UNIT_CHARS = frozenset(BIG)

_BIG_RE = compile_pattern(f"[{''.join(BIG)}]")
_NUM = compile_pattern(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.・]\d+)?")
_JOIN = compile_pattern(r"[\x20\u00a0]?(?:[至~～〜\-–]|から)[\x20\u00a0]?")
_BACK_CHARS = frozenset("0123456789,.・") | frozenset(SMALL) | frozenset(KANJI_DIGITS)
_HANGUL_BIG = frozenset("만억조경")
_MYRIAD_LIKE = frozenset("万萬만")  # a plain number may follow (1億779萬6,091.52)


def _start_of(text: str, unit_at: int) -> int:
    """Where the figure ending in the unit at ``unit_at`` begins (groups before it included)."""
    i = unit_at
    while i > 0:
        c = text[i - 1]
        if c in _BACK_CHARS or c in BIG:
            i -= 1
        elif (
            c in " \u00a0"
            and i >= 2
            and (text[i - 2] in BIG or (text[i - 2].isdigit() and text[i] in BIG and i == unit_at))
        ):
            i -= 1  # 1조 6천억 / 5000 億
        else:
            break
    while i < unit_at and text[i] in ",.・ \u00a0":
        i += 1
    if i > 0 and text[i - 1].isdigit():
        return unit_at  # should not happen: digits run on
    return i


class _Parse:
    """A myriad figure read left to right: value, step, decimals, smallest unit, end."""

    def __init__(self, text: str, start: int) -> None:
        self.value = Decimal(0)
        self.step: Decimal | None = None
        self.decimals = 0
        self.unit: str | None = None
        self.mult = Decimal(1)
        self.end = start
        self.mark: str | None = None
        self._read(text, start)

    def _read(self, text: str, pos: int) -> None:
        section = Decimal(0)
        cur: Decimal | None = None
        pending: Decimal | None = None  # the step of the digits read since a unit
        pend_dec = 0
        n = len(text)
        while pos < n:
            c = text[pos]
            m = _NUM.match(text, pos) if c.isdigit() else None
            if m is not None:
                if cur is not None:
                    break
                raw = m.group()
                mark = "・" if "・" in raw else "." if "." in raw else None
                digits = raw.replace(",", "").replace("・", ".")
                cur = Decimal(digits)
                pend_dec = len(digits) - digits.index(".") - 1 if "." in digits else 0
                pending = Decimal(1).scaleb(-pend_dec)
                self.mark = mark or self.mark
                pos = m.end()
            elif c in KANJI_DIGITS:
                if cur is not None:
                    break
                cur, pending, pend_dec = Decimal(KANJI_DIGITS[c]), Decimal(1), 0
                pos += 1
            elif c in SMALL:
                section += (cur if cur is not None else Decimal(1)) * SMALL[c]
                pending = (
                    pending if cur is not None and pending is not None else Decimal(1)
                ) * SMALL[c]
                cur = None
                pos += 1
            elif c in BIG:
                group = section + (cur or 0)
                if not group:
                    break
                mult = BIG[c]
                if pos + 1 < n and text[pos + 1] in BIG and BIG[text[pos + 1]] > mult:
                    mult *= BIG[text[pos + 1]]  # 万亿 = 10^12
                    pos += 1
                self.value += group * mult
                self.step = (pending or Decimal(1)) * mult
                self.decimals = pend_dec
                self.unit, self.mult = text[pos], mult
                self.end = pos + 1
                section, cur, pending, pend_dec = Decimal(0), None, None, 0
                pos += 1
                if (
                    pos < n
                    and text[pos] in " \u00a0"
                    and pos + 1 < n
                    and (text[pos + 1].isdigit() or text[pos + 1] in SMALL)
                    and text[pos - 1] in _HANGUL_BIG
                ):
                    pos += 1  # 1조 6천억
            elif c in " \u00a0" and cur is not None and pos + 1 < n and text[pos + 1] in BIG:
                pos += 1  # 5000 億
            else:
                break
        if (
            self.unit is not None
            and self.unit in _MYRIAD_LIKE
            and cur is not None
            and not section
            and cur < BIG[self.unit]
            and pending is not None
            and text[self.end : self.end + 1].isdigit()
        ):
            self.value += cur  # 1億779萬6,091.52
            self.step = pending
            self.decimals = pend_dec
            self.end = self._tail_end(text)

    def _tail_end(self, text: str) -> int:
        m = _NUM.match(text, self.end)
        return m.end() if m else self.end


def _reading(text: str, p: _Parse, start: int) -> NumberReading:
    assert p.unit is not None and p.step is not None
    return NumberReading(
        p.value,
        None,
        p.step,
        p.decimals,
        text[p.end - len(p.unit) : p.end],
        Span(start, p.end),
        text[start : p.end],
        p.mult,
        None,
        p.mark,
    )


def find_myriad(text: str) -> list[NumberReading]:
    """Every myriad-unit number in ``text``, left to right, ranges joined."""
    out: list[NumberReading] = []
    pos = 0
    for m in _BIG_RE.finditer(text):
        if m.start() < pos:
            continue
        start = _start_of(text, m.start())
        if start == m.start():
            continue  # a unit with no figure: 万一
        p = _Parse(text, start)
        if p.unit is None or p.step is None:
            continue
        r = _reading(text, p, start)
        r = _join_range(text, out, r)
        if out and out[-1].span.end > r.span.start:
            out[-1] = r
        else:
            out.append(r)
        pos = r.span.end
    return out


_LOW_PLAIN = compile_pattern(r"(\d+(?:[.・]\d+)?)[\x20\u00a0]?(?:[至~～〜\-–]|から)[\x20\u00a0]?$")


def _join_range(text: str, out: list[NumberReading], r: NumberReading) -> NumberReading:
    """``10億至20億`` (two figures) or ``5至6億`` (a bare low end) as one range reading."""
    if out:
        low = out[-1]
        j = _JOIN.match(text, low.span.end)
        if j and j.end() == r.span.start and low.value < r.value and low.high is None:
            span = Span(low.span.start, r.span.end)
            return NumberReading(
                low.value,
                r.value,
                low.step,
                low.decimals,
                r.scale_text,
                span,
                text[span.start : span.end],
                r.mult,
                None,
                low.decimal_mark or r.decimal_mark,
            )
    m = _LOW_PLAIN.search(text, max(0, r.span.start - 16), r.span.start)
    if m and (m.start() == 0 or not text[m.start() - 1].isdigit()) and r.mult is not None:
        digits = m.group(1).replace("・", ".")
        dec = len(digits) - digits.index(".") - 1 if "." in digits else 0
        low_value = Decimal(digits) * r.mult
        if low_value < r.value:
            span = Span(m.start(), r.span.end)
            return NumberReading(
                low_value,
                r.value,
                Decimal(1).scaleb(-dec) * r.mult,
                dec,
                r.scale_text,
                span,
                text[span.start : span.end],
                r.mult,
                None,
                r.decimal_mark,
            )
    return r


def merge_myriad(text: str, readings: list[NumberReading]) -> list[NumberReading]:
    """``readings`` with the myriad numbers of ``text`` in place of the digits they cover."""
    if not _BIG_RE.search(text):
        return readings
    found = find_myriad(text)
    if not found:
        return readings
    kept: list[NumberReading] = []
    j = 0  # both lists run left to right
    for r in readings:
        while j < len(found) and found[j].span.end <= r.span.start:
            j += 1
        if j < len(found) and found[j].span.start < r.span.end:
            continue  # digits inside a myriad figure
        kept.append(r)
    return sorted(kept + found, key=lambda r: r.span.start)


def write_myriad(
    amount: Decimal, *, unit: str = "億", step: Decimal | None = None, commas: bool = False
) -> str:
    """``amount`` written in myriad units like a printed figure whose smallest unit is
    ``unit`` and last digit is worth ``step``: 3.4e11 -> ``3400億``; 7.99e12 -> ``7兆9900億``;
    Korean units (``1조 6500억``) when the figure used them; ``commas`` groups thousands within
    a unit (``1,455億``) as the figure did."""
    korean = unit in _HANGUL_BIG
    names = (
        ("경", "조", "억", "만")
        if korean
        else ("京", "兆", "亿" if unit == "亿" else "億", "萬" if unit == "萬" else "万")
    )
    values = (_T**16, _T**12, _T**8, _T**4)
    low = BIG.get(unit, _T**8)
    step = step or low
    rounded = (amount / step).quantize(Decimal(1)) * step
    digits = max(0, -(step / low).normalize().as_tuple().exponent)  # type: ignore[operator]
    parts: list[str] = []
    rest = rounded
    for name, value in zip(names, values, strict=True):
        if value < low:
            break
        if value > low:
            if rest >= value:
                q = rest // value
                parts.append(f"{q:{',' if commas else ''}.0f}{name}")
                rest -= q * value
            continue
        q = rest / value
        if q or not parts:
            parts.append(f"{q:{',' if commas else ''}.{digits}f}{name}")
    return (" " if korean else "").join(parts)
