"""fx_conversion: does a stated conversion match the rate of the publication date?"""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from claimledger.check.compare import own_bound, rounds_to
from claimledger.check.rates import convert
from claimledger.models import Check, Claim, parse_iso_date

SOURCE_NAMES = {"CBR": "the Bank of Russia", "ECB": "the ECB", "NBU": "the National Bank of Ukraine",
                "NBP": "the National Bank of Poland"}
# reporters round to 2 significant figures, "about" even coarser
TOLERANCE = {"exact": 0.02, "about": 0.05, "at_least": 0.05, "at_most": 0.05, "range": 0.05}


def _fmt(x: float) -> str:
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:,.2f}"


def add_values(claim: Claim) -> None:
    """Fill value_usd / value_eur for a money claim at the publication date."""
    on = parse_iso_date(claim.published)
    if claim.category != "money" or on is None or len(claim.unit or "") != 3:
        return
    for dst, attr in (("USD", "value_usd"), ("EUR", "value_eur")):
        res = convert(claim.value, claim.unit, dst, on)
        if res:
            setattr(claim, attr, round(res[0], 2))


def check_conversion(claim: Claim, original: Claim) -> Check:
    on = parse_iso_date(claim.published)
    if on is None:
        return Check("fx_conversion", "unknown", "the document has no publication date")
    bound = own_bound(claim)
    tol = TOLERANCE.get(bound, 0.02)
    tried = []
    for shift in (0, 1, -1):
        day = on + timedelta(days=shift)
        res = convert(original.value, original.unit, claim.unit, day)
        if res is None:
            continue
        value, rate, rate_date, src = res
        tried.append((value, rate, rate_date, src))
        if _within(claim, value, tol) or (bound in ("about", "exact") and rounds_to(value, claim.value)):
            # "or about $1 billion" for 959 million, "($4,000)" for 3,854: a one- or two-figure amount is the
            # rate's figure rounded
            detail = _detail(original, claim, tried[0], "consistent within rounding")
            return Check("fx_conversion", "consistent", detail,
                         {"expected": value, "rate": rate, "rate_date": rate_date.isoformat(), "source": src})
    if not tried:
        return Check("fx_conversion", "unknown",
                     f"no {original.unit}/{claim.unit} rate around {on.isoformat()}", {})
    stale = _stale_date(claim, original, on, tol)
    note = f"off by {abs(claim.value / tried[0][0] - 1):.0%}"
    if stale:
        note += f"; matches a stale rate from {stale.isoformat()}"
    return Check("fx_conversion", "inconsistent", _detail(original, claim, tried[0], note),
                 {"expected": tried[0][0], "rate": tried[0][1],
                  "stale_rate_date": stale and stale.isoformat()})


def _within(claim: Claim, value: float, tol: float) -> bool:
    """The stated conversion holds the converted amount, within a reporter's rounding (a range: between)."""
    if claim.bound == "range" and claim.high is not None:
        return claim.value * (1 - tol) <= value <= claim.high * (1 + tol)
    return abs(claim.value - value) <= tol * value


def _stale_date(claim: Claim, original: Claim, on: date, tol: float) -> date | None:
    """Latest earlier date (two weeks to ten years back) whose rate reproduces the stated figure."""
    implied = claim.value / original.value
    # samples are shared by all claims of a month: a stale rate is weeks old,
    # so the month start is close enough
    for day, rate in _weekly_rates(original.unit, claim.unit, on.replace(day=1)):
        if abs(implied - rate) <= tol / 2 * rate:
            return day
    return None


@lru_cache(maxsize=4096)
def _weekly_rates(src: str, dst: str, on: date) -> list[tuple[date, float]]:
    """Weekly samples of the src->dst rate going back from two weeks before `on`, newest first."""
    out = []
    for days in range(14, 365 * 10, 7):
        res = convert(1.0, src, dst, on - timedelta(days=days))
        if res:
            out.append((res[2], res[1]))
    return out


def _detail(original: Claim, claim: Claim, tried: tuple, note: str) -> str:
    value, rate, rate_date, src = tried
    if rate < 1:
        per = f"{1 / rate:.2f} {original.unit}/{claim.unit}"
    else:
        per = f"{rate:.4f} {claim.unit}/{original.unit}"
    return (f"{_fmt(original.value)} {original.unit} at {per}, {SOURCE_NAMES.get(src, src)} rate of "
            f"{rate_date.isoformat()}, is {_fmt(value)} {claim.unit}; stated {_fmt(claim.value)}: {note}")
