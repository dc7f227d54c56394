"""Table-driven cases for hedging, verification, stated conversions and a few non-claims.

Every row is a sentence written for the test, in the manner of wire copy; none is taken from the dev set.
Each table checks one field, so a failure names the rule that broke.
"""

from __future__ import annotations

import pytest
from wirecopy import claim_for, claims_of

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
    # broad hedge vocabulary
    ("The militia allegedly received 400 rifles from abroad.", "400", True),
    ("Purportedly, 3,000 fighters joined the group in May.", "3,000", True),
    ("Unconfirmed reports said 60 people were killed in the raid.", "60", True),
    ("About 5,000 troops are thought to be massing near the border.", "About 5,000", True),
    ("Losses were estimated at $3 million.", "$3 million", True),
    ("The rebels claimed 45 soldiers were killed.", "45", True),
    ("Projections suggest 2 million people will need food aid.", "2 million", True),
    ("The blast may have killed 30 people.", "30", True),
    ("The toll might have reached 200 by Friday.", "200", True),
    # "claimed ... lives" is a death toll, not a claim
    ("The floods have claimed at least 120 lives since Monday, officials said.", "at least 120", False),
    ("The virus claimed 14 lives in the province last week, the ministry said.", "14", False),
    ("The storm claimed the lives of 9 fishermen, police said.", "9", False),
    ("The company claims 90% of users were satisfied.", "90%", True),
    ("Damage might reach $2 billion.", "$2 billion", True),
    ("Insurance claims rose 20% last year.", "20%", False),
    ("The army might not send more than 500 troops.", "more than 500", False),
    # a clause of its own coordinated with the hedged one is not hedged; a coordinated complement is
    ("The storm is believed to have killed dozens, and at least 14 bodies have been recovered.",
     "at least 14", False),
    ("The blast is believed to have killed 30 people and injured 50.", "50", True),
    ("Officials estimated that 3,000 people fled and 400 homes were destroyed.", "400", True),
    # "up to" is a bound, not a hedge
    ("The ministry said up to 500 people were evacuated.", "up to 500", False),
    # an adverb inside the passive belief: "are still thought"
    ("Around 20 miners are still thought to be trapped underground.", "Around 20", True),
    # "perhaps" and "potentially" hedge like "possibly"
    ("The rebels were firing perhaps 400 rockets a day at the town.", "400", True),
    ("The contract is worth £8m, potentially rising to £10m.", "£10m", True),
    # "an estimated" before what it measures
    ("The guards seized heroin with an estimated street value of £3 million.", "£3 million", True),
    # an assessment as the cue
    ("Over 2,000 shops were damaged, according to a preliminary assessment by the council.", "Over 2,000",
     True),
    ("The union's own assessment was that 900 jobs would go.", "900", True),
    ("The assessment, circulated among ministers on Monday, puts the shortfall at 4,000 nurses.", "4,000",
     True),
    ("Industry data suggest households pay about 12% more than last year.", "about 12%", True),
    ("Local officials privately suggest the number is above 600.", "above 600", True),
    ("The striker joined for a fee reported at £30 million.", "£30 million", True),
    # "claims" before a figure hedges the figures coordinated with it too
    ("The app, which claims more than 2 million users and about $40 million in monthly payments, said it "
     "would appeal.", "about $40 million", True),
    # "an estimated" before a figure hedges that figure, not the rest of its clause
    ("The fire grew to an estimated 3,000 hectares overnight, up from about 1,800 hectares on Monday.",
     "about 1,800", False),
    ("The deal, worth an estimated 2 to 3 billion dollars, was signed.", "2 to 3 billion dollars", True),
    ("Each unit has an estimated price tag of €40 million, and the order includes 12 launchers.", "12",
     False),
    # a figure inside the "according to" phrase is not hedged by it
    ("Some 800 homes were flooded, according to a preliminary assessment covering six villages.", "six",
     False),
    # a reason clause after the hedged figure is its own
    ("The real number is higher, perhaps as many as 9,000, because many crossed along a 300-kilometre "
     "border.", "300", False),
    # the consensus a result is set against is no hedge of either figure
    ("Profit came in at $2.10 a share, against estimates of $1.95.", "$2.10", False),
    ("Profit came in at $2.10 a share, against estimates of $1.95.", "$1.95", False),
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
    # verification phrasings in their many forms
    ("The army said 12 soldiers were killed. The claim could not be independently verified.", "12",
     "unverified"),
    ("Rebels said they shot down 3 helicopters, a claim that has not been verified.", "3", "unverified"),
    ("Activists said 40 people were detained. It was not possible to verify the figures.", "40",
     "unverified"),
    ("The group said 250 fighters had joined it. The ministry did not respond to a request for comment.",
     "250", "not_confirmed"),
    ("The union said 9,000 jobs would go. The company declined to comment.", "9,000", "not_confirmed"),
    ("Kyiv said 70 drones were shot down. Moscow did not reply to questions about the figures.", "70",
     "not_confirmed"),
    ("Protesters said 300 people were arrested. Police rejected the figure.", "300", "denied"),
    ("Witnesses said 80 people died. The government dismissed the reports as propaganda.", "80", "denied"),
    ("The charity said 1,200 homes were destroyed. The army contested these numbers.", "1,200", "disputed"),
    ("The monitor said 35 civilians died. Officials questioned the figure.", "35", "disputed"),
    ("The hospital said 54 patients died last week. The health department disputes her figures.", "54",
     "disputed"),
    ("The hospital said 54 patients died last week. The health department disputes his figures.", "54",
     "disputed"),
    ("The ministry said 80 soldiers were killed. The BBC has not been able to verify the numbers.", "80",
     "unverified"),
    ("Officials said 60 were arrested. The interior ministry was not available for comment.", "60",
     "not_confirmed"),
    ("The ministry put the toll at 70, a figure challenged by opposition groups.", "70", "disputed"),
    ("The military said it had verified 25 deaths.", "25", "confirmed"),
    ("Officials confirmed that 18 people were killed.", "18", "confirmed"),
    ("Russia has not yet publicly confirmed that 18 soldiers were killed.", "18", "not_confirmed"),
    # a relative clause closing on the verb: "a figure Hamas rejects", "a number police contest"
    ("The army says it killed about 9,000 fighters, a figure the group rejects.", "about 9,000", "denied"),
    ("The union says 2 million people marched, a number police contest.", "2 million", "disputed"),
    ("Officials said 300 died, a toll the opposition questions.", "300", "disputed"),
    ("The ministry put losses at $3 billion. The opposition rejects the figure.", "$3 billion", "denied"),
    # "confirmed that" bears on what follows it
    ("The militants said they had captured 25 soldiers; the army confirmed that 10 were missing.", "25",
     None),
    ("The militants said they had captured 25 soldiers; the army confirmed that 10 were missing.", "10",
     "confirmed"),
    # the speakers of a report are not its figures
    ("Three officials said the army lost 40 tanks. The ministry denied the report.", "Three", None),
    ("Three officials said the army lost 40 tanks. The ministry denied the report.", "40", "denied"),
    # a topic noun after the cue picks its figure: "disputed that forecast", "disputes the return figure"
    ("The bank, which lent about $2 billion to the state, forecast growth of 3.1% this year. The finance "
     "minister disputed that forecast.", "3.1%", "disputed"),
    ("The bank, which lent about $2 billion to the state, forecast growth of 3.1% this year. The finance "
     "minister disputed that forecast.", "about $2 billion", None),
    ("The ministry said 40,000 people had left the region and that 9,000 had returned. Aid groups dispute "
     "the return figure.", "9,000", "disputed"),
    ("The ministry said 40,000 people had left the region and that 9,000 had returned. Aid groups dispute "
     "the return figure.", "40,000", None),
    # the rival figure of "gave a lower figure of N" is the giver's own
    ("The agency said 80,000 people crossed the border last year, up from 50,000 a year earlier. The "
     "police gave a lower figure of 61,000.", "80,000", "disputed"),
    ("The agency said 80,000 people crossed the border last year, up from 50,000 a year earlier. The "
     "police gave a lower figure of 61,000.", "61,000", None),
    ("The agency said 80,000 people crossed the border last year, up from 50,000 a year earlier. The "
     "police gave a lower figure of 61,000.", "50,000", None),
    # a count's parts ("including") go with it
    ("Police counted 90,000 marchers, including 20,000 in Lyon, where organisers claimed 60,000. The "
     "union disputed the police count.", "20,000", "disputed"),
    ("Police counted 90,000 marchers, including 20,000 in Lyon, where organisers claimed 60,000. The "
     "union disputed the police count.", "60,000", None),
    # "denied the report" covers the report's figures
    ("Officials said the country exported at least 500 drones last year. Diplomats said about 300 went "
     "to one buyer. The ministry denied the report.", "at least 500", "denied"),
    ("Officials said the country exported at least 500 drones last year. Diplomats said about 300 went "
     "to one buyer. The ministry denied the report.", "about 300", "denied"),
    # "denied the report" reaches into the paragraph before, unless its own paragraph names the report
    ("Syria is thought to have sold at least 90 rocket launchers to the militia last year, officials said."
     "\n\nTwo diplomats said about 40 of them were delivered in May. The rest went north. The defence "
     "ministry denied the report.", "at least 90", "denied"),
    ("Syria is thought to have sold at least 90 rocket launchers to the militia last year, officials said."
     "\n\nTwo diplomats said about 40 of them were delivered in May. The rest went north. The defence "
     "ministry denied the report.", "about 40", "denied"),
    ("Monitors counted some 8,000 marchers in the capital.\n\nAt least six reporters were reportedly "
     "detained by police. The ministry denied the report.", "some 8,000", None),
    ("Monitors counted some 8,000 marchers in the capital.\n\nAt least six reporters were reportedly "
     "detained by police. The ministry denied the report.", "At least six", "denied"),
    # a statement naming the thing counted: "confirmed the injuries"
    ("A tanker was hit by a drone off the coast, the navy said. Four sailors were injured, it said.\n\n"
     "The vessel had 30 crew on board. Its owner later confirmed the injuries.", "Four", "confirmed"),
    ("A tanker was hit by a drone off the coast, the navy said. Four sailors were injured, it said.\n\n"
     "The vessel had 30 crew on board. Its owner later confirmed the injuries.", "30", None),
    ("Three workers were injured in the blast, the agency said. The plant's owner confirmed the injuries.",
     "Three", "confirmed"),
    ("Police said 12 people were arrested. The city's mayor later confirmed the arrests.", "12",
     "confirmed"),
    # a statement about both sides' figures reaches every earlier figure, paragraphs back (VER-3c) ...
    ("The army said it destroyed 12 tanks near the river.\n\nThe rebels said they had lost 30 fighters.\n\n"
     "A local official said 4,000 people had fled.\n\nNeither side's figures could be independently "
     "verified.",
     "12", "unverified"),
    ("The army said it destroyed 12 tanks near the river.\n\nThe rebels said they had lost 30 fighters.\n\n"
     "A local official said 4,000 people had fled.\n\nNeither side's figures could be independently "
     "verified.",
     "30", "unverified"),
    ("The navy said it sank two boats. The militia said it hit five ships.\n\nReporters could not "
     "independently verify the figures given by either side.", "two", "unverified"),
    # ... but not a third party's figures, nor the outlet's own
    ("The army said it destroyed 12 tanks.\n\nThe Red Cross said 40 families had left the valley.\n\n"
     "Neither side's figures could be independently verified.", "40", None),
    ("The army said it destroyed 12 tanks.\n\nOur own tally shows 300 drones were launched this month.\n\n"
     "Neither side's figures could be independently verified.", "300", None),
    # ... but not the figures after it
    ("The army said it destroyed 12 tanks.\n\nNeither side's figures could be independently verified.\n\n"
     "Aid groups said 200 trucks were waiting at the crossing.", "200", None),
    # "neither" in the subject negates "could be confirmed"
    ("The company said it sold 400 cars. Neither figure could be independently verified.", "400",
     "unverified"),
    # "rejected the report" with no report named in its paragraph reaches the opening report's figures,
    # paragraphs back, but not a figure of another source
    ("About 5,000 soldiers have massed near the border, according to a NATO assessment seen by the paper."
     "\n\nThe NATO assessment puts the number of tanks at 400, according to NATO.\n\nThe ministry said it "
     "was calm.\n\nThe defence ministry rejected the report.", "About 5,000", "denied"),
    ("About 5,000 soldiers have massed near the border, according to a NATO assessment seen by the paper."
     "\n\nAn aid group said 60 families had left a village.\n\nThe ministry said it was calm.\n\nThe "
     "defence ministry rejected the report.", "60", None),
    # a figure called an undercount is disputed
    ("The army said 2,000 of its soldiers had died, a figure that monitors consider an undercount.", "2,000",
     "disputed"),
    ("The agency estimates 90,000 people have fled, though it said its figures were probably an undercount.",
     "90,000", "disputed"),
    # a speaker's "confirmed" closing the report confirms its figures
    ("The bus fare will rise from $2.10 to $2.40, Transport Minister Ann Lee confirmed on Tuesday.", "$2.10",
     "confirmed"),
    ("The toll of 40 has not been confirmed.", "40", "not_confirmed"),
    # a clause of contrast or addition after the statement holds figures it is not about
    ("The county has confirmed 9 heat deaths so far, with another 40 under investigation.", "9", "confirmed"),
    ("The county has confirmed 9 heat deaths so far, with another 40 under investigation.", "40", None),
    ("The spokesman dismissed the estimate as invented, while a separate survey put the total at between 500 "
     "and 800.", "between 500 and 800", None),
    ("Kyiv said 500 soldiers were killed, which Moscow denied; Moscow said 40 of its men died.", "500",
     "denied"),
    ("Kyiv said 500 soldiers were killed, which Moscow denied; Moscow said 40 of its men died.", "40", None),
    # not confirming or denying an act does not reach a figure (VER-2)
    ("The minister said 300 guards were hired. The agency has not confirmed or denied using such firms.",
     "300", None),
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
    # currencies: "or about", a bracket, "equivalent to", "worth about", the next sentence, ranges
    ("The fund's budget is 900 million Tunisian dinars, or about $290 million.", "about $290 million",
     "900 million Tunisian dinars", "exact"),
    ("Repairs are estimated at 3 billion rupees (about $36 million).", "about $36 million",
     "3 billion rupees", "about"),
    ("The state pays 2,000 hryvnias per child, up to a limit of 3 children. That is roughly $48 a month.",
     "roughly $48", "2,000 hryvnias", "exact"),
    ("Debt service will cost 900 billion forints this year, equivalent to about 1.1% of GDP.", "about 1.1%",
     "900 billion forints", "exact"),
    ("The prize is 10 million yen, worth about $67,000.", "about $67,000", "10 million yen", "exact"),
    ("The damage is put at 1.2-1.5 trillion pesos ($1.3bn-$1.6bn), officials said.", "$1.3bn-$1.6bn",
     "1.2-1.5 trillion pesos", "range"),
    ("The loan of 3 billion hryvnias (~$72m) was approved.", "~$72m", "3 billion hryvnias", "exact"),
    ("The plant cost £2bn, or roughly $2.5bn.", "roughly $2.5bn", "£2bn", "exact"),
    ("The road is 40 miles (64 km) long.", "64", "40", "exact"),
    ("Families receive 400,000 rubles in compensation (about $4,300).", "about $4,300", "400,000 rubles",
     "exact"),
    ("The EU pledged $5 million for Kyiv (€4.6 million).", "€4.6 million", "$5 million", "exact"),
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
    ("He was fined 20,000 hryvnias for speeding (his second fine), and paid $100 in fees.", "$100"),
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
    ("City Radio | Morning Show | Listen: 6 min", "6"),
    ("Watch: 2 min", "2"),
    ("Share 12 | Comments 4", "12"),
    ("Page 2 of 3", "3"),
    ("Season 2, episode 3", "3"),
    ("By AP | Updated 3 min ago", "3"),
]


