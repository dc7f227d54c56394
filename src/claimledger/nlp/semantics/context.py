"""The words around a figure that decide what it counts: the lemmas of its clause and of its own
event, the subject phrase ("Russian forces") and the location ("in Kharkiv").
"""

from __future__ import annotations

from spacy.tokens import Token

from claimledger.nlp.drafts import ClaimDraft
from claimledger.nlp.entities import entity_index
from claimledger.nlp.semantics.rules import (
    BARE_WORDS,
    CLAUSE_EDGES,
    LOCATION_LABELS,
    LOCATION_PREPOSITIONS,
    NOUN_POS,
    NUMBER_LINK_DEPS,
    NUMBER_NOUNS,
    PLACE_PREPOSITIONS,
    SCALE_WORDS,
)
from claimledger.nlp.semantics.units import _lemma, unit_of


# -- category ---------------------------------------------------------------------------------
def _anchor(draft: ClaimDraft, noun: Token | None) -> Token:
    """The token that stands for the counted things in the parse: the noun, the "others" of "42 others"
    (which has no noun of its own but hangs on the verb that says what happened), or the figure."""
    if noun is not None:
        return noun
    top = _figure_top(draft.figure)
    if top.head.i > top.i and top.head.lower_ in BARE_WORDS:
        return top.head
    return top


def context_lemmas(draft: ClaimDraft, noun: Token | None) -> set[str]:
    """Lemmas of the words that say what happened to the counted things."""
    anchor = _anchor(draft, noun)
    lemmas: set[str] = set()
    head = anchor.head
    while (head.lower_ == "of" and head.head.lemma_.lower() in NUMBER_NOUNS
           and head.head.head.i != head.head.i):
        head = head.head.head  # "lost a total of 7,600 troops": what happened to the total
    lemmas.add(head.lemma_.lower())
    if head.dep_ in ("prep", "agent", "pobj") or head.pos_ == "ADP":
        lemmas.add(head.head.lemma_.lower())
        if head.head.pos_ == "ADP":
            lemmas.add(head.head.head.lemma_.lower())
    for verb in (head, head.head):
        for child in verb.children:
            if child.dep_ in ("xcomp", "oprd", "acomp", "conj", "dobj", "advcl", "ccomp", "attr") \
                    and child.i > verb.i:
                if child.dep_ in ("conj", "advcl", "ccomp") and _has_own_subject(child, anchor):
                    continue  # "treated 312 patients ... and that 14 of them had died": another count's verb
                lemmas.add(child.lemma_.lower())
                lemmas.update(c.lemma_.lower() for c in child.children
                              if c.dep_ in ("conj", "xcomp", "pobj", "prep", "compound"))
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPOSITIONS):
        lemmas.update(g.lemma_.lower() for g in prep.children if g.dep_ == "pobj")  # "moved to safety"
    if head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        # "Russia's losses are running at 1,000 troops a day": the subject says what they are
        subject = next((c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.pos_ == "NOUN":
            lemmas.add(subject.lemma_.lower())
    if anchor.dep_ == "dobj":
        # "Evacuation orders covered 14,000 residents": the subject's kind says what happened to them
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            lemmas.update(c.lemma_.lower() for c in subject.children if c.dep_ == "compound")
    for child in anchor.children:
        if child.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass")
                                         and c.lower_ not in ("who", "that", "which")
                                         for c in child.children):
            continue  # "312 patients, of whom 14 died": the clause counts others
        if child.dep_ == "conj" and any(c.like_num or c.pos_ == "NUM" for c in child.children):
            continue  # "1,150 new cases and 34 deaths": the deaths are another count
        if child.dep_ == "compound" and noun is not None and _lemma(child) in unit_of(noun).split()[:-1]:
            continue  # "320 treatment centres": the compound is part of the unit, not what happened to it
        if child.dep_ in ("amod", "acl", "relcl", "prep", "conj", "appos", "compound", "advcl"):
            lemmas.add(child.lemma_.lower())
            lemmas.update(c.lemma_.lower() for c in child.subtree
                          if c.pos_ in ("VERB", "ADJ", "NOUN") and c.i - anchor.i < 8)
    doc = anchor.doc
    for token in doc[anchor.i + 1:min(anchor.i + 4, draft.sentence.end)]:
        if token.lower_ in ("who", "which", "of", "whom", "whose") or token.like_num:
            break  # "312 patients, of whom 14 died", "900 cases and 12 deaths": what follows is about others
        if token.pos_ in ("VERB", "ADJ", "NOUN"):
            lemmas.add(token.lemma_.lower())
    return lemmas


def _has_own_subject(clause: Token, anchor: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i != anchor.i for c in clause.children)


def _figure_top(figure: Token) -> Token:
    """ "1.2 million": the scale word the figure hangs on stands for the quantity in the parse."""
    token = figure
    while (token.head.i != token.i and token.dep_ in NUMBER_LINK_DEPS
           and (token.head.like_num or token.head.lower_ in SCALE_WORDS)):
        token = token.head
    return token


def own_event_lemmas(draft: ClaimDraft, noun: Token | None) -> set[str]:
    """The words bound to the figure itself: its head, its participles, the word right after it, and a
    verb coordinated with its head that has no object or subject of its own ("were killed or wounded")."""
    anchor = _anchor(draft, noun)
    participles = {c.lemma_.lower() for c in anchor.children if c.dep_ in ("amod", "acl", "relcl")}
    if anchor.dep_ == "conj" and participles:
        return participles  # "11 people were killed and 176 injured": the 176 have a participle of their own
    own = {anchor.head.lemma_.lower()}
    own.update(c.lemma_.lower() for c in anchor.head.children if _bare_coordinated_verb(anchor.head, c))
    first = anchor.head.head
    shared_object = anchor.dep_ == "dobj" and anchor.i > anchor.head.i
    coordinated = anchor.head.dep_ == "conj" and first.pos_ == "VERB" and 0 < anchor.head.i - first.i <= 3
    if shared_object and coordinated and not any(c.dep_ == "dobj" for c in first.children):
        own.add(first.lemma_.lower())  # "killed or wounded 300 soldiers": both verbs take the object
    own.update(c.lemma_.lower() for c in anchor.children if c.dep_ in ("amod", "acl", "relcl"))
    if anchor.i + 1 < draft.sentence.end:
        following = anchor.doc[anchor.i + 1]
        if following.pos_ in ("VERB", "ADJ"):
            own.add(following.lemma_.lower())
    return own


def _bare_coordinated_verb(verb: Token, child: Token) -> bool:
    """ "killed or wounded": the second verb shares the first one's subject and object."""
    if child.dep_ != "conj" or child.pos_ != "VERB" or not 0 < child.i - verb.i <= 3:
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in child.children)


