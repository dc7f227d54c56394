"""Helpers for ingest tests: corpora of distinct documents, and the real `claimledger` command run in a
subprocess (a module of its own, with a name no other test directory uses, so imports never mix up)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEV_DOCS = ROOT / "evaluation" / "dev" / "docs-b.jsonl"


def dev_documents() -> list[dict]:
    return [json.loads(line) for line in DEV_DOCS.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_corpus(directory: Path, n: int, per_file: int = 1) -> list[dict]:
    """``n`` distinct documents made from the dev set (each text gets its own first line, so each has its
    own content hash), as JSON Lines files of ``per_file`` documents in ``directory``."""
    base = dev_documents()
    docs = []
    for i in range(n):
        doc = dict(base[i % len(base)])
        doc.pop("id", None)  # keyed by content hash, as most real inputs are
        doc["text"] = f"Update {i + 1}.\n\n{doc['text']}"
        docs.append(doc)
    directory.mkdir(parents=True, exist_ok=True)
    for start in range(0, n, per_file):
        lines = "".join(json.dumps(d) + "\n" for d in docs[start:start + per_file])
        (directory / f"part-{start:04d}.jsonl").write_text(lines, encoding="utf-8")
    return docs


def cli_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "claimledger.cli", *args]


def run_cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(cli_command(*args), capture_output=True, text=True, timeout=timeout)
