"""The category rules as data: category nouns, people nouns and event words from
``data/lexicons/categories.toml``, with the closed word classes and reaches the readers test against.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from claimledger.nlp.lexicon import load_table

CURRENCY_UNITS_ARE_CODES = 3  # ISO 4217 codes are three capitals
LEMMA_FIXES = {"people": "person", "troops": "troop", "personnel": "personnel", "forces": "force",
               "data": "data", "doses": "dose"}  # the lemmatiser reads "doses" as the plural of "dos"
# Abbreviated measures are written out in the unit, as the guide's "kilometres" ("14 km" → "kilometre").
UNIT_ABBREVIATIONS = {"km": "kilometre", "kms": "kilometre", "sq km": "square kilometre",
                      "square km": "square kilometre", "kg": "kilogram", "kgs": "kilogram",
                      "cm": "centimetre", "mm": "millimetre", "mi": "mile", "ha": "hectare"}
LOCATION_PREPOSITIONS = {"in", "to", "near", "at", "across", "outside", "around", "inside",
                         "into", "from", "on", "over"}
LOCATION_LABELS = {"GPE", "LOC", "FAC"}
NUMBER_LINK_DEPS = {"quantmod", "compound", "nummod", "nmod", "npadvmod"}
SCALE_WORDS = {"thousand", "million", "billion", "trillion", "hundred", "dozen", "bn", "m", "mn", "k"}
NOUN_POS = {"NOUN", "PROPN"}
NOT_COMPOUNDS = SCALE_WORDS | {"lakh", "crore"}  # "3 lakh farmers": a scale, not a kind of farmer
MEASURE_MODIFIERS = {"square", "cubic"}
CLAUSE_EDGES = {"ccomp", "parataxis", "advcl", "relcl", "acl", "xcomp"}
BARE_FIGURE_UNITS = {"deaths": "death", "injuries": "injury", "casualties": "casualty",
                     "displaced": "person", "detained": "person"}


@dataclass(frozen=True)
class CategoryRules:
    noun_category: dict[str, str]  # "artillery system" → equipment
    people: frozenset[str]
    events: dict[str, frozenset[str]]  # category or role → lemmas
    currency_by_country: dict[str, dict[str, str]]  # "rupee" → {"Pakistan": "PKR", "default": "INR"}
    keep_compound_heads: frozenset[str]
    kind_modifiers: frozenset[str] = frozenset()  # "army helicopter", "attack drone": a kind, left out
    bare_heads: frozenset[str] = frozenset()  # "heatstroke deaths", "new cases": the head alone
    classifying_adjectives: frozenset[str] = frozenset()  # "resident doctor", "nautical mile": kept
    measure_nouns: frozenset[str] = frozenset()  # "a magnitude of 6.1": the noun is the unit
    people_collectives: frozenset[str] = frozenset()  # "estimated the crowd at 25,000": people


@cache
def default_rules() -> CategoryRules:
    table = load_table("categories")
    noun_category = {noun: category for category, nouns in table["nouns"].items() for noun in nouns}
    events = {name: frozenset(words) for name, words in table["events"].items()}
    by_country = load_table("quantities").get("currency_by_country", {})
    units = table["units"]
    keep = frozenset(units["keep_compound_heads"])
    return CategoryRules(noun_category, frozenset(table["people"]["nouns"]), events, by_country, keep,
                         frozenset(units.get("kind_modifiers", ())), frozenset(units.get("bare_heads", ())),
                         frozenset(units.get("classifying_adjectives", ())),
                         frozenset(units.get("measure_nouns", ())),
                         frozenset(units.get("people_collectives", ())))


FLIGHT = {"flee", "fled"}
PLACE_PREPOSITIONS = ("to", "into", "from", "among")  # "moved to safety", "were among the dead"
NUMBER_NOUNS = {"total", "number", "tally", "count", "figure", "toll", "sum"}
BARE_WORDS = {"other", "others", "more", "another"}  # "28 others": the noun is the one before


NOT_PLURAL_MEN = {"specimen", "abdomen", "regimen", "stamen", "acumen"}


HOMES = {"home", "country", "homeland", "village", "town", "city", "house"}


TREATMENT_REACH = 10  # tokens after the counted noun that "treated in hospital for burns" may take


KILLED_AND_WOUNDED = re.compile(
    r"\b(?:killed|dead|deaths?|fatalities)\s+(?:and|or|&)\s+(?:wounded|injured|hurt|injuries)\b",
    re.IGNORECASE,
)
CASUALTY_LINK = re.compile(r"\s+(?:(?:were|was|are|have been|had been|been|left)\s+)?", re.IGNORECASE)
HURT_WORDS = ("wound", "injur", "hurt")
NUMBER_OF_CASUALTIES = re.compile(r"\b(?:number|toll|total|tally|count) of (?:the )?$", re.IGNORECASE)


COMPARED = re.compile(r"\b(?:up|down|compared) (?:from|with|to)\s*$", re.IGNORECASE)


PARTITIVE_PRONOUNS = {"them", "those", "these", "whom"}
# What happened to people is each count's own: "Eight more were missing" is not the captured before it.
PEOPLE_EVENTS = {"deaths", "injuries", "casualties", "detained", "displaced"}
PEOPLE_UNITS = {
    "person", "soldier", "troop", "demonstrator", "protester", "refugee", "civilian", "resident",
    "serviceman", "servicewoman", "prisoner", "detainee", "hostage", "captive", "pow", "fighter", "policeman",
}
ELLIPSIS_REACH = 1  # sentences back that a bare "More than 130 were injured" may take its people from


PARTITIVE_REACH = 2  # sentences back that "of them" may point to
COUNTED_REACH = 3  # sentences back that "60 of the vehicles" may find the count of them ("246 trucks")


VICTIM_WORDS = {"victim", "dead", "casualty", "fatality", "injured", "wounded", "body"}
TOLL_REACH = 6  # sentences back that "Four of the victims" may point to the toll


POW_CONTEXT = re.compile(
    r"\b(?:prisoners?|pows?|captivity|captives?|exchanges?|swaps?|swapped|exchanged)\b", re.IGNORECASE
)
RETURN_VERBS = {
    "come", "return", "bring", "arrive", "free", "release", "repatriate", "hand", "receive", "swap",
    "exchange", "get",
}


AMONG_THEM = ("among them", "among those", "among the", "those included", "they included", "they include")


# Nouns a spelled-out number counts in passing, not as a fact to check: "two sides", "three ways".
PASSING_NOUNS = {
    "side", "way", "time", "thing", "reason", "option", "step", "part", "kind", "type", "point", "question",
    "issue", "word", "case", "example", "hand", "eye", "sister", "brother", "son", "daughter", "child",
    "friend", "colleague", "round", "stage", "phase", "term", "year", "month", "week", "day", "hour",
    "minute", "decade", "night", "weekend", "one", "scenario", "goal", "priority", "condition", "demand",
    "aim",
}


SPEECH_VERBS = {"say", "tell", "add", "recall", "describe", "report", "write", "explain"}
