"""Bounded load on `claimledger serve` over a ledger of 10,000 claims: requests/s and p50/p99 latency.

Builds a temporary SQLite ledger (claims synthesized directly, no extraction), starts `claimledger serve` on a
free loopback port in a subprocess, sends a fixed number of requests per route from a pool of client threads,
then stops the server. The baseline is a bundled static file served by the same process in the same run.
Target: p99 under 100 ms for /api/claims.

Then the hostile-plus-normal test: one hostile extraction (a long capitalised run ahead of an article far too
long for the server's time limit) is posted while a bounded number of normal reads (/api/stats, /api/claims)
are sent; it prints the reads' p50/p99 meanwhile against the same reads with no extraction running, and how
the hostile request ended (stopped at the time limit). Target: reads p99 under 100 ms meanwhile.

    python benchmarks/serve.py [--requests 2000] [--concurrency 8] [--hostile-reads 600]
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from claimledger.models import Check, Claim, Document, Period, Source
from claimledger.store import Ledger
from claimledger.web.tokens import TokenStore

CLAIMS = 10_000
PER_DOCUMENT = 20
OUTLETS = ["Example Wire", "Harbour Street Times", "The Northern Ledger", "Morning Courier", "Daily Example"]
KINDS = [
    ("casualties", "troop", "daily", "Russian forces"),
    ("money", "RUB", "point", None),
    ("equipment", "tank", "daily", "Russian forces"),
    ("displaced", "civilian", "period", "civilians"),
    ("troops", "soldier", "point", "North Korean soldiers"),
]
SOURCES = [
    Source("Ukraine's Armed Forces", "General Staff of the Armed Forces of Ukraine", "military", "said"),
    Source("AUTHOR", None, "author"),
    Source("Regional officials", None, "government", "said"),
]


def build_ledger(path: Path) -> tuple[str, list[str]]:
    rnd = random.Random(5)
    ledger = Ledger.open(f"sqlite:///{path}")
    doc_ids = []
    for d in range(CLAIMS // PER_DOCUMENT):
        day = f"2024-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        sentences = [
            f"Officials said that {rnd.randint(10, 5000):,} people were affected in area {i}."
            for i in range(PER_DOCUMENT)
        ]
        doc = Document(
            text=" ".join(sentences),
            id=f"bench-{d}",
            outlet=OUTLETS[d % len(OUTLETS)],
            title=f"Benchmark article {d}",
            published=day,
        )
        claims, at = [], 0
        for i, sentence in enumerate(sentences):
            number = sentence.split(" ")[3]
            start = doc.text.index(number, at)
            at = start + len(number)
            category, unit, scope, subject = KINDS[i % len(KINDS)]
            claims.append(
                Claim(
                    id=Claim.make_id(doc.id, start, at),
                    doc_id=doc.id,
                    span=(start, at),
                    text=number,
                    sentence=sentence,
                    value=float(number.replace(",", "")),
                    unit=unit,
                    category=category,
                    time_scope=scope,
                    subject=subject,
                    period=Period(day, day) if scope == "daily" else None,
                    source=SOURCES[i % len(SOURCES)],
                    verification=rnd.choice([None, "unverified"]),
                    published=day,
                    outlet=doc.outlet,
                    checks=[Check("reference_series", "consistent", "synthetic")],
                )
            )
        ledger.add(doc, claims, "bench")
        doc_ids.append(doc.id)
    count = ledger.count_documents()
    ledger.close()
    assert count == len(doc_ids)
    return f"sqlite:///{path}", doc_ids


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


HOSTILE_LIMIT = 8  # seconds: the server's time limit per extraction in this run


def start_server(db: str, port: int, config: Path) -> subprocess.Popen:
    env = {**os.environ, "CLAIMLEDGER_CONFIG_DIR": str(config)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "claimledger.cli",
            "serve",
            "--db",
            db,
            "--port",
            str(port),
            "--no-examples",
            "--log-level",
            "warning",
            "--extract-workers",
            "1",
            "--extract-time-limit",
            str(HOSTILE_LIMIT),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    deadline = time.monotonic() + 180  # a shared, busy machine
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=1)
            return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start within 180 s")


def load(port: int, paths: list[str], concurrency: int) -> tuple[float, list[float]]:
    """Send every path once from `concurrency` threads, each on its own kept-alive connection (the standard
    library's http.client: a light client, so the measurement is mostly the server's); wall time and each
    request's latency in ms."""
    local = threading.local()

    def one(path: str) -> float:
        if not hasattr(local, "conn"):
            local.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        t0 = time.perf_counter()
        local.conn.request("GET", path)
        response = local.conn.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - t0) * 1000
        if response.status != 200:
            raise SystemExit(f"{path} answered {response.status}: {body[:200]!r}")
        return elapsed

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        latencies = list(pool.map(one, paths))
    return time.perf_counter() - started, latencies


