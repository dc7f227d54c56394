"""The scorer behind `claimledger eval`: gold loading, matching and field scoring on tiny fixtures.

Predictions are hand-made Claim objects built from the gold claims (then altered), so these tests
need no language model; one slow test runs the real command end to end.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimledger.cli import main
from claimledger.errors import EvalError
from claimledger.evaluate import (
    GoldClaim,
    agreement,
    load_gold,
    match_claims,
    read_documents,
    same_number,
    same_source,
    score,
)
from claimledger.models import Claim, Source

FIXTURES = Path(__file__).parent / "fixtures" / "eval"
DOCS = FIXTURES / "docs.jsonl"
GOLD = FIXTURES / "gold"


@pytest.fixture(scope="module")
def gold():
    return load_gold(GOLD, read_documents([DOCS]))


def as_prediction(g: GoldClaim, **changes) -> Claim:
    """The prediction a perfect extractor would make for ``g``, with ``changes`` applied."""
    source = Source(name=changes.pop("source", g.source), type=changes.pop("source_type", g.source_type))
    fields = dict(value=g.value, high=g.high, bound=g.bound, unit=g.unit or "", category=g.category,
                  time_scope=g.time_scope, hedged=g.hedged, verification=g.verification)
    fields.update(changes)
    span = fields.pop("span", g.span)
    return Claim(id=Claim.make_id(g.doc_id, *span), doc_id=g.doc_id, span=span,
                 text=g.text, sentence=g.sentence, source=source, **fields)


def perfect(gold) -> dict[str, list[Claim]]:
    """Predictions equal to gold, conversions pointing at the converted claim's prediction."""
    predictions = {}
    for doc_id, claims in gold.claims.items():
        made = [as_prediction(g) for g in claims]
        for g, claim in zip(claims, made, strict=True):
            if g.conversion_of:
                target = next(c for c in made if c.text == g.conversion_of)
                claim.conversion_of = target.id
        predictions[doc_id] = made
    return predictions


# ---------------------------------------------------------------------------------- gold loading


def test_gold_is_located_in_its_document(gold) -> None:
    documents = read_documents([DOCS])
    for doc_id, claims in gold.claims.items():
        for g in claims:
            assert documents[doc_id].text[g.span[0]:g.span[1]] == g.text
    # the second "12" of d2 is the one in its own sentence, not the first in the document
    second = gold.claims["d2"][1]
    assert documents["d2"].text.index("Later") < second.span[0]


def test_unpaired_files_and_documents_are_reported(gold) -> None:
    assert [Path(p).name for p in gold.gold_without_document] == ["orphan.json"]
    assert gold.documents_without_gold == ["d3"]
    report = score(gold, perfect(gold))
    assert report.to_dict()["documents_without_gold"] == ["d3"]
    assert "d3" not in report.per_document


def _write_gold(tmp_path: Path, **change) -> Path:
    data = json.loads((GOLD / "d2.json").read_text())
    data["claims"][2].update(change)
    directory = tmp_path / "gold"
    directory.mkdir()
    (directory / "d2.json").write_text(json.dumps(data))
    return directory


@pytest.mark.parametrize("change, message", [
    ({"sentence": "A sentence that is not there."}, "sentence not found"),
    ({"text": "31"}, "text '31' (occurrence 1) not found"),
    ({"occurrence": 2}, "occurrence 2"),
    ({"conversion_of": "$9"}, "conversion_of '$9'"),
])
def test_bad_gold_is_named(tmp_path: Path, change: dict, message: str) -> None:
    with pytest.raises(EvalError) as caught:
        load_gold(_write_gold(tmp_path, **change), read_documents([DOCS]))
    assert "d2.json claim 3 ('" in str(caught.value)
    assert message in str(caught.value)


def test_missing_gold_field_is_named(tmp_path: Path) -> None:
    directory = _write_gold(tmp_path)
    data = json.loads((directory / "d2.json").read_text())
    del data["claims"][0]["time_scope"]
    (directory / "d2.json").write_text(json.dumps(data))
    with pytest.raises(EvalError, match=r"d2.json claim 1 .*missing field\(s\) time_scope"):
        load_gold(directory, read_documents([DOCS]))


def test_documents_from_a_directory_and_duplicate_ids(tmp_path: Path) -> None:
    assert list(read_documents([FIXTURES])) == ["d1", "d2", "d3"]
    (tmp_path / "twice.jsonl").write_text(DOCS.read_text() + DOCS.read_text().splitlines()[0] + "\n")
    with pytest.raises(EvalError, match="twice.jsonl:4: document id 'd1' was already read"):
        read_documents([tmp_path])


# -------------------------------------------------------------------------------------- matching


def _gold_at(start: int, end: int) -> GoldClaim:
    return GoldClaim("d", "test", (start, end), "x", "s", 1, None, "exact", "", "other", "unspecified",
                     "AUTHOR", "author", False, None, None)


def _claim_at(start: int, end: int) -> Claim:
    return Claim(id=f"{start}-{end}", doc_id="d", span=(start, end), text="x", sentence="s", value=1)


