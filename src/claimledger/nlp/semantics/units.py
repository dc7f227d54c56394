"""The figure itself and what it is a number of: the figure's token in a mention, its counted noun
("1,020 casualties", "the number of refugees"), the unit as the schema writes it (singular lemma,
abbreviations written out) and the currency a bare "dollars" means in its article.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span, Token

from claimledger.nlp.drafts import ClaimDraft, previous_sentence_start
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
RATIO_VERBS = frozenset({"be", "cram", "pack", "squeeze", "share", "sleep", "sit", "crowd"})
BASE_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")
SCALE_BASES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "second", "annum", "night"})


def rate_of_counted(draft: ClaimDraft, noun: Token | None, unit: str) -> str:
    """A counted noun with a rate after it is a unit per unit (G-8): "61 people per boat" → "person per
    boat", "6.1 murders per 100,000 people" → "murder per 100,000 person" (G-6: the base stays in the unit),
    "2 deaths per million people a year" → "... per year"; "for every 100 unemployed people" → "per 100
    person" (Q-2: the base's adjective dropped, U-5), also with the base written first ("For every 100 ...,
    there were 162 vacancies"). Read on the few tokens after the noun. A time rate on a counted noun alone
    ("15,000 units a year", Q-1) is added by ``time_rate_of_count`` once the unit is settled."""
    if noun is None or not unit or " per " in unit:
        return unit
    if noun.i + 2 >= draft.sentence.end:
        return _base_written_before(draft, unit)
    doc, end = noun.doc, draft.sentence.end
    at = noun.i + 1
    two = f"{doc[at].lower_} {doc[at + 1].lower_}"
    if two in RATIO_TO and _a_ratio(draft, noun):
        return f"{unit} per {_per_word(doc[at + 2])}" if at + 2 < end and doc[at + 2].pos_ in NOUN_POS \
            else unit  # "52 students to one teacher" (G-8)
    if doc[at].lower_ != "per" and two not in BASE_PREPOSITIONS:
        return _base_written_before(draft, unit)
    at += 1 if doc[at].lower_ == "per" else 2
    base = ""
    if at < end and doc[at].like_num and (BASE_FIGURE.fullmatch(doc[at].text)
                                          or doc[at].lower_ in SCALE_BASES):
        # "per 100,000 people", "per 1,00,000 population", "per million people": the base of the rate
        written = doc[at].text
        value = SCALE_BASES[doc[at].lower_] if doc[at].lower_ in SCALE_BASES else parse_digits(written)
        base, at = (f"{value:,.0f} " if value == int(value) else written + " "), at + 1
    kind = ""
    if at + 1 < end and doc[at].lower_ in MEASURE_MODIFIERS and doc[at + 1].pos_ in NOUN_POS:
        head = doc[at + 1]  # "895 people per square kilometre", "per square km": an area, not a length
        scanner = default_scanner()
        per = scanner.per_words.get(head.lower_) or scanner.unit_symbols.get(head.text) or _lemma(head)
        return f"{unit} per {base}{doc[at].lower_} {per}"
    if at + 1 < end and doc[at].pos_ == "ADJ" and doc[at + 1].pos_ in NOUN_POS:
        if doc[at].lower_ in default_rules().classifying_adjectives:
            kind = doc[at].lower_ + " "  # "per 100,000 live births": a different kind of thing
        at += 1  # "for every unemployed person": U-5 drops the adjective, "vacancy per person"
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
    per = _per_word(head)
    timed = _time_rate(doc.text, head.idx + len(head.text)) if base else None
    return f"{unit} per {base}{kind}{per}" + (f" per {timed[0]}" if timed else "")


# "every two weeks" → per 2 week, "every 24 hours" → per day, "for each seven-day period" → per week
EVERY_TIME = re.compile(r"\s+(?:for\s+)?(?:every|each)\s+(?:(?P<n>\d{1,3}|two|three|four|five|six|seven|"
                        r"eight|nine|ten|twelve|fourteen|thirty|twenty-four)[\s-])?(?P<time>year|month|week|day|hour|"
                        r"minute|night)s?\b(?:\s+period\b)?", re.IGNORECASE)
SMALL_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "twelve": 12, "fourteen": 14, "thirty": 30, "twenty-four": 24}
NAMED_PERIODS = {(24, "hour"): "day", (7, "day"): "week", (14, "day"): "fortnight", (12, "month"): "year",
                 (60, "minute"): "hour", (60, "second"): "minute"}
# the later end of a change, up to its rate: "from 25,000 [to 30,000 soldiers] a month"
CHANGED_TO = re.compile(r"\s+to\s+(?:[a-z]+\s+){0,2}?\d[\d,.]*(?:\s+(?:thousand|million|billion))?"
                        r"(?:\s+[a-z-]+){0,2}?(?=\s+(?:a|an|per|each)\s)", re.IGNORECASE)
# words of a verb between the noun and "every": "seven civilians died every day", "were reported arriving
# each day"
VERBS_BEFORE_EVERY = 3


# O-5: "daily" as an adjective of the counted noun makes a rate ("daily losses averaged 950" → per day)
RATE_ADJECTIVES = {"daily": "day"}


def _subject_of_figure(draft: ClaimDraft) -> Token | None:
    """The subject of the verb whose object is the bare figure: "losses" of "daily losses averaged 950"."""
    figure = draft.figure
    if figure.dep_ not in ("dobj", "attr") or figure.head.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in figure.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _rate_adjective(noun: Token | None) -> str | None:
    if noun is None:
        return None
    return next((RATE_ADJECTIVES[c.lower_] for c in noun.children
                 if c.dep_ == "amod" and c.lower_ in RATE_ADJECTIVES), None)


def time_rate_of_count(draft: ClaimDraft, noun: Token | None) -> str | None:
    """Q-1: a count followed by "a", "per", "each", "every" and a unit of time is a rate: "1,800 cars a year"
    → "per year", "30,000 soldiers a month", "seven civilians died every day"; "every two weeks" → "per 2
    week". Read right after the counted noun written after the figure, else right after the figure ("2,500 to
    3,000 a month"). Windows ("in a month"), "a year earlier" and "a year ago" are not rates (the scanner's
    rate words leave them out)."""
    rated = _rate_adjective(noun if noun is not None else _subject_of_figure(draft))
    if rated is not None:
        return rated
    if noun is not None and noun.i < draft.span.end:
        return None  # the noun is before the figure: "the death toll ... a day" is not a count per day
    at = noun.idx + len(noun.text) if noun is not None else draft.mention.end
    timed = _time_rate(draft.doc_text, at)
    changed_to = CHANGED_TO.match(draft.doc_text, draft.mention.end) if draft.mention.role == "from" else None
    if timed is None and changed_to is not None:  # "from 25,000 to 30,000 a month": the earlier end too
        timed = _time_rate(draft.doc_text, changed_to.end())
    if timed is not None and timed[0] in TIME_UNITS | {"fortnight", "season", "quarter"}:
        return "year" if timed[0] == "annum" else timed[0]
    doc, end = draft.span.doc, draft.sentence.end
    first = noun.i + 1 if noun is not None else draft.span.end
    for skip in range(VERBS_BEFORE_EVERY + 1):
        if skip and (first + skip - 1 >= end or doc[first + skip - 1].pos_ not in ("VERB", "AUX")):
            break
        start = doc[first + skip - 1].idx + len(doc[first + skip - 1].text) if skip else at
        every = EVERY_TIME.match(draft.doc_text, start)
        if every is not None:
            written = every.group("n")
            n = (int(written) if written.isdigit() else SMALL_NUMBERS[written.lower()]) if written else 1
            time = every.group("time").lower()
            if "period" in every.group(0) and n == 7:
                return "week"
            named = NAMED_PERIODS.get((n, time))
            return named or (time if n == 1 else f"{n} {time}")
    return None


# Q-2 with the base first: "For every 100 unemployed people, there were 162 vacancies" → per 100 person
BASE_BEFORE = re.compile(r"\bfor\s+(?:every|each)\s+(?P<base>\d[\d,]*)\s+(?:[a-z-]+\s+)?(?P<noun>[a-z]+),"
                         r"[^,;:.!?\d]{0,60}$", re.IGNORECASE)


def _base_written_before(draft: ClaimDraft, unit: str) -> str:
    before = draft.doc_text[draft.sentence.start_char:draft.mention.start]
    found = BASE_BEFORE.search(before)
    if found is None:
        return unit
    noun = next((t for t in draft.sentence if t.idx == draft.sentence.start_char + found.start("noun")), None)
    if noun is None or noun.pos_ not in NOUN_POS:
        return unit
    per = _per_word(noun)
    return f"{unit} per {parse_digits(found.group('base')):,.0f} {per}"


RATIO_TO = frozenset({"to one", "to a", "to an", "to every", "to each"})


def _a_ratio(draft: ClaimDraft, noun: Token) -> bool:
    """ "Our ratio is now 52 students to one teacher", "three passengers to a seat": a ratio, not a
    destination ("sent 30 troops to a base"): the sentence says "ratio", or the noun's head is "be" or a verb
    of crowding."""
    if "ratio" in draft.sentence.text.lower():
        return True
    return noun.head.lemma_.lower() in RATIO_VERBS


def _per_word(token: Token) -> str:
    """The noun a rate is per, as the scanner's rate words spell it ("km" → kilometre), else its lemma."""
    return default_scanner().per_words.get(token.lower_) or _lemma(token)


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


