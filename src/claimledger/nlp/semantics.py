"""What a figure counts: its unit (the counted noun), category, subject ("Russian forces") and location.

Rules come from ``data/lexicons/categories.toml``: nouns that name a category outright ("casualties",
"tanks"), people nouns whose category depends on what happened to them ("civilians killed"), and the
event words that decide it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from claimledger.nlp.drafts import ClaimDraft, clause_bounds
from claimledger.nlp.entities import entity_index
from claimledger.nlp.lexicon import load_table
from claimledger.nlp.runner import expired

CURRENCY_UNITS_ARE_CODES = 3  # ISO 4217 codes are three capitals
LEMMA_FIXES = {"people": "person", "troops": "troop", "personnel": "personnel", "forces": "force",
               "data": "data", "doses": "dose"}  # the lemmatiser reads "doses" as the plural of "dos"
# Abbreviated measures are written out in the unit, as the guide's "kilometres" ("14 km" → "kilometre").
UNIT_ABBREVIATIONS = {"km": "kilometre", "kms": "kilometre", "sq km": "square kilometre",
                      "square km": "square kilometre", "kg": "kilogram", "kgs": "kilogram",
                      "cm": "centimetre", "mm": "millimetre", "mi": "mile", "ha": "hectare"}
LOCATION_PREPOSITIONS = {"in", "to", "near", "at", "across", "outside", "around", "inside",
                         "into", "from", "on", "over"}
LOCATION_LABELS = {"GPE", "LOC", "FAC"}
NUMBER_LINK_DEPS = {"quantmod", "compound", "nummod", "nmod", "npadvmod"}
SCALE_WORDS = {"thousand", "million", "billion", "trillion", "hundred", "dozen", "bn", "m", "mn", "k"}
NOUN_POS = {"NOUN", "PROPN"}
NOT_COMPOUNDS = SCALE_WORDS | {"lakh", "crore"}  # "3 lakh farmers": a scale, not a kind of farmer
MEASURE_MODIFIERS = {"square", "cubic"}
CLAUSE_EDGES = {"ccomp", "parataxis", "advcl", "relcl", "acl", "xcomp"}
BARE_FIGURE_UNITS = {"deaths": "death", "injuries": "injury", "casualties": "casualty",
                     "displaced": "person", "detained": "person"}


@dataclass(frozen=True)
class CategoryRules:
    noun_category: dict[str, str]  # "artillery system" → equipment
    people: frozenset[str]
    events: dict[str, frozenset[str]]  # category or role → lemmas
    currency_by_country: dict[str, dict[str, str]]  # "rupee" → {"Pakistan": "PKR", "default": "INR"}
    keep_compound_heads: frozenset[str]
    kind_modifiers: frozenset[str] = frozenset()  # "army helicopter", "attack drone": a kind, left out
    bare_heads: frozenset[str] = frozenset()  # "heatstroke deaths", "new cases": the head alone
    classifying_adjectives: frozenset[str] = frozenset()  # "resident doctor", "nautical mile": kept
    measure_nouns: frozenset[str] = frozenset()  # "a magnitude of 6.1": the noun is the unit
    people_collectives: frozenset[str] = frozenset()  # "estimated the crowd at 25,000": people


@cache
def default_rules() -> CategoryRules:
    table = load_table("categories")
    noun_category = {noun: category for category, nouns in table["nouns"].items() for noun in nouns}
    events = {name: frozenset(words) for name, words in table["events"].items()}
    by_country = load_table("quantities").get("currency_by_country", {})
    units = table["units"]
    keep = frozenset(units["keep_compound_heads"])
    return CategoryRules(noun_category, frozenset(table["people"]["nouns"]), events, by_country, keep,
                         frozenset(units.get("kind_modifiers", ())), frozenset(units.get("bare_heads", ())),
                         frozenset(units.get("classifying_adjectives", ())),
                         frozenset(units.get("measure_nouns", ())),
                         frozenset(units.get("people_collectives", ())))


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


FLIGHT = {"flee", "fled"}
PLACE_PREPOSITIONS = ("to", "into", "from", "among")  # "moved to safety", "were among the dead"
NUMBER_NOUNS = {"total", "number", "tally", "count", "figure", "toll", "sum"}
BARE_WORDS = {"other", "others", "more", "another"}  # "28 others": the noun is the one before


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


NOT_PLURAL_MEN = {"specimen", "abdomen", "regimen", "stamen", "acumen"}


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


# -- category ---------------------------------------------------------------------------------
def _anchor(draft: ClaimDraft, noun: Token | None) -> Token:
    """The token that stands for the counted things in the parse: the noun, the "others" of "42 others"
    (which has no noun of its own but hangs on the verb that says what happened), or the figure."""
    if noun is not None:
        return noun
    top = _figure_top(draft.figure)
    if top.head.i > top.i and top.head.lower_ in BARE_WORDS:
        return top.head
    return top


def context_lemmas(draft: ClaimDraft, noun: Token | None) -> set[str]:
    """Lemmas of the words that say what happened to the counted things."""
    anchor = _anchor(draft, noun)
    lemmas: set[str] = set()
    head = anchor.head
    while (head.lower_ == "of" and head.head.lemma_.lower() in NUMBER_NOUNS
           and head.head.head.i != head.head.i):
        head = head.head.head  # "lost a total of 7,600 troops": what happened to the total
    lemmas.add(head.lemma_.lower())
    if head.dep_ in ("prep", "agent", "pobj") or head.pos_ == "ADP":
        lemmas.add(head.head.lemma_.lower())
        if head.head.pos_ == "ADP":
            lemmas.add(head.head.head.lemma_.lower())
    for verb in (head, head.head):
        for child in verb.children:
            if child.dep_ in ("xcomp", "oprd", "acomp", "conj", "dobj", "advcl", "ccomp", "attr") \
                    and child.i > verb.i:
                if child.dep_ in ("conj", "advcl", "ccomp") and _has_own_subject(child, anchor):
                    continue  # "treated 312 patients ... and that 14 of them had died": another count's verb
                lemmas.add(child.lemma_.lower())
                lemmas.update(c.lemma_.lower() for c in child.children
                              if c.dep_ in ("conj", "xcomp", "pobj", "prep", "compound"))
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPOSITIONS):
        lemmas.update(g.lemma_.lower() for g in prep.children if g.dep_ == "pobj")  # "moved to safety"
    if head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        # "Russia's losses are running at 1,000 troops a day": the subject says what they are
        subject = next((c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.pos_ == "NOUN":
            lemmas.add(subject.lemma_.lower())
    if anchor.dep_ == "dobj":
        # "Evacuation orders covered 14,000 residents": the subject's kind says what happened to them
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            lemmas.update(c.lemma_.lower() for c in subject.children if c.dep_ == "compound")
    for child in anchor.children:
        if child.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass")
                                         and c.lower_ not in ("who", "that", "which")
                                         for c in child.children):
            continue  # "312 patients, of whom 14 died": the clause counts others
        if child.dep_ == "conj" and any(c.like_num or c.pos_ == "NUM" for c in child.children):
            continue  # "1,150 new cases and 34 deaths": the deaths are another count
        if child.dep_ == "compound" and noun is not None and _lemma(child) in unit_of(noun).split()[:-1]:
            continue  # "320 treatment centres": the compound is part of the unit, not what happened to it
        if child.dep_ in ("amod", "acl", "relcl", "prep", "conj", "appos", "compound", "advcl"):
            lemmas.add(child.lemma_.lower())
            lemmas.update(c.lemma_.lower() for c in child.subtree
                          if c.pos_ in ("VERB", "ADJ", "NOUN") and c.i - anchor.i < 8)
    doc = anchor.doc
    for token in doc[anchor.i + 1:min(anchor.i + 4, draft.sentence.end)]:
        if token.lower_ in ("who", "which", "of", "whom", "whose") or token.like_num:
            break  # "312 patients, of whom 14 died", "900 cases and 12 deaths": what follows is about others
        if token.pos_ in ("VERB", "ADJ", "NOUN"):
            lemmas.add(token.lemma_.lower())
    return lemmas


def _has_own_subject(clause: Token, anchor: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i != anchor.i for c in clause.children)


def _figure_top(figure: Token) -> Token:
    """ "1.2 million": the scale word the figure hangs on stands for the quantity in the parse."""
    token = figure
    while (token.head.i != token.i and token.dep_ in NUMBER_LINK_DEPS
           and (token.head.like_num or token.head.lower_ in SCALE_WORDS)):
        token = token.head
    return token


def own_event_lemmas(draft: ClaimDraft, noun: Token | None) -> set[str]:
    """The words bound to the figure itself: its head, its participles, the word right after it, and a
    verb coordinated with its head that has no object or subject of its own ("were killed or wounded")."""
    anchor = _anchor(draft, noun)
    participles = {c.lemma_.lower() for c in anchor.children if c.dep_ in ("amod", "acl", "relcl")}
    if anchor.dep_ == "conj" and participles:
        return participles  # "11 people were killed and 176 injured": the 176 have a participle of their own
    own = {anchor.head.lemma_.lower()}
    own.update(c.lemma_.lower() for c in anchor.head.children if _bare_coordinated_verb(anchor.head, c))
    first = anchor.head.head
    shared_object = anchor.dep_ == "dobj" and anchor.i > anchor.head.i
    coordinated = anchor.head.dep_ == "conj" and first.pos_ == "VERB" and 0 < anchor.head.i - first.i <= 3
    if shared_object and coordinated and not any(c.dep_ == "dobj" for c in first.children):
        own.add(first.lemma_.lower())  # "killed or wounded 300 soldiers": both verbs take the object
    own.update(c.lemma_.lower() for c in anchor.children if c.dep_ in ("amod", "acl", "relcl"))
    if anchor.i + 1 < draft.sentence.end:
        following = anchor.doc[anchor.i + 1]
        if following.pos_ in ("VERB", "ADJ"):
            own.add(following.lemma_.lower())
    return own


def _bare_coordinated_verb(verb: Token, child: Token) -> bool:
    """ "killed or wounded": the second verb shares the first one's subject and object."""
    if child.dep_ != "conj" or child.pos_ != "VERB" or not 0 < child.i - verb.i <= 3:
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in child.children)


