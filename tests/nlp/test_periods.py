"""A figure's period from the window the parse attaches to it (nlp/periods.py, records.period_of), through the
whole extractor, and the pure-Python reading of the common shapes (normalize/quickwindows.py)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from claimledger import extract_documents
from claimledger.models import Document
from claimledger.nlp.periods import LIBRARY_CALLS, window_stats
from claimledger.nlp.pipeline import get_pipeline
from claimledger.nlp.runner import start_doc
from claimledger.normalize.quickwindows import NO_WINDOW, quick_window

ROOT = Path(__file__).resolve().parents[2]

PERIODS = [
    # published, text, figure, period start, period end
    ("2024-04-10", "Landmines killed or injured 312 people from January through March, the monitor said.",
     "312", "2024-01-01", "2024-03-31"),
    ("2025-04-02", "Mines killed or injured 41 civilians from January through March, the monitor said.",
     "41", "2025-01-01", "2025-03-31"),
    ("2024-12-02", "The office received 577 requests between September and November.", "577",
     "2024-09-01", "2024-11-30"),
    ("2024-02-06", "In the last three months of 2023, the refiner reported earnings of $3 billion.",
     "$3 billion", "2023-10-01", "2023-12-31"),
    ("2024-11-26", "Imports have fallen by 9% since April 2023, the customs service said.", "9%",
     "2023-04-01", "2024-11-26"),
    ("2025-09-19", "The council approved 310 building permits in July and August.", "310",
     "2025-07-01", "2025-08-31"),
    # a window that holds publication ends at it (tests/nlp/test_period_rules.py's convention)
    ("2025-08-19", "The council approved 310 building permits in July and August.", "310",
     "2025-07-01", "2025-08-19"),
    ("2025-09-01", "Output in the 12 months to June rose 2.4%.", "2.4%", "2024-07-01", "2025-06-30"),
]


def _period(published: str, text: str, figure: str) -> tuple[str | None, str | None] | None:
    ((_, claims),) = list(extract_documents([Document(text=text, published=published)]))
    claim = next(c for c in claims if figure in c.text)
    return None if claim.period is None else (claim.period.start, claim.period.end)


@pytest.mark.parametrize(("published", "text", "figure", "start", "end"), PERIODS,
                         ids=[f"{p[2]}@{p[0]}" for p in PERIODS])
def test_the_attached_window_is_the_period(published: str, text: str, figure: str, start: str,
                                           end: str) -> None:
    assert _period(published, text, figure) == (start, end)


def test_a_statement_date_is_not_the_figure_period() -> None:
    period = _period("2024-09-16", "Officials said on Monday that 27 people had died.", "27")
    assert period != ("2024-09-16", "2024-09-16")


def test_the_window_resolves_against_publication() -> None:
    text = "The agency received 577 asylum requests between September and November."
    assert _period("2021-12-02", text, "577") == ("2021-09-01", "2021-11-30")
    assert _period("2024-12-02", text, "577") == ("2024-09-01", "2024-11-30")


def test_period_measure_holds() -> None:
    """evaluation/temporal/periods.py on its 52 sentences: the measure this wiring was built against."""
    import sys

    sys.path.insert(0, str(ROOT / "evaluation" / "temporal"))
    try:
        import periods
    finally:
        sys.path.pop(0)
    cases = [json.loads(line) for line in (ROOT / "evaluation" / "temporal" / "periods.jsonl").read_text()
             .splitlines()]
    assert periods.measure(cases)["exact"] >= 0.9


def test_library_calls_are_capped_per_document() -> None:
    """Expressions only the library reads cost ~100 ms each: past the cap they are counted, not read."""
    sentences = [f"Prices rose {n}% in late {month} {2010 + n}." for n, month in
                 enumerate(["October", "May", "June", "July", "March", "April"], start=1)]
    text = " ".join(sentences).replace("late", "the Easter week of")
    nlp = get_pipeline()
    document = Document(text=text, published="2024-05-01")
    doc = nlp(start_doc(nlp, text, document))
    stats = window_stats(doc)
    assert stats["library"] <= LIBRARY_CALLS
    assert stats["library"] + stats["capped"] >= 1


QUICK = [
    # expression, published, first, last, kind
    ("from January through March", "2024-04-10", "2024-01-01", "2024-03-31", "span"),
    ("between September and November", "2024-12-02", "2024-09-01", "2024-11-30", "span"),
    ("the last three months of 2023", "2024-02-06", "2023-10-01", "2023-12-31", "span"),
    ("since April 2023", "2024-11-26", "2023-04-01", "2024-11-26", "since"),
    ("the past two weeks", "2025-06-20", "2025-06-06", "2025-06-20", "trailing"),
    ("on Sunday", "2024-09-16", "2024-09-15", "2024-09-15", "day"),
    ("by March", "2026-11-12", None, "2027-03-31", "open"),
    ("the last week of December", "2025-01-28", "2024-12-25", "2024-12-31", "span"),
]


@pytest.mark.parametrize(("expression", "published", "first", "last", "kind"), QUICK,
                         ids=[q[0] for q in QUICK])
def test_quick_reading(expression: str, published: str, first: str | None, last: str | None,
                       kind: str) -> None:
    reading = quick_window(expression, date.fromisoformat(published))
    assert reading is not None
    assert (reading.first, reading.last, reading.kind) == (
        date.fromisoformat(first) if first else None, date.fromisoformat(last) if last else None, kind)


@pytest.mark.parametrize("expression",
                         ["three days", "annual", "the same period", "78-year-old", "a year earlier"])
def test_durations_and_anaphora_are_no_window(expression: str) -> None:
    assert quick_window(expression, date(2024, 5, 1)) is NO_WINDOW


def test_quick_reading_agrees_with_the_gold() -> None:
    """On the library comparison's gold, the quick path reads what a reader reads wherever it answers."""
    gold = ROOT / "evaluation" / "temporal" / "windows.jsonl"
    cases = [json.loads(line) for line in gold.read_text().splitlines()]
    answered = agreed = 0
    for case in cases:
        reading = quick_window(case["expression"], date.fromisoformat(case["published"]))
        if reading is None or reading is NO_WINDOW:
            continue
        answered += 1
        got = (reading.first and reading.first.isoformat(), reading.last and reading.last.isoformat())
        agreed += got == (case["start"], case["end"])
    assert answered >= 55
    assert agreed / answered >= 0.96


