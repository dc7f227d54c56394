"""query / export / stats output: CSV, JSON Lines, Parquet (flat columns plus the record), ClaimReview
JSON-LD, tables for people; on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from claimledger.cli import main
from claimledger.models import AUTHOR, Check, Claim, Document, Period, Source
from claimledger.store import Ledger
from claimledger.store.export import FLAT_COLUMNS, claim_review, overall_result, write_parquet

GS = Source(name="Ukraine's Armed Forces", canonical="General Staff of the Armed Forces of Ukraine",
            type="military", cue="said")


def _fill(ledger: Ledger) -> tuple[Document, list[Claim]]:
    doc = Document(text="Ukraine's Armed Forces said 1,480 troops were lost. A bonus of 400,000 rubles.",
                   url="https://news.example/a", outlet="Example News", title="Losses",
                   published="2024-11-26")
    common = dict(doc_id=doc.id, published=doc.published, outlet=doc.outlet, extractor_version="v1")
    checked = Claim(id="c1", span=(28, 33), text="1,480", sentence="Ukraine's Armed Forces said 1,480 troops "
                    "were lost.", value=1480, unit="troop", category="casualties", time_scope="daily",
                    period=Period("2024-11-25", "2024-11-26"), source=GS, verification="unverified",
                    checks=[Check("reference_series", "consistent", "equals the bulletin", {"series": 1480})],
                    **common)
    author = Claim(id="c2", span=(64, 78), text="400,000 rubles", sentence="A bonus of 400,000 rubles.",
                   value=400000, unit="RUB", category="money", time_scope="point", hedged=True,
                   checks=[Check("fx_conversion", "unknown", "no rate"),
                           Check("cross_source", "inconsistent", "other outlets say 300,000")], **common)
    unchecked = Claim(id="c3", span=(0, 5), text="12 tanks", sentence="12 tanks.", value=12, unit="tank",
                      category="equipment", **common)
    claims = [checked, author, unchecked]
    ledger.add(doc, claims, "v1")
    return doc, claims


def _run(*args: str):
    result = CliRunner().invoke(main, list(args))
    return result


def test_jsonl_and_csv_exports(ledger):
    _, claims = _fill(ledger)
    jsonl = _run("export", "--db", ledger.url, "--format", "jsonl")
    assert jsonl.exit_code == 0
    got = sorted((json.loads(line) for line in jsonl.stdout.splitlines()), key=lambda r: r["id"])
    assert got == [c.to_dict() for c in claims]
    table = _run("export", "--db", ledger.url, "--format", "csv", "--category", "money")
    rows = list(csv.DictReader(io.StringIO(table.stdout)))
    assert list(rows[0]) == FLAT_COLUMNS and len(rows) == 1
    assert rows[0]["source_name"] == AUTHOR and rows[0]["hedged"] == "True" and rows[0]["span_start"] == "64"
    assert "exported 1 claim\n" in table.stderr


def test_parquet_has_a_column_per_field_and_the_record(ledger, tmp_path):
    _, claims = _fill(ledger)
    out = tmp_path / "claims.parquet"
    result = _run("export", "--db", ledger.url, "--format", "parquet", "-o", str(out))
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert table.column_names == [*FLAT_COLUMNS, "record"]
    rows = sorted(table.to_pylist(), key=lambda r: r["id"])
    assert [json.loads(r["record"]) for r in rows] == [c.to_dict() for c in claims]
    assert rows[0]["span_start"] == 28 and rows[0]["period_end"] == "2024-11-26" and rows[1]["hedged"] is True
    assert json.loads(rows[0]["checks"])[0]["data"] == {"series": 1480}


def test_parquet_is_written_in_batches(tmp_path):
    _, claims = _fill(Ledger.open(str(tmp_path / "l.sqlite")))
    path = tmp_path / "b.parquet"
    assert write_parquet(iter(claims), path, batch=1) == 3
    assert pq.ParquetFile(path).metadata.num_rows == 3 and pq.ParquetFile(path).num_row_groups == 3


def test_parquet_needs_an_output_file(ledger):
    result = _run("export", "--db", ledger.url, "--format", "parquet")
    assert result.exit_code == 2 and "-o FILE" in result.output


def test_claimreview_json_ld_for_checked_claims_only(ledger):
    doc, _ = _fill(ledger)
    result = _run("export", "--db", ledger.url, "--format", "claimreview")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["@context"] == "https://schema.org"
    reviews = {r["identifier"]: r for r in data["@graph"]}
    assert set(reviews) == {"c1", "c2"}
    gs = reviews["c1"]
    assert gs["@type"] == "ClaimReview" and gs["url"] == doc.url and gs["datePublished"] == "2024-11-26"
    assert gs["claimReviewed"] == "Ukraine's Armed Forces said 1,480 troops were lost."
    assert gs["reviewRating"] == {"@type": "Rating", "alternateName": "consistent",
                                  "ratingExplanation": "reference_series: consistent: equals the bulletin"}
    assert gs["itemReviewed"]["@type"] == "Claim"
    assert gs["itemReviewed"]["author"] == {"@type": "Organization",
                                            "name": "General Staff of the Armed Forces of Ukraine"}
    assert gs["itemReviewed"]["appearance"]["url"] == doc.url
    assert reviews["c2"]["itemReviewed"]["author"]["name"] == "Example News"  # the outlet's own voice
    assert reviews["c2"]["reviewRating"]["alternateName"] == "inconsistent"


@pytest.mark.parametrize("results,verdict", [
    ([], "unknown"), (["unknown"], "unknown"), (["consistent", "unknown"], "consistent"),
    (["consistent", "inconsistent"], "inconsistent"),
])
def test_overall_result(results, verdict):
    claim = Claim(id="x", doc_id="d", span=(0, 1), text="1", sentence="1", value=1,
                  checks=[Check("cross_source", r, "") for r in results])
    assert overall_result(claim) == verdict


def test_person_source_is_a_person_in_claimreview():
    claim = Claim(id="x", doc_id="d", span=(0, 1), text="1", sentence="s", value=1,
                  source=Source(name="Zelensky", type="person"),
                  checks=[Check("cross_source", "unknown", "")])
    review = claim_review(claim, {})
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Zelensky"} and "url" not in review


@pytest.mark.parametrize("fmt,expect", [
    ("jsonl", '"id": "c1"'), ("csv", "id,doc_id,span_start"), ("table", "1 of 1 matching claim"),
])
def test_query_formats(ledger, fmt, expect):
    _fill(ledger)
    result = _run("query", "--db", ledger.url, "--format", fmt, "--source", "general staff")
    assert result.exit_code == 0 and expect in result.stdout


def test_query_checked_filter(ledger):
    _fill(ledger)
    checked = _run("query", "--db", ledger.url, "--format", "jsonl", "--checked")
    unchecked = _run("query", "--db", ledger.url, "--format", "jsonl", "--unchecked")
    assert len(checked.stdout.splitlines()) == 2 and len(unchecked.stdout.splitlines()) == 1


def test_stats_json_and_table(ledger):
    _fill(ledger)
    figures = json.loads(_run("stats", "--db", ledger.url, "--format", "json", "--top", "1").stdout)
    assert figures["by_source"] == {AUTHOR: 2}  # top 1 of: AUTHOR 2, the General Staff 1
    assert figures["by_outlet"] == {"Example News": 3} and figures["by_category"]["money"] == 1
    table = _run("stats", "--db", ledger.url, "--format", "table").stdout
    for title in ("Claims by category", "Claims by source", "Claims by outlet", "Check results"):
        assert title in table


def test_bad_database_is_exit_2(tmp_path):
    result = _run("stats", "--db", str(tmp_path / "missing-dir" / "x.sqlite"))
    assert result.exit_code == 2 and "missing-dir" in result.output
