"""Who does the saying: the subject or agent of a cue verb, and what a pronoun, "the ministry", "the
minister" or a surname refers back to among the sources the document has named so far.
"""

from __future__ import annotations

import re
from copy import copy
from functools import cache

from spacy.tokens import Doc, Span, Token

from claimledger.models import AUTHOR
from claimledger.nlp.acronyms import UPPER
from claimledger.nlp.attribution.names import source_name
from claimledger.nlp.attribution.rules import (
    ANY_KIND_OF_BODY,
    BODY_STAFF,
    DOCUMENT_ADJECTIVES,
    FIGURE_HEADS,
    MEMORY,
    NAMED_ENTITIES,
    PERSON_REACH_CHARS,
    PERSON_ROLES,
    PERSONAL_PRONOUNS,
    QUOTES,
    SEAT_DESCRIPTORS,
    TIME_ZONES,
    TITLES,
    AttributionRules,
)
from claimledger.nlp.attribution.sources import Attribution, described_in_text
from claimledger.nlp.attribution.syntax import (
    _bare_title,
    _closing_name,
    _is_definite,
    _is_place,
    _misread_subject,
    _names_something,
    _proper_name,
    _speaks_as_a_person,
    _subject_of,
)
from claimledger.nlp.drafts import doc_text
from claimledger.nlp.entities import entity_index
from claimledger.normalize.heads import default_heads

SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative", "official"})
PRESS_WORDS = frozenset({"press", "news", "media"})  # "press statement", "news release": no owner
BODY_REACH_CHARS = 3000  # how far back "the company" looks for the company it names
BODY_REACH_ENTITIES = 40  # and over how many entities at most (linear time in long documents)


def _name_set_off_after(head: Token) -> Span | None:
    """ "the regional governor, Ilse Marten,": a personal name of two or three capitalised words set off by
    commas right after a role noun (TYPE-2's posts), however the parse attaches it."""
    if head.pos_ != "NOUN" or head.lower_ not in PERSON_ROLES:
        return None
    doc = head.doc
    start = head.i + 2
    if start >= len(doc) or doc[head.i + 1].text != ",":
        return None
    end = start
    while end < len(doc) and end - start < 3 and doc[end].pos_ == "PROPN" and doc[end].is_title:
        end += 1
    if not 2 <= end - start <= 3 or end >= len(doc) or doc[end].text != ",":
        return None
    return doc[start:end]


