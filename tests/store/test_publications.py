"""Provenance: the same text from a second outlet is another publication of the document, not a drop; the
earliest publication is the first; claims say which file they came from."""

from __future__ import annotations

from claimledger.batch import ingest
from claimledger.store import ClaimFilter
from claimledger.store.publications import publications_of


def test_a_second_outlet_with_the_same_text_is_added_and_the_earliest_is_first(ledger, seed_text, tmp_path):
    wire, paper = tmp_path / "wire", tmp_path / "paper"
    wire.mkdir()
    paper.mkdir()
    (wire / "bonus.txt").write_text(seed_text, encoding="utf-8")
    (paper / "copy.txt").write_text(seed_text, encoding="utf-8")
    first = ingest(ledger, [str(wire)], outlet="Wire Service", published="2024-11-27")
    assert (first.documents, first.publications) == (1, 0)
    again = ingest(ledger, [str(paper)], outlet="Daily Paper", published="2024-11-26")
    assert (again.documents, again.publications, again.already_stored) == (0, 1, 0)
    assert ingest(ledger, [str(paper)], outlet="Daily Paper", published="2024-11-26").already_stored == 1

    [doc] = ledger.documents()
    pubs = publications_of(ledger.engine, [doc.id])[doc.id]
    assert [(p["outlet"], p["published"]) for p in pubs] == [("Daily Paper", "2024-11-26"),
                                                             ("Wire Service", "2024-11-27")]
    assert pubs[0]["path"].endswith("paper/copy.txt") and pubs[1]["path"].endswith("wire/bonus.txt")
    # the document and its claims carry the first (earliest) publication
    assert (doc.outlet, doc.published) == ("Daily Paper", "2024-11-26")
    claims = ledger.query(ClaimFilter(), limit=50)
    assert claims and {(c.outlet, c.published) for c in claims} == {("Daily Paper", "2024-11-26")}
    assert {c.path for c in claims} == {str(wire / "bonus.txt")}  # the file the claims were extracted from
