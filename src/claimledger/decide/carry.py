"""Carry-over of a source to a figure whose own sentence names none (guide SRC-4/SRC-5).

The attribution rules give such a figure AUTHOR. Its candidate is the nearest figure before it with a named
source: another figure of its own sentence first, then the last named figure of an earlier sentence of its
paragraph or of the paragraph before. The decision model learns whether the source carries over ("True":
the candidate's source, name and type) from features of the continuation: where the candidate stands and
how far back, the figures stated in the outlet's voice between them, the sentence's opening words ("Of
those", "This includes", "He added"), a pronoun subject and a verb of saying, a quotation going on, a new
party named in the sentence, whether the candidate came from a document or release, and whether the two
figures count the same thing. The label is whether the gold source is the candidate's. A stated conversion
has no candidate (it is the outlet's, as the guide says).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from claimledger.decide.features import QUOTES, in_quote, paragraph_of, sentence_index_of
from claimledger.models import AUTHOR
from claimledger.nlp.attribution.rules import STATEMENT_RELEASE_VERBS
from claimledger.nlp.attribution.statements import Statement, statements_of
from claimledger.nlp.drafts import ClaimDraft, doc_text, span_text
from claimledger.nlp.entities import entity_index
from claimledger.nlp.hedging import default_rules

Candidate = ClaimDraft | Statement  # a named figure before, or a named statement without a figure

SPEECH = frozenset(
    "say tell add report state announce note estimate write post claim explain continue show put "
    "find count record confirm".split()
)
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
REFER_BACK = re.compile(
    r"^\W*(?:of (?:those|them|these|whom|the)\b|among (?:them|those|these|the)\b|"
    r"that (?:brings|takes|includes|is|was|figure|number)\b|"
    r"this (?:includes|brings|takes|is|was|figure|number)\b|these (?:include|are|were)\b|"
    r"most of\b|the (?:rest|remainder|total|figure|number|toll)\b|in total\b|including\b|overall\b|"
    r"altogether\b|another\b|a further\b|also\b)",
    re.IGNORECASE,
)

DOCUMENT_WORDS = re.compile(
    r"\b(?:report|reports|bulletin|data|survey|statement|results|release|figures|update|study|census|"
    r"estimates|assessment|poll|filing|document)\b",
    re.IGNORECASE,
)
# A release read figure by figure (guide SRC-5c): the candidate's sentence says the figures were published
# or shown, or its source is a body that publishes its figures in one release (a statistics office, a
# regulator, a company's results).
RELEASE_WORDS = re.compile(
    r"\b(?:released?|published|shows?|showed|quarterly|half-year|full-year|annual|monthly|weekly|"
    r"earnings|filing|figures)\b",
    re.IGNORECASE,
)
NEW_PARTY_LABELS = ("ORG", "PERSON", "NORP", "GPE")
# A live blog's entry opens with a time of day ("08:30 —", "16:50 GMT -"): guide Q-11, a live blog's header
# is no source and each entry's figures take their own sentence's source
ENTRY_STAMP = re.compile(r"(?m)^[ \t]*(?:\d{1,2}[:.]\d{2})(?:\s*[A-Z]{2,4})?\s*[—–-]")
LIVE_BLOG_ENTRIES = 2  # entries that make a document a live blog
MAX_SENTENCES_BACK = 6


def candidate_for(draft: ClaimDraft, drafts: Sequence[ClaimDraft], first_of_sentence: int,
                  named_in_sentence: Sequence[ClaimDraft] = (),
                  named_starts: Sequence[int] = ()) -> Candidate | None:
    """The figure whose source ``draft`` (named AUTHOR by the rules) may carry on from, or None.
    ``first_of_sentence`` is where its sentence's first figure stands in ``drafts`` (in text order) and
    ``named_in_sentence`` its sentence's figures with a named source, in text order, ``named_starts`` their
    starts: each built once per sentence, so a sentence of many figures is not walked once for each."""
    if draft.source_name != AUTHOR or draft.converts is not None:
        return None
    if draft.hedged and any(p.match(draft.hedge_cue or "") for p in default_rules().own_attribution):
        return None  # "Estimates suggest ...": an attribution of its own, to unnamed parties (SRC-6)
    if named_in_sentence:  # the nearest named figure of its own sentence, the earlier one on a tie
        k = bisect_left(named_starts, draft.start)
        return min(named_in_sentence[max(0, k - 1):k + 1], key=lambda d: abs(d.start - draft.start))
    doc = draft.span.doc
    index = sentence_index_of(doc)
    own = index[draft.sentence.start]
    para = paragraph_of(doc, draft.sentence.start_char)
    found: ClaimDraft | None = None
    for k in range(first_of_sentence - 1, -1, -1):  # bounded: stops a few sentences back
        earlier = drafts[k]
        sentence = index[earlier.sentence.start]
        if own - sentence > MAX_SENTENCES_BACK or para - paragraph_of(doc, earlier.sentence.start_char) > 1:
            break
        if sentence < own and earlier.source_name != AUTHOR:
            found = earlier
            break
    return _nearer_statement(draft, found, own, para) or found


def _nearer_statement(draft: ClaimDraft, found: ClaimDraft | None, own: int, para: int) -> Statement | None:
    """The last statement without a figure before ``draft``'s sentence (in its paragraph or the one before,
    at most MAX_SENTENCES_BACK sentences back) where it stands after ``found``, the nearest named figure:
    "Ofgem has just announced the price cap. The typical bill will fall from £1,849 to £1,720." (SRC-5c)."""
    statements = statements_of(draft.span.doc)
    if not statements:
        return None
    k = bisect_left(statement_starts(draft.span.doc), draft.sentence.start_char) - 1
    if k < 0:
        return None
    statement = statements[k]
    doc = draft.span.doc
    there = sentence_index_of(doc)[statement.sentence.start]
    if own - there > MAX_SENTENCES_BACK or para - paragraph_of(doc, statement.start) > 1:
        return None
    if found is not None and found.sentence.start_char >= statement.start:
        return None  # a named figure stands nearer
    return statement


def statement_starts(doc: Doc) -> list[int]:
    """Where the document's statements without a figure start (character offsets), once per document."""
    key = "claimledger.statement_starts"
    starts = doc.user_data.get(key)
    if starts is None:
        starts = doc.user_data[key] = [s.start for s in statements_of(doc)]
    return starts


