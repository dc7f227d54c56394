"""A cheap test that lets the rules skip a pattern that cannot match a text.

The cue lexicons hold many case-insensitive patterns, and each is run over every sentence that holds a
figure (or over every clause, or the whole text): most find nothing, yet each costs a scan of the text.
Most patterns contain a stretch of plain characters that every match must hold ("every day", "verified",
"according to "); when the lower-cased text does not contain it, the pattern cannot match there and is
not run. The answer is exact, never a guess: ``may_match`` is False only when a match is impossible.

Exactness rests on two facts. The stretches are read from the compiled pattern's own parse, only from
its top-level sequence (a group without alternatives counts as part of it; look-arounds and ``\\b`` take
no characters, so the characters either side of them stay adjacent in any match). And for ASCII
characters a case-insensitive match is the same as containment in the lower-cased text, except for four
non-ASCII letters that Python's ``re`` also folds to ASCII ones ("İ", "ı", "ſ", the Kelvin sign): a text
holding one of them is not filtered at all.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]  # the parse of a compiled pattern
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

MIN_LITERAL = 3  # shorter stretches (" ", "as") are in nearly every sentence: not worth the test
FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")  # matched by an ASCII letter under IGNORECASE
ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


def folded(text: str) -> str | None:
    """What ``may_match`` tests against: the text lower-cased, or None when it cannot be filtered."""
    return None if FOLDS_TO_ASCII.search(text) else text.lower()


def may_match(pattern: re.Pattern[str], folded_text: str | None) -> bool:
    """False only when ``pattern`` cannot match the text ``folded_text`` was made from."""
    if folded_text is None:
        return True
    entry = _KNOWN.get(id(pattern))
    if entry is None or entry[0] is not pattern:
        entry = _remember(pattern)
    for literal in entry[1]:  # a loop, not all(...): asked for every pattern and sentence
        if literal not in folded_text:
            return False
    for start in entry[2]:
        if start in folded_text:
            return True
    return not entry[2]


# What each pattern seen needs, by its id: (the pattern, the stretches every match holds, the stretches one of
# which every match begins with). A compiled pattern hashes its whole program on each lookup, which made a
# cache keyed by the pattern cost more than the test. The entry keeps the pattern alive, so its id is not
# reused.
_KNOWN: dict[int, tuple[re.Pattern[str], tuple[str, ...], tuple[str, ...]]] = {}
MAX_CHOICES = 64  # more ways to begin than this: not worth the test


def _remember(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], tuple[str, ...], tuple[str, ...]]:
    entry = _KNOWN[id(pattern)] = (pattern, _read_literals(pattern), _read_prefixes(pattern))
    return entry


def _entry(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], tuple[str, ...], tuple[str, ...]]:
    """The entry of ``_KNOWN`` for ``pattern``, made on first sight (``may_match`` does the same inline)."""
    entry = _KNOWN.get(id(pattern))
    if entry is None or entry[0] is not pattern:
        entry = _remember(pattern)
    return entry


def _parse(pattern: re.Pattern[str]) -> list[tuple[Any, Any]] | None:
    """The top-level sequence of ``pattern``'s parse, or None when the parser fails."""
    try:
        return list(sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001  # an internal parser: no filter rather than a wrong one
        return None


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """The lower-cased ASCII stretches (of at least ``MIN_LITERAL`` characters) every match holds."""
    return _entry(pattern)[1]


def _read_literals(pattern: re.Pattern[str]) -> tuple[str, ...]:
    parsed = _parse(pattern)
    if parsed is None:
        return ()
    return tuple(run for run in _runs(parsed) if len(run) >= MIN_LITERAL)


def _runs(items: list[tuple[Any, Any]]) -> list[str]:
    """The stretches of adjacent literal characters of a sequence of parsed items."""
    runs, current = [], ""
    for op, arg in items:
        if op is sre.LITERAL and arg < 128:
            current += chr(arg).lower()
        elif op in ZERO_WIDTH:
            continue  # takes no characters: its neighbours stay adjacent
        elif op is sre.SUBPATTERN and (inner := _only_literals(list(arg[3]))) is not None:
            current += inner  # "(?:the )": a group of plain characters is part of the sequence
        else:
            runs.append(current)
            current = ""
    runs.append(current)
    return runs


def _only_literals(items: list[tuple[Any, Any]]) -> str | None:
    text = ""
    for op, arg in items:
        if op is sre.LITERAL and arg < 128:
            text += chr(arg).lower()
        elif op not in ZERO_WIDTH:
            return None
    return text


def required_prefixes(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """The lower-cased ASCII stretches one of which every match of ``pattern`` begins with (look-arounds
    and ``\\b`` aside), each at least ``MIN_LITERAL`` characters; empty when there are none such."""
    return _entry(pattern)[2]


def _read_prefixes(pattern: re.Pattern[str]) -> tuple[str, ...]:
    parsed = _parse(pattern)
    if parsed is None:
        return ()
    starts = _starts(parsed)
    if starts is None or any(len(text) < MIN_LITERAL for text, _ in starts):
        return ()
    return tuple(sorted({text for text, _ in starts}))


def _starts(items: list[tuple[Any, Any]]) -> list[tuple[str, bool]] | None:
    """The ways a match of the sequence ``items`` can begin: (its plain characters, lower-cased; whether
    the sequence may go on with more plain characters after them), or None when there are too many."""
    found: list[tuple[str, bool]] = [("", True)]
    for op, arg in items:
        if op in ZERO_WIDTH:
            continue  # takes no characters: its neighbours stay adjacent
        if not any(open_ for _, open_ in found):
            break
        options = _item_starts(op, arg)
        if options is None:
            return None
        grown: list[tuple[str, bool]] = []
        for text, open_ in found:
            if open_:
                grown.extend((text + more, still) for more, still in options)
            else:
                grown.append((text, False))
        if len(grown) > MAX_CHOICES:
            return None
        found = grown
    return found


def _item_starts(op: Any, arg: Any) -> list[tuple[str, bool]] | None:
    if op is sre.LITERAL:
        return [(chr(arg).lower(), True)] if arg < 128 else [("", False)]
    if op is sre.SUBPATTERN:
        return _starts(list(arg[3]))
    if op is sre.BRANCH:
        options: list[tuple[str, bool]] = []
        for branch in arg[1]:
            inner = _starts(list(branch))
            if inner is None:
                return None
            options.extend(inner)
        return options
    if op is sre.IN and all(kind is sre.LITERAL and value < 128 for kind, value in arg):
        return [(chr(value).lower(), True) for _, value in arg]
    return [("", False)]  # anything else (a class, a repeat, a group reference) ends the plain stretch
