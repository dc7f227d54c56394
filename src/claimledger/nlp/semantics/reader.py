"""The semantics component's work per document: each live figure's unit, category, subject and
location, its own words first, then what the figures before it say.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from claimledger.nlp.drafts import ClaimDraft
from claimledger.nlp.runner import expired
from claimledger.nlp.semantics.categories import (
    _a_capacity,
    _civilian_craft,
    _event_category,
    _noun_category,
    categorize,
)
from claimledger.nlp.semantics.context import location_of, own_event_lemmas, subject_of
from claimledger.nlp.semantics.holders import (
    asked_about,
    claimed_count,
    compared_count,
    compared_past_a_share,
    count_before,
    counted_in_sentence,
    counted_sentence_before,
    holds_a_count,
    joined_figure,
    named_as,
    other_end,
    part_of_whom,
)
from claimledger.nlp.semantics.models import model_unit
from claimledger.nlp.semantics.references import (
    _accounted_for,
    _among_the_named,
    _among_them,
    _antecedent_of_them,
    _bare_part_included,
    _compared_with,
    _continues_amount,
    _continues_count,
    _counted_before,
    _counts_a_thing,
    _counts_others,
    _counts_people,
    _elided_count,
    _has_own_verb,
    _included_in,
    _others_continued,
    _part_of_the,
    _partitive_referent,
    _returned_prisoners,
    _same_rate_before,
    _subject_of_a_verb,
    _toll_of_the_victims,
)
from claimledger.nlp.semantics.rules import PEOPLE_EVENTS, PEOPLE_UNITS, CategoryRules
from claimledger.nlp.semantics.units import (
    counted_noun,
    rate_named_before,
    rate_of_a_base,
    rate_of_counted,
    rate_per_recipient,
    time_rate_of_count,
    unit_of,
)


def read_semantics(doc: Doc, rules: CategoryRules) -> None:
    previous: ClaimDraft | None = None
    last_counted: ClaimDraft | None = None  # the last figure with a counted noun of its own
    last_people: ClaimDraft | None = None  # the last figure that counts people
    counted: list[ClaimDraft] = []
    tolls: list[ClaimDraft] = []  # counts of the dead and hurt, for "Four of the victims"
    wholes: dict[int, ClaimDraft] = {}  # a part's whole: "four" in "17 people, including four children"
    seen: list[ClaimDraft] = []
    timed_counts: dict[str, str] = {}  # a count per unit of time → the count's own unit
    carried: ClaimDraft | None = None  # the last figure that took its count from the sentence before
    for draft in doc._.claim_drafts or []:
        if expired(doc):
            return  # the document's time is up: it is reported as skipped
        if draft.dropped is not None:
            continue
        noun = counted_noun(draft) if draft.mention.unit is None else None
        draft.category, draft.unit = categorize(draft, noun, rules)
        draft.unit = model_unit(draft, noun) or draft.unit  # "40 A321neos": aircraft
        draft.unit = rate_of_counted(draft, noun, draft.unit)  # "61 people per boat": person per boat
        if rate := rate_named_before(draft, noun, seen) or rate_of_a_base(draft, noun, seen):
            draft.unit = rate  # "the rate was 5.3 per 100,000" after "deaths per 100,000 people"
        own_unit = draft.unit
        seen.append(draft)
        share = _accounted_for(draft, noun)
        if share is not None:
            draft.unit = unit_of(share)  # "Children accounted for 38 of the dead": children are counted
        bare_whole = _bare_part_included(draft, noun, seen)
        if bare_whole is not None:
            # "128,000 people had voted at 301 stations, including 41,000 in Italy": a part is no larger
            # than its whole, so the 41,000 are people, not stations
            draft.unit = bare_whole.unit
            if draft.category == "other":
                draft.category = bare_whole.category
        compared = _compared_with(draft, noun, previous)
        if compared is not None:
            compared = compared_count(draft, seen) or compared
        elif noun is None:
            compared = compared_past_a_share(draft, previous, seen)  # "up 7% from 47,187"
        if compared is not None:
            # "1,617 people were killed, up from 1,400 in the previous three months": the same count before
            draft.unit, draft.category = compared.unit, compared.category
        if _same_rate_before(draft, previous):
            # "$82.40 a barrel, up from $79.90 a week earlier": the earlier price is per barrel too
            assert previous is not None
            draft.unit = previous.unit
        if _continues_amount(draft, noun, previous):
            # "13.5 trillion rubles, up from 10.8 trillion": the second amount is in the same currency
            assert previous is not None
            draft.category, draft.unit = "money", previous.unit
        referent = _partitive_referent(draft, noun, last_counted)
        if referent is not None:
            # "14 of them had died", "aims to reach 6 million of them": the things counted before
            draft.unit = referent.unit
            named = draft.span.doc[draft.span.end + 2] if draft.span.end + 2 < draft.sentence.end else None
            if named is not None and named.tag_ == "NNS":
                draft.unit = unit_of(named)  # "23 people, four of them children": children are counted
            weapons = referent.category == "equipment" and draft.category in PEOPLE_EVENTS
            if draft.category == "other" or weapons:
                draft.category = referent.category  # "45 of them [rockets] crossed": weapons, not people
        antecedent = _antecedent_of_them(draft, noun, rules) if referent is None else None
        if antecedent is not None:
            # "Russia fired a barrage of rockets. About 45 of them were shot down": rockets, with no figure
            draft.unit = unit_of(antecedent)
            things = _noun_category(draft.unit, rules)
            if draft.category == "other" or (things == "equipment" and draft.category in PEOPLE_EVENTS):
                draft.category = things or draft.category
        draft.refers_to = referent or bare_whole or _counted_before(draft, noun, counted) \
            or _part_of_the(draft, previous)
        toll = _toll_of_the_victims(draft, noun, tolls) if draft.refers_to is None else None
        if toll is not None:
            # "At least 11 people have died ... Four of the victims were from the village": part of the toll
            draft.refers_to = toll
            if draft.category == "other":
                draft.category = toll.category
        if noun is None and not draft.unit:
            _bare_count(draft, seen, rules)  # "put the number at 21", "of whom 91", "How many troops ...?"
        elided = _elided_count(draft, noun, last_people, rules)
        if elided is not None and referent is None:
            # "More than 130 were injured", "the organisers said more than 3,000 had taken part": the
            # people counted just before
            draft.unit = elided.unit
            own_verb = (_counts_others(draft, noun) or _subject_of_a_verb(draft)
                        or _has_own_verb(draft, elided))
            if draft.category == "other" and not own_verb:
                draft.category = elided.category
        others = _others_continued(draft, noun, last_counted) if elided is None and referent is None else None
        if others is not None:
            # "Russia lost 12 tanks. Five others were damaged": more of the things counted before
            draft.unit = others.unit
            if draft.category == "other" and others.category not in PEOPLE_EVENTS:
                draft.category = others.category
        if _returned_prisoners(draft, noun, rules):
            draft.category = "detained"  # "95 soldiers came home" in a report of a prisoner exchange
        if (draft.category == "other" and noun is not None and noun.dep_ == "conj" and previous is not None
                and previous.noun is not None and previous.noun.i == noun.head.i
                and not _civilian_craft(draft, noun)):
            draft.category = previous.category  # "Three firefighters and two officers were among the injured"
        whole = _included_in(draft, previous) or _among_them(draft, last_people)
        included = whole is not None and _event_category(own_event_lemmas(draft, noun), rules.events) is None
        if whole is not None and draft.category != "percent" and (draft.category in ("other", "troops")
                                                                 or included):
            # "killed 17 people, including four children, and wounded 42 others": the four are among
            # the 17 killed, not the wounded that the rest of the sentence counts
            draft.category = whole.category  # "the toll rose to 31, including four children": deaths
            draft.refers_to = draft.refers_to or whole
        if whole is not None:
            wholes[draft.start] = whole
        among = _among_the_named(draft, rules) if draft.category in ("other", "troops") else None
        if among is not None:
            draft.category = among  # "Among the Ukrainians freed were 41 defenders of Mariupol": detained
        if (draft.mention.spelled and draft.category == "other" and not _counts_people(draft, noun, rules)
                and not _counts_a_thing(draft, noun) and draft.mention.unit is None
                and draft.mention.value >= 1 and not _counts_standing_alone(draft, noun)
                and not _claim_by_its_words(draft) and not _measured_time(draft)):
            # (a fraction, "a third of the population", and a unit, "sixfold", "three miles", are claims)
            draft.dropped = "a number word that counts nothing a claim is about ('two sides')"
            continue
        draft.subject = subject_of(draft, noun, draft.category, rules.events["owners"])
        draft.location = location_of(draft)
        if previous is not None and previous.start in wholes:
            previous = wholes[previous.start]  # "17 people, including four children, and 42 others": people
        if referent is None and bare_whole is None and compared is None \
                and _continues_count(draft, noun, previous, rules):
            # "10,582 civilians had been killed and 19,875 injured", "212 structures destroyed and 37
            # damaged": the second figure counts the same things
            assert previous is not None
            draft.unit, draft.subject = previous.unit, previous.subject
            if draft.category == "other" and not _has_own_verb(draft, previous):
                draft.category = previous.category
            draft.continues = previous
        named = named_as(draft) if noun is None and draft.mention.unit is None else None
        if named is not None:
            draft.unit = unit_of(named)  # "Of 412 rescued, 230 were women": the part says what it counts
        if noun is None and (counted_earlier := counted_in_sentence(draft, seen)) is not None:
            draft.unit = counted_earlier.unit  # "Peru with 1.6 million and Brazil with 610,000": people
        counted_before = counted_sentence_before(draft, seen) if noun is None else None
        if counted_before is None and noun is None and carried is not None and previous is carried \
                and previous.sentence.start == draft.sentence.start and not draft.unit \
                and draft.mention.unit is None and not draft.mention.spelled:
            counted_before = carried  # "lowest in Limpopo, at 24.1, and highest in the Western Cape, at 31.6"
        if counted_before is not None:
            draft.unit = counted_before.unit  # "recorded 1,240 burglaries in March. In April it was 1,310."
            if draft.category == "other":
                draft.category = counted_before.category
            carried = draft
        if draft.unit != own_unit and draft.unit in timed_counts:
            # "150 a night, compared with 2,020 in the whole of November": the count carries, its rate not
            draft.unit = timed_counts[draft.unit]
        if draft.unit and " per " not in draft.unit and draft.mention.unit is None \
                and draft.category not in ("money", "percent") and (per := time_rate_of_count(draft, noun)):
            timed_counts[f"{draft.unit} per {per}"] = draft.unit
            draft.unit = f"{draft.unit} per {per}"  # "1,800 cars a year" is car per year
        if draft.category == "money" and draft.unit.isupper() and " " not in draft.unit \
                and (recipient := rate_per_recipient(draft)):
            draft.unit = f"{draft.unit} per {recipient}"  # "100,000 lira each" paid to families
        if draft.category not in ("money", "percent") and _a_capacity(draft):
            draft.category = "other"  # "double its capacity of 4,500": places, not the people held
        previous = draft
        if draft.category in ("deaths", "casualties", "injuries"):
            tolls.append(draft)
        if noun is not None and draft.category not in ("money", "percent"):
            last_counted = draft
            counted.append(draft)
        if draft.unit and draft.unit.split()[-1] in rules.people | PEOPLE_UNITS and whole is None \
                and draft.category != "money":  # ("INR per household" pays households, it counts none)
            last_people = draft  # (not a part: "Nine killed, including two children. Another 31 were hurt")


def _bare_count(draft: ClaimDraft, seen: list[ClaimDraft], rules: CategoryRules) -> None:
    """U-7 for a figure with no noun: the count a count holder or "of whom" stands for, else the noun the
    text asks "how many" about."""
    before = count_before(draft, seen) if holds_a_count(draft) else part_of_whom(draft, seen)
    if before is None:
        before = _next_part(draft, seen)  # "of which 431 were active and 158 out of control"
    if before is None:
        before = joined_figure(draft, seen) or claimed_count(draft, seen)  # "860 ... and 312"
    if before is not None:
        draft.unit = before.unit
        if draft.category == "other":
            draft.category = before.category
        return
    asked = other_end(draft) or asked_about(draft, rules)
    if asked is not None:
        draft.unit = unit_of(asked)
        if draft.category == "other":
            draft.category = _noun_category(draft.unit, rules) or draft.category


def _next_part(draft: ClaimDraft, seen: list[ClaimDraft]) -> ClaimDraft | None:
    """The second of two parts "of which": the part before it, joined by "and", counts the same things."""
    doc = draft.span.doc
    if len(seen) < 2 or draft.span.start == 0 or doc[draft.span.start - 1].lower_ not in ("and", "or"):
        return None
    earlier = seen[-2] if seen[-1] is draft else seen[-1]
    if earlier.sentence.start != draft.sentence.start or earlier.span.end < draft.span.start - 8:
        return None
    return earlier if part_of_whom(earlier, seen) is not None and earlier.unit else None


def _measured_time(draft: ClaimDraft) -> bool:
    """ "a benchmark of three hours": a spelled time that the non-claim rules kept is a measured one (G-4)."""
    from claimledger.nlp.nonclaims import default_rules as nonclaim_rules

    start = draft.mention.start
    return draft.unit in nonclaim_rules().time_units \
        and not EVERY_BEFORE.search(draft.doc_text, max(0, start - 8), start)


EVERY_BEFORE = re.compile(r"\bevery\s+$", re.IGNORECASE)  # "every three years": an interval, no measured time


def _claim_by_its_words(draft: ClaimDraft) -> bool:
    """ "the five-storey building", "up from three", "one per 100,000": a claim by its words
    (nonclaims.toml)."""
    from claimledger.nlp.nonclaims import claim_by_its_words  # (nonclaims reads this package)

    return claim_by_its_words(draft)


STANDING_ALONE_BEFORE = {"the", "these", "those", "their", "its", "our", "his", "her", "all", "both", "other",
                         "every"}
PARTS_OF = {"them", "us", "those", "these", "the"}
SPOKEN = {"say", "tell", "add", "ask", "write", "agree", "argue", "warn", "insist", "claim"}


def _counts_standing_alone(draft: ClaimDraft, noun: Token | None) -> bool:
    """ "Two were monks.", "Eleven were taken to hospital", "maybe five are still standing", "two of the
    accused": a spelled number that is the subject of its verb, or a part of a group, counts what the text
    is about (CL-3); "the two agreed" and "two said" do not."""
    if noun is not None or draft.mention.value < 2 or draft.mention.bound == "range":
        return False
    doc = draft.span.doc
    if draft.span.start > 0 and doc[draft.span.start - 1].lower_ in STANDING_ALONE_BEFORE:
        return False
    after = doc[draft.span.end:draft.span.end + 2]
    if len(after) == 2 and after[0].lower_ == "of" and after[1].lower_ in PARTS_OF:
        return True
    if after and after[0].lower_ in ("out", "in", "to", "for"):
        return False  # "two out of every three", "four tries to three": a ratio or a score
    figure = draft.figure
    return figure.dep_ in ("nsubj", "nsubjpass") and figure.head.pos_ in ("VERB", "AUX") \
        and figure.head.lemma_.lower() not in SPOKEN
