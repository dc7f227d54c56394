"""Who a figure comes from: "according to X", "X said that", quotes, passives, "citing Y", AUTHOR.

Rules (``data/lexicons/attribution.toml``) follow the schema's attribution rules: the source is who
the article says the figure comes from; in "X reported, citing Y" it is Y, with X as ``via``;
without attribution it is the outlet's own voice (AUTHOR). Attribution carries into a later sentence
only through the text itself: a pronoun or "the ministry" that refers back ("He added that ..."),
or a quotation that runs on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from claimledger.models import AUTHOR
from claimledger.nlp.acronyms import NAME_HEADS, UPPER, definitions
from claimledger.nlp.drafts import ClaimDraft, clause_bounds, doc_text
from claimledger.nlp.entities import entity_at, entity_index
from claimledger.nlp.lexicon import load_table, phrase_alternation
from claimledger.nlp.runner import expired
from claimledger.normalize.sources import SourceTable, default_table, normalize_name

QUOTES = re.compile(r"\"([^\"\n]{2,}?)\"|“([^”\n]{2,}?)”")
# Words for the role a named individual holds: "union leader Sherif Mansour" is a person.
PERSON_ROLES = {
    "leader", "head", "chief", "chairman", "chairwoman", "chair", "director", "president", "secretary",
    "spokesman", "spokeswoman", "spokesperson", "founder", "coordinator", "organiser", "organizer", "boss",
    "deputy", "commander", "minister", "governor", "mayor", "official", "representative", "researcher",
    "analyst", "economist", "expert", "activist", "lawyer", "doctor", "manager", "ceo", "executive",
}
DESCRIPTOR_DEPS = {"det", "predet", "punct"}
PERSON_PRONOUNS = {"he", "she", "i", "we"}
ORGANISATION_TYPES = {"media", "company", "ngo", "international_org", "intelligence"}
NAMED_ENTITIES = ("ORG", "PERSON", "GPE", "NORP")
DISCOURSE_ADVERBS = {
    "however", "meanwhile", "additionally", "also", "separately", "earlier", "later", "recently", "still",
    "yet", "now", "then", "instead", "moreover", "furthermore", "overall", "nonetheless", "nevertheless",
    "previously", "today", "yesterday", "tonight", "elsewhere", "so", "but", "and", "thus",
}


@dataclass(frozen=True)
class AttributionRules:
    cue_verbs: frozenset[str]
    phrases: re.Pattern[str]
    citing: frozenset[str]
    unnamed: frozenset[str]
    documents: frozenset[str]
    generic_organisations: frozenset[str]
    pronouns: frozenset[str]
    sources: SourceTable
    clausal_only: frozenset[str] = frozenset()
    kind_modifiers: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    place_words: frozenset[str] = frozenset()
    polls: frozenset[str] = frozenset()
    stance: frozenset[str] = frozenset()


@cache
def default_rules() -> AttributionRules:
    cues = load_table("attribution")["cues"]
    return AttributionRules(
        cue_verbs=frozenset(cues["verbs"]),
        phrases=re.compile(rf"\b(?:{phrase_alternation(cues['phrases'])})\b", re.IGNORECASE),
        citing=frozenset(cues["citing"]),
        unnamed=frozenset(cues["unnamed"]),
        documents=frozenset(cues["documents"]),
        generic_organisations=frozenset(cues["generic_organisations"]),
        pronouns=frozenset(cues["pronouns"]),
        sources=default_table(),
        clausal_only=frozenset(cues.get("clausal_only", ())),
        kind_modifiers=dict(cues.get("kind_modifiers", {})),
        place_words=frozenset(cues.get("place_words", ())),
        polls=frozenset(cues.get("polls", ())),
        stance=frozenset(cues.get("stance", ())),
    )


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


# -- names as written -----------------------------------------------------------------------------
def source_name(head: Token) -> str:
    """The shortest span that names a source: "iStories" in "Russian investigative outlet iStories"."""
    acronym = _defined_acronym(head)
    if acronym is not None:
        # "the National Emergency Management Agency (NEMA) said": a body introduced by its full name
        # with the acronym in brackets is named in full, as first written (the guide's rule)
        full = _name_before_acronym(acronym)
        if full is not None:
            return full
        return acronym.text
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":  # "Ukraine's power utility, Ukrenergo"
            return source_name(child)
    doc = head.doc
    holding = entity_at(doc, head.i)
    if head.ent_type_ in ("PERSON", "GPE") and holding is not None and holding.label_ == head.ent_type_:
        return holding.text
    start, end = head.left_edge.i, head.i + 1
    if holding is not None:
        start, end = min(start, holding.start), max(end, holding.end)
    of_name = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ in ("of", "for")), None)
    members = next((g for g in of_name.children if g.dep_ == "pobj" and g.tag_ == "NNS"
                    and not any(d.dep_ == "det" for d in g.children)), None) if of_name is not None else None
    if head.lower_ in PANELS and members is not None:
        end = max(end, members.i + 1)  # "UN panel of experts"
    elif head.pos_ == "PROPN" and of_name is not None and _continues_name(of_name):
        # "General Staff of Ukraine's Armed Forces", "Coordination Headquarters for the Treatment of POWs"
        end = max(end, of_name.right_edge.i + 1)
    tokens = list(doc[start:end])
    place_words = default_rules().place_words
    while tokens and (tokens[0].dep_ in DESCRIPTOR_DEPS or tokens[0].lower_ in ("the", "a", "an")
                      or (tokens[0].lower_ in place_words and len(tokens) > 1)):
        tokens = tokens[1:]  # "Neighbouring Moldova" is Moldova
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct):
        tokens = tokens[:-1]
    if not tokens:
        return head.text
    personal = _name_after_role(tokens)
    if personal is not None:
        return personal
    if tokens[-1].pos_ == "PROPN" and not tokens[-1].is_lower:
        run = len(tokens)
        while run > 0 and ((tokens[run - 1].pos_ == "PROPN" and not tokens[run - 1].is_lower)
                           or tokens[run - 1].tag_ == "POS"):
            run -= 1
        if (run > 0 and any(t.pos_ == "NOUN" for t in tokens[:run]) and tokens[run - 1].tag_ != "POS"
                and tokens[run - 1].lower_ not in NAME_CONNECTORS):  # "Archive of Public Gatherings"
            tokens = tokens[run:]  # drop the descriptor: "outlet iStories" → "iStories"
    return doc[tokens[0].i:tokens[-1].i + 1].text


def _name_after_role(tokens: list[Token]) -> str | None:
    """ "said Finance Minister Ana Ruiz" where the recogniser saw no person: the guide names an
    individual without the title, so the two or three capitalised words after the role."""
    roles = [k for k, t in enumerate(tokens) if t.lower_ in PERSON_ROLES and t.pos_ == "PROPN"]
    if not roles:
        return None
    rest = tokens[roles[-1] + 1:]
    shaped = 2 <= len(rest) <= 3 and all(t.pos_ == "PROPN" and t.is_alpha and t.is_title for t in rest)
    if not shaped or rest[0].lower_ in TITLES:
        return None
    name = rest[0].doc[rest[0].i:rest[-1].i + 1].text
    return name if default_table().guess_type(name) == "unknown" else None


def _defined_acronym(head: Token) -> Token | None:
    """The acronym in brackets right after a name: "World Health Organization (WHO)"; the parse may
    hang it on the last word of the name ("Organization for Migration (IOM)")."""
    doc = head.doc
    for token in head.subtree:
        if token.i <= head.i or token.pos_ != "PROPN" or token.i + 1 >= len(doc) or token.i < 2:
            continue
        bracketed = doc[token.i - 1].text == "(" and doc[token.i + 1].text == ")"
        before = doc[token.i - 2]
        named = before.pos_ == "PROPN" or before.lower_ in NAME_HEADS
        if bracketed and ACRONYM.fullmatch(token.text) and named:
            return token
    return None


def _name_before_acronym(acronym: Token) -> str | None:
    """ "UN Office for the Coordination of Humanitarian Affairs" in "The UN Office for the Coordination
    of Humanitarian Affairs (OCHA)": the capitalised name right before the bracket, without "the"."""
    text, end = doc_text(acronym.doc), acronym.idx + len(acronym.text) + 1
    found = next((d for d in definitions(text, acronym.sent.start_char, end) if d.end >= end), None)
    if found is None or found.acronym_start != acronym.idx:
        return None
    name = re.sub(r"^(?:The|the)\s+", "", found.name)
    return name or None


