"""Inputs (files, directories, globs, stdin, and via other modules WARC, feeds and URLs) → Documents.

``read_inputs`` never raises for bad input: whatever cannot be read becomes a ``Skip`` naming the input,
the line where there is one, and what is wrong, and reading goes on with the next input.
No spaCy here: reading must stay cheap.
"""

from __future__ import annotations

import glob
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from claimledger.errors import InputError
from claimledger.ingest.documents import document_from_html, document_from_mapping
from claimledger.ingest.language import not_english_reason
from claimledger.models import Document

MAX_ARTICLE_BYTES = 5 * 1024 * 1024  # one article larger than this is not an article
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
READABLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES + FEED_SUFFIXES
STDIN = "-"


@dataclass(frozen=True, slots=True)
class Skip:
    """An input, or one line of it, that could not be read as an article, and why."""

    origin: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.origin}:{self.line}" if self.line is not None else self.origin
        return f"skipped {where}: {self.reason}"


ReadResult = Document | Skip


@dataclass(frozen=True, slots=True)
class ReadOptions:
    published: str | None = None
    outlet: str | None = None
    max_bytes: int = MAX_ARTICLE_BYTES
    timeout: float | None = None  # seconds per URL; None: settings.fetch_timeout()


def read_inputs(
    inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    published: str | None = None,
    outlet: str | None = None,
    max_bytes: int = MAX_ARTICLE_BYTES,
    timeout: float | None = None,
) -> Iterator[ReadResult]:
    """Documents (or Skips) from paths, directories, glob patterns, URLs and "-" (stdin), in order."""
    options = ReadOptions(published, outlet, max_bytes, timeout)
    items = [inputs] if isinstance(inputs, str | os.PathLike) else list(inputs)
    for item in items:
        yield from _read_one(str(item), options)


def _read_one(item: str, options: ReadOptions) -> Iterator[ReadResult]:
    if item == STDIN:
        yield from _read_stdin(options)
    elif item.startswith(("http://", "https://")):
        yield from _dispatch("urls", "read_url", item, options)
    elif os.path.isdir(item):
        yield from _read_directory(Path(item), options)
    elif os.path.exists(item):
        yield from _read_file(Path(item), options)
    elif glob.has_magic(item):
        matches = sorted(glob.glob(item, recursive=True))
        if not matches:
            yield Skip(item, None, "no file matches this pattern")
        for match in matches:
            yield from _read_one(match, options)
    else:
        yield Skip(item, None, "no such file or directory")


def _dispatch(module: str, function: str, target: str, options: ReadOptions) -> Iterator[ReadResult]:
    """Hand a WARC, feed or URL to its reader module, imported only when such an input turns up."""
    import importlib

    try:
        reader = getattr(importlib.import_module(f"claimledger.ingest.{module}"), function)
    except (ImportError, AttributeError) as exc:
        yield Skip(target, None, f"this kind of input is not supported here ({exc})")
        return
    try:
        yield from reader(target, options)
    except InputError as exc:
        yield Skip(exc.origin, exc.line, exc.reason)
    except Exception as exc:  # noqa: BLE001 - a reader's failure must not end the whole run
        yield Skip(target, None, f"could not be read: {exc}")


def _suffix(path: Path) -> str:
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def _read_directory(directory: Path, options: ReadOptions) -> Iterator[ReadResult]:
    files = sorted(p for p in directory.rglob("*") if p.is_file() and _suffix(p) in READABLE_SUFFIXES)
    if not files:
        kinds = ", ".join(READABLE_SUFFIXES)
        yield Skip(str(directory), None, f"directory holds no readable files ({kinds})")
    for path in files:
        yield from _read_file(path, options)


def _read_file(path: Path, options: ReadOptions) -> Iterator[ReadResult]:
    suffix, origin = _suffix(path), str(path)
    if suffix in WARC_SUFFIXES:
        yield from _dispatch("warc", "read_warc", origin, options)
    elif suffix in FEED_SUFFIXES:
        yield from _dispatch("feeds", "read_feed", origin, options)
    elif suffix in JSONL_SUFFIXES:
        try:
            with path.open("rb") as stream:
                yield from _read_jsonl(stream, origin, options)
        except OSError as exc:
            yield Skip(origin, None, f"cannot be opened: {exc.strerror or exc}")
    else:
        yield _read_article_file(path, origin, "html" if suffix in HTML_SUFFIXES else "text", options)


