"""Which numbers are claims, by kind of error found on text the rules were not written from (issue 11):
names that carry a number, the size of a priced pack, figures of a worked example, years a level is
measured against, scores, changes written "from X to Y", measured times (guide G-4) and the earlier end of
their comparisons, fractions, telephone numbers, catalogue designations, the play of a match and the
margins of a tally (R-1), ratings, compounds that count, multiples, parts of a unit (Q-6).

Every row is a sentence written for this test; none is copied from an evaluation set.
"""

from __future__ import annotations

import pytest
from wirecopy import claims_of

DETECTION = [
    # text, the figures that are claims (in order)
    # -- names with numbers (guide 14): products, standards, grades of fuel, events, groups named by size
    ("Orvana on Tuesday unveiled the Zentra 15, a tablet priced at $329.", ["$329"]),
    ("The Zentra 15 sold 40,000 units in its first week.", ["40,000"]),
    ("The laptop has two HDMI 2.1 ports and a PCIe 5.0 drive.", ["two"]),
    ("The agency plans to launch Terra-Probe 2 in 2028.", []),
    ("The cost of 98 octane rose 4c to $2.31 a litre.", ["4c", "$2.31"]),
    ("She won the women's 400m final in 50.12 seconds.", ["50.12"]),
    ("The men's 4x400m relay team finished third.", []),
    ("The big four supermarkets cut milk prices by 3%.", ["3%"]),
    ("Traffic was stopped between junctions 9 and 11 after a crash.", []),
    ("Forecasters issued a level 2 heat-health alert for the region.", []),
    ("The regional carrier grounded its two 737 MAX 8 jets.", ["two"]),
    ("Residents can report a pothole by calling 311.", []),
    # -- sports scores
    ("The Sharks were beaten 27-24 by the Lions in Durban.", []),
    ("Leinster pipped Munster 19-17 on Saturday.", []),
    # -- the number of things in a pack a price is for (CL-2); a size written as a modifier is a claim
    ("A box of 30 paracetamol tablets now costs 95 rupees.", ["95 rupees"]),
    ("Duty on a 500ml bottle of wine rises by 12p.", ["500", "12p"]),
    ("Filling a 60-litre tank now costs about £88.", ["about £88"]),
    ("Soldiers found a sack of 50 grenades near the bridge.", ["50"]),
    ("Filling a typical 50-litre family car costs about £75.", ["about £75"]),
    # -- figures of a worked example
    ("A nurse earning $62,000 would pay $900 less tax, the minister said.", ["$900"]),
    ("A couple on a combined £90,000 with one child gains £30 a week.", ["£30"]),
    ("A tanker insured for $80m faces a premium of $400,000 per voyage.", ["$400,000"]),
    ("A family with a $450,000 mortgage would save about $70 a month.", ["about $70"]),
    ("On a £180,000 loan, the rise adds £95 a month to repayments.", ["£95"]),
    # -- a year a level is measured against (CL-2)
    ("Bookings are now 12% above 2019 levels, the airline said.", ["12%"]),
    # -- changes "from X to Y" are two claims; a range said to be one, or joined by a dash, stays one
    ("Shares in Corvel slid 23p to 310p in early trade.", ["23p", "310p"]),
    ("Harlow Foods added 12p to 264p.", ["12p", "264p"]),
    ("The party is expected to gain 20 to 30 seats.", ["20 to 30"]),
    ("She added that 300 to 400 trucks a day were needed.", ["300 to 400"]),
    ("The city's road budget rises from $41 million to $52 million.", ["$41 million", "$52 million"]),
    ("It now sees a margin of 3% to 3.5%, down from 4–5% before.", ["3% to 3.5%", "4–5%"]),
    ("Output will be 80,000 to 90,000 tonnes, up from a previous range of 60,000 to 70,000 tonnes.",
     ["80,000 to 90,000", "60,000 to 70,000"]),
    ("The ministry said the toll since March 3 to 2,145 had been confirmed.", ["2,145"]),
    ("Traders expect a further dip of $3 to $5 a barrel next month.", ["$3 to $5"]),  # the change's size
    # -- measured times are claims (G-4): a race time, a time a trip takes, a margin, a battery's playback
    ("The Kenyan won the 10,000m, clocking 27.41 seconds for his last lap.", ["27.41"]),
    ("Parcels took 12 days to reach Perth from Shanghai.", ["12"]),
    ("She finished 1.4 seconds clear of the field.", ["1.4"]),
    ("The maker promises 22 hours of video playback.", ["22"]),
    ("The tremor, lasting 40 seconds, cracked walls across the town.", ["40"]),
    # -- ... but not a span that only says how long something went on or sets a window
    ("The siege lasted 40 days, residents said.", []),
    ("Talks will take place over three days in Geneva.", []),
    # -- fractions are claims, in percent (guide 14), also before a comparative and after "by about"
    ("Heating bills remain about a quarter higher than two years ago.", ["about a quarter"]),
    ("Visitor numbers fell by nearly a fifth in the spring.", ["nearly a fifth"]),
    ("The charity's winter appeal was less than a third funded.", ["less than a third"]),
    # -- a spelled number standing alone as a subject, or a part of a group, counts (CL-3)
    ("Rescuers pulled 14 people from the bus. Three were children.", ["14", "Three"]),
    ("Police held 20 protesters overnight; six of them were charged.", ["20", "six"]),
    ("The two sides agreed to meet again. Both said talks were useful.", []),
    ("Two said they had not been paid since March.", []),
    # -- spans of time are not claims (CL-2)
    ("Farmers have faced drought for three summers in a row.", []),
    ("Average crowds at the stadium were 18,240 last season.", ["18,240"]),
    ("The toll was 12 last week and rose over the weekend.", ["12"]),
    ("Wages have grown at their slowest pace in a year and a half.", []),
    ("It was the worst flood in the valley in a quarter of a century.", []),
    # -- telephone numbers and the lines a reader is told to call (CL-2)
    ("Drivers can report fallen trees on 028 555 0177, the council said.", []),
    ("Anyone with symptoms should ring the freephone line on 0800 555 0123.", []),
    ("Call the ministry's toll-free line, 4477, if a neighbour falls ill.", []),
    ("The helpline on 116 123 took 2,300 calls in a week.", ["2,300"]),
    # -- catalogue designations of stars, galaxies and planets are names
    ("The pulsar, listed as PSR J1612-3310, spins 214 times a second.", ["214"]),
    ("Astronomers say KQS 1733+41 lies 950 light years away.", ["950"]),
    ("Images of NGC 2207 show two galaxies merging.", ["two"]),
    # -- the play of a match is not a claim; rates, records, tallies and crowds are
    ("Final score: Eagles 187/6 (20 ov), Rhinos 183/9 (20 ov).", []),
    ("The Rhinos were 71/2 after eight overs.", []),
    ("Eagles chased down 188 with three balls to spare, winning by six wickets.", []),
    ("Nine runs needed off five balls.", []),
    ("They need 74 from 42 balls.", []),
    ("Okoro made 63 off 38 balls at a strike rate of 165.8.", ["165.8"]),
    ("The seamer returned figures of 3/21 from four overs, an economy of 5.25.", ["5.25"]),
    ("The visitors scored five tries to two and won by 12 points.", ["12"]),
    ("She finished six strokes behind the champion.", []),
    ("The hosts have lost eight of their last 11 matches.", ["eight"]),
    ("A crowd of 41,200 watched the final, a record for the ground.", ["41,200"]),
    ("The winner takes home $250,000 in prize money.", ["$250,000"]),
    ("Air defences downed 40 drones, including 12 over the border region.", ["40", "12"]),  # not overs
    # -- a fiscal year is a year; the age of the youngest or the oldest is an age (CL-2)
    ("The ministry asked for about $61 billion for fiscal 2027.", ["about $61 billion"]),
    ("Of the 23 people rescued, the oldest was 88.", ["23"]),
    # -- a reviewer's rating is not a claim; a share out of ten is
    ("Verdict: 8.5 out of 10.", []),
    ("Verdict: three stars.", []),
    ("Seven out of 10 renters said their rent had risen.", ["Seven out of 10"]),
    # -- a model number used as a noun, or a name with its number before the product it names
    ("A 777 that flies half-full loses money on every trip.", []),
    ("The Quarrel 5 chip is 20% faster than its predecessor.", ["20%"]),
    # -- compounds that count the parts or the size of one thing are claims (CL-1); ages and spans are not
    ("The court issued a 212-page judgment on Friday.", ["212"]),
    ("A seven-storey block collapsed in the quake.", ["seven"]),
    ("The 60-bed clinic was running at twice its capacity.", ["60"]),
    ("A 16-core chip powers the desktop.", ["16"]),
    ("A 26-year-old driver was held after a 12-hour chase.", []),
    ("The average one-bed flat now rents for £980 a month.", ["£980"]),
    ("The 12,500-odd crowd stayed to the end.", ["12,500-odd"]),
    # -- measured times (G-4): a specification, a time per week, a geological age
    ("The maker quotes a 0-100km/h time of 5.1 seconds.", ["5.1"]),
    ("Paid hours fell from 41.2 to 40.7 hours a week.", ["41.2", "40.7"]),
    ("Staff worked about 1.5 hours a week of unpaid overtime.", ["about 1.5"]),
    ("The crater formed about 65 million years ago.", ["about 65 million"]),
    ("The strike lasted 12 days.", []),
    ("Power cuts of up to ten hours a day are planned.", []),  # how long something goes on (G-4)
    # -- multiples (guide 14): glued "x", "N to one", "N times oversubscribed"
    ("The camera offers 3x optical zoom.", ["3x"]),
    ("Voters backed the plan by roughly three to one.", ["roughly three to one"]),
    ("The bond sale was more than four times oversubscribed.", ["more than four"]),
    ("The panel was cut from three to one member.", ["three"]),  # a change, not a multiple
    # -- fractions compared or after "of" (guide 14)
    ("The new estimate is a quarter worse than the last.", ["a quarter"]),
    ("Fares saw an increase of nearly a fifth over two years.", ["nearly a fifth"]),
    ("The airport wants to build a third runway.", []),
    # -- a number word that is the earlier end of a change, or a rate, is a claim (CL-3)
    ("The region now has 14 clinics, up from five in 2019.", ["14", "five"]),
    ("The rate stayed below one per 10,000 births.", ["below one"]),
    ("The carrier will retire its three Airbus A340s next year.", ["three"]),
    ("The air force took delivery of four F-35s.", ["four"]),
    # -- measured times (G-4): a wait, a delay, the level a measured time moves to, a benchmark, a record
    ("Commuters faced average delays of 38 minutes at the bridge.", ["38"]),
    ("The median stay in the ward rose to 6.4 days in March.", ["6.4"]),
    ("Nurses say some patients wait more than 30 hours for a bed.", ["more than 30"]),
    ("The target is a wait of two hours, against a benchmark of four hours.", ["two", "four"]),
    ("The grid ran on wind alone for 19 hours on Sunday, a record.", ["19"]),
    ("Tickets were gone within 25 minutes of going on sale.", ["within 25"]),
    ("He had waited 9 hours before a doctor saw him.", []),  # one person's story: how long it went on
    ("The checks are repeated every two years.", []),  # an interval
    # -- a time in two or three units is one claim in the smallest unit
    ("She won the 10,000m in 31 minutes 4.52 seconds.", ["31 minutes 4.52 seconds"]),
    ("The new line cuts the trip from 3 hours 10 minutes to 2 hours 35 minutes.",
     ["3 hours 10 minutes", "2 hours 35 minutes"]),
    # -- heights and lengths of field events glued to "m" (G-4)
    ("Okafor cleared 2.31m in the high jump, up from 2.27m last year.", ["2.31", "2.27"]),
    ("In the javelin she threw 64.08m, a season's best.", ["64.08"]),
    # -- sizes written as a modifier; the thing filled or shipped a price is for stays out (CL-2)
    ("A 400g jar of coffee went from £4.10 to £4.60.", ["400", "£4.10", "£4.60"]),
    ("Bars shrank from 200g to 180g at the same price.", ["200", "180"]),
    ("Shipping a 20-foot box to Hamburg now costs $3,100.", ["$3,100"]),
    # -- ages and class thresholds that define a group
    ("Among adults 70 and over, uptake reached 81%.", ["81%"]),
    ("The allowance for people under 30 stays at $240.", ["$240"]),
    ("Ferries that docked within 10 minutes of schedule made up 74% of sailings.", ["74%"]),
    ("Some 210 trains were delayed by at least 30 minutes.", ["Some 210"]),
    ("Seismologists warned that tremors above magnitude 5 could follow.", []),
    ("Most pupils scored below 150 out of 300.", []),
    ("Wasting reached 16.2%, above the 15% emergency threshold.", ["16.2%"]),
    ("The upper 42p rate will raise £2.1bn next year.", ["£2.1bn"]),
    ("The airline operates 22 MAX 8 jets.", ["22"]),
    # -- fractions as the size of a change or in quotes (section 14); a range of multiples
    ("The council hopes to reopen “at least half” of the closed libraries.", ["at least half"]),
    ("Yields dropped by as much as half in the north.", ["as much as half"]),
    ("Ferry sailings were cut by a third because of storms.", ["a third"]),
    ("The firm says battery life improves by “about a quarter” over the old model.", ["about a quarter"]),
    ("“A drop of a fifth is real progress,” the nurse said.", ["a fifth"]),
    ("Real losses are probably two to four times the reported total.", ["two to four"]),
    ("They train three to four times a week.", []),
    # -- the charge level of a timed charge is the condition of the measured time
    ("The fast charger takes the phone to 60% in 18 minutes.", ["18"]),
    ("On a rapid charger our test car went from 20 to 80 per cent in 31 minutes.", ["31"]),
    ("Shares fell 4% in the first hour of trading.", ["4%"]),
    # -- bound words of
    ("Crude traded near $71 a barrel.", ["near $71"]),
    ("The reservoir held barely 40% of its capacity.", ["barely 40%"]),
    # -- the margin of a season's or a career's tally over another is a claim; a match margin is not
    ("The Tigers have 52 points from 20 games, three ahead of the Sharks.", ["52", "20", "three"]),
    ("Norway took 11 golds, two more than Sweden.", ["11", "two"]),
    ("She has scored 38 goals this season, four short of the club record.", ["38", "four"]),
    ("United now sit six points clear of the relegation zone.", ["six"]),
    ("City are fourth, three points off the top two.", ["three"]),
    ("Rangers won by two wickets with four balls to spare.", []),
    ("His 29 wickets left him one short of the record.", ["29"]),  # "one" counts no people or money (CL-3)
    # -- the earlier end of a comparison of a measured time is measured too (G-4); a time that dates it is not
    ("Ships now wait about 2.5 days for a berth, down from a peak of 6.3 days.", ["about 2.5", "6.3"]),
    ("Patients waited a median of 11 weeks, compared with 7 weeks in 2019.", ["11", "7"]),
    ("Laptops are now replaced every 4.1 years, up from 3.2 years in 2018.", ["4.1", "3.2"]),
    ("Unemployment is 5.2%, up from 4.8% two years ago.", ["5.2%", "4.8%"]),
]

