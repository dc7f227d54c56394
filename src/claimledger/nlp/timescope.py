"""Time scope: is a figure for the last 24 hours, since the war began, for a period, or a level?

Cues come from ``data/lexicons/timescope.toml``. The cue nearest to a figure in its sentence wins;
the period itself is resolved later against the publication date (``normalize.dates``), so this
component stays free of any document context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from claimledger.nlp.drafts import ClaimDraft, clause_bounds, doc_text
from claimledger.nlp.lexicon import compile_patterns, load_table, phrase_alternation
from claimledger.nlp.runner import expired

SCOPES = ("daily", "cumulative", "period", "point")
# Cues that date an announcement rather than bound a count: "a decree on Monday will give 400,000 rubles".
ANNOUNCEMENT_CUES = re.compile(r"^(?:on |last )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                               r"|yesterday|today|this morning|tonight", re.IGNORECASE)
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
    act_verbs: frozenset[str]
    planning_words: frozenset[str]
    period_measures: frozenset[str]
    measure_units: frozenset[str]
    level_nouns: frozenset[str]
    statement_verbs: frozenset[str]
    running_total_cues: re.Pattern[str]
    single_events: re.Pattern[str]
    participation_words: frozenset[str] = frozenset()
    budget_words: frozenset[str] = frozenset()
    frame_verbs: frozenset[str] = frozenset()
    single_event_names: re.Pattern[str] | None = None
    people_and_troops: frozenset[str] = frozenset()
    event_states: re.Pattern[str] | None = None
    loss_verbs: frozenset[str] = frozenset()
    level_relations: frozenset[str] = frozenset()
    event_nouns: frozenset[str] = frozenset()
    state_passives: frozenset[str] = frozenset()
    flow_nouns: frozenset[str] = frozenset()


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
    patterns = {scope: compile_patterns(table[name]["patterns"], f"timescope.toml [{name}]")
                for scope, name in sections.items()}
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
        act_verbs=frozenset(defaults["act_verbs"]),
        planning_words=frozenset(defaults["planning_words"]),
        period_measures=frozenset(defaults["period_measures"]),
        measure_units=frozenset(defaults["measure_units"]),
        level_nouns=frozenset(table["point"]["level_nouns"]),
        statement_verbs=frozenset(load_table("attribution")["cues"]["verbs"]),
        running_total_cues=re.compile(defaults["running_total_cues"], re.IGNORECASE),
        single_events=re.compile(rf"\b(?:{phrase_alternation(defaults['single_events'])})\b", re.IGNORECASE),
        participation_words=frozenset(defaults.get("participation_words", ())),
        budget_words=frozenset(defaults.get("budget_words", ())),
        frame_verbs=frozenset(defaults["event_verbs"]) | frozenset(defaults.get("frame_verbs", ())),
        single_event_names=re.compile(defaults["single_event_names"]) if "single_event_names" in defaults
        else None,
        people_and_troops=frozenset(categories["people"]["nouns"]) | frozenset(categories["nouns"]["troops"]),
        event_states=re.compile(defaults["event_states"], re.IGNORECASE) if "event_states" in defaults
        else None,
        loss_verbs=frozenset(defaults.get("loss_verbs", ())),
        level_relations=frozenset(defaults.get("level_relations", ())),
        event_nouns=frozenset(defaults.get("event_nouns", ())),
        state_passives=frozenset(defaults.get("state_passives", ())),
        flow_nouns=frozenset(defaults.get("flow_nouns", ())),
    )


def find_cues(text: str, offset: int, rules: ScopeRules) -> list[ScopeCue]:
    cues: list[ScopeCue] = []
    for scope in SCOPES:
        for pattern in rules.patterns[scope]:
            for match in pattern.finditer(text):
                groups = {k: v for k, v in match.groupdict().items() if v}
                cues.append(ScopeCue(scope, offset + match.start(), offset + match.end(),
                                     match.group(0), groups))
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
    candidates = candidate_cues(draft, cues, rules)
    return candidates[0] if candidates else None


IN_MONTH = re.compile(r"^(?:in|during|for|throughout) ", re.IGNORECASE)


def _month_right_after(draft: ClaimDraft, cue: ScopeCue) -> bool:
    """ "slowed to 14.3% in June from 15.9% in May": a month cue right after the figure (and its counted
    noun) is the figure's own, whatever clause the parse hangs it on."""
    end = draft.end
    if draft.noun is not None and draft.noun.idx >= draft.end:
        end = draft.noun.idx + len(draft.noun.text)
    # "up 12% from November" is a change up to now, not November's: only "in/during/for <month>"
    return bool(cue.groups.get("month")) and cue.scope == "period" and 0 <= cue.start - end <= 1 \
        and not draft.doc_text[end:cue.start].strip() and IN_MONTH.match(cue.text) is not None


def candidate_cues(draft: ClaimDraft, cues: list[ScopeCue], rules: ScopeRules) -> list[ScopeCue]:
    """The cues that may give this figure its scope, best first: a month right after the figure; those the
    parse ties to the figure's own clause, then to a clause above it, by distance; failing those, the
    nearest one close by."""
    found = _candidate_cues(draft, cues, rules)
    own = [c for c in cues if _month_right_after(draft, c)]
    return own + [c for c in found if c not in own] if own else found


