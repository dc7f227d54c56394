"""An article's text cut at its claims' offsets, for the article view to mark.

The marks come from `claim.span` over the stored plain text, never from the article's HTML: the template
escapes every segment, so nothing in an article can become markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimledger.models import Claim
from claimledger.review import LOW_CONFIDENCE


@dataclass
class Segment:
    text: str
    claim: Claim | None = None


def check_state(claim: Claim) -> str:
    """One word for the colour of a claim's checks: inconsistent beats consistent beats unknown."""
    results = {c.result for c in claim.checks}
    for state in ("inconsistent", "consistent", "unknown"):
        if state in results:
            return state
    return "unchecked"


# A context field whose calibrated confidence is below this is marked on the article page for a person
# to check (the review queue names the same fields).
REVIEW_BELOW = LOW_CONFIDENCE


def unsure(claim: Claim, field: str) -> float | None:
    """The field's confidence when it is below REVIEW_BELOW (the page marks it); None otherwise."""
    value = (claim.confidence or {}).get(field)
    return value if value is not None and value < REVIEW_BELOW else None


def segments(text: str, claims: list[Claim]) -> list[Segment]:
    """Plain and claim segments in text order; bad or overlapping spans are skipped."""
    out: list[Segment] = []
    at = 0
    for claim in sorted(claims, key=lambda c: (c.span[0], -c.span[1])):
        start, end = int(claim.span[0]), int(claim.span[1])
        if start < at or end > len(text) or end <= start:
            continue
        if start > at:
            out.append(Segment(text[at:start]))
        out.append(Segment(text[start:end], claim))
        at = end
    if at < len(text):
        out.append(Segment(text[at:]))
    return out


def paragraphs(text: str, claims: list[Claim]) -> list[list[Segment]]:
    """Segments split into paragraphs at line breaks, so the article reads as it was written."""
    result: list[list[Segment]] = [[]]
    for seg in segments(text, claims):
        if seg.claim is not None:
            result[-1].append(seg)
            continue
        pieces = seg.text.split("\n")
        for i, piece in enumerate(pieces):
            if i > 0 and result[-1]:
                result.append([])
            if piece:
                result[-1].append(Segment(piece))
    return [p for p in result if p]
