"""Shapes of the parse that attribution reads: the subject of a cue verb (with the small model's
misreadings of unfamiliar names and live-blog timestamps), a contrasting clause that has its own actor, a
definite or bare-title head, a clause after a comma. Pure functions of tokens, no document memory.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimledger.nlp.attribution.rules import (
    CLOCK_TIME,
    DIGIT_ACRONYM,
    DISCOURSE_ADVERBS,
    NAME_HANGS,
    NAMED_ENTITIES,
    PERSON_ROLES,
    TIME_ZONES,
)
from claimledger.nlp.attribution.sources import Attribution
from claimledger.normalize.sources import default_table


def _closing_name(head: Token) -> Token | None:
    """A proper name set off by commas at the end of a subject phrase, which the parse may hang on the
    last noun of the phrase instead of its head ("the UN agency for Palestinian refugees, UNRWA,")."""
    last = head.right_edge
    doc = head.doc
    while last.i > head.i and last.is_punct:
        last = doc[last.i - 1]
    if last.i <= head.i + 1 or last.pos_ != "PROPN" or last.dep_ not in ("appos", "compound"):
        return None
    first = last
    while first.i - 1 > head.i and doc[first.i - 1].pos_ == "PROPN":
        first = doc[first.i - 1]
    return last if doc[first.i - 1].text == "," else None


def _speaks_as_a_person(attribution: Attribution) -> bool:
    """A named person, or a person by role ("the governor"): what a later "he" or "she" may be."""
    token = attribution.token
    return attribution.is_person or (token is not None and token.lemma_.lower() in PERSON_ROLES)


def _is_place(attribution: Attribution) -> bool:
    return attribution.token is not None and attribution.token.ent_type_ in ("GPE", "LOC")


def _contrasting_clause(token: Token) -> bool:
    """A clause of its own, with its own subject, set against the one before ("while", "whereas")."""
    if token.dep_ not in ("advcl", "conj"):
        return False
    marked = any(c.lower_ in ("while", "whereas", "although", "though", "but")
                 for c in token.children if c.dep_ in ("mark", "cc"))
    return marked and any(c.dep_ in ("nsubj", "nsubjpass") and _could_speak(c) for c in token.children)


def _could_speak(subject: Token) -> bool:
    """A subject that could be a source of its own ("the EU pledged €50m"), unlike a thing or an event
    ("while the attack wounded two soldiers" is still what the army said)."""
    if subject.pos_ == "PROPN" or subject.ent_type_ in NAMED_ENTITIES:
        return True
    if subject.pos_ != "NOUN":
        return False
    phrase = subject.doc[subject.left_edge.i:subject.i + 1].text
    return default_table().guess_type(phrase) != "unknown"


def _coordinated_fragment(root: Token) -> Token | None:
    """The clause a second root of a sentence is coordinated with: in "were killed and 1,146 injured"
    the parser leaves "1,146 injured" as a root after "and"; "killed" is the clause it continues."""
    at = root.left_edge.i - 1
    if at <= root.sent.start:
        return None
    joint = root.doc[at]
    head = joint.head
    if joint.dep_ != "cc" or head.pos_ not in ("VERB", "AUX") or not head.i < joint.i:
        return None
    return head


def _subject_is_a_figure(clause: Token) -> bool:
    """ "found that 68% supported it, while 19% were opposed": the contrast is within what was found."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and (subject.like_num or any(t.like_num for t in subject.lefts))


def _names_something(token: Token) -> bool:
    """A common-noun appositive that carries a name: "the logistics firm Vistula Cargo"."""
    return token.pos_ == "NOUN" and any(t.pos_ == "PROPN" and not t.is_lower for t in token.subtree)


def _proper_name(head: Token) -> bool:
    """ "the World Food Programme", "the UN Development Programme": a capitalised word heading a name
    of several is a body's name, not the unnamed "programme" or "plan" of a law."""
    return head.pos_ == "PROPN" and head.text[:1].isupper() and any(
        c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and c.i < head.i for c in head.children)


def _bare_title(head: Token) -> bool:
    """ "the Fund", "the Commission": one capitalised word standing for a body named in full before."""
    return head.pos_ == "PROPN" and head.is_title and all(c.dep_ in ("det", "punct") for c in head.children)


def _is_definite(head: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their")
               for c in head.children)


