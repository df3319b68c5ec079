"""The HTTP routes (FastAPI): each hands validated input to a worker job and answers its data.

No route computes anything itself: checks, extraction, reports and rate look-ups run in the
worker processes (``claims.serve.pool``) under the time limit; ``/healthz`` answers from a
summary of the store kept by the server process, so it answers even when every worker is busy.
Every error is one JSON shape (``claims.serve.gate.error_body``), never a traceback.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from datetime import date
from typing import Any

from fastapi import FastAPI, Path, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from claims.serve import schemas
from claims.serve.gate import Gate, error_body
from claims.serve.pool import JobFailed, Pool, PoolError
from claims.serve.settings import ServeSettings

log = logging.getLogger("claims.serve")
HTML_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:; connect-src 'self'; form-action 'none'; base-uri 'none'"
)

#: How a job's ClaimsError is answered: kind -> (status, code).
JOB_ERRORS = {
    "StaleData": (404, "stale-data"),
    "NoRate": (404, "no-rate"),
    "UnknownCurrency": (404, "unknown-currency"),
    "InputError": (422, "bad-input"),
    "ConfigError": (422, "bad-setting"),
    "RateError": (503, "store-unavailable"),
}
_STATUS_CODES = {
    400: "bad-request",
    401: "unauthorized",
    404: "not-found",
    405: "method-not-allowed",
    413: "too-large",
    415: "unsupported-media-type",
}


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    text = {
        400: "the body is not UTF-8 JSON",
        401: "no or wrong bearer token (only when the server has one)",
        404: "not found",
        413: "body larger than the server's limit",
        415: "body is not JSON",
        422: "invalid input: each field says what is wrong",
        503: "busy, over the time limit, or the rate store is unavailable; retry later",
    }
    return {c: {"model": schemas.ErrorResponse, "description": text[c]} for c in codes}


_POST_ERRORS = _errors(400, 401, 413, 415, 422, 503)


class HealthCache:
    """The store's data range for ``/healthz``, recomputed only when the store file changes."""

    def __init__(self, state: Any) -> None:
        self.state = state
        self.stamp: Any = object()
        self.value: dict[str, Any] = {}

    async def get(self) -> dict[str, Any]:
        from claims.serve.jobs import file_stamp, job_health

        stamp = file_stamp(self.state.store.location.db_path)
        if stamp != self.stamp:
            self.value = await asyncio.to_thread(job_health, self.state, {})
            self.stamp = stamp
        return self.value


def create_app(settings: ServeSettings, pool: Pool, health: HealthCache) -> Any:
    """The ASGI application: routes inside the token/size/type gate."""
    from contextlib import asynccontextmanager

    from claims import __version__

    @asynccontextmanager
    async def lifespan(_app: Any):
        pool.attach(asyncio.get_running_loop())
        yield

    app = FastAPI(
        title="claims",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
        description="Check the numbers in news copy: currency conversions against "
        "ECB reference rates, unit conversions and stated arithmetic.",
    )

    async def job(name: str, payload: dict[str, Any]) -> Any:
        return await pool.run(name, payload, timeout=settings.time_limit)

    def story_payload(story: schemas.StoryRequest) -> dict[str, Any]:
        return {**story.payload(), "today": date.today().isoformat()}  # the edge's clock

    @app.post(
        "/v1/check",
        response_model=schemas.CheckResponse,
        responses=_POST_ERRORS,
        summary="Check one story",
        tags=["stories"],
    )
    async def check(story: schemas.StoryRequest) -> JSONResponse:
        """The findings for one story: the same JSON as `claims check --format json`, plus
        `outcome` (whether a finding reaches `fail_on`, as the CLI's exit code 1)."""
        return _json(await job("check", story_payload(story)))

    @app.post(
        "/v1/extract",
        response_model=schemas.ExtractResponse,
        responses=_POST_ERRORS,
        summary="List the money figures of one story",
        tags=["stories"],
    )
    async def extract(story: schemas.StoryRequest) -> JSONResponse:
        """Every money mention, conversion pair and stated rate, as `claims extract --format json`."""
        return _json(await job("extract", story_payload(story)))

    @app.post(
        "/v1/report",
        response_class=HTMLResponse,
        responses={
            200: {"content": {"text/html": {}}, "description": "one self-contained HTML page"},
            **_POST_ERRORS,
        },
        summary="The HTML report of one story",
        tags=["stories"],
    )
    async def report(story: schemas.StoryRequest) -> HTMLResponse:
        """The story with every checked figure highlighted and its evidence, as
        `claims check --format html`."""
        page = await job("report", story_payload(story))
        return HTMLResponse(
            page, headers={"Content-Security-Policy": HTML_CSP, "Cache-Control": "no-store"}
        )

    @app.get(
        "/v1/report",
        response_class=HTMLResponse,
        summary="A form to check a story",
        tags=["stories"],
        responses={200: {"content": {"text/html": {}}}},
    )
    async def report_form() -> HTMLResponse:
        """A page to paste a story into; it posts to `POST /v1/report` and shows the report."""
        from claims.serve.page import form_page

        return HTMLResponse(
            form_page(token_needed=settings.token is not None),
            headers={"Content-Security-Policy": HTML_CSP},
        )

    @app.get(
        "/v1/rates/{base}/{quote}",
        response_model=schemas.Rate,
        responses=_errors(401, 404, 422, 503),
        summary="A reference rate",
        tags=["rates"],
    )
    async def rate(
        base: str = Path(pattern=r"^[A-Za-z]{3}$", examples=["USD"]),
        quote: str = Path(pattern=r"^[A-Za-z]{3}$", examples=["KRW"]),
        day: schemas.IsoDay | None = Query(
            None, alias="date", description="YYYY-MM-DD; default today"
        ),
    ) -> JSONResponse:
        """Units of QUOTE per 1 BASE in force on the day (the latest fixing on or before it),
        with the fixing's date, its source and dataset: the rate the checks would use."""
        on = day or date.today().isoformat()
        return _json(await job("rate", {"base": base, "quote": quote, "date": on}))

    @app.get(
        "/v1/rules",
        response_model=schemas.RulesResponse,
        responses=_errors(401),
        summary="The rule reference",
        tags=["reference"],
    )
    async def rules() -> JSONResponse:
        """Every finding code with its name, check, usual verdict, help and examples, and the
        diagnosis slugs."""
        from dataclasses import asdict

        from claims.rules import DIAGNOSES, RULES

        listed = [{**asdict(r), "level": r.level} for r in RULES.values()]
        return _json({"rules": listed, "diagnoses": dict(DIAGNOSES)})

    @app.get(
        "/healthz",
        response_model=schemas.Health,
        responses=_errors(503),
        summary="Liveness, the store's data range and the workers",
        tags=["service"],
    )
    async def healthz() -> JSONResponse:
        """`status` is `ok` when the store answers; `store.last_date` is the last ECB fixing held."""
        store = await health.get()
        return _json(
            {
                "status": "ok",
                "version": __version__,
                "store": store,
                "workers": pool.status(),
                "limits": settings.limits(),
            }
        )

    _install_errors(app)
    _document(app, settings)
    return Gate(app, token=settings.token, max_body_bytes=settings.max_body_bytes)


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(
        data, status_code=status, headers={"Cache-Control": "no-store", **(headers or {})}
    )


