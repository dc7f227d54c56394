"""The HTTP API and the web page: ``create_app`` builds both over one ledger (see ``claimledger serve``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI


def create_app(*args: Any, **kwargs: Any) -> FastAPI:
    """See `claimledger.web.app.create_app` (imported lazily: other commands need not load FastAPI)."""
    from claimledger.web.app import create_app as factory

    return factory(*args, **kwargs)


__all__ = ["create_app"]
