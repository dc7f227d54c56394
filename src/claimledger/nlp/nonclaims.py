"""Decide which quantities are not claims: dates, times, durations, ages, names, ids, page furniture.

Each rule returns a short reason, kept on the draft (``dropped``) so that a developer can see why a
number was left out. Rules come from ``data/lexicons/nonclaims.toml``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from claimledger.nlp.drafts import ClaimDraft, doc_text
from claimledger.nlp.entities import entity_at
from claimledger.nlp.lexicon import compile_patterns, load_table, phrase_alternation
from claimledger.nlp.literals import folded, may_match
from claimledger.nlp.runner import expired
from claimledger.nlp.semantics import counted_noun
from claimledger.nlp.semantics.units import says_when
from claimledger.normalize.numbers import looks_like_year

NAME_ENTITY_LABELS = {"ORG", "FAC", "PRODUCT", "LAW", "EVENT", "WORK_OF_ART", "PERSON", "GPE", "LOC"}
YEAR_PREPOSITION = re.compile(r"\b(?:for|in|since|until|during|from|through|by)\s+$", re.IGNORECASE)
YEAR_NOUN_AFTER = re.compile(
    r"\s+(?:budget|budgets|election|elections|census|season|games|olympics|harvest|campaign|report|survey|"
    r"plan|law|war|invasion|offensive|floods?|earthquake|fiscal|financial|state|federal|draft)\b",
    re.IGNORECASE,
)
MONTH_NAMES = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?"
)
MONTHS = re.compile(rf"\b{MONTH_NAMES}", re.IGNORECASE)
# "March 3", "Sept. 3": a month right before the figure (not "Ivanova said 3", whose slice starts in a word)
MONTH_BEFORE = re.compile(rf"(?<![a-z]){MONTH_NAMES}\s+$", re.IGNORECASE)
RATE_BASE_BEFORE = re.compile(r"\b(?:per|for\s+every)\s+$", re.IGNORECASE)  # "2.6 doctors per 1,000 people"
GROUPED_THOUSANDS = re.compile(r"\d,\d{3}")
TIME_WORDS = r"(?:year|month|week|day|hour|minute|second|decade|century|season)s?"
TIME_AND_A_PART = re.compile(rf"\b{TIME_WORDS}\s+and\s+$", re.IGNORECASE)  # "a year and a half"
OF_A_TIME = re.compile(rf"\s+of\s+(?:an?|the)\s+{TIME_WORDS}\b", re.IGNORECASE)  # "a quarter of a century"
HYPHEN_MODIFIER = re.compile(r"-(?!strong\b|plus\b)[a-z]", re.IGNORECASE)  # "34-year-old", "24-hour"
AGE_AFTER_NAME = re.compile(r"^\s*(?:,|\.(?:\s|$)|$)")  # "Petrenko, 41, said", "said Olena Petrenko, 58."


@dataclass(frozen=True)
class NonClaimRules:
    furniture: list[re.Pattern[str]]
    identifiers: list[re.Pattern[str]]
    name_before: re.Pattern[str]
    age_before: re.Pattern[str]
    age_bounds: frozenset[str]
    age_superlative: re.Pattern[str]  # "the oldest, a civilian, was 67"
    people: frozenset[str]
    time_units: frozenset[str]
    size_before: re.Pattern[str]
    named_numbers: list[re.Pattern[str]]
    scores: list[re.Pattern[str]]
    measured_before: re.Pattern[str]  # "in 3.2 seconds", "every 15 minutes": a measured time is a claim
    measured_after: re.Pattern[str]  # "11.2 seconds behind", "45 days on average"
    measured_units: dict[str, frozenset[str]]  # cue (lower case) → the time nouns it measures
    measured_from: float  # "400 million years ago": a time this long is measured
    record_after: re.Pattern[str]  # "for 19 hours on Sunday, a record": a measured result (G-4)
    record_units: frozenset[str]
    dated_after: re.Pattern[str]  # "two years ago": a time that dates something, never measured
    year_levels: re.Pattern[str]  # "above 2019 levels": a year a level is measured against
    measured_context: re.Pattern[str]  # "the median age rose to 28.9 years": a measured time (P-7, G-4)
    comparison_after: re.Pattern[str]  # "47 year on year", "58 a year earlier": the time word compares
    went_on_before: re.Pattern[str]  # "lasted 4 hours and 17 minutes": how long something went on
    around_bare: list[re.Pattern[str]]  # "at 22 he", "her three children": words around a bare figure ...
    around_any: list[re.Pattern[str]]  # "a margin of error of 2 points": ... or any figure ([around])
    packs_before: re.Pattern[str]  # "a box of 100": the size of a pack ...
    price_words: re.Pattern[str]  # ... that a price in the sentence is for
    examples_before: list[re.Pattern[str]]  # "a worker earning $75,000": a worked example
    lead_before: re.Pattern[str]  # "On a €250,000 loan, ...": an example that opens a sentence
    lead_nouns: re.Pattern[str]
    counted_after: re.Pattern[str]  # "a 94-page ruling", "a nine-storey building": a compound that counts
    spelled_before: re.Pattern[str]  # "up from three": a number word that is the earlier end of a change
    spelled_after: re.Pattern[str]  # "one per 100,000": ... or a rate
    margins_after: re.Pattern[str]  # "five more than Canada", "two points clear of": a tally's margin
    models_after: re.Pattern[str]  # "six Boeing 787-9s": ... or a count of things named by their model
    age_open_after: re.Pattern[str]  # "those 65 and older": an age that bounds a group
    age_people_before: re.Pattern[str]  # "people under 65"
    thresholds_before: list[re.Pattern[str]]  # "quakes above magnitude 4": a class threshold
    thresholds_after: list[re.Pattern[str]]  # "the 45p rate", "within 15 minutes of schedule"
    corrections_before: list[re.Pattern[str]]  # "a 1.2-point fall, not 1.2%" (O-17)
    charge_after: re.Pattern[str]  # "charges to 50% in 30 minutes": the condition of a measured time
    charge_sentence: re.Pattern[str]


def _named_number_patterns(table: dict) -> list[re.Pattern[str]]:
    """The names of nonclaims.toml [named_numbers] as one pattern ("S&P 500", "FTSE 100", "Formula 1"; a space
    or a hyphen before the number), then its regular expressions."""
    section = table["named_numbers"]
    names = [*section["indices"], *section["products"], *section["forces"]]
    written = "|".join(
        re.sub(r"\\ (?=\d)", r"[\\s-]?", re.escape(n)).replace(r"\ ", r"\s+")
        for n in sorted(names, key=len, reverse=True))
    return [re.compile(rf"(?<![\w&])(?:{written})(?![\w])", re.IGNORECASE),
            *compile_patterns(section["patterns"], "nonclaims.toml [named_numbers]")]


MEASURED_SECTIONS = ("measured_before", "measured_after")


def _cues(table: dict, side: str) -> list[str]:
    return list(table["time_units"].get(side, {}))


def _measured_units(table: dict) -> dict[str, frozenset[str]]:
    """Cue (lower case) → the time nouns it measures, over every measured_* list (a cue in two lists
    measures the nouns of both)."""
    units: dict[str, frozenset[str]] = {}
    for section in MEASURED_SECTIONS:
        for cue, nouns in table["time_units"].get(section, {}).items():
            units[cue.lower()] = units.get(cue.lower(), frozenset()) | frozenset(nouns)
    return units


@cache
def default_rules() -> NonClaimRules:
    table = load_table("nonclaims")
    return NonClaimRules(
        furniture=compile_patterns(table["furniture"]["line_patterns"], "nonclaims.toml [furniture]"),
        identifiers=compile_patterns(table["identifiers"]["patterns"], "nonclaims.toml [identifiers]"),
        name_before=re.compile(rf"\b(?:{phrase_alternation(table['names']['before'])})\s*$", re.IGNORECASE),
        age_before=re.compile(rf"\b(?:{phrase_alternation(table['ages']['before'])})\s+$", re.IGNORECASE),
        age_bounds=frozenset(table["ages"]["bounds_after_be"]),
        age_superlative=re.compile(table["ages"]["superlative_before"], re.IGNORECASE),
        people=frozenset(load_table("categories")["people"]["nouns"]) | frozenset(table["ages"]["groups"]),
        time_units=frozenset(table["time_units"]["nouns"]),
        size_before=re.compile(rf"\b(?:{phrase_alternation(table['sizes']['before'])})\s+$", re.IGNORECASE),
        named_numbers=_named_number_patterns(table),
        scores=compile_patterns(table["scores"]["patterns"], "nonclaims.toml [scores]"),
        measured_before=re.compile(
            rf"\b(?P<cue>{phrase_alternation(_cues(table, 'measured_before'))})\s+$", re.IGNORECASE),
        measured_after=re.compile(
            rf"\s+(?P<cue>{phrase_alternation(_cues(table, 'measured_after'))})\b", re.IGNORECASE),
        measured_units=_measured_units(table),
        measured_from=float(table["time_units"]["measured_from"]),
        record_after=re.compile(table["time_units"]["record_after"], re.IGNORECASE),
        record_units=frozenset(table["time_units"]["record_units"]),
        dated_after=re.compile(
            rf"\s+(?:{phrase_alternation(table['time_units']['dated_after'])})\b", re.IGNORECASE),
        packs_before=re.compile(rf"\b(?:{phrase_alternation(table['sizes']['packs_before'])})\s+$",
                                re.IGNORECASE),
        price_words=re.compile(rf"\b(?:{phrase_alternation(table['sizes']['price_words'])})\b|[$€£¥₹]",
                               re.IGNORECASE),
        examples_before=compile_patterns(table["examples"]["before"], "nonclaims.toml [examples]"),
        lead_before=re.compile(table["examples"]["lead_before"]),
        lead_nouns=re.compile(
            rf"\s+(?:[\w-]+\s+){{0,2}}?(?:{phrase_alternation(table['examples']['lead_nouns'])})\b",
            re.IGNORECASE),
        counted_after=re.compile(
            rf"-(?:{phrase_alternation(table['compound_modifiers']['counted_after'])})\b", re.IGNORECASE),
        spelled_before=re.compile(
            rf"\b(?:{phrase_alternation(table['spelled_claims']['before'])})\s+$", re.IGNORECASE),
        spelled_after=re.compile(
            rf"\s+(?:{phrase_alternation(table['spelled_claims']['after'])})\b", re.IGNORECASE),
        models_after=re.compile(table["spelled_claims"]["models_after"]),
        margins_after=re.compile(
            rf"\s+(?:{phrase_alternation(table['spelled_claims']['margins_after'])})\b", re.IGNORECASE),
        age_open_after=re.compile(table["ages"]["open_after"], re.IGNORECASE),
        age_people_before=re.compile(table["ages"]["people_before"], re.IGNORECASE),
        thresholds_before=compile_patterns(table["thresholds"]["before"], "nonclaims.toml [thresholds]"),
        thresholds_after=compile_patterns(table["thresholds"]["after"], "nonclaims.toml [thresholds]"),
        corrections_before=compile_patterns(table["corrections"]["before"], "nonclaims.toml [corrections]"),
        charge_after=re.compile(table["charge_levels"]["after"], re.IGNORECASE),
        charge_sentence=re.compile(table["charge_levels"]["sentence"], re.IGNORECASE),
        year_levels=re.compile(rf"\s+(?:{phrase_alternation(table['years']['level_nouns'])})\b",
                               re.IGNORECASE),
        measured_context=re.compile(table["time_units"]["measured_context"], re.IGNORECASE),
        comparison_after=re.compile(table["time_units"]["comparison_after"], re.IGNORECASE),
        went_on_before=re.compile(table["time_units"]["went_on_before"], re.IGNORECASE),
        around_bare=compile_patterns(table["around"]["bare"], "nonclaims.toml [around]"),
        around_any=compile_patterns(table["around"]["any"], "nonclaims.toml [around]"),
    )


def furniture_ranges(text: str, rules: NonClaimRules) -> list[tuple[int, int]]:
    """Character ranges of lines that are page furniture ("Read more: ...", "Contact ...")."""
    ranges = []
    offset = 0
    for line in text.split("\n"):
        if line.strip() and any(may_match(p, lowered) and p.search(line)
                                for lowered in (folded(line),) for p in rules.furniture):
            ranges.append((offset, offset + len(line)))
        offset += len(line) + 1
    return ranges


def identifier_ranges(text: str, rules: NonClaimRules, lowered: str | None = None) -> list[tuple[int, int]]:
    return _spans(rules.identifiers, text, lowered)


def _spans(patterns: list[re.Pattern[str]], text: str, lowered: str | None = None) -> list[tuple[int, int]]:
    """The spans every pattern finds in the whole text, in order; a pattern none of whose required words is
    in the text (``literals.may_match``, exact) is not run: most of these patterns begin with ``\\b`` or a
    look-behind, which keeps the regex engine from skipping ahead, so each run is a crawl through the text."""
    lowered = folded(text) if lowered is None else lowered
    return [m.span() for p in patterns if may_match(p, lowered) for m in p.finditer(text)]


class Ranges:
    """Character ranges asked "does one of you hold start:end" once per figure: sorted once, with the
    farthest end reached so far, so each question is a bisection, not a walk through every range."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        ordered = sorted(ranges)
        self.starts = [a for a, _ in ordered]
        self.reach: list[int] = []
        for _, b in ordered:
            self.reach.append(max(b, self.reach[-1]) if self.reach else b)

    def hold(self, start: int, end: int) -> bool:
        k = bisect_right(self.starts, start)
        return k > 0 and self.reach[k - 1] >= end


