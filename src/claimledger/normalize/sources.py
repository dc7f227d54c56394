"""Source names → canonical name and type, from the editable alias table ``data/sources.toml``."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import TypeVar

from claimledger.models import AUTHOR
from claimledger.nlp.lexicon import load_table
from claimledger.normalize.heads import default_heads

T = TypeVar("T")
CACHE_LIMIT = 10_000  # names remembered per table before the memo starts again (bounded memory)

# Words for a person speaking for a body: the body gives the type.
ROLE_WORDS = ("spokesman", "spokeswoman", "spokesperson", "representative", "press service", "press office",
              "officials", "official")
EU_BODY = re.compile(r"^ (?:eu|eu's|european union's|european|un|un's|u\.n\.|united nations'?s?) ")
UMBRELLA_OWNER = re.compile(r"^(?:un|u\.n\.|united nations|eu|european union)(?:'s|') ")
PARENTHESES = re.compile(r"\s*\(([^)]*)\)")
GENERIC_TAIL = re.compile(r" (?:agency|group|organisation|organization|body|office|service|project)$")
OF_COMPLEMENT = re.compile(r" (?:of|for) ")
RED_CROSS = re.compile(r" red (?:cross|crescent) ")
INTERNATIONAL_RED_CROSS = re.compile(r"international|^ red (?:cross|crescent) $|^ (?:icrc|ifrc) ")
# Heads of an intergovernmental body, and the words that make one of them intergovernmental.
INTL_HEADS = frozenset({"organization", "organisation", "agency", "office", "programme", "program", "fund",
                        "mission", "commission", "court", "bank", "tribunal", "panel", "platform",
                        "secretariat",
                        "council", "body", "institution", "authority"})
INTL_MARKER = re.compile(r" (?:un|u\.n\.|united nations|international|world|inter-agency|interagency|"
                         r"intergovernmental|inter-governmental|inter-american|european|african union|"
                         r"multilateral)(?:'s)? ")
# "X's <post>": a possessor (one word or a short name) and the post's words
POST_OWNER = re.compile(r"^ ((?:[^ ']+ ){0,4}?[^ ']+)(?:'s|') (.+)$")
CUT_WORDS = re.compile(r" (?:of|for|at|in|on|to|with|from)(?= )|[,;:(]")
TYPE_ORDER = ("intelligence", "military", "international_org", "ngo", "media", "company", "government",
              "person")


def _memo(cache: dict[str, T], key: str, compute: Callable[[str], T]) -> T:
    """``compute(key)``, remembered: the same few names come back for every figure they speak for."""
    if key not in cache:
        if len(cache) > CACHE_LIMIT:
            cache.clear()
        cache[key] = compute(key)
    return cache[key]


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
    # name -> its best type word: the same few names come back for every figure they speak for
    _best_cache: dict[str, tuple[int, int, int, str, str] | None] = field(
        default_factory=dict, init=False, repr=False, compare=False)
    _kind_cache: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)

    def lookup(self, name: str) -> SourceEntry | None:
        key = normalize_name(name)
        found = self.by_alias.get(key)
        if found is None and UMBRELLA_OWNER.match(key):
            # "the UN's World Food Programme", "the EU's Frontex": the agency named without its owner
            found = self.by_alias.get(UMBRELLA_OWNER.sub("", key, count=1))
        acronym = PARENTHESES.search(key) if found is None else None
        if acronym is not None:
            # "United Kingdom Maritime Trade Operations (UKMTO) agency": the name without its acronym, or the
            # acronym, and without a generic head after it
            bare = PARENTHESES.sub("", key).strip()
            found = self.by_alias.get(bare) or self.by_alias.get(GENERIC_TAIL.sub("", bare))
            if found is None:
                found = self.by_alias.get(acronym.group(1).strip())
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
        kind = self.guess_kind(name)
        if kind == "person" and default_heads().kind_of(f" {normalize_name(name)} ") is not None:
            return None, "person"  # "residents", "crop scouts": people speaking for themselves (TYPE-10)
        return None, "unknown" if kind == "person" else kind

    def guess_type(self, name: str) -> str:
        """The type the name's own words give; "unknown" for people who are not named ("residents",
        "a witness": the guide's `person` is a named individual)."""
        kind = self.guess_kind(name)
        return "unknown" if kind == "person" else kind

    def guess_kind(self, name: str) -> str:
        """The type whose head word appears last in the name: "Ukraine's Armed Forces" → military.
        A role word at the end gives way to what it is the role of: "an Air Force spokesman" → military.
        In "X of Y" / "X for Y" the head X decides when it names a kind of body: "Association of Insurers
        of Chile" is an association, not an insurer; "Ministry of Defence" is matched whole."""
        return _memo(self._kind_cache, name, self._guess_kind_uncached)

    def _guess_kind_uncached(self, name: str) -> str:
        text = f" {normalize_name(name)} "
        heads = default_heads()
        owner = self._owner_of_post(text)
        if owner is not None:
            return owner  # "UNHCR's representative", "the UN's humanitarian coordinator" (TYPE-2)
        by_head = heads.kind_of(text)
        if by_head is not None and by_head[1] in heads.posts and heads.heads.get(by_head[1]) == by_head[0]:
            # a post whose body the table does not know ("NIS officials"): the type words may know it
            kind = self._guess_by_words(text)
            return kind if kind != "unknown" else by_head[0]
        if by_head is not None:
            # the head noun's type (lexicons/source_heads.toml) before any type word elsewhere in the name
            return self._finish(text, (0, len(by_head[1]), 0, by_head[0], by_head[1]))
        return self._guess_by_words(text)

    def _owner_of_post(self, text: str) -> str | None:
        """The type of the body a post belongs to when the body is its possessor and the alias table or
        the body's own words know it: "UNHCR's representative to the EU" → international_org."""
        match = POST_OWNER.match(text)
        if match is None:
            return None
        head = CUT_WORDS.split(match.group(2), maxsplit=1)[0].split()
        posts = default_heads().posts
        if not head or (head[-1] not in posts and " ".join(head[-2:]) not in posts):
            return None
        own = default_heads().kind_of(match.group(2))
        if own is not None and own[0] != "person" and own[1] not in default_heads().posts:
            return None  # "Ukraine's defence minister": the post names its body itself
        body = match.group(1).strip()
        entry = self.lookup(body)
        if entry is not None:
            return entry.type
        kind = self.guess_kind(body)
        return kind if kind not in ("unknown", "person") else None

    def _guess_by_words(self, text: str) -> str:
        head = OF_COMPLEMENT.split(text, maxsplit=1)[0]
        if head != text and len(head.split()) >= 1:
            best_whole = self._best(text)
            if best_whole is not None and best_whole[0] - best_whole[1] >= len(head):
                # the best word lies in the complement: the head's own word, if any, decides
                head_kind = self._finish(f"{head.rstrip()} ", self._best(f"{head.rstrip()} "))
                if head_kind not in ("unknown", "person"):
                    return head_kind
        for role in ROLE_WORDS:
            if text.endswith(f" {role} ") and len(text.split()) > 1:
                owner = self.guess_kind(text[: -len(role) - 2])
                if owner != "unknown":
                    return owner
        return self._finish(text, self._best(text))

    def _best(self, text: str) -> tuple[int, int, int, str, str] | None:
        return _memo(self._best_cache, text, self._best_uncached)

    def _best_uncached(self, text: str) -> tuple[int, int, int, str, str] | None:
        best: tuple[int, int, int, str, str] | None = None
        for rank, kind in enumerate(TYPE_ORDER):
            for word in self.type_words.get(kind, ()):
                word = word.strip()
                for form in (word, f"{word}s"):  # "rights groups" as well as "rights group"
                    position = text.rfind(f" {form} ")
                    if position >= 0:
                        key = (position + len(word), len(word), -rank, kind, word)
                        if best is None or key > best:
                            best = key
        return best

    def _finish(self, text: str, best: tuple[int, int, int, str, str] | None) -> str:
        kind = best[3] if best else "unknown"
        if kind == "ngo" and best is not None and best[4].split()[-1] in self.state_heads and any(
                f" {marker} " in text for marker in self.state_markers):
            return "government"  # "National Seismic Research Center": a state's centre, not a think tank
        if RED_CROSS.search(text) and not INTERNATIONAL_RED_CROSS.search(text):
            return "ngo"  # the guide: national Red Cross and Red Crescent societies are ngo, the ICRC is not
        intl_head = best is not None and best[4].split()[-1] in INTL_HEADS
        if intl_head and kind in ("government", "ngo", "company") and INTL_MARKER.search(text):
            return "international_org"  # "World Meteorological Organization", "European Investment Bank"
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
