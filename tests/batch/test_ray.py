"""The Ray engine on a local Ray cluster: its shards, loaded, equal what single-process ingest stores.

One local cluster for the module (2 CPUs, a 300 MB object store, no dashboard, ports picked by Ray),
shut down after. Inputs: the bundled example articles, the first 8 dev documents and a JSON Lines file
with a malformed line, so the skip path is exercised too.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import claimledger
from claimledger.ingest.readers import read_inputs
from claimledger.models import Document
from claimledger.store import Ledger

pytestmark = [pytest.mark.ray, pytest.mark.slow]

ray = pytest.importorskip("ray")

ROOT = Path(__file__).resolve().parents[2]
DEV_DOCS = ROOT / "evaluation" / "dev" / "docs-b.jsonl"
EXAMPLES = Path(claimledger.__file__).parent / "examples"


@pytest.fixture(scope="module")
def ray_cluster():
    saved = os.environ.pop("RAY_ADDRESS", None)  # never join a cluster the environment points at
    # Ray's session files (logs, sockets) in a directory of our own, removed after; short, because
    # Ray's Unix socket paths must stay under ~107 characters
    temp_dir = tempfile.mkdtemp(prefix="cl-ray-")
    ray.init(address="local", num_cpus=2, object_store_memory=300 * 1024 * 1024, include_dashboard=False,
             log_to_driver=False, _temp_dir=temp_dir)
    yield
    ray.shutdown()
    shutil.rmtree(temp_dir, ignore_errors=True)
    if saved is not None:
        os.environ["RAY_ADDRESS"] = saved


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> tuple[list[str], Path]:
    folder = tmp_path_factory.mktemp("ray-inputs")
    dev = folder / "dev-first-8.jsonl"
    first_lines = DEV_DOCS.read_text(encoding="utf-8").splitlines(keepends=True)[:8]
    dev.write_text("".join(first_lines), encoding="utf-8")
    malformed = folder / "malformed.jsonl"
    good_line = json.dumps({"id": "extra-1", "outlet": "Test Wire", "published": "2024-11-26",
                            "text": "Officials said 12 people were killed and 40 injured in the strike."})
    malformed.write_text(good_line + "\n{\"id\": \"broken\", \"text\": \n", encoding="utf-8")
    return [str(EXAMPLES), str(dev), str(malformed)], malformed


@pytest.fixture(scope="module")
def shards(ray_cluster, inputs, tmp_path_factory):
    from claimledger.batch.ray_engine import extract_to_shards

    shard_dir = tmp_path_factory.mktemp("ray-out") / "shards"
    summary = extract_to_shards(inputs[0], shard_dir, batch_size=4)
    return summary, shard_dir


@pytest.fixture(scope="module")
def single_process(inputs, tmp_path_factory):
    from claimledger.batch import ingest

    ledger = Ledger.open(f"sqlite:///{tmp_path_factory.mktemp('single') / 'single.sqlite'}")
    summary = ingest(ledger, inputs[0])
    yield summary, _contents(ledger), ledger
    ledger.close()


def _contents(ledger: Ledger) -> dict[str, tuple[dict, list[dict]]]:
    """Every stored document and its claims, as full records, keyed by document id."""
    contents = {}
    for doc in ledger.documents(limit=100_000):
        stored = ledger.document(doc.id)
        assert stored is not None
        contents[doc.id] = (stored[0].to_dict(), [c.to_dict() for c in stored[1]])
    return contents


def test_shards_loaded_equal_single_process_ingest(shards, single_process, inputs, tmp_path):
    from claimledger.batch.shards import load_shards

    summary, shard_dir = shards
    single_summary, expected, _ = single_process
    readable = sum(isinstance(item, Document) for item in read_inputs(inputs[0]))
    assert readable >= 14  # the examples folder (.jsonl, .txt, .html), 8 dev documents, 1 good line
    assert summary.documents == single_summary.documents == len(expected) == readable
    assert summary.claims == single_summary.claims > 100
    assert summary.skipped == single_summary.skipped
    assert len(summary.skipped) == 1
    assert summary.skipped[0].startswith(f"skipped {inputs[1]}:2: malformed JSON")
    assert summary.shards == len(list(shard_dir.glob("*.parquet"))) >= 1

    ledger = Ledger.open(f"sqlite:///{tmp_path / 'ray.sqlite'}")
    loaded = load_shards(ledger, shard_dir)
    assert (loaded.documents, loaded.claims, loaded.skipped) == (summary.documents, summary.claims, [])
    got = _contents(ledger)
    assert sorted(got) == sorted(expected)
    for doc_id, (document, claims) in expected.items():
        assert got[doc_id][0] == document, doc_id
        assert [c["id"] for c in got[doc_id][1]] == [c["id"] for c in claims], doc_id
        assert got[doc_id][1] == claims, doc_id

    again = load_shards(ledger, shard_dir)
    assert (again.documents, again.already_stored) == (0, summary.documents)
    assert _contents(ledger) == got
    ledger.close()


def test_cli_load_of_ray_shards(shards, single_process, tmp_path):
    from claimledger.cli import main

    summary, shard_dir = shards
    db = str(tmp_path / "cli.sqlite")
    result = CliRunner().invoke(main, ["load", str(shard_dir), "--db", db])
    assert result.exit_code == 0, result.output
    assert f"loaded {summary.documents} documents, {summary.claims} claims; 0 already" in result.output
    ledger = Ledger.open(db)
    assert _contents(ledger) == single_process[1]
    ledger.close()


def test_both_engines_record_the_same_extractor_version(shards, single_process):
    """Shards loaded into the single-process ledger find every document already stored by this version."""
    from claimledger.batch.shards import load_shards

    summary, shard_dir = shards
    _, expected, single_ledger = single_process
    loaded = load_shards(single_ledger, shard_dir)
    assert (loaded.documents, loaded.already_stored, loaded.skipped) == (0, summary.documents, [])
    assert _contents(single_ledger) == expected


def test_shard_rows_name_the_extractor_version(shards):
    import pyarrow.parquet as pq

    from claimledger.nlp.pipeline import extractor_version

    _, shard_dir = shards
    table = pq.read_table(shard_dir)
    assert table.column_names == ["doc_id", "extractor_version", "document", "claims"]
    assert set(table.column("extractor_version").to_pylist()) == {extractor_version()}
    assert "[]" in table.column("claims").to_pylist() or all(  # a document without claims still has a row
        json.loads(c) for c in table.column("claims").to_pylist())


def test_existing_shard_directory_is_refused_before_any_work(ray_cluster, inputs, shards):
    from claimledger.batch.ray_engine import extract_to_shards
    from claimledger.errors import InputError

    _, shard_dir = shards
    with pytest.raises(InputError, match="already exists"):
        extract_to_shards(inputs[0], shard_dir)


def test_nothing_readable_writes_an_empty_shard_directory_without_ray(tmp_path, monkeypatch):
    from claimledger.batch.ray_engine import extract_to_shards

    monkeypatch.setenv("RAY_ADDRESS", "ray://127.0.0.1:9")  # would fail if Ray were contacted at all
    summary = extract_to_shards([str(tmp_path / "absent.txt")], tmp_path / "out")
    assert (summary.documents, summary.shards) == (0, 0)
    assert summary.skipped == [f"skipped {tmp_path / 'absent.txt'}: no such file or directory"]
    assert list((tmp_path / "out").iterdir()) == []


def test_a_document_whose_extraction_fails_is_skipped_not_fatal(monkeypatch):
    """The actor's batch falls back to one document at a time, and names the one that failed."""
    import pyarrow as pa

    import claimledger.api
    from claimledger.batch.ray_engine import DocumentExtractor

    real = claimledger.api.extract_results

    def failing_on_poison(documents, **kwargs):
        documents = list(documents)
        if any("POISON" in d.text for d in documents):
            raise ValueError("component crashed")
        return real(documents, **kwargs)

    monkeypatch.setattr(claimledger.api, "extract_results", failing_on_poison)
    batch = pa.Table.from_pylist([
        {"document": json.dumps({"id": "ok", "text": "Officials said 12 people were killed."}),
         "origin": "a:1"},
        {"document": json.dumps({"id": "bad", "text": "POISON 3 tanks."}), "origin": "a:2"},
    ])
    out = DocumentExtractor()(batch).to_pylist()
    assert [r["doc_id"] for r in out] == ["ok", "bad"]
    assert out[0]["error"] is None and json.loads(out[0]["claims"])
    assert out[1]["error"] == "skipped a:2: extraction failed (ValueError: component crashed)"


