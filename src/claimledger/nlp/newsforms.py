"""How general news writes some quantities (annotation guide section 14), for the quantity scanner.

Driven by ``data/lexicons/newsforms.toml``: amounts in the minor unit of a currency ("88 cents", "10 HK
cents", "15 fils", "9c") and changes by an amount ("fell by 19,000 to 1.27 million"). Kept apart from
``quantities`` so that the scanner asks these questions in one line at the place they arise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from claimledger.nlp.lexicon import load_table, phrase_alternation
from claimledger.normalize.numbers import looks_like_year

# an exchange rate quoted in cents ("65.4 US cents")
MINOR_UNIT = re.compile(r"\s?(?:cents?\b|¢)", re.IGNORECASE)
# a scale after a figure: an amount, not a price of a currency ("R17.45 billion", "R3m")
SCALED = re.compile(r"\s?(?:[mb]n?|tn|k|thousand|million|billion|trillion|lakh|crore)\b", re.IGNORECASE)
GENERIC_REACH = 160  # characters before a figure where "the local unit" that names its currency may be
RACE_TIME = re.compile(r"\d{1,2}\.\d{2}")  # "10.04", "22.68": a race time as written bare
# what may follow a bare race time: punctuation, the end, or a word that opens no noun of the figure
TIME_AFTER = re.compile(r"\s*(?:[,.;:)”\"’']|$)|\s+(?:and|with|in|at|on|to|for|while|behind|ahead|by|into)\b")
PERIOD_REACH = 140  # characters before an amount where the noun of a period that names it may be
# between that noun and its amount: no other figure but a percentage change ("rose 5.2 per cent to") or the
# change of the same amount by which it moved ("monthly repayments fall by £38, from £1,402 to £1,364")
PERIOD_GAP = (r"(?:[^.;:!?()\d$€£¥]|\d[\d,]*(?:\.\d+)?\s?(?:%|per\s?cent\b|percent\b|pc\b)"
              r"|\bby\s+[$€£¥]?\d[\d,]*(?:\.\d+)?(?=,?\s+from\b)){0,100}$")


@dataclass(frozen=True, slots=True)
class NewsForms:
    subunit_after: re.Pattern[str]
    subunit_codes: dict[str, str]  # minor unit as written (lower case for words) → ISO code of the major unit
    glued_subunits: tuple[str, ...]  # "c", "¢": the scanner reads a figure glued to them
    change_by: re.Pattern[str]
    index_before: re.Pattern[str]  # "... the FTSE 250 rose 0.2pc to ": an index and the word before its level
    index_after: re.Pattern[str]  # what may follow an index level: punctuation, a preposition, nothing

    period_before: re.Pattern[str]  # "annual sales of about ": a noun of a period that names an amount
    period_measure_before: re.Pattern[str]  # "an annual capacity of ": the same for a measure
    period_after: re.Pattern[str]  # " monthly charge": the adjective and noun right after an amount
    period_measure_after: re.Pattern[str]  # " annual limit": right after a measure
    period_units: dict[str, str]  # "annual" → "year"
    sport_named: re.Pattern[str]  # "an economy of ": a rate a sport names, right before a bare figure
    sport_after: re.Pattern[str]  # " an over": the rate right after a bare figure
    sport_units: dict[str, str]  # either, lower case → the unit ("run per over")
    time_before: re.Pattern[str]  # "finished in ": the words before a bare race time
    time_unit: str  # "second"
    fx_subject: re.Pattern[str]  # "Sterling", "The Singapore dollar": a currency whose price is reported
    fx_name: re.Pattern[str]  # any of those names, where the last before the figure is looked for
    fx_base: re.Pattern[str]  # "against ", "to ": the word before a currency that is the base of a rate
    fx_after: re.Pattern[str]  # " to the dollar", " against the US dollar", " per dollar"
    fx_against: re.Pattern[str]  # "against the euro ": a base named before the figure in its clause
    fx_codes: dict[str, str]  # "the rand" (lower case) → "ZAR"
    fx_generic: re.Pattern[str]  # "the local unit ... ": a common noun for the currency of the figure
    fx_default_base: str  # "USD": the base of a currency quoted in its own money with none written

    def exchange_rate(self, text: str, start: int, end: int, code: str | None) -> tuple[str, str] | None:
        """(currency, per currency) when the figure at start:end is an exchange rate: "sterling ... $1.2080" →
        ("USD", "GBP"); "R17.46 to the dollar" → ("ZAR", "USD"); "the Singapore dollar ... 1.3412 against the
        US dollar" → ("SGD", "USD"). ``code`` is the currency written with the figure, if any."""
        figure = re.search(r"\d[\d,]*(?:\.(\d+))?", text[start:end])
        if figure is None:
            return None
        decimals = figure.group(1) or ""
        after = self.fx_after.match(text, end)
        in_cents = MINOR_UNIT.search(text, start + figure.end(), end) is not None  # "65.4 US cents": 0.654
        if after is None and not in_cents \
                and (len(decimals) < 2 or float(figure.group(0).replace(",", "")) >= 1000):
            return None  # (a base written after the figure says it is a rate: "86.9 to the dollar", "93
            # rubles to the US dollar"; without one, only a price quoted to two decimals or more is one)
        if SCALED.match(text, start + figure.end()) or SCALED.search(text[start:end], figure.end()):
            return None  # "R17.45 billion" is an amount, never a price of a currency
        clause = text[max(0, start - 90):start]
        # the nearest currency named before the figure that is not the base of a rate ("against the dollar")
        subjects = [m for m in self.fx_name.finditer(clause) if not self.fx_base.search(clause, 0, m.start())]
        subject = self._code(subjects[-1].group("cur")) \
            if subjects and self.fx_subject.match(clause, subjects[-1].start()) else None
        base = self._code(after.group("cur")) if after else None
        if base is None and (code is None or subject in (None, code)):
            against = list(self.fx_against.finditer(clause))  # "Against the euro it firmed to R19.64"
            base = self._code(against[-1].group("cur")) if against else None
        if base is None and code is not None and code != self.fx_default_base and (
                subject == code or (subject is None and not subjects
                                    and self.fx_generic.search(text, max(0, start - GENERIC_REACH), start))):
            # "the rand could test R18.50", "The local unit had opened at R17.74": quoted against the dollar
            base = self.fx_default_base
            subject = code
        if base is not None and (code or subject) and (code or subject) != base:
            return (code or subject), base  # type: ignore[return-value]
        if base is None and code is not None and subject is not None and subject != code:
            return code, subject
        return None

    def period_rate(self, text: str, start: int, end: int, measure: bool = False) -> str | None:
        """ "year" when the amount at ``start``:``end`` is named by a noun of a period before it in its clause
        ("peak annual sales of about $2.4 billion", "the median weekly rent ... now $720") or right after it
        ("a C$4.99 monthly charge"); with ``measure``, the nouns of a measure ("an annual capacity of 900,000
        tonnes", "a 10,000-mile annual limit")."""
        after = (self.period_measure_after if measure else self.period_after).match(text, end)
        found = after or (self.period_measure_before if measure else self.period_before).search(
            text, max(0, start - PERIOD_REACH), start)
        if found is None:
            return None
        adjective = found.groupdict().get("adj") or found.group("rate_adj")
        return self.period_units[adjective.lower()]

    def sport_rate(self, text: str, start: int, end: int) -> tuple[str, int] | None:
        """(unit, end) of a bare figure that is a rate a sport names: "an economy of 6.00", "a strike rate of
        187.2", "at 10 an over" (guide 14, "Rates")."""
        if (after := self.sport_after.match(text, end)) is not None:
            return self.sport_units[after.group("rate").lower()], after.end()
        if (named := self.sport_named.search(text, max(0, start - 40), start)) is not None:
            return self.sport_units[re.sub(r"\s+", " ", named.group("rate").lower())], end
        return None

    def measured_time(self, text: str, start: int, end: int) -> str | None:
        """ "second" when the bare figure at start:end is a race time (G-4): two decimals, under a minute,
        right after "finished in", "who ran", "clocked"."""
        if not RACE_TIME.fullmatch(text, start, end) or float(text[start:end]) >= 60:
            return None
        if not TIME_AFTER.match(text, end):
            return None  # "finished in 10.04 territory", "ran 12.45 higher": not a time
        return self.time_unit if self.time_before.search(text, max(0, start - 30), start) else None

    def _code(self, name: str) -> str:
        key = re.sub(r"\s+", " ", name.lower())
        return self.fx_codes.get(key) or self.fx_codes["the " + key]

    def index_level(self, text: str, start: int, end: int) -> bool:
        """Whether the bare figure at start:end is the level of an index named earlier in its clause (not a
        year: "from 2012 to 2024")."""
        figure = text[start:end]
        if looks_like_year(figure):
            return False
        return bool(self.index_before.search(text, max(0, start - 90), start)) \
            and bool(self.index_after.match(text, end))

    def subunit(self, text: str, end: int) -> tuple[str, int] | None:
        """(ISO code, end) of a minor unit written right after a figure ending at ``end``: "88 cents"."""
        found = self.subunit_after.match(text, end)
        if found is None:
            return None
        written = found.group("glued") or re.sub(r"\s+", " ", found.group("word").lower())
        return self.subunit_codes[written], found.end()


