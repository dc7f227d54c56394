"""The figure itself and what it is a number of: the figure's token in a mention, its counted noun
("1,020 casualties", "the number of refugees"), the unit as the schema writes it (singular lemma,
abbreviations written out) and the currency a bare "dollars" means in its article.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span, Token

from claimledger.nlp.drafts import ClaimDraft
from claimledger.nlp.lexicon import load_table, phrase_alternation
from claimledger.nlp.quantities import default_scanner
from claimledger.nlp.semantics.rules import (
    BARE_WORDS,
    LEMMA_FIXES,
    MEASURE_MODIFIERS,
    NOT_COMPOUNDS,
    NOT_PLURAL_MEN,
    NOUN_POS,
    NUMBER_LINK_DEPS,
    SCALE_WORDS,
    TIME_ADVERBS,
    TIME_DETERMINERS,
    UNIT_ABBREVIATIONS,
    CategoryRules,
    CurrencyPlaces,
    default_rules,
)
from claimledger.normalize.numbers import parse_digits


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
        opening = draft.doc_text[max(0, draft.start - 3):draft.start].rstrip()
        if table.bare is not None and opening.endswith("("):
            return code  # "HK$200 million ($25.6 million)": the US dollar converts the local amount
        before = draft.doc_text[draft.sentence.start_char:draft.start]
        named = [m for m in table.places.finditer(before)
                 if before[m.end():].lstrip().lower().startswith(name)]
        if named:
            return table.codes[named[-1].group(0)]  # "4,000 Syrian pounds, up from 2,500 pounds": the same
        first = _first_named(draft, name, table)
        local = table.codes[first] if first is not None else table.default
        if table.bare is not None and local != code and "$" in text and local in _marked_locally(draft):
            return code  # a story that marks its own dollar ("HK$35.7 billion") writes "$" for the US one (a
            # quoted "five dollars" is still the local one)
        return local
    return code


def _marked_locally(draft: ClaimDraft) -> frozenset[str]:
    """The local dollars the document writes with their mark on a figure ("HK$35.7 billion", "2.5 million
    Australian dollars"), found once per document."""
    cache = draft.span.doc.user_data
    if "claimledger.marked_dollars" not in cache:
        pattern, codes = _local_dollar_marks()
        cache["claimledger.marked_dollars"] = frozenset(
            codes[re.sub(r"\s+", " ", (m.group("sym") or m.group("name")).lower())]
            for m in pattern.finditer(draft.doc_text))
    found: frozenset[str] = cache["claimledger.marked_dollars"]
    return found


@cache
def _local_dollar_marks() -> tuple[re.Pattern[str], dict[str, str]]:
    """A dollar other than the US one written with its mark on a figure: the symbols ("A$", "HK$") and the
    names ("Australian dollars") of the scanner's currency tables."""
    scanner = default_scanner()
    symbols = {s: c for s, c in scanner.symbols.items() if "$" in s and c != "USD"}
    names = {n: c for n, c in scanner.currency_names.items() if n.endswith("dollar") and c != "USD"}
    names.update({n + "s": c for n, c in list(names.items())})
    pattern = re.compile(
        rf"(?<![A-Za-z])(?P<sym>{phrase_alternation(list(symbols))})\s?\d"
        rf"|\d(?:\s+(?:million|billion|trillion))?\s+(?P<name>{phrase_alternation(list(names))})\b",
        re.IGNORECASE)
    return pattern, {**{s.lower(): c for s, c in symbols.items()}, **names}


OUTLET_KEY = "claimledger.outlet"  # the document's outlet, set by the runner
DATELINE_REACH = 60  # characters at the start of a story where a place is its dateline


def _first_named(draft: ClaimDraft, name: str, table: CurrencyPlaces) -> str | None:
    """Where the story is set for ``table``, looked up once per document (not once per amount): its
    dateline, else the outlet's city ("The Treasury Bench (Wellington)"), else the place named first."""
    cache = draft.span.doc.user_data.setdefault("claimledger.places", {})
    if name not in cache:
        found = table.places.search(draft.doc_text)
        outlet = draft.span.doc.user_data.get(OUTLET_KEY) or ""
        home = table.places.search(outlet) if found is None or found.start() > DATELINE_REACH else None
        place = home or found
        cache[name] = place.group(0) if place is not None else None
    return cache[name]


# -- a rate on the counted noun (G-6, G-8) -------------------------------------------------
BASE_PREPOSITIONS = ("per", "for every", "for each")
BASE_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")
SCALE_BASES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "second", "annum", "night"})


