"""Extraction in a bounded pool of worker processes, so that the server keeps answering whatever is posted.

Each worker is a process of its own that loads the spaCy pipeline once and then reads, extracts and checks one
posted article at a time (a URL is fetched there too). The server's event loop only hands a job over a pipe
and waits for the answer in a thread, so reads (`/api/stats`, `/api/claims`, the pages) never wait behind an
extraction, not even for the interpreter lock.

Bounds: `workers` processes; at most `queue` more jobs waiting for one (past that, `PoolBusy`: the API answers
503 with Retry-After); each job gets `seconds` once a worker has it, after which the worker is killed and
replaced (`TimeLimit`); each worker may grow by `memory_mb` past what it holds with its pipeline loaded
(an address-space limit, `RLIMIT_AS`): a job that needs more is answered `MemoryLimit`, naming the document,
and its worker is replaced. Pools are shared per process and per limits: worker processes are a process-wide
resource, as the spaCy pipeline is.
"""

from __future__ import annotations

import asyncio
import atexit
import math
import multiprocessing
import os
import queue
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from claimledger.errors import ClaimledgerError, InputError
from claimledger.models import Claim, Document

DEFAULT_MEMORY_MB = 1536  # a 2 MiB body, read in pieces, needs a few hundred MB past the loaded pipeline
STARTUP_SECONDS = 180.0  # a worker loading the pipeline on a busy machine; its job's clock starts after


