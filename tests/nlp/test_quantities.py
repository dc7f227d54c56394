"""The quantity layer on its own: how figures, amounts, ranges and bounds are read (no spaCy)."""

from __future__ import annotations

import pytest

from claimledger.nlp.quantities import default_scanner, find_quantities

CASES = [
    # text, expected (quantity text, value, high, bound, unit) of the first mention
    ("offers of 400,000 rubles (the", ("400,000 rubles", 400000, None, "exact", "RUB")),
    ("the equivalent of $3,800)", ("$3,800", 3800, None, "exact", "USD")),
    ("a $1bn package", ("$1bn", 1e9, None, "exact", "USD")),
    ("a €50m grant", ("€50m", 5e7, None, "exact", "EUR")),
    ("UAH 1.5 billion for repairs", ("UAH 1.5 billion", 1.5e9, None, "exact", "UAH")),
    ("1.2 million people", ("1.2 million", 1.2e6, None, "exact", None)),
    ("12 million hryvnias", ("12 million hryvnias", 1.2e7, None, "exact", "UAH")),
    ("£3 million in aid", ("£3 million", 3e6, None, "exact", "GBP")),
    ("US$40 million", ("US$40 million", 4e7, None, "exact", "USD")),
    ("RUB 3.5 trillion", ("RUB 3.5 trillion", 3.5e12, None, "exact", "RUB")),
    ("5 million euros", ("5 million euros", 5e6, None, "exact", "EUR")),
    ("between 500 and 700 people", ("between 500 and 700", 500, 700, "range", None)),
    ("1,000-1,500 troops", ("1,000-1,500", 1000, 1500, "range", None)),
    ("500 to 700 homes", ("500 to 700", 500, 700, "range", None)),
    ("1.5-2 million refugees", ("1.5-2 million", 1.5e6, 2e6, "range", None)),
    ("$3-4 billion", ("$3-4 billion", 3e9, 4e9, "range", "USD")),
    ("over 1,000 men", ("over 1,000", 1000, None, "at_least", None)),
    ("more than 40 drones", ("more than 40", 40, None, "at_least", None)),
    ("at least 12 people", ("at least 12", 12, None, "at_least", None)),
    ("nearly 3,000 homes", ("nearly 3,000", 3000, None, "at_most", None)),
    ("up to 500 troops", ("up to 500", 500, None, "at_most", None)),
    ("about 200 people", ("about 200", 200, None, "about", None)),
    ("an estimated 733,830 troops", ("an estimated 733,830", 733830, None, "about", None)),
    ("some 70 villages", ("some 70", 70, None, "about", None)),
    ("1,000+ volunteers", ("1,000+", 1000, None, "at_least", None)),
    ("200 or more", ("200 or more", 200, None, "at_least", None)),
    ("15% of homes", ("15%", 15, None, "exact", "percent")),
    ("4.5 per cent inflation", ("4.5 per cent", 4.5, None, "exact", "percent")),
    ("up 3 percentage points", ("3 percentage points", 3, None, "exact", "percentage point")),
    ("a dozen drones", ("a dozen", 12, None, "exact", None)),
    ("three people died", ("three", 3, None, "exact", None)),
    ("twenty-five soldiers", ("twenty-five", 25, None, "exact", None)),
    ("two hundred and fifty people", ("two hundred and fifty", 250, None, "exact", None)),
    ("half a million people", ("half a million", 5e5, None, "exact", None)),
    ("tens of thousands of people", ("tens of thousands", 1e4, None, "at_least", None)),
]

