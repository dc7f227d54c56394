"""Load the extraction rules from readable TOML data, with user extensions merged in.

The package ships its lexicons in ``claimledger/data``. A user adds entries by putting files of the
same names (``quantities.toml``, ``categories.toml``, ``attribution.toml``, ``hedging.toml``,
``timescope.toml``, ``nonclaims.toml``, ``sources.toml``) in a directory named by the
``CLAIMLEDGER_LEXICONS`` environment variable (several directories separated by ``os.pathsep``):
lists are extended, tables are merged, so a user file holds only what it adds.
"""

from __future__ import annotations

import os
import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from claimledger.errors import ConfigError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
LEXICON_DIR = DATA_DIR / "lexicons"


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        old = merged.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            merged[key] = _merge(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            merged[key] = old + [v for v in value if v not in old]
        else:
            merged[key] = value
    return merged


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc}); fix the file or remove it") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.strerror})") from exc


def user_lexicon_dirs() -> tuple[Path, ...]:
    raw = os.environ.get("CLAIMLEDGER_LEXICONS", "")
    return tuple(Path(p) for p in raw.split(os.pathsep) if p)


@cache
def load_table(name: str, extra_dirs: tuple[Path, ...] | None = None) -> dict[str, Any]:
    """The lexicon ``name`` (e.g. "quantities"), shipped entries plus user additions."""
    shipped = LEXICON_DIR / f"{name}.toml"
    if not shipped.exists():
        shipped = DATA_DIR / f"{name}.toml"
    table = _read_toml(shipped)
    for directory in extra_dirs if extra_dirs is not None else user_lexicon_dirs():
        candidate = Path(directory) / f"{name}.toml"
        if candidate.exists():
            table = _merge(table, _read_toml(candidate))
    return table


def phrase_alternation(phrases: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of literal phrases, longest first so "more than" beats "more"."""
    ordered = sorted({p for p in phrases if p}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


def first_characters(phrases: list[str]) -> str | None:
    """A character class of the first characters of ``phrases`` as ``phrase_alternation`` writes them: a
    look-ahead of it is implied by the alternation. None where a phrase begins with a space (the
    alternation turns that into any run of spaces)."""
    if any(not p or p[0].isspace() for p in phrases):
        return None
    return "[" + "".join(sorted({re.escape(p[0]) for p in phrases})) + "]"


def compile_patterns(patterns: list[str], where: str) -> list[re.Pattern[str]]:
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(pattern, re.IGNORECASE))
        except re.error as exc:
            raise ConfigError(
                f"{where}: pattern {pattern!r} is not a valid regular expression ({exc})") from exc
    return compiled