# an amount per recipient (G-8 for money): "100,000 lira each", "15,000 rubles to each evacuee", "50,000
# rupees ($600) to the family of each person who died", "Rs25,000 per affected family", "HK$263 each"
EACH_AFTER = re.compile(r"(?:\s*\([^()]{1,40}\)|\))?(?:,\s+(?:about|around|roughly|some|or)\s+[^()]{1,25}?,)?"
                        r"(?:\s+(?P<each>each)\b(?!\s+(?:of|other|year|month|week|day))"
                        r"|(?:\s+in\s+(?:[a-z-]+\s+){0,2}?(?:aid|support|relief|compensation|assistance))?"
                        r",?\s+(?P<prep>to|for|per)\s+(?P<family>the\s+famil(?:y|ies)\s+of\s+)?(?P<every>each|every)?\s*"
                        r"(?P<rest>(?:[a-z-]+\s+){0,2}[a-z]+))", re.IGNORECASE)
EACH_WORDS = 3  # words after "to each" where the recipient's noun may be: "to each affected household"
PAYING_VERBS = frozenset({"pay", "give", "award", "grant", "offer", "promise", "hand", "transfer", "send",
                          "allocate", "provide", "donate"})
MONEY_STEPS = 4  # heads up from the amount to the verb whose subject or object is paid for