def _candidate_cues(draft: ClaimDraft, cues: list[ScopeCue], rules: ScopeRules) -> list[ScopeCue]:
    usable = [c for c in cues if not (c.start < draft.end and draft.start < c.end)]
    if draft.category in ("money", "troops", "percent") and not _is_turnout(draft, rules) \
            and not _moved_on_the_day(draft, rules):
        # A weekday dates the announcement of a bonus or a deployment, not a period of the amount.
        usable = [c for c in usable if not ANNOUNCEMENT_CUES.match(c.text)]
    if draft.category == "percent" and _lemmas_near(draft, governing_verb(draft)) & rules.level_relations:
        # "a unit accounting for about 40% of the plant's capacity", struck overnight: a share, a level
        usable = [c for c in usable if not (ANNOUNCEMENT_CUES.match(c.text) or DAY_CUE.search(c.text))]
    phrases = _bringing_phrases(draft)
    usable = [c for c in usable if not _bringing_another(draft, c, phrases)]
    if draft.category != "percent":
        usable = [c for c in usable if not AT_HOUR.match(c.text)]  # "killed at 3pm on Monday": only a share
        # is read at an hour ("turnout reached 31.4% at 1pm")
    if draft.category in ("troops", "percent", "other"):
        usable = [c for c in usable if c.text.lower() not in ("toll", "death toll", "bringing")]
    if draft.category in ("detained", "displaced"):
        # "It puts the death toll at 23, and says 61 were arrested": the toll is not the arrests
        usable = [c for c in usable if c.text.lower() not in ("toll", "death toll")]
    # "11 people have died, the inspectorate said on Tuesday": the day dates the statement
    usable = [c for c in usable
              if not (ANNOUNCEMENT_CUES.match(c.text) and _dates_a_statement(draft, c, rules))]
    # "the 84th exchange since the invasion", "a smaller overall deficit": no time of the figure's
    usable = [c for c in usable if not _not_a_time(draft, c)]
    if not usable:
        return []
    attached = [c for c in usable if _attached(draft, c) or _dates_the_cause(draft, c, rules)]
    if draft.category == "money" and any(rules.running_total_cues.search(c.text) for c in attached):
        # "spending in the first half of the year had reached UAH 1.1 trillion": the period of the flow
        attached += [c for c in usable
                     if c not in attached and c.scope == "period" and _bounds_subject(draft, c)]
    if any(not ANNOUNCEMENT_CUES.match(c.text) for c in attached):
        # "the death toll climbed past 41,000 on Wednesday": the toll says more than the day
        attached = [c for c in attached if not ANNOUNCEMENT_CUES.match(c.text)]
    only_rates = attached and all(rules.rate_cues.match(c.text.lower()) for c in attached)
    if draft.category == "money" and only_rates and _is_an_average(governing_verb(draft)):
        # "was 1,540 euros a month last year": the rate says a salary; the period may still bound it
        attached += [c for c in usable if c not in attached and c.scope == "period"
                     and not _in_another_clause(draft, c) and _distance(draft, c) <= UNATTACHED_REACH]
    if attached:
        ordered = sorted(attached, key=lambda c: (not _hangs_in_own_clause(draft, c), _distance(draft, c)))
        if draft.category == "money" and any(rules.running_total_cues.search(c.text) for c in ordered):
            # "revenues rose to $3bn in the first quarter": the period bounds the flow the total reached
            ordered.sort(key=lambda c: not (c.scope == "period" and not ANNOUNCEMENT_CUES.match(c.text)))
        return ordered
    nearby = [c for c in usable if not _in_another_clause(draft, c)]
    if not nearby:
        return []
    nearest = min(nearby, key=lambda c: _distance(draft, c))
    return [nearest] if _distance(draft, nearest) <= UNATTACHED_REACH else []


def _moved_on_the_day(draft: ClaimDraft, rules: ScopeRules) -> bool:
    """ "The index rose 1.8% on Monday", "let the peso weaken by 12% on Wednesday": a percentage a market
    moved, whose day is the span of the move (not a rate set: "raised its key rate to 19% on Friday")."""
    if draft.category != "percent":
        return False
    verb = governing_verb(draft)
    return bool(_lemmas_near(draft, verb) & rules.change_verbs) and not _sets_a_level(verb)


BRINGING_TO = re.compile(r"\b(?:bring|brings|bringing|brought)\b[^.;]{0,100}?\bto\s+", re.IGNORECASE)


def _bringing_phrases(draft: ClaimDraft) -> list[re.Match[str]]:
    """The "bringing ... to" phrases of the figure's sentence, found once per figure (not per cue)."""
    sentence = draft.sentence.text.lower()  # the sentence alone: Doc.text joins every token (a hot path)
    if "bring" not in sentence and "brought" not in sentence:
        return []  # the common case, without running the regex at every position
    return list(BRINGING_TO.finditer(draft.doc_text, draft.sentence.start_char, draft.sentence.end_char))