ACRONYM = re.compile(rf"(?=[^\W_]{{2,8}}$)[{UPPER}][^\W\d_{UPPER}]*[{UPPER}0-9][^\W_]*")  # "R4V" too


def _continues_name(preposition: Token) -> bool:
    """ "of Ukraine's Armed Forces", "for the Treatment of Prisoners of War": a capitalised object."""
    if preposition.lower_ == "of":
        return any(t.pos_ == "PROPN" for t in preposition.subtree)
    pobj = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    return pobj is not None and pobj.text[:1].isupper() and pobj.i == preposition.i + 1 + sum(
        1 for t in preposition.doc[preposition.i + 1:pobj.i] if t.lower_ == "the")


TITLES = {"dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "prof", "prof.", "professor", "captain",
          "colonel",
          "general", "sergeant", "lieutenant", "major"}


def _titled(token: Token) -> bool:
    """ "Dr Saima Qureshi": a title before a proper name makes it a person's."""
    return any(t.lower_ in TITLES for t in token.doc[max(0, token.left_edge.i - 1):token.i])


PANELS = {"panel", "commission", "committee", "board", "team", "council"}  # "UN panel of experts"
NAME_CONNECTORS = {"of", "for", "and", "&", "on", "in"}


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


class Attributor:
    """Reads the attribution of every draft in a document, sentence by sentence."""

    def __init__(self, doc: Doc, rules: AttributionRules) -> None:
        self.doc = doc
        self.rules = rules
        self.last_named: Attribution | None = None
        self.named: list[Attribution] = []  # every source named so far, oldest first
        self.quotes = [(m.start(), m.end()) for m in QUOTES.finditer(doc_text(doc))]
        self._quote_speakers: dict[tuple[int, int], Attribution | None] = {}

    # -- subjects of cue verbs ---------------------------------------------------------------
    def speaker_of(self, verb: Token) -> Attribution | None:
        """Who does the saying: the subject of a cue verb, or the agent of a passive one."""
        cue = verb.text
        subject = _subject_of(verb)
        if subject is None:
            agent = self._agent_below(verb)
            if agent is not None:
                return self._named(agent, cue)
            misread = self._misread(verb, cue)
            if misread is not None:  # "Aid workers in Kosti said": the tagger took "Aid" for a verb
                return misread
            misparsed = verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and verb.head.pos_ != "VERB"
            if misparsed and any(c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children)
                                 for c in verb.children):
                return self._named(verb.head, cue)  # "A UN panel of experts estimated ... that": a misparse
            if verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.i != verb.i:
                # "the air force said, adding that ...", "the ministry dismissed the sanctions and said
                # ...", "the department disputed the figure, saying ...": the sayer is the head's subject
                shared = _subject_of(verb.head)
                if shared is not None and shared.pos_ != "PRON":
                    return self._named(shared, cue)
                above = self.speaker_of(verb.head) \
                        if verb.head.lemma_.lower() in self.rules.cue_verbs else None
                return Attribution(above.name, cue=cue, token=above.token,
                                   descriptor=above.descriptor) if above else None
            return None
        misread = self._misread(verb, cue)
        if misread is not None:
            return misread
        if subject.like_num or subject.pos_ == "NUM" or subject.lower_ in FIGURE_HEADS:
            return Attribution(AUTHOR, cue=cue)  # "In a survey of 4,500 households, 41% said": the counted
        if subject.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
            return self._named(verb.head, cue)  # "The British Medical Association, which says ..."
        if subject.pos_ == "PRON" or subject.lower_ in self.rules.pronouns:
            # "Mediazona said it had confirmed ...": "it" is the sayer named higher up in the sentence
            for ancestor in verb.ancestors:
                if ancestor.lemma_.lower() in self.rules.cue_verbs:
                    named = _subject_of(ancestor)
                    if named is not None and named.pos_ != "PRON":
                        return self._named(named, cue)
        return self._named(subject, cue)

    def _misread(self, verb: Token, cue: str) -> Attribution | None:
        found = _misread_subject(verb)
        if found is None:
            return None
        phrase = self.doc[found[0].i:found[1].i + 1].text
        return Attribution(phrase, cue=cue, token=found[1], descriptor=phrase)

    def _agent_below(self, verb: Token) -> Token | None:
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        for token in [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "oprd", "ccomp", "conj"))]:
            for child in token.children:
                by = child.dep_ == "prep" and child.lower_ == "by" and passive and token.i != verb.i
                if child.dep_ == "agent" or by:  # "were reported arriving each day by local officials"
                    return next((g for g in child.children if g.dep_ == "pobj"), None)
        return None

    def _named(self, head: Token, cue: str | None) -> Attribution:
        lower = head.lower_
        if head.pos_ == "PRON" or lower in self.rules.pronouns:
            return self._resolve_pronoun(lower, cue, head)
        unnamed = head.lemma_.lower() in self.rules.unnamed or lower in self.rules.unnamed
        unnamed = unnamed and not any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children)
        if unnamed and not _proper_name(head):
            compound = self._compound_owner(head)
            if compound is not None and compound[0].pos_ != "PROPN":
                return Attribution(compound[1], cue=cue, token=compound[0], descriptor=compound[1])
            owner = self._owner_of(head)
            if owner is not None:
                found = self._named(owner, cue)
                found.polled = head.lemma_.lower() in self.rules.polls and found.name != AUTHOR
                return found
            if self.last_named is not None and head.lemma_.lower() in self.rules.documents \
                    and _is_definite(head):
                # "According to the report, ..." after "the General Staff reported ...": the same report
                return Attribution(self.last_named.name, cue=cue, token=self.last_named.token,
                                   descriptor=self.last_named.descriptor)
            return Attribution(AUTHOR, cue=cue)
        possessor = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        titles = [head, *(c for c in head.children if c.dep_ == "conj")]
        if possessor is not None and any(t.lemma_.lower() in self.rules.documents for t in titles):
            return self._named(possessor, cue)  # "the World Bank's Rapid Damage and Needs Assessment"
        if possessor is not None and head.text in BODY_STAFF:  # lower case: not "Ukraine's General Staff"
            return self._named(possessor, cue)  # "the IMF's staff said": the staff speak for the body
        if head.pos_ == "PROPN" and (head.i == 0 or head.doc[head.i - 1].pos_ != "PROPN"):
            full = self._full_name(head)
            if full is not None:
                return Attribution(source_name(full), cue=cue, token=full,
                                   descriptor=self.doc[full.left_edge.i:full.i + 1].text)
        titled = self._titled_person_before(head)
        if titled is not None:
            return Attribution(titled[0], cue=cue, token=titled[1], descriptor=titled[2])
        earlier = self._named_earlier(head)
        if earlier is not None:
            return Attribution(earlier.name, cue=cue, token=earlier.token, descriptor=earlier.descriptor)
        employer = self._employer_of(head)
        if employer is not None:
            return self._named(employer, cue)  # "economists at the Institute for East European Studies"
        named_earlier = self._organisation_named_earlier(head)
        if named_earlier is not None:
            if head.pos_ == "PROPN":  # "The Fund said" after "The International Monetary Fund's board"
                return Attribution(source_name(named_earlier.root), cue=cue, token=named_earlier.root)
            return Attribution(named_earlier.text, cue=cue, token=named_earlier.root)
        appos = next((c for c in head.children
                      if c.dep_ == "appos" and (c.pos_ == "PROPN" or _names_something(c))), None)
        closing = _closing_name(head)
        if closing is not None and head.pos_ != "PROPN":
            return self._named(closing, cue)  # "The UN agency for Palestinian refugees, UNRWA, said"
        if appos is not None and appos.pos_ != "PROPN" and head.pos_ != "PROPN":
            return self._named(appos, cue)  # "Her employer, the logistics firm Vistula Cargo, said"
        left = head.left_edge.i
        before = head.doc[left - 1] if left > 0 else None
        if (before is not None and head.pos_ == "PROPN" and before.pos_ == "NOUN"
                and before.head.i == head.head.i and before.dep_ == head.dep_ and before.i != head.head.i):
            left = before.left_edge.i  # "the national weather service IMGW said": two subjects, one body
        descriptor = head.doc[left:head.i + 1].text
        return Attribution(source_name(head), cue=cue, token=appos if appos is not None else head,
                           descriptor=descriptor)

    def _titled_person_before(self, head: Token) -> tuple[str, Token, str] | None:
        """ "The minister said" after "Agriculture Minister Tomasz Wielgosz": the person the article named
        with that title (the guide: a reference back to a named source takes its name)."""
        role = head.lower_
        if head.pos_ != "NOUN" or role not in PERSON_ROLES or not _is_definite(head):
            return None
        if any(c.dep_ in ("amod", "compound", "poss", "prep") for c in head.children):
            return None  # "the finance minister", "the minister of health": a title of its own
        word = rf"[{UPPER}][\w'’-]+"
        pattern = re.compile(rf"\b(?i:{re.escape(role)})\s+((?:{word}\s+){{0,2}}{word})")
        found = None
        for match in pattern.finditer(doc_text(self.doc), 0, head.idx):
            name = match.group(1)
            if len(name.split()) >= 2 and match.group(0)[:1].isupper():
                found = match  # "Minister Tomasz Wielgosz", not "the minister Monday"
        if found is None:
            return None
        name = found.group(1)
        span = self.doc.char_span(found.start(1), found.end(1), alignment_mode="expand")
        if span is None or self.rules.sources.guess_type(name) != "unknown":
            return None
        return name, span[-1], found.group(0)

    def _named_earlier(self, head: Token) -> Attribution | None:
        """ "the ministry", "the agency" naming a source met before: the latest one it fits, so that
        "the ministry" after TASS is still the defence ministry named two paragraphs up."""
        if not self.named or head.pos_ == "PROPN" or not _is_definite(head):
            return None
        if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children):
            return None  # "the monitoring group Civic Lens": a name given here, not a body named before
        modifiers = [c.lower_ for c in head.children if c.dep_ in ("amod", "compound")]
        recent = list(reversed(self.named[-MEMORY:]))
        for earlier in recent:  # first a source whose name has the word: "the bank", "Central Bank of Russia"
            words = earlier.name.lower().replace("'s", "").split()
            descriptor = (earlier.descriptor or "").lower()
            fits = all(m in words or m in descriptor for m in modifiers)
            if (head.lower_ in words or head.lemma_.lower() in words) and fits:
                return earlier
        # "the UN body", "the world body", "the rights group": a modifier that says only what kind of
        # body it is refers back to the latest body of that kind, not to one whose name has the word
        kinds = {self.rules.kind_modifiers.get(m) for m in modifiers}
        if head.lemma_.lower() not in self.rules.generic_organisations or None in kinds or len(kinds) > 1:
            return None
        generic = head.lemma_.lower()
        kind = None if generic in ANY_KIND_OF_BODY else self.rules.sources.guess_type(generic)
        kind = kinds.pop() if kinds else kind
        for earlier in recent:  # then "the group", "the agency" for the latest organisation
            if earlier.is_person or _is_place(earlier):
                continue
            if kind not in (None, "unknown") and earlier.resolve(self.rules.sources)[1] != kind:
                continue  # "the union said" does not name the coastguard quoted before
            return earlier
        return None

    def _generic_reference(self, head: Token) -> bool:
        """ "the group", "the organisation" after an organisation was named: the same one."""
        assert self.last_named is not None
        return (head.pos_ == "NOUN" and _is_definite(head)
                and head.lemma_.lower() in self.rules.generic_organisations
                and not self.last_named.is_person
                and not any(c.dep_ in ("amod", "compound", "poss") for c in head.children))

    def _could_be_a_source(self, target: Token, origin: Attribution) -> bool:
        """A name, a body or people: what "citing" can point to."""
        if target.pos_ == "PROPN" or target.ent_type_ in NAMED_ENTITIES:
            return True
        sources = self.rules.sources
        return sources.lookup(origin.name) is not None or any(
            sources.guess_kind(name) != "unknown" for name in (origin.name, target.lemma_))

    def _employer_of(self, head: Token) -> Token | None:
        if head.pos_ != "NOUN" or head.tag_ != "NNS":
            return None
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("at", "from", "with")):
            pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            described = pobj is not None and pobj.pos_ == "PROPN" and any(
                c.dep_ == "compound" and c.pos_ == "NOUN" for c in pobj.children)  # "the union Rolna Wola"
            if pobj is not None and (pobj.ent_type_ == "ORG" or described or _names_something(pobj)):
                return pobj  # "organisers from the farmers' union Rolna Wola"
        return None

    def _organisation_named_earlier(self, head: Token) -> Span | None:
        """ "The IMF approved a loan, the fund said": "the fund" is the IMF named just before."""
        determiner = next((c for c in head.children if c.dep_ == "det"), None)
        if determiner is None or determiner.lower_ != "the" or not (head.pos_ == "NOUN" or _bare_title(head)):
            return None
        word = head.lower_
        modifiers = [c.lower_ for c in head.children if c.dep_ in ("amod", "compound") and c.pos_ != "PROPN"]
        window_start = head.sent.start_char - 400
        for ent in reversed(entity_index(self.doc).before(head.i, window_start)):
            if ent.label_ not in ("ORG", "NORP", "GPE"):
                continue
            canonical = self.rules.sources.lookup(ent.text)
            place = canonical is not None and canonical.canonical.startswith("Government of")
            if ent.label_ == "GPE" and place:
                continue  # "the government" after a dateline "PARIS —" is named as written
            names = f"{ent.text} {canonical.canonical if canonical else ''}".lower()
            words = re.sub(r"['’]s?\b", "", names).split()
            if word in words and all(m in words for m in modifiers):  # "The International Monetary Fund's"
                return ent  # (but "the state health department" is not the Meteorological Department)
        return None

    def _owner_of(self, head: Token) -> Token | None:
        """ "the ministry's figures", "data from the UN", "agriculture ministry estimates": the owner of an
        unnamed source."""
        owner = self._compound_owner(head)
        if owner is not None:
            return owner[0]
        for child in head.children:
            if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
                return child
            if child.dep_ == "acl":  # "data published by the bank"
                agent = next((g for g in child.children if g.dep_ == "agent"), None)
                pobj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
                if pobj is not None and not any(g.like_num for g in pobj.children):  # "by 17 governments"
                    return pobj
            if child.dep_ == "prep" and child.lower_ == "at":  # "analysts at the brokerage Danubia Capital"
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                named = pobj is not None and (pobj.pos_ == "PROPN" or pobj.ent_type_ == "ORG")
                if pobj is not None and (named or _names_something(pobj)):
                    return pobj
            if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None and any(g.like_num for g in pobj.children):
                    continue  # "a survey of 4,500 households": what was surveyed, not who surveyed
                if pobj is not None and (pobj.pos_ == "PROPN"
                                         or pobj.ent_type_ in ("ORG", "GPE", "NORP", "PERSON")
                                         or pobj.lemma_.lower() not in self.rules.unnamed):
                    return pobj
        return None

    def _compound_owner(self, head: Token) -> tuple[Token, str] | None:
        """ "according to UN estimates", "agriculture ministry estimates": a noun compound before the
        document that names a body (by name or by its head word), with the words that name it; not what is
        counted ("casualty estimates") nor a place or a month ("Kursk figures", "September data")."""
        compounds = [c for c in head.children if c.dep_ == "compound" and c.i < head.i]
        if not compounds or head.lemma_.lower() not in self.rules.documents:
            return None
        owner = compounds[-1]
        if owner.ent_type_ in ("GPE", "LOC", "DATE", "TIME", "NORP", "CARDINAL"):
            return None
        start = owner.i  # the modifiers right before it: "interior" in "interior ministry estimates"
        while (start - 1 > head.left_edge.i - 1 and self.doc[start - 1].dep_ in ("compound", "amod")
               and self.doc[start - 1].head.i in (owner.i, head.i)
               and self.doc[start - 1].lower_ not in DOCUMENT_ADJECTIVES):
            start -= 1
        phrase = self.doc[start:owner.i + 1].text
        sources = self.rules.sources
        named = sources.lookup(phrase) is not None or sources.guess_type(phrase) != "unknown"
        if named or (owner.pos_ == "PROPN" and owner.ent_type_ == "ORG"):
            return owner, phrase
        return None

    def _refers_back(self, head: Token) -> bool:
        """ "the ministry", "the agency" naming the source mentioned last."""
        determiner = next((c for c in head.children if c.dep_ == "det"), None)
        if determiner is None or determiner.lower_ != "the" or head.pos_ == "PROPN":
            return False
        assert self.last_named is not None
        return head.lower_ in self.last_named.name.lower().split() \
                or head.lemma_.lower() in self.last_named.name.lower()

    def _resolve_pronoun(self, pronoun: str, cue: str | None, at: Token | None = None) -> Attribution:
        last = self.last_named
        if pronoun in PERSONAL_PRONOUNS and at is not None:
            # "he said" is the person named last, not an organisation that spoke since, nor a person
            # who spoke before a newer one was named
            person = self._person_named_before(at)
            personal = last is not None and last.token is not None and _speaks_as_a_person(last)
            latest = last.token.i if personal and last is not None and last.token is not None else -1
            if person is not None and person.i > latest:
                return Attribution(source_name(person), cue=cue, token=person,
                                   descriptor=self.doc[person.left_edge.i:person.i + 1].text)
            if last is not None and not self._is_a_person(last):
                # "she said" after a body spoke: the latest individual named, also one the recogniser
                # missed ("said Finance Minister Ana Ruiz"), within the reach of a pronoun
                window_start = at.sent.start_char - PERSON_REACH_CHARS
                last = next((e for e in reversed(self.named[-MEMORY:]) if self._is_a_person(e)
                             and e.token is not None and e.token.idx >= window_start), last)
        if pronoun == "it" and last is not None and self._is_a_person(last):
            # "it said" is not the governor named since: the latest body named before
            body = next((e for e in reversed(self.named[-MEMORY:])
                         if not self._is_a_person(e) and not _is_place(e)), None)
            last = body or last
        if last is None:
            return Attribution(AUTHOR, cue=cue)
        return Attribution(last.name, cue=cue, token=last.token, descriptor=last.descriptor)

    def _is_a_person(self, attribution: Attribution) -> bool:
        """A person by role ("the governor") or by type: the recogniser's guess that "Civic Lens" is a
        person's name gives way to its description ("the monitoring group Civic Lens")."""
        token = attribution.token
        by_role = token is not None and token.lemma_.lower() in PERSON_ROLES
        if by_role or attribution.resolve(self.rules.sources)[1] == "person":
            return True
        # "a witness", "a resident": not the guide's `person` (a named individual), but "he" refers back
        return attribution.name != AUTHOR and self.rules.sources.guess_kind(attribution.name) == "person"

    def _full_name(self, head: Token) -> Token | None:
        """ "Kim added" after "Governor Vitaliy Kim": the full name of the person named before by surname."""
        window_start = head.sent.start_char - PERSON_REACH_CHARS * 2
        for ent in reversed(entity_index(self.doc).before(head.i, window_start)):
            if ent.label_ == "PERSON" and len(ent) >= 2 and ent[-1].text == head.text:
                return ent[-1]
        return None

    def _person_named_before(self, at: Token) -> Token | None:
        """The last token of the last person's name before ``at``, within a few sentences."""
        window_start = at.sent.start_char - PERSON_REACH_CHARS
        for ent in reversed(entity_index(self.doc).before(at.i, window_start)):
            if ent.label_ == "PERSON" and len(ent) >= 2 and not self._inside_quote(ent.start_char):
                return ent[-1]
        return None

    def _inside_quote(self, offset: int) -> bool:
        return any(q_start < offset < q_end for q_start, q_end in self.quotes)

    # -- "citing Y" ------------------------------------------------------------------------------
    def originator(self, verb: Token, said: Attribution) -> Attribution:
        """In "X reported, citing Y", the source is Y and X is the relay."""
        for child in verb.subtree:
            if child.lemma_.lower() not in self.rules.citing and child.lower_ not in self.rules.citing:
                continue
            target = next((g for g in child.children if g.dep_ in ("dobj", "pobj")), None)
            if target is None:
                prep = next((g for g in child.children if g.dep_ == "prep"), None)
                target = next((g for g in prep.children if g.dep_ == "pobj"), None) \
                        if prep is not None else None
            if target is None:
                continue
            if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in target.children):
                return said  # "citing its own count": the speaker's own figure
            origin = self._named(target, said.cue)
            if origin.name == AUTHOR:
                return said  # "citing unnamed sources": the relay is all we can name
            if origin.token is target and not self._could_be_a_source(target, origin):
                return said  # "citing one-off payments promised before the election": a reason, not a source
            origin.via = said.name if said.name != AUTHOR else None
            return origin
        return said

    # -- per figure ------------------------------------------------------------------------------
    def attribution_of(self, draft: ClaimDraft) -> Attribution:
        quote = self._quote_around(draft.start, draft.end)
        if quote is not None:
            speaker = self.quote_speaker(quote)
            if speaker is not None:
                return speaker
        phrase = self._according_to(draft)
        if phrase is not None:
            return phrase
        verb = self._cue_verb_above(draft.figure, draft.sentence)
        for _ in range(3):
            if verb is None:
                break
            said = self.speaker_of(verb)
            outer = self._outer_speaker(verb)
            if outer is not None:
                return outer  # "the mission has verified 13,134 deaths, OHCHR said"
            if said is not None:
                return self.originator(verb, said)
            # "saying only 23 deaths had been confirmed": a passive cue with no agent names no one
            verb = self._cue_verb_above(verb, draft.sentence)
        leading = self._according_to(draft, leading_only=True)
        if leading is not None:
            return leading  # "According to UNHCR, ... , while 3.7 million remain displaced"
        framed = self._document_frame(draft)
        if framed is not None:
            return framed  # "In a survey by the Gaidar Institute, 40% of companies said ..."
        final = self._final_reporting_clause(draft)
        if final is not None:
            return final
        return Attribution(AUTHOR)

    def _outer_speaker(self, verb: Token) -> Attribution | None:
        """The speaker of a sentence whose reported clause has a cue verb of its own with an unnamed
        subject: in "the mission has verified 13,134 deaths, OHCHR said" the source is OHCHR."""
        outer = verb.head
        if verb.dep_ != "ccomp" or outer.i == verb.i or outer.lemma_.lower() not in self.rules.cue_verbs:
            return None
        inner = _subject_of(verb)
        if inner is None or inner.pos_ in ("PROPN", "PRON") or inner.ent_type_ in NAMED_ENTITIES:
            return None
        said = self.speaker_of(outer)
        if said is None or said.name == AUTHOR or said.token is None or said.token.pos_ != "PROPN":
            return None
        if any(t.text == ";" for t in self.doc[min(verb.i, outer.i):max(verb.i, outer.i)]):
            return None  # "Unions put it at 45%; the ministry said 27.6%": two sources, side by side
        return self.originator(outer, said)

    def _document_frame(self, draft: ClaimDraft) -> Attribution | None:
        """A sentence framed by a document with an owner: "In a survey published this month by the
        Gaidar Institute, some 40% of companies said ..." (the companies answer; the institute reports)."""
        sentence = draft.sentence
        for token in self.doc[sentence.start:draft.span.start]:
            if token.lower_ not in ("in", "from") or token.dep_ != "prep":
                continue
            document = next((c for c in token.children if c.dep_ == "pobj"), None)
            if document is None or document.lemma_.lower() not in self.rules.documents:
                continue
            owner = self._owner_of(document)
            if owner is not None:
                return self._named(owner, token.text)
        return None

    def _final_reporting_clause(self, draft: ClaimDraft) -> Attribution | None:
        """ "..., regional governor Andriy Saliy said on Telegram.": a sentence-final reporting clause
        covers the sentence even where the parse hangs it elsewhere."""
        sentence = draft.sentence
        for token in reversed(list(self.doc[draft.span.end:sentence.end])):
            if token.lemma_.lower() not in FINAL_REPORTING_VERBS or token.pos_ != "VERB":
                continue
            if any(c.dep_ == "neg" for c in token.children) or token.tag_ == "VBG":
                return None  # "a figure the ministry has not confirmed", "..., saying inflation rose"
            if any(c.dep_ in ("ccomp", "xcomp", "advcl") and c.i > token.i
                   and c.lower_ not in self.rules.citing for c in token.children):
                return None  # the verb reports something of its own
            before = self.doc[draft.span.end:token.i]
            after = self.doc[token.i + 1:sentence.end]
            if not any(t.text == "," for t in before) or any(t.lower_ == "that" or t.like_num for t in after):
                return None
            followers = [after[i + 1] for i, t in enumerate(after[:-1]) if t.text == ","]
            if any(f.lower_ not in self.rules.citing and f.lower_ != "according" and _clause_follows(f)
                   for f in followers):
                return None  # only "..., TASS reported, citing the agency." or an aside may follow
            said = self.speaker_of(token)
            if said is None or said.name == AUTHOR:
                # "..., the town's commandant, Ihor Shevchuk, said.": the name right before the verb
                before_verb = reversed(list(self.doc[sentence.start:token.i]))
                named = next((t for t in before_verb if not t.is_punct), None)
                if named is None or named.pos_ not in ("PROPN", "NOUN"):
                    return None
                said = self._named(_phrase_head(named), token.text)
            return self.originator(token, said) if said.name != AUTHOR else None
        return None

    def _according_to(self, draft: ClaimDraft, leading_only: bool = False) -> Attribution | None:
        sentence = draft.sentence
        clause_start, clause_end = clause_bounds(sentence, draft.start)
        best: tuple[int, Attribution] | None = None
        for match in self.rules.phrases.finditer(sentence.text):
            start = sentence.start_char + match.start()
            end = sentence.start_char + match.end()
            if leading_only and match.start() > LEADING_CHARS:
                continue
            if not leading_only and not clause_start <= start < clause_end:
                continue  # "X grew, according to Rosstat, while the bank raised Y": not Y's source
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            pobj = next((c for c in span[-1].children if c.dep_ == "pobj"), None)
            if pobj is None:
                nxt = span[-1].i + 1
                pobj = self.doc[nxt] \
                        if nxt < sentence.end and self.doc[nxt].pos_ in ("PROPN", "NOUN") else None
                pobj = pobj if pobj is None else _phrase_head(pobj)
            if pobj is None:
                continue
            found = self._named(pobj, match.group(0).lower())
            found = self.originator(pobj, found) if found.name != AUTHOR else found
            distance = abs(start - draft.start)
            if best is None or distance < best[0]:
                best = (distance, found)
        return best[1] if best else None

    def _cue_verb_above(self, figure: Token, sentence: Span) -> Token | None:
        child, token = figure, figure.head
        jumped = False
        for _ in range(14):
            lemma = token.lemma_.lower()
            if lemma in ACT_VERBS and child.dep_ == "dobj" and child.lemma_.lower() in MEASURES:
                return None  # "The government has announced compensation of 400,000 rupees": an act, AUTHOR
            if (lemma in self.rules.cue_verbs and child.dep_ == "conj" and child.i > token.i
                    and child.lemma_.lower() not in self.rules.cue_verbs
                    and any(_another_actor(c, figure) for c in child.children)):
                return None  # "..., SNCF said, and the metro operator RATP closed 8 lines": RATP's own act
            if (lemma in self.rules.cue_verbs and token.pos_ in ("VERB", "AUX") and child.dep_ != "nsubj"
                    and not (lemma in self.rules.clausal_only and child.dep_ in ("dobj", "prep"))):
                return token  # (but "adding 52 vessels to a list" is not speech)
            if lemma in GIVING_VERBS and child.dep_ == "dobj" and child.lemma_.lower() in FIGURE_NOUNS:
                return token  # "Panama's migration service gave a lower figure of 302,000"
            if _contrasting_clause(child) and not (token.dep_ == "ccomp" and _subject_is_a_figure(child)):
                return None  # "Britain said it would give £2m, while the EU pledged €50m"
            if token.head.i == token.i:
                joint = _coordinated_fragment(token)
                if joint is None or jumped:
                    break
                # "... said that 209 civilians were killed and 1,146 injured": the parse makes the
                # elided clause a root of its own; it is coordinated with the reported content
                jumped = True
                child, token = joint, joint.head
                continue
            child, token = token, token.head
        root = token
        own = next((a for a in [figure, *figure.ancestors] if a.head.i == root.i and a.i != root.i), None)
        for candidate in root.children:  # "..., the ministry said" hangs off the root
            if (own is not None and own.dep_ == "conj" and candidate.i < own.left_edge.i
                    and any(_another_actor(c, figure) for c in own.children)):
                continue  # "..., SNCF said, and the metro operator RATP closed 8 lines": RATP's own act
            if candidate.dep_ in ("parataxis", "ccomp", "conj", "advcl") \
                    and candidate.lemma_.lower() in self.rules.cue_verbs:
                says_something_else = any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in candidate.children)
                if not says_something_else \
                        and not (candidate.left_edge.i <= figure.i <= candidate.right_edge.i):
                    return candidate
        return None

    # -- quotations --------------------------------------------------------------------------------
    def _quote_around(self, start: int, end: int) -> tuple[int, int] | None:
        for quote in self.quotes:
            if quote[0] < start and end < quote[1]:
                return quote
        return None

    def quote_speaker(self, quote: tuple[int, int]) -> Attribution | None:
        if quote not in self._quote_speakers:
            self._quote_speakers[quote] = self._find_quote_speaker(quote)
        return self._quote_speakers[quote]

    def _find_quote_speaker(self, quote: tuple[int, int]) -> Attribution | None:
        q_start, q_end = quote
        first = self.doc.char_span(q_start, q_start + 1, alignment_mode="expand")
        last = self.doc.char_span(q_end - 1, q_end, alignment_mode="expand")
        if first is None or last is None:
            return None
        sentences = [last[0].sent, first[0].sent]
        for sentence in sentences:
            outside = [t for t in sentence if not (q_start <= t.idx < q_end)
                       and t.lemma_.lower() in self.rules.cue_verbs
                       and t.pos_ in ("VERB", "AUX")]
            outside.sort(key=lambda t: min(abs(t.idx - q_end), abs(t.idx - q_start)))
            for verb in outside:
                speaker = self.speaker_of(verb)
                if speaker is not None and speaker.name != AUTHOR:
                    return speaker
        before = first[0].sent.start - 1
        if before > 0:
            previous = self.doc[before].sent
            # '"We lost 200 men," said Captain Melnyk. "Another 150 were wounded."': the quote runs on
            for other in self.quotes:
                if previous.start_char <= other[0] < previous.end_char and other != quote:
                    speaker = self.quote_speaker(other)
                    if speaker is not None and doc_text(self.doc)[other[1]:q_start].count("\n\n") == 0:
                        return speaker
            if previous.text.rstrip().endswith(":"):
                for verb in (t for t in previous if t.lemma_.lower() in self.rules.cue_verbs):
                    speaker = self.speaker_of(verb)
                    if speaker is not None:
                        return speaker
        return None

    def remember(self, sentence: Span) -> None:
        """The last source named in a sentence: what a later "he" or "the ministry" refers to."""
        for token in sentence:
            lemma = token.lemma_.lower()
            spoke = lemma in self.rules.cue_verbs or lemma in self.rules.stance
            if spoke and token.pos_ in ("VERB", "AUX"):
                said = self.speaker_of(token)
                if said is not None and said.name != AUTHOR and said.token is not None:
                    self.last_named = said
                    self.named.append(said)
        for match in self.rules.phrases.finditer(sentence.text):
            span = self.doc.char_span(sentence.start_char + match.start(), sentence.start_char + match.end(),
                                      alignment_mode="expand")
            pobj = next((c for c in span[-1].children if c.dep_ == "pobj"), None) \
                    if span is not None else None
            if pobj is not None and pobj.lemma_.lower() not in self.rules.unnamed:
                self.last_named = Attribution(source_name(pobj), token=pobj,
                                              descriptor=self.doc[pobj.left_edge.i:pobj.i + 1].text)
                self.named.append(self.last_named)


