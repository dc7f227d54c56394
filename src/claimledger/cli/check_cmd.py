"""`claimledger check` and `claimledger figure`: run the cross-checks on claims from JSONL or the ledger."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable

import click

from claimledger.check import check_claims
from claimledger.check.sources import figure_key
from claimledger.cli import main
from claimledger.cli.options import db_option
from claimledger.errors import InputError
from claimledger.models import Claim
from claimledger.output import write_figure_table


def _read_claims(path: str | None) -> list[Claim]:
    origin = path if path and path != "-" else "<stdin>"
    try:
        stream = open(path, encoding="utf-8") if path and path != "-" else sys.stdin  # noqa: SIM115
    except OSError as exc:
        raise InputError(origin, f"cannot be opened: {exc.strerror or exc}") from None
    claims = []
    try:
        for n, line in enumerate(stream, 1):
            if line.strip():
                try:
                    claims.append(Claim.from_dict(json.loads(line)))
                except RecursionError:
                    raise InputError(origin, "not a claim record (JSON nested too deeply)", n) from None
                except (ValueError, KeyError, TypeError, AttributeError) as exc:
                    what = f"missing field {exc}" if isinstance(exc, KeyError) else str(exc)
                    raise InputError(origin, f"not a claim record ({what}); claims files come from "
                                             "`claimledger extract`", n) from None
    except UnicodeDecodeError as exc:
        raise InputError(origin, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    finally:
        if stream is not sys.stdin:
            stream.close()
    return claims


@main.command("check")
@click.argument("claims_file", required=False)
@db_option(creates=False)
@click.option("-o", "--output", type=click.File("w"), default="-",
              help="Where to write checked claims (JSONL).")
def check(claims_file: str | None, db: str | None, output) -> None:
    """Run every cross-check on CLAIMS_FILE (JSONL, '-' for stdin) or the ledger."""
    claims: Iterable[Claim]
    if db:
        from claimledger.check import check_ledger
        from claimledger.store import ClaimFilter

        ledger = _open(db)
        tally = check_ledger(ledger)
        claims = ledger.iter_claims(ClaimFilter())  # as saved, read back page by page
        summary = ", ".join(f"{kind} {result} {n:,}" for (kind, result), n in sorted(tally.items()))
        click.echo(f"checked the ledger at {ledger.url}: {summary or 'no check applied'}", err=True)
    else:
        claims = check_claims(_read_claims(claims_file))
    for c in claims:
        output.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")


@main.command("figure")
@click.argument("claim_id")
@click.argument("claims_file", required=False)
@db_option(creates=False)
def figure(claim_id: str, claims_file: str | None, db: str | None) -> None:
    """Show the history of the figure that CLAIM_ID reports: every report, oldest first.

    One row per report: when, which outlet and source, the value as written and in its own precision, its
    bound, the result of its cross-source and reference checks, and the reference value where a reference
    series covers it (as `claimledger check` left them: run it first for fresh results).
    """
    if db:
        # ask the ledger for this figure's reports only: a ledger can hold millions of claims
        from claimledger.store.figures import figure_claims, figure_parts

        ledger = _open(db)
        target = ledger.claim(claim_id)
        claims = figure_claims(ledger.engine, figure_parts(target)) if target else []
    else:
        claims = _read_claims(claims_file)
        target = next((c for c in claims if c.id == claim_id), None)
    if target is None:
        raise click.ClickException(f"no claim with id {claim_id!r}")
    key = figure_key(target)
    # a claim without enough identity (no subject, place or period) is a figure of its own
    members = [c for c in claims if figure_key(c) == key] if key is not None else [target]
    reports = sorted(members, key=lambda c: c.published or "9999")
    write_figure_table(target, reports, sys.stdout)


def _open(db: str):
    from claimledger.store import Ledger

    # a ledger that cannot be opened is the CLI group's one-line error with exit status 2
    return Ledger.open(db, create=False)


@main.group("rates")
def rates() -> None:
    """Exchange-rate tables used by the checks."""


@rates.command("update")
@click.option("--cbr-url", default=None, help="Base URL of CBR XML_dynamic (default: cbr.ru).")
@click.option("--ecb-url", default=None, help="URL of eurofxref-hist.zip (default: ecb.europa.eu).")
@click.option("--nbu-url", default=None, help="URL of NBU exchange_site (default: bank.gov.ua).")
def rates_update(cbr_url: str | None, ecb_url: str | None, nbu_url: str | None) -> None:
    """Download fresh CBR, ECB and NBU rates into the user data directory (needs network)."""
    from claimledger.check import update

    for path in (update.update_cbr(cbr_url or update.CBR_URL), update.update_ecb(ecb_url or update.ECB_URL),
                 update.update_nbu(nbu_url or update.NBU_URL)):
        click.echo(f"wrote {path}")
