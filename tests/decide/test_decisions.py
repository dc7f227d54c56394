"""The decision layer: its shipped model, the confidence it writes, the bands `eval` reports, and
`claimledger train` rebuilding a model from a small gold set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimledger.api import extract
from claimledger.cli import main
from claimledger.decide.model import Calibration, ModelFileError, choose, default_model, load_model
from claimledger.evaluate import load_gold, read_documents, score
from claimledger.models import Claim, Source

FIXTURES = Path(__file__).parent.parent / "fixtures" / "eval"
CONTEXT = ("time_scope", "category", "source_type", "hedged", "verification", "source")


def test_calibration_interpolates_and_clips() -> None:
    cal = Calibration([0.2, 0.6, 1.0], [0.1, 0.5, 0.9])
    assert cal(0.0) == 0.1
    assert cal(0.4) == pytest.approx(0.3)
    assert cal(1.0) == 0.9


def test_choice_keeps_the_rule_below_the_threshold_and_respects_allowed_values() -> None:
    identity = Calibration([], [])
    classes = ["cumulative", "point", "unspecified"]
    assert choose(classes, [0.45, 0.35, 0.2], "point", 0.5, None, identity)[0] == "point"
    assert choose(classes, [0.45, 0.35, 0.2], "point", 0.4, None, identity)[0] == "cumulative"
    value, p, _ = choose(
        classes, [0.6, 0.3, 0.1], "point", 0.0, frozenset({"point", "unspecified"}), identity
    )
    assert value == "point" and p == pytest.approx(0.75)


def test_every_claim_carries_a_calibrated_confidence_per_context_field() -> None:
    assert default_model() is not None, "the package ships data/models/decisions.json"
    claims = extract(
        "The ministry said 1,480 soldiers were killed over the past day. "
        "An estimated 12,000 people have fled since the war began, the UN agency reported.",
        published="2024-11-26",
    )
    assert len(claims) == 2
    for claim in claims:
        assert claim.confidence is not None and set(claim.confidence) == set(CONTEXT)
        assert all(0.0 <= v <= 1.0 for v in claim.confidence.values())
        assert claim.to_dict()["confidence"] == claim.confidence
    assert claims[0].category == "deaths" and claims[1].category == "displaced"


def test_eval_reports_accuracy_by_confidence_band() -> None:
    gold = load_gold(FIXTURES / "gold", read_documents([FIXTURES / "docs.jsonl"]))
    predictions = {}
    for doc_id, claims in gold.claims.items():
        made = []
        for n, g in enumerate(claims):
            sure = n % 2 == 0
            made.append(
                Claim(
                    id=str(n),
                    doc_id=doc_id,
                    span=g.span,
                    text=g.text,
                    sentence=g.sentence,
                    value=g.value,
                    high=g.high,
                    bound=g.bound,
                    unit=g.unit or "",
                    category=g.category,
                    # the unsure ones get their time scope wrong
                    time_scope=g.time_scope if sure else "daily" if g.time_scope != "daily" else "point",
                    source=Source(name=g.source, type=g.source_type),
                    hedged=g.hedged,
                    verification=g.verification,
                    confidence={f: 0.95 if sure else 0.6 for f in CONTEXT},
                )
            )
        predictions[doc_id] = made
    report = score(gold, predictions)
    bands = {b["band"]: b for b in report.confidence_bands()}
    assert bands["0.9-1.0"]["accuracy"] == 1.0
    assert bands["0.5-0.7"]["accuracy"] == pytest.approx(5 / 6)  # 5 of 6 fields right in each unsure claim
    assert bands["0.0-0.5"]["n"] == 0
    assert sum(b["share"] for b in bands.values()) == pytest.approx(1.0)
    assert report.to_dict()["confidence_bands"][3]["n"] == bands["0.9-1.0"]["n"]
    runner = CliRunner()
    text = runner.invoke(main, ["eval", str(FIXTURES / "gold"), str(FIXTURES / "docs.jsonl")])
    assert text.exit_code == 0 and "confidence" in text.output and "0.9-1.0" in text.output


def test_a_bad_model_file_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "model.json"
    bad.write_text('{"fields": {"time_scope": {}}}')
    with pytest.raises(ModelFileError, match="model.json: not a decision model file"):
        load_model(bad)


@pytest.mark.slow
def test_train_rebuilds_a_model_from_a_small_gold_set(tmp_path: Path) -> None:
    out = tmp_path / "decisions.json"
    result = CliRunner().invoke(
        main,
        [
            "train",
            "--gold",
            str(FIXTURES / "gold"),
            str(FIXTURES / "docs.jsonl"),
            "--folds",
            "2",
            "-o",
            str(out),
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output[: result.output.rindex("}") + 1])
    # the source is decided only where a figure has a carry-over candidate: a small set may have none
    assert set(CONTEXT) - {"source"} <= set(report["fields"]) <= set(CONTEXT)
    assert all(0.0 <= f["model"] <= 1.0 for f in report["fields"].values())
    model = load_model(out)
    assert set(model.fields) == set(report["fields"])


def test_train_refuses_a_blind_set(tmp_path: Path) -> None:
    blind = tmp_path / "heldout-11" / "gold"
    blind.mkdir(parents=True)
    result = CliRunner().invoke(
        main, ["train", "--gold", str(blind), str(FIXTURES / "docs.jsonl"), "-o", str(tmp_path / "m.json")]
    )
    assert result.exit_code != 0 and "blind held-out set" in result.output


def test_the_same_phrase_gets_the_same_category_whoever_says_it() -> None:
    sources = ("Ukraine's General Staff", "A Moscow-based blog")
    sentences = [f"{who} said on Tuesday that Russia had lost 650,000 troops since the start of the "
                 "full-scale invasion in February 2022." for who in sources]
    categories = [extract(s, published="2024-11-26")[0].category for s in sentences]
    assert categories[0] == categories[1] == "casualties"