# Kinds found on news-4 and held-out 10 (read once they joined the training sets), recurring in another set
AROUND = [
    # text, the figures that are claims (in order)
    # -- ages in passing (CL-2): "at N he", "when he was", "is N today", the second of "aged X and Y"
    ("At 31 she is the oldest player in the squad, and 14 clubs wanted her.", ["14"]),
    ("He left home when he was 17; \"she is 24 now,\" his mother said.", []),
    ("Three suspects, aged 19 and 23, were charged.", ["Three"]),
    # -- family descriptions; a toll of the same words stays a claim
    ("Amina Yusuf, a father of five from Mosul, said prices doubled.", []),
    ("She walked for two days with her four sons to reach the camp.", []),
    ("He lost his home, and his two daughters were killed in the strike.", ["two"]),
    ("The family waited in a tent with 11 relatives.", []),
    # -- ranks, like ordinals (CL-2), and counts of anonymous sources
    ("Mali and Chad are the two poorest members, and the three biggest lenders cut rates.", []),
    ("Sales rose 8%, according to three people familiar with the figures.", ["8%"]),
    # -- a stated uncertainty, a confidence level and a vote's threshold are not claims (Q-5, P-9)
    ("The survey of 1,200 adults has a margin of error of 3 percentage points.", ["1,200"]),
    ("Support stood at 41 per cent, plus or minus 2.5 points, at a 90% confidence level.", ["41 per cent"]),
    ("The risk fell by 18% (95% confidence interval, 9% to 26%).", ["18%"]),
    ("No candidate is near the 50%-plus-one mark.", []),
    # -- a level in a condition is no fact
    ("If gold stays above $2,400 an ounce, miners will add 3,000 jobs.", ["3,000"]),
    ("Gold stayed above $2,400 an ounce.", ["above $2,400"]),
    # -- a time in two units that says how long something went on (G-4); a measured one stays
    ("The curfew lasted 9 hours and 30 minutes.", []),
    ("The siren sounded at dawn and the alert was lifted after 2 hours and 45 minutes.", []),
    ("In our rundown test the tablet lasted 14 hours and 5 minutes.", ["14 hours and 5 minutes"]),
    # -- a comparison after a bare figure is not a duration or a date
    ("Burglaries fell from 212 to 187 year on year.", ["212", "187"]),
    ("Claims rose to 4,100, up from 3,650 a year earlier.", ["4,100", "3,650"]),
    # -- "over" after the weapons it places is no bound
    ("Defences downed 33 drones over six regions overnight.", ["33", "six"]),
    # -- resolutions and fuel grades are classes, not figures
    ("The 27-inch 5K display costs $1,599, and premium 95 rose 3c.", ["27", "$1,599", "3c"]),
    # -- class thresholds after a plural noun; after a singular one or a verb they are claims
    ("Fines went mostly to drivers with more than three previous offences.", []),
    ("Monitors logged 30 raids in which more than five people were arrested.", ["30"]),
    ("It is a port with more than 2 million residents.", ["more than 2 million"]),
    ("That compares with more than 9,000 last year.", ["more than 9,000"]),
    # -- the hours that define a full-time worker in a worked example
    ("For a full-time nurse working 38 hours a week, the rise is worth $900 a year.", ["$900"]),
    ("On a typical €250,000 loan, repayments drop by €30.", ["€30"]),
    # -- the play of one match
    ("Essex slumped to 112 all out before lunch.", []),
    ("The Tigers needed 9 off the last over, with Khan conceding only six runs in the final six balls.", []),
    # -- a time said of a population's average or median, or a life expectancy, is measured (P-7, G-4)
    ("The national median age edged up to 31.4 years.", ["31.4"]),
    ("Life expectancy was 61.5 years for men and 66.1 years for women.", ["61.5", "66.1"]),
    ("The average length of stay was 12 days.", ["12"]),
    ("He served three years in prison.", []),
    ("She was jailed for two years and six months.", []),
    ("The fleet has an average age of nine years and four months.", ["nine"]),  # (the months: no own figure)
]

