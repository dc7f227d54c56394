"""Cross-checks: does a figure hold up against rates, reference series and other reports?"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from claimledger.check.fx import add_values, check_conversion
from claimledger.check.series import check_series
from claimledger.check.sources import check_cross_source, check_group, groups
from claimledger.models import Check, Claim

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from claimledger.store import Ledger
    from claimledger.store.figures import FigureParts


KINDS = ("fx_conversion", "reference_series", "cross_source")


def check_claims(claims: list[Claim]) -> list[Claim]:
    """Run every check, replacing each claim's earlier results of these kinds; returns the same claims.

    Checking again gives the same checks, not a second copy: rates, series and the set of reports may have
    changed since the last run, so earlier results are recomputed rather than kept.
    """
    by_id = {c.id: c for c in claims}
    for claim in claims:
        check_alone(claim, by_id.get(claim.conversion_of) if claim.conversion_of else None)
    check_cross_source(claims)
    return claims


def check_alone(claim: Claim, original: Claim | None = None) -> Claim:
    """The checks one claim needs no other report for: its conversion (of `original`) and reference series."""
    claim.checks = [k for k in claim.checks if k.kind not in KINDS]
    add_values(claim)
    if original is not None and claim.category == "money" and original.category == "money":
        # a stated conversion of money; one of units ("14 km (9 miles)") has no exchange rate to check
        claim.checks.append(check_conversion(claim, original))
    result = check_series(claim)
    if result is not None:
        claim.checks.append(result)
    return claim


def check_ledger(ledger: Ledger, batch: int = 1000) -> Counter[tuple[str, str]]:
    """Every check over a whole ledger, saved back; how many results of each (kind, result).

    Memory stays bounded by a page of claims and the largest figure: first each claim alone, page by page,
    then each figure that more than one document reports, fetched from the ledger by its group columns.
    """
    from claimledger.store import ClaimFilter
    from claimledger.store.figures import shared_figures

    tally: Counter[tuple[str, str]] = Counter()
    page: list[Claim] = []
    for claim in ledger.iter_claims(ClaimFilter(), batch=batch):
        page.append(check_alone(claim, ledger.claim(claim.conversion_of) if claim.conversion_of else None))
        if len(page) == batch:
            _save(ledger, page, tally)
            page = []
    _save(ledger, page, tally)
    for parts in shared_figures(ledger.engine):
        changed = [c for members in check_figure(ledger.engine, parts, limit=None).values() for c in members]
        _save(ledger, changed, tally, kinds=("cross_source",))
    return tally


def check_figure(engine: Engine, parts: FigureParts, limit: int | None,
                 previous: dict[str, list[Check]] | None = None,
                 periods: set[tuple[str | None, str | None]] | None = None) -> dict[tuple, list[Claim]]:
    """The stored reports of one figure (the first `limit`; None: all) cross-checked afresh, by figure key.

    Their earlier cross_source results are replaced: who was first and who disagrees may have changed. Give
    `previous` to have each report's earlier cross_source results put there, by claim id; `periods` to read,
    of a daily or period figure, only the reports of those periods (see `figure_claims`).
    """
    from claimledger.store.deleting import example_documents
    from claimledger.store.figures import figure_claims

    # the bundled examples are compared with one another only, never with the user's own articles
    examples = set(example_documents(engine))
    reports = figure_claims(engine, parts, limit=limit, periods=periods)
    found = {**groups([c for c in reports if c.doc_id not in examples]),
             **{("example", *key): members
                for key, members in groups([c for c in reports if c.doc_id in examples]).items()}}
    for members in found.values():
        for member in members:
            if previous is not None:
                previous[member.id] = _cross_source(member)
            member.checks = [k for k in member.checks if k.kind != "cross_source"]
        check_group(members)
    _list_republications(engine, [m for members in found.values() for m in members])
    return found


def recheck_figures(ledger: Ledger, claims: list[Claim]) -> list[Claim]:
    """After storing `claims`, redo the cross-source check of every figure they report, over the whole ledger.

    Other documents' reports of the same figure get their cross_source result redone too (who was first and
    who disagrees may have changed), but only the reports whose result did change are written: storing one
    more report of a figure that many documents agree on writes that report alone, not the whole group.
    Returns `claims` as now stored, with their cross_source results.
    """
    from claimledger.check.sources import figure_key
    from claimledger.store.figures import MAX_FIGURE_CLAIMS, figure_parts

    keys = {figure_key(c) for c in claims}
    new = {c.id for c in claims}
    changed: dict[str, Claim] = {}
    periods: dict[FigureParts, set[tuple[str | None, str | None]]] = {}
    for c in claims:  # a daily or period figure's group is one period's: only those reports are read
        periods.setdefault(figure_parts(c), set()).add((c.period.start, c.period.end) if c.period
                                                       else (None, None))
    for parts, of_periods in periods.items():
        before: dict[str, list[Check]] = {}
        for key, members in check_figure(ledger.engine, parts, MAX_FIGURE_CLAIMS, before,
                                         of_periods).items():
            if key in keys:
                changed.update((m.id, m) for m in members
                               if m.id in new or _cross_source(m) != before.get(m.id))
    if changed:
        ledger.save_checks(list(changed.values()))
    return [changed.get(c.id, c) for c in claims]


def _cross_source(claim: Claim) -> list[Check]:
    return [k for k in claim.checks if k.kind == "cross_source"]


def _list_republications(engine: Engine, claims: list[Claim]) -> None:
    """A report is named by its document's first publication; the others (the same text printed by other
    outlets) are listed in its cross_source result: `republished` in the data, and in the detail."""
    from claimledger.store.publications import publications_of

    published = publications_of(engine, {c.doc_id for c in claims})
    for claim in claims:
        others = published.get(claim.doc_id, [])[1:]
        if not others:
            continue
        names = [f"{p['outlet'] or 'an unknown outlet'} ({p['published'] or 'undated'})" for p in others]
        for check in claim.checks:
            if check.kind == "cross_source":
                check.data = {**check.data, "republished": [
                    {"outlet": p["outlet"], "published": p["published"], "url": p["url"]} for p in others]}
                check.detail += f"; this text also published by {', '.join(names)}"


def _save(ledger: Ledger, claims: list[Claim], tally: Counter[tuple[str, str]],
          kinds: tuple[str, ...] = ("fx_conversion", "reference_series")) -> None:
    if claims:
        ledger.save_checks(claims)
        tally.update((k.kind, k.result) for c in claims for k in c.checks if k.kind in kinds)


__all__ = ["check_alone", "check_claims", "check_figure", "check_ledger", "recheck_figures"]
