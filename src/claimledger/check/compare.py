"""One comparison of two stated numbers, used by every check that compares figures.

A stated figure stands for an interval of true values: "over 10,000" is [10,000, ∞), "up to 30,000" is
[0, 30,000], "between 275,000 and 325,000" is the range, an exact figure is as precise as its last non-zero
digit, to two significant figures at least ("1,480": ±5; "1.2 million": ±50,000; "10,000": ±500), and
"about" is what rounds to it at its last non-zero digit, up to a tenth ("about 700,000": ±50,000; "about one
million": ±100,000; "an estimated 741,200": ±50). Two figures agree when their intervals meet. The
reference-series check compares a claim with a series value (an exact point) and the cross-source check two
claims through this same function, so one pair of numbers gets one verdict.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache

from claimledger.models import Claim
from claimledger.nlp.lexicon import load_table, phrase_alternation

ABOUT_AT_MOST = 0.1  # "about" allows rounding at its last digit, up to a tenth of the figure
BOUNDS = ("exact", "about", "at_least", "at_most", "range", "measured")


@dataclass(frozen=True)
class Stated:
    """A number as stated: its value, its bound, and the high end of a range."""

    value: float
    bound: str = "exact"
    high: float | None = None

    @classmethod
    def of(cls, claim: Claim) -> Stated:
        return cls(claim.value, claim.bound, claim.high)


@lru_cache(maxsize=65536)
def rounding_step(value: float) -> float:
    """The place of the last non-zero digit: 741,200 -> 100; 10,000 -> 10,000; 8.6 -> 0.1; 0 -> 1."""
    if value == 0 or not math.isfinite(value):
        return 1.0
    d = Decimal(repr(abs(float(value)))).normalize()
    return float(Decimal(1).scaleb(d.as_tuple().exponent))  # type: ignore[arg-type]


@lru_cache(maxsize=65536)
def interval(s: Stated) -> tuple[float, float]:
    """The true values a stated figure allows."""
    v = s.value
    if s.bound == "measured":  # a reference series' value: the number itself
        return v, v
    if s.bound == "at_least":
        return v, math.inf
    if s.bound == "at_most":
        return (0.0 if v >= 0 else -math.inf), v
    if s.bound == "range" and s.high is not None:
        return v - rounding_step(v) / 2, s.high + rounding_step(s.high) / 2
    step = rounding_step(v)
    if s.bound == "about":
        # what rounds to it at its last non-zero digit, but never more than a tenth either way: "about
        # 700,000" is 650,000-750,000; "about one million" is 900,000-1.1 million, not half a million
        half = min(step / 2, ABOUT_AT_MOST * abs(v))
        return v - half, v + half
    # a figure stated without "about" is taken as precise to at least two significant figures: "10,000" may
    # be 10,400 but not 14,000 (a reporter who rounds that far says "about")
    if v:
        step = min(step, 10.0 ** (math.floor(math.log10(abs(v))) - 1))
    return v - step / 2, v + step / 2


def agree(a: Stated, b: Stated) -> bool:
    """Whether two stated figures can be the same number: their intervals meet."""
    lo_a, hi_a = interval(a)
    lo_b, hi_b = interval(b)
    eps = 1e-9 * max(1.0, abs(a.value), abs(b.value))
    return lo_a <= hi_b + eps and lo_b <= hi_a + eps


def not_decreasing(earlier: Stated, later: Stated) -> bool:
    """Along a cumulative series: a later total may be larger, never smaller than the earlier one allows."""
    lo_earlier, _ = interval(earlier)
    _, hi_later = interval(later)
    eps = 1e-9 * max(1.0, abs(earlier.value), abs(later.value))
    return lo_earlier <= hi_later + eps


def verdict(ok: bool) -> str:
    return "consistent" if ok else "inconsistent"


# -- a stated conversion's own bound and rounding ---------------------------------------------------------

@cache
def _bound_words() -> list[tuple[re.Pattern[str], re.Pattern[str], str]]:
    """Per bound: its words at the start of a text, and its words right before a text."""
    table = load_table("quantities").get("bounds", {})
    out = []
    for bound in ("at_least", "at_most", "about"):
        words = table.get(bound, [])
        if words:
            alternation = phrase_alternation(words)
            out.append((re.compile(rf"^(?:{alternation})(?=[\s$€£¥~\d])", re.IGNORECASE),
                        re.compile(rf"(?<![\w-])(?:{alternation})\s*$", re.IGNORECASE), bound))
    return out


def own_bound(claim: Claim) -> str:
    """The bound a stated conversion gives itself: "about" in "UAH 40 billion, or about $1 billion".

    The record gives a conversion the bound of the amount it converts (the schema's rule); the check reads
    the conversion's own words, at the start of its text or right before it in the sentence (after the
    bracket or comma that opens the conversion, so the converted amount's "up to" is not taken).
    """
    text = claim.text.strip()
    at = claim.sentence.find(claim.text) if claim.sentence and claim.text else -1
    before = claim.sentence[max(0, at - 30):at] if at > 0 else ""
    before = re.split(r"[(,;]", before)[-1]
    for at_start, at_end, bound in _bound_words():
        if at_start.search(text) or at_end.search(before):
            return bound
    return "exact"


@lru_cache(maxsize=65536)
def significant_figures(value: float) -> int:
    """Significant figures as written: 160 -> 2, 1,000,000,000 -> 1, 3,854 -> 4."""
    if value == 0:
        return 1
    d = Decimal(repr(abs(float(value)))).normalize()
    return len(d.as_tuple().digits)


def rounds_to(expected: float, stated: float) -> bool:
    """Whether `expected` rounded to the significant figures of `stated` (one or two) gives `stated`."""
    n = significant_figures(stated)
    if n > 2 or expected <= 0:
        return False
    magnitude = math.floor(math.log10(abs(stated))) - n + 1
    unit = 10 ** magnitude
    return round(expected / unit) == round(stated / unit)


__all__ = ["BOUNDS", "Stated", "agree", "interval", "not_decreasing", "own_bound", "rounding_step",
           "rounds_to", "significant_figures", "verdict"]
