"""Features of one claim draft, read from the parse and the document after the rule components ran.

The rules' own answers (time scope, category, source type, hedged) are features here, beside the cues they
found, the figure's governing verb with its tense and aspect, the counted noun, the dependency path from the
figure to its verb, the sentence's DATE/TIME entities and where they attach, the source phrase's words and
entity labels, the paragraph position, the previous sentence's source and quotation marks. Every feature is
a string key with value 1.0 (a sparse one-hot bag), so that a linear model can weigh it and the shipped
weights are a plain JSON table.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from claimledger.models import AUTHOR
from claimledger.nlp.drafts import ClaimDraft, doc_text, span_text
from claimledger.nlp.entities import entity_index
from claimledger.normalize.heads import default_heads
from claimledger.normalize.sources import default_table, normalize_name

QUOTES = ('"', "“", "”")
SOURCE_WORDS = frozenset(
    "minister ministry army police agency said says spokesperson spokesman spokeswoman governor official "
    "officials forces military intelligence general command office president ministry's government "
    "department "
    "un nations organization organisation commission committee council company bank fund reuters ap "
    "analyst analysts expert experts researcher residents witness witnesses mayor head chief institute "
    "report reports statement data survey estimates according".split()
)
_DIGITS = re.compile(r"\d")


def _governing_verb(token: Token) -> tuple[Token, list[str]]:
    """The verb (or the root) the figure hangs from, and the dependency labels on the way up."""
    path: list[str] = []
    current = token
    for _ in range(8):
        if current.pos_ in ("VERB", "AUX") and current is not token:
            return current, path
        if current.head is current:
            return current, path
        path.append(current.dep_)
        current = current.head
    return current, path


def _verb_features(verb: Token) -> list[str]:
    feats = [f"verb={verb.lemma_.lower()}", f"verb_tag={verb.tag_}"]
    morph = verb.morph
    for key in ("Tense", "Aspect", "VerbForm", "Mood"):
        for value in morph.get(key, []):
            feats.append(f"verb_{key}={value}")
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass"):
            feats.append(f"verb_aux={child.lemma_.lower()}")
        elif child.dep_ == "neg":
            feats.append("verb_neg")
        elif child.dep_ in ("advmod", "npadvmod", "prep") and child.i != verb.i:
            feats.append(f"verb_{child.dep_}={child.lower_}")
    return feats


def _paragraph_breaks(doc: Doc) -> list[int]:
    """Where each blank line ("\\n\\n", as str.count finds them) ends, found once per document: a claim's
    paragraph is a bisection, not a count over the text before it (which made long documents quadratic)."""
    key = "claimledger.paragraph_breaks"
    ends = doc.user_data.get(key)
    if ends is None:
        ends = [m.end() for m in re.finditer("\n\n", doc_text(doc))]
        doc.user_data[key] = ends
    return ends


def sentences_of(doc: Doc) -> list[Span]:
    """The document's sentences, listed once per document."""
    key = "claimledger.sentences"
    sentences = doc.user_data.get(key)
    if sentences is None:
        sentences = doc.user_data[key] = list(doc.sents)
    return sentences


def sentence_index_of(doc: Doc) -> dict[int, int]:
    """Each sentence's index in the document, by its first token (built once per document)."""
    key = "claimledger.sentence_index"
    index = doc.user_data.get(key)
    if index is None:
        index = doc.user_data[key] = {sent.start: n for n, sent in enumerate(sentences_of(doc))}
    return index


def in_quote(text: str, local: int) -> bool:
    """Whether offset ``local`` of ``text`` (a sentence) lies inside quotation marks opened before it."""
    return sum(text[:local].count(q) for q in QUOTES) % 2 == 1


def paragraph_of(doc: Doc, offset: int) -> int:
    """The index of the paragraph (blank-line separated) holding document offset ``offset``."""
    return bisect_right(_paragraph_breaks(doc), offset)


def _shape(text: str) -> str:
    return _DIGITS.sub("0", text.lower())


