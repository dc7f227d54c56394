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
from claimledger.nlp.newsforms import default_forms
from claimledger.normalize.numbers import DENOMINATORS, parse_digits, parse_fraction, parse_number_words
from claimledger.normalize.units import default_vocabulary

DIGITS = (
    r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"  # "12,34,567.89": South Asian grouping
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u202f\u00a0]\d{3})+(?:\.\d+)?"
    r"|\d+(?:\.\d+)?(?:e[-+]?\d+(?![\w.]))?|\.\d+"  # "1.2e6", ".001"
)
SHORT_SCALES_NEED_CURRENCY = {"m", "t"}  # "10k", "1.2b" are thousands and billions; "50m" may be metres
_PLURAL_PARTS = "|".join(sorted({d + "s" for d in DENOMINATORS if d != "half"} | {"halves"}))
_SINGLE_PARTS = "|".join(sorted(DENOMINATORS))
_NUMERATORS = "a|one|two|three|four|five|six|seven|eight|nine|ten"
# "two-thirds", "three quarters"; a singular part only where it cannot be an ordinal ("a third of", "by a
# third."; not "a third day")
FRACTION = (
    rf"(?:{_NUMERATORS})[\s-]+(?:{_PLURAL_PARTS})"
    rf"|(?:a|one)[\s-]+(?:{_SINGLE_PARTS})(?=\s+(?:of|last|this|since)\b|\s*[.,;:)]|\s*$)|one-(?:{_SINGLE_PARTS})"
)
VULGAR = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6, "⅘": 0.8,
          "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}
VULGAR_CHARS = "".join(VULGAR)
FRACTION_DENOMINATORS = {2, 3, 4, 5, 6, 8, 10, 16, 20, 32, 40, 50, 64, 100}  # not "9/11"
SIGN_BEFORE = re.compile(r"(?:\b(?:minus|negative)\s+|(?:^|(?<=[\s(\[$€£¥]))[-\u2212])$", re.IGNORECASE)
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
TIMES_TEN = re.compile(r"\s?[×x·*]\s?10(?:\^|\*\*)?(?P<exp>[-\u2212+]?\d{1,3}|[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})(?!\d)")
# "three and a half", "3 million and a quarter", "twenty and three fifths"
AND_A_PART = re.compile(rf"\s+and\s+(?P<part>(?:{_NUMERATORS})[\s-]+(?:{_PLURAL_PARTS}|{_SINGLE_PARTS}))\b",
                        re.IGNORECASE)
OF_A_SCALE = re.compile(r"\s+of\s+an?\s+(thousand|million|billion|trillion)\b", re.IGNORECASE)
FEET_AND_INCHES = re.compile(r"(?:\s+and)?\s+(\d{1,2})\s?(?:in|inch|inches|\"|″)(?![\w])")
# "1.8m tall": a glued "m" without a currency is a metre only where the words say it is a length
METRE_CONTEXT = re.compile(r"\s+(?:tall|long|high|deep|wide|away|below|above|thick|across|underground|"
                           r"underwater|in\s+(?:length|height|diameter|depth|width))\b", re.IGNORECASE)
AND_WORD = re.compile(r"\s+and\s+((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+\w+)?|"
                      r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                      r"fifteen|sixteen|seventeen|eighteen|nineteen)\b", re.IGNORECASE)
