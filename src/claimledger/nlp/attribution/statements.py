"""Named statements without a figure: "Ofgem has just announced the energy price cap for July to September.",
"The statistics office published its quarterly survey on Tuesday.", "The office notes that ...".

Such a sentence names a source but gives no figure of its own; the figures that follow in the outlet's voice
may be read from what it introduced (guide SRC-5c: a release or report read figure by figure). The attribution
pass records one statement per such sentence, in text order, once per document; the carry-over decision
(``claimledger.decide.carry``) takes the nearest one as a candidate beside the nearest named figure.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

STATEMENTS_KEY = "claimledger.statements"


@dataclass
class Statement:
    """A source named in a sentence with no figure: the fields a carried source takes (as a draft's), the
    sentence, and the verb that names it (its lemma: "announce", "publish", "say")."""

    sentence: Span
    source_name: str
    source_type: str
    source_canonical: str | None = None
    source_cue: str | None = None
    source_via: str | None = None
    source_token: Token | None = None
    verb: str | None = None
    # what carry_features reads of a figure candidate; a statement has no figure
    category: str | None = None
    unit: str = ""
    time_scope: str | None = None
    confidence: dict[str, float] | None = None

    @property
    def start(self) -> int:
        return self.sentence.start_char


def statements_of(doc: Doc) -> list[Statement]:
    """The document's statements in text order (empty before the attribution pass has run)."""
    found: list[Statement] = doc.user_data.get(STATEMENTS_KEY, [])
    return found


def record_statement(doc: Doc, statement: Statement) -> None:
    doc.user_data.setdefault(STATEMENTS_KEY, []).append(statement)
