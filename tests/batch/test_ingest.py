"""Batch ingest: versioned idempotence (skip before extraction, replace on a newer extractor), workers give
the same ledger as one process, and the `claimledger ingest` command's output and exit statuses."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from ingest_helpers import run_cli, write_corpus

import claimledger.api
import claimledger.nlp.pipeline
from claimledger.batch import IngestSummary, extract_batch, ingest
from claimledger.cli import main
from claimledger.models import Document
from claimledger.store import ClaimFilter, Ledger


def _snapshot(ledger: Ledger) -> dict[str, list[dict]]:
    """Every stored document id with its claims' full records, for exact comparisons."""
    out = {}
    for doc in ledger.documents(limit=10_000):
        out[doc.id] = [c.to_dict() for c in ledger.document(doc.id)[1]]
    return out


def test_same_version_skips_before_extraction_newer_version_replaces(ledger_url, tmp_path, monkeypatch):
    write_corpus(tmp_path / "in", 4)
    ledger = Ledger.open(ledger_url)
    first = ingest(ledger, [str(tmp_path / "in")])
    assert (first.documents, first.already_stored, first.skipped) == (4, 0, [])
    assert first.claims == ledger.count(ClaimFilter()) > 0

    def no_extraction(*args, **kwargs):
        raise AssertionError("a document stored by this extractor version was extracted again")

    monkeypatch.setattr(claimledger.api, "extract_results", no_extraction)
    again = ingest(ledger, [str(tmp_path / "in")])
    assert (again.documents, again.claims, again.already_stored) == (0, 0, 4)
    monkeypatch.undo()

    before = _snapshot(ledger)
    current = claimledger.nlp.pipeline.extractor_version()
    monkeypatch.setattr(claimledger.nlp.pipeline, "extractor_version", lambda: current + ".next")
    newer = ingest(ledger, [str(tmp_path / "in")])
    assert (newer.documents, newer.replaced, newer.already_stored) == (4, 4, 0)
    assert _snapshot(ledger) == before  # same rules, so the replaced claims are the same claims
    assert set(ledger.stored_versions(before).values()) == {current + ".next"}
    ledger.close()


def test_two_workers_store_exactly_what_one_process_stores(tmp_path):
    write_corpus(tmp_path / "in", 12, per_file=3)
    one, two = Ledger.open(str(tmp_path / "one.sqlite")), Ledger.open(str(tmp_path / "two.sqlite"))
    seen: list[int] = []
    s1 = ingest(one, [str(tmp_path / "in")], workers=1)
    s2 = ingest(two, [str(tmp_path / "in")], workers=2, batch_size=2,
                progress=lambda s: seen.append(s.documents))
    assert (s1.documents, s1.claims) == (s2.documents, s2.claims) == (12, one.count(ClaimFilter()))
    assert _snapshot(one) == _snapshot(two)
    assert seen[-1] == 12 and seen == sorted(seen)  # progress after every document, never backwards
    one.close()
    two.close()


def test_a_document_that_breaks_extraction_is_skipped_not_fatal(monkeypatch):
    real = claimledger.api.extract_results

    def fragile(documents, batch_size=32, timeout=None):
        documents = list(documents)
        if any("BREAK" in d.text for d in documents):
            raise RuntimeError("pipeline broke")
        return real(documents, batch_size=batch_size, timeout=timeout)

    monkeypatch.setattr(claimledger.api, "extract_results", fragile)
    docs = [Document(text="Officials said 40 people died.", origin="a.txt"),
            Document(text="BREAK this one, with 12 tanks.", origin="b.txt"),
            Document(text="Police detained 300 protesters.", origin="c.txt")]
    results = extract_batch(docs)
    assert [r[0].origin if isinstance(r, tuple) else r for r in results] == [
        "a.txt", "skipped b.txt: extraction failed (RuntimeError: pipeline broke)", "c.txt"]


