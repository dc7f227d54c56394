"""Loading claim shards (no Ray): shards written by hand with pyarrow, loaded into SQLite or PostgreSQL.

Loading is idempotent and resumable, a newer extractor version replaces, and a bad file or row is skipped
with a reason naming it while the rest is loaded.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from claimledger.batch.shards import SHARD_COLUMNS, ShardWriter, load_shards, shard_row
from claimledger.cli import main
from claimledger.errors import InputError
from claimledger.models import Claim, Document, Period, Source
from claimledger.store import ClaimFilter, Ledger

V1 = "0.1.0+aaaaaaaa"
V2 = "0.1.0+bbbbbbbb"


def _document(n: int) -> Document:
    return Document(text=f"Article {n}: officials said {n * 10} people died.", url=f"http://x/{n}",
                    outlet="Reuters", title=f"T{n}", published=f"2024-03-{n:02d}")


def _claims(doc: Document, count: int, version: str = V1, value: float = 40.0) -> list[Claim]:
    return [Claim(id=Claim.make_id(doc.id, 20 + i, 22 + i), doc_id=doc.id, span=(20 + i, 22 + i),
                  text="40 people", sentence="Officials said 40 people died.", value=value + i, unit="people",
                  category="casualties", time_scope="cumulative", period=Period("2024-03-01", "2024-03-05"),
                  source=Source(name="officials", type="government", cue="said"), hedged=bool(i % 2),
                  verification="unverified", published=doc.published, outlet=doc.outlet,
                  extractor_version=version)
            for i in range(count)]


def _corpus(n: int = 5) -> list[tuple[Document, list[Claim]]]:
    """n documents; the first has no claims (it must still be recorded as read)."""
    return [(doc, _claims(doc, i)) for i, doc in enumerate(_document(k) for k in range(1, n + 1))]


def _write_shard(path: Path, pairs: list[tuple[Document, list[Claim]]], version: str = V1) -> None:
    rows = [shard_row(doc, claims, version) for doc, claims in pairs]
    table = pa.Table.from_pylist(rows, schema=pa.schema([(c, pa.string()) for c in SHARD_COLUMNS]))
    pq.write_table(table, path)


def _ledger_contents(ledger: Ledger) -> dict[str, tuple[dict, list[dict]]]:
    contents = {}
    for doc in ledger.documents(limit=10_000):
        stored = ledger.document(doc.id)
        assert stored is not None
        contents[doc.id] = (stored[0].to_dict(), [c.to_dict() for c in stored[1]])
    return contents


def _shard_dir(tmp_path: Path, pairs, per_file: int = 2) -> Path:
    shard_dir = tmp_path / "shards"
    shard_dir.mkdir()
    for start in range(0, len(pairs), per_file):
        _write_shard(shard_dir / f"part-{start:03d}.parquet", pairs[start:start + per_file])
    return shard_dir


def test_load_stores_every_document_and_claim_exactly(ledger, tmp_path):
    pairs = _corpus(5)
    summary = load_shards(ledger, _shard_dir(tmp_path, pairs))
    assert (summary.documents, summary.claims, summary.already_stored, summary.skipped) == (5, 10, 0, [])
    expected = {doc.id: (doc.to_dict(), [c.to_dict() for c in claims]) for doc, claims in pairs}
    assert _ledger_contents(ledger) == expected
    assert ledger.count(ClaimFilter()) == 10


def test_load_again_changes_nothing(ledger, tmp_path):
    shard_dir = _shard_dir(tmp_path, _corpus(5))
    load_shards(ledger, shard_dir)
    before = _ledger_contents(ledger)
    again = load_shards(ledger, shard_dir)
    assert (again.documents, again.claims, again.already_stored, again.skipped) == (0, 0, 5, [])
    assert _ledger_contents(ledger) == before


def test_interrupted_load_resumes_with_the_rest(ledger, tmp_path):
    pairs = _corpus(6)
    for doc, claims in pairs[:4]:  # what a load killed after four documents had committed
        ledger.add(doc, claims, V1)
    summary = load_shards(ledger, _shard_dir(tmp_path, pairs))
    assert (summary.documents, summary.already_stored) == (2, 4)
    assert ledger.count_documents() == 6
    assert ledger.count(ClaimFilter()) == sum(len(c) for _, c in pairs)


def test_newer_extractor_version_replaces_claims(ledger, tmp_path):
    doc = _document(1)
    ledger.add(doc, _claims(doc, 3, V1), V1)
    shard_dir = tmp_path / "v2"
    shard_dir.mkdir()
    _write_shard(shard_dir / "s.parquet", [(doc, _claims(doc, 1, V2, value=99.0))], version=V2)
    summary = load_shards(ledger, shard_dir)
    assert (summary.documents, summary.already_stored) == (1, 0)
    stored = ledger.document(doc.id)
    assert stored is not None
    assert [(c.value, c.extractor_version) for c in stored[1]] == [(99.0, V2)]


def test_same_document_twice_in_one_run_is_stored_once(ledger, tmp_path):
    pairs = _corpus(2)
    shard_dir = tmp_path / "dup"
    shard_dir.mkdir()
    _write_shard(shard_dir / "a.parquet", pairs)
    _write_shard(shard_dir / "b.parquet", pairs[1:])
    summary = load_shards(ledger, shard_dir)
    assert (summary.documents, summary.already_stored) == (2, 1)
    assert ledger.count(ClaimFilter()) == 1


def _garbage(path: Path) -> None:
    path.write_bytes(b"PAR1 this is not parquet at all" * 10)


def _foreign(path: Path) -> None:
    pq.write_table(pa.table({"id": ["x"], "text": ["an unrelated table"]}), path)


def _truncated(path: Path) -> None:
    _write_shard(path, _corpus(2))
    path.write_bytes(path.read_bytes()[:-40])


def _bad_json(path: Path) -> None:
    row = shard_row(_document(9), [], V1)
    row["claims"] = "[{not json"
    pq.write_table(pa.Table.from_pylist([row]), path)


def _wrong_doc_id(path: Path) -> None:
    row = shard_row(_document(9), [], V1)
    row["doc_id"] = "someone-else"
    pq.write_table(pa.Table.from_pylist([row]), path)


def _empty_file(path: Path) -> None:
    path.write_bytes(b"")


@pytest.mark.parametrize("make_bad, reason", [
    (_garbage, "not a readable Parquet file"),
    (_foreign, "not a claimledger shard: no column doc_id"),
    (_truncated, "not a readable Parquet file"),
    (_bad_json, "row 0: unreadable record (JSONDecodeError"),
    (_wrong_doc_id, "row 0: document id"),
    (_empty_file, "not a readable Parquet file"),
])
def test_bad_file_is_skipped_with_its_name_and_the_rest_loaded(ledger, tmp_path, make_bad, reason):
    pairs = _corpus(4)
    shard_dir = _shard_dir(tmp_path, pairs)
    bad = shard_dir / "part-001-bad.parquet"  # sorts between the good files
    make_bad(bad)
    summary = load_shards(ledger, shard_dir)
    assert len(summary.skipped) == 1
    assert str(bad) in summary.skipped[0] and reason in summary.skipped[0], summary.skipped
    assert summary.documents == 4
    assert ledger.count_documents() == 4


def test_empty_shard_directory_is_reported(tmp_path):
    ledger = Ledger.open(f"sqlite:///{tmp_path / 'l.sqlite'}")
    (tmp_path / "none").mkdir()
    summary = load_shards(ledger, tmp_path / "none")
    assert summary.documents == 0
    assert summary.skipped == [f"skipped {tmp_path / 'none'}: holds no .parquet shards"]


def test_missing_shard_directory_is_an_input_error(tmp_path):
    ledger = Ledger.open(f"sqlite:///{tmp_path / 'l.sqlite'}")
    with pytest.raises(InputError, match="no such shard directory"):
        load_shards(ledger, tmp_path / "absent")


# --- ShardWriter: what extract_to_shards writes with ------------------------------------------------------


def _rows_table(pairs) -> pa.Table:
    return pa.Table.from_pylist([shard_row(d, c, V1) for d, c in pairs])


def test_writer_rolls_over_and_publishes_deterministic_names(tmp_path):
    target = tmp_path / "out"
    with ShardWriter(target, rows_per_shard=2) as writer:
        writer.write(_rows_table(_corpus(3)))
        writer.write(_rows_table(_corpus(5)[3:]))
    assert sorted(p.name for p in target.iterdir()) == [
        "shard-00000.parquet", "shard-00001.parquet", "shard-00002.parquet"]
    assert (writer.shards, writer.rows) == (3, 5)
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no temporary directory left behind
    ledger = Ledger.open(f"sqlite:///{tmp_path / 'l.sqlite'}")
    assert load_shards(ledger, target).documents == 5


def test_writer_failure_leaves_nothing_that_looks_complete(tmp_path):
    target = tmp_path / "out"
    with pytest.raises(RuntimeError):
        with ShardWriter(target, rows_per_shard=2) as writer:
            writer.write(_rows_table(_corpus(3)))
            raise RuntimeError("worker lost")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("existing", ["file", "non-empty dir"])
def test_writer_refuses_to_overwrite(tmp_path, existing):
    target = tmp_path / "out"
    if existing == "file":
        target.write_text("x")
    else:
        target.mkdir()
        (target / "shard-00000.parquet").write_bytes(b"old")
    with pytest.raises(InputError, match="already exists"):
        ShardWriter(target)


def test_writer_fills_an_existing_empty_directory(tmp_path):
    target = tmp_path / "out"
    target.mkdir()
    with ShardWriter(target) as writer:
        writer.write(_rows_table(_corpus(1)))
    assert [p.name for p in target.iterdir()] == ["shard-00000.parquet"]


# --- claimledger load ---------------------------------------------------------------------------------------


def _run_load(*args: str):
    return CliRunner().invoke(main, ["load", *args])


def test_cli_load_exit_statuses(tmp_path):
    db = str(tmp_path / "cli.sqlite")
    shard_dir = _shard_dir(tmp_path, _corpus(3))
    first = _run_load(str(shard_dir), "--db", db)
    assert first.exit_code == 0, first.output
    assert "loaded 3 documents, 3 claims; 0 already in the ledger; 0 skipped" in first.output
    _garbage(shard_dir / "zz.parquet")
    second = _run_load(str(shard_dir), "--db", db)
    assert second.exit_code == 1
    assert f"skipped {shard_dir / 'zz.parquet'}: not a readable Parquet file" in second.output
    assert "loaded 0 documents, 0 claims; 3 already in the ledger; 1 skipped" in second.output
    missing = _run_load(str(tmp_path / "absent"), "--db", db)
    assert missing.exit_code == 2
    assert "no such shard directory" in missing.output
    only_bad = tmp_path / "only-bad"
    only_bad.mkdir()
    _foreign(only_bad / "x.parquet")
    assert _run_load(str(only_bad), "--db", db).exit_code == 2


def test_cli_load_json_summary(tmp_path):
    shard_dir = _shard_dir(tmp_path, _corpus(2))
    result = _run_load(str(shard_dir), "--db", str(tmp_path / "j.sqlite"), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output.strip().splitlines()[-1])
    assert (data["documents"], data["claims"], data["already_stored"], data["skipped"]) == (2, 1, 0, [])
