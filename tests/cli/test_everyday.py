"""The everyday commands as a new user meets them: filters that validate, dates, --db paths that must
exist, every match written, extract's progress and workers, the figure table, plural-aware counts, whole
cues, one key order for a claim everywhere, what `pip install claimledger` brings, and the API's language
check."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimledger.cli import main
from claimledger.ingest import examples_path
from claimledger.models import CLAIM_FIELDS, Check, Claim, Period, Source

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_TXT = str(examples_path() / "article.txt")


def _run(*args: str):
    has_mix_stderr = "mix_stderr" in CliRunner.__init__.__code__.co_varnames
    runner = CliRunner(mix_stderr=False) if has_mix_stderr else CliRunner()
    return runner.invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    """A ledger of the bundled examples (more than 20 claims)."""
    path = tmp_path_factory.mktemp("everyday") / "ledger.sqlite"
    result = _run("ingest", "--db", str(path), "-q", str(examples_path()))
    assert result.exit_code == 0, result.stderr
    return str(path)


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


# --- filters: choices, case, dates ----------------------------------------------------------------

def test_choices_are_case_insensitive(db) -> None:
    lower = _jsonl(_run("query", "--db", db, "--category", "casualties", "--format", "jsonl").stdout)
    title = _jsonl(_run("query", "--db", db, "--category", "Casualties", "--format", "jsonl").stdout)
    assert lower and lower == title and {c["category"] for c in lower} == {"casualties"}
    daily = _jsonl(_run("query", "--db", db, "--time-scope", "Daily", "--format", "jsonl").stdout)
    assert daily and {c["time_scope"] for c in daily} == {"daily"}


@pytest.mark.parametrize(("option", "value", "named"), [
    ("--category", "casualty", "'casualties'"),
    ("--time-scope", "weekly", "'cumulative'"),
    ("--source-type", "army", "'military'"),
    ("--verification", "checked", "'not_confirmed'"),
])
def test_an_unknown_value_is_a_one_line_error_naming_the_choices(db, option, value, named) -> None:
    result = _run("query", "--db", db, option, value)
    assert result.exit_code == 2 and result.stdout == ""
    error = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(error) == 1 and repr(value) in error[0] and named in error[0]


@pytest.mark.parametrize("command", ["query", "export"])
def test_a_bad_date_says_the_expected_format(db, command) -> None:
    result = _run(command, "--db", db, "--period-start", "26/11/2024")
    error = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert result.exit_code == 2 and len(error) == 1
    assert "'26/11/2024' is not a date in the form YYYY-MM-DD" in error[0]


def test_every_filter_has_help_text() -> None:
    for name in ("query", "export"):
        command = main.commands[name]
        options = [p for p in command.params if p.name not in ("help",)]
        assert all(getattr(p, "help", None) for p in options), [p.name for p in options if not p.help]
        help_text = _run(name, "--help").stdout
        assert "[money|casualties|deaths" in help_text and "YYYY-MM-DD" in help_text


# --- --db -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [["query"], ["export"], ["stats"], ["check"], ["figure", "abc"]])
def test_a_missing_ledger_is_an_error_for_commands_that_only_read(tmp_path, args) -> None:
    missing = tmp_path / "typo.sqlite"
    result = _run(*args, "--db", str(missing))
    assert result.exit_code != 0 and "no ledger at" in result.stderr and "does not exist" in result.stderr
    assert not missing.exists()  # and no empty ledger was left behind


def test_ingest_creates_a_new_ledger(tmp_path) -> None:
    new = tmp_path / "new.sqlite"
    result = _run("ingest", "--db", str(new), "-q", EXAMPLE_TXT)
    assert result.exit_code == 0 and new.exists()
    assert result.stdout.startswith("stored 1 document, ")  # singular


# --- every match, unless --limit ------------------------------------------------------------------

def test_query_writes_every_match_unless_limited(db) -> None:
    everything = _jsonl(_run("query", "--db", db).stdout)  # not a terminal: JSON Lines
    counts = json.loads(_run("stats", "--db", db, "--format", "json").stdout)
    assert len(everything) == counts["claims"] > 20
    assert len(_jsonl(_run("query", "--db", db, "--limit", "5").stdout)) == 5
    csv_rows = _run("query", "--db", db, "--format", "csv").stdout.splitlines()
    assert len(csv_rows) == counts["claims"] + 1  # and the header
    rest = _jsonl(_run("query", "--db", db, "--offset", "20").stdout)
    assert [c["id"] for c in rest] == [c["id"] for c in everything[20:]]


def test_export_limit(db) -> None:
    result = _run("export", "--db", db, "--limit", "3")
    assert len(_jsonl(result.stdout)) == 3 and "exported 3 claims" in result.stderr
    one = _run("export", "--db", db, "--limit", "1")
    assert "exported 1 claim\n" in one.stderr


# --- extract: progress on a terminal, --workers, -q -----------------------------------------------

def _extract_with_a_terminal(*args: str) -> tuple[str, str]:
    """Run `claimledger extract` with stderr on a pseudo-terminal; (stdout, what the terminal showed)."""
    leader, follower = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "120"}
    proc = subprocess.Popen([sys.executable, "-m", "claimledger.cli", "extract", *args],
                            stdout=subprocess.PIPE, stderr=follower, env=env)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    stdout = proc.communicate(timeout=120)[0].decode()
    os.close(leader)
    assert proc.returncode == 0
    return stdout, shown.decode(errors="replace")


@pytest.mark.slow
def test_extract_shows_progress_on_a_terminal_only() -> None:
    inputs = [str(examples_path() / name) for name in ("article.txt", "articles.jsonl")]
    stdout, shown = _extract_with_a_terminal(*inputs, "--workers", "2")
    assert "\x1b[" in shown and "claims" in shown  # rich drew its line
    assert shown.rstrip().endswith("0 skipped")
    quiet_stdout, quiet = _extract_with_a_terminal(*inputs, "-q")
    assert "\x1b[" not in quiet and quiet.strip().count("\n") == 0  # only the summary line
    by_id = lambda out: sorted(c["id"] for c in _jsonl(out))  # noqa: E731
    assert by_id(stdout) == by_id(quiet_stdout) and by_id(stdout)  # two workers: the same claims


def test_extract_without_a_terminal_prints_only_the_summary() -> None:
    result = _run("extract", EXAMPLE_TXT, "--workers", "1")
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith("1 document, ")


# --- figure ---------------------------------------------------------------------------------------

def _percent(claim_id: str, doc: str, value: float, outlet: str, day: str, reference: float | None) -> Claim:
    checks = [Check("cross_source", "consistent", "agree")]
    if reference is not None:
        checks.append(Check("reference_series", "consistent", "close", {"date": day, "value": reference}))
    # a percentage is one figure only with what it measures, read from its sentence (check.identity)
    sentence = f"Annual inflation stood at {value}% in September, Rosstat said."
    return Claim(id=claim_id, doc_id=doc, span=(0, 4), text=f"{value}%", sentence=sentence, value=value,
                 unit="percent", category="percent", time_scope="period",
                 period=Period("2024-09-01", "2024-09-30"),
                 subject="Russian inflation", source=Source("Rosstat", "Rosstat", "government", "said"),
                 published=day, outlet=outlet, checks=checks)


def test_figure_prints_a_table_with_source_checks_and_reference(tmp_path) -> None:
    path = tmp_path / "claims.jsonl"
    claims = [_percent("a", "d1", 9.7, "Wire One", "2024-10-11", 9.7),
              _percent("b", "d2", 9.65, "Wire Two", "2024-10-12", None)]
    path.write_text("".join(json.dumps(c.to_dict()) + "\n" for c in claims), encoding="utf-8")
    result = _run("figure", "a", str(path))
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for header in ("published", "outlet", "source", "value", "cross-source", "reference", "reference value"):
        assert header in out
    assert "2 reports" in out and "Rosstat" in out and "consistent" in out and "not checked" not in out
    assert "9.7" in out and " 10 " not in out and "9.65" in out  # each value in its own precision
    assert "9.7 (2024-10-11)" in out  # the reference value and its date
    assert out.index("Wire One") < out.index("Wire Two")  # oldest first


# --- plural, cue, key order -----------------------------------------------------------------------

def test_one_report_disagrees_in_the_singular() -> None:
    from claimledger.check.sources import check_group

    a = _percent("a", "d1", 9.7, "Wire One", "2024-10-11", None)
    b = _percent("b", "d2", 12.0, "Wire Two", "2024-10-12", None)
    a.checks, b.checks = [], []
    check_group([a, b])
    assert "1 report disagrees" in a.checks[0].detail and "reports disagree" not in a.checks[0].detail


def test_verification_cue_is_whole_words() -> None:
    import claimledger

    text = ("Russian forces lost 1,480 troops on Monday, the General Staff said. The figures could not be "
            "independently verified.")
    claims = claimledger.extract(text, published="2024-11-26")
    cues = [c.verification_cue for c in claims if c.verification_cue]
    assert cues and all(cue in text and cue.endswith("verified") for cue in cues)


SCHEMA_ORDER = ["id", "doc_id", "span", "text", "sentence", "value", "high", "bound", "unit", "category",
                "time_scope", "period", "subject", "location", "source", "hedged", "verification",
                "conversion_of", "checks"]


def test_one_key_order_for_a_claim_everywhere(db, tmp_path) -> None:
    from fastapi.testclient import TestClient

    from claimledger.store import Ledger
    from claimledger.web import create_app

    def schema_part(keys: list[str]) -> list[str]:
        return [k for k in keys if k in SCHEMA_ORDER]

    extracted = _jsonl(_run("extract", EXAMPLE_TXT).stdout)[0]
    queried = _jsonl(_run("query", "--db", db, "--limit", "1").stdout)[0]
    exported = _jsonl(_run("export", "--db", db, "--limit", "1").stdout)[0]
    ledger = Ledger.open(db, create=False)
    try:
        api = TestClient(create_app(ledger=ledger)).get(f"/api/claims/{queried['id']}").json()
    finally:
        ledger.close()
    for record in (extracted, queried, exported, api):
        assert schema_part(list(record)) == SCHEMA_ORDER
        assert list(record)[:len(CLAIM_FIELDS)] == list(CLAIM_FIELDS)  # the added fields follow, in one order
    assert list(api) == list(queried) + ["figure"]


# --- packaging and the API's language check -------------------------------------------------------

def test_pip_install_claimledger_brings_the_web_page() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    core = {dep.split(">")[0].split("=")[0].split("[")[0].strip().lower() for dep in project["dependencies"]}
    assert {"fastapi", "uvicorn", "jinja2", "python-multipart"} <= core
    assert not {"psycopg", "ray"} & core  # PostgreSQL and Ray stay extras
    extras = project["optional-dependencies"]
    assert any(d.startswith("psycopg") for d in extras["postgres"]) and extras["ray"]


def test_the_api_refuses_russian_text_as_the_cli_does(tmp_path) -> None:
    from fastapi.testclient import TestClient

    from claimledger.store import Ledger
    from claimledger.web import create_app
    from claimledger.web.tokens import TokenStore

    russian = ("По данным Генерального штаба, за последние сутки российские войска потеряли 1480 человек. "
               "Об этом сообщили в ведомстве во вторник, уточнив, что данные о потерях предварительные.")
    os.environ["CLAIMLEDGER_CONFIG_DIR"] = str(tmp_path / "config")
    try:
        tokens = TokenStore()
        secret, _ = tokens.create("test")
        ledger = Ledger.open(str(tmp_path / "l.sqlite"))
        client = TestClient(create_app(ledger=ledger, tokens=tokens))
        response = client.post("/api/extract", json={"text": russian, "published": "2024-11-26"},
                               headers={"Authorization": f"Bearer {secret}"})
        ledger.close()
    finally:
        del os.environ["CLAIMLEDGER_CONFIG_DIR"]
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "not_english" and "Cyrillic" in error["message"]
    stdin = CliRunner().invoke(main, ["extract", "-"], input=russian)  # the CLI's readers skip it alike
    assert stdin.exit_code == 2 and "not English (looks like Cyrillic script)" in stdin.output
