"""The common temporal expressions of news prose, resolved in pure Python (issue 10, part 1).

Recognizers-Text (``normalize/windows.py``) takes about 100 ms a call and grows faster than its input, so the
pipeline cannot hand it every DATE entity. Most expressions a figure meets are a handful of shapes ("on
Tuesday", "last year", "in March", "in 2024", "the past two weeks", "since April 2023", "between September and
November", "the first half of 2025"): this module reads those exactly as ``find_windows`` reads them (the
test pins the agreement on evaluation/temporal/windows.jsonl), says which expressions are no window at all
(durations, frequencies, ages, anaphora: "three days", "annual", "the same period"), and leaves the rest to
the library.

``quick_window(phrase, published)`` → a ``Reading``, ``NO_WINDOW``, or None (ask the library).
Pure: the publication date is passed in, never today's.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

KINDS = ("span", "trailing", "since", "day", "open")


@dataclass(frozen=True, slots=True)
class Reading:
    """The days a temporal expression covers (inclusive; None where the text leaves an end open or gives no
    exact day) and its kind: an explicit ``span``, a ``trailing`` window up to publication ("the past 12
    months"), a ``since`` X open up to publication, a single ``day``, or an ``open`` window with one end."""

    first: date | None
    last: date | None
    kind: str


NO_WINDOW = Reading(None, None, "none")

MONTH_NAMES = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
WEEKDAY_NAMES = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_NUMBER_WORDS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}
_N = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_UNIT = r"(?:hours?|days?|weeks?|months?|years?|decades?)"

# an expression is worth the library's time only if it names a calendar anchor
_ANCHOR = re.compile(
    rf"\b(?:{_MONTH}|{_WEEKDAY}|(?:19|20)\d\d|last|past|next|this|since|ago|yesterday|today|tonight|tomorrow"
    r"|weekend|early|mid|late|end|start|beginning|christmas|easter|ramadan)\b", re.IGNORECASE)
# a vague stretch the guide counts as a window but no day can be read from
_VAGUE = re.compile(r"^(?:(?:in )?recent (?:days|weeks|months|years)"
                    r"|(?:the )?(?:spring|summer|autumn|fall|winter)"
                    r"|(?:this|last|next) (?:spring|summer|autumn|fall|winter|season)|fiscal (?:year )?\d{4}"
                    r"|(?:the )?fiscal year)$|\b(?:fiscal|financial)\b")

_LEAD = re.compile(r"^(?:(?:in|on|during|over|for|at|within|throughout|of)\s+)?(?:the\s+)?")


def _n(word: str) -> int | None:
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word)


def _month(word: str) -> int | None:
    key = word.strip(".").lower()[:3]
    if len(key) != 3:
        return None
    return next((n for name, n in MONTH_NAMES.items() if name.startswith(key)), None)


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _whole_month(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _latest_weekday(weekday: int, published: date, before: bool = False) -> date:
    back = (published.weekday() - weekday) % 7
    return published - timedelta(days=back or (7 if before else 0))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# -------------------------------------------------------------------------------- single points

_DAY_MONTH = re.compile(rf"^(?:(?P<m1>{_MONTH}) (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?"
                        rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<m2>{_MONTH}))"
                        r"(?:,? (?P<year>(?:19|20)\d\d))?$")
_MONTH_YEAR = re.compile(rf"^(?P<m>{_MONTH})(?:,? (?P<year>(?:19|20)\d\d)| (?P<rel>last|this|next) year)?$")
_YEAR = re.compile(r"^(?:the )?(?:calendar )?(?:year )?(?P<year>(?:19|20)\d\d)$")
_CALENDAR = re.compile(r"^(?P<rel>this|last|next|(?:the )?current) (?P<unit>year|month|week)$")
_WEEKDAY_RE = re.compile(rf"^(?:(?P<rel>last|this past|this|past) )?(?P<day>{_WEEKDAY})"
                         r"(?:'s)?(?: (?:night|morning|afternoon|evening))?$")