def hostile_article(chars: int) -> str:
    run = "Officials said " + "A" * 24_000 + " 12 people died.\n\n"
    parts, day = [run], 0
    while sum(map(len, parts)) < chars:
        day += 1
        parts.append(f"On day {day} the governor said {day * 7 + 3} people had been evacuated, and officials "
                     f"reported {day % 40 + 2} injured and {day * 11},000 euros spent on shelters.")
    return "\n\n".join(parts)


def hostile_load(port: int, token: str, reads: int, concurrency: int) -> dict[str, object]:
    """Normal reads alone, then the same number while one hostile extraction runs: their latencies, and how
    the hostile request ended. Bounded: `reads` requests each time, the extraction by the server's limit."""
    rnd = random.Random(7)
    paths = [rnd.choice(["/api/stats", f"/api/claims?offset={rnd.randrange(0, 500) * 10}"])
             for _ in range(reads)]
    client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120,
                          headers={"Authorization": f"Bearer {token}"})
    warm = client.post("/api/extract", json={"text": "The mayor said 3 people were hurt."})
    if warm.status_code != 200:  # also waits for the worker to load the pipeline
        raise SystemExit(f"warm-up extraction answered {warm.status_code}: {warm.text[:200]}")
    _, quiet = load(port, paths, concurrency)
    _, quiet_static = load(port, ["/static/style.css"] * 50, concurrency)  # the baseline, in the same phase
    outcome: dict[str, object] = {}

    def hostile() -> None:
        t0 = time.perf_counter()
        response = client.post("/api/extract", json={"text": hostile_article(900_000)})
        code = response.json().get("error", {}).get("code") if response.status_code != 200 else ""
        outcome.update(status=response.status_code, seconds=time.perf_counter() - t0, code=code)

    thread = threading.Thread(target=hostile)
    thread.start()
    time.sleep(1.0)  # the body is sent and the worker is on it
    during: list[float] = []
    during_static: list[float] = []
    while thread.is_alive() and len(during) < reads * 20:  # reads for as long as it runs, bounded
        during += load(port, paths[:50], concurrency)[1]
        during_static += load(port, ["/static/style.css"] * 10, concurrency)[1]
    thread.join()
    client.close()
    return {"quiet": quiet, "during": during, "quiet_static": quiet_static, "during_static": during_static,
            **outcome}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000, help="requests per route")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--hostile-reads", type=int, default=600,
                        help="normal reads per phase of the hostile-plus-normal test (0: skip it)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        db, doc_ids = build_ledger(Path(tmp) / "ledger.sqlite")
        print(
            f"ledger of {CLAIMS:,} claims in {len(doc_ids):,} documents built in "
            f"{time.perf_counter() - t0:.1f} s"
        )
        port = free_port()
        token, _ = TokenStore(Path(tmp) / "config" / "tokens.json").create("benchmark")
        proc = start_server(db, port, Path(tmp) / "config")
        rnd = random.Random(6)
        routes = {
            "static file (baseline)": lambda: "/static/style.css",
            "/api/claims": lambda: f"/api/claims?offset={rnd.randrange(0, 500) * 10}",
            "/api/claims filtered": lambda: rnd.choice(
                [
                    "/api/claims?category=casualties&source=general%20staff",
                    "/api/claims?outlet=Example%20Wire&order_by=value",
                    "/api/claims?text=area%201&value_min=1000",
                    "/api/claims?period_start=2024-06-01&period_end=2024-06-30&time_scope=daily",
                ]
            ),
            "article page": lambda: f"/documents/{rnd.choice(doc_ids)}",
        }
        try:
            load(port, [routes["/api/claims"]() for _ in range(50)], args.concurrency)  # warm up
            results = {}
            by_filter: dict[str, list[float]] = {}
            for name, make in routes.items():
                paths = [make() for _ in range(args.requests)]
                wall, latencies = load(port, paths, args.concurrency)
                results[name] = (
                    args.requests / wall,
                    statistics.median(latencies),
                    percentile(latencies, 0.99),
                )
                if name == "/api/claims filtered":
                    for path, ms in zip(paths, latencies, strict=True):
                        by_filter.setdefault(path.split("?", 1)[1], []).append(ms)
            hostile = hostile_load(port, token, args.hostile_reads, 4) if args.hostile_reads else None
        finally:
            proc.terminate()
            proc.wait(timeout=20)

    base_rps = results["static file (baseline)"][0]
    print(
        f"{args.requests:,} requests per route, concurrency {args.concurrency}, "
        "client and server on this machine"
    )
    print(f"{'route':<24} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'req/s vs static':>16}")
    for name, (rps, p50, p99) in results.items():
        print(f"{name:<24} {rps:>8.0f} {p50:>8.1f} {p99:>8.1f} {rps / base_rps:>16.2f}")
    print("filtered, per filter (same run):")
    for query, latencies in by_filter.items():
        p50, p99 = statistics.median(latencies), percentile(latencies, 0.99)
        print(f"  p50 {p50:6.1f} ms  p99 {p99:6.1f} ms  {query}")
    worst = max(results["/api/claims"][2], results["/api/claims filtered"][2])
    print(f"/api/claims p99: {worst:.1f} ms (target under 100 ms): {'met' if worst < 100 else 'NOT met'}")
    if hostile is not None:
        quiet, during = hostile["quiet"], hostile["during"]
        assert isinstance(quiet, list) and isinstance(during, list)
        p99_quiet, p99_during = percentile(quiet, 0.99), percentile(during, 0.99)
        print(f"hostile plus normal: one hostile extraction (time limit {HOSTILE_LIMIT} s, 1 worker) "
              f"answered {hostile.get('status')} {hostile.get('code')} "
              f"after {hostile.get('seconds', 0):.1f} s")
        print(f"  reads alone:          {len(quiet):>5} requests  p50 {statistics.median(quiet):6.1f} ms  "
              f"p95 {percentile(quiet, 0.95):6.1f} ms  p99 {p99_quiet:6.1f} ms")
        print(f"  reads during hostile: {len(during):>5} requests  p50 {statistics.median(during):6.1f} ms  "
              f"p95 {percentile(during, 0.95):6.1f} ms  p99 {p99_during:6.1f} ms  "
              f"({p99_during / p99_quiet:.2f}x alone)")
        statics = (("alone", hostile["quiet_static"]), ("during hostile", hostile["during_static"]))
        for name, values in statics:
            assert isinstance(values, list)
            print(f"  baseline, static file {name}: {len(values):>5} requests  p50 "
                  f"{statistics.median(values):6.1f} ms  p95 {percentile(values, 0.95):6.1f} ms  "
                  f"p99 {percentile(values, 0.99):6.1f} ms")
        print(f"reads p99 during the hostile extraction: {p99_during:.1f} ms (target under 100 ms): "
              f"{'met' if p99_during < 100 else 'NOT met'}; "
              f"{p99_during / percentile(statics[1][1], 0.99):.2f}x the static file's p99 meanwhile")


if __name__ == "__main__":
    main()
