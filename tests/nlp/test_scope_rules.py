"""Table-driven cases for time-scope and category rules (dev set, 42 articles).

Every row is a sentence or a short article written for the test, in the manner of wire copy; none is
taken from the dev set. Each table checks one rule, so a failure names the rule that broke.
"""

from __future__ import annotations

import pytest
from wirecopy import claim_for

SCOPES = [
    # text, quantity, time_scope
    # -- a flow bounded by a period, even when it "had reached" a figure; its change is that period's too
    ("Exports in the first nine months of the year had reached $4.2 billion, up 9% from a year earlier.",
     "$4.2 billion", "period"),
    ("Exports in the first nine months of the year had reached $4.2 billion, up 9% from a year earlier.",
     "9%", "period"),
    ("He said military spending in the first half of the year had reached 5 trillion rubles, up 20% on "
     "a year earlier.", "5 trillion rubles", "period"),
    ("Tax revenue in the first quarter had reached UAH 300 billion, up 12% from a year earlier.",
     "12%", "period"),
    # -- the share of a past period's appeal or plan is that period's; this year's is a level so far
    ("Last year's appeal was only 48 percent funded, the agency said.", "48 percent", "period"),
    ("Last year's plan was 71% financed by donors, officials said.", "71%", "period"),
    ("This year's appeal is only 9% funded, the agency said.", "9%", "point"),
    ("Nurses will get a rise of 3.1%. Last year's pay award was 4.2%.", "4.2%", "point"),
    # -- a single event's toll in a participle: its toll so far, not the day of the rescue
    ("Nepal earthquake toll rises\n\nRescuers searched collapsed homes on Tuesday after an earthquake "
     "struck shortly before dawn, killing at least 96 people, officials said.", "at least 96", "cumulative"),
    ("Quake hits Turkey\n\nSoldiers cleared rubble on Friday after an earthquake hit the province, "
     "killing 61 people and injuring 300, the governor said.", "61", "cumulative"),
    # -- a named wildfire ("the Pine Hollow Fire") is a single event: its counts are its toll so far
    ("Pine Hollow Fire grows\n\nThe Pine Hollow Fire was 30% contained on Sunday. Cal Fire said 140 "
     "structures had been destroyed and 22 damaged.", "140", "cumulative"),
    ("Pine Hollow Fire grows\n\nThe Pine Hollow Fire was 30% contained on Sunday. Cal Fire said 140 "
     "structures had been destroyed and 22 damaged.", "22", "cumulative"),
    ("Smith Creek Fire forces evacuations\n\nOfficials said 85 homes had burned.", "85", "cumulative"),
    # -- the toll of one event counted on a named day (guide: "on Monday, for events counted on that day")
    ("At least 27 people drowned after a boat carrying migrants capsized off Lesbos early on Monday, the "
     "coast guard said.", "At least 27", "period"),
    ("Nine people died when a bus overturned near Kandy on Sunday, police said.", "Nine", "period"),
    ("At least 19 people drowned and 30 were missing after a ferry sank off Sumatra on Sunday, officials "
     "said.", "At least 19", "period"),
    # -- an exchange that is "the 84th since the invasion": the ordinal's span, not the count's
    ("Ukraine brought home 95 soldiers from Russian captivity on Tuesday in the 60th prisoner exchange "
     "since the full-scale invasion, officials said.", "95", "period"),
    ("Kyiv freed 40 prisoners on Monday in its fifth swap since the war began.", "40", "period"),
    # -- a share of the people counted just before takes their time scope
    ("Doctors treated 200 patients for heatstroke in the past 24 hours. About 30% of those admitted were "
     "children, she said.", "About 30%", "daily"),
    ("Police detained 300 people at protests on Saturday. Some 40% of them were students, a monitor "
     "said.", "Some 40%", "period"),
    # -- an overnight attack's effects on the grid, with no time of their own, are that night's
    ("Russia struck Ukraine's power grid with 60 missiles overnight, the air force said.\n\nThe grid "
     "operator said it had been forced to cut output by 1,500 megawatts. More than 400,000 households "
     "were left without electricity in the Odesa region, officials said.", "More than 400,000", "daily"),
    ("Russia struck Ukraine's power grid with 60 missiles overnight, the air force said.\n\nThe grid "
     "operator said it had been forced to cut output by 1,500 megawatts. More than 400,000 households "
     "were left without electricity in the Odesa region, officials said.", "1,500", "daily"),
    # -- an agreed or planned count is a level, whatever day the talks took place
    ("Talks in Geneva on Friday ended with the two sides agreeing only to swap 500 prisoners each.",
     "500", "point"),
    ("On Monday the two governments agreed to release 200 detainees.", "200", "point"),
    # -- a period named next to the figure wins over a running total named after it
    ("The General Staff said Russia had lost 7,100 troops killed or wounded over the seven days, and "
     "990,000 since the full-scale invasion began.", "7,100", "period"),
    ("The army said the enemy had lost 3,200 soldiers over the past week, and 640,000 since the "
     "invasion began.", "3,200", "period"),
    # -- the whole of a body ("the alliance's 32 members") is a level, not the period's count
    ("Last year 20 of the bloc's 27 members met the target, officials said.", "27", "point"),
    ("In 2023 only nine of the country's 24 regions balanced their budgets.", "24", "point"),
    ("Last year 14 of its 30 hospitals ran out of fuel, the ministry said.", "30", "point"),
    # -- an average over a period is a statistic of that period
    ("The average monthly salary in the region was 58,000 rubles last year, the statistics office said.",
     "58,000 rubles", "period"),
    ("The average price of bread in Kyiv was UAH 40 in January, data showed.", "UAH 40", "period"),
    # -- the tally of a vote is the count of that day's vote
    ("The bill, passed with 281 votes, cuts the tax.", "281", "period"),
    ("Parliament approved the law by 301 votes to 12 on Tuesday.", "301", "period"),
    # -- equipment supporting or assigned to an effort is a level, even in a fire report
    ("Wildfire in Greece\n\nAbout 900 firefighters were battling the flames, supported by 11 "
     "water-dropping aircraft, officials said.", "11", "point"),
    # -- a planned share of GDP is a level, even "overall"
    ("The minister said the budget targets a primary surplus of 3.5% of gross domestic product and a "
     "smaller overall deficit.", "3.5%", "point"),
    # -- places reached by aid: an event count with no time of its own
    ("Aid convoys have reached 27 frontline villages in the region, the agency added.", "27",
     "unspecified"),
    # -- "It also ..." continues the report of the act in the sentence before
    ("EU ministers on Monday adopted new sanctions, adding 40 vessels to a blacklist. It also imposed "
     "asset freezes on 25 individuals and 12 entities.", "25", "period"),
    ("EU ministers on Monday adopted new sanctions, adding 40 vessels to a blacklist. It also imposed "
     "asset freezes on 25 individuals and 12 entities.", "12", "period"),
    # -- a share of men lost, told in the perfect: losses to date
    ("Some brigades have reportedly lost up to 30% of their men, officials said.", "up to 30%",
     "cumulative"),
    # -- a share of workers who stopped work during a strike: that strike's turnout
    ("Unions called a general strike on Friday. The minister said fewer than 15% of teachers had stopped "
     "work.", "fewer than 15%", "period"),
    # -- counts of a one-day strike or protest dated in the lede are that day's
    ("Workers marched in French cities on Thursday in a general strike against pension cuts.\n\nUnions "
     "said 800,000 people took part.\n\nThe ministry said 30% of teachers joined.\n\nPolice said 21 "
     "officers were hurt in scuffles in Lyon, and nine people were detained.", "21", "period"),
    ("Workers marched in French cities on Thursday in a general strike against pension cuts.\n\nUnions "
     "said 800,000 people took part.\n\nThe ministry said 30% of teachers joined.\n\nPolice said 21 "
     "officers were hurt in scuffles in Lyon, and nine people were detained.", "nine", "period"),
    ("Workers marched in French cities on Thursday in a general strike.\n\nUnions said 800,000 people took "
     "part.\n\nThe government did not comment.\n\nTwo people were hurt in a road crash near Lille.", "Two",
     "unspecified"),
]


