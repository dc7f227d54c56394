"""The `claimledger` command: thin commands over the library, one module per stage.

Each module below adds its commands to ``main``; a command parses options, calls a library function
and prints. Nothing here holds logic a Python user could not reach through the library.
"""

from __future__ import annotations

import click

from claimledger import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimledger")
def main() -> None:
    """Turn news reporting into a ledger of numeric claims."""


# Registration: importing a module attaches its commands to `main`.
from claimledger.cli import (  # noqa: E402,F401
    check_cmd,
    eval_cmd,
    extract_cmd,
    ledger_cmd,
    load_cmd,
    serve_cmd,
    train_cmd,
    watch_cmd,
)
