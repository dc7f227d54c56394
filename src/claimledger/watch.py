"""Follow feeds and pages on a schedule: store what is new, check it, and report what does not hold up.

One round reads every input through the ingest path (``batch.ingest``: a document already stored by this
extractor version is skipped, so only what is new is extracted and stored), runs the checks on the new claims
(each alone: conversions and reference series; then the cross-source check of every figure they report, over
the whole ledger), and returns an ``Alert`` for each new claim with an inconsistent check:

- ``fails_check``: its stated conversion or the reference series says otherwise;
- ``contradicts_source``: another source's report of the same figure disagrees.

An input that cannot be read (a feed answering 500, a timeout, junk) is an ``InputFailure`` of the round, and
the round goes on with the next input. Reporters (terminal lines, JSON Lines, a webhook) live in the CLI; the
records they send are ``Alert.to_dict`` and ``InputFailure.to_dict``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from claimledger.errors import ClaimledgerError, StoreError
from claimledger.models import Claim, Document
from claimledger.store import Ledger

REASONS = {"fx_conversion": "fails_check", "reference_series": "fails_check",
           "cross_source": "contradicts_source"}


@dataclass
class Alert:
    """A new claim with an inconsistent check: what, where from, and why."""

    input: str  # the feed or URL it came through
    reason: str  # fails_check or contradicts_source
    check: str  # the check's kind
    detail: str
    claim: Claim
    document: dict[str, str | None]  # url, title, outlet, published

    def to_dict(self) -> dict[str, Any]:
        return {"event": "alert", "input": self.input, "reason": self.reason, "check": self.check,
                "detail": self.detail, "document": self.document, "claim": self.claim.to_dict()}

    def line(self) -> str:
        """One line for a person: the claim, its outlet and source, and what disagrees."""
        c = self.claim
        who = c.source.canonical or c.source.name
        where = self.document.get("outlet") or self.document.get("url") or self.input
        what = "contradicts another source" if self.reason == "contradicts_source" else f"fails {self.check}"
        return f"{what}: {c.text!r} ({c.category}, {who}) in {where}: {self.detail}"


@dataclass
class InputFailure:
    input: str
    message: str  # "skipped <where>: <reason>", as ingest reports it

    def to_dict(self) -> dict[str, Any]:
        return {"event": "error", "input": self.input, "message": self.message}


@dataclass
class Round:
    """What one round did."""

    number: int
    started: str  # ISO UTC
    documents: int = 0  # new documents stored
    claims: int = 0  # their claims
    already_stored: int = 0
    alerts: list[Alert] = field(default_factory=list)
    failures: list[InputFailure] = field(default_factory=list)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"event": "round", "round": self.number, "started": self.started, "documents": self.documents,
                "claims": self.claims, "already_stored": self.already_stored, "alerts": len(self.alerts),
                "errors": len(self.failures), "seconds": round(self.seconds, 3)}


def watch_round(ledger: Ledger, inputs: Iterable[str], number: int = 1, *, outlet: str | None = None,
                workers: int = 1) -> Round:
    """Read each input once, store and check what is new, and say what does not hold up.

    Only a StoreError (the ledger cannot be written) ends the round; a bad input is reported and skipped.
    """
    from claimledger.batch import ingest

    started = time.perf_counter()
    result = Round(number, datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    for target in inputs:
        new: list[tuple[Document, list[Claim]]] = []

        def keep(document: Document, claims: list[Claim], into: list = new) -> None:
            into.append((document, claims))

        try:
            summary = ingest(ledger, [target], outlet=outlet, workers=workers, stored=keep)
        except StoreError:
            raise
        except ClaimledgerError as exc:  # a setting or reader that failed outright: this input only
            result.failures.append(InputFailure(target, f"skipped {target}: {exc}"))
            continue
        result.documents += summary.documents
        result.claims += summary.claims
        result.already_stored += summary.already_stored
        result.failures += [InputFailure(target, line) for line in summary.skipped]
        result.alerts += _alerts(ledger, target, new)
    result.seconds = time.perf_counter() - started
    return result


def check_new(ledger: Ledger, claims: list[Claim]) -> list[Claim]:
    """Run every check on newly stored claims and save the results; the claims as now stored."""
    from claimledger.check import check_alone, recheck_figures

    by_id = {c.id: c for c in claims}
    for claim in claims:
        original = None
        if claim.conversion_of:
            original = by_id.get(claim.conversion_of) or ledger.claim(claim.conversion_of)
        check_alone(claim, original)
    if claims:
        ledger.save_checks(claims)
    return recheck_figures(ledger, claims)


def _alerts(ledger: Ledger, target: str, new: list[tuple[Document, list[Claim]]]) -> list[Alert]:
    documents = {document.id: document for document, _ in new}
    checked = check_new(ledger, [c for _, claims in new for c in claims])
    alerts = []
    for claim in checked:
        doc = documents[claim.doc_id]
        info = {"url": doc.url, "title": doc.title, "outlet": doc.outlet, "published": doc.published}
        for check in claim.checks:
            if check.result == "inconsistent" and check.kind in REASONS:
                alerts.append(Alert(target, REASONS[check.kind], check.kind, check.detail, claim, info))
    return alerts


def parse_interval(text: str) -> float:
    """Seconds from "90", "90s", "15m", "1h" or "1.5h"; ValueError naming the forms otherwise."""
    value = text.strip().lower()
    scale = {"s": 1, "m": 60, "h": 3600, "d": 86400}.get(value[-1:], None)
    number = value[:-1] if scale else value
    try:
        seconds = float(number) * (scale or 1)
    except ValueError:
        seconds = -1.0
    if seconds <= 0:
        raise ValueError(f"{text!r} is not an interval: give seconds (90) or a number with s, m, h or d "
                         "(90s, 15m, 1h)")
    return seconds


def run(ledger: Ledger, inputs: list[str], *, interval: float, rounds: int | None,
        report: Callable[[Round], None], outlet: str | None = None, workers: int = 1,
        sleep: Callable[[float], None] = time.sleep) -> Round:
    """Rounds every `interval` seconds (from the start of one to the start of the next; a round that takes
    longer starts the next at once), `rounds` times or until interrupted; each one handed to `report`."""
    number = 0
    while True:
        number += 1
        began = time.monotonic()
        last = watch_round(ledger, inputs, number, outlet=outlet, workers=workers)
        report(last)
        if rounds is not None and number >= rounds:
            return last
        sleep(max(0.0, interval - (time.monotonic() - began)))


__all__ = ["Alert", "InputFailure", "Round", "check_new", "parse_interval", "run", "watch_round"]
