"""`claims batch` end to end, in-process: formats in and out, workers, resume, bad input."""

from __future__ import annotations

import importlib.util
import json
import sys
from io import BytesIO
from pathlib import Path

import pytest

from claims.cli import main

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("make_archive", ROOT / "tools" / "make_archive.py")
make_archive = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_archive)

KOREA = "Lee plans to invest over 100 trillion won ($72.29 billion) in public-private funds."


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """80 generated stories as JSON Lines (the generator's real-shaped stories)."""
    path = tmp_path_factory.mktemp("archive") / "stories.jsonl"
    make_archive.write(path, 80, seed=3)
    return path


def ids_of(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text("utf-8").splitlines()]


def batch(*args, cache_dir) -> int:
    return main(["batch", *map(str, args), "--cache-dir", str(cache_dir)])


def test_jsonl_in_jsonl_out(archive, tmp_path, cache_dir, capsys):
    out = tmp_path / "r.jsonl"
    assert batch(archive, "--out", out, "--keep", "section,author", cache_dir=cache_dir) == 0
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    expected = [json.loads(line) for line in archive.read_text("utf-8").splitlines()]
    assert [r["id"] for r in records] == [e["id"] for e in expected]  # input order
    assert all(r["meta"].keys() == {"section", "author"} for r in records)
    assert all(
        r["as_of"] == e["date"] and r["as_of_source"] == "metadata"
        for r, e in zip(records, expected, strict=True)
    )
    assert sum(len(r["findings"]) for r in records) > 40
    err = capsys.readouterr().err
    assert err.startswith("claims: 80 stories checked in ") and err.endswith(f"-> {out}\n")


def test_two_processes_write_what_one_does(archive, tmp_path, cache_dir):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert batch(archive, "--out", one, "-q", cache_dir=cache_dir) == 0
    assert batch(archive, "--out", two, "-q", "--jobs", "2", cache_dir=cache_dir) == 0
    assert one.read_bytes() == two.read_bytes()


def test_parquet_in_and_out_hold_the_same_results(archive, tmp_path, cache_dir):
    pytest.importorskip("pyarrow", reason="the parquet extra (pyarrow) is not installed")
    from claims.batch.output import read_results

    pq_in = tmp_path / "stories.parquet"
    make_archive.write(pq_in, 80, seed=3)
    ref, out = tmp_path / "r.jsonl", tmp_path / "r.parquet"
    assert batch(archive, "--out", ref, "-q", "--keep", "section", cache_dir=cache_dir) == 0
    assert (
        batch(
            pq_in, "--out", out, "-q", "--keep", "section", "--part-size", "30", cache_dir=cache_dir
        )
        == 0
    )
    assert sorted(p.name for p in out.iterdir()) == [
        "part-00000.parquet",
        "part-00001.parquet",
        "part-00002.parquet",
    ]
    got = list(read_results(str(out)))
    want = list(read_results(str(ref)))
    strip = ("source",)  # where each row was read differs, by design
    assert [{k: v for k, v in r.items() if k not in strip} for r in got] == [
        {k: v for k, v in r.items() if k not in strip} for r in want
    ]


def test_csv_with_an_html_column(tmp_path, cache_dir):
    path = tmp_path / "export.csv"
    make_archive.write(path, 12, seed=5, html=True)
    out = tmp_path / "r.jsonl"
    assert batch(path, "--html", "html", "--out", out, "-q", cache_dir=cache_dir) == 0
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(records) == 12 and {r["format"] for r in records} == {"html"}
    assert all(r["problem"] is None for r in records)


