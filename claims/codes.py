"""The finding codes: a stable id, a name, a one-line description and help for each.

This is the rule reference SARIF and the docs are built from. Codes never change meaning;
check modules add their codes here (the docstrings of the checks give the bad and good
examples). ``CUR0xx`` currency conversions, ``UNT0xx`` units, ``ARI0xx`` arithmetic.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Mapping, NamedTuple


class Code(NamedTuple):
    """A finding code's reference entry; ``level`` is its usual verdict."""

    name: str
    short: str
    help: str
    level: str = "error"                   # error | warning | ok | unverifiable


_CODES = {
    "CUR001": Code(
        "conversion-mismatch", "A currency conversion does not match the reference rate.",
        "The converted figure implies a rate outside the reference range for the story's date, "
        "even allowing for the rounding of both figures and a market-rate margin. The message "
        "gives the expected figure, the rate, its date and source, and a diagnosis when one fits "
        "(wrong scale, decimal slip, inverted rate, wrong currency, rate from another period)."),
    "CUR002": Code(
        "conversion-drift", "A currency conversion is off, but plausibly a stale or other-source rate.",
        "The implied rate lies outside the window around the story's date but close to it: a rate "
        "from a few days earlier, a different source, or rounding slop. Check which rate the desk "
        "used.", "warning"),
    "CUR003": Code(
        "conversion-ok", "A currency conversion matches the reference rate.",
        "The implied rate lies within the reference range for the story's date.", "ok"),
    "CUR004": Code(
        "conversion-unverifiable", "A currency conversion cannot be checked.",
        "There is no reference rate for the currency or date, or the currency is ambiguous "
        "(a bare '$', '¥', 'kr', 'crowns', 'pesos'). Name the currency or add a rate source.",
        "unverifiable"),
    "CUR005": Code(
        "stated-rate-mismatch", "A rate stated in the story disagrees with the reference rate.",
        "A printed rate such as '($1 = 1,130.29 won)' lies outside the reference range for the "
        "story's date."),
    "CUR006": Code(
        "conversion-vs-stated-rate", "A conversion disagrees with the rate the story states.",
        "The story prints a rate, and a conversion in it implies a different one, though it fits "
        "the reference rate: check which rate the desk meant to use.", "warning"),
    "CUR007": Code(
        "inconsistent-conversions", "Conversions in one story disagree with each other.",
        "Two conversions between the same currencies imply rates that cannot both be right.",
        "warning"),
    "UNT001": Code(
        "unit-mismatch", "A unit conversion is wrong.",
        "The converted quantity does not match the original at the defined conversion factor "
        "(pint), even allowing half a unit in the last printed digit of both figures; "
        "temperatures are converted as offsets, not ratios."),
    "UNT002": Code(
        "unit-drift", "A unit conversion is off by more than rounding explains.",
        "The converted quantity is outside what the printed digits allow by at most one unit "
        "in its last printed digit: a rounding slip.", "warning"),
    "UNT003": Code(
        "unit-ok", "A unit conversion is right.", "The converted quantity matches.", "ok"),
    "UNT004": Code(
        "unit-unverifiable", "A unit conversion cannot be checked.",
        "One side's unit is not one the checker converts (leagues, pints), or the two units "
        "measure different things (km and kg).", "unverifiable"),
    "ARI001": Code(
        "arithmetic-mismatch", "Stated arithmetic is wrong.",
        "A total, difference, share or change stated in the story does not follow from the "
        "figures it is computed from."),
    "ARI002": Code(
        "arithmetic-drift", "Stated arithmetic is off by more than rounding explains.",
        "The stated result is outside what the printed digits allow by at most one unit in its "
        "last printed digit: a rounding slip.", "warning"),
    "ARI003": Code(
        "arithmetic-ok", "Stated arithmetic is right.", "The stated result follows.", "ok"),
    "ARI004": Code(
        "percent-vs-points", "A change in a percentage is given in percent where points are meant.",
        "A rise from 4% to 5% is one percentage point, or 25 percent; the story mixes them up."),
    "ARI005": Code(
        "arithmetic-unverifiable", "Stated arithmetic cannot be recomputed.",
        "The sentence states a relation that has no value for its figures, such as a percent "
        "change from zero.", "unverifiable"),
}

#: code -> Code; read-only. Add entries in this module, never at run time.
CODES: Mapping[str, Code] = MappingProxyType(_CODES)


def describe(code: str) -> Code:
    """The entry for ``code``; an unknown code gets a generic one rather than an error."""
    found = CODES.get(code)
    if found:
        return found
    return Code(code.lower(), f"Finding {code}.", f"See the claims rule reference for {code}.",
                "warning")
