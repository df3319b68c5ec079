"""--engine dask on real LocalClusters (2 worker processes, loopback only) writes exactly what
one local process writes on the same archive: once through a cluster the test starts and
names with --scheduler (the remote-scheduler path), once through the cluster claims starts."""

from __future__ import annotations

import importlib.util
import logging
import subprocess
import sys
from pathlib import Path

import pytest

distributed = pytest.importorskip(
    "distributed", reason="the dask extra (dask[distributed]) is not installed"
)
pytest.importorskip("pyarrow", reason="the parquet extra (pyarrow) is not installed")

ROOT = Path(__file__).resolve().parent.parent
STORIES = 300


def test_dask_output_equals_single_process(tmp_path, cache_dir, rate_store):
    import pyarrow.parquet as pq

    spec = importlib.util.spec_from_file_location(
        "make_archive", ROOT / "tools" / "make_archive.py"
    )
    make_archive = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_archive)
    archive = tmp_path / "stories.jsonl"
    make_archive.write(archive, STORIES, seed=7)

    def run(out: Path, *extra: str) -> list[dict]:
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "claims",
                "batch",
                str(archive),
                "--out",
                str(out),
                "--keep",
                "section,author",
                "--cache-dir",
                str(cache_dir),
                "-q",
                *extra,
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert proc.returncode == 0, proc.stderr
        assert proc.stderr == ""
        return pq.read_table(out).to_pylist()

    want = run(tmp_path / "single.parquet")
    assert len(want) == STORIES
    assert sum(r["counts"]["ok"] + r["counts"]["error"] for r in want) > STORIES / 2

    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=logging.ERROR,
    ) as cluster:
        address = cluster.scheduler_address
        assert address.startswith("tcp://127.0.0.1:")
        with distributed.Client(cluster) as client:
            workers = client.scheduler_info()["workers"]
        assert len(workers) == 2 and all(w.startswith("tcp://127.0.0.1:") for w in workers)
        got = run(
            tmp_path / "remote.parquet",
            "--engine",
            "dask",
            "--scheduler",
            address,
            "--partition-size",
            "40",
        )
    assert got == want
    assert (
        run(tmp_path / "local.parquet", "--engine", "dask", "--jobs", "2", "--partition-size", "64")
        == want
    )


def test_an_unreachable_scheduler_is_one_line_and_leaves_no_results_file(
    tmp_path, cache_dir, capsys, monkeypatch
):
    import socket

    from claims.batch import dask_engine
    from claims.cli import main

    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", "1s")
    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    archive = tmp_path / "a.jsonl"
    archive.write_text('{"id": "s", "text": "No figures."}\n', "utf-8")
    out = tmp_path / "r.jsonl"
    assert (
        main(
            [
                "batch",
                str(archive),
                "--out",
                str(out),
                "--engine",
                "dask",
                "--scheduler",
                f"tcp://127.0.0.1:{port}",
                "--cache-dir",
                str(cache_dir),
            ]
        )
        == 2
    )
    err = capsys.readouterr().err
    assert err.startswith(f"claims: cannot reach the Dask scheduler at tcp://127.0.0.1:{port}")
    assert err.count("\n") == 1
    assert not out.exists()