BOUNDS = [
    # text, quantity, bound
    ("Damage was estimated at 2 billion pesos, officials said.", "2 billion pesos", "about"),
    ("As many as 400 people were evacuated.", "As many as 400", "at_most"),
    ("Upwards of 3,000 people marched.", "Upwards of 3,000", "at_least"),
    ("The deal is worth in excess of $2 billion.", "in excess of $2 billion", "at_least"),
    ("Prices rose just under 4% in May.", "just under 4%", "at_most"),
    ("The bill came to north of $5 million.", "north of $5 million", "at_least"),
    ("Turnout fell just shy of 50%.", "just shy of 50%", "at_most"),
    ("Roughly 700 homes were damaged.", "Roughly 700", "about"),
    ("Some 120 families fled.", "Some 120", "about"),
    ("Around 60 trucks crossed on Monday.", "Around 60", "about"),
    ("About 2,000+ people attended.", "About 2,000+", "about"),
    ("Just over 1,000 people voted.", "Just over 1,000", "at_least"),
    ("Almost 90 people were hurt.", "Almost 90", "at_most"),
    ("The army has ~5,000 troops in the region.", "~5,000", "about"),
    ("In excess of 200 homes were damaged.", "In excess of 200", "at_least"),
    ("Approximately 3.5 million people voted.", "Approximately 3.5 million", "about"),
    ("Turnout was well under 30%.", "well under 30%", "at_most"),
    ("A little over 2,000 people signed.", "A little over 2,000", "at_least"),
    # a verb bounds from outside the text: "may have exceeded 10,000"
    ("Aid groups believe the toll may have exceeded 3,000.", "3,000", "at_least"),
    ("Some estimates say the true number exceeds 200.", "200", "at_least"),
    ("Sales topped $2 billion last year.", "$2 billion", "at_least"),
]