def rate_per_recipient(draft: ClaimDraft) -> str | None:
    """The recipient of an amount paid to or for each one: "families ... will receive 100,000 lira each" →
    "family"; "15,000 rubles to each evacuee" → "evacuee"; "to the family of each person who died" →
    "family"; "The drones used cost about $2,000 each" → "drone"; "sold shares at HK$263 each" → "share"."""
    found = EACH_AFTER.match(draft.doc_text, draft.mention.end)
    if found is None:
        return None
    if found.group("family"):
        return "family" if found.group("every") else None
    doc = draft.span.doc
    if found.group("each") is None:
        if not found.group("every") and found.group("prep").lower() != "per":
            return None  # "for those whose homes were destroyed", "to the fund": no recipient of each
        start = draft.doc_text.index(found.group("rest"), found.start("rest"))
        for token in doc[draft.span.end:min(draft.span.end + 12, draft.sentence.end)]:
            if token.idx < start:
                continue
            if token.pos_ == "NOUN":
                return _per_word(token)
            if token.pos_ not in ("ADJ", "VERB") or token.idx > start + 40:
                return None
        return None
    token = draft.figure
    for _ in range(MONEY_STEPS):
        if token.head is token:
            break
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            # "the scheme paid 10,000 rupees each": the payer is not the recipient
            payer = token.lemma_.lower() in PAYING_VERBS
            for dep in (("dobj", "dative"),) if payer else (("dobj", "dative"), ("nsubj", "nsubjpass")):
                named = next((c for c in token.children if c.dep_ in dep and c.pos_ == "NOUN"
                              and not c.ent_type_ and c.i < draft.span.start
                              and c.lemma_.lower() not in default_scanner().currency_names), None)
                if named is not None:
                    return _per_word(named)
            break
    return None


