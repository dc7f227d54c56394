"""Units and rates of general news by kind (issue 11; annotation guide sections 5, 14, 15 and the fourth
round's hyphenated products). Every sentence is written for the test; none is taken from an evaluation set."""

from __future__ import annotations

import pytest
from wirecopy import claim_for, claims_of

from claimledger.nlp.quantities import find_quantities
from claimledger.normalize.units import hyphenate_products


def scanned(text: str, quantity: str):
    found = [m for m in find_quantities(text) if m.text == quantity]
    assert found, f"{quantity!r} not scanned in {text!r}; got {[m.text for m in find_quantities(text)]}"
    return found[0]


# text, quantity text, unit (the scanner's, before the parse)
SCANNED = [
    # 1. a product of two units is hyphenated, also inside a rate
    ("The hatchback carries a 64kWh pack.", "64", "kilowatt-hour"),
    ("The tablet has a 8,200mAh battery.", "8,200", "milliampere-hour"),
    ("The earbuds' case stores 1.9Wh.", "1.9", "watt-hour"),
    ("The motor makes 420 Nm at launch.", "420", "newton-metre"),
    ("The diesel produces 610 pound-feet of torque.", "610", "pound-foot"),
    ("The nebula lies 1,300 light years from us.", "1,300", "light-year"),
    ("Households used 3,100 kilowatt hours last winter.", "3,100", "kilowatt-hour"),
    ("Wind farms generated 21 terawatt hours in the quarter.", "21", "terawatt-hour"),
    ("Power cost 31.2p per kWh on the new tariff.", "31.2p", "GBP per kilowatt-hour"),
    ("The estate car used 17.3 kWh/100km on the motorway.", "17.3", "kilowatt-hour per 100 kilometre"),
    ("The van averaged 21 kWh / 100 km in winter.", "21", "kilowatt-hour per 100 kilometre"),
    ("Spot power hit €212 per megawatt hour at the evening peak.", "€212", "EUR per megawatt-hour"),
    ("The bus line emits 38 grams per passenger kilometre.", "38", "gram per passenger-kilometre"),
    # "per cent" is percent, and the earlier end of a change takes the later end's unit
    ("The van went from 15 to 85 per cent in 41 minutes.", "15", "percent"),
    ("The van went from 15 to 85 per cent in 41 minutes.", "85 per cent", "percent"),
    # 2. rates named by an adjective or a noun of a period
    ("The broadband firm added an A$7.99 monthly fee to older plans.", "A$7.99", "AUD per month"),
    ("Members pay a €30 weekly charge for lockers.", "€30", "EUR per week"),
    ("The median monthly wage of shop staff, before tax, rose 3.8 per cent to S$3,410.", "S$3,410",
     "SGD per month"),
    ("The quarry has a permitted annual capacity of 650,000 tonnes.", "650,000", "tonne per year"),
    ("The lease comes with an 8,000-mile annual limit.", "8,000", "mile per year"),
    ("Typical annual rainfall on the coast is about 1,150mm.", "about 1,150", "millimetre per year"),
    ("A nurse on the new scale saves about Rs 22,000 annually.", "about Rs 22,000", "INR per year"),
    # the period's adjective after the amount with "in" or "of"; a rate after a matter of up to three words
    ("The mill will add 80,000 tonnes of annual capacity next year.", "80,000", "tonne per year"),
    ("The platform now processes about $4 billion in monthly transactions.", "about $4 billion",
     "USD per month"),
    ("The lender booked $900 million in annual revenue.", "$900 million", "USD per year"),
    ("The refinery will make 3 million tonnes of low-sulphur diesel a year.", "3 million", "tonne per year"),
    ("Herds emit 4.2 tonnes of CO2 a year on average.", "4.2", "tonne per year"),
    ("Brokers see peak annual sales of between $1 billion and $2 billion.",
     "between $1 billion and $2 billion", "USD per year"),
    ("The plant produced 12,000 tonnes last year.", "12,000", "tonne"),  # no rate written
    ("Sales were $40 million a year ago.", "$40 million", "USD"),  # "a year ago" is no rate
    # local spellings (issue 11): a rate's base glued with a slash, the naira's "trn"
    ("Canola yields slipped to 2.3t/ha after the dry spring.", "2.3", "tonne per hectare"),
    ("Oats came in at 4.9 t/ha on the irrigated blocks.", "4.9", "tonne per hectare"),
    ("Global debt passed $310trn, the institute said.", "$310trn", "USD"),
    # 3. a unit or rate carried through a list or a comparison (G-7)
    ("Silver was flat at $24.10 an ounce, while palladium slipped 0.9% to $21.80.", "$21.80",
     "USD per ounce"),
    ("Brent crude settled up 41 cents at $81.12 a barrel.", "41 cents", "USD per barrel"),
    ("Arabica settled down 1.2 cents at 179.4 cents a pound.", "1.2 cents", "USD per pound"),
    ("Wheat ended unchanged at $6.12 a bushel, while oats slipped 3 cents to $5.01.", "$5.01",
     "USD per bushel"),
    ("Wheat ended unchanged at $6.12 a bushel, while oats slipped 3 cents to $5.01.", "3 cents",
     "USD per bushel"),
    ("Feeder cattle rose 41.5¢ per hundredweight to $221.30.", "$221.30", "USD per hundredweight"),
    ("The typical household will pay £1,820 a year, up 8pc from £1,690.", "£1,690", "GBP per year"),
    ("Average rent reached £1,310 a month, up £96 from a year earlier.", "£96", "GBP per month"),
    ("Ancillary revenue per passenger rose to €21.30 from €19.90.", "€21.30", "EUR per passenger"),
    ("Ancillary revenue per passenger rose to €21.30 from €19.90.", "€19.90", "EUR per passenger"),
    # the rate of an amount named by a period's noun, or carried, goes on through a list of places (G-7)
    ("The average monthly rent in Leeds now stands at £1,410, ranging from £1,120 in the suburbs to "
     "£1,980 in the centre.", "£1,120", "GBP per month"),
    ("The average monthly rent in Leeds now stands at £1,410, ranging from £1,120 in the suburbs to "
     "£1,980 in the centre.", "£1,980", "GBP per month"),
    ("Offices let for about €30 per square metre per month, compared with €22 in Leeds and €17 in York.",
     "€17", "EUR per square metre per month"),
    ("The council spent €2 million in March and €3 million in April.", "€3 million", "EUR"),  # no rate
    ("Earnings per share climbed 12% to $1.84.", "$1.84", "USD per share"),
    ("Profit came to $2.10 per share, versus a consensus of $1.95.", "$1.95", "USD per share"),
    ("The stock trades at about 30 times forward earnings.", "about 30", "fold"),
    ("The developer priced flats at HK$17,200 per sq ft after discounts.", "HK$17,200",
     "HKD per square foot"),
    ("Wholesale gas climbed to around 91p a therm this week.", "around 91p", "GBP per therm"),
    ("A large ship burns between 70 and 90 tonnes of fuel a day.", "between 70 and 90", "tonne per day"),
    ("The company raised $50 million at $12 a share.", "$50 million", "USD"),  # not a change and its level
    ("Rebates of A$150 per household will cost A$1.8 billion.", "A$1.8 billion", "AUD"),  # the total, no rate
    # a measure compared with a rate of the same measure in its sentence is that rate (G-7)
    ("Residents get 9 litres of water per person per day, against a minimum of 15 litres.", "a minimum of 15",
     "litre per person per day"),
    ("Smoke reached 300 micrograms per cubic metre, far above the limit of 25 micrograms.", "25",
     "microgram per cubic metre"),
    ("He walked at 5 km per hour and then covered 8 km.", "8", "kilometre"),  # no comparison: a distance
    # a tonne with a prefix or a kind of tonnage as written; a blast's "megaton" stays
    ("Forest fires released 310 megatonnes of carbon.", "310", "megatonne"),
    ("The fleet grew to 75 million gross tonnes.", "75 million", "gross tonne"),
    ("The bomb yielded 50 megatons.", "50", "megaton"),
    # the measure after the last side of a size is the measure of each side (G-7)
    ("The probe measures roughly 40 by 25 by 12 centimetres.", "roughly 40", "centimetre"),
    ("The probe measures roughly 40 by 25 by 12 centimetres.", "25", "centimetre"),
    ("The screen is 2,400 by 1,080 pixels.", "2,400", "pixel"),
    ("Sales rose 5 by 10 percent.", "5", None),  # no size of a percentage
    # a bare race time after a word that reads it as one (G-4)
    ("Runner-up Tom Reed finished in 10.06, with Sam Lo third in 10.13.", "10.13", "second"),
    ("She won by two metres from Ana Kim, who ran 22.71.", "22.71", "second"),
    ("She went under the previous mark of 22.51 by a fraction.", "22.51", "second"),
    ("The index finished in 10.04 territory.", "10.04", None),  # a noun follows: no time
    # exchange rates (G-3): a base after the figure, before it, or "per dollar"
    ("The rand slipped for a second day, trading at 18.6 to the dollar.", "18.6", "ZAR per USD"),
    ("In Johannesburg at noon the currency was at R18.64 per dollar.", "R18.64", "ZAR per USD"),
    ("Against the euro the rand eased to R20.11, and against sterling to R23.40.", "R20.11", "ZAR per EUR"),
    ("Against the euro the rand eased to R20.11, and against sterling to R23.40.", "R23.40", "ZAR per GBP"),
    ("The rupee closed at 83.2 to the dollar.", "83.2", "INR per USD"),
    ("All figures use a rate of 95 rubles to the US dollar.", "95 rubles", "RUB per USD"),
    ("The rupee settled 11 paise stronger at 83.14 against the US dollar.", "11 paise", "INR per USD"),
    # sport's rates without a unit
    ("The required rate climbed from 8.4 to 10.2 an over.", "8.4", "run per over"),
    ("The required rate climbed from 8.4 to 10.2 an over.", "10.2", "run per over"),
    ("The spinner finished with an economy of 5.50 while others went at 9 an over.", "5.50", "run per over"),
    ("The spinner finished with an economy of 5.50 while others went at 9 an over.", "9", "run per over"),
    ("She made 61 at a strike rate of 160.5.", "160.5", "run per 100 ball"),
    # 4. multiples of a named standard; a fraction of a time is a multiple
    ("The team puts the star at 1.25 times the mass of the Sun.", "1.25", "solar mass"),
    ("The planet is 3.2 times the Earth’s mass.", "3.2", "earth mass"),
    ("Its radius is 0.01 solar radii.", "0.01", "solar radius"),
    ("Its surface gravity is about 300,000 times Earth's.", "about 300,000", "fold"),
    ("The gap narrowed to a ratio of 3.1 times.", "3.1", "fold"),
    ("Knife crime was 4.6 times higher in the city.", "4.6", "fold"),
    # an index level is in points
    ("The consumer price index rose 0.4 per cent in May to 131.6.", "131.6", "point"),
    # 5. a rate written after the later end of a change is the rate of both ends (guide 14)
    ("Onion prices rose from ₹2,100 to ₹2,650 per quintal at the yard.", "₹2,100", "INR per quintal"),
    ("Onion prices rose from ₹2,100 to ₹2,650 per quintal at the yard.", "₹2,650", "INR per quintal"),
    # and the change stated after both ends: "a drop of", "a rise of"
    ("The capped bill falls from £1,690 to £1,610 a year, a drop of £80.", "£80", "GBP per year"),
    ("Season tickets go from £480 to £510 a season, a rise of £30.", "£30", "GBP per season"),
    # an adjective of period on the first end carries to the second
    ("Private schools raised termly fees from ₦60,000 to ₦95,000.", "₦60,000", "NGN per term"),
    ("Private schools raised termly fees from ₦60,000 to ₦95,000.", "₦95,000", "NGN per term"),
    # a list of changes of one rate (G-7): "by X to Y a month, and the other by Z to W"
    ("JOHANNESBURG - The care grant rises by R90 to R1,400 a month, and the war veterans grant by R40 to "
     "R2,330.", "R40", "ZAR per month"),
    ("JOHANNESBURG - The care grant rises by R90 to R1,400 a month, and the war veterans grant by R40 to "
     "R2,330.", "R2,330", "ZAR per month"),
    # a conversion in brackets between an amount and its rate: both take the rate
    ("Kerosene rose to 1,150 naira ($0.74) a litre, from 980 naira.", "1,150 naira", "NGN per litre"),
    ("Kerosene rose to 1,150 naira ($0.74) a litre, from 980 naira.", "$0.74", "USD per litre"),
    ("Kerosene rose to 1,150 naira ($0.74) a litre, from 980 naira.", "980 naira", "NGN per litre"),
    ("The reform will save 3 billion Swiss francs (about $3.4 billion) a year.", "about $3.4 billion",
     "USD per year"),
    ("The bank lent 9 billion pesos (about $450 million) a year ago.", "9 billion pesos", "MXN"),  # no rate
    # measures per measure and symbols of speed, concentration and equivalents
    ("The comet's nucleus has a density of 0.6 grams per cubic centimetre.", "0.6",
     "gram per cubic centimetre"),
    ("Triglycerides fell to 140 milligrams per deciliter.", "140", "milligram per decilitre"),
    ("The capsule re-entered the atmosphere at 11 km/s.", "11", "kilometre per second"),
    ("Methane at the site reached 2,100 ppm.", "2,100", "part per million"),
    ("The cement sector emitted 61 Mt CO2-e last year.", "61", "megatonne of carbon dioxide equivalent"),
    ("Farms emitted 12 million tonnes of carbon dioxide equivalent.", "12 million",
     "tonne of carbon dioxide equivalent"),
    ("The field pumps 380,000 barrels of oil equivalent a day.", "380,000",
     "barrel of oil equivalent per day"),
    ("Henry Hub gas slipped to US$2.91 per million British thermal units.", "US$2.91",
     "USD per million british thermal unit"),
    # a bare "points" after a point written out in the same sentence is that point (G-7, Q-6)
    ("VAT goes up by 0.75 percentage points in April and a further 0.25 points next year.", "0.25 points",
     "percentage point"),
    ("The five-year yield fell 7 basis points, while the two-year yield slipped 2 points.", "2 points",
     "basis point"),
    ("The Nikkei gained 215 points on Friday.", "215", None),  # an index move stays for the parse
    # a face value is per share
    ("The board declared a dividend of ₹9 per share of face value ₹5.", "₹5", "INR per share"),
    ("The board declared a dividend of ₹4 per share of face value Re 1.", "Re 1", "INR per share"),
    # the change of a price named in the sentence before ("That is up ...")
    ("The AA puts unleaded at 142.3p a litre and diesel at 148.8p. That is up 4p in a month.", "4p",
     "GBP per litre"),
    ("Gold closed at $2,010 an ounce. It was up $14 on the day.", "$14", "USD per ounce"),
    ("Profit was $2bn. That is up $1bn.", "$1bn", "USD"),  # no rate to carry
    # an exchange rate quoted in cents (G-3)
    ("SYDNEY - The decision sent the Australian dollar briefly above 66.1 US cents.", "above 66.1 US cents",
     "USD per AUD"),
    ("The bus fare rose 50 cents.", "50 cents", "USD"),
    # a size hyphened to the noun of a rate is dropped (U-5); prices per bag, container, team, member, visitor
    ("Robusta sold at $310 per 60-kilogram sack on Tuesday.", "$310", "USD per sack"),
    ("Last season the same grade fetched $205 a bag.", "$205", "USD per bag"),
    ("Spot freight on the route rose to US$2,480 per 20-foot container.", "US$2,480", "USD per container"),
    ("The league will pay out €4 million per team in the group stage.", "€4 million", "EUR per team"),
    ("Average revenue per member in Europe climbed to €11.20.", "€11.20", "EUR per member"),
    ("Spending per visitor dipped 3 per cent to about A$2,150.", "about A$2,150", "AUD per visitor"),
    # a comparative word between an amount and its period (section 14 "Rates")
    ("A cleaner on the new award earns about $1,040 more a year.", "about $1,040", "USD per year"),
    ("Season-ticket holders will pay nearly £90 extra a year.", "nearly £90", "GBP per year"),
    ("Savers got £40 more a year ago.", "£40", "GBP"),  # "a year ago" is no rate
    ("A porter on the new scale takes home £1,020 more a year before tax.", "£1,020", "GBP per year"),
    ("Her pay is £2,300 a month after deductions.", "£2,300", "GBP per month"),
    ("The fee was £300 a year before the reform.", "£300", "GBP"),  # "a year before": a time
    # an hourly or nightly price, rate, fare or pass
    ("The union puts the hourly rate needed to rent in the city at £14.60.", "£14.60", "GBP per hour"),
    ("Hotels in the resort charged average nightly rates of €188 in August.", "€188", "EUR per night"),
    ("The weekly travel pass now costs £41.", "£41", "GBP per week"),
    ("The annual report put profit at £4 million.", "£4 million", "GBP"),  # a report is no rate
    # "rate" and "price" after a period adjective are no rate of a later amount when they head a statistic
    ("The annual rate of inflation slowed to 3.2 per cent, while a loaf rose to £1.40.", "£1.40", "GBP"),
    ("The annual inflation rate eased to 2.1%, and petrol fell to £1.38.", "£1.38", "GBP"),
    ("Monthly price growth slowed and the typical flat sold for £289,000.", "£289,000", "GBP"),
    # both ends of a change of an amount named by a period adjective, past the change by which it moved
    ("Monthly repayments on a loan will fall by £38, from £1,402 to £1,364.", "£1,402", "GBP per month"),
    ("Monthly repayments on a loan will fall by £38, from £1,402 to £1,364.", "£1,364", "GBP per month"),
    ("Profit fell by £38, from £1,402 to £1,364.", "£1,402", "GBP"),  # no period named
    ("The weekly travel pass goes from £41 to £44.", "£41", "GBP per week"),
    ("The weekly travel pass goes from £41 to £44.", "£44", "GBP per week"),
    # the other end of a comparison written "below" or "above" takes the rate (guide 14)
    ("Freight slid to $2,480 per container, well below the $4,100 charged last spring.", "$4,100",
     "USD per container"),
    ("Gold held at $2,010 an ounce, just above the $1,990 of Monday.", "$1,990", "USD per ounce"),
]


