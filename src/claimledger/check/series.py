"""reference_series: compare a claim with a declared series (shipped or in the user data directory)."""
from __future__ import annotations

import gzip
import json
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from claimledger.check.compare import Stated, agree
from claimledger.errors import ConfigError
from claimledger.models import Check, Claim, parse_iso_date
from claimledger.normalize.subjects import resolve_subject

SHIPPED = Path(__file__).parent.parent / "data/series"


@dataclass
class Series:
    name: str
    source: dict
    subjects: set[str]
    column: str
    category: str
    units: set[str]
    cumulative: dict[date, float]

    def value(self, on: date, scope: str) -> tuple[date, float] | None:
        if scope == "daily":
            now, before = self.cumulative.get(on), self.cumulative.get(on - timedelta(days=1))
            return (on, now - before) if now is not None and before is not None else None
        v = self.cumulative.get(on)
        return (on, v) if v is not None else None


def _user_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("claimledger")) / "series"


def _read_json(path: Path) -> list:
    raw = path.read_bytes()
    return json.loads(gzip.decompress(raw) if path.suffix == ".gz" else raw)


def _load_decl(path: Path) -> list[Series]:
    try:
        decl = tomllib.loads(path.read_text())
        rows = [r for f in decl["files"] for r in _read_json(path.parent / f)]
    except (OSError, KeyError, ValueError) as exc:
        raise ConfigError(f"series declaration {path}: {exc}") from exc
    out = []
    for col, spec in decl["columns"].items():
        values = {date.fromisoformat(r["date"]): float(r[col]) for r in rows if r.get(col) is not None}
        out.append(Series(decl["name"], decl["source"], {s.lower() for s in decl["subjects"]}, col,
                          spec["category"], {u.lower() for u in spec["units"]}, values))
    return out


@lru_cache(maxsize=1)
def all_series() -> list[Series]:
    decls = sorted(SHIPPED.glob("*.toml"))
    user = _user_dir()
    if user.is_dir():
        decls += sorted(user.glob("*.toml"))
    return [s for d in decls for s in _load_decl(d)]


def _matches(s: Series, claim: Claim) -> bool:
    if claim.category != s.category or (claim.unit or "").lower() not in s.units:
        return False
    if claim.subject:
        return subject_matches(s, claim.subject)
    return (claim.source.canonical or "") == s.source.get("canonical")


def subject_matches(s: Series, subject: str) -> bool:
    """A subject is the series' when it resolves to the party of one of the series' subjects, or is one."""
    if subject.lower() in s.subjects:
        return True
    whose = resolve_subject(subject)
    return whose is not None and whose.named and whose.key in _series_keys(s)


def _series_keys(s: Series) -> set[str]:
    keys = {w.key for w in map(resolve_subject, s.subjects) if w is not None and w.named}
    keys.discard("")
    return keys


def _holds(claim: Claim, ref: float) -> bool:
    """The claim against the series value, through the comparison the cross-source check makes."""
    return agree(Stated.of(claim), Stated(ref, "measured"))


def check_series(claim: Claim) -> Check | None:
    if claim.time_scope not in ("daily", "cumulative"):
        return None  # a figure of unknown scope must not be compared with either kind
    series = [s for s in all_series() if _matches(s, claim)]
    if not series:
        return None
    s = series[0]
    on = parse_iso_date(claim.period.end if claim.period and claim.period.end else claim.published)
    if on is None:
        return Check("reference_series", "unknown", "no date to look the series up on")
    candidates = (s.value(on, claim.time_scope), s.value(on - timedelta(days=1), claim.time_scope))
    found = [x for x in candidates if x]
    label = f"{s.source['name']} {claim.time_scope} {s.column}"
    if not found:
        detail = f"{label}: no bulletin for {on.isoformat()} or the day before"
        return Check("reference_series", "unknown", detail, {"series": s.name, "column": s.column})
    for day, ref in found:
        if _holds(claim, ref):
            return Check("reference_series", "consistent",
                         f"{label} of {day.isoformat()} is {ref:,.0f}; stated {claim.value:,.0f}: consistent",
                         {"series": s.name, "column": s.column, "date": day.isoformat(), "value": ref})
    day, ref = found[0]
    return Check("reference_series", "inconsistent",
                 f"{label} of {day.isoformat()} is {ref:,.0f}; stated {claim.value:,.0f}: inconsistent",
                 {"series": s.name, "column": s.column, "date": day.isoformat(), "value": ref})