def categorize(draft: ClaimDraft, noun: Token | None, rules: CategoryRules) -> tuple[str, str]:
    """(category, unit) for a draft."""
    mention = draft.mention
    if mention.unit in ("percent", "percentage point"):
        return "percent", mention.unit
    if mention.unit and len(mention.unit) == CURRENCY_UNITS_ARE_CODES and mention.unit.isupper():
        code = currency_in_context(draft, mention.unit, rules)
        return "money", f"{code} per {mention.per}" if mention.per else code  # "$14.95 a month"
    if mention.unit:  # a unit of measure read with the figure: "256GB", "50 km/h", "grew sixfold"
        return "other", mention.unit
    described = _said_to_be(draft, noun)
    whole = None
    if described is not None:
        noun = described  # "A dozen of the dead were children": children are what is counted
        whole = draft.span.doc[draft.span.end + 2].lemma_.lower()  # "the dead" says what happened
    before = draft.span.doc[draft.span.start - 1] if draft.span.start > 0 else None
    if before is not None and before.lemma_.lower() in rules.measure_nouns:
        return "other", before.lemma_.lower()  # "a magnitude 6.4 quake": the figure is the measure
    if _killed_and_wounded(draft, noun):
        # "1,500 killed and wounded", "the number of dead and injured"; "48 people dead and wounded"
        return "casualties", unit_of(noun) if noun is not None and noun.lemma_.lower() not in (
            "kill", "dead", "killed") else "casualty"
    unit = unit_of(noun) if noun is not None else ""
    lemmas = context_lemmas(draft, noun) | ({whole} if whole else set())
    events = rules.events
    direct = _noun_category(unit, rules) if unit else None
    if direct is None and noun is None:
        direct, unit = _category_of_bare_figure(draft, rules)
    own = own_event_lemmas(draft, noun) | ({whole} if whole else set()) | _verb_of_first_conjunct(noun)
    happened = _event_category(own, events) or _event_category(lemmas, events)
    animals = events.get("animals", frozenset())
    if happened in ("deaths", "injuries", "casualties") and unit and unit.split()[-1] in animals:
        return "other", unit  # "12,000 animals had died": not deaths of people
    if happened is None and _treated_for_an_injury(draft, noun, events):
        happened = "injuries"  # "treated in hospital for burns": hospital treatment of an injury
    if unit in events.get("aerial_targets", ()) and (own | lemmas) & events.get("interception", frozenset()):
        return "equipment", unit  # "air defences destroyed 428 targets": aerial weapons
    if unit == "personnel" and _contexts()["civil_emergency"].search(draft.sentence.text):
        return "other", unit  # "2,800 personnel were assigned to the blaze": firefighters, not troops
    mission = unit.split()[-1:] == ["officer"] and _contexts()["security_mission"].search(draft.sentence.text)
    if mission and happened is None:
        return "troops", unit  # "the security mission, which has about 1,000 officers on the ground"
    people = people_noun(unit, rules)
    if happened is None and people and (own | lemmas) & events.get("burial", frozenset()):
        happened = "deaths"  # "we buried 14 children": people buried are dead (houses buried are not)
    if happened is None and people and _object_of(noun, {"hold"}):
        happened = "detained"  # "police are holding 45 suspects", "12 activists were held overnight"
    if happened is None and unit.split()[-1:] == ["officer"] and _beside_troops(noun, rules):
        return "troops", unit  # "120 police officers and soldiers had been deployed"
    if happened is None and people and _sheltered_or_arriving(draft, noun, own | lemmas, events):
        happened = "displaced"  # "a school that now houses 1,100 people", "500 families were arriving"
    if direct in ("troops",) or people:
        deserted = lemmas & events["desertion"]
        if direct != "troops":
            deserted -= FLIGHT  # soldiers who fled deserted; people who fled are displaced
        if deserted:
            return "troops", unit
        if happened in ("deaths", "injuries", "casualties", "detained", "displaced"):
            return happened, unit
        if own & events["recruitment"]:
            return "troops", unit  # "recruited 9,959 people"
        if direct == "troops" and lemmas & events["losses"]:
            return "casualties", unit
        if unit and unit.split()[-1] in ("man", "person") and lemmas & events["losses"]:
            return "casualties", unit
        return (direct or "other"), unit
    if direct == "equipment" and noun is not None and _civilian_craft(draft, noun):
        return "other", unit  # "damaging two foreign-flagged ships": not military equipment
    if direct == "displaced" and own & events.get("return", frozenset()):
        return "other", unit  # "150,000 refugees have returned": no longer displaced
    if direct is not None:
        return direct, unit
    if happened is not None and not unit:
        return happened, BARE_FIGURE_UNITS.get(happened, unit)
    if happened in ("deaths", "injuries", "casualties") and unit and noun is not None \
            and noun.tag_ in ("NNS", "NNPS"):
        return happened, unit  # "34,183 Palestinians have been killed"
    if unit and noun is not None and noun.tag_ in ("NNS", "NNPS") and _left_home(noun):
        return "displaced", unit  # "2 million Venezuelans had left the country", "Syrians fled their homes"
    if noun is not None and noun.tag_ == "NNPS" and _object_of(noun, events.get("housing", frozenset())):
        return "displaced", unit  # "Turkey hosts about 3.1 million Syrians"
    arrested = own & events.get("arrests", frozenset())
    if unit and noun is not None and noun.tag_ in ("NNS", "NNPS") and arrested:
        return "detained", unit  # "Nine suspected smugglers were arrested": only people are arrested
    return "other", unit