@pytest.mark.parametrize("text,quantity,scope", SCOPES, ids=[f"{i}-{c[1]}" for i, c in enumerate(SCOPES)])
def test_time_scope(text, quantity, scope):
    assert claim_for(text, quantity).time_scope == scope


CATEGORIES = [
    # text, quantity, category
    # -- "targets" destroyed or shot down by air defences are aerial weapons: equipment
    ("Air defences destroyed 310 targets, including 25 missiles, the air force said.", "310", "equipment"),
    ("Air defence units shot down 74 aerial targets overnight.", "74", "equipment"),
    ("The navy said it had intercepted 12 targets over the Black Sea.", "12", "equipment"),
    # -- families or people arriving at a refuge are displaced
    ("Fighting has driven 90,000 people from their homes. In Adre, on the border, between 300 and 400 "
     "families were reported arriving each day.",
     "between 300 and 400", "displaced"),
    ("About 2,000 people arrived at the camp on Sunday after fleeing the fighting, aid workers said.",
     "About 2,000", "displaced"),
    # -- firefighting or rescue personnel are not troops
    ("About 1,900 personnel were assigned to the blaze, along with 12 helicopters.", "About 1,900", "other"),
    ("More than 600 personnel were fighting the fire on Monday.", "More than 600", "other"),
    ("Some 3,000 military personnel were deployed to the border.", "Some 3,000", "troops"),
    # -- people freed in a prisoner exchange are detained
    ("Ukraine and Russia swapped prisoners on Monday. Among the Ukrainians freed were 23 defenders of "
     "Azovstal and 11 border guards.", "23", "detained"),
    ("Ukraine and Russia swapped prisoners on Monday. Among the Ukrainians freed were 23 defenders of "
     "Azovstal and 11 border guards.", "11", "detained"),
    # -- a shelter that houses people houses the displaced
    ("She volunteers at a school in Tyre that now houses 900 people.", "900", "displaced"),
    ("The stadium, which now shelters 4,000 people, has run out of water.", "4,000", "displaced"),
    # -- "N of them" after rockets or drones named before are those weapons, whatever they crossed
    ("Hezbollah fired some 80 rockets at Israel overnight. The army said about 30 of them crossed the "
     "border and most were intercepted.", "about 30", "equipment"),
]


