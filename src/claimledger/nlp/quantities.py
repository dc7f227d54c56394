"""Find quantities in text: figures, amounts of money, percentages, ranges and their bounds.

A pure scanner over the plain text (no spaCy), driven by ``data/lexicons/quantities.toml``. It works
in two steps that read like a reporter writes: find the figure itself ("1,480", "1.2", "twenty",
"a dozen"), then grow it outwards with what belongs to it: a scale ("million", "bn"), a currency
("$", "UAH", "rubles"), a percent sign, a second figure of a range, and a bound in front ("over").
The counted noun is found later on the parse (``semantics``), where the grammar is known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from claimledger.nlp.lexicon import load_table, phrase_alternation
from claimledger.normalize.numbers import parse_digits, parse_number_words

DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SHORT_SCALES_NEED_CURRENCY = {"m", "k", "b"}
CHANGE_VERBS = re.compile(
    r"\b(?:rose|risen|rising|increased?|increasing|grew|grown|growing|jumped|climbed|fell|fallen|falling|"
    r"dropped|decreased?|declined?|surged|soared|plunged|slipped|went|up|down|raised|cut|reduced|"
    r"revised|changed?|moved)\b[^.]{0,40}$",
    re.IGNORECASE,
)


@dataclass(slots=True)
class QuantityMention:
    """One quantity as written, with its value and what the text says of its size."""

    start: int
    end: int
    text: str
    value: float
    high: float | None = None
    bound: str = "exact"
    unit: str | None = None  # ISO code, "percent", "percentage point"; else the counted noun, found later
    num_start: int = 0  # the figure itself, where the counted noun is looked for
    num_end: int = 0
    vague: bool = False  # "thousands of": recognised, reported only when asked
    spelled: bool = False  # written in words ("three", "a dozen")
    bound_cue: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "text": self.text, "span": [self.start, self.end], "value": self.value, "high": self.high,
            "bound": self.bound, "unit": self.unit, "vague": self.vague,
        }


class QuantityScanner:
    """Compiled once from the quantities lexicon; ``scan(text)`` is the hot path."""

    def __init__(self, table: dict) -> None:
        self.number_words: dict[str, float] = {k: float(v) for k, v in table["number_words"].items()}
        self.scales: dict[str, float] = {k: float(v) for k, v in table["scales"].items()}
        self.article_numbers = {k.lower(): float(v) for k, v in table["article_numbers"].items()}
        self.vague = {k.lower(): float(v) for k, v in table["vague"].items()}
        self.symbols = dict(table["currency_symbols"])
        self.currency_names = {k.lower(): v for k, v in table["currency_names"].items()}
        self.codes = set(table["currency_codes"]["codes"])
        self._compile(table)

    def _compile(self, table: dict) -> None:
        words = [w for w in self.number_words if w not in ("hundred", "dozen")]
        word = f"(?:{phrase_alternation(words)})"
        word_seq = rf"{word}(?:(?:\s+|-)(?:{word}|hundred|thousand|million|billion|dozen)|(?<=hundred)\s+and\s+{word})*"
        self.core = re.compile(
            rf"(?P<digits>(?<![\w.,\-/:]){'(?:' + DIGITS + ')'}(?:\s?(?:bn|mn|tn|bln|mln)|[mkb])?(?![\w/]|[.,]\d|:\d))"
            rf"|(?P<vague>\b(?:{phrase_alternation(list(self.vague))})\b)"
            rf"|(?P<article>\b(?:{phrase_alternation(list(self.article_numbers))})\b)"
            rf"|(?P<words>\b{word_seq}\b(?!-(?:year|month|week|day|hour|minute)))",
            re.IGNORECASE,
        )
        # The second figure of a range follows a hyphen, so it is read without the look-behind.
        self.range_second = re.compile(
            rf"(?:(?:{phrase_alternation(list(self.symbols))})\s?|(?:{'|'.join(sorted(self.codes))})\s)?"
            rf"(?P<digits>(?:{DIGITS})(?:\s?(?:bn|mn|tn|bln|mln)|[mkb])?(?![\w/]|[.,]\d|:\d))"
            rf"|(?P<words>\b{word_seq}\b)",
            re.IGNORECASE,
        )
        self.digit_parts = re.compile(rf"^({DIGITS})\s?(bn|mn|tn|bln|mln|m|k|b)?$", re.IGNORECASE)
        self.long_scale = re.compile(r"\s+(thousand|million|billion|trillion|crore|lakh)s?\b", re.IGNORECASE)
        symbols = phrase_alternation(list(self.symbols))
        codes = "|".join(sorted(self.codes))
        self.currency_before = re.compile(rf"(?:(?P<sym>{symbols})\s?|\b(?P<code>{codes})\s)$")
        names = []
        for name in self.currency_names:
            head, _, rest = name.partition(" ")
            if rest == "sterling":
                names += [name, f"{head}s sterling"]
            else:
                names += [name, name + "s", name + "es"]
        self.currency_after = re.compile(
            rf"(?:\s?(?P<code>{codes})\b|(?P<of>\s+of)?\s+(?P<name>{phrase_alternation(names)})\b)",
            re.IGNORECASE,
        )
        self.name_to_code = {n: self.currency_names[n] for n in self.currency_names}
        pct = table["percent"]
        self.percent_after = re.compile(
            rf"(?:\s?%|\s+(?P<points>{phrase_alternation(pct['points'])})\b|\s+(?:{phrase_alternation([w for w in pct['words'] if w != '%'])})\b)",
            re.IGNORECASE,
        )
        bounds = table["bounds"]
        self.bound_phrases = {p.lower(): kind for kind, phrases in bounds.items() for p in phrases}
        self.bound_before = re.compile(
            rf"(?:^|(?<=[\s(\"“'—–-]))(?P<cue>{phrase_alternation(list(self.bound_phrases))})(?:\s+|(?<=~)\s*)(?:of\s+)?$",
            re.IGNORECASE,
        )
        outside = table.get("bounds_outside", {})
        self.outside_kind = {p.lower(): kind for kind, phrases in outside.items() for p in phrases}
        self.bound_outside = re.compile(
            rf"\b(?P<cue>{phrase_alternation(list(self.outside_kind))})\s+$", re.IGNORECASE
        ) if self.outside_kind else None
        suffix = table["suffix_bounds"]
        self.suffix_kind = {p.lower(): kind for kind, phrases in suffix.items() for p in phrases}
        self.bound_after = re.compile(
            rf"(?:\+|\s+(?:{phrase_alternation([p for p in self.suffix_kind if p != '+'])})\b)", re.IGNORECASE
        )
        self.range_joint = re.compile(r"\s*(?:-|–|—|to)\s*", re.IGNORECASE)
        self.between_before = re.compile(r"\b(?P<cue>between|from)\s+$", re.IGNORECASE)
        self.and_joint = re.compile(r"\s+and\s+", re.IGNORECASE)

    # -- the figure itself -------------------------------------------------------------
    def _figure_value(
        self, match: re.Match[str], group: str | None = None
    ) -> tuple[float, str | None, bool] | None:
        """(value, short scale used, spelled) for a core match, or None if it is not a number."""
        group = group or match.lastgroup
        text = match.group(group or 0)
        if group == "digits":
            parts = self.digit_parts.match(text)
            if not parts:
                return None
            scale = parts.group(2)
            value = parse_digits(parts.group(1)) * (self.scales[scale.lower()] if scale else 1)
            return value, scale.lower() if scale else None, False
        if group == "vague":
            return self.vague[re.sub(r"\s+", " ", text.lower())], None, True
        if group == "article":
            return self.article_numbers[re.sub(r"\s+", " ", text.lower())], None, True
        words = dict(self.number_words)
        value = parse_number_words(text, words, self.scales)
        return (value, None, True) if value is not None else None

    def has_mention(self, text: str) -> bool:
        """Whether ``text`` holds anything that may be a figure (a text without one has no claims)."""
        return self.core.search(text) is not None

    def scan(self, text: str) -> list[QuantityMention]:
        mentions: list[QuantityMention] = []
        taken_until = 0
        for match in self.core.finditer(text):
            if match.start() < taken_until:
                continue
            mention = self._grow(text, match)
            if mention is not None:
                mentions.append(mention)
                taken_until = mention.end
        return mentions

    # -- growing a figure into a quantity ---------------------------------------------------
    def _grow(self, text: str, match: re.Match[str]) -> QuantityMention | None:
        figure = self._figure_value(match)
        if figure is None:
            return None
        value, short_scale, spelled = figure
        start, end = match.span()
        mention = QuantityMention(
            start=start, end=end, text="", value=value, num_start=start, num_end=end,
            vague=match.lastgroup == "vague", spelled=spelled,
        )
        if match.lastgroup == "vague":
            mention.bound = "at_least"
        end = self._take_long_scale(text, mention, end)
        end = self._take_currency_or_percent(text, mention, end)
        if short_scale in SHORT_SCALES_NEED_CURRENCY and mention.unit in (None, "percent"):
            return None  # "50m" without a currency is fifty metres, not fifty million
        end = self._take_range(text, mention, end)
        end = self._take_suffix_bound(text, mention, end)
        self._take_bound_before(text, mention)
        mention.end = end
        mention.text = text[mention.start:end]
        return mention

    def _take_long_scale(self, text: str, mention: QuantityMention, end: int) -> int:
        scale = self.long_scale.match(text, end)
        if scale and not mention.spelled:
            mention.value *= self.scales[scale.group(1).lower()]
            return scale.end()
        return end

    def _take_currency_or_percent(self, text: str, mention: QuantityMention, end: int) -> int:
        before = self.currency_before.search(text, max(0, mention.start - 6), mention.start)
        if before:
            mention.unit = self.symbols.get(before.group("sym") or "", None) or before.group("code")
            mention.start = before.start()
        after = self.currency_after.match(text, end)
        if after and after.group("name") and after.group("name").lower().startswith("pound") and text.startswith(" of", after.end()):
            after = None  # "500 pounds of explosives" is a weight
        if after and (after.group("of") is None or mention.vague or mention.spelled):
            if mention.unit is None:
                code = after.group("code")
                mention.unit = code or self._code_for_name(after.group("name"))
            return after.end()
        percent = self.percent_after.match(text, end)
        if percent and mention.unit is None:
            mention.unit = "percentage point" if percent.group("points") else "percent"
            if percent.group("points") and percent.group("points").lower() == "points":
                mention.unit = None  # "points" alone is a score or an index, not a share
                return end
            return percent.end()
        return end

    def _code_for_name(self, name: str) -> str:
        key = re.sub(r"\s+", " ", name.lower())
        if key in self.name_to_code:
            return self.name_to_code[key]
        for suffix in ("es", "s"):
            if key.endswith(suffix) and key[: -len(suffix)] in self.name_to_code:
                return self.name_to_code[key[: -len(suffix)]]
        return self.name_to_code[key.replace("s sterling", " sterling")]

    def _take_range(self, text: str, mention: QuantityMention, end: int) -> int:
        between = self.between_before.search(text, max(0, mention.start - 10), mention.start)
        if between:
            joint = self.and_joint.match(text, end) if between.group("cue").lower() == "between" else None
            joint = joint or self.range_joint.match(text, end)
            if between.group("cue").lower() == "from" and CHANGE_VERBS.search(text, max(0, between.start() - 60), between.start()):
                return end  # "rose from 500 to 700" is a change: two figures, not a range
        else:
            joint = self.range_joint.match(text, end)
            if joint and "to" in joint.group(0).lower() and CHANGE_VERBS.search(text, max(0, mention.start - 60), mention.start):
                return end  # "fell 5% to 10,000"
        if not joint:
            return end
        first_text = text[mention.num_start:mention.num_end]
        if first_text.isdigit() and len(first_text) == 4 and "to" in joint.group(0).lower():
            return end  # "since February 2022 to 512,420": a year, then the figure it leads to
        second = self.range_second.match(text, joint.end())
        if not second:
            return end
        figure = self._figure_value(second, group=second.lastgroup)
        if figure is None:
            return end
        high_as_written, short_scale, _ = figure
        probe = QuantityMention(start=second.start(), end=second.end(), text="", value=high_as_written)
        if second.start() != second.start(second.lastgroup):  # "$5 million and $7 million"
            prefix = text[second.start():second.start(second.lastgroup)].strip()
            probe.unit = self.symbols.get(prefix) or (prefix if prefix in self.codes else None)
        second_end = self._take_long_scale(text, probe, second.end())
        second_end = self._take_currency_or_percent(text, probe, second_end)
        if probe.unit is not None and mention.unit is not None and probe.unit != mention.unit:
            return end
        if short_scale in SHORT_SCALES_NEED_CURRENCY and (probe.unit or mention.unit) is None:
            return end
        high = probe.value
        scale_of_second = high / high_as_written if high_as_written else 1
        first_core = self.core.match(text, mention.num_start)
        first_raw = self._figure_value(first_core) if first_core else None
        first_unscaled = first_raw is not None and mention.value == first_raw[0]
        if scale_of_second > 1 and first_unscaled and mention.value * scale_of_second <= high:
            mention.value *= scale_of_second  # "1.5-2 million": the scale written once serves both ends
        if high <= mention.value:
            return end
        mention.high = high
        mention.unit = mention.unit or probe.unit
        mention.bound = "range"
        if between and between.group("cue").lower() == "between":
            mention.start = between.start()
        return second_end

    def _take_suffix_bound(self, text: str, mention: QuantityMention, end: int) -> int:
        suffix = self.bound_after.match(text, end)
        if suffix and mention.bound == "exact":
            cue = suffix.group(0).strip().lower()
            mention.bound = self.suffix_kind.get(cue, "at_least")
            mention.bound_cue = cue
            return suffix.end()
        return end

    def _take_bound_before(self, text: str, mention: QuantityMention) -> None:
        if mention.bound == "range":
            return
        before = self.bound_before.search(text, max(0, mention.start - 30), mention.start)
        if not before:
            outside = self.bound_outside and self.bound_outside.search(text, max(0, mention.start - 30),
                                                                       mention.start)
            if outside and mention.bound == "exact":  # "is estimated at 2.4 billion pesos": about
                cue = re.sub(r"\s+", " ", outside.group("cue").lower())
                mention.bound, mention.bound_cue = self.outside_kind[cue], cue
            return
        cue = re.sub(r"\s+", " ", before.group("cue").lower())
        mention.bound = self.bound_phrases[cue]
        mention.bound_cue = cue
        mention.start = before.start("cue")


@cache
def default_scanner() -> QuantityScanner:
    return QuantityScanner(load_table("quantities"))


def find_quantities(text: str) -> list[QuantityMention]:
    """Every quantity mention in ``text``, before deciding which are claims."""
    return default_scanner().scan(text)
