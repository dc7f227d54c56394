"""The gold files a relabel script may touch, and writing one back in its own JSON style.

Every ``scripts/relabel_*.py`` walks the same files: the gold of every evaluation set except the blind ones
(``EXCLUDED_DIRS``, the list ``claimledger train`` refuses, so a new blind set is skipped here the day it is
added there), and writes a changed file back exactly as it was laid out (indent, escapes, final newline), so a
relabel's diff shows only the labels it changed.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# this checkout's package, not whichever one is installed: an installed copy of an older tree carries an older
# EXCLUDED_DIRS, and the blind sets added since would be read
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from claimledger.decide.dataset import EXCLUDED_DIRS  # noqa: E402

EVALUATION = Path(__file__).resolve().parents[1] / "evaluation"


def open_gold_files(root: Path = EVALUATION) -> Iterator[Path]:
    """Every gold file of every set that is not blind, in a stable order."""
    for path in sorted(root.glob("*/gold*/*.json")):
        if not any(part in EXCLUDED_DIRS for part in path.relative_to(root).parts):
            yield path


def dump_like(raw: str, data: Any) -> str:
    """``data`` as JSON in the layout of ``raw`` (the file's text before the change)."""
    lines = raw.split("\n", 2)
    second = lines[1] if len(lines) > 1 else ""
    indent = len(second) - len(second.lstrip(" ")) or None
    written = json.dumps(data, indent=indent, ensure_ascii="\\u" in raw)
    return written + ("\n" if raw.endswith("\n") else "")


def documents(path: Path) -> dict[str, str]:
    """The texts of a gold file's set, by document id (read once per set)."""
    set_dir = path.parent.parent
    if set_dir not in _DOCS:
        texts: dict[str, str] = {}
        for docs in sorted(set_dir.glob("docs*.jsonl")):
            for line in docs.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    doc = json.loads(line)
                    texts[doc["id"]] = doc["text"]
        _DOCS[set_dir] = texts
    return _DOCS[set_dir]


_DOCS: dict[Path, dict[str, str]] = {}


def save_claims(path: Path, raw: str, data: dict[str, Any], claims: list[Any], write: bool) -> None:
    """``data``'s claims set to ``claims``; with ``write``, the file written back in its layout (``raw``)."""
    data["claims"] = claims
    if write:
        path.write_text(dump_like(raw, data), encoding="utf-8")
