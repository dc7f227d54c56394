"""Table-driven cases for hedging, verification, stated conversions and a few non-claims.

Every row is a sentence written for the test, in the manner of wire copy; none is taken from the dev set.
Each table checks one field, so a failure names the rule that broke.
"""

from __future__ import annotations

import pytest

import claimledger

PUBLISHED = "2024-03-13"  # a Wednesday


def claims_of(text: str):
    return claimledger.extract(text, published=PUBLISHED)


def claim_for(text: str, quantity: str, claims=None):
    claims = claims_of(text) if claims is None else claims
    found = [c for c in claims if c.text == quantity]
    assert found, f"{quantity!r} not extracted from {text!r}; got {[c.text for c in claims]}"
    return found[0]


HEDGED = [
    # text, quantity, hedged
    # "X estimated." closing the sentence hedges what it says
    ("Wheat exports reached 3 million tonnes in May, the consultancy SovEcon estimated.", "3 million",
     True),
    ("Remittances fell to $2.1 billion last year, the central bank estimated.", "$2.1 billion", True),
    # "according to <whose> estimates" hedges like "according to estimates"
    ("Damage to roads came to $40 million, according to World Bank estimates.", "$40 million", True),
    ("About 2,000 homes were flooded, according to preliminary government estimates.", "About 2,000",
     True),
    ("The storm has destroyed an estimated 4,000 homes and cut power to more than 60% of the island, "
     "according to UN estimates.", "more than 60%", True),
    # an active "believed" hedges its object clause
    ("He said prosecutors believed about $2 million had been hidden in offshore accounts.",
     "about $2 million", True),
    # "could" hedges a figure it governs, also when the parse hangs the figure elsewhere
    ("The deal could see the return of about 300 children to their families.", "about 300", True),
    ("Officials said up to €20m from the reserve could be released to farmers.", "up to €20m", True),
    # ... but "could not" is no hedge
    ("Rescuers said 30 people could not be reached on Tuesday.", "30", False),
    # a passive "reported" of counts the named speaker gives is a record, not a hedge
    ("The agency said 210 new infections and 12 deaths had been reported in the past 24 hours.", "210",
     False),
    ("The agency said 210 new infections and 12 deaths had been reported in the past 24 hours.", "12",
     False),
    ("The health ministry said 45 cases had been reported since Monday.", "45", False),
    # "and said" after "estimated that" starts a statement of its own
    ("The IOM estimated that 80,000 people had fled the town, and said 12,000 had crossed into Chad "
     "last week.", "12,000", False),
    ("The IOM estimated that 80,000 people had fled the town, and said 12,000 had crossed into Chad "
     "last week.", "80,000", True),
]


@pytest.mark.parametrize("text,quantity,hedged", HEDGED, ids=[f"{c[1]}-{c[2]}" for c in HEDGED])
def test_hedged(text, quantity, hedged):
    assert claim_for(text, quantity).hedged is hedged


VERIFICATION = [
    # text, quantity, verification
    # "gave a higher figure" disputes the figure before it (guide, hard cases)
    ("Police said 50 people were detained on Saturday. Opposition groups gave a higher figure.", "50",
     "disputed"),
    ("Officials put the toll at 14. Local activists gave a much higher figure.", "14", "disputed"),
    # a possessive or a name between the determiner and "numbers"/"figures" still names the figures
    ("The governor said 15 people had died and 40 were injured. He added that 200 homes were damaged. "
     "\"We are doing all we can,\" he said. The opposition disputed the governor's numbers.", "15",
     "disputed"),
    ("The monitor Rights Now said at least 20 people were hurt. It said 150 had been arrested since Monday."
     "\n\nA police spokesman dismissed the Rights Now figures as lies. \"We have made 30 arrests,\" he said.",
     "at least 20", "denied"),
    ("The monitor Rights Now said at least 20 people were hurt. It said 150 had been arrested since Monday."
     "\n\nA police spokesman dismissed the Rights Now figures as lies. \"We have made 30 arrests,\" he said.",
     "150", "denied"),
    ("The monitor Rights Now said at least 20 people were hurt. It said 150 had been arrested since Monday."
     "\n\nA police spokesman dismissed the Rights Now figures as lies. \"We have made 30 arrests,\" he said.",
     "30", None),
    # a singular "the figure" names one figure: the first of the sentence before, not every figure in it
    ("Spending on defence will reach 7% of output and about 35% of the budget, the ministry said. "
     "Other estimates put the figure higher.", "7%", "disputed"),
    ("Spending on defence will reach 7% of output and about 35% of the budget, the ministry said. "
     "Other estimates put the figure higher.", "about 35%", None),
]


