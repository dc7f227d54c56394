"""Counts whose counted word is a model's name: "40 A321neos" are aircraft, "3,000 Auroras" are cars when
the article calls the Aurora an SUV (guide U-3: the unit is what is counted). Driven by
``data/lexicons/models.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from claimledger.nlp.drafts import ClaimDraft
from claimledger.nlp.lexicon import load_table, phrase_alternation

# the plural name right after the figure: "40 A321neos", "14 Airbus A321neos", "two of the 787s"
NAME_AFTER = re.compile(r"\s+(?:more\s+|new\s+|additional\s+|extra\s+|of\s+(?:the|its|their)\s+)?"
                        r"(?:[A-Z0-9][\w-]*\s+){0,2}(?P<name>[A-Z0-9][\w-]*[a-z0-9]s)(?![\w-])")
# the words between a count and its kind noun that name a model by its maker: "40 Airbus A321neo jets",
# "eight Boeing 737 MAX 8 jets", "40 more Airbus A321neo jets"; bounded (a maker and up to three words)
MAKER_BEFORE = re.compile(r"\s+(?:more\s+|new\s+|additional\s+|extra\s+)?(?P<maker>[A-Z][A-Za-z]+)"
                          r"(?:\s+[A-Z0-9][\w-]*){1,3}\s+$")
DESCRIBED_REACH = 3000  # characters either side of the count where the article says what the model is
KIND_REACH = 3  # words between a model's name and the word that says what it is ("Aurora mid-size SUV")


@dataclass(frozen=True, slots=True)
class ModelNames:
    families: list[tuple[re.Pattern[str], str]]
    kinds: dict[str, str]  # lower case
    kind_words: str  # the kinds as one alternation
    makers: dict[str, str]


@cache
def default_models() -> ModelNames:
    table = load_table("models")
    kinds = {k.lower(): v for k, v in table["kinds"].items()}
    return ModelNames(
        families=[(re.compile(pattern), unit) for pattern, unit in table["families"].items()],
        kinds=kinds, kind_words=phrase_alternation(list(kinds)), makers=dict(table.get("makers", {})))


def maker_unit(draft: ClaimDraft, noun: Token) -> str | None:
    """The unit of a count whose kind noun follows a model named by its maker ("40 Airbus A321neo jets" →
    "aircraft", guide P-8), or None: the maker's unit, where the kind noun's own unit agrees with it."""
    if noun.idx < draft.mention.end or noun.idx - draft.mention.end > 60:
        return None
    found = MAKER_BEFORE.fullmatch(draft.doc_text, draft.mention.end, noun.idx)
    if found is None:
        return None
    models = default_models()
    unit = models.makers.get(found.group("maker"))
    return unit if unit is not None and models.kinds.get(noun.lemma_.lower()) == unit else None


def model_unit(draft: ClaimDraft, noun: Token | None) -> str | None:
    """The unit of a count whose word is a model's plural name, or None: from the family the name belongs to,
    else from what the article calls that model elsewhere. Only where the parse found no plain noun."""
    if draft.mention.unit is not None:
        return None
    if noun is not None and noun.text[:1].islower():
        return maker_unit(draft, noun)
    found = NAME_AFTER.match(draft.doc_text, draft.mention.end)
    if found is None:
        return None
    name = found.group("name")
    models = default_models()
    for pattern, unit in models.families:
        if pattern.fullmatch(name):
            return unit
    singular = name[:-1]
    if not singular[:1].isupper():
        return None
    described = re.compile(
        rf"\b{re.escape(singular)}\b,?(?:\s+(?:an?\s+)?[\w-]+){{0,{KIND_REACH}}}?\s+(?P<kind>{models.kind_words})\b",
        re.IGNORECASE).search(draft.doc_text, max(0, draft.start - DESCRIBED_REACH),
                              draft.end + DESCRIBED_REACH)
    if described is None or not described.group(0)[:1].isupper():
        return None
    return models.kinds[described.group("kind").lower()]
