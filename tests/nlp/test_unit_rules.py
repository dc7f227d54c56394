"""Table-driven cases for the unit rules (dev set grown to 78 articles) and the categories they feed.

Every row is a sentence written for the test, in the manner of wire copy; none is taken from the dev set.
"""

from __future__ import annotations

import pytest
from wirecopy import claim_for, claims_of

UNITS_78 = [
    # text, quantity, unit
    # -- a noun compound is kept: it names a different kind of thing
    ("Volunteers handed out 350 blood bags at the clinic on Monday.", "350", "blood bag"),
    ("The storm knocked out 14 water pumps in the district, officials said.", "14", "water pump"),
    ("Engineers repaired nine railway bridges over the winter.", "nine", "railway bridge"),
    ("The ministry said 31 prison guards had resigned since January.", "31", "prison guard"),
    ("Inspectors closed 12 border checkpoints on Friday.", "12", "border checkpoint"),
    # -- but not a compound of kind or owner ("army helicopter", "attack drone", "Shahed-type drones")
    ("The air force said it shot down 27 attack drones overnight.", "27", "drone"),
    ("Rebels said they destroyed six army helicopters at the airfield.", "six", "helicopter"),
    ("The convoy of 40 aid trucks crossed the border on Sunday.", "40", "truck"),
    ("The model gives the governing party 150 of the 300 constituency seats.", "300", "seat"),
    ("The factory now turns out 8,000 artillery shells a week.", "8,000", "shell per week"),
    ("Satellite images show at least 30 new impact craters near the airport.", "at least 30", "crater"),
    ("The spinner bowled 120 dot balls in the tournament.", "120", "ball"),
    ("The agency has received 25 field reports of faulty brakes.", "25", "report"),
    ("The army said it lost 12 artillery systems in a week.", "12", "artillery system"),  # a kept head
    # -- nor the compound of a head that counts events or cases
    ("Officials recorded 212 heatstroke deaths in the province last month.", "212", "death"),
    ("The clinic reported 48 cholera cases on Tuesday.", "48", "case"),
    ("Police recorded 230 truck hijackings in the quarter.", "230", "hijacking"),
    # -- names and nationalities are left out
    ("Police said 85 Sudanese refugees had reached the town.", "85", "refugee"),
    # -- adjectives of kind, size or colour are left out; a few classifying ones are kept
    ("The army said it lost 11 armoured vehicles in the fighting.", "11", "vehicle"),
    ("About 4,000 junior doctors walked out on Monday, the union said.", "About 4,000", "junior doctor"),
    ("The government plans to train 500 more medical students a year.", "500",
     "medical student per year"),  # a count per unit of time is a rate
    ("The tanker sank 30 nautical miles off the coast.", "30", "nautical mile"),
    ("Three of the country's five hydroelectric plants were shut down.", "five", "hydroelectric plant"),
    ("The utility installed 60 mobile generators across the region.", "60", "mobile generator"),
    ("Firefighters pulled 12 large trucks from the river.", "12", "truck"),
]


@pytest.mark.parametrize("text,quantity,unit", UNITS_78, ids=[f"{i}-{c[1]}" for i, c in enumerate(UNITS_78)])
def test_unit_78(text, quantity, unit):
    assert claim_for(text, quantity).unit == unit


UNITS_78_MORE = [
    ("Police detained 30 opposition activists outside parliament.", "30", "activist"),
    ("The scheme paid 3 lakh farmers last season.", "3 lakh", "farmer"),
    ("Divers found the wreck 200 metres below the surface.", "200", "metre"),
]


@pytest.mark.parametrize("text,quantity,unit", UNITS_78_MORE,
                         ids=[f"{i}-{c[1]}" for i, c in enumerate(UNITS_78_MORE)])
def test_unit_78_more(text, quantity, unit):
    assert claim_for(text, quantity).unit == unit


CURRENCIES_78 = [
    # "crowns" are the currency of the country the article names first, unless the name says whose
    ("STOCKHOLM - The fund lost 2 billion crowns last year, its chairman said.", "2 billion crowns", "SEK"),
    ("OSLO - The ministry set aside 500 million crowns for the repairs.", "500 million crowns", "NOK"),
    ("PRAGUE - The Czech central bank fined the lender 40 million crowns.", "40 million crowns", "CZK"),
    ("Denmark will spend 3 billion crowns on coastal defences, he said.", "3 billion crowns", "DKK"),
    ("Norway's grid operator put the cost at 90 million Swedish crowns.", "90 million Swedish crowns", "SEK"),
    ("COPENHAGEN - The company paid 12 million kroner in fines.", "12 million kroner", "DKK"),
]