HOMES = {"home", "country", "homeland", "village", "town", "city", "house"}


def _left_home(noun: Token) -> bool:
    """People who left or fled their homes or country are displaced, whatever the noun."""
    if noun.dep_ != "nsubj" or noun.head.lemma_.lower() not in ("leave", "flee"):
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in HOMES for c in noun.head.children)


def _object_of(noun: Token | None, verbs: frozenset[str] | set[str]) -> bool:
    """The noun is what the verb acts on: its object, or the subject of its passive."""
    if noun is None or noun.head.lemma_.lower() not in verbs or noun.head.pos_ not in ("VERB", "AUX"):
        return False
    return noun.dep_ in ("dobj", "nsubjpass")


def _a_capacity(draft: ClaimDraft) -> bool:
    """ "holds 8,200 inmates, double its capacity of 4,500": places, not people held (other)."""
    start = draft.span.start
    doc = draft.span.doc
    if start - 2 < draft.sentence.start:
        return False
    return doc[start - 1].lower_ == "of" and doc[start - 2].lemma_.lower() == "capacity"


def people_noun(unit: str, rules: CategoryRules) -> bool:
    return bool(unit) and unit.split()[-1] in rules.people


def _verb_of_first_conjunct(noun: Token | None) -> set[str]:
    """ "detained its captain and two officers": the verb of the first conjunct is said of the others too."""
    if noun is None or noun.dep_ != "conj":
        return set()
    first = noun
    while first.dep_ == "conj":
        first = first.head
    return {first.head.lemma_.lower()} if first.dep_ in ("dobj", "nsubjpass") else set()


def _beside_troops(noun: Token | None, rules: CategoryRules) -> bool:
    """Officers counted together with soldiers or troops ("300 soldiers and 450 police officers")."""
    if noun is None:
        return False
    beside = [c for c in noun.children if c.dep_ == "conj"] + ([noun.head] if noun.dep_ == "conj" else [])
    if noun.dep_ in ("nsubj", "dobj") and noun.i > 0 and noun.doc[noun.left_edge.i - 1].lower_ == "and":
        # parsed as siblings
        beside += [c for c in noun.head.children if c.dep_ == noun.dep_ and c.i < noun.i]
    return any(rules.noun_category.get(_lemma(t)) == "troops" for t in beside)


def _civilian_craft(draft: ClaimDraft, noun: Token) -> bool:
    """Ships or vehicles of civilians: a civilian word before the noun ("cargo ships"), or the noun's clause
    carrying goods ("60 of the vehicles ... had carried goods for private traders")."""
    text = draft.doc_text
    start = draft.start if noun.idx > draft.start else max(0, noun.idx - 40)
    if _contexts()["civilian_craft"].search(text, start, noun.idx):
        return True
    _, end = clause_bounds(draft.sentence, noun.idx)
    return bool(_contexts()["carried_goods"].search(text, noun.idx, end))


@cache
def _contexts() -> dict[str, re.Pattern[str]]:
    table = load_table("categories").get("contexts", {})
    return {name: re.compile(pattern, re.IGNORECASE) for name, pattern in table.items()}


def _sheltered_or_arriving(draft: ClaimDraft, noun: Token | None, near: set[str],
                           events: dict[str, frozenset[str]]) -> bool:
    """People a school or shelter houses ("that now houses 1,100 people"), or people arriving in a report
    about displacement ("500 families were reported arriving each day"): displaced."""
    anchor = _anchor(draft, noun)
    if anchor.head.pos_ == "VERB" and anchor.head.lemma_.lower() in events.get("housing", frozenset()):
        return True
    if not near & events.get("arrival", frozenset()):
        return False
    return bool(_contexts()["displacement_report"].search(draft.doc_text))


TREATMENT_REACH = 10  # tokens after the counted noun that "treated in hospital for burns" may take


def _treated_for_an_injury(draft: ClaimDraft, noun: Token | None, events: dict[str, frozenset[str]]) -> bool:
    """ "were treated in hospital for burns", "needed hospital treatment for shrapnel wounds": treatment
    and an injury both said of the counted people, in the words after them."""
    anchor = _anchor(draft, noun)
    after = anchor.doc[anchor.i + 1:min(anchor.i + TREATMENT_REACH, draft.sentence.end)]
    lemmas = {t.lemma_.lower() for t in after} | {anchor.head.lemma_.lower()}  # "treated 90 patients for"
    treated = lemmas & events.get("treatment", frozenset())
    return bool(treated and lemmas & events.get("injury_kinds", frozenset()))


