"""Where a figure may start: the scanner's core pattern tried only there, with the same answers.

The core pattern of ``QuantityScanner`` tries a dozen alternatives at every position of a text, about
2 µs a character: 4 s for 2 MiB holding no figure at all, and the same again for every search of a scan.
Yet every alternative of it starts at one of a few kinds of position:

- a digit or a vulgar fraction ("1,480", "½");
- a "." before a digit (".5");
- the start of a word whose first run of letters is the first run of a number word or of a vague or
  article phrase from the lexicon ("twenty-one", "tens of thousands", "a couple of"), of "half", "twice"
  or "a", "an", "one" to "ten" (shares and fractions); that run is followed by a character that is not a
  letter or, in "twofold", by "fold"; and "a" and "an" are always followed by a space or a hyphen ("a
  third", "an estimated", "a-third"), unless the lexicon has a phrase where they are not;
- and, for fractions only, inside a word (the core finds "a third" in "Twicea third." and "ten and a half"
  in "often and a half."): "a", "an" or "one" before a part's name, and, in a text where "and a" comes
  before a part's name, any of the words above before a space or hyphen.

``FigureStarts`` finds those positions with one small pattern over the text folded to lower case (the
pattern is a trie of the words, so a word start costs a character test or two), and ``FigureSearch``
tries the core pattern at each of them in turn: the first that matches is what ``search`` would have
found, since a search is a match tried at each position from the left. It is never slower than the plain
search, which pays the same failed match at each of those positions and a cheaper one at every other;
only text dense with starts that are not figures ("1a 1a 1a ...": 3 µs a character) costs about as much.

Folding is ``lower()`` after the four characters that ``re.IGNORECASE`` equates with an ASCII letter
whose lower case is not that letter (İ ı ſ; the Kelvin sign lowers to "k" by itself): it keeps the
text's length, its word boundaries, digits and letters (checked over every code point in the tests), so
positions in the folded text are positions in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from claimledger.normalize.numbers import ORDINAL_PARTS

ARTICLES = ("a", "an")  # followed by a space or hyphen wherever the core pattern reads them
SHARE_WORDS = ("half", "twice", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
FIRST_RUN = re.compile(r"[^\W\d_]+")


def fold(text: str) -> str:
    """``text`` in lower case, of the same length, with İ ı ſ as the ASCII letters they match."""
    if text.isascii():
        return text.lower()
    return text.replace("\u0130", "i").replace("\u0131", "i").replace("\u017f", "s").lower()


def trie(words: Iterable[str]) -> str:
    """A regex matching exactly ``words``, shared prefixes factored out ("t(?:en|hree|wo)")."""
    children: dict[str, list[str]] = {}
    ends = False
    for word in sorted(set(words)):
        if word:
            children.setdefault(word[0], []).append(word[1:])
        else:
            ends = True
    if not children:
        return ""
    alternatives = [re.escape(first) + trie(rest) for first, rest in children.items()]
    if ends:
        return f"(?:{'|'.join(alternatives)})?"
    return alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"


class FigureStarts:
    """The positions where the core pattern of a scanner may match; ``phrases`` are every number word,
    vague phrase and article phrase of its lexicon, ``vulgar`` the vulgar fractions it reads."""

    def __init__(self, phrases: Iterable[str], vulgar: str) -> None:
        runs: set[str] = set(SHARE_WORDS)
        others: set[str] = set()  # first characters of phrases that start with neither letter nor digit
        articles_spaced = True
        for phrase in phrases:
            folded = fold(phrase)
            run = FIRST_RUN.match(folded)
            if run is None:
                if folded and not folded[0].isdigit():
                    others.add(folded[0])
                continue
            runs.add(run.group())
            follows = folded[run.end():run.end() + 1]
            if run.group() in ARTICLES and not (follows.isspace() or follows == "-"):
                articles_spaced = False
        part = trie({*ORDINAL_PARTS, *runs} - set(ARTICLES))  # "third"; "twenty-first" starts with a number
        # a folded ASCII letter is itself; a word of another script is matched as the core does, ignoring case
        flags = 0 if all(w.isascii() for w in (*runs, part)) else re.IGNORECASE
        starts = [rf"[\d{re.escape(vulgar)}]", r"\.(?=\d)",
                  rf"\b(?={trie(runs - set(ARTICLES) if articles_spaced else runs | set(ARTICLES))}"
                  r"(?:(?![^\W\d_])|fold))",  # a word not followed by a letter, but "twofold"
                  r"\b(?=an?[\s-])",
                  # a fraction may start inside a word ("Twicea third."): its "a" or "one" is not looked
                  # for at a word's start only
                  rf"(?=(?:an?|one)[\s-]+{part})"]
        starts += [f"[{''.join(re.escape(c) for c in sorted(others))}]"] if others else []
        self.pattern = re.compile("|".join(starts), flags)
        # "often and a half.": so may the number word of a spelled fraction; only where one is written
        self.and_a_part = re.compile(rf"and\s+(?:an?|one)[\s-]+{part}", flags)
        self.pattern_and = re.compile("|".join([*starts, rf"(?={trie(runs | set(ARTICLES))}[\s-])"]), flags)

    def search(self, text: str) -> FigureSearch:
        return FigureSearch(self, text)


class FigureSearch:
    """``pattern.search(text, pos)`` for one text and patterns that match only where a figure may start."""

    def __init__(self, starts: FigureStarts, text: str) -> None:
        self.text = text
        self.folded = fold(text)
        self.starts = starts.pattern_and if starts.and_a_part.search(self.folded) else starts.pattern

    def __call__(self, pattern: re.Pattern[str], pos: int = 0) -> re.Match[str] | None:
        for start in self.starts.finditer(self.folded, pos):
            match = pattern.match(self.text, start.start())
            if match is not None:
                return match
        return None
