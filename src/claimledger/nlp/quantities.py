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

from claimledger.nlp.currency_letters import LetterGate, LetterPlaces
from claimledger.nlp.figurestarts import FigureStarts
from claimledger.nlp.lexicon import first_characters, load_table, phrase_alternation
from claimledger.nlp.quantity_forms import (
    AND_WORD,
    CHANGE_GO_FROM,
    CHANGE_RIGHT_BEFORE,
    CHANGE_TO,
    CHANGE_VERBS,
    CHANGE_VERBS_FAR,
    CHANGE_VERBS_MORE,
    COMPARED_FROM,
    DASH_JOINT,
    DAY_OF_MONTH_BEFORE,
    DOT_THOUSANDS,
    EIGHTHS,
    FIELD_EVENT,
    FIELD_EVENT_AFTER,
    FIELD_EVENT_BEFORE,
    METRE_CONTEXT,
    MILLIONS_OF,
    RANGE_BOUND_SECOND,
    RANGE_BOUNDS,
    RANGE_SAID,
    RANGED,
    SHARE_FOLLOWS,
    SHARE_GROUPS,
    SHARES,
    VULGAR_CHARS,
    compound_time,
    slash_fraction,
)
from claimledger.nlp.quantity_parts import NUMERATORS, PLURAL_PARTS, SINGLE_PARTS, NumberParts
from claimledger.normalize.numbers import (
    ORDINAL_PARTS,
    parse_digits,
    parse_fraction,
    parse_number_words,
    parse_spelled_fraction,
)

DIGITS = (
    r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"  # "12,34,567.89": South Asian grouping
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u202f\u00a0]\d{3})+(?:\.\d+)?"
    r"|\d{1,3}(?: \d{3}){2,}(?!\d)(?:\.\d+)?|\d{1,3} 000(?!\d)"  # "1 234 567", "40 000": grouped by spaces
    r"|\d{1,3}(?:\.\d{3}){2}(?!\d|\.\d)"  # "1.500.000": thousands grouped by dots (two groups: no IP)
    r"|\d{1,3},\d{1,2}(?![\d,])|\d+(?:\.\d+)?(?:e[-+]?\d+(?![\w.]))?|\.\d+"  # "2,4%" (G-9), "1.2e6", ".001"
)
# between the sides of a size: "30 by 20 by 10 centimetres", "4 x 3 metres", "2,800 × 1,260 pixels"
DIMENSION_BY = re.compile(r"\s+(?:by|x|×)\s+|\s?[x×]\s?")
DIMENSION_SIDES = 3  # a size has at most three sides
NOT_DIMENSIONS = frozenset({"percent", "percentage point", "basis point", "fold", "point", "ratio"})
SHORT_SCALES_NEED_CURRENCY = {"m", "t"}  # "10k", "1.2b" are thousands and billions; "50m" may be metres
# "two-thirds", "three quarters"; a singular part only where it cannot be an ordinal ("a third of", "by a
# third."; not "a third day")
# "cut by a third to 75 billion", "by almost a third": a change by a part, before a word that is not its noun
# (also with a bound between: "by around a fifth in", "by nearly a third between"; one look-behind a width)
_BY_BOUNDS = ("", "about ", "around ", "nearly ", "almost ", "roughly ", "some ", "over ", "under ",
              "more than ", "less than ", "just over ", "just under ", "close to ", "up to ", "as much as ",
              "at least ")
# what may follow a part that a change is by: a word that is not its noun or a stop; a closing quote only
# when the quote opens right before the part ("by “roughly a third” over"; not '"fallen by a third" since')
_AFTER_WORDS = (r"\s+(?:to|from|in|on|since|over|last|this|year|compared|after|as|and|but|while|with|against|"
                r"between|because|is|was)\b|\s*[.,;:)—–]|\s*$")
_AFTER_A_PART = rf"(?={_AFTER_WORDS})"
_AFTER_A_QUOTED_PART = rf"(?=[”\"](?:{_AFTER_WORDS}))"
# ("an increase of close to a third over three years": also after "of")


def _by_a(part: str) -> str:
    """A part after "by" or "of" and a bound ("cut by about a third to"), also inside quotes that open right
    before it ("improves by “roughly a third” over")."""
    plain = "|".join(rf"(?<=\b{by}\s{bound})" for by in ("by", "of") for bound in _BY_BOUNDS)
    quoted = "|".join(rf"(?<=\b{by}\s{q}{bound})" for by in ("by", "of") for q in ("“", '"')
                      for bound in _BY_BOUNDS)
    return rf"(?:(?:{plain}){part}{_AFTER_A_PART}|(?:{quoted}){part}{_AFTER_A_QUOTED_PART})"


_BY_A_PART = _by_a(r"(?:a|one)[\s-]+(?:" + SINGLE_PARTS + r")")
_BY_HALF = _by_a("half")  # "cut rainfall by as much as half.", "an increase of about half"
# "a third higher than", "about a quarter below": a part of a whole compared, before a comparative
_COMPARED = (r"higher|lower|more|less|below|above|bigger|smaller|larger|cheaper|dearer|fewer|funded|short|"
             r"worse|better")
