"""`claimledger ingest --engine ray`: the command's Ray path (extract to shards on a local Ray started for the
run, then load) stores exactly what the local engine stores, and reports skips the same way."""

from __future__ import annotations

import pytest
from ingest_helpers import run_cli, write_corpus

from claimledger.store import Ledger

pytest.importorskip("ray")


def _snapshot(url: str) -> dict[str, list[dict]]:
    ledger = Ledger.open(url)
    try:
        return {d.id: [c.to_dict() for c in ledger.document(d.id)[1]] for d in ledger.documents(limit=1000)}
    finally:
        ledger.close()


@pytest.mark.ray
@pytest.mark.slow
def test_ingest_engine_ray_equals_local(tmp_path):
    write_corpus(tmp_path / "in", 4)
    inputs = [str(tmp_path / "in"), str(tmp_path / "missing.txt")]
    local = run_cli("ingest", "--db", str(tmp_path / "local.sqlite"), *inputs)
    on_ray = run_cli("ingest", "--engine", "ray", "--shards", str(tmp_path / "shards"),
                     "--db", str(tmp_path / "ray.sqlite"), *inputs, timeout=600)
    assert local.returncode == on_ray.returncode == 1, on_ray.stderr[-2000:]
    assert "missing.txt: no such file or directory" in on_ray.stderr
    assert "stored 4 documents" in on_ray.stdout and "1 skipped" in on_ray.stdout
    assert any((tmp_path / "shards").glob("*.parquet"))  # --shards kept the shards
    ray_ledger, local_ledger = (f"sqlite:///{tmp_path / name}" for name in ("ray.sqlite", "local.sqlite"))
    assert _snapshot(ray_ledger) == _snapshot(local_ledger)
    again = run_cli("ingest", "--engine", "ray", "--db", str(tmp_path / "ray.sqlite"), str(tmp_path / "in"),
                    timeout=600)
    assert again.returncode == 0 and "4 already in the ledger" in again.stdout
