"""How often the extractor's `period` is right (issue 10, part 1): each claim's window, through the pipeline.

    python evaluation/temporal/periods.py [--show-misses] [--json]

The gold claim files carry no period, so `periods.jsonl` gives one for 52 of the 60 sentences of
`windows.jsonl`, each run as a document of its own with its publication date: the figure (`figure`, a
substring of the claim's text) and the period a reader gives it by the annotation guide (TS-2 to TS-9) and
the project's convention that a window holding the publication date ends at it ("this year" is January 1 to
publication, as `tests/nlp/test_period_rules.py` pins; four expressions there differ from their window in
`windows.jsonl` for that reason):
`period` as [start, end] (inclusive ISO dates), or null where the figure is a level or the time dates a
statement, not the count (then `not` names the window the figure must not take, and any other period or
none is right). Left out: sentences
whose period the guide leaves open (a single event's toll dated by its day, "the turnout in last year's
election", "in fiscal 2024", "between late October and early December", "by the end of 2025"). One sentence
without a figure ("Attacks rose sharply in the week to Aug. 15") is given one ("rose 30%").

- exact: both ends equal the gold ones (null for null);
- within a day: both ends within one day of the gold ones (null for null);
- also printed: the time scope the pipeline gave, and how the expressions were read (quick path, library
  calls, calls refused past the per-document cap).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _close(got: list[str | None] | None, gold: list[str | None] | None, slack: int) -> bool:
    if got is None or gold is None:
        return got is None and gold is None
    for a, b in zip(got, gold, strict=True):
        da, db = _day(a), _day(b)
        if (da is None) != (db is None):
            return False
        if da is not None and db is not None and abs((da - db).days) > slack:
            return False
    return True


def measure(cases: list[dict]) -> dict:
    from claimledger import extract_documents
    from claimledger.models import Document

    documents = [Document(text=c["sentence"], published=c["published"]) for c in cases]
    rows = []
    for case, (_, claims) in zip(cases, extract_documents(documents), strict=True):
        claim = next((c for c in claims if case["figure"] in c.text), None)
        got = None if claim is None or claim.period is None else [claim.period.start, claim.period.end]
        gold = case["period"]
        if "not" in case:  # the time dates something else: any period but that window
            exact = near = claim is not None and got != case["not"]
        else:
            exact = claim is not None and _close(got, gold, 0)
            near = claim is not None and _close(got, gold, 1)
        rows.append({"sentence": case["sentence"], "figure": case["figure"], "gold": gold, "got": got,
                     "time_scope": claim.time_scope if claim else None,
                     "exact": exact, "near": near, "found": claim is not None})
    n = len(rows)
    return {
        "cases": n,
        "figure found": sum(r["found"] for r in rows),
        "exact": sum(r["exact"] for r in rows) / n,
        "within a day": sum(r["near"] for r in rows) / n,
        "windows (gold not null)": sum(1 for r in rows if r["gold"] is not None),
        "exact on windows": sum(r["exact"] for r in rows if r["gold"] is not None)
        / max(1, sum(1 for r in rows if r["gold"] is not None)),
        "reading": _reading(documents),
        "rows": rows,
    }


def _reading(documents: list) -> dict[str, int]:
    """How the expressions were read (quick path, library calls, cache, calls past the cap), where the
    extractor reads windows (issue 10)."""
    try:
        from claimledger.nlp.periods import window_stats
        from claimledger.nlp.runner import start_doc
    except ImportError:
        return {}
    from claimledger.nlp.pipeline import get_pipeline

    nlp = get_pipeline()
    stats: Counter[str] = Counter()
    for document in documents:
        stats.update(window_stats(nlp(start_doc(nlp, document.text, document))))
    return dict(stats)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    cases = [json.loads(line) for line in (HERE / "periods.jsonl").read_text().splitlines() if line.strip()]
    result = measure(cases)
    rows = result.pop("rows")
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        print()
    else:
        for key, value in result.items():
            print(f"{key:<26}{value:.3f}" if isinstance(value, float) else f"{key:<26}{value}")
    if args.show_misses:
        for row in rows:
            if not row["exact"]:
                print(f"MISS {row['figure']!r:>16} {row['time_scope']!s:>11} got {row['got']} "
                      f"gold {row['gold']}  | {row['sentence']}")


if __name__ == "__main__":
    main()
