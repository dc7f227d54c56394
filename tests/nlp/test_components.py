"""Table-driven cases for each pipeline component, in sentences written in the manner of wire copy.

Each case names one figure in one text and the fields a component must give it. Texts are our own.
"""

from __future__ import annotations

import pytest
from wirecopy import PUBLISHED, claim_for

import claimledger

ATTRIBUTION = [
    # text, quantity, source name, source type, via
    ("At least 12 people were killed in Odesa on Monday, regional governor Oleh Kiper said.",
     "At least 12", "Oleh Kiper", "government", None),  # TYPE-2: an office-holder speaks for the office
    ("Russia launched 35 drones overnight, the Ukrainian air force said, "
     "adding that air defences shot down 31 of them.",
     "31", "Ukrainian air force", "military", None),
    ('"We have lost more than 200 men in this sector," said Captain Andriy Melnyk. '
     '"Another 150 were wounded."',
     "150", "Andriy Melnyk", "person", None),
    ("The death toll rose to 2,300, the health ministry said. "
     "The ministry also said that 4,100 people were injured.",
     "4,100", "health ministry", "government", None),
    ("According to the UN refugee agency, more than 6.5 million refugees have been recorded across Europe.",
     "more than 6.5 million", "UN refugee agency", "international_org", None),
    ("Police detained 1,200 protesters in Moscow, the rights group OVD-Info reported.",
     "1,200", "OVD-Info", "ngo", None),
    ("Twelve people were reported killed by local officials after the floods.",
     "Twelve", "local officials", "government", None),
    ("Mediazona, citing data from open sources, said it had confirmed the deaths of 45,123 Russian soldiers.",
     "45,123", "Mediazona", "media", None),
    ("Around 300 demonstrators gathered outside parliament, while police said about 40 were arrested.",
     "Around 300", "AUTHOR", "author", None),
    ("Around 300 demonstrators gathered outside parliament, while police said about 40 were arrested.",
     "about 40", "police", "government", None),
    ("The IMF approved a $15.6 billion loan, the fund said on Friday.",
     "$15.6 billion", "IMF", "international_org", None),
    ("Russia's defence ministry claimed its forces had shot down 27 Ukrainian drones.",
     "27", "Russia's defence ministry", "military", None),
    ("Reuters reported, citing the Ukrainian General Staff, that Russia lost 1,100 troops in a day.",
     "1,100", "Ukrainian General Staff", "military", "Reuters"),
    ("A new decree will give volunteers a bonus of 195,000 rubles.",
     "195,000 rubles", "AUTHOR", "author", None),
    ("Shares fell 4.5 per cent.", "4.5 per cent", "AUTHOR", "author", None),
    ("Turkey's disaster agency AFAD said 35,418 people had died.", "35,418", "AFAD", "government", None),
    ("Ukraine's energy company Ukrenergo said 1,500 consumers were left without power.",
     "1,500", "Ukrenergo", "company", None),
    ("According to the General Staff, Russia lost 1,020 troops. "
     "According to the report, it also lost 14 tanks.",
     "14", "General Staff", "military", None),
]


@pytest.mark.parametrize("text,quantity,name,source_type,via", ATTRIBUTION,
                         ids=[f"{c[1]}" for c in ATTRIBUTION])
def test_attribution(text, quantity, name, source_type, via):
    claim = claim_for(text, quantity)
    assert (claim.source.name, claim.source.type, claim.source.via) == (name, source_type, via)


def test_attribution_does_not_carry_over_without_a_cue():
    text = "The governor said 14 people were injured. Power was cut to 3,000 homes in the city."
    assert claim_for(text, "3,000").source.name == "AUTHOR"