def reason_not_a_claim(
    draft: ClaimDraft, doc: Doc, rules: NonClaimRules, text: str | None = None
) -> str | None:
    """Why this quantity is not a claim, or None when it is one. ``text`` is ``doc.text``, passed in
    by a caller that has it (building it joins every token)."""
    mention = draft.mention
    text = doc_text(doc) if text is None else text
    after = text[mention.num_end:mention.num_end + 12]
    before = text[max(0, mention.start - 25):mention.start]
    if mention.unit is None and HYPHEN_MODIFIER.match(after) and not counted_compound(draft, rules):
        return "part of a compound modifier (an age, a duration or a size: '34-year-old', '24-hour')"
    around = _words_around(draft, text, rules)
    if around is not None:
        return around
    went_from = max(draft.sentence.start_char, mention.start - 100)
    if mention.unit in TIME_PARTS and TWO_TIME_UNITS.search(mention.text) and \
            rules.went_on_before.search(text, went_from, mention.start):
        return "how long something went on ('the alert lasted 4 hours and 17 minutes'), not a measured time"
    if RATE_BASE_BEFORE.search(before) and mention.bound == "exact":
        return "the base of a rate ('per 1,000 people', 'per 40-foot container'), not a count"
    if mention.unit is None and rules.age_before.search(before):
        return "an age"
    if mention.unit is None and mention.value <= 120 and mention.high is None \
            and _open_age(draft, text, rules):
        return "an age that bounds a group of people ('those 65 and older', 'people under 65')"
    if mention.unit == "percent" and rules.charge_after.match(text, mention.end) and \
            rules.charge_sentence.search(text, draft.sentence.start_char, draft.sentence.end_char):
        return "the charge level of a timed charge ('to 80% in 25 minutes'), the condition of a measured time"
    if _class_threshold(draft, text, rules):
        return "a class threshold that defines a group ('quakes above magnitude 4', 'the 45p rate')"
    if any(p.search(before) for p in rules.corrections_before):
        return "a figure named only to be corrected ('a 1.2-point fall, not 1.2%')"
    if mention.unit is None and rules.size_before.search(before):
        return "the size of a unit described ('a family of four'), not a count"
    if _size_of_a_priced_unit(draft, text, before, rules):
        return "the size of the pack or container a price is for ('a box of 100', 'a 330ml can')"
    if _worked_example(draft, text, rules):
        return "a figure of a worked example ('a worker earning $75,000'), not a fact"
    if mention.unit == "percent" and mention.spelled and (
            TIME_AND_A_PART.search(text, max(0, mention.start - 16), mention.start)
            or OF_A_TIME.match(text, mention.end)):
        return "a part of a span of time ('a year and a half', 'a quarter of a century')"
    if mention.unit is None and _is_age_after_name(draft, text, rules):
        return "an age after a name ('Petrenko, 41,')"
    if mention.unit is None and _is_age_of_people(draft, rules):
        return "an age ('those admitted were over 60')"
    if mention.unit is None and mention.value < 120 and counted_noun(draft) is None and \
            rules.age_superlative.search(text, max(0, mention.start - 100), mention.start):
        return "an age ('the oldest was 67')"
    figure_text = text[mention.num_start:mention.num_end]
    if mention.unit is None and mention.high is None and looks_like_year(figure_text):
        if rules.year_levels.match(after):
            return "a year a level is measured against ('above 2019 levels')"
        noun = counted_noun(draft)
        if noun is None or noun.tag_ not in ("NNS",) or noun.lemma_.lower() in rules.time_units:
            return "a year"
        if YEAR_PREPOSITION.search(before) and mention.bound == "exact":
            return "a year ('the budget for 2025 totals ...')"
        if YEAR_NOUN_AFTER.match(after) and mention.bound == "exact":
            return "a year ('the 2025 budget')"
    if mention.unit is None and mention.bound == "range" and looks_like_year(figure_text):
        return "a span of years"
    month_before = MONTH_BEFORE.search(text, max(0, mention.start - 12), mention.start)
    if mention.unit is None and month_before and mention.value <= 31:
        return "a day of the month"
    if mention.unit is None and MONTHS.match(text, mention.end + 1) and mention.value <= 31 \
            and not mention.spelled:
        return "a day of the month"
    if mention.unit is None and rules.name_before.search(before) and _capitalised_word_before(before):
        return "part of a name or an id ('Article 5', 'Route 20')"
    if mention.unit is None and _inside_name_entity(draft):
        return "part of a name"
    if _after_a_product_name(draft):
        return "part of a name ('the Zentra 15', 'the NZX 50')"
    noun = counted_noun(draft)
    to_end = TO_FIGURE.match(text, mention.end)  # "from 63 to 47 year on year": the earlier end compares too
    compares = mention.unit is None and rules.comparison_after.match(
        text, to_end.end() if to_end is not None else mention.end) is not None
    if noun is not None and noun.lemma_.lower() in rules.time_units and mention.unit is None \
            and not _measured_time(draft, noun, text, rules) and not _time_phrase_after(draft, noun) \
            and not compares and not EQUIVALENT_BEFORE.search(before):
        return "a duration or a point in time"
    dated = draft.figure.ent_type_ in ("DATE", "TIME") and not _lone_number_entity(draft) \
        and not GROUPED_THOUSANDS.search(figure_text) \
        and not compares  # "since March 3 to 2,145": no date is written so; "58 a year earlier" compares
    doc = draft.span.doc
    if dated and 0 < draft.span.start and draft.span.end < len(doc) and says_when(doc[draft.span.end]) \
            and doc[draft.span.start - 1].lower_ not in CLOCK_PREPOSITIONS:
        dated = False  # "17 tomorrow", "was 12 last week": a count the word after dates ("at 5 tomorrow": no)
    if noun is None and mention.unit is None and dated:
        return "a date or a time"
    if mention.spelled and mention.value == 1 and text[mention.end:mention.end + 4].lower() == " of ":
        return "'one of', not a count"
    return None