@pytest.mark.parametrize("text,quantity,unit", SCANNED, ids=[f"{i}-{c[1]}" for i, c in enumerate(SCANNED)])
def test_scanned_unit(text, quantity, unit):
    assert scanned(text, quantity).full_unit == unit


@pytest.mark.parametrize("written,unit", [
    ("kilowatt hour", "kilowatt-hour"), ("GBP per megawatt hour", "GBP per megawatt-hour"),
    ("kilowatt hour per 100 kilometre", "kilowatt-hour per 100 kilometre"), ("newton metre", "newton-metre"),
    ("infection per 100 patient year", "infection per 100 patient-year"), ("light year", "light-year"),
    ("milliampere hour", "milliampere-hour"), ("square metre", "square metre"), ("hour", "hour"),
    ("nautical mile", "nautical mile"), ("degree celsius", "degree celsius"),
])
def test_products_are_hyphenated(written, unit):
    assert hyphenate_products(written) == unit


# text, quantity, unit of the claim (the parse decides the counted noun)
CLAIMED = [
    # local spellings (issue 11): a price's base glued with a slash, the naira's "trn"
    ("PERTH - Unleaded averaged 189.7c/L across the metro area.", "189.7c", "AUD per litre"),
    ("PERTH - The retailer's peak rate rises to 41.6c/kWh in July.", "41.6c", "AUD per kilowatt-hour"),
    ("LAGOS - The state's budget rose to N3.3trn this year.", "N3.3trn", "NGN"),
    # P-2: a price restated in the next sentence or two of its paragraph keeps its rate
    ("The basic tier costs $9.49 a month. The family tier will cost $13.99, up from $12.49.", "$13.99",
     "USD per month"),
    ("The basic tier costs $9.49 a month. The family tier will cost $13.99, up from $12.49.", "$12.49",
     "USD per month"),
    ("DUBLIN - Rents in Dublin averaged €2,310 a month. In Limerick, rents rose 7pc to €1,640.", "€1,640",
     "EUR per month"),
    ("Petrol sells at $1.92 a litre in the capital. Further north it costs $2.05.", "$2.05", "USD per litre"),
    ("Petrol sells at $1.92 a litre in the capital.\n\nFurther north it costs $2.05.", "$2.05", "USD"),
    ("Petrol sells at $1.92 a litre. Drivers also pay a one-off $40 registration fee.", "$40", "USD"),
    ("Annual grants will rise to $4.2bn. That compares with $3.1bn this year.", "$3.1bn", "USD"),
    ("Sterling rose to $1.2710. Brent crude rose 45 cents to $81.20 a barrel.", "45 cents", "USD per barrel"),
    # a change before its level's closing verb, and a list after a slash rate (G-7)
    ("Silver for May delivery lost US$0.42 to settle at US$23.87 an ounce.", "US$0.42", "USD per ounce"),
    ("Silver for May delivery lost US$0.42 to close at US$23.87 an ounce.", "US$23.87", "USD per ounce"),
    ("PERTH - Unleaded averaged 189.7c/L, while premium 95 topped 214c in the hills.", "214c",
     "AUD per litre"),
    # O-13: a fraction of a cent, the change of an exchange rate, takes the rate's unit
    ("LONDON - The pound was up a quarter of a cent at $1.3105 in late trade.", "a quarter", "USD per GBP"),
    # P-1: an amount "in aid" or "in support" for each recipient
    ("NAIROBI - The county announced Sh20,000 in emergency support for each displaced household.", "Sh20,000",
     "KES per household"),
    ("The charity gave $300 in aid to each family.", "$300", "USD per family"),
    ("The charity gave $300 in aid to the clinic.", "$300", "USD"),
    # 5. counted nouns that are model names
    ("The airline will take 30 A321neos next year.", "30", "aircraft"),
    ("The fleet grows as it takes delivery of 9 Airbus A321neos, each with 220 seats.", "9", "aircraft"),
    ("The carrier flies 12 Boeing 787-9s and will add two more 787s in June.", "two", "aircraft"),
    ("Kestrel has never sold a car here, so the locally assembled Nova compact SUV has much to prove. The "
     "importer expects to sell about 4,000 Novas in its first year.", "about 4,000", "car"),
    ("The dealer sold 40 Corollas last month.", "40", "corolla"),  # nothing says what a Corolla is
    # P-8: aircraft named by model are "aircraft", also where a kind word follows a maker's model; "personnel
    # losses" are "personnel"
    ("The leasing firm placed 25 Airbus A330neo jets with two Asian carriers.", "25", "aircraft"),
    ("Orders for 16 more Boeing 777-8 jets lifted the backlog, while 9 Boeing 787-10s were deferred.", "9",
     "aircraft"),
    ("The carrier will lease eight Boeing 737 MAX 8 jets from next spring.", "eight", "aircraft"),
    ("Lisbon agreed to buy 14 F-16s from a European partner.", "14", "aircraft"),
    ("The navy bought 11 fast patrol boats and 40 Boeing engineers joined the programme.", "40", "engineer"),
    ("Officials said enemy personnel losses rose by 1,180 over the previous day.", "1,180", "personnel"),
    ("The carrier ordered 30 Airbus A350-900 jets and deferred five more.", "30", "aircraft"),
    ("Regulators grounded 17 Boeing 737-8 planes after the incident.", "17", "aircraft"),
    ("Ukraine received 12 Western jets last year.", "12", "jet"),
    # a hyphenated modifier of kind is left out (U-5)
    ("Carriers have been receiving about 50 A220-family jets a month.", "about 50", "jet per month"),
    # a currency quoted against itself is not a rate: the written currency stays
    ("OTTAWA - The loonie slipped after the rate decision, falling to 72.31 cents US from 72.55 cents.",
     "72.31 cents", "USD per CAD"),
    ("Fleet emissions of 0.8 tonnes per passenger-kilometre were reported.", "0.8",
     "tonne per passenger-kilometre"),
    # counts per unit of time are rates; windows and "a year earlier" are not
    ("The factory will assemble 2,400 tractors a year.", "2,400", "tractor per year"),
    ("The ministry was enlisting about 12,000 reservists a month, down from 15,000 to 18,000 a month in "
     "spring.", "about 12,000", "reservist per month"),
    ("The ministry was enlisting about 12,000 reservists a month, down from 15,000 to 18,000 a month in "
     "spring.", "15,000 to 18,000", "reservist per month"),  # the earlier level was a range
    ("On average, nine migrants drowned every day in June.", "nine", "migrant per day"),
    ("The ferry carries 420 passengers every two weeks.", "420", "passenger per 2 week"),
    ("The clinic treats 75 patients every 24 hours.", "75", "patient per day"),
    ("Rescuers found 31 survivors in the last 24 hours.", "31", "survivor"),  # a window
    ("The port handled 900 ships a year earlier.", "900", "ship"),  # "a year earlier" is no rate
    ("The network launched about 160 drones a night, compared with 1,900 in the whole of March.", "1,900",
     "drone"),  # the count carries to the total, its rate does not
    # "for every" ratios are rates with a base; the base's adjective is dropped (U-5)
    ("There were 2.4 jobless people for every open post.", "2.4", "person per post"),
    ("For every 1,000 residents, the district has 4 pharmacists.", "4", "pharmacist per 1,000 resident"),
    ("The region recorded 410 maternal deaths for every 100,000 live births.", "410",
     "death per 100,000 live birth"),
    # G-8: "N nouns to one noun" in a ratio
    ("\"Our ratio is now roughly 48 pupils to one teacher,\" she said.", "roughly 48", "pupil per teacher"),
    ("The army sent 30 troops to a base near the border.", "30", "troop"),  # a destination, not a ratio
    # G-6, U-7: a figure whose only noun is its base counts the subject of its verb, else the count before
    ("Regional data show measles cases have climbed to about 41 per 100,000 residents, compared with 12 per "
     "100,000 a year ago.", "about 41", "case per 100,000 resident"),
    ("Regional data show measles cases have climbed to about 41 per 100,000 residents, compared with 12 per "
     "100,000 a year ago.", "12", "case per 100,000 resident"),
    ("Burglaries fell 4 per cent to 13,200. Expressed as a rate, that is about 250 per 100,000 population.",
     "about 250", "burglary per 100,000 population"),
    ("Chile's murder rate rose to 6.0 per 100,000 people in 2024.", "6.0", "murder per 100,000 person"),
    ("The city has 3 per 1,000 people.", "3", "person"),  # no count named: the base stays the noun
    # the base of a rate that is an area keeps its "square" (an area, not a length)
    ("The valley holds about 640 people per square kilometre.", "about 640", "person per square kilometre"),
    ("The desert region has just 2.5 people per square km.", "2.5", "person per square kilometre"),
    # G-8 for money: an amount paid to or for each recipient is per recipient
    ("The government released 1 billion lira in emergency funds, and families of the dead will receive "
     "50,000 lira each.", "50,000 lira", "TRY per family"),
    ("The Kremlin has allocated 12,000 rubles to each evacuee.", "12,000 rubles", "RUB per evacuee"),
    ("The state announced 40,000 rupees ($480) to the family of each person who died.", "40,000 rupees",
     "INR per family"),
    ("The state announced 40,000 rupees ($480) to the family of each person who died.", "$480",
     "USD per family"),
    ("The province announced a cash grant of Rs20,000 per affected family.", "Rs20,000", "INR per family"),
    ("The drones cost about $1,500 each, the group said.", "about $1,500", "USD per drone"),
    ("The company sold 100 million shares at HK$210 each.", "HK$210", "HKD per share"),
    ("The captain was paid 10 million rupiah, about $640, per passenger.", "about $640", "USD per passenger"),
    ("Police gave the victims $100 each.", "$100", "USD per victim"),
    ("The state announced 300,000 rupees, roughly $3,600, for the family of each heat victim.",
     "300,000 rupees", "INR per family"),
    ("A scheme paid 10,000 rupees each into the accounts of the women.", "10,000 rupees", "INR"),  # the payer
    ("The fund gave $5 million to the hospital.", "$5 million", "USD"),
    ("The payment rises to 60,000 rubles for those whose homes were destroyed.", "60,000 rubles", "RUB"),
]


