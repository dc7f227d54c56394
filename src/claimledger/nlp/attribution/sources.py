"""What kind of source a name is (person, government, company, media ...): the source table first,
then what the article says about the name (a role before it, a description beside it or elsewhere in the
text). The answer is the rules' reading of ``source_type``; the decision layer weighs it with other
features.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from claimledger.models import AUTHOR
from claimledger.nlp.attribution.rules import ORGANISATION_TYPES, PERSON_ROLES, TITLES, default_rules
from claimledger.nlp.drafts import doc_text
from claimledger.normalize.sources import SourceTable, normalize_name


@dataclass(slots=True)
class Attribution:
    name: str
    cue: str | None = None
    via: str | None = None
    token: Token | None = None
    descriptor: str | None = None  # the whole phrase: "Ukraine's energy company Ukrenergo"
    polled: bool = False  # the owner of a poll ("a poll by Vilmorus"): a pollster unless its name says more

    @property
    def is_person(self) -> bool:
        return self.token is not None and self.token.ent_type_ == "PERSON"

    def resolve(self, sources: SourceTable) -> tuple[str | None, str]:
        """(canonical, type). A descriptor naming an organisation ("energy company Ukrenergo",
        "K-Electric, the city's power utility") outweighs the entity recogniser's guess that a name is
        a person's; a country speaking ("Britain said") is its government."""
        canonical, kind = sources.resolve(self.name, is_person=self.is_person)
        if canonical is not None:
            return canonical, kind
        if self.polled and sources.guess_type(self.name) == "unknown":
            return None, "company"  # the guide: pollsters are companies
        if self._titled_personal_name(sources):
            return None, "person"  # "union leader Sherif Mansour": a named individual whatever the title
        token = self.token
        if token is not None and _beside_a_role(token) and self._personal_name(sources, titled=True):
            return None, "person"  # "The association's director, Felipe Urrutia, said"
        described = self._described(sources)
        if described in ORGANISATION_TYPES:
            return None, described  # "the logistics firm Vistula Cargo"
        if kind == "unknown" and self.token is not None:
            elsewhere = described_in_text(self.token.doc, self.name, sources)
            if elsewhere != "unknown":
                return None, elsewhere  # "Rosneft's website" after "the state oil company Rosneft"
        if kind == "unknown" and self._personal_name(sources):
            return None, "person"  # "Deputy Governor Alexei Morozov" is still a person
        if kind == "unknown" and described != "unknown":
            return None, described
        if kind == "unknown" and self.token is not None:
            kind = self._kind_from_the_text()
        return None, kind

    def _described(self, sources: SourceTable) -> str:
        """The type the words around the name give: "the rights group OVD-Info", "the Archive of
        Public Gatherings, an independent monitor"."""
        described = "unknown"
        if self.descriptor and self.descriptor != self.name:
            at = self.descriptor.rfind(self.name)
            if at > 0:
                described = sources.guess_type(self.descriptor[:at])
            elif at < 0 and normalize_name(self.descriptor) not in normalize_name(self.name):
                described = sources.guess_type(self.descriptor)
        token = self.token
        if described == "unknown" and token is not None:
            appositive = _describing_appositive(token)
            if appositive is not None:
                described = sources.guess_type(token.doc[appositive.left_edge.i:appositive.i + 1].text)
        return described

    def _titled_personal_name(self, sources: SourceTable) -> bool:
        """A personal name right after a title that is a role ("union leader", "aid agency chief")."""
        if not self.descriptor or self.descriptor == self.name or not self.descriptor.endswith(self.name):
            return False
        words = self.descriptor[: -len(self.name)].split()
        # "acting governor Pavel Orlov": after a role, the recogniser's "organisation" is a person too
        return bool(words) and words[-1].lower() in PERSON_ROLES and self._personal_name(sources, titled=True)

    def _personal_name(self, sources: SourceTable, titled: bool = False) -> bool:
        """ "Marta Lindqvist", "Dr Saima Qureshi": two or three capitalised words the recogniser took
        for no organisation or place, with no word that names a body."""
        token = self.token
        words = self.name.split()
        if token is None or not 2 <= len(words) <= 3 or self.name == AUTHOR:
            return False
        places = ("GPE", "NORP", "FAC", "LOC") if titled else ("ORG", "GPE", "NORP", "FAC", "LOC")
        if token.pos_ == "PROPN" and token.ent_type_ in places:
            return False
        if not all(w[:1].isupper() and w.isalpha() for w in words):
            return False
        return sources.guess_type(self.name) == "unknown" and sources.lookup(self.name) is None

    def _kind_from_the_text(self) -> str:
        """What the token itself says, once ``resolve`` has found the descriptor and any describing
        appositive (``_described``) silent."""
        token = self.token
        assert token is not None
        if token.ent_type_ == "GPE" and token.pos_ == "PROPN":
            return "government"
        if _described_as_a_place(token):
            return "government"  # "Neighbouring Moldova reported": a country speaking is its government
        if token.ent_type_ == "PERSON" or (token.pos_ == "PROPN" and _titled(token)):
            return "person"
        return "unknown"