# O-4: "the equivalent of 5.1 months of imports" restates an amount: a claim, not a duration
EQUIVALENT_BEFORE = re.compile(r"\bequivalent\s+(?:of|to)\s+(?:about\s+|around\s+|roughly\s+|some\s+)?$",
                               re.IGNORECASE)
CLOCK_PREPOSITIONS = frozenset({"at", "on", "by", "until", "till", "in", "since", "before", "after"})


def counted_compound(draft: ClaimDraft, rules: NonClaimRules | None = None) -> bool:
    """ "a 94-page ruling", "the five-storey building": the figure and a hyphen count the parts or the size of
    one thing (nonclaims.toml [compound_modifiers]), a claim though it has no counted noun of its own."""
    mention = draft.mention
    text = doc_text(draft.span.doc)
    return mention.unit is None and mention.value >= 2 and \
        (rules or default_rules()).counted_after.match(text, mention.num_end) is not None


def claim_by_its_words(draft: ClaimDraft) -> bool:
    """A number word that counts no noun of its own but is a claim by the words around it: a compound that
    counts ("the five-storey building"), the earlier end of a change ("up from three in 2018"), a rate ("one
    per 100,000"), the margin of a tally ("five more than Canada"). nonclaims.toml [compound_modifiers],
    [spelled_claims]."""
    rules = default_rules()
    mention = draft.mention
    text = doc_text(draft.span.doc)
    return counted_compound(draft, rules) or \
        rules.spelled_before.search(text, max(0, mention.start - 20), mention.start) is not None or \
        rules.spelled_after.match(text, mention.end) is not None or \
        (mention.value >= 2 and rules.models_after.match(text, mention.end) is not None) or \
        (mention.value >= 2 and rules.margins_after.match(text, mention.end) is not None)


