"""Value F1 and value+unit F1 of the quantity layer on gold articles (issue 11's measure for general news).

    python evaluation/external/value_f1.py [GOLD_DIR DOCS...]

Default: the general-news dev articles (evaluation/dev/gold, evaluation/dev/docs-g.jsonl). A predicted claim
counts as right for "value" when it matches a gold claim (same occurrence of the text) with the same value
and high end; for "value+unit" also the same unit. Precision is over predicted claims, recall over gold.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def report(gold: str, docs: list[str]) -> dict:
    out = subprocess.run([sys.executable, "-m", "claimledger.cli", "eval", gold, *docs, "--json"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def f1(right: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = right / predicted if predicted else 0.0
    r = right / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    args = sys.argv[1:] or [str(ROOT / "evaluation/dev/gold"), str(ROOT / "evaluation/dev/docs-g.jsonl")]
    data = report(args[0], args[1:])
    errors = data["field_errors"]

    def wrong(*fields: str) -> set[tuple[str, str, str]]:
        return {(e["doc_id"], e["text"], e["sentence"]) for f in fields for e in errors.get(f, [])}

    for name, fields in (("value", ("value", "high")), ("value+unit", ("value", "high", "unit"))):
        right = data["matched"] - len(wrong(*fields))
        p, r, f = f1(right, data["predicted"], data["gold"])
        print(f"{name:<11} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
              f"({right} right of {data['predicted']} predicted, {data['gold']} gold)")


if __name__ == "__main__":
    main()
