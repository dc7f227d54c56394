"""The words that name a source as the article writes them: the shortest span that names it
("iStories" in "Russian investigative outlet iStories"), a personal name after a role, and a body's full
name where the article defines its acronym ("the National Emergency Management Agency (NEMA)").
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from claimledger.nlp.acronyms import NAME_HEADS, UPPER, definitions
from claimledger.nlp.attribution.rules import (
    DESCRIPTOR_DEPS,
    NAME_CONNECTORS,
    PANELS,
    PERSON_ROLES,
    TITLES,
    default_rules,
)
from claimledger.nlp.attribution.sources import Attribution
from claimledger.nlp.drafts import doc_text
from claimledger.nlp.entities import entity_at
from claimledger.normalize.sources import default_table


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


SPELLED_REACH = 20_000  # characters before an acronym where its spelled-out name is looked for
JOINING = r"(?:\s+(?:of|for|the|and|on|in|&))*\s+"


def spelled_out_before(text: str, acronym: str, at: int) -> str | None:
    """ "The CSO recorded ..." after "figures published by the Central Statistics Office": the body
    the article named in full before, whose capitalised words' initials spell the acronym (one bounded
    search, whole words only). None for an acronym the article never spells out."""
    if not ACRONYM.fullmatch(acronym) or not acronym.isupper() or not 2 <= len(acronym) <= 6:
        return None
    word = r"(?!(?:The|A|An|And|Of|For|In|On|At|To)\b)[{}][\w'’-]*"  # a name's words, not its article
    pattern = r"\b" + JOINING.join(word.format(letter) for letter in acronym) + r"\b"
    found = re.search(pattern, text[max(0, at - SPELLED_REACH):at])
    if found is None or found.group(0).isupper():
        return None
    return found.group(0)


def _expanded(found: Attribution, definitions: dict[str, tuple[str, int]], at: int) -> str:
    """ "The CEC said" after "the Central Electoral Commission (CEC)": the full name, as the guide names a
    body its article has expanded; an acronym used before the article expands it stays as written."""
    definition = definitions.get(found.name)
    if definition is None:
        return found.name
    where = found.token.idx if found.token is not None and found.token.text == found.name else at
    return definition[0] if definition[1] <= where else found.name
