"""The category of one figure from its own words: a noun that names a category outright, people
whose category is what happened to them ("civilians killed", "fled their homes", "treated for
injuries"), a bare figure read from the noun it counts.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Token

from claimledger.nlp.drafts import ClaimDraft, clause_bounds, span_text
from claimledger.nlp.lexicon import load_table
from claimledger.nlp.semantics.context import _anchor, _figure_top, context_lemmas, own_event_lemmas
from claimledger.nlp.semantics.rules import (
    BARE_FIGURE_UNITS,
    CASUALTY_LINK,
    CHANGE_PREPOSITIONS,
    CHANGE_VERBS,
    COUNT_HOLDERS,
    COUNT_OWNERS,
    CURRENCY_UNITS_ARE_CODES,
    FLIGHT,
    HOMES,
    HURT_WORDS,
    KILLED_AND_WOUNDED,
    NOUN_POS,
    NUMBER_OF_CASUALTIES,
    PASSIVE_COUNT_VERBS,
    PEOPLE_PARTICIPLES,
    TREATMENT_REACH,
    CategoryRules,
)
from claimledger.nlp.semantics.units import _compound_head, _lemma, currency_in_context, unit_of


def categorize(draft: ClaimDraft, noun: Token | None, rules: CategoryRules) -> tuple[str, str]:
    """(category, unit) for a draft."""
    mention = draft.mention
    if mention.unit in ("percent", "percentage point", "basis point"):
        return "percent", mention.unit
    if mention.unit and len(mention.unit) == CURRENCY_UNITS_ARE_CODES and mention.unit.isupper():
        code = currency_in_context(draft, mention.unit, rules)
        if code == mention.per:
            code = mention.unit  # "the loonie ... 72.31 cents": USD per CAD, not CAD per CAD
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
    if unit in _time_nouns():
        return "other", unit  # a measured time (G-4): "a battery life of 18 hours" counts no lives
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
    if unit == "personnel" and _contexts()["civil_emergency"].search(span_text(draft.sentence)):
        return "other", unit  # "2,800 personnel were assigned to the blaze": firefighters, not troops
    mission = unit.split()[-1:] == ["officer"] \
        and _contexts()["security_mission"].search(span_text(draft.sentence))
    if mission and happened is None:
        return "troops", unit  # "the security mission, which has about 1,000 officers on the ground"
    people = people_noun(unit, rules)
    if happened is None and people and (own | lemmas) & events.get("burial", frozenset()):
        happened = "deaths"  # "we buried 14 children": people buried are dead (houses buried are not)
    if happened is None and people and _object_of(noun, {"hold"}):
        happened = "detained"  # "police are holding 45 suspects", "12 activists were held overnight"
    if happened is None and unit.split()[-1:] == ["officer"] and _beside_troops(noun, rules):
        return "troops", unit  # "120 police officers and soldiers had been deployed"
    if happened is None and people and noun is not None and _left_home(noun):
        happened = "displaced"  # "4,000 Haitians have left the country" (U-6: people)
    if happened is None and people and _sheltered_or_arriving(draft, noun, own | lemmas, events):
        happened = "displaced"  # "a school that now houses 1,100 people", "500 families were arriving"
    if direct in ("troops",) or people:
        deserted = lemmas & events["desertion"]
        if direct != "troops":
            deserted -= FLIGHT  # soldiers who fled deserted; people who fled are displaced
        if deserted:
            return "troops", unit
        if happened == "displaced" and direct == "troops":
            return "troops", unit  # "5,000 troops were moved to the border": CAT-8 yields to CAT-3..6 only
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
    if direct == "equipment" and not _military_story(draft, unit):
        return "other", unit  # "the airline operates 40 MAX 9 aircraft", "18 container ships": no war here
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


MILITARY_WINDOW = 600  # characters either side of a figure where a military story shows itself


def _military_story(draft: ClaimDraft, unit: str) -> bool:
    """Whether a dual-use noun ("aircraft", "ships", "vehicles") counts military hardware: always for other
    equipment nouns; for these only when a military word stands within `MILITARY_WINDOW` characters, or in a
    sentence about a fire or flood (left as it was)."""
    contexts = _contexts()
    if not contexts["dual_use"].match(unit):
        return True
    if contexts["civil_emergency"].search(span_text(draft.sentence)):
        return True  # aircraft assigned to a fire keep their reading here (the time scope rules lean on it)
    text = draft.doc_text
    start, end = max(0, draft.start - MILITARY_WINDOW), min(len(text), draft.end + MILITARY_WINDOW)
    return contexts["military_story"].search(text, start, end) is not None


@cache
def _time_nouns() -> frozenset[str]:
    return frozenset(load_table("nonclaims")["time_units"]["nouns"])


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


def _treated_for_an_injury(draft: ClaimDraft, noun: Token | None, events: dict[str, frozenset[str]]) -> bool:
    """ "were treated in hospital for burns", "needed hospital treatment for shrapnel wounds": treatment
    and an injury both said of the counted people, in the words after them."""
    anchor = _anchor(draft, noun)
    after = anchor.doc[anchor.i + 1:min(anchor.i + TREATMENT_REACH, draft.sentence.end)]
    lemmas = {t.lemma_.lower() for t in after} | {anchor.head.lemma_.lower()}  # "treated 90 patients for"
    treated = lemmas & events.get("treatment", frozenset())
    return bool(treated and lemmas & events.get("injury_kinds", frozenset()))


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
    if after[2].pos_ not in ("ADJ", "NOUN", "VERB"):  # "9 of the wounded were children"
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
    """ "the number of arrests", "the toll of dead": the noun after "of" says what is counted ("the total of
    1,200" counts nothing there: the figure is not its own noun)."""
    if noun.lemma_.lower() in ("number", "figure", "total", "count", "tally", "estimate"):
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None and not (pobj.like_num or pobj.pos_ == "NUM"):
            return _compound_head(pobj)
    return noun


def _held_count(child: Token, rules: CategoryRules) -> str:
    """What a count holder with no "of" counts, from its own words: the people it says happened to
    ("the number displaced" → person, "the number of dead" → death) or its compound ("casualty estimate",
    "tank losses", "passenger numbers")."""
    participle = next((c for c in child.children if c.dep_ in ("acl", "amod") and c.i > child.i
                       and c.lemma_.lower() in PEOPLE_PARTICIPLES), None)
    if participle is not None:
        return PEOPLE_PARTICIPLES[participle.lemma_.lower()]
    compounds = [c for c in child.lefts if c.dep_ == "compound" and c.pos_ == "NOUN" and not c.like_num
                 and _lemma(c) not in COUNT_OWNERS]
    if compounds:
        words = unit_of(compounds[-1]).split()
        while len(words) > 1 and words[0] in rules.kind_modifiers:
            words = words[1:]  # "enemy tank losses": tank
        return " ".join(words)
    return ""


HOLDER_REACH = 25  # tokens before a verb of change where its count holder may stand


BRING_VERBS = frozenset({"bring", "take", "push", "raise", "lift", "put", "drive"})


def _holder_before(verb: Token, draft: ClaimDraft, preposition: str | None) -> Token | None:
    """The count holder a verb of change with no subject of its own is said of, when the parse hangs it
    elsewhere ("says the number of cases linked to the outbreak has risen to 187", "after passenger numbers
    rose 11 per cent to 14.2 million"), or that a verb before brings "to" the figure ("bring the number of
    people dead or missing on the route to 1,143"): the nearest one before the verb in the sentence."""
    changed = verb.pos_ == "VERB" and verb.lemma_.lower() in CHANGE_VERBS
    if not changed and preposition not in ("to", "at"):
        return None
    start = max(draft.sentence.start, verb.i - HOLDER_REACH)
    for token in reversed(verb.doc[start:verb.i]):
        if token.pos_ == "NOUN" and _lemma(token) in ("number", "total", "count", "tally"):
            brought = token.dep_ == "dobj" and token.head.lemma_.lower() in BRING_VERBS
            return token if changed or brought else None
    return None


def _counts_itself(child: Token, draft: ClaimDraft, rules: CategoryRules) -> bool:
    """ "Retrenchments rose to 3,720, from 3,110": a plural subject of a change counts itself, unless it
    is a measure or an amount ("Prices rose to 120")."""
    subject = _joined_subject(child)
    if child.tag_ != "NNS" or subject.dep_ not in ("nsubj", "nsubjpass") or child.i > draft.figure.i:
        return False
    if _lemma(child) in rules.uncounted_subjects or _lemma(child) in COUNT_HOLDERS:
        return False
    top = _figure_top(draft.figure)
    verb = subject.head  # the figure is where this subject's own verb took it
    # the subject's own verb moves or holds the count, never one that gives it: "organisers put it at 9,000"
    moves = verb.lemma_.lower() in CHANGE_VERBS or verb.lemma_.lower() == "be" \
        or (subject.dep_ == "nsubjpass" and verb.lemma_.lower() in PASSIVE_COUNT_VERBS)
    attached = top.head.head
    if attached.dep_ == "prep" and attached.lower_ in CHANGE_PREPOSITIONS:
        attached = attached.head  # "rose from 8,930 to 18,604": "to" hangs on "from"
    changed = (top.dep_ == "pobj" and top.head.lower_ in CHANGE_PREPOSITIONS and attached.i == verb.i
               and moves) \
        or (top.dep_ == "dobj" and top.head.lemma_.lower() in CHANGE_VERBS and top.head.i == verb.i)
    after = draft.span.doc[draft.span.end:draft.span.end + 1]
    rate = bool(after) and after[0].lower_ in ("a", "an", "per", "each")  # "going at 10 an over"
    return changed and not rate


JOINED_REACH = 4  # conjuncts of a subject looked through


def _joined_subject(token: Token) -> Token:
    """The subject a conjunct belongs to: "offences" in "Fraud, deception and related offences rose"."""
    for _ in range(JOINED_REACH):
        if token.dep_ != "conj" or token.head.i >= token.i:
            break
        token = token.head
    return token


def _plural_conjunct(subject: Token) -> Token:
    """A singular subject that counts nothing joined to a plural that does: "Fraud, deception and related
    offences rose from 8,930" counts offences (U-7); a plural subject stays (Q-3: the first noun)."""
    if subject.tag_ != "NN":
        return subject
    plural = [c for c in subject.conjuncts[:JOINED_REACH] if c.tag_ == "NNS" and c.i > subject.i]
    return plural[0] if plural else subject


def _category_of_bare_figure(draft: ClaimDraft, rules: CategoryRules) -> tuple[str | None, str]:
    """'the death toll rose to 45': no noun after the figure; the subject of its verb says ("the
    total number of sanctioned vessels has risen to 79": vessels), or the object it is put at
    ("estimated the crowd at 25,000": people), or the measure it gives ("a magnitude of 6.1")."""
    token = _figure_top(draft.figure)  # "an audience of 1.9 million": "million" hangs on "of"
    preposition = None
    if token.head.lower_ == "of" and token.head.head.lemma_.lower() in rules.measure_nouns:
        return None, token.head.head.lemma_.lower()
    if token.head.lower_ == "of" and token.head.head.lemma_.lower() in rules.people_collectives:
        return None, "person"  # "a record crowd of 52,418", "an audience of 1.9 million", "a crew of 21"
    for _ in range(4):
        if token.dep_ == "pobj":
            preposition = token.head.lower_
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            break
    order = ("nsubj", "nsubjpass", "attr", "dobj")
    if preposition == "at":
        order = ("dobj", "nsubj", "nsubjpass", "attr")  # "put the crowd at 25,000"
    nouns = (_plural_conjunct(c) if c.dep_ in ("nsubj", "nsubjpass") else c
             for c in token.children if c.dep_ in order and c.pos_ in NOUN_POS)
    candidates = sorted(nouns, key=lambda c: order.index(_joined_subject(c).dep_))
    if preposition == "at" and candidates and candidates[0].dep_ == "dobj" \
            and candidates[0].lemma_.lower() in rules.measure_nouns:
        return None, candidates[0].lemma_.lower()  # "put the magnitude lower, at 5.9"
    holder = _holder_before(token, draft, preposition) \
        if not any(_joined_subject(c).dep_ in ("nsubj", "nsubjpass") for c in candidates) else None
    if holder is not None:
        candidates.insert(0, holder)  # "says the number of cholera cases ... has risen to 187": a parse
    fallback = ""
    for child in candidates:
        counted = _what_a_number_counts(child)
        if counted.i == child.i and _lemma(child) in COUNT_HOLDERS:
            held = _held_count(child, rules)  # "put the number displaced at 350,000", "tank losses at"
            if held:
                return _noun_category(held, rules), held
        elif counted.i != child.i and _lemma(counted) in COUNT_HOLDERS and _held_count(counted, rules):
            held = _held_count(counted, rules)  # "its tally of personnel losses": personnel
            return _noun_category(held, rules), held
        elif counted.pos_ != "NOUN" and counted.lemma_.lower() in PEOPLE_PARTICIPLES:
            held = PEOPLE_PARTICIPLES[counted.lemma_.lower()]  # "the number of dead": deaths (U-7)
            return _noun_category(held, rules), held
        phrase = unit_of(counted)
        category = _noun_category(phrase, rules)
        if category is not None and counted.i != child.i:
            return category, phrase  # "the number of detentions, 61": what the number counts
        if category is not None and _counts_itself(child, draft, rules):
            return category, phrase  # "knife homicides fell to 244": homicides, not the category's death
        if category is not None:
            return category, BARE_FIGURE_UNITS.get(category, phrase)
        if not fallback and _counts_itself(child, draft, rules):
            fallback = phrase  # "Retrenchments rose to 3,720"
        if not fallback and counted.i != child.i:
            fallback = phrase  # "the number of vessels": what the number counts
        elif not fallback and counted.lemma_.lower() in rules.people_collectives:
            fallback = "person"  # a crowd is counted in people
    return None, fallback
