"""A bounded load test on loopback: the 2,000-word README story posted by several clients at
once. It asserts only that every answer is right and that the run is bounded in count and
time; the figures (requests/s, p50/p99 latency, memory) live in `bench/_serve.py`."""

from __future__ import annotations

import json
import threading
import time

from serve_helpers import ROOT, Client, need_serve_extra, running_server

need_serve_extra()

REQUESTS = 120                 # at most, in all
CLIENTS = 4
DEADLINE_S = 90.0              # the loop stops by itself by then, whatever it has done


def test_concurrent_requests_all_answer_the_same_findings(rate_store, cache_dir, tmp_path):
    story = (ROOT / "examples" / "korea-herald-june-2025.txt").read_text(encoding="utf-8")
    assert len(story.split()) >= 2000
    body = json.dumps({"text": story, "date": "2025-06-30"}).encode()
    with running_server(tmp_path, cache_dir, "--workers", "2") as srv:
        expected = srv.post("/v1/check", json.loads(body)).json()
        assert expected["summary"]["ok"] == 2
        sent, answers, lock = [0], [], threading.Lock()
        stop_at = time.monotonic() + DEADLINE_S

        def client() -> None:
            conn = Client(srv.port)
            try:
                while time.monotonic() < stop_at:
                    with lock:
                        if sent[0] >= REQUESTS:
                            return
                        sent[0] += 1
                    answers.append(conn.post_json("/v1/check", body))
            finally:
                conn.close()

        threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(DEADLINE_S + 60)
        assert not any(t.is_alive() for t in threads)
        assert 20 <= len(answers) <= REQUESTS
        bad = [(status, data[:200]) for status, data in answers if status != 200]
        assert bad == []
        assert all(json.loads(data)["files"] == expected["files"] for _s, data in answers)
        health = srv.get("/healthz").json()["workers"]
        assert health["replaced"] == 0 and health["busy"] == 0