@pytest.mark.parametrize("text,quantity,category", CATEGORIES,
                         ids=[f"{i}-{c[1]}" for i, c in enumerate(CATEGORIES)])
def test_category(text, quantity, category):
    assert claim_for(text, quantity).category == category


# -- dev set grown to 54 articles (held-out set 2 joined it): invented phrasings of its kinds ---------------
SCOPES_54 = [
    # -- a single event's toll told in coordinated participles is its toll so far, not the day it struck
    ("Quake hits Peru\n\nA magnitude 6.2 earthquake struck southern Peru on Sunday, killing at least 40 "
     "people and injuring more than 300, officials said.", "more than 300", "cumulative"),
    ("Cyclone hits Mozambique\n\nA cyclone slammed into the coast on Friday, killing 22 people and "
     "wounding 180, the government said.", "180", "cumulative"),
    # -- a magnitude is a reading, a point, whatever day the quake struck
    ("Quake hits Peru\n\nA magnitude 6.2 earthquake struck southern Peru on Sunday, killing at least 40 "
     "people, officials said.", "6.2", "point"),
    # -- aftershocks, the missing and the homeless of one event: its toll so far
    ("Quake hits Peru\n\nThe quake was followed by at least 30 aftershocks, the institute said.",
     "at least 30", "cumulative"),
    ("Floods hit Kerala\n\nOfficials said about 60 people were believed to be missing.", "about 60",
     "cumulative"),
    ("Storm batters Cuba\n\nThe Red Cross estimates that 45,000 people have been left homeless.", "45,000",
     "cumulative"),
    # -- "a week of rain" names the rain, not the period of the toll
    ("Landslides triggered by a week of heavy rain have killed at least 19 people in Nepal, officials said.",
     "at least 19", "cumulative"),
    # -- the present perfect of displacement is a running total
    ("The agency said some 300,000 people have now been driven from their homes by the fighting.",
     "some 300,000", "cumulative"),
    ("More than 40,000 people have taken refuge in schools and mosques, the ministry said.",
     "More than 40,000", "cumulative"),
    # -- the value of what an event has destroyed, in the perfect: its running total
    ("Storm batters Cuba\n\nCrops worth some $40 million have been lost, the ministry said.",
     "some $40 million", "cumulative"),
    # -- a capacity is a level, even "a year" or "per day"
    ("The plant can process 12 million tonnes of crude a year, the company says.", "12 million", "point"),
    ("The terminal can handle 300,000 barrels per day, its operator says.", "300,000", "point"),
    # -- a share of a plant's capacity halted in an overnight attack is a level of the plant
    ("Drones struck the refinery overnight, halting a unit that accounts for about 30% of its capacity.",
     "about 30%", "point"),
    # -- votes cast "by midday" are a running total; turnout at an hour and registered voters are levels
    ("Officials said 95,000 people had voted at polling stations abroad by midday.", "95,000", "cumulative"),
    ("Turnout stood at 22.5% at 11am, the election commission said.", "22.5%", "point"),
    ("Three people were killed at 3pm on Monday when a shell hit the market.", "Three", "period"),
    ("About 6.1 million people are registered to vote, the commission said.", "About 6.1 million", "point"),
    ("Officials said 95,000 people had voted at 300 polling stations abroad by midday.", "300", "point"),
    ("Russian strikes overnight cut power to 1.2 million homes, the ministry said. By midday, engineers had "
     "restored supply to 640,000 of them.", "640,000", "daily"),
    ("Protesters are arrested in Paris\n\nPolice said 45 protesters are arrested.", "45", "unspecified"),
    # -- "..., adding that" continues the report whose cue came before in the sentence
    ("Police have opened 17 criminal cases since Friday, the minister said, adding that officers had "
     "detained six people.", "six", "period"),
    # -- "N of the vehicles" after a count of trucks is part of that count, and takes its time
    ("The army put Sunday's figure at 310 trucks. The UN disputed that figure. About 40 of the vehicles "
     "counted by the army had carried goods for traders, it said.", "About 40", "period"),
    ("Russia launched 90 drones overnight. The air force said 70 of the aircraft were shot down.", "70",
     "daily"),
    # -- a toll that could rise keeps the toll's cue
    ("The death toll could rise to 300, officials said.", "300", "cumulative"),
    # -- an exchange-rate level is a point; a currency's move on a named day is that day's
    ("The central bank let the lira fall by 9% on Tuesday, setting the official rate at 38 lira per dollar.",
     "9%", "period"),
    ("The central bank let the lira fall by 9% on Tuesday, setting the official rate at 38 lira per dollar, "
     "its steepest one-day drop since March 2021.", "38 lira", "point"),
    # -- a loss since a calendar point, and a change from a named month, are the period's
    ("The rand has now lost about 15% of its value against the dollar since January.", "about 15%",
     "period"),
    ("Food prices rose to a record in May, the office said, up 3.1% from April.", "3.1%", "period"),
    # -- "in the quarter" bounds a count
    ("The monitor said at least 900 people had been killed in the quarter.", "at least 900", "period"),
    # -- a share of the killings counted for a period is that period's
    ("The UN said 1,100 people were killed between April and June. It said 58% of the killings took place in "
     "the capital.", "58%", "period"),
    # -- an outbreak's recorded cases are its running total
    ("Cholera outbreak spreads in Yemen\n\nThe ministry said 12,300 suspected cases had been recorded in "
     "nine provinces.", "12,300", "cumulative"),
    # -- facilities operating are a level
    ("The WHO said 85 treatment centres were operating across the country.", "85", "point"),
    # -- a tranche approved on a day, and a programme's size, are amounts
    ("The World Bank approved a loan of $500 million for Kenya on Tuesday, bringing its lending this year "
     "to $1.2 billion.", "$500 million", "point"),
    ("The IMF board approved a tranche of about $800 million on Friday, bringing total disbursements under "
     "its $3 billion programme to $1.6 billion.", "$3 billion", "point"),
    ("Reserves rose to $9.4 billion, with inflation down from a peak of 30% in June 2023.", "$9.4 billion",
     "point"),
    # -- ... but a cue on the verb of the clause before still reaches a figure coordinated with it
    ("Exports fell 5% in March and imports rose 7%.", "7%", "period"),
    # -- an index's move on a named day is that day's
    ("The main share index fell 2.3% on Thursday.", "2.3%", "period"),
    ("The benchmark index rose 1.1% on Monday, and the currency firmed to 82 to the dollar.", "1.1%",
     "period"),
    # -- a planned release is a level
    ("Officials said the next phase could see the release of about 500 prisoners.", "about 500", "point"),
    # -- a rights group's toll and arrests of a one-day protest are that day's
    ("Police said four people were killed during Thursday's protests in Lagos.\n\nAn independent monitor "
     "gave a higher figure. It puts the death toll at nine, and says at least 80 people were arrested.",
     "at least 80", "period"),
]


