"""The scanner's core pattern tried only where a figure may start finds what a plain search finds."""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

from claimledger.nlp import figurestarts
from claimledger.nlp.figurestarts import FigureStarts, fold
from claimledger.nlp.quantities import default_scanner

ROOT = Path(__file__).resolve().parents[2]
TRICKY = ["a", "an", "A", "An", "a-", "the", "of", "by", "half", "twice", "times", "fold", "twofold",
          "Two-fold", "tenfold", "1a", "ſix", "İ", "ıı", "K", "SIX", "sıx", "one-third", "a third",
          "three quarters", "1/2", "9/11", "½", "2½", ".5", "0.5", "1,200", "12,34,567", "1 234 567",
          "40 000", "$5", "USD10m", "Rs500", "£45million", "1.2e6", "10^3", "5x10^6", "in", "out of",
          "over", "per cent", "%", "-", "−3", "(", ")", ".", ",", ";", "!", "'s", "\n", "\n\n", "twenty",
          "-one", "hundred", "and", "point", "a dozen", "dozens", "tens of thousands", "a couple of",
          "scores", "several", "zero", "nought", "x", "Foo", "_", "٣", "ABC", "1990s", "2024", "24-hour",
          "one in four", "1 in 1,250", "a gallon", "an estimated", "often", "someone", "and a half",
          "third", "Twicea", "a quarter", "twenty-first"]


def _texts(rng: random.Random, count: int) -> list[str]:
    scanner = default_scanner()
    words = [*TRICKY, *scanner.number_words, *scanner.vague, *scanner.article_numbers]
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 8)):
            word = rng.choice(words)
            word = word.upper() if rng.random() < 0.1 else word.title() if rng.random() < 0.1 else word
            parts.append(word + rng.choice([" ", " ", "", "-", ". ", "\n"]))
        texts.append("".join(parts))
    return texts


def _dev_paragraphs() -> list[str]:
    paths = sorted((ROOT / "evaluation" / "dev").glob("docs-*.jsonl"))
    lines = [line for path in paths for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [paragraph for line in lines for paragraph in json.loads(line)["text"].split("\n\n")]


def _same(found: re.Match[str] | None, expected: re.Match[str] | None) -> bool:
    if found is None or expected is None:
        return found is expected
    return (found.span(), found.lastgroup, found.groups()) == (expected.span(), expected.lastgroup,
                                                              expected.groups())


def test_folding_keeps_length_word_boundaries_and_every_letter_that_ignorecase_equates_with_ascii():
    every = "".join(chr(c) for c in range(sys.maxunicode + 1))
    folded = fold(every)
    assert len(folded) == len(every)
    for klass in (r"\w", r"\d", r"[^\W\d_]"):
        pattern = re.compile(klass)
        assert [m.start() for m in pattern.finditer(folded)] == [m.start() for m in pattern.finditer(every)]
    for letter in "abcdefghijklmnopqrstuvwxyz":
        equated = [m.start() for m in re.compile(letter, re.IGNORECASE).finditer(every)]
        assert len(equated) >= 2 and all(folded[k] == letter for k in equated), letter
    assert fold("ſIX İ ı K") == "six i i k"


def test_has_mention_and_every_search_of_a_scan_agree_with_the_plain_search():
    scanner = default_scanner()
    rng = random.Random(13)
    texts = _texts(rng, 6000) + _dev_paragraphs()
    mentions = 0
    for text in texts:
        assert scanner.has_mention(text) == (scanner.core.search(text) is not None), text
        for core in (scanner.core, scanner.core_lean):
            search = scanner.starts.search(text)
            for pos in sorted({0, rng.randint(0, len(text)), rng.randint(0, len(text)), len(text)}):
                expected = core.search(text, pos)
                assert _same(search(core, pos), expected), (text, pos)
                mentions += expected is not None
    assert mentions > 3000  # the texts hold figures of every kind, not only none


def test_fractions_the_core_pattern_reads_inside_a_word_are_found_where_it_finds_them():
    # the core's readings inside a word, kept as they are ("a third" in "Twicea third"); "often and a half"
    # no longer holds "ten and a half" (the spelled fraction's boundary now covers both its alternatives)
    scanner = default_scanner()
    for text, found in (("It was often and a half.", "a half"), ("Twicea third.", "a third"),
                        ("someone-third of", "one-third")):
        expected = scanner.core.search(text)
        assert expected is not None and expected.group() == found
        assert _same(scanner.starts.search(text)(scanner.core), expected)


def test_text_dense_with_starts_that_are_not_figures_finds_the_one_figure_after_them():
    scanner = default_scanner()
    text = "1a " * 3000 + "a. " * 3000 + "tens. " * 1000 + "Twicea-" * 500 + "twelve"
    found = scanner.starts.search(text)(scanner.core)
    assert _same(found, scanner.core.search(text)) and found is not None and found.group() == "twelve"


def test_a_text_without_a_figure_start_is_not_searched_at_all():
    scanner = default_scanner()
    for text in ("The streets were quiet. " * 100, "!" * 5000, "'s" * 5000, "a. " * 1000, "Aa " * 1000):
        assert scanner.starts.pattern.search(fold(text)) is None
        assert not scanner.has_mention(text)


def test_lexicon_words_set_the_starts_articles_and_case():
    plain = FigureStarts(["seven", "a few"], "")
    assert plain.pattern.flags & re.IGNORECASE == 0
    assert plain.pattern.search(fold("A. B.")) is None  # "a" starts a figure only before a space or hyphen
    assert plain.pattern.search(fold("a few")) is not None and plain.pattern.search(fold("SEVEN")) is not None
    dotted = FigureStarts(["a.k.a"], "")  # a lexicon phrase where "a" runs on without a space
    assert dotted.pattern.search("a.") is not None
    foreign = FigureStarts(["zwölf"], "")  # a letter outside ASCII: matched ignoring case, as the core does
    assert foreign.pattern.flags & re.IGNORECASE and foreign.pattern.search(fold("ZWÖLF")) is not None
    symbol = FigureStarts(["~ten"], "")  # a phrase starting with neither letter nor digit
    assert symbol.pattern.search("x ~") is not None


def test_the_trie_matches_exactly_its_words():
    words = ["a", "an", "ten", "tens", "thirteen", "three", "twofold", "x.y"]
    pattern = re.compile(rf"(?:{figurestarts.trie(words)})\Z")
    assert all(pattern.match(w) for w in words)
    assert not any(pattern.match(w) for w in ["", "t", "te", "tenss", "thre", "b", "xzy", "ann"])
