"""claims batch: archive readers, the per-story record, results files and resume, in-process."""

from __future__ import annotations

import csv
import gzip
import json
from datetime import date
from pathlib import Path

import pytest

from claims.batch.items import Columns, Item, item_from_row
from claims.batch.output import jsonl_done_ids, open_sink, read_results
from claims.batch.readers import kind_of, open_archive
from claims.batch.story import check_item
from claims.check import CheckOptions
from claims.errors import ClaimsError, ConfigError

KOREA = "Lee plans to invest over 100 trillion won ($72.29 billion) in public-private funds."
BROKEN = "Lee plans to invest over 100 trillion won ($72.29 million) in public-private funds."
OPTIONS = CheckOptions(today=date(2025, 7, 1))


def write_jsonl(path: Path, rows: list) -> Path:
    path.write_text(
        "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8"
    )
    return path


# ------------------------------------------------------------------ the column map

ROWS = [
    # (id, row, columns, expected (id, text, format, date, meta), problem)
    (
        "plain",
        {"id": "a1", "text": KOREA, "date": "2025-06-30"},
        Columns(),
        ("a1", KOREA, "text", "2025-06-30", {}),
        None,
    ),
    (
        "numeric id and a timestamp date",
        {"id": 17, "text": KOREA, "date": "2025-06-30T08:00:00Z"},
        Columns(),
        ("17", KOREA, "text", "2025-06-30T08:00:00Z", {}),
        None,
    ),
    (
        "renamed html column and kept section",
        {"story_id": "b", "body_html": "<p>x</p>", "section": "Business", "author": "Kim"},
        Columns(id="story_id", body="body_html", format="html", keep=("section",)),
        ("b", "<p>x</p>", "html", None, {"section": "Business"}),
        None,
    ),
    (
        "nested byline",
        {"id": "c", "text": "x", "byline": {"name": "Ana Ruiz"}},
        Columns(keep=("byline.name",)),
        ("c", "x", "text", None, {"byline.name": "Ana Ruiz"}),
        None,
    ),
    (
        "list of authors joined",
        {"id": "d", "text": "x", "authors": ["Ana", "Ben"]},
        Columns(keep=("authors",)),
        ("d", "x", "text", None, {"authors": "Ana, Ben"}),
        None,
    ),
    (
        "no id",
        {"text": KOREA},
        Columns(),
        ("f.jsonl:3", None, "text", None, {}),
        "no story id in column 'id'",
    ),
    (
        "empty id",
        {"id": "  ", "text": KOREA},
        Columns(),
        ("f.jsonl:3", None, "text", None, {}),
        "no story id in column 'id'",
    ),
    (
        "null story",
        {"id": "e", "text": None},
        Columns(),
        ("e", None, "text", None, {}),
        "no story in column 'text'",
    ),
    (
        "story is a number",
        {"id": "g", "text": 12},
        Columns(),
        ("g", None, "text", None, {}),
        "column 'text' holds a int, not text",
    ),
]


@pytest.mark.parametrize(
    "row, columns, expected, problem", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS]
)
def test_item_from_row(row, columns, expected, problem):
    item = item_from_row(row, columns, "f.jsonl:3")
    assert (item.id, item.text, item.format, item.date, dict(item.meta)) == expected
    assert item.problem == problem
    assert item.source == "f.jsonl:3"


def test_a_missing_required_column_is_one_line_naming_the_columns_there():
    with pytest.raises(ConfigError) as err:
        Columns(body="body").check_names(["id", "text", "date"], "x.csv")
    assert str(err.value) == (
        "x.csv: no column 'body' (columns: date, id, text); name the story column with --text"
    )


def test_optional_columns_may_be_absent_named_ones_are_required():
    Columns().check_names(["id", "text"], "x.csv")
    with pytest.raises(ConfigError, match="no column 'published'"):
        Columns(date="published", optional=frozenset()).check_names(["id", "text"], "x.csv")
    with pytest.raises(ConfigError, match="no column 'desk' to keep"):
        Columns(keep=("desk",)).check_names(["id", "text"], "x.csv")


