"""HMRC's monthly rates read through ``hmrc-rates`` vs the same data in SQLite (run by _rates.py).

The SQLite copy is built here only, to measure what holding HMRC in the store would cost: one
packed row per month (``codes``, ``vals``), the store's own idiom for lazy loading. Both sides
answer through ``claims.rates.hmrc.HmrcRates``; the SQLite side overrides only where a month's
table comes from (``_raw``), so the typo filter, the GBP cross and the margins are the same.
"""

from __future__ import annotations

import random
import sqlite3
import time
import tracemalloc
from datetime import date
from pathlib import Path

from _rates import _PEAK, ROOT, _cold, _ms

#: The subclass, as source: executed here and in the cold subprocesses alike.
SQLITE_HMRC = '''
import functools, sqlite3
from decimal import Decimal
from claims.rates.hmrc import HmrcRates

class SqliteHmrc(HmrcRates):
    """HmrcRates whose month tables are read from a SQLite copy of hmrc-rates' data."""

    def __init__(self, path, calibration):
        super().__init__(calibration)
        self._conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)

    @functools.cached_property
    def _rates(self):
        return self._conn

    @functools.cached_property
    def version(self):
        return "sqlite copy"

    @functools.cached_property
    def months(self):
        return tuple(m for (m,) in self._conn.execute("SELECT month FROM hmrc ORDER BY month"))

    @functools.cached_property
    def currencies(self):
        codes = set()
        for (packed,) in self._conn.execute("SELECT codes FROM hmrc"):
            codes.update(packed.split(","))
        return frozenset(codes)

    def _raw(self, month):
        if month not in self._raw_tables:
            row = self._conn.execute("SELECT codes, vals FROM hmrc WHERE month=?",
                                     (month,)).fetchone()
            self._raw_tables[month] = None if row is None else dict(
                zip(row[0].split(","), map(Decimal, row[1].split(","))))
        return self._raw_tables[month]
'''

_COLD = (
    _PEAK
    + """
import sqlite3, sys, time                  # sqlite3: the store has imported it already
from datetime import date
from claims.rates.hmrc import CALIBRATION_FILE, HmrcRates, load_calibration
from claims.rates.locations import data_dir
calibration = load_calibration(data_dir() / CALIBRATION_FILE)
exec(SQLITE_HMRC)
t0 = time.perf_counter()
if sys.argv[1] == "sqlite":
    hmrc = SqliteHmrc(sys.argv[2], calibration)
elif sys.argv[1] == "package":
    hmrc = HmrcRates(calibration)
if sys.argv[1] != "none":
    hmrc.rate("USD", "TWD", date(2025, 6, 20))
print(0.0, time.perf_counter() - t0, peak_kib())
"""
)

#: Currencies the ECB does not publish (issue 13's list), asked against the three anchors.
CODES = ("TWD", "NGN", "KES", "EGP", "PKR", "VND", "BDT", "UAH", "LKR", "ARS", "RUB", "GHS")
ANCHORS = ("USD", "EUR", "GBP")


def build_copy(path: Path) -> tuple[float, int, int]:
    """Write hmrc-rates' monthly tables into ``path``: (seconds, bytes, months)."""
    import hmrc_rates

    t = time.perf_counter()
    rates = hmrc_rates.Rates()
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TABLE hmrc (month TEXT PRIMARY KEY, codes TEXT NOT NULL, "
        "vals TEXT NOT NULL) WITHOUT ROWID"
    )
    months = [f"{m.year:04d}-{m.month:02d}" for m in rates.months()]
    for month in months:
        table = [("GBP", "1")] + [(c.code, str(r.units_per_gbp)) for c, r in rates.monthly(month)]
        conn.execute(
            "INSERT INTO hmrc VALUES (?,?,?)",
            (month, ",".join(c for c, _ in table), ",".join(v for _, v in table)),
        )
    conn.commit()
    conn.close()
    return time.perf_counter() - t, path.stat().st_size, len(months)