def test_no_resume_re_extracts(tmp_path):
    write_corpus(tmp_path / "in", 2)
    ledger = Ledger.open(str(tmp_path / "l.sqlite"))
    ingest(ledger, [str(tmp_path / "in")])
    again = ingest(ledger, [str(tmp_path / "in")], resume=False)
    assert (again.documents, again.replaced, again.already_stored) == (2, 2, 0)
    assert ledger.count_documents() == 2
    ledger.close()


def test_summary_share():
    assert IngestSummary(store_seconds=1, total_seconds=4).store_share == 0.25
    assert IngestSummary().store_share == 0.0


@pytest.mark.parametrize("extra,status", [([], 0), (["missing.txt"], 1)])
def test_cli_ingest_summary_and_status(tmp_path, extra, status):
    write_corpus(tmp_path / "in", 3)
    db = str(tmp_path / "l.sqlite")
    result = CliRunner().invoke(main, ["ingest", "--db", db, str(tmp_path / "in"),
                                       *[str(tmp_path / e) for e in extra]])
    assert result.exit_code == status, result.output
    assert "stored 3 documents" in result.stdout and f"{len(extra)} skipped" in result.stdout
    if extra:
        assert "missing.txt: no such file or directory" in result.stderr
    rerun = CliRunner().invoke(main, ["ingest", "--db", db, str(tmp_path / "in")])
    assert rerun.exit_code == 0 and "stored 0 documents, 0 claims; 3 already in the ledger" in rerun.stdout


def test_cli_nothing_readable_is_status_2(tmp_path):
    result = CliRunner().invoke(main, ["ingest", "--db", str(tmp_path / "l.sqlite"), str(tmp_path / "nope")])
    assert result.exit_code == 2 and "no such file" in result.stderr


def test_cli_subprocess_with_workers_and_no_progress_when_piped(tmp_path):
    write_corpus(tmp_path / "in", 4)
    db = str(tmp_path / "l.sqlite")
    done = run_cli("ingest", "--db", db, "--workers", "2", str(tmp_path / "in"))
    assert done.returncode == 0, done.stderr
    assert "stored 4 documents" in done.stdout
    assert "\x1b[" not in done.stderr and "documents," not in done.stderr  # no progress bar off a terminal
    stats = json.loads(run_cli("stats", "--db", db).stdout)
    assert stats["documents"] == 4


def test_cli_rejects_bad_published_and_workers(tmp_path):
    runner = CliRunner()
    bad_date = runner.invoke(main, ["ingest", "--published", "yesterday", "x.txt"])
    assert bad_date.exit_code == 2 and "not an ISO date" in bad_date.output
    bad_workers = runner.invoke(main, ["ingest", "--workers", "0", "x.txt"])
    assert bad_workers.exit_code == 2 and "--workers" in bad_workers.output
    ray_no_resume = runner.invoke(main, ["ingest", "--engine", "ray", "--no-resume", "x.txt"])
    assert ray_no_resume.exit_code == 2 and "--engine local only" in ray_no_resume.output


def test_progress_line_counts(monkeypatch):
    import io

    from claimledger.cli.ledger_cmd import IngestProgress

    stream = io.StringIO()
    monkeypatch.setattr("sys.stderr", stream)
    summary = IngestSummary(documents=3, claims=10, already_stored=2, skipped=["skipped x: y"])
    with IngestProgress(enabled=True) as progress:
        progress.update(summary)
    assert "3 documents, 10 claims, 2 already stored, 1 skipped" in stream.getvalue()
    assert stream.getvalue().count("skipped x: y") == 1
    plain = io.StringIO()
    monkeypatch.setattr("sys.stderr", plain)
    with IngestProgress(enabled=False) as progress:
        progress.update(summary)
        summary.skipped.append("skipped z: w")
        progress.update(summary)
        progress.print_skips(summary)
    assert plain.getvalue() == "skipped x: y\nskipped z: w\n" and progress.last is summary
