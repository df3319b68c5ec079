"""The values that flow through claims: figures read from text, the claims they make, findings.

Frozen dataclasses and enums only; of claims it imports only the rule registry (names). Figures are
``Decimal`` built from the digits as written, never from a float. Spans are 0-based,
end-exclusive character offsets into the text the figure was read from; ``Location`` is the
same stretch in the source file, filled in by ``Document.locate``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any, TypeVar

from claims.rules import rule_name

_T = TypeVar("_T")

_Date = date  # for fields named `date`, which shadow the type in their class

#: The JSON contract version of ``claims check --format json`` (see README, "JSON contract").
JSON_VERSION = 2


class Verdict(str, Enum):  # noqa: UP042 (a StrEnum would change str() and format())
    """How a checked figure holds up, from best to worst; UNVERIFIABLE sits apart."""

    OK = "ok"
    WARNING = "warning"
    ERROR = "error"
    UNVERIFIABLE = "unverifiable"

    @property
    def severity(self) -> int:
        """Rank for --fail-on: ok/unverifiable 0, warning 1, error 2."""
        return _SEVERITY[self.value]

    def reaches(self, fail_on: str) -> bool:
        """Whether this verdict is at or above a ``--fail-on`` level (error|warning|never)."""
        threshold = _SEVERITY.get(fail_on)
        return fail_on != "never" and threshold is not None and self.severity >= threshold


_SEVERITY = {"ok": 0, "unverifiable": 0, "warning": 1, "error": 2}


def evolve(obj: _T, **changes: Any) -> _T:
    """``dataclasses.replace`` for the frozen dataclasses of this module and of the number
    reader (none has ``__post_init__``), without running ``__init__`` again: a copy with
    ``changes``, five times faster (a story of 265 findings made ~3,000 such copies, 13% of its
    check, moving spans and locations)."""
    fields = obj.__dataclass_fields__  # type: ignore[attr-defined]
    if not changes.keys() <= fields.keys():
        raise TypeError(
            f"{type(obj).__name__} has no field {sorted(changes.keys() - fields.keys())}"
        )
    new = object.__new__(type(obj))
    new.__dict__.update(obj.__dict__, **changes)
    return new


@dataclass(frozen=True)
class Span:
    """A stretch of text: 0-based, end-exclusive character offsets."""

    start: int
    end: int


@dataclass(frozen=True)
class Location:
    """A stretch of the source file: offsets, 1-based lines and columns (code points and
    UTF-8 bytes); ``end_*`` are exclusive (just after the last character)."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    byte_column: int
    end_byte_column: int

    def to_dict(self) -> dict[str, int]:
        return {
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "byte_column": self.byte_column,
            "end_byte_column": self.end_byte_column,
        }


