"""The door of the service (plain ASGI, before any routing): bearer token, JSON only, body size.

Runs before the application reads anything, so an unauthenticated, oversized or non-UTF-8
request is answered (401, 413, 415, 400) without its body being parsed; a body is read into memory only up to
the limit, whether or not it declared its length.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable
from typing import Any

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]

#: Paths anyone may read even when a token is set: liveness, the API description, the form page.
OPEN_PATHS = frozenset({("GET", "/healthz"), ("GET", "/openapi.json"), ("GET", "/v1/report")})


#: The routes that read a JSON body: only these get the media-type and size checks.
BODY_ROUTES = frozenset({("POST", "/v1/check"), ("POST", "/v1/extract"), ("POST", "/v1/report")})


def error_body(code: str, message: str, errors: list | None = None) -> dict[str, Any]:
    """The one error shape: ``{"error": {"code", "message"[, "errors"]}}``."""
    body: dict[str, Any] = {"code": code, "message": message}
    if errors is not None:
        body["errors"] = errors
    return {"error": body}


async def send_error(
    send: Send, status: int, code: str, message: str, headers: tuple[tuple[bytes, bytes], ...] = ()
) -> None:
    data = json.dumps(error_body(code, message)).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(data)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": data})


class Gate:
    """ASGI middleware: token, content type and body size, in that order."""

    def __init__(self, app: Any, *, token: str | None, max_body_bytes: int) -> None:
        self.app = app
        self.token = token.encode() if token else None
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method, path = scope["method"], scope["path"]
        headers = {k.lower(): v for k, v in scope.get("headers", ())}
        if self.token and (method, path) not in OPEN_PATHS and path.startswith("/v1/"):
            if not self._authorised(headers.get(b"authorization", b"")):
                await send_error(
                    send,
                    401,
                    "unauthorized",
                    "send the service's token as 'Authorization: Bearer TOKEN'",
                    ((b"www-authenticate", b'Bearer realm="claims"'),),
                )
                return
        if (method, path) not in BODY_ROUTES:  # the app answers 404/405 itself
            await self.app(scope, receive, send)
            return
        media = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
        if media != b"application/json":
            await send_error(
                send,
                415,
                "unsupported-media-type",
                "send the request body as JSON (Content-Type: application/json)",
            )
            return
        declared = headers.get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_body_bytes:
            await self._too_large(send)
            return
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            if len(body) > self.max_body_bytes:
                await self._too_large(send)
                return
            if not message.get("more_body"):
                break
        try:
            bytes(body).decode("utf-8")
        except UnicodeDecodeError as exc:
            await send_error(
                send,
                400,
                "bad-request",
                f"the request body is not UTF-8 (byte {exc.start}); send UTF-8 JSON",
            )
            return
        await self.app(scope, _replay(bytes(body), receive), send)

    def _authorised(self, header: bytes) -> bool:
        scheme, _, given = header.partition(b" ")
        return (
            scheme.lower() == b"bearer"
            and self.token is not None
            and hmac.compare_digest(given.strip(), self.token)
        )

    async def _too_large(self, send: Send) -> None:
        await send_error(
            send,
            413,
            "too-large",
            f"the request body is larger than {self.max_body_bytes} bytes "
            "(the server's --max-body-bytes)",
        )


def _replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that hands the buffered body over once, then defers to the real one."""
    sent = False

    async def replay() -> dict[str, Any]:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