@pytest.mark.parametrize("text,quantity,unit", CLAIMED, ids=[f"{i}-{c[1]}" for i, c in enumerate(CLAIMED)])
def test_claimed_unit(text, quantity, unit):
    assert claim_for(text, quantity).unit == unit


@pytest.mark.parametrize("text,quantity", [
    ("The dealership sold 300 F-150s in March.", "300"),  # Ford's pick-up, not a fighter
    ("The museum restored three Boeing 247 engines last year.", "three"),  # a maker's model before a non-kind
])
def test_not_aircraft_by_model(text, quantity):
    assert claim_for(text, quantity).unit != "aircraft"


def test_range_of_a_change_keeps_both_units():
    claims = claims_of("The share of renewables rose from 31 to 38 per cent last year.")
    assert [(c.text, c.unit) for c in claims if c.category == "percent"] == [("31", "percent"),
                                                                            ("38 per cent", "percent")]


# U-7 across one sentence: a bare figure counts what the sentence before in its paragraph counted, when that
# count is of the same kind (the same verb, or the same order of size).
COUNTED_BEFORE = [
    ("The clinic treated 2,150 patients in June. In July it was 2,480.", "2,480", "patient"),
    ("Inspectors closed 86 restaurants last year. This year they closed 41.", "41", "restaurant"),
    ("The depot shipped 9,400 parcels on Monday. On Tuesday the figure was 8,700.", "8,700", "parcel"),
]
NOT_COUNTED_BEFORE = [
    # a new paragraph starts a new topic
    ("The clinic treated 2,150 patients in June.\n\nIn July it was 2,480.", "2,480"),
    # another order of size and another verb: not a second reading of the count
    ("The clinic treated 2,150 patients in June. The ward number was 12.", "12"),
    # the sentence before counts two different things
    ("The clinic treated 2,150 patients and 1,900 visitors in June. In July it was 2,480.", "2,480"),
]


@pytest.mark.parametrize("text,quantity,unit", COUNTED_BEFORE, ids=[c[1] for c in COUNTED_BEFORE])
def test_bare_figure_counts_what_the_sentence_before_counted(text, quantity, unit):
    assert claim_for(text, quantity).unit == unit


@pytest.mark.parametrize("text,quantity", NOT_COUNTED_BEFORE, ids=[c[1] for c in NOT_COUNTED_BEFORE])
def test_bare_figure_takes_no_noun_from_elsewhere(text, quantity):
    claims = claims_of(text)
    found = [c for c in claims if c.text == quantity]
    assert not found or found[0].unit != "patient"


def test_a_carried_count_goes_on_through_its_sentence():
    text = ("The average class held 28.5 pupils. It was smallest in Wales, at 24.1, and largest in Kent, "
            "at 31.2.")
    claims = claims_of(text)
    assert [claim_for(text, q, claims).unit for q in ("24.1", "31.2")] == ["pupil", "pupil"]
