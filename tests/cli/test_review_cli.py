"""`claimledger review`: set, verdict, note, evidence, not-a-claim, list, queue, history, on a real ledger."""

from __future__ import annotations

import json

from click.testing import CliRunner

from claimledger.cli import main


def test_review_commands_write_the_history_and_the_effective_record(tmp_path, seed_text, monkeypatch):
    monkeypatch.setenv("CLAIMLEDGER_CONFIG_DIR", str(tmp_path / "config"))
    db = str(tmp_path / "l.sqlite")
    article = tmp_path / "a.txt"
    article.write_text(seed_text, encoding="utf-8")
    run = CliRunner().invoke
    assert run(main, ["ingest", "--db", db, "-q", "--published", "2024-11-26", str(article)]).exit_code == 0
    claims = [
        json.loads(line)
        for line in run(main, ["query", "--db", db, "--format", "jsonl", "--limit", "50"]).output.splitlines()
    ]
    target = next(c for c in claims if c["text"] == "1,480")

    out = run(
        main,
        [
            "review",
            "set",
            "--db",
            db,
            "--reviewer",
            "ana",
            target["id"],
            "time_scope",
            "cumulative",
            "value",
            "1,500",
        ],
    )
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["review"]["fields"] == {"time_scope": "cumulative", "value": 1500}
    assert (
        run(main, ["review", "verdict", "--db", db, "--reviewer", "ben", target["id"], "false"]).exit_code
        == 0
    )
    assert (
        run(main, ["review", "note", "--db", db, "--reviewer", "ben", target["id"], "a typo"]).exit_code == 0
    )
    assert (
        run(
            main,
            [
                "review",
                "evidence",
                "--db",
                db,
                "--reviewer",
                "ben",
                target["id"],
                "https://example.org/bulletin",
            ],
        ).exit_code
        == 0
    )
    other = next(c for c in claims if c["text"] == "over 1,000")
    # the reviewer can be a token's name
    token = run(main, ["token", "create", "--name", "cara"]).output.splitlines()[0]
    assert run(main, ["review", "not-a-claim", "--db", db, "--token", token, other["id"]]).exit_code == 0

    exported = [
        json.loads(x) for x in run(main, ["export", "--db", db]).output.splitlines() if x.startswith("{")
    ]
    mine = next(c for c in exported if c["id"] == target["id"])
    assert (mine["time_scope"], mine["value"], mine["review"]["verdict"]) == ("cumulative", 1500, "false")
    assert next(c for c in exported if c["id"] == other["id"])["review"]["reviewer"] == "cara"

    history = [
        json.loads(x)
        for x in run(main, ["review", "history", "--db", db, "--format", "jsonl"]).output.splitlines()
    ]
    assert [(h["reviewer"], h["field"]) for h in history] == [
        ("ana", "time_scope"),
        ("ana", "value"),
        ("ben", "verdict"),
        ("ben", "note"),
        ("ben", "evidence"),
        ("cara", "not_claim"),
    ]
    queue = [
        json.loads(x)["id"]
        for x in run(
            main, ["review", "queue", "--db", db, "--format", "jsonl", "--limit", "50"]
        ).output.splitlines()
        if x.startswith("{")
    ]
    assert sorted(queue) == sorted(c["id"] for c in claims if c["id"] not in (target["id"], other["id"]))
    listed = run(main, ["review", "list", "--db", db, "--format", "jsonl"]).output.splitlines()
    assert len(listed) == 2

    bad = run(main, ["review", "set", "--db", db, "--reviewer", "ana", target["id"], "category", "bonus"])
    assert bad.exit_code == 2 and "category must be one of" in bad.output
    missing = run(main, ["review", "note", "--db", db, "--reviewer", "ana", "nope", "x"])
    assert missing.exit_code == 1 and "no claim with id 'nope'" in missing.output
    assert run(main, ["review", "note", "--db", db, target["id"], "x"]).exit_code == 2  # who reviews?