def _warc(path: Path, pages: list[tuple[str, str, bytes, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, status, body, content_type in pages:
            headers = StatusAndHeaders(
                status, [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    url,
                    "response",
                    payload=BytesIO(body),
                    http_headers=headers,
                    warc_headers_dict={"WARC-Date": "2025-06-30T12:00:00Z"},
                )
            )


def test_warc_html_captures_only(tmp_path, cache_dir):
    pytest.importorskip("warcio", reason="the warc extra (warcio) is not installed")
    path = tmp_path / "crawl.warc.gz"
    euro = "<p>The fund holds €1.2 billion ($1.4 billion).</p>".encode("cp1252")
    _warc(
        path,
        [
            (
                "https://x.example/a",
                "200 OK",
                f"<p>{KOREA}</p>".encode(),
                "text/html; charset=utf-8",
            ),
            ("https://x.example/b.png", "200 OK", b"\x89PNG", "image/png"),
            ("https://x.example/gone", "404 Not Found", b"<p>gone</p>", "text/html"),
            ("https://x.example/c", "200 OK", euro, "text/html"),
        ],
    )
    out = tmp_path / "r.jsonl"
    assert batch(path, "--out", out, "-q", cache_dir=cache_dir) == 0
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [r["url"] for r in records] == ["https://x.example/a", "https://x.example/c"]
    assert all(r["id"].startswith("urn:uuid:") for r in records)
    assert records[0]["meta"] == {"captured": "2025-06-30T12:00:00Z"}
    assert records[0]["as_of_source"] == "capture"
    assert records[0]["findings"][0]["verdict"] == "ok"
    assert records[1]["findings"][0]["original"]["unit"] == "EUR"  # cp1252 € read


def test_generated_warc(tmp_path, cache_dir):
    pytest.importorskip("warcio", reason="the warc extra (warcio) is not installed")
    path = tmp_path / "crawl.warc.gz"
    make_archive.write(path, 60, seed=2)
    out = tmp_path / "r.jsonl"
    assert batch(path, "--out", out, "-q", cache_dir=cache_dir) == 0
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(records) == 60 and {r["as_of_source"] for r in records} == {"metadata"}


def test_bad_items_are_reported_and_the_run_goes_on(tmp_path, cache_dir, capsys):
    path = tmp_path / "a.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"id": "ok1", "text": KOREA}),
                "{oops",
                json.dumps({"id": "nul", "text": "a\x00b"}),
                json.dumps({"text": "no id"}),
                json.dumps({"id": "ok2", "text": KOREA}),
            ]
        )
        + "\n",
        "utf-8",
    )
    out = tmp_path / "r.jsonl"
    assert batch(path, "--out", out, cache_dir=cache_dir) == 0
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [bool(r["problem"]) for r in records] == [False, True, True, True, False]
    assert "3 could not be checked" in capsys.readouterr().err


def test_results_to_stdout(tmp_path, cache_dir, capsys):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "s", "text": KOREA, "date": "2025-06-30"}) + "\n", "utf-8")
    assert batch(path, "--out", "-", "-q", cache_dir=cache_dir) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["id"] == "s" and record["findings"][0]["story_id"] == "s"


USAGE = [
    (
        "missing column",
        ["--text", "body"],
        "no column 'body' (columns: author, date, id, section, "
        "text, url); name the story column with --text",
    ),
    (
        "scheduler without dask",
        ["--scheduler", "tcp://127.0.0.1:1"],
        "--scheduler needs --engine dask",
    ),
    ("negative jobs", ["--jobs", "-1"], "--jobs: must be 0 (one per core) or more (got -1)"),
    (
        "bad window",
        ["--window-days", "900"],
        "--window-days: must be a whole number of days from 0 to 366 (got 900)",
    ),
]


@pytest.mark.parametrize("extra, message", [u[1:] for u in USAGE], ids=[u[0] for u in USAGE])
def test_usage_errors_are_one_line_and_exit_2(extra, message, archive, tmp_path, cache_dir, capsys):
    assert batch(archive, "--out", tmp_path / "r.jsonl", *extra, cache_dir=cache_dir) == 2
    err = capsys.readouterr().err
    assert err.endswith(message + "\n") and err.count("\n") == 1
    assert not (tmp_path / "r.jsonl").exists()


def test_the_results_cannot_be_an_input(archive, cache_dir, capsys):
    assert batch(archive, "--out", archive, "--resume", cache_dir=cache_dir) == 2
    assert "is also an archive to read" in capsys.readouterr().err


def test_jsonl_from_stdin(tmp_path, cache_dir, monkeypatch, capsys):
    import io

    line = json.dumps({"id": "in", "text": KOREA, "date": "2025-06-30"}) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(line.encode())))
    out = tmp_path / "r.jsonl"
    assert batch("-", "--out", out, cache_dir=cache_dir) == 0
    assert ids_of(out) == ["in"]


def test_an_existing_results_file_is_left_alone(archive, tmp_path, cache_dir, capsys):
    out = tmp_path / "r.jsonl"
    out.write_text("mine\n", "utf-8")
    assert batch(archive, "--out", out, cache_dir=cache_dir) == 2
    assert "exists: add --resume" in capsys.readouterr().err
    assert out.read_text("utf-8") == "mine\n"


MISSING = [
    ("parquet output", "pyarrow", ["--out", "r.parquet"], "parquet"),
    ("dask engine", "distributed", ["--out", "r.jsonl", "--engine", "dask"], "dask"),
]


