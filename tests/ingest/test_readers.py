"""Readers: every kind of bad input becomes a Skip naming the input (and line), and reading goes on."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from claimledger.ingest import examples_path
from claimledger.ingest.readers import Skip, read_inputs
from claimledger.models import Document

ENGLISH = (
    "Ukraine's Armed Forces said on Tuesday that Russia had lost 1,620 troops over the last 24 hours, "
    "along with 14 tanks. The figures could not be independently verified by the outlet."
)
RUSSIAN = "Вооружённые силы Украины сообщили во вторник, что Россия потеряла 1620 военных за последние сутки."
GERMAN = (
    "Die ukrainischen Streitkräfte teilten am Dienstag mit, Russland habe binnen eines Tages "
    "1620 Soldaten verloren, dazu vierzehn Panzer. Unabhängig überprüfen ließen sich die Angaben nicht."
)


def _write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _results(*inputs: str | Path, **options) -> list[Document | Skip]:
    return list(read_inputs([str(i) for i in inputs], **options))


BAD_FILES = [
    # (file name, content, expected line, words the reason must contain)
    ("empty.txt", b"", None, "empty"),
    ("blank.txt", b"   \n\n  ", None, "empty"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, None, "binary"),
    ("russian.txt", RUSSIAN.encode("utf-8"), None, "not English (looks like Cyrillic"),
    ("german.txt", GERMAN.encode("utf-8"), None, "not English"),
    ("empty.jsonl", b"\n\n", None, "empty"),
    ("broken.jsonl", b'{"text": "unterminated\n', 1, "malformed JSON"),
    ("notext.jsonl", b'{"id": "a", "title": "no body"}\n', 1, "'text' or 'html'"),
    ("array.jsonl", b'[1, 2]\n', 1, "expected a JSON object"),
    ("baddate.jsonl", json.dumps({"text": ENGLISH, "published": "last Tuesday"}).encode() + b"\n", 1,
     "not an ISO date"),
    ("russian.jsonl", json.dumps({"text": RUSSIAN}, ensure_ascii=False).encode() + b"\n", 1, "Cyrillic"),
    ("emptyhtml.html", b"<html><head><script>var a = 1;</script></head><body></body></html>", None,
     "no article body"),
]


@pytest.mark.parametrize(("name", "content", "line", "reason"), BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_bad_input_is_skipped_with_its_name_and_line_and_the_next_file_is_read(
    tmp_path: Path, name: str, content: bytes, line: int | None, reason: str
) -> None:
    bad = _write(tmp_path / name, content)
    good = _write(tmp_path / "good.txt", ENGLISH)
    results = _results(bad, good)
    skip, document = results
    assert isinstance(skip, Skip), skip
    assert skip.origin == str(bad)
    assert skip.line == line
    assert reason in skip.reason
    assert str(skip).startswith(f"skipped {bad}{':' + str(line) if line else ''}: ")
    assert isinstance(document, Document) and document.text == ENGLISH


def test_missing_path_is_skipped() -> None:
    (skip,) = _results("/nonexistent/article.txt")
    assert skip == Skip("/nonexistent/article.txt", None, "no such file or directory")


def test_glob_without_matches_is_skipped(tmp_path: Path) -> None:
    (skip,) = _results(tmp_path / "*.jsonl")
    assert isinstance(skip, Skip) and "no file matches" in skip.reason


def test_malformed_line_skipped_and_the_rest_of_the_jsonl_read(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "one", "text": ENGLISH}),
        "{not json",
        "",
        json.dumps({"id": "three", "text": ENGLISH}),
    ]
    path = _write(tmp_path / "mixed.jsonl", "\n".join(lines) + "\n")
    results = _results(path)
    assert [type(r).__name__ for r in results] == ["Document", "Skip", "Document"]
    assert results[1].line == 2 and "malformed JSON" in results[1].reason
    assert [results[0].id, results[2].id] == ["one", "three"]
    assert results[2].origin == f"{path}:4"


def test_oversized_article_file_is_skipped_without_reading(tmp_path: Path) -> None:
    path = _write(tmp_path / "huge.txt", ENGLISH * 100)
    (skip,) = _results(path, max_bytes=1000)
    assert isinstance(skip, Skip) and "over the" in skip.reason and "limit for one article" in skip.reason


def test_oversized_jsonl_line_is_skipped_and_later_lines_read(tmp_path: Path) -> None:
    big = json.dumps({"text": ENGLISH * 100})
    small = json.dumps({"id": "small", "text": ENGLISH})
    path = _write(tmp_path / "lines.jsonl", f"{big}\n{small}\n")
    skip, document = _results(path, max_bytes=2000)
    assert isinstance(skip, Skip) and skip.line == 1 and "limit for one article" in skip.reason
    assert isinstance(document, Document) and document.id == "small"


NON_UTF8 = [
    ("latin-1", ENGLISH + " The café owner in Zürich said the señora had sent aid to the région."),
    ("cp1252", ENGLISH + " “We will rebuild,” the mayor said — and the café reopened."),
]


@pytest.mark.parametrize(("encoding", "text"), NON_UTF8, ids=[c[0] for c in NON_UTF8])
def test_non_utf8_files_are_decoded_and_the_encoding_recorded(
    tmp_path: Path, encoding: str, text: str
) -> None:
    path = _write(tmp_path / f"{encoding}.txt", text.encode(encoding))
    (document,) = _results(path)
    assert isinstance(document, Document), document
    assert document.text == text
    assert "decoded as" in (document.origin or "")


def test_cp1251_russian_file_is_decoded_then_named_as_cyrillic(tmp_path: Path) -> None:
    # Decoding worked if the language check can see Cyrillic letters rather than mojibake.
    path = _write(tmp_path / "ru.txt", (RUSSIAN + " " + RUSSIAN).encode("cp1251"))
    (skip,) = _results(path)
    assert isinstance(skip, Skip) and "Cyrillic" in skip.reason


def test_cli_fields_fill_txt_and_caller_fields_win_in_jsonl(tmp_path: Path) -> None:
    txt = _write(tmp_path / "a.txt", ENGLISH)
    jsonl = _write(tmp_path / "b.jsonl", json.dumps({"text": ENGLISH, "outlet": "Own Outlet"}) + "\n")
    first, second = _results(txt, jsonl, published="2024-11-26", outlet="CLI Outlet")
    assert (first.published, first.outlet) == ("2024-11-26", "CLI Outlet")
    assert (second.published, second.outlet) == ("2024-11-26", "Own Outlet")


def test_ids_are_the_callers_else_a_content_hash(tmp_path: Path) -> None:
    path = _write(tmp_path / "ids.jsonl", json.dumps({"id": "mine", "text": ENGLISH}) + "\n"
                  + json.dumps({"text": ENGLISH}) + "\n")
    mine, hashed = _results(path)
    assert mine.id == "mine"
    assert hashed.id == Document(text=ENGLISH).id and len(hashed.id) == 16


def test_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    _write(tmp_path / "b" / "z.txt", ENGLISH + " Z.")
    _write(tmp_path / "a.txt", ENGLISH + " A.")
    _write(tmp_path / "notes.csv", "ignored,by,extension")
    texts = [r.text[-2:] for r in _results(tmp_path)]
    assert texts == ["A.", "Z."]


def test_glob_pattern_reads_matching_files(tmp_path: Path) -> None:
    for name in ("x.jsonl", "y.jsonl"):
        _write(tmp_path / name, json.dumps({"id": name, "text": ENGLISH}) + "\n")
    assert [r.id for r in _results(tmp_path / "*.jsonl")] == ["x.jsonl", "y.jsonl"]


@pytest.mark.parametrize(
    ("payload", "expected_text_start"),
    [
        (ENGLISH.encode(), "Ukraine's Armed Forces"),
        ((json.dumps({"id": "s", "text": ENGLISH}) + "\n").encode(), "Ukraine's Armed Forces"),
        (b"<html><body><nav>Home | World</nav><article><p>" + ENGLISH.encode() * 3
         + b"</p></article><footer>Copyright 2024</footer></body></html>", "Ukraine's Armed Forces"),
    ],
    ids=["text", "jsonl", "html"],
)
def test_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch, payload: bytes, expected_text_start: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(payload))))
    (document,) = _results("-")
    assert isinstance(document, Document) and document.text.startswith(expected_text_start)
    assert "Copyright" not in document.text


def test_unsupported_dispatch_gives_a_skip_not_a_crash(tmp_path: Path) -> None:
    path = _write(tmp_path / "crawl.warc", b"WARC/1.0\r\n")
    results = _results(path, tmp_path / "nothing-here.txt")
    assert all(isinstance(r, Skip) for r in results)
    assert results[0].origin == str(path)


def test_shipped_examples_are_read() -> None:
    results = _results(examples_path())
    documents = [r for r in results if isinstance(r, Document)]
    assert not [r for r in results if isinstance(r, Skip)]
    expected = {"example-bonus-losses", "example-drone-strikes", "example-north-korean-troops"}
    assert expected <= {d.id for d in documents}


@pytest.mark.slow
def test_a_50_mb_article_file_is_skipped_without_being_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, no time writing it
    (skip,) = _results(path)
    assert isinstance(skip, Skip) and "50.0 MB, over the 5.0 MB limit" in skip.reason


@pytest.mark.slow
def test_a_50_mb_jsonl_is_streamed_line_by_line(tmp_path: Path) -> None:
    import tracemalloc

    line = (json.dumps({"text": ENGLISH * 4}) + "\n").encode()
    path = tmp_path / "big.jsonl"
    with path.open("wb") as handle:
        handle.write(line * (50 * 1024 * 1024 // len(line) + 1))
    tracemalloc.start()
    count = 0
    for result in read_inputs([str(path)]):
        assert isinstance(result, Document)
        count += 1
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count > 50_000
    assert peak < 10 * 1024 * 1024, f"peak {peak} bytes: the file was held whole"
