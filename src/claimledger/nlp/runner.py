"""Running the pipeline over documents of any length and shape, in bounded time.

- A text with no figure at all has no claims: it is not parsed.
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

import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from claimledger.models import Claim, Document

PIECE_CHARS = 50_000  # a longer text is parsed in pieces of at most this many characters
LONG_WORD = 64  # a run of characters without a space this long is cut into tokens of this size
PUNCTUATION_RUN = 8  # so is a run of punctuation this long ("!!!!!!!!", "$$$$$$$$")
DEADLINE_KEY = "claimledger.deadline"
EXPIRED_KEY = "claimledger.expired"

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
        yield _run_long(nlp, document, timeout)
    yield from _run_batch(nlp, batch, batch_size, timeout)


def _has_figures(text: str) -> bool:
    from claimledger.nlp.quantities import default_scanner

    return default_scanner().has_mention(text)


def start_doc(nlp: Language, text: str, document: Document, deadline: Deadline | None = None) -> Doc:
    """The Doc the components read: the text made into tokens, with the document's deadline and
    publication date (temporal expressions resolve against it) in its user data."""
    from claimledger.nlp.periods import PUBLISHED_KEY

    doc = make_doc(nlp, text)
    if deadline is not None:
        doc.user_data[DEADLINE_KEY] = deadline
    doc.user_data[PUBLISHED_KEY] = document.published_date
    return doc


def _run_batch(nlp: Language, batch: list[Document], batch_size: int,
               timeout: float | None) -> Iterator[tuple[Document, list[Claim]] | Skipped]:
    from claimledger.nlp.records import claims_from_doc

    if not batch:
        return
    deadlines = [Deadline(timeout) for _ in batch]
    parse = [k for k, d in enumerate(batch) if _has_figures(d.text)]
    docs = nlp.pipe((start_doc(nlp, batch[k].text, batch[k], deadlines[k]) for k in parse),
                    batch_size=batch_size)
    parsed = dict(zip(parse, docs, strict=True))
    for k, document in enumerate(batch):
        doc = parsed.get(k)
        if doc is not None and expired(doc):
            yield Skipped(document, deadlines[k].reason())
        else:
            yield document, claims_from_doc(doc, document) if doc is not None else []


def _run_long(nlp: Language, document: Document,
              timeout: float | None) -> tuple[Document, list[Claim]] | Skipped:
    from claimledger.nlp.records import claims_from_doc

    deadline = Deadline(timeout)
    claims: list[Claim] = []
    for offset, piece in pieces(document.text):
        if deadline.passed():
            return Skipped(document, deadline.reason())
        if not _has_figures(piece):
            continue
        doc = next(iter(nlp.pipe([start_doc(nlp, piece, document, deadline)], batch_size=1)))
        if expired(doc):
            return Skipped(document, deadline.reason())
        claims.extend(claims_from_doc(doc, document, offset=offset))
    return document, claims
