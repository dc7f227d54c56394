"""One comparison for every check: bounds, ranges, rounding, and cumulative figures along the series."""

import pytest

from claimledger.check import check_alone, check_claims
from claimledger.check.compare import Stated, agree, interval, own_bound, rounds_to
from claimledger.models import Claim, Period


@pytest.mark.parametrize("a,b,ok", [
    (Stated(10_000, "at_least"), Stated(12_000), True),          # "over 10,000" and 12,000
    (Stated(10_000, "at_least"), Stated(12_000, "about"), True),  # "over 10,000" and "about 12,000"
    (Stated(30_000, "at_most"), Stated(25_000), True),
                # "up to 30,000" is not contradicted by 25,000
    (Stated(30_000, "at_most"), Stated(35_000), False),
    (Stated(10_000, "at_least"), Stated(3_000, "about"), False),
    (Stated(275_000, "range", 325_000), Stated(300_000), True),
    (Stated(275_000, "range", 325_000), Stated(107_000), False),
    (Stated(700_000, "about"), Stated(733_830), True),            # one significant figure
    (Stated(741_200, "about"), Stated(733_830), False),           # "an estimated 741,200" is precise to 100
    (Stated(1_000_000, "about"), Stated(600_000), False),         # "about one million" is not 600,000
    (Stated(1_200_000), Stated(1_180_000), True),
    (Stated(1_200_000), Stated(1_290_000), False),
    (Stated(14), Stated(14.3), True),
    (Stated(14.3), Stated(15.9), False),
    (Stated(1480), Stated(1480), True),
    (Stated(1480), Stated(1620), False),
])
def test_agree(a, b, ok):
    assert agree(a, b) is ok and agree(b, a) is ok


def test_intervals():
    assert interval(Stated(1480)) == (1475, 1485)
    assert interval(Stated(10_000)) == (9_500, 10_500)  # without "about": two significant figures at least


def gs_claim(id, value, bound, doc, outlet, published="2024-11-26", text=None):
    return Claim(id=id, doc_id=doc, span=(0, 1), text=text or str(value), sentence="x", value=value,
                 bound=bound,
                 unit="troop", category="casualties", time_scope="cumulative", subject="Russia",
                 period=Period("2022-02-24", published), published=published, outlet=outlet)


def test_cross_source_and_reference_give_one_verdict_for_one_pair():
    # "an estimated 741,200" against the General Staff's 733,830 of the same day: once as another outlet's
    # report, once as the reference series; the two checks must say the same
    estimate = gs_claim("e", 741_200, "about", "d1", "Carpathian Times", text="an estimated 741,200")
    bulletin = gs_claim("b", 733_830, "exact", "d2", "Northern Ledger")
    check_claims([estimate, bulletin])
    results = {k.kind: k.result for k in estimate.checks}
    assert results == {"reference_series": "inconsistent", "cross_source": "inconsistent"}
    rounded = gs_claim("r", 700_000, "about", "d3", "Danube Post", text="about 700,000")
    check_claims([rounded, bulletin])
    assert {k.kind: k.result for k in rounded.checks} == {"reference_series": "consistent",
                                                          "cross_source": "consistent"}


def test_cumulative_reports_are_compared_along_the_series():
    early = gs_claim("a", 724_050, "exact", "d1", "first", "2024-11-19")
    later = gs_claim("b", 733_830, "exact", "d2", "second", "2024-11-26")
    check_claims([early, later])
    assert [k.result for k in later.checks if k.kind == "cross_source"] == ["consistent"]
    shrunk = gs_claim("c", 724_050, "exact", "d3", "third", "2024-11-28")
    check_claims([later, shrunk])
    assert [k.result for k in shrunk.checks if k.kind == "cross_source"] == ["inconsistent"]


def conversion(amount, currency, stated, unit, sentence, text, published):
    original = Claim(id="o", doc_id="d", span=(0, 1), text=f"{amount}", sentence=sentence, value=amount,
                     unit=currency, category="money", time_scope="point", published=published)
    converted = Claim(id="c", doc_id="d", span=(0, 1), text=text, sentence=sentence, value=stated, unit=unit,
                      category="money", time_scope="point", published=published, conversion_of="o")
    return check_alone(converted, original).checks[0]


@pytest.mark.parametrize("amount,currency,stated,unit,sentence,text,published,result", [
    # 959-961 million at the NBU rate: a one-figure "about" of the conversion itself
    (40e9, "UAH", 1e9, "USD", "It set aside UAH 40 billion, or about $1 billion.", "about $1 billion",
     "2025-06-04", "consistent"),
    (15_000, "RUB", 160, "USD", "The fine is 15,000 rubles (about $160).", "about $160", "2024-09-16",
     "consistent"),
    (10_300, "UAH", 230, "EUR", "A bonus of 10,300 hryvnias, about €230.", "about €230", "2024-11-26",
     "consistent"),
    (4_600, "PLN", 1_200, "USD", "A pension of 4,600 zlotys (about $1,200).", "about $1,200", "2024-11-26",
     "inconsistent"),
    (400_000, "RUB", 4_400, "USD", "It pays 400,000 rubles ($4,400).", "$4,400", "2024-11-26",
     "inconsistent"),
])
def test_conversions_read_their_own_bound_and_rounding(amount, currency, stated, unit, sentence, text,
                                                       published, result):
    assert conversion(amount, currency, stated, unit, sentence, text, published).result == result


def test_own_bound():
    c = Claim(id="c", doc_id="d", span=(0, 1), text="$1 billion", value=1e9, unit="USD", category="money",
              sentence="UAH 40 billion, or about $1 billion.")
    assert own_bound(c) == "about"
    c.sentence, c.text = "up to 2 million rubles ($21,500)", "$21,500"
    assert own_bound(c) == "exact"  # the "up to" is the converted amount's
    assert rounds_to(959e6, 1e9) and rounds_to(164, 160) and not rounds_to(1120, 1200)
