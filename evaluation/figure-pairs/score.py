"""Print grouping and "inconsistent" precision/recall of the checks on the labelled figure pairs.

    python evaluation/figure-pairs/score.py [pairs.jsonl] [--errors]
"""
import sys
from pathlib import Path

from claimledger.check.pairs import score_pairs

if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    path = Path(args[0]) if args else Path(__file__).with_name("pairs.jsonl")
    scores = score_pairs(path)
    print(scores.summary())
    if "--errors" in sys.argv:
        for line in scores.errors():
            print(line)
