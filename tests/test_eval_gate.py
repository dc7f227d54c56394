"""The evaluation gate: extraction quality on the dev set may not fall below the pinned floors."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "evaluation" / "dev"


@pytest.mark.slow
def test_dev_set_meets_floors():
    import json

    floors = tomllib.loads((ROOT / "evaluation" / "floors.toml").read_text())
    docs = sorted(str(p) for p in DEV.glob("docs-*.jsonl"))
    assert docs, "no dev documents"
    out = subprocess.run(
        [sys.executable, "-m", "claimledger.cli", "eval", str(DEV / "gold"), *docs, "--json"],
        capture_output=True, text=True, timeout=600, check=True,
    ).stdout
    report = json.loads(out)
    text = json.dumps(report)[:4000]
    f1 = _find(report, "f1")
    strict = _find(report, "strict")
    assert f1 >= floors["f1"], f"F1 {f1:.3f} below floor {floors['f1']}: {text}"
    assert strict >= floors["strict"], f"strict {strict:.3f} below floor {floors['strict']}: {text}"


def _find(report, key):
    if isinstance(report, dict):
        if key in report and isinstance(report[key], (int, float)):
            return report[key]
        for value in report.values():
            found = _find(value, key)
            if found is not None:
                return found
    return None
