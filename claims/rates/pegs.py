"""Fixed pegs and irrevocable euro conversion rates, read from ``rates_cache/pegs.csv``.

Each row: ``currency`` is worth ``value`` per 1 ``anchor`` (USD or EUR) from ``start`` on,
as set by ``authority``. ``type`` is ``fixed`` (answers lookups: SAR 3.75 per USD, DEM
1.95583 per EUR) or ``band`` (HKD 7.75-7.85: recorded and reported, never used as a rate,
because the market rate moves inside it). Pure: text in, pegs out.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from claims.errors import ConfigError
from claims.pattern_cache import compile as compile_pattern

_CODE = compile_pattern(r"[A-Z]{3}\Z")
_FIELDS = ("currency", "anchor", "value", "type", "low", "high", "start", "authority")


@dataclass(frozen=True)
class Peg:
    """One peg: ``value`` units of ``currency`` per 1 ``anchor`` from ``start`` (ISO date)."""

    currency: str
    anchor: str
    value: Decimal
    type: str  # fixed | band
    start: str
    authority: str
    low: Decimal | None = None
    high: Decimal | None = None
    start_precision: str = "day"  # day | month | year: how exactly the start is known
    reference: str = ""
    note: str = ""

    @property
    def source(self) -> str:
        """The citation used in a Rate: 'peg: Saudi Central Bank'."""
        return f"peg: {self.authority}"

    def to_dict(self) -> dict[str, str | None]:
        return {
            "currency": self.currency,
            "anchor": self.anchor,
            "value": str(self.value),
            "type": self.type,
            "low": _opt(self.low),
            "high": _opt(self.high),
            "start": self.start,
            "start_precision": self.start_precision,
            "authority": self.authority,
            "reference": self.reference,
            "note": self.note,
        }


@dataclass(frozen=True)
class PegTable:
    """The pegs file as loaded: every row, its identity, and the fixed pegs by currency."""

    pegs: tuple[Peg, ...]
    identity: str  # "pegs.csv sha256:533a31c59a6b"
    fixed: dict[str, tuple[Peg, ...]]  # latest start first

    @classmethod
    def from_bytes(cls, data: bytes, name: str = "pegs.csv") -> PegTable:
        from hashlib import sha256

        pegs = parse_pegs(data.decode("utf-8"), name)
        fixed: dict[str, list[Peg]] = {}
        for peg in sorted(pegs, key=lambda p: p.start, reverse=True):
            if peg.type == "fixed":
                fixed.setdefault(peg.currency, []).append(peg)
        identity = f"{name.rsplit('/', 1)[-1]} sha256:{sha256(data).hexdigest()[:12]}"
        return cls(pegs, identity, {c: tuple(p) for c, p in fixed.items()})

    def dataset(self, used: list[Peg]) -> str:
        """The dataset citation for the pegs a rate used."""
        since = ", ".join(f"{p.currency} per {p.anchor} since {p.start}" for p in used)
        return f"{self.identity} ({since})" if used else ""


def parse_pegs(text: str, name: str = "pegs.csv") -> tuple[Peg, ...]:
    """Validate the pegs table; a bad row is a configuration error naming the line."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [f for f in _FIELDS if f not in (reader.fieldnames or ())]
    if missing:
        raise ConfigError(f"{name}: missing columns {', '.join(missing)}")
    pegs = []
    for number, row in enumerate(reader, start=2):
        try:
            pegs.append(_peg(row))
        except (ValueError, InvalidOperation, TypeError) as exc:
            raise ConfigError(f"{name} line {number}: {exc}") from None
    return tuple(pegs)


def _peg(row: dict[str, str]) -> Peg:
    currency, anchor = row["currency"].strip(), row["anchor"].strip()
    if not (_CODE.match(currency) and _CODE.match(anchor)) or currency == anchor:
        raise ValueError(f"bad currency pair {currency!r}/{anchor!r}")
    kind = row["type"].strip()
    if kind not in ("fixed", "band"):
        raise ValueError(f"type {kind!r} is not fixed or band")
    value = Decimal(row["value"].strip())
    if not value > 0:
        raise ValueError("value must be positive")
    low = Decimal(row["low"]) if (row.get("low") or "").strip() else None
    high = Decimal(row["high"]) if (row.get("high") or "").strip() else None
    if kind == "band" and not (low and high and low <= value <= high):
        raise ValueError("a band needs low <= value <= high")
    start = date.fromisoformat(row["start"].strip()).isoformat()
    authority = row["authority"].strip()
    if not authority:
        raise ValueError("authority is empty")
    return Peg(
        currency=currency,
        anchor=anchor,
        value=value,
        type=kind,
        start=start,
        authority=authority,
        low=low,
        high=high,
        start_precision=(row.get("start_precision") or "day").strip(),
        reference=(row.get("reference") or "").strip(),
        note=(row.get("note") or "").strip(),
    )


def _opt(value: Decimal | None) -> str | None:
    return None if value is None else str(value)
