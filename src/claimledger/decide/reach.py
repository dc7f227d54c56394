"""Features of a verification statement's reach over one figure (guide VER-3/VER-4).

The hedging rules find every verification statement of the document ("could not be independently
verified", "Moscow denied", "has not confirmed") and leave them on the Doc (``hedging.STATEMENTS_KEY``);
the rules then pick one statement per figure by a fixed reach. Here each statement near a figure becomes
features for the decision model instead: its value, where it stands from the figure (same sentence before
or after it, 1-4 sentences on in the same paragraph, in the next paragraph, the sentence before), whether it
is about "these figures" or one figure, the figures between them, whether the statement's sentence names the
figure's own source or gives figures of another source, and the figure's own position (the source's own
figure or one the outlet relays). The label is the gold ``verification`` (null as "None").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from claimledger.decide.features import QUOTES, in_quote, paragraph_of, sentence_index_of, sentences_of
from claimledger.models import AUTHOR
from claimledger.nlp.drafts import ClaimDraft, doc_text, span_text
from claimledger.nlp.hedging import OWN_VOICE, STATEMENTS_KEY, Statement

BEFORE = 3  # sentences before the figure's own where a statement may stand (its paragraph or the one before)
AFTER = 10  # sentences after it (up to three paragraphs on: "the report" reaches back however far)


def _where(i: int, j: int, para_i: int, para_j: int, before_figure: bool) -> str | None:
    if j == i:
        return "same_before" if before_figure else "same_after"
    gap = para_j - para_i
    if j < i:
        return f"prev{min(i - j, 2)}" if gap == 0 else "prev_para" if gap == -1 else None
    if gap == 0:
        return f"para{min(j - i, 4)}"
    if gap == 1:
        return f"next_para{min(j - i, 3)}"
    return f"far_para{min(gap, 3)}"


def _words_of(name: str) -> list[str]:
    return [w for w in re.findall(r"[a-z][a-z'’-]{2,}", name.lower()) if w not in ("the", "and", "for")]


def verification_features(draft: ClaimDraft, drafts_by_sentence: dict[int, list[ClaimDraft]],
                          figure_starts: Sequence[int]) -> list[str]:
    """The reach features of one live draft; ``drafts_by_sentence`` maps a sentence index to its drafts and
    ``figure_starts`` is every live draft's start, sorted."""
    doc = draft.span.doc
    statements: dict[int, list[Statement]] = doc.user_data.get(STATEMENTS_KEY) or {}
    feats = [f"rule_ver={draft.verification}", f"v_src_author={draft.source_name == AUTHOR}"]
    if not statements:
        feats.append("v_none_near")
        return feats
    sentences = sentence_index_of(doc)
    i = sentences[draft.sentence.start]
    para_i = paragraph_of(doc, draft.sentence.start_char)
    text = doc_text(doc)
    source_words = _words_of(draft.source_name) if draft.source_name != AUTHOR else []
    nearest: str | None = None
    found = 0
    for j in range(max(0, i - BEFORE), i + AFTER + 1):
        for statement in statements.get(j, ()):
            para_j = paragraph_of(doc, statement.position)
            where = _where(i, j, para_i, para_j, statement.position < draft.start)
            if where is None:
                continue
            found += 1
            value = statement.value
            feats += [f"vc={value}|{where}", f"vc_where={where}", f"vc_value={value}"]
            if statement.cue == draft.verification_cue:
                feats.append(f"rule_ver_where={where}")
            if nearest is None and where != "same_before" and not where.startswith("prev"):
                nearest = where
                feats.append(f"vn={value}|{where}")
            if statement.answers_figures or statement.reach > 1:
                feats.append(f"vc_figures|{where}")
            if statement.one_figure:
                feats.append(f"vc_one_figure|{where}")
            if statement.rival:
                feats.append("vc_rival")
            if statement.whole_report:
                feats.append("vc_whole_report")
            if statement.category is not None:
                feats.append(f"vc_kind_match={statement.category == draft.category}")
            lo, hi = sorted((statement.position, draft.start))
            between = bisect_left(figure_starts, hi) - bisect_right(figure_starts, lo)
            feats.append(f"vc_between={min(between, 3)}")
            if where == "same_before" and OWN_VOICE.search(text[lo:hi]):
                feats.append("vc_own_voice")
            if j != i:
                said = sentences_of(doc)[j].text.lower()
                if source_words and any(w in said for w in source_words[-2:]):
                    feats.append(f"vc_names_source|{where}")
                others = drafts_by_sentence.get(j, [])
                if others:
                    named = {o.source_name for o in others}
                    feats.append(f"vc_sent_figures_same_source={draft.source_name in named}")
    feats.append(f"v_near={min(found, 3)}")
    if nearest is None:
        feats.append("v_none_after")
    sentence = span_text(draft.sentence)
    if any(q in sentence for q in QUOTES):
        local = draft.start - draft.sentence.start_char
        if in_quote(sentence, local):
            feats.append("v_fig_in_quote")
    return feats


def cue_for(draft: ClaimDraft, value: str | None) -> str | None:
    """The cue of the nearest statement of ``value`` within the reach features' window (what the record's
    ``verification_cue`` shows when the model, not the rules, chose the value)."""
    if value is None:
        return None
    doc = draft.span.doc
    statements: dict[int, list[Statement]] = doc.user_data.get(STATEMENTS_KEY) or {}
    i = sentence_index_of(doc)[draft.sentence.start]
    best: tuple[int, str] | None = None
    for j in range(max(0, i - BEFORE), i + AFTER + 1):
        for statement in statements.get(j, ()):
            if statement.value == value:
                distance = abs(statement.position - draft.start)
                if best is None or distance < best[0]:
                    best = (distance, statement.cue)
    return None if best is None else best[1]
