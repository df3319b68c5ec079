"""A progress bar on a terminal (tqdm: stories, stories/s, ETA); nothing at all otherwise.

The number of stories is counted in a background thread (a cheap pass over the archive)
so the bar starts at once and gains its total and ETA when the count is in.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any


class Progress:
    """Counts stories done; draws a bar only when ``enabled`` (stderr is a terminal)."""

    def __init__(
        self, enabled: bool, count: Callable[[], int] | None = None, already: int = 0
    ) -> None:
        self.bar: Any = None
        if not enabled:
            return
        try:
            from tqdm import tqdm
        except ImportError:  # a dependency, but a bar is never worth a failure
            return

        sized = _columns() > 0  # a terminal that reports no size: 80 x 20
        self.bar = tqdm(
            total=None,
            initial=already,
            unit=" stories",
            unit_scale=True,
            dynamic_ncols=sized,
            ncols=None if sized else 80,
            nrows=None if sized else 20,
            file=sys.stderr,
            smoothing=0.1,
            desc="checking",
        )
        if count is not None:
            threading.Thread(target=self._count, args=(count,), daemon=True).start()

    def _count(self, count: Callable[[], int]) -> None:
        try:
            total = count()
        except Exception:  # noqa: BLE001 - a bar without a total is still a bar
            return
        bar = self.bar
        if bar is not None:
            bar.total = total
            bar.refresh()

    def update(self, n: int) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def _columns() -> int:
    import os

    try:
        return os.get_terminal_size(sys.stderr.fileno()).columns
    except (OSError, ValueError, AttributeError):
        return 0


def is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False
