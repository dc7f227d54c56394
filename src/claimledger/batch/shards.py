"""Claim shards: Parquet files that carry extraction results from a cluster to the ledger.

One row per document that was read, with the columns in ``SHARD_SCHEMA``: the document's id, the extractor
version that produced the claims, the document (JSON of ``Document.to_dict()``) and its claims (JSON list of
``Claim.to_dict()``; ``[]`` when it has none, so the loader knows the document was read).

``ShardWriter`` fills a hidden temporary directory next to the target and renames it into place only when
every shard is closed, so a half-written run never looks complete. ``load_shards`` brings the rows into a
``Ledger``, one transaction per document, skipping documents already stored by the same extractor version:
loading again changes nothing, and a load that was interrupted resumes where it stopped.
"""

from __future__ import annotations

import json
import shutil
import time
import uuid
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import select

from claimledger.batch import IngestSummary
from claimledger.errors import InputError
from claimledger.models import Claim, Document
from claimledger.store import Ledger
from claimledger.store.schema import documents as documents_t

SHARD_SCHEMA = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("extractor_version", pa.string(), nullable=False),
    pa.field("document", pa.string(), nullable=False),
    pa.field("claims", pa.string(), nullable=False),
])
SHARD_COLUMNS = SHARD_SCHEMA.names
ROWS_PER_SHARD = 2000  # a shard of news articles with claims is a few MB: easy to move, cheap to retry
LOAD_BATCH_ROWS = 256  # rows held in memory at once while loading


