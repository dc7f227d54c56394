"""`claimledger review`: correct, rate and annotate claims; list reviews, the review queue and the history.

Every change is kept in the ledger's history (who, when, which field, old and new value). The reviewer is
named by --reviewer (or CLAIMLEDGER_REVIEWER), or by --token: the name of an API token from `claimledger token
create --name`, the same name the HTTP API records for that token.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

import click

from claimledger.cli import main
from claimledger.cli.ledger_cmd import Fatal, _open
from claimledger.cli.options import db_option
from claimledger.errors import ClaimledgerError, InputError, NotFoundError

REVIEWER_ENV = "CLAIMLEDGER_REVIEWER"


def reviewer_option(func):
    func = click.option(
        "--token",
        "token",
        default=None,
        metavar="TOKEN",
        help="Review as this API token's name (see `claimledger token create --name`).",
    )(func)
    return click.option(
        "--reviewer", default=None, metavar="NAME", help=f"Who reviews (default: {REVIEWER_ENV})."
    )(func)


def _reviewer(reviewer: str | None, token: str | None) -> str:
    if token:
        from claimledger.web.tokens import TokenStore

        entry = TokenStore().verify(token.strip())
        if entry is None:
            raise Fatal("the API token is not valid (unknown or revoked); see `claimledger token list`")
        if not entry.name:
            raise Fatal(
                f"token {entry.id} has no name to review as: create one with `claimledger token create "
                "--name NAME`"
            )
        return entry.name
    name = reviewer or os.environ.get(REVIEWER_ENV)
    if not name:
        raise click.UsageError(f"say who reviews: --reviewer NAME, --token TOKEN or {REVIEWER_ENV}")
    return name


def _apply(db: str | None, claim_id: str, who: str, **change: Any) -> None:
    from claimledger.store.reviews import Change, write_review

    ledger = _open(db)
    try:
        claim = write_review(ledger.engine, claim_id, who, Change(**change))
    except (NotFoundError, InputError) as exc:
        raise click.ClickException(str(exc)) from exc
    except ClaimledgerError as exc:
        raise Fatal(str(exc)) from exc
    finally:
        ledger.close()
    click.echo(json.dumps(claim.to_dict(), ensure_ascii=False))


@main.group()
def review() -> None:
    """Correct, rate and annotate claims; every change is kept in the ledger's history.

    Verdicts, in the manner of ClaimReview ratings: accurate, mostly_accurate, misleading, false, unsupported.
    """


@review.command("set")
@db_option(creates=False)
@reviewer_option
@click.argument("claim_id")
@click.argument("pairs", nargs=-1, required=True, metavar="FIELD VALUE [FIELD VALUE]...")
def review_set(db, reviewer, token, claim_id, pairs) -> None:
    """Set fields of a claim: `review set ID time_scope cumulative source.name "the ministry"`.

    FIELD is one of value, high, bound, category, time_scope, source.type, verification, hedged, unit,
    subject, location, source.name, source.canonical, source.cue, source.via, conversion_of, period.start,
    period.end; "null" empties a field that may be empty. Prints the claim's effective record.
    """
    from claimledger.review import parse_value

    if len(pairs) % 2:
        raise click.UsageError(f"FIELD VALUE come in pairs; {pairs[-1]!r} has no value")
    try:
        fields = {pairs[i]: parse_value(pairs[i], pairs[i + 1]) for i in range(0, len(pairs), 2)}
    except InputError as exc:
        raise click.UsageError(str(exc)) from exc
    _apply(db, claim_id, _reviewer(reviewer, token), fields=fields)


@review.command("verdict")
@db_option(creates=False)
@reviewer_option
@click.argument("claim_id")
@click.argument("verdict", metavar="VERDICT")
def review_verdict(db, reviewer, token, claim_id, verdict) -> None:
    """Rate a claim: accurate, mostly_accurate, misleading, false or unsupported ("null" clears it)."""
    from claimledger.review import parse_verdict

    try:
        value = parse_verdict(verdict)
    except InputError as exc:
        raise click.UsageError(str(exc)) from exc
    _apply(db, claim_id, _reviewer(reviewer, token), verdict=value)


@review.command("note")
@db_option(creates=False)
@reviewer_option
@click.argument("claim_id")
@click.argument("text")
def review_note(db, reviewer, token, claim_id, text) -> None:
    """Set the reviewer's note on a claim (replaces the note; the old one stays in the history)."""
    _apply(db, claim_id, _reviewer(reviewer, token), note=text or None)


