"""The time-scope component's work per document: each live figure's cue and scope, from its own
clause first, then from the event an earlier sentence set.
"""

from __future__ import annotations

from spacy.tokens import Doc

from claimledger.nlp.drafts import ClaimDraft, doc_text, span_text
from claimledger.nlp.runner import expired
from claimledger.nlp.timescope.cues import candidate_cues, find_cues
from claimledger.nlp.timescope.events import (
    _a_count_of_the_day,
    _a_place,
    _agreed_count,
    _another_figures_cue,
    _bounded_period_over_a_total,
    _carried_over,
    _counts_an_event,
    _crowd_scope,
    _day_event_of_the_lede,
    _event_frame,
    _left_by_the_event,
    _of_the_event_before,
    _own_cues_first,
    _same_event,
    _scope_without_cue,
    _toll_of_the_event,
    _whole_of_a_body,
)
from claimledger.nlp.timescope.measures import _a_specification, _counts_a_crowd, _counts_toward_a_level
from claimledger.nlp.timescope.rules import (
    BY_HOUR,
    EVENT_CATEGORIES,
    LEDE_CHARS,
    PROTEST_INCIDENT,
    SAME_PERIOD,
    THE_ATTACK,
    TOLL,
    TOLLS,
    ScopeCue,
    ScopeRules,
)
from claimledger.nlp.timescope.scope import scope_with_cue