KILLED_AND_WOUNDED = re.compile(
    r"\b(?:killed|dead|deaths?|fatalities)\s+(?:and|or|&)\s+(?:wounded|injured|hurt|injuries)\b",
    re.IGNORECASE,
)
CASUALTY_LINK = re.compile(r"\s+(?:(?:were|was|are|have been|had been|been|left)\s+)?", re.IGNORECASE)
HURT_WORDS = ("wound", "injur", "hurt")
NUMBER_OF_CASUALTIES = re.compile(r"\b(?:number|toll|total|tally|count) of (?:the )?$", re.IGNORECASE)


def _killed_and_wounded(draft: ClaimDraft, noun: Token | None) -> bool:
    """A bare figure of the killed and wounded together: "1,500 killed and wounded", "40 dead or injured",
    "the number of killed and wounded rose to 300"."""
    text = draft.doc_text
    if noun is not None and noun.lemma_.lower() not in ("kill", "dead", "killed"):
        # "left 48 people dead and wounded", "35 soldiers were killed or wounded": said of the noun
        end = noun.idx + len(noun.text)
        after = KILLED_AND_WOUNDED.search(text, end, end + 50)
        return after is not None and CASUALTY_LINK.fullmatch(text[end:after.start()]) is not None
    after = KILLED_AND_WOUNDED.match(text, draft.end + 1, draft.end + 40)
    if after is not None and text[draft.end:after.start()].strip() == "":
        return True
    start, _ = clause_bounds(draft.sentence, draft.start)
    before = text[start:draft.start].lower()
    if not any(word in before for word in HURT_WORDS):
        return False  # no "wounded/injured/hurt" before the figure: skip the regex (a hot path)
    for match in KILLED_AND_WOUNDED.finditer(text, start, draft.start):
        if NUMBER_OF_CASUALTIES.search(text[max(start, match.start() - 20):match.start()]):
            return True
    return False


def _said_to_be(draft: ClaimDraft, noun: Token | None) -> Token | None:
    """ "A dozen of the dead were children": a partitive of people the text then names with "be"."""
    if noun is not None:
        return None
    doc = draft.span.doc
    after = doc[draft.span.end:draft.span.end + 3]
    if len(after) < 3 or [t.lower_ for t in after[:2]] != ["of", "the"]:
        return None
    if after[2].pos_ not in ("ADJ", "NOUN"):
        return None
    verb = _figure_top(draft.figure).head
    if verb.lemma_.lower() != "be":
        return None
    return next((c for c in verb.children if c.dep_ == "attr" and c.pos_ == "NOUN" and c.tag_ == "NNS"), None)


def _event_category(lemmas: set[str], events: dict[str, frozenset[str]]) -> str | None:
    """What happened, by the event words: killed and wounded together are casualties."""
    died, hurt = bool(lemmas & events["deaths"]), bool(lemmas & events["injuries"])
    if died and hurt:
        return "casualties"
    if died:
        return "deaths"
    if hurt:
        return "injuries"
    for category in ("detained", "displaced"):
        if lemmas & events[category]:
            return category
    return None


def _noun_category(unit: str, rules: CategoryRules) -> str | None:
    words = unit.split()
    for size in range(len(words), 0, -1):  # "air defence system" before "system"
        key = " ".join(words[-size:])
        if key in rules.noun_category:
            return rules.noun_category[key]
    return None


def _what_a_number_counts(noun: Token) -> Token:
    """ "the number of arrests", "the toll of dead": the noun after "of" says what is counted."""
    if noun.lemma_.lower() in ("number", "figure", "total", "count", "tally", "estimate"):
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None:
            return _compound_head(pobj)
    return noun


def _category_of_bare_figure(draft: ClaimDraft, rules: CategoryRules) -> tuple[str | None, str]:
    """'the death toll rose to 45': no noun after the figure; the subject of its verb says ("the
    total number of sanctioned vessels has risen to 79": vessels), or the object it is put at
    ("estimated the crowd at 25,000": people), or the measure it gives ("a magnitude of 6.1")."""
    token = draft.figure
    preposition = None
    if token.head.lower_ == "of" and token.head.head.lemma_.lower() in rules.measure_nouns:
        return None, token.head.head.lemma_.lower()
    for _ in range(4):
        if token.dep_ == "pobj":
            preposition = token.head.lower_
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            break
    order = ("nsubj", "nsubjpass", "attr", "dobj")
    if preposition == "at":
        order = ("dobj", "nsubj", "nsubjpass", "attr")  # "put the crowd at 25,000"
    nouns = (c for c in token.children if c.dep_ in order and c.pos_ in NOUN_POS)
    candidates = sorted(nouns, key=lambda c: order.index(c.dep_))
    fallback = ""
    for child in candidates:
        counted = _what_a_number_counts(child)
        phrase = unit_of(counted)
        category = _noun_category(phrase, rules)
        if category is not None and counted.i != child.i:
            return category, phrase  # "the number of detentions, 61": what the number counts
        if category is not None:
            return category, BARE_FIGURE_UNITS.get(category, phrase)
        if not fallback and counted.i != child.i:
            fallback = phrase  # "the number of vessels": what the number counts
        elif not fallback and counted.lemma_.lower() in rules.people_collectives:
            fallback = "person"  # a crowd is counted in people
    return None, fallback


# -- subject and location -----------------------------------------------------------------------
def phrase_text(head: Token) -> str:
    """A noun phrase as written, without a leading article or trailing clauses."""
    tokens = [t for t in head.subtree if head.left_edge.i <= t.i <= head.i]
    while tokens and tokens[0].dep_ in ("det", "predet") \
            and tokens[0].lower_ in ("the", "a", "an", "some", "these", "those", "this", "that"):
        tokens = tokens[1:]
    while tokens and (tokens[0].is_punct or tokens[0].like_num or tokens[0].dep_ == "nummod"):
        tokens = tokens[1:]
    if not tokens:
        return head.text
    return head.doc[tokens[0].i:tokens[-1].i + 1].text


