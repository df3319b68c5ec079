"""``claims rates update`` against a real HTTP server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from rates_helpers import Server, history_plus, zipped

from claims.errors import NoRate, UpdateError
from claims.rates import open_store
from claims.rates.locations import store_location
from claims.rates.online import fetch_rate
from claims.rates.update import update

ROOT = Path(__file__).resolve().parents[1]


# ------------------------------------------------------------------ test data

FEW_ROWS = """Date,USD,JPY,KRW,
2024-01-03,1.0919,155.15,1420.1,
2024-01-02,1.0956,155.02,1428.3,
"""


@pytest.fixture(scope="module")
def server():
    srv = Server()
    good, _ = history_plus(1)

    def truncated(handler):
        body = srv.routes["/good.zip"][1]
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body[: len(body) // 3])
        handler.wfile.flush()
        handler.close_connection = True

    srv.routes["/truncated.zip"] = truncated
    srv.routes.update(
        {
            "/good.zip": (200, good),
            "/500": (500, b"internal error"),
            "/few.zip": (200, zipped(FEW_ROWS)),
            "/notzip": (200, b"<html>maintenance</html>"),
            "/bomb.zip": (200, zipped("Date,USD,\n" + "0" * 40_000_000)),
            "/unordered.zip": (
                200,
                zipped("Date,USD,\n2024-01-02,1.1,\n2024-01-03,1.2,\n2024-01-01,1.0,\n"),
            ),
        }
    )
    yield srv
    srv.close()


def snapshot(folder: Path) -> bytes:
    return (folder / "rates.sqlite3").read_bytes()


# ------------------------------------------------------------------ updates


def test_good_update_swaps_in_the_new_history(server, store_dir, rate_store):
    _, new_last = history_plus(1)
    result = update(store_location(store_dir), server.url + "/good.zip", timeout=5)
    assert result.last_date == new_last.isoformat()
    assert result.previous_last_date == rate_store.last_date().isoformat()
    store = open_store(store_dir)
    assert store.last_date() == new_last
    rate = store.rate("EUR", "USD", new_last)
    assert rate.value == Decimal("1.2345") and server.url in rate.dataset
    assert (
        store.rate("USD", "KRW", date(2025, 6, 23)).value
        == rate_store.rate("USD", "KRW", date(2025, 6, 23)).value
    )  # history kept
    kept = store_dir / "downloads"
    assert (kept / "eurofxref-hist.zip").is_file()
    assert json.loads((kept / "eurofxref-hist.json").read_text())["url"] == server.url + "/good.zip"
    (store_dir / "rates.sqlite3").write_bytes(b"garbage")  # rebuilt from the download
    assert open_store(store_dir).last_date() == new_last


@pytest.mark.parametrize(
    "path, message",
    [
        ("/truncated.zip", "download failed"),
        ("/500", "HTTP 500"),
        ("/missing", "HTTP 404"),
        ("/notzip", "not an ECB history file"),
        ("/bomb.zip", "limit"),
        ("/unordered.zip", "out of order"),
        ("/few.zip", "keeping it"),
    ],
    ids=["truncated", "http-500", "http-404", "not-a-zip", "zip-bomb", "unordered", "shrinks"],
)
def test_failed_update_leaves_the_store_intact(server, store_dir, path, message):
    before = snapshot(store_dir)
    with pytest.raises(UpdateError, match=message) as info:
        update(store_location(store_dir), server.url + path, timeout=5)
    assert "\n" not in str(info.value)
    assert snapshot(store_dir) == before
    assert not (store_dir / "downloads").exists()


def test_a_server_that_never_answers_times_out(server, store_dir):
    before = snapshot(store_dir)
    start = time.monotonic()
    with pytest.raises(UpdateError, match="timed out"):
        update(store_location(store_dir), server.url + "/hang", timeout=0.5)
    assert time.monotonic() - start < 5
    assert snapshot(store_dir) == before


def test_a_small_history_replaces_only_with_force(server, store_dir):
    result = update(store_location(store_dir), server.url + "/few.zip", timeout=5, force=True)
    assert (result.first_date, result.last_date) == ("2024-01-02", "2024-01-03")
    store = open_store(store_dir)
    assert store.rate("EUR", "KRW", date(2024, 1, 3)).value == Decimal("1420.1")
    assert store.rate("EUR", "GBP", date(2024, 1, 3)).kind == "hmrc"  # not in the file


def test_refuses_other_url_schemes(store_dir):
    with pytest.raises(UpdateError, match="only http"):
        update(store_location(store_dir), "ftp://example.invalid/x.zip")


def test_update_from_a_local_file(store_dir, tmp_path):
    data, new_last = history_plus(2)
    path = tmp_path / "eurofxref-hist.zip"
    path.write_bytes(data)
    update(store_location(store_dir), path.as_uri())
    assert open_store(store_dir).last_date() == new_last


def test_two_concurrent_updates_leave_a_consistent_store(server, store_dir):
    one, day_one = history_plus(1, "1.1111")
    two, day_two = history_plus(2, "2.2222")
    server.routes["/one.zip"], server.routes["/two.zip"] = (200, one), (200, two)
    errors = []

    def run(path):
        try:
            update(store_location(store_dir), server.url + path, timeout=5, force=True)
        except Exception as exc:  # pragma: no cover
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(p,)) for p in ("/one.zip", "/two.zip")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    store = open_store(store_dir)
    info = store.info()
    assert info["integrity"] == "ok"
    kept = json.loads((store_dir / "downloads" / "eurofxref-hist.json").read_text())
    ecb = next(s for s in info["sources"] if s["kind"] == "reference")
    assert kept["sha256"][:12] in ecb["dataset"]  # download and DB agree
    assert store.last_date() in (day_one, day_two)
    assert not list(store_dir.glob("*.tmp-*"))


def test_two_concurrent_update_processes(server, store_dir):
    one, _ = history_plus(1, "1.1111")
    two, day_two = history_plus(2, "2.2222")
    server.routes["/p1.zip"], server.routes["/p2.zip"] = (200, one), (200, two)
    env = {k: v for k, v in os.environ.items() if k != "CLAIMS_CACHE_DIR"}
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "claims",
                "rates",
                "update",
                "--url",
                server.url + path,
                "--timeout",
                "5",
                "--force",
                "--cache-dir",
                str(store_dir),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in ("/p1.zip", "/p2.zip")
    ]
    outcomes = [p.communicate(timeout=120) + (p.returncode,) for p in procs]
    assert [rc for _out, _err, rc in outcomes] == [0, 0], outcomes
    store = open_store(store_dir)
    assert store.info()["integrity"] == "ok"
    assert store.rate("EUR", "USD", store.last_date()).value in (
        Decimal("1.1111"),
        Decimal("2.2222"),
    )


def test_cli_update_failure_is_one_line_exit_2(server, store_dir):
    before = snapshot(store_dir)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "claims",
            "rates",
            "update",
            "--url",
            server.url + "/500",
            "--timeout",
            "5",
            "--cache-dir",
            str(store_dir),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "HTTP 500" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert snapshot(store_dir) == before


# ------------------------------------------------------------------ the optional online source


def test_online_source_answers_with_decimal_and_cites_itself(server):
    server.routes["/api/2025-06-23"] = (
        200,
        b'{"base": "USD", "date": "2025-06-23", "rates": {"KRW": 1388.1538}}',
    )
    rate = fetch_rate("USD", "KRW", date(2025, 6, 23), timeout=2, url=server.url + "/api/")
    assert rate.value == Decimal("1388.1538") and rate.kind == "online"
    assert rate.source.startswith("online: 127.0.0.1")


def test_online_source_is_bounded_by_its_timeout(server):
    start = time.monotonic()
    with pytest.raises(NoRate, match="unreachable"):
        fetch_rate("USD", "KRW", date(2025, 6, 23), timeout=0.5, url=server.url + "/hang/")
    assert time.monotonic() - start < 5
    server.routes["/err/2025-06-23"] = (500, b"down")
    with pytest.raises(NoRate, match="HTTP 500"):
        fetch_rate("USD", "KRW", date(2025, 6, 23), timeout=2, url=server.url + "/err/")
