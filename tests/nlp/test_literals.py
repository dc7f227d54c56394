"""The literal pre-check that lets the rules skip patterns: it may skip only a pattern that cannot match."""

from __future__ import annotations

import re

import pytest

from claimledger.nlp.hedging import default_rules as hedging_rules
from claimledger.nlp.literals import folded, may_match, required_literals, required_prefixes
from claimledger.nlp.nonclaims import default_rules as nonclaim_rules
from claimledger.nlp.timescope.rules import SCOPES
from claimledger.nlp.timescope.rules import default_rules as scope_rules

SENTENCES = [  # the last holds letters that re folds to ASCII ones
    "The ministry said 140 people were killed over the past day, a figure that could not be verified.",
    "OVER THE PAST DAY, 12 drones were shot down, the air force said in its morning update.",
    "Since the start of the year the toll has risen to 2,300, according to local officials.",
    "The company's revenue was believed to be about $4bn in the first quarter of 2025.",
    "Police declined to comment on the count of 7,000 given by the organisers.",
    "Officials have neither confirmed nor denied the report of 15 wounded.",
    "Nothing in this line would stop any of them: 42.",
    "The side won 3-1 at home, with a late goal in the 88th minute; call 0800 123 456 for tickets.",
    "Boeing delivered 40 737 Max jets and the S&P 500 rose 1%, on page 12 of the report.",
    "\u0130stanbul’s \u017ftatement: per day and every day, 30 buses ran \u017fince the storm.",
]


def test_the_stretches_are_what_every_match_holds() -> None:
    assert required_literals(re.compile(r"\bevery day\b", re.IGNORECASE)) == ("every day",)
    assert required_literals(re.compile(r"(?:in|over) the (?:last|past) (?:24|twenty-four) hours")) == (
        " the ", " hours")
    assert required_literals(re.compile(r"(?:independently )?verified")) == ("verified",)
    assert required_literals(re.compile(r"according(?= to)\b to")) == ("according to",)  # look-ahead: no gap
    assert required_literals(re.compile(r"\d+ (?:km|miles)")) == ()  # nothing every match must hold


@pytest.mark.parametrize(("pattern", "starts"), [
    (r"\b(?:sold|bought|traded)\s+\d+", ("bought", "sold", "traded")),
    (r"(?<!\w)(?:fleet|squad)(?:ron)?s?\s+\d+", ("fleet", "squad")),  # the optional part ends the stretch
    (r"\bcontract(?:ed|s)\b", ("contracted", "contracts")),
    (r"(?-i:\b(?:Model|Mark)\s?\d)", ("mark", "model")),  # case-sensitive: still held by the lowered text
    (r"\b(?:an?|the)\s+\d+", ()),  # "a" is too short to be worth a test
    (r"\b\d+/\d+\b", ()),  # begins with no plain character
    (r"\b(?:gate|\d+)\s+open", ()),  # one way to begin has no plain character
])
def test_the_beginnings_are_those_every_match_starts_with(pattern: str, starts: tuple[str, ...]) -> None:
    assert required_prefixes(re.compile(pattern, re.IGNORECASE)) == starts


def test_a_skipped_pattern_never_matches() -> None:
    scopes = scope_rules()
    patterns = [p for scope in SCOPES for p in scopes.patterns[scope]]
    rules = hedging_rules()
    patterns += [p for _, p in rules.verification] + list(rules.hedges)
    nonclaims = nonclaim_rules()
    patterns += nonclaims.identifiers + nonclaims.named_numbers + nonclaims.scores + nonclaims.furniture
    skipped = 0
    for sentence in SENTENCES:
        for pattern in patterns:
            if not may_match(pattern, folded(sentence)):
                skipped += 1
                assert pattern.search(sentence) is None, (pattern.pattern, sentence)
    assert skipped > len(patterns)  # the check does skip most patterns


@pytest.mark.parametrize("text", ["\u017fince Monday", "the Kelvin sign \u212a", "\u0130N TOTAL"])
def test_a_text_with_letters_re_folds_to_ascii_is_not_filtered(text: str) -> None:
    assert folded(text) is None
    assert may_match(re.compile("since", re.IGNORECASE), folded(text))
    assert re.compile("since", re.IGNORECASE).search("\u017fince Monday")  # why: re folds "ſ" to "s"
