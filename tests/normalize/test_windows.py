"""Temporal windows from the library, read as news prose reads them (normalize/windows.py)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from claimledger.normalize.windows import find_windows

ROOT = Path(__file__).resolve().parents[2]

CASES = [
    # published, sentence, expression as it must be covered, first day, last day (None = open)
    ("2023-05-09", "Hospitals admitted 930 patients from February through April.", "February through April",
     "2023-02-01", "2023-04-30"),
    ("2023-05-09", "Between March and April, 41 boats reached the island.", "March and April",
     "2023-03-01", "2023-04-30"),
    ("2023-05-09", "The index has risen 9% so far this year.", "this year", "2023-01-01", "2023-05-09"),
    ("2023-05-09", "Rents rose 6% over the past year.", "past year", "2022-05-09", "2023-05-09"),
    ("2023-05-09", "Rents rose 4% last year.", "last year", "2022-01-01", "2022-12-31"),
    ("2023-05-09", "Output fell in the first four months of 2023.", "first four months of 2023",
     "2023-01-01", "2023-04-30"),
    ("2023-05-09", "Sales in the 12 months to March reached a record.", "12 months to March", "2022-04-01",
     "2023-03-31"),
    ("2023-05-09", "The army plans to hire 8,000 soldiers next year.", "next year", "2024-01-01",
     "2024-12-31"),
    ("2023-05-09", "The plan runs from next month.", "next month", "2023-06-01", None),
    ("2023-05-09", "The line will be finished by the end of 2025.", "2025", None, "2025-12-31"),
    ("2023-05-09", "Protesters gathered again over the weekend.", "weekend", "2023-05-06", "2023-05-07"),
    ("2023-05-09", "Prices doubled between 2016 and 2021.", "2016 and 2021", "2016-01-01", "2021-12-31"),
    ("2023-05-09", "Inflation eased to 7.1% in April.", "April", "2023-04-01", "2023-04-30"),
]


@pytest.mark.parametrize(("published", "sentence", "expression", "first", "last"), CASES,
                         ids=[case[2] for case in CASES])
def test_window_is_found_and_resolved(published: str, sentence: str, expression: str,
                                      first: str | None, last: str | None) -> None:
    at = sentence.index(expression)
    windows = [w for w in find_windows(sentence, date.fromisoformat(published))
               if w.start <= at and at + len(expression) <= w.end]
    assert windows, f"no window covers {expression!r} in {sentence!r}"
    window = windows[0]
    assert window.first_day == (date.fromisoformat(first) if first else None)
    assert window.last_day == (date.fromisoformat(last) if last else None)


def test_a_sentence_without_time_has_no_window() -> None:
    assert find_windows("The ministry said 14 people were hurt.", date(2024, 3, 1)) == []


def test_windows_resolve_against_publication_not_today() -> None:
    (early,) = find_windows("Prices rose last month.", date(2020, 3, 15))
    (late,) = find_windows("Prices rose last month.", date(2025, 8, 15))
    assert (early.first_day, early.last_day) == (date(2020, 2, 1), date(2020, 2, 29))
    assert (late.first_day, late.last_day) == (date(2025, 7, 1), date(2025, 7, 31))


def test_window_gold_floor() -> None:
    """The comparison's gold (evaluation/temporal/windows.jsonl) stays above the floors of the choice."""
    import sys

    sys.path.insert(0, str(ROOT / "evaluation" / "temporal"))
    try:
        import compare
    finally:
        sys.path.pop(0)
    gold = ROOT / "evaluation" / "temporal" / "windows.jsonl"
    cases = [json.loads(line) for line in gold.read_text().splitlines()]
    found, resolved, resolvable, _ = compare.score(compare.windows_finder(), cases)
    assert found / len(cases) >= 0.95
    assert resolved / resolvable >= 0.88
