"""``--format text`` (default): for people. ``path:line:col: verdict CODE message`` per finding,
then the figure, the expected figure and the rate evidence; a summary line at the end.

Colour is an argument (the CLI passes ``color=True`` only when stdout is a terminal).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Mapping

from claims.wording import format_rate
from claims.report import summary

if TYPE_CHECKING:  # pragma: no cover
    from claims.check import DocumentResult

_COLOURS = {"error": "31;1", "warning": "33;1", "unverifiable": "36", "ok": "32", "dim": "2"}


def _paint(text: str, key: str, color: bool) -> str:
    return f"\x1b[{_COLOURS[key]}m{text}\x1b[0m" if color else text


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 or word in ("ok", "unverifiable", "suppressed") else "s")


_SCALES = ((Decimal("1e12"), "trillion"), (Decimal("1e9"), "billion"), (Decimal("1e6"), "million"))


def _amount(value: Any) -> str:
    """A base-unit amount for people: 70961158939.73 -> '70.96 billion'."""
    try:
        d = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    for scale, word in _SCALES:
        if abs(d) >= scale:
            q = float(d / scale)                    # display only: the data stays Decimal
            return f"{q:,.4g} {word}" if abs(q) < 1000 else f"{q:,.0f} {word}"
    if abs(d) >= 1:
        return f"{d:,.2f}".rstrip("0").rstrip(".")
    return f"{float(d):.6g}"


def _details(d: Mapping[str, Any]) -> list[str]:
    lines = [f"figure:   {' '.join(d['text'].split())}"]
    expected = d.get("expected")
    if expected and d["verdict"] != "ok":
        shown = expected.get("text") or f"{expected['value']} {expected.get('unit') or ''}"
        span = expected.get("range_text") or (f"{_amount(expected['low'])} to "
                                              f"{_amount(expected['high'])}")
        lines.append(f"expected: {shown.strip()} (acceptable: {span})")
    if d.get("detail"):
        lines.append(f"detail:   {d['detail']}")
    rate = d.get("rate")
    if rate:
        when = rate["date"]
        if rate.get("requested_date") and rate["requested_date"] != rate["date"]:
            when += f" (asked for {rate['requested_date']})"
        lines.append(f"rate:     1 {rate['base']} = {format_rate(Decimal(rate['value']))} {rate['quote']} on {when}, "
                     f"{rate['source']}")
    return lines


def render(results: list["DocumentResult"], *, color: bool = False,
           **_: Any) -> str:
    """Every unsuppressed finding (ok ones in one line), per-file notes, and a summary line."""
    out: list[str] = []
    for result in results:
        for note in result.notes:
            out.append(_paint(f"{result.path}: note: {note}", "dim", color))
        for finding in result.findings:
            d = finding.to_dict()
            if d["suppressed"]:
                continue
            verdict = _paint(d["verdict"], d["verdict"], color)
            out.append(f"{result.path}:{d['line']}:{d['column']}: {verdict} {d['code']} {d['message']}")
            if d["verdict"] != "ok":
                out.extend("    " + line for line in _details(d))
    counts = summary(results)
    files = _plural(len(results), "file")
    parts = [_paint(_plural(counts["error"], "error"), "error", color and counts["error"] > 0),
             _paint(_plural(counts["warning"], "warning"), "warning", color and counts["warning"] > 0),
             _plural(counts["ok"], "ok"), _plural(counts["unverifiable"], "unverifiable"),
             _plural(counts["suppressed"], "suppressed")]
    dates = sorted({f"{r.as_of.isoformat()} ({r.as_of_source})" for r in results})
    as_of = f"; as of {', '.join(dates)}" if len(dates) == 1 else ""
    out.append(f"{', '.join(parts)} in {files}{as_of}")
    return "\n".join(out) + "\n"