def _is_money_or_share(unit: str | None) -> bool:
    return unit is not None and (unit[:3].isupper() or unit.startswith(("percent", "percentage")))


def _size_of_a_priced_unit(draft: ClaimDraft, text: str, before: str, rules: NonClaimRules) -> bool:
    """ "a box of 100 tablets costs 450 rupees", "a 330ml can of cola", "filling a 60-litre tank costs £85":
    the size of what a price is for (CL-2), in a sentence that names a price."""
    mention = draft.mention
    if _is_money_or_share(mention.unit) or mention.bound != "exact":
        return False
    if mention.unit is None and rules.packs_before.search(before):
        pass  # (a size written as a modifier, "a 250g block", "a four-pint bottle", is a claim: R-3)
    else:
        noun = counted_noun(draft)  # "a dozen eggs costs £3": the counted things are what the price is for
        if not (mention.spelled and noun is not None and noun.dep_ == "nsubj"
                and noun.head.lemma_.lower() in ("cost", "retail")):
            return False
    sentence = draft.sentence
    return rules.price_words.search(text, sentence.start_char, sentence.end_char) is not None


THRESHOLD_BEFORE, THRESHOLD_AFTER = 40, 40


def _open_age(draft: ClaimDraft, text: str, rules: NonClaimRules) -> bool:
    """ "those 65 and older", "people under 65", "was under 18": a bare age that bounds a group (R-10)."""
    mention = draft.mention
    if rules.age_open_after.match(text, mention.end):
        return counted_noun(draft) is None
    if mention.bound_cue not in rules.age_bounds or mention.spelled \
            or not rules.age_people_before.search(text, max(0, mention.start - 30), mention.start):
        return False
    doc = draft.span.doc  # "people under 65 stay ...": no noun of its own after the figure (a verb, a stop)
    return draft.span.end >= len(doc) or doc[draft.span.end].pos_ not in ("NOUN", "PROPN") \
        or doc[draft.span.end].lemma_.lower() in ("year", "stay")


