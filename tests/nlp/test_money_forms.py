"""Money and number forms of general news (issue 11): currencies written as letters glued to the figure and
gated by the story's country (U-1), US cents, price fractions, European scale words (G-9), ranges with bounds,
changes whose verb stands far before them. Sentences are our own."""

from __future__ import annotations

import pytest

from claimledger.nlp.quantities import find_quantities

# text, the mention's text, value, high, bound, unit
READ = [
    # a letter is its country's currency only in a story set there (the first place the text names)
    ("LAGOS - Drivers now pay N1,250 a litre, up from N640.", "N1,250", 1250, None, "exact", "NGN per litre"),
    ("Kano traders said a sack of maize sold for N48,500 on Friday.", "N48,500", 48500, None, "exact", "NGN"),
    ("Nigeria's budget adds N3.4bn for clinics.", "N3.4bn", 3.4e9, None, "exact", "NGN"),
    ("CEBU - The province set aside P2.5 billion for schools.", "P2.5 billion", 2.5e9, None, "exact", "PHP"),
    ("LUSAKA - The miner's shares ended at K21.40.", "K21.40", 21.4, None, "exact", "ZMW"),
    ("Lilongwe council fees rose to K9,000.", "K9,000", 9000, None, "exact", "MWK"),
    ("In Port Moresby a bag of rice costs K85.", "K85", 85, None, "exact", "PGK"),
    ("DURBAN - Tolls rise to R74.50 per trip.", "R74.50", 74.5, None, "exact", "ZAR per trip"),
    ("The rand firmed to R17.95 late on Tuesday.", "R17.95", 17.95, None, "exact", "ZAR per USD"),  # G-3
    # signs and codes that name one currency anywhere
    ("Accra bakers raised a loaf to GH¢ 14.50 this week.", "GH¢ 14.50", 14.5, None, "exact", "GHS"),
    ("The market sells tomatoes at GH¢8 a kilo.", "GH¢8", 8, None, "exact", "GHS per kilogram"),
    ("A bus ticket in Jakarta costs Rp 3,500 and a meal Rp45.000.", "Rp45.000", 45000, None, "exact", "IDR"),
    ("The fine was raised to Rp 2.500.000 this year.", "Rp 2.500.000", 2.5e6, None, "exact", "IDR"),
    ("A platform ticket now costs Rs.60, up from Rs.10.", "Rs.60", 60, None, "exact", "INR"),
    ("Farmers will get Rs 2.5 lakh each.", "Rs 2.5 lakh", 250000, None, "exact", "INR"),
    ("The Aussie climbed to US64.20¢ in late trade.", "US64.20¢", 0.642, None, "exact", "USD per AUD"),
    ("The kiwi was last at US57.8c.", "US57.8c", 0.578, None, "exact", "USD"),
    # US commodity prices in eighths of a cent; a fraction of a whole unit
    ("Soybeans settled at $11.82-3/4 a bushel.", "$11.82-3/4", 11.8275, None, "exact", "USD per bushel"),
    ("Oats slipped 6-1/4 cents in thin trade.", "6-1/4 cents", 0.0625, None, "exact", "USD"),
    ("Corn gained 12-1/2 cents on the week.", "12-1/2 cents", 0.125, None, "exact", "USD"),
    # German and French amounts (G-9)
    ("Der Verlust betrug 4,2 Millionen Euro im Quartal.", "4,2 Millionen Euro", 4.2e6, None, "exact", "EUR"),
    ("Die Bank stellte 1,5 Mrd. Euro bereit.", "1,5 Mrd. Euro", 1.5e9, None, "exact", "EUR"),
    ("Der Zuschuss liegt bei 7 Mio. Euro.", "7 Mio. Euro", 7e6, None, "exact", "EUR"),
    ("La région a reçu 2,6 millions d'euros.", "2,6 millions d'euros", 2.6e6, None, "exact", "EUR"),
    ("Le plan coûte 3 Md€ sur cinq ans.", "3 Md€", 3e9, None, "exact", "EUR"),
    ("Die Inflation lag bei 3,1 Prozent.", "3,1 Prozent", 3.1, None, "exact", "percent"),
    # ranges: a change verb before a range of percent; bounds on both ends
    ("Analysts expect rents to drop a further 4 to 6 per cent.", "4 to 6 per cent", 4, 6, "range", "percent"),
    ("Fines range from under €50 to more than €900.", "under €50 to more than €900", 50, 900, "range", "EUR"),
    # shares
    ("Roughly three out of every four voters backed the plan.", "Roughly three out of every four", 75, None,
     "about", "percent"),
    ("One in ten dollars of its revenue comes from ads.", "One in ten", 10, None, "exact", "percent"),
    ("The pound slipped half of a penny and the euro a quarter of a cent.", "a quarter", 0.0025, None,
     "exact", "USD"),
]


