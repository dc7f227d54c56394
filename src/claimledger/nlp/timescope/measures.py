"""What kind of amount a figure is, as far as time is concerned: a rate or budget that is set, a
plan, a share of the economy, a turnout or a crowd, a deployment, a loss to date, a state an event left
people in. Each answers from the verbs and nouns of the lexicon.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from claimledger.nlp.drafts import ClaimDraft, clause_bounds, span_text
from claimledger.nlp.timescope.rules import (
    BUDGET_SPEAKERS,
    CLOSED_PERIOD,
    CROWD_WORDS,
    PERFECT_PASSIVE_AFTER,
    ScopeCue,
    ScopeRules,
)
from claimledger.nlp.timescope.syntax import (
    _cue_head,
    _has_subject,
    _is_perfect,
    _lemmas_near,
    _measure_of,
    governing_verb,
)


def _finite_perfect(verb: Token | None) -> bool:
    """ "have charged", "has rebuilt": not "may have been carrying", "is believed to have carried"."""
    if verb is not None and verb.dep_ == "conj" and not _has_subject(verb):
        verb = verb.head  # "has rebuilt or repaired 3,200 homes"
    return _is_perfect(verb) and verb is not None and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in ("VBP", "VBZ") for c in verb.children)


def _lost_to_date(draft: ClaimDraft, verb: Token | None, rules: ScopeRules) -> bool:
    """An amount lost or destroyed, told in the perfect: by the parse, or by the words right after it
    ("crops worth $40 million have been lost"; the parse of "worth" is unsteady)."""
    if verb is not None and verb.lemma_.lower() in rules.loss_verbs and _is_perfect(verb):
        return True
    after = PERFECT_PASSIVE_AFTER.match(draft.doc_text[draft.end:draft.end + 60])
    if after is None:
        return False
    participle = draft.span.doc.char_span(draft.end + after.start(1), draft.end + after.end(1))
    return participle is not None and participle[0].lemma_.lower() in rules.loss_verbs


def _in_an_event_state(draft: ClaimDraft, rules: ScopeRules) -> bool:
    """People an event left missing, homeless or stranded, said in the figure's clause after it."""
    if rules.event_states is None or draft.category in ("money", "percent"):
        return False
    _, end = clause_bounds(draft.sentence, draft.start)
    return bool(rules.event_states.search(draft.doc_text, draft.end, end))


def _present_passive(verb: Token | None) -> bool:
    """ "are registered", "is held": a passive in the present tense, not the perfect."""
    if verb is None or verb.tag_ != "VBN" or _is_perfect(verb):
        return False
    return any(c.dep_ == "auxpass" and c.tag_ in ("VBP", "VBZ") for c in verb.children)


