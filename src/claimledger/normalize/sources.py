"""Source names → canonical name and type, from the editable alias table ``data/sources.toml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from claimledger.models import AUTHOR
from claimledger.nlp.lexicon import load_table

# Words for a person speaking for a body: the body gives the type.
ROLE_WORDS = ("spokesman", "spokeswoman", "spokesperson", "representative", "press service", "press office",
              "officials", "official")
EU_BODY = re.compile(r"^ (?:eu|eu's|european union's|european|un|un's|u\.n\.|united nations'?s?) ")
UMBRELLA_OWNER = re.compile(r"^(?:un|u\.n\.|united nations|eu|european union)(?:'s|') ")
TYPE_ORDER = ("intelligence", "military", "international_org", "ngo", "media", "company", "government",
              "person")


def normalize_name(name: str) -> str:
    """Case-folded, apostrophes straightened, leading "the" and outer punctuation dropped."""
    text = name.replace("\u2019", "'").replace("\u2018", "'").strip().strip(".,;:\"'“”()")
    text = re.sub(r"\s+", " ", text).casefold()
    return re.sub(r"^the ", "", text)


@dataclass(frozen=True, slots=True)
class SourceEntry:
    canonical: str
    type: str


@dataclass(frozen=True)
class SourceTable:
    by_alias: dict[str, SourceEntry]
    type_words: dict[str, tuple[str, ...]]
    state_heads: frozenset[str] = frozenset()
    state_markers: frozenset[str] = frozenset()

    def lookup(self, name: str) -> SourceEntry | None:
        key = normalize_name(name)
        found = self.by_alias.get(key)
        if found is None and UMBRELLA_OWNER.match(key):
            # "the UN's World Food Programme", "the EU's Frontex": the agency named without its owner
            found = self.by_alias.get(UMBRELLA_OWNER.sub("", key, count=1))
        return found

    def resolve(self, name: str, *, is_person: bool = False) -> tuple[str | None, str]:
        """(canonical, type) for a source name as written."""
        if name == AUTHOR:
            return None, "author"
        entry = self.lookup(name)
        if entry is not None:
            return entry.canonical, entry.type
        if is_person:
            return None, "person"
        return None, self.guess_type(name)

    def guess_type(self, name: str) -> str:
        """The type whose head word appears last in the name: "Ukraine's Armed Forces" → military.
        A role word at the end gives way to what it is the role of: "an Air Force spokesman" → military."""
        text = f" {normalize_name(name)} "
        for role in ROLE_WORDS:
            if text.endswith(f" {role} ") and len(text.split()) > 1:
                owner = self.guess_type(text[: -len(role) - 2])
                if owner != "unknown":
                    return owner
        best: tuple[int, int, int, str] | None = None
        for rank, kind in enumerate(TYPE_ORDER):
            for word in self.type_words.get(kind, ()):
                word = word.strip()
                for form in (word, f"{word}s"):  # "rights groups" as well as "rights group"
                    position = text.rfind(f" {form} ")
                    if position >= 0:
                        key = (position + len(word), len(word), -rank, kind, word)
                        if best is None or key > best:
                            best = key
        kind = best[3] if best else "unknown"
        if kind == "ngo" and best is not None and best[4] in self.state_heads and any(
                f" {marker} " in text for marker in self.state_markers):
            return "government"  # "National Seismic Research Center": a state's centre, not a think tank
        speaks_for = any(text.endswith(f" {role} ") for role in ROLE_WORDS)  # "EU officials" stay government
        if kind == "government" and EU_BODY.match(text) and not speaks_for:
            return "international_org"  # "the EU's border agency", "the UN agency": not a state's body
        return kind


@cache
def default_table() -> SourceTable:
    table = load_table("sources")
    by_alias: dict[str, SourceEntry] = {}
    for item in table.get("source", []):
        entry = SourceEntry(item["canonical"], item["type"])
        for alias in [item["canonical"], *item.get("aliases", [])]:
            by_alias.setdefault(normalize_name(alias), entry)
    type_words = {kind: tuple(w.lower() for w in words)
                  for kind, words in table.get("type_words", {}).items()}
    state = table.get("state_bodies", {})
    state_heads, state_markers = frozenset(state.get("heads", ())), frozenset(state.get("markers", ()))
    return SourceTable(by_alias, type_words, state_heads, state_markers)