def described_in_text(doc: Doc, name: str, sources: SourceTable) -> str:
    """The type the article gives a name where it describes it, before or after: "the state oil company
    Rosneft", "the Kyiv-based consultancy AgroLine", "COGAT, the Israeli defence ministry body that ...";
    the first description that types it. Cached on the document."""
    cache = doc.user_data.setdefault("claimledger_described", {})
    if name not in cache:
        cache[name] = _first_description(doc_text(doc), name, sources)
    return cache[name]


DESCRIPTION_REACH = 200  # characters before a name a description may take: "the state oil company"
WORD_EDGE = re.compile(r"\b")


def _first_description(text: str, name: str, sources: SourceTable) -> str:
    if not name or name == AUTHOR or len(name) < 2:
        return "unknown"
    escaped = re.escape(name)
    before = re.compile(rf"\b(?:[Tt]he|[Aa]n?)\s+((?:[\w'’-]+\s+){{1,4}}){escaped}\Z")
    after = re.compile(
        rf"\b{escaped},\s+(?:the|an?)\s+([^,.;:()]{{3,80}}?)(?:\s+(?:that|which|who)\b|[,.;:])")
    found: dict[int, re.Match[str]] = {}
    # only where the name stands: each pattern read over the whole text once per name made long articles
    # quadratic (names grow with the text)
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        described = before.search(text, max(0, at - DESCRIPTION_REACH), end)
        if described is not None and WORD_EDGE.match(text, end):
            found.setdefault(described.start(), described)
        described = after.match(text, at)
        if described is not None:
            found.setdefault(described.start(), described)
        at = text.find(name, at + 1)
    for _, match in sorted(found.items()):
        # the description's head, before what it is of or at: "an economist at the Baltic Institute"
        description = re.split(r"\s+(?:at|of|for|in|with|from|on|to)\s+", match.group(1))[0]
        words = description.split()
        if not words:
            continue
        if words[-1].lower().strip("'’s") in PERSON_ROLES or words[-1].lower().startswith("spokes"):
            continue  # "Carla Menéndez, a WFP spokeswoman": a person's role, not what a body is
        kind = sources.guess_type(description)
        if kind == "person":
            return "unknown"  # "Ivan Petrov, a local resident": the recogniser's reading of the name decides
        if kind != "unknown":
            return kind
    return "unknown"


def _titled(token: Token) -> bool:
    """ "Dr Saima Qureshi": a title before a proper name makes it a person's."""
    return any(t.lower_ in TITLES for t in token.doc[max(0, token.left_edge.i - 1):token.i])


def _describing_appositive(token: Token) -> Token | None:
    """A common noun set beside a name that says what it is: "Ostrov, an independent outlet"; the parse
    may hang it on the last word of a long name ("... Refugees in Darfur, a local aid group")."""
    for host in [token, *(t for t in token.subtree if t.i > token.i)]:
        for child in host.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i > token.i:
                return child
    return None


def _beside_a_role(token: Token) -> bool:
    """A name in apposition to a person's role: "the group's director, Ana Ruiz", "Ana Ruiz, its chair"."""
    if token.dep_ == "appos" and token.head.lower_ in PERSON_ROLES:
        return True
    return any(child.dep_ == "appos" and child.lower_ in PERSON_ROLES for child in token.children)


def _described_as_a_place(token: Token) -> bool:
    """ "Neighbouring Moldova", "nearby Latvia": a word that only a place takes."""
    words = default_rules().place_words
    return any(t.lower_ in words for t in token.doc[token.left_edge.i:token.i])