BOUNDS = [
    # text, the bound of its first claim
    ("Crude traded near $71 a barrel.", "at_most"),
    ("The reservoir held barely 40% of its capacity.", "at_most"),
    ("Night temperatures may drop as low as minus 12 degrees.", "at_most"),
    ("The probe passed within 35 kilometres of the moon.", "at_most"),
    ("Markets now price in better than 70% odds of a cut.", "at_least"),
    ("Demand crossed 9,100 MW on Tuesday.", "at_least"),
    ("The haul was worth something like £3 million.", "about"),
    ("Rival analysts put the shortfall closer to 40 tonnes.", "about"),  # P-4
    ("The ferry carried close to 900 passengers.", "at_most"),  # VAL-2, not P-4
    ("Confirmed cases of the virus have passed 2,300.", "at_least"),
    ("Visitor numbers this season passed 85,000.", "at_least"),
    ("The satellite passed 530 kilometres above the volcano.", "exact"),  # a place, not a bound
    ("Interceptors downed 12 drones over three provinces.", "exact"),  # "over" places the drones
    # a bound under a negation is turned round
    ("Parts of the state have not had more than 20 millimetres of rain since May.", "at_most"),
    ("Overnight the temperature never fell below 31 degrees.", "at_least"),
    ("No more than 40 people attended.", "at_most"),
    ("The measure passed 61 votes to 38.", "exact"),  # a vote
]

