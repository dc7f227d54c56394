"""What a figure with no noun of its own counts, from the figures before it: an elided count ("42
killed and 17 injured"), a part of a whole ("among them 12 children"), "the same rate", "others", a
returned prisoner count. Each reads the drafts already categorised in the document.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Token

from claimledger.nlp.drafts import ClaimDraft, previous_sentence_start, span_text
from claimledger.nlp.lexicon import load_table
from claimledger.nlp.semantics.categories import _event_category, _noun_category
from claimledger.nlp.semantics.context import _anchor, _figure_top, own_event_lemmas
from claimledger.nlp.semantics.rules import (
    AMONG_THEM,
    BARE_FIGURE_UNITS,
    BARE_WORDS,
    COMPARED,
    COUNTED_REACH,
    ELLIPSIS_REACH,
    PARTITIVE_PRONOUNS,
    PARTITIVE_REACH,
    PASSING_NOUNS,
    PEOPLE_UNITS,
    POW_CONTEXT,
    RETURN_VERBS,
    SCALE_WORDS,
    SPEECH_VERBS,
    TOLL_REACH,
    VICTIM_WORDS,
    CategoryRules,
    default_rules,
)
from claimledger.nlp.semantics.units import unit_of


def _accounted_for(draft: ClaimDraft, noun: Token | None) -> Token | None:
    """ "Children accounted for 38 of the dead": the subject of "account for" is what the part counts."""
    if draft.mention.unit is not None or (noun is not None and noun.i < draft.span.end):
        return None
    top = _figure_top(draft.figure)
    if top.dep_ != "pobj" or top.head.lower_ != "for" or top.head.head.lemma_.lower() != "account":
        return None
    after = [t.lower_ for t in draft.span.doc[draft.span.end:draft.span.end + 1]]
    if after != ["of"]:
        return None  # a part of a whole named after it
    subject = next((c for c in top.head.head.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.pos_ == "NOUN" and subject.tag_ == "NNS" else None


def _bare_part_included(draft: ClaimDraft, noun: Token | None, seen: list[ClaimDraft]) -> ClaimDraft | None:
    """The whole a bare "including 41,000 in Italy" (or the "and 19,500 in Germany" after it) is part of:
    the nearest earlier count of the sentence that is at least as large."""
    if noun is not None or draft.mention.unit is not None:
        return None
    top = _figure_top(draft.figure)
    while top.dep_ == "conj" and top.head.i < top.i:
        top = top.head
    if not (top.dep_ == "pobj" and top.head.lower_ == "including"):
        return None
    for earlier in reversed(seen[:-1]):
        if earlier.sentence.start != draft.sentence.start:
            return None
        if earlier.category in ("money", "percent") or not earlier.unit:
            continue
        if earlier.mention.value >= draft.mention.value:
            return earlier
    return None


def _same_rate_before(draft: ClaimDraft, previous: ClaimDraft | None) -> bool:
    """An amount compared with a rate of the same currency just before it ("up from") is that rate."""
    if previous is None or draft.category != "money" or draft.mention.per or " per " not in previous.unit:
        return False
    if previous.sentence.start != draft.sentence.start or previous.unit.split(" per ")[0] != draft.unit:
        return False
    return bool(COMPARED.search(draft.doc_text[draft.sentence.start_char:draft.start]))


def _compared_with(draft: ClaimDraft, noun: Token | None, previous: ClaimDraft | None) -> ClaimDraft | None:
    """ "1,617 people were killed, up from 1,400": a bare figure compared with a count of the sentence is
    the same thing counted at another time."""
    if noun is not None or draft.mention.unit is not None or previous is None:
        return None
    if previous.sentence.start != draft.sentence.start or previous.category in ("money", "percent"):
        return None
    before = draft.doc_text[draft.sentence.start_char:draft.start]
    return previous if COMPARED.search(before) and previous.unit else None


def _elided_count(draft: ClaimDraft, noun: Token | None, last_people: ClaimDraft | None,
                  rules: CategoryRules) -> ClaimDraft | None:
    """The people a bare figure counts when the sentence leaves them out: it is the subject of its verb
    or stands in apposition ("the largest group, about 1.2 million"), with no noun, currency or measure."""
    if noun is not None or draft.mention.unit is not None or last_people is None or last_people is draft:
        return None
    if draft.unit and draft.unit not in BARE_FIGURE_UNITS.values():
        return None
    top = _figure_top(draft.figure)
    put_at = top.dep_ == "pobj" and top.head.lower_ == "at" and any(
        c.dep_ == "dobj" and c.pos_ == "PRON" for c in top.head.head.children)  # "put it at 300,000"
    others = top.head.i > top.i and top.head.lower_ in BARE_WORDS  # "42 others were hurt"
    if top.dep_ not in ("nsubj", "nsubjpass", "appos") and not put_at and not others:
        return None
    window = draft.span.doc[last_people.sentence.start:draft.sentence.end]
    sentences = list(window.sents)  # type: ignore[attr-defined]  # in spaCy 3.8; not in its stub
    return last_people if len(sentences) <= ELLIPSIS_REACH + 1 else None


def _toll_of_the_victims(draft: ClaimDraft, noun: Token | None, tolls: list[ClaimDraft]) -> ClaimDraft | None:
    """ "Four of the victims": a part of the latest toll of the dead or hurt in the report."""
    if not tolls or draft.mention.unit is not None:
        return None
    of = draft.span.doc[draft.span.end:draft.span.end + 3]
    if len(of) < 3 or [t.lower_ for t in of[:2]] != ["of", "the"]:
        return None
    if of[2].lemma_.lower() not in VICTIM_WORDS:
        return None
    toll = tolls[-1]
    window = draft.span.doc[toll.sentence.start:draft.sentence.end]
    sentences = list(window.sents)  # type: ignore[attr-defined]  # in spaCy 3.8; not in its stub
    return toll if len(sentences) <= TOLL_REACH + 1 else None


def _returned_prisoners(draft: ClaimDraft, noun: Token | None, rules: CategoryRules) -> bool:
    """Soldiers or people who came home, were returned or handed over, in a report of a prisoner exchange."""
    if draft.category not in ("troops", "other", "displaced") or not draft.unit:
        return False
    if draft.unit.split()[-1] not in rules.people | PEOPLE_UNITS and draft.category != "troops":
        return False
    own = own_event_lemmas(draft, noun)
    if not own & RETURN_VERBS or own & rules.events["recruitment"] or draft.unit.split()[-1] in ("recruit",):
        return False
    text = draft.doc_text
    paragraph_start = max(text.rfind("\n\n", 0, draft.sentence.start_char), 0)
    return bool(POW_CONTEXT.search(text, paragraph_start, draft.sentence.end_char))


def _included_in(draft: ClaimDraft, previous: ClaimDraft | None) -> ClaimDraft | None:
    """ "31 people, including four children (and two women)", "23 people, four of them children": the
    count of the same sentence that this one is part of."""
    doc = draft.span.doc
    if previous is None or draft.span.start == 0:
        return None
    if previous.sentence.start != draft.sentence.start or previous.category in ("money", "percent", "other"):
        return None
    before = doc[draft.span.start - 1].lower_
    after = [t.lower_ for t in doc[draft.span.end:draft.span.end + 2]]
    if before == "including" or after == ["of", "them"]:
        return previous
    if before in ("and", ",") and _included_in(previous, _previous_in(previous, doc)) is not None:
        return previous  # "including four children and two women": the second is part of the count too
    return None


def _among_them(draft: ClaimDraft, last_people: ClaimDraft | None) -> ClaimDraft | None:
    """ "75 servicemen had been returned. Among them were 11 women": a part of the people counted just
    before (the last sentence or this one)."""
    if last_people is None or last_people.category in ("other", "money", "percent"):
        return None
    if not span_text(draft.sentence).lower().startswith(AMONG_THEM):
        return None
    window = draft.span.doc[last_people.sentence.start:draft.sentence.end]
    sentences = list(window.sents)  # type: ignore[attr-defined]  # in spaCy 3.8; not in its stub
    return last_people if len(sentences) <= ELLIPSIS_REACH + 1 else None


def _among_the_named(draft: ClaimDraft, rules: CategoryRules) -> str | None:
    """ "Among the Ukrainians freed were 41 defenders": the figures the sentence names after "among the
    <people> <event>" share what happened to those people."""
    first = draft.sentence[0]
    if first.lower_ != "among" or draft.mention.unit is not None:
        return None
    copula = next((t for t in draft.sentence if t.lemma_.lower() == "be" and t.i < draft.figure.i), None)
    if copula is None:
        return None  # the figure must be what "were" names: "Among the dead were 12 children"
    return _event_category({t.lemma_.lower() for t in draft.sentence.doc[first.i + 1:copula.i]}, rules.events)


