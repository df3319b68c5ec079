"""How one ``claims serve`` runs: address, limits, token, store and the publication's settings."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field

from claims.config import Config

TOKEN_ENV = "CLAIMS_SERVE_TOKEN"
MIN_TOKEN_CHARS = 16


@dataclass(frozen=True)
class ServeSettings:
    """Every knob of the service; the CLI fills it from flags, env and files."""

    host: str = "127.0.0.1"
    port: int = 8484
    workers: int = 2  # processes running checks: at most this many at once
    max_queue: int = 32  # requests that may wait for a worker; more get 503
    time_limit: float = 10.0  # seconds a request may wait, then run (each)
    max_body_bytes: int = 1024 * 1024
    token: str | None = field(default=None, repr=False)
    cache_dir: str | None = None
    config: Config = Config()  # the publication's .claims.toml, if given
    log_level: str = "info"

    def limits(self) -> dict[str, float]:
        """The limits, as ``/healthz`` reports them."""
        return {
            "workers": self.workers,
            "max_queue": self.max_queue,
            "time_limit_s": self.time_limit,
            "max_body_bytes": self.max_body_bytes,
        }


def is_loopback(host: str) -> bool:
    """Whether ``host`` only reaches this machine (127.0.0.0/8, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_token(token: str, where: str) -> str:
    """A usable bearer token (whitespace around it dropped), or ValueError saying why not."""
    token = token.strip()
    if len(token) < MIN_TOKEN_CHARS or any(c.isspace() for c in token) or not token.isprintable():
        raise ValueError(
            f"{where}: the token must be at least {MIN_TOKEN_CHARS} printable "
            "characters without spaces (e.g. `python -c 'import secrets; "
            "print(secrets.token_urlsafe(32))'`)"
        )
    return token