def subject_of(draft: ClaimDraft, noun: Token | None, category: str,
               owners: frozenset[str] = frozenset()) -> str | None:
    if noun is not None:
        modifiers = [c for c in noun.lefts
                     if c.ent_type_ == "NORP" or (c.dep_ == "compound" and c.pos_ == "PROPN")]
        if modifiers:
            return noun.doc[max(draft.span.end, min(m.left_edge.i for m in modifiers)):noun.i + 1].text
    if category in ("casualties", "deaths", "injuries", "equipment", "troops"):
        token = noun if noun is not None else draft.figure
        for _ in range(6):
            if token.pos_ in ("VERB", "AUX") and token.dep_ != "amod" and token.lemma_.lower() not in owners:
                break  # "RSF fighters killed 120 people": the killers do not own the count
            if token.pos_ in ("VERB", "AUX") and token.dep_ != "amod":
                for child in token.children:
                    if child.dep_ in ("nsubj",) and child.pos_ in NOUN_POS \
                            and child.lemma_.lower() not in ("estimate", "report", "figure"):
                        return phrase_text(child)
                    if child.dep_ == "nsubj" and child.pos_ == "PRON":
                        return None
            if token.head.i == token.i or token.dep_ in CLAUSE_EDGES:
                break  # the subject of a reporting verb above is the source, not the subject
            token = token.head
    if noun is not None and category in \
            ("casualties", "deaths", "injuries", "troops", "displaced", "detained"):
        return noun.doc[max(draft.span.end, noun.left_edge.i):noun.i + 1].text
    return None


def location_of(draft: ClaimDraft) -> str | None:
    """The nearest place named after a location preposition in the figure's sentence."""
    sentence = draft.sentence
    candidates: list[tuple[int, str]] = []
    for ent in entity_index(sentence.doc).within(sentence.start, sentence.end):
        if ent.label_ not in LOCATION_LABELS \
                and not (ent.label_ in ("PRODUCT", "ORG", "PERSON") and len(ent) <= 2):
            continue
        first = ent[0]
        before = first.doc[first.i - 1] if first.i > sentence.start else None
        if first.i > sentence.start + 1 and first.doc[first.i - 2].lower_ == "according":
            continue  # "according to Rosstat": a source, not a place
        if ent[-1].i + 1 < len(ent.doc) and ent.doc[ent[-1].i + 1].tag_ == "POS":
            continue  # "Ukraine's Armed Forces": part of a name, not a place
        if before is None or before.lower_ not in LOCATION_PREPOSITIONS:
            if ent.label_ not in LOCATION_LABELS:
                continue
            if before is None or before.lower_ not in ("of", "region", "city"):
                continue
        distance = abs(first.i - draft.figure.i)
        candidates.append((distance, ent.text))
    return min(candidates)[1] if candidates else None


def read_semantics(doc: Doc, rules: CategoryRules) -> None:
    previous: ClaimDraft | None = None
    last_counted: ClaimDraft | None = None  # the last figure with a counted noun of its own
    last_people: ClaimDraft | None = None  # the last figure that counts people
    counted: list[ClaimDraft] = []
    tolls: list[ClaimDraft] = []  # counts of the dead and hurt, for "Four of the victims"
    wholes: dict[int, ClaimDraft] = {}  # a part's whole: "four" in "17 people, including four children"
    seen: list[ClaimDraft] = []
    for draft in doc._.claim_drafts or []:
        if expired(doc):
            return  # the document's time is up: it is reported as skipped
        if draft.dropped is not None:
            continue
        noun = counted_noun(draft) if draft.mention.unit is None else None
        draft.category, draft.unit = categorize(draft, noun, rules)
        seen.append(draft)
        share = _accounted_for(draft, noun)
        if share is not None:
            draft.unit = unit_of(share)  # "Children accounted for 38 of the dead": children are counted
        bare_whole = _bare_part_included(draft, noun, seen)
        if bare_whole is not None:
            # "128,000 people had voted at 301 stations, including 41,000 in Italy": a part is no larger
            # than its whole, so the 41,000 are people, not stations
            draft.unit = bare_whole.unit
            if draft.category == "other":
                draft.category = bare_whole.category
        compared = _compared_with(draft, noun, previous)
        if compared is not None:
            # "1,617 people were killed, up from 1,400 in the previous three months": the same count before
            draft.unit, draft.category = compared.unit, compared.category
        if _same_rate_before(draft, previous):
            # "$82.40 a barrel, up from $79.90 a week earlier": the earlier price is per barrel too
            assert previous is not None
            draft.unit = previous.unit
        if _continues_amount(draft, noun, previous):
            # "13.5 trillion rubles, up from 10.8 trillion": the second amount is in the same currency
            assert previous is not None
            draft.category, draft.unit = "money", previous.unit
        referent = _partitive_referent(draft, noun, last_counted)
        if referent is not None:
            # "14 of them had died", "aims to reach 6 million of them": the things counted before
            draft.unit = referent.unit
            named = draft.span.doc[draft.span.end + 2] if draft.span.end + 2 < draft.sentence.end else None
            if named is not None and named.tag_ == "NNS":
                draft.unit = unit_of(named)  # "23 people, four of them children": children are counted
            weapons = referent.category == "equipment" and draft.category in PEOPLE_EVENTS
            if draft.category == "other" or weapons:
                draft.category = referent.category  # "45 of them [rockets] crossed": weapons, not people
        antecedent = _antecedent_of_them(draft, noun, rules) if referent is None else None
        if antecedent is not None:
            # "Russia fired a barrage of rockets. About 45 of them were shot down": rockets, with no figure
            draft.unit = unit_of(antecedent)
            things = _noun_category(draft.unit, rules)
            if draft.category == "other" or (things == "equipment" and draft.category in PEOPLE_EVENTS):
                draft.category = things or draft.category
        draft.refers_to = referent or bare_whole or _counted_before(draft, noun, counted) \
            or _part_of_the(draft, previous)
        toll = _toll_of_the_victims(draft, noun, tolls) if draft.refers_to is None else None
        if toll is not None:
            # "At least 11 people have died ... Four of the victims were from the village": part of the toll
            draft.refers_to = toll
            if draft.category == "other":
                draft.category = toll.category
        elided = _elided_count(draft, noun, last_people, rules)
        if elided is not None and referent is None:
            # "More than 130 were injured", "the organisers said more than 3,000 had taken part": the
            # people counted just before
            draft.unit = elided.unit
            own_verb = (_counts_others(draft, noun) or _subject_of_a_verb(draft)
                        or _has_own_verb(draft, elided))
            if draft.category == "other" and not own_verb:
                draft.category = elided.category
        others = _others_continued(draft, noun, last_counted) if elided is None and referent is None else None
        if others is not None:
            # "Russia lost 12 tanks. Five others were damaged": more of the things counted before
            draft.unit = others.unit
            if draft.category == "other" and others.category not in PEOPLE_EVENTS:
                draft.category = others.category
        if _returned_prisoners(draft, noun, rules):
            draft.category = "detained"  # "95 soldiers came home" in a report of a prisoner exchange
        if (draft.category == "other" and noun is not None and noun.dep_ == "conj" and previous is not None
                and previous.noun is not None and previous.noun.i == noun.head.i
                and not _civilian_craft(draft, noun)):
            draft.category = previous.category  # "Three firefighters and two officers were among the injured"
        whole = _included_in(draft, previous) or _among_them(draft, last_people)
        included = whole is not None and _event_category(own_event_lemmas(draft, noun), rules.events) is None
        if whole is not None and draft.category != "percent" and (draft.category in ("other", "troops")
                                                                 or included):
            # "killed 17 people, including four children, and wounded 42 others": the four are among
            # the 17 killed, not the wounded that the rest of the sentence counts
            draft.category = whole.category  # "the toll rose to 31, including four children": deaths
            draft.refers_to = draft.refers_to or whole
        if whole is not None:
            wholes[draft.start] = whole
        among = _among_the_named(draft, rules) if draft.category in ("other", "troops") else None
        if among is not None:
            draft.category = among  # "Among the Ukrainians freed were 41 defenders of Mariupol": detained
        if (draft.mention.spelled and draft.category == "other" and not _counts_people(draft, noun, rules)
                and not _counts_a_thing(draft, noun) and draft.mention.unit is None
                and draft.mention.value >= 1):
            # (a fraction, "a third of the population", and a unit, "sixfold", "three miles", are claims)
            draft.dropped = "a number word that counts nothing a claim is about ('two sides')"
            continue
        draft.subject = subject_of(draft, noun, draft.category, rules.events["owners"])
        draft.location = location_of(draft)
        if previous is not None and previous.start in wholes:
            previous = wholes[previous.start]  # "17 people, including four children, and 42 others": people
        if referent is None and bare_whole is None and _continues_count(draft, noun, previous, rules):
            # "10,582 civilians had been killed and 19,875 injured", "212 structures destroyed and 37
            # damaged": the second figure counts the same things
            assert previous is not None
            draft.unit, draft.subject = previous.unit, previous.subject
            if draft.category == "other" and not _has_own_verb(draft, previous):
                draft.category = previous.category
            draft.continues = previous
        if draft.category not in ("money", "percent") and _a_capacity(draft):
            draft.category = "other"  # "double its capacity of 4,500": places, not the people held
        previous = draft
        if draft.category in ("deaths", "casualties", "injuries"):
            tolls.append(draft)
        if noun is not None and draft.category not in ("money", "percent"):
            last_counted = draft
            counted.append(draft)
        if draft.unit and draft.unit.split()[-1] in rules.people | PEOPLE_UNITS and whole is None:
            last_people = draft  # (not a part: "Nine killed, including two children. Another 31 were hurt")