@pytest.mark.parametrize("text,quantity,unit", CURRENCIES_78,
                         ids=[f"{i}-{c[2]}" for i, c in enumerate(CURRENCIES_78)])
def test_currency_78(text, quantity, unit):
    claim = claim_for(text, quantity)
    assert (claim.unit, claim.category) == (unit, "money")


CATEGORIES_78 = [
    # text, quantity, category
    # -- detention: held, jailed, sentenced, inmates, prisons and cells
    ("A court sentenced 14 officials to prison terms for fraud on Monday.", "14", "detained"),
    ("The regional jail holds about 3,100 inmates, officials said.", "about 3,100", "detained"),
    ("Police detained the driver and three passengers at the checkpoint.", "three", "detained"),
    ("At least 26 journalists remain jailed in the country, the group said.", "At least 26", "detained"),
    ("Authorities are holding 70 protesters in custody, their lawyers said.", "70", "detained"),
    # -- deaths: people buried, bodies recovered, lives lost, homicides and their victims
    ("\"We buried nine children last week,\" the imam said.", "nine", "deaths"),
    ("Divers recovered 23 bodies from the river on Sunday.", "23", "deaths"),
    ("The agency recorded 4,100 homicide victims in the first half of the year.", "4,100", "deaths"),
    ("Prosecutors have reported more than 900 homicides since January.", "more than 900", "deaths"),
    ("The floods claimed 17 lives in the valley, officials said.", "17", "deaths"),
    # -- but animals that die are not deaths
    ("Herders said about 5,000 goats had died in the drought.", "about 5,000", "other"),
    ("An estimated 800 cattle perished in the floods.", "An estimated 800", "other"),
    # -- injuries: treated for an injury, hospitalised with injuries
    ("Nine workers were treated for smoke inhalation after the fire.", "Nine", "injuries"),
    ("Six miners were hospitalised with burns, the company said.", "Six", "injuries"),
    # -- police fighting or deployed alongside soldiers are troops; military vessels are equipment
    ("The ministry said 200 soldiers and 150 police officers had joined the search.", "150", "troops"),
    ("Authorities deployed 80 police officers and soldiers to the border.", "80", "troops"),
    ("Three coast guard vessels and a helicopter joined the rescue.", "Three", "equipment"),
    # -- displacement: people who fled or left their homes
    ("More than 3,000 residents have fled their homes since the eruption began.", "More than 3,000",
     "displaced"),
    ("About 1,400 families left their homes as the river rose.", "About 1,400", "displaced"),
]


@pytest.mark.parametrize("text,quantity,category", CATEGORIES_78,
                         ids=[f"{i}-{c[1]}" for i, c in enumerate(CATEGORIES_78)])
def test_category_78(text, quantity, category):
    assert claim_for(text, quantity).category == category


CATEGORIES_78_MORE = [
    ("A landslide buried four houses in the village on Friday.", "four", "other"),
    ("Twelve inmates were killed in a riot at the prison, officials said.", "Twelve", "deaths"),
    ("The jail holds 2,300 inmates, well above its capacity of 1,500.", "1,500", "other"),
    ("Two patrol boats and four fishing boats joined the search.", "four", "other"),
    ("Officials said 120 soldiers and 90 police officers were guarding the port.", "90", "troops"),
    ("More than 4,000 Haitians have left the country since January, the agency said.", "More than 4,000",
     "displaced"),
    ("About 800 Syrians fled their homes in the north last week.", "About 800", "displaced"),
    ("The report said 300 engineers had left the company.", "300", "other"),
    ("Lebanon hosts about 1.5 million Syrians, the government says.", "about 1.5 million", "displaced"),
    ("Police are holding 45 suspects after the riots.", "45", "detained"),
    ("Twelve activists were held overnight at the station.", "Twelve", "detained"),
    ("About 300 workers held a rally outside the plant.", "About 300", "other"),
    ("The stadium hosts 40,000 fans on match days.", "40,000", "other"),
]


@pytest.mark.parametrize("text,quantity,category", CATEGORIES_78_MORE,
                         ids=[f"{i}-{c[1]}" for i, c in enumerate(CATEGORIES_78_MORE)])
