"""Time scope: is a figure for the last 24 hours, since the war began, for a period, or a level?

Cues come from ``data/lexicons/timescope.toml``. The cue nearest to a figure in its sentence wins;
the period itself is resolved later against the publication date (``normalize.dates``), so this
component stays free of any document context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from claimledger.nlp.drafts import ClaimDraft
from claimledger.nlp.lexicon import compile_patterns, load_table

SCOPES = ("daily", "cumulative", "period", "point")
# Cues that date an announcement rather than bound a count: "a decree on Monday will give 400,000 rubles".
ANNOUNCEMENT_CUES = re.compile(r"^(?:on |last )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday|today|this morning|tonight", re.IGNORECASE)
EVENT_CATEGORIES = {"casualties", "deaths", "injuries", "displaced", "detained", "equipment"}


@dataclass(frozen=True)
class ScopeRules:
    patterns: dict[str, list[re.Pattern[str]]]
    money_nouns: frozenset[str]
    deployment: frozenset[str]
    event_verbs: frozenset[str]
    change_verbs: frozenset[str]
    flow_verbs: frozenset[str]
    rate_cues: re.Pattern[str]
    calendar_cumulative: re.Pattern[str]
    share_of: re.Pattern[str]


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
    defaults = table["defaults"]
    sections = {"daily": "daily", "cumulative": "cumulative", "period": "period", "point": "point_cues"}
    patterns = {scope: compile_patterns(table[name]["patterns"], f"timescope.toml [{name}]") for scope, name in sections.items()}
    return ScopeRules(
        patterns=patterns,
        money_nouns=frozenset(table["point"]["money_nouns"]),
        deployment=frozenset(categories["events"]["deployment"]),
        event_verbs=frozenset(defaults["event_verbs"]),
        change_verbs=frozenset(defaults["change_verbs"]),
        flow_verbs=frozenset(defaults["flow_verbs"]),
        rate_cues=re.compile(defaults["rate_cues"], re.IGNORECASE),
        calendar_cumulative=re.compile(defaults["calendar_cumulative"], re.IGNORECASE),
        share_of=re.compile(table["point_cues"]["share_of"], re.IGNORECASE),
    )


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
    """Characters between the cue and the quantity with its counted noun ("1,020 casualties")."""
    end = draft.end
    if draft.noun is not None and draft.noun.idx >= draft.end:
        end = draft.noun.idx + len(draft.noun.text)
    if cue.end <= draft.start:
        return draft.start - cue.end
    if cue.start >= end:
        return cue.start - end
    return 0


def scope_for(draft: ClaimDraft, cues: list[ScopeCue], rules: ScopeRules) -> ScopeCue | None:
    usable = [c for c in cues if not (c.start < draft.end and draft.start < c.end)]
    if draft.category in ("money", "troops", "percent"):
        # A weekday dates the announcement of a bonus or a deployment, not a period of the amount.
        usable = [c for c in usable if not ANNOUNCEMENT_CUES.match(c.text)]
    if draft.category in ("money", "troops", "percent", "other"):
        usable = [c for c in usable if c.text.lower() not in ("toll", "death toll", "bringing")]
    if not usable:
        return None
    attached = [c for c in usable if _attached(draft, c)]
    if any(not ANNOUNCEMENT_CUES.match(c.text) for c in attached):
        # "the death toll climbed past 41,000 on Wednesday": the toll says more than the day
        attached = [c for c in attached if not ANNOUNCEMENT_CUES.match(c.text)]
    if attached:
        return min(attached, key=lambda c: _distance(draft, c))
    nearest = min(usable, key=lambda c: _distance(draft, c))
    return nearest if _distance(draft, nearest) <= UNATTACHED_REACH else None


# A cue the parse does not tie to the figure still counts when it is this close (in characters):
# the small model often hangs "over the past day" on the wrong word.
UNATTACHED_REACH = 60


def _attached(draft: ClaimDraft, cue: ScopeCue) -> bool:
    """Whether the parse ties the cue to the figure: it hangs on the figure, its noun, or a word above
    them ("lost ... since the invasion began"); "its first since December" hangs elsewhere."""
    doc = draft.span.doc
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if span is None:
        return False
    line = {draft.figure.i, *(t.i for t in draft.figure.ancestors)}
    if draft.noun is not None:
        line.update((draft.noun.i, *(t.i for t in draft.noun.ancestors)))
    for token in span:
        head = token.head
        if head.i in line and not (span.start <= head.i < span.end):
            return True
        if head.pos_ in ("VERB", "AUX") and head.head.i in line and head.i not in range(span.start, span.end):
            return True
    return False


def governing_verb(draft: ClaimDraft) -> Token | None:
    """The verb the figure (or its noun) hangs on, within its own clause."""
    token = draft.noun if draft.noun is not None else draft.figure
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") and token.i != draft.figure.i:
            return token
        if token.head.i == token.i or (token.dep_ in ("ccomp", "parataxis", "relcl") and token.pos_ not in ("VERB", "AUX")):
            return None
        token = token.head
    return None


def _lemmas_near(draft: ClaimDraft, verb: Token | None) -> set[str]:
    lemmas = {verb.lemma_.lower()} if verb is not None else set()
    if verb is not None:
        lemmas.update(c.lemma_.lower() for c in verb.children if c.dep_ in ("xcomp", "conj", "prt", "acomp"))
    anchor = draft.noun if draft.noun is not None else draft.figure
    lemmas.update(c.lemma_.lower() for c in anchor.children if c.dep_ in ("acl", "amod", "relcl"))
    return lemmas


def _is_perfect(verb: Token | None) -> bool:
    return verb is not None and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


def default_scope(draft: ClaimDraft, rules: ScopeRules) -> str:
    """With no cue: a level or an amount is a point; an event count is unspecified, or a running
    total (cumulative) when told in the perfect ("have died")."""
    verb = governing_verb(draft)
    near = _lemmas_near(draft, verb)
    if draft.category == "money":
        return "point"
    if draft.category == "percent":
        if _is_share_of_economy(draft, rules):
            return "point"
        return "unspecified" if near & rules.change_verbs else "point"
    if draft.category == "troops":
        head = draft.noun.head if draft.noun is not None else draft.figure.head
        deployed = {head.lemma_.lower(), head.head.lemma_.lower()} | near
        if deployed & rules.deployment:
            return "point"
        return "unspecified" if near & rules.event_verbs else "point"
    if near & rules.event_verbs or draft.category in EVENT_CATEGORIES - {"equipment"}:
        return "cumulative" if _is_perfect(verb) and draft.category in EVENT_CATEGORIES | {"other"} else "unspecified"
    return "point"


def scope_with_cue(draft: ClaimDraft, cue: ScopeCue, rules: ScopeRules) -> str | None:
    """The scope a cue gives this figure; None when the cue does not apply to it."""
    text = cue.text.strip().lower()
    if draft.category in ("money", "percent") and rules.rate_cues.match(text):
        return None  # "4,600 zlotys a month": a salary, a point amount
    if cue.scope == "cumulative" and rules.calendar_cumulative.search(text):
        return "period"
    if cue.scope == "period" and draft.category == "money":
        near = _lemmas_near(draft, governing_verb(draft))
        return "period" if near & rules.flow_verbs else None  # "a budget for 2025" is an amount set, a point
    if cue.scope == "period" and draft.category == "percent" and _is_share_of_economy(draft, rules):
        return None  # "4.7% of GDP this year": a level
    return cue.scope


def _is_share_of_economy(draft: ClaimDraft, rules: ScopeRules) -> bool:
    # match on a slice: "^" does not anchor at a start position given to match()
    return bool(rules.share_of.match(draft.span.doc.text[draft.end:draft.end + 80]))


def read_time_scopes(doc: Doc, rules: ScopeRules) -> None:
    drafts = [d for d in doc._.claim_drafts or [] if d.dropped is None]
    by_sentence: dict[int, list[ScopeCue]] = {}
    for draft in drafts:
        sentence = draft.sentence
        if sentence.start not in by_sentence:
            by_sentence[sentence.start] = find_cues(sentence.text, sentence.start_char, rules)
        cue = scope_for(draft, by_sentence[sentence.start], rules)
        scope = scope_with_cue(draft, cue, rules) if cue is not None else None
        if cue is None or scope is None:
            draft.time_scope = default_scope(draft, rules)
            continue
        draft.time_scope = scope
        draft.scope_cue = cue.text
        draft.scope_groups = cue.groups
