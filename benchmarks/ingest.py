"""Ingest throughput: documents per second with 1 and 2 worker processes, and the store's share of the time.

    python benchmarks/ingest.py [--docs 200] [--batch-size 8] [--rounds 2]

Builds a corpus of distinct documents from the dev set (evaluation/dev/docs-*.jsonl, each text given its own
first line and its paragraphs rotated, so every document has its own content hash and its own claims), then
ingests it into a fresh SQLite file with --workers 1 and with --workers 2, in this one run. The language
pipeline is loaded before the clock starts (forked workers inherit it), so the figures are steady-state
throughput. Prints figures only: the machine is shared, so the load average is printed alongside them.
Targets (issue 3): scaling ratio >= 1.6 on two cores; store share < 15% with SQLite.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build_corpus(directory: Path, n: int) -> Path:
    base = []
    for path in sorted((ROOT / "evaluation" / "dev").glob("docs-*.jsonl")):
        base += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not base:
        sys.exit("no dev documents found under evaluation/dev/docs-*.jsonl")
    out = directory / "corpus.jsonl"
    with out.open("w", encoding="utf-8") as stream:
        for i in range(n):
            doc = dict(base[i % len(base)])
            doc.pop("id", None)
            paragraphs = doc["text"].split("\n\n")
            turn = (i // len(base)) % len(paragraphs)
            doc["text"] = f"Dispatch {i + 1}.\n\n" + "\n\n".join(paragraphs[turn:] + paragraphs[:turn])
            stream.write(json.dumps(doc) + "\n")
    return out


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def machine_ratio(n: int = 10_000_000) -> float:
    """What two processes get here over one: two pure-Python loops in parallel vs one after the other.
    2.0 on two idle cores; on a shared or throttled machine, the ceiling of any two-worker run."""
    import multiprocessing

    started = time.perf_counter()
    _burn(n)
    _burn(n)
    sequential = time.perf_counter() - started
    with multiprocessing.get_context("fork").Pool(2) as pool:
        pool.map(_burn, [1000, 1000])  # start both workers before the clock
        started = time.perf_counter()
        pool.map(_burn, [n, n], chunksize=1)
        parallel = time.perf_counter() - started
    return sequential / parallel


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def run(corpus: Path, workers: int, batch_size: int, directory: Path):
    """The ingest summary, plus CPU seconds used by this process and by the worker processes."""
    from claimledger.batch import ingest
    from claimledger.store import Ledger

    directory.mkdir(exist_ok=True)
    ledger = Ledger.open(f"sqlite:///{directory / f'workers-{workers}.sqlite'}")  # a fresh file each run
    own, children = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
    try:
        summary = ingest(ledger, [str(corpus)], workers=workers, batch_size=batch_size)
    finally:
        ledger.close()
    # workers are joined when ingest returns, so their CPU time is counted under RUSAGE_CHILDREN
    return summary, _cpu(resource.RUSAGE_SELF) - own, _cpu(resource.RUSAGE_CHILDREN) - children


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=2,
                        help="alternate 1 and 2 workers this many times; the fastest run of each counts "
                             "(on a shared machine the slower runs measure the neighbours)")
    args = parser.parse_args()

    from claimledger.nlp.pipeline import get_pipeline

    get_pipeline()  # loaded once here; forked workers inherit it
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        corpus = build_corpus(directory, args.docs)
        load_before = os.getloadavg()
        ceiling = 0.0
        results = {}
        for round_ in range(args.rounds):
            ceiling = max(ceiling, machine_ratio())  # best of the rounds, like the ingest runs
            for w in (1, 2):
                outcome = run(corpus, w, args.batch_size, directory / f"round-{round_}")
                if w not in results or outcome[0].total_seconds < results[w][0].total_seconds:
                    results[w] = outcome
        load_after = os.getloadavg()
    print(f"corpus: {args.docs} documents built from evaluation/dev; cores: {os.cpu_count()}; "
          f"best of {args.rounds} rounds; "
          f"load average before/after: {load_before[0]:.2f} / {load_after[0]:.2f}")
    rates = {}
    for workers, (s, own_cpu, worker_cpu) in results.items():
        rates[workers] = s.documents / s.total_seconds
        busy = (own_cpu + worker_cpu) / s.total_seconds
        print(f"workers={workers}: {s.documents} documents, {s.claims} claims in {s.total_seconds:.2f} s = "
              f"{rates[workers]:.1f} docs/s; store {s.store_seconds:.2f} s = "
              f"{100 * s.store_share:.1f}% of total; CPU: main {own_cpu:.2f} s, workers {worker_cpu:.2f} s "
              f"({busy:.2f} cores busy on average)")
    print(f"scaling ratio (2 workers / 1), wall clock: {rates[2] / rates[1]:.2f} "
          "(target >= 1.6 on two idle cores)")
    print(f"this machine's own ratio for two CPU-bound processes, measured in this run: {ceiling:.2f}; "
          f"ingest reaches {rates[2] / rates[1] / ceiling:.0%} of it")
    one_cpu = results[1][1]
    _, main_cpu, workers_cpu = results[2]
    # on two idle cores the run takes as long as its busiest part: the main process, or each of two workers
    estimate = one_cpu / max(main_cpu, workers_cpu / 2)
    print(f"scaling ratio on two idle cores, estimated from CPU time: {estimate:.2f} "
          "(the 1-worker run's CPU seconds / the 2-worker run's busiest process, workers sharing evenly)")
    print(f"store share with SQLite: {100 * results[1][0].store_share:.1f}% at 1 worker, "
          f"{100 * results[2][0].store_share:.1f}% at 2 workers (target < 15%)")


if __name__ == "__main__":
    main()
