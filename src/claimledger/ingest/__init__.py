"""Readers: inputs (txt, html, jsonl, directories, globs, stdin; warc, feeds, urls) → Documents."""

from __future__ import annotations

from pathlib import Path


def examples_path() -> Path:
    """The directory of example articles shipped with the package.

    It holds article.txt, article.html and articles.jsonl.
    """
    return Path(__file__).resolve().parent.parent / "examples"


__all__ = ["examples_path"]
