"""What reading temporal windows costs per article (issue 10): the pipeline with and without the
``claimledger_windows`` component on the same articles, and how the expressions were read.

    python benchmarks/windows.py [--docs evaluation/dev] [--rounds 3]

Prints milliseconds per article of the whole pipeline with the component and without it (best of
``--rounds`` interleaved runs, so a busy moment favours neither), their difference, and per article the
expressions read by the quick path, by Recognizers-Text (each call about 100 ms) and refused past the
per-document cap.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=Path, default=ROOT / "evaluation" / "dev")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    from claimledger.models import Document
    from claimledger.nlp.periods import window_stats
    from claimledger.nlp.pipeline import get_pipeline
    from claimledger.nlp.runner import start_doc

    files = sorted(args.docs.glob("*.jsonl")) if args.docs.is_dir() else [args.docs]
    documents = [Document(text=d["text"], published=d.get("published")) for f in files
                 for d in map(json.loads, f.read_text(encoding="utf-8").splitlines()) if d]
    nlp = get_pipeline()
    list(nlp.pipe([start_doc(nlp, d.text, d) for d in documents[:4]]))  # warm up

    def run(disable: list[str]) -> tuple[float, Counter[str]]:
        stats: Counter[str] = Counter()
        docs = [start_doc(nlp, d.text, d) for d in documents]
        start = time.perf_counter()
        with nlp.select_pipes(disable=disable):
            for doc in nlp.pipe(docs, batch_size=32):
                stats.update(window_stats(doc))
        return time.perf_counter() - start, stats

    with_times, without_times, stats = [], [], Counter()
    for _ in range(args.rounds):
        seconds, stats = run([])
        with_times.append(seconds)
        without_times.append(run(["claimledger_windows"])[0])
    n = len(documents)
    with_ms, without_ms = min(with_times) / n * 1000, min(without_times) / n * 1000
    print(f"{n} articles from {args.docs}")
    print(f"pipeline with windows     {with_ms:8.1f} ms/article")
    print(f"pipeline without windows  {without_ms:8.1f} ms/article")
    share = with_ms / without_ms - 1
    print(f"windows cost              {with_ms - without_ms:8.1f} ms/article ({share:+.1%})")
    for key in ("quick", "cached", "library", "capped"):
        print(f"  {key:<8} {stats[key] / n:6.2f} expressions/article  ({stats[key]} in all)")


if __name__ == "__main__":
    main()