@pytest.mark.parametrize("text,quantity,verification", VERIFICATION,
                         ids=[f"{c[1]}-{c[2]}" for c in VERIFICATION])
def test_verification(text, quantity, verification):
    assert claim_for(text, quantity).verification == verification


CONVERSIONS = [
    # text, conversion, what it converts, its bound
    ("The epicentre was 30 km (19 miles) west of the city.", "19", "30", "exact"),
    ("The wall is 500 metres (1,640 feet) long.", "1,640", "500", "exact"),
    ("The field pumps 2 million tonnes of oil a year, or roughly 40,000 barrels per day, the company said.",
     "roughly 40,000", "2 million", "exact"),
    ("Strikes have knocked out as much as 10% of the country's refining capacity, equivalent to about "
     "300,000 barrels per day.", "about 300,000", "as much as 10%", "at_most"),
    ("He said investigators believed about 5 million lei (€1m) had been laundered.", "€1m",
     "about 5 million lei", "about"),
]


@pytest.mark.parametrize("text,quantity,original,bound", CONVERSIONS, ids=[c[1] for c in CONVERSIONS])
def test_conversions(text, quantity, original, bound):
    claims = claims_of(text)
    claim = claim_for(text, quantity, claims)
    target = claim_for(text, original, claims)
    assert claim.conversion_of == target.id
    assert claim.bound == bound
    assert claim.time_scope == target.time_scope
    assert claim.hedged == target.hedged
    assert claim.source.name == "AUTHOR"


NOT_CONVERSIONS = [
    # text, quantity that restates nothing
    ("The strike killed 12 people, or 40% of the village's residents.", "40%"),
    ("A convoy of 40 trucks (12 of them carrying fuel) arrived on Monday.", "12"),
    ("The army said it had 40 tanks and 300 armoured vehicles in the area.", "300"),
]


@pytest.mark.parametrize("text,quantity", NOT_CONVERSIONS, ids=[c[1] for c in NOT_CONVERSIONS])
def test_not_conversions(text, quantity):
    assert claim_for(text, quantity).conversion_of is None


NOT_CLAIMS = [
    # text, quantity that is not a claim
    ("A monthly basket for a family of five now costs 90,000 rubles.", "five"),  # describes, does not count
    ("Benefits for a household of four rose by 6% in January.", "four"),
    ("4 min listen", "4"),  # page furniture
    ("2 min watch", "2"),
]


@pytest.mark.parametrize("text,quantity", NOT_CLAIMS, ids=[c[1] for c in NOT_CLAIMS])
def test_not_claims(text, quantity):
    assert quantity not in [c.text for c in claims_of(text)]


def test_a_family_count_is_still_a_claim():
    # "family" as the counted noun is a count
    claim_for("Some 300 families were evacuated from the village.", "Some 300")


def test_a_unit_conversion_gets_no_exchange_rate_check():
    from claimledger.check import check_claims

    claims = check_claims(claims_of("The epicentre was 30 km (19 miles) west of the city."))
    miles = claim_for("", "19", claims)
    assert miles.conversion_of is not None
    assert not [c for c in miles.checks if c.kind == "fx_conversion"]


APPOSITIVE_CONVERSIONS = [
    # text, the appositive amount, the sum it restates (guide, hard cases: an appositive restatement)
    ("The city pays 20,000 hryvnias to each family. Families say the payment, about $480, does not cover "
     "a month's rent.", "about $480", "20,000 hryvnias"),
    ("The army offers a bonus of 500,000 rubles and a salary of 200,000 rubles. Recruits say the bonus, "
     "roughly $5,400, is the main draw.", "roughly $5,400", "500,000 rubles"),
]


@pytest.mark.parametrize("text,quantity,original", APPOSITIVE_CONVERSIONS,
                         ids=[c[1] for c in APPOSITIVE_CONVERSIONS])
def test_appositive_conversions(text, quantity, original):
    claims = claims_of(text)
    claim = claim_for(text, quantity, claims)
    assert claim.conversion_of == claim_for(text, original, claims).id
    assert claim.bound == "exact"


def test_an_appositive_amount_in_the_same_currency_restates_nothing():
    text = "The plan costs $2 billion. Its first stage, about $400 million, starts in May."
    assert claim_for(text, "about $400 million").conversion_of is None
