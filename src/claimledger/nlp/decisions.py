"""The decision layer: the last component, where the trained model weighs the rules' answers.

For each live draft it reads the features (``claimledger.decide.features``: the rules' values, their cues,
the parse around the figure, the document position), lets the shipped model decide time scope, category,
source type and hedged, and writes the calibrated confidence of each into ``draft.confidence``. A field's
rule value stands where cross-validation found the model no better (the per-field threshold). A stated
conversion keeps the time scope and hedging of the amount it converts, as the guide says.
"""

from __future__ import annotations

from spacy.tokens import Doc

from claimledger.decide.dataset import FIELDS, draft_labels
from claimledger.decide.features import doc_features
from claimledger.decide.model import DecisionModel, allowed_source_types
from claimledger.nlp.drafts import ClaimDraft, live_drafts

INHERITED = ("time_scope", "hedged")  # what a conversion takes from the amount it restates


def _set(draft: ClaimDraft, field: str, value: str) -> None:
    if field == "hedged":
        draft.hedged = value == "True"
    else:
        setattr(draft, field, value)


def decide(doc: Doc, model: DecisionModel | None) -> None:
    drafts = live_drafts(doc)
    if model is None or not drafts:
        return
    for draft, features in zip(drafts, doc_features(drafts), strict=True):
        rules = draft_labels(draft)
        confidence: dict[str, float] = {}
        for field in FIELDS:
            fm = model.fields.get(field)
            if fm is None:
                continue
            allowed = allowed_source_types(features, fm.classes) if field == "source_type" else None
            value, _, calibrated = fm.decide(features, rules[field], allowed)
            _set(draft, field, value)
            confidence[field] = round(calibrated, 3)
        draft.confidence = confidence
    for draft in drafts:
        first = draft.converts
        if first is not None and first.confidence is not None and draft.confidence is not None:
            for field in INHERITED:
                setattr(draft, field, getattr(first, field))
                draft.confidence[field] = first.confidence[field]
