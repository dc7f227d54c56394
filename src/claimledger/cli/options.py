"""Options shared by several commands."""

from __future__ import annotations

import os

import click


def _allow_private(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:  # read where URLs are fetched (settings.allow_private_urls), however deep in the readers
        from claimledger.settings import ALLOW_PRIVATE_ENV

        os.environ[ALLOW_PRIVATE_ENV] = "1"


allow_private_urls = click.option(
    "--allow-private-urls", is_flag=True, expose_value=False, callback=_allow_private,
    help="Let URLs (and feed entries' links) reach loopback, private-network and link-local addresses; "
         "refused by default. Same as CLAIMLEDGER_ALLOW_PRIVATE_URLS=1.")