@pytest.mark.parametrize("text,quantity,scope", SCOPES_54,
                         ids=[f"{i}-{c[1]}" for i, c in enumerate(SCOPES_54)])
def test_time_scope_54(text, quantity, scope):
    assert claim_for(text, quantity).time_scope == scope


CATEGORIES_54 = [
    # -- kidnapping is not detention (the guide's detained: arrested, detained, prisoners)
    ("Another 90 people were injured and 45 were kidnapped for ransom, the report said.", "45", "other"),
    ("Gunmen abducted 30 villagers in the north, police said.", "30", "other"),
    ("Police said 30 protesters were arrested.", "30", "detained"),
    # -- officers of a security or peacekeeping mission are troops
    ("The security mission, which has about 700 officers in the country out of 2,000 pledged, said it "
     "would stay.", "about 700", "troops"),
    ("Police said 14 officers were injured in the clashes.", "14", "injuries"),
    # -- the injured after "N were killed and": injuries, not casualties
    ("Police said nine people were killed and 120 injured in the clashes on Tuesday.", "120", "injuries"),
    # -- admitted to hospital with wounds: injuries
    ("A doctor said 25 people had been admitted with stab wounds.", "25", "injuries"),
    # -- civilian ships and vehicles carrying goods are not military equipment
    ("The strikes damaged three cargo ships in the port, officials said.", "three", "other"),
    ("Ukraine's navy said it had destroyed two Russian warships.", "two", "equipment"),
    ("About 40 of the trucks counted had carried goods for traders rather than aid.", "About 40", "other"),
    # -- people left stranded by floods that killed others: other, with their own verb
    ("Floods have killed at least 12 people and left nearly 300,000 stranded, officials said.",
     "nearly 300,000", "other"),
    # -- people who took refuge are displaced
    ("About 50,000 people have taken refuge in shelters, the ministry said.", "About 50,000", "displaced"),
    # -- new cases of a disease, and treatment centres, are other
    ("The ministry said 900 new cases and 12 deaths had been reported in the past day.", "900", "other"),
    ("The ministry said 900 new cases and 12 deaths had been reported in the past day.", "12", "deaths"),
    ("The WHO said 85 treatment centres were operating across the country.", "85", "other"),
    # -- "up from N": the same thing counted before
    ("The UN said 1,200 people were killed in the first quarter, up from 900 in the previous three months.",
     "900", "deaths"),
    # -- soldiers "taken prisoner" are detained
    ("The brigade said it had taken 120 enemy soldiers prisoner.", "120", "detained"),
]


