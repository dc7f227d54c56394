"""Doc → list[Claim]: the pipeline's drafts become claim records (pure, no I/O)."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from claimledger.models import Claim, Document, Period, Source
from claimledger.nlp.drafts import ClaimDraft, live_drafts, span_text
from claimledger.nlp.pipeline import extractor_version
from claimledger.normalize.dates import iso, resolve_period
from claimledger.normalize.units import hyphenate_products


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


def period_of(draft: ClaimDraft, published: date | None, document_text: str = "") -> Period | None:
    """The claim's period: the window the parse attaches to the figure where the text states one that fits
    the time scope (a period's two ends, a window that holds publication ending at it; a running total's
    start, counted up to publication), else the resolution of the scope cue (``normalize.dates``): a daily
    figure's day, a cue carried from another sentence, a named event's start."""
    window = draft.window
    if published is not None and window is not None and window.reference == published:
        first, last = window.first, window.last
        if draft.time_scope == "period" and first is not None and last is not None and window.kind != "open":
            if first < published < last:
                last = published  # "this year", "this month", "in October so far": up to publication
            return Period(iso(first), iso(last))
        if draft.time_scope == "cumulative" and window.kind in ("since", "trailing") and first is not None:
            return Period(iso(first), iso(published))
        # a level dated by a closed past window ("the jobless rate stood at 2.4% in September", guide O-8:
        # point) is the level of that window: a series is checked against it there
        if draft.time_scope == "point" and first is not None and last is not None and window.kind != "open" \
                and last < published:
            return Period(iso(first), iso(last))
    return resolve_period(draft.time_scope, draft.scope_cue, draft.scope_groups, published, document_text)


def _claim(draft: ClaimDraft, document: Document, published, version: str, offset: int = 0) -> Claim:
    mention = draft.mention
    start, end = mention.start + offset, mention.end + offset
    return Claim(
        id=Claim.make_id(document.id, start, end),
        doc_id=document.id,
        span=(start, end),
        text=mention.text,
        sentence=span_text(draft.sentence).strip(),
        value=mention.value,
        high=mention.high,
        bound=mention.bound,
        unit=hyphenate_products(draft.unit) if draft.unit else draft.unit,  # "per passenger kilometre"
        category=draft.category,
        time_scope=draft.time_scope,
        period=period_of(draft, published, document.text),
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