@pytest.mark.parametrize("gold_spans, predicted_spans, expected", [
    ([(0, 5)], [(0, 5)], {0: 0}),
    ([(0, 5)], [(5, 9)], {}),  # touching is not overlapping
    ([(0, 10)], [(0, 3), (2, 9)], {0: 1}),  # the larger overlap wins
    ([(0, 4), (4, 10)], [(0, 10)], {1: 0}),  # one prediction, two gold: one-to-one, larger overlap
    ([(0, 4), (5, 9)], [(0, 9), (5, 9)], {0: 0, 1: 1}),  # the exact pair frees the wide one for gold 0
])
def test_matching(gold_spans, predicted_spans, expected) -> None:
    gold = [_gold_at(*s) for s in gold_spans]
    predicted = [_claim_at(*s) for s in predicted_spans]
    assert match_claims(gold, predicted) == expected


# --------------------------------------------------------------------------------------- scoring


def test_perfect_predictions_score_one(gold) -> None:
    report = score(gold, perfect(gold))
    assert (report.totals.precision, report.totals.recall, report.totals.f1) == (1.0, 1.0, 1.0)
    assert report.strict == 1.0
    assert all(s.accuracy == 1.0 and s.total == 6 for s in report.fields.values())
    assert not report.misses and not report.false_positives and not report.field_errors


def test_misses_and_false_positives_count(gold) -> None:
    predictions = perfect(gold)
    predictions["d2"].pop(2)  # miss "30"
    extra = as_prediction(gold.claims["d2"][0], span=(0, 9))  # "Officials" is no claim
    predictions["d2"].append(replace(extra, text="Officials"))
    report = score(gold, predictions)
    assert (report.totals.gold, report.totals.predicted, report.totals.matched) == (6, 6, 5)
    assert report.totals.precision == pytest.approx(5 / 6) and report.totals.recall == pytest.approx(5 / 6)
    assert [(m.doc_id, m.text) for m in report.misses] == [("d2", "30")]
    assert [(f.doc_id, f.text) for f in report.false_positives] == [("d2", "Officials")]
    assert report.per_document["d1"].f1 == 1.0
    assert report.per_document["d2"].recall == pytest.approx(2 / 3)
    assert report.strict == pytest.approx(5 / 6)  # the miss counts as wrong


@pytest.mark.parametrize("field, predicted, correct, breaks_strict", [
    ("value", 400000.0000001, True, False),
    ("value", 400001, False, True),
    ("high", 500000, False, False),
    ("bound", "about", False, True),
    ("unit", "rub", True, False),
    ("unit", "USD", False, True),
    ("category", "other", False, True),
    ("time_scope", "period", False, True),
    ("source", "Kremlin", False, True),
    ("source_type", "government", False, False),
    ("hedged", True, False, False),
    ("verification", "unverified", False, False),
])
def test_one_wrong_field(gold, field: str, predicted, correct: bool, breaks_strict: bool) -> None:
    predictions = perfect(gold)
    first = gold.claims["d1"][0]  # "400,000 rubles"
    predictions["d1"][0] = as_prediction(first, **{field: predicted})
    report = score(gold, predictions)
    assert report.fields[field].correct == (6 if correct else 5)
    others = [s.accuracy for name, s in report.fields.items() if name not in (field, "conversion_of")]
    assert others == [1.0] * len(others)
    assert report.strict_correct == (5 if breaks_strict else 6)
    if not correct:
        [error] = [e for e in report.field_errors if e.field == field]
        expected = ("400,000 rubles", getattr(first, field), predicted)
        assert (error.text, error.gold, error.predicted) == expected


@pytest.mark.parametrize("gold_name, predicted_name, same", [
    ("Russian investigative outlet iStories", "iStories", True),
    ("iStories", "Russian investigative outlet iStories", True),
    ("Ukraine's Armed Forces", "the Ukraine\u2019s  armed forces", True),
    ("The Kremlin", "kremlin", True),
    ("South Korean intelligence", "Korean", True),  # whole words, as the rule says
    ("South Korean intelligence", "Kor", False),  # not parts of words
    ("Ukraine's Armed Forces", "Ukraine", False),  # "ukraine's" is one word
    ("AUTHOR", "AUTHOR", True),
    ("AUTHOR", "author", False),
    ("AUTHOR", "Kremlin", False),
    ("officials", "AUTHOR", False),
    ("UNHCR", "OCHA", False),
])
def test_source_names(gold_name: str, predicted_name: str, same: bool) -> None:
    assert same_source(gold_name, predicted_name) is same


@pytest.mark.parametrize("a, b, same", [
    (1200000, 1200000.5, True), (1200000, 1200002, False), (0, 0, True), (None, None, True),
    (None, 0, False), (3800, 3854, False),
])
def test_numbers(a, b, same: bool) -> None:
    assert same_number(a, b) is same


