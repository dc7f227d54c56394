"""The working record that the pipeline components fill in, one field group per component.

Components read and write ``doc._.claim_drafts`` (a list of ClaimDraft); ``records.claims_from_doc``
turns the survivors into ``Claim`` records. A draft keeps the spaCy objects it was found with, so
later components can walk the parse from the figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from claimledger.nlp.quantities import QuantityMention

if TYPE_CHECKING:
    from claimledger.nlp.attribution.statements import Statement
    from claimledger.nlp.periods import AttachedWindow

DOC_TEXT_KEY = "claimledger.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per document: Doc.text joins every token on each call, and the rules read
    the text around every figure."""
    text = doc.user_data.get(DOC_TEXT_KEY)
    if text is None:
        text = doc.user_data[DOC_TEXT_KEY] = doc.text
    return text


def span_text(span: Span) -> str:
    """``span.text``, cut from the document's text built once: Span.text joins its tokens on each call,
    and the rules read a figure's sentence many times over. (The same string: a span's text runs from
    its first token to the end of its last, without that token's trailing space.)"""
    return doc_text(span.doc)[span.start_char:span.end_char]


@dataclass(slots=True, eq=False)
class ClaimDraft:
    mention: QuantityMention
    span: Span  # the quantity as written, aligned to tokens
    figure: Token  # the token that carries the figure (where the counted noun hangs)
    sentence: Span
    # nonclaims
    dropped: str | None = None  # why this is not a claim; None while it is one
    # semantics
    noun: Token | None = None
    unit: str = ""
    category: str = "other"
    subject: str | None = None
    location: str | None = None
    continues: ClaimDraft | None = None  # "212 destroyed and 37 damaged": the figure whose verb it shares
    refers_to: ClaimDraft | None = None  # "121 of the drones", "14 of them": the figure it counts a part of
    # timescope
    time_scope: str = "unspecified"
    scope_cue: str | None = None
    scope_groups: dict[str, str] = field(default_factory=dict)
    # windows: the temporal expression the parse attaches to the figure, resolved (nlp/periods.py)
    window: AttachedWindow | None = None
    # attribution
    source_name: str = "AUTHOR"
    source_cue: str | None = None
    source_via: str | None = None
    source_token: Token | None = None  # head of the source phrase
    source_canonical: str | None = None
    source_type: str = "author"
    # decisions: the figure (or the named statement without a figure) whose source carried over to this one
    carried_from: ClaimDraft | Statement | None = None
    # hedging / verification
    hedged: bool = False
    hedge_cue: str | None = None
    verification: str | None = None
    verification_cue: str | None = None
    # decisions: the calibrated probability that each context field is right
    confidence: dict[str, float] | None = None
    # conversions
    converts: ClaimDraft | None = None

    @property
    def start(self) -> int:
        return self.mention.start

    @property
    def end(self) -> int:
        return self.mention.end

    @property
    def doc_text(self) -> str:
        """The whole document's text, built once (the figure's own is ``span.text``)."""
        return doc_text(self.span.doc)


# Where one clause of a sentence ends and the next begins: "X rose, according to A, while Y fell".
CLAUSE_BREAK = re.compile(r";|,\s+(?:while|whereas|but|although|though)\b|\s+(?:while|whereas)\s+",
                          re.IGNORECASE)


def previous_sentence_start(draft: ClaimDraft) -> int:
    """Where the sentence before the figure's begins (its own, in a document's first sentence): the farthest
    a counted-noun reading looks back (U-7), so that a document is read in linear time."""
    start = draft.sentence.start
    return draft.span.doc[start - 1].sent.start if start > 0 else start


def clause_bounds(sentence: Span, offset: int) -> tuple[int, int]:
    """Character bounds (in the document) of the clause holding document offset ``offset``."""
    text = span_text(sentence)
    local = offset - sentence.start_char
    start = 0
    for match in CLAUSE_BREAK.finditer(text):
        if match.start() >= local:
            return sentence.start_char + start, sentence.start_char + match.start()
        start = match.end()
    return sentence.start_char + start, sentence.end_char


def register_extensions() -> None:
    if not Doc.has_extension("claim_drafts"):
        Doc.set_extension("claim_drafts", default=None)
    if not Doc.has_extension("furniture_lines"):
        Doc.set_extension("furniture_lines", default=None)


def live_drafts(doc: Doc) -> list[ClaimDraft]:
    """The drafts still standing as claims."""
    return [d for d in doc._.claim_drafts or [] if d.dropped is None]