@cache
def default_forms() -> NewsForms:
    table = load_table("newsforms")
    slashed = phrase_alternation(load_table("quantities")["rates"]["glued_slash"])
    glued_slash = rf"(?=/(?-i:{slashed})(?![\w/]))"  # "38.2c/kWh": the rate's base is read by the scanner
    words = {k.lower(): v for k, v in table["subunits"]["words"].items()}
    glued = dict(table["subunits"]["glued"])
    levels = table["index_levels"]
    fx = table["exchange_rates"]
    fx_codes = {k.lower(): v for k, v in fx["currencies"].items()}
    fx_names = phrase_alternation(list(fx_codes))
    # the currency names without "the", so that "per dollar" reads as well as "to the dollar"
    bare_names = f"(?:{phrase_alternation(sorted({name.removeprefix('the ') for name in fx_codes}))})"
    indices = [*levels["names"], *load_table("nonclaims")["named_numbers"]["indices"]]
    periods = table["period_rates"]
    adjectives = phrase_alternation(list(periods["adjectives"]))
    nouns, measure_nouns = phrase_alternation(periods["nouns"]), phrase_alternation(periods["measure_nouns"])
    rate_adjectives, rate_nouns = phrase_alternation(periods["rate_adjectives"]), \
        phrase_alternation(periods["rate_nouns"])
    rate_not_before = phrase_alternation(periods["rate_nouns_not_before"])
    sport = table["sport_rates"]
    sport_units = {k.lower(): v for k, v in {**sport["named"], **sport["after"]}.items()}
    return NewsForms(
        sport_named=re.compile(rf"\b(?P<rate>{phrase_alternation(list(sport['named']))})\s+"
                               r"(?:of|is|was|at|to|from|down\s+from|up\s+from)\s+(?:just\s+|only\s+|about\s+)?$",
                               re.IGNORECASE),
        sport_after=re.compile(rf"\s+(?:an?|per)\s+(?P<rate>{phrase_alternation(list(sport['after']))})\b",
                               re.IGNORECASE),
        sport_units=sport_units,
        period_before=re.compile(rf"\b(?:(?P<adj>{adjectives})\s+(?:[\w-]+\s+){{0,2}}?(?:{nouns})\b"
                                 rf"|(?P<rate_adj>{rate_adjectives})\s+(?:{rate_nouns})\b"
                                 rf"(?!\s+(?:{rate_not_before})\b)){PERIOD_GAP}", re.IGNORECASE),
        period_measure_before=re.compile(
            rf"\b(?P<adj>{adjectives})\s+(?:[\w-]+\s+){{0,2}}?(?:{measure_nouns})\b{PERIOD_GAP}",
            re.IGNORECASE),
        period_after=re.compile(rf"\s+(?:(?:in|of)\s+)?(?P<adj>{adjectives})\s+(?:[\w-]+\s+)?(?:{nouns})\b",
                                re.IGNORECASE),
        period_measure_after=re.compile(
            rf"\s+(?:(?:in|of)\s+)?(?P<adj>{adjectives})\s+(?:[\w-]+\s+)?(?:{measure_nouns})\b",
            re.IGNORECASE),
        period_units={k.lower(): v for k, v in periods["adjectives"].items()},
        subunit_after=re.compile(
            rf"(?:(?P<glued>(?-i:{phrase_alternation(list(glued))}))(?:(?![\w/])|{glued_slash})"
            rf"|(?:\s+|-)(?P<word>{phrase_alternation(list(words))})\b)", re.IGNORECASE),
        subunit_codes={**words, **glued},
        glued_subunits=tuple(glued),
        change_by=re.compile(rf"\b(?:{phrase_alternation(table['changes']['by_before'])})\s+$",
                             re.IGNORECASE),
        fx_subject=re.compile(rf"(?:^|(?<=[\s(—–-]))(?P<cur>{fx_names})\b(?!\s+(?:zone|area|bloc|bond|bonds))"
                              r"(?:[^.;!?\n]|\.(?=\d))*$", re.IGNORECASE),
        fx_name=re.compile(rf"(?:^|(?<=[\s(—–-]))(?P<cur>{fx_names})\b", re.IGNORECASE),
        fx_base=re.compile(rf"\b(?:{phrase_alternation(fx['after'])})\s+$", re.IGNORECASE),
        fx_after=re.compile(rf"\s+(?:{phrase_alternation(fx['after'])})\s+(?:the\s+)?(?P<cur>{bare_names})\b",
                            re.IGNORECASE),
        fx_against=re.compile(rf"\b(?:{phrase_alternation(fx['before'])})\s+(?:the\s+)?(?P<cur>{bare_names})\b"
                              r"(?=(?:[^.;!?\n\d]|\.(?=\d))*$)", re.IGNORECASE),
        fx_codes=fx_codes,
        time_before=re.compile(rf"\b(?:{phrase_alternation(table['measured_times']['before'])})\s+$",
                               re.IGNORECASE),
        time_unit=table["measured_times"]["unit"],
        fx_generic=re.compile(rf"(?:^|(?<=[\s(—–-]))(?:{phrase_alternation(fx['generic_subjects'])})\b"
                              r"(?!\s+(?:board|markets?|swaps?|reserves?|union|peg|trade|trading|crisis|of)\b)"
                              r"(?:[^.;!?\n]|\.(?=\d))*$", re.IGNORECASE),
        fx_default_base=fx["default_base"],
        index_before=re.compile(
            rf"(?-i:{phrase_alternation(indices)})(?:[^.;:!?\n]|\.(?=\d))*?\s(?:{phrase_alternation(levels['before'])})\s+$"),
        index_after=re.compile(r"(?:\s*[,.;:)]|\s*$|\s+(?:on|in|at|by|after|before|as|while|and|from|"
                               r"since|this|last|points?|pts)\b)"),
    )
