"""Table-driven cases for the counted noun of figures whose noun is not right after them, and for the
head-noun choice (guide U-3 to U-7, issue 11).

Every row is a sentence written for the test; none is taken from an evaluation set.
"""

from __future__ import annotations

import pytest
from wirecopy import claim_for

BARE_FIGURES = [
    # text, quantity, unit
    # -- a plural subject of a change counts itself (U-3); a measure or an amount does not
    ("Layoffs climbed to 2,450 in the second quarter, from 2,100 in the first.", "2,450", "layoff"),
    ("Layoffs climbed to 2,450 in the second quarter, from 2,100 in the first.", "2,100", "layoff"),
    ("Burglary offences rose 12% to 48,210, the agency said.", "48,210", "offence"),
    ("Loan approvals fell to 51,300 in May from 55,800 in April.", "51,300", "approval"),
    ("Prices rose to 120 on Monday.", "120", ""),
    # -- a count holder says what it counts in its "of", its participle or its compound (U-7)
    ("Police put the number of dead at 64, of whom 40 were in the capital.", "64", "death"),
    ("Police put the number of dead at 64, of whom 40 were in the capital.", "40", "death"),
    ("The charity put the number displaced in the region higher, at about 120,000.", "about 120,000",
     "person"),
    ("The ministry put total enemy tank losses at 3,870 on Friday.", "3,870", "tank"),
    ("The agency gave a lower casualty estimate of \"about 900\" for the same period.", "about 900",
     "casualty"),
    ("The authority says the number of confirmed typhoid cases linked to the well, in the north of the "
     "province, has risen to 143.", "143", "case"),
    ("The airline said its profit rose after passenger numbers climbed 9 per cent to 8.1 million.",
     "8.1 million", "passenger"),
    ("The bureau put the magnitude higher, at 6.2, and the depth at 11 km.", "6.2", "magnitude"),
    # -- a count holder that names nothing takes the count before it (U-7)
    ("The council added 52 ships to the register, bringing the total to 380.", "380", "ship"),
    ("Officials said 23 miners were underground; the company put the number at 21.", "21", "miner"),
    ("Some 5,000 Poles were held; officials suggest the number is above 6,000.", "above 6,000", "person"),
    ("The brigade said 3,000 soldiers had arrived. Kyiv puts the figure higher, at roughly 4,000.",
     "roughly 4,000", "soldier"),
    ("The agency counted 8,210 wildfires this year, of which 312 were still burning and 97 were out of "
     "control.", "312", "wildfire"),
    ("The agency counted 8,210 wildfires this year, of which 312 were still burning and 97 were out of "
     "control.", "97", "wildfire"),
    # -- a bare subject takes the noun "how many" asks about in the sentence before
    ("How many Chinese troops are fighting there is unclear. Officials say about 7,000 were sent in May.",
     "about 7,000", "troop"),
    # -- "up from" compares with the main count of the sentence, not where it was counted
    ("By Friday 682 cases had been confirmed across 23 districts, up from 487 a year earlier.", "487",
     "case"),
    ("The report said 340,000 people crossed the pass last year, down from a record 520,000 the year "
     "before.", "520,000", "person"),
    # -- a word that dates a figure is not its noun
    ("The operator said 42 flights were cancelled today and 17 tomorrow.", "17", "flight"),
    ("The league's average crowd was 24,870 last season.", "24,870", "person"),
    # -- a crowd, an audience or a crew of N counts people
    ("Rovers won in front of a record crowd of 52,418 on Saturday.", "52,418", "person"),
    ("The final drew a television audience of 1.9 million.", "1.9 million", "person"),
    ("The race was seen by a record online audience of 2.4 million on Sunday, up from 1.8 million.",
     "2.4 million", "person"),
    # -- a figure that still counts nothing counts what the sentence counted before it (U-7)
    ("Lagos hosts some 1.4 million migrants, followed by Kano with 820,000 and Abuja with 510,000.",
     "820,000", "migrant"),
    ("The league ended the season with 3.8 million registered players, adding 240,000 in the spring.",
     "240,000", "player"),
    ("Ferry operators carried 2.6 million passengers last year and expect to reach about 3 million in 2027.",
     "about 3 million", "passenger"),
    ("Sales rose 9% to 14,300, the carmaker said.", "14,300", ""),
    # -- a bare figure of the hurt counts people (U-7); a count of injuries counts injuries
    ("Medics reported 7 dead and 23 injured after the bridge gave way.", "23", "person"),
    ("Nearly 60 were injured when the stand collapsed.", "Nearly 60", "person"),
    ("The clinic said the number of injuries treated rose to 310.", "310", "injury"),
    # -- a plural subject counts itself where a verb of change or a passive estimate takes it (U-3)
    ("Since the floods, total arrivals in the camp are now put at about 14,000.", "about 14,000", "arrival"),
    ("Officials said daily arrivals had peaked at around 2,700 on Friday.", "around 2,700", "arrival"),
    ("Bookings from Canada lifted to 61,000 in the quarter.", "61,000", "booking"),
    ("Prices eased to 140 on Tuesday.", "140", ""),
    # -- a part "of the wounded" the sentence names
    ("The doctor said 7 of the wounded were children.", "7", "child"),
    # -- a plural subject joined to a mass noun, a change that doubles, a "to" hung on "from"
    ("Theft, burglary and related crimes rose from 4,210 to 5,980 last year.", "4,210", "crime"),
    ("Theft, burglary and related crimes rose from 4,210 to 5,980 last year.", "5,980", "crime"),
    ("Measles admissions in the region have doubled in three weeks, to 84.", "84", "admission"),
    ("Wildfires in the park tripled over the summer, to 312.", "312", "wildfire"),
    # -- a bare "from" end counts what the "to" end names
    ("Membership has grown from about 1,200 to nearly 3,100 volunteers since May.", "about 1,200",
     "volunteer"),
    ("The motion carried by 312 votes to 287 after a long debate.", "287", "vote"),
    # -- a bare figure joined to a bare figure, compared past a percentage, or claimed by another source
    ("The toll rose to 96 on Monday, up from 41 on Friday and 17 on the first night.", "17", "death"),
    ("Police logged 3,410 burglaries in the year, down 8% from 3,706 a year earlier.", "3,706",
     "burglary"),
    ("Organisers counted 52,000 marchers in the city, while the police counted 21,000.", "21,000",
     "marcher"),
    ("The mayor said 14 people had drowned, including three members of one family, while the agency "
     "listed 11.", "11", "person"),
    # -- "it" moved by a verb of change is the count before (U-7)
    ("The council said 310 homes were finished last year and it expects to exceed 400 in 2025.", "400",
     "home"),
    ("On Monday rescuers counted 84 dead; by Tuesday it had risen to 130, by Thursday to 171.", "130",
     "death"),
    ("On Monday rescuers counted 84 dead; by Tuesday it had risen to 130, by Thursday to 171.", "171",
     "death"),
    # -- "against" compares with the count of the sentence
    ("Some 4,800 new flats were sold this spring, against about 3,900 a year earlier.", "about 3,900",
     "flat"),
    # -- "were" and the plural noun it names; a verb "numbered" holds its subject's count
    ("Of the 412 passengers rescued, 230 were women and 95 were children.", "230", "woman"),
    ("Of the 412 passengers rescued, 230 were women and 95 were children.", "95", "child"),
    ("Cable thefts on the network numbered 1,310 in the spring.", "1,310", "theft"),
    # -- a population of N counts people
    ("The island's population of about 12,000 has fallen to under 7,000.", "about 12,000", "person"),
    ("The island's population of about 12,000 has fallen to under 7,000.", "under 7,000", "person"),
]


