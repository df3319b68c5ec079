"""The values that flow through claims: figures read from text, rates, and findings.

Frozen dataclasses and enums only. Money is ``Decimal`` built from the digits as written,
never from a float. Spans are 0-based, end-exclusive character offsets into the text the
figure was read from (``Document.text``); reporters map them back to source line/column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any, Mapping


class Verdict(str, Enum):
    """How a checked figure holds up, from best to worst; UNVERIFIABLE sits apart."""

    OK = "ok"
    WARNING = "warning"
    ERROR = "error"
    UNVERIFIABLE = "unverifiable"

    @property
    def severity(self) -> int:
        """Rank for --fail-on: ok/unverifiable 0, warning 1, error 2."""
        return {"ok": 0, "unverifiable": 0, "warning": 1, "error": 2}[self.value]


@dataclass(frozen=True)
class Span:
    """A stretch of text: 0-based, end-exclusive character offsets."""

    start: int
    end: int


@dataclass(frozen=True)
class Money:
    """A money figure as written in the story, e.g. ``over 100 trillion won``.

    ``amount`` is in base units (``8.1 trillion`` -> 8100000000000) and is the low end of a
    range; ``high`` is the upper end or None. ``step`` is the value of one unit in the last
    printed digit, in base units (``$72.29 billion`` -> 10000000): it is what rounding allows.
    ``currency`` is an ISO 4217 code, or None when it could not be told; when the reading is
    unsure, ``currency_candidates`` lists what it might be and ``currency_note`` says why.
    """

    text: str
    span: Span
    amount: Decimal
    currency: str | None
    step: Decimal
    high: Decimal | None = None
    qualifier: str | None = None          # normalised: about, over, under, at least, up to, ...
    currency_text: str = ""               # as written: "$", "US$", "won", "Norwegian kroner"
    currency_before: bool = True          # symbol/code written before the number
    scale_text: str | None = None         # as written: "billion", "bn", "crore"
    decimals: int = 0                     # digits printed after the decimal mark
    currency_candidates: tuple[str, ...] = ()
    currency_note: str | None = None
    currency_guessed: bool = False        # read by default, with no cue in the story

    @property
    def bound(self) -> str | None:
        """How the qualifier bounds the true value: 'approx', 'lower', 'upper' or None."""
        from claims.extract.qualifiers import bound_of  # local: keeps model import-light

        return bound_of(self.qualifier)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: amount/high as decimal strings in base units."""
        return {
            "amount": _dec(self.amount),
            "currency": self.currency,
            "high": _dec(self.high) if self.high is not None else None,
            "qualifier": self.qualifier,
            "text": self.text,
            "start": self.span.start,
            "end": self.span.end,
            "currency_candidates": list(self.currency_candidates),
            "currency_note": self.currency_note,
            "currency_guessed": self.currency_guessed,
        }


@dataclass(frozen=True)
class Conversion:
    """A figure paired with its stated conversion: ``100 trillion won ($72.29 billion)``."""

    original: Money          # the figure written first
    converted: Money         # the restated figure
    span: Span
    text: str


@dataclass(frozen=True)
class StatedRate:
    """A rate printed in the story, e.g. ``($1 = 1,130.2900 won)``: ``value`` QUOTE per 1 BASE."""

    base: str
    quote: str
    value: Decimal
    span: Span
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"base": self.base, "quote": self.quote, "value": _dec(self.value),
                "start": self.span.start, "end": self.span.end, "text": self.text}


@dataclass(frozen=True)
class Extraction:
    """Everything read from one text: money mentions, conversion pairs, stated rates."""

    mentions: tuple[Money, ...] = ()
    conversions: tuple[Conversion, ...] = ()
    stated_rates: tuple[StatedRate, ...] = ()


@dataclass(frozen=True)
class Rate:
    """A reference rate as evidence: ``value`` units of QUOTE per 1 BASE on ``date``.

    ``requested_date`` is the day asked for; ``date`` the fixing actually used (the most
    recent one on or before it). ``source`` names the publisher ("ECB euro reference rate",
    "peg: Saudi Central Bank"); ``dataset`` identifies the data (file hash, retrieval date).
    """

    base: str
    quote: str
    value: Decimal
    date: date
    requested_date: date
    source: str
    dataset: str = ""
    kind: str = "reference"               # reference | peg | imported | online | stated | hmrc
    # A coarse source (a monthly table) says how far a day's market may stray from it, in
    # percent; a conversion is judged with max(option margin, margin_pct). None: a daily rate.
    margin_pct: Decimal | None = None
    frequency: str = "daily"              # daily | weekly | monthly | fixed | ...

    def to_dict(self) -> dict[str, Any]:
        return {
            "base": self.base,
            "quote": self.quote,
            "value": _dec(self.value),
            "date": self.date.isoformat(),
            "requested_date": self.requested_date.isoformat(),
            "source": self.source,
            "dataset": self.dataset,
            "kind": self.kind,
            "frequency": self.frequency,
            "margin_pct": _dec(self.margin_pct) if self.margin_pct is not None else None,
        }


@dataclass(frozen=True)
class Expected:
    """What a figure should say: a central value and the range that would be acceptable."""

    amount: Decimal
    low: Decimal
    high: Decimal
    currency: str | None = None           # or a unit name for unit conversions
    text: str | None = None               # written the way the story writes it: "$72.03 billion"
    range_text: str | None = None         # low to high, written the same way

    def to_dict(self) -> dict[str, Any]:
        return {"amount": _dec(self.amount), "low": _dec(self.low), "high": _dec(self.high),
                "currency": self.currency, "text": self.text, "range_text": self.range_text}


@dataclass(frozen=True)
class Finding:
    """One checked claim, the single shape every reporter is built from.

    ``span`` is in document-text offsets; ``line``/``column`` (1-based, code points) and
    ``source_span`` are filled in against the source file by ``claims.locate``.
    ``original``/``converted`` are plain dicts (money or quantity), ``figures`` any other
    numbers the check used (arithmetic inputs).
    """

    code: str
    check: str                            # currency-conversion | unit-conversion | arithmetic
    verdict: Verdict
    message: str
    span: Span
    text: str
    original: Mapping[str, Any] | None = None
    converted: Mapping[str, Any] | None = None
    expected: Expected | None = None
    deviation_pct: float | None = None
    diagnosis: str | None = None
    rate: Rate | None = None
    figures: Mapping[str, Any] = field(default_factory=dict)
    line: int = 0
    column: int = 0
    source_span: Span | None = None
    suppressed: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Built-in types only; the one serialisation every output format starts from."""
        span = self.source_span or self.span
        return {
            "code": self.code,
            "check": self.check,
            "verdict": self.verdict.value,
            "message": self.message,
            "start": span.start,
            "end": span.end,
            "line": self.line,
            "column": self.column,
            "text": self.text,
            "original": dict(self.original) if self.original is not None else None,
            "converted": dict(self.converted) if self.converted is not None else None,
            "expected": self.expected.to_dict() if self.expected else None,
            "deviation_pct": self.deviation_pct,
            "diagnosis": self.diagnosis,
            "rate": self.rate.to_dict() if self.rate else None,
            "figures": dict(self.figures),
            "suppressed": self.suppressed,
        }


def _dec(value: Decimal) -> str:
    """A Decimal as a plain decimal string (no exponent): 8.1E+12 -> '8100000000000'."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"
