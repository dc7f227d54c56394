"""The figure itself and what it is a number of: the figure's token in a mention, its counted noun
("1,020 casualties", "the number of refugees"), the unit as the schema writes it (singular lemma,
abbreviations written out) and the currency a bare "dollars" means in its article.
"""

from __future__ import annotations

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
    CurrencyPlaces,
    default_rules,
)


def currency_in_context(draft: ClaimDraft, code: str, rules: CategoryRules) -> str:
    """ "500 million rupees" in a story about Pakistan is PKR, not INR; a bare "$4.2 billion" in a Sydney
    story is AUD (G-1): the place the article names first decides, unless the amount's own words do."""
    text = draft.mention.text
    for name, table in rules.currency_by_country.items():
        if code != table.default:
            continue  # "Egyptian pounds", "A$5": the written form already says whose currency it is
        if table.bare is None:
            if name not in text.lower():
                continue
        elif not table.bare.search(text):
            continue
        elif (table.marks is not None and table.marks.search(text)) or \
                (table.world is not None and table.world.search(draft.sentence.text)):
            return code  # "US$5", "US63.9¢"; "$74.41 a barrel", "sold for $999 in the United States"
        own = table.places.search(text)
        if own is not None:
            return table.codes[own.group(0)]  # "Swedish crowns": the name says whose currency it is
        first = _first_named(draft, name, table)
        return table.codes[first] if first is not None else table.default
    return code


def _first_named(draft: ClaimDraft, name: str, table: CurrencyPlaces) -> str | None:
    """The place of ``table`` the article names first, looked up once per document (not once per amount)."""
    cache = draft.span.doc.user_data.setdefault("claimledger.places", {})
    if name not in cache:
        found = table.places.search(draft.doc_text)
        cache[name] = found.group(0) if found is not None else None
    return cache[name]


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
