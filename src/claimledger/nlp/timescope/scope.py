"""The scope a figure takes from its own clause: with a cue (the cue's scope, unless the amount is a
level, a rate set or an average) and without one (a perfect tense counts to date, an event count is a
point, a level is a point).
"""

from __future__ import annotations

from claimledger.nlp.drafts import ClaimDraft
from claimledger.nlp.timescope.measures import (
    _a_rate_set,
    _can_do,
    _finite_perfect,
    _in_a_budget,
    _in_an_event_state,
    _is_deployed,
    _is_planned,
    _is_share_of_economy,
    _is_turnout,
    _lost_to_date,
    _past_in_a_closed_period,
    _present_passive,
    _share_of_people,
)
from claimledger.nlp.timescope.rules import (
    ANNOUNCEMENT_CUES,
    CHANGE_BEFORE,
    EVENT_CATEGORIES,
    FLOW_PLURALS,
    NOT_A_TOTAL,
    PAST_PERIOD_OF,
    STILL,
    STRIKE_WORDS,
    ScopeCue,
    ScopeRules,
)
from claimledger.nlp.timescope.syntax import (
    _achieved,
    _cue_head,
    _is_an_average,
    _is_perfect,
    _is_the_whole,
    _lemmas_near,
    _measure_of,
    _paragraph_so_far,
    _plural_subject,
    _sets_a_level,
    _subject_lemma,
    governing_verb,
)


def default_scope(draft: ClaimDraft, rules: ScopeRules) -> str:
    """With no cue: a level or an amount is a point; an event count is unspecified, or a running
    total (cumulative) when told in the perfect ("have died")."""
    verb = governing_verb(draft)
    near = _lemmas_near(draft, verb)
    if draft.unit.split(" ")[-1] in rules.measure_units and near & rules.change_verbs:
        return "unspecified"  # "forced to cut output by 2,300 megawatts": a change, not a reading
    if draft.category == "money" and _lost_to_date(draft, verb, rules):
        return "cumulative"  # "crops worth some 6 billion taka have been lost": the losses to date
    if draft.category == "money" or draft.unit.split(" ")[-1] in rules.measure_units:
        return "point"  # an amount, or a reading ("a magnitude 6.4 quake")
    if draft.category == "percent":
        if _is_turnout(draft, rules) and (STRIKE_WORDS.search(_paragraph_so_far(draft))
                                          or _measure_of(draft, verb) == "turnout"):
            return "period"  # "80% of teachers walked out during the strike": that strike's turnout
        if _is_share_of_economy(draft, rules) or _sets_a_level(verb):
            return "point"  # "raises the salary by 17%": an agent sets a new level
        if near & rules.event_verbs and _is_perfect(verb) and _share_of_people(draft, rules):
            return "cumulative"  # "units have lost up to 40% of their men": losses to date
        return "unspecified" if near & rules.change_verbs else "point"
    if draft.category == "troops":
        head = draft.noun.head if draft.noun is not None else draft.figure.head
        deployed = {head.lemma_.lower(), head.head.lemma_.lower()} | near
        if deployed & rules.deployment:
            return "point"
        return "unspecified" if near & rules.event_verbs else "point"
    if draft.category == "equipment" and verb is not None and verb.lemma_.lower() in rules.deployment:
        return "point"  # "supported by 14 water-dropping aircraft", "deployed 40 tanks": equipment at hand
    if verb is not None and any(c.lower_ in ("will", "would", "'ll") for c in verb.children):
        return "point"  # "1.1 million workers will receive a pay rise": a planned level, not an event counted
    counted_after = draft.noun is not None and draft.noun.idx >= draft.end
    if draft.category == "other" and verb is not None and verb.lemma_.lower() == "reach" and counted_after:
        return "unspecified"  # "convoys have reached 31 communities": places reached, no time of their own
    left_without = verb is not None and verb.lemma_.lower() == "leave" and any(
        c.lower_ == "without" for c in verb.children)
    if left_without:
        return "unspecified"  # "1 million households were left without electricity": what an attack did
    if _in_an_event_state(draft, rules) or draft.unit.split(" ")[-1] in rules.event_nouns:
        # "about 90 people were believed to be missing", "followed by at least 12 aftershocks": what an
        # event did, a running total in the perfect
        return "cumulative" if _is_perfect(verb) else "unspecified"
    if verb is not None and _present_passive(verb) and verb.lemma_.lower() in rules.state_passives:
        return "point"  # "2.8 million people are registered to vote", "are held": a standing state
    if verb is not None and _finite_perfect(verb) and draft.category != "troops" \
            and verb.lemma_.lower() not in \
            rules.deployment | rules.state_passives | rules.act_verbs | rules.planning_words | NOT_A_TOTAL:
        # "prosecutors have charged five", "two hospitals have closed": a running total (four annotators)
        return "cumulative"
    if draft.category == "displaced" and not near & rules.event_verbs:
        # "refugees living in Poland": a population at a moment; "have taken refuge", "have now been driven
        # from their homes": a running total
        return "cumulative" if _is_perfect(verb) else "point"
    if near & rules.event_verbs or draft.category in EVENT_CATEGORIES - {"equipment"}:
        return "cumulative" \
                if _is_perfect(verb) and draft.category in EVENT_CATEGORIES | {"other"} else "unspecified"
    return "point"


