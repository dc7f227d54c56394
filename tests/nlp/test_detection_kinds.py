"""Which numbers are claims, by kind of error found on text the rules were not written from (issue 11):
names that carry a number, the size of a priced pack, figures of a worked example, years a level is
measured against, scores, changes written "from X to Y", measured times (guide G-4), fractions.

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
    # -- the size of a pack or container a price is for (CL-2)
    ("A box of 30 paracetamol tablets now costs 95 rupees.", ["95 rupees"]),
    ("Duty on a 500ml bottle of wine rises by 12p.", ["12p"]),
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
]


@pytest.mark.parametrize("text,claims", DETECTION, ids=[c[0][:48] for c in DETECTION])
def test_which_numbers_are_claims(text, claims):
    assert [c.text for c in claims_of(text)] == claims