AROUND_BEFORE, AROUND_AFTER = 50, 40
TO_FIGURE = re.compile(r"\s+to\s+\d[\d.,]{0,12}(?<![.,])")
TIME_PARTS = frozenset({"second", "minute", "hour", "day"})  # the scanner's unit of a time in two units
TWO_TIME_UNITS = re.compile(r"\d\s*(?:hours?|hrs?|h|minutes?|mins?|days?)\b.{0,6}\d", re.IGNORECASE)


def _words_around(draft: ClaimDraft, text: str, rules: NonClaimRules) -> str | None:
    """ "at 22 he is", "her three children", "a margin of error of 2 points", "If Brent holds above $90": the
    words around the figure (within its sentence, written "#") make it no claim (nonclaims.toml [around])."""
    mention = draft.mention
    sentence = draft.sentence
    start = max(sentence.start_char, mention.num_start - AROUND_BEFORE)
    end = min(sentence.end_char, mention.end + AROUND_AFTER)
    window = f"{text[start:mention.num_start]}#{text[mention.end:end]}"  # (its bound words stay before "#")
    if mention.unit is None and mention.value <= 120 and mention.value.is_integer() \
            and any(p.search(window) for p in rules.around_bare):  # (whole: "at 1.31 we are" is no age)
        return "an age, a family, a rank or a count of anonymous sources ('at 22 he', 'her three children')"
    if any(p.search(window) for p in rules.around_any):
        return "a stated uncertainty, a vote threshold or a level in a condition ('plus or minus 0.7')"
    return None


