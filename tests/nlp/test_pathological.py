"""Hostile text: extraction stays linear in the text, and no rule's pattern backtracks badly.

No absolute timings: each hostile input is compared with a normal article of the same length measured in
the same test, or with itself at a quarter of its length (linear growth is about 4x; quadratic is 16x).
"""

from __future__ import annotations

import json
import random
import re
import time
from pathlib import Path

import pytest

from claimledger import extract
from claimledger.nlp import acronyms
from claimledger.nlp.lexicon import DATA_DIR
from claimledger.nlp.runner import PIECE_CHARS, make_doc, pieces

ROOT = Path(__file__).resolve().parents[2]
GENEROUS = 8  # a hostile input may take this many times a normal article of its length
LINEAR = 8  # 4x the text may take this many times as long (quadratic would be 16x)


def _normal(n: int) -> str:
    paths = sorted((ROOT / "evaluation" / "dev").glob("docs-*.jsonl"))
    texts = [json.loads(line)["text"] for path in paths
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    body = ""
    for k in range(10_000):
        if len(body) >= n:
            break
        body += texts[k % len(texts)] + "\n\n"
    return body[:n]


def _seconds(text: str) -> float:
    start = time.process_time()
    extract(text, published="2024-11-26")
    return time.process_time() - start


def _best_of(text: str, runs: int = 2) -> float:
    return min(_seconds(text) for _ in range(runs))


# -- the acronym reader that replaced a quadratic pattern gives what the pattern gave --------------------
_CAP = rf"[{acronyms.UPPER}][\w'’.-]*"
_HEAD = rf"(?:\s+[a-z][\w'’-]*){{0,2}}\s+(?:{'|'.join(acronyms.NAME_HEADS)})"
OLD_ACRONYM_DEFINED = re.compile(
    rf"((?:{_CAP}\s+)(?:(?:of|for|and|the|on|in|from|&)\s+|{_CAP}\s+)*{_CAP}(?:{_HEAD})?"
    rf"|{_CAP}{_HEAD})\s+\(([{acronyms.UPPER}][^\W_]{{1,7}})\)"
)
WORDS = ["Foo", "Bar", "the", "The", "of", "&", "and", "for", "agency", "programme", "program", "fund", "x",
         "xFoo", '"Foo', "(AB)", "(WHO)", "(AB", "AB)", "U.S.", "it", "Ünal", "(ÁSZ)", "agencyx", "'Bar",
         "Foo(AB)", "\n", "(A)", "(ABCDEFGH)", "(ABCDEFGHI)", "Éa", "A1", "_A", "Foo’s", "ministry"]


def test_acronym_definitions_agree_with_the_pattern_they_replace():
    rng = random.Random(13)
    for _ in range(20_000):
        text = "".join(rng.choice(WORDS) + rng.choice([" ", " ", "\n", "  ", ""])
                       for _ in range(rng.randint(1, 9)))
        lo = rng.choice([0, 0, rng.randint(0, len(text))])
        hi = rng.choice([len(text), rng.randint(lo, len(text))])
        expected = [(m.group(1), m.start(1), m.group(2), m.start(2), m.end())
                    for m in OLD_ACRONYM_DEFINED.finditer(text, lo, hi)]
        found = [(d.name, d.start, d.acronym, d.acronym_start, d.end)
                 for d in acronyms.definitions(text, lo, hi)]
        assert found == expected, text


def test_acronym_reader_is_linear_on_a_capitalised_run():
    def cost(n: int) -> float:
        text = "A" * n + " Agency (AA) " + "Aa " * n
        start = time.process_time()
        list(acronyms.definitions(text))
        return time.process_time() - start

    small, large = cost(50_000), cost(200_000)
    assert large < LINEAR * max(small, 0.01)


# -- the lexicons' patterns -------------------------------------------------------------------------
# a group repeated without bound that holds an unbounded repeat of its own: "(a+)+", "(\\w+\\s?)*"
NESTED = re.compile(r"\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,\})")


def _lexicon_patterns() -> list[str]:
    import tomllib

    found: list[str] = []

    def walk(node) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "patterns" and isinstance(value, list):
                    found.extend(v for v in value if isinstance(v, str))
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for path in sorted((DATA_DIR / "lexicons").glob("*.toml")):
        walk(tomllib.loads(path.read_text(encoding="utf-8")))
    return found


# Nested but unambiguous: each repeat begins with a character the inner repeat cannot match.
REVIEWED = {r"\b\d{4,}(?:/\d+)+\b"}  # "/" then digits


def test_no_lexicon_pattern_nests_quantifiers():
    patterns = _lexicon_patterns()
    assert patterns, "the lexicons hold patterns"
    assert [p for p in patterns if NESTED.search(p) and p not in REVIEWED] == []


# -- hostile articles, each against a normal article of its length ------------------------------------
N = 20_000


def _every_lexicon_pattern_repeated(n: int) -> str:
    samples = ["in the past 24 hours", "since the start of the war", "according to the ministry",
               "could not be independently verified", "at least", "more than", "(UNHCR)",
               "the Ministry (MoD)"]
    body = " ".join(f"{s} 12 {s.title()} 3,400." for s in samples)
    return (body * (n // len(body) + 1))[:n]


HOSTILE = {
    "capitalised run": lambda n: ("A" * (n // 2) + " 5 people " + "Aa " * n)[:n],
    "capitalised words": lambda n: ("Ministry Of Defence Office " * n)[: n - 13] + " (MOD) 12 men",
    "one token without spaces": lambda n: "1" + "a" * (n - 1),
    "repeated punctuation": lambda n: ("!" * (n // 2) + " 12 killed " + "$(" * n)[:n],
    "repeated possessive": lambda n: ("'s" * n)[: n - 10] + " 12 killed",
    "brackets": lambda n: ("(" * (n // 2) + "12" + ")" * n)[:n],
    "lexicon patterns repeated": _every_lexicon_pattern_repeated,
}


@pytest.fixture(scope="module")
def normal_seconds() -> float:
    extract("Warm up: the ministry said 5 people died.")
    return _best_of(_normal(N))


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_takes_no_longer_than_a_normal_article(name, normal_seconds):
    text = HOSTILE[name](N)
    assert len(text) == N
    assert _best_of(text, 1) < GENEROUS * normal_seconds + 0.5


@pytest.mark.parametrize("name", ["capitalised run", "one token without spaces", "repeated punctuation",
                                  "repeated possessive", "lexicon patterns repeated"])
def test_hostile_text_grows_linearly(name):
    extract("Warm up: the ministry said 5 people died.")
    small, large = _best_of(HOSTILE[name](N), 1), _best_of(HOSTILE[name](4 * N), 1)
    assert large < LINEAR * small + 0.5


def test_figures_without_a_full_stop_grow_linearly():
    """ "12 12 12 ...": a figure per token is slow (each is read in its sentence), but not quadratic."""
    extract("Warm up: the ministry said 5 people died.")
    small, large = _best_of(("12 " * 1500)[:1500], 1), _best_of(("12 " * 6000)[:6000], 1)
    assert large < LINEAR * small + 0.5


def test_a_long_article_grows_linearly():
    extract("Warm up: the ministry said 5 people died.")
    small, large = _best_of(_normal(25_000), 1), _best_of(_normal(100_000), 1)
    assert large < LINEAR * small


# -- tokens and pieces --------------------------------------------------------------------------------
def test_hostile_runs_are_cut_into_tokens_and_the_text_kept():
    from claimledger.nlp.pipeline import get_pipeline

    text = "Before " + "!" * 5000 + " middle " + "x" * 3000 + "\n12 people 's's's after"
    doc = make_doc(get_pipeline(), text)
    assert doc.text == text
    assert len(doc) < 200  # not one token per "!"


def test_pieces_cover_the_text_and_cut_at_paragraphs():
    paragraph = "The ministry said 12 people died. " * 40 + "\n\n"
    text = paragraph * 200
    cut = list(pieces(text))
    assert "".join(p for _, p in cut) == text
    assert all(text[offset:offset + len(p)] == p for offset, p in cut)
    assert all(len(p) <= PIECE_CHARS for _, p in cut)
    assert all(p.endswith("\n\n") for _, p in cut[:-1])
    assert list(pieces("x" * (3 * PIECE_CHARS)))[1][0] == PIECE_CHARS  # no break at all: cut anyway
