"""Archive throughput of `claims batch`: stories/s with 1 and 2 processes and on a 2-worker Dask
LocalCluster, peak memory, and memory growth from 10,000 to 100,000 stories.

Run from the checkout, apart from the main benchmark (it takes 15-25 minutes on 2 cores):
``python -m pip install '.[batch]' && python bench/archive.py [--stories N] [--quick]
[--profile]``. The archive is built by ``tools/make_archive.py`` (real-shaped ~2,000-character
stories from the dev corpora and the example story, dated). Baseline, measured in the same run:
the checker alone (``load_document`` + ``check_document`` in a loop, no archive reading, no
output). Each run is printed as stories/s of wall-clock time and per CPU-second of its whole
process tree (user + system, workers included), the latter as a ratio to the baseline: on a
machine shared with other work the wall-clock figures and the scaling drop with the load
average (printed), while the CPU figures show what the batch machinery itself costs. Peak memory is the
largest total RSS of the process tree (main process and workers), sampled every 0.2 s.
Targets: >= 250 stories/s per core; 2 workers >= 1.8x one; peak memory at 100,000 stories
within 10% of that at 10,000. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib.util
import io
import json
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def make_archive(path: Path, n: int) -> None:
    spec = importlib.util.spec_from_file_location(
        "make_archive", ROOT / "tools" / "make_archive.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write(path, n, seed=16)


def _tree_rss(pid: int) -> int:
    """Total RSS in bytes of ``pid`` and all its descendants (psutil)."""
    import psutil

    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


def run_batch(
    archive: Path, out: Path, cache_dir: str, *extra: str
) -> tuple[float, float, int, float]:
    """Wall seconds, CPU seconds (the whole process tree), stories written, peak tree RSS (MB)."""
    import resource

    if out.exists():
        shutil.rmtree(out) if out.is_dir() else out.unlink()
    cmd = [
        sys.executable,
        "-m",
        "claims",
        "batch",
        str(archive),
        "--out",
        str(out),
        "--cache-dir",
        cache_dir,
        "-q",
        *extra,
    ]
    peak = [0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], _tree_rss(proc.pid))
            stop.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _out, err = proc.communicate()
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"claims batch failed ({proc.returncode}): {err.strip()}")
    if out.is_dir():
        import pyarrow.parquet as pq

        written = sum(pq.ParquetFile(p).metadata.num_rows for p in out.glob("part-*.parquet"))
    else:
        with open(out, "rb") as fh:
            written = sum(1 for _ in fh)
    return elapsed, cpu, written, peak[0] / 2**20


def checker_baseline(archive: Path, cache_dir: str, n: int, profile: bool) -> float:
    """Stories/s of the checker alone, in this process, on the archive's first ``n`` stories."""
    from dataclasses import replace

    from claims.check import CheckOptions, check_document
    from claims.dates import StoryDates
    from claims.documents import load_document, parse_day
    from claims.rates import open_store

    store = open_store(Path(cache_dir))
    rows = []
    with open(archive, encoding="utf-8") as fh:
        for line in fh:
            rows.append(json.loads(line))
            if len(rows) >= n:
                break
    options = CheckOptions(today=date(2025, 7, 1))

    def loop():
        for row in rows:
            doc = load_document(row["id"], row["text"].encode(), "text")
            doc = replace(doc, dates=StoryDates(parse_day(row["date"]), "archive date"))
            check_document(doc, store, options).to_dict()

    loop()  # warm: tables, pint, rate series
    started, cpu0 = time.perf_counter(), time.process_time()
    loop()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu0
    if profile:  # a separate pass: profiling slows it
        prof = cProfile.Profile()
        prof.runcall(loop)
        text = io.StringIO()
        pstats.Stats(prof, stream=text).sort_stats("cumulative").print_stats(30)
        print("\n-- where the checker's time goes (cProfile, cumulative, top 30)")
        print("\n".join(text.getvalue().splitlines()[:65]) + "\n")
    chars = sum(len(r["text"]) for r in rows) / len(rows)
    print(
        f"checker alone (in-process loop, {len(rows):,} stories, mean {chars:,.0f} chars): "
        f"{len(rows) / elapsed:7.1f} stories/s wall, {len(rows) / cpu:7.1f} per CPU-second "
        "(target >= 250 per core)"
    )
    return len(rows) / cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=100_000)
    parser.add_argument(
        "--small", type=int, default=10_000, help="the memory-growth reference size"
    )
    parser.add_argument("--quick", action="store_true", help="20,000 and 2,000 stories")
    parser.add_argument("--profile", action="store_true", help="profile the checker baseline")
    parser.add_argument("--workdir", type=Path, help="keep the archives here (default: a temp dir)")
    args = parser.parse_args()
    big, small = (20_000, 2_000) if args.quick else (args.stories, args.small)
    have_dask = importlib.util.find_spec("distributed") is not None
    have_psutil = importlib.util.find_spec("psutil") is not None
    if not have_psutil:
        raise SystemExit(
            "bench/archive.py needs psutil (it comes with the dask extra): "
            "python -m pip install '.[batch]'"
        )
    work = args.workdir or Path(tempfile.mkdtemp(prefix="claims-archive-"))
    work.mkdir(parents=True, exist_ok=True)
    cache_dir = str(work / "rates")
    try:
        print(
            f"== claims batch archive throughput ({os.cpu_count()} cores; load average at "
            f"start {os.getloadavg()[0]:.2f})"
        )
        t0 = time.perf_counter()
        big_archive, small_archive = work / f"stories-{big}.jsonl", work / f"stories-{small}.jsonl"
        if not big_archive.exists():
            make_archive(big_archive, big)
        if not small_archive.exists():
            make_archive(small_archive, small)
        print(
            f"archive: {big:,} stories, {big_archive.stat().st_size / 2**20:,.0f} MB JSON Lines "
            f"(tools/make_archive.py, {time.perf_counter() - t0:.1f} s); and its first {small:,}"
        )
        base = checker_baseline(
            big_archive, cache_dir, 2_000 if not args.quick else 1_000, args.profile
        )

        def report(label: str, archive: Path, out: Path, *extra: str, workers: int = 1):
            seconds, cpu, written, peak = run_batch(archive, out, cache_dir, *extra)
            rate = written / seconds
            print(
                f"{label:<38} {written:>8,} stories {seconds:7.1f} s {rate:7.1f}/s wall "
                f"({rate / workers:6.1f}/s per worker); {written / cpu:6.1f} per CPU-second "
                f"({written / cpu / base:4.2f}x the checker alone); peak RSS {peak:6.1f} MB"
            )
            return rate, peak

        print()
        r1_small, m1_small = report("1 process, JSON Lines out", small_archive, work / "s1.jsonl")
        r1, m1 = report("1 process, JSON Lines out", big_archive, work / "b1.jsonl")
        report("1 process, Parquet out", small_archive, work / "s1.parquet")
        r2_small, m2_small = report(
            "2 processes, JSON Lines out",
            small_archive,
            work / "s2.jsonl",
            "--jobs",
            "2",
            workers=2,
        )
        r2, m2 = report(
            "2 processes, JSON Lines out", big_archive, work / "b2.jsonl", "--jobs", "2", workers=2
        )
        rd = md = None
        if have_dask:
            rd, md = report(
                "Dask LocalCluster, 2 workers, Parquet",
                big_archive,
                work / "bd.parquet",
                "--engine",
                "dask",
                "--jobs",
                "2",
                workers=2,
            )
        else:
            print("Dask: not installed (python -m pip install '.[batch]'): skipped")
        print()
        print(f"scaling 1 -> 2 processes:          {r2 / r1:5.2f}x   (target >= 1.8x)")
        if rd:
            print(f"scaling 1 process -> Dask 2 workers: {rd / r1:5.2f}x")
        print(
            f"memory growth {small:,} -> {big:,} stories, 1 process:  {m1 / m1_small:5.2f}x "
            f"({m1_small:.0f} -> {m1:.0f} MB; target <= 1.10x)"
        )
        print(
            f"memory growth {small:,} -> {big:,} stories, 2 processes: {m2 / m2_small:5.2f}x "
            f"({m2_small:.0f} -> {m2:.0f} MB; target <= 1.10x)"
        )
        print(
            "per CPU-second figures count every process of the run (workers, Dask scheduler "
            "and nannies, start-up included); Dask writes Parquet, the process runs JSON Lines"
        )
        print(
            f"load average at end {os.getloadavg()[0]:.2f} (other work on the machine slows "
            "every figure alike)"
        )
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
