"""Table-driven cases for the number normaliser (claimledger.normalize.numbers), by kind."""

from __future__ import annotations

import pytest

from claimledger.nlp.quantities import default_scanner
from claimledger.normalize.numbers import (
    parse_digits,
    parse_number_words,
    parse_spelled_fraction,
    share_percent,
)


@pytest.fixture(scope="module")
def tables():
    scanner = default_scanner()
    return scanner.number_words, scanner.scales


WRITTEN_OUT = [  # cardinals written in words
    ("two hundred and five", 205),
    ("two thousand and two hundred", 2200),
    ("fifty - two", 52),
    ("twenty-one", 21),
    ("two hundred point seventy-one", 200.71),
    ("nine point nought four", 9.04),
    ("nought", 0),
    ("three four", None),  # figures one by one, not one number
    ("twenty thirty", None),
]


@pytest.mark.parametrize("text,expected", WRITTEN_OUT, ids=[c[0] for c in WRITTEN_OUT])
def test_written_out_numbers(tables, text, expected):
    value = parse_number_words(text, *tables)
    assert value == (pytest.approx(expected) if expected is not None else None)


SPELLED_FRACTIONS = [  # a spelled fraction: numerator, then a part named by an ordinal
    ("three fifths", 0.6),
    ("twenty-three fifths", 4.6),
    ("a trillionth", 1e-12),
    ("a hundred trillionths", 1e-10),
    ("one hundred and three quarters", 100.75),
    ("two and fifty-four hundredths", 2.54),
    ("three twenty-firsts", 3 / 21),
    ("one hundred thirty fifths", 100 / 35),
    ("one hundred and thirty-two fifths", 26.4),
    ("six million and two thirds", 6e6 + 2e6 / 3),
    ("twenty-one", None),  # no part named
]


@pytest.mark.parametrize("text,expected", SPELLED_FRACTIONS, ids=[c[0] for c in SPELLED_FRACTIONS])
def test_spelled_fractions(tables, text, expected):
    value = parse_spelled_fraction(text, *tables)
    assert value == (pytest.approx(expected, rel=1e-9) if expected is not None else None)


SHARES = [(1 / 3, 33.3), (2 / 3, 66.7), (0.5, 50.0), (0.2, 20.0), (1 / 1250, 0.08), (1 / 21, 4.8),
          (1 / 3000, 0.033)]


@pytest.mark.parametrize("fraction,percent", SHARES)
def test_share_percent_rounds_as_the_guide_says(fraction, percent):
    assert share_percent(fraction) == percent


DIGITS = [("733,830", 733830), ("1 234 567", 1234567), ("40 000", 40000), ("1,234.567", 1234.567),
          (".5", 0.5), ("3,5", 3.5), ("2,45", 2.45), ("12,5", 12.5), ("1,250", 1250), ("3,50,000", 350000)]


@pytest.mark.parametrize("text,expected", DIGITS, ids=[c[0] for c in DIGITS])
def test_digits(text, expected):
    assert parse_digits(text) == pytest.approx(expected)
