"""Patterns of how news writes some money and number forms, for the quantity scanner (``quantities``):
price fractions, dots as thousands, British millions, bounds on the ends of a range, changes and the verbs
that make them, and the words that make a glued "m" a metre. Kept apart so that the scanner stays one
screenful of steps per question.
"""

from __future__ import annotations

import re

EIGHTHS = re.compile(r"-([1357])/([248])(?![\d/])")  # "-1/4", "-3/8": a price's fraction, US commodity style
DOT_THOUSANDS = re.compile(r"\d{1,3}\.\d{3}$")
# "1.2m barrels", "3m people": a glued "m" before a plural noun is millions (not "the 400m hurdles", "5m was")
MILLIONS_OF = re.compile(r"\s(?!(?:hurdles|relays|heats|finals|races|sprints|events|lengths|metres|meters|"
                         r"this|thus|plus|less|unless|was|has|does|goes|is|as|its|his|always|perhaps|across)\b)"
                         r"(?:[a-z]{2,}s|people|children|men|women)\b")
# a bound on an end of a range: "payouts range from under C$10 to more than C$200" (value 10, high 200)
RANGE_BOUNDS = (r"under|over|more\s+than|less\s+than|fewer\s+than|about|around|roughly|nearly|almost|"
                r"just\s+over|just\s+under|at\s+least|up\s+to|as\s+little\s+as|as\s+much\s+as|an\s+estimated")
RANGE_BOUND_SECOND = re.compile(rf"(?:{RANGE_BOUNDS})\s+(?=\S)", re.IGNORECASE)
# "raised the income level up to which no tax is payable from Rs 7 lakh to Rs 10 lakh": a verb that takes a
# long object before its "from" still makes a change (not when a range is named between: "cut ... a range")
CHANGE_VERBS_FAR = re.compile(
    r"\b(?:raise|raised|raises|raising|cut|cuts|cutting|increase|increased|increases|increasing|reduce|reduced|"
    r"reduces|reducing|lower|lowered|lowers|lowering|lift|lifted|lifts|lifting|hike|hiked|hikes|hiking|slash|"
    r"slashed|slashing|trim|trimmed|trimming|rise)\b(?:(?!\b(?:range|ranging|ranged|between|varies|vary|varying|aged)\b)[^.;:!?])*$",
    re.IGNORECASE)
# "the weekly pass goes from £30 to £33": "go" is a change only right before "from" (section 14, "Changes");
# "go to 500 people", "goes 5 to 10" stay as they are
CHANGE_GO_FROM = re.compile(r"\b(?:go|goes|going|gone)\s+(?:up\s+|down\s+)?$", re.IGNORECASE)
# "30,000 a month, down from an estimated 35,000 to 40,000": after a comma, "up/down from" names the earlier
# level of a comparison, and "X to Y" there is that level's range (not "prices went down from 5 to 4")
COMPARED_FROM = re.compile(r"(?:^|[,;(—–]\s*)(?:up|down)\s+$", re.IGNORECASE)
RANGED = re.compile(r"\b(?:range|ranges|ranged|ranging|vary|varies|varied|varying)\s+$", re.IGNORECASE)
# "1.8m tall": a glued "m" without a currency is a metre only where the words say it is a length
METRE_CONTEXT = re.compile(r"\s+(?:tall|long|high|deep|wide|away|below|above|thick|across|underground|"
                           r"underwater|in\s+(?:length|height|diameter|depth|width))\b", re.IGNORECASE)
# "cleared 1.97m", "a best of 86.40m": a glued "m" near a field event of athletics is a measured height or
# length (G-4), looked for in a bounded window around the figure
FIELD_EVENT = re.compile(r"\b(?:(?:high|long|triple)\s+jump|pole\s+vault|javelin|discus|hammer\s+throw|"
                         r"shot\s+put|cleared|leapt|leaped|vaulted|threw|hurled)\b", re.IGNORECASE)
FIELD_EVENT_BEFORE, FIELD_EVENT_AFTER = 150, 80
# a time in two or three units is one claim valued in the smallest ("12 minutes 58.31 seconds" → 778.31
# second, "2hr 4min" → 124 minute, "27 hours and 12 minutes")
TIME_PART_UNITS = {"hour": 3600.0, "hours": 3600.0, "hr": 3600.0, "hrs": 3600.0, "h": 3600.0,
                   "minute": 60.0, "minutes": 60.0, "min": 60.0, "mins": 60.0,
                   "second": 1.0, "seconds": 1.0, "sec": 1.0, "secs": 1.0, "s": 1.0}
TIME_PART = re.compile(r"\s*(?P<unit>hours?|hrs?|h|minutes?|mins?|min|seconds?|secs?|s)\b,?"
                       r"(?=\s*(?:and\s+)?\d{1,2}(?:\.\d+)?\s*(?:minutes?|mins?|min|seconds?|secs?|sec|s)\b)",
                       re.IGNORECASE)
