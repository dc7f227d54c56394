"""What the table-driven rule tests share: one publication date, and the claim a row names in its text."""

from __future__ import annotations

import claimledger

PUBLISHED = "2024-03-13"  # a Wednesday, so "on Monday" and "last week" resolve the same in every table


def claims_of(text: str):
    return claimledger.extract(text, published=PUBLISHED)


def claim_for(text: str, quantity: str, claims=None):
    """The claim whose text is `quantity`; fails naming what was extracted instead."""
    claims = claims_of(text) if claims is None else claims
    found = [c for c in claims if c.text == quantity]
    assert found, f"{quantity!r} not extracted from {text!r}; got {[c.text for c in claims]}"
    return found[0]