def _bringing_another(draft: ClaimDraft, cue: ScopeCue, phrases: list[re.Match[str]]) -> bool:
    """ "approved a tranche of $1 billion, bringing total disbursements under its $7 billion programme to
    $2.1 billion": "bringing" (and the "total" inside its phrase) make a running total of the figure right
    after its "to", not of the others."""
    for match in phrases:
        if match.start() <= cue.start and cue.end <= match.end():
            return draft.start != match.end()
    return False


ORDINAL_PHRASE = re.compile(
    r"\b(?:the|its|their|his|her|a)(?: [\w-]+'s)? (?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|"
    r"sixth|seventh|eighth|ninth|tenth|biggest|largest|highest|lowest|deadliest|worst|heaviest|most \w+|"
    r"\w{3,}est)"
    r"(?: [\w-]+){0,3} $",
    re.IGNORECASE,
)
TEMPORAL_MARKS = {"after", "when", "as", "before"}
A_STRETCH = re.compile(r"^(?:a|an|one) (?:day|night|week|month|year|fortnight)$", re.IGNORECASE)


def _not_a_time(draft: ClaimDraft, cue: ScopeCue) -> bool:
    """ "in the 84th prisoner exchange since the full-scale invasion", "the largest since 2022": the cue
    dates an ordinal or a superlative, not the count; "a smaller overall deficit": an adjective."""
    span = draft.span.doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if span is None:
        return False
    if cue.text.lower() == "overall":
        return span[0].dep_ == "amod"
    if A_STRETCH.match(cue.text) and draft.doc_text.startswith(" of ", cue.end):
        return True  # "floods triggered by a week of monsoon rain": the rain's length, not the count's
    if not cue.text.lower().startswith("since"):
        return False
    before = draft.doc_text[max(0, cue.start - 60):cue.start]
    phrase = ORDINAL_PHRASE.search(before)  # the parse often hangs "since" on the verb
    return phrase is not None and draft.end <= cue.start - len(before) + phrase.start()


def _dates_the_cause(draft: ClaimDraft, cue: ScopeCue, rules: ScopeRules) -> bool:
    """ "At least 41 people drowned after a boat capsized off Crete on Monday": the named day of the event
    told in a clause of time ("after", "when") hung on the figure's own verb."""
    if not (ANNOUNCEMENT_CUES.match(cue.text) or DAY_CUE.search(cue.text)) or rules.rate_cues.match(cue.text):
        return False
    head = _cue_head(draft, cue)
    verb = governing_verb(draft)
    if head is None or verb is None or head.dep_ != "advcl":
        return False
    above = head.head
    reported = above.lemma_.lower() in rules.statement_verbs
    joined = (above.dep_ == "conj" and above.head.i == verb.i) or (
        verb.dep_ in ("conj", "ccomp") and verb.head.i == above.i and not reported)
    if above.i != verb.i and not joined:
        return False  # on the figure's verb, or on one joined to it ("drowned and ... were missing after")
    marked = any(c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS for c in head.children)
    return marked and head.lemma_.lower() in rules.frame_verbs


def _bounds_subject(draft: ClaimDraft, cue: ScopeCue) -> bool:
    """Whether a cue hangs inside the subject of the figure's verb ("spending in the first half")."""
    verb = governing_verb(draft)
    head = _cue_head(draft, cue)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb else None
    return subject is not None and head is not None and head.i in {t.i for t in subject.subtree}


def _in_another_clause(draft: ClaimDraft, cue: ScopeCue) -> bool:
    """ "900 houses were damaged, and 300 people were evacuated overnight": the cue's clause has a
    subject of its own, so it is that clause's cue."""
    head = _cue_head(draft, cue)
    while head is not None and head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    verb = governing_verb(draft)
    if head is None or verb is None or head.i == verb.i or head.i in {t.i for t in verb.ancestors}:
        return False
    return _is_full_clause(head)


def _is_full_clause(verb: Token) -> bool:
    """A clause with a subject and a tense of its own; "and 2,700 wounded since ..." shares the one before."""
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    own_tense = any(c.dep_ in ("aux", "auxpass") for c in verb.children) or verb.tag_ in ("VBD", "VBZ", "VBP")
    return own_subject and own_tense


def _dates_a_statement(draft: ClaimDraft, cue: ScopeCue, rules: ScopeRules) -> bool:
    """Whether the cue hangs on the verb that reports the figure ("..., the agency said on Tuesday"),
    not on the figure's own verb ("police put the crowd on Sunday at 400")."""
    head = _cue_head(draft, cue)
    verb = governing_verb(draft)
    if head is None or verb is None or head.i == verb.i or verb.lemma_.lower() in rules.statement_verbs:
        return False  # the figure's own verb reports it: "the monitor put it at 300,000 on Saturday"
    reporting: set[int] = set()
    for ancestor in verb.ancestors:
        if ancestor.lemma_.lower() in rules.statement_verbs:
            reporting.add(ancestor.i)
            if ancestor.tag_ != "VBG":
                break  # "..., the air force said on Monday, adding that 79 were shot down": up to "said"
    return head.i in reporting


# A cue the parse does not tie to the figure still counts when it is this close (in characters):
# the small model often hangs "over the past day" on the wrong word.
UNATTACHED_REACH = 60