# -- subject and location -----------------------------------------------------------------------
def phrase_text(head: Token) -> str:
    """A noun phrase as written, without a leading article or trailing clauses."""
    tokens = [t for t in head.subtree if head.left_edge.i <= t.i <= head.i]
    while tokens and tokens[0].dep_ in ("det", "predet") \
            and tokens[0].lower_ in ("the", "a", "an", "some", "these", "those", "this", "that"):
        tokens = tokens[1:]
    while tokens and (tokens[0].is_punct or tokens[0].like_num or tokens[0].dep_ == "nummod"):
        tokens = tokens[1:]
    if not tokens:
        return head.text
    return head.doc[tokens[0].i:tokens[-1].i + 1].text


def subject_of(draft: ClaimDraft, noun: Token | None, category: str,
               owners: frozenset[str] = frozenset()) -> str | None:
    if noun is not None:
        modifiers = [c for c in noun.lefts
                     if c.ent_type_ == "NORP" or (c.dep_ == "compound" and c.pos_ == "PROPN")]
        if modifiers:
            return noun.doc[max(draft.span.end, min(m.left_edge.i for m in modifiers)):noun.i + 1].text
    if category in ("casualties", "deaths", "injuries", "equipment", "troops"):
        token = noun if noun is not None else draft.figure
        for _ in range(6):
            if token.pos_ in ("VERB", "AUX") and token.dep_ != "amod" and token.lemma_.lower() not in owners:
                break  # "RSF fighters killed 120 people": the killers do not own the count
            if token.pos_ in ("VERB", "AUX") and token.dep_ != "amod":
                for child in token.children:
                    if child.dep_ in ("nsubj",) and child.pos_ in NOUN_POS \
                            and child.lemma_.lower() not in ("estimate", "report", "figure"):
                        return phrase_text(child)
                    if child.dep_ == "nsubj" and child.pos_ == "PRON":
                        return None
            if token.head.i == token.i or token.dep_ in CLAUSE_EDGES:
                break  # the subject of a reporting verb above is the source, not the subject
            token = token.head
    if noun is not None and category in \
            ("casualties", "deaths", "injuries", "troops", "displaced", "detained"):
        return noun.doc[max(draft.span.end, noun.left_edge.i):noun.i + 1].text
    return None


def location_of(draft: ClaimDraft) -> str | None:
    """The nearest place named after a location preposition in the figure's sentence."""
    sentence = draft.sentence
    candidates: list[tuple[int, str]] = []
    for ent in entity_index(sentence.doc).within(sentence.start, sentence.end):
        if ent.label_ not in LOCATION_LABELS \
                and not (ent.label_ in ("PRODUCT", "ORG", "PERSON") and len(ent) <= 2):
            continue
        first = ent[0]
        before = first.doc[first.i - 1] if first.i > sentence.start else None
        if first.i > sentence.start + 1 and first.doc[first.i - 2].lower_ == "according":
            continue  # "according to Rosstat": a source, not a place
        if ent[-1].i + 1 < len(ent.doc) and ent.doc[ent[-1].i + 1].tag_ == "POS":
            continue  # "Ukraine's Armed Forces": part of a name, not a place
        if before is None or before.lower_ not in LOCATION_PREPOSITIONS:
            if ent.label_ not in LOCATION_LABELS:
                continue
            if before is None or before.lower_ not in ("of", "region", "city"):
                continue
        distance = abs(first.i - draft.figure.i)
        candidates.append((distance, ent.text))
    return min(candidates)[1] if candidates else None