@pytest.mark.parametrize("text,quantity,bound", BOUNDS, ids=[c[1] for c in BOUNDS])
def test_bounds(text, quantity, bound):
    assert claim_for(text, quantity).bound == bound


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


def converted(text, quantity, original):
    """The claim ``quantity`` of ``text``, asserted to be a conversion of the claim ``original``."""
    claims = claims_of(text)
    claim = claim_for(text, quantity, claims)
    assert claim.conversion_of == claim_for(text, original, claims).id
    return claim


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
    assert converted(text, quantity, original).bound == "exact"


def test_an_appositive_amount_in_the_same_currency_restates_nothing():
    text = "The plan costs $2 billion. Its first stage, about $400 million, starts in May."
    assert claim_for(text, "about $400 million").conversion_of is None


AMOUNTS = [
    # text, quantity, value, unit: currency symbols and South Asian scales
    ("The scheme costs Rs 500 crore, officials said.", "Rs 500 crore", 5e9, "INR"),
    ("The flood hit 2 lakh farmers.", "2 lakh", 2e5, "farmer"),
    ("Damage was put at ₦2.5 billion.", "₦2.5 billion", 2.5e9, "NGN"),
    ("Fares rose to ₱25 on Monday.", "₱25", 25, "PHP"),
    ("The fund holds R$3 billion.", "R$3 billion", 3e9, "BRL"),
    ("The bridge cost KSh 40 million.", "KSh 40 million", 4e7, "KES"),
    ("The budget is 2.6 billion Libyan dinars.", "2.6 billion Libyan dinars", 2.6e9, "LYD"),
]


