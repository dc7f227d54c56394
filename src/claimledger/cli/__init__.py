"""The `claimledger` command: thin commands over the library, one module per stage.

Each module below adds its commands to ``main``; a command parses options, calls a library function
and prints. Nothing here holds logic a Python user could not reach through the library.
"""

from __future__ import annotations

import os

import click

from claimledger import __version__

DEBUG_ENV = "CLAIMLEDGER_DEBUG"


class CommandError(click.ClickException):
    """An error that ends a command: one line, "Error: ...", exit status 2."""

    exit_code = 2


class Commands(click.Group):
    """Every command's errors as one line with exit status 2: a missing or binary file, a ledger that
    cannot be opened, no network. A traceback is shown only with CLAIMLEDGER_DEBUG=1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, KeyboardInterrupt, SystemExit):
            raise
        except Exception as exc:  # noqa: BLE001 - the edge of the program: say what went wrong in one line
            if os.environ.get(DEBUG_ENV):
                raise
            raise CommandError(one_line(exc)) from exc


def one_line(exc: BaseException) -> str:
    """What went wrong, on one line, naming the input where the error knows it."""
    from claimledger.errors import ClaimledgerError

    if isinstance(exc, ClaimledgerError):
        message = str(exc)
    elif isinstance(exc, OSError) and exc.strerror:
        where = f"{exc.filename}: " if exc.filename else ""
        message = f"{where}{exc.strerror}"
    elif isinstance(exc, UnicodeDecodeError):
        message = f"not UTF-8 text ({exc.reason} at byte {exc.start})"
    else:
        message = f"{type(exc).__name__}: {exc}"
    return " ".join(message.split())


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimledger")
def main() -> None:
    """Turn news reporting into a ledger of numeric claims."""


# Registration: importing a module attaches its commands to `main`.
from claimledger.cli import (  # noqa: E402,F401
    check_cmd,
    delete_cmd,
    eval_cmd,
    extract_cmd,
    ledger_cmd,
    load_cmd,
    review_cmd,
    serve_cmd,
    train_cmd,
    watch_cmd,
)
