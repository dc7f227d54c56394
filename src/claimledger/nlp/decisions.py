"""The decision layer: the last component, where the trained model weighs the rules' answers.

For each live draft it reads the features (``claimledger.decide.features``: the rules' values, their cues,
the parse around the figure, the document position; ``decide.reach``: the verification statements near the
figure; ``decide.carry``: the continuation from the figure a source may carry over from), lets the shipped
model decide time scope, category, source type, hedged and verification, and whether a figure the rules
named AUTHOR takes the source of its candidate, and writes the calibrated confidence of each into
``draft.confidence``. A field's rule value stands where cross-validation found the model no better (the
per-field threshold), and wherever the model file has no part for the field (an older model). A carried
source brings its type (as decided for the figure it comes from). A stated conversion keeps the time scope,
hedging and verification of the amount it converts, as the guide says.
"""

from __future__ import annotations

from spacy.tokens import Doc

from claimledger.decide.carry import Candidate
from claimledger.decide.dataset import FIELDS, claim_features, draft_labels, field_features
from claimledger.decide.model import DecisionModel, FieldModel, allowed_values
from claimledger.decide.reach import cue_for
from claimledger.models import AUTHOR
from claimledger.nlp.drafts import ClaimDraft, live_drafts

INHERITED = ("time_scope", "hedged", "verification")  # what a conversion takes from the amount it restates
SOURCE_FIELDS = ("source_name", "source_cue", "source_via", "source_token", "source_canonical")


def _set(draft: ClaimDraft, field: str, value: str) -> None:
    if field == "hedged":
        draft.hedged = value == "True"
    elif field == "verification":
        chosen = None if value == "None" else value
        if chosen != draft.verification:
            draft.verification, draft.verification_cue = chosen, cue_for(draft, chosen)
    else:
        setattr(draft, field, value)


def _carry(draft: ClaimDraft, candidate: Candidate) -> None:
    for name in SOURCE_FIELDS:
        setattr(draft, name, getattr(candidate, name))
    draft.carried_from = candidate


def _source_base(fm: FieldModel, draft: ClaimDraft) -> float | None:
    value = fm.base.get("named" if draft.source_name != AUTHOR else "author")
    return None if value is None else round(value, 3)


def decide(doc: Doc, model: DecisionModel | None) -> None:
    drafts = live_drafts(doc)
    if model is None or not drafts:
        return
    common, extra, candidates = claim_features(drafts)  # all read before any draft changes
    carried: list[tuple[ClaimDraft, Candidate]] = []
    for n, draft in enumerate(drafts):
        rules = draft_labels(draft)
        confidence: dict[str, float] = {}
        for field in FIELDS:
            fm = model.fields.get(field)
            if fm is None:
                continue  # an older model without this field: the rule stands
            if field == "source":
                candidate = candidates[n]
                if candidate is None or "source" not in extra[n]:
                    base = _source_base(fm, draft)
                    if base is not None:
                        confidence[field] = base
                    continue
                value, _, calibrated = fm.decide(extra[n]["source"], rules[field])
                if value == "True":
                    carried.append((draft, candidate))
                confidence[field] = round(calibrated, 3)
                continue
            features = field_features(field, common[n], extra[n])
            allowed = allowed_values(field, features, fm.classes)
            value, _, calibrated = fm.decide(features, rules[field], allowed)
            _set(draft, field, value)
            confidence[field] = round(calibrated, 3)
        draft.confidence = confidence
    for draft, candidate in carried:
        _carry(draft, candidate)
        draft.source_type = candidate.source_type
        if draft.confidence is not None and candidate.confidence and "source_type" in candidate.confidence:
            draft.confidence["source_type"] = candidate.confidence["source_type"]
    for draft in drafts:
        first = draft.converts
        if first is not None and first.confidence is not None and draft.confidence is not None:
            for field in INHERITED:
                setattr(draft, field, getattr(first, field))
                if field in first.confidence:
                    draft.confidence[field] = first.confidence[field]
            if "verification" in first.confidence:
                draft.verification_cue = first.verification_cue
