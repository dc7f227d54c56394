"""What a bare figure counts when its own words name no thing (U-7): a figure put on a count holder ("put
the number at 21", "bringing the total to 447", "the number is above 1,500"), a part "of whom" a count,
a figure compared with a count ("up from 487"), and a subject whose people the sentence before asks about
("How many troops are fighting? ... about 11,000 were deployed"). Each looks back at most to the sentence
before, so a document is read in linear time.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from claimledger.nlp.drafts import ClaimDraft, previous_sentence_start
from claimledger.nlp.semantics.categories import _noun_category
from claimledger.nlp.semantics.context import _figure_top
from claimledger.nlp.semantics.rules import (
    BARE_WORDS,
    CHANGE_VERBS,
    COMPARED,
    COUNT_HOLDERS,
    COUNT_OWNERS,
    LOCATION_PREPOSITIONS,
    PEOPLE_PARTICIPLES,
    PEOPLE_UNITS,
    CategoryRules,
)
from claimledger.nlp.semantics.units import _lemma, unit_of
from claimledger.normalize.numbers import looks_like_year

PATH_STEPS = 4  # tokens from the figure up to its verb
OTHER_END_REACH = 6  # tokens from a "from" end to the "to" end of its change
COUNT_PRONOUNS = ("it", "this", "that")
COUNT_GIVING_VERBS = ("claim", "list", "count", "record", "report", "register", "tally", "estimate")
CLAIMED_SCALE = 10  # an earlier count a tenth of a claimed figure or less is something else ("one family")
JOIN_REACH = 8  # tokens between two figures joined by "and"
NAMED_REACH = 3  # tokens from "were" to the noun it names ("were mostly women")
HOLDER_DEPS = ("nsubj", "nsubjpass", "dobj", "attr")
CARRY_RATIO = 3  # a bare figure of the next sentence within this factor of a count is another reading of it
NO_COUNT = ("money", "percent")


def holds_a_count(draft: ClaimDraft) -> bool:
    """The figure is the value of a count holder that names nothing it counts: "put the number at 21",
    "puts the figure higher, at roughly 12,000", "bringing the total to 447", "the number is above 1,500",
    "the running total of 1,200"."""
    if draft.mention.unit is not None:
        return False
    token = draft.figure
    for _ in range(PATH_STEPS):
        head = token.head
        if head.i == token.i:
            break
        if head.lower_ == "of" and head.head.pos_ == "NOUN" and _lemma(head.head) in COUNT_HOLDERS:
            return _names_nothing(head.head)  # "the running total of 1,200"
        token = head
        if token.pos_ in ("VERB", "AUX"):
            holders = [c for c in token.children if c.dep_ in HOLDER_DEPS and c.pos_ == "NOUN"
                       and _lemma(c) in COUNT_HOLDERS and c.i < draft.figure.i]
            return (bool(holders) and all(_names_nothing(c) for c in holders)) or _moved_by_pronoun(token)
    return False


def _moved_by_pronoun(verb: Token) -> bool:
    """ "by Wednesday it had climbed to 608", "it expects to exceed 33,000": a verb of change whose subject
    is a pronoun for the count before (its own, or that of the verb it completes)."""
    if verb.lemma_.lower() not in CHANGE_VERBS:
        return False
    for _ in range(2):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return all(c.lower_ in COUNT_PRONOUNS for c in subjects)
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            break
        verb = verb.head
    return False


def other_end(draft: ClaimDraft) -> Token | None:
    """ "grown from about 900 to nearly 2,400 students", "passed by 216 votes to 213": a bare end of a
    change or a tally counts what its other end names (U-7); the other end is looked for among a few tokens
    only (after a "from", before a "to")."""
    top = _figure_top(draft.figure)
    if top.dep_ != "pobj" or top.head.lower_ not in ("from", "to"):
        return None
    end = top.head
    wanted: tuple[str, ...]
    if end.lower_ == "from":
        wanted, others = ("to",), [*end.children, *end.head.children]
    else:
        wanted, others = ("from", "by"), [end.head, *end.head.children]
    for other in others:
        near = 0 < abs(other.i - top.i) <= OTHER_END_REACH
        if other.dep_ not in ("prep", "agent") or other.lower_ not in wanted or not near:
            continue
        pobj = next((c for c in other.children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.pos_ == "NOUN" and any(
                c.dep_ == "nummod" and (c.like_num or c.pos_ == "NUM") for c in pobj.children):
            return pobj
    return None


def joined_figure(draft: ClaimDraft, seen: list[ClaimDraft]) -> ClaimDraft | None:
    """ "up from 860 on Wednesday and 312 on the night of the quake": a bare figure joined by "and" or "or"
    to a bare figure just before it in the sentence, with no verb of its own, counts what that one was
    found to count."""
    doc = draft.span.doc
    if draft.span.start == 0 or doc[draft.span.start - 1].lower_ not in ("and", "or"):
        return None
    top = _figure_top(draft.figure)
    if top.dep_ in ("nsubj", "nsubjpass") or (top.head.lower_ in BARE_WORDS and top.head.i > top.i):
        return None  # "Another 42 were injured, and 13 others were missing": a verb of its own
    earlier = next((e for e in reversed(seen) if e is not draft and e.start < draft.start), None)
    if earlier is None or earlier.sentence.start != draft.sentence.start \
            or earlier.span.end < draft.span.start - JOIN_REACH:
        return None
    bare = earlier.noun is None and earlier.mention.unit is None
    return earlier if bare and earlier.unit and earlier.category not in NO_COUNT else None


def _earlier_in_sentence(draft: ClaimDraft, seen: list[ClaimDraft]) -> Iterator[ClaimDraft]:
    """The drafts before ``draft`` in its own sentence, nearest first."""
    for earlier in reversed(seen):
        if earlier is draft or earlier.start >= draft.start:
            continue
        if earlier.sentence.start != draft.sentence.start:
            return
        yield earlier


def claimed_count(draft: ClaimDraft, seen: list[ClaimDraft]) -> ClaimDraft | None:
    """ "counted 368,000 protesters, ... where the union claimed 250,000", "said 29 people had died, ...
    while the council listed 24": a bare object of a verb that gives a count is another count of what the
    sentence counted before it (the nearest count that is not a part of another or far smaller)."""
    top = _figure_top(draft.figure)
    if top.dep_ != "dobj" or top.head.lemma_.lower() not in COUNT_GIVING_VERBS:
        return None
    for earlier in _earlier_in_sentence(draft, seen):
        if earlier.dropped is None and earlier.refers_to is None and earlier.unit \
                and earlier.category not in NO_COUNT and not earlier.mention.per \
                and earlier.mention.value * CLAIMED_SCALE >= draft.mention.value:
            return earlier
    return None


def compared_past_a_share(draft: ClaimDraft, previous: ClaimDraft | None,
                          seen: list[ClaimDraft]) -> ClaimDraft | None:
    """ "recorded 50,489 offences, up 7% from 47,187": a figure compared past a percentage is the count the
    sentence made before the percentage."""
    if draft.mention.unit is not None or previous is None or previous.category != "percent" \
            or previous.sentence.start != draft.sentence.start:
        return None
    if not COMPARED.search(draft.doc_text[draft.sentence.start_char:draft.start]):
        return None
    return compared_count(draft, seen)


def _names_nothing(holder: Token) -> bool:
    """A count holder with no "of <noun>", compound or participle of its own ("the number", "the total")."""
    for child in holder.children:
        if child.dep_ in ("compound", "nmod") and child.pos_ in ("NOUN", "PROPN") \
                and _lemma(child) not in COUNT_OWNERS:
            return False
        if child.dep_ in ("acl", "amod") and child.lemma_.lower() in PEOPLE_PARTICIPLES:
            return False  # "the number displaced"; "the running total" names nothing
        if child.dep_ == "prep" and child.lower_ == "of" and any(
                c.dep_ == "pobj" and not c.like_num for c in child.children):
            return False
    return True


def count_before(draft: ClaimDraft, seen: list[ClaimDraft]) -> ClaimDraft | None:
    """The nearest earlier count of this sentence, else the last count of the sentence before (U-7)."""
    previous_start = previous_sentence_start(draft)
    for earlier in reversed(seen):
        if earlier is draft or earlier.start >= draft.start:
            continue
        if earlier.sentence.start < previous_start:
            return None
        if earlier.category not in NO_COUNT and earlier.unit and not earlier.mention.per:
            return earlier
    return None


def counted_in_sentence(draft: ClaimDraft, seen: list[ClaimDraft]) -> ClaimDraft | None:
    """U-7, last resort: a figure still counting nothing ("Peru with 1.6 million and Brazil with 610,000",
    "ended with 94.6 million subscribers, adding 3.2 million") counts what the nearest earlier count of its
    sentence names with a noun of its own (no amount, share or rate)."""
    if draft.mention.unit is not None or draft.unit or draft.category in NO_COUNT:
        return None
    for earlier in _earlier_in_sentence(draft, seen):
        if earlier.category in NO_COUNT or earlier.mention.per or not earlier.unit \
                or " per " in earlier.unit:
            continue
        if earlier.noun is not None:
            return earlier
    return None


def counted_sentence_before(draft: ClaimDraft, seen: list[ClaimDraft]) -> ClaimDraft | None:
    """U-7 across one sentence: "The agency recorded 1,240 burglaries in March. In April it was 1,310." A bare
    figure (digits, no noun, no unit, no earlier count in its sentence) counts what the sentence before in the
    same paragraph counts, when every count there with a noun of its own names the same thing and the nearest
    is of the same kind: put by the same verb, or of the same order (within ``CARRY_RATIO``)."""
    mention = draft.mention
    if mention.unit is not None or draft.unit or draft.category in NO_COUNT or mention.spelled \
            or mention.value <= 0 or looks_like_year(draft.span.text):
        return None
    previous_start = previous_sentence_start(draft)
    if previous_start == draft.sentence.start:
        return None
    doc = draft.span.doc
    if "\n" in draft.doc_text[doc[previous_start].idx:draft.start].strip():
        return None  # a new paragraph starts a new topic
    counts: list[ClaimDraft] = []
    for earlier in reversed(seen):
        if earlier is draft or earlier.start >= draft.start:
            continue
        if earlier.sentence.start == draft.sentence.start:
            if earlier.unit and earlier.category not in NO_COUNT:
                return None  # a count of its own sentence comes first (``counted_in_sentence``)
            continue
        if earlier.sentence.start < previous_start:
            break
        if earlier.category in NO_COUNT or earlier.mention.per or not earlier.unit or " per " in earlier.unit:
            continue
        if earlier.noun is not None:
            counts.append(earlier)
    if not counts or len({c.unit for c in counts}) > 1:
        return None
    nearest = counts[0]
    ratio = mention.value / nearest.mention.value if nearest.mention.value else 0
    same_order = 1 / CARRY_RATIO <= ratio <= CARRY_RATIO
    verb, nearest_verb = _verb_of(draft.figure), _verb_of(nearest.figure)
    same_verb = verb is not None and nearest_verb is not None and verb.lemma_ == nearest_verb.lemma_
    return nearest if same_order or same_verb else None


def _verb_of(token: Token) -> Token | None:
    for _ in range(PATH_STEPS):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return token if token.pos_ in ("VERB", "AUX") else None


def part_of_whom(draft: ClaimDraft, seen: list[ClaimDraft]) -> ClaimDraft | None:
    """ "put the number of dead at 142, of whom 91 were in the district", "6,420 fires, of which 431 were
    active": a part of the count before."""
    doc = draft.span.doc
    start = draft.span.start
    if start < 2 or doc[start - 2].lower_ != "of" or doc[start - 1].lower_ not in ("whom", "which"):
        return None
    before = count_before(draft, seen)
    return before if before is not None and before.sentence.start == draft.sentence.start else None