FINAL_REPORTING_VERBS = {
    "say", "tell", "report", "add", "announce", "state", "write", "claim", "note", "post",
    "estimate",  # "..., the farm consultancy AgroPampa estimated."
    "show",  # "..., central bank data showed.": the owner of the data, or no one
}
# Verbs that attribute a figure only through a figure noun they take: "the service gave a lower figure of
# 302,000", "the police offered an estimate of 5,000" (but "a decree gives a bonus" names no source).
# Announcing what a body gives is an act, like "the government has offered" (the guide): "the government
# announced compensation of 400,000 rupees" is AUTHOR; "announced that 40 people died" and "announced a 7.2%
# increase in its budget" report figures, and name their source.
ACT_VERBS = {"announce", "unveil"}
MEASURES = {"compensation", "aid", "package", "funding", "grant", "grants", "subsidy", "subsidies", "bonus",
            "payment", "payments", "allowance", "loan", "loans", "investment", "reward", "relief", "stimulus",
            "bailout"}
GIVING_VERBS = {"give", "offer", "provide", "issue", "release"}
FIGURE_NOUNS = {"figure", "estimate", "toll", "number", "count", "tally", "total", "death toll", "assessment"}
# A number or share as the subject: the people counted, not a source ("41% said they had skipped meals").
FIGURE_HEADS = {"%", "percent", "per cent", "percentage"}
# Generic heads that may name a body of any kind ("the group", "the agency"); others ("the union", "the
# bank") name only a body of their own kind.
ANY_KIND_OF_BODY = {
    "group", "organisation", "organization", "body", "agency", "office", "service", "authority",
    "authorities", "administration", "mission", "coalition", "network", "department", "institute", "monitor",
}
PERSONAL_PRONOUNS = {"he", "she"}
BODY_STAFF = {"staff", "team"}  # "the IMF's staff", "the agency's team" speak for their body
# Adjectives of a document, not of its owner: "the latest police figures" are the police's.
DOCUMENT_ADJECTIVES = {
    "latest", "new", "official", "preliminary", "initial", "recent", "final", "updated", "own", "first",
    "early", "provisional", "revised", "annual", "monthly", "weekly", "daily",
}
PERSON_REACH_CHARS = 600  # how far back "he said" looks for the person it names
MEMORY = 8  # sources named earlier that "the ministry" may refer back to
LEADING_CHARS = 3  # "According to X," opening a sentence covers all of it


