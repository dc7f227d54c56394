"""Figures for the web: groups of claims about one quantity, their history, and the reference series
beside them.

A chart over time groups claims by their figure identity (`check.identity`), less the period (each report of a
daily figure has its own day): whose and where (resolved), category, unit and time scope. The group's key
travels in URLs as base64url JSON, so a key names its group without a lookup table and is decoded back into
bound parameters.

The queries that find a figure's claims live in `store.figures`; the ones here serve only the web's views.
"""

from __future__ import annotations

import base64
import binascii
import json
from datetime import date, timedelta
from typing import Any

from sqlalchemy.engine import Engine

from claimledger.models import Claim, parse_iso_date
from claimledger.store.figures import (  # noqa: F401 (figure_claims: the API reads figures through here)
    ALONE,
    FigureParts,
    figure_claims,
    figure_parts,
    figure_summaries,
)

REFERENCE_PADDING_DAYS = 7
MAX_REFERENCE_POINTS = 800



def encode_key(parts: FigureParts) -> str:
    raw = json.dumps(list(parts), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_key(key: str) -> FigureParts | None:
    """The parts a key names, or None when it is not a key this module made."""
    try:
        raw = base64.urlsafe_b64decode(key + "=" * (-len(key) % 4))
        parts = json.loads(raw.decode("utf-8"))
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return None
    if not (isinstance(parts, list) and len(parts) == 4 and all(isinstance(p, str) for p in parts)):
        return None
    return parts[0], parts[1], parts[2], parts[3]


def claim_key(claim: Claim) -> str:
    return encode_key(figure_parts(claim))


def figure_label(parts: FigureParts) -> str:
    subject, category, unit, scope = parts
    if subject.startswith(ALONE):  # a claim with no figure identity: a figure of one report
        return f"one report: {unit or category} ({category}, {scope})"
    return f"{subject or 'unspecified subject'}: {unit or category} ({category}, {scope})"



def list_figures(engine: Engine, *, category: str | None = None, min_documents: int = 1,
                 limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """Figures with at least `min_documents` documents, the most reported first; and how many there are.

    A figure is a claim's identity (`check.identity`: whose and where resolved, what, when), so "Russia" and
    "Russian forces" are one figure; claims without one are listed nowhere.
    """
    found = [f for f in figure_summaries(engine, category) if len(f.documents) >= min_documents]
    found.sort(key=lambda f: (-len(f.documents), -f.claims, f.parts))
    out = []
    for f in found[offset:offset + limit]:
        subject, cat, unit, scope = f.parts
        out.append({"key": encode_key(f.parts), "label": figure_label(f.parts), "subject": subject or None,
                    "category": cat, "unit": unit or None, "time_scope": scope, "claims": f.claims,
                    "documents": len(f.documents), "first_published": f.first, "last_published": f.last})
    return len(found), out


def claim_date(claim: Claim) -> date | None:
    """The day a figure is about: its period's end, else its publication day (as the series check does)."""
    return parse_iso_date(claim.period.end if claim.period and claim.period.end else claim.published)


def _series_name(claim: Claim, by: str) -> str:
    if by == "outlet":
        return claim.outlet or "unknown outlet"
    return claim.source.canonical or claim.source.name


def history(claims: list[Claim], by: str = "source") -> list[dict[str, Any]]:
    """One series per source (or outlet): the dated points of its reports."""
    series: dict[str, list[dict[str, Any]]] = {}
    for claim in claims:
        day = claim_date(claim)
        if day is None:
            continue
        series.setdefault(_series_name(claim, by), []).append(
            {"date": day.isoformat(), "value": claim.value, "high": claim.high, "bound": claim.bound,
             "text": claim.text, "source": claim.source.canonical or claim.source.name, "claim_id": claim.id,
             "doc_id": claim.doc_id, "outlet": claim.outlet,
             "published": claim.published,
             "checks": [{"kind": k.kind, "result": k.result} for k in claim.checks]})
    return [{"name": name, "points": sorted(points, key=lambda p: p["date"])}
            for name, points in series.items()]


def _series_matches(series: Any, parts: FigureParts, claims: list[Claim]) -> bool:
    subject, category, unit, _ = parts
    if category != series.category or unit not in series.units:
        return False
    if subject:
        return subject in series.subjects
    canonical = series.source.get("canonical")
    return any(c.source.canonical == canonical for c in claims)


def reference(parts: FigureParts, claims: list[Claim]) -> dict[str, Any] | None:
    """The shipped (or user's) reference series for this figure, over the dates its reports cover."""
    from claimledger.check.series import all_series

    scope = parts[3]
    days = sorted(d for d in (claim_date(c) for c in claims) if d is not None)
    if scope not in ("daily", "cumulative") or not days:
        return None
    match = next((s for s in all_series() if _series_matches(s, parts, claims)), None)
    if match is None:
        return None
    start = days[0] - timedelta(days=REFERENCE_PADDING_DAYS)
    end = min(days[-1] + timedelta(days=REFERENCE_PADDING_DAYS), start + timedelta(days=MAX_REFERENCE_POINTS))
    points = []
    day = start
    while day <= end:
        found = match.value(day, scope)
        if found is not None:
            points.append({"date": day.isoformat(), "value": found[1]})
        day += timedelta(days=1)
    return {"name": f"{match.source['name']} ({match.column}, {scope})", "series": match.name,
            "column": match.column, "source": match.source, "points": points}