def scope_with_cue(draft: ClaimDraft, cue: ScopeCue, rules: ScopeRules) -> str | None:
    """The scope a cue gives this figure; None when the cue does not apply to it."""
    text = cue.text.strip().lower()
    if draft.category in ("money", "percent") and rules.rate_cues.match(text):
        return None  # "4,600 zlotys a month": a salary, a point amount
    if rules.rate_cues.match(text) and (_can_do(draft) or _a_rate_set(draft, rules)):
        return "point"  # "can process 8.8 million tonnes of crude a year": a capacity, a level
    if cue.scope == "cumulative" and rules.calendar_cumulative.search(text):
        return "period"
    still = cue.scope == "point" and STILL.match(text) and cue.start >= draft.end
    if still and _in_an_event_state(draft, rules):
        return "cumulative"  # "46 people were still missing", "remain missing": a running total, any report
    if draft.category in ("money", "percent"):
        return _amount_scope_with_cue(draft, cue, rules)
    if draft.category == "troops" and cue.scope == "cumulative" and _is_deployed(draft, rules):
        return "point"  # "12,000 troops were deployed in Kursk overall": a level
    counted_after = draft.noun is not None and draft.noun.idx >= draft.end
    if cue.scope == "cumulative" and "reached" in text and counted_after:
        return None  # "convoys have reached 31 communities": arriving, not a total that reached a figure
    if ANNOUNCEMENT_CUES.match(text) and draft.unit and draft.unit.split(" ")[-1] in rules.measure_units:
        return "point"  # "reached 48.5 degrees on Friday": a reading on a day, not a count over it
    return cue.scope


def _amount_scope_with_cue(draft: ClaimDraft, cue: ScopeCue, rules: ScopeRules) -> str | None:
    """Money and percentages are mostly levels: a period cue bounds them only when they measure a flow
    over it ("revenues rose 26% in the first eleven months", "inflation stood at 9.1% in August")."""
    verb = governing_verb(draft)
    text = cue.text.strip().lower()
    if draft.category == "percent" and cue.scope in ("period", "daily") and _is_turnout(draft, rules):
        return "period"  # "60% of workers joined the strike on Thursday": the turnout of that strike
    if draft.category == "money" and cue.scope in ("period", "cumulative") and _in_a_budget(draft, rules):
        return None  # "the state budget for 2025 totals 4.6 trillion pounds": a planned level
    past = cue.scope == "period" and PAST_PERIOD_OF.match(text)
    if past and draft.category == "percent" and _achieved(draft):
        return "period"  # "last year's appeal was only 62 percent funded": the share of a closed period
    if cue.scope == "period" and _is_an_average(verb) and not _is_planned(verb, rules):
        return "period"  # "the average monthly salary was 62,000 rubles last year": a statistic of the year
    # "fines for illegal clearing rose to X": a flow, not a level
    level = _subject_lemma(verb) in rules.level_nouns and not _plural_subject(verb, FLOW_PLURALS)
    if draft.category == "money" and level and cue.scope in ("cumulative", "period"):
        return None  # "the one-off payment rose to 1.9 million rubles this week": still a level
    if cue.scope == "cumulative" and rules.running_total_cues.search(text):
        # "inflation has risen to 9%", "the cost of rebuilding has climbed to $524bn": a level that
        # moved, not a running total; "damage has reached $84bn" is one.
        subject = _subject_lemma(verb)
        if draft.category == "percent" or subject in rules.level_nouns:
            return None
        return cue.scope
    if cue.scope != "period":
        return cue.scope
    head = _cue_head(draft, cue)
    if draft.category == "percent" and head is not None and _is_the_whole(draft, head):
        return "period"  # "60% of the May casualties": a share of what the period counted
    change_word = CHANGE_BEFORE.search(draft.doc_text[draft.sentence.start_char:draft.start])
    # "up 4.2% from March"; not "a budget for 2025, up 3.6%"
    change = change_word is not None and cue.start >= draft.end
    if draft.category == "percent" and (change or text.startswith("since")) and not _sets_a_level(verb):
        return "period"  # "has lost about 40% of its value since January", "up 4.2% from March": a change
    if head is not None and head.lemma_.lower() in rules.act_verbs:
        return None  # "China announced a 7.2% increase in March": the cue dates the announcement
    rate = _measure_of(draft, verb) in rules.period_measures
    if draft.category == "percent" and rate and not _is_share_of_economy(draft, rules):
        return "period"  # "expects growth of 2.8% this year": a rate of the period, even when forecast
    if draft.category == "money" and _measure_of(draft, verb) in rules.flow_nouns and not _sets_a_level(verb):
        return "period"  # "ran a deficit of X in the first half", "payments expected to reach X this year"
    if _sets_a_level(verb) or _is_planned(verb, rules):
        return None  # "will raise spending to 13.5 trillion rubles next year": an amount set, a point
    if draft.category == "money":
        near = _lemmas_near(draft, verb)
        if near & rules.flow_verbs or _past_in_a_closed_period(draft, verb, cue, rules):
            return "period"  # "cost the economy $4.8 billion in the year to February"
        return None  # "a budget for 2025" is an amount set, a point
    if _is_share_of_economy(draft, rules):
        return None  # "4.7% of GDP this year": a level
    if _lemmas_near(draft, verb) & rules.change_verbs or _past_in_a_closed_period(draft, verb, cue, rules):
        return "period"  # "imported about 15% of its power last year": a share of what that period did
    return None  # "38% of refugees intend to stay", "only 16 per cent funded this year": a level