@dataclass(frozen=True)
class Quantity:
    """One figure as printed, with its unit: ``over 100 trillion won``, ``62 miles``, ``7.5%``.

    ``value`` is in base units (``8.1 trillion`` -> 8100000000000) and is the low end of a
    range; ``high`` is the upper end or None. ``step`` is the value of one unit in the last
    printed digit, in base units (``$72.29 billion`` -> 10000000): what rounding allows.
    ``unit`` is an ISO 4217 code for money, a unit name for measures (``miles``, ``°C``),
    ``%`` or ``percentage points``, or None when it could not be told; when the reading is
    unsure, ``unit_candidates`` lists what it might be and ``unit_note`` says why.
    ``qualifier`` is the hedge as normalised (about, more than, nearly ...) and ``bound`` how it
    bounds the true value: ``approx``, ``lower`` (the truth is at least the figure), ``upper``.
    """

    text: str
    span: Span
    value: Decimal
    unit: str | None
    step: Decimal = Decimal(1)
    high: Decimal | None = None
    qualifier: str | None = None
    bound: str | None = None
    unit_text: str = ""  # as written: "$", "US$", "won", "km", "per cent"
    unit_before: bool = False  # symbol/code written before the number
    scale_text: str | None = None  # as written: "billion", "bn", "crore"
    decimals: int = 0  # digits printed after the decimal mark
    unit_candidates: tuple[str, ...] = ()
    unit_note: str | None = None
    unit_guessed: bool = False  # read by default, with no cue in the story
    zeros_meant: bool = False  # a number word ("a hundred"): its zeros are exact
    location: Location | None = None
    ambiguous: bool = False  # the figure reads two ways (12.345 with no locale)
    reading_note: str | None = None  # why: which reading was taken and what else it may be
    number_format: str = ""  # how it writes numbers: "1,234.5", "1.234,5", "億"

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: value/high as decimal strings in base units; source position."""
        out: dict[str, Any] = {
            "value": plain(self.value),
            "high": plain(self.high) if self.high is not None else None,
            "unit": self.unit,
            "unit_text": self.unit_text,
            "qualifier": self.qualifier,
            "text": self.text,
        }
        out.update(_position(self.span, self.location))
        out.update(
            {
                "unit_candidates": list(self.unit_candidates),
                "unit_note": self.unit_note,
                "unit_guessed": self.unit_guessed,
                "ambiguous": self.ambiguous,
                "reading_note": self.reading_note,
            }
        )
        return out


# ------------------------------------------------------------------------------ claims


@dataclass(frozen=True)
class CurrencyConversion:
    """A money figure paired with its stated conversion: ``100 trillion won ($72.29 billion)``."""

    original: Quantity  # the figure written first
    converted: Quantity  # the restated figure
    span: Span
    text: str


@dataclass(frozen=True)
class UnitConversion:
    """A measure restated in another unit: ``100 km (62 miles)``. A side whose unit the
    checker does not convert has ``unit`` None and a ``unit_note``. ``certainty`` is
    ``stated`` when a phrase restates one side as the other (brackets, "or", "That's"), or
    ``inferred`` for one measure given twice in a sentence with no such phrase (``15.8
    tonnes; ... 15,876 kilograms``): judged only where the two nearly agree, at most a
    warning."""

    original: Quantity
    converted: Quantity
    span: Span
    text: str
    certainty: str = "stated"


@dataclass(frozen=True)
class Base:
    """A whole a share may be of, found in an earlier sentence of the paragraph."""

    figure: Quantity
    sentences_back: int
    linked: bool  # an explicit phrase names it: "of the 97,750"


@dataclass(frozen=True)
class ArithmeticClaim:
    """A relation the story states between its own figures.

    ``relation`` names how the stated figure is recomputed (``change``, ``change-amount``,
    ``multiple``, ``share``, ``total``, ``difference``, ``difference-unit``, ``vote-share``,
    ``earlier-share``, ``change-by-amount``, ``per-unit``, ``remainder``,
    ``multiple-of-change``); ``figures`` are the inputs by role (``old``, ``new``, ``part``,
    ``whole``, ``parts`` ...); ``direction`` +1 for a rise (or "above"), -1 for a fall (or
    "below"); ``word`` the story's own word for the relation ("doubled", "three times").
    An ``earlier-share`` has no whole in ``figures`` but candidate ``bases``, and ``rivals``,
    the other whole numbers there at least as large as the part.
    ``certainty`` says how the roles were read: ``stated`` (the sentence names them: any
    verdict), ``inferred`` (one reading, but a link is inferred: at most a warning) or
    ``guess`` (the cue is plain, the roles are not: reported only when a reading fits).
    ``alternatives`` are other readings of the same stated figure (the same cue, other
    figures in the roles): the claim is checked if one of them fits, else not at all.
    """

    relation: str
    stated: Quantity
    figures: Mapping[str, Figure]
    span: Span
    text: str
    direction: int = 0
    word: str | None = None
    bases: tuple[Base, ...] = ()
    rivals: tuple[Decimal, ...] = ()
    certainty: str = "stated"
    alternatives: tuple[ArithmeticClaim, ...] = ()


@dataclass(frozen=True)
class StatedRate:
    """A rate printed in the story, e.g. ``($1 = 1,130.2900 won)``: ``value`` QUOTE per 1 BASE."""

    base: str
    quote: str
    value: Decimal
    span: Span
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "base": self.base,
            "quote": self.quote,
            "value": plain(self.value),
            "start": self.span.start,
            "end": self.span.end,
            "text": self.text,
        }


@dataclass(frozen=True)
class Extraction:
    """Every money figure read from one text: mentions, conversion pairs, stated rates."""

    mentions: tuple[Quantity, ...] = ()
    conversions: tuple[CurrencyConversion, ...] = ()
    stated_rates: tuple[StatedRate, ...] = ()
    language: str | None = None  # the story's language tag: "es", "zh-Hant", "en"
    language_source: str | None = None  # option | document | detected | unknown
    decimal_mark: str | None = None  # the story's decimal mark as read: "," or "."


# ------------------------------------------------------------------------------ evidence


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
    date: _Date
    requested_date: _Date
    source: str
    dataset: str = ""
    kind: str = "reference"  # reference | peg | imported | online | stated | hmrc
    # A coarse source (a monthly table) says how far a day's market may stray from it, in
    # percent; a conversion is judged with max(option margin, margin_pct). None: a daily rate.
    margin_pct: Decimal | None = None
    frequency: str = "daily"  # daily | weekly | monthly | fixed | ...

    def to_dict(self) -> dict[str, Any]:
        return {
            "base": self.base,
            "quote": self.quote,
            "value": plain(self.value),
            "date": self.date.isoformat(),
            "requested_date": self.requested_date.isoformat(),
            "source": self.source,
            "dataset": self.dataset,
            "kind": self.kind,
            "frequency": self.frequency,
            "margin_pct": plain(self.margin_pct) if self.margin_pct is not None else None,
        }


@dataclass(frozen=True)
class Expected:
    """What a figure should say: a central value and the range that would be acceptable."""

    value: Decimal
    low: Decimal
    high: Decimal
    unit: str | None = None  # an ISO code, a unit name, "%", "times"
    text: str | None = None  # written the way the story writes it: "$72.03 billion"
    range_text: str | None = None  # low to high, written the same way

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": plain(self.value),
            "low": plain(self.low),
            "high": plain(self.high),
            "unit": self.unit,
            "text": self.text,
            "range_text": self.range_text,
        }


Figure = Quantity | tuple[Quantity, ...]


@dataclass(frozen=True)
class Finding:
    """One checked claim, the single shape every reporter is built from.

    ``span`` is in the checked text's offsets; ``location`` (source offsets, lines and
    columns) is filled in by ``Document.locate``, as are the quantities' own locations.
    ``original``/``converted`` are the two sides of a conversion; ``figures`` every other
    figure the check used, by role (``old``, ``new``, ``stated``, ``parts`` ...).
    ``diagnosis`` is a slug from ``claims.rules.DIAGNOSES``; prose goes in ``message`` and
    ``detail``.
    """

    code: str
    check: str  # currency-conversion | unit-conversion | arithmetic
    verdict: Verdict
    message: str
    span: Span
    text: str
    original: Quantity | None = None
    converted: Quantity | None = None
    expected: Expected | None = None
    deviation_pct: float | None = None
    diagnosis: str | None = None
    rate: Rate | None = None
    figures: Mapping[str, Figure] = field(default_factory=dict)
    detail: str | None = None
    location: Location | None = None
    suppressed: bool = False

    @property
    def line(self) -> int:
        return self.location.line if self.location else 0

    @property
    def column(self) -> int:
        return self.location.column if self.location else 0

    def to_dict(self) -> dict[str, Any]:
        """Built-in types only; the one serialisation every output format starts from."""
        out: dict[str, Any] = {
            "code": self.code,
            "name": rule_name(self.code),
            "check": self.check,
            "verdict": self.verdict.value,
            "message": self.message,
            "detail": self.detail,
        }
        out.update(_position(self.span, self.location))
        out.update(
            {
                "text": self.text,
                "original": self.original.to_dict() if self.original is not None else None,
                "converted": self.converted.to_dict() if self.converted is not None else None,
                "expected": self.expected.to_dict() if self.expected else None,
                "deviation_pct": self.deviation_pct,
                "diagnosis": self.diagnosis,
                "rate": self.rate.to_dict() if self.rate else None,
                "figures": {k: _figure_dict(v) for k, v in self.figures.items()},
                "suppressed": self.suppressed,
            }
        )
        return out


def _figure_dict(figure: Figure) -> Any:
    if isinstance(figure, Quantity):
        return figure.to_dict()
    return [q.to_dict() for q in figure]


def _position(span: Span, location: Location | None) -> dict[str, int]:
    """Source position keys; before ``locate`` only the text offsets (lines 0)."""
    if location is not None:
        return location.to_dict()
    return {
        "start": span.start,
        "end": span.end,
        "line": 0,
        "column": 0,
        "end_line": 0,
        "end_column": 0,
        "byte_column": 0,
        "end_byte_column": 0,
    }


def round_pct(value: float | Decimal | None) -> float | None:
    """A deviation in percent as every finding reports it: two decimal places (a gap that
    rounds to nothing is 0.0, never -0.0)."""
    return None if value is None else round(float(value), 2) + 0.0


def plain(value: Decimal) -> str:
    """A Decimal as a plain decimal string (no exponent): 8.1E+12 -> '8100000000000'."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"
