"""Hedging ("reportedly", "estimates suggest") and verification statements that reach back.

Patterns come from ``data/lexicons/hedging.toml``. A hedge marks the figures of its sentence. A
verification statement ("Newsweek was unable to independently verify these figures", "Russia has
not confirmed or denied ...") marks the figures of its own sentence and of the sentences before it
that it refers to (``reach``), the nearest statement winning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from claimledger.nlp.drafts import ClaimDraft, clause_bounds
from claimledger.nlp.lexicon import compile_patterns, load_table

HEDGING_BOUNDS = {"an estimated", "estimated", "a reported"}


@dataclass(frozen=True)
class HedgingRules:
    hedges: list[re.Pattern[str]]
    verification: list[tuple[str, re.Pattern[str]]]  # in order: the first match decides
    reach: int
    reach_figures: int
    about_figures: re.Pattern[str]


@cache
def default_rules() -> HedgingRules:
    table = load_table("hedging")
    verification = [
        (value, pattern)
        for value, patterns in table["verification"].items()
        for pattern in compile_patterns(patterns, f"hedging.toml [verification.{value}]")
    ]
    return HedgingRules(
        hedges=compile_patterns(table["hedges"]["patterns"], "hedging.toml [hedges]"),
        verification=verification,
        reach=int(table["reach"]["sentences_before"]),
        reach_figures=int(table["reach"]["sentences_before_figures"]),
        about_figures=re.compile(table["reach"]["figures_pattern"], re.IGNORECASE),
    )


def hedge_in(text: str, rules: HedgingRules) -> str | None:
    for pattern in rules.hedges:
        match = pattern.search(text)
        if match:
            return match.group(0)
    return None


def verification_in(text: str, rules: HedgingRules) -> tuple[str, str] | None:
    for value, pattern in rules.verification:
        match = pattern.search(text)
        if match:
            return value, match.group(0)
    return None


def read_hedging(doc: Doc, rules: HedgingRules) -> None:
    drafts = [d for d in doc._.claim_drafts or [] if d.dropped is None]
    if not drafts:
        return
    sentences = list(doc.sents)
    index_of = {s.start: i for i, s in enumerate(sentences)}
    statements: dict[int, tuple[str, str, int]] = {}  # sentence index → (value, cue, reach)
    with_claims = {index_of[d.sentence.start] for d in drafts}
    for i, sentence in enumerate(sentences):
        found = verification_in(sentence.text, rules)
        if found:
            if rules.about_figures.search(sentence.text):
                reach = rules.reach_figures
            elif i in with_claims:
                reach = 0  # "30,000 soldiers, a figure the ministry has neither confirmed nor denied"
            else:
                reach = rules.reach
            statements[i] = (*found, reach)
    for draft in drafts:
        _hedge(draft, rules)
        i = index_of[draft.sentence.start]
        for j in range(i, min(i + rules.reach_figures + 1, len(sentences))):
            if j in statements and j - i <= statements[j][2]:
                draft.verification, draft.verification_cue = statements[j][:2]
                break


def clause_of(draft: ClaimDraft) -> str:
    """A hedge covers its own clause: "organisers said 15,000, while police estimated 7,000"."""
    start, end = clause_bounds(draft.sentence, draft.start)
    return draft.span.doc.text[start:end]


def _hedge(draft: ClaimDraft, rules: HedgingRules) -> None:
    if draft.mention.bound_cue in HEDGING_BOUNDS:
        draft.hedged, draft.hedge_cue = True, draft.mention.bound_cue
        return
    cue = hedge_in(clause_of(draft), rules)
    if cue is not None:
        draft.hedged, draft.hedge_cue = True, cue
