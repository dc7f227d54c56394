"""Reviews become data: gold files `claimledger eval` reads, and ClaimReview JSON-LD with the person's rating
and the reviewing organisation from the settings."""

from __future__ import annotations

import json

from click.testing import CliRunner

from claimledger.cli import main
from claimledger.evaluate import evaluate


def _ingest_and_review(tmp_path, seed_text) -> tuple[str, dict[str, dict]]:
    db = str(tmp_path / "l.sqlite")
    doc = tmp_path / "a.jsonl"
    doc.write_text(json.dumps({"id": "art-1", "outlet": "Example Wire", "published": "2024-11-26",
                               "url": "https://news.example.org/bonus", "text": seed_text}) + "\n")
    run = CliRunner().invoke
    assert run(main, ["ingest", "--db", db, "-q", str(doc)]).exit_code == 0
    out = run(main, ["query", "--db", db, "--format", "jsonl", "--limit", "50"]).output
    claims = {c["text"]: c for c in map(json.loads, out.splitlines())}
    review = ["review", "--db", db, "--reviewer", "ana"]

    def do(*args: str) -> None:
        result = run(main, [review[0], args[0], *review[1:], *args[1:]])
        assert result.exit_code == 0, result.output

    do("set", claims["1,480"]["id"], "time_scope", "cumulative")
    do("not-a-claim", claims["over 1,000"]["id"])
    do("verdict", claims["$3,800"]["id"], "mostly_accurate")
    do("note", claims["$3,800"]["id"], "the official rate gives 3,854")
    return db, claims


def test_reviewed_documents_export_as_gold_that_eval_scores(tmp_path, seed_text):
    db, claims = _ingest_and_review(tmp_path, seed_text)
    out = tmp_path / "gold-out"
    result = CliRunner().invoke(main, ["export", "--db", db, "--format", "gold", "-o", str(out)])
    assert result.exit_code == 0, result.output
    gold = json.loads((out / "gold" / "art-1.json").read_text())
    texts = [g["text"] for g in gold["claims"]]
    assert "over 1,000" not in texts and len(texts) == len(claims) - 1  # not a claim: left out
    by_text = {g["text"]: g for g in gold["claims"]}
    assert by_text["1,480"]["time_scope"] == "cumulative" and by_text["1,480"]["reviewed"] is True
    assert by_text["$3,800"]["conversion_of"] == "400,000 rubles"
    assert by_text["733,830"]["reviewed"] is False
    # eval reads them: the extractor (unchanged) now disagrees exactly where the reviewer corrected it
    report = evaluate(out / "gold", [out / "docs.jsonl"]).to_dict()
    assert report["recall"] == 1.0 and report["false_positives_total"] == 1
    assert [e["text"] for e in report["false_positives"]] == ["over 1,000"]
    assert [e["text"] for e in report["field_errors"]["time_scope"]] == ["1,480"]
    assert report["field_errors_total"] == {"time_scope": 1}


def test_claimreview_carries_the_rating_and_the_organisation_from_settings(tmp_path, seed_text, monkeypatch):
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.toml").write_text('[organisation]\nname = "Example Checks"\nurl = "https://checks.example"\n')
    monkeypatch.setenv("CLAIMLEDGER_CONFIG_DIR", str(config))
    db, claims = _ingest_and_review(tmp_path, seed_text)
    out = CliRunner().invoke(main, ["export", "--db", db, "--format", "claimreview"]).output
    graph = json.loads(out[out.index("{"):out.rindex("}") + 1])["@graph"]
    by_id = {r["identifier"]: r for r in graph}
    rated = by_id[claims["$3,800"]["id"]]
    assert rated["author"] == {"@type": "Organization", "name": "Example Checks", "url": "https://checks.example"}
    rating = rated["reviewRating"]
    assert rating["ratingValue"] == 4 and rating["alternateName"] == "Mostly accurate"
    assert rated["reviewRating"]["bestRating"] == 5
    assert "3,854" in rated["reviewRating"]["ratingExplanation"]
    assert claims["over 1,000"]["id"] not in by_id  # not a claim: not reviewed as one
    monkeypatch.setenv("CLAIMLEDGER_ORG_NAME", "Env Desk")
    out = CliRunner().invoke(main, ["export", "--db", db, "--format", "claimreview"]).output
    assert '"name": "Env Desk"' in out