@review.command("evidence")
@db_option(creates=False)
@reviewer_option
@click.argument("claim_id")
@click.argument("links", nargs=-1, metavar="URL...")
def review_evidence(db, reviewer, token, claim_id, links) -> None:
    """Set the evidence links of a claim (http(s) URLs; none clears them)."""
    from claimledger.review import parse_evidence

    try:
        evidence = parse_evidence(list(links))
    except InputError as exc:
        raise click.UsageError(str(exc)) from exc
    _apply(db, claim_id, _reviewer(reviewer, token), evidence=evidence)


@review.command("not-a-claim")
@db_option(creates=False)
@reviewer_option
@click.option("--undo", is_flag=True, help="It is a claim after all.")
@click.argument("claim_id")
def review_not_a_claim(db, reviewer, token, undo, claim_id) -> None:
    """Mark what the extractor took for a claim as not a claim (a date, a name, page furniture)."""
    _apply(db, claim_id, _reviewer(reviewer, token), not_claim=not undo)


def _print_rows(rows: list[dict[str, Any]], fmt: str | None, columns: list[str]) -> None:
    if (fmt or ("table" if sys.stdout.isatty() else "jsonl")) == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    from rich.table import Table

    from claimledger.cli.ledger_cmd import print_table

    table = Table()
    for name in columns:
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*("" if row.get(n) is None else str(row.get(n)) for n in columns))
    print_table(table)


FORMAT = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl"]),
    default=None,
    help="table for reading (the default on a terminal), or jsonl.",
)


@review.command("list")
@db_option(creates=False)
@click.option("--doc-id", default=None, help="Reviews of this document only.")
@click.option("--orphaned", is_flag=True, help="Only reviews whose claim no longer comes out of extraction.")
@click.option("--limit", default=200, show_default=True)
@FORMAT
def review_list(db, doc_id, orphaned, limit, fmt) -> None:
    """The reviews in the ledger; orphaned ones (claim_id null) are kept with where their claim was."""
    from claimledger.store.reviews import list_reviews

    ledger = _open(db)
    try:
        rows = list_reviews(ledger.engine, doc_id=doc_id, orphaned=True if orphaned else None, limit=limit)
    finally:
        ledger.close()
    _print_rows(rows, fmt, ["claim_id", "doc_id", "text", "verdict", "fields", "reviewer", "at", "orphaned"])


@review.command("queue")
@db_option(creates=False)
@click.option("--limit", default=20, show_default=True)
@click.option("--offset", default=0)
@click.option("--all", "everything", is_flag=True, help="Reviewed claims too (after the unreviewed ones).")
@FORMAT
def review_queue(db, limit, offset, everything, fmt) -> None:
    """Claims that most need a person first: unreviewed, failed checks, then the least confident."""
    from claimledger.store.reviews import queue

    ledger = _open(db)
    try:
        total, items = queue(ledger.engine, limit=limit, offset=offset, include_reviewed=everything)
    finally:
        ledger.close()
    rows = [
        {
            "id": i["claim"].id,
            "text": i["claim"].text,
            "doc_id": i["claim"].doc_id,
            "need": i["need"],
            "min_confidence": i["min_confidence"],
            "reasons": "; ".join(i["reasons"]),
            "sentence": i["claim"].sentence,
        }
        for i in items
    ]
    _print_rows(rows, fmt, ["id", "text", "need", "reasons", "sentence"])
    click.echo(f"{len(rows)} of {total} claims in the queue", err=True)


@review.command("history")
@db_option(creates=False)
@click.option("--claim", "claim_id", default=None, help="Changes to this claim only.")
@click.option("--doc-id", default=None, help="Changes to this document's claims only.")
@click.option("--reviewer", default=None, help="Changes by this reviewer only.")
@click.option("--limit", default=200, show_default=True)
@FORMAT
def review_history(db, claim_id, doc_id, reviewer, limit, fmt) -> None:
    """Every change, oldest first: who, when, which claim and field, old and new value."""
    from claimledger.store.reviews import history

    ledger = _open(db)
    try:
        rows = history(ledger.engine, claim_id=claim_id, doc_id=doc_id, reviewer=reviewer, limit=limit)
    finally:
        ledger.close()
    _print_rows(
        rows, fmt, ["at", "reviewer", "action", "claim_id", "field", "old_value", "new_value", "detail"]
    )