def _variants(copy: Path) -> dict:
    from claims.rates.hmrc import CALIBRATION_FILE, HmrcRates, load_calibration
    from claims.rates.locations import data_dir

    scope: dict = {}
    exec(SQLITE_HMRC, scope)
    calibration = load_calibration(data_dir() / CALIBRATION_FILE)
    return {
        "hmrc-rates": lambda: HmrcRates(calibration),
        "SQLite copy": lambda: scope["SqliteHmrc"](str(copy), calibration),
    }


def run_hmrc(folder: Path, lookups: int) -> None:
    """Measure and print both ways of reading HMRC's monthly rates."""
    copy = folder / "hmrc.sqlite3"
    t_build, size, n_months = build_copy(copy)
    variants = _variants(copy)
    rng = random.Random(13)
    first, last = date(2014, 2, 1), date(2026, 10, 28)
    questions = []
    for _ in range(lookups):
        code, anchor = rng.choice(CODES), rng.choice(ANCHORS)
        day = date.fromordinal(rng.randrange(first.toordinal(), last.toordinal()))
        questions.append((anchor, code, day) if rng.random() < 0.5 else (code, anchor, day))

    figures: dict[str, dict] = {name: {"months": [], "passes": []} for name in variants}
    objects = {name: make() for name, make in variants.items()}
    for name, hmrc in objects.items():
        figures[name]["answers"] = [hmrc.rate(*q).value for q in questions[:200]]
    for _ in range(5):  # interleaved, best of five
        for name, make in variants.items():
            fresh = make()  # first read of every month
            t = time.perf_counter()
            for month in fresh.months:
                fresh.table(month)
            figures[name]["months"].append(time.perf_counter() - t)
            hmrc = objects[name]  # warm: every month already read
            t = time.perf_counter()
            for q in questions:
                hmrc.rate(*q)
            figures[name]["passes"].append(time.perf_counter() - t)
    for name, make in variants.items():
        tracemalloc.start()
        loaded = make()
        for month in loaded.months:
            loaded.table(month)
        figures[name]["peak"] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        figures[name]["months"] = min(figures[name]["months"])
        figures[name]["per_s"] = len(questions) / min(figures[name]["passes"])
    same = figures["hmrc-rates"]["answers"] == figures["SQLite copy"]["answers"]

    cold = {
        name: _cold(
            _COLD.replace("exec(SQLITE_HMRC)", f"exec({SQLITE_HMRC!r})"), arg, str(copy), runs=7
        )
        for name, arg in (("none", "none"), ("hmrc-rates", "package"), ("SQLite copy", "sqlite"))
    }
    base_rss = cold["none"][2]

    a, b = figures["hmrc-rates"], figures["SQLite copy"]
    ca, cb = cold["hmrc-rates"], cold["SQLite copy"]
    print(
        f"\nHMRC monthly rates: hmrc-rates vs the same data in SQLite ({n_months} months; "
        f"same answers on 200 questions: {'yes' if same else 'NO'})"
    )
    print("                                   hmrc-rates       SQLite copy     ratio")
    print(
        f"build the copy (each store build)  {'-':>11}       {_ms(t_build)}   "
        f"({size / 2**10:.0f} KiB more on disk)"
    )
    print(
        f"cold: open + first answer          {_ms(ca[1])}       {_ms(cb[1])}"
        f"   {ca[1] / cb[1]:5.2f}x   (fresh process; hmrc-rates: its import included)"
    )
    print(
        f"cold: peak RSS added               {(ca[2] - base_rss) / 1024:8.1f} MiB    "
        f"{(cb[2] - base_rss) / 1024:8.1f} MiB"
    )
    print(
        f"first read of all months           {_ms(a['months'])}       {_ms(b['months'])}"
        f"   {a['months'] / b['months']:5.2f}x"
    )
    print(
        f"lookups per second (warm)          {a['per_s']:11,.0f}       {b['per_s']:11,.0f}"
        f"   {a['per_s'] / b['per_s']:5.2f}x"
    )
    print(
        f"Python memory, all months loaded   {a['peak'] / 2**20:8.2f} MiB    "
        f"{b['peak'] / 2**20:8.2f} MiB   {a['peak'] / b['peak']:5.2f}x"
    )
    print(
        "the default path (ECB currencies) imports neither: HMRC loads on the first pair "
        "the ECB, the pegs and the imports cannot answer"
    )


