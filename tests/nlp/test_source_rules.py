"""Table-driven cases for how a figure's source is named and typed.

Every row is a sentence written for the test, in the manner of wire copy; none is taken from the dev set.
Each table checks one rule of the annotation guide's `source` section; a row is
(text, quantity, source name, source type).
"""

from __future__ import annotations

import pytest

import claimledger

PUBLISHED = "2024-03-13"


def source_of(text: str, quantity: str) -> tuple[str, str]:
    claims = claimledger.extract(text, published=PUBLISHED)
    found = [c for c in claims if c.text == quantity]
    assert found, f"{quantity!r} not extracted from {text!r}; got {[c.text for c in claims]}"
    return found[0].source.name, found[0].source.type


def check(rows):
    return pytest.mark.parametrize("text,quantity,name,kind", rows, ids=[f"{r[2]}:{r[1]}" for r in rows])


# A body introduced as "Full Name (ACR)" is named in full; a later bare "ACR said" stays as written;
# "the agency said" after the full name takes the full name.
ACRONYM_DEFINED = [
    ("The National Flood Agency (NFA) said 40 people died.", "40", "National Flood Agency", "government"),
    ("According to the Regional Drought Monitoring Office (RDMO), 1,200 wells ran dry.", "1,200",
     "Regional Drought Monitoring Office", "government"),
    ("The International Organization for Migration (IOM) said 5,000 people had fled the town.", "5,000",
     "International Organization for Migration", "international_org"),
    ("The National Flood Agency (NFA) said 40 people died. The agency said 300 homes were destroyed.", "300",
     "National Flood Agency", "government"),
    ("The National Flood Agency (NFA) said 40 people died on Monday.\n\nLast year floods killed 90 people, "
     "according to NFA.", "90", "NFA", "government"),
    ("Hospitals supported by Doctors Without Borders (MSF) treated 310 wounded people, the ministry said, "
     "citing figures from Doctors Without Borders (MSF).", "310", "Doctors Without Borders", "ngo"),
]


@check(ACRONYM_DEFINED)
def test_acronym_defined(text, quantity, name, kind):
    assert source_of(text, quantity) == (name, kind)


# "X, he said, ...": a pronoun after a figure names the person named before, even when the sentence
# runs on after the reporting clause.
PRONOUN_AFTER_FIGURE = [
    ("Economy Minister Lena Varga told reporters the plan was on track. Exports will reach $12 billion, "
     "she said, about a fifth of output.", "$12 billion", "Lena Varga", "person"),
    ("Mayor Tomas Berg spoke at a briefing on Monday. Repairs will cost 40 million euros, he said, "
     "most of it from the state.", "40 million euros", "Tomas Berg", "person"),
    ("Port director Ali Hassan said traffic was recovering. Some 300 ships docked in May, he said, "
     "roughly double the April figure.", "Some 300", "Ali Hassan", "person"),
    ("Finance Minister Omar Farid told reporters the budget was balanced. Debt payments will swallow 800 "
     "billion pounds, he said, nearly half of all spending.", "800 billion pounds", "Omar Farid", "person"),
    ("Finance Minister Omar Farid told reporters the budget was balanced. Wages will consume 2.1 trillion "
     "pounds, he said, roughly half of all outlays.", "2.1 trillion pounds", "Omar Farid", "person"),
]


@check(PRONOUN_AFTER_FIGURE)
def test_pronoun_after_figure(text, quantity, name, kind):
    assert source_of(text, quantity) == (name, kind)


# "the independent outlet Ostrov": the name, typed by the descriptor; "citing its own count" is the
# speaker's own figure, not a source named before.
DESCRIPTOR_AND_NAME = [
    ("Prices rose 9%, according to the statistics office.\n\nAt least 30 regions raised payments, the "
     "independent outlet Ostrov reported, citing its own count.", "At least 30", "Ostrov", "media"),
    ("The ministry said 12 people were detained.\n\nSome 200 journalists have left the country, the rights "
     "group Vesna said, citing its own records.", "Some 200", "Vesna", "ngo"),
    ("About 1,500 workers were laid off, the regional broadcaster Kanal Sever reported.", "About 1,500",
     "Kanal Sever", "media"),
]


