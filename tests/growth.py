"""Growth-ratio checks instead of wall-clock limits: 10x the input may take at most 30x the
time (linear code measures 10-16x on a loaded 2-core machine, a quadratic blow-up ~100x),
whatever the machine's speed or load."""

from __future__ import annotations

import time
from collections.abc import Callable

#: The smaller input is grown until one run takes this long (or holds ``MAX_CHARS``), and no
#: run counts as shorter than ``FLOOR_SECONDS``, so timer noise cannot fake a blow-up.
MIN_SECONDS = 0.03
MAX_CHARS = 1_000_000
FLOOR_SECONDS = 0.005


def _best_of(fn: Callable[[], object], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def growth(
    fn: Callable[[str], object], make: Callable[[int], str], n: int, factor: int = 10
) -> float:
    """Time ratio of ``fn(make(n * factor))`` to ``fn(make(n))`` (best of three each), ``n``
    first doubled until ``fn(make(n))`` takes ``MIN_SECONDS`` or the input ``MAX_CHARS``."""
    while len(make(n)) < MAX_CHARS and _best_of(lambda n=n: fn(make(n)), 1) < MIN_SECONDS:
        n *= 2
    small, large = make(n), make(n * factor)
    return _best_of(lambda: fn(large)) / max(_best_of(lambda: fn(small)), FLOOR_SECONDS)
