import json

import pytest
from click.testing import CliRunner

from claimledger.check import check_claims
from claimledger.cli import main
from claimledger.models import Claim


def report(id, doc, value, outlet, published, subject="Gaza"):
    return Claim(id=id, doc_id=doc, span=(0, 1), text=str(value), sentence="s", value=value, unit="person",
                 category="casualties", time_scope="cumulative", subject=subject, outlet=outlet,
                 published=published)


@pytest.mark.parametrize("values,results", [
    ((100, 100, 101), ["consistent"] * 3),
    ((100, 100, 150), ["consistent"] * 3),  # a running total may grow from one day to the next
    ((150, 100, 100), ["inconsistent"] * 3),  # but not shrink
])
def test_cross_source(values, results):
    claims = [report(f"c{i}", f"d{i}", v, f"o{i}", f"2024-01-0{i + 1}") for i, v in enumerate(values)]
    check_claims(claims)
    assert [c.checks[-1].result for c in claims] == results
    assert "first reported by o0 on 2024-01-01" in claims[2].checks[-1].detail


def test_same_document_is_not_a_group():
    claims = [report("a", "d", 1, "o", "2024-01-01"), report("b", "d", 5, "o", "2024-01-01")]
    check_claims(claims)
    assert all(c.checks == [] for c in claims)


def test_cli_check_and_figure(tmp_path):
    path = tmp_path / "c.jsonl"
    claims = [report("a", "d1", 150, "first", "2024-01-01"), report("b", "d2", 100, "second", "2024-01-02")]
    path.write_text("".join(json.dumps(c.to_dict()) + "\n" for c in claims))
    out = CliRunner().invoke(main, ["check", str(path)])
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.output.splitlines()]
    assert rows[1]["checks"][0]["result"] == "inconsistent"
    fig = CliRunner().invoke(main, ["figure", "b", str(path)])
    assert fig.output.index("2024-01-01") < fig.output.index("second") and "published" in fig.output


def test_cli_figure_from_the_ledger(tmp_path):
    from claimledger.models import Document
    from claimledger.store import Ledger

    url = f"sqlite:///{tmp_path}/ledger.db"
    ledger = Ledger.open(url)
    for n, (value, outlet, day) in enumerate([(100, "first", "2024-01-01"), (150, "second", "2024-01-02")]):
        doc = Document(text=f"article {n}", published=day)
        ledger.add(doc, [report(f"c{n}", doc.id, value, outlet, day)], "test")
    other = Document(text="other", published="2024-01-03")  # another subject: not this figure's history
    ledger.add(other, [report("x", other.id, 999, "third", "2024-01-03", subject="Kherson")], "test")
    fig = CliRunner().invoke(main, ["figure", "c1", "--db", url])
    assert fig.exit_code == 0, fig.output
    rows = [line for line in fig.output.splitlines() if "2024-01" in line]  # the table's rows, oldest first
    assert len(rows) == 2 and "first" in rows[0] and "second" in rows[1] and "Kherson" not in fig.output
    missing = CliRunner().invoke(main, ["figure", "nope", "--db", url])
    assert missing.exit_code != 0 and "no claim with id 'nope'" in missing.output


def test_cli_check_with_ledger(tmp_path):
    from claimledger.models import Document
    from claimledger.store import Ledger

    url = f"sqlite:///{tmp_path}/ledger.db"
    doc = Document(text="x", published="2024-11-26")
    c = Claim(id="a", doc_id=doc.id, span=(0, 1), text="x", sentence="x", value=733830, unit="troop",
              category="casualties", time_scope="cumulative", subject="Russia", published="2024-11-26")
    Ledger.open(url).add(doc, [c], "test")
    result = CliRunner().invoke(main, ["check", "--db", url])
    assert result.exit_code == 0, result.output
    saved = Ledger.open(url).document(doc.id)[1][0]
    assert [(k.kind, k.result) for k in saved.checks] == [("reference_series", "consistent")]


def test_claims_without_a_subject_are_not_grouped():
    a, b = report("a", "d1", 70_000, "o1", "2024-01-01"), report("b", "d2", 2.5e9, "o2", "2024-01-01")
    a.subject = b.subject = None  # a bonus and a damage estimate in one currency are not one figure
    check_claims([a, b])
    assert a.checks == [] and b.checks == []


def test_checking_twice_gives_the_same_checks():
    claims = [report("a", "d1", 100, "o1", "2024-01-01"), report("b", "d2", 150, "o2", "2024-01-02")]
    once = [list(c.checks) for c in check_claims(claims)]
    twice = [list(c.checks) for c in check_claims(claims)]
    assert once == twice and len(once[0]) == 1
