"""Which source answers a pair on a day, and why the ones before it in the order could not."""

from __future__ import annotations

from datetime import date

from claims.model import Rate


def explain(store, base: str, quote: str, on: date) -> list[tuple[str, str]]:
    """(source, outcome) in the order the store asks them: the first 'answers' is the one used."""
    out: list[tuple[str, str]] = []
    answered = False
    for name, found in store.trace(base, quote, on):
        if isinstance(found, Rate):
            what = f"answers: {found.source}" if not answered else f"would answer: {found.source}"
            if found.margin_pct is not None:
                what += f" ({found.frequency}, margin {found.margin_pct}%)"
            answered = True
        elif found is None:
            what = "no table for this pair"
        elif isinstance(found, str):
            what = found
        else:
            what = f"cannot: {found}"
        out.append((name, what))
    return out
