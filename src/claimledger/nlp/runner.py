"""Running the pipeline over documents of any length and shape, in bounded time.

- A text with no figure at all has no claims: it is not parsed. Its figures are found before the parse
  (the scanner reads plain text), so a text where the scanner finds none, prose without a number as much
  as text without a digit, is never parsed; the mentions found go into the Doc for the component.
- A long text is cut at paragraph breaks into pieces of at most ``PIECE_CHARS`` characters (spaCy refuses
  texts past ``nlp.max_length``, and memory grows with the text parsed at once); the pieces with a figure
  are parsed one after another and their claims keep offsets into the whole text.
- spaCy's tokenizer takes time in the square of a word's length when the word is made of punctuation it
  strips one character at a time ("!!!!…", "'s's's…"): runs of punctuation and words past
  ``LONG_WORD`` characters are cut into plain tokens without it.
- A ``Deadline`` bounds the time one document may take: components ask ``expired(doc)`` between figures
  and stop early; the document is then reported as skipped, never half-read.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from claimledger.models import Claim, Document

if TYPE_CHECKING:
    from claimledger.nlp.quantities import QuantityMention

PIECE_CHARS = 50_000  # a longer text is parsed in pieces of at most this many characters
LONG_WORD = 64  # a run of characters without a space this long is cut into tokens of this size
MAX_PIECE_PROCESSES = 4  # processes parsing one long document's pieces at once (each holds a parse)
PUNCTUATION_RUN = 8  # so is a run of punctuation this long ("!!!!!!!!", "$$$$$$$$")
NO_SENTENCE_CHARS = 10_000  # a long text with a stretch this long without a stop or line break is not prose
WINDOW_CHARS = 300  # what is read either side of a figure in a text that is not prose
DENSE_SHARE = 0.25  # past this share of a text near a figure, text that is not prose is skipped
DEADLINE_KEY = "claimledger.deadline"
MENTIONS_KEY = "claimledger.mentions"  # the scanner's mentions of a Doc's text, found before its parse
EXPIRED_KEY = "claimledger.expired"

NO_SENTENCE = re.compile(rf"(?<![^.!?\n])[^.!?\n]{{{NO_SENTENCE_CHARS + 1},}}")  # from a run's start only
FIGURE_WORD = re.compile(r"(?<!\S)[^\s\d]*\d")  # a word holding a digit, found from its start
DIGIT_RUN = re.compile(r"\d+")
HOSTILE_RUN = re.compile(rf"(?<![^\w\s])[^\w\s]{{{PUNCTUATION_RUN},}}|(?<!\S)\S{{{LONG_WORD},}}")


class Deadline:
    """A point in time after which a document's extraction gives up."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds if seconds is not None else None

    def passed(self) -> bool:
        return self.at is not None and time.monotonic() > self.at

    def reason(self) -> str:
        return f"extraction took longer than {self.seconds:g} s (the per-document time limit)"


def expired(doc: Doc) -> bool:
    """Whether this document's deadline has passed (remembered, so later components skip at once)."""
    user_data = doc.user_data
    if user_data.get(EXPIRED_KEY):
        return True
    deadline = user_data.get(DEADLINE_KEY)
    if deadline is not None and deadline.passed():
        user_data[EXPIRED_KEY] = True
        return True
    return False


@dataclass(frozen=True, slots=True)
class Skipped:
    """A document left out of the results, and why."""

    document: Document
    reason: str

    def __str__(self) -> str:
        return f"skipped {self.document.origin or self.document.id or '<text>'}: {self.reason}"


