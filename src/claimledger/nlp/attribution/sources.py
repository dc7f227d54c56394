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
from claimledger.nlp.entities import entity_index
from claimledger.normalize.heads import default_heads
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

    def held_post(self, sources: SourceTable, kind: str) -> str | None:
        """For a named person (``kind`` as ``resolve`` gave it), the type of the body the post they are
        introduced with speaks for (TYPE-2: "Regional governor Dmytro Halyk" → government); None when the
        article gives them no such post. Kept apart from ``resolve``, which says who speaks as a person."""
        if self.token is None or kind not in ("person", "unknown"):
            return None
        if kind == "unknown" and not self._personal_name(sources, titled=True):
            return None
        return post_kind_in_text(self.token.doc, self.name, sources)

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
        if described == "unknown" and token is not None and token.pos_ == "PROPN":
            title = _title_words(token)
            if title is not None:
                described = sources.guess_type(title)  # "broker GrainLink", "property portal HomeFind.ie"
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


# -- TYPE-2: the post a named person holds where the article introduces them ----------------------------
OWNER_OF_ROLE = re.compile(r"^((?:[\w-]+ ){0,3}?[\w-]+)(?:'s|’s|') ")
NAMED_WORD = re.compile(r"[A-Z][a-z]+[A-Z][\w]*|[A-Z]{2,6}")  # "RentScope", "NLC": a name, not a title
FIRST_ROLE = re.compile(r"\s+(?:at|of|for|with|in|and|from)\s+|,")
ITS = re.compile(r"^(?:its|their)\b", re.IGNORECASE)
ITS_REACH = 600  # characters before "Its director" where the body it refers to is looked for
ITS_ENTITIES = 6
POST_REACH = 90  # characters read before and after a personal name for the post it is given
NAME_OCCURRENCES = 4  # the first few places a name stands: where the article introduces the person
# Posts that speak for a body besides source_heads.toml's [posts] (TYPE-2's list)
STATE_POSTS = frozenset({
    "governor", "mayor", "minister", "president", "premier", "commissioner", "ambassador", "lawmaker",
    "senator", "superintendent", "commandant", "principal", "headteacher", "headmaster", "headmistress",
    "prosecutor", "registrar", "chancellor", "sheriff", "ombudsman", "treasurer", "attaché", "consul",
    "justice", "judge", "magistrate", "coroner",
})
NO_LONGER = re.compile(r"\b(?:former|ex|retired|then|onetime|one-time|erstwhile)\b", re.IGNORECASE)
ABBREVIATED_TITLE = re.compile(
    r"\b(Gen|Brig|Col|Lt|Maj|Capt|Cpt|Sgt|Cmdr|Adm|Dr|Mr|Mrs|Ms|Prof|Gov|Sen|Rep|Supt)\.")
ROLE_EDGE = re.compile(r"[.;:!?“”\"()\[\]—–\n]|\s-\s")
LEADING_FUNCTION = re.compile(
    r"^(?:(?:according to|said|says|told|added|adds|by|and|but|while|the|a|an)\s+)+", re.IGNORECASE)
BODY_AFTER = re.compile(
    r"\s+(?:of|at|from)\s+(?:the\s+)?([A-ZÀ-Ý][\w'’&-]*(?: (?:[A-ZÀ-Ý][\w'’&-]*|of|for|and|&)){0,5})")
TITLE_RANK = re.compile(r"(?:Brig|Maj|Lt|Lieut|Gen|Col|Rear|Vice)[-.]?(?:Gen|Col|Adm)?\.?", re.IGNORECASE)


def post_kind_in_text(doc: Doc, name: str, sources: SourceTable) -> str | None:
    """The type of the body a named person speaks for, from the post the article gives them where it
    names them (guide TYPE-2): "Regional governor Dmytro Halyk" → government, "Colonel Ilvar Petrasz, a
    spokesman for the general staff" → military, "Lessany's mayor, Hanna Virek" → government, "Brian
    Cheung of Tidewater Securities" (introduced only by the body) → company. None when the article gives
    no post that speaks for a body, or gives an occupation ("economist Rachel Osborne"), or a post the
    person no longer holds ("former deputy defence minister"). Cached on the document."""
    cache = doc.user_data.setdefault("claimledger_posts", {})
    if name not in cache:
        cache[name] = _post_kind(doc, name, sources)
    return cache[name]


