"""Who is reading: accounts looked up for the web (read-only), signed session cookies, CSRF
tokens and the sign-in throttle.

A session cookie is `payload.signature`: the payload (account name, the account's `stamp`,
expiry) in base64, signed with HMAC-SHA256 under the server's secret key, a random file
`web-secret` in the data folder made once (readable by its owner only) and shared by every
server process. Nothing in it is secret, but none of it can be changed without the key; the
stamp ends the session when the password is reset, and the account is read again on every
request (from a two-second cache), so a disabled account or a new role counts at once.

The CSRF token of a form is the HMAC of a random per-browser cookie: a page from elsewhere can
neither read the cookie nor compute the token, so it cannot post a form in the reader's name.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from corpus.database import DATABASE
from corpus.store import Store

SECRET_FILE = "web-secret"
MAX_FORM = 64 * 1024
SESSION_SECONDS = 12 * 3600
CACHE_SECONDS = 2.0
#: failed sign-ins allowed for one account name (and, many more, for one address) within
#: `THROTTLE_WINDOW` seconds before sign-in is refused for `LOCK_SECONDS`, doubling after
#: each further failure up to `MAX_LOCK_SECONDS`.
MAX_FAILURES = 5
MAX_FAILURES_ADDRESS = 30
THROTTLE_WINDOW = 900.0
LOCK_SECONDS = 60.0
MAX_LOCK_SECONDS = 900.0


def secret_key(data: Path) -> bytes:
    """The key that signs sessions: read from the data folder, made there the first time
    (kept in memory only when the folder cannot be written: sessions then end with the
    process)."""
    path = data / SECRET_FILE
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        for _ in range(20):  # another server process may be writing it right now
            key = path.read_bytes()
            if len(key) >= 32:
                return key
            time.sleep(0.05)
        raise
    except OSError:
        return secrets.token_bytes(32)
    key = secrets.token_hex(32).encode()
    with os.fdopen(fd, "wb") as out:
        out.write(key)
    return key


class Signer:
    """Signs and checks small JSON payloads (sessions) and derives CSRF tokens."""

    def __init__(self, key: bytes) -> None:
        self.key = key

    def _mac(self, text: bytes, purpose: bytes) -> str:
        digest = hmac.new(self.key, purpose + b"|" + text, hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode().rstrip("=")

    def sign(self, payload: dict[str, Any]) -> str:
        body = base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")
        return f"{body}.{self._mac(body.encode(), b'session')}"

    def unsign(self, value: str | None) -> dict[str, Any] | None:
        """The payload when the signature holds and it has not expired, else None."""
        if not value or value.count(".") != 1:
            return None
        body, mac = value.split(".")
        if not hmac.compare_digest(mac, self._mac(body.encode(), b"session")):
            return None
        try:
            payload = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
        except ValueError:
            return None
        if not isinstance(payload, dict) or payload.get("e", 0) < time.time():
            return None
        return payload

    def session(self, account: dict[str, Any], seconds: int = SESSION_SECONDS) -> str:
        return self.sign({"u": account["name"], "s": account["stamp"],
                          "e": int(time.time()) + seconds})

    def csrf(self, browser: str) -> str:
        return self._mac(browser.encode(), b"csrf")

    def csrf_ok(self, browser: str | None, token: str | None) -> bool:
        return bool(browser and token) and hmac.compare_digest(self.csrf(browser or ""),
                                                               token or "")


class Accounts:
    """The archive's accounts, read through a read-only store of their own (a search holding
    the pages' store must not hold up every request's sign-in check)."""

    def __init__(self, data: Path) -> None:
        self.data = data
        self._store: Store | None = None
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[float, Any]] = {}

    def _users(self) -> Any:
        if self._store is None and (self.data / DATABASE).exists():
            self._store = Store(self.data, readonly=True)
        return self._store.users if self._store is not None else None

    def _cached(self, key: str, read: Any) -> Any:
        now = time.monotonic()
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None and now - hit[0] < CACHE_SECONDS:
                return hit[1]
            users = self._users()
            value = read(users) if users is not None else None
            self._cache[key] = (now, value)
            return value

    def exist(self) -> bool:
        """Whether any account may sign in (then the archive is closed to anonymous readers
        unless the server was started with --public)."""
        return bool(self._cached("?exist", lambda users: users.exist()))

    def get(self, name: str) -> dict[str, Any] | None:
        return self._cached(f"u:{name}", lambda users: users.get(name))  # type: ignore[no-any-return]

    def by_token(self, token: str) -> dict[str, Any] | None:
        digest = hashlib.sha256(token.encode()).hexdigest()
        return self._cached(f"t:{digest}", lambda users: users.by_token(token))  # type: ignore[no-any-return]

    def verify(self, name: str, password: str) -> dict[str, Any] | None:
        with self._lock:
            users = self._users()
        if users is None:
            return None
        account: dict[str, Any] | None = users.verify(name, password)
        return account

    def from_session(self, payload: dict[str, Any] | None) -> dict[str, Any] | None:
        """The signed-in account of a checked session payload: still there, enabled, and with
        the password the session was signed in with."""
        if payload is None:
            return None
        account = self.get(str(payload.get("u", "")))
        if account is None or account["disabled"] or account["stamp"] != payload.get("s"):
            return None
        return account

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None


class Throttle:
    """Failed sign-ins, per account name and per address, in this server process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._failures: dict[str, list[float]] = {}
        self._locked: dict[str, float] = {}

    @staticmethod
    def _keys(name: str, address: str) -> tuple[tuple[str, int], ...]:
        return ((f"name:{name.casefold()}", MAX_FAILURES),
                (f"address:{address}", MAX_FAILURES_ADDRESS))

    def wait(self, name: str, address: str) -> float:
        """Seconds until this name may try again from this address (0: now)."""
        now = time.monotonic()
        with self._lock:
            return max([self._locked.get(k, 0.0) - now for k, _ in self._keys(name, address)]
                       + [0.0])

    def failed(self, name: str, address: str) -> None:
        now = time.monotonic()
        with self._lock:
            for key, limit in self._keys(name, address):
                recent = [t for t in self._failures.get(key, []) if now - t < THROTTLE_WINDOW]
                recent.append(now)
                self._failures[key] = recent
                over = len(recent) - limit
                if over >= 0:
                    self._locked[key] = now + min(MAX_LOCK_SECONDS, LOCK_SECONDS * 2 ** over)

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._failures.pop(f"name:{name.casefold()}", None)
            self._locked.pop(f"name:{name.casefold()}", None)


def read_form(body: bytes) -> dict[str, str]:
    """A urlencoded form's fields (the first value of each)."""
    fields = parse_qs(body[:MAX_FORM].decode("utf-8", "replace"), keep_blank_values=True)
    return {k: v[0] for k, v in fields.items()}
