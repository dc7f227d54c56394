"""One exception hierarchy. Every message says what was found, where, and what was expected."""

from __future__ import annotations


class ClaimledgerError(Exception):
    """Base of every error claimledger raises on purpose."""


class InputError(ClaimledgerError):
    """An input (file, line of JSON Lines, URL, posted text) that cannot be read as an article."""

    def __init__(self, origin: str, reason: str, line: int | None = None) -> None:
        self.origin = origin
        self.reason = reason
        self.line = line
        where = f"{origin}:{line}" if line is not None else origin
        super().__init__(f"{where}: {reason}")

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # crosses a process boundary whole (a worker's error reaches the server as the same class)
        return (type(self), (self.origin, self.reason, self.line))


class NotEnglishError(InputError):
    """A text in another language: the rules read English only (the same check ingest makes)."""


class ExtractionTimeout(InputError):
    """A document whose extraction took longer than the time allowed."""


class ModelNotFoundError(ClaimledgerError):
    """No English spaCy pipeline is installed."""


class ConfigError(ClaimledgerError):
    """A setting, lexicon or alias table that cannot be used as given."""


class StoreError(ClaimledgerError):
    """The ledger database cannot be opened or written."""


class CheckError(ClaimledgerError):
    """A reference series or rate table that cannot be loaded."""


class EvalError(ClaimledgerError):
    """A gold file that does not fit its document."""


class NotFoundError(ClaimledgerError):
    """A claim, document or review that is not in the ledger."""