def _longer_name_before(name: str, named: list[Attribution]) -> Attribution | None:
    for earlier in reversed(named):
        if earlier.name != name and name in earlier.name.split():
            return earlier
    return None


def _type_given_before(found: Attribution, named: list[Attribution], sources: SourceTable) -> str:
    """The type the same name had where it was described before ("the disaster agency AFAD")."""
    for earlier in reversed(named):
        if earlier.name == found.name and earlier.descriptor != found.descriptor:
            kind = earlier.resolve(sources)[1]
            if kind != "unknown":
                return kind
    return "unknown"


def _closing_name(head: Token) -> Token | None:
    """A proper name set off by commas at the end of a subject phrase, which the parse may hang on the
    last noun of the phrase instead of its head ("the UN agency for Palestinian refugees, UNRWA,")."""
    last = head.right_edge
    doc = head.doc
    while last.i > head.i and last.is_punct:
        last = doc[last.i - 1]
    if last.i <= head.i + 1 or last.pos_ != "PROPN" or last.dep_ not in ("appos", "compound"):
        return None
    first = last
    while first.i - 1 > head.i and doc[first.i - 1].pos_ == "PROPN":
        first = doc[first.i - 1]
    return last if doc[first.i - 1].text == "," else None


def _speaks_as_a_person(attribution: Attribution) -> bool:
    """A named person, or a person by role ("the governor"): what a later "he" or "she" may be."""
    token = attribution.token
    return attribution.is_person or (token is not None and token.lemma_.lower() in PERSON_ROLES)