def _run_in_own_ray(script: str, *args: str, **env: str) -> subprocess.CompletedProcess:
    """Run ``script`` in a fresh interpreter that starts and stops its own local Ray, apart from the module's.

    Ray's session files go to a short private directory (its socket paths must stay short), removed after.
    """
    ray_tmp = tempfile.mkdtemp(prefix="cl-ray-")
    environ = {k: v for k, v in os.environ.items() if k != "RAY_ADDRESS"} | {"RAY_TMPDIR": ray_tmp} | env
    try:
        return subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True,
                              env=environ, timeout=300)
    finally:
        shutil.rmtree(ray_tmp, ignore_errors=True)


def test_without_an_address_a_local_ray_is_started_and_stopped(tmp_path):
    """The default of `ingest --engine ray`: no cluster given, so the call starts its own Ray and stops it."""
    script = (
        "import json, sys, ray\n"
        "from pathlib import Path\n"
        "from claimledger.batch.ray_engine import extract_to_shards\n"
        "s = extract_to_shards([sys.argv[1]], Path(sys.argv[2]), batch_size=2)\n"
        "print(json.dumps([s.documents, s.claims, s.shards, ray.is_initialized()]))\n"
    )
    done = _run_in_own_ray(script, str(EXAMPLES / "articles.jsonl"), str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr[-3000:]
    documents, claims, shards, still_running = json.loads(done.stdout.strip().splitlines()[-1])
    assert (documents, shards, still_running) == (3, 1, False)
    assert claims > 0
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["shard-00000.parquet"]


def test_workers_that_cannot_start_fail_the_run_with_their_reason(tmp_path):
    """A broken user lexicon (seen by the workers through CLAIMLEDGER_LEXICONS): the actors die in their
    constructor; the run fails with the workers' own error and publishes no shard directory."""
    lexicons = tmp_path / "lexicons"
    lexicons.mkdir()
    (lexicons / "quantities.toml").write_text("this is = = not toml [\n", encoding="utf-8")
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from claimledger.batch.ray_engine import extract_to_shards\n"
        "from claimledger.errors import ClaimledgerError\n"
        "try:\n"
        "    extract_to_shards([sys.argv[1]], Path(sys.argv[2]))\n"
        "except ClaimledgerError as exc:\n"
        "    print('ERROR', exc)\n"
    )
    done = _run_in_own_ray(script, str(EXAMPLES / "articles.jsonl"), str(tmp_path / "out"),
                           CLAIMLEDGER_LEXICONS=str(lexicons))
    assert done.returncode == 0, done.stderr[-3000:]
    message = done.stdout.strip().splitlines()[-1]
    assert message.startswith("ERROR the Ray run failed after 0 documents, so no shards were published")
    assert f"ConfigError: {lexicons / 'quantities.toml'}: not valid TOML" in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lexicons"]  # no shard dir, no .partial left


