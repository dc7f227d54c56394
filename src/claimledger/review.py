"""What a reviewer may set on a claim, and how a review overlays the extraction (pure: no I/O).

A review is ``{fields, verdict, note, evidence, reviewer, at, not_claim}`` (claim-schema.md `review`).
``fields`` maps a field of the claim record to the value a person set; nested parts are dotted
(``source.name``, ``period.end``). The claim's effective record is the extraction with these fields put
over it.

The verdict scale follows schema.org ClaimReview ratings (``reviewRating``): from ``accurate`` (5) down to
``false`` (1); ``unsupported`` (no rating value) means the evidence found neither bears the figure out nor
refutes it. The store (``store/reviews.py``) keeps every change in an append-only history.
"""

from __future__ import annotations

from typing import Any

from claimledger.errors import InputError
from claimledger.models import BOUNDS, CATEGORIES, SOURCE_TYPES, TIME_SCOPES, VERIFICATIONS, Claim

# verdict → (ClaimReview ratingValue on a 1..5 scale, or None, and its alternateName)
VERDICTS: dict[str, tuple[int | None, str]] = {
    "accurate": (5, "Accurate"),
    "mostly_accurate": (4, "Mostly accurate"),
    "misleading": (2, "Misleading"),
    "false": (1, "False"),
    "unsupported": (None, "Unsupported"),
}

CHOICES: dict[str, tuple[str, ...]] = {
    "bound": BOUNDS, "category": CATEGORIES, "time_scope": TIME_SCOPES, "source.type": SOURCE_TYPES,
    "verification": VERIFICATIONS,
}
NUMBERS = ("value", "high")
FLAGS = ("hedged",)
TEXTS = ("unit", "subject", "location", "source.name", "source.canonical", "source.cue", "source.via",
         "conversion_of")
DATES = ("period.start", "period.end")
NULLABLE = {"high", "verification", "subject", "location", "source.canonical", "source.cue", "source.via",
            "conversion_of", "period.start", "period.end"}
FIELDS: tuple[str, ...] = (*NUMBERS, *CHOICES, *FLAGS, *TEXTS, *DATES)  # what `review set` accepts
NULL_WORDS = {"", "null", "none"}
# A context field whose calibrated confidence is below this wants a person: the article page marks it and the
# review queue names it ("low confidence: time scope 0.42").
LOW_CONFIDENCE = 0.7


def parse_value(field: str, raw: Any) -> Any:
    """The value of ``field`` from what a person typed (a string) or sent (JSON); InputError when unfit."""
    if field not in FIELDS:
        raise InputError("review", f"{field!r} is not a field a review can set: use one of "
                                   f"{', '.join(FIELDS)}")
    if raw is None or (isinstance(raw, str) and raw.strip().lower() in NULL_WORDS):
        if field in NULLABLE:
            return None
        raise InputError("review", f"{field} cannot be empty")
    if field in NUMBERS:
        try:
            number = float(str(raw).replace(",", "")) if not isinstance(raw, int | float) else float(raw)
        except ValueError:
            raise InputError("review", f"{field} must be a number, got {raw!r}") from None
        return int(number) if number.is_integer() and abs(number) < 2**53 else number
    if field in FLAGS:
        if isinstance(raw, bool):
            return raw
        word = str(raw).strip().lower()
        if word in ("true", "yes", "1"):
            return True
        if word in ("false", "no", "0"):
            return False
        raise InputError("review", f"{field} must be true or false, got {raw!r}")
    value = str(raw).strip()
    if field in CHOICES and value not in CHOICES[field]:
        raise InputError("review", f"{field} must be one of {', '.join(CHOICES[field])}, got {value!r}")
    if field in DATES:
        from claimledger.models import parse_iso_date

        day = parse_iso_date(value)
        if day is None:
            raise InputError("review", f"{field} must be an ISO date (YYYY-MM-DD), got {value!r}")
        return day.isoformat()
    return value


def parse_verdict(raw: str | None) -> str | None:
    if raw is None or raw.strip().lower() in NULL_WORDS:
        return None
    word = raw.strip().lower().replace(" ", "_").replace("-", "_")
    if word not in VERDICTS:
        raise InputError("review", f"verdict must be one of {', '.join(VERDICTS)}, got {raw!r}")
    return word


def parse_evidence(links: list[str] | None) -> list[str]:
    out = []
    for link in links or []:
        link = str(link).strip()
        if not link.lower().startswith(("http://", "https://")):
            raise InputError("review", f"evidence must be http(s) links, got {link!r}")
        out.append(link)
    return out


def get_field(record: dict[str, Any], field: str) -> Any:
    """A (dotted) field of a claim record as JSON."""
    head, _, tail = field.partition(".")
    value = record.get(head)
    if tail:
        return (value or {}).get(tail)
    return value


def overlay(claim: Claim, review: dict[str, Any] | None) -> Claim:
    """The claim with the review's fields put over it and ``review`` set (a new Claim; ``claim`` is kept)."""
    if not review:
        return claim
    record = claim.to_dict()
    for field, value in (review.get("fields") or {}).items():
        head, _, tail = field.partition(".")
        if tail:
            record[head] = {**(record.get(head) or {}), tail: value}
        else:
            record[head] = value
    record["review"] = review
    return Claim.from_dict(record)


__all__ = ["FIELDS", "VERDICTS", "get_field", "overlay", "parse_evidence", "parse_value", "parse_verdict"]
