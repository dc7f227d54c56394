"""Whose figure and where, resolved through the alias table ``data/subjects.toml``.

Pure functions over the table: ``resolve_subject("Russian troops")`` and ``resolve_subject("russia")`` give
the same ``Whose``; ``resolve_place("Kiev")`` is ``"kyiv"``. The figure identity of the checks compares
what these return, never the words as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from claimledger.nlp.lexicon import load_table

_SPACE = re.compile(r"\s+")
_LEADING = re.compile(r"^(?:the|some|all|about|more|over|many|of|these|those|its|their)\s+")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text.replace("\u2019", "'").strip().lower()).strip(" .,;:")


@dataclass(frozen=True)
class Whose:
    """A subject resolved: the party it belongs to (None for "people") and the group of it counted ("refugee"
    in "Ukrainian refugees"; "" when the subject is the party or its forces). `named` is False for a subject
    that names no one in particular ("people", "civilians"): such a subject needs a location to identify."""

    party: str | None
    group: str
    named: bool

    @property
    def key(self) -> str:
        return "/".join(p for p in ((self.party or "").lower(), self.group) if p)


@dataclass(frozen=True)
class _Table:
    subject_names: dict[str, str]  # normalised name, alias or capital -> canonical party
    place_names: dict[str, str]  # normalised name -> canonical party (no capitals)
    demonyms: dict[str, str]  # normalised demonym -> canonical party
    forces: frozenset[str]
    generic: frozenset[str]
    places: dict[str, str]  # normalised alias -> canonical place (lower case)
    suffixes: tuple[str, ...]


@cache
def _table() -> _Table:
    raw = load_table("subjects")
    subject_names: dict[str, str] = {}
    place_names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for party in raw.get("party", []):
        canonical = party["canonical"]
        for name in [canonical, *party.get("names", []), *party.get("aliases", [])]:
            subject_names[_norm(name)] = canonical
            place_names[_norm(name)] = canonical
        for name in party.get("capitals", []):
            subject_names[_norm(name)] = canonical
        for name in party.get("demonyms", []):
            demonyms[_norm(name)] = canonical
    places_raw = dict(raw.get("places", {}))
    suffixes = tuple(_norm(s) for s in places_raw.pop("suffixes", []))
    places: dict[str, str] = {}
    for canonical, aliases in places_raw.items():
        for alias in [canonical, *aliases]:
            places[_norm(alias)] = _norm(canonical)
    return _Table(subject_names, place_names, demonyms, frozenset(_norm(f) for f in raw.get("forces", [])),
                  frozenset(_norm(g) for g in raw.get("generic", [])), places, suffixes)


def singular(word: str) -> str:
    """A plural noun phrase's last word made singular, the way units are ("refugees" -> "refugee")."""
    head, _, last = word.rpartition(" ")
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith(("sses", "ches", "shes", "xes")):
        last = last[:-2]
    elif last.endswith("men"):
        last = last[:-3] + "man"
    elif last.endswith("s") and not last.endswith(("ss", "us", "is")):
        last = last[:-1]
    return f"{head} {last}".strip()


@lru_cache(maxsize=8192)
def resolve_subject(subject: str | None) -> Whose | None:
    """The party and group a subject names; None for no subject."""
    if not subject or not subject.strip():
        return None
    t = _table()
    text = _norm(subject)
    for _ in range(2):
        stripped = _LEADING.sub("", text)
        text = stripped
    if text in t.subject_names:
        return Whose(t.subject_names[text], "", True)
    words = text.split(" ")
    # the longest leading demonym: "north korean soldiers" -> north korea + soldiers
    for n in range(min(3, len(words) - 1), 0, -1):
        head, rest = " ".join(words[:n]), " ".join(words[n:])
        party = t.demonyms.get(head) or t.subject_names.get(head)
        if party is None:
            continue
        if rest in t.forces:
            return Whose(party, "", True)
        return Whose(party, singular(rest), True)
    if text in t.generic or all(w.islower() for w in _norm_case(subject).split()):
        return Whose(None, singular(text), False)
    return Whose(None, singular(text), True)  # a name the table does not know: "Gaza", "Rohingya refugees"


def _norm_case(text: str) -> str:
    """The subject as written, without a leading article (case kept, to tell a name from a common noun)."""
    return re.sub(r"^(?:[Tt]he|[Ss]ome)\s+", "", text.strip())


@lru_cache(maxsize=8192)
def resolve_place(location: str | None) -> str | None:
    """A location's canonical form: a country through the party table ("Ukrainian" -> "ukraine"), a place
    through its aliases, without "the" and a trailing "region"/"oblast"/... ("Kursk region" -> "kursk")."""
    if not location or not location.strip():
        return None
    t = _table()
    text = _norm(location)
    if text.startswith("the "):
        text = text[4:]
    for _ in range(2):
        party = t.place_names.get(text) or t.place_names.get(f"the {text}") or t.demonyms.get(text)
        if party is not None:
            return party.lower()
        if text in t.places:
            return t.places[text]
        base = next((text[: -len(s) - 1] for s in t.suffixes if text.endswith(" " + s)), None)
        if base is None:
            break
        text = base
    return text


def party_of_place(place: str | None) -> str | None:
    """The party whose own country a canonical place is ("russia" -> "Russia"), else None."""
    if place is None:
        return None
    party = _table().place_names.get(place)
    return party


__all__ = ["Whose", "party_of_place", "resolve_place", "resolve_subject", "singular"]
