"""Extraction throughput against the bare spaCy pipeline, measured in the same run.

    python benchmarks/throughput.py [--articles 400] [--docs evaluation/dev]

Prints articles per second for ``claimledger.extract_documents`` and for the bare ``en_core_web_sm``
pipeline on the same articles, their ratio (target >= 0.7: extraction adds little to the parse),
quantulum3's time on the same texts as an outside reference, and peak memory.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_texts(source: Path, count: int) -> list[str]:
    texts: list[str] = []
    files = sorted(source.glob("*.jsonl")) if source.is_dir() else [source]
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    if not texts:
        sys.exit(f"no documents in {source}")
    return [texts[i % len(texts)] for i in range(count)]


def rate(count: int, seconds: float) -> float:
    return count / seconds if seconds else float("inf")


def time_bare(texts: list[str]) -> float:
    from claimledger.nlp.pipeline import load_base_model

    nlp = load_base_model()
    list(nlp.pipe(texts[:8]))  # warm up
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - start


def time_extract(texts: list[str]) -> tuple[float, int]:
    from claimledger import extract_documents
    from claimledger.models import Document

    docs = [Document(text=t, published="2024-11-26") for t in texts]
    list(extract_documents(docs[:8]))  # warm up: builds the pipeline and loads the lexicons
    start = time.perf_counter()
    claims = sum(len(c) for _, c in extract_documents(docs, batch_size=32))
    return time.perf_counter() - start, claims


def time_quantulum(texts: list[str]) -> float | None:
    try:
        from quantulum3 import parser

        parser.parse(texts[0])
    except ImportError:  # absent, or (with scikit-learn installed) its classifier's extras are missing
        return None
    start = time.perf_counter()
    for text in texts:
        parser.parse(text)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--docs", type=Path, default=ROOT / "evaluation" / "dev")
    args = ap.parse_args()
    texts = load_texts(args.docs, args.articles)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {words / len(texts):.0f} words on average, from {args.docs}")

    # Interleave the two timings twice and keep the best of each, so that a busy moment on the
    # machine does not favour one side.
    bare = min(time_bare(texts), time_bare(texts))
    ours, claims = time_extract(texts)
    ours = min(ours, time_extract(texts)[0])
    quantulum = time_quantulum(texts)

    print(f"bare spaCy pipeline     {rate(len(texts), bare):8.1f} articles/s")
    print(f"claimledger extraction  {rate(len(texts), ours):8.1f} articles/s  ({claims} claims)")
    print(f"ratio (extract / bare)  {bare / ours:8.2f}   target >= 0.70")
    if quantulum is not None:
        quantulum_rate = rate(len(texts), quantulum)
        print(f"quantulum3 (reference)  {quantulum_rate:8.1f} articles/s  (quantities only, no parse)")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory             {peak_mb:8.0f} MB")


if __name__ == "__main__":
    main()
