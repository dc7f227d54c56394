"""Deleting documents (recorded in the history, reviews kept), and the bundled examples kept apart from the
user's articles: not cross-checked against them, not counted in their statistics."""

from __future__ import annotations

import json

from click.testing import CliRunner

from claimledger.batch import ingest
from claimledger.check import check_ledger
from claimledger.cli import main
from claimledger.store import ClaimFilter, Ledger
from claimledger.store import reviews as R
from claimledger.store.deleting import mark_examples

# whose soldiers is said (check.identity groups only figures with a subject or a place)
EXAMPLE = ("Officials said 12,000 North Korean soldiers were sent to the border region, the ministry "
           "reported on Monday.")
REAL = ("Officials said about 10,000 North Korean soldiers were sent to the border region, the ministry "
        "reported on Monday.")


def _docs(tmp_path, name: str, text: str, outlet: str) -> str:
    path = tmp_path / f"{name}.jsonl"
    record = {"id": name, "outlet": outlet, "published": "2024-11-26", "text": text}
    path.write_text(json.dumps(record) + "\n")
    return str(path)


def test_examples_are_not_cross_checked_with_real_articles_nor_counted(tmp_path):
    ledger = Ledger.open(f"sqlite:///{tmp_path / 'l.sqlite'}")
    ingest(ledger, [_docs(tmp_path, "example-1", EXAMPLE, "Example Outlet")])
    mark_examples(ledger.engine, ["example-1"])
    ingest(ledger, [_docs(tmp_path, "real-1", REAL, "Real Outlet"),
                    _docs(tmp_path, "real-2", REAL.replace("Monday", "Tuesday"), "Other Outlet")])
    check_ledger(ledger)
    real = ledger.query(ClaimFilter(doc_id="real-1"))
    assert real and real[0].subject  # a figure with a subject: one cross_source compares
    cross = [k for c in real for k in c.checks if k.kind == "cross_source"]
    assert cross and {k.result for k in cross} == {"consistent"}  # 12,000 of the example is not compared
    assert "Example Outlet" not in json.dumps([k.data for k in cross])
    stats = ledger.stats()
    assert (stats["documents"], stats["examples"]) == (2, 1)
    assert "Example Outlet" not in stats["by_outlet"]
    ledger.close()


def test_delete_a_document_an_outlet_and_the_examples_recorded_in_the_history(tmp_path, seed_text):
    db = str(tmp_path / "l.sqlite")
    ledger = Ledger.open(db)
    ingest(ledger, [_docs(tmp_path, "art-1", seed_text, "Wire"), _docs(tmp_path, "art-2", REAL, "Paper"),
                    _docs(tmp_path, "ex-1", EXAMPLE, "Examples")])
    mark_examples(ledger.engine, ["ex-1"])
    claim = ledger.query(ClaimFilter(doc_id="art-1"))[0]
    R.write_review(ledger.engine, claim.id, "ana", R.Change(verdict="accurate"))
    ledger.close()
    run = CliRunner().invoke
    result = run(main, ["delete", "--db", db, "--reviewer", "ana", "--yes", "art-1"])
    assert result.exit_code == 0, result.output
    assert run(main, ["delete", "--db", db, "--yes", "--outlet", "Paper"]).exit_code == 0
    assert run(main, ["delete", "--db", db, "--yes", "--examples"]).exit_code == 0
    ledger = Ledger.open(db)
    assert ledger.count_documents() == 0 and ledger.count(ClaimFilter()) == 0
    events = [h for h in R.history(ledger.engine) if h["action"] in ("deleted", "orphaned")]
    assert [(h["action"], h["doc_id"]) for h in events] == [
        ("deleted", "art-1"), ("orphaned", "art-1"), ("deleted", "art-2"), ("deleted", "ex-1")]
    assert events[0]["reviewer"] == "ana"
    [kept] = R.list_reviews(ledger.engine, orphaned=True)  # the review is kept, never dropped
    assert kept["verdict"] == "accurate" and kept["doc_id"] == "art-1"
    ledger.close()
    assert run(main, ["delete", "--db", db, "--yes", "nope"]).exit_code == 1