def _clause_follows(first: Token) -> bool:
    """Whether the words from ``first`` to the next comma or the sentence's end hold a verb: a clause of
    their own, not an aside ("..., he said, roughly half of all spending.")."""
    for token in first.doc[first.i:first.sent.end]:
        if token.text == ",":
            return False
        if token.pos_ in ("VERB", "AUX"):
            return True
    return False


def _another_actor(subject: Token, figure: Token) -> bool:
    """A named subject of a clause of its own that is not the figure's phrase: "RATP" in "..., SNCF said, and
    the metro operator RATP closed 8 lines" (not "and $95 million of that had been paid")."""
    if subject.dep_ != "nsubj" or subject.left_edge.i <= figure.i <= subject.right_edge.i:
        return False
    return any(t.pos_ == "PROPN" for t in subject.subtree)


def _misread_subject(verb: Token) -> tuple[Token, Token] | None:
    """ "Aid workers in Kosti said ...": a sentence-initial noun the tagger read as an imperative verb
    whose "object" is the head noun of the subject; (first word, head noun) when the pair types a body.
    An acronym with a digit right before the verb ("R4V said") that the tagger took for an auxiliary."""
    for left in verb.lefts:
        if (left.dep_ in ("aux", "auxpass", "advmod", "npadvmod") and left.i == verb.i - 1
                and DIGIT_ACRONYM.fullmatch(left.text)):
            return left, left
        if left.dep_ not in ("advcl", "csubj", "nsubj") or left.tag_ != "VB" or left.i != left.sent.start:
            continue
        noun = next((c for c in left.children
                     if c.dep_ == "dobj" and c.i == left.i + 1 and c.pos_ == "NOUN"), None)
        phrase = left.doc[left.i:noun.i + 1].text if noun is not None else ""
        if noun is not None and default_table().guess_type(phrase) != "unknown":
            return left, noun
    return None


def _subject_of(verb: Token) -> Token | None:
    """The subject of a verb; of two ("the rights group OVD-Info reported"), the proper name."""
    # "12:20 GMT — The observer mission Civic Eye claimed ...": a live blog's timestamp is never a source
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects and all(_is_timestamp(c) for c in subjects):
        subjects = [c for c in map(_after_timestamp, subjects) if c is not None]
    else:
        subjects = [c for c in subjects if not _is_timestamp(c)]
    if not subjects:
        # The small model misreads unfamiliar names at the start of a clause ("Mediazona, citing
        # data, said ..." parses "Mediazona" as an adverb): a capitalised left dependent stands in.
        subjects = [
            c for c in verb.lefts
            if c.dep_ in ("advmod", "npadvmod", "dep", "nmod", "intj") and c.text[:1].isupper()
            and c.lower_ not in DISCOURSE_ADVERBS and not c.like_num
        ]
        if not subjects:
            return None
    chosen = next((c for c in subjects if c.pos_ == "PROPN"), subjects[0])
    return _name_before_description(verb, chosen) or chosen


def _name_before_description(verb: Token, subject: Token) -> Token | None:
    """ "COGAT, the Israeli defence ministry body that oversees the crossings, put ...": the parse may make
    the description the subject and leave the name before it hanging off the verb."""
    if subject.pos_ != "NOUN" or subject.left_edge.i < 2:
        return None
    comma = subject.doc[subject.left_edge.i - 1]
    name = subject.doc[comma.i - 1]
    if comma.text != "," or name.pos_ != "PROPN" or name.head.i != verb.i or name.dep_ not in NAME_HANGS:
        return None
    return name


def _is_timestamp(token: Token) -> bool:
    """ "12:20 GMT", "09:45": a time of day, as a live blog opens its entries."""
    words = list(token.doc[token.left_edge.i:token.i + 1])
    return token.lower_ in TIME_ZONES or any(CLOCK_TIME.fullmatch(t.text) for t in words[:2])


def _after_timestamp(subject: Token) -> Token | None:
    """For a timestamp the parse took for the only subject, what it hangs beside it: "16:10 GMT — A
    reminder: a poll by X ... put ..." is the poll's (the last appositive in the chain)."""
    found = None
    token = subject
    while (child := next((c for c in token.children if c.dep_ == "appos"), None)) is not None:
        found = token = child
    return found


def _phrase_head(token: Token) -> Token:
    while token.dep_ in ("compound", "amod", "poss") and token.head.i > token.i:
        token = token.head
    return token