def _accounted_for(draft: ClaimDraft, noun: Token | None) -> Token | None:
    """ "Children accounted for 38 of the dead": the subject of "account for" is what the part counts."""
    if draft.mention.unit is not None or (noun is not None and noun.i < draft.span.end):
        return None
    top = _figure_top(draft.figure)
    if top.dep_ != "pobj" or top.head.lower_ != "for" or top.head.head.lemma_.lower() != "account":
        return None
    after = [t.lower_ for t in draft.span.doc[draft.span.end:draft.span.end + 1]]
    if after != ["of"]:
        return None  # a part of a whole named after it
    subject = next((c for c in top.head.head.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.pos_ == "NOUN" and subject.tag_ == "NNS" else None


def _bare_part_included(draft: ClaimDraft, noun: Token | None, seen: list[ClaimDraft]) -> ClaimDraft | None:
    """The whole a bare "including 41,000 in Italy" (or the "and 19,500 in Germany" after it) is part of:
    the nearest earlier count of the sentence that is at least as large."""
    if noun is not None or draft.mention.unit is not None:
        return None
    top = _figure_top(draft.figure)
    while top.dep_ == "conj" and top.head.i < top.i:
        top = top.head
    if not (top.dep_ == "pobj" and top.head.lower_ == "including"):
        return None
    for earlier in reversed(seen[:-1]):
        if earlier.sentence.start != draft.sentence.start:
            return None
        if earlier.category in ("money", "percent") or not earlier.unit:
            continue
        if earlier.mention.value >= draft.mention.value:
            return earlier
    return None


COMPARED = re.compile(r"\b(?:up|down|compared) (?:from|with|to)\s*$", re.IGNORECASE)


def _same_rate_before(draft: ClaimDraft, previous: ClaimDraft | None) -> bool:
    """An amount compared with a rate of the same currency just before it ("up from") is that rate."""
    if previous is None or draft.category != "money" or draft.mention.per or " per " not in previous.unit:
        return False
    if previous.sentence.start != draft.sentence.start or previous.unit.split(" per ")[0] != draft.unit:
        return False
    return bool(COMPARED.search(draft.doc_text[draft.sentence.start_char:draft.start]))


def _compared_with(draft: ClaimDraft, noun: Token | None, previous: ClaimDraft | None) -> ClaimDraft | None:
    """ "1,617 people were killed, up from 1,400": a bare figure compared with a count of the sentence is
    the same thing counted at another time."""
    if noun is not None or draft.mention.unit is not None or previous is None:
        return None
    if previous.sentence.start != draft.sentence.start or previous.category in ("money", "percent"):
        return None
    before = draft.doc_text[draft.sentence.start_char:draft.start]
    return previous if COMPARED.search(before) and previous.unit else None


PARTITIVE_PRONOUNS = {"them", "those", "these", "whom"}
# What happened to people is each count's own: "Eight more were missing" is not the captured before it.
PEOPLE_EVENTS = {"deaths", "injuries", "casualties", "detained", "displaced"}
PEOPLE_UNITS = {
    "person", "soldier", "troop", "demonstrator", "protester", "refugee", "civilian", "resident",
    "serviceman", "servicewoman", "prisoner", "detainee", "hostage", "captive", "pow", "fighter", "policeman",
}
ELLIPSIS_REACH = 1  # sentences back that a bare "More than 130 were injured" may take its people from


def _elided_count(draft: ClaimDraft, noun: Token | None, last_people: ClaimDraft | None,
                  rules: CategoryRules) -> ClaimDraft | None:
    """The people a bare figure counts when the sentence leaves them out: it is the subject of its verb
    or stands in apposition ("the largest group, about 1.2 million"), with no noun, currency or measure."""
    if noun is not None or draft.mention.unit is not None or last_people is None or last_people is draft:
        return None
    if draft.unit and draft.unit not in BARE_FIGURE_UNITS.values():
        return None
    top = _figure_top(draft.figure)
    put_at = top.dep_ == "pobj" and top.head.lower_ == "at" and any(
        c.dep_ == "dobj" and c.pos_ == "PRON" for c in top.head.head.children)  # "put it at 300,000"
    others = top.head.i > top.i and top.head.lower_ in BARE_WORDS  # "42 others were hurt"
    if top.dep_ not in ("nsubj", "nsubjpass", "appos") and not put_at and not others:
        return None
    window = draft.span.doc[last_people.sentence.start:draft.sentence.end]
    sentences = list(window.sents)  # type: ignore[attr-defined]  # in spaCy 3.8; not in its stub
    return last_people if len(sentences) <= ELLIPSIS_REACH + 1 else None
PARTITIVE_REACH = 2  # sentences back that "of them" may point to
COUNTED_REACH = 3  # sentences back that "60 of the vehicles" may find the count of them ("246 trucks")


VICTIM_WORDS = {"victim", "dead", "casualty", "fatality", "injured", "wounded", "body"}
TOLL_REACH = 6  # sentences back that "Four of the victims" may point to the toll


def _toll_of_the_victims(draft: ClaimDraft, noun: Token | None, tolls: list[ClaimDraft]) -> ClaimDraft | None:
    """ "Four of the victims": a part of the latest toll of the dead or hurt in the report."""
    if not tolls or draft.mention.unit is not None:
        return None
    of = draft.span.doc[draft.span.end:draft.span.end + 3]
    if len(of) < 3 or [t.lower_ for t in of[:2]] != ["of", "the"]:
        return None
    if of[2].lemma_.lower() not in VICTIM_WORDS:
        return None
    toll = tolls[-1]
    window = draft.span.doc[toll.sentence.start:draft.sentence.end]
    sentences = list(window.sents)  # type: ignore[attr-defined]  # in spaCy 3.8; not in its stub
    return toll if len(sentences) <= TOLL_REACH + 1 else None


POW_CONTEXT = re.compile(
    r"\b(?:prisoners?|pows?|captivity|captives?|exchanges?|swaps?|swapped|exchanged)\b", re.IGNORECASE
)
RETURN_VERBS = {
    "come", "return", "bring", "arrive", "free", "release", "repatriate", "hand", "receive", "swap",
    "exchange", "get",
}


def _returned_prisoners(draft: ClaimDraft, noun: Token | None, rules: CategoryRules) -> bool:
    """Soldiers or people who came home, were returned or handed over, in a report of a prisoner exchange."""
    if draft.category not in ("troops", "other", "displaced") or not draft.unit:
        return False
    if draft.unit.split()[-1] not in rules.people | PEOPLE_UNITS and draft.category != "troops":
        return False
    own = own_event_lemmas(draft, noun)
    if not own & RETURN_VERBS or own & rules.events["recruitment"] or draft.unit.split()[-1] in ("recruit",):
        return False
    text = draft.doc_text
    paragraph_start = max(text.rfind("\n\n", 0, draft.sentence.start_char), 0)
    return bool(POW_CONTEXT.search(text, paragraph_start, draft.sentence.end_char))


def _included_in(draft: ClaimDraft, previous: ClaimDraft | None) -> ClaimDraft | None:
    """ "31 people, including four children (and two women)", "23 people, four of them children": the
    count of the same sentence that this one is part of."""
    doc = draft.span.doc
    if previous is None or draft.span.start == 0:
        return None
    if previous.sentence.start != draft.sentence.start or previous.category in ("money", "percent", "other"):
        return None
    before = doc[draft.span.start - 1].lower_
    after = [t.lower_ for t in doc[draft.span.end:draft.span.end + 2]]
    if before == "including" or after == ["of", "them"]:
        return previous
    if before in ("and", ",") and _included_in(previous, _previous_in(previous, doc)) is not None:
        return previous  # "including four children and two women": the second is part of the count too
    return None


AMONG_THEM = ("among them", "among those", "among the", "those included", "they included", "they include")


def _among_them(draft: ClaimDraft, last_people: ClaimDraft | None) -> ClaimDraft | None:
    """ "75 servicemen had been returned. Among them were 11 women": a part of the people counted just
    before (the last sentence or this one)."""
    if last_people is None or last_people.category in ("other", "money", "percent"):
        return None
    if not draft.sentence.text.lower().startswith(AMONG_THEM):
        return None
    window = draft.span.doc[last_people.sentence.start:draft.sentence.end]
    sentences = list(window.sents)  # type: ignore[attr-defined]  # in spaCy 3.8; not in its stub
    return last_people if len(sentences) <= ELLIPSIS_REACH + 1 else None


def _among_the_named(draft: ClaimDraft, rules: CategoryRules) -> str | None:
    """ "Among the Ukrainians freed were 41 defenders": the figures the sentence names after "among the
    <people> <event>" share what happened to those people."""
    first = draft.sentence[0]
    if first.lower_ != "among" or draft.mention.unit is not None:
        return None
    copula = next((t for t in draft.sentence if t.lemma_.lower() == "be" and t.i < draft.figure.i), None)
    if copula is None:
        return None  # the figure must be what "were" names: "Among the dead were 12 children"
    return _event_category({t.lemma_.lower() for t in draft.sentence.doc[first.i + 1:copula.i]}, rules.events)


def _previous_in(draft: ClaimDraft, doc: Doc) -> ClaimDraft | None:
    """The live draft just before this one in the document (the drafts are in text order)."""
    drafts = doc._.claim_drafts or []
    for earlier in reversed(drafts[:bisect_left(drafts, draft.start, key=lambda d: d.start)]):
        if earlier.dropped is None:
            return earlier
    return None


def _antecedent_of_them(draft: ClaimDraft, noun: Token | None, rules: CategoryRules) -> Token | None:
    """The plural noun "them" stands for when no figure counted it: the last one, in this sentence before
    the figure or in the sentence before, that names something a claim counts."""
    if noun is not None or draft.mention.unit is not None:
        return None
    doc = draft.span.doc
    after = doc[draft.span.end:draft.span.end + 2]
    if len(after) < 2 or after[0].lower_ != "of" or after[1].lower_ not in PARTITIVE_PRONOUNS:
        return None
    start = doc[draft.sentence.start - 1].sent.start if draft.sentence.start > 0 else draft.sentence.start
    for token in reversed(doc[start:draft.span.start]):
        if token.tag_ not in ("NNS", "NNPS") or token.dep_ == "compound":
            continue
        unit = unit_of(token)
        if _noun_category(unit, rules) is not None or unit.split()[-1] in rules.people:
            return token
    return None


def _counts_others(draft: ClaimDraft, noun: Token | None) -> bool:
    """ "42 others", "19 more", "Eight more were missing": a figure with no noun that counts more of
    something named before."""
    if noun is not None or draft.mention.unit is not None:
        return False
    anchor = _anchor(draft, noun)
    return anchor.lower_ in BARE_WORDS or any(c.lower_ in BARE_WORDS for c in anchor.children)


# Nouns a spelled-out number counts in passing, not as a fact to check: "two sides", "three ways".
PASSING_NOUNS = {
    "side", "way", "time", "thing", "reason", "option", "step", "part", "kind", "type", "point", "question",
    "issue", "word", "case", "example", "hand", "eye", "sister", "brother", "son", "daughter", "child",
    "friend", "colleague", "round", "stage", "phase", "term", "year", "month", "week", "day", "hour",
    "minute", "decade", "night", "weekend", "one", "scenario", "goal", "priority", "condition", "demand",
    "aim",
}


def _counts_a_thing(draft: ClaimDraft, noun: Token | None) -> bool:
    """ "Four houses burned down", "two bridges": a spelled-out number of other things is a claim (the
    guide), but not "one", nor one of the nouns that count in passing ("two sides")."""
    if noun is None or draft.mention.value < 2 or not draft.unit or noun.i < draft.span.end:
        return False
    head = draft.unit.split()[-1]
    return head not in PASSING_NOUNS and head not in default_rules().people and noun.tag_ in ("NNS", "NNPS")


SPEECH_VERBS = {"say", "tell", "add", "recall", "describe", "report", "write", "explain"}


def _counts_people(draft: ClaimDraft, noun: Token | None, rules: CategoryRules) -> bool:
    """ "Three women were taken to hospital": a spelled-out number of people is a claim (the guide), but
    not "one" without an event, nor the people who speak ("two residents said")."""
    if draft.mention.value < 2 or not draft.unit or draft.unit.split()[-1] not in rules.people | PEOPLE_UNITS:
        return False
    return noun is None or not (noun.dep_ == "nsubj" and noun.head.lemma_.lower() in SPEECH_VERBS)


def _others_continued(
    draft: ClaimDraft, noun: Token | None, last_counted: ClaimDraft | None
) -> ClaimDraft | None:
    if last_counted is None or draft.unit or not _counts_others(draft, noun):
        return None
    window = draft.span.doc[last_counted.sentence.start:draft.sentence.end]
    sentences = list(window.sents)  # type: ignore[attr-defined]  # in spaCy 3.8; not in its stub
    return last_counted if len(sentences) <= ELLIPSIS_REACH + 1 else None


def _partitive_referent(
    draft: ClaimDraft, noun: Token | None, last_counted: ClaimDraft | None
) -> ClaimDraft | None:
    if noun is not None or draft.mention.unit is not None or last_counted is None:
        return None
    doc = draft.span.doc
    after = doc[draft.span.end:draft.span.end + 2]
    if len(after) < 2 or after[0].lower_ != "of" or after[1].lower_ not in PARTITIVE_PRONOUNS:
        return None
    window = doc[last_counted.sentence.start:draft.sentence.end]
    sentences = list(window.sents)  # type: ignore[attr-defined]  # in spaCy 3.8; not in its stub
    return last_counted if len(sentences) <= PARTITIVE_REACH else None


def _counted_before(draft: ClaimDraft, noun: Token | None, counted: list[ClaimDraft]) -> ClaimDraft | None:
    """ "121 of the drones" after "Russia launched 145 drones": the earlier count of the same things."""
    doc = draft.span.doc
    if draft.span.start > 0 and doc[draft.span.start - 1].lower_ == "including" and counted:
        earlier = counted[-1]  # "428 targets, including 30 missiles": a part of the count just made
        return earlier if earlier.sentence.start == draft.sentence.start else None
    if noun is None or noun.i < draft.span.end:
        return None
    of = draft.span.doc[draft.span.end] if draft.span.end < len(draft.span.doc) else None
    definite = any(c.lower_ in ("the", "these", "those") for c in noun.children)
    if of is None or of.lower_ != "of" or not definite:
        return None
    for earlier in reversed(counted):
        window = draft.span.doc[earlier.sentence.start:draft.sentence.end]
        sentences = list(window.sents)  # type: ignore[attr-defined]  # in spaCy 3.8; not in its stub
        if len(sentences) > COUNTED_REACH:
            return None
        if earlier.unit == draft.unit or _kind_of(earlier.unit, draft.unit):
            return earlier  # "60 of the vehicles" after "246 trucks": the trucks
    return None


def _kind_of(unit: str, general: str) -> bool:
    """Whether ``unit`` is a kind of the ``general`` noun ("truck" of "vehicle")."""
    kinds = load_table("categories")["units"].get("hypernyms", {}).get(general, ())
    return bool(unit) and unit.split()[-1] in kinds


def _part_of_the(draft: ClaimDraft, previous: ClaimDraft | None) -> ClaimDraft | None:
    """ "A dozen of the dead were children" after "the death toll rose to 28": part of that count."""
    doc = draft.span.doc
    after = doc[draft.span.end:draft.span.end + 3]
    if previous is None or len(after) < 3 or after[2].pos_ != "ADJ":
        return None
    if [t.lower_ for t in after[:2]] != ["of", "the"]:
        return None
    if previous.category != draft.category:
        return None
    window = doc[previous.sentence.start:draft.sentence.end]
    sentences = list(window.sents)  # type: ignore[attr-defined]  # in spaCy 3.8; not in its stub
    return previous if len(sentences) <= PARTITIVE_REACH else None


def _subject_of_a_verb(draft: ClaimDraft) -> bool:
    """ "12 were rescued": a bare figure whose own verb (not "be") says what happened to it."""
    top = _figure_top(draft.figure)
    verb = top.head
    subject = top.dep_ in ("nsubj", "nsubjpass")
    return subject and verb.pos_ == "VERB" and verb.lemma_.lower() not in ("be", "have")


def _has_own_verb(draft: ClaimDraft, previous: ClaimDraft) -> bool:
    """ "27 people drowned and 12 were rescued": the second figure is the subject of a verb of its own."""
    top = _figure_top(draft.figure)
    verb = top.head
    shared = previous.noun.head if previous.noun is not None else None
    own_role = top.dep_ in ("nsubj", "nsubjpass") or (verb.pos_ == "VERB" and (
        top.dep_ == "dobj" or verb.i > top.i))  # "left 300,000 stranded": a participle of its own
    return own_role and verb.pos_ in ("VERB", "AUX") and (shared is None or verb.i != shared.i)


def _continues_amount(draft: ClaimDraft, noun: Token | None, previous: ClaimDraft | None) -> bool:
    scaled = any(t.lower_ in SCALE_WORDS for t in draft.span)
    return (noun is None and draft.mention.unit is None and scaled and previous is not None
            and previous.category == "money" and previous.sentence.start == draft.sentence.start)


def _continues_count(draft: ClaimDraft, noun: Token | None, previous: ClaimDraft | None,
                     rules: CategoryRules) -> bool:
    if noun is not None or draft.mention.unit is not None or previous is None or previous.noun is None:
        return False
    if previous.sentence.start != draft.sentence.start or previous.category in ("money", "percent"):
        return False
    between = draft.span.doc[previous.span.end:draft.span.start]
    joined = any(t.lower_ in ("and", "or", ",", "while", "of", "against") for t in between)
    return len(between) <= 10 and joined