TIMES = [
    # text, value and unit of its first claim (Q-4: one claim, the smallest unit)
    ("She won the 10,000m in 31 minutes 4.52 seconds.", 1864.52, "second"),
    ("The phone lasted 19 hours and 40 minutes in our test.", 1180.0, "minute"),
]



@pytest.mark.parametrize("text,claims", DETECTION, ids=[c[0][:48] for c in DETECTION])
def test_which_numbers_are_claims(text, claims):
    assert [c.text for c in claims_of(text)] == claims


@pytest.mark.parametrize("text,claims", AROUND, ids=[c[0][:48] for c in AROUND])
def test_words_around_a_figure(text, claims):
    assert [c.text for c in claims_of(text)] == claims


@pytest.mark.parametrize("text,bound", BOUNDS, ids=[c[0][:48] for c in BOUNDS])
def test_bound_words(text, bound):
    assert claims_of(text)[0].bound == bound


@pytest.mark.parametrize("text,value,unit", TIMES, ids=[c[0][:48] for c in TIMES])
def test_a_time_in_two_units_is_one_claim(text, value, unit):
    claim = claims_of(text)[0]
    assert (claim.value, claim.unit) == (pytest.approx(value), unit)


PARTS_OF_A_UNIT = [
    # text, value and unit of its first claim: a part of a unit is that much of the unit, not a share
    ("The jobless rate rose a tenth of a point to 4.4%.", 0.1, "percentage point"),
    ("Inflation slowed by two tenths of a percentage point in May.", 0.2, "percentage point"),
    ("He cut his reaction time by roughly a hundredth of a second.", 0.01, "second"),
    ("The Swede was three tenths slower than the leaders in qualifying.", 0.3, "second"),
    ("She finished two hundredths behind the winner.", 0.02, "second"),
    # a part of a whole stays the percent it means (section 14)
    ("Prices are a third higher than last year.", 33.3, "percent"),
    ("A tenth of the budget goes on roads.", 10.0, "percent"),
]


