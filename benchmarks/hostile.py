"""Extraction on huge and hostile input: time and memory, against the bare spaCy parse of the same text.

    python benchmarks/hostile.py [--chars 1000000] [--hostile-bytes 2097152] [--n 50000]

Prints, each measured in this run:
- a 1,000,000-character article made of the dev articles: extraction's wall seconds (a long document's
  pieces are parsed on every CPU at once) and CPU seconds (this process and its piece workers), the bare
  spaCy parse of the same text in the same pieces on one CPU as the baseline, their ratios, and the peak
  memory of this process and of its largest piece worker (targets: under 15 s and 1 GB; the bare parse
  bounds what extraction can reach on this machine: on a shared machine compare the ratios);
- the slowest of a set of hostile inputs of up to 2 MiB (target: under 5 s);
- the time at 4n against n for a normal article and for the hostile inputs (linear is about 4, quadratic 16).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def dev_texts() -> list[str]:
    return [json.loads(line)["text"] for path in sorted((ROOT / "evaluation" / "dev").glob("docs-*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def article(n: int) -> str:
    texts, body, k = dev_texts(), [], 0
    size = 0
    while size < n:
        body.append(texts[k % len(texts)] + "\n\n")
        size += len(body[-1])
        k += 1
    return "".join(body)[:n]


def hostile_inputs() -> dict[str, Callable[[int], str]]:
    lexicon = ("in the past 24 hours 12 killed, according to the ministry, could not be independently "
               "verified; at least 3,400 since the start of the war (UNHCR) ")
    return {
        "capitalised run": lambda n: ("A" * (n // 2) + " 5 people " + "Aa " * n)[:n],
        "capitalised words + acronym": lambda n: ("Ministry Of Defence Office " * n)[: n - 12]
        + " (MOD) 12 men",
        "one token, no spaces": lambda n: "1" + "a" * (n - 1),
        "repeated punctuation": lambda n: ("!" * (n // 2) + " 12 killed " + "$(" * n)[:n],
        "repeated 's": lambda n: ("'s" * n)[: n - 10] + " 12 killed",
        "nested brackets": lambda n: ("(" * (n // 2) + "12" + ")" * n)[:n],
        "no figure at all": lambda n: ("The streets were quiet. " * n)[:n],
        "lexicon phrases repeated": lambda n: (lexicon * (n // len(lexicon) + 1))[:n],
        "figures only": lambda n: ("12 " * n)[:n],
    }


def timed(func: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process and of the children it waited for)."""
    before, wall = os.times(), time.perf_counter()
    func()
    after = os.times()
    used = sum(getattr(after, k) - getattr(before, k)
               for k in ("user", "system", "children_user", "children_system"))
    return time.perf_counter() - wall, used


def cpu(func: Callable[[], object]) -> float:
    """CPU seconds of this process and of the piece workers it forked (a long text is parsed in them)."""
    return timed(func)[1]


def _limited(extract, text: str, timeout: float) -> None:
    from claimledger.errors import ExtractionTimeout

    try:
        extract(text, timeout=timeout)
    except ExtractionTimeout as exc:
        print(f"    (skipped, as extract and ingest would: {str(exc)[:200]})", flush=True)


def _quiet(extract, text: str) -> None:
    from claimledger.errors import ExtractionTimeout

    try:
        extract(text)
    except ExtractionTimeout:
        pass


def peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--chars", type=int, default=1_000_000)
    ap.add_argument("--hostile-bytes", type=int, default=2 * 1024 * 1024)
    ap.add_argument("--n", type=int, default=50_000, help="n for the 4n/n ratios")
    ap.add_argument("--timeout", type=float, default=60.0, help="the per-document limit extract/ingest apply")
    ap.add_argument("--skip-bare", action="store_true", help="do not time the bare parse (halves the run)")
    args = ap.parse_args()

    from claimledger import extract
    from claimledger.nlp.pipeline import get_pipeline, load_base_model
    from claimledger.nlp.runner import piece_processes, pieces

    extract("Warm up: the ministry said 5 people died.")
    text = article(args.chars)
    processes = piece_processes(len(list(pieces(text))))
    seconds, used = timed(lambda: extract(text, published="2024-11-26"))
    print(f"{len(text):,}-character article: extraction {seconds:.1f} s wall ({processes} process(es)), "
          f"{used:.1f} s CPU; peak memory {peak_mb():,.0f} MB here, "
          f"{peak_mb(resource.RUSAGE_CHILDREN):,.0f} MB in the largest piece worker (targets 15 s, 1,000 MB)")
    if not args.skip_bare:
        bare = load_base_model()
        bare_seconds, bare_used = timed(lambda: [bare(piece) for _, piece in pieces(text)])
        print(f"  baseline, bare spaCy parse of the same text on one CPU: {bare_seconds:.1f} s wall, "
              f"{bare_used:.1f} s CPU")
        print(f"  extraction / bare parse: wall {seconds / bare_seconds:.2f}, CPU {used / bare_used:.2f}")
    text = ""  # let the long article go before the hostile ones

    slowest = ("", 0.0)
    for name, make in hostile_inputs().items():
        hostile = make(args.hostile_bytes)
        took, _ = timed(lambda hostile=hostile: _limited(extract, hostile, args.timeout))
        print(f"  hostile {name!r} ({len(hostile.encode()):,} bytes): {took:.2f} s wall", flush=True)
        slowest = max(slowest, (name, took), key=lambda pair: pair[1])
    print(f"slowest hostile input of up to {args.hostile_bytes:,} bytes: {slowest[0]!r} {slowest[1]:.2f} s "
          "(target 5 s)")

    n = args.n
    normal_small = cpu(lambda: extract(article(n)))
    ratios = {"normal article": cpu(lambda: extract(article(4 * n))) / max(normal_small, 1e-3)}
    for name, make in hostile_inputs().items():  # a text that is not prose may be a skip at once at 4n
        small = cpu(lambda make=make: _quiet(extract, make(n)))
        large = cpu(lambda make=make: _quiet(extract, make(4 * n)))
        ratios[name] = large / max(small, 1e-3)
    for name, ratio in ratios.items():
        print(f"  time at {4 * n:,} / at {n:,} characters, {name}: {ratio:.1f}")
    print(f"largest 4n/n ratio: {max(ratios.values()):.1f} (linear ~4, quadratic ~16)")
    get_pipeline.cache_clear()


if __name__ == "__main__":
    main()
