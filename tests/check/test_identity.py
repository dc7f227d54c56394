"""A figure's identity: who, what, where and when, resolved through data/subjects.toml."""

import pytest

from claimledger.check import check_claims
from claimledger.check.identity import figure_key, same_figure
from claimledger.models import Claim, Period
from claimledger.normalize.subjects import measure, resolve_place, resolve_subject


def claim(id, value, subject=None, location=None, unit="troop", category="casualties", scope="cumulative",
          published="2024-11-26", period=None, text=None, sentence="x", bound="exact"):
    return Claim(id=id, doc_id=f"doc-{id}", span=(0, 1), text=text or str(value), sentence=sentence,
                 value=value, unit=unit, category=category, time_scope=scope, subject=subject,
                 location=location, published=published, period=period, outlet=f"outlet-{id}", bound=bound)


@pytest.mark.parametrize("subject", ["Russia", "Russian forces", "Russian troops", "russia",
                                     "the Russian army", "Russian servicemen", "the occupiers", "Moscow"])
def test_russia_and_its_forces_are_one_party(subject):
    assert resolve_subject(subject).key == "russia"


@pytest.mark.parametrize("subject,key,named", [
    ("North Korean soldiers", "north korea", True),
    ("Ukrainian refugees", "ukraine/refugee", True),
    ("Ukrainian prisoners", "ukraine/prisoner", True),
    ("people", "people", False),
    ("civilians", "civilian", False),
    ("Gaza", "gaza", True),
    ("RSF fighters", "sudan's rapid support forces", True),
])
def test_subjects(subject, key, named):
    whose = resolve_subject(subject)
    assert (whose.key, whose.named) == (key, named)


@pytest.mark.parametrize("place,resolved", [
    ("Kiev", "kyiv"), ("Kyiv", "kyiv"), ("Kursk oblast", "kursk region"), ("Kursk region", "kursk region"),
    ("Kharkiv", "kharkiv"), ("the Gaza Strip", "gaza"), ("Ukrainian", "ukraine"),
    ("the United States", "united states"),
])
def test_places(place, resolved):
    assert resolve_place(place) == resolved


def test_russia_figures_are_one_group_and_people_need_a_place():
    day = Period("2024-11-25", "2024-11-26")
    a = claim("a", 1480, "russia", scope="daily", unit="casualty", period=day)
    b = claim("b", 1480, "Russian forces", scope="daily", unit="casualty", period=day)
    assert same_figure(a, b)
    malatya = claim("m", 12_400, "people", "Malatya", unit="person", category="displaced", scope="point")
    sidon = claim("s", 1_200, "people", "Sidon", unit="person", category="displaced", scope="point")
    nowhere = claim("n", 900, "people", unit="person", category="displaced", scope="point")
    assert not same_figure(malatya, sidon) and figure_key(nowhere) is None


def test_money_without_a_measure_or_a_time_is_no_figure():
    # "(no subject): usd money point" held a bonus, a repair bill and a payment as one figure
    bonus = claim("a", 1700, unit="USD", category="money", scope="point", sentence="a bonus of about $1,700")
    bill = claim("b", 60e6, unit="USD", category="money", scope="point", sentence="repairs cost $60 million")
    assert figure_key(bonus) is None and figure_key(bill) is None
    check_claims([bonus, bill])
    assert bonus.checks == [] and bill.checks == []


def test_what_a_percentage_measures_is_read_from_the_sentence():
    assert measure("Annual inflation stood at 8.6% in September.", "8.6%") == "inflation"
    assert measure("Unemployment was 2.4% in September.", "2.4%") == "unemployment"
    sep = Period("2024-09-01", "2024-09-30")
    a = claim("a", 8.6, None, "Russia", "percent", "percent", "period", period=sep,
              sentence="Annual inflation stood at 8.6% in September.", text="8.6%")
    b = claim("b", 2.4, None, "Russia", "percent", "percent", "period", period=sep,
              sentence="Unemployment was 2.4% in September.", text="2.4%")
    assert figure_key(a) is not None and not same_figure(a, b)


def test_point_levels_weeks_apart_are_not_compared():
    a = claim("a", 3000, "North Korean soldiers", "Kursk", "soldier", "troops", "point",
              published="2024-10-20")
    b = claim("b", 12000, "North Korean troops", "Kursk", "soldier", "troops", "point",
              published="2024-12-20")
    check_claims([a, b])
    assert a.checks == [] and b.checks == []


def test_running_totals_from_different_starts_are_not_compared():
    war = claim("w", 150_000, "people", "Sudan", "person", "deaths", bound="at_most",
                period=Period("2023-04-15", "2024-06-14"), published="2024-06-14")
    cholera = claim("c", 2_138, "people", "Sudan", "person", "deaths", period=Period(None, "2026-07-14"),
                    published="2026-07-14")
    assert not same_figure(war, cholera)
