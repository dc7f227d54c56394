"""The Ray engine: the same extraction as ``claimledger.batch.ingest``, spread over a Ray cluster.

The driver reads the inputs (unreadable ones become skips, as everywhere), hands the documents to Ray Data in
chunks, and a pool of actors runs ``claimledger.api.extract_documents`` on them: each actor loads the spaCy
pipeline once, in its constructor, and keeps it for every batch it is given. The results stream back to the
driver, which writes them as Parquet claim shards (``claimledger.batch.shards``); ``claimledger load`` then
brings the shards into the ledger. Shards are written by the driver, so the shard directory only has to be on
storage the driver can write, whichever cluster does the work.

Ray is an optional dependency (the ``ray`` extra); it is imported only when this engine runs.
"""

from __future__ import annotations

import itertools
import json
import math
import os
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa

from claimledger.batch.shards import SHARD_SCHEMA, ShardWriter
from claimledger.errors import ClaimledgerError, ConfigError
from claimledger.models import Document
from claimledger.settings import DEFAULT_DOC_TIMEOUT

CHUNK_DOCUMENTS = 10_000  # documents held by the driver at once (tens of MB); flat however many inputs
LOCAL_OBJECT_STORE_BYTES = 300 * 1024 * 1024  # text is small: a modest store leaves memory to spaCy
ANSI_CODES = re.compile(r"\x1b\[[0-9;]*m")
EXCEPTION_LINE = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Exit)\b[^:]*: ")
RESULT_SCHEMA = pa.schema([*SHARD_SCHEMA, pa.field("error", pa.string())])  # error: extraction failed


@dataclass
class ShardSummary:
    documents: int = 0  # documents extracted and written to shards
    claims: int = 0
    skipped: list[str] = field(default_factory=list)  # "skipped origin:line: reason", as read_inputs says
    shards: int = 0  # Parquet files written
    shard_dir: Path | None = None
    total_seconds: float = 0.0


class DocumentExtractor:
    """Ray Data callable class: one per actor, holding the spaCy pipeline across batches.

    A batch is a pyarrow table with columns ``document`` (JSON of ``Document.to_dict()``) and ``origin``.
    A document whose extraction raises, or takes longer than ``timeout`` seconds (the per-document limit of
    single-machine ``ingest``), is returned with ``error`` set rather than failing the whole dataset; the
    driver reports it as skipped and writes no shard row for it, so a later run retries it.
    """

    def __init__(self, timeout: float | None = None) -> None:
        from claimledger.nlp.pipeline import extractor_version, get_pipeline

        get_pipeline()  # loaded here, once per actor, not on the first batch
        self.version = extractor_version()
        self.timeout = timeout

    def __call__(self, batch: pa.Table) -> pa.Table:
        items = batch.to_pylist()
        documents = [_document(json.loads(item["document"]), item["origin"]) for item in items]
        try:
            rows = self._extract(documents)
        except Exception:  # noqa: BLE001 - one bad document must not take its batch down: isolate it
            rows = [row for document in documents for row in self._extract_alone(document)]
        return pa.Table.from_pylist(rows, schema=RESULT_SCHEMA)

    def _extract(self, documents: list[Document]) -> list[dict[str, Any]]:
        from claimledger.api import extract_results
        from claimledger.batch.shards import shard_row

        rows = []
        for result in extract_results(documents, batch_size=max(1, len(documents)), timeout=self.timeout):
            if isinstance(result, tuple):
                rows.append({**shard_row(result[0], result[1], self.version), "error": None})
            else:  # past the time limit: "skipped <origin>: extraction took longer than ..."
                rows.append({"doc_id": result.document.id, "extractor_version": self.version,
                             "document": "", "claims": "", "error": str(result)})
        return rows

    def _extract_alone(self, document: Document) -> list[dict[str, Any]]:
        try:
            return self._extract([document])
        except Exception as exc:  # noqa: BLE001 - reported to the driver as a skip naming the document
            where = document.origin or document.id
            return [{"doc_id": document.id, "extractor_version": self.version, "document": "", "claims": "",
                     "error": f"skipped {where}: extraction failed ({exc.__class__.__name__}: {exc})"}]


def _document(data: dict[str, Any], origin: str | None) -> Document:
    return Document(text=data["text"], id=data["id"], url=data.get("url"), outlet=data.get("outlet"),
                    title=data.get("title"), published=data.get("published"), origin=origin)


def _read_documents(inputs: list[str], outlet: str | None, published: str | None,
                    summary: ShardSummary) -> Iterator[Document]:
    from claimledger.ingest.readers import read_inputs

    for item in read_inputs(inputs, outlet=outlet, published=published):
        if isinstance(item, Document):
            yield item
        else:
            summary.skipped.append(str(item))


def _root_cause(exc: BaseException) -> str:
    """The innermost error line of a Ray error, which carries whole remote tracebacks as text.

    An actor that could not start (a broken user lexicon, no English model on a node) reports the worker's
    own exception last, e.g. "claimledger.errors.ConfigError: ...": that is the line worth showing.
    """
    lines = [ANSI_CODES.sub("", line).strip() for line in str(exc).splitlines()]
    for line in reversed(lines):
        if EXCEPTION_LINE.match(line):
            return line
    return next((line for line in lines if line), exc.__class__.__name__)


def _chunks(documents: Iterator[Document], size: int) -> Iterator[list[Document]]:
    while chunk := list(itertools.islice(documents, size)):
        yield chunk


