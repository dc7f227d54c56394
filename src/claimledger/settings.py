"""Typed settings: where the ledger database lives.

Resolution order: explicit --db value, then CLAIMLEDGER_DB, then SQLite in the user data directory.
"""

from __future__ import annotations

import os
from pathlib import Path

DB_ENV = "CLAIMLEDGER_DB"


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("claimledger")) / "ledger.sqlite"


def resolve_db_url(explicit: str | None = None) -> str:
    """A SQLAlchemy URL; a bare path is taken as a SQLite file."""
    value = explicit or os.environ.get(DB_ENV)
    if not value:
        path = default_db_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser().resolve()}"
    if value.startswith(("postgresql://", "postgres://")):
        # psycopg 3 is the driver we ship with; SQLAlchemy's bare scheme would ask for psycopg2
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    return value


FETCH_TIMEOUT_ENV = "CLAIMLEDGER_FETCH_TIMEOUT"
DEFAULT_FETCH_TIMEOUT = 20.0  # seconds without an answer before a URL is given up


def fetch_timeout(explicit: float | None = None) -> float:
    """Seconds to wait for a URL: explicit value, then CLAIMLEDGER_FETCH_TIMEOUT, then 20."""
    if explicit is not None:
        return explicit
    value = os.environ.get(FETCH_TIMEOUT_ENV)
    if not value:
        return DEFAULT_FETCH_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if seconds <= 0:
        from claimledger.errors import ConfigError

        raise ConfigError(f"{FETCH_TIMEOUT_ENV}={value!r} is not a positive number of seconds")
    return seconds


DEFAULT_DOC_TIMEOUT = 60.0  # seconds one document may take to extract in `extract` and `ingest`


ORG_NAME_ENV = "CLAIMLEDGER_ORG_NAME"
ORG_URL_ENV = "CLAIMLEDGER_ORG_URL"
DEFAULT_ORGANISATION = {"name": "claimledger", "url": "https://github.com/claimledger/claimledger"}


def reviewing_organisation() -> dict[str, str]:
    """Who publishes the ledger's reviews (ClaimReview `author`): CLAIMLEDGER_ORG_NAME / CLAIMLEDGER_ORG_URL,
    then `[organisation] name, url` in settings.toml in the user config directory, else claimledger itself."""
    import tomllib

    from claimledger.errors import ConfigError
    from claimledger.web.tokens import config_dir

    found: dict[str, str] = {}
    path = config_dir() / "settings.toml"
    if path.exists():
        try:
            table = tomllib.loads(path.read_text(encoding="utf-8")).get("organisation") or {}
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"settings file {path} cannot be read: {exc}") from exc
        found = {k: str(v) for k, v in table.items() if k in ("name", "url") and v}
    for key, env in (("name", ORG_NAME_ENV), ("url", ORG_URL_ENV)):
        if os.environ.get(env):
            found[key] = os.environ[env]
    if "name" not in found:
        return dict(DEFAULT_ORGANISATION)
    return found


ALLOW_PRIVATE_ENV = "CLAIMLEDGER_ALLOW_PRIVATE_URLS"


def allow_private_urls(explicit: bool | None = None) -> bool:
    """Whether URLs may reach loopback and private-network addresses: explicit value, then
    CLAIMLEDGER_ALLOW_PRIVATE_URLS (1/true/yes), else no."""
    if explicit is not None:
        return explicit
    return os.environ.get(ALLOW_PRIVATE_ENV, "").strip().lower() in ("1", "true", "yes")
