"""Reviews: the effective record, the history, reviews kept across re-extraction, two reviewers at once, and a
ledger made by the version before reviews upgraded without loss."""

from __future__ import annotations

import json
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from claimledger.batch import ingest
from claimledger.errors import InputError, NotFoundError
from claimledger.review import parse_value, parse_verdict
from claimledger.store import ClaimFilter, Ledger
from claimledger.store import reviews as R

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "ledgers" / "ledger-0002.sqlite"
EXTRA = "A note added above the article: this copy was updated on Wednesday.\n"


def _write_doc(path: Path, text: str) -> Path:
    path.write_text(json.dumps({"id": "art-1", "outlet": "Example Wire", "published": "2024-11-26",
                                "title": "Bonus", "text": text}) + "\n", encoding="utf-8")
    return path


def _by_text(ledger: Ledger) -> dict[str, object]:
    return {c.text: c for c in ledger.query(ClaimFilter(doc_id="art-1"), limit=100)}


def test_a_review_is_the_effective_record_and_says_what_a_person_set(ledger, seed_text, tmp_path):
    ingest(ledger, [str(_write_doc(tmp_path / "a.jsonl", seed_text))])
    claim = _by_text(ledger)["1,480"]
    R.write_review(ledger.engine, claim.id, "alice", R.Change(
        fields={"time_scope": parse_value("time_scope", "cumulative"),
                "value": parse_value("value", "1,500")},
        verdict=parse_verdict("mostly accurate"), note="rounded", evidence=["https://example.org/bulletin"]))
    stored = ledger.claim(claim.id)
    assert (stored.time_scope, stored.value) == ("cumulative", 1500)
    assert stored.review["fields"] == {"time_scope": "cumulative", "value": 1500}
    assert stored.review["verdict"] == "mostly_accurate" and stored.review["reviewer"] == "alice"
    # the query filters on the effective values, and the export carries the review
    assert [c.id for c in ledger.query(ClaimFilter(time_scope="cumulative", doc_id="art-1"))] \
        == [c.id for c in ledger.query(ClaimFilter(doc_id="art-1"), limit=100)
            if c.time_scope == "cumulative"]
    assert claim.id in {c.id for c in ledger.query(ClaimFilter(time_scope="cumulative"))}
    exported = [c.to_dict() for c in ledger.iter_claims(ClaimFilter(doc_id="art-1"))]
    assert next(d for d in exported if d["id"] == claim.id)["review"]["fields"]["value"] == 1500
    history = R.history(ledger.engine, claim_id=claim.id)
    assert [(h["field"], h["old_value"], h["new_value"]) for h in history][:2] == [
        ("time_scope", "daily", "cumulative"), ("value", 1480, 1500)]
    assert {h["field"] for h in history} == {"time_scope", "value", "verdict", "note", "evidence"}


def test_bad_review_values_are_refused_with_one_line():
    with pytest.raises(InputError, match="category must be one of"):
        parse_value("category", "bonus")
    with pytest.raises(InputError, match="not a field a review can set"):
        parse_value("id", "x")
    with pytest.raises(InputError, match="verdict must be one of"):
        parse_verdict("pants on fire")


def test_reviewing_a_claim_that_is_not_there_says_so(ledger):
    with pytest.raises(NotFoundError, match="no claim with id 'nope'"):
        R.write_review(ledger.engine, "nope", "alice", R.Change(note="x"))


def test_reingest_by_a_newer_extractor_keeps_every_review(ledger, seed_text, tmp_path, monkeypatch):
    """Real extraction both times; only the version string is changed, as a new release would change it."""
    import claimledger.nlp.pipeline as pipeline

    doc = _write_doc(tmp_path / "a.jsonl", seed_text)
    ingest(ledger, [str(doc)])
    before = _by_text(ledger)
    reviewed = {"400,000 rubles": "point", "1,480": "cumulative", "over 10,000": "period"}
    for text, scope in reviewed.items():
        R.write_review(ledger.engine, before[text].id, "alice",
                       R.Change(fields={"time_scope": scope}, verdict="accurate"))
    R.write_review(ledger.engine, before["over 1,000"].id, "bob", R.Change(not_claim=True, note="a strength"))

    monkeypatch.setattr(pipeline, "extractor_version", lambda: "99.0+newer")
    summary = ingest(ledger, [str(doc)])
    assert summary.replaced == 1  # extracted again and its claims replaced
    after = _by_text(ledger)
    assert ledger.stored_versions(["art-1"]) == {"art-1": "99.0+newer"}
    for text, scope in reviewed.items():
        assert after[text].time_scope == scope and after[text].review["verdict"] == "accurate"
    assert after["over 1,000"].review["not_claim"] is True
    assert len(R.list_reviews(ledger.engine, doc_id="art-1", orphaned=False)) == 4

    # the article is edited: a line above it moves every span, and "19" is gone
    R.write_review(ledger.engine, after["19"].id, "carol", R.Change(verdict="false"))
    edited = EXTRA + seed_text.replace(", along with the loss of 19 artillery systems", "")
    monkeypatch.setattr(pipeline, "extractor_version", lambda: "99.1+newest")
    ingest(ledger, [str(_write_doc(doc, edited))])
    moved = _by_text(ledger)
    for text, scope in reviewed.items():
        assert moved[text].time_scope == scope, text
        start, end = moved[text].span  # re-attached at its new span
        assert edited[start:end] == text and start > after[text].span[0]
    orphans = R.list_reviews(ledger.engine, orphaned=True)
    assert [(o["text"], o["verdict"]) for o in orphans] == [("19", "false")]
    events = [h for h in R.history(ledger.engine, doc_id="art-1") if h["action"] != "set"]
    assert {h["action"] for h in events} == {"reattached", "orphaned"}
    assert sum(h["action"] == "reattached" for h in events) == 4


