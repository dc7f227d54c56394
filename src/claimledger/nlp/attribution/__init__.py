"""Who a figure comes from: "according to X", "X said that", quotes, passives, "citing Y", AUTHOR.

Rules (``data/lexicons/attribution.toml``) follow the schema's attribution rules: the source is who
the article says the figure comes from; in "X reported, citing Y" it is Y, with X as ``via``;
without attribution it is the outlet's own voice (AUTHOR). Attribution carries into a later sentence
only through the text itself: a pronoun or "the ministry" that refers back ("He added that ..."),
or a quotation that runs on.

The package reads in layers: ``rules`` (the lexicon and word lists), ``sources`` (what type a named
source is), ``names`` (the span that names it), ``syntax`` (shapes of the parse around a cue verb),
``speakers`` (who a cue verb or a reference back names) and ``attributor`` (the reading per figure and
per document). The trained decision layer (``claimledger.decide``) makes the final call on source type;
these rules give it the name and their reading of the type as features.
"""

from __future__ import annotations

from claimledger.nlp.attribution.attributor import Attributor, read_attribution
from claimledger.nlp.attribution.names import acronym_definitions, defined_acronyms, source_name
from claimledger.nlp.attribution.rules import AttributionRules, default_rules
from claimledger.nlp.attribution.sources import Attribution, described_in_text
from claimledger.nlp.attribution.speakers import SpeakerReader

__all__ = [
    "Attribution",
    "AttributionRules",
    "Attributor",
    "SpeakerReader",
    "acronym_definitions",
    "default_rules",
    "defined_acronyms",
    "described_in_text",
    "read_attribution",
    "source_name",
]