# ------------------------------------------------------------------ the default path

#: main just before the rates merge (HMRC, the official importers, the store's checksums), and
#: the merge itself: their ratio isolates what the rates merge added to `claims check`.
BEFORE, MERGE = "b686d41^1", "b686d41"
STORY = ROOT / "examples" / "korea-herald-june-2025.txt"


def run_default_path(folder: Path, revs: tuple[str, ...] = (BEFORE, MERGE), runs: int = 9) -> None:
    """`claims check` on news copy without such currencies: which modules load, and its time now
    and at ``revs`` (trees extracted with git archive; fresh processes, interleaved)."""
    import subprocess
    import sys

    news = folder / "news.txt"
    news.write_text((STORY.read_text("utf-8") + "\n\n") * 8, "utf-8")
    command = ["-m", "claims", "check", str(news), "--date", "2025-06-30"]
    print(
        f"\n`claims check` on news copy without currencies beyond the ECB ({news.stat().st_size // 1000}"
        " KB, the seed story x8), fresh processes"
    )
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", *command, "--cache-dir", str(folder / "cache-now")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    loaded = sorted(
        {
            line.rsplit("|", 1)[-1].strip()
            for line in proc.stderr.splitlines()
            if "hmrc" in line.rsplit("|", 1)[-1]
        }
    )
    print(f"modules with HMRC's rates imported on this path: {', '.join(loaded) or 'none'}")
    trees = {}
    for n, rev in enumerate(revs):
        tree = folder / f"tree-{n}"
        tree.mkdir()
        archive = subprocess.run(
            f"git archive {rev} | tar -x -C {tree}",
            shell=True,
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        if archive.returncode != 0:
            print(f"no comparison: cannot extract {rev} ({archive.stderr.strip()[:80]})")
            return
        trees[rev] = tree
    trees["now"] = ROOT
    wall: dict[str, list[float]] = {name: [] for name in trees}
    cpu: dict[str, list[float]] = {name: [] for name in trees}
    summaries = {}
    for _ in range(runs + 1):  # the first run builds each store
        for n, (name, tree) in enumerate(trees.items()):
            t, c = time.perf_counter(), _children_cpu()
            out = subprocess.run(
                [sys.executable, *command, "--cache-dir", str(folder / f"cache-{n}")],
                cwd=tree,
                capture_output=True,
                text=True,
            ).stdout
            wall[name].append(time.perf_counter() - t)
            cpu[name].append(_children_cpu() - c)
            summaries[name] = out.strip().splitlines()[-1].split(" in ")[0] if out.strip() else "?"
    base = revs[0]
    for name in trees:
        print(f"findings at {name:<10} {summaries[name]}")
    for what, figures in (("CPU time (user+sys)", cpu), ("wall time", wall)):
        medians = {
            name: sorted(values[1:])[len(values[1:]) // 2] for name, values in figures.items()
        }
        print(
            f"{what}, median of {runs}: "
            + ", ".join(
                f"{name} {_ms(value).strip()}"
                + ("" if name == base else f" ({value / medians[base]:4.2f}x)")
                for name, value in medians.items()
            )
            + f"   (target: {MERGE} <= 1.05x {base})"
        )


def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    import argparse
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lookups", type=int, default=100_000)
    parser.add_argument(
        "--default-path",
        nargs="*",
        metavar="REV",
        help=f"only `claims check` now against these revisions (default {BEFORE} {MERGE})",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="claims-bench-") as name:
        if args.default_path is None:
            run_hmrc(Path(name), args.lookups)
        run_default_path(Path(name), tuple(args.default_path or (BEFORE, MERGE)))
