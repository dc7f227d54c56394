"""`claimledger train`: rebuild the decision model from gold annotations."""

from __future__ import annotations

import json
from pathlib import Path

import click

from claimledger.cli import main
from claimledger.errors import ClaimledgerError


@main.command("train")
@click.option(
    "--gold",
    "sets",
    nargs=2,
    multiple=True,
    type=click.Path(exists=True),
    metavar="GOLD_DIR DOCS",
    help="A gold directory and its documents (a .jsonl file or a directory of them); repeatable. "
    "Default: the project's training sets (dev, heldout-5, agreement-1 annotator A, growth-1, heldout-6, "
    "growth-2, heldout-7, news-1, growth-3, heldout-8, news-2, growth-4, heldout-9, news-3, growth-5, "
    "heldout-10, news-4, growth-6).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Where to write the model (default: the packaged data/models/decisions.json).",
)
@click.option(
    "--folds",
    type=click.IntRange(min=2),
    default=5,
    show_default=True,
    help="Article-grouped cross-validation folds.",
)
@click.option(
    "--limit", type=click.IntRange(min=1), metavar="N", help="Use only the first N annotated documents."
)
@click.option(
    "--rows",
    "rows_path",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Also write the training rows (features and labels) as JSON Lines to FILE.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the cross-validation report as JSON.")
def train_command(
    sets: tuple[tuple[str, str], ...],
    output: str | None,
    folds: int,
    limit: int | None,
    rows_path: str | None,
    as_json: bool,
) -> None:
    """Train the decision layer (time scope, category, source type, hedged, verification, source) on gold.

    Runs the rule pipeline over the annotated documents, pairs its claims with the gold ones as `eval`
    does, fits one logistic regression per field with the rules' answers among the features (the source:
    whether a figure the rules named AUTHOR takes the source of the figure before it), and prints
    article-grouped cross-validation (rules alone beside the model, accuracy by confidence band) before
    writing the model. Blind held-out sets are refused. Needs scikit-learn.
    """
    from claimledger.decide.dataset import DEFAULT_SETS, build_rows, write_rows
    from claimledger.decide.model import MODEL_PATH
    from claimledger.decide.train import render_report, train, write_model

    chosen = [(g, (d,)) for g, d in sets] if sets else [(g, d) for g, d in DEFAULT_SETS]
    try:
        rows = list(build_rows(chosen, limit=limit))
        if not rows:
            raise click.ClickException(
                "no gold claim was paired with an extracted claim: nothing to train on"
            )
        if rows_path:
            write_rows(rows, rows_path)
        data, report = train(rows, k=folds, sources=[str(g) for g, _ in chosen])
    except (ClaimledgerError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    target = Path(output) if output else MODEL_PATH
    write_model(data, target)
    if as_json:
        click.echo(json.dumps(report, default=str, indent=2))
    else:
        click.echo(render_report(report))
    click.echo(f"model written to {target}", err=True)
