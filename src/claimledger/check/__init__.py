"""Cross-checks: does a figure hold up against rates, reference series and other reports?"""
from __future__ import annotations

from claimledger.check.fx import add_values, check_conversion
from claimledger.check.series import check_series
from claimledger.check.sources import check_cross_source
from claimledger.models import Claim


KINDS = ("fx_conversion", "reference_series", "cross_source")


def check_claims(claims: list[Claim]) -> list[Claim]:
    """Run every check, replacing each claim's earlier results of these kinds; returns the same claims.

    Checking again gives the same checks, not a second copy: rates, series and the set of reports may have
    changed since the last run, so earlier results are recomputed rather than kept.
    """
    by_id = {c.id: c for c in claims}
    for claim in claims:
        claim.checks = [k for k in claim.checks if k.kind not in KINDS]
        add_values(claim)
        original = by_id.get(claim.conversion_of) if claim.conversion_of else None
        if original is not None:
            claim.checks.append(check_conversion(claim, original))
        result = check_series(claim)
        if result is not None:
            claim.checks.append(result)
    check_cross_source(claims)
    return claims


__all__ = ["check_claims"]