class ShardWriter:
    """Writes shard-00000.parquet, shard-00001.parquet, ... and publishes the directory atomically.

    Use as a context manager: on a clean exit the temporary directory is renamed to ``shard_dir``;
    on an exception it is removed and ``shard_dir`` is left as it was.
    """

    def __init__(self, shard_dir: Path, rows_per_shard: int = ROWS_PER_SHARD) -> None:
        self.shard_dir = Path(shard_dir)
        self.rows_per_shard = rows_per_shard
        self.shards = 0
        self.rows = 0
        self._rows_in_shard = 0
        self._writer: pq.ParquetWriter | None = None
        self._refuse_existing()
        self.shard_dir.parent.mkdir(parents=True, exist_ok=True)
        # a sibling, so the final rename stays on one filesystem (atomic) and never crosses devices
        self._tmp = self.shard_dir.parent / f".{self.shard_dir.name}.partial-{uuid.uuid4().hex[:12]}"
        self._tmp.mkdir()

    def _refuse_existing(self) -> None:
        if self.shard_dir.exists() and (not self.shard_dir.is_dir() or any(self.shard_dir.iterdir())):
            raise InputError(str(self.shard_dir), "already exists and is not an empty directory; "
                             "choose a new shard directory (shards of a finished run are never overwritten)")

    def __enter__(self) -> ShardWriter:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self.publish()
        else:
            self.abandon()

    def write(self, table: pa.Table) -> None:
        """Append rows (a table with the shard columns), starting a new shard file when one is full."""
        table = table.select(SHARD_COLUMNS).cast(SHARD_SCHEMA)
        start = 0
        while start < table.num_rows:
            if self._writer is None:
                self._open_next()
            take = min(table.num_rows - start, self.rows_per_shard - self._rows_in_shard)
            assert self._writer is not None
            self._writer.write_table(table.slice(start, take))
            start += take
            self._rows_in_shard += take
            self.rows += take
            if self._rows_in_shard >= self.rows_per_shard:
                self._close_current()

    def _open_next(self) -> None:
        path = self._tmp / f"shard-{self.shards:05d}.parquet"
        self._writer = pq.ParquetWriter(path, SHARD_SCHEMA, compression="zstd")
        self.shards += 1
        self._rows_in_shard = 0

    def _close_current(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None

    def publish(self) -> None:
        self._close_current()
        self._refuse_existing()  # someone may have filled it meanwhile
        if self.shard_dir.exists():
            self.shard_dir.rmdir()  # empty (checked above): replace it
        self._tmp.rename(self.shard_dir)

    def abandon(self) -> None:
        self._close_current()
        shutil.rmtree(self._tmp, ignore_errors=True)


def shard_row(document: Document, claims: list[Claim], extractor_version: str) -> dict[str, str]:
    """The shard row of one document and its claims."""
    return {
        "doc_id": document.id,
        "extractor_version": extractor_version,
        "document": json.dumps(document.to_dict(), ensure_ascii=False),
        # each claim says which file it came from, as a local ingest's do (the shard keeps no Document.origin)
        "claims": json.dumps([c.to_dict() | {"path": c.path or document.origin} for c in claims],
                             ensure_ascii=False),
    }


class _BadRow(Exception):
    """A shard row that cannot be turned into a document and its claims."""


def _document_and_claims(row: dict[str, Any]) -> tuple[Document, list[Claim]]:
    try:
        data = json.loads(row["document"])
        known = {f.name for f in fields(Document)}
        document = Document(**{k: v for k, v in data.items() if k in known})
        claims = [Claim.from_dict(c) for c in json.loads(row["claims"])]
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise _BadRow(f"unreadable record ({exc.__class__.__name__}: {exc})") from None
    if document.id != row["doc_id"]:
        raise _BadRow(f"document id {document.id!r} does not match the row's doc_id {row['doc_id']!r}")
    strays = sorted({c.doc_id for c in claims} - {document.id})
    if strays:
        raise _BadRow(f"claims belong to another document ({', '.join(strays)})")
    return document, claims


def _stored_versions(ledger: Ledger, doc_ids: list[str]) -> dict[str, str | None]:
    """extractor_version of each of these documents that is already in the ledger (one query per batch)."""
    stmt = select(documents_t.c.id, documents_t.c.extractor_version).where(documents_t.c.id.in_(doc_ids))
    with ledger.engine.connect() as conn:
        return {doc_id: version for doc_id, version in conn.execute(stmt).all()}


def _shard_batches(path: Path) -> Iterator[pa.RecordBatch]:
    """Record batches of one shard file; raises _BadRow for a file that is not a claimledger shard."""
    try:
        parquet = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as exc:
        raise _BadRow(f"not a readable Parquet file ({exc})") from None
    missing = [c for c in SHARD_COLUMNS if c not in parquet.schema_arrow.names]
    if missing:
        raise _BadRow(f"not a claimledger shard: no column {', '.join(missing)} "
                      f"(expected {', '.join(SHARD_COLUMNS)})")
    try:
        yield from parquet.iter_batches(batch_size=LOAD_BATCH_ROWS, columns=SHARD_COLUMNS)
    except (pa.ArrowException, OSError) as exc:
        raise _BadRow(f"unreadable part of the file ({exc}); rows before it were loaded") from None


def _load_batch(ledger: Ledger, batch: pa.RecordBatch, where: str, first_row: int,
                summary: IngestSummary) -> None:
    rows = batch.to_pylist()
    stored = _stored_versions(ledger, [r["doc_id"] for r in rows if r["doc_id"]])
    for number, row in enumerate(rows, start=first_row):
        if row["doc_id"] in stored and stored[row["doc_id"]] == row["extractor_version"]:
            summary.already_stored += 1
            continue
        try:
            document, claims = _document_and_claims(row)
        except _BadRow as exc:
            summary.skipped.append(f"skipped {where} row {number}: {exc}")
            continue
        started = time.perf_counter()
        ledger.add(document, claims, row["extractor_version"])  # one transaction per document
        summary.store_seconds += time.perf_counter() - started
        stored[document.id] = row["extractor_version"]  # the same document twice in one run: store it once
        summary.documents += 1
        summary.claims += len(claims)


def _load_file(ledger: Ledger, path: Path, summary: IngestSummary) -> None:
    row = 0
    try:
        for batch in _shard_batches(path):
            _load_batch(ledger, batch, str(path), row, summary)
            row += batch.num_rows
    except _BadRow as exc:
        summary.skipped.append(f"skipped {path}: {exc}")


def load_shards(ledger: Ledger, shard_dir: Path) -> IngestSummary:
    """Bring every ``*.parquet`` shard in ``shard_dir`` into ``ledger``; safe to run again.

    A file that is not a readable claimledger shard is skipped with a reason naming it, and the rest are
    loaded. Raises ``InputError`` when ``shard_dir`` is not a directory and ``StoreError`` when the ledger
    cannot be written.
    """
    shard_dir = Path(shard_dir)
    if not shard_dir.is_dir():
        raise InputError(str(shard_dir), "no such shard directory" if not shard_dir.exists()
                         else "is not a directory (expected a directory of .parquet shards)")
    started = time.perf_counter()
    summary = IngestSummary()
    paths = sorted(shard_dir.glob("*.parquet"))
    if not paths:
        summary.skipped.append(f"skipped {shard_dir}: holds no .parquet shards")
    for path in paths:
        _load_file(ledger, path, summary)
    summary.total_seconds = time.perf_counter() - started
    return summary


__all__ = ["ROWS_PER_SHARD", "SHARD_COLUMNS", "SHARD_SCHEMA", "ShardWriter", "load_shards", "shard_row"]