def rate_of_counted(draft: ClaimDraft, noun: Token | None, unit: str) -> str:
    """A counted noun with a rate after it is a unit per unit (G-8): "61 people per boat" → "person per
    boat", "6.1 murders per 100,000 people" → "murder per 100,000 person" (G-6: the base stays in the unit),
    "2 deaths per million people a year" → "... per year". Read on the few tokens after the noun. A time rate
    on a counted noun alone ("15,000 units a year") is left as the noun: section 14's rates rule, which the
    gold written before it does not follow yet (evaluation/CHANGELOG-guide.md, third round, "Not done")."""
    if noun is None or not unit or " per " in unit or noun.i + 2 >= draft.sentence.end:
        return unit
    doc, end = noun.doc, draft.sentence.end
    at = noun.i + 1
    two = f"{doc[at].lower_} {doc[at + 1].lower_}"
    if doc[at].lower_ != "per" and two not in BASE_PREPOSITIONS:
        return unit
    at += 1 if doc[at].lower_ == "per" else 2
    base = ""
    if at < end and doc[at].like_num and (BASE_FIGURE.fullmatch(doc[at].text)
                                          or doc[at].lower_ in SCALE_BASES):
        # "per 100,000 people", "per 1,00,000 population", "per million people": the base of the rate
        written = doc[at].text
        value = SCALE_BASES[doc[at].lower_] if doc[at].lower_ in SCALE_BASES else parse_digits(written)
        base, at = (f"{value:,.0f} " if value == int(value) else written + " "), at + 1
    kind = ""
    if at + 1 < end and doc[at].pos_ == "ADJ" and doc[at + 1].pos_ in NOUN_POS:
        kind, at = doc[at].lower_ + " ", at + 1  # "for every unemployed person"
    if at >= end or doc[at].pos_ not in NOUN_POS:
        if not base:
            return unit
        if doc[at - 1].lower_ in SCALE_BASES:
            base = doc[at - 1].lower_ + " "  # "parts per million": the scale word names the unit
        timed = _time_rate(doc.text, doc[at - 1].idx + len(doc[at - 1].text))  # "per 10,000 per day"
        return f"{unit} per {base.strip()}" + (f" per {timed[0]}" if timed else "")
    head = doc[at]
    if at + 2 < end and doc[at + 1].text == "-" and doc[at + 2].pos_ in NOUN_POS:
        return f"{unit} per {base}{head.lower_}-{_lemma(doc[at + 2])}"  # "per 100 patient-years"
    per = default_scanner().per_words.get(head.lower_) or _lemma(head)
    timed = _time_rate(doc.text, head.idx + len(head.text)) if base else None
    return f"{unit} per {base}{kind}{per}" + (f" per {timed[0]}" if timed else "")


BARE_BASE = re.compile(r"\s+per\s+(\d[\d,]*)\b")
RATE_REACH = 30  # figures back that "the rate was 5.3 per 100,000" may find its rate named in full


def rate_named_before(draft: ClaimDraft, noun: Token | None, seen: list[ClaimDraft]) -> str | None:
    """ "the rate for England was 5.3 per 100,000" after "19.8 deaths per 100,000 people": a figure with only
    the base of a rate ("people" of "45 per 100,000 people" is the base's noun, not the figure's) takes the
    rate named before it in the article (G-6, U-7)."""
    base_noun = noun is not None and noun.i >= 2 and doc_word(noun, -2) == "per" \
        and noun.doc[noun.i - 1].like_num
    if noun is not None and not base_noun:
        return None
    if noun is None and draft.unit:
        return None
    found = BARE_BASE.match(draft.doc_text, draft.mention.num_end)
    if found is None:
        return None
    base = f" per {parse_digits(found.group(1)):,.0f} "
    for before in reversed(seen[-RATE_REACH:]):
        if before is not draft and base in f"{before.unit} ":
            return before.unit
    return None


def doc_word(token: Token, offset: int) -> str:
    return token.doc[token.i + offset].lower_


def _time_rate(text: str, at: int) -> tuple[str, int] | None:
    """(what it is per, end) of "a year", "a month", "each week", "per day" written at ``at``."""
    scanner = default_scanner()
    timed = scanner.rate_after.match(text, at)
    if timed is None:
        return None
    per = re.sub(r"\s+", " ", (timed.group("per") or timed.group("adverb")).lower())
    if timed.group(0).lstrip().lower().startswith("per") and per not in TIME_UNITS:
        return None  # "per boat" is read with its base, above
    return scanner.per_words.get(per, per), timed.end()


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
        if head.pos_ == "NUM" or head.like_num or head.lower_ in NOT_COMPOUNDS or fraction_word:
            # (inside the quantity: "thirds" of "Two-thirds of the cases" is the figure, not what it counts)
            token = head
            steps += 1
            continue
        if head.lower_ in TIME_ADVERBS or (head.lemma_.lower() in _time_nouns() and any(
                c.lower_ in TIME_DETERMINERS for c in head.lefts)):
            break  # "up from 487 last year": the year dates the figure
        if head.pos_ == "NOUN" and head.i == token.i + 2 and token.doc[token.i + 1].text == "-" \
                and not _hyphen_after(head):
            return head  # "a nine-storey block", "a 120-bed unit": the figure counts storeys, beds
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
        modifies = token.dep_ == "amod" and token.head.i == token.i + 1 and token.head.pos_ == "NOUN"
        if (token.lower_ in BARE_WORDS and not modifies) or says_when(token):
            return None  # "42 others"; "up from 53 last year", "and 17 tomorrow": when, not what
        if (token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.is_lower)) and not hyphenated:
            return _compound_head(token)
        if token.pos_ in ("ADJ", "PROPN", "NUM", "ADV") or token.dep_ in ("amod", "compound") \
                or token.text in ("-",) or token.is_quote:  # "shipped “more than 3 million” devices"
            continue
        if token.lower_ == "of":
            return _partitive_noun(token)  # "31 of the drones", "a dozen of them"
        break
    return None