def _previous_in(draft: ClaimDraft, doc: Doc) -> ClaimDraft | None:
    """The live draft just before this one in the document (the drafts are in text order)."""
    drafts = doc._.claim_drafts or []
    for earlier in reversed(drafts[:bisect_left(drafts, draft.start, key=lambda d: d.start)]):
        if earlier.dropped is None:
            return earlier
    return None


def _antecedent_of_them(draft: ClaimDraft, noun: Token | None, rules: CategoryRules) -> Token | None:
    """The plural noun "them" stands for when no figure counted it: the last one, in this sentence before
    the figure or in the sentence before, that names something a claim counts."""
    if noun is not None or draft.mention.unit is not None:
        return None
    doc = draft.span.doc
    after = doc[draft.span.end:draft.span.end + 2]
    if len(after) < 2 or after[0].lower_ != "of" or after[1].lower_ not in PARTITIVE_PRONOUNS:
        return None
    for token in reversed(doc[previous_sentence_start(draft):draft.span.start]):
        if token.tag_ not in ("NNS", "NNPS") or token.dep_ == "compound":
            continue
        unit = unit_of(token)
        if _noun_category(unit, rules) is not None or unit.split()[-1] in rules.people:
            return token
    return None


def _counts_others(draft: ClaimDraft, noun: Token | None) -> bool:
    """ "42 others", "19 more", "Eight more were missing": a figure with no noun that counts more of
    something named before."""
    if noun is not None or draft.mention.unit is not None:
        return False
    anchor = _anchor(draft, noun)
    return anchor.lower_ in BARE_WORDS or any(c.lower_ in BARE_WORDS for c in anchor.children)


