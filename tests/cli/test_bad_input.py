"""Each command on each kind of bad input: a one-line error or skip, the run goes on, never a traceback."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimledger.cli import main
from claimledger.ingest.readers import Skip, read_inputs
from claimledger.models import Document

GOOD = {"id": "good",
        "text": "The regional governor said 14 people were injured in the attack overnight, and rescuers "
                "were still searching the damaged buildings in the city on Tuesday morning."}


def _run(*args: str, input: str | None = None):
    result = CliRunner().invoke(main, list(args), input=input)
    output = result.output  # stdout and stderr, as a user sees them
    assert "Traceback" not in output, output
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    return result, output


def _skip_lines(output: str) -> int:
    return sum(line.startswith("skipped ") for line in output.splitlines())


@pytest.fixture
def bad_files(tmp_path: Path) -> dict[str, Path]:
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(bytes(range(256)) * 8)
    articles = tmp_path / "articles.jsonl"
    articles.write_text(json.dumps(GOOD) + "\n")
    text = tmp_path / "binary.txt"
    text.write_bytes(b"\x00\x01\xff" * 100)
    return {"missing": tmp_path / "missing.jsonl", "binary": binary, "articles": articles,
            "binary text": text}


@pytest.mark.parametrize("kind", ["missing", "binary", "articles", "binary text"])
def test_check_and_figure_give_one_line_errors(bad_files, kind):
    for args in (["check", str(bad_files[kind])], ["figure", "abc", str(bad_files[kind])]):
        result, output = _run(*args)
        assert result.exit_code == 2, output
        errors = [line for line in output.splitlines() if line.startswith("Error:")]
        assert len(errors) == 1 and str(bad_files[kind].name) in errors[0], output


@pytest.mark.parametrize("command", [["check"], ["figure", "abc"], ["stats"], ["query"]])
def test_a_ledger_that_cannot_be_opened_is_one_line(tmp_path, command):
    broken = tmp_path / "not-a-db.sqlite"
    broken.write_bytes(b"this is not a database" * 100)
    for db in (str(broken), str(tmp_path / "no" / "such" / "dir" / "x.sqlite")):
        result, output = _run(*command, "--db", db)
        assert result.exit_code == 2, output
        assert output.count("Error:") == 1, output


def test_rates_update_without_network_is_one_line():
    closed = "http://127.0.0.1:9/"  # the discard port: nothing listens
    result, output = _run("rates", "update", "--cbr-url", closed, "--ecb-url", closed, "--nbu-url", closed)
    assert result.exit_code == 2 and output.count("Error:") == 1, output


def test_malformed_json_message_says_at_once(tmp_path):
    path = tmp_path / "cut.jsonl"
    path.write_text('{"text": "unterminated\n')
    [skip] = list(read_inputs([str(path)]))
    assert isinstance(skip, Skip) and "at at" not in skip.reason and "column" in skip.reason


def _lines(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    return path


def test_bad_jsonl_lines_are_skips_and_the_rest_is_extracted(tmp_path):
    deep = "[" * 5000 + "]" * 5000
    surrogate = '{"text": "' + GOOD["text"] + ' \\ud800 end"}'
    nul = '{"id": "nul", "text": "' + GOOD["text"] + ' \\u0000 end"}'
    path = _lines(tmp_path, deep, surrogate, nul, json.dumps(GOOD))
    results = list(read_inputs([str(path)]))
    assert isinstance(results[0], Skip) and "nested too deeply" in results[0].reason
    docs = [r for r in results if isinstance(r, Document)]
    assert len(docs) == 3
    assert "\ufffd" in docs[0].text and "surrogates" in docs[0].origin
    assert "\x00" not in docs[1].text and "NUL" in docs[1].origin
    result, output = _run("extract", str(path))
    assert result.exit_code == 1, output  # some skipped, the rest read
    assert _skip_lines(output) == 1 and "3 documents" in output


def test_bad_lines_are_stored_on_every_ledger(tmp_path, ledger_url):
    nul = '{"id": "nul", "text": "' + GOOD["text"] + ' \\u0000 end"}'
    surrogate = '{"text": "' + GOOD["text"] + ' \\udfff end"}'
    path = _lines(tmp_path, nul, surrogate, json.dumps(GOOD))
    result, output = _run("ingest", "-q", "--db", ledger_url, str(path))
    assert result.exit_code == 0, output
    assert "stored 3 documents" in output
    result, output = _run("ingest", "-q", "--db", ledger_url, str(path))  # a rerun: all stored already
    assert "3 already in the ledger" in output, output


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_are_read_under_a_hard_cap(device):
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    [skip] = list(read_inputs([device], max_bytes=1024 * 1024))
    assert isinstance(skip, Skip) and "limit" in skip.reason


def test_an_endless_jsonl_line_is_not_drained_for_ever(tmp_path):
    fifo = tmp_path / "endless.jsonl"
    os.mkfifo(fifo)
    stop = threading.Event()

    def write() -> None:
        with open(fifo, "wb") as stream:
            try:
                while not stop.is_set():
                    stream.write(b"x" * 65536)
            except BrokenPipeError:
                pass

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    try:
        results = list(read_inputs([str(fifo)], max_bytes=64 * 1024))
    finally:
        stop.set()
    assert len(results) == 1 and isinstance(results[0], Skip) and "without ending" in results[0].reason


def test_a_named_pipe_is_read_under_a_hard_cap(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    written = []

    def write() -> None:
        with open(fifo, "wb") as stream:
            try:
                for _ in range(1000):
                    stream.write(b"word " * 4096)
                    written.append(1)
            except BrokenPipeError:
                pass

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    [skip] = list(read_inputs([str(fifo)], max_bytes=256 * 1024))
    writer.join(timeout=10)
    assert isinstance(skip, Skip) and "limit" in skip.reason
    assert len(written) < 1000  # the reader stopped at the cap; the writer was cut off


def test_a_40_mb_feed_is_not_read_whole(tmp_path):
    feed = tmp_path / "big.rss"
    with feed.open("wb") as stream:
        stream.write(b"<rss><channel><title>Big</title>")
        item = b"<item><title>t</title><description>" + b"word " * 2000 + b"</description></item>"
        for _ in range(40 * 1024 * 1024 // len(item)):
            stream.write(item)
        stream.write(b"</channel></rss>")
    [skip] = list(read_inputs([str(feed)]))
    assert isinstance(skip, Skip) and "limit" in skip.reason


def test_a_folder_with_a_huge_file_and_a_hostile_one_is_read_whole(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-good.txt").write_text(GOOD["text"])
    filler = "The weather was mild and the streets of the old town were quiet again.\n\n"
    (folder / "b-huge.txt").write_text(filler * (1_100_000 // len(filler)) + GOOD["text"])
    (folder / "c-hostile.txt").write_text("A" * 30_000 + " (AA) 12 " + "!" * 30_000)
    result, output = _run("extract", "--format", "jsonl", str(folder))
    assert result.exit_code == 0, output
    assert "3 documents" in output
    claims = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    assert sum(c["text"] == "14" for c in claims) == 2  # the good file's figure, and the huge one's


def test_a_document_past_the_time_limit_is_a_skip_naming_it(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps(GOOD) + "\n" + json.dumps({**GOOD, "id": "other"}) + "\n")
    result, output = _run("extract", "--doc-timeout", "0.000001", str(path))
    assert result.exit_code == 2, output
    assert _skip_lines(output) == 2 and "time limit" in output and f"{path}:1" in output
    db = f"sqlite:///{tmp_path / 'ledger.sqlite'}"
    result, output = _run("ingest", "-q", "--db", db, "--doc-timeout", "0.000001", str(path))
    assert "time limit" in output and "2 skipped" in output, output