# Issue 11: general news (markets, technology, science, sport). Sentences written for these tests.
GENERAL_NEWS = [
    # text, (quantity text, value, high, bound, unit with its rate) of the first mention
    # -- figures glued to a unit, a currency code, a percent or pence
    ("The base model ships with 256GB of storage.", ("256", 256, None, "exact", "gigabyte")),
    ("The lender arranged a USD10m facility for the port.", ("USD10m", 1e7, None, "exact", "USD")),
    ("Police clocked the van at 50mph in a school zone.", ("50", 50, None, "exact", "mile per hour")),
    ("Sterling slipped 1.38pc against the dollar.", ("1.38pc", 1.38, None, "exact", "percent")),
    ("Shares in the grocer closed at 164p on Friday.", ("164p", 1.64, None, "exact", "GBP")),
    ("The retailer's bonds pay 4.2 pc a year.", ("4.2 pc", 4.2, None, "exact", "percent")),
    ("The charity raised 20 pence per bottle.", ("20 pence", 0.2, None, "exact", "GBP per bottle")),
    ("Tickets cost 15€ at the door.", ("15€", 15, None, "exact", "EUR")),
    # -- claim-like numbers that a skip rule used to drop
    ("The handset has a 6.1-inch display.", ("6.1", 6.1, None, "exact", "inch")),
    # -- fractions, multiples, small decimals
    # fractions and shares are the percent they mean (guide 14); multiples are "fold"
    ("A third of the population lives on the coast.", ("A third", 33.3, None, "exact", "percent")),
    ("Two-thirds of voters backed the plan.", ("Two-thirds", 66.7, None, "exact", "percent")),
    ("Half of the households had no power.", ("Half", 50, None, "exact", "percent")),
    ("It covers less than a fifth of the cost.", ("less than a fifth", 20, None, "at_most", "percent")),
    ("One in four adults smokes.", ("One in four", 25, None, "exact", "percent")),
    ("The odds fell to about 1 in 1,250 on Friday.", ("about 1 in 1,250", 0.08, None, "about", "percent")),
    ("Roughly one out of three had no papers.", ("Roughly one out of three", 33.3, None, "about", "percent")),
    ("Some 3/4 of voters backed it.", ("Some 3/4", 75, None, "about", "percent")),
    ("Fuel subsidies are cut by a third to 75 billion pounds.", ("a third", 33.3, None, "exact", "percent")),
    ("Its sensor is about 1,000 times greater than before.", ("about 1,000", 1000, None, "about", "fold")),
    ("Men were about two and a half times as likely to die.", ("about two and a half", 2.5, None, "about",
                                                               "fold")),
    ("Prices are twice as high as in May.", ("twice", 2, None, "exact", "fold")),
    ("He walked three quarters of a mile.", ("three quarters", 0.75, None, "exact", "mile")),
    ("Exports grew more than sixfold in a decade.", ("more than sixfold", 6, None, "at_least", "fold")),
    ("Imports rose 10-fold after the deal.", ("10-fold", 10, None, "exact", "fold")),
    ("The error rate fell to .001 after the update.", (".001", 0.001, None, "exact", None)),
    ("It is worth two and a half million dollars.", ("two and a half million dollars", 2.5e6, None, "exact",
                                                      "USD")),
    ("Mix in ¾ cup of flour.", ("¾", 0.75, None, "exact", None)),
    # -- negatives keep their sign; scientific notation is one number
    ("It recorded minus 260 degrees Fahrenheit.", ("minus 260", -260, None, "exact", "degree fahrenheit")),
    ("Futures traded -1.3% by noon.", ("-1.3%", -1.3, None, "exact", "percent")),
    ("The balance stood at minus 387 at the close.", ("minus 387", -387, None, "exact", None)),
    ("Its mass is about 9.11×10−31 kg.", ("about 9.11×10−31", 9.11e-31, None, "about", "kilogram")),
    ("The star is 1.2e6 light-years away.", ("1.2e6", 1.2e6, None, "exact", "light-year")),
    # -- units: a rate is a unit per unit; the unit is the measure, not the noun after it
    ("The streaming service costs $14.95 a month.", ("$14.95", 14.95, None, "exact", "USD per month")),
    ("The limit on the bridge is 50 km/h.", ("50", 50, None, "exact", "kilometre per hour")),
    ("Winds reached 120 kilometres per hour.", ("120", 120, None, "exact", "kilometre per hour")),
    ("He caught the ball at the 40 yard line.", ("40", 40, None, "exact", "yard")),
    ("The engine makes 500 pound-feet of torque.", ("500", 500, None, "exact", "pound-foot")),
    ("The motor delivers 400 Nm at low revs.", ("400", 400, None, "exact", "newton-metre")),
    ("The firm leased a 570 sq m space downtown.", ("570", 570, None, "exact", "square metre")),
    ("The developer paid HK$1.2bn for the site.", ("HK$1.2bn", 1.2e9, None, "exact", "HKD")),
    ("The state will spend Rs 500 crore on roads.", ("Rs 500 crore", 5e9, None, "exact", "INR")),
    ("The new plant uses 44 mg to 50 mg of the catalyst.", ("44 mg to 50", 44, 50, "range", "milligram")),
    ("It ranged from -18 °C to -34 °C.", ("-18 °C to -34", -34, -18, "range", "degree celsius")),
    ("The athlete is 1.8m tall.", ("1.8", 1.8, None, "exact", "metre")),
    ("The bill came to 15 dollars and 50 cents.", ("15 dollars and 50 cents", 15.5, None, "exact", "USD")),
    # -- a glued "trn" scale, a hyphenated percentage point, a share written "two-in-three"
    ("In Abuja the state spent N12.4trn on wages.", ("N12.4trn", 1.24e13, None, "exact", "NGN")),
    ("It proposed a three-percentage-point cut in the levy.",
     ("three-percentage-point", 3, None, "exact", "percentage point")),
    ("Bettors give it about a one-in-four chance.", ("about a one-in-four", 25, None, "about", "percent")),
    # a share written "one <thing> in every N"
    ("Roughly one dollar in every five goes on interest.",
     ("Roughly one dollar in every five", 20, None, "about", "percent")),
]