@pytest.mark.parametrize(
    "module, args, extra", [m[1:] for m in MISSING], ids=[m[0] for m in MISSING]
)
def test_a_missing_extra_is_named_in_one_line(
    module, args, extra, archive, tmp_path, cache_dir, capsys, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(sys.modules, module, None)  # import fails as if not installed
    assert batch(archive, *args, cache_dir=cache_dir) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"python -m pip install 'news-claims[{extra}]'" in err


def test_a_missing_warc_extra(tmp_path, cache_dir, capsys, monkeypatch):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"")
    monkeypatch.setitem(sys.modules, "warcio", None)
    assert batch(path, "--out", tmp_path / "r.jsonl", cache_dir=cache_dir) == 2
    assert capsys.readouterr().err == (
        "claims: WARC input needs warcio, which is not installed: "
        "python -m pip install 'news-claims[warc]'\n"
    )


# ------------------------------------------------------------------ resume


def test_resume_finishes_a_partial_run_without_duplicates(archive, tmp_path, cache_dir, capsys):
    lines = archive.read_text("utf-8").splitlines()
    first = tmp_path / "first.jsonl"
    first.write_text("\n".join(lines[:30]) + "\n", "utf-8")
    out = tmp_path / "r.jsonl"
    assert batch(first, "--out", out, "-q", cache_dir=cache_dir) == 0
    with open(out, "a", encoding="utf-8") as fh:
        fh.write('{"id": "story-torn", "fi')  # a torn line from a killed run
    assert batch(archive, "--out", out, "--resume", cache_dir=cache_dir) == 0
    assert ids_of(out) == [json.loads(line)["id"] for line in lines]
    err = capsys.readouterr().err
    assert "50 stories checked" in err and f"30 already in {out}" in err


def test_resume_into_parquet_redoes_only_an_unfinished_part(archive, tmp_path, cache_dir):
    pytest.importorskip("pyarrow", reason="the parquet extra (pyarrow) is not installed")
    import pyarrow.parquet as pq

    out = tmp_path / "r.parquet"
    assert batch(archive, "--out", out, "-q", "--part-size", "25", cache_dir=cache_dir) == 0
    (out / "part-00003.parquet").unlink()  # the last part never finished
    (out / ".part-00003.parquet.tmp").write_bytes(b"PAR1 torn")
    assert (
        batch(archive, "--out", out, "-q", "--resume", "--part-size", "25", cache_dir=cache_dir)
        == 0
    )
    ids = pq.read_table(out, columns=["id"]).column("id").to_pylist()
    assert sorted(ids) == sorted(ids_of_archive(archive)) and len(ids) == len(set(ids))
    assert not list(out.glob(".*.tmp"))


def test_resume_into_parquet_needs_the_same_columns(archive, tmp_path, cache_dir, capsys):
    pytest.importorskip("pyarrow", reason="the parquet extra (pyarrow) is not installed")
    out = tmp_path / "r.parquet"
    assert batch(archive, "--out", out, "-q", "--keep", "section", cache_dir=cache_dir) == 0
    assert batch(archive, "--out", out, "--resume", "--keep", "author", cache_dir=cache_dir) == 2
    assert "resume with the same --keep" in capsys.readouterr().err


def ids_of_archive(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text("utf-8").splitlines()]


# ------------------------------------------------------------------ memory stays flat


def test_the_runner_pulls_only_a_bounded_window_ahead(cache_dir):
    """However long the archive, only a few chunks per worker are read ahead of the output."""
    from datetime import date

    from claims.batch.items import Item
    from claims.batch.runner import CHUNK, IN_FLIGHT_PER_WORKER, Tally, chunks, run_processes
    from claims.batch.story import Job
    from claims.check import CheckOptions

    pulled, ahead = [0], []

    def items():
        for i in range(600):
            pulled[0] += 1
            yield Item(f"s{i}", KOREA)

    written = [0]

    def on_records(records):
        written[0] += len(records)
        ahead.append(pulled[0] - written[0])

    job = Job(str(cache_dir), CheckOptions(today=date(2025, 7, 1)))
    run_processes(chunks(items(), CHUNK, set(), Tally()), job, on_records, jobs=2)
    assert written[0] == 600
    assert max(ahead) <= (2 * IN_FLIGHT_PER_WORKER + 1) * CHUNK


# ------------------------------------------------------------------ the progress bar


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal (POSIX)")
def test_a_progress_bar_on_a_terminal(archive, tmp_path, cache_dir):
    """stderr a terminal: a tqdm bar with the count, the rate and the total; else nothing."""
    import os
    import subprocess

    master, slave = os.openpty()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "claims",
            "batch",
            str(archive),
            "--out",
            str(tmp_path / "r.jsonl"),
            "--cache-dir",
            str(cache_dir),
        ],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=slave,
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:  # EIO: the other end is closed
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert proc.wait(timeout=60) == 0
    screen = b"".join(chunks).decode("utf-8", "replace")
    assert "checking: 100%" in screen and "80.0/80.0" in screen and "stories/s" in screen
    assert "claims: 80 stories checked" in screen
