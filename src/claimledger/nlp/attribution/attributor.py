"""The attribution of each figure: the quotation around it, "according to", the cue verb above it,
a document frame ("in a survey by X"), a sentence-final "X said", "citing Y"; then the type a name was
given where it was described or expanded before. ``read_attribution`` is the pipeline component's work.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.attrs import LEMMA, POS
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span, Token

from claimledger.models import AUTHOR
from claimledger.nlp.attribution.names import (
    _expanded,
    acronym_definitions,
    defined_acronyms,
    source_name,
    spelled_out_before,
)
from claimledger.nlp.attribution.rules import (
    ACT_VERBS,
    FIGURE_HEADS,
    FIGURE_NOUNS,
    FINAL_REPORTING_VERBS,
    GIVING_VERBS,
    LEADING_CHARS,
    MEASURES,
    NAMED_ENTITIES,
    STATEMENT_RELEASE_VERBS,
    AttributionRules,
)
from claimledger.nlp.attribution.sources import Attribution
from claimledger.nlp.attribution.speakers import SpeakerReader
from claimledger.nlp.attribution.statements import Statement, record_statement
from claimledger.nlp.attribution.syntax import (
    _another_actor,
    _clause_follows,
    _contrasting_clause,
    _coordinated_fragment,
    _phrase_head,
    _subject_is_a_figure,
    _subject_of,
)
from claimledger.nlp.drafts import ClaimDraft, clause_bounds, doc_text, span_text
from claimledger.nlp.entities import entity_index
from claimledger.nlp.runner import expired
from claimledger.normalize.sources import SourceTable


class Attributor(SpeakerReader):
    """Reads the attribution of every draft in a document, sentence by sentence."""

    _speech_verbs: list[int] | None = None  # the document's cue and stance verbs, found on first use

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
        owned = self._owned_document_subject(draft)
        if owned is not None:
            return owned  # "The price index compiled by the statistics office fell 1.8%"
        return Attribution(AUTHOR)

    def _owned_document_subject(self, draft: ClaimDraft) -> Attribution | None:
        """A figure whose clause has for subject a document, index or data set with a named owner ("The
        index compiled by X fell 1.8%", "X's figures put the toll at 40", "a survey by X ..."): the owner
        (guide SRC-4: "X's figures show", "a survey by X found"). An unowned one ("The figures show")
        names no one."""
        token = draft.figure
        for _ in range(8):
            if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
                break
            token = token.head
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.lemma_.lower() not in self.rules.documents:
            return None
        if subject.left_edge.i <= draft.figure.i <= subject.right_edge.i:
            return None  # the figure is inside the subject phrase
        owner = self._named_owner(subject)
        if owner is None:
            return None
        found = self._named(owner, None)
        return found if found.name != AUTHOR else None

    @staticmethod
    def _named_owner(document: Token) -> Token | None:
        """The owner a document names outright: "compiled/published by X", "by X", "X's" (not a compound:
        "the Hang Seng Index" is a name, not an owner)."""
        for child in document.children:
            if child.dep_ == "poss" and child.pos_ == "PROPN":
                return child
            if child.dep_ == "prep" and child.lower_ == "by":
                return next((g for g in child.children if g.dep_ == "pobj"), None)
            if child.dep_ == "acl":  # "compiled by X"
                agent = next((g for g in child.children if g.dep_ == "agent"), None)
                pobj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
                if pobj is not None:
                    return pobj
        return None

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
        for match in self.rules.phrases.finditer(span_text(sentence)):
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
            if match.group(0).lower() in self.rules.document_phrases and not _compiled_by(pobj, self.rules):
                continue  # "based on the exchange rate", "based on figures from X": the outlet's reckoning
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
            if (lemma in self.rules.cue_verbs and _acts_as_verb(token) and child.dep_ != "nsubj"
                    and not (lemma in self.rules.clausal_only and child.dep_ not in CLAUSES)):
                return token  # (but "adding 52 vessels to a list", "Corn added 11 cents" are not speech)
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

    def remember(self, sentence: Span) -> str | None:
        """The last source named in a sentence: what a later "he" or "the ministry" refers to. Returns the
        lemma of the verb (or the phrase) that named the last one, None where the sentence names no one."""
        if self._speech_verbs is None:
            self._speech_verbs = speech_verbs(self.doc, self.rules)
        verbs = self._speech_verbs
        naming: str | None = None
        for i in verbs[bisect_left(verbs, sentence.start):bisect_left(verbs, sentence.end)]:
            said = self.speaker_of(self.doc[i])
            if said is not None and said.name != AUTHOR and said.token is not None:
                self.last_named = said
                self.named.append(said)
                naming = self.doc[i].lemma_.lower()
        for match in self.rules.phrases.finditer(span_text(sentence)):
            span = self.doc.char_span(sentence.start_char + match.start(), sentence.start_char + match.end(),
                                      alignment_mode="expand")
            pobj = next((c for c in span[-1].children if c.dep_ == "pobj"), None) \
                    if span is not None else None
            if pobj is not None and pobj.lemma_.lower() not in self.rules.unnamed \
                    and match.group(0).lower() not in self.rules.document_phrases:
                self.last_named = Attribution(source_name(pobj), token=pobj,
                                              descriptor=self.doc[pobj.left_edge.i:pobj.i + 1].text)
                self.named.append(self.last_named)
                naming = match.group(0).lower()
        return naming


def speech_verbs(doc: Doc, rules: AttributionRules) -> list[int]:
    """The tokens, in order, whose lemma is a cue or a stance verb and that stand as a verb. Read once per
    document from its arrays, each distinct lemma looked up once: ``remember`` asks of every sentence, and
    reading every token's lemma and part of speech in Python cost more than the rest of it."""
    words = rules.cue_verbs | rules.stance
    strings = doc.vocab.strings
    lemmas, tags = doc.to_array([LEMMA, POS]).T.tolist() if len(doc) else ([], [])
    spoken = {lemma for lemma in set(lemmas) if strings[lemma].lower() in words}
    return [i for i, (lemma, tag) in enumerate(zip(lemmas, tags, strict=True))
            if lemma in spoken and tag in (VERB, AUX)]


FULLER_NAME_MEMORY = 40  # sources named before that a short form ("the ONS", "Stats SA") looks back over


def _fuller_name_before(name: str, canonical: str, named: list[Attribution],
                        sources: SourceTable) -> str | None:
    """The longer name the article first gave a body that ``name`` abbreviates, both aliases of one entry of
    the source table ("the ONS said" after "the Office for National Statistics said"): a shorter reference
    takes the name of the source it refers to (guide SRC-4, SRC-N2). Only a short form with an acronym in it
    ("ONS", "Stats SA"): "Moscow" and "the Russian government" are two names of one entry, not one name."""
    acronyms = [word for word in name.split() if len(word) > 1 and word.isupper()]
    if not acronyms:
        return None
    for earlier in named[-FULLER_NAME_MEMORY:]:  # the first written of the last few
        initials = "".join(w[0] for w in earlier.name.split() if w[:1].isupper())
        if len(earlier.name) <= len(name) or not all(a in initials for a in acronyms):
            continue  # "OHCHR" does not abbreviate "UN Human Rights Monitoring Mission", one entry as it is
        entry = sources.lookup(earlier.name)
        if entry is not None and entry.canonical == canonical:
            return earlier.name
    return None


def _longer_name_before(name: str, named: list[Attribution]) -> Attribution | None:
    for earlier in reversed(named):
        if earlier.name != name and name in earlier.name.split():
            return earlier
    return None


CLAUSES = frozenset({"ccomp", "xcomp", "advcl", "parataxis"})  # what "add" reports when it is speech
OUR = re.compile(r"^(?:our|this (?:newspaper|paper|blog|site|outlet))\b", re.IGNORECASE)
MINISTRY_MEMORY = 12  # sources named before that a bare "the minister" looks back over
BARE_MINISTER = frozenset({"minister", "the minister"})


def _ministry_of_bare_minister(found: Attribution, named: list[Attribution],
                              sources: SourceTable) -> str | None:
    """The type of the latest ministry the article named as a source, for a bare "the minister" (TYPE-2: a
    minister speaks for the ministry; the defence ministry's is military)."""
    if found.name.lower() not in BARE_MINISTER:
        return None
    for earlier in reversed(named[-MINISTRY_MEMORY:]):
        if "ministry" in earlier.name.lower():
            kind = earlier.resolve(sources)[1]
            return kind if kind not in ("unknown", "person") else None
    return None


ORG_BEFORE_ENTITIES = 60  # organisations named before a short name that it may be the first word of


def _organisation_before(doc: Doc, found: Attribution, before: int) -> Attribution | None:
    """ "Kestrel also announced" after "Kestrel Mobile unveiled": an organisation the article named
    before (the recogniser's ORG), among the last few, whose name has the short name for a word."""
    if " " in found.name or not found.name[:1].isupper():
        return None
    for ent in reversed(entity_index(doc).before(before)[-ORG_BEFORE_ENTITIES:]):
        if ent.label_ == "ORG" and ent.text != found.name and found.name in ent.text.split():
            return Attribution(ent.text, token=ent.root, descriptor=ent.text)
    return None


def _type_given_before(found: Attribution, named: list[Attribution], sources: SourceTable) -> str:
    """The type the same name had where it was described before ("the disaster agency AFAD")."""
    for earlier in reversed(named):
        if earlier.name == found.name and earlier.descriptor != found.descriptor:
            kind = earlier.resolve(sources)[1]
            if kind != "unknown":
                return kind
    return "unknown"


def _acts_as_verb(token: Token) -> bool:
    """A verb, or a cue word the tagger took for a noun where it heads a clause with a subject and a
    reported clause ("UNHCR and the IOM estimate that ...": "estimate" tagged as a noun)."""
    if token.pos_ in ("VERB", "AUX"):
        return True
    return token.dep_ == "ROOT" and token.pos_ == "NOUN" and any(
        c.dep_ == "nsubj" for c in token.children) and any(c.dep_ == "ccomp" for c in token.children)


def _compiled_by(document: Token, rules: AttributionRules) -> bool:
    """A document whose maker the text names as the agent of its making: "data compiled by X", "a
    breakdown prepared by X" (what "based on" may attribute; "based on figures from X" is the outlet's own
    reckoning from X's figures)."""
    if document.lemma_.lower() not in rules.documents:
        return False
    return any(c.dep_ == "acl" and any(g.dep_ == "agent" for g in c.children) for c in document.children)


def spelled_out(doc: Doc, acronym: str, at: int) -> str | None:
    """The full name an acronym spells that the article wrote before (``spelled_out_before``), once per
    acronym and document."""
    cache = doc.user_data.setdefault("claimledger_spelled", {})
    if acronym not in cache:
        cache[acronym] = spelled_out_before(doc_text(doc), acronym, at)
    return cache[acronym]


def read_attribution(doc: Doc, rules: AttributionRules) -> None:
    attributor = Attributor(doc, rules)
    acronyms = defined_acronyms(doc_text(doc))
    definitions = acronym_definitions(doc_text(doc))
    drafts = [d for d in doc._.claim_drafts or [] if d.dropped is None]
    by_sentence: dict[int, list[ClaimDraft]] = {}
    for draft in drafts:
        by_sentence.setdefault(draft.sentence.start, []).append(draft)

    def settle(draft: ClaimDraft | Statement, found: Attribution) -> None:
        """The source fields of a draft (or a statement without a figure) from what the rules found."""
        draft.source_name = _expanded(found, definitions, draft.start)
        draft.source_cue = found.cue
        draft.source_via = found.via
        draft.source_token = found.token
        draft.source_canonical, draft.source_type = found.resolve(rules.sources)
        held = found.held_post(rules.sources, draft.source_type)
        if held is not None and draft.source_canonical is None:
            draft.source_type = held  # "Regional governor Dmytro Halyk" → government (TYPE-2)
        if draft.source_name == found.name and found.name not in acronyms:
            spelled = spelled_out(doc, found.name, draft.start)
            if spelled is not None and draft.source_type == "unknown":
                # "The CSO said" after "the Central Statistics Office" (SRC-N2); an acronym the alias
                # table knows ("the EU said") stays as written
                draft.source_name = spelled
                draft.source_canonical, draft.source_type = rules.sources.resolve(spelled)
        if draft.source_canonical is not None and draft.source_name == found.name:
            # "the ONS said" after "the Office for National Statistics said"
            fuller = _fuller_name_before(found.name, draft.source_canonical, attributor.named,
                                         rules.sources)
            if fuller is not None:
                draft.source_name = fuller
        if draft.source_type == "unknown" and found.name in acronyms:
            # "according to NEMA" after "the National Emergency Management Agency (NEMA)"
            draft.source_canonical, draft.source_type = rules.sources.resolve(acronyms[found.name])
        if draft.source_type == "unknown" or (draft.source_type == "person" and " " not in found.name):
            # "the CGT said" after "the CGT union said": the longer name given before types it;
            # "Kestrel also announced" after "Kestrel Mobile said": a body, whatever the recogniser saw;
            # "according to AFAD" after "Turkey's disaster agency AFAD said": the description given before
            longer = _longer_name_before(found.name, attributor.named) or _organisation_before(
                doc, found, draft.sentence.start)
            kind = longer.resolve(rules.sources)[1] if longer is not None else "unknown"
            if kind != "person" and (kind != "unknown" or draft.source_type == "unknown"):
                draft.source_type = kind
        if draft.source_type == "unknown":
            draft.source_type = _type_given_before(found, attributor.named, rules.sources)
        if OUR.match(draft.source_name) and not draft.source_name.startswith(("“", '"')):
            # "Our basket tracking shows", "according to our calculations": the outlet's own voice
            draft.source_name, draft.source_canonical, draft.source_type = AUTHOR, None, "author"
            draft.source_token = draft.source_via = None
        ministry = _ministry_of_bare_minister(found, attributor.named, rules.sources)
        if ministry is not None:
            draft.source_type = ministry  # "the minister said" after "the defence ministry announced"

    for sentence in doc.sents:
        if expired(doc):
            return  # the document's time is up: it is reported as skipped
        here = by_sentence.get(sentence.start, [])
        for draft in here:
            settle(draft, attributor.attribution_of(draft))
        naming = attributor.remember(sentence)
        if here:
            continue
        # a source named in a sentence without a figure: a carry-over candidate for what follows (SRC-5c)
        said = attributor.named[-1] if naming is not None else None
        if said is None:
            said, naming = _release_statement(attributor, sentence)
        if said is not None:
            statement = Statement(sentence, AUTHOR, "author", verb=naming)
            settle(statement, said)
            # only a source the sentence names itself: "The office notes", "the report said" refer back to a
            # party named before, whose own figures are candidates already
            named_here = statement.source_name.lower() in span_text(sentence).lower()
            if statement.source_name != AUTHOR and named_here and _a_party(said, statement.source_type):
                record_statement(doc, statement)


NOT_A_PARTY = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "PERCENT", "MONEY", "ORDINAL"})


def _a_party(said: Attribution, kind: str) -> bool:
    """Whether the speaker a parse gave a statement can be a party: not a date or an amount ("Nov. 17
    said"), not a figure word ("the numbers say"), and a proper name unless the source table knows its
    kind."""
    token = said.token
    if token is None or token.ent_type_ in NOT_A_PARTY or token.lemma_.lower() in FIGURE_NOUNS | FIGURE_HEADS:
        return False
    return token.pos_ == "PROPN" or token.ent_type_ in NAMED_ENTITIES or kind != "unknown"


def _release_statement(attributor: Attributor, sentence: Span) -> tuple[Attribution | None, str | None]:
    """ "The interior ministry released its annual report on Monday.": a named subject of a verb that
    publishes a release, in a sentence that the cue verbs left without a source."""
    for token in sentence:
        lemma = token.lemma_.lower()
        if token.pos_ != "VERB" or lemma not in STATEMENT_RELEASE_VERBS:
            continue
        said = attributor.speaker_of(token)
        if said is not None and said.name != AUTHOR and said.token is not None:
            return said, lemma
    return None, None
