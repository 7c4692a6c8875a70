"""Ingest batches and their per-file outcomes (tables `batches`, `batch_files`), reached as
`store.batches`.

A batch row is written when a run starts, one `batch_files` row as each file is decided, and
the finish time with the report's path at the end: a run that was killed leaves a batch
without `finished`, and the files it did decide.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from corpus.database import Database, now


class Batches:
    """Writing and reading the record of ingest runs."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def start(self, settings: Mapping[str, Any], started: str | None = None) -> tuple[int, str]:
        """Record a new batch run with the settings it runs under; its id and start time."""
        started = started or now()
        with self.db.transaction():
            cursor = self.db.write("INSERT INTO batches(started, settings) VALUES (?, ?)",
                                   (started, json.dumps(dict(settings), ensure_ascii=False)))
        return int(cursor.lastrowid or 0), started

    def record_file(self, batch_id: int, path: str, outcome: str, reason: str | None = None,
                    document_id: str | None = None, seconds: float | None = None) -> None:
        """What became of one file of the batch (a later record of the same path replaces it).
        A document's id is the sha256 of its source, so it is stored as both."""
        with self.db.transaction():
            self.db.write(
                "INSERT OR REPLACE INTO batch_files VALUES (?,?,?,?,?,?,?)",
                (batch_id, path, document_id, document_id, outcome, reason, seconds))

    def finish(self, batch_id: int, report: str, finished: str | None = None) -> str:
        """Record the end of a batch and where its JSON report was written; the finish time."""
        finished = finished or now()
        with self.db.transaction():
            self.db.write("UPDATE batches SET finished=?, report=? WHERE id=?",
                          (finished, report, batch_id))
        return finished

    def last(self) -> dict[str, Any] | None:
        """The newest batch with its per-file outcomes, or None before the first ingest:
        {"batch", "started", "finished", "report", "files": [{"path", "document_id",
        "outcome", "reason", "seconds"}]}."""
        row = self.db.one("SELECT * FROM batches ORDER BY id DESC LIMIT 1")
        if row is None:
            return None
        files = [dict(r) for r in self.db.rows(
            "SELECT path, document_id, outcome, reason, seconds FROM batch_files "
            "WHERE batch_id=? ORDER BY rowid", (row["id"],))]
        return {"batch": row["id"], "started": row["started"], "finished": row["finished"],
                "report": row["report"], "files": files}

    def settings(self, batch_id: int) -> dict[str, Any]:
        """The settings a batch was started with ({} for an unknown batch)."""
        row = self.db.one("SELECT settings FROM batches WHERE id=?", (batch_id,))
        return {} if row is None else dict(json.loads(row[0]))