_WEEKEND = re.compile(r"^(?:(?:this|last|past) )?weekend$")
_PART = re.compile(r"^(?P<ord>first|second|third|fourth|final|last) (?P<unit>quarter|half)"
                   r"(?: of (?:(?P<rel>the|this|last|next) year|(?:fiscal )?(?P<year>(?:19|20)\d\d)))?$")
_PART_OF = re.compile(rf"^(?P<which>first|last|final) (?:(?P<n>{_N}) )?(?P<unit>months?|weeks?)"
                      r"(?: of (?:(?P<rel>the|this|last) year|(?P<year>(?:19|20)\d\d)))?$")
_TRAILING = re.compile(rf"^(?:past|last) (?:(?P<n>{_N}) )?(?P<unit>{_UNIT})$")
_AHEAD = re.compile(rf"^next (?:(?P<n>{_N}) )?(?P<unit>days?|weeks?|months?|years?|decades?)$")
_AGO = re.compile(rf"^(?P<n>a|an|{_N}) (?P<unit>days?|weeks?|months?|years?) ago$")
_WEEK_OF = re.compile(rf"^(?P<ord>first|second|third|fourth|last|final) week of (?P<m>{_MONTH})"
                      r"(?:,? (?P<year>(?:19|20)\d\d))?$")
_PART_OF_YEAR = re.compile(r"^(?P<part>early|mid|late)[- ](?P<year>(?:19|20)\d\d)$")
_PART_OF_MONTH = re.compile(rf"^(?P<part>early|mid|late)[- ](?P<m>{_MONTH})(?:,? (?P<year>(?:19|20)\d\d))?$")
_RUNNING_TO = re.compile(rf"^(?:(?P<n>{_N}) )?(?P<unit>months?|weeks?|year|quarter) (?:to|ending|ended) "
                         r"(?P<rest>.+)$")
_TO_DATE = re.compile(r"^(?:so far this|this|earlier this) (?P<unit>year|month|week)(?: so far| to date)?$"
                      r"|^(?:the )?year[- ]to[- ]date$|^(?:so far )?this year so far$")
# "last August": the library reads the month of the calendar year before publication's, whatever the month
_LAST_MONTH = re.compile(r"^last (?P<m>january|february|march|april|may|june|july|august|september|october"
                         r"|november|december)$")
# "2025-26" (a season or financial year): the library reads the first year only, as that calendar year
_YEAR_PAIR = re.compile(r"^(?P<year>(?:19|20)\d\d)-(?P<next>\d\d)$")
_EDGE = re.compile(r"^(?P<edge>start|beginning|end) of (?:(?P<rel>the|this|last|next) (?P<unit>year|month)"
                   rf"|(?P<m>{_MONTH})(?: (?P<year>(?:19|20)\d\d))?|(?P<y>(?:19|20)\d\d))$")

Span = tuple[date | None, date | None]


def _year_of(rel: str | None, year: str | None, published: date) -> int:
    if year:
        return int(year)
    return published.year + {"last": -1, "next": 1}.get(rel or "", 0)


def _calendar(rel: str, unit: str, published: date) -> tuple[date, date]:
    shift = {"last": -1, "next": 1}.get(rel, 0)
    if unit == "year":
        return date(published.year + shift, 1, 1), date(published.year + shift, 12, 31)
    if unit == "month":
        first = add_months(published.replace(day=1), shift)
        return _whole_month(first.year, first.month)
    monday = published - timedelta(days=published.weekday()) + timedelta(days=7 * shift)
    return monday, monday + timedelta(days=6)