@pytest.mark.parametrize("text,quantity,unit", BARE_FIGURES,
                         ids=[f"{i}-{c[1]}" for i, c in enumerate(BARE_FIGURES)])
def test_bare_figure_counts_what_the_text_names(text, quantity, unit):
    assert claim_for(text, quantity).unit == unit


HEADS = [
    # -- U-6: a nationality or demonym that is the counted noun is a person
    ("At least six Canadians have been killed in the fighting, the ministry said.", "At least six", "person"),
    ("Some 95,000 Burundians have crossed into Tanzania this year.", "Some 95,000", "person"),
    ("Aid groups say 41 Syrian refugees reached the island.", "41", "refugee"),
    # -- U-5: a hyphenated modifier is a kind; event heads drop their compound
    ("The carrier ordered 30 wide-body jets on Tuesday.", "30", "jet"),
    ("Police recorded 61 cash-in-transit robberies in the quarter.", "61", "robbery"),
    ("The force logged 410 vehicle thefts in March.", "410", "theft"),
    ("Italy recorded 12,400 sea arrivals in the first half.", "12,400", "arrival"),
    ("The fire destroyed at least 120 apartment buildings.", "at least 120", "building"),
    ("Australia ended the day with 14 gold medals.", "14", "medal"),
    ("The board may cut 11 bus routes in the autumn.", "11", "route"),
    # -- U-5: a compound of kind or purpose before a head that names the thing counted is left out
    ("The navy said it had intercepted 45 reconnaissance drones over the bay.", "45", "drone"),
    ("The package adds 250 interceptor missiles and 30 patrol vehicles.", "250", "missile"),
    ("The package adds 250 interceptor missiles and 30 patrol vehicles.", "30", "vehicle"),
    ("Lisbon will send 18 infantry fighting vehicles in the spring.", "18", "vehicle"),
    ("The army reported 14 armoured combat vehicles lost in the battle.", "14", "vehicle"),
    ("Monitors counted 22 air strikes and six missile strikes on the town.", "22", "strike"),
    ("Monitors counted 22 air strikes and six missile strikes on the town.", "six", "strike"),
    ("The hospital has opened 48 surge beds and hired 35 agency nurses.", "48", "bed"),
    ("The hospital has opened 48 surge beds and hired 35 agency nurses.", "35", "nurse"),
    ("Resale transactions worth over a million reached 230 this year.", "230", "transaction"),
    ("Employers posted about 410,000 job vacancies in March.", "about 410,000", "vacancy"),
    ("The office received 18,400 asylum applications in the quarter.", "18,400", "application"),
    ("Storms hit 11 border provinces overnight.", "11", "province"),
    # -- a model name or a quote between the figure and its noun
    ("The maker said it sold “close to 2 million” Nova 5-series tablets last year.", "close to 2 million",
     "tablet"),
    # -- "lakh" scales the figure; "more" before a noun is an adjective of it
    ("Retail investors now own 8.4 lakh more shares than a year ago.", "8.4 lakh", "share"),
    ("The bank issued 2 million more cards in the quarter.", "2 million", "card"),
    # -- a figure hyphened to a noun counts that noun, not the head it modifies
    ("Firefighters reached the top of the eleven-storey tower.", "eleven", "storey"),
    ("The clinic opened an 80-bed ward on Monday.", "80", "bed"),
    ("The parliament's 151-seat lower house votes next week.", "151", "seat"),
    ("The new 16-core chip ships in May.", "16", "core"),
    # -- two joined kinds take the first noun; joined verbs of harm are casualties or deaths
    ("The storm damaged 14 schools and clinics in the district.", "14", "school"),
    ("Officials estimate 3,000 killed or wounded in the week of fighting.", "3,000", "casualty"),
    ("The agency has recorded more than 2,400 dead and missing on the route since 2019.",
     "more than 2,400", "death"),
    # -- U-4: fixed compounds that name a kind of their own stay whole
    ("Astronomers found 17 black holes in the cluster.", "17", "black hole"),
    ("The authority said four hydropower plants on the river had been shut down.", "four",
     "hydropower plant"),
    ("Floods hit nine of the state's 23 local government areas.", "23", "local government area"),
    ("The star formed from the merger of two small white dwarfs.", "two", "white dwarf"),
    ("Crews moved 40 pieces of heavy equipment to the site.", "40", "piece of heavy equipment"),
    ("The state will move the money into two long-term savings funds.", "two", "savings fund"),
    # -- a figure is never its own unit
    ("The agency has given a lower figure of around 90,000 internally displaced.", "around 90,000", "person"),
]


@pytest.mark.parametrize("text,quantity,unit", HEADS, ids=[f"{i}-{c[1]}" for i, c in enumerate(HEADS)])
def test_head_noun_choice(text, quantity, unit):
    assert claim_for(text, quantity).unit == unit
