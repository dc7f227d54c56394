"""`claimledger eval GOLD_DIR DOCS...`: score the extractor against gold annotations."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import click

from claimledger.cli import main
from claimledger.errors import ClaimledgerError
from claimledger.evaluate import CONFIDENCE_FIELDS, EvalReport, agreement, evaluate, excerpt_around

TEXT_LIMIT = 20  # list entries shown per list when --limit-errors is not given (JSON shows all)


@main.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.argument("docs", nargs=-1, required=True, type=click.Path(exists=True), metavar="DOCS...")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object with the whole report.")
@click.option("--limit-errors", type=click.IntRange(min=0), metavar="N",
              help=f"Show at most N misses, false positives and errors per field "
                   f"(default: {TEXT_LIMIT} in text, all in JSON).")
def eval_command(gold_dir: str, docs: tuple[str, ...], as_json: bool, limit_errors: int | None) -> None:
    """Score extracted claims against gold files.

    GOLD_DIR holds one <doc id>.json per document (docs/annotation-guide.md); DOCS are JSON Lines
    files of documents or directories of them. Prints detection precision, recall and F1, the strict
    score and each field's accuracy, then the misses, false positives and field errors.
    """
    try:
        report = evaluate(gold_dir, docs)
    except ClaimledgerError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(report.to_dict(limit=limit_errors), ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(report, TEXT_LIMIT if limit_errors is None else limit_errors))


@main.command("agree")
@click.argument("gold_a", type=click.Path(exists=True, file_okay=False))
@click.argument("gold_b", type=click.Path(exists=True, file_okay=False))
@click.argument("docs", nargs=-1, required=True, type=click.Path(exists=True), metavar="DOCS...")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object with the whole report.")
@click.option("--limit-errors", type=click.IntRange(min=0), metavar="N",
              help=f"Show at most N unpaired claims and disagreements per field "
                   f"(default: {TEXT_LIMIT} in text, all in JSON).")
def agree_command(gold_a: str, gold_b: str, docs: tuple[str, ...], as_json: bool,
                  limit_errors: int | None) -> None:
    """Measure how far two annotators agree: GOLD_B scored as predictions against GOLD_A.

    Both are directories of gold files written to docs/annotation-guide.md for the same DOCS; only
    documents both annotated are scored. Prints detection agreement (F1), per-field agreement over
    the claims both marked, and strict (share of A's claims B marked with value, bound, unit,
    category, time scope and source all the same).
    """
    try:
        report = agreement(gold_a, gold_b, docs)
    except ClaimledgerError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(report.to_dict(limit=limit_errors), ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(report, TEXT_LIMIT if limit_errors is None else limit_errors, AGREE_WORDING))


@dataclass(frozen=True, slots=True)
class Wording:
    """What the text report calls the two sides and their lists."""

    first: str = "gold"
    second: str = "predicted"
    misses: str = "Misses"
    extras: str = "False positives"
    field_errors: str = "Field errors"


AGREE_WORDING = Wording("A", "B", "Only in A", "Only in B", "Disagreements")


def render_text(report: EvalReport, limit: int, wording: Wording = Wording()) -> str:
    """The report for a developer at a terminal: summary first, then what went wrong."""
    w = wording
    lines = _summary(report, w)
    lines += _pairing_notes(report)
    lines += _listing(w.misses, report.misses, limit,
                      lambda m: f"{m.doc_id}  {m.text!r}  | {excerpt_around(m.sentence, m.text)}")
    lines += _listing(w.extras, report.false_positives, limit,
                      lambda f: f"{f.doc_id}  {f.text!r}  | {excerpt_around(f.sentence, f.text)}")
    for name, errors in report.errors_by_field().items():
        lines += _listing(f"{w.field_errors}: {name}", errors, limit,
                          lambda e: f"{e.doc_id}  {e.text!r}: {w.first} {_show(e.gold)}, "
                                    f"{w.second} {_show(e.predicted)}  "
                                    f"| {excerpt_around(e.sentence, e.text)}")
    return "\n".join(lines)


def _summary(report: EvalReport, w: Wording) -> list[str]:
    t = report.totals
    lines = [
        f"documents {len(report.per_document)}   {w.first} {t.gold}   {w.second} {t.predicted}"
        f"   matched {t.matched}",
        "",
        f"{'measure':<16}{'score':>8}{'n':>7}",
        f"{'precision':<16}{t.precision:>8.3f}{t.predicted:>7}",
        f"{'recall':<16}{t.recall:>8.3f}{t.gold:>7}",
        f"{'F1':<16}{t.f1:>8.3f}{'':>7}",
        f"{'strict':<16}{report.strict:>8.3f}{t.gold:>7}",
    ]
    for name, tally in report.fields.items():
        accuracy = "-" if tally.accuracy is None else f"{tally.accuracy:.3f}"
        lines.append(f"{name:<16}{accuracy:>8}{tally.total:>7}")
    if report.confidences:
        names = ", ".join(n.replace("_", " ") for n in CONFIDENCE_FIELDS)
        lines += ["", f"{'confidence':<16}{'share':>8}{'accuracy':>10}{'n':>7}   ({names})"]
        for band in report.confidence_bands():
            accuracy = "-" if band["accuracy"] is None else f"{band['accuracy']:.3f}"
            lines.append(f"{band['band']:<16}{band['share']:>8.3f}{accuracy:>10}{band['n']:>7}")
    return lines


def _pairing_notes(report: EvalReport) -> list[str]:
    lines = []
    if report.gold_without_document:
        lines += ["", f"Gold files with no document ({len(report.gold_without_document)}, not scored):"]
        lines += [f"  {path}" for path in report.gold_without_document]
    if report.documents_without_gold:
        lines += ["", f"Documents with no gold file ({len(report.documents_without_gold)}, not scored):"]
        lines += [f"  {doc_id}" for doc_id in report.documents_without_gold]
    return lines


def _listing(title: str, items: list[Any], limit: int, line: Any) -> list[str]:
    if not items:
        return []
    shown = items[:limit]
    more = f", first {len(shown)} shown" if len(shown) < len(items) else ""
    return ["", f"{title} ({len(items)}{more}):"] + [f"  {line(item)}" for item in shown]


def _show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
