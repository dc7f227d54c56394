"""Quantities of general news by kind (issue 11, annotation guide section 14). Our own sentences."""

from __future__ import annotations

import pytest

from claimledger import extract
from claimledger.nlp.quantities import find_quantities

# text, (quantity text, value, high, bound, unit) of the mention with that text
SCANNED = [
    # minor units of a currency are hundredths of the major unit, and take the rate after them
    ("profit was 73 cents a share", ("73 cents", 0.73, None, "exact", "USD per share")),
    ("a dividend of 12 HK cents per share", ("12 HK cents", 0.12, None, "exact", "HKD per share")),
    ("a payout of 25 fils a share", ("25 fils", 0.25, None, "exact", "AED per share")),
    ("the levy goes up by 7c a litre", ("7c", 0.07, None, "exact", "USD per litre")),
    ("a 40-cent rise in the toll", ("40-cent", 0.40, None, "exact", "USD")),
    # a scale after a hyphen or glued to the figure
    ("sales of $6.15-billion in the year", ("$6.15-billion", 6.15e9, None, "exact", "USD")),
    ("a loss of $840-million", ("$840-million", 8.4e8, None, "exact", "USD")),
    ("the £38million signing", ("£38million", 3.8e7, None, "exact", "GBP")),
    ("between $1.1-billion and $1.4-billion", ("between $1.1-billion and $1.4-billion", 1.1e9, 1.4e9, "range",
                                              "USD")),
    # the rand's R and the ringgit's RM glued to a figure
    ("Pretoria plans spending of R3.6 trillion", ("R3.6 trillion", 3.6e12, None, "exact", "ZAR")),
    ("a saving of R12bn in Durban", ("R12bn", 1.2e10, None, "exact", "ZAR")),
    ("crude palm oil at RM4,105 a tonne", ("RM4,105", 4105, None, "exact", "MYR per tonne")),
    # a temperature without its degree sign
    ("the mercury hit 47.2C on Monday", ("47.2", 47.2, None, "exact", "degree celsius")),
    ("a low of minus 9C overnight", ("minus 9", -9, None, "exact", "degree celsius")),
    # ranges: "or", a glued percent at both ends, a rate after the second end
    ("we see 20 or 30 bidders", ("20 or 30", 20, 30, "range", None)),
    ("growth of between 2pc and 4pc", ("between 2pc and 4pc", 2, 4, "range", "percent")),
    ("tickets cost between $40 and $65 a seat", ("between $40 and $65", 40, 65, "range", "USD per seat")),
    ("temperatures fall by 4 to 6 degrees", ("4 to 6", 4, 6, "range", "degree")),
    # bounds: "about a 70 per cent chance", "priced from"
    ("traders see about a 70 per cent chance", ("about a 70 per cent", 70, None, "about", "percent")),
    ("the coupe is priced from EUR 61,900", ("EUR 61,900", 61900, None, "at_least", "EUR")),
    ("prices start at £849 for the base model", ("£849", 849, None, "exact", "GBP")),
    # basis points keep their words (G-2)
    ("the bank cut rates by 25 basis points", ("25 basis points", 25, None, "exact", "basis point")),
    ("spreads widened 40bps", ("40bps", 40, None, "exact", "basis point")),
    ("a 50-basis-point rise", ("50-basis-point", 50, None, "exact", "basis point")),
    # decimal commas: a comma before one or two final digits (G-9); three digits stay thousands
    ("le chantier coûte 3,5 millions d'euros", ("3,5 millions d'euros", 3.5e6, None, "exact", "EUR")),
    ("un taux de 2,4% en juin", ("2,4%", 2.4, None, "exact", "percent")),
    ("a fare of 1,250 euros", ("1,250 euros", 1250, None, "exact", "EUR")),
    ("a list of 3,50,000 rupees", ("3,50,000 rupees", 350000, None, "exact", "INR")),
    # a rate written once carries through the list (G-7)
    ("diesel at £1.52 a litre and petrol at £1.44", ("£1.52", 1.52, None, "exact", "GBP per litre")),
    ("homes let for $1,900 and $2,300 a month", ("$1,900", 1900, None, "exact", "USD per month")),
    ("oil at $78.20 a barrel on Friday", ("$78.20", 78.2, None, "exact", "USD per barrel")),
    ("8 million tonnes of grain a year", ("8 million", 8e6, None, "exact", "tonne per year")),
    # a change by an amount takes the rate of the level it led to; the earlier end of a comparison too
    ("Brent rose 40 US cents to US$81.10 a barrel", ("40 US cents", 0.4, None, "exact", "USD per barrel")),
    ("costs fell to £3.2m a day from a peak of £5m", ("£5m", 5e6, None, "exact", "GBP per day")),
    # rates on a measure or a thing priced
    ("prices hit $15,500 a megawatt-hour", ("$15,500", 15500, None, "exact", "USD per megawatt-hour")),
    ("cocoa traded above $4.10 a pound", ("above $4.10", 4.1, None, "at_least", "USD per pound")),
    ("margins of ₹400-650 per unit", ("₹400-650", 400, 650, "range", "INR per unit")),
    # an amount named by a noun of a period is a rate; its stated conversion takes the rate too
    ("forecast annual sales of about $1.9 billion", ("about $1.9 billion", 1.9e9, None, "about",
                                                     "USD per year")),
    ("the average monthly wage was 58,000 rubles", ("58,000 rubles", 58000, None, "exact", "RUB per month")),
    ("a monthly grant of 40 million rupiah ($2,450)", ("$2,450", 2450, None, "exact", "USD per month")),
    ("the annual report put profit at $5bn", ("$5bn", 5e9, None, "exact", "USD")),
    ("farmers get 900 zlotys per hectare", ("900 zlotys", 900, None, "exact", "PLN per hectare")),
    # a rate of a rate; a change with its percent between takes the level's rate; freight per container
    ("offices let at HK$26 per square foot a month", ("HK$26", 26, None, "exact",
                                                      "HKD per square foot per month")),
    ("adding 150,000 barrels per day each month", ("150,000", 150000, None, "exact",
                                                   "barrel per day per month")),
    ("Brent lost $1.12, or 1.5%, to $70.40 a barrel", ("$1.12", 1.12, None, "exact", "USD per barrel")),
    ("petrol falls to AED2.85 a litre in May from AED3.01", ("AED3.01", 3.01, None, "exact",
                                                             "AED per litre")),
    ("a surcharge of $450 per TEU", ("$450", 450, None, "exact", "USD per twenty-foot equivalent unit")),
    # the price of one of a measure named before the amount
    ("a litre of diesel now sells for about 4,100 kyat", ("about 4,100 kyat", 4100, None, "about",
                                                          "MMK per litre")),
    # a valuation or leverage multiple
    ("debt stood at 3.9 times earnings", ("3.9", 3.9, None, "exact", "fold")),
]