def _hangs_in_own_clause(draft: ClaimDraft, cue: ScopeCue) -> bool:
    """ "appealed this year, saying 12.7 million people currently need aid": "currently" hangs on the
    figure's own verb, "this year" on the clause above."""
    head = _cue_head(draft, cue)
    verb = governing_verb(draft)
    own = {draft.figure.i}
    own.update(t.i for t in (draft.noun, verb) if t is not None)
    span = draft.span.doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if span is not None and any(t.i in own for t in span):
        return True  # the cue is the verb itself: "totalled"
    return head is not None and head.i in own


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
    verb = governing_verb(draft)
    if verb is not None and span.start <= verb.i < span.end:
        return True  # the cue is the figure's own verb: "totalled $3.4bn"
    if verb is not None and (draft.noun or draft.figure).head.lower_ == "at":
        # "put total Russian losses at 578,690": the object measured is the figure's own
        line.update(c.i for c in verb.children if c.dep_ == "dobj")
    for token in span:
        head = token.head
        for _ in range(3):  # "troops killed or wounded over the seven days": up the participles of the noun
            bare = not _has_subject(head)
            participle = head.tag_ == "VBN" and head.dep_ in ("conj", "advcl", "acl") and bare
            if head.i in line or not participle:
                break
            head = head.head
        if head.i in line and not (span.start <= head.i < span.end):
            return True
        if head.pos_ in ("VERB", "AUX") and head.head.i in line and head.i not in range(span.start, span.end):
            if _is_full_clause(head):
                continue  # "5,000 homes were flooded, and 1,200 people were evacuated overnight"
            return True
    return False


def governing_verb(draft: ClaimDraft) -> Token | None:
    """The verb the figure (or its noun) hangs on, within its own clause."""
    token = draft.noun if draft.noun is not None else draft.figure
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") and token.i != draft.figure.i:
            return token
        if token.head.i == token.i \
                or (token.dep_ in ("ccomp", "parataxis", "relcl") and token.pos_ not in ("VERB", "AUX")):
            return None
        token = token.head
    return None


def _lemmas_near(draft: ClaimDraft, verb: Token | None) -> set[str]:
    lemmas = {verb.lemma_.lower()} if verb is not None else set()
    if verb is not None:
        lemmas.update(c.lemma_.lower() for c in verb.children if c.dep_ in ("xcomp", "conj", "prt", "acomp")
                      and not (c.dep_ == "conj" and _has_subject(c)))
    anchor = draft.noun if draft.noun is not None else draft.figure
    lemmas.update(c.lemma_.lower() for c in anchor.children if c.dep_ in ("acl", "amod", "relcl"))
    return lemmas


def _has_subject(verb: Token) -> bool:
    return any(g.dep_ in ("nsubj", "nsubjpass") for g in verb.children)


def _is_perfect(verb: Token | None) -> bool:
    """The present perfect ("have died"): a running total. The past perfect of reported speech ("said
    23 protesters had needed treatment") only moves a past event back and is not one."""
    return verb is not None and any(c.dep_ == "aux" and c.lemma_.lower() == "have" and c.lower_ != "had"
                                    for c in verb.children)


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


PERFECT_PASSIVE_AFTER = re.compile(r"^[\w ]{0,30}?\b(?:have|has) been (\w+)", re.IGNORECASE)


NOT_A_TOTAL = {"reach", "have", "be", "order", "buy", "purchase"}  # places reached, equipment ordered


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


STILL = re.compile(r"^(?:still|remain(?:s|ed)?)$", re.IGNORECASE)
AT_HOUR = re.compile(r"^at (?:midday|noon|\d)", re.IGNORECASE)  # "turnout reached 31.4% at 1pm": a reading


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


CLOSED_PERIOD = re.compile(
    r"^(?:last (?:year|month|week|quarter)|in (?:19|20)\d\d|in the (?:year|twelve months|12 months) to|"
    r"in the (?:period|same (?:period|months?|quarter))|in the (?:first|second|third|fourth|last) "
    r"(?:\w+ )?(?:months?|quarter|half))\b", re.IGNORECASE)


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


FLOW_PLURALS = frozenset({"fine", "payment"})  # "fines for illegal clearing rose to X": a flow, not a level


def _plural_subject(verb: Token | None, lemmas: frozenset[str]) -> bool:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb else None
    return subject is not None and subject.tag_ == "NNS" and subject.lemma_.lower() in lemmas


PAST_PERIOD_OF = re.compile(r"^last (?:year|month|week|quarter)'s$", re.IGNORECASE)
AVERAGE_WORDS = {"average", "mean", "median"}


def _achieved(draft: ClaimDraft) -> bool:
    """ "62 percent funded", "80% complete": a share of the thing done (not a level set: "the award was
    5.5%")."""
    doc = draft.span.doc
    after = doc[draft.span.end] if draft.span.end < len(doc) else None
    return after is not None and after.tag_ in ("VBN", "JJ")


def _is_an_average(verb: Token | None) -> bool:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb else None
    return subject is not None and any(c.lower_ in AVERAGE_WORDS for c in subject.subtree if c.i < subject.i)


