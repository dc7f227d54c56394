"""Which temporal window each figure counts over (issue 10, part 1): the component ``claimledger_windows``.

For each live draft, the temporal expressions of its sentence are spaCy's DATE and TIME entities (two joined
as one window, "between September and November", are one candidate). The figure's window is the expression
the dependency parse attaches to it: one that hangs on the figure, its counted noun or the verb they depend
on (up through coordinated and infinitive verbs, never through a reporting verb above a clause: "officials
said on Monday that 27 had died"); else, when the expression hangs on no verb of its own, the nearest one in
the figure's clause. An expression that dates another verb dates another event.

Each expression is resolved against the publication date once per document: the common shapes in pure Python
(``normalize.quickwindows``), the rest by Recognizers-Text (``normalize.windows``) on a bounded span (the
expression and at most ``CONTEXT`` characters either side, within the sentence), at most ``LIBRARY_CALLS``
calls per document; beyond that the draft keeps today's resolution (``normalize.dates``) and the document's
``window_stats`` count it. The publication date is read from ``doc.user_data[PUBLISHED_KEY]`` (the runner puts
it there); without one, expressions are resolved against a fixed reference only to tell their kind, and no
period is taken from them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache

from spacy.tokens import Doc, Span, Token

from claimledger.nlp.drafts import ClaimDraft, clause_bounds, doc_text, live_drafts
from claimledger.nlp.entities import entity_index
from claimledger.nlp.lexicon import load_table
from claimledger.normalize.quickwindows import NO_WINDOW, Reading, kind_of, quick_window

PUBLISHED_KEY = "claimledger.published"
STATS_KEY = "claimledger.window_stats"
CACHE_KEY = "claimledger.window_cache"
CONTEXT = 40  # characters of the sentence either side of an expression that the library reads
LIBRARY_CALLS = 3  # Recognizers calls per document at most (about 100 ms each)
REFERENCE = date(2001, 6, 15)  # a Friday mid-year: kinds only, when a document has no publication date

LABELS = ("DATE", "TIME")
OPENERS = ("since", "from", "between", "by", "until", "till", "through")
_JOINED = re.compile(r"^\s*(?:and|to|through|thru|until|till|-|–|—)\s*$", re.IGNORECASE)
_UP_TO_NOW = re.compile(r"\b(so far|earlier)\s+$", re.IGNORECASE)
# dependencies that leave the figure's clause: the verb above is another event or a statement
_CLAUSE_EDGES = frozenset({"ccomp", "parataxis", "relcl", "advcl", "csubj", "acl"})
_VERB_CHAIN = frozenset({"conj", "xcomp", "aux", "auxpass"})


@dataclass(frozen=True, slots=True)
class AttachedWindow:
    """The window attached to one figure: where it is, what it covers, its kind, how it was read and the
    publication date it was resolved against (None: only a fixed reference, for the kind)."""

    start: int
    end: int
    text: str
    first: date | None
    last: date | None
    kind: str
    how: str  # "parse" (hangs on the figure's line) or "clause" (nearest, hanging on no verb)
    reference: date | None


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int  # characters in the document, the opener included
    end: int
    tokens: tuple[int, ...]
    phrase: str


@cache
def _statement_verbs() -> frozenset[str]:
    """Verbs of saying (attribution.toml) and of acts about an amount (timescope.toml's act_verbs)."""
    return (frozenset(load_table("attribution")["cues"]["verbs"])
            | frozenset(load_table("timescope")["defaults"]["act_verbs"]))


def window_stats(doc: Doc) -> Counter[str]:
    """How this document's expressions were read: quick, library, cached, capped (past the call limit)."""
    stats = doc.user_data.get(STATS_KEY)
    if stats is None:
        stats = doc.user_data[STATS_KEY] = Counter()
    return stats


def _candidates(sentence: Span) -> list[_Candidate]:
    doc = sentence.doc
    text = doc_text(doc)
    # the document's entity index, not Span.ents, which rebuilds every entity of the Doc on each call
    ents = [e for e in entity_index(doc).within(sentence.start, sentence.end) if e.label_ in LABELS]
    groups: list[list[Span]] = []
    for ent in ents:
        if groups and _JOINED.match(text[groups[-1][-1].end_char:ent.start_char]):
            groups[-1].append(ent)
        else:
            groups.append([ent])
    out = []
    for group in groups:
        start, end = group[0].start_char, group[-1].end_char
        phrase = text[start:end]
        possessive = phrase.endswith(("'s", "’s"))
        before = doc[group[0].start - 1] if group[0].start > sentence.start else None
        if before is not None and before.lower_ in OPENERS and not possessive:
            start = before.idx
            phrase = text[start:end]
        elif up_to_now := _UP_TO_NOW.search(text[max(sentence.start_char, start - 10):start]):
            phrase = f"{up_to_now[1]} {phrase}"  # "so far this year", "earlier this month"
        if phrase.lower().startswith("since") and _after_a_superlative(doc, group[0].start, sentence.start):
            continue  # "its weakest finish since August", "the 84th exchange since the invasion"
        tokens = tuple(t.i for e in group for t in e)
        out.append(_Candidate(start, end, tokens, phrase))
    return out


def _after_a_superlative(doc: Doc, at: int, floor: int) -> bool:
    return any(t.tag_ in ("JJS", "RBS") or t.ent_type_ == "ORDINAL" for t in doc[max(floor, at - 5):at])


def _figure_line(draft: ClaimDraft) -> tuple[set[int], bool]:
    """The figure, its noun and the words above them up to the verb they depend on (and that verb's chain of
    coordinated or infinitive verbs), and whether a verb was reached."""
    line: set[int] = set()
    reached = False
    for anchor in (draft.figure, draft.noun):
        token: Token | None = anchor
        for _ in range(8):
            if token is None:
                break
            line.add(token.i)
            if token.pos_ in ("VERB", "AUX") and token.i != draft.figure.i:
                reached = True
                while token.dep_ in _VERB_CHAIN and token.head.i != token.i and not _has_subject(token):
                    token = token.head
                    line.add(token.i)
                break
            if token.dep_ in _CLAUSE_EDGES or token.head.i == token.i:
                break
            token = token.head
    return line, reached


def _has_subject(verb: Token) -> bool:
    """A verb with a subject of its own heads a clause of its own ("X rose, and Y fell")."""
    return any(child.dep_ in ("nsubj", "nsubjpass", "expl") for child in verb.children)


def _attachment(candidate: _Candidate, doc: Doc, line: set[int], draft_span: tuple[int, int]) -> str | None:
    """"parse" when the expression hangs on the figure's line ("statement" when on a verb of saying or of an
    act, "approved on Tuesday", whose day dates that act), "free" when it hangs on no verb, None when it hangs
    on another verb (it dates another event)."""
    own = set(candidate.tokens)
    if own & line and not any(t.i in own for t in doc[draft_span[0]:draft_span[1]]):
        return None  # the figure hangs from the expression ("said on Monday, already 69%"): a misparse
    for i in candidate.tokens:
        token = doc[i]
        for _ in range(5):
            head = token.head
            if head.i == token.i:
                break
            if head.i in line and head.i not in own:
                return "statement" if head.lemma_.lower() in _statement_verbs() else "parse"
            if head.pos_ in ("VERB", "AUX") and head.i not in own:
                return None
            token = head
    return "free"


def _distance(draft: ClaimDraft, candidate: _Candidate) -> int:
    if candidate.end <= draft.start:
        return draft.start - candidate.end
    return max(0, candidate.start - draft.end)


def _resolve(doc: Doc, sentence: Span, candidate: _Candidate, reference: date) -> Reading | None:
    """The reading of one expression, once per document (NO_WINDOW: none; None: unread, over the cap)."""
    cache: dict[tuple[str, date], Reading | None] = doc.user_data.setdefault(CACHE_KEY, {})
    stats = window_stats(doc)
    key = (candidate.phrase.lower(), reference)
    if key in cache:
        stats["cached"] += 1
        return cache[key]
    reading = quick_window(candidate.phrase, reference)
    if reading is not None:
        stats["quick"] += 1
        cache[key] = reading
        return reading
    if stats["library"] >= LIBRARY_CALLS:
        stats["capped"] += 1
        return None  # not cached: the cap, not the text, decided
    from claimledger.normalize.windows import find_windows

    stats["library"] += 1
    text = doc_text(doc)
    lo = max(sentence.start_char, candidate.start - CONTEXT)
    hi = min(sentence.end_char, candidate.end + CONTEXT)
    best, overlap = None, 0
    for window in find_windows(text[lo:hi], reference):
        shared = min(window.end + lo, candidate.end) - max(window.start + lo, candidate.start)
        if shared > overlap:
            best, overlap = window, shared
    if best is None:
        reading = NO_WINDOW
    else:
        first, last = best.first_day, best.last_day
        reading = Reading(first, last, kind_of(best.text, first, last, reference))
    cache[key] = reading
    return reading


def attach_window(draft: ClaimDraft, candidates: list[_Candidate], reference: date,
                  published: date | None) -> AttachedWindow | None:
    doc = draft.span.doc
    line, has_verb = _figure_line(draft)
    clause = clause_bounds(draft.sentence, draft.start)
    ranked = []
    for candidate in candidates:
        how = _attachment(candidate, doc, line, (draft.span.start, draft.span.end))
        if how == "free":
            if not (clause[0] <= candidate.start and candidate.end <= clause[1]) and has_verb:
                continue
            how = "clause"
        if how is None:
            continue
        ranked.append((how != "parse", _distance(draft, candidate), candidate, how))
    ranked.sort(key=lambda r: (r[0], r[1]))
    for _, _, candidate, how in ranked:
        reading = _resolve(doc, draft.sentence, candidate, reference)
        if reading is None or reading is NO_WINDOW:
            continue
        if how == "statement":
            if reading.kind == "day":
                continue  # "the ministry said on Monday", "approved on Tuesday": the act's day
            how = "parse"
        return AttachedWindow(candidate.start, candidate.end, candidate.phrase, reading.first, reading.last,
                              reading.kind, how, published)
    return None


def read_windows(doc: Doc) -> None:
    published = doc.user_data.get(PUBLISHED_KEY)
    reference = published or REFERENCE
    by_sentence: dict[int, list[_Candidate]] = {}
    for draft in live_drafts(doc):
        sentence = draft.sentence
        if sentence.start not in by_sentence:
            by_sentence[sentence.start] = _candidates(sentence)
        candidates = by_sentence[sentence.start]
        draft.window = attach_window(draft, candidates, reference, published) if candidates else None
