"""Long stories in bounded memory and linear time (issue 17 item 3): the JSON documents of
`claims check` and `claims extract` are written a finding at a time, and the text is the same
as the whole document dumped at once; per-conversion work does not scan the whole story."""

from __future__ import annotations

import json
import tracemalloc
from datetime import date

import pytest

from claims.report.jsonstream import chunks

VALUES = {
    "empty dict": {},
    "empty list": [],
    "scalars": {"a": 1, "b": None, "c": True, "d": 1.5, "e": "x"},
    "nested": {"files": [{"path": "a.txt", "findings": [{"code": "CUR001", "n": [1, 2]}]}]},
    "non-ascii and escapes": {"text": '€5 «quoted»\n\t"x"', "ü": "日本"},
    "top-level list": [1, {"a": []}, []],
    "string": "just text",
}


@pytest.mark.parametrize("value", VALUES.values(), ids=VALUES.keys())
def test_chunks_write_what_json_dumps_writes(value):
    assert "".join(chunks(value)) == json.dumps(value, ensure_ascii=False, indent=2)


def _lazy(value):
    """``value`` with every list inside a dict made an iterator."""
    if isinstance(value, dict):
        return {
            k: iter([_lazy(x) for x in v]) if isinstance(v, list) else _lazy(v)
            for k, v in value.items()
        }
    return value


@pytest.mark.parametrize(
    "value",
    [v for v in VALUES.values() if isinstance(v, dict)],
    ids=[k for k, v in VALUES.items() if isinstance(v, dict)],
)
def test_iterators_are_written_as_the_lists_they_yield(value):
    assert "".join(chunks(_lazy(value))) == json.dumps(value, ensure_ascii=False, indent=2)


def test_an_empty_iterator_is_an_empty_array():
    assert "".join(chunks({"files": iter(())})) == '{\n  "files": []\n}'


def _one_finding_story(n: int) -> bytes:
    return (
        "The won fell. Samsung spent 1 trillion won ($720 million) on the plant.\n\n" * n
    ).encode()


def _peak(fn) -> int:
    """Peak memory of a second run of ``fn`` (the first builds the document's line index)."""
    fn()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("command", ["extract", "check"])
def test_json_output_memory_grows_no_faster_than_the_output(rate_store, command):
    """Writing the JSON never holds every finding's dicts at once: 20x the findings, about
    the same peak while writing (a document dumped whole: ~20x)."""
    from claims.check import CheckOptions, check_document
    from claims.documents import load_document
    from claims.extract import extract
    from claims.report.extraction import json_chunks
    from claims.report.json import Reporter

    def writer(n: int):
        doc = load_document("s.txt", _one_finding_story(n))
        if command == "extract":
            items = [(doc, extract(doc.text))]
            return lambda: sum(len(c) for c in json_chunks(items))
        rep = Reporter()
        day = date(2025, 6, 30)
        rep.document(check_document(doc, rate_store, CheckOptions(today=day, as_of=day)))
        return lambda: sum(len(c) for c in rep.finish_chunks())

    small, large = _peak(writer(20)), _peak(writer(400))
    assert large < 3 * small, (small, large)