def read_time_scopes(doc: Doc, rules: ScopeRules) -> None:
    drafts = [d for d in doc._.claim_drafts or [] if d.dropped is None]
    by_sentence: dict[int, list[ScopeCue]] = {}
    single_event = bool(rules.single_events.search(doc_text(doc)[:LEDE_CHARS]))
    if rules.single_event_names is not None and rules.single_event_names.search(doc_text(doc)[:LEDE_CHARS]):
        single_event = True  # "Cedar Ridge Fire 15% contained": a named wildfire
    day_event = _day_event_of_the_lede(doc, rules) if not single_event else None
    last_cued: ClaimDraft | None = None  # the last figure whose scope a cue gave
    last_event: ClaimDraft | None = None  # the last count of an event with a daily or period scope
    last_toll: ClaimDraft | None = None  # the last running total (cumulative) of an event's toll
    frames: dict[int, ScopeCue | None] = {}  # sentence start → the day its event happened, if it tells one
    text = doc_text(doc)
    in_sentence: dict[int, list[ClaimDraft]] = {}
    for draft in drafts:
        in_sentence.setdefault(draft.sentence.start, []).append(draft)
    position = {id(draft): i for i, draft in enumerate(drafts)}
    for draft in drafts:
        if expired(doc):
            return  # the document's time is up: it is reported as skipped
        sentence = draft.sentence
        if sentence.start not in by_sentence:
            by_sentence[sentence.start] = find_cues(span_text(sentence), sentence.start_char, rules)
        level = _counts_toward_a_level(draft, rules) or _whole_of_a_body(draft, text)
        if level or _agreed_count(draft, rules):
            draft.time_scope = "point"  # "against a target of 19,598", "the alliance's 32 members": levels
            continue
        if _a_specification(draft, rules):
            # "a 5,000mAh battery, up from last year's model": a specification or a measured result is a
            # point whatever window its sentence names
            draft.time_scope = "point"
            continue
        cue, scope = None, None
        between = [d for d in in_sentence[sentence.start] if d is not draft]
        candidates = candidate_cues(draft, by_sentence[sentence.start], rules)
        candidates = [c for c in candidates if not _another_figures_cue(draft, c, between)]
        for candidate in _own_cues_first(draft, candidates, between):
            scope = scope_with_cue(draft, candidate, rules)
            if scope is not None:  # a cue that does not apply ("a budget for 2025") gives way to the next
                cue = candidate
                break
        if cue is not None and BY_HOUR.match(cue.text):
            part_of = draft.refers_to
            if part_of is not None and part_of.time_scope in ("daily", "period"):
                cue, scope = None, None  # "by midday, supply was restored to 640,000 of them": the night's
            elif _a_place(draft):
                cue, scope = None, None  # "had voted at 301 stations by midday": the stations are no count
        if cue is not None and scope == "cumulative" and day_event is not None and TOLL.match(cue.text):
            cue, scope = day_event, "period"  # "It puts the death toll at 23" of Tuesday's protests
        if cue is not None and single_event and _toll_of_the_event(draft, cue):
            cue, scope = None, None  # "dug on Tuesday after an earthquake struck, killing 143": its toll
        bounded = _bounded_period_over_a_total(draft, cue, scope, by_sentence[sentence.start], rules)
        if bounded is not None:
            cue, scope = bounded, "period"  # "over the past week, a total of 420 drones": that week's count
        if cue is not None and scope is not None and SAME_PERIOD.search(cue.text) and last_cued is not None:
            # "over the same period": the period named before, whatever it was
            draft.time_scope, draft.scope_cue = last_cued.time_scope, last_cued.scope_cue
            draft.scope_groups = last_cued.scope_groups
            continue
        if cue is None or scope is None:
            draft.time_scope = _scope_without_cue(draft, rules, single_event)
            before = drafts[position[id(draft)] - 1] if position[id(draft)] > 0 else None
            carried = _carried_over(draft, before, last_cued, last_event, text)
            if carried is not None:
                # "about 40% of those admitted", "up 14% from a year earlier", "It also imposed asset
                # freezes on 54 individuals": the scope of the count or the report just before
                draft.time_scope, draft.scope_cue = carried.time_scope, carried.scope_cue
                draft.scope_groups = carried.scope_groups
                continue
            named_back = draft.category in EVENT_CATEGORIES \
                and bool(THE_ATTACK.search(span_text(draft.sentence)))
            if (draft.time_scope == "unspecified" or named_back) and _same_event(draft, last_event, text):
                # "Russia launched 440 drones overnight. ... At least 28 people were killed in Kyiv": the
                # counts that follow an event's report, with no time of their own, are the event's
                assert last_event is not None
                draft.time_scope, draft.scope_cue = last_event.time_scope, last_event.scope_cue
                draft.scope_groups = last_event.scope_groups
            elif _of_the_event_before(draft, rules) and _same_event(draft, last_event, text):
                # "ran aground on Thursday ... Eight passengers were taken to hospital": the event's people
                assert last_event is not None
                draft.time_scope, draft.scope_cue = last_event.time_scope, last_event.scope_cue
                draft.scope_groups = last_event.scope_groups
            elif ((draft.time_scope == "unspecified" or _of_the_event_before(draft, rules))
                  and draft.category in EVENT_CATEGORIES | {"other"} and not single_event):
                # "On Monday a boat capsized off Libya. At least 27 people drowned": the day the event
                # happened, told in a sentence of its own before the toll
                frame = _event_frame(draft, rules, text, frames)
                if frame is not None:
                    draft.time_scope, draft.scope_cue = frame.scope, frame.text
                    draft.scope_groups = frame.groups
        else:
            draft.time_scope = scope
            draft.scope_cue = cue.text
            draft.scope_groups = cue.groups
            last_cued = draft
        if draft.time_scope == "unspecified" and not draft.scope_cue and draft.category in TOLLS \
                and last_toll is not None and _same_event(draft, last_toll, text):
            # "At least 27 inmates have been killed ... It said 19 people were wounded": the toll so far
            draft.time_scope = "cumulative"
        at_the_event = day_event is not None and bool(PROTEST_INCIDENT.search(span_text(sentence)))
        if draft.time_scope == "unspecified" and at_the_event and draft.category in EVENT_CATEGORIES:
            # "Police said 12 officers were hurt in scuffles" in the report of a strike on Friday
            assert day_event is not None  # at_the_event says so
            draft.time_scope, draft.scope_cue, draft.scope_groups = "period", day_event.text, day_event.groups
        if single_event and draft.time_scope in ("point", "unspecified") and _left_by_the_event(draft, rules):
            # "at least 14 people remain missing", "40 villages had been cut off": the event's toll so far
            draft.time_scope = "cumulative"
        if day_event is not None and _a_count_of_the_day(draft, text):
            # "A dozen cars were set on fire in Nantes", "only 40% of trains ran": the protest day's counts
            draft.time_scope, draft.scope_cue, draft.scope_groups = "period", day_event.text, day_event.groups
        if draft.time_scope in ("point", "unspecified") and draft.unit == "vote":
            draft.time_scope = "period"  # "passed with 257 votes": the count of that day's vote
        if draft.time_scope in ("point", "unspecified") and _counts_a_crowd(draft, rules):
            crowd = _crowd_scope(draft, by_sentence[sentence.start], rules, last_event, text, frames)
            if crowd is not None:
                # "the movement put the crowd at 10,000-15,000": the count of that day's protest
                draft.time_scope, draft.scope_cue, draft.scope_groups = "period", crowd.text, crowd.groups
        if draft.time_scope in ("daily", "period") and _counts_an_event(draft, rules):
            last_event = draft
        if draft.time_scope == "cumulative" and draft.category in TOLLS:
            last_toll = draft