KINDS = [
    ("a.jsonl", "jsonl"),
    ("a.NDJSON", "jsonl"),
    ("a.jsonl.gz", "jsonl"),
    ("a.csv", "csv"),
    ("a.tsv.gz", "csv"),
    ("a.parquet", "parquet"),
    ("a.warc.gz", "warc"),
    ("a.arc", "warc"),
    ("-", "jsonl"),
]


@pytest.mark.parametrize("name, kind", KINDS, ids=[k[0] for k in KINDS])
def test_kind_by_extension(name, kind):
    assert kind_of(name) == kind


def test_unknown_extension_asks_for_input_type():
    with pytest.raises(ConfigError, match="add --input-type"):
        kind_of("export.dat")


# ------------------------------------------------------------------ readers


def test_jsonl_reader_streams_rows_and_reports_bad_lines(tmp_path):
    path = write_jsonl(
        tmp_path / "a.jsonl",
        [
            {"id": "s1", "text": KOREA, "date": "2025-06-30"},
            "",
            "{not json",
            "[1, 2]",
            {"id": "s2", "text": "No figures here.", "url": "https://x.example/2"},
        ],
    )
    items = list(open_archive(str(path), Columns()).items())
    assert [i.id for i in items] == ["s1", f"{path}:3", f"{path}:4", "s2"]
    assert items[1].problem.startswith("not JSON")
    assert items[2].problem == "a JSON list, not an object"
    assert items[3].url == "https://x.example/2"
    assert open_archive(str(path), Columns()).count() == 4


