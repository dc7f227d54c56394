"""Stated conversions: "400,000 rubles (the equivalent of $3,800)" links "$3,800" to the rubles.

A conversion is the outlet's own arithmetic: AUTHOR, with the bound, time scope and hedging of the
amount it converts (claim-schema.md, attribution rules).
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from claimledger.models import AUTHOR
from claimledger.nlp.drafts import ClaimDraft, doc_text
from claimledger.nlp.lexicon import load_table

# What may stand between an amount and its conversion. The bound of the conversion ("about") is
# already part of the second amount's text.
BETWEEN = re.compile(
    r"^\s*(?:(?:a|per|each|every)\s+(?:day|week|month|year)\s*)?"  # "4,600 zlotys a month, about $1,170"
    r"(?:(?:[a-z'’-]+\s+){1,3}(?=\())?"  # "400,000 rubles in compensation (about $4,300)"
    r"(?:[,(\[—–-]\s*)?(?:or\s+|i\.e\.\s+|which is\s+|that is\s+)?"
    r"(?:the\s+)?(?:equivalent\s+(?:of|to)\s+|equal\s+to\s+|worth\s+|converted\s+to\s+)?"
    r"(?:approximately\s+|roughly\s+|about\s+|around\s+|some\s+|nearly\s+|almost\s+|just\s+over\s+|over\s+)?$",
    re.IGNORECASE,
)


# The same sum per another period: "R778 a month, or R9,336 a year", "a rise of $173 or about $14.40 a month"
PER_PERIOD_OR = re.compile(
    r"^\s*(?:(?:a|per|each|every)\s+(?:day|week|fortnight|month|year)\s*)?,?\s*or\s+"
    r"(?:approximately\s+|roughly\s+|about\s+|around\s+|some\s+)?$",
    re.IGNORECASE,
)


# "That is about $98 billion at current exchange rates": a conversion in a sentence of its own.
RESTATED = re.compile(r"^\s*(?:that|this|it)(?:'s| is| was| comes to| amounts to| equals)\s+(?:\w+\s+){0,2}$",
                      re.IGNORECASE)


# Between a measured amount and its restatement: the first amount's own words (no figure, no comma), then
# a bracket ("14 km (9 miles)"), ", or" ("8.8 million tonnes of crude a year, or about 176,000 barrels per
# day") or "equivalent to".
MEASURE_BETWEEN = re.compile(
    r"^[^\d,;()]{0,60}?\s*"
    r"(?:\(|,\s*(?:or|i\.e\.|that is)\s+|,?\s*(?:the\s+)?(?:equivalent|equal)\s+(?:of|to)\s+)"
    r"(?:approximately\s+|roughly\s+|about\s+|around\s+|some\s+|nearly\s+|almost\s+|over\s+)?$",
    re.IGNORECASE,
)
# A share restated as an amount needs the explicit word: "up to 17% of capacity, equivalent to about
# 900,000 barrels per day" (not "killed 12 people, or 40% of the village").
SHARE_BETWEEN = re.compile(r"\b(?:equivalent|equal)\s+(?:of|to)\s+\S*\s*$", re.IGNORECASE)


@cache
def measure_units() -> frozenset[str]:
    return frozenset(load_table("quantities")["measures"]["units"])


def _measure(draft: ClaimDraft) -> bool:
    measure = draft.unit.split(" per ")[0]  # "barrel per day": a barrel
    return bool(measure) and measure.split()[-1] in measure_units()


def is_measure_conversion(first: ClaimDraft, second: ClaimDraft, text: str) -> bool:
    """ "14 km (9 miles)", "17% of capacity, equivalent to about 900,000 barrels per day"."""
    if first.sentence.start != second.sentence.start or not _measure(second) or first.unit == second.unit:
        return False
    between = text[first.end:second.start]
    if _measure(first):
        return bool(MEASURE_BETWEEN.match(between))
    share = MEASURE_BETWEEN.match(between) and SHARE_BETWEEN.search(between)
    return first.category == "percent" and bool(share)


def is_share_of_amount(first: ClaimDraft, second: ClaimDraft, text: str) -> bool:
    """ "900 billion forints this year, equivalent to about 1.1% of GDP": an amount restated as a share."""
    if first.sentence.start != second.sentence.start or second.category != "percent":
        return False
    between = text[first.end:second.start]
    return bool(MEASURE_BETWEEN.match(between) and SHARE_BETWEEN.search(between))


# O-4 (CONV-1): after "equivalent to" or "the equivalent of", any unit restates the amount: a share of GDP,
# months of imports ("$9 billion, the equivalent of 5.1 months of imports"); set off by a comma ("a 25kg sack
# costs the equivalent of $94" restates no figure)
EQUIVALENT_BETWEEN = re.compile(
    r"^[^\d,;()]{0,40}?,\s*(?:or\s+)?(?:the\s+)?equivalent\s+(?:of|to)\s+"
    r"(?:approximately\s+|roughly\s+|about\s+|around\s+|some\s+|nearly\s+|almost\s+|over\s+)?$",
    re.IGNORECASE,
)


def is_equivalent(first: ClaimDraft, second: ClaimDraft, text: str) -> bool:
    return first.sentence.start == second.sentence.start and first.unit != second.unit \
        and bool(EQUIVALENT_BETWEEN.match(text[first.end:second.start]))


def is_conversion(first: ClaimDraft, second: ClaimDraft, text: str) -> bool:
    if is_equivalent(first, second, text):
        return True
    if first.category == "money" and second.category == "percent":
        return is_share_of_amount(first, second, text)
    if first.category != "money" and second.category != "money":
        return is_measure_conversion(first, second, text)
    if first.category != "money" or second.category != "money":
        return False
    if _currency(first) == _currency(second):  # "$1.1 billion a year, or roughly $3m a day": the sum per
        # another period, restated in the same sentence after "or"
        return first.sentence.start == second.sentence.start and first.unit != second.unit \
            and _per_time(second) and (_per_time(first) or " per " not in first.unit) \
            and bool(PER_PERIOD_OR.match(text[first.end:second.start]))  # not "or $1.41 a share"
    if first.sentence.start != second.sentence.start:
        next_sentence = first.sentence.end == second.sentence.start
        return next_sentence and bool(RESTATED.match(text[second.sentence.start_char:second.start]))
    return bool(BETWEEN.match(text[first.end:second.start]))


# An amount in apposition to a sum named before ("Residents complain the basic payment, about $160, barely
# covers ..."): the sum restated in another currency.
APPOSITIVE_BEFORE = re.compile(
    r"\b(?:the|this|that|its|their|each|a) (?:[\w-]+ ){0,2}(?:payment|bonus|salary|wage|pension|allowance|"
    r"benefit|stipend|grant|sum|amount|fee|fine|award|compensation|payout|price|cost)s?,\s*$",
    re.IGNORECASE,
)
APPOSITIVE_AFTER = re.compile(r"^\s*[,)—–]")


def _currency(draft: ClaimDraft) -> str:
    """The currency of a money unit without its rate: "RUB per day" and "RUB" are one currency, so "100 rubles
    a day" does not restate "400,000 rubles"."""
    return draft.unit.split(" per ")[0]