def compared_count(draft: ClaimDraft, seen: list[ClaimDraft]) -> ClaimDraft | None:
    """The count an "up from 487" compares with: the nearest earlier count of the sentence that is not
    only where the count was made ("682 cases had been confirmed across 23 states, up from 487": cases)."""
    for earlier in reversed(seen):
        if earlier is draft or earlier.start >= draft.start:
            continue
        if earlier.sentence.start != draft.sentence.start:
            return None
        if earlier.category in NO_COUNT or not earlier.unit:
            continue
        anchor = earlier.noun if earlier.noun is not None else _figure_top(earlier.figure)
        if anchor.dep_ == "pobj" and anchor.head.lower_ in LOCATION_PREPOSITIONS - {"to", "from"}:
            continue
        return earlier
    return None


def named_as(draft: ClaimDraft) -> Token | None:
    """ "829 were men and 319 were women", "Two were monks": a bare figure followed by "were" or "are" and
    a plural noun the verb says it is."""
    doc = draft.span.doc
    if draft.span.end >= draft.sentence.end:
        return None
    verb = doc[draft.span.end]
    if verb.lemma_.lower() != "be" or verb.lower_ not in ("were", "are"):
        return None
    return next((c for c in verb.children if c.dep_ == "attr" and c.tag_ in ("NNS", "NNPS")
                 and c.i <= verb.i + NAMED_REACH), None)


def asked_about(draft: ClaimDraft, rules: CategoryRules) -> Token | None:
    """ "How many North Korean troops are fighting for Russia ...? ... about 11,000 were deployed": the
    noun "how many" asks about in this sentence or the one before, for a bare figure that is the subject of
    its verb and counts people or things a claim is about."""
    if draft.mention.unit is not None or draft.unit:
        return None
    top = _figure_top(draft.figure)
    if top.dep_ not in ("nsubj", "nsubjpass"):
        return None
    doc = draft.span.doc
    found = None
    for token in doc[previous_sentence_start(draft):draft.span.start]:
        if token.lower_ == "many" and token.i > 0 and doc[token.i - 1].lower_ == "how" \
                and token.head.tag_ in ("NNS", "NNPS"):
            found = token.head
    if found is None:
        return None
    unit = unit_of(found)
    return found if _noun_category(unit, rules) is not None or unit in rules.people | PEOPLE_UNITS else None
