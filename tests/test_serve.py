"""`claims serve` against the real server on 127.0.0.1: the same findings as the CLI, clear
4xx answers for bad input, limits, the token. Skipped without the `serve` extra."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from serve_helpers import ROOT, need_serve_extra, running_server

need_serve_extra()

FIXTURES = ROOT / "tests" / "fixtures" / "html_report"
BODY_LIMIT = 256 * 1024


@pytest.fixture(scope="module")
def server(rate_store, cache_dir, tmp_path_factory):
    with running_server(
        tmp_path_factory.mktemp("serve"),
        cache_dir,
        "--workers",
        "2",
        "--max-body-bytes",
        str(BODY_LIMIT),
    ) as srv:
        yield srv


def cli(*args: str, cache_dir: Path) -> dict:
    proc = subprocess.run(
        [sys.executable, "-m", "claims", *args, "--cache-dir", str(cache_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


# ------------------------------------------------------------------------------ same as the CLI

STORIES = [  # (id, path, request field, extra CLI args / request keys)
    ("readme-seed-story", "examples/korea-herald-june-2025.txt", "text", {"date": "2025-06-30"}),
    ("readme-wrong-figures", "examples/wrong-figures.txt", "text", {}),
    ("markdown-every-verdict", "tests/fixtures/html_report/desk-mix.md", "markdown", {}),
    ("html-stated-rate", "tests/fixtures/html_report/desk-mix.html", "html", {}),
]


@pytest.mark.parametrize(
    "path, field, extra", [s[1:] for s in STORIES], ids=[s[0] for s in STORIES]
)
def test_same_findings_as_the_cli(server, cache_dir, path, field, extra):
    args = ["check", path, "--format", "json"] + [
        a for k, v in extra.items() for a in (f"--{k}", v)
    ]
    expected = cli(*args, cache_dir=cache_dir)
    story = (ROOT / path).read_text(encoding="utf-8")
    answer = server.post("/v1/check", {field: story, "name": path, **extra})
    assert answer.status == 200, answer
    got = answer.json()
    assert got["files"] == expected["files"]
    assert got["summary"] == expected["summary"]
    assert got["version"] == expected["version"] == 2
    assert got["files"][0]["findings"], "the example stories all have checked figures"


def test_outcome_says_what_the_exit_code_would(server):
    story = (ROOT / "examples" / "wrong-figures.txt").read_text(encoding="utf-8")
    failed = server.post("/v1/check", {"text": story}).json()["outcome"]
    assert failed == {"fail_on": "error", "failed": True}
    lenient = server.post("/v1/check", {"text": story, "options": {"fail_on": "never"}}).json()
    assert lenient["outcome"] == {"fail_on": "never", "failed": False}


def test_options_and_config_layer_like_the_cli(server):
    story = (ROOT / "examples" / "wrong-figures.txt").read_text(encoding="utf-8")
    ignored = server.post("/v1/check", {"text": story, "config": {"ignore": ["CUR001"]}}).json()
    assert ignored["files"][0]["findings"] == [] and not ignored["outcome"]["failed"]
    only_units = server.post(
        "/v1/check", {"text": story, "options": {"checks": ["unit-conversion"]}}
    ).json()
    assert only_units["summary"]["error"] == 0


def test_language_and_number_format_layer_like_the_cli(server):
    """The request's ``language`` outranks the page's ``lang``; each file says which it used."""
    page = (
        '<html lang="es-MX"><body><article><p>El 3 de junio de 2025 la empresa pagó '
        "25.000 dólares (21.950 euros).</p></article></body></html>"
    )
    told = server.post("/v1/check", {"html": page}).json()["files"][0]
    assert (told["language"], told["language_source"]) == ("es-MX", "document")
    chosen = server.post("/v1/check", {"html": page, "language": "de"}).json()["files"][0]
    assert (chosen["language"], chosen["language_source"]) == ("de", "option")
    dotted = server.post(
        "/v1/extract", {"text": "Pagó 12.345 dólares.", "options": {"number_format": "1,234.5"}}
    ).json()
    assert dotted["files"][0]["mentions"][0]["value"] == "12.345"


def test_extract_matches_the_cli(server, cache_dir):
    path = "examples/korea-herald-june-2025.txt"
    expected = cli("extract", path, "--format", "json", cache_dir=cache_dir)
    story = (ROOT / path).read_text(encoding="utf-8")
    got = server.post("/v1/extract", {"text": story, "name": path}).json()
    assert got == expected
    assert len(got["files"][0]["conversions"]) == 2


def test_rate_matches_rates_show(server, cache_dir):
    expected = cli(
        "rates",
        "show",
        "USD",
        "KRW",
        "--date",
        "2025-06-30",
        "--format",
        "json",
        cache_dir=cache_dir,
    )
    answer = server.get("/v1/rates/usd/KRW?date=2025-06-30")
    assert answer.status == 200 and answer.json() == expected
    assert expected["source"] == "ECB euro reference rate" and expected["date"] == "2025-06-30"


def test_rules_and_health(server, rate_store):
    from claims.rules import DIAGNOSES, RULES

    rules = server.get("/v1/rules").json()
    assert [r["code"] for r in rules["rules"]] == list(RULES)
    assert rules["diagnoses"] == dict(DIAGNOSES)
    health = server.get("/healthz").json()
    assert health["status"] == "ok"
    assert health["store"]["last_date"] == rate_store.last_date().isoformat()
    assert health["store"]["first_date"] == "1999-01-04"
    assert health["workers"]["size"] == 2


def test_openapi_document_lists_every_route(server):
    spec = server.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    assert {
        "/v1/check",
        "/v1/extract",
        "/v1/report",
        "/v1/rates/{base}/{quote}",
        "/v1/rules",
        "/healthz",
    } <= set(spec["paths"])
    assert "security" not in spec["paths"]["/v1/check"]["post"]  # no token on this server


def test_report_is_a_self_contained_page(server):
    story = (FIXTURES / "desk-mix.md").read_text(encoding="utf-8")
    answer = server.post("/v1/report", {"markdown": story, "name": "desk-mix.md"})
    assert answer.status == 200
    assert answer.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in answer.headers["content-security-policy"]
    page = answer.text
    findings = server.post("/v1/check", {"markdown": story}).json()["files"][0]["findings"]
    assert len(findings) == 7
    assert page.count('<a class="badge ') == len(findings) and '<svg class="chart"' in page
    form = server.get("/v1/report")
    assert form.status == 200 and "<textarea" in form.text and 'id="token"' not in form.text


# ------------------------------------------------------------------------------ bad input

BAD = [  # (id, method, path, body or raw bytes, headers, status, error code)
    ("no-story", "POST", "/v1/check", {"date": "2025-06-30"}, {}, 422, "invalid"),
    ("two-stories", "POST", "/v1/check", {"text": "a", "html": "b"}, {}, 422, "invalid"),
    ("misspelt-field", "POST", "/v1/check", {"text": "a", "markdwon": "b"}, {}, 422, "invalid"),
    ("story-not-a-string", "POST", "/v1/check", {"text": 42}, {}, 422, "invalid"),
    (
        "impossible-date",
        "POST",
        "/v1/check",
        {"text": "a", "date": "2025-02-30"},
        {},
        422,
        "invalid",
    ),
    ("date-in-words", "POST", "/v1/check", {"text": "a", "date": "June 30"}, {}, 422, "invalid"),
    ("language-not-read", "POST", "/v1/check", {"text": "a", "language": "sw"}, {}, 422, "invalid"),
    (
        "language-not-a-tag",
        "POST",
        "/v1/check",
        {"text": "a", "language": "French"},
        {},
        422,
        "invalid",
    ),
    (
        "number-format-unknown",
        "POST",
        "/v1/check",
        {"text": "a", "options": {"number_format": "1;234"}},
        {},
        422,
        "invalid",
    ),
    (
        "window-too-wide",
        "POST",
        "/v1/check",
        {"text": "a", "options": {"window_days": 400}},
        {},
        422,
        "invalid",
    ),
    (
        "config-unknown-key",
        "POST",
        "/v1/check",
        {"text": "a", "config": {"windw_days": 3}},
        {},
        422,
        "invalid",
    ),
    (
        "config-bad-value",
        "POST",
        "/v1/check",
        {"text": "a", "config": {"dollar": "dollars"}},
        {},
        422,
        "invalid",
    ),
    (
        "not-a-code",
        "POST",
        "/v1/check",
        {"text": "a", "options": {"ignore": ["XYZ123"]}},
        {},
        422,
        "invalid",
    ),
    (
        "margin-as-boolean",
        "POST",
        "/v1/check",
        {"text": "a", "options": {"margin_pct": True}},
        {},
        422,
        "invalid",
    ),
    (
        "lone-surrogate",
        "POST",
        "/v1/extract",
        b'{"text": "a \\ud800 b"}',
        {"Content-Type": "application/json"},
        422,
        "bad-input",
    ),
    (
        "not-json",
        "POST",
        "/v1/check",
        b"{text: 1",
        {"Content-Type": "application/json"},
        422,
        "invalid",
    ),
    ("json-array", "POST", "/v1/check", [1, 2], {}, 422, "invalid"),
    (
        "plain-text-body",
        "POST",
        "/v1/check",
        b"a story",
        {"Content-Type": "text/plain"},
        415,
        "unsupported-media-type",
    ),
    ("too-large", "POST", "/v1/check", {"text": "x" * (BODY_LIMIT + 10)}, {}, 413, "too-large"),
    (
        "unknown-currency",
        "GET",
        "/v1/rates/USD/QQQ?date=2025-06-30",
        None,
        {},
        404,
        "unknown-currency",
    ),
    ("past-the-data", "GET", "/v1/rates/USD/KRW?date=2999-01-01", None, {}, 404, "stale-data"),
    ("before-the-data", "GET", "/v1/rates/USD/KRW?date=1990-01-01", None, {}, 404, "no-rate"),
    ("bad-rate-date", "GET", "/v1/rates/USD/KRW?date=tomorrow", None, {}, 422, "invalid"),
    ("code-not-three-letters", "GET", "/v1/rates/DOLLAR/KRW", None, {}, 422, "invalid"),
    ("no-such-route", "GET", "/v2/check", None, {}, 404, "not-found"),
    ("no-write-methods", "DELETE", "/v1/rules", None, {}, 405, "method-not-allowed"),
]


@pytest.mark.parametrize(
    "method, path, body, headers, status, code", [b[1:] for b in BAD], ids=[b[0] for b in BAD]
)
def test_bad_input_gets_a_clear_answer(server, method, path, body, headers, status, code):
    raw = body if isinstance(body, bytes) else None
    answer = server.request(
        method, path, None if raw is not None else body, headers=headers, raw=raw
    )
    assert answer.status == status, answer
    error = answer.json()["error"]
    assert error["code"] == code
    assert error["message"] and "\n" not in error["message"] and len(error["message"]) < 400
    assert "Traceback" not in answer.text and 'File "' not in answer.text


def test_bad_input_messages_name_the_field(server):
    error = server.post("/v1/check", {"text": "a", "options": {"window_days": 400}}).json()["error"]
    assert error["message"].startswith("options.window_days:")
    error = server.post("/v1/check", {"text": "a", "language": "sw"}).json()["error"]
    assert error["message"].startswith("language:") and "reads" in error["message"]
    error = server.post("/v1/check", {"text": "a", "options": {"number_format": "x"}}).json()
    assert error["error"]["message"].startswith("options.number_format:")
    error = server.post("/v1/check", {"text": "a", "config": {"window_days": 400}}).json()["error"]
    assert error["message"] == "config.window_days: Input should be less than or equal to 366"


# ------------------------------------------------------------------------------ limits, token


def _slow_story() -> str:
    """About 320 KB of dense figures: several seconds of checking, well over a 1 s limit."""
    return ((FIXTURES / "desk-mix.md").read_text(encoding="utf-8").split("---", 2)[2] + "\n") * 600


def test_time_limit_and_queue_bound(rate_store, cache_dir, tmp_path):
    story = {"markdown": _slow_story()}
    small = {"text": "SEOUL, June 30, 2025 - It cost 100 trillion won ($72.29 billion)."}
    with running_server(
        tmp_path, cache_dir, "--workers", "1", "--max-queue", "0", "--time-limit", "1"
    ) as srv:
        answers = {}
        slow = threading.Thread(
            target=lambda: answers.setdefault("slow", srv.post("/v1/check", story))
        )
        slow.start()
        time.sleep(0.4)  # the one worker is now busy
        busy = srv.post("/v1/check", small)
        slow.join(30)
        assert busy.status == 503 and busy.json()["error"]["code"] == "busy"
        assert busy.headers["retry-after"] == "1"
        over = answers["slow"]
        assert over.status == 503 and over.json()["error"]["code"] == "time-limit"
        deadline = time.monotonic() + 60  # the overrunning worker is replaced
        while time.monotonic() < deadline:
            workers = srv.get("/healthz").json()["workers"]
            if workers["ready"] == 1:
                break
            time.sleep(0.2)
        assert workers == {
            "size": 1,
            "ready": 1,
            "busy": 0,
            "starting": 0,
            "waiting": 0,
            "replaced": 1,
        }
        after = srv.post("/v1/check", small)
        assert after.status == 200, after
        assert after.json()["summary"]["ok"] == 1
        srv.process.terminate()
        assert srv.process.wait(20) == 0
    assert "Traceback" not in srv.log.read_text("utf-8", "replace")


def test_token_guards_every_v1_route(rate_store, cache_dir, tmp_path):
    token = "s3cret-token-for-tests-only-0123"
    with running_server(
        tmp_path, cache_dir, "--workers", "1", env={"CLAIMS_SERVE_TOKEN": token}
    ) as srv:
        body = {"text": "It cost 100 trillion won ($72.29 billion)."}
        missing = srv.post("/v1/check", body)
        assert missing.status == 401 and missing.headers["www-authenticate"].startswith("Bearer")
        wrong = srv.post("/v1/check", body, headers={"Authorization": f"Bearer {token}x"})
        assert wrong.status == 401
        assert srv.get("/v1/rules").status == 401
        good = srv.post("/v1/check", body, headers={"Authorization": f"Bearer {token}"})
        assert good.status == 200
        assert srv.get("/healthz").status == 200  # liveness stays open
        assert 'id="token"' in srv.get("/v1/report").text  # the form asks for it
        spec = srv.get("/openapi.json").json()
        assert spec["paths"]["/v1/check"]["post"]["security"] == [{"bearer": []}]
        assert spec["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"


SERVE_USAGE = [  # (id, args, env, message fragment)
    ("remote-without-token", ["--host", "0.0.0.0"], {}, "not a loopback address"),
    ("short-token", [], {"CLAIMS_SERVE_TOKEN": "short"}, "at least 16"),
    ("missing-token-file", ["--token-file", "/nonexistent/token"], {}, "cannot read"),
    ("zero-workers", ["--workers", "0"], {}, "--workers"),
    ("tiny-body-limit", ["--max-body-bytes", "10"], {}, "--max-body-bytes"),
    ("bad-config", ["--config", "/nonexistent/.claims.toml"], {}, "cannot read config"),
]


@pytest.mark.parametrize(
    "args, env, fragment", [u[1:] for u in SERVE_USAGE], ids=[u[0] for u in SERVE_USAGE]
)
def test_serve_refuses_bad_settings_in_one_line(args, env, fragment):
    import os

    proc = subprocess.run(
        [sys.executable, "-m", "claims", "serve", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "CLAIMS_SERVE_TOKEN": "", **env},
    )
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and fragment in proc.stderr, proc.stderr
    assert proc.stdout == ""


def test_listening_socket_lets_asyncio_disable_nagle():
    """asyncio sets TCP_NODELAY only on IPPROTO_TCP sockets; without it each keep-alive
    answer waited ~40 ms for a delayed ACK (measured by bench/_serve.py)."""
    import socket

    from claims.serve import _bind

    sock = _bind("127.0.0.1", 0)
    try:
        assert sock.proto == socket.IPPROTO_TCP
    finally:
        sock.close()


def test_a_nul_inside_a_json_story_is_a_character_not_a_binary_file(server):
    answer = server.post(
        "/v1/check",
        {"text": "It cost\u0000 100 trillion won ($72.29 billion).", "date": "2025-06-30"},
    )
    assert answer.status == 200, answer
    (finding,) = answer.json()["files"][0]["findings"]
    assert finding["code"] == "CUR003"