def test_jsonl_column_map_is_checked_on_the_first_row(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": "s1", "body": KOREA}])
    with pytest.raises(ConfigError, match=r"no column 'text' \(columns: body, id\)"):
        open_archive(str(path), Columns())


def test_gzipped_jsonl(tmp_path):
    path = tmp_path / "a.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "z", "text": KOREA}) + "\n")
    assert [i.text for i in open_archive(str(path), Columns()).items()] == [KOREA]


def test_csv_reader_quoted_newlines_bom_and_ragged_rows(tmp_path):
    path = tmp_path / "a.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "body", "section"])
        w.writerow(["c1", "First line.\n\n" + KOREA, "Business"])
        w.writerow(["c2", "x", "World", "extra"])
        w.writerow(["c3", "", "World"])
    archive = open_archive(str(path), Columns(body="body", keep=("section",)))
    items = list(archive.items())
    assert [i.id for i in items] == ["c1", f"{path}:5", "c3"]
    assert items[0].text.endswith(KOREA) and dict(items[0].meta) == {"section": "Business"}
    assert items[1].problem == "4 fields, the header has 3"
    assert items[2].text == "" and items[2].problem is None
    assert archive.count() == 3


def test_a_story_longer_than_128_kib_in_csv_leaves_the_csv_limit_alone(tmp_path):
    path = tmp_path / "a.csv"
    long_story = KOREA + " " + "x" * 200_000
    path.write_text("id,text\nbig," + long_story + "\n", encoding="utf-8")
    limit = csv.field_size_limit()
    assert [len(i.text) for i in open_archive(str(path), Columns()).items()] == [len(long_story)]
    assert csv.field_size_limit() == limit  # the rate importer relies on the default


def test_tsv(tmp_path):
    path = tmp_path / "a.tsv"
    path.write_text("id\ttext\nt1\t" + KOREA + "\n", encoding="utf-8")
    assert [i.text for i in open_archive(str(path), Columns()).items()] == [KOREA]


def test_missing_archive_is_an_input_error(tmp_path):
    with pytest.raises(ClaimsError, match="no such file"):
        open_archive(str(tmp_path / "nope.jsonl"), Columns())


# ------------------------------------------------------------------ one story's record


def test_record_carries_the_story_id_into_every_finding(rate_store):
    item = Item(
        "k1",
        KOREA + " " + BROKEN,
        date="2025-06-30",
        url="https://x.example/k1",
        meta=(("section", "Business"),),
        source="a.jsonl:1",
    )
    record = check_item(item, rate_store, OPTIONS)
    assert record["id"] == "k1" and record["problem"] is None
    assert record["as_of"] == "2025-06-30" and record["as_of_source"] == "metadata"
    assert [f["verdict"] for f in record["findings"]] == ["ok", "error"]
    assert all(f["story_id"] == "k1" for f in record["findings"])
    assert record["counts"]["error"] == 1 and record["counts"]["ok"] == 1
    assert record["meta"] == {"section": "Business"}
    json.dumps(record)  # built-in types only


def test_archive_date_outranks_the_page_and_a_bad_one_is_a_note(rate_store):
    page = (
        '<html><head><meta property="article:published_time" content="2019-01-02">'
        f"</head><body><p>{KOREA}</p></body></html>"
    )
    record = check_item(Item("h", page, format="html", date="2025-06-30"), rate_store, OPTIONS)
    assert record["as_of"] == "2025-06-30"
    record = check_item(Item("h", page, format="html", date="last Tuesday"), rate_store, OPTIONS)
    assert record["as_of"] == "2019-01-02"
    assert any("archive date 'last Tuesday' is not a date" in n for n in record["notes"])


def test_a_capture_date_stands_in_only_when_the_story_has_no_date(rate_store):
    item = Item("w", f"<p>{KOREA}</p>", format="html", fallback_date="2025-06-30T12:00:00Z")
    record = check_item(item, rate_store, OPTIONS)
    assert (record["as_of"], record["as_of_source"]) == ("2025-06-30", "capture")
    dated = Item(
        "w", f"<p>June 2, 2025. {KOREA}</p>", format="html", fallback_date="2025-06-30T12:00:00Z"
    )
    assert check_item(dated, rate_store, OPTIONS)["as_of_source"] == "text"


BAD_STORIES = [
    ("binary", Item("b", "abc\x00def"), "binary file"),
    ("lone surrogate", Item("u", "abc\ud800"), "not UTF-8"),
    ("read problem passed on", Item("p", None, problem="not JSON: x"), "not JSON: x"),
]


@pytest.mark.parametrize(
    "item, problem", [b[1:] for b in BAD_STORIES], ids=[b[0] for b in BAD_STORIES]
)
def test_a_bad_story_is_a_problem_record_not_an_exception(item, problem, rate_store):
    record = check_item(item, rate_store, OPTIONS)
    assert problem in record["problem"]
    assert record["findings"] == [] and record["counts"]["error"] == 0


def test_an_internal_error_is_one_story_problem(rate_store, monkeypatch):
    import claims.check

    def boom(*args, **kwargs):
        raise ValueError("bad day")

    monkeypatch.setattr(claims.check, "check_document", boom)
    record = check_item(Item("x", KOREA), rate_store, OPTIONS)
    assert record["problem"] == "internal error (ValueError: bad day); please report it"


# ------------------------------------------------------------------ results files


def test_resume_reads_ids_and_cuts_a_torn_last_line(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text(
        '{"id": "a", "findings": []}\n{"id": "b", "findings": []}\n{"id": "c", "fin',
        encoding="utf-8",
    )
    assert jsonl_done_ids(str(path)) == {"a", "b"}
    assert path.read_text(encoding="utf-8").endswith('"b", "findings": []}\n')


def test_resume_refuses_a_file_that_is_not_results(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text("hello\n", encoding="utf-8")
    with pytest.raises(ClaimsError, match="not a claims results line"):
        jsonl_done_ids(str(path))


def test_results_are_never_overwritten_without_resume(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text("", encoding="utf-8")
    with pytest.raises(ConfigError, match="exists: add --resume"):
        open_sink(str(path), resume=False)


def test_read_results_skips_a_torn_last_line(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text('{"id": "a", "findings": []}\n{"id": "b", "fi', encoding="utf-8")
    assert [r["id"] for r in read_results(str(path))] == ["a"]
