"""``claims serve``: run the HTTP service (needs the ``serve`` extra: FastAPI and uvicorn)."""

from __future__ import annotations

import argparse
import os

from claims.cli._common import EXIT_OK, add_cache_dir


def add_serve(sub) -> None:
    p = sub.add_parser(
        "serve",
        help="run the checks as an HTTP service (pip install 'claims[serve]')",
        description="Serve POST /v1/check, /v1/extract, /v1/report, GET /v1/rates/BASE/QUOTE, "
        "/v1/rules, /healthz and /openapi.json. Listens on 127.0.0.1 unless told "
        "otherwise; any other address needs a token.",
    )
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1, this machine only)",
    )
    p.add_argument("--port", type=int, default=8484, help="port (default 8484; 0 picks a free one)")
    p.add_argument(
        "--workers",
        type=int,
        default=min(4, os.cpu_count() or 1),
        metavar="N",
        help="processes running checks, i.e. requests checked at once "
        "(default: the cores, at most 4)",
    )
    p.add_argument(
        "--max-queue",
        type=int,
        default=32,
        metavar="N",
        help="requests that may wait for a worker; more are answered 503 (default 32)",
    )
    p.add_argument(
        "--time-limit",
        type=float,
        default=10.0,
        metavar="S",
        help="seconds a request may wait for a worker, and then run on it; past "
        "either, 503 (a worker that overran is replaced) (default 10)",
    )
    p.add_argument(
        "--max-body-bytes",
        type=int,
        default=1024 * 1024,
        metavar="N",
        help="largest request body; larger ones are answered 413 (default 1 MiB)",
    )
    p.add_argument(
        "--token-file",
        metavar="FILE",
        help="require 'Authorization: Bearer TOKEN' with the token in FILE "
        "(or set CLAIMS_SERVE_TOKEN)",
    )
    p.add_argument(
        "--config",
        metavar="FILE",
        help="the publication's .claims.toml: defaults for every request",
    )
    p.add_argument(
        "--log-level",
        default="info",
        choices=["critical", "error", "warning", "info", "debug"],
        help="how much the server logs (default: info)",
    )
    add_cache_dir(p)
    p.set_defaults(run=cmd_serve)


def _token(args: argparse.Namespace) -> str | None:
    from claims.errors import ConfigError
    from claims.serve.settings import TOKEN_ENV, check_token

    try:
        if args.token_file:
            try:
                with open(args.token_file, encoding="utf-8") as fh:
                    return check_token(fh.read(4096), args.token_file)
            except (OSError, UnicodeDecodeError) as exc:
                raise ConfigError(
                    f"--token-file: cannot read {args.token_file}: "
                    f"{getattr(exc, 'strerror', None) or exc}"
                ) from None
        if os.environ.get(TOKEN_ENV):
            return check_token(os.environ[TOKEN_ENV], TOKEN_ENV)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
    return None


def settings_from(args: argparse.Namespace):
    """ServeSettings from the flags; a bad value is a ConfigError (one line, exit 2)."""
    from pathlib import Path

    from claims.config import Config, load_config
    from claims.errors import ConfigError
    from claims.serve.settings import ServeSettings, is_loopback

    if not 0 <= args.port <= 65535:
        raise ConfigError(f"--port: must be from 0 to 65535 (got {args.port})")
    if not 1 <= args.workers <= 64:
        raise ConfigError(f"--workers: must be from 1 to 64 (got {args.workers})")
    if not 0 <= args.max_queue <= 10000:
        raise ConfigError(f"--max-queue: must be from 0 to 10000 (got {args.max_queue})")
    if not 0 < args.time_limit <= 3600:
        raise ConfigError(
            f"--time-limit: must be more than 0 and at most 3600 s (got {args.time_limit:g})"
        )
    if not 1024 <= args.max_body_bytes <= 64 * 1024 * 1024:
        raise ConfigError(
            f"--max-body-bytes: must be from 1024 to 67108864 (got {args.max_body_bytes})"
        )
    token = _token(args)
    if not is_loopback(args.host) and token is None:
        raise ConfigError(
            f"--host {args.host}: not a loopback address; set a token "
            "(--token-file or CLAIMS_SERVE_TOKEN) to serve beyond this machine"
        )
    config = load_config(Path(args.config)) if args.config else Config()
    return ServeSettings(
        host=args.host,
        port=args.port,
        workers=args.workers,
        max_queue=args.max_queue,
        time_limit=args.time_limit,
        max_body_bytes=args.max_body_bytes,
        token=token,
        cache_dir=str(Path(args.cache_dir).absolute()) if args.cache_dir else None,
        config=config,
        log_level=args.log_level,
    )


def cmd_serve(args: argparse.Namespace) -> int:
    from claims.errors import ConfigError
    from claims.serve import missing_dependency

    missing = missing_dependency()
    if missing:
        raise ConfigError(f"claims serve needs {missing}: pip install 'claims[serve]'")
    settings = settings_from(args)
    from claims.serve import serve

    try:
        serve(settings)
    except RuntimeError as exc:  # a worker could not open the store
        raise ConfigError(f"serve: {exc}") from None
    return EXIT_OK