@pytest.mark.parametrize("text,quantity,category", CATEGORIES_54,
                         ids=[f"{i}-{c[1]}" for i, c in enumerate(CATEGORIES_54)])
def test_category_54(text, quantity, category):
    assert claim_for(text, quantity).category == category


UNITS_54 = [
    # -- abbreviated measures are spelled out
    ("The epicentre was 25 km south of the town.", "25", "kilometre"),
    ("The river rose 2 metres overnight.", "2", "metre"),
    # -- the noun compound stays where the head alone says too little
    ("Students are occupying 25 university faculties.", "25", "university faculty"),
    ("The WHO said 85 treatment centres were operating across the country.", "85", "treatment centre"),
    ("The government opened 12 distribution centers.", "12", "distribution center"),
    # -- lemmatiser slips
    ("Health workers said 300,000 doses had arrived.", "300,000", "dose"),
    # -- a currency name several countries use: the places of the article decide
    ("CHISINAU - Moldovan police said 5 million lei had been paid to voters.", "5 million lei", "MDL"),
    ("BUCHAREST - Romanian police said 5 million lei had been paid to voters.", "5 million lei", "RON"),
    ("Pakistan raised 40 billion rupees in new taxes.", "40 billion rupees", "PKR"),
    ("Argentina's peso fell to 1,100 pesos per dollar.", "1,100 pesos", "ARS per USD"),  # a rate (G-3)
    # -- "N in Italy" after a count of people: people
    ("Officials said 90,000 people had voted at 200 polling stations abroad by noon, including 30,000 in "
     "France and 12,000 in Spain.", "30,000", "person"),
    ("Officials said 90,000 people had voted at 200 polling stations abroad by noon, including 30,000 in "
     "France and 12,000 in Spain.", "12,000", "person"),
    # -- "taken 120 soldiers prisoner": the soldiers are counted (the parse makes them a compound)
    ("The brigade said it had taken 120 enemy soldiers prisoner.", "120", "soldier"),
    # -- "X accounted for N of the dead": X is counted
    ("Women accounted for 40 of the dead, the agency said.", "40", "woman"),
    # -- "up from N": the same thing counted before
    ("The UN said 1,200 people were killed in the first quarter, up from 900 in the previous three months.",
     "900", "person"),
]