def test_category_78_more(text, quantity, category):
    assert claim_for(text, quantity).category == category


# Issue 11: general news. Sentences written for these tests.
UNITS_GENERAL = [
    # text, quantity, unit, category
    ("The streaming service will cost $14.95 a month from June.", "$14.95", "USD per month", "money"),
    ("The council pays carers £11.50 an hour, the union said.", "£11.50", "GBP per hour", "money"),
    ("Oil traded at $82 a barrel in London.", "$82", "USD per barrel", "money"),
    ("The storm brought gusts of 110 km/h to the coast.", "110", "kilometre per hour", "other"),
    ("The quarterback was sacked at the 40 yard line.", "40", "yard", "other"),
    ("The new pickup's engine makes 480 pound-feet of torque.", "480", "pound-foot", "other"),
    ("The electric motor produces 310 Nm of torque.", "310", "newton-metre", "other"),
    ("The start-up moved into a 570 sq m space in the old mill.", "570", "square metre", "other"),
    ("The phone has a 6.1-inch display and 256GB of storage.", "6.1", "inch", "other"),
    ("The phone has a 6.1-inch display and 256GB of storage.", "256", "gigabyte", "other"),
    ("The developer paid HK$1.2bn for the harbour site.", "HK$1.2bn", "HKD", "money"),
    ("The ministry set aside Rs 500 crore for flood relief.", "Rs 500 crore", "INR", "money"),
    ("ISLAMABAD - The province will spend Rs 40bn on canals.", "Rs 40bn", "PKR", "money"),
    ("Shares in the grocer rose 12p to 164p.", "164p", "GBP", "money"),
    ("The lender agreed a USD10m facility with the port.", "USD10m", "USD", "money"),
    ("The FTSE 250 gained 1.38pc on Tuesday.", "1.38pc", "percent", "percent"),
    ("The probe measured minus 260 degrees Fahrenheit.", "minus 260", "degree fahrenheit", "other"),
]


NAMES_AND_SCORES = [
    # text, the figures that are claims (everything else in the sentence is part of a name, a score or a year)
    ("The S&P 500 rose 1.2% and the FTSE 100 slipped 0.4% on Tuesday.", ["1.2%", "0.4%"]),
    ("Europe's Stoxx 50 -1.3% by midday, its worst start since 2022.", ["-1.3%"]),
    ("The Nikkei 225 gained 310 points to close at 38,450.", ["310", "38,450"]),
    ("Apple said the iPhone 11 Pro would sell for $999.", ["$999"]),
    ("The airline took delivery of 14 787 Dreamliner jets last year.", ["14"]),
    ("Arsenal won 3-1 at home and City drew 2-2 with Chelsea.", []),
    ("Leeds sealed a 2-0 victory in front of 36,000 fans.", ["36,000"]),
    ("The 101st Airborne Division sent 2,000 troops to the border.", ["2,000"]),
    ("Task Force 88 seized 1.5 tonnes of cocaine off the coast.", ["1.5"]),
    ("Police said two Singaporean sisters were arrested at the airport.", ["two"]),
    ("South Korea has 2.6 physicians per 1,000 people.", ["2.6"]),
]


@pytest.mark.parametrize("text,claims", NAMES_AND_SCORES, ids=[c[0][:40] for c in NAMES_AND_SCORES])
def test_names_scores_and_years_are_not_claims(text, claims):
    assert [c.text for c in claims_of(text)] == claims


def test_change_from_to_gives_two_claims_with_roles():
    claims = claims_of("Bitcoin fell from $36,040 to $34,935 on Monday, data showed.")
    assert [(c.text, c.value, c.unit, c.role) for c in claims] == [
        ("$36,040", 36040, "USD", "from"), ("$34,935", 34935, "USD", "to")]


def test_fraction_is_the_percent_it_means():
    claim = claim_for("A third of the population lives within 10 km of the coast.", "A third")
    assert (claim.value, claim.unit, claim.category) == (33.3, "percent", "percent")