@pytest.mark.parametrize("text,quantity,value,unit", AMOUNTS, ids=[c[1] for c in AMOUNTS])
def test_amounts(text, quantity, value, unit):
    claim = claim_for(text, quantity)
    assert (claim.value, claim.unit) == (value, unit)


CURRENCY_BY_COUNTRY = [
    # text, quantity, unit: a currency name several countries use is the one of the country named first
    ("GOMA, May 3 — Maize costs 95,000 Congolese francs, up from 40,000 francs in March.", "40,000 francs",
     "CDF"),
    ("ZURICH — The fine was 40,000 francs.", "40,000 francs", "CHF"),
    ("MANILA — Damage to farms reached 2.4 billion pesos.", "2.4 billion pesos", "PHP"),
    ("Traders in Bamako said bread sold for 500 francs a loaf.", "500 francs", "XOF"),
]


@pytest.mark.parametrize("text,quantity,unit", CURRENCY_BY_COUNTRY, ids=[c[1] for c in CURRENCY_BY_COUNTRY])
def test_currency_by_country(text, quantity, unit):
    assert claim_for(text, quantity).unit == unit


# Section 19 of the annotation guide (O-1, O-2, O-4, O-21); sentences written for this test
SECTION_19_VERIFICATION = [
    # text, figure, hedged, verification
    # O-1: a party calling the figure groundless denies it; the source giving no proof hedges it
    ("The union called the claim of 2,500 job cuts baseless.", "2,500", False, "denied"),
    ("Exporters say 80 containers were seized, a number customs officials called unfounded.", "80", False,
     "denied"),
    ("The rebels said 35 soldiers defected, but the army said the figure was fabricated.", "35", False,
     "denied"),
    ("The start-up said its app has 3 million users but has not substantiated the number.", "3 million", True,
     None),
    ("The militia said it captured 40 vehicles but provided no evidence for the claim.", "40", True, None),
    # O-2: a named party other than the outlet has not confirmed, tested, checked or counted the figure
    ("Residents said 17 people were hurt. Police could not confirm the report.", "17", False,
     "not_confirmed"),
    ("The firm says its charger lasts 5,000 cycles. Regulators have not tested those figures.", "5,000",
     False, "not_confirmed"),
    ("Local volunteers counted 64 bodies. The ministry has not added them to its tally.", "64", False,
     "not_confirmed"),
    # ... the outlet or nobody: unverified
    ("Residents said 17 people were hurt. The figures have not been independently verified.", "17", False,
     "unverified"),
    ("Residents said 17 people were hurt, which this newspaper could not confirm.", "17", False,
     "unverified"),
    # O-21: data with no party is the outlet's, not hedged
    ("Figures published on Friday showed 2,300 new homes were started.", "2,300", False, None),
    ("The data show 7,800 students left the region last year.", "7,800", False, None),
]