STRIKE_WORDS = re.compile(
    r"\b(?:strikes?|walkouts?|stoppages?|protests?|rall(?:y|ies)|boycotts?|shutdowns?)\b", re.IGNORECASE
)


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


CROWD_WORDS = {
    "crowd", "march", "gather", "demonstrate", "rally", "protest", "part", "participant", "turnout",
}


def _crowd_scope(draft: ClaimDraft, cues: list[ScopeCue], rules: ScopeRules, last_event: ClaimDraft | None,
                 text: str, frames: dict[int, ScopeCue | None]) -> ScopeCue | None:
    """The day of the protest a crowd count belongs to: a day cue in its sentence that does not date a
    statement, the event reported just before, or the day the sentences before give."""
    for cue in cues:
        if cue.scope in ("period", "daily") and not SAME_PERIOD.search(cue.text) \
                and not _dates_a_statement(draft, cue, rules):
            return cue
    if last_event is not None and _same_event(draft, last_event, text) and last_event.scope_cue:
        return ScopeCue(last_event.time_scope, -1, -1, last_event.scope_cue, last_event.scope_groups)
    return _event_frame(draft, rules, text, frames)


BUDGET_SPEAKERS = "officials?|office|committee|ministry|spokes\\w+|director|chief|watchdog|experts?"


def _paragraph_so_far(draft: ClaimDraft) -> str:
    """The figure's paragraph up to the end of its sentence."""
    text = draft.doc_text
    start = text.rfind("\n\n", 0, draft.sentence.start_char)
    return text[max(start, 0):draft.sentence.end_char]


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


def _is_the_whole(draft: ClaimDraft, token: Token) -> bool:
    """Whether ``token`` is what a percentage is a share of: "casualties" in "60% of the May casualties"."""
    anchor = draft.noun if draft.noun is not None else draft.figure
    of = next((c for c in anchor.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return of is not None and any(c.dep_ == "pobj" and c.i == token.i for c in of.children)


def _measure_of(draft: ClaimDraft, verb: Token | None) -> str | None:
    """What a percentage measures: "growth of 2.8%", "inflation stood at 9.1%"."""
    of = (draft.noun if draft.noun is not None else draft.figure).head
    if of.lower_ == "of" and of.head.pos_ == "NOUN":
        return of.head.lemma_.lower()
    subject = _subject(verb)
    if subject is not None and subject.lemma_.lower() == "rate":
        # "the annual inflation rate reached 8.6% in September": the rate of inflation
        kind = sorted((c for c in subject.children if c.dep_ in ("compound", "amod")),
                      key=lambda c: c.dep_ != "compound")  # "annual inflation rate": inflation
        if kind:
            return kind[0].lemma_.lower()
    return subject.lemma_.lower() if subject is not None else None


def _cue_head(draft: ClaimDraft, cue: ScopeCue) -> Token | None:
    """The word outside the cue that the cue hangs on."""
    span = draft.span.doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if span is None:
        return None
    for token in span:
        if not span.start <= token.head.i < span.end:
            return token.head
    return None


def _subject(verb: Token | None) -> Token | None:
    """The subject of a verb, or of the clause a relative verb hangs on ("inflation, which stood at")."""
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ in ("which", "that", "who") and verb.dep_ == "relcl":
        subject = verb.head
    return subject


def _subject_lemma(verb: Token | None) -> str | None:
    subject = _subject(verb)
    return subject.lemma_.lower() if subject is not None else None


def _sets_a_level(verb: Token | None) -> bool:
    """A verb of change with an object of its own: an agent sets a new level ("raised its key rate to
    19%", "raises the salary by 17%"), unlike "revenues rose 26%"."""
    if verb is None:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj" and not c.like_num and c.pos_ != "NUM"
               and not any(g.like_num for g in c.lefts) and c.text != "%"]
    return bool(objects) and any(c.dep_ == "prep" and c.lower_ in ("to", "by") for c in verb.children)


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
    following = sentence.text[draft.end - sentence.start_char:][:80]  # the sentence's, not the doc's text
    return bool(rules.share_of.match(following))


SAME_PERIOD = re.compile(r"\bthe same (?:period|time|day|night|week|month|hours?)\b", re.IGNORECASE)


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
            by_sentence[sentence.start] = find_cues(sentence.text, sentence.start_char, rules)
        level = _counts_toward_a_level(draft, rules) or _whole_of_a_body(draft, text)
        if level or _agreed_count(draft, rules):
            draft.time_scope = "point"  # "against a target of 19,598", "the alliance's 32 members": levels
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
            named_back = draft.category in EVENT_CATEGORIES and bool(THE_ATTACK.search(draft.sentence.text))
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
        at_the_event = day_event is not None and bool(PROTEST_INCIDENT.search(sentence.text))
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


def _of_the_event_before(draft: ClaimDraft, rules: ScopeRules) -> bool:
    """A count of people or things with no cue of its own, told in the simple past, that the default left a
    point: in the report of an event with a day ("the group included 61 children", "eight passengers were
    taken to hospital"), the four independent annotators read the event's period."""
    if draft.time_scope != "point" or draft.scope_cue or draft.category not in ("other", "displaced"):
        return False
    if draft.unit and draft.unit.split(" ")[-1] in rules.measure_units:
        return False
    verb = governing_verb(draft)
    if verb is None or verb.lemma_.lower() in rules.deployment | rules.state_passives | {"be"}:
        return False
    if verb.lemma_.lower() in rules.statement_verbs or any(c.tag_ == "MD" for c in verb.children):
        return False
    return verb.tag_ == "VBD" or any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children)


