"""Pure number parsing: "1,480" → 1480, "1.2" → 1.2, "twenty-five" → 25, "two hundred" → 200."""

from __future__ import annotations

import re
from collections.abc import Mapping

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


_DECIMAL_COMMA = re.compile(r"^\d{1,3},\d{1,2}$")


def parse_digits(text: str) -> float:
    """A figure written with digits; thousands separators are commas ("733,830"); a comma before one or two
    final digits is a decimal comma ("3,5" → 3.5, guide G-9)."""
    if _DECIMAL_COMMA.match(text):
        return float(text.replace(",", "."))
    if text.count(".") > 1:  # "1.500.000": thousands grouped by dots
        text = text.replace(".", "")
    cleaned = text.replace(",", "").replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
    return float(cleaned)


def parse_number_words(text: str, words: Mapping[str, float], scales: Mapping[str, float]) -> float | None:
    """Spelled-out numbers: "twenty-five", "two hundred", "three thousand five hundred".

    Returns None when a word is not a number word, so callers can reject the match.
    """
    whole, _, decimals = re.sub(r"\s+", " ", text.lower().strip()).partition(" point ")
    if decimals:  # "five point five", "two hundred point zero three"
        digits = [parse_number_words(w, words, scales) for w in decimals.split()]  # "point seventy-one"
        integer = parse_number_words(whole, words, scales)
        if integer is None or any(d is None for d in digits):
            return None
        return float(f"{int(integer)}.{''.join(str(int(d)) for d in digits if d is not None)}")
    total = 0.0
    current = 0.0
    seen = False
    for word in re.split(r"[\s-]+", whole):
        if not word or word == "and":
            continue
        if word in ("hundred", "dozen"):  # "two hundred", "three dozen"
            current = (current or 1) * (100 if word == "hundred" else 12)
        elif word in scales and scales[word] >= 1000 and word.isalpha() and len(word) > 2:
            total += (current or 1) * scales[word]
            current = 0
        elif word in words:
            if (words[word] < 10 and current % 10) or (10 <= words[word] < 100 and current % 100):
                return None  # "three-nought-four", "twenty thirty": figures one by one, not one number
            current += words[word]
        else:
            return None
        seen = True
    return total + current if seen else None


YEARS = (1800, 2100)  # a bare four-digit figure in this span reads as a year, not a count


def looks_like_year(figure: str) -> bool:
    """ "2024", "1991": four digits in the span of years news writes."""
    return len(figure) == 4 and figure.isdigit() and YEARS[0] <= int(figure) <= YEARS[1]


def is_digit_figure(text: str) -> bool:
    return bool(_DIGITS.match(text))


# The parts a whole is cut into, as a reporter writes them ("a third", "three quarters", "two-fifths").
DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                "eighth": 8, "ninth": 9, "tenth": 10, "hundredth": 100, "thousandth": 1000}
NUMERATORS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
              "nine": 9, "ten": 10}


# Ordinals that name parts in a spelled fraction ("twenty-three fifths", "a trillionth", "three twentieths");
# "first" and "second" are left out: "the twenty-first", "three seconds" are not fractions.
ORDINAL_PARTS = {**DENOMINATORS, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
                 "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
                 "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
                 "seventieth": 70, "eightieth": 80, "ninetieth": 90, "millionth": 10**6, "billionth": 10**9,
                 "trillionth": 10**12}


def ordinal_part(word: str) -> int | None:
    """ "fifths" → 5, "quarter" → 4, "trillionths" → 10**12; None for any other word."""
    word = word.lower()
    if word == "halves":
        return 2
    return ORDINAL_PARTS.get(word[:-1] if word.endswith("s") else word)


TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
UNIT_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                 "eighth": 8, "ninth": 9}


def parse_spelled_fraction(
    text: str, words: Mapping[str, float], scales: Mapping[str, float]
) -> float | None:
    """ "twenty-three fifths" → 4.6, "a hundred trillionths" → 1e-10, "one hundred and three quarters" →
    100.75, "two and fifty-four hundredths" → 2.54, "three twenty-firsts" → 3/21, "one hundred thirty fifths"
    → 100/35; None unless the last words name a part."""
    tokens = [t for t in re.split(r"[\s-]+", text.lower().strip()) if t]
    if len(tokens) < 2:
        return None
    last = tokens[-1][:-1] if tokens[-1].endswith("s") else tokens[-1]
    if last in UNIT_ORDINALS and tokens[-2] in TENS and len(tokens) > 2 and tokens[-3] != "and":
        denominator: float | None = TENS[tokens[-2]] + UNIT_ORDINALS[last]  # "twenty-firsts", "thirty fifths"
        head = tokens[:-2]
    else:
        denominator, head = ordinal_part(tokens[-1]), tokens[:-1]
    if denominator is None:
        return None
    whole, scale = 0.0, 1.0
    if "and" in head:  # "one hundred and three quarters": a whole and a part
        cut = len(head) - 1 - head[::-1].index("and")
        left = parse_number_words(" ".join(head[:cut]), words, scales)
        part = head[cut + 1:]
        numerator = 1.0 if part in (["a"], ["an"]) else parse_number_words(" ".join(part), words, scales)
        if left is not None and numerator is not None and numerator < denominator:
            scale = max([scales[w] for w in head[:cut] if scales.get(w, 0) >= 1000 and w.isalpha()] or [1.0])
            return left + numerator / denominator * scale  # "six million and two thirds": of the scale
    numerator = 1.0 if head in (["a"], ["an"]) else \
        parse_number_words(" ".join(w for w in head if w not in ("a", "an")), words, scales)
    if numerator is None:  # "one hundred and thirty-two fifths": one numerator with its "and"
        return None
    return whole + numerator / denominator


def parse_fraction(text: str) -> float | None:
    """ "a third" → 1/3, "two-thirds" → 2/3, "three quarters" → 0.75; None when it is not a fraction."""
    words = re.split(r"[\s-]+", text.lower().strip())
    if len(words) != 2 or words[0] not in NUMERATORS:
        return None
    part = words[1]
    if part == "halves":
        part = "half"
    elif part.endswith("s") and part[:-1] in DENOMINATORS:
        part = part[:-1]
    if part not in DENOMINATORS:
        return None
    return NUMERATORS[words[0]] / DENOMINATORS[part]


def share_percent(fraction: float) -> float:
    """A fraction of a whole as the percent it means (guide 14): one decimal ("a third" → 33.3), or two
    significant figures below one percent ("1 in 1,250" → 0.08)."""
    percent = fraction * 100
    if abs(percent) >= 1:
        return round(percent, 1)
    return float(f"{percent:.2g}")
