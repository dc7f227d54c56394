"""Table-driven cases for periods: which period a figure's time resolves to, against its publication date.

Every row is a sentence written for the test in the manner of wire copy; none is taken from the dev set.
Each table checks one rule, so a failure names the rule that broke.
"""

from __future__ import annotations

import pytest
from wirecopy import claim_for

import claimledger

PERIODS = [
    # text, quantity, published, (start, end)
    # -- a month before the publication month is that month of the same year, not the publication month
    ("Annual inflation stood at 8.6% in September, the statistics office said.", "8.6%", "2024-10-11",
     ("2024-09-01", "2024-09-30")),
    ("Inflation in September was 8.6%, the bank said on Friday.", "8.6%", "2024-10-25",
     ("2024-09-01", "2024-09-30")),
    ("Inflation hit 8.6% in September, data released this month showed.", "8.6%", "2024-10-25",
     ("2024-09-01", "2024-09-30")),
    # ... also when the statement is dated in the publication month, and the measure is "the inflation rate"
    ("Russia's annual inflation rate reached 8.6% in September, Rosstat said in October.", "8.6%",
     "2024-10-11", ("2024-09-01", "2024-09-30")),
    ("The jobless rate stood at 2.4% in September, the agency said in October.", "2.4%", "2024-10-11",
     ("2024-09-01", "2024-09-30")),
    # -- a month after the publication month is last year's
    ("Exports fell 4% in November, the ministry said.", "4%", "2025-02-10", ("2024-11-01", "2024-11-30")),
    # -- the publication month: up to the publication day
    ("Prices rose 1.1% in October so far, early data show.", "1.1%", "2024-10-25",
     ("2024-10-01", "2024-10-25")),
    # -- "in <month> last year" / "next year"
    ("Year-on-year inflation hit 8.6% in September last year.", "8.6%", "2024-10-25",
     ("2023-09-01", "2023-09-30")),
    ("Output rose 3.2% in May last year, the agency said.", "3.2%", "2025-02-10",
     ("2024-05-01", "2024-05-31")),
    # -- two figures, two months: each its own ("to 14.3% in June from 15.9% in May")
    ("Annual inflation slowed to 14.3% in June from 15.9% in May, the statistics service said.", "15.9%",
     "2025-07-09", ("2025-05-01", "2025-05-31")),
    ("Annual inflation slowed to 14.3% in June from 15.9% in May, the statistics service said.", "14.3%",
     "2025-07-09", ("2025-06-01", "2025-06-30")),
    ("Consumer prices rose 8.6% in September, down from 9.1% in August, the office said.", "9.1%",
     "2024-10-11", ("2024-08-01", "2024-08-31")),
    # -- next year: the next calendar year; over the next year: the twelve months ahead
    ("The central bank expects inflation to fall to 4% next year.", "4%", "2024-10-25",
     ("2025-01-01", "2025-12-31")),
    ("The economy will grow 2.5% next year, the ministry forecasts.", "2.5%", "2024-10-25",
     ("2025-01-01", "2025-12-31")),
    ("Some 1.2 million children are likely to go hungry over the next year, the agency said.",
     "Some 1.2 million", "2024-10-25", ("2024-10-25", "2025-10-25")),
    # -- last year, this year
    ("Some 2,452 migrants died crossing the sea last year, the agency said.", "Some 2,452", "2025-01-10",
     ("2024-01-01", "2024-12-31")),
    ("The bank now sees prices rising by 8-8.5% this year.", "8-8.5%", "2024-10-25",
     ("2024-01-01", "2024-10-25")),
]


@pytest.mark.parametrize("text,quantity,published,period", PERIODS,
                         ids=[f"{i}-{c[1]}" for i, c in enumerate(PERIODS)])
def test_period(text, quantity, published, period):
    claim = claim_for(text, quantity, claimledger.extract(text, published=published))
    assert claim.period is not None, f"{quantity!r}: no period ({claim.time_scope}, cue {claim.scope_cue})"
    assert (claim.period.start, claim.period.end) == period
