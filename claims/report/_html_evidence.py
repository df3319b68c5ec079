"""One finding's evidence, as HTML: the claim as read, expected figure, range, rate, diagnosis.

Built from ``Finding.to_dict()`` only (and the series the caller fetched for the chart).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from html import escape
from typing import Any

from claims.report._html_assets import KINDS
from claims.report._html_chart import chart, story_rate
from claims.wording import format_rate, percent_text, range_text, rate_phrase


def kind_of(d: Mapping[str, Any]) -> str:
    """The report's kind of a finding: its verdict, or ``suppressed``."""
    return "suppressed" if d.get("suppressed") else d["verdict"]


def icon(kind: str) -> str:
    return (
        f'<svg class="icon k-{kind}" aria-hidden="true" focusable="false">'
        f'<use href="#{KINDS[kind][1]}"/></svg>'
    )


def grouped(value: str | None) -> str:
    """A decimal string with thousands separators: 100000000000000 -> 100,000,000,000,000."""
    if value is None:
        return ""
    try:
        return f"{Decimal(value):,f}"
    except (InvalidOperation, ValueError):
        return str(value)


def _number(value: str | None) -> str:
    """A computed figure to cite: six significant digits, grouped (1,341.58; 61.3333)."""
    try:
        return format_rate(Decimal(value)) if value is not None else ""
    except (InvalidOperation, ValueError):
        return str(value)


def _quantity(q: Mapping[str, Any]) -> str:
    """``100 trillion won`` read as over 100,000,000,000,000 KRW, with any note."""
    amount = grouped(q.get("value"))
    if q.get("high") is not None:
        amount += f" to {grouped(q['high'])}"
    read = " ".join(p for p in (q.get("qualifier"), amount, q.get("unit") or "(unit unknown)") if p)
    notes = []
    if q.get("unit_guessed"):
        notes.append("currency read by default: the story gives no cue")
    if q.get("unit_note"):
        notes.append(q["unit_note"])
    if q.get("unit_candidates"):
        notes.append("could be " + ", ".join(q["unit_candidates"]))
    extra = f' <span class="note">({escape("; ".join(notes))})</span>' if notes else ""
    return (
        f"“{escape(' '.join(q['text'].split()))}” read as {escape(read)}{extra} "
        f'<span class="where">(line {q.get("line", 0)}, column {q.get("column", 0)})</span>'
    )


def _expected(d: Mapping[str, Any]) -> tuple[str | None, str | None]:
    e = d.get("expected")
    if not e:
        return None, None
    unit = e.get("unit") or ""
    shown = e.get("text") or f"{_number(e.get('value'))} {unit}".strip()
    if e.get("range_text"):
        span = e["range_text"]
    elif e.get("low") is not None and e.get("high") is not None:
        try:
            ends = range_text(Decimal(str(e["low"])), Decimal(str(e["high"])))
        except (InvalidOperation, ValueError):
            ends = f"{e['low']} to {e['high']}"
        span = f"{ends} {unit}".strip()
    else:
        span = None
    return shown, span


def _rate(rate: Mapping[str, Any]) -> str:
    try:
        phrase = rate_phrase(rate["base"], rate["quote"], Decimal(rate["value"]))
    except (InvalidOperation, KeyError):
        phrase = f"{rate.get('base')}/{rate.get('quote')} {rate.get('value')}"
    if rate.get("kind") == "peg":
        return f"{phrase} (a fixed peg)"
    if rate.get("frequency") not in (None, "daily", "fixed"):
        phrase += f" (a {rate['frequency']} rate"
        phrase += f", allowed {rate['margin_pct']}%)" if rate.get("margin_pct") else ")"
    when = f"fixing of {rate['date']}" if rate.get("date") else ""
    if rate.get("requested_date") and rate.get("requested_date") != rate.get("date"):
        when += f", the latest on or before {rate['requested_date']}"
    return f"{phrase}, {when}" if when else phrase


def evidence(
    d: Mapping[str, Any], series: Mapping[str, Any] | None, diagnoses: Mapping[str, str]
) -> str:
    """The evidence block of one finding (no ids inside: the panel shows a copy of it)."""
    from claims.rules import RULES

    kind = kind_of(d)
    rule = RULES.get(d["code"])
    rows: list[tuple[str, str]] = [("Claim as read", f"“{escape(' '.join(d['text'].split()))}”")]
    for role in ("original", "converted"):
        if d.get(role):
            rows.append(
                (
                    "Original figure" if role == "original" else "Converted figure",
                    _quantity(d[role]),
                )
            )
    for role, fig in (d.get("figures") or {}).items():
        figs = fig if isinstance(fig, list) else [fig]
        rows.append((role.replace("_", " ").capitalize(), "; ".join(_quantity(q) for q in figs)))
    shown, span = _expected(d)
    if shown:
        rows.append(("Expected", escape(shown)))
    if span:
        rows.append(("Acceptable range", escape(span)))
    if d.get("deviation_pct") is not None:
        rows.append(("Off by", percent_text(d["deviation_pct"])))
    rate = d.get("rate")
    if rate:
        rows.append(("Rate", escape(_rate(rate))))
        source = escape(rate.get("source") or "")
        if rate.get("dataset"):
            source += f' <span class="note">({escape(rate["dataset"])})</span>'
        rows.append(("Source", source))
        implied = story_rate(d)
        if implied is not None:
            rows.append(
                ("Story implies", escape(rate_phrase(rate["base"], rate["quote"], implied)))
            )
    if d.get("diagnosis"):
        meaning = diagnoses.get(d["diagnosis"], "")
        rows.append(
            (
                "Diagnosis",
                f"<code>{escape(d['diagnosis'])}</code>"
                + (f": {escape(meaning)}" if meaning else ""),
            )
        )
    if d.get("detail"):
        rows.append(("Detail", escape(d["detail"])))
    if d.get("suppressed"):
        rows.append(
            (
                "Suppressed",
                f"yes: silenced in the story; its verdict would be {escape(d['verdict'])}",
            )
        )
    if rule is not None:
        rows.append(("Rule", f"<code>{escape(rule.code)}</code> {escape(rule.summary)}"))
    head = (
        f'<p class="head">{icon(kind)}<span>{escape(KINDS[kind][0][:1].upper() + KINDS[kind][0][1:])}</span>'
        f"<code>{escape(d['code'])}</code><span>{escape(d.get('name') or '')}</span>"
        f'<span class="where">line {d["line"]}, column {d["column"]}</span></p>'
    )
    body = "".join(f"<dt>{escape(k)}</dt><dd>{v}</dd>" for k, v in rows)
    svg = chart(d, series) if rate else ""
    legend = (
        (
            '<p class="legend">Line and dots: the reference fixings; grey band: the days the '
            "check allows; ringed dot: the fixing used; dashed line: the rate the story "
            "implies.</p>"
        )
        if svg
        else ""
    )
    return (
        f'<div class="evidence">{head}<p class="message">{escape(d["message"])}</p>'
        f"<dl>{body}</dl>{svg}{legend}</div>"
    )