TIME_NEXT = re.compile(r"\s*(?:and\s+)?(?P<n>\d{1,2}(?:\.\d+)?)\s*(?P<unit>minutes?|mins?|min|seconds?|secs?|"
                       r"sec|s)\b", re.IGNORECASE)
TIME_UNIT_NAMES = {3600.0: "hour", 60.0: "minute", 1.0: "second"}


def compound_time(text: str, end: int, value: float) -> tuple[float, str, int] | None:
    """The value in the smallest unit, that unit's name and where the time ends, when the figure ending at
    ``end`` starts a time in two or three units, each smaller than the one before; else None."""
    first = TIME_PART.match(text, end)
    if first is None:
        return None
    size = TIME_PART_UNITS[first.group("unit").lower()]
    total, at, parts = value * size, first.end(), 1
    while parts < 3 and (more := TIME_NEXT.match(text, at)) is not None:
        smaller = TIME_PART_UNITS[more.group("unit").lower()]
        if smaller >= size:
            break
        total, size, at, parts = total + float(more.group("n")) * smaller, smaller, more.end(), parts + 1
    if parts < 2:
        return None
    return round(total / size, 6), TIME_UNIT_NAMES[size], at


# "three and a half", "3 million and a quarter", "twenty and three fifths"
AND_WORD = re.compile(r"\s+and\s+((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+\w+)?|"
                      r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                      r"fifteen|sixteen|seventeen|eighteen|nineteen)\b", re.IGNORECASE)
SHARE_GROUPS = ("ratio", "half", "twice", "to_one")
# "4 thousand 3 hundred and 21", "6 crore and two hundred": figures and scale words one after the other
SHARE_FOLLOWS = re.compile(r"\s+of\b|\s*[.,;:)]|\s*$")  # "3/4 of voters", "by 1/4."
# a part of a whole: percent when nothing else is its unit
SHARES = ("fraction", "slash", "ratio", "half", "spelled_fraction")
# the present, the infinitive and the participles of a market report: "shares tumbling 41p to 178p", "rises
# from $88m to $103m" (not right after "by": "temperatures fall by 4 to 6 degrees" is a range of the change)
CHANGE_VERBS_MORE = re.compile(
    r"\b(?:rises?|increases|declines|falls?|drops?|climbs?|climbing|jumps?|jumping|tumbles?|tumbling|slips?|"
    r"slipping|eased|eases|easing|slid|slides|sliding|sank|sinks?|sinking|dipped|dips?|dipping|advanced|"
    r"advances|retreated|edged)\b[^.]{0,40}$", re.IGNORECASE)
# "Tanfield added 31p to 412p": verbs that are a change only right before the figure ("she added that 500 to
# 600 trucks were needed" is speech, "gained 2 to 3 seats" a range)
CHANGE_RIGHT_BEFORE = re.compile(r"\b(?:added|adds|adding|gained|gains|gaining|lost|losing|shed|sheds)\s+$",
                                 re.IGNORECASE)
# "between 4 and 4.5%, down from 5.5–6.5%", "up from a previous range of €270m to €300m": a range after all
RANGE_SAID = re.compile(r"\brange\s+of\s+$", re.IGNORECASE)
DASH_JOINT = re.compile(r"\s*[-–—]\s*(?!to\b)")
# "since October 7 to 40,074": a day of the month, then the figure it leads to
DAY_OF_MONTH_BEFORE = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+$", re.IGNORECASE)
CHANGE_TO = re.compile(r"\s+to\s+$", re.IGNORECASE)
CHANGE_VERBS = re.compile(
    r"\b(?:rose|risen|rising|increased?|increasing|grew|grown|growing|jumped|climbed|fell|fallen|falling|"
    r"dropped|decreased?|declined?|surged|soared|plunged|slipped|went|up|down|raised|cut|reduced|"
    r"shrank|shrunk|tumbled|slumped|rallied|widened|narrowed|"
    r"revised|changed?|moved)\b[^.]{0,40}$",
    re.IGNORECASE,
)
VULGAR = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6, "⅘": 0.8,
          "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}
VULGAR_CHARS = "".join(VULGAR)
FRACTION_DENOMINATORS = {2, 3, 4, 5, 6, 8, 10, 16, 20, 32, 40, 50, 64, 100}  # not "9/11"


def slash_fraction(text: str) -> float | None:
    """ "3/4" → 0.75, "2 1/2" → 2.5, "½" → 0.5; None for what is not a fraction of a whole ("9/11")."""
    whole, _, part = text.rpartition(" ")
    value = float(whole) if whole else 0.0
    if part[-1:] in VULGAR:
        return value + (float(part[:-1]) if part[:-1] else 0.0) + VULGAR[part[-1]]
    numerator, denominator = (int(n) for n in part.split("/"))
    if not 0 < numerator < denominator or denominator not in FRACTION_DENOMINATORS:
        return None
    return value + numerator / denominator
