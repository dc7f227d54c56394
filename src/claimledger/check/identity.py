"""A figure's identity: what is counted, whose, where and when. Two claims are one figure only when all four
agree; a claim without enough of it is grouped with nothing rather than lumped with whatever shares a unit.

- what: the category and the normalised unit ("usd", "troop");
- whose: the subject resolved through ``data/subjects.toml`` ("Russia", "Russian forces", "russian troops" are
  one party); a subject that names no one in particular ("people") counts only with a location;
- where: the location resolved the same way ("Kiev" is "kyiv"; "Kursk region" is "kursk"); a location that is
  the subject's own country adds nothing ("Russian forces" in Russia are Russian forces);
- when: the period for daily and period figures (one day's count is not another day's), the series for a
  cumulative total (reports of different days are compared along it), the moment for a point level (reports
  more than `POINT_DAYS` apart are levels at different times).

Amounts of money and percentages say nothing of what they are by their unit (a bonus and a
damage estimate are both "usd"), so what they measure is read from the sentence (the nearest term of
`[measures]` in ``data/subjects.toml``: "inflation", "defence spending"); without one they are compared with
nothing, and an amount of money also needs a time (a point amount, a bonus "offered", is never grouped).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from claimledger.models import Claim, parse_iso_date
from claimledger.normalize.subjects import measure, party_of_place, resolve_place, resolve_subject

POINT_DAYS = 7  # reports of a level (troops stationed, a price) this far apart are of one moment
OPEN_CATEGORIES = frozenset({"money", "percent"})  # the unit (a currency, "percent") does not say what
SCOPES = frozenset({"daily", "cumulative", "period", "point"})


@dataclass(frozen=True)
class Identity:
    category: str
    unit: str
    whose: str  # resolved party/group key, "" for none
    where: str  # resolved place, "" for none
    time_scope: str
    period: tuple[str | None, str | None]  # the period for daily and period figures; (None, None) otherwise

    @property
    def key(self) -> tuple:
        return (self.whose, self.where, self.category, self.unit, self.time_scope, self.period)

    @property
    def whose_where(self) -> str:
        """Whose and where in one string: the subject part of the figure's key in the ledger."""
        return f"{self.whose} @ {self.where}" if self.where else self.whose


def whose_where(subject: str | None, location: str | None) -> tuple[str, str, bool]:
    """The resolved (whose, where) of a subject and location, and whether they name anyone at all."""
    whose = resolve_subject(subject)
    where = resolve_place(location) or ""
    if whose is not None and whose.party is not None and party_of_place(where) == whose.party:
        where = ""  # "Russian forces" in "Russia"
    if whose is None:
        return "", where, bool(where)  # "inflation in Russia": where alone, for what the unit names
    return whose.key, where, whose.named or bool(where)


def identity(c: Claim) -> Identity | None:
    """The claim's figure identity, or None when it has too little of one to be compared with anything."""
    if c.time_scope not in SCOPES or not c.unit:
        return None
    whose, where, enough = whose_where(c.subject, c.location)
    if not enough:
        return None
    period: tuple[str | None, str | None] = (None, None)
    if c.time_scope in ("daily", "period"):
        if not c.period or not (c.period.start or c.period.end):
            return None  # a count of some day or period that the text does not pin down
        period = (c.period.start, c.period.end)
    unit = c.unit.lower()
    if c.category in OPEN_CATEGORIES:
        # "(no subject): usd money point": a bonus, a fine and an aid package alike. A percentage or amount
        # needs what it measures ("inflation"), and an amount a time it belongs to.
        what = measure(c.sentence, c.text)
        if what is None or (c.category == "money" and c.time_scope == "point"):
            return None
        unit = f"{unit}/{what}"
    return Identity(c.category, unit, whose, where, c.time_scope, period)


def figure_key(c: Claim) -> tuple | None:
    found = identity(c)
    return found.key if found is not None else None


def day_of(c: Claim) -> date | None:
    """The day a figure is about: its period's end, else its publication day."""
    return parse_iso_date(c.period.end if c.period and c.period.end else c.published)


def _start(c: Claim) -> str | None:
    return c.period.start if c.period else None


def comparable_in_time(a: Claim, b: Claim) -> bool:
    """Two claims of one key are one figure in time: a point level only within `POINT_DAYS`; running totals
    only from one start ("since the war began" is not "since the outbreak was declared"), and a total without
    a stated start only for a named party (Russia's losses are counted from one start; "people" in a country
    may be counted from any)."""
    if a.time_scope == "cumulative":
        sa, sb = _start(a), _start(b)
        if sa and sb:
            return sa == sb
        if sa or sb:
            whose = resolve_subject(a.subject)
            return whose is not None and whose.party is not None
        return True
    if a.time_scope != "point":
        return True
    da, db = day_of(a), day_of(b)
    return da is not None and db is not None and abs((da - db).days) <= POINT_DAYS


def same_figure(a: Claim, b: Claim) -> bool:
    """Whether two claims report one figure (a cumulative total on different days is one series)."""
    ka = figure_key(a)
    return ka is not None and ka == figure_key(b) and comparable_in_time(a, b)


__all__ = ["Identity", "POINT_DAYS", "comparable_in_time", "day_of", "figure_key", "identity", "same_figure",
           "whose_where"]
