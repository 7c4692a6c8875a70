"""The audit log (table `audit`), reached as `store.audit`: every change made to a stored
document after ingest (a correction, a new version, a deletion, a restore, a purge) with when,
which command (and, from the web page, which account), and the old and new values, so any
change can be seen and undone by hand.
"""

from __future__ import annotations

import json
from typing import Any

from corpus.database import Database, now


class Audit:
    """Writing and reading the audit log."""

    def __init__(self, db: Database) -> None:
        self.db = db
        #: the account whose changes are being recorded (set by the web page; None from the
        #: command line, where the shell's user is the one who ran it).
        self.user: str | None = None

    def record(self, document_id: str, command: str, old: dict[str, Any],
               new: dict[str, Any]) -> None:
        """Add one entry, inside the caller's transaction (the change and its record are one
        unit: a change that rolls back leaves no entry)."""
        self.db.write(
            "INSERT INTO audit(at, document_id, command, old, new, user) VALUES (?,?,?,?,?,?)",
            (now(), document_id, command, json.dumps(old, ensure_ascii=False),
             json.dumps(new, ensure_ascii=False), self.user))

    def entries(self, document_id: str | None = None, limit: int | None = None
                ) -> list[dict[str, Any]]:
        """Entries newest first: {"id", "at", "document", "command", "old", "new", "user"}; one
        document's only when `document_id` is given."""
        where, params = ("WHERE document_id=?", [document_id]) if document_id else ("", [])
        rows = self.db.rows(
            f"SELECT id, at, document_id, command, old, new, user FROM audit {where} "
            "ORDER BY id DESC LIMIT ?", (*params, -1 if limit is None else limit))
        return [{"id": r["id"], "at": r["at"], "document": r["document_id"],
                 "command": r["command"], "old": json.loads(r["old"]),
                 "new": json.loads(r["new"]), "user": r["user"]} for r in rows]

    def last_id(self) -> int:
        """The newest entry's id (0 before any): part of the store's change signature."""
        row = self.db.one("SELECT MAX(id) FROM audit")
        return int(row[0] or 0) if row else 0