def _back(published: date, n: int, unit: str) -> date:
    unit = unit.rstrip("s")
    if unit == "hour":
        return published - timedelta(days=max(1, -(-n // 24)))
    if unit in ("day", "week"):
        return published - timedelta(days=n * (7 if unit == "week" else 1))
    if unit == "month":
        return add_months(published, -n)
    years = n * (10 if unit == "decade" else 1)
    return add_months(published, -12 * years)


def _ahead(published: date, n: int, unit: str) -> date:
    unit = unit.rstrip("s")
    if unit in ("day", "week"):
        return published + timedelta(days=n * (7 if unit == "week" else 1))
    return add_months(published, n * {"month": 1, "year": 12, "decade": 120}[unit])


def _point(text: str, published: date) -> tuple[Span, str] | None:
    """One time point or named stretch (no "since", no two ends): its days and kind."""
    if text in ("yesterday", "last night"):
        day = published - timedelta(days=1)
        return (day, day), "day"
    if text in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return (published, published), "day"
    if text == "tomorrow":
        day = published + timedelta(days=1)
        return (day, day), "day"
    if text in ("overnight", "past 24 hours", "last 24 hours"):
        return (published - timedelta(days=1), published), "day" if text == "overnight" else "trailing"
    if m := _WEEKDAY_RE.match(text):
        before = bool(m["rel"]) and m["rel"] != "this"
        day = _latest_weekday(WEEKDAY_NAMES[m["day"]], published, before=before)
        return (day, day), "day"
    if _WEEKEND.match(text):
        saturday = _latest_weekday(5, published)
        return (saturday, saturday + timedelta(days=1)), "span"
    if m := _DAY_MONTH.match(text):
        month = _month(m["m1"] or m["m2"])
        number = int(m["d1"] or m["d2"])
        if month is None:
            return None
        if m["year"]:
            on = _safe_date(int(m["year"]), month, number)
        else:
            on = _safe_date(published.year, month, number)
            if on is not None and on > published:
                on = _safe_date(published.year - 1, month, number)
        return ((on, on), "day") if on else None
    if m := _MONTH_YEAR.match(text):
        month = _month(m["m"])
        if month is None:
            return None
        if m["year"] or m["rel"]:
            year = _year_of(m["rel"], m["year"], published)
        else:
            year = published.year if month <= published.month else published.year - 1
        return _whole_month(year, month), "span"
    if m := _PART_OF_YEAR.match(text):
        year = int(m["year"])
        months = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[m["part"]]
        return (date(year, months[0], 1), _whole_month(year, months[1])[1]), "span"
    if (m := _WEEK_OF.match(text)) or (m := _PART_OF_MONTH.match(text)):
        return _within_month(m, published)
    if m := _YEAR.match(text):
        year = int(m["year"])
        return (date(year, 1, 1), date(year, 12, 31)), "span"
    if m := _CALENDAR.match(text):
        return _calendar("this" if m["rel"].endswith("current") else m["rel"], m["unit"], published), "span"
    if m := _PART.match(text):
        size = 3 if m["unit"] == "quarter" else 6
        index = _ORDINALS[m["ord"]] if m["unit"] == "quarter" else (1 if m["ord"] == "first" else 2)
        explicit = m["rel"] not in (None, "the") or m["year"]
        year = _year_of(m["rel"] if m["rel"] != "the" else None, m["year"], published)
        first = date(year, (index - 1) * size + 1, 1)
        if not explicit and first > published:
            first = first.replace(year=year - 1)
        return (first, add_months(first, size) - timedelta(days=1)), "span"
    if m := _PART_OF.match(text):
        count = _n(m["n"]) if m["n"] else 1
        if count is None:
            return None
        year = _year_of(m["rel"] if m["rel"] != "the" else None, m["year"], published)
        if m["unit"].startswith("week"):
            return None
        if m["which"] == "first":
            return (date(year, 1, 1), add_months(date(year, 1, 1), count) - timedelta(days=1)), "span"
        return (add_months(date(year + 1, 1, 1), -count), date(year, 12, 31)), "span"
    if m := _TRAILING.match(text):
        count = _n(m["n"]) if m["n"] else 1
        if count is None:
            return None
        return (_back(published, count, m["unit"]), published), "trailing"
    if m := _AHEAD.match(text):
        count = _n(m["n"]) if m["n"] else 1
        if count is None:
            return None
        return (published, _ahead(published, count, m["unit"])), "span"
    if m := _AGO.match(text):
        count = 1 if m["n"] in ("a", "an") else _n(m["n"])
        if count is None:
            return None
        day = _back(published, count, m["unit"])
        return (day, day), "day"
    if m := _TO_DATE.match(text):
        unit = m["unit"] or "year"
        first = _calendar("this", unit, published)[0]
        return (first, published), "since"
    if m := _EDGE.match(text):
        return _edge(m, published)
    if m := _RUNNING_TO.match(text):
        return _running_to(m, published)
    return None


def _library_shape(text: str, published: date) -> tuple[Span, str] | None:
    """Shapes read as the library reads them, only where they stand alone or after "since" (not as an end of a
    two-ended window, where the library's reading was not compared): "last August", "2025-26"."""
    if m := _LAST_MONTH.match(text):
        return _whole_month(published.year - 1, MONTH_NAMES[m["m"]]), "span"
    if (m := _YEAR_PAIR.match(text)) and int(m["next"]) == (int(m["year"]) + 1) % 100 != 0:
        year = int(m["year"])
        return (date(year, 1, 1), date(year, 12, 31)), "span"
    return None


def _within_month(m: re.Match[str], published: date) -> tuple[Span, str] | None:
    """"the last week of December", "early March", "mid-April", "late October 2023"."""
    month = _month(m["m"])
    if month is None:
        return None
    year = int(m["year"]) if m["year"] else published.year - (month > published.month)
    first, last = _whole_month(year, month)
    part = m.groupdict().get("part")
    if part is not None:
        days = {"early": (1, 10), "mid": (11, 20), "late": (21, last.day)}[part]
        return (first.replace(day=days[0]), first.replace(day=days[1])), "span"
    if m["ord"] in ("last", "final"):
        return (last - timedelta(days=6), last), "span"
    start = first + timedelta(days=7 * (_ORDINALS[m["ord"]] - 1))
    return (start, start + timedelta(days=6)), "span"


def _edge(m: re.Match[str], published: date) -> tuple[Span, str] | None:
    if m["unit"]:
        first, last = _calendar("this" if m["rel"] == "the" else m["rel"], m["unit"], published)
    elif m["m"]:
        month = _month(m["m"])
        if month is None:
            return None
        year = int(m["year"]) if m["year"] else published.year - (month > published.month)
        first, last = _whole_month(year, month)
    else:
        first, last = date(int(m["y"]), 1, 1), date(int(m["y"]), 12, 31)
    day = first if m["edge"] in ("start", "beginning") else last
    return (day, day), "day"


def _running_to(m: re.Match[str], published: date) -> tuple[Span, str] | None:
    """"the 12 months to June", "the year to March", "the week to Aug. 15"."""
    end = _point(m["rest"], published)
    count = _n(m["n"]) if m["n"] else 1
    if end is None or end[0][1] is None or count is None:
        return None
    last = end[0][1]
    unit = m["unit"].rstrip("s")
    if unit in ("month", "year", "quarter"):
        months = count * {"month": 1, "year": 12, "quarter": 3}[unit]
        first = add_months(last + timedelta(days=1), -months)
    else:
        first = last - timedelta(days=count * 7 - 1)
    return (first, last), "span"


# -------------------------------------------------------------------------- windows of two ends

_TWO_ENDS = re.compile(r"^(?:between|from) (?P<a>.+?) (?:and|to|through|thru|until|till|-|–) (?P<b>.+)$"
                       r"|^(?P<c>.+?) (?:through|thru|to|–|-|and) (?P<d>.+)$")
_SINCE = re.compile(r"^since (?:the )?(?P<x>.+)$")
_BY = re.compile(r"^(?:by|until|till|up to|through) (?:the end of )?(?P<x>.+)$")
_FROM = re.compile(r"^(?:from|starting|beginning) (?P<x>.+)$")
_HAS_YEAR = re.compile(r"(?:19|20)\d\d|\b(?:last|this|next) year\b")


def _both_ends(a: str, b: str, published: date) -> Reading | None:
    left, right = _point(a, published), _point(b, published)
    if left is None or right is None:
        return None
    (first, _), (_, last) = left[0], right[0]
    if first is None or last is None:
        return None
    if last < first and _WEEKDAY_RE.match(b):
        last += timedelta(days=7)  # "between Saturday and Friday": the Friday after
    if last < first and not _HAS_YEAR.search(b):
        shifted = _point(f"{b} {first.year}", published) if _month(b.split()[0]) else None
        last = shifted[0][1] if shifted else None
    if last is None or last < first:
        return None
    if not _HAS_YEAR.search(a) and _HAS_YEAR.search(b) and first.year != last.year:
        again = _point(f"{a} {last.year}", published) if _month(a.split()[0]) else None
        if again is not None and again[0][0] is not None and again[0][0] <= last:
            first = again[0][0]
    return Reading(first, last, "span")


def _by(text: str, published: date) -> Reading | None:
    """"by 2030", "by March", "by Tuesday": a deadline, so an end without a year is the next one."""
    point = _point(text, published)
    if point is None:
        return None if _ANCHOR.search(text) else NO_WINDOW
    last = point[0][1]
    if last is not None and last < published and not _HAS_YEAR.search(text):
        if _WEEKDAY_RE.match(text):
            last += timedelta(days=7)
        elif point[1] != "trailing":
            last = add_months(last, 12)
    return Reading(None, last, "open")


_AMOUNT = re.compile(r"^(?:[$€£]?[\d.,]+(?:bn|m|pc|%|k)?\s+)+")


def normal(phrase: str) -> str:
    text = phrase.lower().replace("’", "'").replace("'s", "").replace("—", "-")
    return _AMOUNT.sub("", re.sub(r"\s+", " ", text).strip(" ,;:"))


def quick_window(phrase: str, published: date) -> Reading | None:
    """The window of one expression (its preposition included: "since April 2023", "between May and June"),
    ``NO_WINDOW`` when it names none, None when only the library can tell."""
    text = normal(phrase)
    if m := _SINCE.match(text):
        point = (_point(_LEAD.sub("", m["x"]), published) or _point(m["x"], published)
                 or _library_shape(_LEAD.sub("", m["x"]), published))
        if point is None:
            return None if _ANCHOR.search(m["x"]) else NO_WINDOW
        first = point[0][0]
        if first is not None and re.match(r"(?:the )?mid[- ]", m["x"]):
            first = first.replace(day=15)  # "since mid-April": from the middle of the month
        return Reading(first, published, "since") if first is not None and first <= published else None
    if m := _BY.match(text):
        return _by(_LEAD.sub("", m["x"]), published)
    if m := _TWO_ENDS.match(text):
        a, b = (m["a"], m["b"]) if m["a"] else (m["c"], m["d"])
        both = _both_ends(_LEAD.sub("", a), _LEAD.sub("", b), published)
        if both is not None:
            return both
    if m := _FROM.match(text):
        point = _point(_LEAD.sub("", m["x"]), published)
        if point is None:
            return None if _ANCHOR.search(m["x"]) else NO_WINDOW
        return Reading(point[0][0], None, "open")
    bare = _LEAD.sub("", text)
    if _VAGUE.search(bare):
        return Reading(None, None, "span")
    point = _point(bare, published) or _library_shape(bare, published)
    if point is not None:
        (first, last), kind = point
        return Reading(first, last, kind)
    return None if _ANCHOR.search(bare) else NO_WINDOW


def kind_of(text: str, first: date | None, last: date | None, published: date) -> str:
    """The kind of a window the library resolved (see ``Reading``)."""
    lower = text.lower()
    if first is None and last is None:
        return "span"
    if first is None or last is None:
        return "open"
    if first == last or "overnight" in lower:
        return "day"
    if last == published and re.search(r"\b(?:since|so far|to date|earlier)\b", lower):
        return "since"
    if last == published and re.search(r"\b(?:past|last)\b", lower):
        return "trailing"
    return "span"
