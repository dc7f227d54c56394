"""What the table-driven rule tests share: one publication date, and the claim a row names in its text."""

from __future__ import annotations

PUBLISHED = "2024-03-13"  # a Wednesday, so "on Monday" and "last week" resolve the same in every table


def claims_of(text: str):
    """The rule components' claims (the trained decision layer left out: these tables test the rules, whose
    answers the layer reads as features; tests/decide and its cross-validation measure the layer)."""
    from claimledger.models import Document
    from claimledger.nlp.pipeline import get_pipeline
    from claimledger.nlp.records import claims_from_doc

    nlp = get_pipeline()
    with nlp.select_pipes(disable=[p for p in nlp.pipe_names if p == "claimledger_decisions"]):
        document = Document(text=text, published=PUBLISHED)
        return claims_from_doc(nlp(text), document)


def claim_for(text: str, quantity: str, claims=None):
    """The claim whose text is `quantity`; fails naming what was extracted instead."""
    claims = claims_of(text) if claims is None else claims
    found = [c for c in claims if c.text == quantity]
    assert found, f"{quantity!r} not extracted from {text!r}; got {[c.text for c in claims]}"
    return found[0]
