"""Doc → list[Claim]: the pipeline's drafts become claim records (pure, no I/O)."""

from __future__ import annotations

from spacy.tokens import Doc

from claimledger.models import Claim, Document, Source
from claimledger.nlp.drafts import ClaimDraft, live_drafts
from claimledger.nlp.pipeline import extractor_version
from claimledger.normalize.dates import resolve_period


def claims_from_doc(doc: Doc, document: Document, offset: int = 0) -> list[Claim]:
    """The claims of a parsed text; ``offset`` is where that text starts in ``document.text`` (a long
    document is parsed in pieces), so spans and ids index the whole document."""
    drafts = live_drafts(doc)
    published = document.published_date
    version = extractor_version()
    ids: dict[int, str] = {}
    claims = []
    for draft in drafts:
        claim = _claim(draft, document, published, version, offset)
        ids[id(draft)] = claim.id
        claims.append(claim)
    for draft, claim in zip(drafts, claims, strict=True):
        if draft.converts is not None:
            claim.conversion_of = ids.get(id(draft.converts))
    return claims


def _claim(draft: ClaimDraft, document: Document, published, version: str, offset: int = 0) -> Claim:
    mention = draft.mention
    start, end = mention.start + offset, mention.end + offset
    return Claim(
        id=Claim.make_id(document.id, start, end),
        doc_id=document.id,
        span=(start, end),
        text=mention.text,
        sentence=draft.sentence.text.strip(),
        value=mention.value,
        high=mention.high,
        bound=mention.bound,
        unit=draft.unit,
        category=draft.category,
        time_scope=draft.time_scope,
        period=resolve_period(draft.time_scope, draft.scope_cue, draft.scope_groups, published,
                              document.text),
        subject=draft.subject,
        location=draft.location,
        source=Source(
            name=draft.source_name, canonical=draft.source_canonical, type=draft.source_type,
            cue=draft.source_cue, via=draft.source_via,
        ),
        hedged=draft.hedged,
        verification=draft.verification,
        scope_cue=draft.scope_cue,
        hedge_cue=draft.hedge_cue,
        verification_cue=draft.verification_cue,
        confidence=None if draft.confidence is None else dict(draft.confidence),
        published=published.isoformat() if published else document.published,
        outlet=document.outlet,
        extractor_version=version,
        role=mention.role,
    )
