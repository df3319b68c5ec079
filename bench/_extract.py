"""Extraction throughput: ``claims.extract.extract`` against quantulum3 on the same text.

Run ``python bench/_extract.py``. Builds a multi-story text from the bundled example story and
the conversion corpus sentences (repeated to ~70 KB and ~1 MB), times ``extract`` on both in
MB/s, times quantulum3's ``parser.parse`` and ``extract`` on the first ~20 KB (quantulum3 is slow)
in the same run, and prints the ratio. Not a test: timings depend on the machine.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.extract import extract  # noqa: E402

STORY = ROOT / "examples" / "korea-herald-june-2025.txt"
CORPUS = ROOT / "tests" / "fixtures" / "dev_currency.jsonl"
QUANTULUM_BYTES = 20_000


def build_text(target_bytes: int) -> str:
    """Stories separated by blank lines: the example story, then corpus sentences as paragraphs."""
    story = STORY.read_text(encoding="utf-8")
    sentences = [
        json.loads(line)["text"] for line in CORPUS.read_text("utf-8").splitlines() if line.strip()
    ]
    block = (
        story
        + "\n\n"
        + "\n".join(" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4))
        + "\n\n"
    )
    reps = max(1, target_bytes // len(block.encode("utf-8")) + 1)
    return (block * reps)[:target_bytes]


def _best_of(fn, text: str, rounds: int) -> float:
    """Fastest wall time of ``rounds`` calls (seconds)."""
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - t0)
    return best


def run(report=print) -> dict[str, float]:
    """Time both extractors; ``report`` receives one line per figure."""
    small, large = build_text(70_000), build_text(1_000_000)
    mb_small = len(small.encode("utf-8")) / 1e6
    mb_large = len(large.encode("utf-8")) / 1e6
    extract(small)  # warm up (imports, regex compile)
    t_small = _best_of(extract, small, 5)
    t_large = _best_of(extract, large, 2)
    n = len(extract(large).conversions)
    report(f"claims.extract  ~70 KB: {mb_small / t_small:8.2f} MB/s  ({t_small * 1000:.1f} ms)")
    report(
        f"claims.extract  ~1 MB : {mb_large / t_large:8.2f} MB/s  ({t_large * 1000:.1f} ms,"
        f" {n} conversions)"
    )
    result = {"extract_mb_s": mb_small / t_small, "extract_large_mb_s": mb_large / t_large}
    try:
        from quantulum3 import parser
    except ImportError:  # pragma: no cover
        report("quantulum3 not installed: no ratio")
        return result
    sample = small[:QUANTULUM_BYTES]  # quantulum3 needs ~0.3 s per KB
    mb_sample = len(sample.encode("utf-8")) / 1e6
    parser.parse(sample[:2000])  # warm up (loads its models)
    t_q = _best_of(parser.parse, sample, 1)
    t_e = _best_of(extract, sample, 5)
    result["quantulum3_mb_s"] = mb_sample / t_q
    result["ratio"] = t_q / t_e
    report(
        f"quantulum3      ~{len(sample) // 1000} KB: {mb_sample / t_q:8.4f} MB/s"
        f"  ({t_q * 1000:.1f} ms)"
    )
    report(
        f"claims.extract  ~{len(sample) // 1000} KB: {mb_sample / t_e:8.2f} MB/s"
        f"  ({t_e * 1000:.1f} ms)"
    )
    report(f"ratio (extract / quantulum3, same text, same run): {result['ratio']:.0f}x")
    return result


def main() -> int:
    run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