def _entity_features(sentence: Span, verb: Token) -> list[str]:
    feats = []
    # what ``sentence.ents`` gives, from the document's index: Span.ents rebuilds every entity of the Doc
    # on each call, which made the decision layer quadratic in a long document
    for ent in entity_index(sentence.doc).within(sentence.start, sentence.end):
        if ent.label_ not in ("DATE", "TIME"):
            continue
        feats.append(f"ent_{ent.label_}")
        for word in ent:
            if not word.is_punct:
                feats.append(f"ent_word={_shape(word.text)}")
        first = sentence.doc[ent.start - 1].lower_ if ent.start > sentence.start else ""
        if first:
            feats.append(f"ent_before={first}")
        head = ent.root
        attached = False
        for _ in range(6):
            if head is verb:
                attached = True
                break
            if head.head is head:
                break
            head = head.head
        if attached:
            feats.append(f"ent_same_verb_{ent.label_}")
            feats.append(f"ent_same_verb_before={first}")
    return feats


def _window_features(draft: ClaimDraft) -> list[str]:
    """The kind of window the parse attaches to the figure (nlp/periods.py): an explicit span, trailing up to
    publication, since X, a single day, open at one end, or none; how it was attached; and whether it lies
    before publication, runs up to it or lies ahead (a forecast, a plan)."""
    window = draft.window
    if window is None:
        return ["window=none", f"window_ts={draft.time_scope}|none"]
    feats = [f"window={window.kind}", f"window_how={window.how}",
             f"window_ts={draft.time_scope}|{window.kind}", f"window_cat={draft.category}|{window.kind}"]
    reference = window.reference
    if reference is not None and window.last is not None:
        when = "past" if window.last < reference else "now" if window.last == reference else "ahead"
        feats.append(f"window_when={when}")
    return feats


def _window(draft: ClaimDraft, width: int = 6) -> list[str]:
    doc = draft.span.doc
    sentence = draft.sentence
    start = max(sentence.start, draft.span.start - width)
    end = min(sentence.end, draft.span.end + width)
    feats = [f"before={t.lemma_.lower()}" for t in doc[start : draft.span.start] if not t.is_punct]
    feats += [f"after={t.lemma_.lower()}" for t in doc[draft.span.end : end] if not t.is_punct]
    return feats


def _source_features(draft: ClaimDraft) -> list[str]:
    feats = [f"src_author={draft.source_name == AUTHOR}"]
    if draft.source_name != AUTHOR:
        for word in re.findall(r"[A-Za-z']+", draft.source_name.lower())[:8]:
            feats.append(f"src_word={word}" if word in SOURCE_WORDS else "src_other_word")
        words = draft.source_name.split()
        feats.append(f"src_len={min(len(words), 5)}")
        if words and words[0][:1].isupper():
            feats.append("src_capital")
        if draft.source_canonical:
            feats.append("src_canonical")
    feats += _kind_features(draft)
    token = draft.source_token
    if token is not None:
        if token.ent_type_:
            feats.append(f"src_ent={token.ent_type_}")
        feats.append(f"src_head={token.lemma_.lower()}")
        for child in token.subtree:
            if child.ent_type_:
                feats.append(f"src_sub_ent={child.ent_type_}")
    if draft.source_cue:
        feats.append(f"src_cue={draft.source_cue.lower()[:30]}")
    if draft.source_via:
        feats.append("src_via")
    return feats