def _class_threshold(draft: ClaimDraft, text: str, rules: NonClaimRules) -> bool:
    mention = draft.mention
    for at in {mention.start, mention.num_start}:
        if any(p.search(text, max(0, at - THRESHOLD_BEFORE), at) for p in rules.thresholds_before):
            return True
    end = max(mention.end, mention.unit_end)
    window = text[max(0, end - 3):end + THRESHOLD_AFTER]  # (three characters back: look-behinds read them)
    return any(p.match(window, 3 if end >= 3 else end) for p in rules.thresholds_after)


def _worked_example(draft: ClaimDraft, text: str, rules: NonClaimRules) -> bool:
    """ "a worker earning $75,000 will be $12 a week better off", "On a €250,000 loan, that adds €800 a
    month": the amount a calculation is built on, not a fact about the world."""
    mention = draft.mention
    before = text[max(0, mention.start - 60):mention.start]
    if any(p.search(before) for p in rules.examples_before):
        return True
    return bool(rules.lead_before.search(before)) and \
        rules.lead_nouns.match(text, max(mention.end, mention.unit_end)) is not None


def _time_phrase_after(draft: ClaimDraft, noun: Token) -> bool:
    """ "attendance was 24,870 last season", "up from 53 last year": the time word starts a phrase of its
    own after the figure; it is not what the figure counts."""
    doc = noun.doc
    return noun.i > draft.span.end and doc[noun.i - 1].lower_ in ("last", "this", "next", "previous", "past")


