"""Time scope across sentences: a figure with no cue of its own that counts the same event as an
earlier sentence (the lede's day, an attack's toll, a protest's crowd) takes that event's frame; a
running total over a bounded period keeps its own.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from claimledger.nlp.drafts import ClaimDraft, doc_text, span_text
from claimledger.nlp.timescope.cues import _attached, _dates_a_statement, _in_another_clause, find_cues
from claimledger.nlp.timescope.measures import _in_an_event_state
from claimledger.nlp.timescope.rules import (
    ADDING_THAT,
    ALSO_SUBJECT,
    ANNOUNCEMENT_CUES,
    BLOCKADE,
    CHANGE_BEFORE,
    CLAUSE_BREAK,
    DAY_CUE,
    DAY_REPORT_PARAGRAPHS,
    EVENT_CATEGORIES,
    EVENT_REACH_PARAGRAPHS,
    FRAME_REACH_SENTENCES,
    MAY_HAPPEN,
    OF_THOSE,
    RUNNING_TOTAL,
    SAME_PERIOD,
    STRIKE_WORDS,
    THE_ATTACK,
    TOLLS,
    WHOLE_OF_A_BODY,
    ScopeCue,
    ScopeRules,
)
from claimledger.nlp.timescope.scope import default_scope
from claimledger.nlp.timescope.syntax import _cue_head, _lemmas_near, _sets_a_level, governing_verb


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


def _a_place(draft: ClaimDraft) -> bool:
    """A figure that counts where something happened ("voted at 301 stations"), not what happened."""
    noun = draft.noun
    return noun is not None and noun.dep_ == "pobj" and noun.head.lower_ in ("at", "in", "across", "from")


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
    also = ALSO_SUBJECT.match(span_text(draft.sentence))
    follows = previous.sentence.end <= draft.sentence.start and paragraphs <= EVENT_REACH_PARAGRAPHS
    same_report = last_cued is not None and previous.sentence.start == draft.sentence.start \
        and previous.scope_cue == last_cued.scope_cue  # "on 54 individuals and 30 entities"
    if also and ((follows and last_cued is previous) or same_report):
        return previous  # "Ministers on Monday adopted ... It also imposed asset freezes on 54 individuals"
    return None


def _day_event_of_the_lede(doc: Doc, rules: ScopeRules) -> ScopeCue | None:
    """The day of a one-day strike or protest the lede reports ("Workers marched ... on Friday in a general
    strike"): the counts of its incidents (hurt, detained) are that day's."""
    lede_end = doc_text(doc).find("\n\n")
    for sentence in doc.sents:
        if lede_end >= 0 and sentence.start_char > lede_end:
            break
        # past a dateline ("ROME -") split off as a sentence
        if STRIKE_WORDS.search(span_text(sentence)) or BLOCKADE.search(span_text(sentence)):
            return _frame_of(sentence, rules)
    return None


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
    for cue in find_cues(span_text(sentence), sentence.start_char, rules):
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


def _bounded_period_over_a_total(draft: ClaimDraft, cue: ScopeCue | None, scope: str | None,
                                 cues: list[ScopeCue], rules: ScopeRules) -> ScopeCue | None:
    """ "Over the past week, a total of 420 drones were launched": a total bounded by a stretch of time
    counts that stretch (period); only "since" the start of the thing counted makes a running total."""
    if cue is None or scope != "cumulative" or cue.text.lower().startswith("since"):
        return None
    if draft.category in ("money", "percent"):
        return None  # amounts have rules of their own ("bringing its total support this month to €19.6bn")
    if RUNNING_TOTAL.search(span_text(draft.sentence)[:draft.start - draft.sentence.start_char]):
        return None  # "the week's figures bring the total to 8,900": the week added to a running total
    for other in cues:
        if other.scope != "period" or ANNOUNCEMENT_CUES.match(other.text) or SAME_PERIOD.search(other.text):
            continue
        if rules.rate_cues.match(other.text.strip().lower()) or _in_another_clause(draft, other):
            continue
        return other
    return None


def _counts_an_event(draft: ClaimDraft, rules: ScopeRules) -> bool:
    if draft.category in EVENT_CATEGORIES:
        return True
    return draft.category == "other" and bool(_lemmas_near(draft, governing_verb(draft)) & rules.event_verbs)


def _same_event(draft: ClaimDraft, last_event: ClaimDraft | None, text: str) -> bool:
    """Whether an uncued count follows an event's report closely enough to be part of it."""
    if last_event is None or draft.category not in EVENT_CATEGORIES | {"other"}:
        return False
    if THE_ATTACK.search(span_text(draft.sentence)):
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
