"""Benchmark the rate store against currencyconverter, and HMRC's rates two ways, in the same run.

    python bench/_rates.py [--lookups N] [--hmrc-only]

Reports: store open + first lookup (store already built; imports timed apart; median of 7
fresh opens), lookups per second (best of 3 passes), peak memory (tracemalloc, Python
allocations), next to ``CurrencyConverter()``'s load time and memory, with the ratios.
Targets (issue 3): open + first lookup under 5% of currencyconverter's load time; at least
100,000 lookups/s. Cold figures come from fresh subprocesses, so neither side benefits from
modules the other imported.

Then HMRC's monthly rates (issue 13): read through ``hmrc-rates`` (what the store does) against
the same data copied into SQLite (built here only, to measure): the copy's build cost and size
(what every store rebuild would pay), cold start-up and peak RSS of a first answer, the first
read of every month, lookups per second and Python memory with all months loaded. Both sides
answer through the store's own ``HmrcRates`` (typo filter, GBP cross, margins); only where the
month tables come from differs. Last, `claims check` on news copy without such currencies: the
HMRC modules it imports (none), and its time against the tree before the rates merge.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

PAIRS = [
    ("USD", "KRW"),
    ("GBP", "JPY"),
    ("EUR", "USD"),
    ("USD", "SAR"),
    ("CHF", "NOK"),
    ("USD", "CNY"),
    ("AUD", "NZD"),
    ("DEM", "USD"),
]

_PEAK = """
def peak_kib():
    # VmHWM: this process's own peak RSS (ru_maxrss would keep the parent's across exec)
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
"""
_COLD_STORE = (
    _PEAK
    + """
import sys, time
t0 = time.perf_counter()
from datetime import date
import claims.rates
t1 = time.perf_counter()
store = claims.rates.open_store(sys.argv[1])
store.rate("USD", "KRW", date(2025, 6, 23))
t2 = time.perf_counter()
print(t1 - t0, t2 - t1, peak_kib())
"""
)
_COLD_CC = (
    _PEAK
    + """
