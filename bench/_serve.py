"""Load figures of `claims serve` on loopback: requests/s, p50/p99 latency, memory.

Run from the checkout after `python -m pip install '.[serve]'`:
``python bench/_serve.py [--quick] [--workers N]``. The story is the README's 2,000-word
example; the server is the real command on 127.0.0.1 (a free port), stopped at the end. Two
baselines are measured in the same run: the same check in-process (no HTTP, no worker
hop) and the `claims check` command run cold per story, as a pre-commit hook does. Client and
server share this machine's cores, so the figures are a floor, not a capacity plan.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
STORY = ROOT / "examples" / "korea-herald-june-2025.txt"


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1))))]


def in_process_ms(cache_dir: str, repeat: int) -> float:
    from claims.check import CheckOptions, check_document
    from claims.documents import load_document
    from claims.rates import open_store

    store, data = open_store(cache_dir), STORY.read_bytes()
    options = CheckOptions(today=date.today(), as_of=date(2025, 6, 30))
    check_document(load_document("s.txt", data), store, options)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        check_document(load_document("s.txt", data), store, options)
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def cold_cli_ms(cache_dir: str, repeat: int) -> float:
    command = [
        sys.executable,
        "-m",
        "claims",
        "check",
        str(STORY),
        "--date",
        "2025-06-30",
        "--format",
        "json",
        "--cache-dir",
        cache_dir,
    ]
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(command, cwd=ROOT, capture_output=True, check=False)
        times.append(time.perf_counter() - t0)
    return min(times) * 1000


def load(port: int, body: bytes, clients: int, total: int, deadline_s: float) -> dict:
    from serve_helpers import run_load

    answers, elapsed = run_load(
        port, "/v1/check", body, clients=clients, total=total, deadline_s=deadline_s
    )
    latencies = [seconds for _status, _data, seconds in answers]
    return {
        "n": len(answers),
        "errors": sum(1 for status, _d, _s in answers if status != 200),
        "rps": len(answers) / elapsed,
        "p50": percentile(latencies, 50) * 1000,
        "p99": percentile(latencies, 99) * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer requests")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if any(importlib.util.find_spec(m) is None for m in ("fastapi", "uvicorn")):
        print("claims serve needs the serve extra (pip install '.[serve]'): skipped")
        return
    from serve_helpers import process_tree_rss_mb, running_server

    total = 60 if args.quick else 300
    words = len(STORY.read_text(encoding="utf-8").split())
    body = json.dumps({"text": STORY.read_text(encoding="utf-8"), "date": "2025-06-30"}).encode()
    with tempfile.TemporaryDirectory() as tmp:
        cache_dir = str(Path(tmp) / "store")
        baseline = in_process_ms(cache_dir, 20)  # builds the store once, too
        cold = cold_cli_ms(cache_dir, 3)
        with running_server(Path(tmp), Path(cache_dir), "--workers", str(args.workers)) as srv:
            idle_mb = process_tree_rss_mb(srv.process.pid)
            load(srv.port, body, 2, 20, 30)  # warm the connections
            rows = [(clients, load(srv.port, body, clients, total, 60)) for clients in (1, 4, 8)]
            busy_mb = process_tree_rss_mb(srv.process.pid)
    print(f"story: {STORY.name}, {words} words; server: {args.workers} workers on 127.0.0.1")
    print(f"baseline, check in-process:        {baseline:8.1f} ms")
    print(f"baseline, `claims check` cold:      {cold:8.1f} ms per story (a hook's cost)")
    for clients, r in rows:
        print(
            f"{clients} client(s): {r['n']:4d} requests, {r['errors']} errors, "
            f"{r['rps']:7.1f} req/s, p50 {r['p50']:7.1f} ms, p99 {r['p99']:7.1f} ms"
        )
    one = rows[0][1]
    best = max(r["rps"] for _c, r in rows)
    print(f"HTTP + worker overhead at p50:      {one['p50'] / baseline:8.1f}x the in-process check")
    print(f"throughput vs cold `claims check`:  {best * cold / 1000:8.1f}x (stories per second)")
    print(
        f"memory, server and workers (RSS):   {idle_mb:8.1f} MB idle, {busy_mb:.1f} MB after load"
    )


if __name__ == "__main__":
    main()
