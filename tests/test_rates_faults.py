"""The store stays trustworthy under faults: odd files in its place, tampering, stale journals,
crashes between writes, shared caches, concurrent updates and kill -9 (loopback server only)."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from rates_helpers import Server, history_plus

from claims.errors import RateError, UpdateError
from claims.rates import build, db, open_store
from claims.rates.locations import store_location
from claims.rates.update import import_csv

ROOT = Path(__file__).resolve().parents[1]
DAY = date(2025, 6, 23)


def run(
    *args: str, cwd: Path = ROOT, env: dict | None = None, timeout: float = 120
) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k != "CLAIMS_CACHE_DIR"}
    base["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "claims", *args],
        cwd=cwd,
        env={**base, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def one_line_error(proc: subprocess.CompletedProcess, *words: str) -> None:
    assert proc.returncode == 2, proc
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("claims:"), proc.stderr
    for word in words:
        assert word in proc.stderr, proc.stderr


def usd_krw(folder: Path) -> Decimal:
    store = open_store(folder)
    try:
        return store.rate("USD", "KRW", DAY).value
    finally:
        store.close()


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("story") / "story.txt"
    path.write_text(
        "SEOUL, June 30, 2025 - Lee plans to invest 100 trillion won ($72.29 billion).\n"
    )
    return path


EVERY_COMMAND = [
    ("rates", "show", "USD", "KRW", "--date", "2025-06-23"),
    ("rates", "info"),
    ("check", "{story}"),
]


# ------------------------------------------------------------------ odd things in the store's place


def test_a_fifo_in_place_of_the_store_is_replaced_never_waited_on(store_dir, rate_store):
    path = store_dir / "rates.sqlite3"
    path.unlink()
    os.mkfifo(path)
    proc = run(
        "rates",
        "show",
        "USD",
        "KRW",
        "--date",
        "2025-06-23",
        "--cache-dir",
        str(store_dir),
        timeout=60,
    )
    assert proc.returncode == 0 and "1388.15" in proc.stdout
    assert path.is_file()


@pytest.mark.parametrize("command", EVERY_COMMAND, ids=["show", "info", "check"])
def test_a_folder_in_place_of_the_store_is_one_clear_error(tmp_path, story, command):
    (tmp_path / "cache" / "rates.sqlite3").mkdir(parents=True)
    args = [a.format(story=story) for a in command]
    one_line_error(
        run(*args, "--cache-dir", str(tmp_path / "cache"), timeout=60),
        "is a folder",
        "rates.sqlite3",
    )


@pytest.mark.parametrize("command", EVERY_COMMAND, ids=["show", "info", "check"])
def test_a_relative_cache_dir_works_for_every_command(store_dir, tmp_path, story, command):
    shutil.copytree(store_dir, tmp_path / "cache")
    args = [a.format(story=story) for a in command]
    for how in (("--cache-dir", "cache"), ()):
        proc = run(*args, *how, cwd=tmp_path, env={} if how else {"CLAIMS_CACHE_DIR": "cache"})
        assert proc.returncode in (0, 1) and "Traceback" not in proc.stderr, proc
        assert proc.stderr == ""
    assert not (tmp_path / "cache" / "rates.sqlite3.tmp").exists()


def test_update_and_import_take_a_relative_cache_dir(store_dir, tmp_path):
    shutil.copytree(store_dir, tmp_path / "cache")
    data, new_last = history_plus(1)
    (tmp_path / "hist.zip").write_bytes(data)
    (tmp_path / "twd.csv").write_text("date,base,quote,rate\n2025-06-20,USD,TWD,29.535\n")
    assert (
        run(
            "rates",
            "update",
            "--url",
            (tmp_path / "hist.zip").as_uri(),
            "--cache-dir",
            "cache",
            cwd=tmp_path,
        ).returncode
        == 0
    )
    assert (
        run(
            "rates", "import", "twd.csv", "--source", "Desk", "--cache-dir", "cache", cwd=tmp_path
        ).returncode
        == 0
    )
    assert open_store(tmp_path / "cache").last_date() == new_last


# ------------------------------------------------------------------ tampering and bad values


def _edit(path: Path, sql: str, *params) -> None:
    conn = sqlite3.connect(path)
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def _resign(path: Path) -> None:
    """Recompute every checksum, as a careful tamperer would: only value checks remain."""
    conn = sqlite3.connect(path)
    for row in conn.execute(
        "SELECT dataset_id, base, quote, first_date, last_date, n, cal_start, "
        "dates, vals FROM series"
    ).fetchall():
        ds, base, quote, first, last, n, start, dates, vals = row
        conn.execute(
            "UPDATE series SET sha=? WHERE dataset_id=? AND base=? AND quote=?",
            (db.series_sha(base, quote, first, last, n, start, dates, vals), ds, base, quote),
        )
    shas: dict = {}
    for ds, base, quote, sha in conn.execute("SELECT dataset_id, base, quote, sha FROM series"):
        shas.setdefault(ds, []).append((base, quote, sha))
    calendars = dict(conn.execute("SELECT dataset_id, sha FROM calendars"))
    for row in conn.execute(
        "SELECT id, kind, source, identity, sha256, origin, retrieved, "
        "first_date, last_date, rows, frequency, prefer FROM datasets"
    ).fetchall():
        conn.execute(
            "UPDATE datasets SET digest=? WHERE id=?",
            (db.dataset_digest(row, shas.get(row[0], ()), calendars.get(row[0])), row[0]),
        )
    conn.commit()
    conn.close()


def test_one_changed_byte_in_a_rate_triggers_a_rebuild(store_dir, rate_store):
    good = rate_store.rate("USD", "KRW", DAY).value
    path = store_dir / "rates.sqlite3"
    data = bytearray(path.read_bytes())
    at = data.find(b",1592.49,")  # EUR/KRW on 2025-06-23, in the packed row
    assert at > 0
    data[at + 1] = ord("7")
    path.write_bytes(bytes(data))
    assert usd_krw(store_dir) == good
    assert "checksum" in open_store(store_dir).info()["build_reason"]


def test_info_never_says_ok_over_tampered_data(store_dir):
    path = store_dir / "rates.sqlite3"
    _edit(path, "UPDATE rates SET value='9999' WHERE quote='KRW' AND date='2025-06-23'")
    info = open_store(store_dir).info()
    assert info["integrity"].startswith("ok (rebuilt:") and "disagrees" in info["integrity"]
    assert db.verify_all(sqlite3.connect(path)) == "ok"


@pytest.mark.parametrize("bad", ["NaN", "0", "-1592.49", "", "Infinity", "1e999999"])
def test_a_stored_value_that_is_no_positive_rate_never_reaches_a_finding(
    store_dir, rate_store, bad
):
    path = store_dir / "rates.sqlite3"
    conn = sqlite3.connect(path)
    (vals,) = conn.execute("SELECT vals FROM series WHERE quote='KRW'").fetchone()
    conn.close()
    _edit(path, "UPDATE series SET vals=? WHERE quote='KRW'", vals.replace("1592.49", bad, 1))
    _resign(path)
    assert usd_krw(store_dir) == rate_store.rate("USD", "KRW", DAY).value
    proc = run("rates", "show", "USD", "KRW", "--date", "2025-06-23", "--cache-dir", str(store_dir))
    assert "NaN" not in proc.stdout and proc.returncode == 0


# ------------------------------------------------------------------ stale SQLite side files


def test_a_stale_journal_is_named_and_removed(store_dir, rate_store):
    journal = store_dir / "rates.sqlite3-journal"
    journal.write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + b"\0" * 504)  # a hot journal header
    assert usd_krw(store_dir) == rate_store.rate("USD", "KRW", DAY).value
    assert not journal.exists()
    assert "rates.sqlite3-journal" in open_store(store_dir).info()["build_reason"]


def test_a_journal_that_cannot_be_removed_is_named_in_one_line(store_dir):
    journal = store_dir / "rates.sqlite3-journal"
    journal.mkdir()
    (journal / "x").write_text("x")
    with pytest.raises(RateError, match="rates.sqlite3-journal") as info:
        open_store(store_dir)
    assert "\n" not in str(info.value)
    proc = run("rates", "update", "--url", "file:///nonexistent.zip", "--cache-dir", str(store_dir))
    assert proc.returncode == 2


def test_update_does_not_report_success_over_an_unusable_store(store_dir, tmp_path):
    data, _ = history_plus(1)
    (tmp_path / "hist.zip").write_bytes(data)
    journal = store_dir / "rates.sqlite3-journal"
    journal.mkdir()
    (journal / "x").write_text("x")
    proc = run(
        "rates", "update", "--url", (tmp_path / "hist.zip").as_uri(), "--cache-dir", str(store_dir)
    )
    one_line_error(proc, "rates.sqlite3-journal")
    assert "updated" not in proc.stdout


# ------------------------------------------------------------------ the kept download and its origin


def test_a_crash_between_the_sidecar_and_the_download_never_cites_new_data_with_the_old_url(
    store_dir, tmp_path, monkeypatch
):
    old, _ = history_plus(1, "1.1111")
    new, _ = history_plus(2, "2.2222")
    (tmp_path / "old.zip").write_bytes(old)
    (tmp_path / "new.zip").write_bytes(new)
    location = store_location(store_dir)
    from claims.rates.update import update

    update(location, (tmp_path / "old.zip").as_uri())
    writes = []
    real = db.write_atomic

    def crash_on_the_second_write(path, data):
        writes.append(path.name)
        if len(writes) == 2:
            raise OSError(28, "No space left on device")
        real(path, data)

    monkeypatch.setattr(db, "write_atomic", crash_on_the_second_write)
    with pytest.raises(RateError):
        update(location, (tmp_path / "new.zip").as_uri())
    monkeypatch.setattr(db, "write_atomic", real)
    (store_dir / "rates.sqlite3").unlink()  # rebuilt from downloads/
    ecb = next(s for s in open_store(store_dir).info()["sources"] if s["kind"] == "reference")
    assert "old.zip" in ecb["dataset"] and "new.zip" not in ecb["dataset"]

    kept = store_dir / "downloads" / "eurofxref-hist.zip"  # the other order: data first
    kept.write_bytes(new)
    sidecar = store_dir / "downloads" / "eurofxref-hist.json"
    entries = json.loads(sidecar.read_text())["entries"]
    sidecar.write_text(json.dumps({"entries": [e for e in entries if "new.zip" not in e["url"]]}))
    (store_dir / "rates.sqlite3").unlink()
    ecb = next(s for s in open_store(store_dir).info()["sources"] if s["kind"] == "reference")
    assert "old.zip" not in ecb["dataset"] and "origin not recorded" in ecb["dataset"]


# ------------------------------------------------------------------ two installations, one cache


def test_two_installations_sharing_a_cache_do_not_rebuild_on_every_run(
    tmp_path, monkeypatch, rate_store
):
    from claims.rates.locations import bundled_ecb_zip

    original = bundled_ecb_zip()
    older, newer = (
        tmp_path / "site-a" / "eurofxref-hist.zip",
        tmp_path / "site-b" / "eurofxref-hist.zip",
    )
    for path in (older, newer):
        path.parent.mkdir()
    shutil.copyfile(original, older)
    newer.write_bytes(history_plus(3, "1.3333")[0])
    same = tmp_path / "site-c" / "eurofxref-hist.zip"
    same.parent.mkdir()
    shutil.copyfile(original, same)
    time.sleep(0.01)
    os.utime(same)  # another path and mtime
    folder = tmp_path / "shared"
    builds = []
    real = build.rebuild

    def counting(*args, **kwargs):
        done = real(*args, **kwargs)
        builds.append(done)
        return done

    monkeypatch.setattr(build, "rebuild", counting)
    for site in (older, same, older, same):  # same release, two paths
        monkeypatch.setattr(build, "bundled_ecb_zip", lambda site=site: site)
        open_store(folder).close()
    assert builds.count(True) == 1
    lasts = []
    for site in (older, newer, older, newer, older):  # two releases
        monkeypatch.setattr(build, "bundled_ecb_zip", lambda site=site: site)
        store = open_store(folder)
        lasts.append(store.last_date())
        store.close()
    assert builds.count(True) == 2  # one more, then agreement
    assert len(set(lasts[1:])) == 1 and lasts[-1] > rate_store.last_date()


# ------------------------------------------------------------------ concurrent updates, kill -9


@pytest.fixture(scope="module")
def server():
    srv = Server()
    yield srv
    srv.close()


def _update_proc(url: str, folder: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "CLAIMS_CACHE_DIR"}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "claims",
            "rates",
            "update",
            "--url",
            url,
            "--timeout",
            "10",
            "--cache-dir",
            str(folder),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("delay", [0.3, 0.9, 1.5])
def test_two_concurrent_updates_keep_the_newer_history(server, store_dir, delay):
    """The older file arrives while the newer one is being swapped in: it must not win."""
    older, _ = history_plus(1, "1.1111")
    newer, newer_last = history_plus(2, "2.2222")
    server.routes["/older.zip"], server.routes["/newer.zip"] = (200, older), (200, newer)
    server.delays["/older.zip"] = delay
    procs = [
        _update_proc(server.url + "/newer.zip", store_dir),
        _update_proc(server.url + "/older.zip", store_dir),
    ]
    (_, _), (_, older_err) = [p.communicate(timeout=120) for p in procs]
    assert procs[0].returncode == 0
    assert procs[1].returncode in (0, 2)
    if procs[1].returncode == 2:
        assert "keeping it" in older_err
    store = open_store(store_dir)
    assert store.last_date() == newer_last
    assert store.rate("EUR", "USD", newer_last).value == Decimal("2.2222")
    kept = json.loads((store_dir / "downloads" / "eurofxref-hist.json").read_text())
    assert kept["url"].endswith("/newer.zip")
    assert (store_dir / "downloads" / "eurofxref-hist.zip").read_bytes() == newer


def test_kill_9_during_updates_leaves_the_old_or_the_new_history(
    server, rate_store, cache_dir, tmp_path
):
    newer, newer_last = history_plus(2, "2.2222")
    server.routes["/kill.zip"] = (200, newer)
    old_last = rate_store.last_date()
    rng = random.Random(17)
    outcomes = set()
    for round_ in range(6):
        folder = tmp_path / f"store-{round_}"
        folder.mkdir()
        shutil.copyfile(cache_dir / "rates.sqlite3", folder / "rates.sqlite3")
        proc = _update_proc(server.url + "/kill.zip", folder)
        time.sleep(rng.uniform(0.1, 1.6))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=60)
        store = open_store(folder)
        last = store.last_date()
        assert last in (old_last, newer_last)
        assert store.rate("USD", "KRW", DAY).value == rate_store.rate("USD", "KRW", DAY).value
        assert store.info()["integrity"] == "ok"
        outcomes.add(last)
        store.close()
        leftovers = list(folder.glob("*.tmp-*"))  # a killed build's temp file
        if leftovers:
            build.rebuild(store_location(folder), "test")  # the next writer cleans up
            assert not list(folder.glob("*.tmp-*"))
    assert outcomes


# ------------------------------------------------------------------ imports


@pytest.mark.parametrize(
    "text, words",
    [
        ("date,base,quote,rate\r2025-06-20,USD,TWD,29.535\r2025-06-23,USD,TWD,29.612\r", None),
        ("date,base,quote,rate\n2025-06-20,USD,TWD," + "1" * 140_000 + "\n", "longer than"),
    ],
    ids=["cr-only-line-ends", "a-cell-over-128-kib"],
)
def test_imports_with_old_mac_line_ends_or_huge_cells(store_dir, tmp_path, text, words):
    path = tmp_path / "table.csv"
    path.write_bytes(text.encode())
    location = store_location(store_dir)
    if words is None:
        table = import_csv(location, path, "Desk")
        assert table.rows == 2
        assert open_store(store_dir).rate("USD", "TWD", DAY).value == Decimal("29.612")
    else:
        with pytest.raises(UpdateError, match=words) as info:
            import_csv(location, path, "Desk")
        assert "\n" not in str(info.value)
        one_line_error(
            run("rates", "import", str(path), "--source", "Desk", "--cache-dir", str(store_dir)),
            "line 2",
        )