import time
t0 = time.perf_counter()
from currency_converter import CurrencyConverter
t1 = time.perf_counter()
CurrencyConverter()
t2 = time.perf_counter()
print(t1 - t0, t2 - t1, peak_kib())
"""
)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def _cold(script: str, *args: str, runs: int = 5) -> tuple[float, float, int]:
    """Median (import s, load s) and max RSS KiB over fresh interpreters."""
    results = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", script, *args],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        results.append((float(out[0]), float(out[1]), int(out[2])))
    results.sort(key=lambda r: r[1])
    middle = results[len(results) // 2]
    return middle[0], middle[1], max(r[2] for r in results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lookups", type=int, default=200_000)
    parser.add_argument("--hmrc-only", action="store_true", help="only the HMRC comparison")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="claims-bench-") as name:
        if not args.hmrc_only:
            run(Path(name), args.lookups)
        from _rates_hmrc import run_default_path, run_hmrc

        run_hmrc(Path(name), args.lookups)
        run_default_path(Path(name))


def run(folder: Path, lookups: int) -> None:
    """Build a store in ``folder``, then measure both libraries."""

    t = time.perf_counter()
    import claims.rates

    t_import = time.perf_counter() - t
    t = time.perf_counter()
    claims.rates.open_store(folder).close()  # first use: build it
    t_build = time.perf_counter() - t

    # --- warm, in this process: store first, then currencyconverter (medians of fresh objects)
    opens = []
    for _ in range(7):
        t = time.perf_counter()
        store = claims.rates.open_store(folder)
        first = store.rate("USD", "KRW", date(2025, 6, 23))
        opens.append(time.perf_counter() - t)
        store.close()
    t_open_first = statistics.median(opens)
    store = claims.rates.open_store(folder)

    t = time.perf_counter()
    from currency_converter import CurrencyConverter

    t_cc_import = time.perf_counter() - t
    loads = []
    for _ in range(3):
        t = time.perf_counter()
        cc = CurrencyConverter()
        loads.append(time.perf_counter() - t)
    t_cc_load = statistics.median(loads)

    # --- lookups per second (same random questions for both)
    rng = random.Random(3)
    last = store.last_date()
    since = date(2005, 4, 1)  # every pair below quoted since
    span = (last - since).days
    questions = [
        (*rng.choice(PAIRS[:3] + PAIRS[4:7]), since + timedelta(rng.randrange(span)))
        for _ in range(lookups)
    ]
    for pair in PAIRS:  # load each series once
        store.rate(pair[0], pair[1], date(2020, 1, 6))
    passes = []
    for _ in range(3):  # best of three passes
        t = time.perf_counter()
        for base, quote, day in questions:
            store.rate(base, quote, day)
        passes.append(time.perf_counter() - t)
    store_rate = len(questions) / min(passes)
    cc_questions = questions[: max(1, len(questions) // 10)]
    t = time.perf_counter()
    for base, quote, day in cc_questions:
        try:
            cc.convert(1, base, quote, date=day)
        except Exception:
            pass
    cc_rate = len(cc_questions) / (time.perf_counter() - t)
    t = time.perf_counter()
    window = store.window("USD", "KRW", date(2020, 1, 1), date(2024, 12, 31))
    t_window = time.perf_counter() - t

    # --- peak Python memory
    del store, cc
    tracemalloc.start()
    store = claims.rates.open_store(folder)
    for base, quote in PAIRS:
        store.rate(base, quote, date(2025, 6, 23))
    _cur, store_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    tracemalloc.start()
    loaded = CurrencyConverter()
    _cur, cc_peak = tracemalloc.get_traced_memory()
    del loaded
    tracemalloc.stop()

    # --- cold: fresh interpreters
    s_imp, s_load, s_rss = _cold(_COLD_STORE, str(folder))
    c_imp, c_load, c_rss = _cold(_COLD_CC)

    print(
        f"rate store: {folder / 'rates.sqlite3'}  (built in {_ms(t_build).strip()}, "
        f"{(folder / 'rates.sqlite3').stat().st_size / 2**20:.1f} MiB on disk)"
    )
    print(f"first answer: 1 USD = {first.value} KRW on {first.date} ({first.source})")
    print("\n                                   claims.rates   currencyconverter   ratio")
    print(f"import (warm process)            {_ms(t_import)}        {_ms(t_cc_import)}")
    print(
        f"open + first lookup / load       {_ms(t_open_first)}        {_ms(t_cc_load)}"
        f"   {t_open_first / t_cc_load:6.1%}   (target < 5%)"
    )
    print(f"  cold process: import           {_ms(s_imp)}        {_ms(c_imp)}")
    print(
        f"  cold process: open+first/load  {_ms(s_load)}        {_ms(c_load)}"
        f"   {s_load / c_load:6.1%}"
    )
    print(
        f"  cold process: import+load      {_ms(s_imp + s_load)}        {_ms(c_imp + c_load)}"
        f"   {(s_imp + s_load) / (c_imp + c_load):6.1%}"
    )
    print(
        f"lookups per second               {store_rate:11,.0f}        {cc_rate:11,.0f}"
        f"   {store_rate / cc_rate:5.1f}x  (target >= 100,000)"
    )
    print(
        f"peak Python memory (tracemalloc) {store_peak / 2**20:8.2f} MiB    {cc_peak / 2**20:8.2f} MiB"
        f"   {store_peak / cc_peak:6.1%}"
    )
    print(f"  cold process peak RSS          {s_rss / 1024:8.1f} MiB    {c_rss / 1024:8.1f} MiB")
    print(f"window USD/KRW 2020-2024         {_ms(t_window)}  ({len(window)} fixings)")
    print(
        json.dumps(
            {
                "open_first_s": t_open_first,
                "cc_load_s": t_cc_load,
                "ratio": t_open_first / t_cc_load,
                "lookups_per_s": store_rate,
                "store_peak_bytes": store_peak,
                "cc_peak_bytes": cc_peak,
                "cold_ratio": s_load / c_load,
            }
        )
    )


if __name__ == "__main__":
    main()
