"""A cheap, dependency-free English check: the share of common English function words.

News prose in English is roughly a fifth function words ("the", "of", "and" ...); other languages in
Latin script score near zero, and text in another script is named by its script.
"""

from __future__ import annotations

import re
import unicodedata

SAMPLE_CHARS = 2000
MIN_ENGLISH_SHARE = 0.08
MIN_WORDS = 8  # below this there is too little text to judge; let it through

FUNCTION_WORDS = frozenset(
    "the of and to a in that is was for on with as by at from it its be are were has have had this "
    "an or not but which said he she they their his her will would been more than after about who "
    "into over also there up out one all we our".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SCRIPTS = ("CYRILLIC", "ARABIC", "HEBREW", "GREEK", "CJK", "HANGUL", "HIRAGANA", "KATAKANA",
            "DEVANAGARI", "THAI", "GEORGIAN", "ARMENIAN")


def _script_of(letter: str) -> str:
    name = unicodedata.name(letter, "")
    for script in _SCRIPTS:
        if name.startswith(script):
            return script.title() if script != "CJK" else "Chinese/Japanese"
    return "Latin"


def dominant_script(sample: str) -> str:
    """The script most letters of ``sample`` are written in ("Latin", "Cyrillic", ...)."""
    counts: dict[str, int] = {}
    for ch in sample:
        if ch.isalpha():
            script = _script_of(ch)
            counts[script] = counts.get(script, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else "Latin"


def not_english_reason(text: str) -> str | None:
    """None when ``text`` reads as English.

    Otherwise the skip reason ("not English (looks like Cyrillic)").
    """
    sample = text[:SAMPLE_CHARS]
    script = dominant_script(sample)
    if script != "Latin":
        return f"not English (looks like {script} script)"
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return None
    share = sum(w in FUNCTION_WORDS for w in words) / len(words)
    if share >= MIN_ENGLISH_SHARE:
        return None
    return f"not English (looks like another Latin-script language: {share:.0%} English function words)"
