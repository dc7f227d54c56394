"""`claimledger serve` (the HTTP API and web page) and `claimledger token` (API tokens for writing)."""

from __future__ import annotations

import click

from claimledger.cli import main
from claimledger.cli.options import db_option, plural
from claimledger.errors import ClaimledgerError


def _token_store():
    from claimledger.web.tokens import TokenStore

    return TokenStore()


@main.command()
@db_option(creates=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--require-token-for-reads", is_flag=True,
              help="Reads need an API token too (pages ask for it once and keep it in a cookie).")
@click.option("--no-examples", is_flag=True, help="Do not ingest the bundled example articles "
              "into an empty ledger.")
@click.option("--max-body-bytes", default=2 * 1024 * 1024, show_default=True, type=int,
              help="Largest request body accepted; larger ones get 413.")
@click.option("--allow-private-urls", is_flag=True,
              help="Let posted URLs reach loopback and private-network addresses (refused by default, so "
              "that a client cannot use the server to reach its own network).")
@click.option("--allowed-hosts", default=",".join(("localhost", "127.0.0.1", "[::1]")), show_default=True,
              metavar="NAMES", help="Comma-separated host names the server answers to (the Host header); "
              "others get 400, so a page elsewhere cannot read the server through DNS rebinding. Add the "
              "names it is reached by when serving beyond this machine; '*' allows any.")
@click.option("--extract-workers", default=None, type=click.IntRange(min=1), metavar="N",
              help="Worker processes for extraction (each holds the spaCy pipeline) [default: half the "
              "CPUs, 1 to 4].")
@click.option("--extract-queue", default=8, show_default=True, type=click.IntRange(min=0), metavar="N",
              help="Extractions that may wait for a worker; past that, 503 with Retry-After.")
@click.option("--extract-time-limit", default=60.0, show_default=True, type=click.FloatRange(min=0.1),
              metavar="SECONDS", help="Hard limit on one extraction; its worker is stopped past it.")
@click.option("--extract-memory-limit", default=1536, show_default=True, type=click.IntRange(min=0),
              metavar="MB", help="Memory an extraction worker may take past its loaded pipeline (0: no "
              "limit); a request needing more is answered 422 and its worker replaced.")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]),
              help="uvicorn's log level; 'warning' also silences the access log.")
def serve(db, host, port, require_token_for_reads, no_examples, max_body_bytes, allow_private_urls,
          allowed_hosts, extract_workers, extract_queue, extract_time_limit, extract_memory_limit,
          log_level) -> None:
    """Serve the HTTP API (/api, described at /api/openapi.json) and the web page over the ledger.

    Writes (extracting a posted article) need an API token: create one with `claimledger token create`.
    An empty ledger first receives the bundled example articles, so there is something to look at.
    """
    try:
        import uvicorn

        from claimledger.store import Ledger
        from claimledger.web import create_app
        from claimledger.web.extracting import FetchLimits
        from claimledger.web.workers import ExtractLimits, default_workers
    except ImportError as exc:
        raise click.ClickException(f"serving needs FastAPI and uvicorn, which claimledger installs: "
                                   f"reinstall it (pip install claimledger) ({exc})") from exc
    try:
        ledger = Ledger.open(db)
        if not no_examples and ledger.count_documents() == 0:
            _seed(ledger)
        app = create_app(ledger=ledger, read_token_required=require_token_for_reads,
                         max_body_bytes=max_body_bytes,
                         fetch_limits=FetchLimits(allow_private=allow_private_urls),
                         extract_limits=ExtractLimits(extract_workers or default_workers(), extract_queue,
                                                      extract_time_limit, extract_memory_limit or None),
                         allowed_hosts=[h for h in allowed_hosts.split(",") if h.strip()])
        if not app.state.tokens.list():
            click.echo("no API tokens yet: reading works, but extracting needs one "
                       "(run `claimledger token create`)", err=True)
    except ClaimledgerError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"claimledger serving {ledger.url} on http://{host}:{port}/", err=True)
    from claimledger.web.workers import close_pools

    try:  # a request still extracting at shutdown is given 5 s, then cut short with its worker
        uvicorn.run(app, host=host, port=port, log_level=log_level, timeout_graceful_shutdown=5)
    finally:
        close_pools()


def _seed(ledger) -> None:
    from claimledger.web.examples import seed_examples

    click.echo("the ledger is empty: ingesting the bundled example articles (--no-examples skips this)",
               err=True)
    summary = seed_examples(ledger)
    click.echo(f"stored {plural(summary.documents, 'example article')}, {plural(summary.claims, 'claim')}",
               err=True)


@main.group()
def token() -> None:
    """API tokens: writes to the HTTP API need one (`Authorization: Bearer <token>`)."""


@token.command("create")
@click.option("--name", default=None, help="A label to tell tokens apart (who or what uses it).")
def token_create(name: str | None) -> None:
    """Create a token and print it once; only a salted hash of it is kept."""
    try:
        secret, entry = _token_store().create(name)
    except (ClaimledgerError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(secret)
    click.echo(f"token {entry.id} created; it is shown only now, keep it somewhere safe", err=True)


@token.command("list")
def token_list() -> None:
    """List tokens (id, name, creation time); the tokens themselves are never stored."""
    try:
        entries = _token_store().list()
    except ClaimledgerError as exc:
        raise click.ClickException(str(exc)) from exc
    if not entries:
        click.echo("no tokens (create one with `claimledger token create`)", err=True)
    for entry in entries:
        click.echo(f"{entry.id}\t{entry.created}\t{entry.name or ''}")


@token.command("revoke")
@click.argument("token_id")
def token_revoke(token_id: str) -> None:
    """Revoke the token with id TOKEN_ID (as `token list` shows it); it stops working at once."""
    try:
        removed = _token_store().revoke(token_id)
    except (ClaimledgerError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    if not removed:
        raise click.ClickException(f"no token with id {token_id!r} (see `claimledger token list`)")
    click.echo(f"token {token_id} revoked", err=True)