def _kind_features(draft: ClaimDraft) -> list[str]:
    """What kind of party the source's name says it is: the type of its head noun
    (``data/lexicons/source_heads.toml``: "ministry", "league", "utility", "analysts"), the type the name's
    words give anywhere (``sources.toml``'s type words), and for a person, the post they hold and the
    kind of body they are introduced with ("chief economist at Kaveri Ratings", guide TYPE-2)."""
    name = draft.source_name
    if name == AUTHOR:
        return []
    table = default_table()
    found = default_heads().kind_of(f" {normalize_name(name)} ")
    feats = [f"src_headkind={found[0] if found else 'none'}", f"src_namekind={table.guess_kind(name)}"]
    if found is not None and found[0] != draft.source_type:
        feats.append(f"src_headkind_vs_rule={found[0]}|{draft.source_type}")
    token = draft.source_token
    if token is None or token.ent_type_ != "PERSON":
        return feats
    posts = default_heads().posts
    sentence = token.sent
    start, end = max(sentence.start, token.i - 8), min(sentence.end, token.i + 10)
    for word in token.doc[start:end]:
        if word.lower_ in posts or word.lower_ in ("ceo", "executive", "economist", "analyst"):
            feats.append(f"src_post={word.lower_}")
    for ent in entity_index(token.doc).within(start, end):
        if ent.label_ == "ORG":
            feats.append(f"src_post_body={table.resolve(ent.text)[1]}")
    return feats


def draft_features(draft: ClaimDraft, previous_source: str | None) -> list[str]:
    """The feature keys of one live draft; ``previous_source`` is the last source of the sentence before."""
    doc = draft.span.doc
    sentence = draft.sentence
    feats = [
        "bias",
        f"rule_ts={draft.time_scope}",
        f"rule_cat={draft.category}",
        f"rule_st={draft.source_type}",
        f"rule_hedged={draft.hedged}",
        f"bound={draft.mention.bound}",
        f"verif={draft.verification}",
        f"unit={draft.unit.lower()[:30]}",
        f"cat_ts={draft.category}|{draft.time_scope}",
        f"st_cat={draft.source_type}|{draft.category}",
    ]
    if draft.scope_cue:
        cue = _shape(draft.scope_cue)
        feats.append(f"scope_cue={cue[:40]}")
        feats += [f"scope_cue_word={w}" for w in cue.split()[:5]]
    else:
        feats.append("no_scope_cue")
    if draft.hedge_cue:
        feats.append(f"hedge_cue={draft.hedge_cue.lower()[:30]}")
    if draft.noun is not None:
        feats.append(f"noun={draft.noun.lemma_.lower()}")
    if draft.mention.value:
        feats.append(f"magnitude={int(math.log10(abs(draft.mention.value)) if draft.mention.value else 0)}")
    if draft.continues is not None:
        feats.append("continues")
    if draft.refers_to is not None:
        feats.append("refers_to")
    verb, path = _governing_verb(draft.figure)
    feats += _verb_features(verb)
    feats.append(f"path={'/'.join(path[:4])}")
    feats += [f"path_dep={d}" for d in path[:4]]
    feats.append(f"fig_dep={draft.figure.dep_}")
    feats += _entity_features(sentence, verb)
    feats += _window_features(draft)
    feats += _window(draft)
    feats += _source_features(draft)
    text = span_text(sentence)
    if any(q in text for q in QUOTES):
        feats.append("sent_quote")
        local = draft.start - sentence.start_char
        if in_quote(text, local):
            feats.append("fig_in_quote")
    index = sentence_index_of(doc).get(sentence.start, 0)
    feats.append(f"sent_index={min(index, 5)}")
    paragraph = paragraph_of(doc, sentence.start_char)
    feats.append(f"para_index={min(paragraph, 5)}")
    if previous_source is None:
        feats.append("prev_src=none")
    else:
        feats.append(f"prev_src_author={previous_source == AUTHOR}")
        feats.append(f"prev_src_same={previous_source == draft.source_name}")
    return feats


def doc_features(drafts: Sequence[ClaimDraft]) -> list[list[str]]:
    """Features of the live drafts of one document, in order (each sees the previous sentence's source)."""
    out = []
    last_by_sentence: dict[int, str] = {}
    for draft in drafts:
        last_by_sentence[draft.sentence.start] = draft.source_name
    starts = sorted(last_by_sentence)
    before = {start: last_by_sentence[earlier] for earlier, start in zip(starts, starts[1:], strict=False)}
    for draft in drafts:
        previous = before.get(draft.sentence.start)
        out.append(draft_features(draft, previous))
    return out
