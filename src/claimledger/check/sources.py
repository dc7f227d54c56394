"""cross_source: the same figure reported by different documents.

Who was first, who repeats, who disagrees.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict

from claimledger.models import Check, Claim

ROUNDING = 0.02  # two reports of one figure may differ by a reporter's rounding


def figure_key(c: Claim) -> tuple:
    """What makes two claims be about the same figure."""
    period = (c.period.start, c.period.end) if c.period else (None, None)
    return ((c.subject or "").lower(), c.category, (c.unit or "").lower(), c.time_scope, period)


def groups(claims: list[Claim]) -> dict[tuple, list[Claim]]:
    out: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        # without a subject two amounts of one currency or two counts of one unit need not be the same figure
        # (a bonus and a damage estimate), so a claim with none is compared with nothing
        if c.subject:
            out[figure_key(c)].append(c)
    # a group needs at least two documents to say anything
    return {k: sorted(v, key=lambda c: (c.published or "9999")) for k, v in out.items()
            if len({c.doc_id for c in v}) > 1}


def check_group(members: list[Claim]) -> None:
    first = members[0]
    outlets = sorted({c.outlet or c.doc_id for c in members})
    by_value = sorted(members, key=lambda c: c.value)
    values = [c.value for c in by_value]
    who = f"first reported by {first.outlet or first.doc_id} on {first.published or 'an unknown date'}"
    for c in members:
        # members outside c's rounding window, found by bisection instead of comparing every pair
        margin = ROUNDING * max(abs(c.value), 1)
        lo, hi = bisect_left(values, c.value - margin), bisect_right(values, c.value + margin)
        off = by_value[:lo][:3] + by_value[hi:][-3:]
        n_off = lo + len(values) - hi
        if n_off:
            others = ", ".join(f"{o.outlet or o.doc_id}: {o.value:,.0f}" for o in off)
            disagree = "1 report disagrees" if n_off == 1 else f"{n_off:,} reports disagree"
            detail = f"{who}; {disagree}, e.g. {others}"
            c.checks.append(Check("cross_source", "inconsistent", detail,
                                  {"first": first.id, "outlets": outlets, "disagree": n_off}))
        else:
            c.checks.append(Check("cross_source", "consistent",
                                  f"{who}; {len(outlets)} outlets agree within rounding",
                                  {"first": first.id, "outlets": outlets}))


def check_cross_source(claims: list[Claim]) -> None:
    for members in groups(claims).values():
        check_group(members)