def _post_kind(doc: Doc, name: str, sources: SourceTable) -> str | None:
    text = doc_text(doc)
    if not name or name == AUTHOR or len(name) < 3:
        return None
    for key in dict.fromkeys((name, name.split()[-1])):  # "Ms Lau" is introduced as "Vivian Lau Wing-sze"
        for at in _first_places(doc, text, key):
            start, end = _whole_name(text, at, at + len(key))
            found = _post_around(text, start, end, sources)
            if found == "its":  # "Its director, Petro Sandul": the body named just before
                found = _body_named_before(doc, start, sources)
            if found is not None:
                return None if found == "person" else found
    return None


_CAPITAL = re.compile(r"[A-ZÀ-Ý]")
CAPITALS_KEY = "claimledger_capitals"


def _first_places(doc: Doc, text: str, key: str) -> list[int]:
    """Where ``key`` first occurs in ``text`` (at most ``NAME_OCCURRENCES`` places, in order, overlaps
    included: what repeated ``str.find`` gives). A key that starts with a capital is looked up in an index of
    the text's capitals by their first two characters, built once per document, so that each of a
    document's names costs its few candidate places, not a scan of the whole text."""
    if len(key) < 2 or not _CAPITAL.match(key):
        places: list[int] = []
        at = text.find(key)
        while at >= 0 and len(places) < NAME_OCCURRENCES:
            places.append(at)
            at = text.find(key, at + 1)
        return places
    index: dict[str, list[int]] | None = doc.user_data.get(CAPITALS_KEY)
    if index is None:
        index = doc.user_data[CAPITALS_KEY] = {}
        for capital in _CAPITAL.finditer(text):
            at = capital.start()
            index.setdefault(text[at:at + 2], []).append(at)
    places = []
    for at in index.get(key[:2], ()):
        if text.startswith(key, at):
            places.append(at)
            if len(places) == NAME_OCCURRENCES:
                break
    return places


def _whole_name(text: str, start: int, end: int) -> tuple[int, int]:
    """The run of capitalised words a name stands in ("Vivian Lau Wing-sze" around "Lau"), up to three
    words either side, not taking a post ("President Aldo Renvik" stays "Aldo Renvik")."""
    posts = default_heads().posts | STATE_POSTS
    for _ in range(3):
        before = re.search(r"([A-ZÀ-Ý][\w'’-]*)\s$", text[max(0, start - 30):start])
        word = before.group(1).lower() if before is not None else ""
        if before is None or word in posts or word in TITLES or default_heads().kind_of(word) is not None:
            break  # "President", "Dr", "Economist" say who the person is; they are not their name
        start -= len(before.group(0))
    for _ in range(3):
        after = re.match(r"\s[A-ZÀ-Ý][\w'’-]*", text[end:end + 30])
        if after is None or after.group(0).strip().lower() in posts:
            break
        end += len(after.group(0))
    return start, end


def _post_around(text: str, start: int, end: int, sources: SourceTable) -> str | None:
    """The type the words right around one mention of a person give: a role before it ("Air force
    spokesman Major Daryn Kovach", "Lessany's mayor, Hanna Virek"), a role set beside it after a comma
    ("..., a spokesman for the general staff"), or a body after "of" ("Brian Cheung of Tidewater
    Securities"). "person" for an occupation or a post no longer held; None when nothing is said."""
    before = ABBREVIATED_TITLE.sub(r"\1", text[max(0, start - POST_REACH):start])
    pieces = ROLE_EDGE.split(before)
    tail = pieces[-1] if pieces else ""
    roles = [tail.split(",")[-1]]
    if not roles[0].strip() and tail.rstrip().endswith(",") and len(tail.split(",")) >= 2:
        roles.append(tail.split(",")[-2])  # "Lessany's mayor, Hanna Virek"
    after = text[end:end + POST_REACH]
    apposed = re.match(r",\s+((?:a|an|the|its|their|his|her)\s+[^,.;:()—–]{3,80})", after)
    if apposed is not None:
        roles.append(apposed.group(1))  # "Colonel Ilvar Petrasz, a spokesman for the general staff"
    roles = [_clean_role(role) for role in roles]
    for role in roles:
        kind = _kind_of_role(role, sources)
        if kind is None and ITS.match(role) and _has_post(role):
            return "its"  # the post of a body the text named before ("Its director")
        if kind is not None:
            return kind
    of_body = BODY_AFTER.match(after)
    if of_body is not None and not roles[0]:
        body = of_body.group(1).strip()
        kind = sources.resolve(body)[1]
        if kind not in ("unknown", "person", "author"):
            return kind  # "Brian Cheung of Tidewater Securities": introduced only by the body
    return None


