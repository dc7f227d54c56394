"""Time scope: is a figure for the last 24 hours, since the war began, for a period, or a level?

Cues come from ``data/lexicons/timescope.toml``. The cue nearest to a figure in its sentence wins;
the period itself is resolved later against the publication date (``normalize.dates``), so this
component stays free of any document context.

The package reads in layers: ``rules`` (the lexicon and word lists), ``syntax`` (the figure's governing
verb and the shapes around it), ``cues`` (which explicit cues belong to a figure), ``measures`` (what
kind of amount a figure is: a rate set, a budget, a turnout, a loss to date), ``scope`` (the scope a cue or
the clause alone gives), ``events`` (what an earlier sentence about the same event carries over) and
``reader`` (the component's work per document). The trained decision layer (``claimledger.decide``) makes
the final call on time scope; these rules' answers are among its features.
"""

from __future__ import annotations

from claimledger.nlp.timescope.cues import candidate_cues, find_cues
from claimledger.nlp.timescope.reader import read_time_scopes
from claimledger.nlp.timescope.rules import SCOPES, ScopeCue, ScopeRules, default_rules
from claimledger.nlp.timescope.scope import default_scope, scope_with_cue
from claimledger.nlp.timescope.syntax import governing_verb

__all__ = [
    "SCOPES",
    "ScopeCue",
    "ScopeRules",
    "candidate_cues",
    "default_rules",
    "default_scope",
    "find_cues",
    "governing_verb",
    "read_time_scopes",
    "scope_with_cue",
]