def pieces(text: str, limit: int = PIECE_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, piece) of at most ``limit`` characters, cut after a paragraph break where one falls in
    the second half of the window, else after a line break, a sentence's end or a space, else anywhere."""
    start = 0
    while len(text) - start > limit:
        window_end = start + limit
        cut = -1
        for separator in ("\n\n", "\n", ". ", " "):
            found = text.rfind(separator, start + limit // 2, window_end)
            if found >= 0:
                cut = found + len(separator)
                break
        if cut <= start:
            cut = window_end
        yield start, text[start:cut]
        start = cut
    yield start, text[start:]


def not_prose(text: str) -> str | None:
    """Why a long text is not prose, or None: more than half of it in stretches of over
    ``NO_SENTENCE_CHARS`` characters with no sentence end or line break, or more than half of its words
    holding a digit. Articles never are (the longest sentence of the dev set is under 300 characters), and
    one hostile run inside an article does not make it so; such text is read only near its figures.
    Linear: one pass of a pattern that starts only where a stretch starts."""
    if len(text) <= PIECE_CHARS:
        return None
    stretches = sum(len(stretch.group()) for stretch in NO_SENTENCE.finditer(text))
    if stretches * 2 > len(text):
        return f"{stretches:,} of its {len(text):,} characters lie in stretches without a sentence end"
    words = len(text.split())
    figures = len(FIGURE_WORD.findall(text))
    if figures * 2 > words:
        return f"{figures:,} of its {words:,} words are figures"
    return None


def figure_windows(text: str, width: int = WINDOW_CHARS) -> list[tuple[int, str]]:
    """(offset, window) around each digit, ``width`` characters either side widened to a space,
    overlapping windows merged; what is read of a text that is not prose."""
    windows: list[tuple[int, str]] = []
    start = end = -1
    for digit in DIGIT_RUN.finditer(text):
        if start >= 0 and digit.start() - width <= end:
            end = max(end, digit.end() + width)
            continue
        if start >= 0:
            windows.append(_window(text, start, end))
        start, end = max(0, digit.start() - width), digit.end() + width
    if start >= 0:
        windows.append(_window(text, start, end))
    return [(offset, window) for offset, window in windows if _has_figures(window)]


def _window(text: str, start: int, end: int) -> tuple[int, str]:
    space = text.rfind(" ", max(0, start - LONG_WORD), start)
    start = space + 1 if space >= 0 else start
    space = text.find(" ", end, end + LONG_WORD)
    end = min(len(text), space if space >= 0 else end)
    return start, text[start:end]


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)``, with long runs of punctuation and very long words cut into plain tokens
    first (spaCy's affix splitting is quadratic on them); the Doc's text is ``text`` exactly."""
    if HOSTILE_RUN.search(text) is None:
        return nlp.make_doc(text)
    words: list[str] = []
    spaces: list[bool] = []
    at = 0
    for run in HOSTILE_RUN.finditer(text):
        _tokenize_into(nlp, text[at:run.start()], words, spaces)
        size = LONG_WORD
        for k in range(run.start(), run.end(), size):
            words.append(text[k:min(k + size, run.end())])
            spaces.append(False)
        at = run.end()
    _tokenize_into(nlp, text[at:], words, spaces)
    return Doc(nlp.vocab, words=words, spaces=spaces)


def _tokenize_into(nlp: Language, segment: str, words: list[str], spaces: list[bool]) -> None:
    if segment:
        for token in nlp.tokenizer(segment):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))


def run(nlp: Language, documents: Iterable[Document], *, batch_size: int = 32,
        timeout: float | None = None) -> Iterator[tuple[Document, list[Claim]] | Skipped]:
    """Claims of each document, in order, or why it was skipped. Short documents go through ``nlp.pipe``
    in batches as before; a long one is parsed piece by piece on its own."""
    batch: list[Document] = []
    for document in documents:
        if len(document.text) <= PIECE_CHARS:
            batch.append(document)
            if len(batch) >= batch_size:
                yield from _run_batch(nlp, batch, batch_size, timeout)
                batch = []
            continue
        yield from _run_batch(nlp, batch, batch_size, timeout)
        batch = []
        problem = not_prose(document.text)
        if problem is None:
            work = [(offset, piece) for offset, piece in pieces(document.text) if _has_figures(piece)]
        else:
            work = figure_windows(document.text)
            parsed = sum(len(piece) for _, piece in work)
            if parsed > DENSE_SHARE * len(document.text):
                yield Skipped(document, f"not prose ({problem}) and figures make up too much of it to parse "
                                        f"in bounded time ({parsed:,} of {len(document.text):,} characters "
                                        "are near a figure)")
                continue
        yield _run_long(nlp, document, work, timeout)
    yield from _run_batch(nlp, batch, batch_size, timeout)


def _has_figures(text: str) -> bool:
    """Whether ``text`` may hold a figure (a quick test: the scan itself comes later)."""
    from claimledger.nlp.quantities import default_scanner

    return default_scanner().has_mention(text)


def _mentions(text: str, outlet: str = "") -> list[QuantityMention]:
    from claimledger.nlp.quantities import default_scanner

    return default_scanner().scan(text, outlet) if _has_figures(text) else []


def start_doc(nlp: Language, text: str, document: Document, deadline: Deadline | None = None,
              mentions: list[QuantityMention] | None = None) -> Doc:
    """The Doc the components read: the text made into tokens, with the document's deadline, publication
    date (temporal expressions resolve against it) and, when already found, the text's mentions in its
    user data."""
    from claimledger.nlp.periods import PUBLISHED_KEY
    from claimledger.nlp.semantics.units import OUTLET_KEY

    doc = make_doc(nlp, text)
    if deadline is not None:
        doc.user_data[DEADLINE_KEY] = deadline
    if mentions is not None:
        doc.user_data[MENTIONS_KEY] = mentions
    doc.user_data[PUBLISHED_KEY] = document.published_date
    doc.user_data[OUTLET_KEY] = document.outlet  # "The Treasury Bench (Wellington)": whose "$" (guide G-1)
    return doc


def _run_batch(nlp: Language, batch: list[Document], batch_size: int,
               timeout: float | None) -> Iterator[tuple[Document, list[Claim]] | Skipped]:
    from claimledger.nlp.records import claims_from_doc

    if not batch:
        return
    deadlines = [Deadline(timeout) for _ in batch]
    mentions = [_mentions(d.text, d.outlet or "") for d in batch]
    parse = [k for k in range(len(batch)) if mentions[k]]
    docs = nlp.pipe((start_doc(nlp, batch[k].text, batch[k], deadlines[k], mentions[k]) for k in parse),
                    batch_size=batch_size)
    parsed = dict(zip(parse, docs, strict=True))
    for k, document in enumerate(batch):
        doc = parsed.get(k)
        if doc is not None and expired(doc):
            yield Skipped(document, deadlines[k].reason())
        else:
            yield document, claims_from_doc(doc, document) if doc is not None else []


def piece_processes(pieces_to_parse: int) -> int:
    """How many processes parse one long document's pieces: one per CPU this process may use (at most
    ``MAX_PIECE_PROCESSES``), or 1 where forking is unsafe or impossible: in a daemonic process (the
    server's extraction workers, a multiprocessing pool's workers, which may not have children), in a
    process running threads (a fork copies their locks, held or not), or where there is no fork."""
    if pieces_to_parse < 2 or not hasattr(os, "fork") or multiprocessing.current_process().daemon \
            or threading.active_count() > 1:
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, MAX_PIECE_PROCESSES, pieces_to_parse))


_FORKED: tuple[Language, Document, Deadline] | None = None  # what a forked piece worker reads


def _parse_piece(nlp: Language, document: Document, deadline: Deadline,
                 offset: int, piece: str) -> list[Claim] | None:
    """The claims of one piece of a long document, or None once its deadline has passed."""
    from claimledger.nlp.records import claims_from_doc

    if deadline.passed():
        return None
    mentions = _mentions(piece, document.outlet or "")
    if not mentions:
        return []
    doc = next(iter(nlp.pipe([start_doc(nlp, piece, document, deadline, mentions)], batch_size=1)))
    if expired(doc):
        return None
    return claims_from_doc(doc, document, offset=offset)


def _forked_piece(work: tuple[int, str]) -> list[Claim] | None:
    assert _FORKED is not None
    nlp, document, deadline = _FORKED
    return _parse_piece(nlp, document, deadline, *work)


def _run_long(nlp: Language, document: Document, work: list[tuple[int, str]],
              timeout: float | None) -> tuple[Document, list[Claim]] | Skipped:
    """A long document's pieces (offset, text), parsed in order, or on every CPU at once (forked
    processes sharing the loaded pipeline; each piece is independent, so the claims are the same)."""
    global _FORKED
    deadline = Deadline(timeout)  # monotonic time: the same clock in a forked process
    processes = piece_processes(len(work))
    claims: list[Claim] = []
    if processes == 1:
        for offset, piece in work:
            found = _parse_piece(nlp, document, deadline, offset, piece)
            if found is None:
                return Skipped(document, deadline.reason())
            claims.extend(found)
        return document, claims
    _FORKED = (nlp, document, deadline)
    try:
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            for found in pool.imap(_forked_piece, work):
                if found is None:  # leaving the block stops the workers still parsing
                    return Skipped(document, deadline.reason())
                claims.extend(found)
    finally:
        _FORKED = None
    return document, claims
