"""`claimledger delete`: documents, an outlet's documents or the bundled examples, kept in the history."""

from __future__ import annotations

import os

import click

from claimledger.cli import main
from claimledger.cli.ledger_cmd import Fatal, _open
from claimledger.cli.options import db_option
from claimledger.errors import ClaimledgerError


@main.command()
@db_option(creates=False)
@click.option("--outlet", default=None, metavar="NAME", help="Every document of this outlet (exactly).")
@click.option("--examples", is_flag=True, help="The bundled example articles (`serve` loads them into an "
              "empty ledger).")
@click.option("--reviewer", default=None, metavar="NAME",
              help="Who deletes, for the history (default: CLAIMLEDGER_REVIEWER, else the login name).")
@click.option("-y", "--yes", is_flag=True, help="Do not ask for confirmation.")
@click.argument("doc_ids", nargs=-1, metavar="[DOC_ID]...")
def delete(db, outlet, examples, reviewer, yes, doc_ids) -> None:
    """Delete documents with their claims and check results; each deletion is kept in the review history.

    Reviews of the deleted claims are kept (orphaned): ingest the document again and they re-attach.
    """
    from claimledger.store.deleting import delete_documents, delete_targets

    if not (doc_ids or outlet or examples):
        raise click.UsageError("say what to delete: DOC_ID..., --outlet NAME or --examples")
    who = reviewer or os.environ.get("CLAIMLEDGER_REVIEWER") or _login_name()
    ledger = _open(db)
    try:
        targets, missing = delete_targets(ledger.engine, doc_ids, outlet, examples)
        for doc_id in missing:
            click.echo(f"no document with id {doc_id!r} in the ledger", err=True)
        if not targets:
            raise click.ClickException("nothing to delete")
        if not yes:
            click.confirm(f"delete {len(targets)} documents and their claims from {ledger.where}?",
                          abort=True)
        n_docs, n_claims = delete_documents(ledger.engine, targets, who)
    except ClaimledgerError as exc:
        raise Fatal(str(exc)) from exc
    finally:
        ledger.close()
    click.echo(f"deleted {n_docs} documents, {n_claims} claims (recorded in `claimledger review history`)",
               err=True)


def _login_name() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
