"""The claim record and its parts: one definition, used by every stage.

Field names and value sets follow ``claim-schema.md`` (the project's contract). Fields may be
added; none may be renamed. Records are plain dataclasses so that the extraction hot path stays
cheap; ``to_dict``/``from_dict`` give the JSON shape every other tool reads.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any, Literal

Bound = Literal["exact", "at_least", "at_most", "about", "range"]
Category = Literal[
    "money", "casualties", "deaths", "injuries", "troops", "equipment",
    "displaced", "detained", "percent", "other",
]
TimeScope = Literal["daily", "cumulative", "period", "point", "unspecified"]
SourceType = Literal[
    "government", "military", "intelligence", "media", "international_org",
    "ngo", "company", "person", "author", "unknown",
]
Verification = Literal["unverified", "denied", "not_confirmed", "disputed", "confirmed"]
CheckKind = Literal["fx_conversion", "reference_series", "cross_source"]
CheckResultValue = Literal["consistent", "inconsistent", "unknown"]

BOUNDS: tuple[str, ...] = ("exact", "at_least", "at_most", "about", "range")
CATEGORIES: tuple[str, ...] = (
    "money", "casualties", "deaths", "injuries", "troops", "equipment",
    "displaced", "detained", "percent", "other",
)
TIME_SCOPES: tuple[str, ...] = ("daily", "cumulative", "period", "point", "unspecified")
SOURCE_TYPES: tuple[str, ...] = (
    "government", "military", "intelligence", "media", "international_org",
    "ngo", "company", "person", "author", "unknown",
)
VERIFICATIONS: tuple[str, ...] = ("unverified", "denied", "not_confirmed", "disputed", "confirmed")

AUTHOR = "AUTHOR"


UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable(value: str) -> tuple[str, list[str]]:
    """``value`` with what no database or UTF-8 file can hold (NUL characters, which PostgreSQL refuses,
    and lone surrogates such as "\\ud800" from a JSON escape) replaced one for one by U+FFFD, so offsets
    into the text still hold; with the names of what was replaced."""
    if UNSTORABLE.search(value) is None:
        return value, []
    what = []
    if "\x00" in value:
        what.append("NUL characters")
    if re.search("[\ud800-\udfff]", value):
        what.append("lone surrogates")
    return UNSTORABLE.sub("\ufffd", value), what


def content_hash(text: str, length: int = 16) -> str:
    """A short, stable hex digest of ``text``: the id of a document that has none."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


@dataclass(slots=True)
class Document:
    """An article as claimledger reads it: plain text plus the metadata that anchors it."""

    text: str
    id: str = ""
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date or datetime, as given
    origin: str | None = None  # where it was read from ("file.jsonl:12"), for messages

    def __post_init__(self) -> None:
        repaired = []
        for name in ("text", "id", "url", "outlet", "title", "published"):
            value = getattr(self, name)
            if isinstance(value, str):
                clean, what = storable(value)
                if what:
                    setattr(self, name, clean)
                    repaired += [w for w in what if w not in repaired]
        if repaired:  # said where the document came from, as a decoding is ("file.txt (decoded as cp1252)")
            self.origin = f"{self.origin or '<input>'} ({' and '.join(repaired)} replaced by U+FFFD)"
        if not self.id:
            self.id = content_hash(self.text)

    @property
    def published_date(self) -> date | None:
        """The publication date, or None when absent or unreadable."""
        return parse_iso_date(self.published)

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("id", "url", "outlet", "title", "published", "text")}


def parse_iso_date(value: str | date | None) -> date | None:
    """Read an ISO date or datetime ("2024-11-26", "2024-11-26T09:30:00Z"); None if it is not one."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


@dataclass(slots=True)
class Period:
    start: str | None = None  # ISO date
    end: str | None = None


@dataclass(slots=True)
class Source:
    name: str = AUTHOR
    canonical: str | None = None
    type: str = "author"
    cue: str | None = None
    via: str | None = None


@dataclass(slots=True)
class Check:
    kind: str
    result: str
    detail: str
    data: dict[str, Any] = field(default_factory=dict)  # machine-readable figures behind `detail`


@dataclass(slots=True)
class Claim:
    id: str
    doc_id: str
    span: tuple[int, int]
    text: str
    sentence: str
    value: float
    high: float | None = None
    bound: str = "exact"
    unit: str = ""
    category: str = "other"
    time_scope: str = "unspecified"
    period: Period | None = None
    subject: str | None = None
    location: str | None = None
    source: Source = field(default_factory=Source)
    hedged: bool = False
    verification: str | None = None
    conversion_of: str | None = None
    checks: list[Check] = field(default_factory=list)
    # per context field, the calibrated probability that it is right (the decision model's; None without one)
    confidence: dict[str, float] | None = None
    # Added fields (the schema allows additions): the words that decided a field, for tracing back.
    scope_cue: str | None = None
    hedge_cue: str | None = None
    verification_cue: str | None = None
    value_usd: float | None = None
    value_eur: float | None = None
    published: str | None = None
    outlet: str | None = None
    extractor_version: str | None = None
    role: str | None = None  # a change's ends: "from" and "to" in "fell from $36,040 to $34,935"
    # What a person set (claim-schema.md `review`): {fields, verdict, note, evidence, reviewer, at,
    # not_claim}; the other fields are then the effective ones (extraction overlaid with the latest review).
    review: dict[str, Any] | None = None
    path: str | None = None  # the file (or URL, archive) the claim's document was read from

    @staticmethod
    def make_id(doc_id: str, start: int, end: int) -> str:
        """Stable id: the same document and span give the same id on every run."""
        return content_hash(f"{doc_id}:{start}:{end}")

    def to_dict(self) -> dict[str, Any]:
        """The claim record as JSON-ready data, keys in the schema's order (the order of the fields above).

        The one shape every output uses: CLI JSON, the HTTP API, exports and the store's records. Built
        field by field rather than with ``asdict`` (whose deep copies cost a page of claims dearly).
        """
        data: dict[str, Any] = {}
        for name in CLAIM_FIELDS:
            value = getattr(self, name)
            if name == "span":
                value = list(value)
            elif name in ("value", "high"):
                value = _plain_number(value)
            elif name == "period":
                value = None if value is None else {"start": value.start, "end": value.end}
            elif name == "source":
                value = {"name": value.name, "canonical": value.canonical, "type": value.type,
                         "cue": value.cue, "via": value.via}
            elif name == "checks":
                value = [{"kind": c.kind, "result": c.result, "detail": c.detail, "data": dict(c.data)}
                         for c in value]
            elif name == "confidence" and value is not None:
                value = dict(value)
            data[name] = value
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["span"] = tuple(values.get("span") or (0, 0))
        period = values.get("period")
        values["period"] = Period(**period) if isinstance(period, dict) else period
        source = values.get("source")
        if isinstance(source, dict):
            values["source"] = Source(**{k: v for k, v in source.items() if k in Source.__slots__})
        elif source is None:
            values["source"] = Source()
        values["checks"] = [
            c if isinstance(c, Check) else Check(**c) for c in values.get("checks") or []
        ]
        return cls(**values)


CLAIM_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Claim))


def _plain_number(x: float | None) -> float | int | None:
    """400000.0 → 400000 in JSON output, so figures read as they were written."""
    if x is None:
        return None
    if float(x).is_integer() and abs(x) < 2**53:
        return int(x)
    return x
