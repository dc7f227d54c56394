"""Pure number parsing: "1,480" → 1480, "1.2" → 1.2, "twenty-five" → 25, "two hundred" → 200."""

from __future__ import annotations

import re
from collections.abc import Mapping

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


def parse_digits(text: str) -> float:
    """A figure written with digits; thousands separators are commas ("733,830")."""
    cleaned = text.replace(",", "").replace("\u202f", "").replace("\u00a0", "")
    return float(cleaned)


def parse_number_words(text: str, words: Mapping[str, float], scales: Mapping[str, float]) -> float | None:
    """Spelled-out numbers: "twenty-five", "two hundred", "three thousand five hundred".

    Returns None when a word is not a number word, so callers can reject the match.
    """
    total = 0.0
    current = 0.0
    seen = False
    for word in re.split(r"[\s-]+", text.lower().strip()):
        if not word or word == "and":
            continue
        if word == "hundred":
            current = (current or 1) * 100
        elif word in scales and scales[word] >= 1000 and word.isalpha() and len(word) > 2:
            total += (current or 1) * scales[word]
            current = 0
        elif word in words:
            current += words[word]
        else:
            return None
        seen = True
    return total + current if seen else None


def is_digit_figure(text: str) -> bool:
    return bool(_DIGITS.match(text))
