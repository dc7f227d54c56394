"""Acronyms an article defines: "the National Emergency Management Agency (NEMA)".

The name is a run of capitalised words (with "of", "for", "and", ... between them), or one capitalised word
and a lower-case head ("the UN refugee agency (UNHCR)"), right before an acronym in brackets. A regular
expression that reads the run forwards from every position takes time in the square of the run's length
(a 24 KB run of capitals took half a minute); this finds each bracketed acronym first and reads the name
backwards from it, word by word, so every character is looked at a bounded number of times.

It gives what this pattern's ``finditer`` gives (``tests/nlp/test_pathological.py`` compares the two)::

    (CAP\\s+(?:(?:of|for|and|the|on|in|from|&)\\s+|CAP\\s+)*CAP(?:LOWER_HEAD)?|CAP LOWER_HEAD)
    \\s+\\((ACRONYM)\\)

with ``CAP = [UPPER][\\w'’.-]*`` and ``LOWER_HEAD = (?:\\s+[a-z][\\w'’-]*){0,2}\\s+(?:agency|project|...)``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# "WHO", "MSF", "UNHCR", "ProZorro", "ÁSZ" (capitals of Latin-1 and Latin Extended-A count)
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
# Lower-case heads that may close a name before its acronym: "the Armed Conflict Location and Event Data
# project (ACLED)", "the UN refugee agency (UNHCR)".
NAME_HEADS = ("agency", "project", "programme", "program", "office", "council", "committee", "group",
              "network",
              "platform", "initiative", "mission", "service", "fund", "body", "organisation", "organization",
              "union", "monitor", "forum", "commission", "authority", "ministry", "department", "bureau")
CONNECTORS = frozenset({"of", "for", "and", "the", "on", "in", "from", "&"})
MAX_LOWER_WORDS = 2  # lower-case words between the last capitalised word and the head

BRACKETED = re.compile(rf"\(([{UPPER}][^\W_]{{1,7}})\)")
CAPITALISED = re.compile(rf"[{UPPER}][\w'’.-]*")
LOWER_WORD = re.compile(r"[a-z][\w'’-]*")
NAME_CHAR = re.compile(r"[\w'’.-]")
_UPPER = re.compile(rf"[{UPPER}]")


@dataclass(frozen=True, slots=True)
class Definition:
    name: str  # as written, "the" included: "the National Emergency Management Agency"
    start: int  # where the name starts
    acronym: str
    acronym_start: int  # where the acronym starts (after the bracket)
    end: int  # just after the closing bracket


def definitions(text: str, lo: int = 0, hi: int | None = None) -> Iterator[Definition]:
    """Each acronym defined in ``text[lo:hi]``, in text order (what ``finditer(text, lo, hi)`` would find)."""
    hi = len(text) if hi is None else hi
    for bracket in BRACKETED.finditer(text, lo, hi):
        name_end = bracket.start()
        while name_end > lo and text[name_end - 1].isspace():
            name_end -= 1
        if name_end == bracket.start() or name_end <= lo:
            continue  # the bracket must follow a word and a space
        start = _name_start(text, lo, name_end)
        if start is not None:
            yield Definition(text[start:name_end], start, bracket.group(1), bracket.start(1), bracket.end())



def _chunks_before(text: str, lo: int, end: int) -> Iterator[tuple[int, int]]:
    """The whitespace-separated words ending at ``end``, nearest first, none starting before ``lo``."""
    while end > lo:
        start = end
        while start > lo and not text[start - 1].isspace():
            start -= 1
        yield start, end
        end = start
        while end > lo and text[end - 1].isspace():
            end -= 1


def _kind(word: str) -> str:
    if word in CONNECTORS:
        return "connector"  # (also a lower-case word of a head: "Fund for the agency")
    if CAPITALISED.fullmatch(word):
        return "capitalised"
    return "other"


def _capital_suffix(text: str, start: int, end: int) -> int | None:
    """Where a capitalised word starts inside ``text[start:end]`` running to its end ('"Foo', "xFoo"):
    the first capital of the longest tail of name characters."""
    tail = end
    while tail > start and NAME_CHAR.match(text[tail - 1]):
        tail -= 1
    found = _UPPER.search(text, tail, end)
    return found.start() if found is not None else None


def _name_start(text: str, lo: int, name_end: int) -> int | None:
    """The leftmost start of a name ending at ``name_end``, or None when the words there make none."""
    words: list[tuple[int, int, str]] = []  # nearest first, read as far as needed
    reader = _chunks_before(text, lo, name_end)

    def word(k: int) -> tuple[int, int, str] | None:
        while len(words) <= k:
            nxt = next(reader, None)
            if nxt is None:
                return None
            words.append((nxt[0], nxt[1], _kind(text[nxt[0]:nxt[1]])))
        return words[k]

    last_words = [0]  # where the last capitalised word may stand: right before the bracket ...
    first = word(0)
    if first is not None and text[first[0]:first[1]] in NAME_HEADS:
        for lower in range(MAX_LOWER_WORDS + 1):  # ... or before a head and up to two lower-case words
            last_words.append(lower + 1)
            between = word(lower + 1)
            if between is None or not LOWER_WORD.fullmatch(text[between[0]:between[1]]):
                break
    best: int | None = None
    for k in last_words:
        start = _start_from(text, word, k, headed=k > 0)
        if start is not None and (best is None or start < best):
            best = start
    return best


def _start_from(text: str, word, k: int, headed: bool) -> int | None:
    """The leftmost start of a name whose last capitalised word is word ``k`` (nearest first)."""
    last = word(k)
    if last is None:
        return None
    if last[2] != "capitalised":
        start = _capital_suffix(text, last[0], last[1])
        return start if headed else None  # one capitalised word alone needs a head after it
    earliest = last[0]  # the farthest capitalised word of the run
    j = k + 1
    while True:
        w = word(j)
        if w is None or w[2] == "other":
            break
        if w[2] == "capitalised":
            earliest = w[0]
        j += 1
    if w is not None:
        start = _capital_suffix(text, w[0], w[1])  # '"Foo Bar (FB)': the run starts inside a word
        if start is not None:
            return start
    if earliest == last[0] and not headed:
        return None  # a name of capitalised words needs two of them
    return earliest