FRACTION = (
    rf"(?:{NUMERATORS})[\s-]+(?:{PLURAL_PARTS})"
    rf"|(?:a|one)[\s-]+(?:{SINGLE_PARTS})(?=\s+(?:of|last|this|since|{_COMPARED})\b|\s*[.,;:)]|\s*$)"
    rf"|one-(?:{SINGLE_PARTS})|{_BY_A_PART}"
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
    unit_end: int = 0  # where a unit of measure named after the figure ends ("6.1-inch", "570 sq m")
    per: str | None = None  # a rate's second unit: "month" in "$14.95 a month"
    role: str | None = None  # a change's ends: "from", "to" ("fell from $36,040 to $34,935")

    @property
    def full_unit(self) -> str | None:
        """The unit with its rate: "USD per month" for "$14.95 a month"."""
        if self.unit and self.per and " per " not in self.unit:
            return f"{self.unit} per {self.per}"
        return self.unit

    def as_dict(self) -> dict[str, object]:
        return {
            "text": self.text, "span": [self.start, self.end], "value": self.value, "high": self.high,
            "bound": self.bound, "unit": self.full_unit, "vague": self.vague, "role": self.role,
        }


class QuantityScanner(NumberParts):
    """Compiled once from the quantities lexicon; ``scan(text)`` is the hot path. What follows a figure
    (currency, percent, unit of measure, rate) is read by ``UnitReader`` (``quantity_units``); the parts that
    grow a figure (sign, exponent, scales, "and a half", shares) by ``NumberParts`` (``quantity_parts``)."""

    def __init__(self, table: dict) -> None:
        self.number_words: dict[str, float] = {k: float(v) for k, v in table["number_words"].items()}
        self.scales: dict[str, float] = {k: float(v) for k, v in table["scales"].items()}
        self.article_numbers = {k.lower(): float(v) for k, v in table["article_numbers"].items()}
        self.vague = {k.lower(): float(v) for k, v in table["vague"].items()}
        self.symbols = dict(table["currency_symbols"])
        self.currency_names = {k.lower(): v for k, v in table["currency_names"].items()}
        self.codes = set(table["currency_codes"]["codes"])
        self.letter_places = LetterPlaces.from_table(table)  # "N70,000" in a story set in Nigeria
        for letter, currencies in table.get("currency_letters", {}).items():
            self.symbols.setdefault(letter, next(iter(currencies)))
        self._add_iso_currencies(load_table("currencies"))
        self._compile(table)

    def _compile(self, table: dict) -> None:
        words = [w for w in self.number_words if w not in ("hundred", "dozen")]
        word = f"(?:{phrase_alternation(words)})"
        first = first_characters(words)  # an implied look-ahead: fails at once where no number word begins
        starts_word, starts_number = (f"(?={first})", rf"(?=\d|{first})") if first else ("", "")
        after_scale = "|".join(f"(?<={s})" for s in ("hundred", "thousand", "million", "billion", "trillion"))
        any_part = "|".join(sorted({*ORDINAL_PARTS, *(p + "s" for p in ORDINAL_PARTS), "halves"}))
        word_seq = (rf"{word}(?:(?:\s+|-)(?:{word}|hundred|thousand|million|billion|trillion|dozen)"
                    rf"|(?:{after_scale})\s+and\s+{word}(?![\s-]+(?:{any_part})\b)"  # "thousand and two"
                    rf"|(?<=ty)\s-\s(?:one|two|three|four|five|six|seven|eight|nine)\b)*"  # "fifty - two"
                    rf"(?:\s+point(?:\s+{word}(?:-{word})?)+)?")  # "two hundred point seventy-one"
        parts = sorted({p + "s" for p in ORDINAL_PARTS if p != "half"} | {"halves"})
        # "twenty-three fifths", "a trillionth", "one hundred and three quarters": a spelled fraction
        tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
        compound = rf"(?:{tens})[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
        singular, scale_words = "|".join(sorted(ORDINAL_PARTS)), "hundred|thousand|million|billion|trillion"
        a_scale = rf"an?\s+(?:{scale_words})(?:\s+(?:{scale_words}))*"  # "a hundred thousand trillionths"
        spelled_fraction = (rf"(?:(?:{a_scale}|{word_seq})(?:\s+and\s+(?:an?|{word}(?:[\s-]+{word})*))?|an?)"
                            rf"[\s-]+(?:{compound}s|{'|'.join(parts)})\b"
                            rf"|(?:(?:{a_scale}|{word_seq})\s+and\s+)?(?:an?|one)[\s-]+(?:{compound}|{singular})\b"
                            rf"(?=\s*[.,;:)?!]|\s*$|\s+of\b)")
        glued, per = self._compile_units(table, word)
        shares, multiples = table["shares"], table["multiples"]
        not_time = rf"(?!\s+(?:{phrase_alternation(shares['ratio_not_before'])})\b)"
        shares_pattern = (  # "one in four", "1 in 1,250", "half of them", "twice as likely"
            rf"(?P<ratio>\b(?<![\d.,]){starts_number}(?:\d{{1,3}}|{word})(?:\s+(?:in|out\s+of)\s+(?:every\s+)?|-in-|\s+[a-z]+\s+in\s+every\s+)"
            rf"(?!(?:19|20)\d\d\b)(?:{DIGITS}|{word_seq})\b(?![.,]\d){not_time}"
            rf"|\b(?<![\d.,]){starts_number}(?:\d{{1,4}}|{word})\s+over\s+(?:{DIGITS}|{word_seq})(?=\s*[.?!]?\s*$))"
            rf"|(?P<half>\bhalf(?=[”’\"]?\s+(?:{phrase_alternation(shares['half_before'])})\b)|{_BY_HALF})"
            rf"|(?P<twice>\btwice(?=\s+(?:as|the)\b))"
            # a ratio of two counts is a multiple (guide 14): "outnumbered women by nearly two to one"
            rf"|(?P<to_one>(?<!\bfrom\s)\b(?!one\b){starts_number}(?:\d{{1,2}}|{word})\s+to\s+one\b(?![\s-]+of\b))|"
        )
        self.half_not_after = re.compile(rf"\b(?:{phrase_alternation(shares['half_not_after'])})\s+$",
                                         re.IGNORECASE)
        self.times_after = re.compile(  # also before a possessive: "400,000 times Earth's", "ten times its"
            rf"\s+times(?=\s+(?:{phrase_alternation(multiples['times_before'])})\b"
            r"|\s+(?:the\s+)?[A-Za-z][\w-]*['’]s?(?!\w))", re.IGNORECASE)
        self.times_any = re.compile(r"\s+times\b", re.IGNORECASE)  # "2.9 times": no fraction of an occasion
        self.times_range = re.compile(  # "two to three times higher", "“three to four times” the figure"
            rf"\s+times[”’\"]?(?=\s+(?:{phrase_alternation(multiples['times_before'])})\b"
            r"|\s+(?:the\s+)?[A-Za-z][\w-]*['’]s?(?!\w))", re.IGNORECASE)
        standards = {k.lower(): v for k, v in multiples["standards"].items()}
        named = phrase_alternation(list(standards)).replace("'", "['’]")  # either apostrophe
        self.times_standard = re.compile(  # "1.31 times the mass of the Sun": solar mass
            rf"\s+times\s+(?P<std>{named})(?!\w)", re.IGNORECASE)
        self.standards = standards
        self.of_a_measure = re.compile(r"\s+of\s+an?(?=\s)", re.IGNORECASE)  # "three quarters of a mile"
        self.part_units = {k.lower(): v for k, v in shares["part_of_unit"].items()}
        self.part_of_unit = re.compile(  # "a tenth of a point", "a hundredth of a second" (Q-6, G-4)
            rf"\s+of\s+an?\s+(?P<unit>{phrase_alternation(list(shares['part_of_unit']))})\b", re.IGNORECASE)
        self.time_part = re.compile(rf"\b(?:{phrase_alternation(shares['time_parts'])})$", re.IGNORECASE)
        self.time_part_after = re.compile(
            rf"\s+(?:{phrase_alternation(shares['time_parts_after'])})\b", re.IGNORECASE)
        starts_spelled = first_characters([*words, "a", "one"])  # both alternatives behind the boundary
        spelled = rf"|(?P<spelled_fraction>\b(?={starts_spelled})(?:{spelled_fraction}))"
        plain = (
            r"(?P<clock>(?<![\w:.,])(?:\d{1,2}:[0-5]\d:[0-5]\d(?:\.\d{1,3})?|\d{1,2}:[0-5]\d\.\d{1,3})(?![\w:]|[.,]\d))|"
            rf"(?P<fraction>\b(?={first_characters(NUMERATORS.split('|'))}){FRACTION}\b){spelled}"
            rf"|(?P<fold>\b(?=[\w-]{{2,16}}fold\b)(?:{word}|\d+)-?fold\b"
            rf"|\b\d{{1,3}}(?:\.\d{{1,2}})?x\b)"  # "5x optical zoom"
            rf"|(?P<slash>(?=[\d{VULGAR_CHARS}])(?:(?<![\w/.,\-])|(?<=(?<![\w.,])-))(?:\d{{1,3}}\s{{1,2}})?(?:\d{{1,2}}/\d{{1,3}}|\d{{0,3}}[{VULGAR_CHARS}])(?![\w/]|[.,]\d))"
            rf"|(?P<digits>(?=\.?\d){self._digits_lookbehind()}{'(?:' + DIGITS + ')'}"
            rf"(?:\s?(?:bn|mn|tn|trn|bln|mln|tln)|(?:[mkb]|mil|(?-i:T|MM))(?![a-z]))?"
            rf"(?:(?![\w/]|[.,]\d|:\d)|(?={glued})|(?=\s?[x×]\s?10\^?[-+]?\d)|(?=/\s?(?:{per})\b)"
            rf"|(?=(?:thousand|million|billion|trillion)s?\b)))"  # "£45million"
            rf"|(?P<vague>\b(?:{phrase_alternation(list(self.vague))})\b)"
            rf"|(?P<half_a>\bhalf an?(?=\s+(?:{phrase_alternation(table['half_of_a_unit']['units'])})s?\b))"
            rf"|(?P<article>\b(?:{phrase_alternation(list(self.article_numbers))})\b)"
            rf"|(?P<words>\b{starts_word}{word_seq}\b(?!-(?:year|month|week|day|hour|minute)))"
            rf"|(?P<one>\ban?(?=\s+[a-z]))"  # "a gallon", "a penny": one of a unit, kept with the vague
        )
        clock = table["clock_times"]
        not_after = phrase_alternation(clock["not_after"])
        self.clock_not_after = re.compile(rf"\b(?:{not_after})\s+$", re.IGNORECASE)
        self.clock_not_before = re.compile(rf"\s*(?-i:{phrase_alternation(clock['not_before'])})(?!\w)")
        self.core = re.compile(shares_pattern + plain, re.IGNORECASE)
        self.starts = FigureStarts([*self.number_words, *self.vague, *self.article_numbers], VULGAR_CHARS)
        # Spelled fractions are rare and costly to look for at every word: only in a text that names a part
        self.names_a_part = re.compile(rf"\b(?:{compound}s|{'|'.join(parts)})\b|\b(?:an?|one)[\s-]+"
                                       rf"(?:{compound}|{singular})\b", re.IGNORECASE)
        self.core_lean = re.compile(shares_pattern + plain.replace(spelled, ""), re.IGNORECASE)
        self.core_plain = re.compile(plain, re.IGNORECASE)  # where a share turned out not to be one
        self.one_word = re.compile(rf"(?P<words>\b{word}\b)", re.IGNORECASE)
        # The second figure of a range follows a hyphen, so it is read without the look-behind.
        self.range_second = re.compile(
            rf"(?:(?:{phrase_alternation(list(self.symbols))})\s?|(?:{'|'.join(sorted(self.codes))})\s)?"
            rf"(?P<neg>[-\u2212]|minus\s+)?(?P<digits>(?:{DIGITS})(?:\s?(?:bn|mn|tn|trn|bln|mln)|[mkb](?![a-z]))?"
            rf"(?:(?![\w/]|[.,]\d|:\d)|(?={glued})))"  # "between 1pc and 3pc"
            rf"|(?P<words>\b{word_seq}\b)",
            re.IGNORECASE,
        )
        self.digit_parts = re.compile(rf"^({DIGITS})\s?(bn|mn|tn|trn|bln|mln|tln|mil|mm|m|k|b|t)?$",
                                      re.IGNORECASE)
        self.long_scale = re.compile(  # "1.2 million", "$4.27-billion", "£45million"
            r"(?:\s+|-|(?<=\d))(hundred|thousand|million|billion|trillion|crore|lakh|millionen|milliarden?|milliard"
            r"|mio|mrd|(?-i:Md)(?=\s?€))s?\b(?:(?<=mio|mrd)\.(?!\d))?",
            re.IGNORECASE)  # "3,5 Millionen Euro", "2 Mrd.", "4 Md€" (G-9)
        bounds = table["bounds"]
        self.bound_phrases = {p.lower(): kind for kind, phrases in bounds.items() for p in phrases}
        self.bound_before = re.compile(
            rf"(?:^|(?<=[\s(\"“'—–-]))(?P<cue>{phrase_alternation(list(self.bound_phrases))})(?:\s+|(?<=~)\s*)(?:(?:of|a)\s+)?$",
            re.IGNORECASE,
        )
        negated = table.get("bounds_negated", {})
        self.negated_before = re.compile(negated.get("before", "(?!)"), re.IGNORECASE)
        self.negated_cues = frozenset(c.lower() for c in negated.get("turned", ()))
        self.bound_verbs = {cue.lower(): re.compile(rf"\b(?:{phrase_alternation(verbs)})\s+$", re.IGNORECASE)
                            for cue, verbs in table.get("bounds_not_after", {}).items()}
        outside = table.get("bounds_outside", {})
        self.outside_kind = {p.lower(): kind for kind, phrases in outside.items() for p in phrases}
        self.outside_not_before = {  # "passed 412 kilometres above": a place, not a bound
            cue.lower(): re.compile(rf"(?:\s*\([^()]{{0,40}}\))?\s*(?:{phrase_alternation(words)})\b",
                                    re.IGNORECASE)
            for cue, words in table.get("bounds_outside_not_before", {}).items()}
        self.bound_outside = re.compile(
            rf"\b(?P<cue>{phrase_alternation(list(self.outside_kind))})\s+$", re.IGNORECASE
        ) if self.outside_kind else None
        suffix = table["suffix_bounds"]
        self.suffix_kind = {p.lower(): kind for kind, phrases in suffix.items() for p in phrases}
        # "-odd" is written onto the figure: "the 38,000-odd crowd"
        glued_bounds = "".join(re.escape(p) + r"\b|" for p in self.suffix_kind if p[:1] == "-")
        spaced = [p for p in self.suffix_kind if p != "+" and p[:1] != "-"]
        self.bound_after = re.compile(
            rf"(?:\+|{glued_bounds}\s+(?:{phrase_alternation(spaced)})\b)", re.IGNORECASE)
        self.range_joint = re.compile(  # "8- to 16-metre", "30 or 40"
            r"\s*(?:-\s*(?:to\s+)?|–|—|to|(?<=\s)or(?=\s))\s*", re.IGNORECASE)
        self.between_before = re.compile(rf"\b(?P<cue>between|from)\s+(?P<bound>(?:{RANGE_BOUNDS})\s+)?$",
                                         re.IGNORECASE)  # "from under C$10 to more than C$200": a range
        self.and_joint = re.compile(r"\s+and\s+", re.IGNORECASE)

    def _digits_lookbehind(self) -> str:
        """Not inside a word or another figure; but right after a sign ("-1.3%", "minus 5" is read in _grow)
        or a currency written without a space ("USD10m", "Rs500", "HK$5")."""
        glued_before = sorted(self.codes | {s for s in self.symbols if s[-1:].isalpha() or s[-1:] == "."},
                              key=len)  # "Rs.500"
        by_length: dict[int, list[str]] = {}
        for prefix in glued_before:
            by_length.setdefault(len(prefix), []).append(re.escape(prefix))
        after_prefix = "|".join(f"(?<=(?-i:{'|'.join(group)}))" for group in by_length.values())
        # "US66.31¢", "US59.45c": the US mark glued to an amount in cents (G-1), read with the cents
        us_cents = r"(?<=(?<![\w.])(?-i:US))(?=\d{1,3}(?:\.\d+)?(?-i:¢|c)(?![\w/]))"
        return rf"(?:(?<![\w.,/:\-\u2212])|(?<=(?<![\w.,])[-\u2212])|(?:{after_prefix})(?=\d)|{us_cents})"

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
            short = scale if scale == "M" else scale.lower() if scale else None  # "10M": million, not metres
            return value, short, False
        if group == "vague":
            return self.vague[re.sub(r"\s+", " ", text.lower())], None, True
        if group == "clock":  # a measured time: "3:34.07" minutes and seconds, "2:05:38" hours too
            seconds = sum(float(p) * 60 ** i for i, p in enumerate(reversed(text.split(":"))))
            return float(seconds), None, False
        if group == "half_a":  # "half a percentage point"
            return 0.5, None, True
        if group == "article":
            return self.article_numbers[re.sub(r"\s+", " ", text.lower())], None, True
        if group == "fraction":
            fraction = parse_fraction(text)
            return (fraction, None, True) if fraction is not None else None
        if group == "one":
            return 1.0, None, True
        if group == "half":
            return 0.5, None, True
        if group == "twice":
            return 2.0, None, True
        if group == "ratio":
            return self._ratio_value(text)
        if group == "spelled_fraction":
            part = parse_spelled_fraction(text, self.number_words, self.scales)
            return (part, None, True) if part is not None else None
        if group == "slash":
            share = slash_fraction(text)
            return (share, None, False) if share is not None else None
        if group == "fold":
            times = text.lower().removesuffix("fold").rstrip("-") if text[-1:] != "x" else text[:-1]
            digits = times[:1].isdigit()
            folds = float(times) if digits else parse_number_words(times, self.number_words, self.scales)
            return (folds, None, not digits) if folds is not None else None
        if group == "to_one":
            first = re.split(r"\s+to\s+", text, maxsplit=1, flags=re.IGNORECASE)[0]
            digits = first[:1].isdigit()
            folds = parse_digits(first) if digits else parse_number_words(first, self.number_words,
                                                                          self.scales)
            return (folds, None, not digits) if folds is not None else None
        words = dict(self.number_words)
        spelled = parse_number_words(text, words, self.scales)
        return (spelled, None, True) if spelled is not None else None

    def _ratio_value(self, text: str) -> tuple[float, str | None, bool] | None:
        """ "one in four" → 0.25, "1 in 1,250" → 0.0008; None unless the first is the smaller."""
        first, second = RATIO_JOINT.split(text, maxsplit=1)
        values = [parse_digits(part) if part[:1].isdigit()
                  else parse_number_words(part, self.number_words, self.scales) for part in (first, second)]
        over = re.search(r"\sover\s", text, re.IGNORECASE) is not None  # "2000 over 3" is a quotient
        if values[0] is None or values[1] is None or not (0 < values[0] and (over or values[0] < values[1])):
            return None
        return values[0] / values[1], None, not first[:1].isdigit()

    def has_mention(self, text: str) -> bool:  # anything that may be a figure? (without, no claims)
        return self.starts.search(text)(self.core) is not None

    def scan(self, text: str, outlet: str = "") -> list[QuantityMention]:
        """The figures of ``text``; ``outlet`` ("Cape Consumer Watch (Cape Town)") says where a story is set
        when its text names no place (guide G-1: the outlet's city), for the letters of [currency_letters]."""
        mentions: list[QuantityMention] = []
        taken_until = pos = 0
        core = self.core if self.names_a_part.search(text) else self.core_lean
        gate = LetterGate(self.letter_places, text, outlet)  # where the story is set, looked up when asked
        search = self.starts.search(text)  # search(core, pos) is core.search(text, pos), only faster
        while (match := search(core, pos)) is not None:
            pos = match.end()
            if match.start() < taken_until:
                continue
            mention = self._grow(text, match, gate)
            if mention is None and match.lastgroup in SHARE_GROUPS:  # "five in 3 cities": read it plainly
                plain = self.core_plain.match(text, match.start())
                mention = self._grow(text, plain, gate) if plain is not None else None
                pos = plain.end() if plain is not None else match.start() + 1
            elif mention is None and match.lastgroup == "words":  # "three-nought-four": one word at a time
                single = self.one_word.match(text, match.start())
                mention = self._grow(text, single, gate) if single is not None else None
                pos = single.end() if single is not None else pos
            if mention is not None:
                previous = mentions[-1] if mentions else None
                between = text[previous.end:mention.start] if previous is not None else ""
                if previous is not None and previous.role == "from" and CHANGE_TO.match(between):
                    mention.role = "to"  # "fell from $36,040 to $34,935": the value it changed to
                    if previous.unit == mention.unit and previous.per is None:
                        previous.per = mention.per  # "from £38 to £44 a match": both are per match
                    elif previous.unit == mention.unit and mention.per is None and previous.per is not None \
                            and " per " not in previous.per:
                        mention.per = previous.per  # "termly fees from ₦45,000 to ₦100,000": both per term
                    elif previous.unit is None and mention.unit is not None and not previous.vague:
                        previous.unit, previous.per = mention.unit, mention.per  # "from 10 to 80 per cent"
                self._carry_rate(text, mentions, mention)  # "rents of $2,100 and $2,450 a month"
                self._carry_dimensions(text, mentions, mention)  # "30 by 20 by 10 centimetres"
                mentions.append(mention)
                taken_until = max(mention.end, mention.unit_end)
                second = _poll_split(text, mention)
                if second is not None:  # O-14: "leads 52-48 in the poll" is two shares
                    mentions.append(second)
                    taken_until = pos = second.end
        return mentions

    def _carry_dimensions(self, text: str, mentions: list[QuantityMention], mention: QuantityMention) -> None:
        """The measure written after the last of the sides of a size is the measure of each side (G-7):
        "30 by 20 by 10 centimetres", "2,800 by 1,260 pixels", "4 x 3 metres"."""
        if mention.unit is None or mention.per is not None or mention.unit in self.codes \
                or mention.unit in NOT_DIMENSIONS:
            return
        following = mention
        for side in reversed(mentions[-(DIMENSION_SIDES - 1):]):
            if side.unit is not None or side.vague \
                    or not DIMENSION_BY.fullmatch(text, side.end, following.start):
                return
            side.unit, following = mention.unit, side

    # -- growing a figure into a quantity ---------------------------------------------------
    def _grow(self, text: str, match: re.Match[str],
              gate: LetterGate | None = None) -> QuantityMention | None:
        figure = self._figure_value(match)
        if figure is None:
            return None
        value, short_scale, spelled = figure
        start, end = match.span()
        mention = QuantityMention(
            start=start, end=end, text="", value=value, num_start=start, num_end=end,
            vague=match.lastgroup == "vague", spelled=spelled,
        )
        mention.bound = "at_least" if match.lastgroup == "vague" else mention.bound
        if match.lastgroup == "one":
            return self._one_of_a_unit(text, mention)
        if match.lastgroup == "clock":
            return self._clock_time(text, mention)
        if match.lastgroup == "article" and (more := AND_WORD.match(text, end)):  # "a hundred and two"
            mention.value += parse_number_words(more.group(1), self.number_words, self.scales) or 0
            end = mention.num_end = more.end()
        if match.lastgroup == "spelled_fraction":
            end = mention.num_end = self._fraction_of_scale(text, mention, match.group(0), end)
        if match.lastgroup == "half" and self.half_not_after.search(text, max(0, start - 12), start):
            return None  # "the first half of the year"
        if match.lastgroup == "ratio" and DAY_OF_MONTH_BEFORE.search(text, max(0, start - 12), start):
            return None  # "on sale Sept. 27 in 38 countries": a day, not one in so many
        if match.lastgroup in ("fold", "twice", "to_one"):
            mention.unit = "fold"  # "grew more than sixfold", "twice as likely": a multiple
        if not mention.vague and (time := compound_time(text, end, value)) is not None:
            mention.value, mention.unit, end = time  # "12 minutes 58.31 seconds": one time (Q-4)
            mention.unit_end = end
            end = self._take_rate(text, mention, end)  # "2 minutes 58.6 seconds per kilometre"
            self._take_bound_before(text, mention)
            mention.end, mention.text = end, text[mention.start:end]
            return mention
        self._take_sign(text, mention)
        end = self._take_exponent(text, mention, end)
        if match.lastgroup == "digits" and (eighths := EIGHTHS.match(text, end)) and short_scale is None:
            # "31-3/4 cents", "1-1/2 inches"; "$6.43-1/4" is 643 and a quarter cents: a part of the last digit
            decimals = len(text[start:end].rpartition(".")[2]) if "." in text[start:end] else 0
            part = int(eighths.group(1)) / int(eighths.group(2)) / 10 ** decimals
            mention.value += part if mention.value >= 0 else -part
            end = mention.num_end = eighths.end()
        end = self._take_half(text, mention, end)
        end = self._take_long_scale(text, mention, end)
        if match.lastgroup != "ratio":  # "one in five euros of its sales" is a share: 20 percent
            end = self._take_currency_or_percent(text, mention, end, gate)
        if mention.start == start and text[start - 1:start].isalpha():
            return None  # "an R5 rifle", "N95 masks" in a story set elsewhere: letters of a name, not money
        if start - mention.start == 1 and text[mention.start] in self.letter_places.letters \
                and self.calibre_after.match(text, end):
            return None  # "two R5 rifles" in a South African story: a model's name
        if mention.unit == "IDR" and DOT_THOUSANDS.match(text, start, end) and mention.value < 1000:
            mention.value *= 1000  # "Rp15.000": the rupiah's thousands are dots
        if short_scale == "m" and mention.unit is None and (METRE_CONTEXT.match(text, end) or (
                not MILLIONS_OF.match(text, end) and FIELD_EVENT.search(
                    text, max(0, start - FIELD_EVENT_BEFORE), min(len(text), end + FIELD_EVENT_AFTER)))):
            mention.value /= self.scales["m"]
            mention.unit, mention.unit_end = "metre", end  # "1.8m tall"
            end = match.end() - 1
        elif short_scale == "m" and mention.unit is None and MILLIONS_OF.match(text, end):
            pass  # "1.2m barrels", "3m people": millions of a plural noun (British usage)
        elif short_scale in SHORT_SCALES_NEED_CURRENCY and mention.unit in (None, "percent"):
            return None  # "50m" without a currency is fifty metres, not fifty million
        if mention.unit is None and (times := self.times_standard.match(text, end)):
            mention.unit = self.standards[re.sub(r"\s+", " ", times.group("std").lower()).replace("’", "'")]
            mention.unit_end = times.end()  # "1.31 times the mass of the Sun": 1.31 solar mass
        decimal = "." in text[mention.num_start:end]
        if mention.unit is None and (times := self.times_after.match(text, end)
                                     or (self.times_any.match(text, end) if decimal else None)):
            mention.unit, mention.unit_end = "fold", times.end()  # "1,000 times greater", "2.9 times"
        if mention.unit is None and match.lastgroup in SHARES and (
                match.lastgroup != "slash" or SHARE_FOLLOWS.match(text, end)):  # not "¾ cup of flour"
            self._take_share(text, mention, end)
        if mention.unit is None:
            end = self._take_measure(text, mention, end)
            if mention.unit in self.calibre_units and self.calibre_after.match(text, mention.unit_end):
                return None  # "155mm shells", "a 9mm pistol": a calibre, part of the weapon's name
        end = self._take_rate(text, mention, end)
        end = self._take_range(text, mention, end, gate)
        if mention.unit is None and mention.bound == "range" and (times := self.times_range.match(text, end)):
            mention.unit, mention.unit_end = "fold", times.end()  # "three to four times the figure" (R-4)
        if mention.unit is None and mention.bound == "range":
            self._take_measure(text, mention, end)  # "10-15 km"
        if mention.bound == "range" and mention.per is None:
            end = self._take_rate(text, mention, end)  # "between $180 and $300 a dose"
        end = self._take_suffix_bound(text, mention, end)
        self._take_news_unit(text, mention, end)  # an index level in points, an exchange rate
        self._take_bound_before(text, mention)
        mention.end = end
        mention.text = text[mention.start:end]
        return mention

    def _clock_time(self, text: str, mention: QuantityMention) -> QuantityMention | None:
        """ "won in 3:34.07", "2:05:38": a measured duration in seconds (guide G-4), never a time of day
        ("at 10:30:00", "15:45:00 GMT")."""
        if self.clock_not_after.search(text, max(0, mention.start - 12), mention.start) or \
                self.clock_not_before.match(text, mention.end):
            return None
        mention.unit, mention.unit_end, mention.text = "second", mention.end, text[mention.start:mention.end]
        return mention

    def _take_range(self, text: str, mention: QuantityMention, end: int,
                    gate: LetterGate | None = None) -> int:
        at = max(end, mention.unit_end)  # "44 mg to 50 mg": the joint follows the unit
        between = self.between_before.search(text, max(0, mention.start - 30), mention.start)
        if between:
            joint = self.and_joint.match(text, at) if between.group("cue").lower() == "between" else None
            joint = joint or self.range_joint.match(text, at)
            if between.group("cue").lower() == "from" and not DASH_JOINT.match(text, at) \
                    and not RANGED.search(text, max(0, between.start() - 12), between.start()) \
                    and not COMPARED_FROM.search(text, max(0, between.start() - 8), between.start()) \
                    and (CHANGE_VERBS.search(text, max(0, between.start() - 60), between.start())
                         or CHANGE_VERBS_MORE.search(text, max(0, between.start() - 60), between.start())
                         or CHANGE_VERBS_FAR.search(text, max(0, between.start() - 120), between.start())
                         or CHANGE_GO_FROM.search(text, max(0, between.start() - 12), between.start())):
                mention.role = "from"
                return end  # "rose from 500 to 700" is a change: two figures, not a range, each with its role
        else:
            joint = self.range_joint.match(text, at)
            if joint and "to" in joint.group(0).lower() \
                    and not RANGE_SAID.search(text, max(0, mention.start - 12), mention.start) \
                    and (CHANGE_VERBS.search(text, max(0, mention.start - 60), mention.start)
                         or CHANGE_VERBS_MORE.search(text, max(0, mention.start - 60), mention.start)
                         and not self.forms.change_by.search(text, max(0, mention.start - 6), mention.start)
                         or CHANGE_RIGHT_BEFORE.search(text, max(0, mention.start - 10), mention.start)
                         and self._money_or_percent(mention)) \
                    and not (mention.unit is None and self._percent_second(text, joint.end())):
                return end  # "fell 5% to 10,000", "added 31p to 412p"; not "fall a further 5 to 8 per cent"
        if not joint:
            return end
        by_change = between is None and "to" in joint.group(0).lower() \
            and self.forms.change_by.search(text, max(0, mention.start - 6), mention.start)
        first_text = text[mention.num_start:mention.num_end]
        if first_text.isdigit() and len(first_text) == 4 and "to" in joint.group(0).lower():
            return end  # "since February 2022 to 512,420": a year, then the figure it leads to
        if mention.value <= 31 and "to" in joint.group(0).lower() and first_text.isdigit() \
                and DAY_OF_MONTH_BEFORE.search(text, max(0, mention.start - 12), mention.start):
            return end  # "since October 7 to 40,074": a day, then the figure it leads to
        second_at = joint.end()
        if between is not None and between.group("bound") \
                and (bound_second := RANGE_BOUND_SECOND.match(text, second_at)):
            second_at = bound_second.end()  # "from under C$10 to more than C$200" (not "from 148.9p to around
            # 155p", a change)
        second = self.range_second.match(text, second_at)
        if not second:
            return end
        figure = self._figure_value(second, group=second.lastgroup)
        if figure is None:
            return end
        high_as_written, short_scale, _ = figure
        if second.group("neg") and (between or mention.value < 0):  # "from -18 °C to -34 °C", "-18 or -20";
            # not "1,000--1,500"
            high_as_written = -high_as_written
        probe = QuantityMention(start=second.start(), end=second.end(), text="", value=high_as_written)
        assert second.lastgroup is not None  # a figure was read from that group just above
        if second.start() != second.start(second.lastgroup) and not second.group("neg"):  # "$5m and $7m"
            prefix = text[second.start():second.start(second.lastgroup)].strip()
            probe.unit = self.symbols.get(prefix) or (prefix if prefix in self.codes else None)
            if prefix in self.letter_places.letters:  # "N70,000-N80,000": money where the first was
                probe.unit = gate.code(prefix) if gate is not None else None
        second_end = self._take_long_scale(text, probe, second.end())
        second_end = self._take_currency_or_percent(text, probe, second_end)
        if probe.unit is None:
            self._take_measure(text, probe, second_end)
        if mention.unit == "percent" and probe.unit is None:
            return end  # "boost output by 25% to 34,500 tonnes": a change and a level, not a range
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
        elif 0 < scale_of_second < 1 and first_unscaled and mention.unit is None and probe.unit is not None:
            mention.value = round(mention.value * scale_of_second, 12)  # "65.1 to 66.4 US cents": both cents
        low = mention.value
        if high < low < 0:  # "ranged from -18 °C to -34 °C", "feel like -18 or -20" (O-11: value the lower)
            low, high = high, low
        elif by_change and (high >= 10 * low or mention.unit_end):
            return end  # "dropping by 19,000 to 1.27 million", "by 150,000 bpd to 350,000 bpd": a change
            # and a level, not "by 2 to 3 degrees"; "readings of minus 4C to minus 6C" stays a range
        if high <= low:
            return end
        mention.value = low
        mention.high = high
        mention.unit = mention.unit or probe.unit
        if probe.unit_end and mention.unit == probe.unit:
            mention.unit_end = probe.unit_end  # "between 80 and 100 tonnes of fuel a day": a rate follows
        mention.bound = "range"
        if between and between.group("cue").lower() == "between":
            mention.start = between.start()
        elif between and between.group("bound"):
            mention.start = between.start("bound")  # "under C$10 to more than C$200"
        return second_end

    def _percent_second(self, text: str, at: int) -> bool:
        """Whether the figure at ``at`` is a percent: "fall a further 5 to 8 per cent" is a range."""
        second = self.range_second.match(text, at)
        return second is not None and second.group("digits") is not None \
            and self.percent_after.match(text, second.end()) is not None

    @staticmethod
    def _money_or_percent(mention: QuantityMention) -> bool:
        return mention.unit is not None and (mention.unit[:3].isupper() or mention.unit.startswith("percent"))

    def _take_suffix_bound(self, text: str, mention: QuantityMention, end: int) -> int:
        suffix = self.bound_after.match(text, end)
        if suffix and mention.bound == "exact":
            cue = suffix.group(0).strip().lower()
            mention.bound, mention.bound_cue = self.suffix_kind.get(cue, "at_least"), cue
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
                place = self.outside_not_before.get(cue.rpartition(" ")[2])
                if place is not None and place.match(text, max(mention.end, mention.unit_end)):
                    return  # "passed 412 kilometres above the surface"
                mention.bound, mention.bound_cue = self.outside_kind[cue], cue
            return
        cue = re.sub(r"\s+", " ", before.group("cue").lower())
        verb = self.bound_verbs.get(cue)
        if verb is not None and verb.search(text, max(0, before.start("cue") - 12), before.start("cue")):
            return  # "the minimum wage goes up to £12.71": a verb's particle, not a bound
        mention.bound, mention.bound_cue = self.bound_phrases[cue], cue
        if cue in self.negated_cues and mention.bound in TURNED and self.negated_before.search(
                text, max(0, before.start("cue") - 30), before.start("cue")):
            mention.bound = TURNED[mention.bound]  # "haven't seen more than 30 mm": at most 30
        mention.start = before.start("cue")


# "one in four", "one naira in every four", "two-in-three", "2000 over 3"
RATIO_JOINT = re.compile(r"(?:\s+[a-z]+(?=\s+in\s+every\s))?\s+(?:in|out\s+of|over)\s+(?:every\s+)?|-in-",
                         re.IGNORECASE)
TURNED = {"at_least": "at_most", "at_most": "at_least"}  # a bound under a negation ([bounds_negated])


# O-14: a head-to-head poll "52-48", "51.5-48.5": two shares of the vote, not a range and not a score; read
# only where the pair adds up to about 100 and a word of polling stands within POLL_REACH characters
POLL_PAIR = re.compile(r"\d{2}(?:\.\d)?")
POLL_SECOND = re.compile(r"[-–](\d{2}(?:\.\d)?)(?![\d%]|[.,]\d|\s*(?:per\s?cent|percent|pc)\b)")
POLL_WORDS = re.compile(r"\b(?:polls?|polling|pollsters?|surveys?|two-party|two-candidate|head-to-head|"
                        r"run-?off|approval|voters|voting intention|vote intention)\b", re.IGNORECASE)
POLL_REACH = 160


def _poll_split(text: str, mention: QuantityMention) -> QuantityMention | None:
    if mention.unit is not None or mention.spelled or mention.vague \
            or not POLL_PAIR.fullmatch(text, mention.num_start, mention.num_end):
        return None
    second = POLL_SECOND.match(text, mention.num_end)
    if second is None or mention.high is not None and second.end() != mention.end:
        return None  # a range read as "47.5-52.5" is split; any other range is left alone
    value = float(second.group(1))
    if not (20 <= mention.value <= 80 and 20 <= value <= 80 and 90 <= mention.value + value <= 100.5):
        return None
    if not POLL_WORDS.search(text, max(0, mention.start - POLL_REACH), second.end() + POLL_REACH):
        return None
    mention.unit, mention.role = "percent", "poll"
    if mention.high is not None:
        mention.high, mention.bound, mention.end = None, "exact", mention.num_end
        mention.text = text[mention.start:mention.end]
    return QuantityMention(start=second.start(1), end=second.end(1), text=second.group(1), value=value,
                           unit="percent", num_start=second.start(1), num_end=second.end(1), role="poll")


@cache
def default_scanner() -> QuantityScanner:
    return QuantityScanner(load_table("quantities"))


def find_quantities(text: str) -> list[QuantityMention]:
    """Every quantity mention in ``text``, before deciding which are claims."""
    return default_scanner().scan(text)
