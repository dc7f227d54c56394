"""API tokens: created once, shown once, stored only as a salted hash in the user config directory.

A token reads ``clt_<id>_<secret>``: the id finds the stored entry without hashing every entry, and the
secret (32 random bytes) is what is hashed. With that much entropy a fast salted SHA-256 is as safe as a slow
hash, and it keeps authenticated requests cheap.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import tempfile
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from claimledger.errors import ConfigError

CONFIG_ENV = "CLAIMLEDGER_CONFIG_DIR"
PREFIX = "clt_"


def config_dir() -> Path:
    """CLAIMLEDGER_CONFIG_DIR when set, else the platform's user config directory."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("claimledger"))


@dataclass
class TokenEntry:
    id: str
    name: str | None
    created: str
    salt: str
    sha256: str

    def public(self) -> dict[str, str | None]:
        """What `token list` shows: never the hash or salt."""
        return {"id": self.id, "name": self.name, "created": self.created}


def _digest(salt: str, secret: str) -> str:
    return hashlib.sha256(bytes.fromhex(salt) + secret.encode("utf-8")).hexdigest()


class TokenStore:
    """The tokens file (JSON); re-read when it changes on disk, so a revoke takes effect at once."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / "tokens.json"
        self._cache: tuple[float, dict[str, TokenEntry]] | None = None

    def _load(self) -> dict[str, TokenEntry]:
        try:
            mtime = self.path.stat().st_mtime_ns
        except FileNotFoundError:
            return {}
        if self._cache and self._cache[0] == mtime:
            return self._cache[1]
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            entries = {e["id"]: TokenEntry(**e) for e in raw.get("tokens", [])}
        except (OSError, ValueError, TypeError, KeyError) as exc:
            raise ConfigError(f"tokens file {self.path} cannot be read: {exc}; "
                              "delete it and create new tokens") from exc
        self._cache = (mtime, entries)
        return entries

    def _save(self, entries: dict[str, TokenEntry]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps({"tokens": [asdict(e) for e in entries.values()]}, indent=2)
        # write-then-rename so a server reading the file never sees half of it
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".tokens-")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(data)
        os.chmod(tmp, 0o600)
        os.replace(tmp, self.path)
        self._cache = None

    def create(self, name: str | None = None) -> tuple[str, TokenEntry]:
        """A new token (returned once, never stored) and its stored entry."""
        entries = self._load()
        token_id = secrets.token_hex(4)
        while token_id in entries:
            token_id = secrets.token_hex(4)
        secret = secrets.token_urlsafe(32)
        salt = secrets.token_hex(16)
        entry = TokenEntry(token_id, name, datetime.now(UTC).isoformat(timespec="seconds"),
                           salt, _digest(salt, secret))
        self._save({**entries, token_id: entry})
        return f"{PREFIX}{token_id}_{secret}", entry

    def list(self) -> list[TokenEntry]:
        return sorted(self._load().values(), key=lambda e: e.created)

    def revoke(self, token_id: str) -> bool:
        entries = dict(self._load())
        if entries.pop(token_id, None) is None:
            return False
        self._save(entries)
        return True

    def get(self, token_id: str) -> TokenEntry | None:
        return self._load().get(token_id)

    def verify(self, token: str) -> TokenEntry | None:
        if not token.startswith(PREFIX) or "_" not in token[len(PREFIX):]:
            return None
        token_id, secret = token[len(PREFIX):].split("_", 1)
        entry = self._load().get(token_id)
        if entry is None:
            return None
        return entry if hmac.compare_digest(entry.sha256, _digest(entry.salt, secret)) else None