def _counts_a_thing(draft: ClaimDraft, noun: Token | None) -> bool:
    """ "Four houses burned down", "two bridges": a spelled-out number of other things is a claim (the
    guide), but not "one", nor one of the nouns that count in passing ("two sides")."""
    if noun is None or draft.mention.value < 2 or not draft.unit or noun.i < draft.span.end:
        return False
    head = draft.unit.split()[-1]
    return head not in PASSING_NOUNS and head not in default_rules().people and noun.tag_ in ("NNS", "NNPS")


def _counts_people(draft: ClaimDraft, noun: Token | None, rules: CategoryRules) -> bool:
    """ "Three women were taken to hospital": a spelled-out number of people is a claim (the guide), but
    not "one" without an event, nor the people who speak ("two residents said")."""
    if draft.mention.value < 2 or not draft.unit or draft.unit.split()[-1] not in rules.people | PEOPLE_UNITS:
        return False
    return noun is None or not (noun.dep_ == "nsubj" and noun.head.lemma_.lower() in SPEECH_VERBS)


def _others_continued(
    draft: ClaimDraft, noun: Token | None, last_counted: ClaimDraft | None
) -> ClaimDraft | None:
    if last_counted is None or draft.unit or not _counts_others(draft, noun):
        return None
    window = draft.span.doc[last_counted.sentence.start:draft.sentence.end]
    sentences = list(window.sents)  # type: ignore[attr-defined]  # in spaCy 3.8; not in its stub
    return last_counted if len(sentences) <= ELLIPSIS_REACH + 1 else None


def _partitive_referent(
    draft: ClaimDraft, noun: Token | None, last_counted: ClaimDraft | None
) -> ClaimDraft | None:
    if noun is not None or draft.mention.unit is not None or last_counted is None:
        return None
    doc = draft.span.doc
    after = doc[draft.span.end:draft.span.end + 2]
    if len(after) < 2 or after[0].lower_ != "of" or after[1].lower_ not in PARTITIVE_PRONOUNS:
        return None
    window = doc[last_counted.sentence.start:draft.sentence.end]
    sentences = list(window.sents)  # type: ignore[attr-defined]  # in spaCy 3.8; not in its stub
    return last_counted if len(sentences) <= PARTITIVE_REACH else None