CATEGORY_AND_UNIT = [
    ("Russian forces have suffered 1,480 casualties.", "1,480", "casualties", "casualty"),
    ("Russia has lost 19 artillery systems.", "19", "equipment", "artillery system"),
    ("At least 12 people, including three children, were killed.", "At least 12", "deaths", "person"),
    ("At least 12 people, including three children, were killed.", "three", "deaths", "child"),
    ("The UN said 10,582 civilians had been killed and 19,875 injured.", "19,875", "injuries", "civilian"),
    ("Police detained 1,200 protesters.", "1,200", "detained", "protester"),
    ("More than 6.5 million refugees have fled.", "More than 6.5 million", "displaced", "refugee"),
    ("The death toll from the earthquake rose to 2,300.", "2,300", "deaths", "death"),
    ("Over 10,000 North Korean soldiers have been sent to Kursk.", "Over 10,000", "troops", "soldier"),
    ("Air defences shot down 31 of the drones.", "31", "equipment", "drone"),
    ("Inflation slowed to 7.4% in February.", "7.4%", "percent", "percent"),
    ("The budget sets aside UAH 1.5 billion for shelters.", "UAH 1.5 billion", "money", "UAH"),
    ("Around 300 demonstrators gathered outside parliament.", "Around 300", "other", "demonstrator"),
    ("The ministry said 66 people had been detained and 21 police officers injured.",
     "66", "detained", "person"),
    ("The ministry said 66 people had been detained and 21 police officers injured.",
     "21", "injuries", "police officer"),
    # the guide: a figure standing alone takes what it counts ("the death toll rose to 45": death)
    ("The opposition put the number of arrests at more than 100.", "more than 100", "detained", "arrest"),
    ("The budget allocates 13.5 trillion rubles to defence, up from 10.8 trillion this year.",
     "10.8 trillion", "money", "RUB"),
    ("At least 34,183 Palestinians have been killed since the war began in Gaza.",
     "At least 34,183", "deaths", "person"),  # U-6: a demonym that is the counted noun
    ("Fires forced the evacuation of 19,000 residents.", "19,000", "displaced", "resident"),
    ("Fires have burned more than 2,300 hectares.", "more than 2,300", "other", "hectare"),
]


@pytest.mark.parametrize("text,quantity,category,unit", CATEGORY_AND_UNIT,
                         ids=[f"{c[1]}-{c[2]}" for c in CATEGORY_AND_UNIT])
def test_category_and_unit(text, quantity, category, unit):
    claim = claim_for(text, quantity)
    assert (claim.category, claim.unit) == (category, unit)


TIME_SCOPE = [
    # text, quantity, time scope, period (start, end) or None
    ("Over the past day, Russia lost 1,230 troops.", "1,230", "daily", ("2024-03-12", "2024-03-13")),
    ("Russia has lost 512,420 troops since the full-scale invasion began.", "512,420", "cumulative",
     ("2022-02-24", "2024-03-13")),
    ("Police detained 1,200 protesters on Saturday.", "1,200", "period", ("2024-03-09", "2024-03-09")),
    ("Inflation slowed to 7.4% in February.", "7.4%", "period", ("2024-02-01", "2024-02-29")),
    ("Exports fell 12% in October.", "12%", "period", ("2023-10-01", "2023-10-31")),
    ("A decree signed on Monday offers a bonus of 400,000 rubles.", "400,000 rubles", "point", None),
    ("Over 10,000 North Korean soldiers have been sent to Kursk.", "Over 10,000", "point", None),
    ("Some regiments lost over 1,000 men to desertion.", "over 1,000", "unspecified", None),
    ("The death toll climbed past 41,000 on Wednesday.", "past 41,000", "cumulative", (None, "2024-03-13")),
    ("At least 34,183 Palestinians have been killed in Gaza since the war began.", "At least 34,183",
     "cumulative",
     ("2023-10-07", "2024-03-13")),
    ("Wildfires have burned more than 2,300 hectares since Saturday.", "more than 2,300", "period",
     ("2024-03-09", "2024-03-13")),
    ("The Pentagon announced a $300 million package, its first since December.",
     "$300 million", "point", None),
    ("Russia has lost 428,870 troops since Feb. 24, 2022, including 1,020 over the past day.", "428,870",
     "cumulative",
     ("2022-02-24", "2024-03-13")),
]


@pytest.mark.parametrize("text,quantity,scope,period", TIME_SCOPE, ids=[c[1] for c in TIME_SCOPE])
def test_time_scope(text, quantity, scope, period):
    claim = claim_for(text, quantity)
    assert claim.time_scope == scope
    assert (claim.period and (claim.period.start, claim.period.end)) == period