@pytest.mark.parametrize("text,expected", SCANNED, ids=[c[0][:40] for c in SCANNED])
def test_reads_news_form(text, expected):
    mentions = find_quantities(text)
    mention = next((m for m in mentions if m.text == expected[0]), mentions[0])
    value = expected[1]
    assert (mention.text, mention.high, mention.bound, mention.full_unit) == (expected[0], *expected[2:])
    assert mention.value == pytest.approx(value)


# A change by an amount, then the level it led to: two figures, not a range.
CHANGES = [
    ("claims fell by 12,000 to 1.43 million", [("12,000", 12000), ("1.43 million", 1.43e6)]),
    ("the index rose by 310 to 9,870", [("310", 310), ("9,870", 9870)]),
]


@pytest.mark.parametrize("text,expected", CHANGES, ids=[c[0] for c in CHANGES])
def test_change_by_an_amount_is_not_a_range(text, expected):
    mentions = find_quantities(text)
    assert [(m.text, m.value) for m in mentions] == expected
    assert all(m.high is None for m in mentions)


def test_letters_before_r_are_not_the_rand():
    # a figure glued to letters that are no currency is an id's, not a figure (CL-2)
    assert [m.unit for m in find_quantities("In Durban, the FR2 and KR7 codes")] == []


def _claims(text: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.unit) for c in extract(text)]


# Figures of sport that are not claims (guide 14: scores; annotator J: cricket notation), beside a claim that
# must stay.
SPORT = [
    ("The hosts were 87 for four at lunch before a crowd of 21,300.", "21,300"),
    ("He took 6 for 38 as the visitors were bowled out, watched by 9,450 fans.", "9,450"),
    ("She passed her rival on lap 37 of 52 and won by 3.1 seconds.", "3.1"),
    ("The pair collided at Turn 4, and 12 cars retired.", "12"),
    ("They sealed a 3-0 series win, earning a bonus of $250,000.", "$250,000"),
    ("Grade 3 or higher side effects hit 14% of patients.", "14%"),
    ("It goes from 0 to 100 km/h in 4.4 seconds, the maker said.", "4.4"),
]