NEXT_WORD = re.compile(r"(?:\s?|-)([^\s\d,;:()\-/]+)")  # the word a unit would start with ("km" of "km/h")
CHANGE_TO = re.compile(r"\s+to\s+$", re.IGNORECASE)
CHANGE_VERBS = re.compile(
    r"\b(?:rose|risen|rising|increased?|increasing|grew|grown|growing|jumped|climbed|fell|fallen|falling|"
    r"dropped|decreased?|declined?|surged|soared|plunged|slipped|went|up|down|raised|cut|reduced|"
    r"shrank|shrunk|tumbled|slumped|rallied|widened|narrowed|"
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
        self._add_iso_currencies(load_table("currencies"))
        self._compile(table)

    def _add_iso_currencies(self, iso: dict) -> None:
        """ISO 4217 (data/currencies.toml, from CLDR): every code in use, its English names, and the symbols
        that name one currency only and are not a bare word ("HK$", "R$", "₹"). The hand tables of
        quantities.toml win: they hold the local spellings and the names several countries share."""
        owners: dict[str, set[str]] = {}
        for code, entry in iso.items():
            self.codes.add(code)
            for name in (entry["name"], entry["plural"]):
                self.currency_names.setdefault(name.lower(), code)
            for symbol in entry["symbols"]:
                owners.setdefault(symbol, set()).add(code)
        for symbol, codes in owners.items():
            if len(codes) == 1 and len(symbol) >= 2 and not symbol.isalpha():
                self.symbols.setdefault(symbol, codes.pop())

    def _compile(self, table: dict) -> None:
        words = [w for w in self.number_words if w not in ("hundred", "dozen")]
        word = f"(?:{phrase_alternation(words)})"
        word_seq = (rf"{word}(?:(?:\s+|-)(?:{word}|hundred|thousand|million|billion|trillion|dozen)"
                    rf"|(?<=hundred)\s+and\s+{word})*(?:\s+point(?:\s+{word})+)?")
        units = default_vocabulary()
        self.unit_words, self.unit_symbols = units.words, units.symbols
        glued = self._glued_suffixes(table)
        per = phrase_alternation(list(table["rates"]["per"]))
        self.forms = default_forms()
        self.core = re.compile(
            rf"(?P<fraction>\b{FRACTION}\b)"
            rf"|(?P<fold>\b(?=[\w-]{{2,16}}fold\b)(?:{word}|\d+)-?fold\b)"
            rf"|(?P<slash>(?=[\d{VULGAR_CHARS}])(?<![\w/.,\-])(?:\d{{1,3}}\s)?(?:\d{{1,2}}/\d{{1,3}}|\d{{0,3}}[{VULGAR_CHARS}])(?![\w/]|[.,]\d))"
            rf"|(?P<digits>(?=\.?\d){self._digits_lookbehind()}{'(?:' + DIGITS + ')'}"
            rf"(?:\s?(?:bn|mn|tn|bln|mln)|(?:[mkb]|(?-i:T))(?![a-z]))?"
            rf"(?:(?![\w/]|[.,]\d|:\d)|(?={glued})|(?=\s?[x×]\s?10\^?[-+]?\d)|(?=/\s?(?:{per})\b)"
            rf"|(?=(?:thousand|million|billion|trillion)s?\b)))"  # "£45million"
            rf"|(?P<vague>\b(?:{phrase_alternation(list(self.vague))})\b)"
            rf"|(?P<article>\b(?:{phrase_alternation(list(self.article_numbers))})\b)"
            rf"|(?P<words>\b{word_seq}\b(?!-(?:year|month|week|day|hour|minute)))"
            rf"|(?P<one>\ban?(?=\s+[a-z]))",  # "a gallon", "a penny": one of a unit, kept with the vague
            re.IGNORECASE,
        )
        # The second figure of a range follows a hyphen, so it is read without the look-behind.
        self.range_second = re.compile(
            rf"(?:(?:{phrase_alternation(list(self.symbols))})\s?|(?:{'|'.join(sorted(self.codes))})\s)?"
            rf"(?P<neg>[-\u2212])?(?P<digits>(?:{DIGITS})(?:\s?(?:bn|mn|tn|bln|mln)|[mkb](?![a-z]))?"
            rf"(?:(?![\w/]|[.,]\d|:\d)|(?={glued})))"  # "between 1pc and 3pc"
            rf"|(?P<words>\b{word_seq}\b)",
            re.IGNORECASE,
        )
        self.digit_parts = re.compile(rf"^({DIGITS})\s?(bn|mn|tn|bln|mln|m|k|b|t)?$", re.IGNORECASE)
        self.long_scale = re.compile(  # "1.2 million", "$4.27-billion", "£45million"
            r"(?:\s+|-|(?<=\d))(hundred|thousand|million|billion|trillion|crore|lakh)s?\b", re.IGNORECASE)
        symbols = phrase_alternation(list(self.symbols))
        codes = "|".join(sorted(self.codes))
        self.currency_before = re.compile(rf"(?:(?P<sym>{symbols})\s?|\b(?P<mega>M)?(?P<code>{codes})\s?)$")
        cent_words = rf"(?:{word})(?:[\s-]+(?:{word}))?"
        self.cents_after = re.compile(
            rf"(?:\s+and)?\s+(?P<cents>\d{{1,2}}|{cent_words})(?:\s+cents?\b|(?=\s*[.,;!?]|\s*$))",
            re.IGNORECASE)
        names = []
        for name in self.currency_names:
            head, _, rest = name.partition(" ")
            if rest == "sterling":
                names += [name, f"{head}s sterling"]
            else:
                names += [name, name + "s", name + "es"]
        after_symbols = phrase_alternation([s for s in self.symbols if not re.search("[A-Za-z0-9]", s)])
        self.currency_after = re.compile(
            rf"(?:\s?(?-i:(?P<mega>M)?(?P<code>{codes}))\b|\s?(?P<sym>{after_symbols})(?!\s?\d)|(?P<of>\s+of)?\s+(?P<name>{phrase_alternation(names)})\b)",
            re.IGNORECASE,
        )
        self.name_to_code = {n: self.currency_names[n] for n in self.currency_names}
        pct = table["percent"]
        self.percent_after = re.compile(
            rf"(?:\s?%|\s?(?-i:{phrase_alternation(pct.get('glued', []))})\b"
            rf"|\s+(?P<points>{phrase_alternation(pct['points'])})\b"
            rf"|\s+(?:{phrase_alternation([w for w in pct['words'] if w != '%'])})\b)",
            re.IGNORECASE,
        )
        pence = table["pence"]
        self.pence_after = re.compile(rf"(?:(?-i:{phrase_alternation(pence['glued'])})(?![\w/]|\.[a-z])"
                                      rf"|\s+(?:{phrase_alternation(pence['words'])})\b)", re.IGNORECASE)
        self.pence_code = pence["code"]
        firsts = (NEXT_WORD.match(" " + u) for u in [*self.unit_symbols, *self.unit_words])
        self.unit_starts = frozenset(first.group(1) for first in firsts if first is not None)
        unit_symbols, unit_words = phrase_alternation(list(self.unit_symbols)), \
                phrase_alternation(list(self.unit_words))
        self.measure_symbol = re.compile(rf"(?:\s?|-)(?P<unit>{unit_symbols})(?![\w/²])")
        self.measure_word = re.compile(rf"(?:\s+|-)(?P<unit>{unit_words})\b", re.IGNORECASE)
        rates = table["rates"]
        self.per_words = {k.lower(): v for k, v in rates["per"].items()}
        self.rate_after = re.compile(
            rf"(?:\s*/\s*|\s+(?:a|an|per|each)\s+)(?P<per>{phrase_alternation(list(rates['per']))})\b"
            rf"(?!\s+(?:{phrase_alternation(rates['not_after'])})\b)", re.IGNORECASE)
        calibre = load_table("units")["calibre"]
        self.calibre_units = frozenset(calibre["units"])
        self.calibre_after = re.compile(rf"[\s-]+(?:[a-z-]+\s+)?(?:{phrase_alternation(calibre['nouns'])})\b",
                                        re.IGNORECASE)
        bounds = table["bounds"]
        self.bound_phrases = {p.lower(): kind for kind, phrases in bounds.items() for p in phrases}
        self.bound_before = re.compile(
            rf"(?:^|(?<=[\s(\"“'—–-]))(?P<cue>{phrase_alternation(list(self.bound_phrases))})(?:\s+|(?<=~)\s*)(?:(?:of|a)\s+)?$",
            re.IGNORECASE,
        )
        self.bound_verbs = {cue.lower(): re.compile(rf"\b(?:{phrase_alternation(verbs)})\s+$", re.IGNORECASE)
                            for cue, verbs in table.get("bounds_not_after", {}).items()}
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
        # "8- to 16-metre", "30 or 40"
        self.range_joint = re.compile(r"\s*(?:-\s*(?:to\s+)?|–|—|to|(?<=\s)or(?=\s))\s*", re.IGNORECASE)
        self.between_before = re.compile(r"\b(?P<cue>between|from)\s+$", re.IGNORECASE)
        self.and_joint = re.compile(r"\s+and\s+", re.IGNORECASE)

    def _digits_lookbehind(self) -> str:
        """Not inside a word or another figure; but right after a sign ("-1.3%", "minus 5" is read in _grow)
        or a currency written without a space ("USD10m", "Rs500", "HK$5")."""
        glued_before = sorted(self.codes | {s for s in self.symbols if s[-1:].isalpha()}, key=len)
        by_length: dict[int, list[str]] = {}
        for prefix in glued_before:
            by_length.setdefault(len(prefix), []).append(re.escape(prefix))
        after_prefix = "|".join(f"(?<=(?-i:{'|'.join(group)}))" for group in by_length.values())
        return rf"(?:(?<![\w.,/:\-\u2212])|(?<=(?<![\w.,])[-\u2212])|{after_prefix})"

    def _glued_suffixes(self, table: dict) -> str:
        """Units, currencies and percent written onto the figure: "256GB", "50mph", "1.38pc", "164p"."""
        signs = [s for s in self.symbols if not re.search("[A-Za-z0-9]", s)]  # "100元"
        glued = [*self.unit_symbols, *table["percent"].get("glued", []),
                 *table["pence"]["glued"], *self.codes, *default_forms().glued_subunits,
                 *signs]  # "115USD"
        return rf"(?-i:{phrase_alternation(glued)})(?![\w/])"

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
        if group == "fraction":
            fraction = parse_fraction(text)
            return (fraction, None, True) if fraction is not None else None
        if group == "one":
            return 1.0, None, True
        if group == "slash":
            share = _slash_fraction(text)
            return (share, None, False) if share is not None else None
        if group == "fold":
            times = text.lower().removesuffix("fold").rstrip("-")
            folds = float(times) if times.isdigit() else parse_number_words(times, self.number_words,
                                                                             self.scales)
            return (folds, None, not times.isdigit()) if folds is not None else None
        words = dict(self.number_words)
        spelled = parse_number_words(text, words, self.scales)
        return (spelled, None, True) if spelled is not None else None

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
                previous = mentions[-1] if mentions else None
                between = text[previous.end:mention.start] if previous is not None else ""
                if previous is not None and previous.role == "from" and CHANGE_TO.match(between):
                    mention.role = "to"  # "fell from $36,040 to $34,935": the value it changed to
                    if previous.unit == mention.unit and previous.per is None:
                        previous.per = mention.per  # "from £38 to £44 a match": both are per match
                mentions.append(mention)
                taken_until = max(mention.end, mention.unit_end)
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
        if match.lastgroup == "one":
            return self._one_of_a_unit(text, mention)
        if match.lastgroup == "article" and (more := AND_WORD.match(text, end)):  # "a hundred and two"
            mention.value += parse_number_words(more.group(1), self.number_words, self.scales) or 0
            end = mention.num_end = more.end()
        if match.lastgroup == "fold":
            mention.unit = "fold"  # "grew more than sixfold": a multiple
        self._take_sign(text, mention)
        end = self._take_exponent(text, mention, end)
        end = self._take_half(text, mention, end)
        end = self._take_long_scale(text, mention, end)
        end = self._take_currency_or_percent(text, mention, end)
        if short_scale == "m" and mention.unit is None and METRE_CONTEXT.match(text, end):
            mention.value /= self.scales["m"]
            mention.unit, mention.unit_end = "metre", end  # "1.8m tall"
            end = match.end() - 1
        elif short_scale in SHORT_SCALES_NEED_CURRENCY and mention.unit in (None, "percent"):
            return None  # "50m" without a currency is fifty metres, not fifty million
        if mention.unit is None:
            end = self._take_measure(text, mention, end)
            if mention.unit in self.calibre_units and self.calibre_after.match(text, mention.unit_end):
                return None  # "155mm shells", "a 9mm pistol": a calibre, part of the weapon's name
        end = self._take_rate(text, mention, end)
        end = self._take_range(text, mention, end)
        if mention.unit is None and mention.bound == "range":
            self._take_measure(text, mention, end)  # "10-15 km"
        if mention.bound == "range" and mention.per is None:
            end = self._take_rate(text, mention, end)  # "between $180 and $300 a dose"
        end = self._take_suffix_bound(text, mention, end)
        if mention.unit is None and not mention.spelled and self.forms.index_level(text, mention.start, end):
            mention.unit = "point"  # "the FTSE 100 fell 1.38pc to 8,112": an index level (guide 14)
        elif mention.per is None and (mention.unit is None or mention.unit in self.codes) \
                and not mention.spelled \
                and (fx := self.forms.exchange_rate(text, mention.start, end, mention.unit)):
            mention.unit, mention.per = fx  # "Sterling was little changed at $1.2080": USD per GBP
        self._take_bound_before(text, mention)
        mention.end = end
        mention.text = text[mention.start:end]
        return mention

    def _one_of_a_unit(self, text: str, mention: QuantityMention) -> QuantityMention | None:
        """ "a gallon", "a penny", "a kilobyte": one of a unit of measure or money. Recognised, so that the
        words are not misread, but reported only with the vague magnitudes: "a gallon of petrol costs" is
        the base of a price, not a claim."""
        end = mention.num_end
        end = self._take_currency_or_percent(text, mention, end)
        if mention.unit is None or mention.unit == "percent":
            self._take_measure(text, mention, end)
        if mention.unit is None or mention.unit == "percent" or mention.start != mention.num_start:
            return None
        mention.vague = True
        mention.end = end
        mention.text = text[mention.start:end]
        return mention

    def _take_sign(self, text: str, mention: QuantityMention) -> None:
        """ "minus 260 degrees", "Stoxx 50 -1.3%": the figure is negative and its text starts at the sign."""
        sign = SIGN_BEFORE.search(text, max(0, mention.start - 9), mention.start)
        if sign and mention.value > 0:
            mention.value = -mention.value
            mention.start = sign.start()

    def _take_exponent(self, text: str, mention: QuantityMention, end: int) -> int:
        """ "1.99×10−30": one number in scientific notation, not three."""
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
            end = after.end()
        part = AND_A_PART.match(text, end)
        fraction = parse_fraction(part.group("part")) if part else None
        if part and fraction is not None:
            if scale == 1.0 and mention.spelled:  # "one million and a half": the scale is in the words
                words = re.findall(r"[a-z]+", text[mention.num_start:end].lower())
                scale = max([self.scales[w] for w in words if self.scales.get(w, 0) >= 1000] or [1.0])
            mention.value += fraction * scale
            end = part.end()
            if scale == 1.0 and (after := self.long_scale.match(text, end)):  # "two and a half million"
                mention.value *= self.scales[after.group(1).lower()]
                end = after.end()
        if mention.value < 1 and (whole := OF_A_SCALE.match(text, end) or self.long_scale.match(text, end)):
            mention.value *= self.scales[whole.group(1).lower()]
            end = whole.end()
        return end

    def _take_measure(self, text: str, mention: QuantityMention, end: int) -> int:
        """A unit of measure from the vocabulary right after the figure ("6.1-inch", "40 yard line" → yard,
        "570 sq m", "256GB"). The text of the quantity stays the figure: the unit is named, not quoted."""
        first = NEXT_WORD.match(text, end)  # a dictionary look-up first: most figures count a plain noun
        if first is None or not self._may_be_unit(first.group(1)):
            return end
        found = self.measure_symbol.match(text, end) or self.measure_word.match(text, end)
        if found is None:
            return end
        written = found.group("unit")
        mention.unit = self.unit_symbols.get(written) or self.unit_words[re.sub(r"\s+", " ", written.lower())]
        mention.unit_end = found.end()
        if mention.unit == "foot" and (inches := FEET_AND_INCHES.match(text, found.end())):
            mention.value += int(inches.group(1)) / 12  # "5 ft 2 in": one height
            mention.unit_end = inches.end()
        return end

    def _may_be_unit(self, word: str) -> bool:
        starts = self.unit_starts
        bare = word.rstrip(".!?'\"”’")  # "kg." at the end of a sentence
        return word in starts or bare in starts or word.lower() in starts or bare.lower() in starts

    def _take_rate(self, text: str, mention: QuantityMention, end: int) -> int:
        """ "$14.95 a month" → per month, "50 km/h" (already one unit), "185 km per hour"."""
        if mention.unit in (None, "percent", "percentage point", "fold") or " per " in (mention.unit or ""):
            return end
        rate = self.rate_after.match(text, max(end, mention.unit_end))
        if rate:
            per = re.sub(r"\s+", " ", rate.group("per").lower())
            mention.per = self.per_words.get(per) or self.unit_symbols.get(rate.group("per")) or per
            if mention.unit_end:  # a measure: the unit is the rate ("kilometre per hour")
                mention.unit = f"{mention.unit} per {mention.per}"
        return end

    def _take_long_scale(self, text: str, mention: QuantityMention, end: int) -> int:
        scale = self.long_scale.match(text, end)
        if scale and not mention.spelled:
            mention.value *= self.scales[scale.group(1).lower()]
            return scale.end()
        return end

    def _take_currency_or_percent(self, text: str, mention: QuantityMention, end: int) -> int:
        before = self.currency_before.search(text, max(0, mention.start - 6), mention.start)
        glued_to_word = text[before.start() - 1:before.start()].isalnum() if before else False
        if before and (before.group("sym") or "").isalpha() and glued_to_word:
            before = None  # "FR2", "KR5": letters of a word or an id, not the rand's "R", the ringgit's "RM"
        if before:
            mention.unit = self.symbols.get(before.group("sym") or "", None) or before.group("code")
            mention.start = before.start()
            if before.group("mega"):  # "MAUD 60": millions of Australian dollars
                mention.value *= 1e6
        after = self.currency_after.match(text, end)
        measure = self.measure_word.match(text, end) if after and after.group("name") else None
        if after and measure and measure.end() > after.end():
            after = None  # "500 pound-feet of torque": a unit of measure, not pounds sterling
        if after and after.group("name") and after.group("name").lower().startswith("pound") \
                and text.startswith(" of", after.end()):
            after = None  # "500 pounds of explosives" is a weight
        if after and (after.group("of") is None or mention.vague or mention.spelled):
            if mention.unit is None:
                code = after.group("code") or self.symbols.get(after.group("sym") or "")  # "10 €", "100元"
                mention.unit = code or self._code_for_name(after.group("name"))
            if after.group("mega"):  # "30 MUSD": millions of dollars
                mention.value *= 1e6
            end = after.end()
            if after.group("code") and (scale := self.long_scale.match(text, end)):  # "75 USD million"
                mention.value *= self.scales[scale.group(1).lower()]
                return scale.end()
            if cents := self.cents_after.match(text, end):  # "15 dollars 50", "ten dollars and forty cents"
                part = cents.group("cents")
                hundredths = float(part) if part.isdigit() else parse_number_words(part, self.number_words,
                                                                                   self.scales)
                if hundredths is not None and hundredths < 100:
                    mention.value += hundredths / 100
                    return cents.end()
            return end
        pence = self.pence_after.match(text, end) if mention.unit is None else None
        if pence and mention.spelled and not pence.group(0)[:1].isspace():
            pence = None  # "one p" is not written; "one penny" is
        if pence:  # "164p": 1.64 pounds sterling
            mention.unit, mention.value = self.pence_code, mention.value / 100
            return pence.end()
        minor = self.forms.subunit(text, end) if mention.unit is None else None
        if minor and not (mention.spelled and minor[1] - end < 2):  # "88 cents", "15 fils", "9c": hundredths
            mention.unit, mention.value = minor[0], mention.value / 100
            return minor[1]
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
        at = max(end, mention.unit_end)  # "44 mg to 50 mg": the joint follows the unit
        between = self.between_before.search(text, max(0, mention.start - 10), mention.start)
        by_change = None
        if between:
            joint = self.and_joint.match(text, at) if between.group("cue").lower() == "between" else None
            joint = joint or self.range_joint.match(text, at)
            if between.group("cue").lower() == "from" \
                    and CHANGE_VERBS.search(text, max(0, between.start() - 60), between.start()):
                mention.role = "from"
                return end  # "rose from 500 to 700" is a change: two figures, not a range, each with its role
        else:
            joint = self.range_joint.match(text, at)
            if joint and "to" in joint.group(0).lower() \
                    and CHANGE_VERBS.search(text, max(0, mention.start - 60), mention.start):
                return end  # "fell 5% to 10,000"
            by_change = joint and "to" in joint.group(0).lower() \
                and self.forms.change_by.search(text, max(0, mention.start - 6), mention.start)
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
        if second.group("neg") and between:  # "from -18 °C to -34 °C"; not "1,000--1,500"
            high_as_written = -high_as_written
        probe = QuantityMention(start=second.start(), end=second.end(), text="", value=high_as_written)
        assert second.lastgroup is not None  # a figure was read from that group just above
        if second.start() != second.start(second.lastgroup) and not second.group("neg"):  # "$5m and $7m"
            prefix = text[second.start():second.start(second.lastgroup)].strip()
            probe.unit = self.symbols.get(prefix) or (prefix if prefix in self.codes else None)
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
        if high < mention.value < 0 and between:  # "ranged from -18 °C to -34 °C"
            mention.value, high = high, mention.value
        if high <= mention.value or (by_change and high >= 10 * mention.value):
            return end  # "dropping by 19,000 to 1.27 million": a change and a level, not "by 2 to 3 degrees"
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
        verb = self.bound_verbs.get(cue)
        if verb is not None and verb.search(text, max(0, before.start("cue") - 12), before.start("cue")):
            return  # "the minimum wage goes up to £12.71": a verb's particle, not a bound
        mention.bound = self.bound_phrases[cue]
        mention.bound_cue = cue
        mention.start = before.start("cue")


def _slash_fraction(text: str) -> float | None:
    """ "3/4" → 0.75, "2 1/2" → 2.5, "½" → 0.5; None for what is not a fraction of a whole ("9/11")."""
    whole, _, part = text.rpartition(" ")
    value = float(whole) if whole else 0.0
    if part[-1:] in VULGAR:
        return value + (float(part[:-1]) if part[:-1] else 0.0) + VULGAR[part[-1]]
    numerator, denominator = (int(n) for n in part.split("/"))
    if not 0 < numerator < denominator or denominator not in FRACTION_DENOMINATORS:
        return None
    return value + numerator / denominator


@cache
def default_scanner() -> QuantityScanner:
    return QuantityScanner(load_table("quantities"))


def find_quantities(text: str) -> list[QuantityMention]:
    """Every quantity mention in ``text``, before deciding which are claims."""
    return default_scanner().scan(text)
