"""The category rules as data: category nouns, people nouns and event words from
``data/lexicons/categories.toml``, with the closed word classes and reaches the readers test against.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from claimledger.nlp.lexicon import load_table, phrase_alternation


def _words(name: str) -> frozenset[str]:
    """A closed word class from the lexicon's ``[words]`` table (user additions merged in)."""
    return frozenset(load_table("categories")["words"][name])


def _table(name: str) -> dict[str, str]:
    return dict(load_table("categories")["words"][name])


CURRENCY_UNITS_ARE_CODES = 3  # ISO 4217 codes are three capitals
LEMMA_FIXES = _table("lemma_fixes")  # the lemmatiser reads "doses" as the plural of "dos"
UNIT_ABBREVIATIONS = _table("unit_abbreviations")  # "14 km" → "kilometre", as the guide
LOCATION_PREPOSITIONS = _words("location_prepositions")
LOCATION_LABELS = {"GPE", "LOC", "FAC"}
NUMBER_LINK_DEPS = {"quantmod", "compound", "nummod", "nmod", "npadvmod"}
SCALE_WORDS = _words("scale_words")
NOUN_POS = {"NOUN", "PROPN"}
NOT_COMPOUNDS = SCALE_WORDS | _words("scale_compounds")  # "3 lakh farmers": a scale, not a kind of farmer
MEASURE_MODIFIERS = {"square", "cubic"}
CLAUSE_EDGES = {"ccomp", "parataxis", "advcl", "relcl", "acl", "xcomp"}
BARE_FIGURE_UNITS = {"deaths": "death", "injuries": "person", "casualties": "casualty",
                     "displaced": "person", "detained": "person"}


@dataclass(frozen=True)
class CurrencyPlaces:
    """Where a story is set, for a currency name several countries share (U-1, G-1): ``places`` finds the
    places of ``codes`` (place as written → ISO code); for a name that may be written without itself ("$",
    "63.9¢"), ``bare`` finds the written forms, ``marks`` the marks that make it the default's own ("US$"),
    ``world`` the words of a sentence that price a good traded worldwide in the default currency."""

    default: str
    codes: dict[str, str]
    places: re.Pattern[str]
    bare: re.Pattern[str] | None = None
    marks: re.Pattern[str] | None = None
    world: re.Pattern[str] | None = None


def _currency_places(table: dict) -> dict[str, CurrencyPlaces]:
    """[currency_by_country] and [currency_marks] of quantities.toml, compiled once."""
    by_country, written = table.get("currency_by_country", {}), table.get("currency_marks", {})
    found: dict[str, CurrencyPlaces] = {}
    for name, countries in by_country.items():
        default, marks = countries.get("default", ""), written.get(name, {})
        codes = {}
        if "places_of" in marks:  # cents: the places of the dollar, then their own
            other = by_country[marks["places_of"]]
            codes.update({p: default for p in written.get(marks["places_of"], {}).get("elsewhere", ())})
            codes.update({p: c for p, c in other.items() if p != "default"})
        codes.update({p: default for p in marks.get("elsewhere", ())})
        codes.update({p: c for p, c in countries.items() if p != "default"})

        def words(phrases: list[str], tail: str = r"(?![\w-])") -> re.Pattern[str] | None:
            return re.compile(rf"(?<![\w.])(?:{phrase_alternation(phrases)}){tail}") if phrases else None
        found[name] = CurrencyPlaces(
            default, codes, words(list(codes)) or re.compile(r"(?!)"),
            re.compile(rf"(?<![A-Za-z])(?:{phrase_alternation(marks['forms'])})(?![a-z])", re.IGNORECASE)
            if marks.get("forms") else None, words(marks.get("marks", []), r"(?![A-Za-z-])"),
            words(marks.get("world", [])))
    return found


@dataclass(frozen=True)
class CategoryRules:
    noun_category: dict[str, str]  # "artillery system" → equipment
    people: frozenset[str]
    events: dict[str, frozenset[str]]  # category or role → lemmas
    currency_by_country: dict[str, CurrencyPlaces]  # "rupee" → the places of PKR, INR, ... (default INR)
    keep_compound_heads: frozenset[str]
    kind_modifiers: frozenset[str] = frozenset()  # "army helicopter", "attack drone": a kind, left out
    bare_heads: frozenset[str] = frozenset()  # "heatstroke deaths", "new cases": the head alone
    classifying_adjectives: frozenset[str] = frozenset()  # "resident doctor", "nautical mile": kept
    measure_nouns: frozenset[str] = frozenset()  # "a magnitude of 6.1": the noun is the unit
    people_collectives: frozenset[str] = frozenset()  # "estimated the crowd at 25,000": people
    fixed_compounds: frozenset[str] = frozenset()  # "local government area": kept whole (U-4)
    classifier_nouns: frozenset[str] = frozenset()  # "40 pieces of heavy equipment"
    uncounted_subjects: frozenset[str] = frozenset()  # "Prices rose to 120": no counted noun