def _left_by_the_event(draft: ClaimDraft, rules: ScopeRules) -> bool:
    """In a single event's report, people it left missing or homeless, or a count told in the perfect
    ("had been cut off", "has rebuilt 3,200 homes"), with no cue of its own."""
    if draft.scope_cue or draft.category in ("money", "percent", "troops"):
        return False
    verb = governing_verb(draft)
    if verb is not None and verb.lemma_.lower() in rules.deployment:
        return False  # "1,900 rescuers had been deployed": a level at hand
    perfect = verb is not None and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
    return perfect or _in_an_event_state(draft, rules)


def _a_count_of_the_day(draft: ClaimDraft, text: str) -> bool:
    """In the report of a one-day protest, strike or blockade, a count with no cue of its own told in the
    simple past near the top ("about 1,200 tractors took part", "only 40% of trains ran")."""
    if draft.time_scope not in ("point", "unspecified") or draft.scope_cue:
        return False
    if draft.category not in ("other", "percent", "detained", "injuries") or _whole_of_a_body(draft, text):
        return False
    if text.count("\n\n", 0, draft.start) > DAY_REPORT_PARAGRAPHS:
        return False
    verb = governing_verb(draft)
    if verb is None or any(c.tag_ == "MD" for c in verb.children) or _sets_a_level(verb):
        return False  # "raised tariffs by 40%": a level set
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" and c.lower_ != "had"
                                     for c in verb.children)


DAY_REPORT_PARAGRAPHS = 2  # paragraph breaks a one-day protest's report runs on across
WHOLE_OF_A_BODY = re.compile(r"\b\w+ of (?:(?:the )?[\w-]+(?: [\w-]+)?'s|its|their) $", re.IGNORECASE)


def _whole_of_a_body(draft: ClaimDraft, text: str) -> bool:
    """ "23 of the alliance's 32 members", "nine of its 24 regions": the whole of a part, a level."""
    if draft.category != "other":
        return False
    return bool(WHOLE_OF_A_BODY.search(text[max(0, draft.start - 60):draft.start]))  # the Doc.text built once


def _agreed_count(draft: ClaimDraft, rules: ScopeRules) -> bool:
    """ "agreeing only to swap 1,000 prisoners each", "agreed to release 200": a count agreed or planned."""
    if draft.category in ("money", "percent"):
        return False  # amounts have rules of their own
    verb = governing_verb(draft)
    may_happen = verb is not None and any(c.lower_ in MAY_HAPPEN for c in verb.children)
    if may_happen and verb is not None and draft.category not in TOLLS \
            and not any(c.lower_ == "have" for c in verb.children):
        return True  # "the truce could see the release of about 1,000 prisoners": a count that may come
    return (verb is not None and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in rules.planning_words
            and verb.head.lemma_.lower() != "target")


MAY_HAPPEN = {"could", "would", "will", "'ll", "might"}
TOLLS = {"deaths", "injuries", "casualties"}  # "the toll could rise to 300" keeps the toll's own cues


def _another_figures_cue(draft: ClaimDraft, cue: ScopeCue, others: list[ClaimDraft]) -> bool:
    """ "inflation falling from a peak of 38% in May 2023 and reserves rising to $11.2 billion": a cue right
    after another figure, before this one and with a new clause between, is that figure's time; "put the
    total number of deaths at 1,890 and said 320 centres were operating": a cue the parse does not tie to
    this figure, with another figure between, is the nearer figure's."""
    if cue.end > draft.start:
        return False
    text = draft.doc_text
    for other in others:
        if not (cue.start - 2 <= other.end and other.end <= draft.start and other.start >= cue.start - 40):
            continue
        if other.start >= cue.end and not _attached(draft, cue):
            return True  # the figure between is nearer the cue
        head = _cue_head(draft, cue)
        on_a_phrase = head is not None and head.pos_ not in ("VERB", "AUX")  # "a peak of 38% in May 2023"
        if other.end <= cue.start and on_a_phrase and CLAUSE_BREAK.search(text, cue.end, draft.start):
            return True
    return False


CLAUSE_BREAK = re.compile(r"\b(?:and|while|but|whereas)\b|;")


def _own_cues_first(draft: ClaimDraft, cues: list[ScopeCue], others: list[ClaimDraft]) -> list[ScopeCue]:
    """ "lost 8,940 troops over the seven days, and 1,204,000 since the invasion began": a cue with another
    figure between it and this one goes after the cues this figure has to itself."""
    def separated(cue: ScopeCue) -> bool:
        low, high = (draft.end, cue.start) if cue.start >= draft.end else (cue.end, draft.start)
        return any(low <= d.start and d.end <= high for d in others)
    return sorted(cues, key=separated)


