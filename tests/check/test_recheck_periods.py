"""Storing one more report of a daily figure reads that day's reports only, and checks it as the whole
figure's cross-check would (issue 13: a store must not grow with the size of its figure's group)."""

from __future__ import annotations

from datetime import date, timedelta

from claimledger.check import check_figure, recheck_figures
from claimledger.models import Claim, Document, Period, Source
from claimledger.store import Ledger
from claimledger.store.figures import figure_claims, figure_parts

SOURCE = Source("Ukraine's Armed Forces", "General Staff of the Armed Forces of Ukraine", "military", "said")
START = date(2024, 3, 1)


def _report(k: int, day: date, value: int) -> tuple[Document, list[Claim]]:
    text = f"Russian forces lost {value:,} troops on {day.isoformat()}, officials said."
    doc = Document(text=text, id=f"r-{k}", outlet=f"Outlet {k}", published=day.isoformat())
    figure = f"{value:,}"
    at = text.index(figure)
    return doc, [Claim(id=Claim.make_id(doc.id, at, at + len(figure)), doc_id=doc.id,
                       span=(at, at + len(figure)), text=figure, sentence=text, value=float(value),
                       unit="troop", category="casualties", time_scope="daily",
                       period=Period(day.isoformat(), day.isoformat()), subject="Russian forces",
                       source=SOURCE, published=day.isoformat(), outlet=doc.outlet)]


def test_a_new_report_reads_its_own_days_reports_and_is_checked_as_over_the_whole_figure(tmp_path):
    ledger = Ledger.open(f"sqlite:///{tmp_path / 'l.sqlite'}")
    for k in range(12):  # days 0..5, two reports a day, agreeing
        doc, claims = _report(k, START + timedelta(days=k // 2), 1200)
        ledger.add(doc, claims, "test")
    day = START + timedelta(days=2)
    doc, claims = _report(99, day, 1900)  # disagrees with that day's two reports
    ledger.add(doc, claims, "test")
    parts = figure_parts(claims[0])
    assert len(figure_claims(ledger.engine, parts)) == 13
    of_day = figure_claims(ledger.engine, parts, periods={(day.isoformat(), day.isoformat())})
    assert sorted(c.doc_id for c in of_day) == ["r-4", "r-5", "r-99"]
    assert figure_claims(ledger.engine, parts, periods={("1999-01-01", "1999-01-01")}) == []

    (checked,) = recheck_figures(ledger, claims)
    (result,) = [k for k in checked.checks if k.kind == "cross_source"]
    assert result.result == "inconsistent" and result.data["disagree"] == 2
    whole = {m.id: m for members in check_figure(ledger.engine, parts, None).values() for m in members}
    assert whole[checked.id].checks == checked.checks  # the same answer as the whole figure's cross-check
    stored = {c.id: c for c in ledger.document("r-4")[1]}  # type: ignore[index]
    assert [k.result for k in next(iter(stored.values())).checks if k.kind == "cross_source"] == \
        ["inconsistent"]
    ledger.close()
