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
DESCRIBED_REACH = 3000  # characters either side of the count where the article says what the model is
KIND_REACH = 3  # words between a model's name and the word that says what it is ("Aurora mid-size SUV")


@dataclass(frozen=True, slots=True)
class ModelNames:
    families: list[tuple[re.Pattern[str], str]]
    kinds: dict[str, str]  # lower case
    kind_words: str  # the kinds as one alternation
    named_kinds: dict[str, str]  # "jet" after a model's name → "aircraft"
    makers: frozenset[str]


@cache
def default_models() -> ModelNames:
    table = load_table("models")
    kinds = {k.lower(): v for k, v in table["kinds"].items()}
    return ModelNames(
        families=[(re.compile(pattern), unit) for pattern, unit in table["families"].items()],
        kinds=kinds, kind_words=phrase_alternation(list(kinds)),
        named_kinds={k.lower(): v for k, v in table["named_kinds"].items()},
        makers=frozenset(table["named_kinds_makers"]["makers"]))


NAMED_KIND_REACH = 5  # words between the figure and its noun where a model's name may stand


def named_kind_unit(draft: ClaimDraft, noun: Token | None) -> str | None:
    """ "40 Airbus A321neo jets" → "aircraft" (P-8): a kind noun after a model's name (a word with a digit or
    a maker's name) between the figure and the noun takes the model's kind."""
    if noun is None or draft.mention.unit is not None:
        return None
    models = default_models()
    unit = models.named_kinds.get(noun.lemma_.lower()) or models.named_kinds.get(noun.lower_)
    if unit is None or not 0 < noun.i - draft.figure.i <= NAMED_KIND_REACH:
        return None
    between = noun.doc[draft.figure.i + 1:noun.i]
    if any(t.lower_ in ("family", "-family") for t in between):
        return None  # "A220-family jets": a family of models, not a model; the noun stays (U-5)
    if any(t.text in models.makers or (any(c.isdigit() for c in t.text)
                                         and any(c.isalpha() or c == "-" for c in t.text)) for t in between):
        return unit
    return None


def model_unit(draft: ClaimDraft, noun: Token | None) -> str | None:
    """The unit of a count whose word is a model's plural name, or None: from the family the name belongs to,
    else from what the article calls that model elsewhere. Only where the parse found no plain noun."""
    if (named := named_kind_unit(draft, noun)) is not None:
        return named
    if draft.mention.unit is not None or (noun is not None and noun.text[:1].islower()):
        return None
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