def _toll_of_the_event(draft: ClaimDraft, cue: ScopeCue) -> bool:
    """A count told in a participle of the event's clause ("an earthquake struck, killing 143 people"),
    with a day cue hung on a verb above that clause (the rescue "on Tuesday"), is the event's toll."""
    verb = governing_verb(draft)
    while verb is not None and verb.dep_ == "conj" and verb.tag_ == "VBG" and verb.head.tag_ == "VBG":
        verb = verb.head  # "killing at least 146 people and injuring more than 600": the first participle's
    if draft.category not in EVENT_CATEGORIES or verb is None or verb.tag_ != "VBG" or verb.dep_ != "advcl":
        return False
    if not (ANNOUNCEMENT_CUES.match(cue.text) or DAY_CUE.search(cue.text)):
        return False
    head = _cue_head(draft, cue)
    return head is not None and head.i != verb.i


# "About 40% of those admitted", "64% of the killings": a share of the count reported just before
BY_HOUR = re.compile(r"^by (?:midday|noon|mid-?morning|mid-?afternoon|\d)", re.IGNORECASE)


def _a_place(draft: ClaimDraft) -> bool:
    """A figure that counts where something happened ("voted at 301 stations"), not what happened."""
    noun = draft.noun
    return noun is not None and noun.dep_ == "pobj" and noun.head.lower_ in ("at", "in", "across", "from")


TOLL = re.compile(r"^(?:death )?toll$", re.IGNORECASE)
OF_THOSE = re.compile(r"^ of (?:those|them|these|the (?:killings|deaths|dead|victims|casualties|attacks|"
                      r"cases|arrests|detentions|incidents|injured|wounded|displaced))\b", re.IGNORECASE)
CHANGE_BEFORE = re.compile(r"\b(?:up|down|an? (?:rise|increase|fall|drop|decline) of)\s*$", re.IGNORECASE)
ADDING_THAT = re.compile(r"\badding(?: that)?\b", re.IGNORECASE)
ALSO_SUBJECT = re.compile(r"^(?:it|they|he|she|the \w+) also\b", re.IGNORECASE)


def _carried_over(draft: ClaimDraft, previous: ClaimDraft | None, last_cued: ClaimDraft | None,
                  last_event: ClaimDraft | None, text: str) -> ClaimDraft | None:
    """The figure whose scope this uncued one takes (``previous`` is the live figure just before): a share
    "of those" counted just before takes their count's; a change "up 14%" after a period's flow takes the
    flow's; "It also imposed ..." the report's."""
    if previous is None or previous.time_scope not in ("daily", "period"):
        return None
    paragraphs = text.count("\n\n", previous.end, draft.start)
    in_reach = paragraphs == 0
    if draft.category == "percent" and in_reach:
        if OF_THOSE.match(text[draft.end:draft.end + 20]) and previous.category not in ("money", "percent"):
            return previous  # "treated 312 patients in the past 24 hours. About 40% of those admitted"
        same = previous.sentence.start == draft.sentence.start
        if same and CHANGE_BEFORE.search(text[draft.sentence.start_char:draft.start]) and previous.scope_cue:
            return previous  # "had reached UAH 1.1 trillion, up 14% from a year earlier"
    if draft.category in ("money", "percent") or draft.time_scope not in ("point", "unspecified"):
        return None
    same_sentence = previous.sentence.start == draft.sentence.start
    adding = same_sentence and previous.scope_cue and ADDING_THAT.search(text, previous.end, draft.start)
    if adding and draft.category in EVENT_CATEGORIES:  # (not "adding that the boat may have carried 350")
        return previous  # "17 cases since Friday, the minister said, adding that officers had detained six"
    also = ALSO_SUBJECT.match(draft.sentence.text)
    follows = previous.sentence.end <= draft.sentence.start and paragraphs <= EVENT_REACH_PARAGRAPHS
    same_report = last_cued is not None and previous.sentence.start == draft.sentence.start \
        and previous.scope_cue == last_cued.scope_cue  # "on 54 individuals and 30 entities"
    if also and ((follows and last_cued is previous) or same_report):
        return previous  # "Ministers on Monday adopted ... It also imposed asset freezes on 54 individuals"
    return None


PROTEST_INCIDENT = re.compile(
    r"\b(?:strik(?:e|es|ers)|protest(?:s|ers)?|demonstrat(?:ions?|ors)|march(?:es|ers)?|rall(?:y|ies)|"
    r"scuffles?|clash(?:es)?|riots?|unrest)\b", re.IGNORECASE)


def _day_event_of_the_lede(doc: Doc, rules: ScopeRules) -> ScopeCue | None:
    """The day of a one-day strike or protest the lede reports ("Workers marched ... on Friday in a general
    strike"): the counts of its incidents (hurt, detained) are that day's."""
    lede_end = doc_text(doc).find("\n\n")
    for sentence in doc.sents:
        if lede_end >= 0 and sentence.start_char > lede_end:
            break
        # past a dateline ("ROME -") split off as a sentence
        if STRIKE_WORDS.search(sentence.text) or BLOCKADE.search(sentence.text):
            return _frame_of(sentence, rules)
    return None


BLOCKADE = re.compile(r"\b(?:blockades?|blocked|blocking|marched)\b", re.IGNORECASE)
DAY_CUE = re.compile(r"\b(?:overnight|last night|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
                     re.IGNORECASE)