def _measured_time(draft: ClaimDraft, noun: Token, text: str, rules: NonClaimRules) -> bool:
    """ "in 3.2 seconds", "every 15 minutes", "11.2 seconds behind": a time that was measured, not a span."""
    unit = noun.lemma_.lower()
    start = draft.mention.start
    if draft.mention.value >= rules.measured_from:
        return True
    if rules.dated_after.match(text, noun.idx + len(noun.text)):
        return False  # "up from 3% two years ago": the time dates the earlier end
    for at in (start, draft.mention.num_start):  # the cue may be the figure's bound: "within 40 minutes"
        before = rules.measured_before.search(text, max(0, at - 16), at)
        if before and unit in rules.measured_units[re.sub(r"\s+", " ", before.group("cue").lower())]:
            return True
    if rules.measured_context.search(text, max(draft.sentence.start_char, start - 80), start):
        return True  # "the median age rose to 28.9 years"
    noun_end = noun.idx + len(noun.text)
    if unit in rules.record_units and rules.record_after.match(text[noun_end:draft.sentence.end_char]):
        return True
    after = rules.measured_after.match(text, noun_end)
    return after is not None and unit in rules.measured_units[re.sub(r"\s+", " ", after.group("cue").lower())]


def _lone_number_entity(draft: ClaimDraft) -> bool:
    """ "The largest number of detentions, 61, was in Moscow": the recogniser calls a bare figure a DATE
    with no date word around it; a figure alone is a date only when it looks like a year."""
    figure = draft.figure
    ent = entity_at(figure.doc, figure.i)
    if ent is not None and ent.label_ == "DATE":
        inside = range(draft.span.start, draft.span.end)
        words = [t for t in ent if not t.like_num and not t.is_punct and t.i not in inside]
        return not words and not looks_like_year(figure.text)
    return False




def _capitalised_word_before(before: str) -> bool:
    words = re.findall(r"[\w.#]+", before)
    return bool(words) and (words[-1][:1].isupper() or words[-1].lower() in ("no.", "number", "#"))


SPEECH_VERBS = {"say", "tell", "add", "recall", "explain", "ask", "write", "recount", "describe"}


def _is_age_after_name(draft: ClaimDraft, text: str, rules: NonClaimRules) -> bool:
    """'Olena Petrenko, 41, said', 'The woman, 46, died' – a bare number set off by commas right after a
    person's name or a word for a person."""
    span = draft.span
    if span.start == 0 or draft.mention.spelled:
        return False
    comma = span.doc[span.start - 1]
    if comma.text != "," or span.start < 2:
        return False
    name = span.doc[span.start - 2]
    # match on a slice: "^" does not anchor at a start position given to match()
    following = text[draft.mention.end:draft.mention.end + 3]
    if draft.mention.unit is not None or counted_noun(draft) is not None:
        return False
    speaker = name.dep_ == "nsubj" and name.head.lemma_.lower() in SPEECH_VERBS  # "said Olena, 58,"
    person = name.ent_type_ == "PERSON" or (name.pos_ == "PROPN" and (name.ent_type_ != "ORG" or speaker))
    named = person or name.lemma_.lower() in rules.people
    return named and bool(AGE_AFTER_NAME.match(following)) and draft.mention.value < 120