def entry_starts(doc: Doc) -> list[int]:
    """Where the document's live-blog entries open (character offsets), found once per document."""
    key = "claimledger.entry_starts"
    starts = doc.user_data.get(key)
    if starts is None:
        starts = doc.user_data[key] = [m.start() for m in ENTRY_STAMP.finditer(doc_text(doc))]
    return starts


def _entry_features(draft: ClaimDraft, candidate: Candidate) -> list[str]:
    """Whether the document is a live blog, and whether a new entry opens between the candidate and the
    figure (Q-11: an entry's figures take their own sentence's source, not the entry before's)."""
    starts = entry_starts(draft.span.doc)
    if len(starts) < LIVE_BLOG_ENTRIES:
        return []
    feats = ["c_live_blog"]
    lo, hi = candidate.sentence.start_char, draft.sentence.start_char
    crossed = bisect_right(starts, hi) - bisect_right(starts, lo)
    feats.append("c_entry_crossed" if crossed else "c_same_entry")
    if bisect_left(starts, hi) < len(starts) and starts[bisect_left(starts, hi)] < hi + 2:
        feats.append("c_opens_entry")
    return feats


def _subject_words(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


def carry_features(draft: ClaimDraft, candidate: Candidate, drafts: Sequence[ClaimDraft],
                   at: int) -> list[str]:
    """The carry-over features of ``drafts[at]`` (``draft``) towards its candidate."""
    doc = draft.span.doc
    index = sentence_index_of(doc)
    own, theirs = index[draft.sentence.start], index[candidate.sentence.start]
    para_gap = paragraph_of(doc, draft.sentence.start_char) - paragraph_of(doc, candidate.sentence.start_char)
    where = "same_sentence" if own == theirs else "same_para" if para_gap == 0 else "prev_para"
    distance = own - theirs
    feats = ["bias", f"c_where={where}", f"c_dist={min(distance, 4)}",
             f"c_where_dist={where}|{min(distance, 3)}"]
    between = 0
    for k in range(at - 1, -1, -1):
        if index[drafts[k].sentence.start] <= theirs or between >= 2:
            break
        between += drafts[k].source_name == AUTHOR
    feats.append(f"c_author_between={between}")
    sentence = draft.sentence
    text = span_text(sentence)
    words = [t.lower_ for t in sentence if not t.is_punct and not t.is_space][:2]
    if words:
        feats.append(f"c_first={words[0]}")
        feats.append(f"c_first2={' '.join(words)}")
    if REFER_BACK.search(text):
        feats.append("c_refer_back")
    if sentence.start_char == draft.start or text.lstrip(" \"“").startswith(draft.span.text):
        feats.append("c_opens_with_figure")
    for token in sentence:
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") and lemma in SPEECH:
            subjects = _subject_words(token)
            kind = "pron" if any(s.lower_ in PRONOUNS for s in subjects) else "named" if subjects else "none"
            feats.append(f"c_speech={lemma}")
            feats.append(f"c_speech_subj={kind}")
        if token.dep_ in ("nsubj", "nsubjpass") and token.lower_ in PRONOUNS:
            feats.append(f"c_pron_subj={token.lower_}")
    parties = 0
    for ent in entity_index(doc).within(sentence.start, sentence.end):  # not sentence.ents: O(document)
        if ent.label_ in NEW_PARTY_LABELS:
            parties += ent.label_ in ("ORG", "PERSON")
            named_before = candidate.source_name.lower()
            same = ent.text.lower() in named_before or named_before in ent.text.lower()
            feats.append(f"c_ent={ent.label_}|{'same' if same else 'other'}")
            if ent.root.dep_ in ("nsubj", "nsubjpass"):
                feats.append(f"c_ent_subject={'same' if same else 'other'}")
        elif ent.label_ == "DATE":
            feats.append("c_date")
    if any(q in text for q in QUOTES):
        feats.append("c_sent_quote")
        if in_quote(text, draft.start - sentence.start_char):
            feats.append("c_fig_in_quote")
        if text.lstrip()[:1] in QUOTES:
            feats.append("c_opens_quote")
    cand_text = span_text(candidate.sentence)
    if any(q in cand_text for q in QUOTES):
        feats.append("c_cand_quote")
        if in_quote(cand_text, candidate.start - candidate.sentence.start_char):
            feats.append("c_cand_fig_in_quote")
        if where != "same_sentence" and in_quote(cand_text, len(cand_text)):
            feats.append("c_quote_open_across")
    feats.append(f"c_cand_type={candidate.source_type}")
    if candidate.source_cue:
        feats.append(f"c_cand_cue={candidate.source_cue.lower()[:20]}")
    if DOCUMENT_WORDS.search(cand_text):
        feats.append("c_cand_document")
    if RELEASE_WORDS.search(cand_text):
        feats.append("c_cand_release")
        feats.append(f"c_cand_release_type={candidate.source_type}")
    if not parties and not any(q in text for q in QUOTES):
        # no one else named and no quotation: a further figure of the same release, or the outlet's own
        feats.append(f"c_no_party|{where}")
        feats.append(f"c_no_party_type={candidate.source_type}")
    if DOCUMENT_WORDS.search(text):
        feats.append("c_document_word")
    name = candidate.source_name.lower()
    if name and name in text.lower():
        feats.append("c_name_again")
    if isinstance(candidate, Statement):
        feats += _statement_features(candidate, where, distance)
    else:
        feats.append(f"c_same_cat={draft.category == candidate.category}")
        feats.append(f"c_same_unit={draft.unit.lower() == candidate.unit.lower()}")
        feats.append(f"c_same_ts={draft.time_scope == candidate.time_scope}")
    feats.append(f"c_cat={draft.category}")
    feats.append(f"c_ts={draft.time_scope}")
    feats += _between_features(draft, candidate, where)
    if any(f.startswith("c_speech=") for f in feats):  # the figure's sentence has a cue verb of its own
        feats.append(f"c_own_cue|{'stmt' if isinstance(candidate, Statement) else 'fig'}")
    if draft.hedged:
        feats.append(f"c_hedged={(draft.hedge_cue or '').lower()[:20]}")
    if draft.refers_to is candidate or draft.continues is candidate:
        feats.append("c_linked")
    elif draft.refers_to is not None:
        feats.append("c_refers_other")
    verb = draft.figure
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    feats.append(f"c_verb={verb.lemma_.lower()}")
    feats += _entry_features(draft, candidate)
    return feats


def _statement_features(statement: Statement, where: str, distance: int) -> list[str]:
    """A named statement without a figure as the candidate: its verb, whether that verb publishes a release
    (SRC-5c), crossed with where it stands and how far back."""
    verb = statement.verb or "none"
    release = verb in STATEMENT_RELEASE_VERBS
    feats = ["c_cand_statement", f"c_stmt_verb={verb}", f"c_stmt_where_dist={where}|{min(distance, 3)}",
             f"c_stmt_type={statement.source_type}"]
    if release:
        feats += ["c_stmt_release", f"c_stmt_release|{where}"]
    return feats


def _between_features(draft: ClaimDraft, candidate: Candidate, where: str) -> list[str]:
    """Whether another party is named between the candidate's sentence and the figure's (bounded: the
    candidate stands at most MAX_SENTENCES_BACK sentences back)."""
    if where == "same_sentence":
        return []
    name = candidate.source_name.lower()
    between = entity_index(draft.span.doc).within(candidate.sentence.end, draft.sentence.start)
    other = any(ent.label_ in ("ORG", "PERSON") and ent.text.lower() not in name
                and name not in ent.text.lower() for ent in between)
    return [f"c_party_between={other}"]


def doc_candidates(drafts: Sequence[ClaimDraft]) -> list[Candidate | None]:
    """Each live draft's carry-over candidate (None where it has a source, is a conversion or has none)."""
    first: dict[int, int] = {}
    named: dict[int, list[ClaimDraft]] = {}
    for n, d in enumerate(drafts):
        first.setdefault(d.sentence.start, n)
        if d.source_name != AUTHOR:
            named.setdefault(d.sentence.start, []).append(d)
    starts = {sentence: [d.start for d in named_here] for sentence, named_here in named.items()}
    return [candidate_for(d, drafts, first[d.sentence.start], named.get(d.sentence.start, ()),
                          starts.get(d.sentence.start, ())) for d in drafts]