@pytest.mark.parametrize("text,value,unit", PARTS_OF_A_UNIT, ids=[c[0][:48] for c in PARTS_OF_A_UNIT])
def test_a_part_of_a_unit(text, value, unit):
    claim = claims_of(text)[0]
    assert (claim.value, claim.unit) == (pytest.approx(value), unit)


# Section 19 of the annotation guide: which figures are claims (O-15, O-16, O-17); sentences written
# for this test
SECTION_19_DETECTION = [
    # O-15: statistics of one match are not claims; league standings are
    ("Rovers enjoyed 64% possession and had 18 shots, but won only three corners.", []),
    ("The visitors made 23 tackles in the first half.", []),
    ("Rovers sit second with 38 points from 19 games.", ["38", "19"]),
    ("Police said 14 shots were fired at the house.", ["14"]),
    # O-16: a fixed standard or threshold is not a claim
    ("Malnutrition passed the 15% emergency threshold in two districts.", ["two"]),
    ("Families receive less than the recommended 2,100 kilocalories per person.", []),
    ("The signal has not yet reached the 5-sigma threshold physicists require.", []),
    # O-17: a figure named only to be corrected
    ("The index recorded a 0.6-point drop, not 0.6%, the bureau said.", []),
]


@pytest.mark.parametrize("text,expected", SECTION_19_DETECTION, ids=[c[0][:40] for c in SECTION_19_DETECTION])
def test_section_19_detection(text, expected):
    assert [c.text for c in claims_of(text)] == expected
