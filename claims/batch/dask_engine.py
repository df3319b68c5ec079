"""Dask workers as the engine (the ``dask`` extra): the same per-story function, on a cluster.

This process reads the archive and cuts it into partitions of ``--partition-size`` stories;
each partition is one task (``Client.submit`` of ``check_partition``) run by a worker, which
opens its own rate store read-only. At most two partitions per worker thread are in flight,
and results are written here, in input order, as they come back: memory stays flat on both
sides and the workers need no access to the archive or the output (a remote scheduler or a
Kubernetes cluster works as a laptop does). Futures rather than a ``dask.bag``: a bag over a
stream must either hold the whole archive in this process or have every worker read the
input files itself, and neither holds for a CMS export on one machine and a remote cluster.

Every worker reports the rate data it judged with; a worker whose data differs from this
process's stops the run (results that depend on which machine ran them are no results).
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable

from claims.batch._extras import need
from claims.batch.items import Item
from claims.batch.story import Done, Job, check_chunk, store_for
from claims.errors import ClaimsError

IN_FLIGHT_PER_THREAD = 2
CONNECT_TIMEOUT = "20s"


def rate_data_identity(cache_dir: str | None) -> tuple:
    """What identifies the rate data a process judges with: claims version, datasets, pegs."""
    from claims import __version__

    info = store_for(cache_dir).info()
    return (
        __version__,
        tuple(sorted((s["source"], s["dataset"], s["last_date"] or "") for s in info["sources"])),
    )


_IDENTITY: dict[str | None, tuple] = {}


def check_partition(items: list[Item], job: Job) -> tuple[tuple, list[Done]]:
    """Run on a Dask worker: the worker's rate-data identity and the partition's records."""
    if job.cache_dir not in _IDENTITY:
        _IDENTITY[job.cache_dir] = rate_data_identity(job.cache_dir)
    return _IDENTITY[job.cache_dir], check_chunk(items, job)


def run_dask(
    parts: Iterable[list[Item]], job: Job, on_records, *, scheduler: str | None, workers: int
) -> None:
    """Check every partition on Dask workers, writing results in input order."""
    distributed = need("distributed")
    cluster = None
    try:
        if scheduler:
            client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
        else:
            cluster = distributed.LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            client = distributed.Client(cluster)
    except (OSError, TimeoutError) as exc:
        where = f"the Dask scheduler at {scheduler}" if scheduler else "a local Dask cluster"
        raise ClaimsError(f"cannot reach {where}: {exc}") from None
    try:
        expected = rate_data_identity(job.cache_dir)
        slots = max(1, sum(client.nthreads().values()))
        pending: deque = deque()

        def collect(future) -> None:
            try:
                identity, records = future.result()
            except distributed.KilledWorker as exc:
                raise ClaimsError(
                    f"Dask workers died on a partition ({exc}); the results "
                    "written so far are kept: run again with --resume"
                ) from None
            if identity != expected:
                raise ClaimsError(
                    "a Dask worker judges with other rate data or another claims "
                    f"version ({identity[0]}; here {expected[0]}): give every "
                    "worker the same claims and rate store (CLAIMS_CACHE_DIR)"
                )
            on_records(records)

        for part in parts:
            pending.append(client.submit(check_partition, part, job, pure=False))
            if len(pending) >= slots * IN_FLIGHT_PER_THREAD:
                collect(pending.popleft())
        while pending:
            collect(pending.popleft())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
