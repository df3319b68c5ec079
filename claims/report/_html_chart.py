"""A small inline SVG: the reference series of a pair against the rate a story implies.

Pure: it draws from one finding's dict and the series mapping the caller fetched
(``claims.report.html_series``). The chart carries its own text alternative (``aria-label``)
saying what it shows, so it is never the only place a figure appears. Coordinates are floats
(drawing only); every value printed comes from the Decimal strings.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from html import escape
from typing import Any

from claims.wording import rate_phrase

W, H = 340, 150
LEFT, RIGHT, TOP, BOTTOM = 62, 10, 12, 28


def story_rate(d: Mapping[str, Any]) -> Decimal | None:
    """The rate the story implies, as units of the evidence rate's quote per 1 of its base."""
    rate = d.get("rate") or {}
    base, quote = rate.get("base"), rate.get("quote")
    try:
        stated = (d.get("figures") or {}).get("stated_rate")
        if isinstance(stated, dict) and stated.get("unit"):
            value = Decimal(stated["value"])
            if stated["unit"] == f"{quote} per {base}":
                return value
            if stated["unit"] == f"{base} per {quote}" and value:
                return 1 / value
            return None
        orig, conv = d.get("original"), d.get("converted")
        if not orig or not conv or orig.get("high") or conv.get("high"):
            return None
        o, c = Decimal(orig["value"]), Decimal(conv["value"])
        if not o or not c:
            return None
        if (orig["unit"], conv["unit"]) == (quote, base):
            return o / c
        if (orig["unit"], conv["unit"]) == (base, quote):
            return c / o
    except (InvalidOperation, KeyError, TypeError):
        return None
    return None


def chart(d: Mapping[str, Any], series: Mapping[str, Any] | None) -> str:
    """The SVG for one currency finding, or "" when there is nothing to draw."""
    if not series or not series.get("points"):
        return ""
    points = [(date.fromisoformat(day), float(Decimal(v))) for day, v in series["points"]]
    implied = story_rate(d)
    rate = d.get("rate") or {}
    lo_day = min(points[0][0], date.fromisoformat(series["start"]))
    hi_day = max(points[-1][0], date.fromisoformat(series["as_of"]))
    values = [v for _, v in points]
    lo_v, hi_v = min(values), max(values)
    implied_f = float(implied) if implied is not None else None
    on_chart = implied_f is not None and lo_v / 3 <= implied_f <= hi_v * 3
    if on_chart and implied_f is not None:
        lo_v, hi_v = min(lo_v, implied_f), max(hi_v, implied_f)
    pad = (hi_v - lo_v) * 0.08 or abs(hi_v) * 0.01 or 1.0
    lo_v, hi_v = lo_v - pad, hi_v + pad
    span_days = max(1, (hi_day - lo_day).days)

    def x(day: date) -> float:
        return LEFT + (W - LEFT - RIGHT) * (day - lo_day).days / span_days

    def y(value: float) -> float:
        return TOP + (H - TOP - BOTTOM) * (hi_v - value) / (hi_v - lo_v)

    parts = [
        f'<svg class="chart" viewBox="0 0 {W} {H}" width="{W}" height="{H}" role="img" '
        f'aria-label="{escape(_describe(series, implied, points, rate))}" focusable="false">'
    ]
    ws, we = x(date.fromisoformat(series["window_start"])), x(date.fromisoformat(series["as_of"]))
    parts.append(
        f'<rect class="window" x="{ws:.1f}" y="{TOP}" width="{max(2.0, we - ws):.1f}" '
        f'height="{H - TOP - BOTTOM}"/>'
    )
    parts.append(
        f'<line class="axis" x1="{LEFT}" y1="{H - BOTTOM}" x2="{W - RIGHT}" y2="{H - BOTTOM}"/>'
    )
    for value in (hi_v - pad, lo_v + pad):
        parts.append(
            f'<text class="tick" x="{LEFT - 4}" y="{y(value) + 4:.1f}" '
            f'text-anchor="end">{escape(_short(value))}</text>'
        )
    parts.append(f'<text class="tick" x="{LEFT}" y="{H - 8}">{lo_day.isoformat()}</text>')
    parts.append(
        f'<text class="tick" x="{W - RIGHT}" y="{H - 8}" text-anchor="end">'
        f"{hi_day.isoformat()}</text>"
    )
    line = " ".join(f"{x(day):.1f},{y(v):.1f}" for day, v in points)
    parts.append(f'<polyline class="series" points="{line}"/>')
    used = rate.get("date")
    for day, v in points:
        cls = "fix used" if day.isoformat() == used else "fix"
        parts.append(
            f'<circle class="{cls}" cx="{x(day):.1f}" cy="{y(v):.1f}" '
            f'r="{4 if cls != "fix" else 2}"/>'
        )
    if implied_f is not None:
        if on_chart:
            yi = y(implied_f)
            parts.append(
                f'<line class="implied" x1="{LEFT}" y1="{yi:.1f}" x2="{W - RIGHT}" y2="{yi:.1f}"/>'
            )
            anchor_y = yi - 4 if yi > TOP + 14 else yi + 12
            parts.append(
                f'<text class="implied-label" x="{W - RIGHT}" y="{anchor_y:.1f}" '
                f'text-anchor="end">story</text>'
            )
        else:
            where = "above" if implied_f > hi_v else "below"
            ye = TOP + 10 if where == "above" else H - BOTTOM - 4
            parts.append(
                f'<text class="implied-label" x="{W - RIGHT}" y="{ye}" '
                f'text-anchor="end">story: far {where} ({escape(_short(implied_f))})</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def _describe(
    series: Mapping[str, Any],
    implied: Decimal | None,
    points: list[tuple[date, float]],
    rate: Mapping[str, Any],
) -> str:
    window = [
        Decimal(v)
        for day, v in series["points"]
        if series["window_start"] <= day <= series["as_of"]
    ] or [Decimal(series["points"][-1][1])]
    base, quote = series["base"], series["quote"]
    text = (
        f"{base}/{quote} reference rates from {points[0][0]} to {points[-1][0]}; "
        f"in the check window {series['window_start']} to {series['as_of']} from "
        f"{rate_phrase(base, quote, min(window))} to {rate_phrase(base, quote, max(window))}"
    )
    if rate.get("date"):
        text += f"; rate used: fixing of {rate['date']}"
    if implied is not None:
        text += f"; the story implies {rate_phrase(base, quote, implied)}"
    return text + "."


def _short(value: float) -> str:
    """An axis label: 1,355.1 / 10.098 / 0.0007381."""
    if value == 0:
        return "0"
    if abs(value) >= 100:
        return f"{value:,.1f}"
    return f"{value:.4g}"
