"""`claimledger watch INPUT...`: follow feeds and pages on a schedule and report claims that do not hold up.

A thin command over ``claimledger.watch``; what it adds is the reporting: lines for a person on the terminal,
JSON Lines (a file, or "-" for standard output), and a webhook that receives each round's alerts as JSON.
"""

from __future__ import annotations

import json
import sys
from typing import IO, Any

import click

from claimledger.cli import main
from claimledger.cli.options import allow_private_urls, db_option, plural
from claimledger.errors import ClaimledgerError
from claimledger.watch import Round

WEBHOOK_TIMEOUT = 10.0


def _interval(ctx: click.Context, param: click.Parameter, value: str) -> float:
    from claimledger.watch import parse_interval

    try:
        return parse_interval(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


class Reporter:
    """Sends each round to the terminal, a JSON Lines stream and a webhook, as asked."""

    def __init__(self, terminal: IO[str] | None, jsonl: IO[str] | None, webhook: str | None) -> None:
        self.terminal, self.jsonl, self.webhook = terminal, jsonl, webhook
        self.webhook_failures = 0

    def __call__(self, done: Round) -> None:
        if self.terminal is not None:
            self._to_terminal(done)
        if self.jsonl is not None:
            for record in [*(a.to_dict() for a in done.alerts), *(f.to_dict() for f in done.failures),
                           done.to_dict()]:
                self.jsonl.write(json.dumps(record, ensure_ascii=False) + "\n")
            self.jsonl.flush()
        if self.webhook and (done.alerts or done.failures):
            self._post(done)

    def _to_terminal(self, done: Round) -> None:
        out = self.terminal
        assert out is not None
        for failure in done.failures:
            click.echo(f"error: {failure.message}", file=out)
        for alert in done.alerts:
            click.echo(alert.line(), file=out)
        failed = len({f.input for f in done.failures})
        click.echo(f"round {done.number} ({done.started}): {plural(done.documents, 'new document')}, "
                   f"{plural(done.claims, 'claim')}, {done.already_stored:,} already stored; "
                   f"{plural(len(done.alerts), 'alert')}; {plural(failed, 'input')} failed", file=out)
        out.flush()

    def _post(self, done: Round) -> None:
        import httpx

        payload: dict[str, Any] = {"round": done.to_dict(), "alerts": [a.to_dict() for a in done.alerts],
                                   "errors": [f.to_dict() for f in done.failures]}
        try:
            response = httpx.post(self.webhook or "", json=payload, timeout=WEBHOOK_TIMEOUT)
            if response.status_code >= 400:
                raise httpx.HTTPError(f"HTTP {response.status_code} {response.reason_phrase}".strip())
        except httpx.HTTPError as exc:  # reported, and the next round tries again
            self.webhook_failures += 1
            click.echo(f"error: webhook {self.webhook} did not take round {done.number}: {exc}", err=True)


@main.command("watch")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@allow_private_urls
@db_option(creates=True)
@click.option("--interval", default="15m", show_default=True, callback=_interval, metavar="DURATION",
              help="Time from the start of one round to the start of the next: seconds, or 90s, 15m, 1h.")
@click.option("--once", is_flag=True, help="One round, then exit (for cron or a systemd timer).")
@click.option("--rounds", type=click.IntRange(min=1), default=None, metavar="N",
              help="Stop after N rounds (default: run until interrupted).")
@click.option("--jsonl", "jsonl_path", type=click.Path(dir_okay=False, allow_dash=True), default=None,
              metavar="PATH", help='Append each alert, input error and round summary as JSON Lines to PATH '
              '("-": standard output, and the terminal report goes to stderr).')
@click.option("--webhook", default=None, metavar="URL",
              help="POST each round that has alerts or errors to URL as one JSON object "
                   "{round, alerts, errors}; a webhook that fails is reported and tried again next round.")
@click.option("--outlet", default=None, metavar="NAME", help="Outlet name for inputs that carry none.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), metavar="N",
              help="Extraction processes per input.")
@click.option("-q", "--quiet", is_flag=True, help="No terminal report (JSON Lines and the webhook still get "
              "everything).")
def watch_command(inputs: tuple[str, ...], db: str | None, interval: float, once: bool, rounds: int | None,
                  jsonl_path: str | None, webhook: str | None, outlet: str | None, workers: int,
                  quiet: bool) -> None:
    """Follow feeds and pages: each round, store what is new and report the claims that do not hold up.

    INPUT is an RSS/Atom feed or page URL, or anything `claimledger ingest` reads. Each round reads every
    INPUT; documents already in the ledger are skipped, new ones are extracted, stored and checked, and every
    new claim that fails a check (a stated conversion, a reference series) or contradicts another source's
    report of the same figure is reported. An input that cannot be read is reported and the round goes on.
    Exit status (with --once or --rounds): 0 every input read in the last round, 1 some failed, 2 fatal;
    130 when interrupted.
    """
    from claimledger.store import Ledger
    from claimledger.watch import run

    if webhook and not webhook.startswith(("http://", "https://")):
        raise click.BadParameter(f"{webhook!r} is not an http(s) URL", param_hint="'--webhook'")
    stream = None
    if jsonl_path == "-":
        stream = sys.stdout
    elif jsonl_path:
        stream = open(jsonl_path, "a", encoding="utf-8")  # closed below
    terminal = None if quiet else (sys.stderr if stream is sys.stdout else sys.stdout)
    reporter = Reporter(terminal, stream, webhook)
    done: Round | None = None
    try:
        ledger = Ledger.open(db)
        try:
            done = run(ledger, list(inputs), interval=interval, rounds=1 if once else rounds, report=reporter,
                       outlet=outlet, workers=workers)
        finally:
            ledger.close()
    except KeyboardInterrupt:
        click.echo("watch stopped (interrupted)", err=True)
        sys.exit(130)
    except ClaimledgerError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    finally:
        if stream is not None and stream is not sys.stdout:
            stream.close()
    sys.exit(1 if done is not None and done.failures else 0)
