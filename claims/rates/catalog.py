"""What the store knows, for ``info()``: each currency's dates and sources, source notes, ISO codes."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from claims.rates.pegs import Peg, PegTable


def describe(
    datasets: Iterable,
    series_meta: dict[tuple[int, str, str], tuple[str, str, int]],
    ecb_id: int | None,
    pegs: PegTable,
    hmrc: dict,
) -> tuple[list[dict], dict[str, dict]]:
    """Every source in the order ``rates info`` lists them (the store's datasets, the pegs,
    HMRC) with coverage, frequency, margin and when it is used; and each currency's span."""
    datasets = list(datasets)
    sources = [
        {
            "source": d.source,
            "kind": d.kind,
            "dataset": d.identity,
            "first_date": d.first_date,
            "last_date": d.last_date,
            "pairs": sum(1 for key in series_meta if key[0] == d.id),
            "frequency": d.frequency,
            "margin": "the margin_pct option"
            if d.frequency == "daily"
            else "HMRC's calibrated margin for the pair",
            "used": "first, for its pairs (--prefer)"
            if d.prefer
            else "always"
            if d.kind == "reference"
            else "where the ECB and the pegs cannot answer, before HMRC",
        }
        for d in datasets
    ]
    sources.append(
        {
            "source": "pegs",
            "kind": "peg",
            "dataset": pegs.identity,
            "first_date": min((p.start for p in pegs.pegs), default=""),
            "last_date": "",
            "pairs": len(pegs.pegs),
            "frequency": "fixed",
            "margin": "the margin_pct option",
            "used": "from each peg's start",
        }
    )
    sources.append(hmrc)
    source_of = {d.id: d.source for d in datasets}
    spans = [
        (source_of[ds], (quote,) if ds == ecb_id else (base, quote), first, last)
        for (ds, base, quote), (first, last, _n) in sorted(series_meta.items())
    ]
    return sources, currency_spans(spans, pegs.pegs)


def currency_spans(
    series: Iterable[tuple[str, tuple[str, ...], str, str]], pegs: Iterable[Peg]
) -> dict[str, dict]:
    """{code: {first_date, last_date, sources}} from (source, codes, first, last) rows and pegs.

    A fixed peg is open-ended (``last_date`` None); a band is listed as not used as a rate.
    """
    currencies: dict[str, dict] = {}
    for source, codes, first, last in series:
        for code in codes:
            entry = currencies.setdefault(
                code, {"first_date": first, "last_date": last, "sources": []}
            )
            entry["first_date"] = min(entry["first_date"], first)
            if entry["last_date"] is not None:
                entry["last_date"] = max(entry["last_date"], last)
            if source not in entry["sources"]:
                entry["sources"].append(source)
    for peg in pegs:
        entry = currencies.setdefault(
            peg.currency, {"first_date": peg.start, "last_date": None, "sources": []}
        )
        entry["first_date"] = min(entry["first_date"], peg.start)
        if peg.type == "fixed":
            entry["last_date"] = None  # in force until withdrawn
            what = f"{peg.value} per {peg.anchor} from {peg.start}"
        else:
            what = (
                f"band {peg.low}-{peg.high} per {peg.anchor} from {peg.start}, not used as a rate"
            )
        entry["sources"].append(f"{peg.source} ({what})")
    return dict(sorted(currencies.items()))


def source_notes(folder: Path) -> dict:
    """rates_cache/sources.json: what each source is and how it is used (empty if unreadable)."""
    try:
        return json.loads((folder / "sources.json").read_text("utf-8"))
    except (OSError, ValueError):
        return {}


def iso_codes() -> frozenset[str]:
    """ISO 4217 codes, current and historical, from the table generated from CLDR at build
    time (``tools/gen_currencies.py``): Babel is not needed at run time."""
    from claims.extract._currency_data import ISO_CODES

    return ISO_CODES