@pytest.mark.parametrize("point_at, correct", [
    ("400,000 rubles", True),  # the prediction matched to the converted gold claim
    ("Over 1,000", False),  # another claim
    (None, False),  # no conversion predicted
])
def test_conversion_of(gold, point_at: str | None, correct: bool) -> None:
    predictions = perfect(gold)
    by_text = {c.text: c for c in predictions["d1"]}
    by_text["$3,800"].conversion_of = by_text[point_at].id if point_at else None
    report = score(gold, predictions)
    assert report.fields["conversion_of"].correct == (6 if correct else 5)


def test_conversion_predicted_where_gold_has_none(gold) -> None:
    predictions = perfect(gold)
    predictions["d1"][2].conversion_of = predictions["d1"][0].id
    assert score(gold, predictions).fields["conversion_of"].correct == 5


def test_json_twin_caps_lists_but_keeps_totals(gold) -> None:
    predictions = perfect(gold)
    predictions["d2"] = []
    data = json.loads(json.dumps(score(gold, predictions).to_dict(limit=1)))
    assert data["misses_total"] == 3 and len(data["misses"]) == 1
    assert data["misses"][0] == {"doc_id": "d2", "text": "12", "sentence": "Officials said 12 people died.",
                                 "span": [15, 17]}
    assert data["recall"] == pytest.approx(0.5) and data["strict"] == pytest.approx(0.5)


# -------------------------------------------------------------------------- the command, for real


@pytest.mark.slow
def test_eval_command_end_to_end() -> None:
    runner = CliRunner()
    as_json = runner.invoke(main, ["eval", str(GOLD), str(DOCS), "--json"], catch_exceptions=False)
    assert as_json.exit_code == 0, as_json.output
    data = json.loads(as_json.output)
    assert data["gold"] == 6 and 0 <= data["f1"] <= 1
    assert data["documents_without_gold"] == ["d3"]
    assert data["gold_without_document"][0].endswith("orphan.json")
    text = runner.invoke(main, ["eval", str(GOLD), str(FIXTURES), "--limit-errors", "0"])
    assert text.exit_code == 0
    assert "precision" in text.output and "Documents with no gold file (1" in text.output


def test_eval_command_names_bad_input(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["eval", str(_write_gold(tmp_path, text="31")), str(DOCS)])
    assert result.exit_code == 1
    assert "d2.json claim 3" in result.output and "not found" in result.output


# ------------------------------------------------------------------- agreement between two annotators


def _second_annotator(tmp_path: Path) -> Path:
    """Annotator B: agrees on d1 (with its conversion), on d2 reads the first 12's time scope as
    period, leaves out "30" and has no file for the orphan."""
    directory = tmp_path / "gold-b"
    directory.mkdir()
    (directory / "d1.json").write_text((GOLD / "d1.json").read_text())
    d2 = json.loads((GOLD / "d2.json").read_text())
    d2["claims"][0]["time_scope"] = "period"
    del d2["claims"][2]
    (directory / "d2.json").write_text(json.dumps(d2))
    return directory


def test_an_annotator_agrees_with_itself() -> None:
    report = agreement(GOLD, GOLD, [DOCS])
    assert report.totals.gold == report.totals.matched == 6
    assert report.strict == 1.0
    assert all(tally.accuracy == 1.0 for tally in report.fields.values())
    assert report.fields["conversion_of"].total == 6
    assert report.documents_without_gold == ["d3"]


def test_agreement_counts_each_disagreement(tmp_path: Path) -> None:
    report = agreement(GOLD, _second_annotator(tmp_path), [DOCS])
    assert (report.totals.gold, report.totals.predicted, report.totals.matched) == (6, 5, 5)
    assert report.fields["time_scope"].correct == 4 and report.fields["time_scope"].total == 5
    assert report.fields["conversion_of"].accuracy == 1.0  # B's "$3,800" points at B's "400,000 rubles"
    assert report.strict == pytest.approx(4 / 6)  # the unmarked "30" counts against strict
    assert [m.text for m in report.misses] == ["30"]
    [disagreement] = report.field_errors
    assert (disagreement.gold, disagreement.predicted) == ("unspecified", "period")


def test_agreement_scores_only_documents_both_annotated(tmp_path: Path) -> None:
    only_a = tmp_path / "gold-a"
    only_a.mkdir()
    (only_a / "d2.json").write_text((GOLD / "d2.json").read_text())
    report = agreement(only_a, GOLD, [DOCS])
    assert list(report.per_document) == ["d2"]
    assert report.documents_without_gold == ["d1", "d3"]


def test_agree_command(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["agree", str(GOLD), str(_second_annotator(tmp_path)), str(DOCS)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "A 6   B 5   matched 5" in result.output
    assert "Only in A (1)" in result.output and "Disagreements: time_scope (1)" in result.output
    assert 'A "unspecified", B "period"' in result.output
    as_json = CliRunner().invoke(main, ["agree", str(GOLD), str(GOLD), str(DOCS), "--json"])
    assert json.loads(as_json.output)["strict"] == 1.0
