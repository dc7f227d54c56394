"""The figure itself and what it is a number of: the figure's token in a mention, its counted noun
("1,020 casualties", "the number of refugees"), the unit as the schema writes it (singular lemma,
abbreviations written out) and the currency a bare "dollars" means in its article.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from claimledger.nlp.drafts import ClaimDraft
from claimledger.nlp.semantics.rules import (
    BARE_WORDS,
    LEMMA_FIXES,
    MEASURE_MODIFIERS,
    NOT_COMPOUNDS,
    NOT_PLURAL_MEN,
    NOUN_POS,
    NUMBER_LINK_DEPS,
    SCALE_WORDS,
    UNIT_ABBREVIATIONS,
    CategoryRules,
    default_rules,
)


def currency_in_context(draft: ClaimDraft, code: str, rules: CategoryRules) -> str:
    """ "500 million rupees" in a story about Pakistan is PKR, not INR: the country named decides."""
    written = draft.mention.text.lower()
    for name, countries in rules.currency_by_country.items():
        if code != countries.get("default", code):
            continue  # "Egyptian pounds": the name already says whose currency it is
        if name in written:
            own = [c for country, c in countries.items() if country != "default"
                   and _named(country, draft.mention.text) is not None]
            if own:
                return own[0]  # "Swedish crowns": the name says whose currency it is
            named = [(found, c) for country, c in countries.items() if country != "default"
                     and (found := _first_named(draft, country)) is not None]
            return min(named)[1] if named else countries.get("default", code)
    return code


def _first_named(draft: ClaimDraft, country: str) -> int | None:
    """Where the article first names a country, looked up once per document (not once per amount)."""
    cache = draft.span.doc.user_data.setdefault("claimledger.countries", {})
    if country not in cache:
        found = _named(country, draft.doc_text)
        cache[country] = found.start() if found is not None else None
    return cache[country]


def _named(country: str, text: str) -> re.Match[str] | None:
    """The first mention of a country as a word of its own ("Egypt", not "Egypt-style")."""
    return re.search(rf"\b{re.escape(country)}\b(?!-)", text)


# -- the counted noun -----------------------------------------------------------------------
def figure_token(span: Span) -> Token:
    """The token that carries the figure: the last number-like token ("million" in "1.2 million")."""
    numeric = [t for t in span if t.like_num or t.pos_ == "NUM" or t.lower_ in SCALE_WORDS]
    return numeric[-1] if numeric else span[-1]


def counted_noun(draft: ClaimDraft) -> Token | None:
    """The noun the figure counts: "casualties" in "1,480 casualties". Cached on the draft."""
    if draft.noun is not None:
        return draft.noun
    noun = _find_counted_noun(draft)
    draft.noun = noun
    return noun


def _find_counted_noun(draft: ClaimDraft) -> Token | None:
    token = draft.figure
    span = draft.span
    steps = 0
    while token.dep_ in NUMBER_LINK_DEPS and token.head.i > token.i and steps < 3:
        head = token.head
        fraction_word = head.i < span.end and draft.mention.spelled and draft.mention.value < 1
        if head.pos_ == "NUM" or head.like_num or head.lower_ in SCALE_WORDS or fraction_word:
            # (inside the quantity: "thirds" of "Two-thirds of the cases" is the figure, not what it counts)
            token = head
            steps += 1
            continue
        if head.pos_ in NOUN_POS and head.i <= span.end + 8 and not head.like_num \
                and head.lower_ not in BARE_WORDS:
            plural = [c for c in head.children if c.dep_ == "compound" and c.tag_ == "NNS" and c.i > token.i]
            if head.tag_ == "NN" and plural and draft.mention.value >= 2:
                return plural[-1]  # "taken 594 Russian soldiers prisoner": a plural counted, not "prisoner"
            return _compound_head(head)
        break
    sentence_end = draft.sentence.end
    for token in span.doc[span.end:min(span.end + 5, sentence_end)]:
        hyphenated = token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == "-"
        if token.lower_ in BARE_WORDS:
            return None
        if (token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.is_lower)) and not hyphenated:
            return _compound_head(token)
        if token.pos_ in ("ADJ", "PROPN", "NUM", "ADV") or token.dep_ in ("amod", "compound") \
                or token.text in ("-",):
            continue
        if token.lower_ == "of":
            return _partitive_noun(token)  # "31 of the drones", "a dozen of them"
        break
    return None


def _partitive_noun(of: Token) -> Token | None:
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
    if pobj is not None and pobj.pos_ == "NOUN":
        return _compound_head(pobj)
    return None


def _compound_head(token: Token) -> Token:
    while token.dep_ == "compound" and token.head.i > token.i and token.head.pos_ in NOUN_POS:
        token = token.head
    return token


def unit_of(noun: Token, keep_compound_heads: frozenset[str] | None = None) -> str:
    """Singular, lower-case counted noun with its noun compound ("university hospital", "data cable") and
    the few adjectives that make a different kind of thing ("resident doctor", "nautical mile"); compounds
    of kind ("army helicopter", "attack drone"), names ("Rohingya refugees") and the compounds of a head
    that counts events ("heatstroke deaths") are left out, as adjectives of nationality or kind are."""
    head = _lemma(noun)
    rules = default_rules()
    keep = rules.keep_compound_heads if keep_compound_heads is None else keep_compound_heads
    parts = []
    if head in keep or head not in rules.bare_heads:
        compounds = [t for t in _left_compounds(noun) if t.pos_ == "NOUN" and not t.like_num
                     and t.ent_type_ not in ("NORP", "GPE") and t.lower_ not in NOT_COMPOUNDS]
        if head not in keep:
            kinds = [t for t in compounds if t.lower_ in rules.kind_modifiers]
            compounds = [t for t in compounds if kinds == [] or t.i > kinds[-1].i]
        parts = compounds
    parts += [t for t in noun.lefts if t.lower_ in MEASURE_MODIFIERS]  # "square kilometer"
    adjectives = [t for t in noun.lefts if t.dep_ == "amod" and t.lower_ in rules.classifying_adjectives]
    parts += adjectives
    parts.sort(key=lambda t: t.i)
    unit = " ".join([*(_lemma(t) for t in parts), head])
    return UNIT_ABBREVIATIONS.get(unit, unit)


def _left_compounds(noun: Token) -> list[Token]:
    found: list[Token] = []
    for child in noun.lefts:
        if child.dep_ == "compound":
            found.extend(_left_compounds(child))
            found.append(child)
    return sorted(found, key=lambda t: t.i)


def _lemma(token: Token) -> str:
    lower = token.lower_
    if lower in LEMMA_FIXES:
        return LEMMA_FIXES[lower]
    lemma = token.lemma_.lower() if token.lemma_ else lower
    if lemma == lower and lower.endswith("men") and len(lower) >= 5 and lower not in NOT_PLURAL_MEN:
        lemma = lower[:-3] + "man"  # "servicemen", "militiamen": the tagger leaves some plurals in -men
    if token.tag_ == "NNPS" and lemma == lower and lower.endswith("s"):  # "Palestinians" → "palestinian"
        lemma = lower[:-3] + "y" if lower.endswith("ies") else lower[:-1]
    return lemma or lower