def _install_errors(app: Any) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors: list[dict[str, Any]] = [
            {
                "loc": [str(p) for p in e.get("loc", ())],
                "msg": e.get("msg", ""),
                "type": e.get("type", ""),
            }
            for e in exc.errors()
        ]
        first: dict[str, Any] = (
            errors[0] if errors else {"loc": [], "msg": "invalid request", "type": ""}
        )
        where = ".".join(p for p in first["loc"] if p != "body") or "body"
        message = f"{where}: {first['msg'].removeprefix('Value error, ')}"
        if first["type"] == "json_invalid":
            reason = (exc.errors()[0].get("ctx") or {}).get("error", "")
            message = f"body: not valid JSON ({reason})" if reason else "body: not valid JSON"
            errors = [{"loc": ["body"], "msg": message, "type": "json_invalid"}]
        return _json(error_body("invalid", message, jsonable_encoder(errors)), 422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _STATUS_CODES.get(exc.status_code, "error")
        headers = dict(exc.headers or {})
        if exc.status_code == 405:  # every route of the path, not just one
            headers["Allow"] = ", ".join(sorted(_methods(app, request.scope)))
        return _json(error_body(code, str(exc.detail)), exc.status_code, headers)

    @app.exception_handler(JobFailed)
    async def job_failed(_request: Request, exc: JobFailed) -> JSONResponse:
        status, code = JOB_ERRORS.get(exc.kind, (422, "bad-input"))
        return _json(error_body(code, str(exc)), status)

    @app.exception_handler(PoolError)
    async def pool_error(_request: Request, exc: PoolError) -> JSONResponse:
        if exc.status >= 500 and exc.status != 503:
            log.error("claims serve: %s", exc)
        return _json(error_body(exc.code, str(exc)), exc.status, {"Retry-After": "1"})

    @app.exception_handler(Exception)
    async def internal(_request: Request, exc: Exception) -> JSONResponse:
        log.error("claims serve: internal error: %s: %s", type(exc).__name__, exc)
        return _json(
            error_body("internal", "internal error in claims; the server log says more"), 500
        )


def _methods(app: Any, scope: Mapping[str, Any]) -> set[str]:
    """The methods some route of this path answers."""
    from starlette.routing import Match

    found: set[str] = set()
    for route in app.router.routes:
        methods = getattr(route, "methods", None)
        if methods and route.matches({**scope, "method": next(iter(methods))})[0] == Match.FULL:
            found.update(methods)
    return found


def _document(app: Any, settings: ServeSettings) -> None:
    """Finish the OpenAPI document: errors are always JSON; with a token, bearer auth on /v1."""
    from claims.serve.gate import OPEN_PATHS

    make = app.openapi
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}}

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        spec = make()
        for path, operations in spec["paths"].items():
            for method, op in operations.items():
                for status, answer in op.get("responses", {}).items():
                    if status[:1] in "45":
                        answer["content"] = error
                if (
                    settings.token
                    and path.startswith("/v1/")
                    and (method.upper(), path) not in OPEN_PATHS
                ):
                    op["security"] = [{"bearer": []}]
        if settings.token:
            spec.setdefault("components", {})["securitySchemes"] = {
                "bearer": {"type": "http", "scheme": "bearer"}
            }
        app.openapi_schema = spec
        return spec

    app.openapi = openapi