@pytest.mark.parametrize("text,quantity,unit", UNITS_54, ids=[f"{i}-{c[1]}" for i, c in enumerate(UNITS_54)])
def test_unit_54(text, quantity, unit):
    assert claim_for(text, quantity).unit == unit


# -- dev set grown to 66 articles: readings of three independent annotators (generalisation round)
SCOPES_66 = [
    # text, quantity, time_scope
    # -- a flow of money bounded by a period (deficit, spending, receipts) is that period's, forecast or not
    ("The state ran a deficit of 900 million euros in the first nine months of the year, data showed.",
     "900 million euros", "period"),
    ("The trade deficit in May alone was $3.1 billion, officials said.", "$3.1 billion", "period"),
    # (a level set by an agent or a price stays a point)
    ("The government will raise defence spending to $40 billion next year.", "$40 billion", "point"),
    # -- forest fires in the plural are a single event: their toll so far
    ("Forest fires destroy villages\n\nForest fires swept through the south this week. The fires burned "
     "more than 50,000 hectares. Nineteen people died.", "Nineteen", "cumulative"),
    ("Floods hit Chile\n\nA flood swept through the town on Sunday. Officials said 25 villages had been "
     "cut off.", "25", "cumulative"),
    ("Wildfires rage in Greece\n\nWildfires have raged across Attica. The fires destroyed 1,200 homes.",
     "1,200", "cumulative"),
    # -- people still missing, and places cut off, after a single event: its toll so far
    ("The storm flattened homes on Sunday. Officials said 25 villages had been cut off.", "25", "cumulative"),
    # -- the counts of a one-day protest or blockade's report are that day's
]


@pytest.mark.parametrize("text,quantity,scope", SCOPES_66,
                         ids=[f"{i}-{c[1]}" for i, c in enumerate(SCOPES_66)])
def test_scope_66(text, quantity, scope):
    assert claim_for(text, quantity).time_scope == scope


CATEGORIES_66 = [
    # migrants, returnees and asylum seekers are displaced, unless what happened to them says otherwise
    ("The number of migrants living abroad has risen to 5 million, the platform said.", "5 million",
     "displaced"),
    ("About 40,000 migrants are waiting in camps on the border.", "About 40,000", "displaced"),
    ("At least 27 migrants drowned when their boat capsized.", "At least 27", "deaths"),
]