def _is_place(attribution: Attribution) -> bool:
    return attribution.token is not None and attribution.token.ent_type_ in ("GPE", "LOC")


def _contrasting_clause(token: Token) -> bool:
    """A clause of its own, with its own subject, set against the one before ("while", "whereas")."""
    if token.dep_ not in ("advcl", "conj"):
        return False
    marked = any(c.lower_ in ("while", "whereas", "although", "though", "but")
                 for c in token.children if c.dep_ in ("mark", "cc"))
    return marked and any(c.dep_ in ("nsubj", "nsubjpass") and _could_speak(c) for c in token.children)


def _could_speak(subject: Token) -> bool:
    """A subject that could be a source of its own ("the EU pledged €50m"), unlike a thing or an event
    ("while the attack wounded two soldiers" is still what the army said)."""
    if subject.pos_ == "PROPN" or subject.ent_type_ in NAMED_ENTITIES:
        return True
    if subject.pos_ != "NOUN":
        return False
    phrase = subject.doc[subject.left_edge.i:subject.i + 1].text
    return default_table().guess_type(phrase) != "unknown"


def _coordinated_fragment(root: Token) -> Token | None:
    """The clause a second root of a sentence is coordinated with: in "were killed and 1,146 injured"
    the parser leaves "1,146 injured" as a root after "and"; "killed" is the clause it continues."""
    at = root.left_edge.i - 1
    if at <= root.sent.start:
        return None
    joint = root.doc[at]
    head = joint.head
    if joint.dep_ != "cc" or head.pos_ not in ("VERB", "AUX") or not head.i < joint.i:
        return None
    return head


