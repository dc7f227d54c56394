"""User lexicons extend the shipped ones; broken files give errors that name them."""

from __future__ import annotations

import pytest

from claimledger.errors import ConfigError
from claimledger.nlp.lexicon import load_table


def test_user_file_extends_lists_and_keeps_shipped_entries(tmp_path):
    (tmp_path / "categories.toml").write_text('[nouns]\nequipment = ["sea drone"]\n')
    merged = load_table("categories", (tmp_path,))
    assert "sea drone" in merged["nouns"]["equipment"]
    assert "tank" in merged["nouns"]["equipment"]


def test_user_alias_table_adds_sources(tmp_path):
    (tmp_path / "sources.toml").write_text(
        '[[source]]\ncanonical = "Kharkiv Regional Military Administration"\ntype = "government"\n'
        'aliases = ["Kharkiv regional administration"]\n'
    )
    merged = load_table("sources", (tmp_path,))
    canonicals = [s["canonical"] for s in merged["source"]]
    assert "Kharkiv Regional Military Administration" in canonicals
    assert "General Staff of the Armed Forces of Ukraine" in canonicals


def test_broken_user_file_names_itself(tmp_path):
    bad = tmp_path / "hedging.toml"
    bad.write_text("[hedges\npatterns = [")
    with pytest.raises(ConfigError, match="hedging.toml"):
        load_table("hedging", (tmp_path,))


def test_user_words_reach_the_rule_modules(tmp_path):
    """The readers' word classes come from the lexicons' [words] tables: a user file extends them."""
    import os
    import subprocess
    import sys

    (tmp_path / "attribution.toml").write_text('[words]\nperson_roles = ["ombudsman"]\n')
    (tmp_path / "categories.toml").write_text('[words]\npassing_nouns = ["chapter"]\n')
    (tmp_path / "timescope.toml").write_text('[words]\ncrowd_words = ["vigil"]\n')
    probe = (
        "from claimledger.nlp.attribution.rules import PERSON_ROLES\n"
        "from claimledger.nlp.semantics.rules import PASSING_NOUNS\n"
        "from claimledger.nlp.timescope.rules import CROWD_WORDS\n"
        "print(sorted(w for w in ('ombudsman', 'mayor') if w in PERSON_ROLES),"
        " 'chapter' in PASSING_NOUNS, sorted(w for w in ('vigil', 'rally') if w in CROWD_WORDS))\n"
    )
    env = {**os.environ, "CLAIMLEDGER_LEXICONS": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['mayor', 'ombudsman'] True ['rally', 'vigil']"


def test_first_characters_is_implied_by_the_alternation() -> None:
    import re

    from claimledger.nlp.lexicon import first_characters, phrase_alternation

    words = ["one", "two", "three", "eleven", "a-ha", "[x]"]
    first = first_characters(words)
    assert first is not None
    guarded = re.compile(rf"\b(?={first})(?:{phrase_alternation(words)})\b", re.IGNORECASE)
    plain = re.compile(rf"\b(?:{phrase_alternation(words)})\b", re.IGNORECASE)
    text = "One, TWO and three [x] of eleven; a-ha, none, bone, Eleven."
    assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert len(guarded.findall(text)) == 6  # "[x]" has no word boundary before it: in neither
    assert first_characters([" more", "less"]) is None  # a leading space is any run of spaces there