@check(DESCRIPTOR_AND_NAME)
def test_descriptor_and_name(text, quantity, name, kind):
    assert source_of(text, quantity) == (name, kind)


# A country speaking is its government.
COUNTRY_SPEAKS = [
    ("Neighbouring Moldova reported two deaths.", "two", "Moldova", "government"),
    ("Neighbouring Poland said it had taken in 3,000 people.", "3,000", "Poland", "government"),
    ("Nearby Latvia reported 12 cases of the disease.", "12", "Latvia", "government"),
]


@check(COUNTRY_SPEAKS)
def test_country_speaks(text, quantity, name, kind):
    assert source_of(text, quantity) == (name, kind)


# The owner of a poll is a pollster: company, unless its name or the alias table says otherwise.
POLLSTERS = [
    ("An opinion poll by Vilmorus published in January found that 68% of voters supported the plan.",
     "68%", "Vilmorus", "company"),
    ("A survey by Norstat found that 41% of Norwegians backed the deal.", "41%", "Norstat", "company"),
    ("A poll by Kantar Baltics published on Friday found 55% of respondents opposed the tax.", "55%",
     "Kantar Baltics", "company"),
    ("A survey by the Gaidar Institute found that 40% of firms lacked workers.", "40%", "Gaidar Institute",
     "ngo"),
]


@check(POLLSTERS)
def test_pollsters(text, quantity, name, kind):
    assert source_of(text, quantity) == (name, kind)


# A name with no alias is typed by its head noun and what the text says of it: a national centre,
# service or agency is the state's; a bare acronym takes the type given where it was named before.
HEAD_NOUN_TYPES = [
    ("The toll rose to 84, Turkey's disaster agency AFAD said.\n\nThe magnitude 6.4 quake struck near "
     "the town, according to AFAD.", "6.4", "AFAD", "government"),
    ("The quake had a magnitude of 6.1, according to Nepal's National Seismic Research Center.", "6.1",
     "Nepal's National Seismic Research Center", "government"),
    ("Rainfall reached 200 millimetres, according to the National Hydrology and Climate Centre.", "200",
     "National Hydrology and Climate Centre", "government"),
    ("Up to 300 millimetres of rain fell in 72 hours, the national weather service IMGW said.", "Up to 300",
     "IMGW", "government"),
    ("Unemployment reached 4,000 people in May, the state statistics service Belstat said.", "4,000",
     "Belstat", "government"),
    ("Aid workers in Kosti said between 2,000 and 3,000 people were arriving each day.",
     "between 2,000 and 3,000", "Aid workers", "ngo"),
    ("Aid workers at the border said 600 families crossed on Monday.", "600", "Aid workers", "ngo"),
]


@check(HEAD_NOUN_TYPES)
def test_head_noun_types(text, quantity, name, kind):
    assert source_of(text, quantity) == (name, kind)


# "the group said" refers back to the group named before, with the type its description gives.
GROUP_REFERS_BACK = [
    ("The toll rose to 28, according to the Coordination Committee for Displaced Persons, a local "
     "aid group. A dozen of the dead were children, the group said.", "A dozen",
     "Coordination Committee for Displaced Persons", "ngo"),
    ("Nine people were held, according to the Union of Free Workers, a local rights group. Four of them "
     "were women, the group said.", "Four", "Union of Free Workers", "ngo"),
]


@check(GROUP_REFERS_BACK)
def test_group_refers_back(text, quantity, name, kind):
    assert source_of(text, quantity) == (name, kind)


# "the mission has verified 13,134 deaths, OHCHR said": the speaker of the sentence is the source;
# the subject of the reported clause is not.
OUTER_SPEAKER = [
    ("Since the invasion began, the mission has verified 13,134 civilian deaths, OHCHR said in the report.",
     "13,134", "OHCHR", "international_org"),
    ("The monitors have documented 420 ceasefire violations this week, the OSCE said on Friday.", "420",
     "OSCE", "international_org"),
    ("Its teams have counted 900 damaged schools, UNICEF said.", "900", "UNICEF", "international_org"),
]


@check(OUTER_SPEAKER)
def test_outer_speaker(text, quantity, name, kind):
    assert source_of(text, quantity) == (name, kind)