def test_a_letter_currency_takes_the_outlets_city_when_the_text_names_no_place():
    text = "A loaf now costs R23.50, up from R21."
    scanner = default_scanner()
    assert [(m.text, m.unit) for m in scanner.scan(text, "Karoo Shopper (Bloemfontein)")] == [
        ("R23.50", "ZAR"), ("R21", "ZAR")]
    assert scanner.scan(text) == []  # no place at all: "R" may be a name's ("an R5 rifle")
    # the place the text names comes first: a Lagos story is not set in Cape Town
    lagos = scanner.scan("In Lagos a loaf costs R23.50.", "Cape Post (Cape Town)")
    assert all(m.unit != "ZAR" for m in lagos)


@pytest.mark.parametrize("text,expected", GENERAL_NEWS, ids=[c[0][:40] for c in GENERAL_NEWS])
def test_reads_general_news_quantity(text, expected):
    m = find_quantities(text)[0]
    assert (m.text, m.high, m.bound, m.full_unit) == (expected[0], *expected[2:])
    assert m.value == pytest.approx(expected[1], rel=1e-9)


def test_change_gives_both_values_with_their_roles():
    mentions = find_quantities("Bitcoin fell from $36,040 to $34,935 on Monday.")
    assert [(m.text, m.value, m.role) for m in mentions] == [
        ("$36,040", 36040, "from"), ("$34,935", 34935, "to")]


def test_a_unit_with_an_article_is_recognised_but_vague():
    mention = find_quantities("A gallon of petrol now costs more.")[0]
    assert (mention.value, mention.unit, mention.vague) == (1, "gallon", True)


NOT_QUANTITIES = ["the 20th Guards", "Su-25 jets", "COVID-19 cases", "F-16 pilots", "a 155mm shell",
                  "a 50m budget", "9/11 attacks", "open 24/7"]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0] for c in CASES])
def test_reads_quantity(text, expected):
    mentions = find_quantities(text)
    assert mentions, f"no quantity found in {text!r}"
    m = mentions[0]
    assert (m.text, m.value, m.high, m.bound, m.unit) == expected
    assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_names_and_measures_are_not_quantities(text):
    assert find_quantities(text) == []


def test_change_is_two_figures_not_a_range():
    texts = [m.text for m in find_quantities("prices rose from 500 to 700 rubles")]
    assert texts == ["500", "700 rubles"]


def test_pounds_of_weight_are_not_money():
    assert find_quantities("500 pounds of explosives")[0].unit == "pound"  # a weight, not GBP


def test_vague_magnitudes_are_flagged():
    mentions = find_quantities("thousands of dollars")
    assert mentions[0].vague and mentions[0].unit == "USD"


# Not shares, not multiples (guide 14): the words around a part say it is a period, a duration, a count of
# occasions, or two figures ("five in 24 hours").
NOT_SHARES = [
    ("in the first half of the year", []),
    ("half an hour later", []),
    ("killed five in 24 hours", [(5, None), (24, None)]),
    ("1,500 in 12 cities", [(1500, None), (12, None)]),
    ("The lock is raised 150 times a year.", [(150, None)]),
    ("It was attacked by a third party.", []),
    ("half a million people", [(5e5, None)]),
]


def test_a_number_word_inside_a_word_is_no_number():
    # the spelled-fraction branch once lacked the word boundary: "ten and a half" was read inside "often"
    assert 10.5 not in [m.value for m in find_quantities("He stayed often and a half.")]
    assert [m.value for m in find_quantities("It took ten and a half hours.")] == [10.5]


@pytest.mark.parametrize("text,expected", NOT_SHARES, ids=[c[0] for c in NOT_SHARES])
def test_not_a_share(text, expected):
    assert [(m.value, m.unit) for m in find_quantities(text)] == expected


