"""The streaming runner: archive items in, result records out, in order, as they are ready.

Items are grouped into small chunks, skipped when ``--resume`` found them in the output, and
handed to an engine: this process (``jobs=1``), a pool of worker processes, or Dask workers
(``claims.batch.dask_engine``). At most a few chunks per worker are in flight at once, so
memory stays flat however long the archive is. Worker processes are started with ``spawn``:
they share nothing with this one (no SQLite connection crosses a fork) and each opens the
rate store read-only for itself.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from claims.batch.items import Item
from claims.batch.story import Done, Job, check_chunk

CHUNK = 16  # stories per task sent to a worker process
IN_FLIGHT_PER_WORKER = 4  # tasks queued per worker: keeps it busy, bounds memory

OnRecords = Callable[[list[Done]], None]


@dataclass
class Tally:
    """What a run did: stories checked, skipped as already done, problems, findings by verdict."""

    stories: int = 0
    skipped: int = 0
    problems: int = 0
    verdicts: Counter = field(default_factory=Counter)

    def add(self, done: list[Done]) -> None:
        self.stories += len(done)
        for story in done:
            self.problems += story.problem
            self.verdicts.update(story.counts)


def chunks(items: Iterable[Item], size: int, done: set[str], tally: Tally) -> Iterator[list[Item]]:
    """``items`` in lists of ``size``, leaving out those whose id is in ``done``."""
    chunk: list[Item] = []
    for item in items:
        if item.id in done:
            tally.skipped += 1
            continue
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_here(parts: Iterable[list[Item]], job: Job, on_records: OnRecords) -> None:
    """Check every chunk in this process."""
    for part in parts:
        on_records(check_chunk(part, job))


def run_processes(parts: Iterable[list[Item]], job: Job, on_records: OnRecords, jobs: int) -> None:
    """Check chunks in ``jobs`` worker processes; results come back in input order."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool
    from pathlib import Path

    from claims.errors import ClaimsError
    from claims.rates import open_store

    open_store(Path(job.cache_dir) if job.cache_dir else None).close()  # built once, here
    pool = ProcessPoolExecutor(
        jobs, mp_context=multiprocessing.get_context("spawn"), initializer=_worker_start
    )
    pending: deque = deque()
    try:
        for part in parts:
            pending.append(pool.submit(check_chunk, part, job))
            if len(pending) >= jobs * IN_FLIGHT_PER_WORKER:
                on_records(pending.popleft().result())
        while pending:
            on_records(pending.popleft().result())
    except BrokenProcessPool:
        raise ClaimsError(
            "a worker process died (out of memory?); the results written so far "
            "are kept: run again with --resume"
        ) from None
    finally:
        for future in pending:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def _worker_start() -> None:
    """A worker leaves Ctrl-C to the main process, which stops the pool and closes the output."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
