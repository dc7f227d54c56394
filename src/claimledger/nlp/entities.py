"""The named entities of a Doc, indexed once per document.

``Doc.ents`` builds a new list of every entity on each call, and ``Span.ents`` goes through it again, so
asking "which entity holds this token" or "which entities lie in this window" once per figure made
extraction quadratic in the length of an article. The rules ask here instead: the entities are read
once, sorted by token offset, and found by bisection.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span

ENTITIES_KEY = "claimledger.entities"


@dataclass(frozen=True, slots=True)
class EntityIndex:
    ents: tuple[Span, ...]
    starts: tuple[int, ...]  # token offset of each entity's first token, ascending
    ends: tuple[int, ...]  # token offset just after each entity, ascending (entities do not overlap)
    start_chars: tuple[int, ...]  # character offset of each entity, ascending

    def at(self, i: int) -> Span | None:
        """The entity holding token ``i``."""
        k = bisect_right(self.starts, i) - 1
        if k >= 0 and i < self.ends[k]:
            return self.ents[k]
        return None

    def within(self, start: int, end: int) -> tuple[Span, ...]:
        """Entities wholly inside tokens ``start:end``, in text order (what ``doc[start:end].ents`` gives)."""
        return self.ents[bisect_left(self.starts, start):bisect_right(self.ends, end)]

    def before(self, end: int, start_char: int = 0) -> tuple[Span, ...]:
        """Entities that end at or before token ``end`` and start at or after character ``start_char``,
        in text order."""
        return self.ents[bisect_left(self.start_chars, start_char):bisect_right(self.ends, end)]


def entity_index(doc: Doc) -> EntityIndex:
    """The document's entities, indexed on first use (the recogniser has run before any of our rules)."""
    index = doc.user_data.get(ENTITIES_KEY)
    if index is None:
        ents = tuple(doc.ents)
        index = doc.user_data[ENTITIES_KEY] = EntityIndex(
            ents, tuple(e.start for e in ents), tuple(e.end for e in ents), tuple(e.start_char for e in ents)
        )
    return index


def entity_at(doc: Doc, i: int) -> Span | None:
    return entity_index(doc).at(i)