def _clean_role(role: str) -> str:
    """The role without the words of saying before it and the titles after it: "said Air force spokesman
    Major" → "Air force spokesman"."""
    words = LEADING_FUNCTION.sub("", role.strip() + " ").split()
    while words and (words[-1].lower().strip(".") in TITLES or TITLE_RANK.fullmatch(words[-1])):
        words.pop()
    return " ".join(words)


def _has_post(role: str) -> bool:
    """Whether the role's words hold a post (one word or several: "general manager")."""
    posts = default_heads().posts | STATE_POSTS
    words = [w.lower().strip("'’").removesuffix("'s") for w in role.split()]
    joined = f" {' '.join(words)} "
    return any(w in posts for w in words) or any(" " in p and f" {p} " in joined for p in posts)


def _body_named_before(doc: Doc, at: int, sources: SourceTable) -> str | None:
    """The type of the last organisation named within a short reach before offset ``at`` (what "its" in
    "Its director, X" refers to), when the table or the article's description of it types it."""
    token = doc.char_span(at, at + 1, alignment_mode="expand")
    if token is None:
        return None
    window_start = max(0, at - ITS_REACH)
    for ent in reversed(entity_index(doc).before(token.start, window_start)[-ITS_ENTITIES:]):
        if ent.label_ != "ORG":
            continue
        kind = sources.resolve(ent.text)[1]
        if kind in ("unknown", "person"):
            kind = described_in_text(doc, ent.text, sources)
        return kind if kind not in ("unknown", "person", "author") else None
    return None


def _kind_of_role(role: str, sources: SourceTable) -> str | None:
    role = _clean_role(role)
    words = [w.lower().strip("'’") for w in role.split()]
    if not words:
        return None
    post_at = _has_post(role)
    heads = default_heads()
    occupation = heads.kind_of(" ".join(words))
    if not post_at:
        return "person" if occupation is not None and occupation[0] == "person" else None
    if NO_LONGER.search(role):
        return "person"  # "Former deputy defence minister Anton Kirsh" speaks for himself
    if "intelligence" in words:
        return "intelligence"  # "a member of parliament's intelligence committee" (TYPE-2, TYPE-3)
    named_body = [w for w in role.split() if NAMED_WORD.fullmatch(w)]
    if named_body and sources.guess_kind(" ".join(named_body)) in ("unknown", "person") \
            and all(sources.lookup(w) is None for w in named_body):
        return None  # "RentScope spokeswoman": a body named but not typed here gives no type
    first = FIRST_ROLE.split(role, maxsplit=1)[0]  # "a cardiologist at X and the trial's investigator"
    first_kind = heads.kind_of(" ".join(w.lower() for w in first.split()))
    if first_kind is not None and first_kind[0] == "person":
        return "person"  # the first thing the person is said to be is an occupation (TYPE-2 ✗)
    kind = sources.guess_kind(role)
    if kind == "person" or (occupation is not None and occupation[0] == "person"):
        return "person"  # "a volunteer team leader", "camp leader": a community role (TYPE-2 ✗)
    owned = OWNER_OF_ROLE.match(role)
    if kind == "unknown" and owned is not None and not ITS.match(role):
        kind = sources.guess_kind(owned.group(1))  # "the firm's principal": the firm's type
    tail = re.split(r"\s+(?:at|of|for|with)\s+(?:the\s+)?", role, maxsplit=1)
    if len(tail) == 2 and tail[1][:1].isupper():
        body = sources.resolve(tail[1])[1]
        if body in ("unknown", "person"):
            return None  # "a deputy president of the NLC": a body named but not typed here
        kind = body
    return kind if kind not in ("unknown", "person", "author") else None


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


def _title_words(token: Token) -> str | None:
    """The common nouns written before a proper name as its title, which say what kind of body it is:
    "broker" in "broker GrainLink", "property portal" in "property portal HomeFind.ie" (guide SRC-N1 drops
    them from the name; TYPE reads them). Only the name's own left modifiers, so bounded by the phrase."""
    words = [c for c in token.lefts  # lower case: the tagger may call "broker" a proper noun here
             if c.dep_ in ("compound", "nmod") and (c.pos_ == "NOUN" or c.text.islower())]
    if not words:
        return None
    doc = token.doc
    return doc[words[0].left_edge.i:words[-1].i + 1].text