@cache
def default_rules() -> CategoryRules:
    table = load_table("categories")
    noun_category = {noun: category for category, nouns in table["nouns"].items() for noun in nouns}
    events = {name: frozenset(words) for name, words in table["events"].items()}
    by_country = _currency_places(load_table("quantities"))
    units = table["units"]
    keep = frozenset(units["keep_compound_heads"])
    return CategoryRules(noun_category, frozenset(table["people"]["nouns"]), events, by_country, keep,
                         frozenset(units.get("kind_modifiers", ())), frozenset(units.get("bare_heads", ())),
                         frozenset(units.get("classifying_adjectives", ())),
                         frozenset(units.get("measure_nouns", ())),
                         frozenset(units.get("people_collectives", ())),
                         frozenset(units.get("fixed_compounds", ())),
                         frozenset(units.get("classifier_nouns", ())),
                         frozenset(units.get("uncounted_subjects", ())))


FLIGHT = _words("flight")
PLACE_PREPOSITIONS = _words("place_prepositions")  # "moved to safety", "were among the dead"
NUMBER_NOUNS = _words("number_nouns")
COUNT_HOLDERS = _words("count_holders")  # "put the number at 21": what it counts is elsewhere
COUNT_OWNERS = _words("count_owners")  # "the average trade estimate": whose count, not what it counts
TIME_ADVERBS = _words("time_adverbs")  # "17 tomorrow": when, not what
TIME_DETERMINERS = _words("time_determiners")  # "53 last year"
CHANGE_PREPOSITIONS = _words("change_prepositions")  # "Retrenchments rose to 3,720, from 3,110"
CHANGE_VERBS = _words("change_verbs")  # "Arrivals passed 40,000"
PASSIVE_COUNT_VERBS = _words("passive_count_verbs")  # "arrivals are estimated at 210,000"
PEOPLE_PARTICIPLES = _table("people_participles")  # "the number of dead" → death, "displaced" → person
BARE_WORDS = _words("bare_words")  # "28 others": the noun is the one before


NOT_PLURAL_MEN = _words("not_plural_men")


HOMES = _words("homes")


TREATMENT_REACH = 10  # tokens after the counted noun that "treated in hospital for burns" may take


KILLED_AND_WOUNDED = re.compile(
    r"\b(?:killed|dead|deaths?|fatalities)\s+(?:and|or|&)\s+(?:wounded|injured|hurt|injuries)\b",
    re.IGNORECASE,
)
CASUALTY_LINK = re.compile(r"\s+(?:(?:were|was|are|have been|had been|been|left)\s+)?", re.IGNORECASE)
HURT_WORDS = ("wound", "injur", "hurt")
NUMBER_OF_CASUALTIES = re.compile(r"\b(?:number|toll|total|tally|count) of (?:the )?(?-i:[A-Z][a-z]+ )?$",
                                  re.IGNORECASE)  # "the number of Russian dead and wounded"


COMPARED = re.compile(  # "up from 1,400", "down 7% from a record 520,000", "against 640"
    r"\b(?:(?:up|down|compared|rise|fall|drop|increase|decrease|decline)(?: [\d.]+ ?(?:%|per ?cent))?,?"
    r" (?:from|with|to)|against|versus)"
    r"(?: (?:a|an|the))?(?: (?:record|peak|high|low)(?: of)?)?\s*$", re.IGNORECASE)


PARTITIVE_PRONOUNS = _words("partitive_pronouns")
# What happened to people is each count's own: "Eight more were missing" is not the captured before it.
PEOPLE_EVENTS = {"deaths", "injuries", "casualties", "detained", "displaced"}
PEOPLE_UNITS = _words("people_units")
ELLIPSIS_REACH = 1  # sentences back that a bare "More than 130 were injured" may take its people from


PARTITIVE_REACH = 2  # sentences back that "of them" may point to
COUNTED_REACH = 3  # sentences back that "60 of the vehicles" may find the count of them ("246 trucks")


VICTIM_WORDS = _words("victim_words")
TOLL_REACH = 6  # sentences back that "Four of the victims" may point to the toll


POW_CONTEXT = re.compile(
    r"\b(?:prisoners?|pows?|captivity|captives?|exchanges?|swaps?|swapped|exchanged)\b", re.IGNORECASE
)
RETURN_VERBS = _words("return_verbs")


AMONG_THEM = tuple(sorted(_words("among_them")))  # str.startswith takes a tuple


PASSING_NOUNS = _words("passing_nouns")  # "two sides", "three ways": counted in passing


SPEECH_VERBS = _words("speech_verbs")
