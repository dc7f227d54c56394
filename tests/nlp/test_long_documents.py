"""Documents past spaCy's max_length are read in paragraph pieces with offsets into the whole text; a
per-document time limit makes a skip, not a stop."""

from __future__ import annotations

import pytest

from claimledger import extract
from claimledger.api import extract_results
from claimledger.errors import ExtractionTimeout
from claimledger.models import Document
from claimledger.nlp.runner import Skipped

FILLER = "The weather was mild and the streets of the old town were quiet again.\n\n"
FIGURE = "The regional governor said 14 people were injured in the attack overnight.\n\n"


def _long_text(chars: int) -> tuple[str, int]:
    """Mostly figure-free text past ``chars`` (not parsed: nothing to claim there), a figure near the end."""
    filler = FILLER * (chars // len(FILLER) + 1)
    return filler + FIGURE + FILLER, len(filler)


def test_a_document_past_spacys_max_length_is_read_with_offsets_into_the_whole_text(nlp):
    text, at = _long_text(nlp.max_length + 10_000)
    assert len(text) > nlp.max_length  # a single parse would raise E088
    claims = extract(text, published="2024-11-26")
    assert [c.text for c in claims] == ["14"]
    start, end = claims[0].span
    assert start > at and text[start:end] == "14"
    assert claims[0].category == "injuries"


def test_pieces_keep_every_figure_of_a_long_article():
    body = "".join(f"Officials said {k + 2} people were injured in district {chr(65 + k % 26)}.\n\n"
                   for k in range(1600))
    claims = extract(body, published="2024-11-26")
    assert len(claims) == 1600
    assert all(body[c.span[0]:c.span[1]] == c.text for c in claims)
    assert len({c.id for c in claims}) == 1600


def test_a_time_limit_makes_a_skip_and_the_others_go_on():
    docs = [Document(text=FIGURE, id="a"), Document(text=FIGURE * 2, id="b")]
    results = list(extract_results(docs, timeout=0))
    assert all(isinstance(r, Skipped) for r in results)
    assert "time limit" in str(results[0]) and "a" in str(results[0])
    results = list(extract_results(docs, timeout=60))
    assert [r[0].id for r in results if isinstance(r, tuple)] == ["a", "b"]


PROSE = "A man walked to the market, and an old woman sold bread there.\n\n"  # "a man": a start, no figure


def test_prose_where_the_scanner_finds_no_figure_is_not_parsed():
    from claimledger.nlp.quantities import default_scanner

    assert default_scanner().has_mention(PROSE) and not default_scanner().scan(PROSE)
    # no time at all: a parsed document would be past its limit, and a skip
    short = Document(text=PROSE, id="short")
    assert list(extract_results([short], timeout=0)) == [(short, [])]
    long = Document(text=PROSE * 4000, id="long")  # 260,000 characters: about 15 s of parse on one CPU
    assert list(extract_results([long], timeout=10)) == [(long, [])]


def test_extract_raises_a_one_line_error_past_its_time_limit():
    with pytest.raises(ExtractionTimeout, match="time limit"):
        extract(FIGURE, timeout=0)


def _district_report(paragraphs: int) -> str:
    return "".join(f"Officials said {k + 2} people were injured in district {chr(65 + k % 26)}.\n\n"
                   for k in range(paragraphs))


def test_pieces_parsed_in_forked_processes_give_the_same_claims(monkeypatch):
    from claimledger.nlp import runner

    body = _district_report(2600)  # ~150,000 characters: 3 pieces
    monkeypatch.setattr(runner, "piece_processes", lambda n: 1)
    alone = extract(body, published="2024-11-26")
    monkeypatch.setattr(runner, "piece_processes", lambda n: 2)  # forced, whatever this machine has
    forked = extract(body, published="2024-11-26")
    assert len(alone) == 2600
    assert [c.to_dict() for c in forked] == [c.to_dict() for c in alone]


def test_no_forking_from_a_daemon_or_a_threaded_process(monkeypatch):
    import threading

    from claimledger.nlp import runner

    assert runner.piece_processes(1) == 1  # nothing to share
    stop = threading.Event()
    waiting = threading.Thread(target=stop.wait)
    waiting.start()
    try:
        assert runner.piece_processes(8) == 1
    finally:
        stop.set()
        waiting.join()


def test_articles_are_prose_and_text_without_sentences_is_read_near_its_figures():
    from claimledger.nlp.runner import figure_windows, not_prose

    assert not_prose(_district_report(2000)) is None
    assert not_prose("x" * 1000) is None  # short texts are read as they are
    run = "Aa " * 40_000  # 120,000 characters with no sentence end
    text = run + "The ministry said 14 people were injured. " + run
    assert "without a sentence end" in (not_prose(text) or "")
    windows = figure_windows(text)
    assert len(windows) == 1 and sum(len(w) for _, w in windows) < 1000
    claims = extract(text, published="2024-11-26")
    assert [c.text for c in claims] == ["14"]
    assert text[claims[0].span[0]:claims[0].span[1]] == "14"
    # one hostile run inside an article does not make it "not prose"
    assert not_prose("A" * 24_000 + " 12 people died.\n\n" + _district_report(2000)) is None


def test_text_that_is_not_prose_and_all_figures_is_a_quick_skip_naming_why():
    text = "12 " * 100_000
    from claimledger.nlp.runner import not_prose

    assert "without a sentence end" in (not_prose(text) or "")
    (result,) = list(extract_results([Document(text=text, id="numbers")], timeout=60))
    assert isinstance(result, Skipped)
    assert str(result).startswith("skipped numbers: not prose") and "near a figure" in str(result)