BASE_AFTER = re.compile(r"\s+per\s+(?P<base>\d[\d,]*|thousand|million)\s+")
BASE_NOUN_REACH = 20  # characters from the base's figure to its noun: "per 100,000 adult residents"
RATE_NOUNS = frozenset({"rate", "ratio", "incidence"})
SUBJECT_STEPS = 6  # heads up from the figure to the verb whose subject counts what the rate counts


def rate_of_a_base(draft: ClaimDraft, noun: Token | None, seen: list[ClaimDraft]) -> str | None:
    """ "influenza cases have climbed to about 86 per 100,000 residents" → "case per 100,000 resident";
    "Assaults rose 6 per cent to 24,150. Expressed as a rate, that is roughly 462 per 100,000 population" →
    "assault per 100,000 population" (G-6, U-7): a figure whose only noun is the base of its rate counts the
    subject of its verb, else what the figure before it, in its sentence or the one before, counts."""
    if noun is None or noun.i < 2 or doc_word(noun, -2) != "per" or not noun.doc[noun.i - 1].like_num:
        return None
    found = BASE_AFTER.match(draft.doc_text, draft.mention.num_end)
    if found is None or not found.end() <= noun.idx <= found.end() + BASE_NOUN_REACH:
        return None
    written = found.group("base")
    value = SCALE_BASES.get(written.lower()) or parse_digits(written)
    base = f"per {value:,.0f} {_per_word(noun)}"
    timed = _time_rate(draft.doc_text, noun.idx + len(noun.text))  # "4 per million people a year"
    base += f" per {timed[0]}" if timed else ""
    token, level = draft.figure, False
    for _ in range(SUBJECT_STEPS):
        if token.head is token:
            break
        token = token.head
        level = level or (token.dep_ == "prep" and token.lower_ in ("to", "at"))
        if token.pos_ in ("VERB", "AUX") and level:  # "cases have climbed to", "the rate stood at"
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")
                            and c.pos_ == "NOUN" and not c.ent_type_ and c.i != noun.i), None)
            if subject is not None and subject.lemma_.lower() in RATE_NOUNS:
                named = [c for c in subject.lefts if c.dep_ == "compound" and c.pos_ in NOUN_POS]
                if named:  # "the murder rate rose to 6.0 per 100,000 people": murders are counted
                    return f"{_lemma(named[-1])} {base}"
            elif subject is not None:
                return f"{unit_of(subject)} {base}"
            break
    earliest = previous_sentence_start(draft)
    for before in reversed(seen):
        if before is draft:
            continue
        if before.sentence.start < earliest:
            break
        if before.unit and " per " not in before.unit and before.category not in ("money", "percent") \
                and before.mention.unit is None and not base.startswith(f"per {value:,.0f} {before.unit}"):
            return f"{before.unit} {base}"
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
