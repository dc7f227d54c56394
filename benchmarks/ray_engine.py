"""Documents per second: the Ray engine (extract_to_shards + load_shards) against single-process ingest.

    python benchmarks/ray_engine.py [--documents 50] [--cpus 2]

The same documents go both ways: the dev set and the example articles, repeated under new ids until there
are --documents of them. Single process: ``claimledger.batch.ingest`` into a fresh SQLite ledger, spaCy
pipeline load included. Ray: ``extract_to_shards`` on a local Ray started by the call (cold: Ray start,
actors loading the pipeline, extraction, shards), then on a Ray already running (warm: actors still start
per call), and ``load_shards`` into a fresh SQLite ledger. Every figure includes its fixed costs, because a
user pays them; the last lines say how much of the Ray time is start-up.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "evaluation" / "dev" / "docs-b.jsonl",
           ROOT / "src" / "claimledger" / "examples" / "articles.jsonl"]


def write_corpus(path: Path, count: int) -> None:
    records = [json.loads(line) for src in SOURCES for line in src.read_text(encoding="utf-8").splitlines()
               if line.strip()]
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            record = dict(records[i % len(records)])
            record["id"] = f"{record['id']}-copy{i // len(records)}"
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def timed(label: str, count: int, func):
    start = time.perf_counter()
    result = func()
    seconds = time.perf_counter() - start
    print(f"{label:<44} {seconds:7.2f} s  {count / seconds:6.2f} docs/s")
    return result, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=50)
    parser.add_argument("--cpus", type=int, default=2, help="CPUs of the local Ray instance")
    args = parser.parse_args()

    import ray

    from claimledger.batch import ingest
    from claimledger.batch.ray_engine import LOCAL_OBJECT_STORE_BYTES, extract_to_shards
    from claimledger.batch.shards import load_shards
    from claimledger.store import Ledger

    n = args.documents
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        corpus = tmp_path / "corpus.jsonl"
        write_corpus(corpus, n)
        print(f"{n} documents, {args.cpus} CPUs for Ray")

        single = Ledger.open(f"sqlite:///{tmp_path / 'single.sqlite'}")
        timed("single process: ingest", n, lambda: ingest(single, [str(corpus)]))

        _, cold = timed("ray, cold (starts Ray): extract_to_shards", n,
                        lambda: extract_to_shards([str(corpus)], tmp_path / "cold"))
        target = Ledger.open(f"sqlite:///{tmp_path / 'ray.sqlite'}")
        loaded, load_s = timed("ray: load_shards into SQLite", n,
                               lambda: load_shards(target, tmp_path / "cold"))
        print(f"{'ray, cold, extract + load':<44} {cold + load_s:7.2f} s  {n / (cold + load_s):6.2f} docs/s")

        start = time.perf_counter()
        ray.init(address="local", num_cpus=args.cpus, object_store_memory=LOCAL_OBJECT_STORE_BYTES,
                 include_dashboard=False, log_to_driver=False)
        ray_start = time.perf_counter() - start
        try:
            _, warm = timed("ray, warm (Ray running): extract_to_shards", n,
                            lambda: extract_to_shards([str(corpus)], tmp_path / "warm"))
        finally:
            ray.shutdown()
        print(f"Ray start-up alone: {ray_start:.2f} s; claims: {loaded.claims} loaded, "
              f"{single.count_documents()} documents in the single-process ledger")


if __name__ == "__main__":
    main()