def _read_article_file(path: Path, origin: str, kind: str, options: ReadOptions) -> ReadResult:
    limit = _mb(options.max_bytes)
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            return Skip(origin, None, f"file is {_mb(size)}, over the {limit} limit for one article")
        raw = read_capped(path, options.max_bytes)
    except OSError as exc:
        return Skip(origin, None, f"cannot be read: {exc.strerror or exc}")
    if raw is None:  # a device or a pipe reports no size: the cap is what was read
        return Skip(origin, None, f"input runs past the {limit} limit for one article (not read further)")
    return article_from_bytes(raw, origin, kind, options)


def read_capped(path: Path, limit: int) -> bytes | None:
    """The bytes of ``path``, or None once more than ``limit`` of them came: the cap holds whatever size
    the file reports (a device such as /dev/zero or a named pipe reports 0)."""
    chunks: list[bytes] = []
    total = 0
    with path.open("rb", buffering=0) as stream:
        while chunk := stream.read(min(1024 * 1024, limit + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                return None
    return b"".join(chunks)


def article_from_bytes(raw: bytes, origin: str, kind: str, options: ReadOptions) -> ReadResult:
    try:
        text, encoding = decode_text(raw, origin)
        if not text.strip():
            return Skip(origin, None, "empty: no text to read")
        if kind == "html":
            document = document_from_html(text, origin, published=options.published, outlet=options.outlet)
        else:
            document = Document(text=text, published=options.published, outlet=options.outlet, origin=origin,
                                title=headline(text))
    except InputError as exc:
        return Skip(origin, exc.line, exc.reason)
    return checked_language(document, origin, None, encoding)


def headline(text: str, longest: int = 200) -> str | None:
    """A plain-text article's title: its first line when that reads as a headline (short, not ending as a
    sentence does, with the body after a blank line), else None. The text itself is kept whole."""
    first, sep, rest = text.lstrip().partition("\n")
    first = first.strip()
    if not sep or not first or len(first) > longest or first[-1] in ".!?:;,\"'”’)":
        return None
    return first if rest.startswith("\n") or rest.startswith("\r\n") else None


def checked_language(document: Document, origin: str, line: int | None, encoding: str) -> ReadResult:
    reason = not_english_reason(document.text)
    if reason:
        return Skip(origin, line, reason)
    if encoding not in ("utf_8", "utf-8", "ascii"):
        document.origin = f"{document.origin} (decoded as {encoding})"
    return document


def decode_text(raw: bytes, origin: str) -> tuple[str, str]:
    """Text of ``raw`` and the encoding it was read with: UTF-8 first, else what charset-normalizer finds."""
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(origin, "binary file (holds NUL bytes), not text")
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    encoding = _guess_encoding(raw)
    if encoding is None:
        raise InputError(origin, "not text: no character encoding fits these bytes")
    return raw.decode(encoding), encoding


# Non-UTF-8 news text is nearly always in a single-byte Windows or ISO code page; asking charset-normalizer
# about these first stops a mostly-ASCII page from being read as an East Asian multibyte encoding, and
# the order breaks ties between equally plausible pages (é is the same byte in cp1252 and cp1250).
PREFERRED_ENCODINGS = ("cp1252", "cp1251", "cp1250", "koi8_r", "iso8859_15", "latin_1", "cp1253", "iso8859_2")


def _guess_encoding(raw: bytes) -> str | None:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(raw, cp_isolation=list(PREFERRED_ENCODINGS)))
    if matches:
        rank = {name: i for i, name in enumerate(PREFERRED_ENCODINGS)}
        best = min(matches, key=lambda m: (m.chaos, -m.coherence, rank.get(m.encoding, len(rank))))
        return best.encoding
    fallback = from_bytes(raw).best()
    return fallback.encoding if fallback is not None else None


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


MAX_BAD_LINES_FIRST = 100  # this many unreadable lines before any readable one: not JSON Lines at all
MAX_LINE_DRAIN = 8  # a line over the limit is passed over up to this many times the limit, then reading stops


def _read_jsonl(stream: BinaryIO, origin: str, options: ReadOptions) -> Iterator[ReadResult]:
    """One result per non-blank line, read line by line so a large file is never held whole."""
    seen_any = read_any = False
    bad = 0
    try:
        for number, raw in enumerate(_bounded_lines(stream, options.max_bytes, origin), start=1):
            if raw is None:
                result: ReadResult = Skip(origin, number,
                                          f"line is over the {_mb(options.max_bytes)} limit for one article")
            elif not raw.strip():
                continue
            else:
                result = _jsonl_line(raw, origin, number, options)
            seen_any = True
            read_any = read_any or isinstance(result, Document)
            bad = 0 if isinstance(result, Document) else bad + 1
            yield result
            if not read_any and bad >= MAX_BAD_LINES_FIRST:
                yield Skip(origin, None, f"no readable line among the first {bad}: not JSON Lines "
                                         "(the rest is not read)")
                return
    except InputError as exc:
        yield Skip(exc.origin, exc.line, exc.reason)
        return
    if not seen_any:
        yield Skip(origin, None, "empty: no JSON Lines to read")


def _bounded_lines(stream: BinaryIO, limit: int, origin: str = "<input>") -> Iterator[bytes | None]:
    """Lines of ``stream``; a line longer than ``limit`` is drained in chunks and given as None. One that
    runs on past ``MAX_LINE_DRAIN`` times the limit (/dev/zero) ends the reading: InputError."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        number += 1
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            drained = len(line)
            while (rest := stream.readline(1024 * 1024)) and not rest.endswith(b"\n"):
                drained += len(rest)
                if drained > MAX_LINE_DRAIN * limit:
                    raise InputError(origin, f"line runs past {_mb(drained)} without ending (the rest is not "
                                             "read)", number)
            yield None
            continue
        yield line


def _jsonl_line(raw: bytes, origin: str, number: int, options: ReadOptions) -> ReadResult:
    try:
        text, encoding = decode_text(raw, origin)
    except InputError as exc:
        return Skip(origin, number, exc.reason)
    try:
        mapping = json.loads(text)
    except json.JSONDecodeError as exc:
        # "Unterminated string starting at" already ends in "at"
        return Skip(origin, number, f"malformed JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})")
    except RecursionError:
        return Skip(origin, number, "JSON nested too deeply to read")
    if isinstance(mapping, dict):
        mapping = {"published": options.published, "outlet": options.outlet} | {
            k: v for k, v in mapping.items() if v is not None
        }
    try:
        document = document_from_mapping(mapping, origin, number)
    except InputError as exc:
        return Skip(origin, number, exc.reason)
    return checked_language(document, origin, number, encoding)


def _read_stdin(options: ReadOptions) -> Iterator[ReadResult]:
    """Read standard input, sniffing JSON Lines (starts with "{"), HTML ("<") or plain text."""
    stream = sys.stdin.buffer
    head = stream.peek(256) if hasattr(stream, "peek") else b""
    if head.lstrip()[:1] == b"{":
        yield from _read_jsonl(stream, "<stdin>", options)  # streamed: stdin may be a large export
        return
    raw = _read_up_to(stream, options.max_bytes + 1)
    if len(raw) > options.max_bytes:
        yield Skip("<stdin>", None, f"input is over the {_mb(options.max_bytes)} limit for one article")
        return
    first = raw.lstrip()[:1]
    if first == b"{":
        yield from _read_jsonl(io.BytesIO(raw), "<stdin>", options)
        return
    yield article_from_bytes(raw, "<stdin>", "html" if first == b"<" else "text", options)


def _read_up_to(stream: BinaryIO, size: int) -> bytes:
    """Up to ``size`` bytes: a pipe may give fewer per read before its end."""
    chunks: list[bytes] = []
    total = 0
    while total < size and (chunk := stream.read(min(1024 * 1024, size - total))):
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)
