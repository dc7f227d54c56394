"""check_ledger: the checks over a whole ledger, page by page, give what check_claims gives in memory."""

import copy

from claimledger.check import check_claims, check_ledger
from claimledger.models import Claim, Document, Source
from claimledger.store import ClaimFilter

GS = "General Staff of the Armed Forces of Ukraine"


def claim(id, doc, value, unit, category, scope="point", subject=None, canonical=None, conversion_of=None):
    return Claim(id=id, doc_id=doc.id, span=(0, 1), text=str(value), sentence="x", value=value, unit=unit,
                 category=category, time_scope=scope, subject=subject, conversion_of=conversion_of,
                 source=Source(canonical=canonical), published=doc.published, outlet=doc.outlet)


def fill(ledger) -> list[Claim]:
    first = Document(text="first", published="2024-11-26", outlet="First Wire")
    second = Document(text="second", published="2024-11-27", outlet="Second Daily")
    third = Document(text="third", published="2024-11-27", outlet="Third Post")
    by_doc = [
        (first, [claim("a-rub", first, 400_000, "RUB", "money"),
                claim("b-usd", first, 3800, "USD", "money", conversion_of="a-rub"),
                claim("c-gs", first, 733_830, "troop", "casualties", "cumulative", "Russian forces", GS),
                claim("d-gaza", first, 100, "person", "deaths", "cumulative", "Gaza")]),
        # a running total that went down the next day: the two reports cannot both be right
        (second, [claim("e-gaza", second, 90, "person", "deaths", "cumulative", "Gaza")]),
        (third, [claim("f-none", third, 100, "person", "deaths", "cumulative")]),  # no subject: no group
    ]
    for doc, claims in by_doc:
        ledger.add(doc, claims, "test")
    return [c for _, claims in by_doc for c in claims]


def stored_checks(ledger) -> dict[str, list[tuple[str, str, str]]]:
    return {c.id: [(k.kind, k.result, k.detail) for k in c.checks] for c in ledger.iter_claims(ClaimFilter())}


def test_ledger_checks_equal_the_in_memory_checks(ledger):
    claims = fill(ledger)
    expected = {c.id: [(k.kind, k.result, k.detail) for k in c.checks]
                for c in check_claims(copy.deepcopy(claims))}
    # a page of one claim: the converted amount and the other report are never in the same page
    tally = check_ledger(ledger, batch=1)
    assert stored_checks(ledger) == expected
    assert [kind for kind, _, _ in expected["b-usd"]] == ["fx_conversion"]
    assert [result for _, result, _ in expected["e-gaza"]] == ["inconsistent"]
    assert expected["f-none"] == []
    assert tally[("cross_source", "inconsistent")] == 2 and sum(tally.values()) == 4


def test_checking_the_ledger_again_changes_nothing(ledger):
    fill(ledger)
    check_ledger(ledger)
    once = stored_checks(ledger)
    check_ledger(ledger, batch=2)
    assert stored_checks(ledger) == once


def test_a_figure_in_the_ledger_is_its_identity_not_its_words(ledger):
    from claimledger.models import Period
    from claimledger.store.figures import figure_claims, figure_parts, shared_figures

    day = Period("2024-11-25", "2024-11-26")
    by_doc = []
    for n, (subject, location, value) in enumerate(
            [("Russia", None, 1480), ("Russian forces", None, 1480), ("russian troops", "Russia", 1620),
             ("Russian forces", "Kursk", 300), ("people", None, 12)]):
        doc = Document(text=f"doc {n}", published="2024-11-26", outlet=f"outlet {n}")
        c = claim(f"c{n}", doc, value, "casualty", "casualties", "daily", subject)
        c.location, c.period = location, day
        ledger.add(doc, [c], "test")
        by_doc.append(c)
    parts = figure_parts(by_doc[0])
    assert parts == ("russia", "casualties", "casualty", "daily")
    # "Russia", "Russian forces" and "russian troops" in Russia are one figure; Kursk is another place
    assert sorted(c.id for c in figure_claims(ledger.engine, parts)) == ["c0", "c1", "c2"]
    assert list(shared_figures(ledger.engine)) == [parts]
    # "people" with no place is a figure of one report
    alone = figure_parts(by_doc[4])
    assert alone[0] == "#c4" and [c.id for c in figure_claims(ledger.engine, alone)] == ["c4"]
    tally = check_ledger(ledger)
    assert tally[("cross_source", "inconsistent")] == 3  # 1,620 against 1,480 twice, and they against it
