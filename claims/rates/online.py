"""An optional online single-day source: the web service forex-python calls, with timeouts.

forex-python itself has no timeout and uses ``requests``; here its service URL is called with
urllib and an explicit timeout instead, and the answer is kept as Decimal. Never used on the
default path: a caller must ask for it. The answer is cited as ``online: <host>``.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation

from claims.errors import NoRate
from claims.model import Rate

DEFAULT_TIMEOUT = 5.0
MAX_BYTES = 1024 * 1024


def service_url() -> str:
    """forex-python's service URL (read from the library, which moves it between releases)."""
    try:
        from forex_python.converter import Common

        return Common()._source_url()
    except Exception:  # not installed, or its API changed
        return "https://theratesapi.com/api/"


def fetch_rate(
    base: str, quote: str, on: date, timeout: float = DEFAULT_TIMEOUT, url: str | None = None
) -> Rate:
    """Ask the service for ``base``/``quote`` on ``on``; any failure is NoRate with the reason."""
    root = url or service_url()
    query = urllib.parse.urlencode({"base": base, "symbols": quote, "rtype": "fpy"})
    address = f"{root.rstrip('/')}/{on.isoformat()}?{query}"
    host = urllib.parse.urlsplit(root).netloc or root
    try:
        with urllib.request.urlopen(address, timeout=timeout) as response:
            body = response.read(MAX_BYTES + 1)
        if len(body) > MAX_BYTES:
            raise NoRate(f"online source {host}: answer too large")
        answer = json.loads(body, parse_float=Decimal, parse_int=Decimal)
        value = Decimal(answer["rates"][quote])
        used = date.fromisoformat(str(answer.get("date") or on.isoformat()))
    except NoRate:
        raise
    except urllib.error.HTTPError as exc:
        raise NoRate(f"online source {host}: HTTP {exc.code}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise NoRate(
            f"online source {host} unreachable within {timeout:g} s: {getattr(exc, 'reason', exc)}"
        ) from None
    except (ValueError, KeyError, TypeError, InvalidOperation):
        raise NoRate(f"online source {host}: no {base}/{quote} rate in its answer") from None
    if not value > 0 or used > on:
        raise NoRate(f"online source {host}: unusable answer for {base}/{quote} on {on}")
    retrieved = datetime.now(UTC).isoformat(timespec="seconds")
    return Rate(
        base,
        quote,
        value,
        used,
        on,
        f"online: {host} (forex-python service)",
        f"{address} retrieved {retrieved}",
        "online",
    )
