"""Patterns of how news writes some money and number forms, for the quantity scanner (``quantities``):
price fractions, dots as thousands, British millions, bounds on the ends of a range and changes whose verb
stands far before them. Kept apart so that the scanner stays one screenful of steps per question.
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
                r"just\s+over|just\s+under|at\s+least|up\s+to|as\s+little\s+as|as\s+much\s+as")
RANGE_BOUND_SECOND = re.compile(rf"(?:{RANGE_BOUNDS})\s+(?=\S)", re.IGNORECASE)
# "raised the income level up to which no tax is payable from Rs 7 lakh to Rs 10 lakh": a verb that takes a
# long object before its "from" still makes a change (not when a range is named between: "cut ... a range")
CHANGE_VERBS_FAR = re.compile(
    r"\b(?:raised|raises|raising|cut|cuts|increased|increases|reduced|reduces|lowered|lowers|lifted|lifts|hiked|"
    r"slashed|trimmed)\b(?:(?!\b(?:range|ranging|ranged|between|varies|vary|varying)\b)[^.;:!?])*$",
    re.IGNORECASE)
RANGED = re.compile(r"\b(?:range|ranges|ranged|ranging|vary|varies|varied|varying)\s+$", re.IGNORECASE)