# Guide section 15 (G-1 .. G-9), one row per kind; our own sentences.
SECTION_15 = [
    # G-1: a bare "$", "dollars" or cents is the dollar of the story's country; a mark or a world price
    # decides
    ("SYDNEY - Canberra will spend $4.2 billion on regional roads, the minister said.", "$4.2 billion", "AUD",
     "money"),
    ("The Auckland council set aside 80 million dollars for new pipes.", "80 million dollars", "NZD",
     "money"),
    ("TORONTO - Unleaded rose 4.1 cents a litre over the week.", "4.1 cents", "CAD per litre", "money"),
    ("NAIROBI - Kenya will borrow $1.5 billion from lenders in Australia.", "$1.5 billion", "USD", "money"),
    ("SYDNEY - Brent crude rose to $81.20 a barrel on Monday.", "$81.20", "USD per barrel", "money"),
    ("SYDNEY - The miner raised US$600 million and A$250 million.", "US$600 million", "USD", "money"),
    ("SYDNEY - The miner raised US$600 million and A$250 million.", "A$250 million", "AUD", "money"),
    ("SYDNEY - The shares fell 12 US cents in New York trade.", "12 US cents", "USD", "money"),
    ("CAPE TOWN - The fuel levy goes up by 14c a litre in April.", "14c", "ZAR per litre", "money"),
    # ... but a "$" that converts a local amount, or in a story that marks its own dollar, is the US dollar
    ("HONG KONG - The insurer raised HK$12 billion ($1.5 billion) in its listing.", "$1.5 billion", "USD",
     "money"),
    ("HONG KONG - The insurer raised HK$12 billion. Listings raised $9 billion this year.", "$9 billion",
     "USD", "money"),
    # G-2: basis points keep their words and are a percent figure
    ("The central bank cut its policy rate by 50 basis points on Thursday.", "50 basis points", "basis point",
     "percent"),
    ("Ten-year yields rose 12bps to 4.31%.", "12bps", "basis point", "percent"),
    # G-3: an exchange rate is the quoted currency per the base currency
    ("The rand weakened to 18.35 to the dollar, while sterling rose to $1.2716.", "18.35", "ZAR per USD",
     "money"),
    ("The rand weakened to 18.35 to the dollar, while sterling rose to $1.2716.", "$1.2716", "USD per GBP",
     "money"),
    ("Sterling gained half a cent against the dollar to $1.2203 on Friday.", "$1.2203", "USD per GBP",
     "money"),
    # G-6: a rate keeps its base; G-8: a counted noun with a rate is a unit per unit
    ("The city recorded 6.4 murders per 100,000 people in 2023.", "6.4", "murder per 100,000 person",
     "deaths"),
    ("The district logged 52 cases per 1,00,000 population in June.", "52", "case per 100,000 population",
     "other"),
    ("The trial saw 3.9 infections per 100 patient-years.", "3.9", "infection per 100 patient-year", "other"),
    ("Carbon dioxide readings hit 424 parts per million in May.", "424", "part per million", "other"),
    ("Coastguards said 58 people per boat had made the crossing.", "58", "person per boat", "other"),
    ("There are 1.4 vacancies for every unemployed person, the office said.", "1.4",
     "vacancy per person", "other"),  # U-5 drops the adjective of the base
    ("The mine will move 2.5 million tonnes of ore a year.", "2.5 million", "tonne per year", "other"),
    # a figure with only the base of a rate takes the rate named before it
    ("The rate fell to 18.2 deaths per 100,000 people. The national rate was 6.1 per 100,000.", "6.1",
     "death per 100,000 person", "other"),
    ("There were 41.8 murders per 100,000 people. Police put it at roughly 43 per 100,000 people.",
     "roughly 43", "murder per 100,000 person", "other"),
    # a bare currency name after the same name with its country, in one sentence, is that currency
    ("BEIRUT - Bread costs 4,000 Syrian pounds, up from 2,500 pounds.", "2,500 pounds", "SYP", "money"),
    # G-7: a rate written once carries through the list
    ("Petrol sold at £1.47 a litre and diesel at £1.55 on Monday.", "£1.55", "GBP per litre", "money"),
    ("Rents of $2,150 and $2,400 a month were common in Chicago.", "$2,150", "USD per month", "money"),
]


@pytest.mark.parametrize("text,quantity,unit,category", UNITS_GENERAL + SECTION_15,
                         ids=[f"{i}-{c[1]}" for i, c in enumerate(UNITS_GENERAL + SECTION_15)])
def test_unit_general_news(text, quantity, unit, category):  # guide 14 and 15
    claim = claim_for(text, quantity)
    assert (claim.unit, claim.category) == (unit, category)


@pytest.mark.parametrize("outlet,unit", [("The Harbour Courier (Auckland)", "NZD"),
                                         ("The Daily Planet", "USD"), (None, "USD")])
