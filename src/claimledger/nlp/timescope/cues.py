"""Which explicit time cues belong to a figure: every cue found in the text, then the ones the parse
ties to the figure's clause (a month right after it first), leaving out a weekday that dates an
announcement or a statement, "bringing the total to", an ordinal ("the 84th exchange since").
"""

from __future__ import annotations

import re

from claimledger.nlp.drafts import ClaimDraft, span_text
from claimledger.nlp.literals import folded, may_match
from claimledger.nlp.timescope.measures import _is_turnout
from claimledger.nlp.timescope.rules import (
    A_STRETCH,
    ANNOUNCEMENT_CUES,
    AT_HOUR,
    BRINGING_TO,
    DAY_CUE,
    IN_MONTH,
    ORDINAL_PHRASE,
    SCOPES,
    TEMPORAL_MARKS,
    UNATTACHED_REACH,
    ScopeCue,
    ScopeRules,
)
from claimledger.nlp.timescope.syntax import (
    _cue_head,
    _has_subject,
    _is_an_average,
    _is_full_clause,
    _lemmas_near,
    _sets_a_level,
    governing_verb,
)


def find_cues(text: str, offset: int, rules: ScopeRules) -> list[ScopeCue]:
    cues: list[ScopeCue] = []
    lowered = folded(text)  # most of the many cue patterns cannot match a given sentence: skip those
    for scope in SCOPES:
        for pattern in rules.patterns[scope]:
            if not may_match(pattern, lowered):
                continue
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


def _bringing_phrases(draft: ClaimDraft) -> list[re.Match[str]]:
    """The "bringing ... to" phrases of the figure's sentence, found once per figure (not per cue)."""
    sentence = span_text(draft.sentence).lower()  # the sentence alone (a hot path)
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
