"""`claimledger query --min-confidence`: only claims whose every context field is confident enough."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from claimledger.cli import main
from claimledger.ingest import examples_path


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_query_keeps_only_confident_claims(tmp_path: Path) -> None:
    db = str(tmp_path / "ledger.sqlite")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", "--db", db, "-q", str(examples_path())]).exit_code == 0
    everything = _jsonl(runner.invoke(main, ["query", "--db", db, "--format", "jsonl"]).output)
    context = {"time_scope", "category", "source_type", "hedged", "verification", "source"}
    assert everything and all(set(c["confidence"]) == context for c in everything)
    lowest = sorted(min(c["confidence"].values()) for c in everything)
    bar = f"{lowest[len(lowest) // 2]:.3f}"  # the median claim's least confident field: about half pass
    args = ["query", "--db", db, "--format", "jsonl", "--min-confidence", bar]
    sure = _jsonl(runner.invoke(main, args).output)
    expected = [c["id"] for c in everything if min(c["confidence"].values()) >= float(bar)]
    assert [c["id"] for c in sure] == expected
    assert 0 < len(sure) < len(everything)
    two = _jsonl(runner.invoke(main, [*args, "--limit", "2"]).output)
    assert [c["id"] for c in two] == expected[:2]