@pytest.mark.parametrize("text,written,value,high,bound,unit", READ, ids=[c[1] for c in READ])
def test_reads_money_form(text, written, value, high, bound, unit):
    found = {m.text: m for m in find_quantities(text)}
    assert written in found, (written, list(found))
    mention = found[written]
    assert mention.value == pytest.approx(value)
    assert mention.high == (pytest.approx(high) if high is not None else None)
    assert (mention.bound, mention.full_unit) == (bound, unit)


# a letter glued to a figure in a story set elsewhere, or a model's name, is no money and no figure
NOT_MONEY = [
    "LONDON - Hospitals ordered 40,000 N95 masks last week.",
    "The council in Leeds rebuilt the N2 slip road.",
    "BERLIN - Engineers tested the P7 prototype.",
    "In Manchester, the club signed a K9 handler.",
    "NEW YORK - The R5 line was suspended.",
    "JOHANNESBURG - Officers recovered two R5 rifles and R1.2m in cash.",
]


@pytest.mark.parametrize("text", NOT_MONEY)
def test_letter_is_not_money_elsewhere(text):
    mentions = find_quantities(text)
    letters = [m for m in mentions if m.text[:1] in "NPKR" and m.text[1:2].isdigit()]
    assert all(m.text == "R1.2m" and m.unit == "ZAR" for m in letters), [(m.text, m.unit) for m in letters]
    assert not any(m.text in ("95", "2", "7", "9", "5") for m in mentions)


def test_change_with_a_far_verb_gives_both_ends():
    text = ("The state lifted the monthly allowance paid to retired teachers in rural districts from "
            "Rs 8,000 to Rs 9,500.")
    mentions = [(m.text, m.value, m.high, m.role) for m in find_quantities(text)]
    assert ("Rs 8,000", 8000, None, "from") in mentions
    assert ("Rs 9,500", 9500, None, "to") in mentions


def test_a_named_range_after_a_far_verb_stays_a_range():
    text = "The board cut the fee for members, whose dues range from $40 to $60."
    mentions = [(m.text, m.value, m.high) for m in find_quantities(text)]
    assert ("$40 to $60", 40, 60) in mentions


def test_change_by_a_percent_to_a_level_is_not_a_range():
    mentions = [(m.text, m.high) for m in find_quantities("The index fell 2% to 7,450 and rose 3 to 2,400.")]
    assert ("2%", None) in mentions and ("7,450", None) in mentions
    assert all(high is None for _, high in mentions)


def test_dots_of_an_address_are_not_thousands():
    assert [m.text for m in find_quantities("The host at 10.100.200.300 answered.")] == []


