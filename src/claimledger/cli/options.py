"""Options shared by the commands: the ledger (--db), the claim filters, ISO dates, plural-aware counts, and
whether URLs may reach private addresses.

Filters with a fixed value set (category, time scope, source type, verification) are click Choices, matched
case-insensitively (`--category Casualties` is `casualties`), so a wrong value is a one-line error listing the
choices instead of a query that silently matches nothing. Dates must be ISO (YYYY-MM-DD).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from typing import Any

import click

from claimledger.models import CATEGORIES, SOURCE_TYPES, TIME_SCOPES, VERIFICATIONS

# Commands that may create a ledger; every other command refuses a SQLite path that does not exist.
CREATING_COMMANDS = ("ingest", "load", "watch", "serve")


def db_option(creates: bool) -> Callable:
    if creates:
        help_text = ("Database URL or SQLite path (default: CLAIMLEDGER_DB, then a SQLite file in the user "
                     "data directory); a SQLite file that does not exist yet is created.")
    else:
        help_text = ("Database URL or SQLite path (default: CLAIMLEDGER_DB, then a SQLite file in the user "
                     "data directory); it must exist (ingest, load, watch and serve create ledgers).")
    return click.option("--db", default=None, metavar="URL|PATH", help=help_text)


class IsoDate(click.ParamType):
    """A calendar date written YYYY-MM-DD; kept as that string."""

    name = "date"

    def get_metavar(self, param: click.Parameter, *args: Any, **kwargs: Any) -> str:
        return "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        if isinstance(value, date):
            return value.isoformat()
        try:
            return date.fromisoformat(str(value).strip()).isoformat()
        except ValueError:
            self.fail(f"{value!r} is not a date in the form YYYY-MM-DD (e.g. 2024-11-26)", param, ctx)


ISO_DATE = IsoDate()


def _choice(values: tuple[str, ...]) -> click.Choice:
    return click.Choice(values, case_sensitive=False)


# name: (type, help). The order is the order of ClaimFilter's fields, which `--help` lists.
FILTERS: dict[str, tuple[Any, str]] = {
    "category": (_choice(CATEGORIES), "Only claims of this category."),
    "source": (str, "Source whose name, canonical name or a known alias contains this (any case): "
                    "--source ZSU finds the General Staff's claims."),
    "source_type": (_choice(SOURCE_TYPES), "Only claims whose source is of this type."),
    "outlet": (str, "Only claims published by this outlet (exactly as stored)."),
    "time_scope": (_choice(TIME_SCOPES), "Only claims of this time scope."),
    "period_start": (ISO_DATE, "Only claims whose period ends on or after this date."),
    "period_end": (ISO_DATE, "Only claims whose period starts on or before this date."),
    "verification": (_choice(VERIFICATIONS), "Only claims with this verification status."),
    "text": (str, "Claims whose text or sentence contains this (any case)."),
    "value_min": (float, "Only claims whose value is at least this."),
    "value_max": (float, "Only claims whose value is at most this."),
    "doc_id": (str, "Only the claims of this document."),
    "unit": (str, "Only claims of this unit, exactly: RUB, USD, percent, casualty..."),
    "subject": (str, "Claims whose subject contains this (any case)."),
    "min_confidence": (click.FloatRange(0.0, 1.0),
                       "Only claims whose every context field (time scope, category, source type, hedged, "
                       "verification, source) has a confidence of at least this; claims extracted without a "
                       "decision model have none."),
}


def filter_options(func: Callable) -> Callable:
    """Add one option per ClaimFilter field, with help text and, where the values are a fixed set, choices."""
    from dataclasses import fields

    from claimledger.store import ClaimFilter

    for f in reversed(fields(ClaimFilter)):
        if f.name == "checked":
            func = click.option("--checked/--unchecked", "checked", default=None,
                                help="Only claims with (or without) a check result.")(func)
            continue
        kind, help_text = FILTERS[f.name]
        func = click.option(f"--{f.name.replace('_', '-')}", f.name, type=kind, default=None,
                            help=help_text)(func)
    return func


def plural(n: int, word: str, many: str | None = None) -> str:
    """ "1 document", "2 documents", "1,480 claims"; `many` for irregular plurals ("1 report disagrees")."""
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def _allow_private(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:  # read where URLs are fetched (settings.allow_private_urls), however deep in the readers
        from claimledger.settings import ALLOW_PRIVATE_ENV

        os.environ[ALLOW_PRIVATE_ENV] = "1"


allow_private_urls = click.option(
    "--allow-private-urls", is_flag=True, expose_value=False, callback=_allow_private,
    help="Let URLs (and feed entries' links) reach loopback, private-network and link-local addresses; "
         "refused by default. Same as CLAIMLEDGER_ALLOW_PRIVATE_URLS=1.")