def _per_time(draft: ClaimDraft) -> bool:
    return draft.unit.split(" per ")[-1] in ("day", "week", "fortnight", "month", "year")


def restated_sum(second: ClaimDraft, drafts: list[ClaimDraft], text: str) -> ClaimDraft | None:
    """The sum an appositive amount restates: the first amount in another currency of its own sentence
    before it, else of the sentence before (the sum the text introduced first)."""
    if second.category != "money":
        return None
    if not APPOSITIVE_BEFORE.search(text[second.sentence.start_char:second.start]):
        return None
    if not APPOSITIVE_AFTER.match(text[second.end:second.end + 2]):
        return None
    money = [d for d in drafts
             if d.category == "money" and _currency(d) != _currency(second) and d.start < second.start]
    own = [d for d in money if d.sentence.start == second.sentence.start]
    before = [d for d in money if d.sentence.end == second.sentence.start]
    found = own or before
    return found[0] if found else None


def restated_before(second: ClaimDraft, drafts: list[ClaimDraft], text: str) -> ClaimDraft | None:
    """ "... 1,000 zlotys per hectare, up to a limit of 50 hectares. That is about €230 per hectare.": the
    last amount in another currency of the sentence before, with other figures after it."""
    if second.category != "money" or not RESTATED.match(text[second.sentence.start_char:second.start]):
        return None
    before = [d for d in drafts if d.sentence.end == second.sentence.start and d.start < second.start]
    money = [d for d in before if d.category == "money" and _currency(d) != _currency(second)]
    return money[-1] if money and before[-1] is not money[-1] else None


def link_conversions(doc: Doc) -> None:
    drafts = [d for d in doc._.claim_drafts or [] if d.dropped is None]
    text = doc_text(doc)
    pairs = [(first, second) for first, second in zip(drafts, drafts[1:], strict=False)
             if is_conversion(first, second, text)]
    pairs += [(first, second) for second in drafts if (first := restated_sum(second, drafts, text))]
    pairs += [(first, second) for second in drafts if (first := restated_before(second, drafts, text))]
    for first, second in pairs:
        if second.converts is None and first.converts is None:
            second.converts = first
            second.source_name, second.source_cue, second.source_via = AUTHOR, None, None
            second.source_token, second.source_canonical, second.source_type = None, None, "author"
            if second.mention.bound != "range":
                second.mention.bound = first.mention.bound
            second.time_scope, second.scope_cue = first.time_scope, first.scope_cue
            second.scope_groups = first.scope_groups
            second.hedged, second.hedge_cue = first.hedged, first.hedge_cue
            second.verification, second.verification_cue = first.verification, first.verification_cue
