"""Resolve a time-scope cue to a period, against the publication date (never today).

Pure functions: ``resolve_period(scope, cue, groups, published)`` → Period or None. Named events
("since the full-scale invasion began") come from ``data/lexicons/events.toml``.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import cache, lru_cache

from claimledger.models import Period
from claimledger.nlp.lexicon import load_table

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
SINCE_DATE = re.compile(r"(?:(?P<month>[a-z]+)\.?(?: (?P<day>\d{1,2}))?,? )?(?P<year>(?:19|20)\d\d)",
                        re.IGNORECASE)
LAST_N = re.compile(r"(?:past|last|previous) (?:(?P<n>\d+|two|three|four|five|six|seven|ten|few|several) )?"
                    r"(?P<unit>day|week|month|year)s?", re.IGNORECASE)
RELATIVE_YEAR = {"last": -1, "this": 0, "next": 1}
SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}


@cache
def named_events() -> list[tuple[re.Pattern[str], date, re.Pattern[str] | None]]:
    table = load_table("events")
    events = []
    for item in table.get("event", []):
        context = re.compile(item["context"], re.IGNORECASE) if item.get("context") else None
        pattern = re.compile(item["pattern"], re.IGNORECASE)
        events.append((pattern, date.fromisoformat(item["start"]), context))
    return events


def month_number(name: str) -> int | None:
    """1-12 for a month's name or abbreviation ("Feb", "Sept."), else None."""
    key = name.lower().strip(".- ")
    if len(key) < 3:
        return None
    return next((number for full, number in MONTHS.items() if full.startswith(key[:3])), None)


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def resolve_period(scope: str, cue: str | None, groups: dict[str, str], published: date | None,
                   document_text: str = "") -> Period | None:
    if published is None or scope in ("point", "unspecified"):
        return None
    if scope == "daily":
        return Period(iso(published - timedelta(days=1)), iso(published))
    if scope == "cumulative":
        return Period(iso(_start_of_cumulative(cue or "", groups, published, document_text)), iso(published))
    return _period_of(cue or "", groups, published)


def _start_of_cumulative(cue: str, groups: dict[str, str], published: date,
                         document_text: str) -> date | None:
    if groups.get("weekday"):  # "since Saturday"
        days_back = (published.weekday() - WEEKDAYS[groups["weekday"].lower()]) % 7 or 7
        return published - timedelta(days=days_back)
    since = groups.get("date")
    if since:
        match = SINCE_DATE.search(since)
        if match:
            month = month_number(match.group("month") or "") or 1
            return date(int(match.group("year")), month, int(match.group("day") or 1))
    for pattern, start, context in named_events():
        if pattern.search(cue) and (context is None or _mentions(context, document_text)):
            return start
    return None


@lru_cache(maxsize=8)
def _mentions(context: re.Pattern[str], document_text: str) -> bool:
    """Whether the article mentions an event's context, read once per article rather than once per figure
    (a string's hash is kept, so the key costs nothing after the first call)."""
    return context.search(document_text) is not None


def _period_of(cue: str, groups: dict[str, str], published: date) -> Period | None:
    text = cue.lower()
    if text.startswith("since "):  # "since Monday", "since mid-May": from then to publication
        period = _period_of(cue[6:], groups, published)
        return Period(period.start, iso(published)) if period is not None else None
    if groups.get("month"):
        month = MONTHS[groups["month"].lower()]
        latest_year = published.year if month <= published.month else published.year - 1
        year = int(groups["year"]) if groups.get("year") else latest_year
        if groups.get("relyear"):  # "in September last year", "in March next year"
            year = published.year + RELATIVE_YEAR[groups["relyear"].lower()]
        last = calendar.monthrange(year, month)[1]
        end = date(year, month, last)
        if year == published.year and month == published.month:
            end = min(end, published)
        return Period(iso(date(year, month, 1)), iso(end))
    if groups.get("year") and re.search(r"\d{4}", text):
        year = int(groups["year"])
        end = min(date(year, 12, 31), published) if year == published.year else date(year, 12, 31)
        return Period(iso(date(year, 1, 1)), iso(end))
    weekday = groups.get("weekday") or groups.get("weekday2")
    if weekday:
        back = (published.weekday() - WEEKDAYS[weekday.lower()]) % 7
        if text.startswith("last ") and back == 0:
            back = 7
        day = published - timedelta(days=back)
        return Period(iso(day), iso(day))
    return _relative_period(text, published)


def _relative_period(text: str, published: date) -> Period | None:
    if "yesterday" in text:
        day = published - timedelta(days=1)
        return Period(iso(day), iso(day))
    if any(w in text for w in ("today", "tonight", "this morning")):
        return Period(iso(published), iso(published))
    if "this year" in text or "earlier this year" in text:
        return Period(iso(date(published.year, 1, 1)), iso(published))
    if "last year" in text:
        return Period(iso(date(published.year - 1, 1, 1)), iso(date(published.year - 1, 12, 31)))
    if "the next year" in text or "the next 12 months" in text:  # "over the next year": twelve months ahead
        return Period(iso(published), iso(published + timedelta(days=365)))
    if "next year" in text:  # the next calendar year: a forecast, a plan, a budget's year
        return Period(iso(date(published.year + 1, 1, 1)), iso(date(published.year + 1, 12, 31)))
    if "next month" in text:
        first = (published.replace(day=1) + timedelta(days=32)).replace(day=1)
        last = calendar.monthrange(first.year, first.month)[1]
        return Period(iso(first), iso(first.replace(day=last)))
    if "this month" in text:
        return Period(iso(published.replace(day=1)), iso(published))
    if "last month" in text:
        last_of_previous = published.replace(day=1) - timedelta(days=1)
        return Period(iso(last_of_previous.replace(day=1)), iso(last_of_previous))
    if "this week" in text:
        return Period(iso(published - timedelta(days=published.weekday())), iso(published))
    if "last week" in text and "past" not in text:
        monday = published - timedelta(days=published.weekday() + 7)
        return Period(iso(monday), iso(monday + timedelta(days=6)))
    match = LAST_N.search(text)
    if match:
        raw = (match.group("n") or "1").lower()
        if raw in ("few", "several"):
            return None
        n = int(raw) if raw.isdigit() else SMALL.get(raw, 1)
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[match.group("unit").lower()] * n
        return Period(iso(published - timedelta(days=days)), iso(published))
    return None
