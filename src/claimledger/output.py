"""Claims formatted for a file or a person: JSON Lines, one JSON array, or a rich table."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO

from claimledger.models import Claim

FORMATS = ("jsonl", "json", "table")
TABLE_COLUMNS = ("text", "value", "bound", "unit", "category", "scope", "source", "hedged", "verification")


def jsonl_lines(claims: Iterable[Claim]) -> Iterator[str]:
    """One claim record per line (no trailing newline on each string)."""
    for claim in claims:
        yield json.dumps(claim.to_dict(), ensure_ascii=False)


def write_jsonl(claims: Iterable[Claim], out: IO[str]) -> None:
    for line in jsonl_lines(claims):
        out.write(line + "\n")
        out.flush()  # a reader downstream in a pipe sees each claim as it is made


def write_json(claims: Iterable[Claim], out: IO[str]) -> None:
    """All claims as one JSON array (streamed element by element, so memory holds one claim at a time)."""
    out.write("[")
    for index, line in enumerate(jsonl_lines(claims)):
        out.write(("," if index else "") + "\n  " + line)
    out.write("\n]\n")


def number(value: float | None) -> str:
    """A value in its own precision: 1,480; 9.7 (not 10); 0.25."""
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def table_row(claim: Claim) -> tuple[str, ...]:
    value = number(claim.value) + (f"–{number(claim.high)}" if claim.high is not None else "")
    source = claim.source.name + (f" (via {claim.source.via})" if claim.source.via else "")
    return (claim.text, value, claim.bound, claim.unit, claim.category, claim.time_scope, source,
            "yes" if claim.hedged else "no", claim.verification or "")


def write_table(claims: Iterable[Claim], out: IO[str], title: str | None = None) -> None:
    """A readable table for a person; wide cells wrap rather than being cut."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False, header_style="bold")
    for column in TABLE_COLUMNS:
        table.add_column(column, overflow="fold", justify="right" if column == "value" else "left")
    for claim in claims:
        table.add_row(*table_row(claim))
    width = None if out.isatty() else 160
    Console(file=out, width=width, soft_wrap=False).print(table)


FIGURE_COLUMNS = ("published", "outlet", "source", "text", "value", "bound", "cross-source", "reference",
                  "reference value")


def figure_row(claim: Claim) -> tuple[str, ...]:
    """One report of a figure: when, where, who, the value in its own precision, and its check results."""
    results = {check.kind: check for check in claim.checks}
    cross, series = results.get("cross_source"), results.get("reference_series")
    reference = ""
    if series is not None and series.data.get("value") is not None:
        reference = number(series.data["value"]) + (f" ({series.data['date']})" if series.data.get("date")
                                                   else "")
    value = number(claim.value) + (f"–{number(claim.high)}" if claim.high is not None else "")
    return ((claim.published or "")[:10], claim.outlet or claim.doc_id, claim.source.canonical or
            claim.source.name, claim.text, value, claim.bound,
            cross.result if cross else ("no other report" if claim.checks else "not checked"),
            series.result if series else "no series", reference)


def figure_title(claim: Claim, reports: int) -> str:
    subject = claim.subject or "(no subject)"
    unit = f" {claim.unit}" if claim.unit else ""
    return (f"{subject}: {claim.category}{unit} ({claim.time_scope}): {reports:,} "
            f"{'report' if reports == 1 else 'reports'}, oldest first")


def write_figure_table(target: Claim, reports: list[Claim], out: IO[str]) -> None:
    """The history of one figure as a table with a header row."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=figure_title(target, len(reports)), header_style="bold", title_justify="left")
    for column in FIGURE_COLUMNS:
        table.add_column(column, overflow="fold", justify="right" if "value" in column else "left")
    for claim in reports:
        table.add_row(*figure_row(claim))
    Console(file=out, width=None if out.isatty() else 200, soft_wrap=False).print(table)
