"""The quantity layer on its own: how figures, amounts, ranges and bounds are read (no spaCy)."""

from __future__ import annotations

import pytest

from claimledger.nlp.quantities import find_quantities

CASES = [
    # text, expected (quantity text, value, high, bound, unit) of the first mention
    ("offers of 400,000 rubles (the", ("400,000 rubles", 400000, None, "exact", "RUB")),
    ("the equivalent of $3,800)", ("$3,800", 3800, None, "exact", "USD")),
    ("a $1bn package", ("$1bn", 1e9, None, "exact", "USD")),
    ("a €50m grant", ("€50m", 5e7, None, "exact", "EUR")),
    ("UAH 1.5 billion for repairs", ("UAH 1.5 billion", 1.5e9, None, "exact", "UAH")),
    ("1.2 million people", ("1.2 million", 1.2e6, None, "exact", None)),
    ("12 million hryvnias", ("12 million hryvnias", 1.2e7, None, "exact", "UAH")),
    ("£3 million in aid", ("£3 million", 3e6, None, "exact", "GBP")),
    ("US$40 million", ("US$40 million", 4e7, None, "exact", "USD")),
    ("RUB 3.5 trillion", ("RUB 3.5 trillion", 3.5e12, None, "exact", "RUB")),
    ("5 million euros", ("5 million euros", 5e6, None, "exact", "EUR")),
    ("between 500 and 700 people", ("between 500 and 700", 500, 700, "range", None)),
    ("1,000-1,500 troops", ("1,000-1,500", 1000, 1500, "range", None)),
    ("500 to 700 homes", ("500 to 700", 500, 700, "range", None)),
    ("1.5-2 million refugees", ("1.5-2 million", 1.5e6, 2e6, "range", None)),
    ("$3-4 billion", ("$3-4 billion", 3e9, 4e9, "range", "USD")),
    ("over 1,000 men", ("over 1,000", 1000, None, "at_least", None)),
    ("more than 40 drones", ("more than 40", 40, None, "at_least", None)),
    ("at least 12 people", ("at least 12", 12, None, "at_least", None)),
    ("nearly 3,000 homes", ("nearly 3,000", 3000, None, "at_most", None)),
    ("up to 500 troops", ("up to 500", 500, None, "at_most", None)),
    ("about 200 people", ("about 200", 200, None, "about", None)),
    ("an estimated 733,830 troops", ("an estimated 733,830", 733830, None, "about", None)),
    ("some 70 villages", ("some 70", 70, None, "about", None)),
    ("1,000+ volunteers", ("1,000+", 1000, None, "at_least", None)),
    ("200 or more", ("200 or more", 200, None, "at_least", None)),
    ("15% of homes", ("15%", 15, None, "exact", "percent")),
    ("4.5 per cent inflation", ("4.5 per cent", 4.5, None, "exact", "percent")),
    ("up 3 percentage points", ("3 percentage points", 3, None, "exact", "percentage point")),
    ("a dozen drones", ("a dozen", 12, None, "exact", None)),
    ("three people died", ("three", 3, None, "exact", None)),
    ("twenty-five soldiers", ("twenty-five", 25, None, "exact", None)),
    ("two hundred and fifty people", ("two hundred and fifty", 250, None, "exact", None)),
    ("half a million people", ("half a million", 5e5, None, "exact", None)),
    ("tens of thousands of people", ("tens of thousands", 1e4, None, "at_least", None)),
]

NOT_QUANTITIES = ["the 20th Guards", "Su-25 jets", "COVID-19 cases", "F-16 pilots", "a 155mm shell", "a 50m budget",
                  "9/11 attacks", "open 24/7"]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0] for c in CASES])
def test_reads_quantity(text, expected):
    mentions = find_quantities(text)
    assert mentions, f"no quantity found in {text!r}"
    m = mentions[0]
    assert (m.text, m.value, m.high, m.bound, m.unit) == expected
    assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_names_and_measures_are_not_quantities(text):
    assert find_quantities(text) == []


def test_change_is_two_figures_not_a_range():
    texts = [m.text for m in find_quantities("prices rose from 500 to 700 rubles")]
    assert texts == ["500", "700 rubles"]


def test_pounds_of_weight_are_not_money():
    assert find_quantities("500 pounds of explosives")[0].unit == "pound"  # a weight, not GBP


def test_vague_magnitudes_are_flagged():
    mentions = find_quantities("thousands of dollars")
    assert mentions[0].vague and mentions[0].unit == "USD"
