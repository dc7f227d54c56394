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


def test_cross_source_and_figure_history_name_the_first_publication_and_list_the_others(ledger, tmp_path):
    from fastapi.testclient import TestClient

    from claimledger.check import check_ledger
    from claimledger.web import create_app

    text = "Officials said 400 Polish soldiers were sent to the border region, the ministry reported."
    other = ("Officials said 400 Polish soldiers were sent to the border region, the ministry reported on "
             "Monday.")
    for folder, body in (("a", text), ("b", text), ("c", other)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(body, encoding="utf-8")
    ingest(ledger, [str(tmp_path / "a")], outlet="Wire Service", published="2024-11-26")
    ingest(ledger, [str(tmp_path / "b")], outlet="Daily Paper", published="2024-11-27")
    ingest(ledger, [str(tmp_path / "c")], outlet="Evening Post", published="2024-11-28")
    check_ledger(ledger)
    wire = next(c for c in ledger.query(ClaimFilter(outlet="Wire Service")) if c.text == "400")
    [cross] = [k for k in wire.checks if k.kind == "cross_source"]
    assert "first reported by Wire Service" in cross.detail
    assert "also published by Daily Paper (2024-11-27)" in cross.detail
    assert [r["outlet"] for r in cross.data["republished"]] == ["Daily Paper"]
    figure = TestClient(create_app(ledger=ledger)).get(f"/api/figures/{_key(wire)}").json()
    points = [p for s in figure["series"] for p in s["points"] if p["claim_id"] == wire.id]
    assert [p["outlet"] for p in points[0]["also_published"]] == ["Daily Paper"]


def _key(claim) -> str:
    from claimledger.web.figures import claim_key

    return claim_key(claim)


def test_a_plain_text_article_with_a_headline_line_is_stored_with_its_title(ledger, seed_text, tmp_path):
    from claimledger.ingest.readers import headline

    (tmp_path / "titled.txt").write_text("Guards offered a bonus\n\n" + seed_text, encoding="utf-8")
    (tmp_path / "untitled.txt").write_text(seed_text.replace("Members", "Some members"), encoding="utf-8")
    ingest(ledger, [str(tmp_path)], published="2024-11-26")
    titles = sorted((d.title or "") for d in ledger.documents())
    assert titles == ["", "Guards offered a bonus"]  # the seed's first line is a sentence, not a headline
    assert headline("A sentence that ends.\n\nBody.") is None and headline("Headline\nBody runs on.") is None