def test_bare_dollar_of_the_outlets_city(outlet, unit):
    """G-1: with no place in the story, the outlet's city says whose dollar a bare "$" is."""
    from claimledger import extract

    claims = extract("The Government expects the deficit to shrink to $8.1 billion next year.", outlet=outlet)
    assert [(c.text, c.unit) for c in claims] == [("$8.1 billion", unit)]


GLUED_UNITS_11 = [
    # text, quantity, unit: units written onto the figure without a space (issue 11)
    ("The new laptop ships with a 45W charger in the box.", "45", "watt"),
    ("Its battery pack stores 96Wh, the maker said.", "96", "watt-hour"),
    ("The drive copied files at 3.2GB/s in our test.", "3.2", "gigabyte per second"),
    ("The card writes at 250MB/s, short of the rated speed.", "250", "megabyte per second"),
    ("The revised engine now produces 420bhp, up from 390bhp.", "420", "brake horsepower"),
    ("The heat pump used 310kWh over the winter quarter.", "310", "kilowatt-hour"),
]


@pytest.mark.parametrize("text,quantity,unit", GLUED_UNITS_11,
                         ids=[f"{i}-{c[2]}" for i, c in enumerate(GLUED_UNITS_11)])
def test_glued_unit_11(text, quantity, unit):
    assert claim_for(text, quantity).unit == unit


def test_bare_w_after_a_space_is_not_a_watt():
    claims = claims_of("The crash closed Route 9 W near the bridge, police said on Monday.")
    assert all(c.unit != "watt" for c in claims)


HALF_OF_A_UNIT_11 = [
    # text, quantity, value, unit: half of one unit (issue 11)
    ("The bank trimmed its main rate by half a percentage point on Tuesday.", "half a percentage point", 0.5,
     "percentage point"),
    ("Diesel went up by half a cent over the weekend, the motoring club said.", "half a cent", 0.005, "USD"),
]


@pytest.mark.parametrize("text,quantity,value,unit", HALF_OF_A_UNIT_11,
                         ids=[f"{i}-{c[3]}" for i, c in enumerate(HALF_OF_A_UNIT_11)])
def test_half_of_a_unit_11(text, quantity, value, unit):
    claim = claim_for(text, quantity)
    assert (claim.value, claim.unit) == (pytest.approx(value), unit)


def test_half_a_day_or_a_point_is_not_read():
    claims = claims_of("The striker sat out half a day of training and the side dropped half a point.")
    assert not [c for c in claims if c.text.startswith("half a")]


CLOCK_TIMES_11 = [
    # text, quantity, seconds: measured times in clock form (guide G-4, issue 11)
    ("The junior champion won the 1,500 metres in 3:41.25 on Saturday.", "3:41.25", 221.25),
    ("The veteran crossed the line in 2:11:04, his best run in years.", "2:11:04", 7864.0),
    ("The course record of 1:02:30 fell to a club runner on Sunday.", "1:02:30", 3750.0),
]


@pytest.mark.parametrize("text,quantity,seconds", CLOCK_TIMES_11,
                         ids=[f"{i}-{c[1]}" for i, c in enumerate(CLOCK_TIMES_11)])
def test_clock_time_11(text, quantity, seconds):
    claim = claim_for(text, quantity)
    assert (claim.value, claim.unit) == (pytest.approx(seconds), "second")


@pytest.mark.parametrize("text", [
    "The council met at 10:30 and the vote followed at 11:15:00, the clerk said.",
    "The ferry sailed at 9:45 a.m. and docked by 14:20:30 GMT.",
    "The hosts led 2:1 at the break and won 3:1.",
    "The launch is set for 06:14:22 local on Thursday.",
])
def test_times_of_day_and_scores_are_not_measured_times(text):
    assert all(c.unit != "second" for c in claims_of(text))


# O-5 (guide section 19): "daily" as the adjective of a count makes it a rate per day
DAILY_COUNTS = [
    ("Daily arrivals averaged 1,300 in August, the coastguard said.", "1,300", "per day"),
    ("Officials recorded 420 daily infections last week.", "420", "per day"),
]


@pytest.mark.parametrize("text,quantity,rate", DAILY_COUNTS, ids=[c[1] for c in DAILY_COUNTS])
def test_daily_counts(text, quantity, rate):
    assert claim_for(text, quantity).unit.endswith(rate)
