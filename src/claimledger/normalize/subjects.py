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
    suffixes: dict[str, str]  # trailing administrative word -> the kind of place ("" for none)
    measures: tuple[tuple[re.Pattern[str], str], ...]  # a term as a word -> what it measures


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
    suffixes = {_norm(k): _norm(v) for k, v in places_raw.pop("suffixes", {}).items()}
    places: dict[str, str] = {}
    for canonical, aliases in places_raw.items():
        for alias in [canonical, *aliases]:
            places[_norm(alias)] = _norm(canonical)
    measures = tuple((re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])", re.IGNORECASE), name)
                     for name, terms in raw.get("measures", {}).items() for term in [name, *terms])
    return _Table(subject_names, place_names, demonyms, frozenset(_norm(f) for f in raw.get("forces", [])),
                  frozenset(_norm(g) for g in raw.get("generic", [])), places, suffixes, measures)


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
    through its aliases, without "the", a trailing "oblast"/"province"/... read as the kind of place
    ("Kursk oblast" -> "kursk region", "Kharkiv city" -> "kharkiv")."""
    if not location or not location.strip():
        return None
    t = _table()
    text = _norm(location)
    if text.startswith("the "):
        text = text[4:]
    kind = ""
    for suffix, named in t.suffixes.items():
        if text.endswith(" " + suffix):
            text, kind = text[: -len(suffix) - 1], named
            break
    party = t.place_names.get(text) or t.place_names.get(f"the {text}") or t.demonyms.get(text)
    base = party.lower() if party is not None else t.places.get(text, text)
    return f"{base} {kind}" if kind else base


def measure(sentence: str, text: str) -> str | None:
    """What a percentage or amount measures: the `measures` term nearest `text` in its sentence."""
    at = sentence.find(text) if text else -1
    centre = at + len(text) // 2 if at >= 0 else len(sentence) // 2
    best: tuple[int, str] | None = None
    for pattern, name in _table().measures:
        for match in pattern.finditer(sentence):
            if at >= 0 and match.start() < at + len(text) and at < match.end():
                continue  # inside the figure's own text
            distance = abs((match.start() + match.end()) // 2 - centre)
            if best is None or distance < best[0]:
                best = (distance, name)
    return best[1] if best else None


def party_of_place(place: str | None) -> str | None:
    """The party whose own country a canonical place is ("russia" -> "Russia"), else None."""
    if place is None:
        return None
    party = _table().place_names.get(place)
    return party


__all__ = ["Whose", "measure", "party_of_place", "resolve_place", "resolve_subject", "singular"]
