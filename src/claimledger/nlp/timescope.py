"""Time scope: is a figure for the last 24 hours, since the war began, for a period, or a level?

Cues come from ``data/lexicons/timescope.toml``. The cue nearest to a figure in its sentence wins;
the period itself is resolved later against the publication date (``normalize.dates``), so this
component stays free of any document context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from claimledger.nlp.drafts import ClaimDraft
from claimledger.nlp.lexicon import compile_patterns, load_table

SCOPES = ("daily", "cumulative", "period")
# Cues that date an announcement rather than bound a count: "a decree on Monday will give 400,000 rubles".
ANNOUNCEMENT_CUES = re.compile(r"^(?:on |last )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday|today|this morning|tonight", re.IGNORECASE)
EVENT_CATEGORIES = {"casualties", "deaths", "injuries", "displaced", "detained", "equipment"}


@dataclass(frozen=True)
class ScopeRules:
    patterns: dict[str, list[re.Pattern[str]]]
    money_nouns: frozenset[str]
    deployment: frozenset[str]


@dataclass(frozen=True, slots=True)
class ScopeCue:
    scope: str
    start: int
    end: int
    text: str
    groups: dict[str, str]


@cache
def default_rules() -> ScopeRules:
    table = load_table("timescope")
    categories = load_table("categories")
    patterns = {scope: compile_patterns(table[scope]["patterns"], f"timescope.toml [{scope}]") for scope in SCOPES}
    return ScopeRules(patterns, frozenset(table["point"]["money_nouns"]), frozenset(categories["events"]["deployment"]))


def find_cues(text: str, offset: int, rules: ScopeRules) -> list[ScopeCue]:
    cues: list[ScopeCue] = []
    for scope in SCOPES:
        for pattern in rules.patterns[scope]:
            for match in pattern.finditer(text):
                groups = {k: v for k, v in match.groupdict().items() if v}
                cues.append(ScopeCue(scope, offset + match.start(), offset + match.end(), match.group(0), groups))
    return _without_nested(cues)


def _without_nested(cues: list[ScopeCue]) -> list[ScopeCue]:
    """Keep the longest cue where cues overlap ("since the invasion began" over "since")."""
    cues.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[ScopeCue] = []
    for cue in cues:
        if kept and cue.start < kept[-1].end:
            continue
        kept.append(cue)
    return kept


def _distance(draft: ClaimDraft, cue: ScopeCue) -> int:
    if cue.end <= draft.start:
        return draft.start - cue.end
    if cue.start >= draft.end:
        return cue.start - draft.end
    return 0


def scope_for(draft: ClaimDraft, cues: list[ScopeCue], rules: ScopeRules) -> ScopeCue | None:
    usable = [c for c in cues if not (c.start < draft.end and draft.start < c.end)]
    if draft.category not in EVENT_CATEGORIES:
        # A weekday dates the announcement of a bonus or a deployment, not a period of the amount.
        usable = [c for c in usable if not ANNOUNCEMENT_CUES.match(c.text)]
    if draft.category in ("money", "troops", "percent", "other"):
        usable = [c for c in usable if c.text.lower() not in ("toll", "death toll", "bringing")]
    if not usable:
        return None
    return min(usable, key=lambda c: _distance(draft, c))


def default_scope(draft: ClaimDraft, rules: ScopeRules) -> str:
    """A level at a moment (a bonus offered, troops sent) when no cue says otherwise."""
    if draft.category == "money":
        lemmas = {t.lemma_.lower() for t in draft.sentence}
        return "point" if lemmas & rules.money_nouns else "unspecified"
    if draft.category == "troops":
        head = draft.noun.head if draft.noun is not None else draft.figure.head
        near = {head.lemma_.lower(), head.head.lemma_.lower()}
        near.update(c.lemma_.lower() for c in head.children if c.dep_ in ("xcomp", "conj", "acl"))
        if near & rules.deployment:
            return "point"
    return "unspecified"


def read_time_scopes(doc: Doc, rules: ScopeRules) -> None:
    drafts = [d for d in doc._.claim_drafts or [] if d.dropped is None]
    by_sentence: dict[int, list[ScopeCue]] = {}
    for draft in drafts:
        sentence = draft.sentence
        if sentence.start not in by_sentence:
            by_sentence[sentence.start] = find_cues(sentence.text, sentence.start_char, rules)
        cue = scope_for(draft, by_sentence[sentence.start], rules)
        if cue is None:
            draft.time_scope = default_scope(draft, rules)
            continue
        draft.time_scope = cue.scope
        draft.scope_cue = cue.text
        draft.scope_groups = cue.groups
