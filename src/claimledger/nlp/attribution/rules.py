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


def _words(name: str) -> frozenset[str]:
    """A closed word class from the lexicon's ``[words]`` table (user additions merged in)."""
    return frozenset(load_table("attribution")["words"][name])


QUOTES = re.compile(r"\"([^\"\n]{2,}?)\"|“([^”\n]{2,}?)”")
PERSON_ROLES = _words("person_roles")  # "union leader Sherif Mansour" is a person
DESCRIPTOR_DEPS = {"det", "predet", "punct"}
PERSON_PRONOUNS = {"he", "she", "i", "we"}
ORGANISATION_TYPES = {"media", "company", "ngo", "international_org", "intelligence"}
NAMED_ENTITIES = ("ORG", "PERSON", "GPE", "NORP")
DISCOURSE_ADVERBS = _words("discourse_adverbs")


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
    document_phrases: frozenset[str] = frozenset()  # "based on": only a document's owner is named


@cache
def default_rules() -> AttributionRules:
    cues = load_table("attribution")["cues"]
    return AttributionRules(
        cue_verbs=frozenset(cues["verbs"]),
        phrases=re.compile(
            rf"\b(?:{phrase_alternation([*cues['phrases'], *cues.get('document_phrases', ())])})\b",
            re.IGNORECASE),
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
        document_phrases=frozenset(p.lower() for p in cues.get("document_phrases", ())),
    )


TITLES = _words("titles")


PANELS = _words("panels")  # "UN panel of experts"
NAME_CONNECTORS = {"of", "for", "and", "&", "on", "in"}


FINAL_REPORTING_VERBS = _words("final_reporting_verbs")
# "announced compensation of 400,000 rupees" is an act (AUTHOR); "gave a lower figure of 302,000" reports one
ACT_VERBS = _words("act_verbs")
MEASURES = _words("act_measures")
GIVING_VERBS = _words("giving_verbs")
STATEMENT_RELEASE_VERBS = _words("statement_release_verbs")  # "X released its report" (SRC-5c)
FIGURE_NOUNS = _words("figure_nouns")
FIGURE_HEADS = _words("figure_heads")  # "41% said": the people counted, not a source
ANY_KIND_OF_BODY = _words("any_kind_of_body")  # "the group", "the agency"
PERSONAL_PRONOUNS = {"he", "she"}
BODY_STAFF = _words("body_staff")  # "the IMF's staff", "the agency's team" speak for their body
DOCUMENT_ADJECTIVES = _words("document_adjectives")  # "the latest police figures" are the police's
PERSON_REACH_CHARS = 600  # how far back "he said" looks for the person it names
MEMORY = 8  # sources named earlier that "the ministry" may refer back to
LEADING_CHARS = 3  # "According to X," opening a sentence covers all of it


DIGIT_ACRONYM = re.compile(r"(?=[A-Z0-9]*[A-Z][A-Z0-9]*[0-9]|[A-Z0-9]*[0-9][A-Z0-9]*[A-Z])[A-Z][A-Z0-9]{1,7}")


NAME_HANGS = ("npadvmod", "dep", "nmod", "advmod", "intj")
TIME_ZONES = _words("time_zones")
SEAT_DESCRIPTORS = _words("seat_descriptors")  # "the Coventry-based company" is the company named before
CLOCK_TIME = re.compile(r"\d{1,2}[:.]\d{2}")
