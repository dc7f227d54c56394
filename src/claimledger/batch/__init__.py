"""Ingest at scale: read inputs, extract, store — one transaction per document, so a killed run resumes.

A document already in the ledger, made by the current extractor version, is skipped before extraction,
which makes a rerun after a crash cheap and free of duplicates (each document and its claims land together
or not at all). A document stored by an older extractor version is extracted again and its claims replaced.

With ``workers > 1`` extraction runs in local processes that each load the spaCy pipeline once; the parent
alone reads inputs and writes to the store, so SQLite only ever sees one writer.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from claimledger.models import Claim, Document
from claimledger.settings import DEFAULT_DOC_TIMEOUT
from claimledger.store import Ledger

BATCH_SIZE = 8  # documents per nlp.pipe call (and per task sent to a worker process)


@dataclass
class IngestSummary:
    documents: int = 0  # documents written by this run (new, or re-extracted by a newer extractor)
    claims: int = 0  # claims written by this run
    already_stored: int = 0  # documents skipped: stored already by this extractor version
    skipped: list[str] = field(default_factory=list)  # "skipped origin:line: reason" of unreadable inputs
    replaced: int = 0  # of `documents`, those whose older claims were replaced
    publications: int = 0  # texts already stored, read again from another outlet, URL or file: recorded
    store_seconds: float = 0.0  # time spent in the store (lookups and writes)
    total_seconds: float = 0.0

    @property
    def store_share(self) -> float:
        return self.store_seconds / self.total_seconds if self.total_seconds else 0.0


Progress = Callable[[IngestSummary], None]
Stored = Callable[[Document, list[Claim]], None]  # told of each document this run wrote, with its claims
Extracted = tuple[Document, list[Claim]] | str  # a str: why extraction failed, as a skip line


def extract_batch(documents: list[Document], timeout: float | None = None) -> list[Extracted]:
    """Claims of each document; a document that breaks the pipeline, or takes longer than ``timeout``
    seconds, is reported, not raised."""
    from claimledger.api import extract_results

    try:
        return [result if isinstance(result, tuple) else str(result)
                for result in extract_results(documents, batch_size=len(documents) or 1, timeout=timeout)]
    except Exception:  # noqa: BLE001 - find the one document at fault, keep the others
        if len(documents) == 1:
            return [_extraction_failure(documents[0])]
        return [item for document in documents for item in extract_batch([document], timeout)]


def _extraction_failure(document: Document) -> str:
    import traceback

    reason = traceback.format_exc(limit=1).strip().splitlines()[-1]
    return f"skipped {document.origin or document.id}: extraction failed ({reason})"


def _worker_start() -> None:
    """Each worker process: ignore Ctrl-C (the parent decides), load the pipeline once and keep it."""
    import signal

    from claimledger.nlp.pipeline import get_pipeline

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    get_pipeline()


def _die_with_parent() -> None:
    """Linux: end this worker at once when the parent dies (kill -9), instead of lingering or printing a
    broken-pipe traceback when it next sends a result. Elsewhere the broken pipe still ends it."""
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _chunks(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _extract_locally(documents: Iterable[Document], batch_size: int,
                     timeout: float | None = None) -> Iterator[Extracted]:
    for chunk in _chunks(documents, batch_size):
        yield from extract_batch(chunk, timeout)


def _extract_in_processes(documents: Iterable[Document], workers: int,
                          batch_size: int, timeout: float | None = None) -> Iterator[Extracted]:
    """Results as batches finish (a long document holds up no one); at most two batches per worker in
    flight, so memory stays flat. Only this thread reads inputs and the store; the pool's own thread
    merely hands finished batches over through a queue."""
    import multiprocessing
    import queue

    # fork: workers start in milliseconds and share the parent's imported modules; they never touch the
    # parent's database connections (they only receive documents and send claims back)
    pool = multiprocessing.get_context("fork").Pool(workers, initializer=_worker_start)
    finished: queue.Queue = queue.Queue()
    in_flight = 0
    try:
        for chunk in _chunks(documents, batch_size):
            pool.apply_async(extract_batch, (chunk, timeout), callback=finished.put,
                             error_callback=finished.put)
            in_flight += 1
            while in_flight >= 2 * workers:
                yield from _received(finished.get())
                in_flight -= 1
        for _ in range(in_flight):
            yield from _received(finished.get())
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def _received(result: list[Extracted] | BaseException) -> list[Extracted]:
    if isinstance(result, BaseException):  # a worker could not run the task at all (not a bad document)
        raise result
    return result


def extract_stream(documents: Iterable[Document], workers: int = 1, batch_size: int = BATCH_SIZE,
                   timeout: float | None = DEFAULT_DOC_TIMEOUT) -> Iterator[Extracted]:
    """(document, claims) for each document, or a skip line for one that broke the pipeline or ran past
    ``timeout`` seconds; with ``workers > 1`` in local processes, results in the order batches finish."""
    if workers > 1:
        return _extract_in_processes(documents, workers, batch_size, timeout)
    return _extract_locally(documents, batch_size, timeout)


class _Run:
    """One ingest run: the ledger, the version in force, the running summary and the progress callback."""

    def __init__(self, ledger: Ledger, version: str, resume: bool, progress: Progress | None,
                 stored: Stored | None = None) -> None:
        self.ledger, self.version, self.resume = ledger, version, resume
        self.summary = IngestSummary()
        self.progress = progress or (lambda summary: None)
        self.stored = stored

    def new_documents(self, results: Iterable[object]) -> Iterator[Document]:
        """Readable documents not stored yet, or stored by another extractor version or with another text (an
        input's own id for an edited article); skips are recorded."""
        for item in results:
            if not isinstance(item, Document):
                self.summary.skipped.append(str(item))
                self.progress(self.summary)
            elif self.resume and self._is_current(item):
                if self.ledger.add_publication(item):  # the same text from another outlet: kept, not dropped
                    self.summary.publications += 1
                else:
                    self.summary.already_stored += 1
                self.progress(self.summary)
            else:
                yield item

    def _is_current(self, document: Document) -> bool:
        t0 = time.perf_counter()
        current = self.ledger.is_current(document, self.version)
        self.summary.store_seconds += time.perf_counter() - t0
        return current

    def store(self, item: Extracted) -> None:
        if isinstance(item, str):
            self.summary.skipped.append(item)
        else:
            document, claims = item
            t0 = time.perf_counter()
            result = self.ledger.add(document, claims, self.version, replace=not self.resume)
            self.summary.store_seconds += time.perf_counter() - t0
            if result.unchanged:  # the same document twice in one run, or another writer was first
                if result.publication_added:
                    self.summary.publications += 1
                else:
                    self.summary.already_stored += 1
            else:
                self.summary.documents += 1
                self.summary.claims += result.claims
                self.summary.replaced += int(result.replaced)
                if self.stored is not None:
                    self.stored(document, claims)
        self.progress(self.summary)


def ingest(ledger: Ledger, inputs: Iterable[str], *, resume: bool = True, outlet: str | None = None,
           published: str | None = None, workers: int = 1, batch_size: int = BATCH_SIZE,
           progress: Progress | None = None, stored: Stored | None = None,
           doc_timeout: float | None = DEFAULT_DOC_TIMEOUT) -> IngestSummary:
    """Read ``inputs``, extract claims and store each document with its claims in one transaction.

    ``resume`` (the default) skips documents stored by the current extractor version; without it every
    document is extracted again and its claims replaced. ``progress`` is called after each document or skip;
    ``stored``, with each document written and its claims (what is new: `claimledger watch` checks these).
    A document that takes longer than ``doc_timeout`` seconds to extract is a skip (None: no limit).
    A StoreError (database unwritable, disk full) ends the run; documents stored before it stay stored.
    """
    from claimledger.ingest.readers import read_inputs
    from claimledger.nlp.pipeline import extractor_version

    started = time.perf_counter()
    run = _Run(ledger, extractor_version(), resume, progress, stored)
    documents = run.new_documents(read_inputs(list(inputs), outlet=outlet, published=published))
    try:
        for item in extract_stream(documents, workers, batch_size, doc_timeout):
            run.store(item)
    finally:
        run.summary.total_seconds = time.perf_counter() - started
    return run.summary


__all__ = ["IngestSummary", "extract_batch", "extract_stream", "ingest"]
