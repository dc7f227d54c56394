"""The evaluation gate: extraction quality on the dev set may not fall below the pinned floors.

Runs the installed command end to end (``python -m claimledger.cli eval``) on every dev document file,
and on failure prints what was missed, the false positives and the field errors, so the diff to chase
is in the test output.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "evaluation" / "dev"
FLOORS = ROOT / "evaluation" / "floors.toml"


def _dev_report() -> dict:
    docs = sorted(str(p) for p in DEV.glob("docs-*.jsonl"))
    assert docs, f"no dev documents (docs-*.jsonl) in {DEV}"
    out = subprocess.run(
        [sys.executable, "-m", "claimledger.cli", "eval", str(DEV / "gold"), *docs, "--json"],
        capture_output=True, text=True, timeout=600, check=True,
    ).stdout
    return json.loads(out)


def _what_went_wrong(report: dict) -> str:
    lines = [f"missed {m['doc_id']} {m['text']!r}: {m['sentence'][:120]}" for m in report["misses"]]
    lines += [f"false positive {f['doc_id']} {f['text']!r}: {f['sentence'][:120]}"
              for f in report["false_positives"]]
    for name, errors in report["field_errors"].items():
        lines += [f"{name} {e['doc_id']} {e['text']!r}: gold {e['gold']!r}, predicted {e['predicted']!r}"
                  for e in errors]
    return "\n".join(lines)


@pytest.mark.slow
def test_dev_set_meets_floors() -> None:
    floors = tomllib.loads(FLOORS.read_text(encoding="utf-8"))
    report = _dev_report()
    assert report["gold"] > 0, "the dev gold files located no claims"
    assert not report["gold_without_document"], f"gold with no document: {report['gold_without_document']}"
    summary = f"F1 {report['f1']:.3f} (floor {floors['f1']}), strict {report['strict']:.3f} " \
              f"(floor {floors['strict']})"
    ok = report["f1"] >= floors["f1"] and report["strict"] >= floors["strict"]
    assert ok, f"{summary}\n{_what_went_wrong(report)}"
