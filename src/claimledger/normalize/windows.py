"""Temporal windows in a sentence, resolved against the publication date (issue 10, part 1).

The expressions and their first resolution come from Microsoft's Recognizers-Text DateTime
(`recognizers-text-date-time`), chosen over dateparser, timexy and Duckling by
`evaluation/temporal/compare.py` (see evaluation/temporal/README.md). This module only reads what news prose
means by what the library returns:

- news counts what happened, so of an ambiguous month's readings the latest one not after publication wins,
  and a weekday or weekend that the library puts after publication is last week's;
- two expressions joined as a window ("between September and November", "from January through March",
  "in July and August", "from 2015 to 2019") are one window from the first's start to the second's end;
- a window that runs up to publication says so: "so far this year", "earlier this month", "since April 2023";
  "the past year" and "the past decade" are trailing windows, where "last year" is the calendar year;
- a window with one end only keeps the other open: "by the end of 2025", "from next month".

Pure: no I/O, the publication date is passed in, never today's.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any


@dataclass(frozen=True, slots=True)
class Window:
    """A temporal expression and the days it covers (inclusive); an end the text leaves open is None."""

    start: int  # character offsets in the text searched
    end: int
    text: str
    first_day: date | None
    last_day: date | None


@cache
def _model() -> Any:
    from recognizers_date_time import Culture, DateTimeRecognizer

    return DateTimeRecognizer(Culture.English).get_datetime_model()


def find_windows(text: str, published: date) -> list[Window]:
    """Every temporal window in `text`, in text order, resolved against `published`."""
    reference = datetime.combine(published, datetime.min.time())
    windows = []
    for result in _model().parse(text, reference):
        values = (result.resolution or {}).get("values") or []
        window = _from_library(text, result.start, result.end + 1, values, published)
        if window is not None:
            windows.append(_read_as_news(text, window, published))
    return _joined(text, _outermost(windows))


def _outermost(windows: list[Window]) -> list[Window]:
    """Drop a window inside a longer one ("last three months" inside "the last three months of 2023")."""
    def inside(w: Window, o: Window) -> bool:
        return o is not w and o.start <= w.start and w.end <= o.end and (o.end - o.start) > (w.end - w.start)

    return [w for w in windows if not any(inside(w, o) for o in windows)]


# ------------------------------------------------------------------------------ the library's readings


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:  # "PRESENT_REF" and other non-dates
        return None


def _from_library(text: str, start: int, end: int, values: list[dict], published: date) -> Window | None:
    value = _latest_not_after(values, published)
    if value is None:
        return None
    kind = value.get("type", "")
    first = last = None
    if kind in ("date", "datetime"):
        first = last = _day(value.get("value"))
    elif kind in ("daterange", "datetimerange"):
        first, last = _day(value.get("start")), _day(value.get("end"))
        if last is not None and kind == "daterange":
            last -= timedelta(days=1)  # the library's date ranges end on the day after
        if value.get("Mod") == "since" and last is None and first is not None and first <= published:
            last = published
    else:
        return None
    return Window(start, end, text[start:end], first, last)


def _latest_not_after(values: list[dict], published: date) -> dict | None:
    if not values:
        return None
    past = [v for v in values if (_day(v.get("start") or v.get("value")) or date.min) <= published]
    return past[-1] if past else values[0]


# ------------------------------------------------------------------------------------ news readings

_TRAILING = re.compile(r"\bpast (?P<unit>year|month|week|decade)\b", re.IGNORECASE)
_UP_TO_NOW = re.compile(r"\b(?:so far|to date|year to date|earlier|since the start of)\b[^.;]{0,12}$",
                        re.IGNORECASE)
_BY = re.compile(r"\b(?:by|until|till|through)\s+(?:the\s+end\s+of\s+)?$", re.IGNORECASE)
_FROM = re.compile(r"\b(?:from|starting|beginning)\s+$", re.IGNORECASE)
_NEXT = re.compile(r"\b(?:next|coming|this)\b", re.IGNORECASE)
_WEEKDAY_OR_WEEKEND = re.compile(
    rf"\b(?:weekend|{'|'.join(calendar.day_name)})\b", re.IGNORECASE)


_NUMBERS = {word: n for n, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
_PART_OF = re.compile(
    r"\b(?P<which>first|last|final)\s+(?:(?P<n>\w+)\s+)?(?P<unit>months?|quarters?|half)\s+of\s+"
    r"(?:the\s+year|(?:fiscal\s+)?(?P<year>(?:19|20)\d\d))\b", re.IGNORECASE)
_RUNNING_TO = re.compile(r"\b(?:(?P<n>\w+)\s+)?(?P<unit>months?|weeks?|days?|year)\s+(?:to|ending|ended)\s+$",
                         re.IGNORECASE)
_MONTHS_IN = {"month": 1, "months": 1, "quarter": 3, "quarters": 3, "half": 6}


def _count(word: str | None) -> int | None:
    if word is None:
        return 1
    return int(word) if word.isdigit() else _NUMBERS.get(word.lower())


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _part_of_a_year(text: str, window: Window, published: date) -> Window | None:
    """"the first nine months of 2025", "the last three months of 2023", "the first half of the year"."""
    around = text[max(0, window.start - 40):window.end]
    match = next((m for m in _PART_OF.finditer(around) if m.end() >= len(around) - 1), None)
    count = _count(match["n"]) if match else None
    if match is None or count is None:
        return None
    year = int(match["year"]) if match["year"] else published.year
    months = count * _MONTHS_IN[match["unit"].lower()]
    if match["which"].lower() == "first":
        first, last = date(year, 1, 1), _add_months(date(year, 1, 1), months) - timedelta(days=1)
    else:
        first, last = _add_months(date(year + 1, 1, 1), -months), date(year, 12, 31)
    start = window.end - (len(around) - match.start())
    return Window(start, window.end, text[start:window.end], first, last)


def _running_to(text: str, window: Window) -> Window | None:
    """"the 12 months to June", "the week to Aug. 15": a span that ends with the window named."""
    before = text[max(0, window.start - 30):window.start]
    match = _RUNNING_TO.search(before)
    count = _count(match["n"]) if match else None
    if match is None or count is None or window.last_day is None:
        return None
    unit = match["unit"].lower().rstrip("s")
    last = window.last_day
    if unit in ("month", "year"):
        first = _add_months(last + timedelta(days=1), -count * (12 if unit == "year" else 1))
    else:
        first = last - timedelta(days=count * (7 if unit == "week" else 1) - 1)
    start = window.start - (len(before) - match.start())
    return Window(start, window.end, text[start:window.end], first, last)


def _read_as_news(text: str, window: Window, published: date) -> Window:
    whole = _part_of_a_year(text, window, published) or _running_to(text, window)
    if whole is not None:
        return whole
    before = text[max(0, window.start - 40):window.start]
    first, last = window.first_day, window.last_day
    trailing = _TRAILING.search(window.text)
    if trailing:
        years = {"year": 1, "decade": 10}.get(trailing["unit"].lower())
        if years:
            first = published.replace(year=published.year - years)
        else:
            first = published - timedelta(days=7 if trailing["unit"].lower() == "week" else 30)
        last = published
    elif _UP_TO_NOW.search(before + window.text[:12]) and first is not None and first <= published:
        last = published
    elif (first and first > published and _WEEKDAY_OR_WEEKEND.search(window.text)
          and not _NEXT.search(before[-12:] + window.text)):
        first, last = first - timedelta(days=7), (last - timedelta(days=7)) if last else None
    if _BY.search(before) and not window.text.lower().startswith(("between", "from")):
        first = None
    elif _FROM.search(before) and first is not None:
        last = None
    return Window(window.start, window.end, window.text, first, last)


# ------------------------------------------------------------------------- two ends of one window

_JOINS = re.compile(r"^\s*(?:and|to|through|thru|until|till|-|–|—)\s*(?:the\s+end\s+of\s+)?$", re.IGNORECASE)
_OPENS = re.compile(r"\b(?:between|from|in)\s+$", re.IGNORECASE)
_BARE_YEARS = re.compile(
    r"\b(?P<opener>between|from)\s+(?P<a>(?:19|20)\d\d)\s+(?:and|to|through|until)\s+(?P<b>(?:19|20)\d\d)\b",
    re.IGNORECASE)


def _joined(text: str, windows: list[Window]) -> list[Window]:
    """Merge "between A and B"-shaped pairs; add bare-year spans the library misses."""
    merged: list[Window] = []
    for window in windows:
        if merged and _joins(text, merged[-1], window):
            left = merged.pop()
            start = _opener_start(text, left.start)
            merged.append(Window(start, window.end, text[start:window.end], left.first_day, window.last_day))
        else:
            merged.append(window)
    for match in _BARE_YEARS.finditer(text):
        if not any(w.start <= match.start("a") < w.end for w in merged):
            merged.append(Window(match.start(), match.end(), match.group(0),
                                 date(int(match["a"]), 1, 1), date(int(match["b"]), 12, 31)))
    return sorted(merged, key=lambda w: w.start)


def _joins(text: str, left: Window, right: Window) -> bool:
    if left.first_day is None or right.last_day is None or right.last_day < left.first_day:
        return False
    opener = text[max(0, left.start - 12):left.start]
    between = text[left.end:right.start]
    return bool(_JOINS.match(between)) and (bool(_OPENS.search(opener))
                                            or left.text.lower().startswith(("between", "from")))


def _opener_start(text: str, start: int) -> int:
    match = _OPENS.search(text[max(0, start - 12):start])
    return start - (len(text[max(0, start - 12):start]) - match.start()) if match else start