@pytest.mark.parametrize("text,kept", SPORT, ids=[c[0][:40] for c in SPORT])
def test_sport_notation_is_not_a_claim(text, kept):
    assert [t for t, _ in _claims(text)] == [kept]


# Measured times are claims (growth-2 annotators J and K); spans of time stay out (CL-2).
TIMES = [
    ("The new model charges to 80% in 22 minutes, the company said.", ("22", "minute")),
    ("Buses on the route will come every 20 minutes, the council said.", ("20", "minute")),
    ("Patients on the drug lived a median of 9.6 months, the trial found.", ("9.6", "month")),
    ("The champion finished 2.8 seconds behind the leader.", ("2.8", "second")),
    ("Listings stay on the market for 38 days on average, agents said.", ("38", "day")),
    ("The tablet has a battery life of 14 hours, the maker said.", ("14", "hour")),
    ("She won in a time of 2 hours, the organisers said.", ("2", "hour")),
    ("Patients faced an average wait of 19 weeks, the report said.", ("19", "week")),
]


@pytest.mark.parametrize("text,expected", TIMES, ids=[c[0][:40] for c in TIMES])
def test_measured_time_is_a_claim(text, expected):
    assert expected in _claims(text)


@pytest.mark.parametrize("text", [
    "The truce held for two years before fighting resumed.",
    "He was jailed for eight months last spring.",
    "Sirens sounded for 40 minutes on Sunday.",
    "He was sentenced to six years in prison on Monday.",
    "The striker signed a three-year contract.",
    "The walkout lasted nine days.",
])
def test_span_of_time_is_not_a_claim(text):
    assert _claims(text) == []


INDEX_LEVELS = [
    ("The Nikkei 225 slipped 0.8% to 37,410.5 on Thursday.", "37,410.5", "point"),
    ("Earlier, the Dax had opened 0.4pc higher at 18,230, traders said.", "18,230", "point"),
    ("The Dow added 1.1% to 41,002.", "41,002", "point"),
    ("In Wellington, the NZX 50 rose 0.3 per cent to 12,105.", "12,105", "point"),
    ("The S&P 500 company cut its staff to 4,100 workers.", "4,100", None),
    ("The Nikkei has doubled from 2012 to 2024.", "2024", None),
]


@pytest.mark.parametrize("text,figure,unit", INDEX_LEVELS, ids=[c[0][:40] for c in INDEX_LEVELS])
def test_index_level_is_in_points(text, figure, unit):
    found = {m.text: m.full_unit for m in find_quantities(text)}
    assert found[figure] == unit


EXCHANGE_RATES = [
    ("The pound was flat at $1.2645 in late trade.", "$1.2645", "USD per GBP"),
    ("The rand weakened to R18.02 to the dollar on Monday.", "R18.02", "ZAR per USD"),
    ("The Canadian dollar eased to 1.3655 against the US dollar, traders said.", "1.3655", "CAD per USD"),
    ("The euro zone will lend $1.25 billion, officials said.", "$1.25 billion", "USD"),
    ("The real figure was $14.75 an hour.", "$14.75", "USD per hour"),
    # the nearest currency before the figure that is not a rate's base (G-3)
    ("The rand slid to 18.40 to the dollar while sterling firmed to $1.2790.", "$1.2790", "USD per GBP"),
    ("The rand slid to 18.40 to the dollar while sterling firmed to $1.2790.", "18.40", "ZAR per USD"),
    ("Sterling rose a cent against the dollar to $1.2190.", "$1.2190", "USD per GBP"),
    ("The euro was steady at 0.86 pence, dealers said.", "0.86 pence", "GBP per EUR"),
]


@pytest.mark.parametrize("text,figure,unit", EXCHANGE_RATES, ids=[c[0][:40] for c in EXCHANGE_RATES])
def test_exchange_rate_is_a_currency_per_currency(text, figure, unit):
    found = {m.text: m.full_unit for m in find_quantities(text)}
    assert found[figure] == unit
