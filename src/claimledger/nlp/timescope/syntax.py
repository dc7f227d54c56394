"""The parse around a figure that time scope reads: its governing verb, the lemmas near it, the
subject, the head of a cue, perfect and level-setting verbs. Pure functions of tokens.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimledger.nlp.drafts import ClaimDraft
from claimledger.nlp.timescope.rules import AVERAGE_WORDS, ScopeCue


def _is_full_clause(verb: Token) -> bool:
    """A clause with a subject and a tense of its own; "and 2,700 wounded since ..." shares the one before."""
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    own_tense = any(c.dep_ in ("aux", "auxpass") for c in verb.children) or verb.tag_ in ("VBD", "VBZ", "VBP")
    return own_subject and own_tense


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


def _plural_subject(verb: Token | None, lemmas: frozenset[str]) -> bool:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb else None
    return subject is not None and subject.tag_ == "NNS" and subject.lemma_.lower() in lemmas


def _achieved(draft: ClaimDraft) -> bool:
    """ "62 percent funded", "80% complete": a share of the thing done (not a level set: "the award was
    5.5%")."""
    doc = draft.span.doc
    after = doc[draft.span.end] if draft.span.end < len(doc) else None
    return after is not None and after.tag_ in ("VBN", "JJ")


def _is_an_average(verb: Token | None) -> bool:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb else None
    return subject is not None and any(c.lower_ in AVERAGE_WORDS for c in subject.subtree if c.i < subject.i)


def _paragraph_so_far(draft: ClaimDraft) -> str:
    """The figure's paragraph up to the end of its sentence."""
    text = draft.doc_text
    start = text.rfind("\n\n", 0, draft.sentence.start_char)
    return text[max(start, 0):draft.sentence.end_char]


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