def _library_reading(sentence: str, expression: str, published: date):
    """What ``periods._resolve`` takes from Recognizers-Text for ``expression`` inside ``sentence``."""
    from claimledger.normalize.quickwindows import Reading, kind_of
    from claimledger.normalize.windows import find_windows

    start = sentence.index(expression)
    end = start + len(expression)
    best, overlap = None, 0
    for window in find_windows(sentence, published):
        shared = min(window.end, end) - max(window.start, start)
        if shared > overlap:
            best, overlap = window, shared
    if best is None:
        return NO_WINDOW
    first, last = best.first_day, best.last_day
    return Reading(first, last, kind_of(best.text, first, last, published))


# shapes the quick reader takes from the library's path (issue 11): read exactly as the library reads them
LIBRARY_SHAPES = [
    ("2025-02-13", "Exports of grain fell to 3.1 million tonnes last August, it said.", "last August"),
    ("2024-11-26", "Ticket sales reached 41,000 last November at the festival.", "last November"),
    ("2026-08-20", "The ferry carried 12,500 passengers last August on the route.", "last August"),
    ("2025-03-02", "Rainfall was 48 mm last February across the valley.", "last February"),
    ("2024-07-09", "Orders have risen 14% since last October, the firm said.", "since last October"),
    ("2025-01-30", "The council has approved 220 permits since last March.", "since last March"),
    ("2025-02-13", "The club sold 18,000 season tickets in 2025-26, its chairman said.", "2025-26"),
    ("2024-11-26", "The trust treated 96,000 patients in 2022-23, up from the year before.", "2022-23"),
    ("2026-05-05", "Spending is set to reach $4.2 billion in 2028-29 under the plan.", "2028-29"),
    ("2021-06-01", "The region lost 7,300 jobs in 2019-20 as mills closed.", "2019-20"),
    ("2025-02-13", "Fees have doubled since 2022-23 at the college.", "since 2022-23"),
    ("2025-12-20", "Sales reached 9,000 last December in the shop.", "last December"),
    ("2025-02-13", "Sales have grown 9% since last December.", "since last December"),
]


@pytest.mark.parametrize(("published", "sentence", "expression"), LIBRARY_SHAPES,
                         ids=[e for _, _, e in LIBRARY_SHAPES])
def test_quick_reading_of_library_shapes_is_the_librarys(published: str, sentence: str,
                                                         expression: str) -> None:
    day = date.fromisoformat(published)
    reading = quick_window(expression, day)
    assert reading is not None and reading is not NO_WINDOW
    assert reading == _library_reading(sentence, expression, day)


@pytest.mark.parametrize("expression",
                         ["1999-00", "2025-27", "2024-23", "last Sept", "between 2022-23 and 2024-25"])
def test_shapes_not_compared_with_the_library_are_left_to_it(expression: str) -> None:
    assert quick_window(expression, date(2025, 2, 13)) is None