FRAME_REACH_SENTENCES = 3  # sentences back that a toll may find the day its event happened


def _event_frame(draft: ClaimDraft, rules: ScopeRules, text: str,
                 frames: dict[int, ScopeCue | None]) -> ScopeCue | None:
    """The day cue of an event reported just before the figure, in a sentence with no figure of its
    own tied to it: "On Monday a boat carrying migrants capsized off Libya." (within the paragraph reach)."""
    doc = draft.span.doc
    index = draft.sentence.start - 1
    for _ in range(FRAME_REACH_SENTENCES):
        if index < 0:
            return None
        sentence = doc[index].sent
        if text.count("\n\n", sentence.end_char, draft.start) > EVENT_REACH_PARAGRAPHS:
            return None
        if sentence.start not in frames:
            frames[sentence.start] = _frame_of(sentence, rules)
        if frames[sentence.start] is not None:
            return frames[sentence.start]
        index = sentence.start - 1
    return None


def _frame_of(sentence: Span, rules: ScopeRules) -> ScopeCue | None:
    """A daily or period cue hung on an event verb ("capsized on Monday"), not on a reporting verb."""
    doc = sentence.doc
    for cue in find_cues(sentence.text, sentence.start_char, rules):
        named_day = ANNOUNCEMENT_CUES.match(cue.text) or DAY_CUE.search(cue.text)
        if cue.scope not in ("daily", "period") or not named_day or rules.rate_cues.match(cue.text.lower()):
            continue  # only a named day ("on Monday", "overnight"), not "a week" or "per day"
        span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
        head = next((t.head for t in span if not span.start <= t.head.i < span.end), None) if span else None
        while head is not None and head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if head is None or head.lemma_.lower() in rules.statement_verbs:
            continue  # "the ministry said on Monday": the day of a statement
        if head.lemma_.lower() in rules.frame_verbs:
            return cue
    return None


RUNNING_TOTAL = re.compile(
    r"\b(?:bring|brings|bringing|brought|raise|raises|raising|raised|push|pushes|pushing|pushed|take|takes|"
    r"taking|took) (?:the|its|their) (?:overall |total )?(?:total|tally|toll)",
    re.IGNORECASE,
)


def _bounded_period_over_a_total(draft: ClaimDraft, cue: ScopeCue | None, scope: str | None,
                                 cues: list[ScopeCue], rules: ScopeRules) -> ScopeCue | None:
    """ "Over the past week, a total of 420 drones were launched": a total bounded by a stretch of time
    counts that stretch (period); only "since" the start of the thing counted makes a running total."""
    if cue is None or scope != "cumulative" or cue.text.lower().startswith("since"):
        return None
    if draft.category in ("money", "percent"):
        return None  # amounts have rules of their own ("bringing its total support this month to €19.6bn")
    if RUNNING_TOTAL.search(draft.sentence.text[:draft.start - draft.sentence.start_char]):
        return None  # "the week's figures bring the total to 8,900": the week added to a running total
    for other in cues:
        if other.scope != "period" or ANNOUNCEMENT_CUES.match(other.text) or SAME_PERIOD.search(other.text):
            continue
        if rules.rate_cues.match(other.text.strip().lower()) or _in_another_clause(draft, other):
            continue
        return other
    return None


# How much of an article's start (headline and lede) says what single event it reports.
LEDE_CHARS = 400


EVENT_REACH_PARAGRAPHS = 1  # paragraph breaks an event's report may run on across
THE_ATTACK = re.compile(r"\bthe (?:attack|strike|strikes|barrage|assault|raid|bombardment|shelling)\b",
                        re.IGNORECASE)


def _counts_an_event(draft: ClaimDraft, rules: ScopeRules) -> bool:
    if draft.category in EVENT_CATEGORIES:
        return True
    return draft.category == "other" and bool(_lemmas_near(draft, governing_verb(draft)) & rules.event_verbs)


def _same_event(draft: ClaimDraft, last_event: ClaimDraft | None, text: str) -> bool:
    """Whether an uncued count follows an event's report closely enough to be part of it."""
    if last_event is None or draft.category not in EVENT_CATEGORIES | {"other"}:
        return False
    if THE_ATTACK.search(draft.sentence.text):
        return True  # "the attack included 16 cruise missiles": named back, however far
    return text.count("\n\n", last_event.end, draft.start) <= EVENT_REACH_PARAGRAPHS


def _scope_without_cue(draft: ClaimDraft, rules: ScopeRules, single_event: bool) -> str:
    """A figure that shares its verb with the one before ("212 destroyed and 37 damaged") or counts a
    part of what was counted before ("121 of the drones") shares its scope; in the report of a single
    event (a quake, a fire), a count of what the event did is its toll so far."""
    earlier = draft.continues or draft.refers_to
    if earlier is not None and earlier.time_scope != "unspecified":
        draft.scope_cue, draft.scope_groups = earlier.scope_cue, earlier.scope_groups
        return earlier.time_scope
    scope = default_scope(draft, rules)
    if scope == "unspecified" and single_event and draft.category in EVENT_CATEGORIES | {"other"}:
        return "cumulative"
    return scope