# (text, [(mention text, value, high)]) for readings of signs, ranges and changes
SIGNS_AND_ENDS = [
    ("It may feel like -7 or -9 on the moors.", [("-7 or -9", -9, -7)]),
    ("Her margin of error is plus or minus 3 percent.", [("3 percent", 3, None)]),
    ("Tickets go on sale Oct. 14 in 22 cities.", [("14", 14, None), ("22", 22, None)]),
    ("Refiners trimmed runs by 90,000 bpd to 410,000 bpd.", [("90,000", 90000, None),
                                                              ("410,000", 410000, None)]),
    ("Night frost will ease by 1 to 2 degrees.", [("1 to 2", 1, 2)]),
]


@pytest.mark.parametrize("text,expected", SIGNS_AND_ENDS, ids=[c[0][:40] for c in SIGNS_AND_ENDS])
def test_signs_and_ends(text, expected):
    assert [(m.text, m.value, m.high) for m in find_quantities(text)] == expected


# exchange rates written round, with their base after them (G-3)
RATES = [
    ("The lira closed at 32.4 to the dollar.", "32.4", "TRY per USD"),
    ("The zloty firmed to 4.3 per euro.", "4.3", "PLN per EUR"),
    ("The shilling eased to 129.5 against the dollar.", "129.5", "KES per USD"),
    # a currency quoted in its own money with no base written is quoted against the dollar
    ("Dealers think the rand could test R18.40 if yields settle.", "R18.40", "ZAR per USD"),
    ("The local currency traded as weak as ¥151.20 in the morning.", "¥151.20", "JPY per USD"),
    ("Sterling was little changed at $1.2080.", "$1.2080", "USD per GBP"),
    # an amount with a scale is never the price of a currency
    ("The rand firmed as the deficit narrowed to R17.45 billion.", "R17.45 billion", "ZAR"),
]


@pytest.mark.parametrize("text,written,unit", RATES, ids=[c[1] for c in RATES])
def test_round_exchange_rate(text, written, unit):
    found = {m.text: m.full_unit for m in find_quantities(text)}
    assert found.get(written) == unit, found


def test_a_bound_on_the_second_end_alone_is_no_range():
    mentions = [(m.text, m.high) for m in find_quantities("Diesel is heading from 151.2p to around 158p.")]
    assert all(high is None for _, high in mentions), mentions


# (text, [(mention text, value, unit)]): what a list of amounts and British millions read as
AMOUNTS = [
    ("She paid 60 baht and 2.5 million won.", [("60 baht", 60, "THB"), ("2.5 million won", 2.5e6, "KRW")]),
    ("Fees were 120 riyals and 30,000 dinars.", [("120 riyals", 120, "SAR"),
                                                 ("30,000 dinars", 30000, "IQD")]),
    ("It cost 12 dollars 40.", [("12 dollars 40", 12.4, "USD")]),
    ("Canberra set aside $US1.4 billion and $A900 million.", [("$US1.4 billion", 1.4e9, "USD"),
                                                             ("$A900 million", 9e8, "AUD")]),
    ("Zurich paid SFr 45 million.", [("SFr 45 million", 4.5e7, "CHF")]),
    ("Exports reached 2.4m tonnes and 6m people voted.", [("2.4m", 2.4e6, "tonne"), ("6m", 6e6, None)]),
    ("He ran the 400m hurdles in a 50m-wide stadium.", []),
]


@pytest.mark.parametrize("text,expected", AMOUNTS, ids=[c[0][:40] for c in AMOUNTS])
def test_amounts(text, expected):
    found = [(m.text, m.value, m.full_unit) for m in find_quantities(text)]
    assert found == [(t, pytest.approx(v), u) for t, v, u in expected]


@pytest.mark.parametrize("text,written,unit", [
    ("MOMBASA - The port earned Sh3.1 billion.", "Sh3.1 billion", "KES"),
    ("Kampala vendors charge Sh 1,500 a kilo.", "Sh 1,500", "UGX per kilogram"),
    ("Dar es Salaam fares rose to Sh800.", "Sh800", "TZS"),
])
def test_east_african_shillings(text, written, unit):
    assert {m.text: m.full_unit for m in find_quantities(text)}.get(written) == unit