@pytest.mark.parametrize("text,quantity,hedged,verification", SECTION_19_VERIFICATION,
                         ids=[c[1] for c in SECTION_19_VERIFICATION])
def test_section_19_verification(text, quantity, hedged, verification):
    claim = claim_for(text, quantity)
    assert (claim.hedged, claim.verification) == (hedged, verification)


def test_section_19_data_with_no_party_is_the_author():
    claim = claim_for("The data show 7,800 students left the region last year.", "7,800")
    assert claim.source.name == "AUTHOR"


SECTION_19_CONVERSIONS = [
    # O-4: after "equivalent to" / "the equivalent of" any unit restates the amount
    ("The bailout is $3 billion, equivalent to 0.7% of GDP.", "0.7%", "$3 billion"),
    ("Reserves stood at $14 billion, the equivalent of 3.8 months of imports.", "3.8", "$14 billion"),
]


@pytest.mark.parametrize("text,quantity,original", SECTION_19_CONVERSIONS,
                         ids=[c[1] for c in SECTION_19_CONVERSIONS])
def test_section_19_conversions(text, quantity, original):
    converted(text, quantity, original)


def test_section_19_index_points_after_or_stay_unlinked():
    assert claim_for("The Kospi slid 1.1%, or 28 points, on Friday.", "28").conversion_of is None


def test_section_19_a_price_in_the_equivalent_of_restates_no_size():
    assert claim_for("A 50kg bag of maize costs the equivalent of $31.", "$31").conversion_of is None


def test_section_19_a_statement_on_those_figures_leaves_a_later_figure_to_its_own_statement():
    text = ("The maker says the pump lifts 40 litres a minute. Engineers have not checked those figures, "
            "and a leaked test, which showed only 31 litres, could not be verified.")
    claims = claims_of(text)
    assert claim_for(text, "40", claims).verification == "not_confirmed"
    assert claim_for(text, "31", claims).verification == "unverified"