@pytest.mark.parametrize("text,quantity,category", CATEGORIES_66,
                         ids=[f"{i}-{c[1]}" for i, c in enumerate(CATEGORIES_66)])
def test_category_66(text, quantity, category):
    assert claim_for(text, quantity).category == category


# Readings of the four independent annotators (dev-33..78): the guide's last hard-case section.
SCOPES_78 = [
    # text, quantity, time_scope
    # -- a count told in the present perfect with no cue of its own is a running total, whatever the verb
    ("Prosecutors have indicted seven port officials over the collapse.", "seven", "cumulative"),
    ("Three schools in the district have shut their doors, the mayor said.", "Three", "cumulative"),
    ("The cooperative has replanted 4,500 olive trees, its chairman said.", "4,500", "cumulative"),
    ("About 1,300 of the region's teachers have quit their jobs, the union said.", "About 1,300",
     "cumulative"),
    ("The housing agency says it has restored or rebuilt 1,450 homes since the floods.", "1,450",
     "cumulative"),
    ("The council has cleared or resurfaced 38 roads, the mayor said.", "38", "cumulative"),
    # -- an event count with no time of its own after a running toll of the same report is the toll so far
    ("At least 14 miners have been killed in the collapse, the company said. It said 22 people were injured.",
     "22", "cumulative"),
    ("Officials say 31 people have died in the clashes.\n\nEleven of the victims were police officers.",
     "Eleven", "cumulative"),
    # -- ... but not troops or equipment at hand, people on a register, or places reached
    ("Some 2,500 soldiers have been deployed to the border.", "Some 2,500", "point"),
    ("Fourteen water-dropping aircraft have been assigned to the fire.", "Fourteen", "point"),
    ("Aid convoys have reached 31 communities in the valley.", "31", "unspecified"),
    # -- people still missing are a running total, in any report
    ("Police said 17 people were still missing after the ferry sank near the port.", "17", "cumulative"),
    ("Twelve fishermen remain missing, the coast guard said.", "Twelve", "cumulative"),
    # -- an amount or a share that a closed past period bounds is that period's
    ("The drought cost farmers $2.3 billion in the year to June, the ministry said.", "$2.3 billion",
     "period"),
    ("Fines for illegal fishing rose to 2.1 billion pesos last year.", "2.1 billion pesos", "period"),
    ("The average pension in the region was 410 euros a month last year.", "410 euros", "period"),
    ("The country bought about 20% of its gas from Norway last year.", "about 20%", "period"),
    ("Slovenia imported about 35% of its electricity in 2023, the grid operator said.", "about 35%",
     "period"),
    # -- ... not a level set or planned, nor a level that moved
    ("The central bank raised its key rate to 21% last month.", "21%", "point"),
    ("The government will raise the bonus to 300,000 rubles next year.", "300,000 rubles",
     "point"),
    ("The one-off payment rose to 2 million rubles last week.", "2 million rubles", "point"),
    # -- the people and things of an event told just before with its day, in the simple past: that day's
    ("A fishing boat capsized off Lampedusa on Monday.\n\nCoast guard officers said the boat carried 48 "
     "migrants. Eleven passengers were taken to hospital.", "Eleven", "period"),
    ("A fishing boat capsized off Lampedusa on Monday.\n\nCoast guard officers said the boat carried 48 "
     "migrants. Eleven passengers were taken to hospital.", "48", "period"),
    ("Gunmen stormed a market in Maiduguri on Sunday. Police said the attackers seized 23 traders.",
     "23", "period"),
    # -- a blockade's day, told with "blocked" in the lede, dates the counts of its report
    ("Lorry drivers blocked three border crossings with Slovakia on Monday.\n\nAbout 800 lorries took part, "
     "police said.", "About 800", "period"),
    # -- a rate that is a level, a plan or a capacity is a point ("barrels per day" like "can process")
    ("Output would have to rise by 40,000 tonnes a year to meet demand.", "40,000", "point"),
    ("The new line raised the plant's production capacity to 500 turbines a month.", "500", "point"),
    ("Exports have fallen to about 120,000 barrels per day.", "about 120,000", "point"),
    # -- ... a count of what happened each day stays daily
    ("About 300 people a day crossed the border last week.", "About 300", "daily"),
    ("Russian forces lost about 1,200 troops a day in May, Ukraine said.", "about 1,200", "daily"),
    ("Port calls fell to 14 ships a day in March, the authority said.", "14", "daily"),
    # -- ... not a level, nor a count with no event before it
    ("The ministry said 120 schools were built with the grant.", "120", "point"),
]