def test_an_actor_reports_a_document_past_the_time_limit_as_a_skip():
    """The per-document time limit of single-machine ingest, in the actor: a skip naming the document."""
    import pyarrow as pa

    from claimledger.batch.ray_engine import DocumentExtractor

    batch = pa.Table.from_pylist([
        {"document": json.dumps({"id": "slow", "text": "Officials said 12 people were killed."}),
         "origin": "a:1"},
        {"document": json.dumps({"id": "calm", "text": "The streets were quiet."}), "origin": "a:2"},
    ])
    out = DocumentExtractor(timeout=0)(batch).to_pylist()
    assert [r["doc_id"] for r in out] == ["slow", "calm"]
    assert out[0]["error"] == "skipped a:1: extraction took longer than 0 s (the per-document time limit)"
    assert out[0]["claims"] == ""
    assert out[1]["error"] is None  # nothing to parse, so nothing to time out
    assert [r["error"] for r in DocumentExtractor(timeout=60)(batch).to_pylist()] == [None, None]


def test_a_ray_run_with_documents_past_the_time_limit_reports_them_as_skips(ray_cluster, inputs, tmp_path):
    from claimledger.batch.ray_engine import extract_to_shards

    summary = extract_to_shards(inputs[0], tmp_path / "shards", batch_size=4, doc_timeout=0)
    limited = [line for line in summary.skipped if "per-document time limit" in line]
    readable = sum(isinstance(item, Document) for item in read_inputs(inputs[0]))
    assert len(limited) >= 10  # every document with a figure; the malformed line stays its own skip
    assert all(line.startswith("skipped ") for line in limited)
    assert summary.documents == readable - len(limited)
    assert summary.claims == 0
