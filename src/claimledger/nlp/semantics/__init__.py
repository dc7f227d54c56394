"""What a figure counts: its unit (the counted noun), category, subject ("Russian forces") and location.

Rules come from ``data/lexicons/categories.toml``: nouns that name a category outright ("casualties",
"tanks"), people nouns whose category depends on what happened to them ("civilians killed"), and the
event words that decide it.

The package reads in layers: ``rules`` (the lexicon and word lists), ``units`` (the figure's token, its
counted noun and unit), ``context`` (the words around a figure: its event lemmas, subject, location),
``categories`` (the category of one figure from its own words), ``references`` (what a figure with no noun
of its own counts, read from the figures before it) and ``reader`` (the component's work per document).
The trained decision layer (``claimledger.decide``) makes the final call on category; these rules' answers
are among its features.
"""

from __future__ import annotations

from claimledger.nlp.semantics.categories import categorize, people_noun
from claimledger.nlp.semantics.context import (
    context_lemmas,
    location_of,
    own_event_lemmas,
    phrase_text,
    subject_of,
)
from claimledger.nlp.semantics.reader import read_semantics
from claimledger.nlp.semantics.rules import CategoryRules, default_rules
from claimledger.nlp.semantics.units import counted_noun, currency_in_context, figure_token, unit_of

__all__ = [
    "CategoryRules",
    "categorize",
    "context_lemmas",
    "counted_noun",
    "currency_in_context",
    "default_rules",
    "figure_token",
    "location_of",
    "own_event_lemmas",
    "people_noun",
    "phrase_text",
    "read_semantics",
    "subject_of",
    "unit_of",
]
