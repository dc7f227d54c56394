"""claimledger: numeric claims from news reporting, with their sources, scope, hedging and checks.

The public API::

    import claimledger
    claims = claimledger.extract(text, published="2024-11-26", outlet="Newsweek")
    for doc, claims in claimledger.extract_documents(documents): ...
"""

from __future__ import annotations

__version__ = "0.1.0"

from claimledger.models import Check, Claim, Document, Period, Source  # noqa: E402

__all__ = [
    "Check", "Claim", "Document", "Period", "Source", "__version__",
    "extract", "extract_documents", "extract_results", "find_quantities",
]


def __getattr__(name: str):  # lazy: importing the package must not load spaCy
    if name in ("extract", "extract_documents", "extract_results", "find_quantities"):
        from claimledger import api

        return getattr(api, name)
    raise AttributeError(name)