def _subject_is_a_figure(clause: Token) -> bool:
    """ "found that 68% supported it, while 19% were opposed": the contrast is within what was found."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and (subject.like_num or any(t.like_num for t in subject.lefts))


def _names_something(token: Token) -> bool:
    """A common-noun appositive that carries a name: "the logistics firm Vistula Cargo"."""
    return token.pos_ == "NOUN" and any(t.pos_ == "PROPN" and not t.is_lower for t in token.subtree)


def _proper_name(head: Token) -> bool:
    """ "the World Food Programme", "the UN Development Programme": a capitalised word heading a name
    of several is a body's name, not the unnamed "programme" or "plan" of a law."""
    return head.pos_ == "PROPN" and head.text[:1].isupper() and any(
        c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and c.i < head.i for c in head.children)


def _bare_title(head: Token) -> bool:
    """ "the Fund", "the Commission": one capitalised word standing for a body named in full before."""
    return head.pos_ == "PROPN" and head.is_title and all(c.dep_ in ("det", "punct") for c in head.children)


def _is_definite(head: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their")
               for c in head.children)


def _clause_follows(first: Token) -> bool:
    """Whether the words from ``first`` to the next comma or the sentence's end hold a verb: a clause of
    their own, not an aside ("..., he said, roughly half of all spending.")."""
    for token in first.doc[first.i:first.sent.end]:
        if token.text == ",":
            return False
        if token.pos_ in ("VERB", "AUX"):
            return True
    return False


