"""Reliability of `claimledger ingest`: kill -9 and Ctrl-C in the middle of a run, two runs into one
PostgreSQL database at once, a malformed file among good ones, a read-only database, a full disk.

Each interrupted or failing run is compared with an uninterrupted run of the same inputs into another
database: the same documents, the same claims (ids and full records), nothing doubled, nothing lost.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from ingest_helpers import cli_command, run_cli, write_corpus
from sqlalchemy import event

from claimledger.batch import ingest
from claimledger.errors import StoreError
from claimledger.store import ClaimFilter, Ledger

N_DOCS = 40


def _contents(url: str) -> tuple[int, int, dict[str, list[dict]]]:
    """(documents, claims, {doc id: claim records}) of a ledger, with the row counts straight from SQL."""
    ledger = Ledger.open(url)
    try:
        docs = ledger.documents(limit=100_000)
        records = {d.id: [c.to_dict() for c in ledger.document(d.id)[1]] for d in docs}
        return ledger.count_documents(), ledger.count(ClaimFilter()), records
    finally:
        ledger.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("corpus") / "in"
    write_corpus(directory, N_DOCS)
    return directory


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> tuple[int, int, dict]:
    """What one uninterrupted run stores."""
    url = f"sqlite:///{tmp_path_factory.mktemp('reference') / 'ref.sqlite'}"
    done = run_cli("ingest", "--db", url, str(corpus))
    assert done.returncode == 0, done.stderr
    contents = _contents(url)
    assert contents[0] == N_DOCS and contents[1] > N_DOCS
    return contents


def _stored_so_far(path: Path) -> int:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:  # not created yet, or tables not yet made
        return 0


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _interrupt_midway(db: Path, corpus: Path, sig: int, workers: int) -> tuple[subprocess.Popen, list[int]]:
    """Start an ingest and send ``sig`` once a few documents (but not all) are stored; the worker pids."""
    process = subprocess.Popen(cli_command("ingest", "--db", str(db), "--workers", str(workers), str(corpus)),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 240
    while _stored_so_far(db) < 3:
        assert process.poll() is None, f"ingest ended before it could be interrupted: {process.stderr.read()}"
        assert time.monotonic() < deadline, "ingest stored nothing within 240 s"
        time.sleep(0.02)
    workers_seen = _children(process.pid)
    process.send_signal(sig)
    process.wait(timeout=60)
    return process, workers_seen


@pytest.mark.slow
@pytest.mark.parametrize("sig,workers", [(signal.SIGKILL, 1), (signal.SIGINT, 1), (signal.SIGKILL, 2)],
                         ids=["kill-9", "ctrl-c", "kill-9-two-workers"])
def test_interrupted_run_resumes_to_the_same_ledger(tmp_path, corpus, reference, sig, workers):
    db = tmp_path / "interrupted.sqlite"
    process, worker_pids = _interrupt_midway(db, corpus, sig, workers)
    partial = _contents(f"sqlite:///{db}")[0]
    assert 0 < partial < N_DOCS, "the run was not cut in the middle"
    if sig == signal.SIGINT:
        assert process.returncode == 130 and "run the same command again to resume" in process.stderr.read()
    else:
        assert process.returncode == -signal.SIGKILL
    if workers > 1:
        assert len(worker_pids) == workers
        deadline = time.monotonic() + 10
        while any(_alive(pid) for pid in worker_pids) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(pid) for pid in worker_pids), "worker processes outlived their parent"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    resumed = run_cli("ingest", "--db", str(db), str(corpus))
    assert resumed.returncode == 0, resumed.stderr
    assert f"{N_DOCS - partial} documents" in resumed.stdout.split(";")[0]
    assert f"{partial} already in the ledger" in resumed.stdout
    assert _contents(f"sqlite:///{db}") == reference  # same counts, same claim ids and records


@pytest.mark.slow
@pytest.mark.postgres
def test_kill_9_and_resume_on_postgresql(tmp_path, corpus, reference, pg_schema_url):
    from sqlalchemy import create_engine, func, select

    from claimledger.store.schema import documents

    process = subprocess.Popen(cli_command("ingest", "--db", pg_schema_url, str(corpus)),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    engine = create_engine(pg_schema_url)
    deadline = time.monotonic() + 240
    stored = 0
    while stored < 3 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
        try:
            with engine.connect() as conn:
                stored = conn.execute(select(func.count()).select_from(documents)).scalar_one()
        except Exception:  # noqa: BLE001 - tables not made yet
            stored = 0
    engine.dispose()
    process.kill()
    process.wait(timeout=60)
    assert 0 < _contents(pg_schema_url)[0] < N_DOCS
    assert run_cli("ingest", "--db", pg_schema_url, str(corpus)).returncode == 0
    assert _contents(pg_schema_url) == reference


@pytest.mark.slow
def test_two_ingests_into_one_database_at_once(corpus, reference, ledger_url):
    """PostgreSQL (what the issue asks) and SQLite (one writer at a time, the other waits its turn)."""
    runs = [subprocess.Popen(cli_command("ingest", "--db", ledger_url, str(corpus)),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [run.communicate(timeout=600) for run in runs]
    for run, (_, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err
        assert "Error" not in err and "Traceback" not in err
    stored = [int(out.split("stored ")[1].split(" documents")[0]) for out, _ in outputs]
    already = [int(out.split("; ")[1].split(" already")[0]) for out, _ in outputs]
    assert sum(stored) == N_DOCS and sum(already) == N_DOCS  # each document written once, by one of them
    assert _contents(ledger_url) == reference


def test_malformed_file_in_the_middle_is_skipped_and_the_rest_stored(tmp_path):
    directory = tmp_path / "in"
    write_corpus(directory, 4)
    (directory / "part-0001b.jsonl").write_text('{"text": "fine, 12 tanks were lost"}\n{not json\n')
    (directory / "part-0002b.html").write_bytes(b"\x00\x01\x02binary junk")
    done = run_cli("ingest", "--db", str(tmp_path / "l.sqlite"), str(directory))
    assert done.returncode == 1
    assert "part-0001b.jsonl:2: malformed JSON" in done.stderr
    assert "part-0002b.html: binary file" in done.stderr
    assert "stored 5 documents" in done.stdout and "2 skipped" in done.stdout
    assert _contents(f"sqlite:///{tmp_path / 'l.sqlite'}")[0] == 5


def test_read_only_database_is_a_clear_error_and_nothing_is_written(tmp_path):
    db = tmp_path / "ro.sqlite"
    write_corpus(tmp_path / "first", 2)
    assert run_cli("ingest", "--db", str(db), str(tmp_path / "first")).returncode == 0
    before = _contents(f"sqlite:///{db}")
    write_corpus(tmp_path / "second", 5)
    db.chmod(0o444)  # root ignores file modes, so SQLite is also asked to open the file read-only
    done = run_cli("ingest", "--db", f"sqlite:///file:{db}?mode=ro&uri=true", str(tmp_path / "second"))
    assert done.returncode == 2
    assert "Error:" in done.stderr and str(db) in done.stderr and "readonly" in done.stderr
    assert "Traceback" not in done.stderr
    db.chmod(0o644)
    assert _contents(f"sqlite:///{db}") == before


def test_full_disk_is_a_clear_error_and_earlier_documents_are_intact(tmp_path):
    db = tmp_path / "full.sqlite"
    write_corpus(tmp_path / "first", 3)
    ledger = Ledger.open(str(db))
    assert ingest(ledger, [str(tmp_path / "first")]).documents == 3
    before = _contents(f"sqlite:///{db}")
    with sqlite3.connect(db) as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]

    @event.listens_for(ledger.engine, "connect")
    def _cap(dbapi_connection, record):  # SQLite then fails writes with SQLITE_FULL, as on a full disk
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 2}")

    ledger.engine.dispose()  # new connections get the cap
    write_corpus(tmp_path / "second", 12)
    with pytest.raises(StoreError) as caught:
        ingest(ledger, [str(tmp_path / "second")])
    ledger.close()
    assert "database or disk is full" in str(caught.value) and str(db) in str(caught.value)
    after = _contents(f"sqlite:///{db}")
    assert all(after[2][doc_id] == claims for doc_id, claims in before[2].items())
    assert after[1] == sum(len(c) for c in after[2].values())  # no claims without their document
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
