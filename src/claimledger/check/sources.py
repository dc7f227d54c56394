"""cross_source: the same figure reported by different documents.

Who was first, who repeats, who disagrees. What makes two claims one figure is `check.identity`; whether
two reports of it agree is `check.compare` (bounds, ranges and rounding), the function the reference-series
check uses too. Reports of one day's count, one period's or one moment's level are compared as equals; a
cumulative total reported on different days is compared along the series (a later total may be larger).
"""
from __future__ import annotations

from collections import defaultdict

from claimledger.check.compare import Stated, agree, not_decreasing
from claimledger.check.identity import comparable_in_time, day_of, figure_key
from claimledger.models import Check, Claim


def consistent_pair(a: Claim, b: Claim) -> bool:
    """Whether two reports of one figure agree: as equals, or along the series for cumulative totals."""
    sa, sb = Stated.of(a), Stated.of(b)
    if a.time_scope == "cumulative":
        da, db = day_of(a), day_of(b)
        if da is not None and db is not None and da != db:
            earlier, later = (sa, sb) if da < db else (sb, sa)
            return not_decreasing(earlier, later)
    return agree(sa, sb)


def groups(claims: list[Claim]) -> dict[tuple, list[Claim]]:
    """Claims by figure identity; claims without one are in no group. A group needs two documents."""
    out: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        key = figure_key(c)
        if key is not None:
            out[key].append(c)
    return {k: sorted(v, key=lambda c: (c.published or "9999")) for k, v in out.items()
            if len({c.doc_id for c in v}) > 1}


def _label(c: Claim) -> str:
    return c.outlet or c.doc_id


def check_group(members: list[Claim]) -> None:
    first = members[0]
    outlets = sorted({_label(c) for c in members})
    who = f"first reported by {_label(first)} on {first.published or 'an unknown date'}"
    for c in members:
        others = [o for o in members if o.doc_id != c.doc_id and comparable_in_time(c, o)]
        if not others:
            continue  # a level reported at another time only: nothing to compare with
        off = [o for o in others if not consistent_pair(c, o)]
        if off:
            shown = ", ".join(f"{_label(o)}: {o.text or f'{o.value:,.0f}'}" for o in off[:3])
            n = len(off)
            detail = f"{who}; {n} {'report disagrees' if n == 1 else 'reports disagree'}, e.g. {shown}"
            c.checks.append(Check("cross_source", "inconsistent", detail,
                                  {"first": first.id, "outlets": outlets, "disagree": n}))
        else:
            along = " along the series" if c.time_scope == "cumulative" else ""
            n = len({_label(o) for o in others} | {_label(c)})
            c.checks.append(Check("cross_source", "consistent",
                                  f"{who}; {n} outlets agree within rounding and bounds{along}",
                                  {"first": first.id, "outlets": outlets}))


def check_cross_source(claims: list[Claim]) -> None:
    for members in groups(claims).values():
        check_group(members)
