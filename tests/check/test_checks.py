import pytest

from claimledger.check import check_claims
from claimledger.models import Claim, Source

GS = "General Staff of the Armed Forces of Ukraine"


def claim(id, value, unit, category, scope="unspecified", bound="exact", subject=None, canonical=None,
          conversion_of=None, published="2024-11-26"):
    return Claim(id=id, doc_id="d", span=(0, 1), text="x", sentence="x", value=value, unit=unit, bound=bound,
                 category=category, time_scope=scope, subject=subject, conversion_of=conversion_of,
                 source=Source(canonical=canonical), published=published)


@pytest.mark.parametrize("stated,bound,published,result", [
    (3800, "about", "2024-11-26", "consistent"),    # the schema's worked example
    (3799, "exact", "2024-11-26", "consistent"),
    (6200, "about", "2024-11-26", "inconsistent"),  # stale rate (~64 RUB/USD, 2021)
    (2000, "about", "2024-11-26", "inconsistent"),
])
def test_fx_conversion(stated, bound, published, result):
    rub = claim("a", 400000, "RUB", "money", published=published)
    usd = claim("b", stated, "USD", "money", bound=bound, conversion_of="a", published=published)
    check_claims([rub, usd])
    assert usd.checks[0].kind == "fx_conversion" and usd.checks[0].result == result, usd.checks[0].detail
    assert rub.value_usd == pytest.approx(3854, abs=1)


def test_stale_rate_detail_names_the_old_date():
    rub = claim("a", 400000, "RUB", "money")
    usd = claim("b", 6200, "USD", "money", bound="about", conversion_of="a")
    check_claims([rub, usd])
    assert "stale rate from 20" in usd.checks[0].detail


def test_currency_with_no_rate_is_unknown():
    src = claim("a", 1000, "XXQ", "money")
    usd = claim("b", 10, "USD", "money", conversion_of="a")
    check_claims([src, usd])
    assert usd.checks[0].result == "unknown"


@pytest.mark.parametrize("value,unit,cat,scope,bound,subject,canonical,published,result", [
    (733830, "troop", "casualties", "cumulative", "exact", "Russia", None, "2024-11-26", "consistent"),
    (1480, "casualty", "casualties", "daily", "exact", "Russian forces", GS, "2024-11-26", "consistent"),
    (19, "artillery system", "equipment", "daily", "exact", None, GS, "2024-11-26", "consistent"),
    (700000, "troop", "casualties", "cumulative", "at_least", "Russia", None, "2024-11-26", "consistent"),
    (800000, "troop", "casualties", "cumulative", "at_least", "Russia", None, "2024-11-26", "inconsistent"),
    (700000, "troop", "casualties", "cumulative", "about", "Russia", None, "2024-11-26", "consistent"),
    (741200, "troop", "casualties", "cumulative", "about", "Russia", None, "2024-11-26", "inconsistent"),
    (733800, "troop", "casualties", "cumulative", "about", "Russia", None, "2024-11-26", "consistent"),
    (733830, "troop", "casualties", "daily", "exact", "Russia", None, "2024-11-26", "inconsistent"),
    (1480, "casualty", "casualties", "cumulative", "exact", "Russia", None, "2024-11-26", "inconsistent"),
    (1480, "casualty", "casualties", "daily", "exact", "Russia", None, "2021-01-01", "unknown"),
])
def test_reference_series(value, unit, cat, scope, bound, subject, canonical, published, result):
    c = claim("a", value, unit, cat, scope=scope, bound=bound, subject=subject, canonical=canonical,
              published=published)
    check_claims([c])
    assert [k.result for k in c.checks if k.kind == "reference_series"] == [result], c.checks


def test_unspecified_scope_is_not_compared():
    c = claim("a", 733830, "troop", "casualties", subject="Russia")
    check_claims([c])
    assert c.checks == []


@pytest.mark.parametrize("src,dst,source", [("UAH", "USD", "NBU"), ("PLN", "EUR", "NBP"),
                                            ("RUB", "EUR", "CBR"), ("GBP", "USD", "ECB")])
def test_issuing_bank_is_preferred(src, dst, source):
    from datetime import date

    from claimledger.check.rates import convert

    assert convert(100, src, dst, date(2024, 11, 26))[3] == source
