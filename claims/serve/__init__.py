"""``claims serve``: the checks as an HTTP service for a CMS's pre-publish step.

FastAPI on uvicorn (the optional ``serve`` extra; imported only by ``claims serve``). The
rate store is built (if needed) before serving, then opened read-only by every worker
process; checks run in those workers under a time limit, with bounded concurrency, behind a
gate that enforces the token, JSON bodies and the body size. Loopback by default.

    serve(ServeSettings(port=8484))        # blocks until SIGINT/SIGTERM
"""

from __future__ import annotations

import signal
import socket
import sys
from collections.abc import Callable

from claims.serve.settings import ServeSettings

__all__ = ["ServeSettings", "serve", "missing_dependency"]

REQUIRED = ("fastapi", "uvicorn")


def missing_dependency() -> str | None:
    """The first package of the ``serve`` extra that is not installed, or None."""
    import importlib.util

    return next((name for name in REQUIRED if importlib.util.find_spec(name) is None), None)


def serve(settings: ServeSettings, announce: Callable[[str], None] | None = None) -> None:
    """Open the store, start the workers, listen, and serve until told to stop."""
    from claims.serve.jobs import WorkerState
    from claims.serve.pool import Pool

    state = WorkerState.open(settings.cache_dir, settings.config, warm=False)  # builds it once
    sock = _bind(settings.host, settings.port)
    pool = Pool(
        settings.workers,
        {"cache_dir": settings.cache_dir, "base_config": settings.config},
        max_queue=settings.max_queue,
    )
    try:
        pool.spawn()  # workers warm up while the web stack loads
        import uvicorn

        from claims.serve.app import HealthCache, create_app

        app = create_app(settings, pool, HealthCache(state))
        pool.wait_ready()
        config = uvicorn.Config(
            app,
            log_level=settings.log_level,
            server_header=False,
            timeout_keep_alive=5,
            timeout_graceful_shutdown=10,
            limit_concurrency=settings.workers + settings.max_queue + 16,
        )
        host, port = sock.getsockname()[:2]
        shown = f"[{host}]" if ":" in host else host
        (announce or _stderr)(
            f"claims serve: listening on http://{shown}:{port} "
            f"({settings.workers} workers, store data to "
            f"{state.store.last_date()})"
        )
        previous = signal.signal(signal.SIGTERM, _stop)
        try:
            uvicorn.Server(config).run(sockets=[sock])
        except _Stopped:
            pass  # uvicorn finished its graceful shutdown
        finally:
            signal.signal(signal.SIGTERM, previous)
    finally:
        pool.close()
        sock.close()
        state.store.close()


class _Stopped(Exception):
    """SIGTERM, re-raised by uvicorn after its graceful shutdown: a normal stop."""


def _stop(_signum: int, _frame: object) -> None:
    raise _Stopped


def _bind(host: str, port: int) -> socket.socket:
    """A listening socket (port 0: a free one), so the real port can be announced."""
    family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)  # asyncio then sets
    # TCP_NODELAY on each connection (it checks the protocol): no 40 ms delayed-ACK stalls
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as exc:
        sock.close()
        from claims.errors import ConfigError

        raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def _stderr(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()
