"""Shortcuts for the tests: one story's unit and arithmetic findings (no rate store needed)."""

from __future__ import annotations

from claims.check.arithmetic import check_arithmetic
from claims.check.units import check_units
from claims.extract.arithmetic import read_arithmetic
from claims.extract.reading import read
from claims.extract.units import read_unit_conversions
from claims.model import Finding


def unit_findings(text: str) -> list[Finding]:
    """The unit-conversion findings of ``text`` (spans in ``text``)."""
    reading = read(text)
    return [reading.finding(f) for f in check_units(read_unit_conversions(reading.text))]


def arithmetic_findings(text: str) -> list[Finding]:
    """The arithmetic findings of ``text`` (spans in ``text``)."""
    reading = read(text)
    return [reading.finding(f) for f in check_arithmetic(read_arithmetic(reading.text))]


def numeric_findings(text: str) -> list[Finding]:
    """Unit and arithmetic findings together."""
    return unit_findings(text) + arithmetic_findings(text)