def _counted_before(draft: ClaimDraft, noun: Token | None, counted: list[ClaimDraft]) -> ClaimDraft | None:
    """ "121 of the drones" after "Russia launched 145 drones": the earlier count of the same things."""
    doc = draft.span.doc
    if draft.span.start > 0 and doc[draft.span.start - 1].lower_ == "including" and counted:
        earlier = counted[-1]  # "428 targets, including 30 missiles": a part of the count just made
        return earlier if earlier.sentence.start == draft.sentence.start else None
    if noun is None or noun.i < draft.span.end:
        return None
    of = draft.span.doc[draft.span.end] if draft.span.end < len(draft.span.doc) else None
    definite = any(c.lower_ in ("the", "these", "those") for c in noun.children)
    if of is None or of.lower_ != "of" or not definite:
        return None
    for earlier in reversed(counted):
        window = draft.span.doc[earlier.sentence.start:draft.sentence.end]
        sentences = list(window.sents)  # type: ignore[attr-defined]  # in spaCy 3.8; not in its stub
        if len(sentences) > COUNTED_REACH:
            return None
        if earlier.unit == draft.unit or _kind_of(earlier.unit, draft.unit):
            return earlier  # "60 of the vehicles" after "246 trucks": the trucks
    return None


def _kind_of(unit: str, general: str) -> bool:
    """Whether ``unit`` is a kind of the ``general`` noun ("truck" of "vehicle")."""
    kinds = load_table("categories")["units"].get("hypernyms", {}).get(general, ())
    return bool(unit) and unit.split()[-1] in kinds


def _part_of_the(draft: ClaimDraft, previous: ClaimDraft | None) -> ClaimDraft | None:
    """ "A dozen of the dead were children" after "the death toll rose to 28": part of that count."""
    doc = draft.span.doc
    after = doc[draft.span.end:draft.span.end + 3]
    if previous is None or len(after) < 3 or after[2].pos_ != "ADJ":
        return None
    if [t.lower_ for t in after[:2]] != ["of", "the"]:
        return None
    if previous.category != draft.category:
        return None
    window = doc[previous.sentence.start:draft.sentence.end]
    sentences = list(window.sents)  # type: ignore[attr-defined]  # in spaCy 3.8; not in its stub
    return previous if len(sentences) <= PARTITIVE_REACH else None


def _subject_of_a_verb(draft: ClaimDraft) -> bool:
    """ "12 were rescued": a bare figure whose own verb (not "be") says what happened to it."""
    top = _figure_top(draft.figure)
    verb = top.head
    subject = top.dep_ in ("nsubj", "nsubjpass")
    return subject and verb.pos_ == "VERB" and verb.lemma_.lower() not in ("be", "have")


def _has_own_verb(draft: ClaimDraft, previous: ClaimDraft) -> bool:
    """ "27 people drowned and 12 were rescued": the second figure is the subject of a verb of its own."""
    top = _figure_top(draft.figure)
    verb = top.head
    shared = previous.noun.head if previous.noun is not None else None
    own_role = top.dep_ in ("nsubj", "nsubjpass") or (verb.pos_ == "VERB" and (
        top.dep_ == "dobj" or verb.i > top.i))  # "left 300,000 stranded": a participle of its own
    return own_role and verb.pos_ in ("VERB", "AUX") and (shared is None or verb.i != shared.i)


def _continues_amount(draft: ClaimDraft, noun: Token | None, previous: ClaimDraft | None) -> bool:
    scaled = any(t.lower_ in SCALE_WORDS for t in draft.span)
    return (noun is None and draft.mention.unit is None and scaled and previous is not None
            and previous.category == "money" and previous.sentence.start == draft.sentence.start)


def _continues_count(draft: ClaimDraft, noun: Token | None, previous: ClaimDraft | None,
                     rules: CategoryRules) -> bool:
    if noun is not None or draft.mention.unit is not None or previous is None or previous.noun is None:
        return False
    if previous.sentence.start != draft.sentence.start or previous.category in ("money", "percent"):
        return False
    between = draft.span.doc[previous.span.end:draft.span.start]
    joined = any(t.lower_ in ("and", "or", ",", "while", "of", "against") for t in between)
    return len(between) <= 10 and joined