def _connect(address: str | None) -> bool:
    """Start or join Ray unless the caller already did; True when we did (and must shut it down)."""
    try:
        import ray
    except ModuleNotFoundError as exc:
        raise ConfigError("the Ray engine needs Ray: pip install 'claimledger[ray]'") from exc

    if ray.is_initialized():
        return False
    address = address or os.environ.get("RAY_ADDRESS") or None
    try:
        if address:
            ray.init(address=address, log_to_driver=False)
        else:
            # "local": a new instance with these settings, never a `ray start` cluster found on this host
            ray.init(address="local", num_cpus=os.cpu_count() or 1,
                     object_store_memory=LOCAL_OBJECT_STORE_BYTES, include_dashboard=False,
                     log_to_driver=False)
    except (ConnectionError, RuntimeError, ValueError, ray.exceptions.RayError) as exc:
        if not address:
            raise ConfigError(f"cannot start a local Ray instance: {exc}") from exc
        raise ConfigError(f"cannot join the Ray cluster at {address!r}: {exc} (is it running and reachable? "
                          f"a cluster with token authentication also needs RAY_AUTH_MODE=token and its token "
                          f"in ~/.ray/auth_token or RAY_AUTH_TOKEN)") from exc
    return True


def _pool_size() -> int:
    """One actor (one spaCy pipeline, ~300 MB) per CPU of the cluster.

    A fixed pool rather than one that grows from a single actor: Ray Data's autoscaler did not add the
    second actor on short runs here, leaving half the machine idle.
    """
    import ray

    return max(1, int(ray.cluster_resources().get("CPU", 1)))


def _extract_chunk(chunk: list[Document], batch_size: int,
                   timeout: float | None = None) -> Iterator[pa.Table]:
    """Run one chunk through the actor pool; yields result tables as actors finish them."""
    import ray.data

    # Document.to_dict() rows, each kept whole as one JSON string: as separate columns, a field that is None
    # in every row of one block (url, title) is typed null there and string in the next (seen with Ray 2.60)
    rows = [{"document": json.dumps(d.to_dict(), ensure_ascii=False), "origin": d.origin or d.id}
            for d in chunk]
    pool = min(_pool_size(), math.ceil(len(rows) / batch_size))
    dataset = ray.data.from_items(rows, override_num_blocks=max(1, math.ceil(len(rows) / batch_size)))
    results = dataset.map_batches(
        DocumentExtractor, fn_constructor_kwargs={"timeout": timeout}, batch_size=batch_size,
        batch_format="pyarrow", compute=ray.data.ActorPoolStrategy(size=pool), num_cpus=1)
    yield from results.iter_batches(batch_size=None, batch_format="pyarrow")


def _write_results(table: pa.Table, writer: ShardWriter, summary: ShardSummary) -> None:
    errors = table.column("error").to_pylist()
    for message in filter(None, errors):
        summary.skipped.append(message)
    good = table.filter(pa.array([e is None for e in errors], type=pa.bool_()))
    if good.num_rows:
        writer.write(good.drop_columns(["error"]))
        summary.documents += good.num_rows
        summary.claims += sum(len(json.loads(c)) for c in good.column("claims").to_pylist())


def extract_to_shards(inputs: list[str], shard_dir: Path, *, address: str | None = None,
                      outlet: str | None = None, published: str | None = None,
                      batch_size: int = 32, doc_timeout: float | None = DEFAULT_DOC_TIMEOUT) -> ShardSummary:
    """Extract claims from ``inputs`` on Ray and write them as Parquet shards into ``shard_dir``.

    ``address`` names an existing cluster ("auto", "ray://host:10001"); without it ``RAY_ADDRESS`` is used,
    and without that a local Ray instance is started for this call and stopped after it. If Ray is already
    initialised in this process, that connection is used and left open. ``shard_dir`` must not exist or be
    empty; it appears, complete, only when every shard has been written. A document that takes longer than
    ``doc_timeout`` seconds to extract is a skip, as in single-machine ``ingest`` (None: no limit).
    """
    if batch_size < 1:
        raise ConfigError(f"batch_size must be at least 1, got {batch_size}")
    started = time.perf_counter()
    summary = ShardSummary(shard_dir=Path(shard_dir))
    documents = _read_documents(list(inputs), outlet, published, summary)
    with ShardWriter(Path(shard_dir)) as writer:
        first = next(documents, None)
        if first is not None:  # nothing readable: no need to start Ray at all
            _extract_all(itertools.chain([first], documents), writer, summary, address, batch_size,
                         doc_timeout)
    summary.shards = writer.shards
    summary.total_seconds = time.perf_counter() - started
    return summary


def _extract_all(documents: Iterator[Document], writer: ShardWriter, summary: ShardSummary,
                 address: str | None, batch_size: int, doc_timeout: float | None = None) -> None:
    import ray

    owns_ray = _connect(address)
    try:
        for chunk in _chunks(documents, CHUNK_DOCUMENTS):
            for table in _extract_chunk(chunk, batch_size, doc_timeout):
                _write_results(table, writer, summary)
    except ray.exceptions.RayError as exc:  # a lost node or actor, out of memory: the run, not one document
        raise ClaimledgerError(f"the Ray run failed after {summary.documents} documents, so no shards were "
                               f"published: {exc.__class__.__name__}: {_root_cause(exc)}") from exc
    finally:
        if owns_ray:
            ray.shutdown()


__all__ = ["DocumentExtractor", "ShardSummary", "extract_to_shards"]