@pytest.mark.parametrize("text,quantity,scope", SCOPES_78,
                         ids=[f"{i}-{c[1]}" for i, c in enumerate(SCOPES_78)])
def test_scope_78(text, quantity, scope):
    assert claim_for(text, quantity).time_scope == scope


SCOPES_SPEC_SINCE = [
    # text, quantity, time_scope
    # -- a specification or a measured result is a point, whatever window the sentence names
    ("The Nimbus 4 packs a 5,200mAh battery, up from 4,700mAh on last year's model.", "4,700", "point"),
    ("The Nimbus 4 packs a 5,200mAh battery, up from 4,700mAh on last year's model.", "5,200", "point"),
    ("Last year's tablet had a 10.9-inch screen and 8GB of memory.", "10.9", "point"),
    ("The probe passed within 36 kilometres of the moon's surface on Tuesday.", "within 36", "point"),
    ("Okonjo won the 400m final in 44.81 seconds on Saturday.", "44.81", "point"),
    # -- ... not the amount of a change over a window
    ("The lake rose by 1.4 metres last week, officials said.", "1.4", "period"),
    ("The town has had 4.2 inches of rain since Friday, forecasters said.", "4.2", "period"),
    ("Customs officers have seized 40 kilograms of heroin at the port so far this year.", "40", "period"),
    # -- "since the start of" a month or a year is a calendar point: period (TS-3b)
    ("Rainfall has reached 64mm since the start of June, the weather office said.", "64", "period"),
    ("At least 410 cases have been reported since the beginning of 2025, the ministry said.",
     "At least 410", "period"),
    # -- ... the start of what is counted stays cumulative (TS-3a)
    ("More than 9,000 people have fled since the start of the offensive, the agency said.",
     "More than 9,000", "cumulative"),
]


@pytest.mark.parametrize("text,quantity,scope", SCOPES_SPEC_SINCE,
                         ids=[f"{i}-{c[1]}" for i, c in enumerate(SCOPES_SPEC_SINCE)])
def test_scope_spec_since(text, quantity, scope):
    assert claim_for(text, quantity).time_scope == scope


# Section 19 of the annotation guide (O-5 cues, O-18); sentences written for this test
SECTION_19_SCOPE = [
    # O-5: the first day of something is daily
    ("The app was downloaded 80,000 times in the first 24 hours.", "80,000", "daily"),
    ("The exhibition drew 6,500 visitors on opening day.", "6,500", "daily"),
    ("The store sold 1,200 phones on its first day.", "1,200", "daily"),
]


@pytest.mark.parametrize("text,quantity,scope", SECTION_19_SCOPE, ids=[c[1] for c in SECTION_19_SCOPE])
def test_scope_19(text, quantity, scope):
    assert claim_for(text, quantity).time_scope == scope


SECTION_19_CATEGORY = [
    # O-18: mines and explosive ordnance are equipment; an anaphoric count takes the category of what it
    # counts
    ("Engineers removed 230 anti-personnel mines from the fields.", "230", "equipment"),
    ("Sappers destroyed 96 landmines near the border.", "96", "equipment"),
    ("Air defences intercepted all of the six ballistic missiles.", "six", "equipment"),
]


@pytest.mark.parametrize("text,quantity,category", SECTION_19_CATEGORY,
                         ids=[c[1] for c in SECTION_19_CATEGORY])
def test_category_19(text, quantity, category):
    assert claim_for(text, quantity).category == category
