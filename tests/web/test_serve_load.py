"""`claimledger serve` under a hostile extraction: reads keep answering, the queue refuses with 503, the time
limit stops the worker, and only the allowed Host names are answered. A real server on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time

import httpx
import pytest

from claimledger.web.tokens import TokenStore

pytestmark = pytest.mark.slow

TIME_LIMIT = 4


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def long_article(chars: int) -> str:
    """Ordinary reporting, many times over: slow to extract for no fault of any one pattern."""
    out, day = [], 0
    while sum(len(p) for p in out) < chars:
        day += 1
        out.append(f"On day {day} the regional governor said {day * 7 + 3} people had been evacuated from "
                   f"the district, and officials reported {day % 40 + 2} injured. The ministry said it had "
                   f"spent {day * 11},000 euros on shelters, a figure the paper could not verify.")
    return "\n\n".join(out)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("serve-load")
    config = tmp / "config"
    secret, _ = TokenStore(config / "tokens.json").create("load test")
    port = _free_port()
    env = {**os.environ, "CLAIMLEDGER_CONFIG_DIR": str(config)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimledger.cli", "serve", "--db", str(tmp / "ledger.sqlite"),
         "--port", str(port), "--no-examples", "--log-level", "warning", "--extract-workers", "1",
         "--extract-queue", "0",
         "--extract-time-limit", str(TIME_LIMIT)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    url = f"http://127.0.0.1:{port}"
    client = httpx.Client(base_url=url, headers={"Authorization": f"Bearer {secret}"}, timeout=120)
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                raise AssertionError(f"serve exited with {proc.returncode}: {proc.stderr.read()}")
            try:
                client.get("/api/stats")
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        # the first extraction waits for the worker to load the pipeline: not part of what is measured
        assert client.post("/api/extract", json={"text": long_article(100)}).status_code == 200
        yield client
    finally:
        client.close()
        proc.terminate()
        try:
            proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()


def test_reads_answer_during_a_hostile_extraction_which_is_stopped_at_the_limit(server):
    # a long capitalised run (one regular expression call once held the interpreter for half a minute)
    # ahead of an article far too long to finish within the limit
    body = {"text": "Officials said " + "A" * 24_000 + " 12 people died.\n\n" + long_article(900_000)}
    answer: dict = {}

    def post() -> None:
        started = time.monotonic()
        answer["response"] = server.post("/api/extract", json=body)
        answer["seconds"] = time.monotonic() - started

    poster = threading.Thread(target=post)
    poster.start()
    time.sleep(0.5)
    busy = server.post("/api/extract", json={"text": "The mayor said 3 people were hurt."})
    reads: list[float] = []
    while poster.is_alive():
        t0 = time.monotonic()
        assert server.get("/api/stats").status_code == 200
        reads.append(time.monotonic() - t0)
        time.sleep(0.05)
    poster.join()

    # the worker is busy and no job may wait: a clear 503 with Retry-After
    assert busy.status_code == 503 and busy.json()["error"]["code"] == "busy", busy.text[:300]
    assert int(busy.headers["retry-after"]) >= 1
    # the extraction is stopped at the limit, answered with an error naming it
    response, seconds = answer["response"], answer["seconds"]
    assert response.status_code == 422, response.text[:300]
    error = response.json()["error"]
    assert error["code"] == "time_limit" and f"{TIME_LIMIT} s" in error["message"]
    assert TIME_LIMIT - 0.5 < seconds < TIME_LIMIT + 10
    # ...and reads never waited behind it
    assert len(reads) >= 10
    assert max(reads) < seconds / 4, (max(reads), seconds)
    # the stopped worker was replaced: the next extraction works
    after = server.post("/api/extract", json={"text": "The mayor said 3 people were hurt."})
    assert after.status_code == 200 and after.json()["claims"]


def test_only_the_allowed_host_names_are_answered(server):
    port = server.base_url.port
    assert server.get("/api/stats", headers={"Host": f"localhost:{port}"}).status_code == 200
    assert server.get("/api/stats", headers={"Host": f"[::1]:{port}"}).status_code == 200
    foreign = server.get("/api/stats", headers={"Host": f"rebound.example:{port}"})
    assert foreign.status_code == 400 and "rebound.example" in foreign.json()["error"]["message"]
    assert server.get("/", headers={"Host": "127.0.0.1.evil.example"}).status_code == 400