DIGIT_ACRONYM = re.compile(r"(?=[A-Z0-9]*[A-Z][A-Z0-9]*[0-9]|[A-Z0-9]*[0-9][A-Z0-9]*[A-Z])[A-Z][A-Z0-9]{1,7}")


def _another_actor(subject: Token, figure: Token) -> bool:
    """A named subject of a clause of its own that is not the figure's phrase: "RATP" in "..., SNCF said, and
    the metro operator RATP closed 8 lines" (not "and $95 million of that had been paid")."""
    if subject.dep_ != "nsubj" or subject.left_edge.i <= figure.i <= subject.right_edge.i:
        return False
    return any(t.pos_ == "PROPN" for t in subject.subtree)


def _misread_subject(verb: Token) -> tuple[Token, Token] | None:
    """ "Aid workers in Kosti said ...": a sentence-initial noun the tagger read as an imperative verb
    whose "object" is the head noun of the subject; (first word, head noun) when the pair types a body.
    An acronym with a digit right before the verb ("R4V said") that the tagger took for an auxiliary."""
    for left in verb.lefts:
        if (left.dep_ in ("aux", "auxpass", "advmod", "npadvmod") and left.i == verb.i - 1
                and DIGIT_ACRONYM.fullmatch(left.text)):
            return left, left
        if left.dep_ not in ("advcl", "csubj", "nsubj") or left.tag_ != "VB" or left.i != left.sent.start:
            continue
        noun = next((c for c in left.children
                     if c.dep_ == "dobj" and c.i == left.i + 1 and c.pos_ == "NOUN"), None)
        phrase = left.doc[left.i:noun.i + 1].text if noun is not None else ""
        if noun is not None and default_table().guess_type(phrase) != "unknown":
            return left, noun
    return None


