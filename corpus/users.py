"""Accounts of the web workspace and what each reader may see (tables `users`, `api_tokens`
and the `visibility` of `documents`), reached as `store.users`.

A password is kept only as its Argon2 hash (argon2-cffi, of the `web` extra), an API token only
as its SHA-256 digest: whoever reads the database learns neither. Each account carries a
`stamp` derived from its hash, which a signed session cookie repeats: resetting the password
changes the stamp and so ends every session signed in with the old one.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from functools import cache
from typing import Any

from corpus.database import Database, now
from corpus.errors import ConfigError, NotFound

#: delegates read what is published; editors also internal documents and drafts; the
#: secretariat as much, and uploads, corrects and manages accounts.
ROLES = ("delegate", "editor", "secretariat")
VISIBILITIES = ("published", "internal", "draft")
#: the visibilities each role reads; a reader who is not signed in is `None`.
SEES: dict[str | None, tuple[str, ...]] = {
    None: ("published",),
    "delegate": ("published",),
    "editor": VISIBILITIES,
    "secretariat": VISIBILITIES,
}
MIN_PASSWORD = 8
_NAME = re.compile(r"^[\w.@-]{1,64}$")
_FIELDS = "name, role, ui, disabled, created, updated"


def _hasher() -> Any:
    try:
        from argon2 import PasswordHasher
    except ImportError:
        raise ConfigError("accounts need the 'web' extra (argon2-cffi missing): "
                          "pip install 'sekretar[web]'") from None
    return PasswordHasher()


@cache
def _dummy_hash() -> str:
    """Verified against when no account has the name, so a wrong name costs as long as a
    wrong password and the time of an answer does not tell which names exist."""
    return str(_hasher().hash(secrets.token_hex(16)))


def check_role(role: str) -> str:
    if role not in ROLES:
        raise ConfigError(f"the role must be one of {', '.join(ROLES)}, not {role!r}")
    return role


def check_visibility(visibility: str | None) -> str:
    if visibility not in VISIBILITIES:
        raise ConfigError(
            f"the visibility must be one of {', '.join(VISIBILITIES)}, not {visibility!r}")
    return visibility


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise ConfigError(f"a password needs at least {MIN_PASSWORD} characters")
    return password


def stamp(password_hash: str) -> str:
    """What a session repeats of the account's password hash (see the module doc)."""
    return hashlib.sha256(password_hash.encode()).hexdigest()[:16]


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Users:
    """Accounts, their API tokens, and the documents each role may not see."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # accounts ------------------------------------------------------------------------------

    def add(self, name: str, role: str, password: str, ui: str | None = None) -> None:
        if not _NAME.match(name):
            raise ConfigError(f"an account name is 1 to 64 letters, digits or . @ _ -, "
                              f"not {name!r}")
        check_role(role)
        hashed = _hasher().hash(check_password(password))
        with self.db.transaction():
            if self.db.one("SELECT 1 FROM users WHERE name=?", (name,)):
                raise ConfigError(f"there is already an account {name!r}")
            self.db.write(f"INSERT INTO users({_FIELDS}, password) VALUES (?,?,?,?,?,?,?)",
                          (name, role, ui, None, now(), now(), hashed))

    def list(self) -> list[dict[str, Any]]:
        """Every account (name, role, ui, disabled, created, updated), by name."""
        return [dict(r) for r in self.db.rows(f"SELECT {_FIELDS} FROM users ORDER BY name")]

    def get(self, name: str) -> dict[str, Any] | None:
        """An account with its `stamp`, or None when there is none of that name."""
        row = self.db.one(f"SELECT {_FIELDS}, password FROM users WHERE name=?", (name,))
        if row is None:
            return None
        account = dict(row)
        account["stamp"] = stamp(account.pop("password"))
        return account

    def exist(self) -> bool:
        """Whether any account that may sign in exists."""
        return self.db.one("SELECT 1 FROM users WHERE disabled IS NULL LIMIT 1") is not None

    def _update(self, name: str, sql: str, params: tuple[Any, ...]) -> None:
        with self.db.transaction():
            done = self.db.write(f"UPDATE users SET {sql}, updated=? WHERE name=?",
                                 (*params, now(), name))
            if done.rowcount == 0:
                raise NotFound(f"no account {name!r}")

    def set_role(self, name: str, role: str) -> None:
        self._update(name, "role=?", (check_role(role),))

    def set_ui(self, name: str, ui: str | None) -> None:
        self._update(name, "ui=?", (ui,))

    def disable(self, name: str) -> None:
        """The account can no longer sign in, nor use its API tokens (they are deleted)."""
        self._update(name, "disabled=?", (now(),))
        with self.db.transaction():
            self.db.write("DELETE FROM api_tokens WHERE user=?", (name,))

    def enable(self, name: str) -> None:
        self._update(name, "disabled=NULL", ())

    def reset_password(self, name: str, password: str) -> None:
        """A new password; every session signed in with the old one ends."""
        self._update(name, "password=?", (_hasher().hash(check_password(password)),))

    def verify(self, name: str, password: str) -> dict[str, Any] | None:
        """The account when `password` is its password and it is not disabled, else None."""
        from argon2.exceptions import InvalidHashError, VerificationError

        row = self.db.one("SELECT password, disabled FROM users WHERE name=?", (name,))
        hasher = _hasher()
        try:
            hasher.verify(row["password"] if row else _dummy_hash(), password)
        except (VerificationError, InvalidHashError):
            return None
        if row is None or row["disabled"] is not None:
            return None
        return self.get(name)

    # API tokens ----------------------------------------------------------------------------

    def new_token(self, name: str) -> str:
        """A new API token of the account, shown once: only its digest is kept."""
        account = self.get(name)
        if account is None:
            raise NotFound(f"no account {name!r}")
        if account["disabled"]:
            raise ConfigError(f"the account {name!r} is disabled")
        token = "sk_" + secrets.token_urlsafe(32)
        with self.db.transaction():
            self.db.write("INSERT INTO api_tokens(digest, user, created) VALUES (?,?,?)",
                          (_digest(token), name, now()))
        return token

    def by_token(self, token: str) -> dict[str, Any] | None:
        """The enabled account an API token belongs to, or None."""
        row = self.db.one("SELECT user FROM api_tokens WHERE digest=?", (_digest(token),))
        if row is None:
            return None
        account = self.get(row["user"])
        return account if account and not account["disabled"] else None

    def revoke_tokens(self, name: str) -> int:
        with self.db.transaction():
            return self.db.write("DELETE FROM api_tokens WHERE user=?", (name,)).rowcount

    # visibility ----------------------------------------------------------------------------

    def visibility(self, document_id: str) -> str:
        row = self.db.one("SELECT visibility FROM documents WHERE id=?", (document_id,))
        if row is None:
            raise NotFound(f"no document {document_id}")
        return str(row["visibility"])

    def hidden_documents(self, seen: tuple[str, ...]) -> frozenset[str]:
        """Ids of the documents whose visibility is not in `seen`."""
        marks = ", ".join("?" for _ in seen) or "''"
        rows = self.db.rows(f"SELECT id FROM documents WHERE visibility NOT IN ({marks})", seen)
        return frozenset(r[0] for r in rows)
