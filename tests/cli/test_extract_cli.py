"""`claimledger extract`: formats, skips on stderr, the summary line and the exit status."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimledger.cli import main
from claimledger.ingest import examples_path

EXAMPLE_TXT = str(examples_path() / "article.txt")


def _run(*args: str, input: str | None = None):
    has_mix_stderr = "mix_stderr" in CliRunner.__init__.__code__.co_varnames
    runner = CliRunner(mix_stderr=False) if has_mix_stderr else CliRunner()
    return runner.invoke(main, ["extract", *args], input=input, catch_exceptions=False)


def test_jsonl_is_one_claim_record_per_line() -> None:
    result = _run(EXAMPLE_TXT, "--published", "2024-11-26")
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records, "the example article states figures"
    assert {"id", "doc_id", "span", "text", "value", "bound", "unit", "source", "checks"} <= set(records[0])
    assert result.stderr.strip().splitlines()[-1] == f"1 document, {len(records)} claims, 0 skipped"


def test_json_is_one_array_and_matches_jsonl() -> None:
    as_json = json.loads(_run(EXAMPLE_TXT, "--format", "json").stdout)
    as_jsonl = [json.loads(line) for line in _run(EXAMPLE_TXT).stdout.splitlines()]
    assert isinstance(as_json, list) and as_json and as_json == as_jsonl


def test_table_shows_the_columns_a_person_reads() -> None:
    result = _run(EXAMPLE_TXT, "--format", "table", "--published", "2024-11-26")
    assert result.exit_code == 0
    for header in ("text", "value", "bound", "unit", "category", "scope", "source", "hedged", "verification"):
        assert header in result.stdout
    assert "1,620" in result.stdout


def test_output_file_option(tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    result = _run(EXAMPLE_TXT, "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert all(json.loads(line)["doc_id"] for line in out.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize(
    ("extra_inputs", "status", "summary_end"),
    [
        ([], 0, "0 skipped"),
        (["/no/such/file.txt"], 1, "1 skipped"),
    ],
)
def test_exit_status_counts_skips(extra_inputs: list[str], status: int, summary_end: str) -> None:
    result = _run(EXAMPLE_TXT, *extra_inputs)
    assert result.exit_code == status
    assert result.stderr.strip().splitlines()[-1].endswith(summary_end)


def test_nothing_readable_exits_2_and_names_each_skip(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{oops\n")
    result = _run(str(empty), str(broken))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert f"skipped {empty}: empty: no text to read" in lines
    assert any(line.startswith(f"skipped {broken}:1: malformed JSON") for line in lines)
    assert lines[-1] == "0 documents, 0 claims, 2 skipped"
    assert result.stdout == ""


def test_stdin_text_is_read() -> None:
    text = Path(EXAMPLE_TXT).read_text(encoding="utf-8")
    result = _run("-", input=text)
    assert result.exit_code == 0
    assert result.stderr.strip().splitlines()[-1].startswith("1 document,")


@pytest.mark.parametrize("bad_date", ["26/11/2024", "yesterday", "2024-13-40"])
def test_bad_published_is_a_usage_error(bad_date: str) -> None:
    result = _run(EXAMPLE_TXT, "--published", bad_date)
    assert result.exit_code == 2
    assert "--published" in result.stderr and "not an ISO date" in result.stderr


def test_installed_script_runs_as_a_subprocess() -> None:
    script = shutil.which("claimledger")
    assert script, "the claimledger script is installed by `pip install -e .`"
    done = subprocess.run(
        [script, "extract", EXAMPLE_TXT, "/no/such/file.txt",
         "--published", "2024-11-26", "--format", "table"],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "skipped /no/such/file.txt: no such file or directory" in done.stderr
    assert done.stderr.strip().splitlines()[-1].startswith("1 document, ")
    assert "verification" in done.stdout
