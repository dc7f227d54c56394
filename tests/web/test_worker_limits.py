"""A worker past its memory limit: the request is answered with a one-line error naming the document, the
worker is replaced, and the pool (and the server around it) keeps answering. Real worker processes."""

from __future__ import annotations

import asyncio

import pytest

from claimledger.web import workers
from claimledger.web.extracting import FetchLimits

pytestmark = pytest.mark.slow


def _job(text: str, doc_id: str | None = None) -> workers.Job:
    return workers.Job(text=text, html=None, url=None, fetch=FetchLimits(),
                       fields={"id": doc_id, "title": None, "outlet": None, "published": None})


def _article(paragraphs: int) -> str:
    return "".join(f"The governor said {k + 3} people were evacuated from district {k}.\n\n"
                   for k in range(paragraphs))


def test_a_worker_over_its_memory_limit_answers_a_clear_error_and_is_replaced():
    pool = workers.ExtractionPool(workers.ExtractLimits(workers=1, queue=0, seconds=300, memory_mb=20))
    try:
        pool.start()
        first = next(iter(pool._workers))
        with pytest.raises(workers.MemoryLimit) as failed:
            asyncio.run(pool.extract(_job(_article(3000), "big-one")))
        message = str(failed.value)
        assert "'big-one'" in message and "memory limit" in message and "\n" not in message
        assert first not in pool._workers and len(pool._workers) == 1  # a fresh worker took its place
        assert not first.process.is_alive()
        with pytest.raises(workers.MemoryLimit):  # the new worker has the same limit, and answers too
            asyncio.run(pool.extract(_job(_article(3000))))
    finally:
        pool.close()


def test_within_the_limit_a_worker_extracts_as_before():
    pool = workers.ExtractionPool(workers.ExtractLimits(workers=1, queue=0, seconds=300))
    try:
        document, claims = asyncio.run(pool.extract(_job("The mayor said 3 people were hurt.", "small")))
        assert document.id == "small" and [c.text for c in claims] == ["3"]
    finally:
        pool.close()


def test_the_memory_limit_must_be_positive():
    with pytest.raises(ValueError, match="memory_mb"):
        workers.ExtractLimits(memory_mb=0)


def test_the_warm_up_text_reaches_the_parts_loaded_on_first_use():
    # a worker says it is ready only after this text: it must reach a window (the date-time recogniser), a
    # conversion and the decided fields, or a fresh worker's first job pays for loading them inside its limit
    document, claims = workers.run_job(_job(workers.WARM_UP_TEXT))
    by_text = {claim.text: claim for claim in claims}
    assert {"12", "400,000 rubles", "$3,800"} <= set(by_text)
    assert by_text["$3,800"].conversion_of == by_text["400,000 rubles"].id
    assert by_text["12"].time_scope != "unspecified" and by_text["12"].confidence
