"""A bounded load test on loopback: the 2,000-word README story posted by several clients at
once. It asserts only that every answer is right and that the run is bounded in count and
time; the figures (requests/s, p50/p99 latency, memory) live in `bench/_serve.py`."""

from __future__ import annotations

import json

from serve_helpers import ROOT, need_serve_extra, run_load, running_server

need_serve_extra()

REQUESTS = 48  # at most, in all: 12 rounds of 4 clients at once
CLIENTS = 4
DEADLINE_S = 90.0  # the loop stops by itself by then, whatever it has done


def test_concurrent_requests_all_answer_the_same_findings(rate_store, cache_dir, tmp_path):
    story = (ROOT / "examples" / "korea-herald-june-2025.txt").read_text(encoding="utf-8")
    assert len(story.split()) >= 2000
    body = json.dumps({"text": story, "date": "2025-06-30"}).encode()
    with running_server(tmp_path, cache_dir, "--workers", "2") as srv:
        expected = srv.post("/v1/check", json.loads(body)).json()
        assert expected["summary"]["ok"] == 2
        answers, _elapsed = run_load(
            srv.port, "/v1/check", body, clients=CLIENTS, total=REQUESTS, deadline_s=DEADLINE_S
        )
        assert 20 <= len(answers) <= REQUESTS
        assert [(s, d[:200]) for s, d, _t in answers if s != 200] == []
        assert all(json.loads(data)["files"] == expected["files"] for _s, data, _t in answers)
        health = srv.get("/healthz").json()["workers"]
        assert health["replaced"] == 0 and health["busy"] == 0
