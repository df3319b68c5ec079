"""Which source answers a pair on a day, and why the ones before it in the order could not."""

from __future__ import annotations

from datetime import date

from claims.errors import NoRate
from claims.model import Rate


def explain(store, base: str, quote: str, on: date) -> list[tuple[str, str]]:
    """(source, outcome) in the order the store asks them: the first 'answers' is the one used."""
    base, quote = store._known(base), store._known(quote)
    iso = on.isoformat()
    steps = []
    if store._preferred:
        steps.append(("preferred imports", lambda: store._imported(base, quote, on, iso, True)))
    steps += [("ECB euro reference rates and pegs", lambda: store._reference(base, quote, on, iso)),
              ("imports", lambda: store._imported(base, quote, on, iso)),
              ("HMRC monthly rates", lambda: store.hmrc.rate(base, quote, on))]
    out: list[tuple[str, str]] = []
    answered = False
    for name, ask in steps:
        try:
            found = ask()
        except NoRate as exc:
            found = exc
        if isinstance(found, Rate):
            what = f"answers: {found.source}" if not answered else f"would answer: {found.source}"
            if found.margin_pct is not None:
                what += f" ({found.frequency}, margin {found.margin_pct}%)"
            out.append((name, what))
            answered = True
        elif found is None:
            out.append((name, "no table for this pair"))
        else:
            out.append((name, f"cannot: {found}"))
    return out
