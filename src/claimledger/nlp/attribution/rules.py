"""The attribution rules as data: cue verbs, phrases and the kinds of unnamed sources from
``data/lexicons/attribution.toml``, and the closed word classes the readers test tokens against
(person roles, titles, document adjectives ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from claimledger.nlp.lexicon import load_table, phrase_alternation
from claimledger.normalize.sources import SourceTable, default_table

QUOTES = re.compile(r"\"([^\"\n]{2,}?)\"|“([^”\n]{2,}?)”")
# Words for the role a named individual holds: "union leader Sherif Mansour" is a person.
PERSON_ROLES = {
    "leader", "head", "chief", "chairman", "chairwoman", "chair", "director", "president", "secretary",
    "spokesman", "spokeswoman", "spokesperson", "founder", "coordinator", "organiser", "organizer", "boss",
    "deputy", "commander", "minister", "governor", "mayor", "official", "representative", "researcher",
    "analyst", "economist", "expert", "activist", "lawyer", "doctor", "manager", "ceo", "executive",
}
DESCRIPTOR_DEPS = {"det", "predet", "punct"}
PERSON_PRONOUNS = {"he", "she", "i", "we"}
ORGANISATION_TYPES = {"media", "company", "ngo", "international_org", "intelligence"}
NAMED_ENTITIES = ("ORG", "PERSON", "GPE", "NORP")
DISCOURSE_ADVERBS = {
    "however", "meanwhile", "additionally", "also", "separately", "earlier", "later", "recently", "still",
    "yet", "now", "then", "instead", "moreover", "furthermore", "overall", "nonetheless", "nevertheless",
    "previously", "today", "yesterday", "tonight", "elsewhere", "so", "but", "and", "thus",
}


@dataclass(frozen=True)
class AttributionRules:
    cue_verbs: frozenset[str]
    phrases: re.Pattern[str]
    citing: frozenset[str]
    unnamed: frozenset[str]
    documents: frozenset[str]
    generic_organisations: frozenset[str]
    pronouns: frozenset[str]
    sources: SourceTable
    clausal_only: frozenset[str] = frozenset()
    kind_modifiers: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    place_words: frozenset[str] = frozenset()
    polls: frozenset[str] = frozenset()
    stance: frozenset[str] = frozenset()


@cache
def default_rules() -> AttributionRules:
    cues = load_table("attribution")["cues"]
    return AttributionRules(
        cue_verbs=frozenset(cues["verbs"]),
        phrases=re.compile(rf"\b(?:{phrase_alternation(cues['phrases'])})\b", re.IGNORECASE),
        citing=frozenset(cues["citing"]),
        unnamed=frozenset(cues["unnamed"]),
        documents=frozenset(cues["documents"]),
        generic_organisations=frozenset(cues["generic_organisations"]),
        pronouns=frozenset(cues["pronouns"]),
        sources=default_table(),
        clausal_only=frozenset(cues.get("clausal_only", ())),
        kind_modifiers=dict(cues.get("kind_modifiers", {})),
        place_words=frozenset(cues.get("place_words", ())),
        polls=frozenset(cues.get("polls", ())),
        stance=frozenset(cues.get("stance", ())),
    )


TITLES = {"dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "prof", "prof.", "professor", "captain",
          "colonel",
          "general", "sergeant", "lieutenant", "major"}


PANELS = {"panel", "commission", "committee", "board", "team", "council"}  # "UN panel of experts"
NAME_CONNECTORS = {"of", "for", "and", "&", "on", "in"}


FINAL_REPORTING_VERBS = {
    "say", "tell", "report", "add", "announce", "state", "write", "claim", "note", "post",
    "estimate",  # "..., the farm consultancy AgroPampa estimated."
    "show",  # "..., central bank data showed.": the owner of the data, or no one
}
# Verbs that attribute a figure only through a figure noun they take: "the service gave a lower figure of
# 302,000", "the police offered an estimate of 5,000" (but "a decree gives a bonus" names no source).
# Announcing what a body gives is an act, like "the government has offered" (the guide): "the government
# announced compensation of 400,000 rupees" is AUTHOR; "announced that 40 people died" and "announced a 7.2%
# increase in its budget" report figures, and name their source.
ACT_VERBS = {"announce", "unveil"}
MEASURES = {"compensation", "aid", "package", "funding", "grant", "grants", "subsidy", "subsidies", "bonus",
            "payment", "payments", "allowance", "loan", "loans", "investment", "reward", "relief", "stimulus",
            "bailout"}
GIVING_VERBS = {"give", "offer", "provide", "issue", "release"}
FIGURE_NOUNS = {"figure", "estimate", "toll", "number", "count", "tally", "total", "death toll", "assessment"}
# A number or share as the subject: the people counted, not a source ("41% said they had skipped meals").
FIGURE_HEADS = {"%", "percent", "per cent", "percentage"}
# Generic heads that may name a body of any kind ("the group", "the agency"); others ("the union", "the
# bank") name only a body of their own kind.
ANY_KIND_OF_BODY = {
    "group", "organisation", "organization", "body", "agency", "office", "service", "authority",
    "authorities", "administration", "mission", "coalition", "network", "department", "institute", "monitor",
}
PERSONAL_PRONOUNS = {"he", "she"}
BODY_STAFF = {"staff", "team"}  # "the IMF's staff", "the agency's team" speak for their body
# Adjectives of a document, not of its owner: "the latest police figures" are the police's.
DOCUMENT_ADJECTIVES = {
    "latest", "new", "official", "preliminary", "initial", "recent", "final", "updated", "own", "first",
    "early", "provisional", "revised", "annual", "monthly", "weekly", "daily",
}
PERSON_REACH_CHARS = 600  # how far back "he said" looks for the person it names
MEMORY = 8  # sources named earlier that "the ministry" may refer back to
LEADING_CHARS = 3  # "According to X," opening a sentence covers all of it


DIGIT_ACRONYM = re.compile(r"(?=[A-Z0-9]*[A-Z][A-Z0-9]*[0-9]|[A-Z0-9]*[0-9][A-Z0-9]*[A-Z])[A-Z][A-Z0-9]{1,7}")


NAME_HANGS = ("npadvmod", "dep", "nmod", "advmod", "intj")
TIME_ZONES = {"gmt", "utc", "bst", "cet", "cest", "eet", "eest", "msk", "est", "edt", "pst", "pdt", "ist"}
CLOCK_TIME = re.compile(r"\d{1,2}[:.]\d{2}")
