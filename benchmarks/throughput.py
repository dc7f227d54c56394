"""Extraction throughput against the bare spaCy pipeline, measured in the same run.

    python benchmarks/throughput.py [--articles 400] [--docs evaluation/dev]

Prints articles per second for ``claimledger.extract_documents`` and for the bare ``en_core_web_sm``
pipeline on the same articles, their ratio in wall-clock and in CPU time (target >= 0.75: extraction adds
little to the parse), quantulum3's time on the same texts as an outside reference, and peak memory.

Each article is extracted with its own ``published`` date, as a user passes it (relative times resolve
against it, and which expressions the quick window reader leaves to the date-time library depends on it);
a line without one falls back to ``FALLBACK_PUBLISHED``.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


FALLBACK_PUBLISHED = "2024-11-26"  # for a line that carries no publication date


def load_articles(source: Path, count: int) -> list[tuple[str, str]]:
    """``count`` (text, published) pairs, the set's articles in order and repeated as needed; each keeps its
    own publication date."""
    articles: list[tuple[str, str]] = []
    files = sorted(source.glob("*.jsonl")) if source.is_dir() else [source]
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                articles.append((record["text"], record.get("published") or FALLBACK_PUBLISHED))
    if not articles:
        sys.exit(f"no documents in {source}")
    return [articles[i % len(articles)] for i in range(count)]


def rate(count: int, seconds: float) -> float:
    return count / seconds if seconds else float("inf")


def cpu_seconds() -> float:
    """CPU time of this process and its finished children: on a machine others share, wall time swings
    with their load (0.51 and 0.69 for the same code in two runs); CPU time much less."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def time_bare(texts: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of the bare pipeline over ``texts``."""
    from claimledger.nlp.pipeline import load_base_model

    nlp = load_base_model()
    list(nlp.pipe(texts[:8]))  # warm up
    start, start_cpu = time.perf_counter(), cpu_seconds()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - start, cpu_seconds() - start_cpu


def time_extract(articles: list[tuple[str, str]]) -> tuple[float, float, int]:
    """Wall and CPU seconds of extraction over ``articles`` (text, published), and the claims found."""
    from claimledger import extract_documents
    from claimledger.models import Document

    docs = [Document(text=text, published=published) for text, published in articles]
    list(extract_documents(docs[:8]))  # warm up: builds the pipeline and loads the lexicons
    # and the date-time model, loaded once on the first window the quick shapes leave (seconds of start-up,
    # like spacy.load for the bare pipeline; the first 8 articles may not have such a window)
    from datetime import date

    from claimledger.normalize.windows import find_windows
    find_windows("in the week to 3 March", date(2024, 11, 26))
    start, start_cpu = time.perf_counter(), cpu_seconds()
    claims = sum(len(c) for _, c in extract_documents(docs, batch_size=32))
    return time.perf_counter() - start, cpu_seconds() - start_cpu, claims


def time_quantulum(texts: list[str]) -> float | None:
    try:
        from quantulum3 import classifier, parser
    except ImportError:
        return None
    # quantulum3's shipped classifier was pickled by an old scikit-learn and does not load beside a current
    # one (ModuleNotFoundError: _loss); without it quantulum3 disambiguates units by its own rules
    classifier.USE_CLF = False
    parser.parse(texts[0])
    start = time.perf_counter()
    for text in texts:
        parser.parse(text)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--docs", type=Path, default=ROOT / "evaluation" / "dev")
    args = ap.parse_args()
    articles = load_articles(args.docs, args.articles)
    texts = [text for text, _ in articles]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {words / len(texts):.0f} words on average, from {args.docs}")

    # Interleave the two timings twice and keep the best of each, so that a busy moment on the
    # machine does not favour one side.
    bare_runs = [time_bare(texts), time_bare(texts)]
    ours_runs = [time_extract(articles), time_extract(articles)]
    bare, bare_cpu = min(r[0] for r in bare_runs), min(r[1] for r in bare_runs)
    ours, ours_cpu, claims = min(r[0] for r in ours_runs), min(r[1] for r in ours_runs), ours_runs[0][2]
    quantulum = time_quantulum(texts)

    n = len(texts)
    print(f"bare spaCy pipeline     {rate(n, bare):8.1f} articles/s  (CPU: {rate(n, bare_cpu):.1f})")
    print(f"claimledger extraction  {rate(n, ours):8.1f} articles/s  (CPU: {rate(n, ours_cpu):.1f};"
          f" {claims} claims)")
    print(f"ratio (extract / bare)  {bare / ours:8.2f}   wall clock; target >= 0.75")
    print(f"ratio, CPU time         {bare_cpu / ours_cpu:8.2f}   the steadier figure on a shared machine")
    if quantulum is not None:
        quantulum_rate = rate(len(texts), quantulum)
        print(f"quantulum3 (reference)  {quantulum_rate:8.1f} articles/s  (quantities only, no parse)")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory             {peak_mb:8.0f} MB")


if __name__ == "__main__":
    main()