def test_two_reviewers_at_once_lose_nothing_and_the_later_wins(ledger, seed_text, tmp_path):
    ingest(ledger, [str(_write_doc(tmp_path / "a.jsonl", seed_text))])
    claim_id = _by_text(ledger)["1,480"].id
    rounds = 8
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def reviewer(name: str) -> None:
        try:
            start.wait()
            for i in range(rounds):
                R.write_review(ledger.engine, claim_id, name, R.Change(note=f"{name}-{i}"))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=reviewer, args=(n,)) for n in ("alice", "bob")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    notes = [h for h in R.history(ledger.engine, claim_id=claim_id) if h["field"] == "note"]
    assert len(notes) == 2 * rounds  # every change is in the history
    assert {h["new_value"] for h in notes} == {f"{n}-{i}" for n in ("alice", "bob") for i in range(rounds)}
    for earlier, later in zip(notes, notes[1:], strict=False):
        assert later["old_value"] == earlier["new_value"]  # each change was made on top of the one before
    final = ledger.claim(claim_id).review
    assert final["note"] == notes[-1]["new_value"] and final["reviewer"] == notes[-1]["reviewer"]


# One reviewer as its own OS process: `claimledger review note` run in a loop (each run opens the ledger, as a
# separate command would), started by the parent at the same moment as the other (ready / go over the pipes).
REVIEWER_PROCESS = """
import sys
from claimledger.cli import main
url, claim_id, name, rounds = sys.argv[1:5]
print("ready", flush=True)
sys.stdin.readline()
for i in range(int(rounds)):
    main(["review", "note", "--db", url, "--reviewer", name, claim_id, f"{name}-{i}"], standalone_mode=False)
"""


def test_two_reviewer_processes_at_once_lose_nothing_and_the_later_wins(ledger, seed_text, tmp_path):
    """Two OS processes, each with its own connections, review one claim at once against one ledger (a
    SQLite file, or PostgreSQL): every change is in the history, each made on top of the one before, the
    later wins."""
    import os
    import subprocess
    import sys

    ingest(ledger, [str(_write_doc(tmp_path / "a.jsonl", seed_text))])
    claim_id = _by_text(ledger)["1,480"].id
    rounds = 6
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(R.__file__).parents[2]),
                                                        os.environ.get("PYTHONPATH", "")])}
    procs = [subprocess.Popen([sys.executable, "-c", REVIEWER_PROCESS, ledger.url, claim_id, name,
                               str(rounds)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env)
             for name in ("alice", "bob")]
    try:
        for proc in procs:  # both have started and imported everything
            assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
        for proc in procs:
            proc.stdin.write("go\n")
            proc.stdin.flush()
        outcomes = [proc.communicate(timeout=300) for proc in procs]
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
    assert [proc.returncode for proc in procs] == [0, 0], [err for _, err in outcomes]
    notes = [h for h in R.history(ledger.engine, claim_id=claim_id) if h["field"] == "note"]
    assert len(notes) == 2 * rounds  # every change is in the history
    assert {h["new_value"] for h in notes} == {f"{n}-{i}" for n in ("alice", "bob") for i in range(rounds)}
    for earlier, later in zip(notes, notes[1:], strict=False):
        assert later["old_value"] == earlier["new_value"]  # each change was made on top of the one before
    assert notes[0]["old_value"] is None
    final = ledger.claim(claim_id).review
    assert final["note"] == notes[-1]["new_value"] and final["reviewer"] == notes[-1]["reviewer"]
    [review] = R.list_reviews(ledger.engine, doc_id="art-1")  # one review row, never two
    assert review["note"] == final["note"]


def test_a_ledger_made_before_reviews_upgrades_without_loss(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURE, path)
    with sqlite3.connect(path) as old:
        assert old.execute("select version_num from alembic_version").fetchone() == ("0002",)
        documents = {r[0]: r[1:] for r in old.execute(
            "select id, record, outlet, published, url, title, extractor_version from documents")}
        claims = dict(old.execute("select id, record from claims"))
        checks = sorted(old.execute("select claim_id, kind, result, detail from check_results"))
    ledger = Ledger.open(f"sqlite:///{path}")
    try:
        with ledger.engine.connect() as conn:
            from sqlalchemy import text

            from claimledger.store import migrate

            assert conn.execute(text("select version_num from alembic_version")).scalar() \
                == migrate.head_revision()
            kept = {r[0]: tuple(r[1:]) for r in conn.execute(text(
                "select id, record, outlet, published, url, title, extractor_version from documents"))}
            kept_claims = dict(conn.execute(text("select id, record from claims")).all())
            kept_checks = sorted(tuple(r) for r in conn.execute(text(
                "select claim_id, kind, result, detail from check_results")))
            publications = conn.execute(text("select doc_id, outlet from publications")).all()
            examples = conn.execute(text("select count(*) from documents where example")).scalar()
            confident = conn.execute(text("select count(*) from claims where min_confidence is not null")
                                     ).scalar()
        assert kept == documents and kept_claims == claims and kept_checks == checks
        assert len(documents) == 5 and len(claims) == 47 and len(checks) == 10
        assert sorted(p[0] for p in publications) == sorted(documents)  # one publication per document
        assert examples == 0
        assert confident == 0  # made before the decision model: no record has a confidence (migration 0004)
        # and the upgraded ledger takes reviews
        claim_id = next(iter(claims))
        R.write_review(ledger.engine, claim_id, "alice", R.Change(verdict="accurate"))
        assert ledger.claim(claim_id).review["verdict"] == "accurate"
        assert ledger.count(ClaimFilter()) == 47
    finally:
        ledger.close()
