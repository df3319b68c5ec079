"""Downloads are bounded and their origin is honest: a real HTTP server on 127.0.0.1 only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rates_helpers import Server, history_plus, many_headers, redirect, trickle

from claims.errors import UpdateError
from claims.rates import open_store
from claims.rates.fetch import download, redirect_allowed
from claims.rates.locations import store_location
from claims.rates.update import update

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def server():
    srv = Server()
    good, _ = history_plus(1)
    srv.routes.update(
        {
            "/good.zip": (200, good),
            "/with%20space.zip": (200, good),
            "/slow-headers": trickle(good, in_headers=True, release=srv.release, interval=0.2),
            "/slow-body": trickle(b"x" * 200, in_headers=False, release=srv.release, interval=0.2),
            "/slow-headers-1s": trickle(good, in_headers=True, release=srv.release),
            "/many-headers": many_headers(120, good),
            "/some-headers": many_headers(60, good),
            "/loop-a": redirect("/loop-b"),
            "/loop-b": redirect("/loop-a"),
            "/moved": redirect("/good.zip", 301),
            "/to-ftp": redirect("ftp://127.0.0.1/eurofxref-hist.zip"),
            "/to-file": redirect("file:///etc/passwd"),
        }
    )
    yield srv
    srv.close()


def snapshot(folder: Path) -> bytes:
    return (folder / "rates.sqlite3").read_bytes()


# ------------------------------------------------------------------ a total deadline


@pytest.mark.parametrize(
    "path", ["/slow-headers", "/slow-body"], ids=["headers-byte-by-byte", "body-byte-by-byte"]
)
def test_a_trickling_server_is_cut_off_at_the_total_deadline(server, store_dir, path):
    before = snapshot(store_dir)
    start = time.monotonic()
    with pytest.raises(UpdateError, match="longer than 2 s") as info:
        update(store_location(store_dir), server.url + path, timeout=0.5)
    assert time.monotonic() - start < 4  # 4 x 0.5 s promised, plus shutdown
    assert "\n" not in str(info.value)
    assert snapshot(store_dir) == before


def test_the_cli_keeps_its_timeout_promise_against_a_trickling_server(server, store_dir):
    start = time.monotonic()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "claims",
            "rates",
            "update",
            "--url",
            server.url + "/slow-headers-1s",
            "--timeout",
            "1.5",
            "--cache-dir",
            str(store_dir),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert time.monotonic() - start < 10  # 6 s promised, plus start-up
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert "longer than 6 s" in proc.stderr


@pytest.mark.parametrize("value", ["inf", "nan", "-1", "0", "1e9", "soon"])
def test_a_timeout_must_be_a_finite_positive_number(store_dir, value):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "claims",
            "rates",
            "update",
            "--timeout",
            value,
            "--cache-dir",
            str(store_dir),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "--timeout" in proc.stderr
    with pytest.raises(UpdateError, match="--timeout"):
        download("http://127.0.0.1:9/x.zip", float(value) if value != "soon" else -5, 100)


# ------------------------------------------------------------------ odd URLs and responses


def test_a_url_with_a_space_is_encoded_not_a_crash(server, store_dir):
    result = update(store_location(store_dir), server.url + "/with space.zip", timeout=5)
    assert result.url.endswith("/with%20space.zip")


def test_a_file_url_with_a_space(store_dir, tmp_path):
    folder = tmp_path / "My Downloads"
    folder.mkdir()
    data, new_last = history_plus(2)
    (folder / "eurofxref-hist.zip").write_bytes(data)
    update(store_location(store_dir), f"file://{folder}/eurofxref-hist.zip")
    assert open_store(store_dir).last_date() == new_last


def test_a_file_url_naming_a_fifo_is_refused_not_a_hang(store_dir, tmp_path):
    fifo = tmp_path / "pipe.zip"
    os.mkfifo(fifo)
    with pytest.raises(UpdateError, match="not a regular file"):
        update(store_location(store_dir), fifo.as_uri())


def test_more_than_100_response_headers_is_one_clear_error(server, store_dir):
    before = snapshot(store_dir)
    with pytest.raises(UpdateError, match="more than 100 headers") as info:
        update(store_location(store_dir), server.url + "/many-headers", timeout=5)
    assert "\n" not in str(info.value) and snapshot(store_dir) == before
    update(store_location(store_dir), server.url + "/some-headers", timeout=5)  # 60 are fine


# ------------------------------------------------------------------ redirects


def test_a_redirect_loop_is_named_as_such(server, store_dir):
    with pytest.raises(UpdateError, match="redirect loop"):
        update(store_location(store_dir), server.url + "/loop-a", timeout=5)


@pytest.mark.parametrize("path", ["/to-ftp", "/to-file"])
def test_a_redirect_to_another_scheme_is_refused(server, store_dir, path):
    before = snapshot(store_dir)
    with pytest.raises(UpdateError, match="refusing a redirect"):
        update(store_location(store_dir), server.url + path, timeout=5)
    assert snapshot(store_dir) == before


@pytest.mark.parametrize(
    "old, new, allowed",
    [
        ("http://a.example/x", "https://b.example/y", True),
        ("https://a.example/x", "https://a.example/y", True),
        ("https://a.example/x", "http://a.example/y", False),  # a downgrade
        ("http://a.example/x", "http://a.example/y", True),  # same host, no change
        ("http://a.example/x", "http://b.example/y", False),
        ("http://127.0.0.1:8000/x", "http://localhost:9000/y", True),  # loopback, for tests
        ("http://a.example/x", "ftp://a.example/y", False),
        ("https://a.example/x", "file:///etc/passwd", False),
    ],
    ids=[
        "http-to-https",
        "https-to-https",
        "https-to-http",
        "http-same-host",
        "http-other-host",
        "loopback",
        "to-ftp",
        "to-file",
    ],
)
def test_which_redirects_are_followed(old, new, allowed):
    assert redirect_allowed(old, new) is allowed


def test_the_final_url_after_a_redirect_is_the_recorded_origin(server, store_dir):
    result = update(store_location(store_dir), server.url + "/moved", timeout=5)
    assert result.url == server.url + "/good.zip"
    kept = json.loads((store_dir / "downloads" / "eurofxref-hist.json").read_text())
    assert kept["url"] == server.url + "/good.zip"
    info = open_store(store_dir).info()
    ecb = next(s for s in info["sources"] if s["kind"] == "reference")
    assert server.url + "/good.zip" in ecb["dataset"] and "/moved" not in ecb["dataset"]
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "claims",
            "rates",
            "update",
            "--url",
            server.url + "/moved",
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
    assert proc.returncode == 0 and f"from {server.url}/good.zip" in proc.stdout
