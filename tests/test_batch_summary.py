"""claims summarize: counts and rates by month, pair, check, code, diagnosis and kept columns."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from claims.batch.chart import error_rate_svg
from claims.batch.summary import Summary, render_csv, render_text
from claims.cli import main


def finding(
    verdict,
    check="currency-conversion",
    code="CUR001",
    diagnosis=None,
    pair=("KRW", "USD"),
    suppressed=False,
):
    f = {
        "code": code,
        "check": check,
        "verdict": verdict,
        "diagnosis": diagnosis,
        "suppressed": suppressed,
        "original": None,
        "converted": None,
        "rate": None,
    }
    if check == "currency-conversion" and pair:
        f["original"], f["converted"] = {"unit": pair[0]}, {"unit": pair[1]}
    return f


def record(ident, as_of, findings, section=None, source="metadata", problem=None):
    return {
        "id": ident,
        "as_of": as_of,
        "as_of_source": source,
        "findings": findings,
        "meta": {} if problem else {"section": section},
        "problem": problem,
    }


RECORDS = [
    record(
        "a",
        "2025-06-30",
        [finding("ok", code="CUR003"), finding("error", diagnosis="wrong-scale")],
        "Business",
    ),
    record(
        "b",
        "2025-06-02",
        [finding("warning", code="CUR002", diagnosis="other-period-rate", pair=("NOK", "USD"))],
        "World",
    ),
    record(
        "c",
        "2025-04-15",
        [
            finding("ok", check="unit-conversion", code="UNT001"),
            finding("unverifiable", code="CUR004", pair=("KES", "USD")),
            finding("error", suppressed=True),
        ],
        "Business",
    ),
    record("d", "2025-07-01", [finding("ok", code="CUR003")], None, source="today"),
    record("e", None, [], problem="not JSON"),
]


@pytest.fixture
def summary() -> Summary:
    s = Summary()
    for r in RECORDS:
        s.add(r)
    return s


def rows(summary, table):
    return {
        r.key: (
            r.stories,
            r.stories_with_errors,
            r.checked,
            r.error,
            r.warning,
            r.unverifiable,
            r.suppressed,
        )
        for r in summary.tables([table])[table]
    }


TABLES = [
    (
        "month",
        {
            "2025-04": (1, 0, 1, 0, 0, 1, 1),
            "2025-06": (2, 1, 3, 1, 1, 0, 0),
            "undated": (1, 0, 1, 0, 0, 0, 0),
        },
    ),
    (
        "pair",
        {
            "KRW -> USD": (3, 1, 3, 1, 0, 0, 1),
            "NOK -> USD": (1, 0, 1, 0, 1, 0, 0),
            "KES -> USD": (1, 0, 0, 0, 0, 1, 0),
        },
    ),
    (
        "check",
        {"currency-conversion": (4, 1, 4, 1, 1, 1, 1), "unit-conversion": (1, 0, 1, 0, 0, 0, 0)},
    ),
    (
        "diagnosis",
        {
            "currency-conversion: wrong-scale": (1, 1, 1, 1, 0, 0, 0),
            "currency-conversion: other-period-rate": (1, 0, 1, 0, 1, 0, 0),
        },
    ),
    (
        "section",
        {
            "Business": (2, 1, 3, 1, 0, 1, 1),
            "World": (1, 0, 1, 0, 1, 0, 0),
            "(none)": (1, 0, 1, 0, 0, 0, 0),
        },
    ),
]


@pytest.mark.parametrize("table, expected", TABLES, ids=[t[0] for t in TABLES])
def test_tables(summary, table, expected):
    assert rows(summary, table) == expected


def test_totals_and_problems(summary):
    t = summary.total
    assert (t.stories, t.checked, t.error, t.warning, t.unverifiable, t.suppressed) == (
        4,
        5,
        1,
        1,
        1,
        1,
    )
    assert summary.problems == 1
    assert t.error_rate == pytest.approx(0.2)


def test_months_in_order_undated_last(summary):
    assert [r.key for r in summary.tables(["month"])["month"]] == ["2025-04", "2025-06", "undated"]


def test_text_table(summary):
    text = render_text(summary, summary.tables(["month", "diagnosis"]))
    assert text.splitlines()[0] == (
        "4 stories checked (1 could not be checked); 5 figures judged: 1 errors (20.0%), "
        "1 warnings (20.0%), 3 ok; 1 unverifiable, 1 suppressed; 1 story with an error"
    )
    assert "2025-06        2         1       3       1    33.3%         1   33.3%         0" in text
    assert "currency-conversion: wrong-scale              1       1         0" in text


def test_csv_has_a_row_per_table_and_key(summary):
    table = list(csv.DictReader(io.StringIO(render_csv(summary.tables()))))
    june = next(r for r in table if r["table"] == "month" and r["key"] == "2025-06")
    assert (june["judged"], june["error"], june["error_rate"]) == ("3", "1", "0.3333")
    assert {r["table"] for r in table} == {"month", "pair", "check", "code", "diagnosis", "section"}


def test_unknown_table_is_a_usage_error(summary):
    from claims.errors import ConfigError

    with pytest.raises(ConfigError, match="no table 'desk'"):
        summary.tables(["desk"])


def test_chart_is_svg_with_a_point_per_dated_month(summary):
    svg = error_rate_svg(summary.by_month())
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    errors = [c for c in root.iter(f"{ns}circle") if c.get("class") == "error"]
    assert len(errors) == 2  # 2025-04 and 2025-06
    tips = [c.find(f"{ns}title").text for c in errors]
    assert tips == [
        "2025-04: 0 errors of 1 figures judged (0.0%)",
        "2025-06: 1 errors of 3 figures judged (33.3%)",
    ]
    assert len([p for p in root.iter(f"{ns}polyline")]) == 0  # May has no data: no line


def test_pair_from_version_1_results_and_from_the_rate():
    from claims.batch.summary import _pair

    v1 = {"original": {"currency": "NOK"}, "converted": {"currency": "USD"}}
    assert _pair(v1) == "NOK -> USD"
    assert (
        _pair({"original": None, "converted": None, "rate": {"base": "USD", "quote": "KRW"}})
        == "USD -> KRW"
    )


def test_chart_without_dated_results():
    assert "no dated results to draw" in error_rate_svg([])


# ------------------------------------------------------------------ the command


@pytest.fixture
def results(tmp_path) -> Path:
    path = tmp_path / "r.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), "utf-8")
    return path


def test_summarize_command(results, tmp_path, capsys):
    chart, table = tmp_path / "rate.svg", tmp_path / "summary.csv"
    assert main(["summarize", str(results), "--csv", str(table), "--chart", str(chart)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("4 stories checked (1 could not be checked)")
    for title in (
        "By month",
        "By currency pair",
        "By check",
        "By finding code",
        "By diagnosis",
        "By section",
    ):
        assert title in out
    assert table.read_text("utf-8").startswith("table,key,stories,")
    ET.fromstring(chart.read_text("utf-8"))


def test_summarize_csv_to_stdout_only(results, capsys):
    assert main(["summarize", str(results), "--csv", "-", "--by", "month"]) == 0
    assert capsys.readouterr().out.splitlines()[1].startswith("month,2025-04,1,0,1,")


BAD = [
    ("png chart", ["--chart", "x.png"], "the chart is drawn as SVG"),
    ("unknown table", ["--by", "desk"], "--by: no table 'desk'"),
    ("not results", None, "not a claims results record"),
]


@pytest.mark.parametrize("args, message", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_summarize_errors_are_one_line(args, message, results, tmp_path, capsys):
    if args is None:
        other = tmp_path / "other.jsonl"
        other.write_text('{"id": 1}\n', "utf-8")
        argv = ["summarize", str(other)]
    else:
        argv = ["summarize", str(results), *args]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_summarize_reads_parquet_results(tmp_path, cache_dir, capsys):
    pytest.importorskip("pyarrow", reason="the parquet extra (pyarrow) is not installed")
    archive = tmp_path / "a.jsonl"
    archive.write_text(
        "".join(
            json.dumps(
                {
                    "id": f"s{i}",
                    "date": "2025-06-30",
                    "section": "Business",
                    "text": "Lee plans to invest 100 trillion won ($72.29 billion).",
                }
            )
            + "\n"
            for i in range(3)
        ),
        "utf-8",
    )
    out = tmp_path / "r.parquet"
    assert (
        main(
            [
                "batch",
                str(archive),
                "--out",
                str(out),
                "--keep",
                "section",
                "-q",
                "--cache-dir",
                str(cache_dir),
            ]
        )
        == 0
    )
    assert main(["summarize", str(out), "--by", "section,pair"]) == 0
    text = capsys.readouterr().out
    assert "Business        3         0       3       0     0.0%" in text
    assert "KRW -> USD        3         0       3       0     0.0%" in text


def test_chart_of_a_long_archive_is_by_quarter_or_year():
    from claims.batch.summary import Row

    def month(key, ok, error):
        return Row(key, stories=1, ok=ok, error=error)

    five_years = [month("2020-01", 3, 1), month("2020-02", 1, 0), month("2024-12", 4, 0)]
    svg = error_rate_svg(five_years)
    assert "Error rate by quarter" in svg and "2020-Q1: 1 errors of 5 figures judged (20.0%)" in svg
    decades = [month("2005-03", 9, 1), month("2025-06", 1, 1)]
    svg = error_rate_svg(decades)
    assert "Error rate by year" in svg and "2025: 1 errors of 2 figures judged (50.0%)" in svg
