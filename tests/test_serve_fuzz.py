"""Property-based fuzzing of the running service, driven by its own OpenAPI document.

schemathesis generates valid and invalid requests for every operation and runs its checks on
each answer: no 5xx, documented status codes and content types, responses that match their
schemas, invalid data rejected. Bounded: ``EXAMPLES`` per operation (a few hundred in all),
on a server on 127.0.0.1 that the test starts and stops.
"""

from __future__ import annotations

import os

import pytest
from serve_helpers import need_serve_extra, running_server

need_serve_extra()
schemathesis = pytest.importorskip(
    "schemathesis",
    reason="schemathesis is not installed: pip install '.[test-serve]'",
    exc_type=ImportError,
)
from hypothesis import HealthCheck, settings  # noqa: E402 - after the skip

# per operation: 8 in CI (7 operations, about 60 requests; the examples are derandomized, so
# CI replays the same ones), from the examples and fuzzing phases; CLAIMS_FUZZ=long for 200
# and the coverage phase too (its boundary and type-violating cases: ~60 s more, several
# hundred requests per POST operation; docs/development.md)
LONG = os.environ.get("CLAIMS_FUZZ") == "long"
EXAMPLES = 200 if LONG else 8


@pytest.fixture(scope="module")
def api_server(rate_store, cache_dir, tmp_path_factory):
    with running_server(
        tmp_path_factory.mktemp("fuzz"),
        cache_dir,
        "--workers",
        "2",
        "--max-body-bytes",
        "65536",
        "--time-limit",
        "20",
    ) as srv:
        yield srv


@pytest.fixture(scope="module")
def api_schema(api_server):
    loaded = schemathesis.openapi.from_url(f"{api_server.url}/openapi.json")
    if not LONG:  # the coverage phase's boundary cases: hundreds of requests per operation
        loaded.config.phases.update(phases=["examples", "fuzzing"])
    return loaded


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=EXAMPLES, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)
def test_api_answers_every_generated_request_well(case, api_server):
    response = case.call_and_validate(timeout=30)
    assert response.status_code < 500
    assert "Traceback" not in response.text