def _is_age_of_people(draft: ClaimDraft, rules: NonClaimRules) -> bool:
    """ "about 40% of those admitted were over 60": a bare figure after "be over/under" said of people
    is their age; "the death toll was over 60" is a count (its subject is not people)."""
    mention = draft.mention
    if mention.bound_cue not in rules.age_bounds or mention.value > 120 or counted_noun(draft) is not None:
        return False
    token = draft.figure
    for _ in range(2):
        token = token.head
        if token.lemma_.lower() == "be":
            break
    else:
        return False
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    if subject.text == "%" or subject.lemma_.lower() in ("most", "many", "half", "majority", "some", "all"):
        of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        subject = next((c for c in of.children if c.dep_ == "pobj"), subject) if of is not None else subject
    return subject.pos_ == "PRON" or subject.lemma_.lower() in rules.people


WEEKDAYS_AND_MONTHS = MONTHS.pattern + r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day"


def _after_a_product_name(draft: ClaimDraft) -> bool:
    """ "the Zentra 15, a tablet", "the NZX 50 added 0.2%": a bare figure right after a capitalised name that
    follows "the" is the end of the name (guide 14); "the Strip 41 people" counts (a plural noun follows)."""
    mention = draft.mention
    if mention.unit is not None or mention.spelled or mention.bound != "exact" or mention.high is not None \
            or mention.value >= 1000 or draft.span.start == 0:
        return False
    doc = draft.span.doc
    k = draft.span.start - 1
    name_start = k
    while name_start >= draft.sentence.start and doc[name_start].pos_ == "PROPN" \
            and doc[name_start].text[:1].isupper() \
            and not re.fullmatch(WEEKDAYS_AND_MONTHS, doc[name_start].text, re.IGNORECASE):
        name_start -= 1
    if name_start == k or name_start < draft.sentence.start \
            or doc[name_start].lower_ not in ("the", "its", "their"):
        return False
    noun = counted_noun(draft)
    return noun is None or noun.tag_ not in ("NNS", "NNPS")


def _inside_name_entity(draft: ClaimDraft) -> bool:
    figure = draft.figure
    if figure.ent_type_ not in NAME_ENTITY_LABELS:
        return False
    ent = entity_at(figure.doc, figure.i)
    if ent is not None:
        return ent.start < draft.span.start \
                and not any(t.like_num for t in ent[: draft.span.start - ent.start])
    return False


def mark_nonclaims(doc: Doc, rules: NonClaimRules, include_vague: bool = False) -> None:
    text = doc_text(doc)
    lowered = folded(text)
    furniture = Ranges(furniture_ranges(text, rules))
    identifiers = Ranges(identifier_ranges(text, rules, lowered))
    names = Ranges(_spans(rules.named_numbers, text, lowered))
    scores = Ranges(_spans(rules.scores, text, lowered))
    for draft in doc._.claim_drafts or []:
        if expired(doc):
            return  # the document's time is up: it is reported as skipped
        if draft.dropped is not None:
            continue
        mention = draft.mention
        if furniture.hold(mention.num_start, mention.num_end):
            draft.dropped = "page furniture"
        elif identifiers.hold(mention.num_start, mention.num_end):
            draft.dropped = "a phone number, time of day or id"
        elif names.hold(mention.num_start, mention.num_end):
            draft.dropped = "part of a name (an index, a model, a product, a unit: 'S&P 500', 'iPhone 11')"
        elif scores.hold(mention.num_start, mention.num_end) and mention.role != "poll":
            draft.dropped = "a sports score, the play of a match or a rating ('won 3-1', '88 off 47 balls')"
        elif mention.vague and not include_vague:
            draft.dropped = "a vague magnitude with no figure ('thousands of')"
        else:
            draft.dropped = reason_not_a_claim(draft, doc, rules, text)