def _subject_of(verb: Token) -> Token | None:
    """The subject of a verb; of two ("the rights group OVD-Info reported"), the proper name."""
    # "12:20 GMT — The observer mission Civic Eye claimed ...": a live blog's timestamp is never a source
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects and all(_is_timestamp(c) for c in subjects):
        subjects = [c for c in map(_after_timestamp, subjects) if c is not None]
    else:
        subjects = [c for c in subjects if not _is_timestamp(c)]
    if not subjects:
        # The small model misreads unfamiliar names at the start of a clause ("Mediazona, citing
        # data, said ..." parses "Mediazona" as an adverb): a capitalised left dependent stands in.
        subjects = [
            c for c in verb.lefts
            if c.dep_ in ("advmod", "npadvmod", "dep", "nmod", "intj") and c.text[:1].isupper()
            and c.lower_ not in DISCOURSE_ADVERBS and not c.like_num
        ]
        if not subjects:
            return None
    chosen = next((c for c in subjects if c.pos_ == "PROPN"), subjects[0])
    return _name_before_description(verb, chosen) or chosen


def _name_before_description(verb: Token, subject: Token) -> Token | None:
    """ "COGAT, the Israeli defence ministry body that oversees the crossings, put ...": the parse may make
    the description the subject and leave the name before it hanging off the verb."""
    if subject.pos_ != "NOUN" or subject.left_edge.i < 2:
        return None
    comma = subject.doc[subject.left_edge.i - 1]
    name = subject.doc[comma.i - 1]
    if comma.text != "," or name.pos_ != "PROPN" or name.head.i != verb.i or name.dep_ not in NAME_HANGS:
        return None
    return name


NAME_HANGS = ("npadvmod", "dep", "nmod", "advmod", "intj")
TIME_ZONES = {"gmt", "utc", "bst", "cet", "cest", "eet", "eest", "msk", "est", "edt", "pst", "pdt", "ist"}
CLOCK_TIME = re.compile(r"\d{1,2}[:.]\d{2}")


def _is_timestamp(token: Token) -> bool:
    """ "12:20 GMT", "09:45": a time of day, as a live blog opens its entries."""
    words = list(token.doc[token.left_edge.i:token.i + 1])
    return token.lower_ in TIME_ZONES or any(CLOCK_TIME.fullmatch(t.text) for t in words[:2])


def _after_timestamp(subject: Token) -> Token | None:
    """For a timestamp the parse took for the only subject, what it hangs beside it: "16:10 GMT — A
    reminder: a poll by X ... put ..." is the poll's (the last appositive in the chain)."""
    found = None
    token = subject
    while (child := next((c for c in token.children if c.dep_ == "appos"), None)) is not None:
        found = token = child
    return found


def _phrase_head(token: Token) -> Token:
    while token.dep_ in ("compound", "amod", "poss") and token.head.i > token.i:
        token = token.head
    return token


def defined_acronyms(text: str) -> dict[str, str]:
    """Acronyms an article defines, with the names they stand for."""
    return {d.acronym: d.name for d in definitions(text)}


def acronym_definitions(text: str) -> dict[str, tuple[str, int]]:
    """Each acronym an article defines: (the full name without "the", where the bracketed acronym stands);
    the first definition counts."""
    found: dict[str, tuple[str, int]] = {}
    for d in definitions(text):
        found.setdefault(d.acronym, (re.sub(r"^(?:The|the)\s+", "", d.name), d.acronym_start))
    return found


def _expanded(found: Attribution, definitions: dict[str, tuple[str, int]], at: int) -> str:
    """ "The CEC said" after "the Central Electoral Commission (CEC)": the full name, as the guide names a
    body its article has expanded; an acronym used before the article expands it stays as written."""
    definition = definitions.get(found.name)
    if definition is None:
        return found.name
    where = found.token.idx if found.token is not None and found.token.text == found.name else at
    return definition[0] if definition[1] <= where else found.name


def read_attribution(doc: Doc, rules: AttributionRules) -> None:
    attributor = Attributor(doc, rules)
    acronyms = defined_acronyms(doc_text(doc))
    definitions = acronym_definitions(doc_text(doc))
    drafts = [d for d in doc._.claim_drafts or [] if d.dropped is None]
    by_sentence: dict[int, list[ClaimDraft]] = {}
    for draft in drafts:
        by_sentence.setdefault(draft.sentence.start, []).append(draft)
    for sentence in doc.sents:
        if expired(doc):
            return  # the document's time is up: it is reported as skipped
        for draft in by_sentence.get(sentence.start, []):
            found = attributor.attribution_of(draft)
            draft.source_name = _expanded(found, definitions, draft.start)
            draft.source_cue = found.cue
            draft.source_via = found.via
            draft.source_token = found.token
            draft.source_canonical, draft.source_type = found.resolve(rules.sources)
            if draft.source_type == "unknown" and found.name in acronyms:
                # "according to NEMA" after "the National Emergency Management Agency (NEMA)"
                draft.source_canonical, draft.source_type = rules.sources.resolve(acronyms[found.name])
            if draft.source_type == "unknown":
                # "the CGT said" after "the CGT union said": the longer name given before types it;
                # "according to AFAD" after "Turkey's disaster agency AFAD said": the description given before
                longer = _longer_name_before(found.name, attributor.named)
                if longer is not None:
                    draft.source_type = longer.resolve(rules.sources)[1]
            if draft.source_type == "unknown":
                draft.source_type = _type_given_before(found, attributor.named, rules.sources)
        attributor.remember(sentence)