def says_when(token: Token) -> bool:
    """ "today", "tomorrow", or "last"/"next" before a time noun: words that date a figure."""
    if token.lower_ in TIME_ADVERBS:
        return True
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.lower_ in TIME_DETERMINERS and after is not None and after.lemma_.lower() in _time_nouns()


@cache
def _time_nouns() -> frozenset[str]:
    return frozenset(load_table("nonclaims")["time_units"]["nouns"])


def _partitive_noun(of: Token) -> Token | None:
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
    if pobj is not None and pobj.pos_ == "NOUN":
        return _compound_head(pobj)
    return None


def _compound_head(token: Token) -> Token:
    """The head of the noun compound ``token`` is part of; a hyphenated modifier parsed as a noun of its own
    ("61 cash-in-transit robberies": "cash" is a modifier of "robberies") leads to its head as well."""
    while token.head.i > token.i and token.head.pos_ in NOUN_POS and (
            token.dep_ == "compound" or (token.dep_ == "nmod" and _hyphen_after(token))):
        token = token.head
    return token


def _hyphen_after(token: Token) -> bool:
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == "-"


def unit_of(noun: Token, keep_compound_heads: frozenset[str] | None = None) -> str:
    """Singular, lower-case counted noun with its noun compound ("university hospital", "data cable") and
    the few adjectives that make a different kind of thing ("resident doctor", "nautical mile"); compounds
    of kind ("army helicopter", "attack drone"), names ("Rohingya refugees") and the compounds of a head
    that counts events ("heatstroke deaths") are left out, as adjectives of nationality or kind are."""
    head = _lemma(noun)
    rules = default_rules()
    if noun.ent_type_ == "NORP" and noun.text[:1].isupper() and noun.i > 0 and noun.tag_ in ("NNPS", "NNP") \
            and not any(c.dep_ == "compound" for c in noun.lefts):
        return "person"  # U-6: "six Australians", "95,000 Congolese" count people
    fixed = _fixed_compound(noun, head, rules.fixed_compounds)
    if fixed:
        return fixed  # "21 local government areas", "two white dwarfs" (U-4)
    if head in rules.classifier_nouns and (kind := _classified(noun)):
        return f"{head} of {kind}"  # "40 pieces of heavy equipment"
    keep = rules.keep_compound_heads if keep_compound_heads is None else keep_compound_heads
    parts = []
    if head in keep or head not in rules.bare_heads:
        compounds = _after_hyphens([t for t in _left_compounds(noun) if t.pos_ == "NOUN" and not t.like_num
                                    and t.ent_type_ not in ("NORP", "GPE") and t.lower_ not in NOT_COMPOUNDS])
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


def _after_hyphens(compounds: list[Token]) -> list[Token]:
    """A hyphenated modifier is a kind (U-5): "wide-body jets", "A320-family jets", "long-term savings
    funds" leave out the hyphenated word and what stands before it."""
    cut = [t for t in compounds if t.i > 0 and t.doc[t.i - 1].text == "-"]
    return [t for t in compounds if t.i > cut[-1].i] if cut else compounds


def _fixed_compound(noun: Token, head: str, fixed: frozenset[str]) -> str:
    """The fixed compound (U-4) the words right before ``noun`` end in with it, or ""."""
    if not fixed:
        return ""
    words = [head]
    at = noun.i - 1
    while at >= 0 and len(words) < 4 and noun.doc[at].pos_ in ("NOUN", "ADJ", "PROPN"):
        words.insert(0, _lemma(noun.doc[at]))
        found = " ".join(words)
        if found in fixed:
            return found
        at -= 1
    return ""


def _classified(noun: Token) -> str:
    """What "pieces of" count: the object of "of" with its modifiers ("heavy equipment")."""
    of = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    thing = next((c for c in of.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None) if of else None
    if thing is None:
        return ""
    words = [t for t in thing.lefts if t.dep_ in ("amod", "compound") and t.i == thing.i - 1] + [thing]
    while words[0].i > thing.left_edge.i and thing.doc[words[0].i - 1].dep_ in ("amod", "compound"):
        words.insert(0, thing.doc[words[0].i - 1])
    return " ".join(t.lower_ for t in words[:-1]) + (" " if len(words) > 1 else "") + _lemma(thing)


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
