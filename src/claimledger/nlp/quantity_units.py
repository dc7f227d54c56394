"""What follows a figure: a currency, percent, pence, a unit of measure and a rate.

Part of the quantity scanner (``claimledger.nlp.quantities``): ``UnitReader`` holds the patterns compiled
from the quantities lexicon, ISO 4217 and the unit vocabulary, and the steps of ``QuantityScanner._grow``
that read them ("$14.95 a month", "164p", "1.38pc", "256GB", "50 km/h", "a gallon").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimledger.nlp.lexicon import load_table, phrase_alternation
from claimledger.nlp.newsforms import default_forms
from claimledger.normalize.numbers import parse_number_words
from claimledger.normalize.units import default_vocabulary, hyphenate_products

if TYPE_CHECKING:
    from claimledger.nlp.currency_letters import LetterGate, LetterPlaces
    from claimledger.nlp.quantities import QuantityMention

NEXT_WORD = re.compile(r"(?:\s?|-)([^\s\d,;:()\-/]+)")  # the word a unit would start with ("km" of "km/h")
# between two amounts of a list or a comparison (G-7, guide 14): "[£1.45] a litre and diesel at [£1.52]",
# "[$1,943] an ounce, while platinum fell 1.1% to [$1,012]", "[£1,717] a year, up 10pc from [£1,568]",
# "[$2,480] per container, well below the [$4,100] of last spring" (the other end of a comparison, guide 14)
LIST_AFTER_RATE = re.compile(r"(?:\s*\([^()]{1,40}\))?"
                             # "a litre, while", "201.3c/L, while"
                             r"(?:\s+(?:a|an|per|each)\s+[\w-]+(?:\s+[\w-]+){0,3}?|/[\w-]+),?\s+"
                             r"(?P<joint>and|or|while|whereas|versus|vs\.?|against|compared\s+with"
                             r"|(?:up\s+|down\s+)?from|up|down|(?:(?:well|far|just|slightly)\s+)?(?:below|above)"
                             r"|(?P<change>(?:a|an)\s+(?:drop|fall|rise|increase|"
                             r"decrease|cut|saving|reduction|jump|hike)\s+of))\s+"
                             r"(?P<tail>(?:(?:[\w$£€¥¢%,/-]|\.(?=\d))+\s+){0,6})$")
# "[R2,315] a month, and the child support grant by [R20]": the change of the next item of the list
CHANGED_BY = re.compile(r"\bby\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?$")
TIME_RATES = frozenset({"year", "month", "week", "day", "hour", "minute", "second", "night", "fortnight",
                        "quarter", "season"})
# between a rate named before an amount and the amount: no other figure but a percentage, no new clause
PER_GAP = (r"(?:(?!\s(?:and|but|while|whereas|or)\s)[^.;:!?()\d$€£¥]"
           r"|\d[\d,]*(?:\.\d+)?\s?(?:%|per\s?cent\b|percent\b|pc\b)){0,70}$")
PER_REACH = 100
# a size hyphened to the noun of a rate is not part of the unit (U-5): "$310 per 60-kilogram sack" is USD per
# sack, "US$2,480 per 20-foot container" USD per container
# "a year before tax", "a month after deductions": the words of a pay rate, not of a time ("a year before")
NOT_A_TIME_AFTER = r"(?!\s+(?:tax|taxes|deductions|housing\s+costs)\b)"
SIZE_OF_BASE = r"(?:\d[\d,.]*-[a-z]+(?:-[a-z]+)?\s+)?"
OWN_FIGURE = re.compile(r"\d")  # "HK$3,260 per sq ft": the rate of the figure before it, not of a later one
# "revenue per passenger rose to [€24.10] from [€22.60]": the earlier value of a rate named before them
COMPARED_FROM = re.compile(r",?\s+(?:(?:up|down)\s+)?(?:from|against|compared\s+with)\s+"
                           r"(?:about\s+|around\s+|roughly\s+|some\s+)?")
# between a rate of a measure and the same measure compared with it, in one sentence: "[9 litres per person
# per day] in the most crowded site, against an emergency standard of [15 litres]", "less than half the [20
# litres]"
MEASURE_COMPARED = re.compile(r"(?:[^.;!?\d]|\.(?=\d)){0,100}?\b(?:against|compared\s+with|compared\s+to"
                              r"|than|versus|vs\.?|below|above|from)\b[^.;!?\d]{0,60}")
CARRY_REACH = 4  # mentions back where the amount whose rate carries may be
# a price restated in a later sentence of its paragraph (P-2): how far back its first statement may be, in
# mentions and characters, and the sentence ends between them (one or two)
CARRY_BACK = 6
CARRY_GAP = 400
WINDOWED_RATES = frozenset({"year", "month", "week", "quarter"})
OWN_WINDOW = re.compile(r"(?:\s*\([^()]{1,40}\))?\s+"
                        r"(?:(?:this|last|next)\s+(?:year|month|week|quarter)|in\s+(?:19|20)\d\d)\b")
SENTENCE_ENDS = re.compile(r"[.!?][\"”’]?\s+(?=[A-Z\"“‘(])")
# between an amount whose rate is not written after it (a period's noun before it, or carried) and the next
# amount of its list (G-7, P-2): "rent now stands at [€1,900], ranging from [€1,500] in the suburbs to
# [€2,600] in the centre", "[€30] per square metre per month, against [€22] in Leeds and [€17] in York"
PLACED_JOINT = re.compile(r"(?:,\s+ranging\s+from"
                          r"|\s+in\s+(?:[\w'’.-]+\s+){0,3}?[\w'’.-]+,?\s+(?:and|or|to|while))"
                          r"\s+(?:(?:about|around|roughly|some)\s+)?")
# a change, then its level: "up 12 cents to $74.41 a barrel", "dropped $1.41, or 1.9%, to $72.34 a barrel",
# "settled down 12 cents at $68.94 a barrel", "settled 14 paise weaker at 81.56 against the US dollar"
CHANGE_OR_PERCENT = re.compile(r"(?:,\s+or\s+[-+\d.]+\s?(?:%|per\s?cent|pc),)?"
                               r"(?:\s+(?:weaker|stronger|firmer|softer|higher|lower))?"
                               # "gained $6.20 to settle at $1,979.80 an ounce"
                               r"(?:\s+to\s+(?:settle|close|end|finish))?"
                               r"\s+(?P<joint>to|at)\s+")
# "at" joins a change to its level only after a word of change: "down 12 cents at", not "raised $50m at $12"
CHANGE_BEFORE = re.compile(r"\b(?:up|down|higher|lower|rose|fell|gained|lost|added|shed|climbed|dropped|"
                           r"slipped|eased|jumped|slid|dipped|rallied|tumbled|sank|advanced|declined|settled|"
                           r"ended|closed)\s+(?:by\s+)?(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?$",
                           re.IGNORECASE)
# "50 million rupiah ($3,050)", "€40 a month (about $43)": a stated conversion (CONV-2) takes the rate
CONVERSION_OPENS = re.compile(r"(?:\s+(?:a|an|per|each)\s+[\w-]+)?\s*\(\s*"
                              r"(?:about|around|roughly|some|nearly|almost|approximately|or)?\s*$",
                              re.IGNORECASE)
# "897 naira ($0.56) a litre": a conversion in brackets between an amount and its rate; the bracket is short
CONVERSION_AFTER = re.compile(r"\s*\((?=[^()]{0,40}\d)[^()\d]{0,20}[$€£¥₹]?[\d.,]+[^()]{0,20}\)")
# "That is up 3p in a month.": a change of the price just named, in the next sentence
THAT_IS_A_CHANGE = re.compile(r"(?:^|[.!?]\s+)(?:That|This|It)\s+(?:is|was|'s|’s)\s+(?:up|down)\s+"
                              r"(?:by\s+)?$")
SENTENCE_BREAK = re.compile(r"[^.!?\d]{0,60}?[.!?]\s+(?:That|This|It)\s+(?:is|was|'s|’s)\s+(?:up|down)\s+"
                            r"(?:by\s+)?")
# a point written out before a bare "points" in the same sentence names it: "fell 6 basis points ..., while
# the three-year yield slipped 4 points" (basis point), "a 0.5 percentage point rise ... a further 0.5 points"
POINTS_NAMED_BEFORE = re.compile(r"\b(basis|percentage)[\s-]points?\b(?:[^.;!?]|\.(?=\d))*$", re.IGNORECASE)
POINTS_REACH = 200
# "a final dividend of ₹18 per share of face value Re 1": a face value is per share
FACE_VALUE = re.compile(r"\bface\s+value\s+(?:of\s+)?$", re.IGNORECASE)
CONVERSION_CLOSES = re.compile(r"\s*\)")
CONVERSION_REACH = 20  # characters before the bracketed amount where its bracket opens: "(about US$"
# "[a litre] of diesel now sells for [3,900 kyat]": a price of one of a measure
A_MEASURE_OF = re.compile(r"\s+of\s+(?:[\w-]+\s+){1,4}?(?:now\s+|has\s+|had\s+)?"
                          r"(?:costs?|sells?\s+for|sold\s+for|is|was|at|rose\s+to|risen\s+to|fell\s+to|"
                          r"fallen\s+to|dropped\s+to|climbed\s+to)\s+"
                          r"(?:about|around|roughly|some|nearly|almost|just\s+over|over|under)?\s*",
                          re.IGNORECASE)
LIST_JOINT = re.compile(r"(?:\s*,\s*|,?\s+(?:and|or)\s+)$")
# "tonnes of ore" before a rate; up to three words: "tonnes of green hydrogen a year", "tonnes of CO2 a year"
OF_WHAT = re.compile(r"\s+of\s+(?:(?!(?:a|an|per|each)\s)[a-z-]+\s+){0,2}?[A-Za-z0-9-]+"
                     r"(?=\s+(?:a|an|per|each)\s)")
FEET_AND_INCHES = re.compile(r"(?:\s+and)?\s+(\d{1,2})\s?(?:in|inch|inches|\"|″)(?![\w])")


class UnitReader:
    """The currency, percent and unit half of ``QuantityScanner`` (which sets the tables it reads)."""

    number_words: dict[str, float]
    scales: dict[str, float]
    symbols: dict[str, str]
    currency_names: dict[str, str]
    codes: set[str]
    long_scale: re.Pattern[str]
    letter_places: LetterPlaces

    def _compile_units(self, table: dict, word: str) -> tuple[str, str]:
        """Compile what follows a figure; returns (glued suffixes, rate words) for the figure pattern."""
        units = default_vocabulary()
        self.forms = default_forms()  # general news: minor units, changes by, index levels, exchange rates
        self.unit_words, self.unit_symbols = units.words, units.symbols
        symbols = phrase_alternation(list(self.symbols))
        codes = "|".join(sorted(self.codes))
        self.currency_before = re.compile(rf"(?:(?P<sym>{symbols})\s?|\b(?P<mega>M)?(?P<code>{codes})\s?)$")
        cent_words = rf"(?:{word})(?:[\s-]+(?:{word}))?"
        self.cents_after = re.compile(
            rf"(?:\s+and)?\s+(?P<cents>\d{{1,2}}|{cent_words})(?:\s+cents?\b|(?=\s*[.,;!?](?!\d)|\s*$))",
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
            rf"(?:\s?(?-i:(?P<mega>M)?(?P<code>{codes}))\b|\s?(?P<sym>{after_symbols})(?!\s?\d)|(?P<of>\s+of)?(?:\s+d['’]|\s+)(?P<name>{phrase_alternation(names)})\b)",
            re.IGNORECASE,
        )
        self.name_to_code = {n: self.currency_names[n] for n in self.currency_names}
        pct = table["percent"]
        self.percent_after = re.compile(
            rf"(?:\s?%|\s?(?-i:{phrase_alternation(pct.get('glued', []))})\b"
            rf"|(?:\s+|-|(?=bps?\b))(?P<basis>{phrase_alternation(pct['basis'])})\b"
            # "two-percentage-point": a hyphen only before "percentage"
            rf"|(?:\s+|-(?=percentage-))(?P<points>{phrase_alternation(pct['points'])})\b"
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
        # a bare "W" is a watt only glued to the figure ("65W"): "Route 66 W" is a direction
        # a glued rate's base after a slash ("8.1t/ha") is read by the rate
        self.glued_slash = rf"(?=/(?-i:{phrase_alternation(table['rates']['glued_slash'])})(?![\w/]))"
        self.measure_symbol = re.compile(
            rf"(?:\s(?!W\b)|-|)(?P<unit>{unit_symbols})(?:(?![\w/²])|{self.glued_slash})")
        self.measure_word = re.compile(rf"(?:\s+|-)(?P<unit>{unit_words})\b", re.IGNORECASE)
        # a rate with a base written with a slash (G-6, R-2): "16.9 kWh/100km" → kilowatt-hour per 100
        # kilometre
        self.measure_per_base = re.compile(
            rf"\s?(?P<unit>{unit_symbols})\s?/\s?(?P<base>[1-9]\d{{0,2}}(?:,?000)*)"
            rf"\s?(?P<unit2>{unit_symbols})(?![\w/²])")
        rates = table["rates"]
        self.per_words = {k.lower(): hyphenate_products(v) for k, v in rates["per"].items()}
        # "a year earlier", "a day ago" are not rates; "per sq ft after discounts" is one
        times = [word for word, per in rates["per"].items() if per in TIME_RATES]
        after_time = "|".join(f"(?<={re.escape(word)})" for word in times)
        self.rate_after = re.compile(
            rf"(?:\s*/\s*|(?:\s+(?:more|less|extra))?\s+(?:a|an|per|each)\s+{SIZE_OF_BASE})"
            rf"(?P<per>{phrase_alternation(list(rates['per']))})\b"
            rf"(?!(?:{after_time})\s+(?:{phrase_alternation(rates['not_after'])})\b{NOT_A_TIME_AFTER})"
            rf"|\s+(?P<adverb>{phrase_alternation(list(rates['adverbs']))})\b", re.IGNORECASE)
        self.per_words.update({k.lower(): v for k, v in rates["adverbs"].items()})
        self.per_before = re.compile(  # "revenue per passenger rose to ", "emissions per passenger km fell"
            rf"\bper\s+(?P<per>{phrase_alternation(list(rates['per']))})\b{PER_GAP}", re.IGNORECASE)
        calibre = load_table("units")["calibre"]
        self.calibre_units = frozenset(calibre["units"])
        self.calibre_after = re.compile(rf"[\s-]+(?:[a-z-]+\s+)?(?:{phrase_alternation(calibre['nouns'])})\b",
                                        re.IGNORECASE)
        return self._glued_suffixes(table), phrase_alternation(list(table["rates"]["per"]))

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

    def _glued_suffixes(self, table: dict) -> str:
        """Units, currencies and percent written onto the figure: "256GB", "50mph", "1.38pc", "164p"."""
        signs = [s for s in self.symbols if not re.search("[A-Za-z0-9]", s)]  # "100元"
        glued = [*self.unit_symbols, *table["percent"].get("glued", []), "bps", "bp",
                 *table["pence"]["glued"], *self.codes, *self.forms.glued_subunits,
                 *signs]  # "115USD"
        return rf"(?-i:{phrase_alternation(glued)})(?:(?![\w/])|{self.glued_slash})"  # "201.3c/L"

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

    def _take_measure(self, text: str, mention: QuantityMention, end: int) -> int:
        """A unit of measure from the vocabulary right after the figure ("6.1-inch", "40 yard line" → yard,
        "570 sq m", "256GB"). The text of the quantity stays the figure: the unit is named, not quoted."""
        first = NEXT_WORD.match(text, end)  # a dictionary look-up first: most figures count a plain noun
        if first is None or not self._may_be_unit(first.group(1)):
            return end
        based = self.measure_per_base.match(text, end)
        if based is not None:
            mention.unit = f"{self.unit_symbols[based.group('unit')]} per {based.group('base')} " \
                f"{self.unit_symbols[based.group('unit2')]}"
            mention.unit_end = based.end()
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
        """ "$14.95 a month" → per month, "50 km/h" (already one unit), "185 km per hour"; a rate of a rate
        ("HK$24 per square foot a month", "180,000 barrels per day each month")."""
        sport = self.forms.sport_rate(text, mention.start, end) if mention.unit is None else None
        if sport is not None and not mention.vague:
            mention.unit, mention.unit_end = sport  # "going at 10 an over", "an economy of 6.00"
            return end
        if mention.unit is None and not mention.vague and mention.per is None \
                and (time := self.forms.measured_time(text, mention.start, end)):
            mention.unit = time  # "finished in 10.04", "who ran 22.68": a race time (G-4)
            return end
        if mention.unit in (None, "percent", "percentage point", "basis point", "fold"):
            return end
        if " per " in (mention.unit or ""):
            more = self.rate_after.match(text, mention.unit_end) if mention.unit_end else None
            if more is not None:
                mention.unit = f"{mention.unit} per {self._per(more)}"
            return end
        rate = self.rate_after.match(text, max(end, mention.unit_end))
        if rate is None and mention.unit in self.codes:
            rate = self._rate_past_conversion(text, mention, end)
        of_what = OF_WHAT.match(text, mention.unit_end) if rate is None and mention.unit_end else None
        if of_what is not None:  # "3.2 million tonnes of ore a year", "barrels of oil a day"
            rate = self.rate_after.match(text, of_what.end())
        if rate:
            mention.per = self._per(rate)
            if more := self.rate_after.match(text, rate.end()):
                mention.per = f"{mention.per} per {self._per(more)}"
            if mention.unit_end:  # a measure: the unit is the rate ("kilometre per hour")
                mention.unit = f"{mention.unit} per {mention.per}"
        return end

    def _rate_past_conversion(self, text: str, mention: QuantityMention, end: int) -> re.Match[str] | None:
        """A rate written after a stated conversion (CONV-2) is the rate of both amounts: "897 naira ($0.56)
        a litre" (both per litre), "save about £6 billion (about $7.6 billion) a year" (both per year)."""
        after = CONVERSION_AFTER.match(text, end)
        if after is None:  # the amount in the brackets: "($0.56) a litre"
            closes = CONVERSION_CLOSES.match(text, end)
            opened = text.rfind("(", max(0, mention.start - CONVERSION_REACH), mention.start)
            if closes is None or opened < 0 or ")" in text[opened:mention.start]:
                return None
            after = closes
        return self.rate_after.match(text, after.end())

    def _per(self, rate: re.Match[str]) -> str:
        written = rate.group("per") or rate.group("adverb")
        per = re.sub(r"\s+", " ", written.lower())
        return self.per_words.get(per) or self.unit_symbols.get(written) or per

    def _carry_rate(self, text: str, mentions: list[QuantityMention], mention: QuantityMention) -> None:
        """A rate written once carries through a list of amounts in one currency (G-7): "rents of $2,100 and
        $2,450 a month" (both per month), "petrol at £1.45 a litre and diesel at £1.52" (both per litre),
        "gold at $1,943 an ounce, while platinum fell 1.1% to $1,012" (per ounce); and between a change and
        its level ("down 12 cents at $68.94 a barrel", "rose 63.9¢ per hundredweight to $17.42")."""
        if mention.unit not in self.codes:
            self._carry_measure_rate(text, mentions, mention)
            return
        if mention.per is None:
            self._carry_through_list(text, mentions, mention)
        if mention.per is None and mentions and THAT_IS_A_CHANGE.search(text, max(0, mention.start - 40),
                                                                         mention.start):
            # "... diesel at 155.2p. That is up 3p in a month.": the change of the price just named
            last = next((m for m in reversed(mentions) if not m.vague), None)
            if last is not None and last.unit == mention.unit and last.per is not None \
                    and SENTENCE_BREAK.fullmatch(text, max(last.end, last.unit_end), mention.start):
                mention.per = last.per
        if mention.per is None:
            self._carry_across_sentences(text, mentions, mention)
        if mention.role is not None:
            return
        last = mentions[-1] if mentions else None
        if last is not None and last.vague and last.unit and mention.per is None \
                and A_MEASURE_OF.fullmatch(text, max(last.end, last.unit_end), mention.start):
            mention.per = last.unit  # "a litre of diesel now sells for about 3,900 kyat": per litre
            return
        previous = next((m for m in reversed(mentions) if not m.vague), None)  # not the "a" of "a litre"
        if previous is not None and previous.unit == "percent" and len(mentions) > 1 \
                and CHANGE_OR_PERCENT.match(text, mentions[-2].end, mention.start):
            previous = mentions[-2]  # "dropped $1.41, or 1.9%, to $72.34 a barrel"
        if previous is None or (previous.per is None) == (mention.per is None):
            return
        between = text[previous.end:mention.start]
        if mention.per is None and previous.unit in self.codes and CONVERSION_OPENS.match(between):
            mention.per = previous.per  # "a monthly allowance of 50 million rupiah ($3,050)": its conversion
            return
        if previous.unit != mention.unit:
            return
        rate = self.rate_after.match(text, previous.end) if previous.per is not None else None
        after = rate.end() if rate else max(previous.end, previous.unit_end)  # "a third of a cent at"
        change = CHANGE_OR_PERCENT.fullmatch(text, after, mention.start) if previous.role is None else None
        if change is not None and change.group("joint") == "at" \
                and not CHANGE_BEFORE.search(text, max(0, previous.start - 30), previous.start):
            change = None  # "raised $50 million at $12 a share": not a change and its level
        if change is not None and previous.per is None:
            previous.per = mention.per  # "up 12 US cents to US$74.41 a barrel": the change is per barrel
            return
        if change is not None and " per " not in (previous.per or " per "):
            mention.per = previous.per  # "rose 63.9¢ per hundredweight to $17.42": so is the level
            return
        if not 0.2 <= previous.value / (mention.value or 1) <= 5:
            return
        if previous.per is None and LIST_JOINT.match(between):
            previous.per = mention.per

    @staticmethod
    def _carry_measure_rate(text: str, mentions: list[QuantityMention], mention: QuantityMention) -> None:
        """A measure compared with a rate of the same measure earlier in its sentence is that rate (G-7):
        "9 litres per person per day, against a minimum of 15 litres", "300 micrograms per cubic metre, well
        above the limit of 25 micrograms" (litre per person per day; microgram per cubic metre)."""
        if not mention.unit or mention.per is not None or " per " in mention.unit or mention.vague:
            return
        for earlier in reversed(mentions[-CARRY_REACH:]):
            if earlier.vague or not (earlier.full_unit or "").startswith(mention.unit + " per "):
                continue
            if MEASURE_COMPARED.fullmatch(text, max(earlier.end, earlier.unit_end), mention.start):
                mention.unit, mention.per = earlier.unit, earlier.per
            return

    def _carry_through_list(self, text: str, mentions: list[QuantityMention], mention: QuantityMention) \
            -> None:
        """The rate of an earlier amount of the list in the same currency (G-7), across percentages and
        changes of the clause ("at $1,943 an ounce, while platinum fell 1.1% to $1,012")."""
        for earlier in reversed(mentions[-CARRY_REACH:]):
            if earlier.vague or earlier.unit != mention.unit or earlier.per is None:
                continue
            joint = LIST_AFTER_RATE.match(text, earlier.end, mention.start) \
                or COMPARED_FROM.fullmatch(text, earlier.end, mention.start) \
                or PLACED_JOINT.fullmatch(text, earlier.end, mention.start)
            changed_by = joint is not None and joint.re is LIST_AFTER_RATE and self._changed_by(joint)
            if joint is not None and (changed_by or 0.2 <= earlier.value / (mention.value or 1) <= 5):
                mention.per = earlier.per  # "£1,310 a month, up £96 from a year earlier": the change too
            return

    def _carry_across_sentences(self, text: str, mentions: list[QuantityMention], mention: QuantityMention) \
            -> None:
        """A price restated in the next sentence or two of its paragraph keeps the rate written with it first
        (P-2): "Standard costs $15.49 a month. Premium will cost $24.99, up from $22.99." (all USD per month).
        Only where the nearest earlier amount of the currency has a rate and lies in an earlier sentence of
        the same paragraph, and the two are of one size (within a factor of five; not "a one-off fee of $40"
        after "$1.20 a litre")."""
        codes = self.codes
        for earlier in reversed(mentions[-CARRY_BACK:]):
            if earlier.vague or earlier.unit != mention.unit:
                continue
            gap = text[max(earlier.end, earlier.unit_end):mention.start]
            if earlier.per is None or earlier.per in codes or len(gap) > CARRY_GAP or "\n" in gap:
                return  # an exchange rate's restatement is not read here
            if earlier.per in WINDOWED_RATES and OWN_WINDOW.match(text, max(mention.end, mention.unit_end)):
                return  # "annual spending of €4.5bn. That compares with €2.2bn this year": a year's total
            breaks = len(SENTENCE_ENDS.findall(gap))
            if 1 <= breaks <= 2 and 0.2 <= earlier.value / (mention.value or 1) <= 5:
                mention.per = earlier.per
            return

    @staticmethod
    def _changed_by(joint: re.Match[str]) -> bool:
        """The amount after a rate is its change: "up £96", "a drop of £129", "and the other grant by R20"."""
        word, tail = joint.group("joint"), joint.group("tail")
        if word in ("up", "down", "and") and CHANGED_BY.search(tail):
            return True
        return (word in ("up", "down") or joint.group("change") is not None) and not tail

    def _take_currency_or_percent(self, text: str, mention: QuantityMention, end: int,
                                  gate: LetterGate | None = None) -> int:
        before = self.currency_before.search(text, max(0, mention.start - 6), mention.start)
        glued_to_word = text[before.start() - 1:before.start()].isalnum() if before else False
        if before and (before.group("sym") or "").isalpha() and glued_to_word:
            before = None  # "FR2", "KR5": letters of a word or an id, not the rand's "R", the ringgit's "RM"
        letter = before.group("sym") if before and before.group("sym") in self.letter_places.letters else None
        if before and letter is not None:
            code = gate.code(letter) if gate is not None else None
            if code is None:
                before = None  # "an R5 rifle" in a story set elsewhere (U-1)
            else:
                mention.unit, mention.start = code, before.start()  # "N70,000" in a story set in Nigeria
                before = None
        if before:
            mention.unit = self.symbols.get(before.group("sym") or "", None) or before.group("code")
            mention.start = before.start()
            if before.group("mega"):  # "MAUD 60": millions of Australian dollars
                mention.value *= 1e6
        after = self.currency_after.match(text, end)
        measure = self.measure_word.match(text, end) if after and after.group("name") else None
        if after and measure and measure.end() > after.end():
            after = None  # "500 pound-feet of torque": a unit of measure, not pounds sterling
        minor = self.forms.subunit(text, end) if after and mention.unit is None else None
        if after and minor and minor[1] > after.end():
            after = None  # "68 euro cents": the cents of the euro (EUR 0.68), not 68 euros
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
            mention.unit, mention.value = minor[0], round(mention.value / 100, 12)
            if mention.start == mention.num_start and text[mention.start - 2:mention.start] == "US":
                mention.start -= 2  # "US66.31¢": the cents of the US dollar (G-1)
            return minor[1]
        percent = self.percent_after.match(text, end)
        if percent and mention.unit is None:
            mention.unit = "percentage point" if percent.group("points") else "percent"
            if percent.group("basis"):
                mention.unit = "basis point"
            if percent.group("points") and percent.group("points").lower() == "points":
                named = POINTS_NAMED_BEFORE.search(text, max(0, mention.start - POINTS_REACH), mention.start)
                if named is not None:  # "a 0.5 percentage point rise ..., with a further 0.5 points" (G-7)
                    mention.unit = "basis point" if named.group(1).lower().startswith("basis") \
                        else "percentage point"
                    return percent.end()
                mention.unit = None  # "points" alone is a score or an index, not a share
                return end
            return percent.end()
        return end

    def _take_news_unit(self, text: str, mention: QuantityMention, end: int) -> None:
        """An index level in points or an exchange rate as a currency per currency (guide 14)."""
        if mention.spelled:
            return
        named = self.per_before.search(text, max(0, mention.start - PER_REACH), mention.start) \
            if mention.per is None and mention.role != "from" else None
        if named is not None and (mention.unit in self.codes or (
                mention.unit_end and mention.unit and " per " not in mention.unit)) \
                and not OWN_FIGURE.search(text, max(0, named.start() - 20), named.start()):
            per = self._per(named)  # "ancillary revenue per passenger rose to €24.10": EUR per passenger
            if mention.unit in self.codes:
                mention.per = per
            else:
                mention.unit = f"{mention.unit} per {per}"
            return
        if mention.per is None and mention.unit in self.codes \
                and FACE_VALUE.search(text, max(0, mention.start - 20), mention.start):
            mention.per = "share"  # "of face value ₹2" is INR per share
            return
        if mention.per is None and mention.unit in self.codes \
                and (period := self.forms.period_rate(text, mention.start, end)):
            mention.per = period  # "peak annual sales of about $2.4 billion", "a C$4.99 monthly charge"
            return
        if mention.unit_end and mention.unit and " per " not in mention.unit and mention.bound != "range" \
                and (period := self.forms.period_rate(text, mention.start, max(end, mention.unit_end), True)):
            mention.unit = f"{mention.unit} per {period}"  # "an annual capacity of 900,000 tonnes"
            return
        if mention.unit is None and self.forms.index_level(text, mention.start, end):
            mention.unit = "point"  # "the FTSE 100 fell 1.38pc to 8,112": an index level
        elif mention.per is None and (mention.unit is None or mention.unit in self.codes) \
                and (fx := self.forms.exchange_rate(text, mention.start, end, mention.unit)):
            mention.unit, mention.per = fx  # "Sterling was little changed at $1.2080": USD per GBP

    def _code_for_name(self, name: str) -> str:
        key = re.sub(r"\s+", " ", name.lower())
        if key in self.name_to_code:
            return self.name_to_code[key]
        for suffix in ("es", "s"):
            if key.endswith(suffix) and key[: -len(suffix)] in self.name_to_code:
                return self.name_to_code[key[: -len(suffix)]]
        return self.name_to_code[key.replace("s sterling", " sterling")]