# Numbers by kind (issue 11, Recognizers-Text's NumberModel): value as the scanner reads it.
NUMBER_KINDS = [
    # written-out numbers
    ("two hundred and five", 205),
    ("one million and a half", 1.5e6),
    ("one billion and a half million", 1_000_500_000),
    ("two  thousand  and  two hundred", 2200),
    ("fifty - two", 52),
    ("two hundred point seventy-one", 200.71),
    ("naught point five", 0.5),
    ("3 hundred and 21", 321),
    ("4 thousand 3 hundred", 4300),
    ("I count 6 crore and two hundred", 60_000_200),
    # fractions (a share alone is the percent it means)
    ("twenty-three fifths", 4.6),
    ("one hundred and three quarters", 100.75),
    ("2  1/4", 2.25),
    ("three fifths", 60),
    ("one over three", 33.3),
    ("1 in twenty-one", 4.8),
    # negatives, powers
    ("-4/5", -80),
    ("- 1 4/5", -1.8),
    ("-2.5^-1", -0.4),
    ("1.1^2", 1.21),
    # decimals and other notations
    ("0.5", 0.5),
    (".5", 0.5),
    ("1,234.567", 1234.567),
    ("China's population is 1 414 021 100.", 1_414_021_100),
    ("40 000 is the same as 40 000", 40000),
    # scale words
    ("3 dozens", 36),
    ("five dozs", 60),
    ("2mil SEK", 2e6),
    ("US$ 1MM", 1e6),
    ("either 10 bln or 10 tln", 1e10),
    ("I can give you 10M.", 1e7),
    ("hundred thousand dollars", 1e5),
]


@pytest.mark.parametrize("text,expected", NUMBER_KINDS, ids=[c[0] for c in NUMBER_KINDS])
def test_number_kinds(text, expected):
    mentions = find_quantities(text)
    assert mentions, f"no number in {text!r}"
    assert mentions[0].value == pytest.approx(expected, rel=1e-9)


def test_a_list_of_small_numbers_is_not_one_number():
    assert [m.value for m in find_quantities("on May 5 100 people")] == [5, 100]


# O-14 (guide section 19): a head-to-head poll is two shares, not a range and not a score
POLL_PAIRS = [
    ("A poll for the Herald puts Okafor ahead of Lind 52-48.", [(52.0, "percent"), (48.0, "percent")]),
    ("The latest survey has the incumbent trailing 47.5-52.5.", [(47.5, "percent"), (52.5, "percent")]),
    # no word of polling, or not a split of the whole: left as it was
    ("The Falcons led 52-48 at the break.", [(52.0, None)]),
]


@pytest.mark.parametrize("text,expected", POLL_PAIRS, ids=[c[0][:30] for c in POLL_PAIRS])
def test_poll_pairs(text, expected):
    assert [(m.value, m.unit) for m in find_quantities(text)] == expected


# detect15: changes after verbs whose object stands between verb and "from", signed ranges (O-11), ranges of a
# comparison's earlier level, and cents named by their currency (G-1)
DETECT15_CASES = [
    ("The board plans to raise the fee from $40 to $55 next year.",
     [("$40", 40, None, "from"), ("$55", 55, None, "to")]),
    ("Lifting the weekly cap on fares from £200 to £250 was shelved.",
     [("£200", 200, None, "from"), ("£250", 250, None, "to")]),
    ("a 3pc rise in the wholesale price of diesel, from USD 700 to USD 721 per tonne",
     [("3pc", 3, None, None), ("USD 700", 700, None, "from"), ("USD 721", 721, None, "to")]),
    ("Overnight lows of minus 8C to minus 11C are likely.", [("minus 8C to minus 11", -11, -8, None)]),
    ("Output was 900 a day, down from an estimated 1,200 to 1,500 a day last spring.",
     [("900", 900, None, None), ("an estimated 1,200 to 1,500", 1200, 1500, None)]),
    ("The fare fell to 12.5 Singapore cents.", [("12.5 Singapore cents", 0.125, None, None)]),
    ("Power cost 41 euro cents a unit.", [("41 euro cents", 0.41, None, None)]),
    ("The kiwi moved between 58.2 and 59.9 US cents.",
     [("between 58.2 and 59.9 US cents", 0.582, 0.599, None)]),
]


@pytest.mark.parametrize("text,expected", DETECT15_CASES, ids=[c[0][:40] for c in DETECT15_CASES])
def test_changes_signed_ranges_and_named_cents(text, expected):
    got = [(m.text, m.value, m.high, m.role) for m in find_quantities(text)]
    assert len(got) == len(expected)
    for (g_text, g_value, g_high, g_role), (text_, value, high, role) in zip(got, expected, strict=True):
        assert (g_text, g_role) == (text_, role)
        assert g_value == pytest.approx(value)
        assert g_high == pytest.approx(high) if high else g_high is None