def _share_of_people(draft: ClaimDraft, rules: ScopeRules) -> bool:
    """ "40% of their men": a share of people or troops."""
    of = next((c for c in draft.figure.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None and draft.noun is not None:
        of = next((c for c in draft.noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    people = rules.people_and_troops | {"man", "force", "strength"}
    return whole is not None and whole.lemma_.lower() in people


def _can_do(draft: ClaimDraft) -> bool:
    """ "The refinery can process 8.8 million tonnes a year", "is able to handle": what a thing can do."""
    verb = governing_verb(draft)
    if verb is None:
        return False
    able = any(c.lower_ in ("can", "could") for c in verb.children)
    return able or (verb.lemma_.lower() == "able" or verb.head.lemma_.lower() == "able")


def _a_rate_set(draft: ClaimDraft, rules: ScopeRules) -> bool:
    """ "would have to rise by 40,000 tonnes a year", "raised capacity to 500 turbines a month", "have fallen
    to 120,000 barrels per day": a rate planned, a capacity, or a level reached, not a count of each day."""
    verb = governing_verb(draft)
    if verb is None:
        return False
    if _is_planned(verb, rules) or any(c.tag_ == "MD" for c in verb.head.children):
        return True
    objects = {c.lemma_.lower() for c in verb.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")}
    if objects & rules.level_nouns:
        return True  # "raised production capacity to 500 turbines a month"
    to = (draft.noun if draft.noun is not None and draft.noun.i > draft.figure.i else draft.figure).head
    if to.lower_ != "to" or to.head.i != verb.i or verb.tag_ == "VBD":
        return False  # not "fell to 31 ships a day in February": the daily rate of a past month
    return bool(_lemmas_near(draft, verb) & rules.change_verbs)


def _is_deployed(draft: ClaimDraft, rules: ScopeRules) -> bool:
    head = draft.noun.head if draft.noun is not None else draft.figure.head
    near = _lemmas_near(draft, governing_verb(draft))
    return bool(({head.lemma_.lower(), head.head.lemma_.lower()} | near) & rules.deployment)


def _past_in_a_closed_period(draft: ClaimDraft, verb: Token | None, cue: ScopeCue, rules: ScopeRules) -> bool:
    """A verb in the past (not "was", a level stated; not an act, "signed a contract worth $180m last year")
    that a closed period bounds: "bought 20% of its gas last year", "cost $4.8bn in the year to June"."""
    if verb is None or not CLOSED_PERIOD.match(cue.text.strip()):
        return False
    if verb.lemma_.lower() in rules.act_verbs | rules.planning_words | {"be", "need"}:
        return False
    head = _cue_head(draft, cue)
    own = {verb.i, draft.figure.i, *(t.i for t in draft.span)}
    if draft.noun is not None:
        own.add(draft.noun.i)
    if head is None or head.i not in own:
        return False  # "needed $1.4 billion to support migrants in 2027": the period of another verb
    return verb.tag_ == "VBD" or any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def _is_turnout(draft: ClaimDraft, rules: ScopeRules) -> bool:
    """A percentage of people taking part in a strike, protest or vote ("60% of workers joined")."""
    if draft.category != "percent":
        return False
    return bool(_taking_part_words(draft) & rules.participation_words)


def _taking_part_words(draft: ClaimDraft) -> set[str]:
    """The words that may say people took part: the verb, its object ("put participation at 32%", "took
    part") and what the figure measures."""
    verb = governing_verb(draft)
    words = _lemmas_near(draft, verb) | {_measure_of(draft, verb) or ""}
    if verb is not None:
        words.update(c.lemma_.lower() for c in verb.children if c.dep_ == "dobj")
    return words


def _counts_a_crowd(draft: ClaimDraft, rules: ScopeRules) -> bool:
    """People taking part in a protest or strike ("1.2 million marched", "put the crowd at 10,000")."""
    if draft.category != "other" or draft.mention.unit is not None:
        return False
    if draft.unit and draft.unit.split()[-1] not in rules.people_and_troops:
        return False  # "a magnitude 6.9 earthquake struck": a crowd is counted in people
    return bool(_taking_part_words(draft) & (rules.participation_words | CROWD_WORDS))


def _in_a_budget(draft: ClaimDraft, rules: ScopeRules) -> bool:
    """An amount in a clause about a budget: its totals are planned levels, not flows or running totals."""
    start, end = clause_bounds(draft.sentence, draft.start)
    clause = draft.doc_text[start:end].lower()
    return any(re.search(rf"\b{word}\b(?!\s+(?:{BUDGET_SPEAKERS}))", clause) for word in rules.budget_words)


def _counts_toward_a_level(draft: ClaimDraft, rules: ScopeRules) -> bool:
    """A bare figure after "a target of", "a capacity of", "a cap of"."""
    of = draft.figure.head
    if draft.noun is not None and draft.noun.idx >= draft.end:
        of = draft.noun.head  # "the annual cap of 500,000 barrels"
    return of.lower_ == "of" and of.head.lemma_.lower() in rules.level_nouns and of.head.i < draft.figure.i


def _is_planned(verb: Token | None, rules: ScopeRules) -> bool:
    """ "will raise", "plans to spend", "proposed raising": a planned amount, not a flow that happened."""
    token = verb
    for _ in range(3):
        if token is None:
            return False
        if any(c.tag_ == "MD" for c in token.children) or token.lemma_.lower() in rules.planning_words:
            return True
        if token.dep_ not in ("xcomp", "pcomp", "pobj", "prep") or token.head.i == token.i:
            return False
        token = token.head
    return False


def _is_share_of_economy(draft: ClaimDraft, rules: ScopeRules) -> bool:
    # match on a slice: "^" does not anchor at a start position given to match()
    sentence = draft.sentence
    following = span_text(sentence)[draft.end - sentence.start_char:][:80]  # the sentence's, not the doc's
    return bool(rules.share_of.match(following))


def _a_specification(draft: ClaimDraft, rules: ScopeRules) -> bool:
    """A specification or a measured result (guide Q-4): a figure in a unit of ``spec_units`` ("a 5,000mAh
    battery", "a 6.7-inch display", "within 48 km of the surface", "in 9.91 seconds") that is no rate and
    not the amount of a change ("rose by 2 metres", "warmed 1.5 degrees"). Bounded: the word before the
    figure and three steps up its parse."""
    unit = draft.unit.lower()
    if draft.category != "other" or not unit or " per " in unit:
        return False
    if unit not in rules.spec_units and unit.split(" ")[-1] not in rules.spec_units:
        return False
    doc = draft.span.doc
    after = doc[draft.span.end:min(draft.sentence.end, draft.span.end + 3)]
    if any(t.lemma_.lower() in rules.spec_not_of for t in after):
        return False  # "3.1 inches of rain since September": rain fallen over a stretch
    if draft.span.start > draft.sentence.start and doc[draft.span.start - 1].lower_ == "by":
        return False  # "the water rose by two metres": a change
    token = draft.figure
    for _ in range(3):
        head = token.head
        if head.i == token.i:
            break
        if head.lemma_.lower() in rules.change_verbs and token.dep_ in ("dobj", "npadvmod", "advmod"):
            return False  # "the river rose 2 metres", "shed 3 kilograms": the amount of a change
        if head.lower_ == "by" and head.head.lemma_.lower() in rules.change_verbs:
            return False
        token = head
    return True