HEDGING_AND_VERIFICATION = [
    # text, quantity, hedged, verification
    ("Estimates suggest Russia has lost 733,830 troops.", "733,830", True, None),
    ("Some units have reportedly lost over 1,000 men.", "over 1,000", True, None),
    ("An estimated 4,000 people fled the town.", "An estimated 4,000", True, None),
    ("The brigade said it destroyed six tanks. The claims could not be independently verified.",
     "six", False, "unverified"),
    ("Intelligence estimated that 10,000 troops were sent. "
     "Moscow has not confirmed or denied the deployment.",
     "10,000", True, "not_confirmed"),
    ("Peskov denied reports that 5,000 reservists had been called up.", "5,000", True, "denied"),
    ("The ministry said 34,183 people have been killed, a figure Israel disputes.",
     "34,183", False, "disputed"),
    ("In Syria, more than 5,800 deaths have been reported, according to the government.",
     "more than 5,800", False, None),
    ("Between 15,000 and 20,000 people attended, organisers said, while police estimated the crowd at 7,000.",
     "Between 15,000 and 20,000", False, None),
    ("Between 15,000 and 20,000 people attended, organisers said, while police estimated the crowd at 7,000.",
     "7,000", True, None),
]


@pytest.mark.parametrize("text,quantity,hedged,verification", HEDGING_AND_VERIFICATION,
                         ids=[c[1] for c in HEDGING_AND_VERIFICATION])
def test_hedging_and_verification(text, quantity, hedged, verification):
    claim = claim_for(text, quantity)
    assert (claim.hedged, claim.verification) == (hedged, verification)


def test_verification_about_a_topic_reaches_one_sentence_back_only():
    text = ("Officials said 40 people were detained. Later, 2,000 troops were sent to the border. "
            "Moscow has not confirmed or denied the deployment.")
    assert claim_for(text, "2,000").verification == "not_confirmed"
    assert claim_for(text, "40").verification is None


CONVERSIONS = [
    ("The government approved 3.1 trillion hryvnias ($81 billion) for defence.",
     "$81 billion", "3.1 trillion hryvnias"),
    ("Fines of up to £2m (about $2.5m) were imposed.", "about $2.5m", "up to £2m"),
    ("The fund holds UAH 40 billion, or about $1 billion, in reserve.", "about $1 billion", "UAH 40 billion"),
]


@pytest.mark.parametrize("text,converted,original", CONVERSIONS, ids=[c[1] for c in CONVERSIONS])
def test_conversions_link_and_inherit(text, converted, original):
    claims = {c.text: c for c in claimledger.extract(text, published=PUBLISHED)}
    assert claims[converted].conversion_of == claims[original].id
    assert claims[converted].source.name == "AUTHOR"
    assert claims[converted].bound == claims[original].bound


NON_CLAIMS = [
    ("A 56-year-old man and his 8-year-old grandson were among the dead.", "56"),
    ("The family lived at 14 Shevchenko Street.", "14"),
    ("Read more: Ukraine war latest. Contact us on +44 20 7946 0958.", "20"),
    ("Olena Petrenko, 41, said her house was destroyed.", "41"),
    ("KYIV, March 12 (Reuters) - Three people were killed.", "12"),
    ("The strike hit at 6 a.m. on Tuesday.", "6"),
    ("The war escalated in 2022.", "2022"),
    ("Within the last 24 hours, 40 drones were launched.", "24"),
    ("The 47th Mechanized Brigade said it held the line.", "47"),
    ("Article 5 of the treaty applies.", "5"),
    ("Members are offered thousands of dollars to enlist.", "thousands of dollars"),
    ("One of the regions was cut off.", "One"),
    ("The two sides met in Istanbul.", "two"),
]


@pytest.mark.parametrize("text,quantity", NON_CLAIMS, ids=[c[1] for c in NON_CLAIMS])
def test_non_claims(text, quantity):
    claims = claimledger.extract(text, published=PUBLISHED)
    assert all(quantity not in c.text for c in claims), [c.text for c in claims]