class SpeakerReader:
    """Who a cue verb, a pronoun or "the ministry" names, with the document's memory of the sources
    named so far (what a later "he said" or "the agency said" refers back to)."""

    def __init__(self, doc: Doc, rules: AttributionRules) -> None:
        self.doc = doc
        self.rules = rules
        self.last_named: Attribution | None = None
        self.named: list[Attribution] = []  # every source named so far, oldest first
        self.quotes = [(m.start(), m.end()) for m in QUOTES.finditer(doc_text(doc))]
        self._quote_speakers: dict[tuple[int, int], Attribution | None] = {}
        # speaker_of's answers by (verb, how many sources were named by then): the memory it reads only
        # grows, and ``last_named`` is always its last entry, so the two numbers fix the answer. A verb is
        # asked about once per sentence read and again for each figure under it.
        self._speakers: dict[tuple[int, int], Attribution | None] = {}

    # -- subjects of cue verbs ---------------------------------------------------------------
    def speaker_of(self, verb: Token) -> Attribution | None:
        """Who does the saying: the subject of a cue verb, or the agent of a passive one."""
        key = (verb.i, len(self.named))
        if key in self._speakers:
            found = self._speakers[key]
        else:
            found = self._speakers[key] = self._speaker_of(verb)
        # a copy, as a fresh reading would give: a caller may change what it gets (``via``)
        return None if found is None else copy(found)

    def _speaker_of(self, verb: Token) -> Attribution | None:
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
        if possessor is not None and head.text in BODY_STAFF and not any(
                c.dep_ in ("amod", "compound") for c in head.children):  # not "Varenia's general staff"
            return self._named(possessor, cue)  # "the IMF's staff said": the staff speak for the body
        before_head = head.doc[head.i - 1] if head.i > 0 else None
        if head.pos_ == "PROPN" and (before_head is None or before_head.pos_ != "PROPN"
                                     or before_head.lower_ in TITLES):  # "Ms Mallory" after "Fiona Mallory"
            full = self._full_name(head)
            if full is not None:
                return Attribution(source_name(full), cue=cue, token=full,
                                   descriptor=self.doc[full.left_edge.i:full.i + 1].text)
        set_off = _name_set_off_after(head)
        if set_off is not None:  # "According to the regional governor, Ilse Marten, ...": the parse may
            return Attribution(set_off.text, cue=cue, token=set_off[-1],  # hang the name elsewhere
                               descriptor=self.doc[head.left_edge.i:set_off.end].text)
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
        of_its_kind = self._body_of_its_kind_before(head)
        if of_its_kind is not None:  # "the regulator said" after "Ofgem confirmed ..."
            # from its first capitalised word: "privately held Huaye Energy Group" is Huaye Energy Group
            first = next((t for t in of_its_kind
                           if t.text[:1].isupper() and t.lower_ not in ("the", "a", "an")), of_its_kind.root)
            name = self.doc[first.i:of_its_kind.end].text.removesuffix("'s").removesuffix("’s")
            described = head.lower_ not in ANY_KIND_OF_BODY  # "the board" says nothing of the body's kind
            return Attribution(name, cue=cue, token=of_its_kind.root,
                               descriptor=self.doc[head.left_edge.i:head.i + 1].text if described else None)
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
        pattern = _titled_name(role)
        found = None
        for match in pattern.finditer(doc_text(self.doc), 0, head.idx):
            name = match.group(1)
            if len(name.split()) >= 2:
                found = match  # "Minister Tomasz Wielgosz", "regional governor Dmytro Halyk"
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

    def _body_of_its_kind_before(self, head: Token) -> Span | None:
        """ "the company said", "the regulator said", "the forecaster said", "the team estimates": a
        definite head naming a kind of body (``data/lexicons/source_heads.toml``) that no source named before
        has in its name is the latest organisation the article named of that kind, or of a kind its name
        does not give (guide SRC-4: a shorter reference takes the name of the source it refers to)."""
        if head.pos_ != "NOUN" or head.tag_ == "NNS" or not _is_definite(head):
            return None
        heads = default_heads()
        if head.lower_ not in heads.refers_back or any(
                c.dep_ in ("appos", "compound", "nmod", "amod") and not _seat_only(c) for c in head.children):
            return None  # "the Riga pollster Baltic Pulse", "the state utility": named or described here
        found = heads.kind_of(head.lower_)
        if found is None or found[0] == "person":
            return None
        kind, sources = found[0], self.rules.sources
        window_start = max(0, head.sent.start_char - BODY_REACH_CHARS)
        recent = list(reversed(entity_index(self.doc).before(head.left_edge.i, window_start)))
        recent = [ent for ent in recent[:BODY_REACH_ENTITIES]
                  if ent.label_ == "ORG" and ent.root.pos_ == "PROPN" and ent.root.lower_ not in TIME_ZONES]
        # an organisation the article made the subject of a clause (or a possessor) first: the recogniser
        # also labels a standard or a rival named in passing ("a WLTP range") ORG
        actors = [ent for ent in recent if ent.root.dep_ in ("nsubj", "nsubjpass", "poss")]
        for ent in actors + [ent for ent in recent if ent not in actors]:
            named_kind = described_in_text(self.doc, ent.text, sources)  # what the article calls it first
            if named_kind == "unknown":
                named_kind = sources.resolve(ent.text)[1]
            if named_kind in (kind, "unknown") or head.lower_ in ANY_KIND_OF_BODY:
                return ent  # ("the board" is the board of whatever body was named: a bank's, a firm's)
        return None

    def _could_be_a_source(self, target: Token, origin: Attribution) -> bool:
        """A name, a body or people: what "citing" can point to."""
        if target.pos_ == "PROPN" or target.ent_type_ in NAMED_ENTITIES:
            return True
        sources = self.rules.sources
        return sources.lookup(origin.name) is not None or any(
            sources.guess_kind(name) != "unknown" for name in (origin.name, target.lemma_))

    def _employer_of(self, head: Token) -> Token | None:
        """ "economists at X", "organisers from X"; an unnamed spokesperson or official "for"/"of"/"at" X
        (guide SRC-N3: unnamed staff of a named body are the body): X."""
        spokes = head.lower_ in SPOKES and not any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN"
                                                  for c in head.children)
        if head.pos_ != "NOUN" or (head.tag_ != "NNS" and not spokes):
            return None
        preps = ("at", "from", "with", "for", "of") if spokes else ("at", "from", "with")
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in preps):
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
                if child.lemma_.lower() == "attribute":  # "a breakdown attributed to X by a newspaper": X
                    to = next((g for g in child.children if g.dep_ == "prep" and g.lower_ == "to"), None)
                    origin = next((g for g in to.children if g.dep_ == "pobj"), None) if to else None
                    if origin is not None:
                        return origin
                agent = next((g for g in child.children if g.dep_ == "agent"), None)
                pobj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
                if pobj is not None and not any(g.like_num for g in pobj.children):  # "by 17 governments"
                    return pobj
                for prep in (g for g in child.children if g.dep_ == "prep" and g.lower_ in ("on", "in")):
                    # "figures published on the central bank's website": the website's owner
                    place = next((g for g in prep.children if g.dep_ == "pobj"), None)
                    if place is not None and place.lemma_.lower() in self.rules.documents:
                        website_owner = self._owner_of(place)
                        if website_owner is not None:
                            return website_owner
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
        if owner.lower_ in PRESS_WORDS:
            return None  # "the press statement", "a news release": what kind of document, not whose
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
            if ent.label_ == "PERSON" and len(ent) >= 2 and (ent[-1].text == head.text or (
                    head.text in ent.text.split() and ent[0].text != head.text)):
                return ent[-1]  # "Ms Lau" after "Vivian Lau Wing-sze" (a surname before a given name too)
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


@cache
def _titled_name(role: str) -> re.Pattern[str]:
    """A role word followed by a capitalised name of up to three words, compiled once per role."""
    word = rf"[{UPPER}][\w'’-]+"
    return re.compile(rf"\b(?i:{re.escape(role)})\s+((?:{word}\s+){{0,2}}{word})")


def _seat_only(modifier: Token) -> bool:
    """A modifier that only says where a body sits ("Coventry-based", "Shenzhen-headquartered"): it does not
    make "the company" a body described here, so the reference still goes back to the one named before."""
    return modifier.dep_ == "amod" and modifier.lower_ in SEAT_DESCRIPTORS