def default_workers() -> int:
    """Half the CPUs (at least one, at most four): each worker holds a spaCy pipeline in memory."""
    return max(1, min(4, (os.cpu_count() or 2) // 2))


@dataclass(frozen=True)
class ExtractLimits:
    workers: int = field(default_factory=default_workers)  # worker processes
    queue: int = 8  # jobs that may wait for a worker; more get 503
    seconds: float = 60.0  # hard limit on one job once a worker has it
    memory_mb: int | None = DEFAULT_MEMORY_MB  # what a worker may add to its loaded size; None: no limit

    def __post_init__(self) -> None:
        if self.workers < 1 or self.queue < 0 or not self.seconds > 0 or \
                (self.memory_mb is not None and self.memory_mb < 1):
            raise ValueError(f"extraction limits need workers >= 1, queue >= 0, seconds > 0, "
                             f"memory_mb >= 1: {self}")


class PoolBusy(ClaimledgerError):
    """Every worker is busy and the queue of waiting jobs is full."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class TimeLimit(ClaimledgerError):
    """A job ran past the time limit; its worker was killed."""


class WorkerFailed(ClaimledgerError):
    """A worker died or would not start."""


class MemoryLimit(ClaimledgerError):
    """A job needed more memory than a worker may take; its worker was replaced."""


@dataclass(frozen=True)
class Job:
    """What a worker needs to make a document and its checked claims (plain data: it crosses a pipe)."""

    text: str | None
    html: str | None
    url: str | None
    fields: dict[str, str | None]
    fetch: Any  # extracting.FetchLimits


def run_job(job: Job) -> tuple[Document, list[Claim]]:
    from claimledger.web import extracting

    document = extracting.build_document(text=job.text, html=job.html, url=job.url, fields=job.fields,
                                         limits=job.fetch)
    return document, extracting.extract_checked(document)


def describe(job: Job) -> str:
    """The job's document as a person would name it in one line."""
    if job.url:
        return job.url
    named = job.fields.get("id") or job.fields.get("title")
    size = len(job.text or job.html or "")
    what = f"the posted {'HTML page' if job.html else 'text'} ({size:,} characters)"
    return f"{named!r}, {what}" if named else what


def _limit_memory(memory_mb: int) -> None:
    """Cap this process's address space at its present size plus ``memory_mb``: past it an allocation fails
    (MemoryError) instead of the machine swapping or the kernel killing whatever is largest."""
    import resource

    with open("/proc/self/statm", encoding="ascii") as statm:
        size = int(statm.read().split()[0]) * resource.getpagesize()
    limit = size + memory_mb * 1024 * 1024
    hard = resource.getrlimit(resource.RLIMIT_AS)[1]
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


# One short text that reaches every part loaded on first use (the decision model, the lexicons, the date-time
# recogniser behind a window, a conversion): a worker runs it before it says it is ready, so that a job's time
# limit measures the job and not the worker's start (a fresh worker's first dated text took 4 s more).
WARM_UP_TEXT = ("Officials said on Monday that 12 people died since February 2022 in the week to 3 March, "
                "and that a bonus of 400,000 rubles ($3,800) was paid.")


def _warm_up() -> None:
    try:
        run_job(Job(text=WARM_UP_TEXT, html=None, url=None, fields={"published": "2024-11-26"}, fetch=None))
    except Exception:  # noqa: BLE001 - warming is an optimisation; a real job reports its own error
        pass


def _worker_main(conn: Connection, memory_mb: int | None = None) -> None:
    """A worker process: load the pipeline, say so, then answer jobs until the pipe closes. Past its memory
    limit it answers so, naming the document, and ends: the pool starts a fresh worker."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which then closes the pool
    from claimledger.nlp.pipeline import get_pipeline

    get_pipeline()
    _warm_up()
    if memory_mb is not None and os.path.exists("/proc/self/statm"):  # Linux: RLIMIT_AS is enforced
        _limit_memory(memory_mb)
    try:
        conn.send(("ready",))
    except OSError:  # the server is gone (the pipe closed): end quietly
        return
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            answer: tuple = ("ok", *run_job(job))
        except MemoryError:
            answer = ("memory", f"extracting {describe(job)} needed more than the worker's memory limit "
                                f"({memory_mb} MB past its loaded pipeline); the worker was replaced: "
                                "send a shorter text")
            try:
                conn.send(answer)
            except OSError:
                pass
            return  # what failed to allocate may have left this process half-done: a fresh one takes over
        except InputError as exc:  # pickles whole (InputError.__reduce__): NotEnglishError stays itself
            answer = ("input", exc)
        except ClaimledgerError as exc:
            answer = ("error", str(exc))
        except Exception as exc:  # noqa: BLE001 - reported as one line to the client; the worker goes on
            answer = ("error", f"extraction failed: {type(exc).__name__}: {exc}".splitlines()[0])
        try:
            conn.send(answer)
        except OSError:
            return


class _Worker:
    def __init__(self, memory_mb: int | None = None) -> None:
        context = multiprocessing.get_context("spawn")  # no fork of a threaded server
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, memory_mb), daemon=True,
                                       name="claimledger-extract")
        self.process.start()
        child.close()
        self.ready = False

    def wait_ready(self) -> None:
        if self.ready:
            return
        try:
            if self.conn.poll(STARTUP_SECONDS) and self.conn.recv() == ("ready",):
                self.ready = True
                return
        except (EOFError, OSError):
            pass
        raise WorkerFailed(f"an extraction worker did not start within {STARTUP_SECONDS:g} s")

    def kill(self) -> None:
        self.conn.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)


class ExtractionPool:
    """`workers` processes, a bounded queue, a time limit per job; `await pool.extract(job)`."""

    def __init__(self, limits: ExtractLimits) -> None:
        self.limits = limits
        self._lock = threading.Lock()  # guards the counters and the start; never held while extracting
        self._pending = 0  # jobs accepted and not yet answered (running or waiting)
        self._idle: queue.Queue[_Worker | None] = queue.Queue()  # None: closed, stop waiting
        self._workers: set[_Worker] = set()
        self._threads: ThreadPoolExecutor | None = None
        self._mean_seconds = 1.0
        self._closed = False

    def start(self) -> None:
        """Start the worker processes (they load the pipeline in the background); idempotent."""
        with self._lock:
            if self._threads is not None or self._closed:
                return
            self._threads = ThreadPoolExecutor(self.limits.workers + self.limits.queue,
                                               thread_name_prefix="claimledger-extract")
            for _ in range(self.limits.workers):
                self._add_worker()

    def _add_worker(self) -> None:
        worker = _Worker(self.limits.memory_mb)
        self._workers.add(worker)
        self._idle.put(worker)

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._workers.discard(worker)
            if not self._closed:
                self._add_worker()

    @property
    def pending(self) -> int:
        return self._pending

    async def extract(self, job: Job) -> tuple[Document, list[Claim]]:
        """The job's document and checked claims; PoolBusy, TimeLimit, WorkerFailed or the job's own error."""
        self.start()
        capacity = self.limits.workers + self.limits.queue
        with self._lock:
            if self._closed:
                raise WorkerFailed("the server is shutting down")
            if self._pending >= capacity:
                raise PoolBusy(f"all {self.limits.workers} extraction workers are busy and "
                               f"{self.limits.queue} more requests are waiting; try again later",
                               self._retry_after())
            self._pending += 1
        assert self._threads is not None
        try:
            future = self._threads.submit(self._run, job)
        except BaseException:
            with self._lock:
                self._pending -= 1
            raise
        answer = await asyncio.wrap_future(future)
        if answer[0] == "ok":
            return answer[1], answer[2]
        if answer[0] == "input":
            raise answer[1]
        if answer[0] == "memory":
            raise MemoryLimit(answer[1])
        raise ClaimledgerError(answer[1])

    def _retry_after(self) -> int:
        """Seconds until a place is likely free: the queue's work at the mean job time, over the workers."""
        backlog = self._mean_seconds * (self.limits.queue + 1) / self.limits.workers
        return max(1, min(math.ceil(backlog), math.ceil(self.limits.seconds)))

    def _run(self, job: Job) -> tuple:
        """In a pool thread: take an idle worker, hand it the job, wait at most the limit for its answer."""
        try:
            worker = self._idle.get()
            if worker is None:
                self._idle.put(None)  # for the next waiter
                raise WorkerFailed("the server is shutting down")
            try:
                worker.wait_ready()
            except WorkerFailed:
                self._replace(worker)
                raise
            started = time.monotonic()
            try:
                worker.conn.send(job)
                if not worker.conn.poll(self.limits.seconds):
                    self._replace(worker)
                    raise TimeLimit(f"extraction ran past the server's limit of {self.limits.seconds:g} s "
                                    "per request (the worker was stopped); send a shorter text")
                answer = worker.conn.recv()
            except (EOFError, OSError):
                self._replace(worker)
                if self._closed:
                    raise WorkerFailed("the server is shutting down") from None
                raise WorkerFailed("the extraction worker stopped unexpectedly (out of memory?); it has "
                                   "been replaced") from None
            except TimeLimit:
                raise
            except BaseException:  # a job that would not cross the pipe: this worker's state is unknown
                self._replace(worker)
                raise
            if answer[0] == "memory":  # the worker has ended itself
                self._replace(worker)
                return answer
            self._idle.put(worker)
            self._mean_seconds = 0.8 * self._mean_seconds + 0.2 * (time.monotonic() - started)
            return answer
        finally:
            with self._lock:
                self._pending -= 1

    def close(self) -> None:
        """Stop every worker (a job running is cut short) and the threads waiting on them."""
        with self._lock:
            self._closed = True
            workers, self._workers = list(self._workers), set()
            threads, self._threads = self._threads, None
        self._idle.put(None)  # wakes every thread waiting for a worker
        for worker in workers:
            worker.kill()
        if threads is not None:
            threads.shutdown(wait=False, cancel_futures=True)


_POOLS: dict[ExtractLimits, ExtractionPool] = {}
_POOLS_LOCK = threading.Lock()


def shared_pool(limits: ExtractLimits) -> ExtractionPool:
    """The process's pool for these limits (apps with equal limits share workers); closed at exit."""
    with _POOLS_LOCK:
        pool = _POOLS.get(limits)
        if pool is None or pool._closed:
            pool = _POOLS[limits] = ExtractionPool(limits)
        return pool


@atexit.register
def close_pools() -> None:
    """Close every pool of this process (a server does so once it stops serving)."""
    for pool in list(_POOLS.values()):
        pool.close()
