"""Worker processes that run the checks: bounded concurrency and a hard per-request time limit.

Each worker is a spawned process that opens the rate store read-only once and then answers
jobs (``claims.serve.jobs``) sent down a pipe. The event loop hands a request to an idle
worker (waiting at most the time limit for one, and refusing at once when ``max_queue``
requests already wait); a worker that overruns the time limit is killed and replaced, so a
pathological story cannot hold a slot. Jobs answer ``("ok", value)`` or ``("client", kind,
message)`` for a ``ClaimsError``; a crash is reported as ``WorkerDied``.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
import threading
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from typing import Any

START_TIMEOUT = 120.0  # seconds for a new worker to open the store


class PoolError(Exception):
    """A request could not be run; ``status`` and ``code`` say how to answer it."""

    status = 503
    code = "unavailable"


class Busy(PoolError):
    """Every worker is busy and the queue is full (or the wait ran out)."""

    code = "busy"


class TimeLimit(PoolError):
    """The job ran past the per-request time limit; its worker was replaced."""

    code = "time-limit"


class WorkerDied(PoolError):
    """The worker process ended while running the job (it is replaced)."""

    status = 500
    code = "worker-died"


class JobFailed(Exception):
    """The job raised a ``ClaimsError``: the input or a parameter is bad (a 4xx answer)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind  # the ClaimsError subclass name, e.g. "InputError"


def _worker_main(conn: Connection, init: dict[str, Any]) -> None:
    """The worker process: set up once, then answer jobs until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    from claims.serve import jobs

    try:
        state = jobs.WorkerState.open(**init)
    except Exception as exc:  # noqa: BLE001 - reported to the parent as one line
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", os.getpid()))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        name, payload = message
        conn.send(jobs.run(state, name, payload))


class Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, ctx: Any, init: dict[str, Any]) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(
            target=_worker_main, args=(child, init), daemon=True, name="claims-serve-worker"
        )
        self.process.start()
        child.close()

    def wait_ready(self, timeout: float = START_TIMEOUT) -> None:
        """Block until the worker has opened the store; RuntimeError if it could not."""
        if not self.conn.poll(timeout):
            self.kill()
            raise RuntimeError(f"a worker did not start within {timeout:.0f} s")
        try:
            status, detail = self.conn.recv()
        except EOFError:
            status, detail = "failed", f"exit code {self.process.exitcode}"
        if status != "ready":
            self.kill()
            raise RuntimeError(f"a worker could not start: {detail}")

    def call(self, name: str, payload: Any, timeout: float) -> Any:
        """Run one job (blocking); raise TimeLimit, WorkerDied or JobFailed."""
        try:
            self.conn.send((name, payload))
            if not self.conn.poll(timeout):
                raise TimeLimit(f"the request took longer than the {timeout:g} s time limit")
            answer = self.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            raise WorkerDied("the worker running this request stopped unexpectedly") from None
        if answer[0] == "ok":
            return answer[1]
        if answer[0] == "client":
            raise JobFailed(answer[1], answer[2])
        raise WorkerDied(answer[1])

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()

    def stop(self) -> None:
        """Ask the worker to finish, then make sure it has."""
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.process.join(2)
        self.kill()


class Pool:
    """``size`` worker processes; ``run`` is awaited by request handlers."""

    def __init__(self, size: int, init: dict[str, Any], *, max_queue: int) -> None:
        self.size, self.init, self.max_queue = size, init, max_queue
        self._ctx = multiprocessing.get_context("spawn")  # no fork of a threaded server
        self._threads = ThreadPoolExecutor(max_workers=size + 1, thread_name_prefix="claims-pool")
        self._all: set[Worker] = set()
        self._starting: list[Worker] = []
        self._lock = threading.Lock()
        self._idle: asyncio.Queue[Worker] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self.waiting = 0  # requests waiting for a worker
        self.running = 0  # requests on a worker now
        self.starting = 0  # workers being replaced
        self.replaced = 0

    def spawn(self) -> None:
        """Start every worker (they open the store and warm up meanwhile)."""
        self._starting = [Worker(self._ctx, self.init) for _ in range(self.size)]

    def wait_ready(self) -> None:
        """Wait until each spawned worker is ready (before serving); RuntimeError if one fails."""
        workers, self._starting = self._starting, []
        try:
            for w in workers:
                w.wait_ready()
        except RuntimeError:
            for w in workers:
                w.kill()
            raise
        self._all.update(workers)

    def attach(self, loop: asyncio.AbstractEventLoop) -> None:
        """Bind to the server's event loop (at startup): the idle queue lives there."""
        self._loop = loop
        self._idle = asyncio.Queue()
        for w in self._all:
            self._idle.put_nowait(w)

    def status(self) -> dict[str, int]:
        """Counts for ``/healthz``: ready (idle) workers, running and waiting requests."""
        return {
            "size": self.size,
            "ready": self._idle.qsize() if self._idle else 0,
            "busy": self.running,
            "starting": self.starting,
            "waiting": self.waiting,
            "replaced": self.replaced,
        }

    async def run(self, name: str, payload: Any, *, timeout: float) -> Any:
        """Run job ``name`` on an idle worker within ``timeout`` seconds of running time."""
        assert self._idle is not None and self._loop is not None, "Pool.attach first"
        if self.waiting >= self.max_queue and self._idle.empty():
            raise Busy(
                f"all {self.size} workers are busy and {self.waiting} requests wait; retry shortly"
            )
        self.waiting += 1
        try:
            worker = await asyncio.wait_for(self._idle.get(), timeout)
        except TimeoutError:
            raise Busy(f"no worker was free within {timeout:g} s; retry shortly") from None
        finally:
            self.waiting -= 1
        self.running += 1
        try:
            result = await self._loop.run_in_executor(
                self._threads, worker.call, name, payload, timeout
            )
        except JobFailed:
            self._idle.put_nowait(worker)
            raise
        except BaseException:  # over time, died, or cancelled mid-job
            self.starting += 1
            self._threads.submit(self._replace, worker)
            raise
        finally:
            self.running -= 1
        self._idle.put_nowait(worker)
        return result

    def _replace(self, worker: Worker) -> None:
        """Kill a worker and start a fresh one (in a pool thread); it rejoins when ready."""
        worker.kill()
        with self._lock:
            self._all.discard(worker)
        fresh = None
        for _attempt in range(3):
            candidate = Worker(self._ctx, self.init)
            try:
                candidate.wait_ready()
            except RuntimeError:
                continue
            fresh = candidate
            break
        with self._lock:
            if fresh is not None:
                self._all.add(fresh)
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._rejoin, fresh)

    def _rejoin(self, fresh: Worker | None) -> None:
        """On the loop: count the replacement and make the new worker available."""
        self.starting -= 1
        self.replaced += 1
        if fresh is not None and self._idle is not None:
            self._idle.put_nowait(fresh)

    def close(self) -> None:
        """Stop every worker (at shutdown)."""
        self._threads.shutdown(wait=False, cancel_futures=True)
        with self._lock:
            workers = list(self._all) + self._starting
            self._all.clear()
            self._starting = []
        for w in workers:
            w.stop()
