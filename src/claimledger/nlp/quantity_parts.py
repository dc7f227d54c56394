"""The parts that grow a figure once it is found: a sign before it, an exponent, "and a half", scale
words ("2.5 million", "4 thousand 3 hundred"), and a part of a whole read as the percent it means.

``NumberParts`` is a half of ``QuantityScanner`` (``quantities``), as ``UnitReader`` is the other: the scanner
sets the tables these methods read.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from claimledger.nlp.quantity_units import UnitReader
from claimledger.normalize.numbers import (
    DENOMINATORS,
    parse_fraction,
    parse_number_words,
    parse_spelled_fraction,
    share_percent,
)

if TYPE_CHECKING:
    from claimledger.nlp.quantities import QuantityMention

PLURAL_PARTS = "|".join(sorted({d + "s" for d in DENOMINATORS if d != "half"} | {"halves"}))
SINGLE_PARTS = "|".join(sorted(DENOMINATORS))
NUMERATORS = "a|one|two|three|four|five|six|seven|eight|nine|ten"
SIGN_BEFORE = re.compile(r"(?:\b(?:minus|negative)\s+|(?:^|(?<=[\s(\[$€£¥<>=~]))[-\u2212]|^[-\u2212] )$",
                         re.IGNORECASE)  # "- 1 4/5" only where the text starts with it, not a dash in a list
PLUS_OR = re.compile(r"\bplus\s+or\s+$", re.IGNORECASE)
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
TIMES_TEN = re.compile(r"\s?[×x·*]\s?10(?:\^|\*\*)?(?P<exp>[-\u2212+]?\d{1,3}|[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})(?!\d)")
AND_A_PART = re.compile(rf"\s+and\s+(?P<part>(?:{NUMERATORS})[\s-]+(?:{PLURAL_PARTS}|{SINGLE_PARTS}))\b",
                        re.IGNORECASE)
OF_A_SCALE = re.compile(r"\s+of\s+an?\s+(thousand|million|billion|trillion)\b", re.IGNORECASE)
POWER = re.compile(r"\^(?P<sign>[-+]{0,2})(?P<exp>\d{1,3})(?!\d)")
MORE_SCALE = re.compile(r"(?:\s+and)?\s+(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
                        r"(hundred|thousand|lakh|million|crore|billion)\b", re.IGNORECASE)
AND_UNITS = re.compile(r"\s+and\s+(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)(?![\d.,])"
                       r"(?!\s+(?:hundred|thousand|million|billion)\b)", re.IGNORECASE)
DOZENS = re.compile(r"\s+(?:dozens|dozs|dzs?)\b", re.IGNORECASE)


class NumberParts(UnitReader):
    """What grows a figure after it is read (the scanner sets the tables: ``scales``, ``long_scale``, ...)."""

    of_a_measure: re.Pattern[str]
    part_units: dict[str, str]
    part_of_unit: re.Pattern[str]
    time_part: re.Pattern[str]
    time_part_after: re.Pattern[str]

    def _take_share(self, text: str, mention: QuantityMention, end: int) -> None:
        """A part of a whole is the percent it means (guide 14): "a third of the population" → 33.3 percent,
        "one in four" → 25; not a part of a unit ("three quarters of a mile") or of a scale (read before)."""
        if not 0 < abs(mention.value) < 1:
            return
        self._take_measure(text, mention, end)  # "one-half miles"
        part = self.part_of_unit.match(text, end) if mention.unit is None else None
        if part is not None:  # "a tenth of a point": 0.1 percentage point, not 10 percent (Q-6)
            mention.unit = self.part_units[re.sub(r"\s+", " ", part.group("unit").lower())]
            mention.unit_end = part.end()
            return
        if mention.unit is None and self.time_part.search(text, max(0, end - 12), end) \
                and self.time_part_after.match(text, end):
            mention.unit = "second"  # "three tenths slower": tenths of a second, a race margin (G-4)
            return
        of_a = self.of_a_measure.match(text, end) if mention.unit is None else None
        if of_a is not None:
            self._take_measure(text, mention, of_a.end())
            minor = self.forms.subunit(text, of_a.end()) if mention.unit is None else None
            if minor is not None:  # "a third of a cent": 0.0033 of the dollar, two significant figures
                mention.unit, mention.value = minor[0], float(f"{mention.value / 100:.2g}")
                mention.unit_end = minor[1]
        if mention.unit is not None:
            return
        mention.unit, mention.value = "percent", share_percent(mention.value)

    def _fraction_of_scale(self, text: str, mention: QuantityMention, written: str, end: int) -> int:
        """ "one billion and three quarters million": the part is of the scale written after it."""
        after = self.long_scale.match(text, end)
        whole, _, part = written.rpartition(" and ")
        if after is None or not whole:
            return end
        base = parse_number_words(whole, self.number_words, self.scales)
        share = parse_spelled_fraction(part, self.number_words, self.scales)
        scale = self.scales[after.group(1).lower()]
        if base is None or share is None or not scale < base:
            return end
        mention.value = base + share * scale
        return after.end()

    def _take_sign(self, text: str, mention: QuantityMention) -> None:
        """ "minus 260 degrees", "Stoxx 50 -1.3%": the figure is negative and its text starts at the sign."""
        sign = SIGN_BEFORE.search(text, max(0, mention.start - 9), mention.start)
        if sign and PLUS_OR.search(text, max(0, sign.start() - 9), sign.start()):
            return  # "plus or minus 40 percent": a margin, not a negative figure
        if sign and mention.value > 0:
            mention.value = -mention.value
            mention.start = sign.start()

    def _take_exponent(self, text: str, mention: QuantityMention, end: int) -> int:
        """ "1.99×10−30": one number in scientific notation, not three."""
        power = POWER.match(text, end) if not mention.spelled else None
        if power:  # "1.1^23", "2.5^-1": a power, written the way a calculator does
            power_of = int(power.group("exp")) * (-1 if power.group("sign").count("-") % 2 else 1)
            try:
                mention.value = math.copysign(abs(mention.value) ** power_of, mention.value)
            except (OverflowError, ZeroDivisionError):
                return end
            return power.end()
        times = TIMES_TEN.match(text, end) if not mention.spelled else None
        if not times:
            return end
        exponent = times.group("exp").translate(SUPERSCRIPTS).replace("\u2212", "-")
        mention.value = float(f"{mention.value!r}e{int(exponent)}")
        return times.end()

    def _take_half(self, text: str, mention: QuantityMention, end: int) -> int:
        """ "two and a half million", "3 million and a quarter", "a quarter of a million": the parts that grow
        the figure."""
        scale = 1.0
        if mention.num_end != end:
            return end
        if not mention.spelled and (after := self.long_scale.match(text, end)):
            scale = self.scales[after.group(1).lower()]
            mention.value *= scale
            end = self._more_scales(text, mention, after.end(), scale)
        part = AND_A_PART.match(text, end)
        fraction = parse_fraction(part.group("part")) if part else None
        if part and fraction is not None:
            if scale == 1.0 and mention.spelled:  # "one million and a half": the scale is in the words
                words = re.findall(r"[a-z]+", text[mention.num_start:end].lower())
                scale = max([self.scales[w] for w in words if self.scales.get(w, 0) >= 1000] or [1.0])
            end = part.end()
            smaller = self.long_scale.match(text, end) if scale > 1.0 else None
            if smaller and self.scales[smaller.group(1).lower()] < scale:  # "one billion and a half million"
                scale, end = self.scales[smaller.group(1).lower()], smaller.end()
            mention.value += fraction * scale
            if scale == 1.0 and (after := self.long_scale.match(text, end)):  # "two and a half million"
                mention.value *= self.scales[after.group(1).lower()]
                end = after.end()
        if mention.value < 1 and (whole := OF_A_SCALE.match(text, end) or self.long_scale.match(text, end)):
            mention.value *= self.scales[whole.group(1).lower()]
            end = whole.end()
        return end

    def _take_long_scale(self, text: str, mention: QuantityMention, end: int) -> int:
        if dozens := DOZENS.match(text, end):  # "3 dozens", "five dozs"
            mention.value *= 12
            return dozens.end()
        scale = self.long_scale.match(text, end)
        if scale and not mention.spelled:
            mention.value *= self.scales[scale.group(1).lower()]
            return self._more_scales(text, mention, scale.end(), self.scales[scale.group(1).lower()])
        return end

    def _more_scales(self, text: str, mention: QuantityMention, end: int, last: float) -> int:
        """ "4 thousand 3 hundred and 21": figures and scale words one after the other, each scale smaller."""
        while (more := MORE_SCALE.match(text, end)) and self.scales[more.group(2).lower()] < last:
            last = self.scales[more.group(2).lower()]
            written = more.group(1)
            count = int(written) if written.isdigit() else self.number_words[written.lower()]
            mention.value += count * last  # "4 thousand 3 hundred"
            end = more.end()
        units = AND_UNITS.match(text, end) if last == 100 else None
        added = units and (int(units.group(1)) if units.group(1).isdigit()
                           else parse_number_words(units.group(1), self.number_words, self.scales))
        if units and added:  # "3 hundred and 21", "3 hundred and one"
            mention.value += added
            end = units.end()
        return end
