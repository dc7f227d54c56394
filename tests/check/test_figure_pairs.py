"""The labelled figure pairs of evaluation/figure-pairs: the floors the checks must keep."""

from pathlib import Path

from claimledger.check.pairs import score_pairs

PAIRS = Path(__file__).parents[2] / "evaluation/figure-pairs/pairs.jsonl"


def test_figure_pairs_floors():
    scores = score_pairs(PAIRS)
    assert len(scores.results) >= 150
    grouping_precision, grouping_recall = scores.grouping()
    inconsistent_precision, inconsistent_recall = scores.inconsistent()
    assert grouping_precision >= 0.95 and grouping_recall >= 0.90
    assert inconsistent_precision >= 0.90 and inconsistent_recall >= 0.90
