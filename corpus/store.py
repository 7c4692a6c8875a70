"""The archive's store: SQLite (the source of truth) plus the kept source files.

Layout of a data folder: `corpus.sqlite`, `files/ab/abcdef...` (each accepted source file, named
by its sha256), `index/`, `models/`, `reports/`. A document is written in one transaction, so a
crash leaves either the old state or the new one, never half a document.

`Store` is the one object callers open (`with Store(folder) as store:`). It owns the connection,
the transactions and the schema; documents are its own methods, and the other tables are
reached through query groups by concern: `store.blocks`, `store.entities`, `store.minutes`,
`store.memory`, `store.batches`, `store.embeddings`, `store.versions` (versions, corrections,
the trash, listings), `store.audit` and `store.users` (accounts, visibility). Every SQL statement of the project is in
`corpus`; nothing outside it needs `sqlite3`.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from corpus.audit import Audit
from corpus.batches import Batches
from corpus.blocks import Blocks
from corpus.browse import Browse
from corpus.database import DATABASE, Database, now, storage_error
from corpus.embeddings import Embeddings
from corpus.entity_queries import Entities
from corpus.errors import NotFound
from corpus.kept import Incoming
from corpus.meetings import KEY_SQL, Meetings
from corpus.memory import Memory
from corpus.messages import Message
from corpus.minutes_store import Minutes
from corpus.model import Document
from corpus.renditions import Renditions
from corpus.users import Users
from corpus.versions import INDEX_STAGE, Versions, current_sql

__all__ = ["DATABASE", "INDEX_STAGE", "Store", "now", "storage_error"]

_DOC_FIELDS = (
    "source_name", "media_type", "kind", "title", "language", "session", "collection", "city",
    "date",
    "author", "created", "modified", "pages", "status",
)
#: what a session's page lists of each of its documents.
_SESSION_FIELDS = ("id", "source_name", "title", "kind", "language", "collection", "city",
                   "date")


class Store:
    """One archive. Open it with `Store(data_folder)`; use as a context manager to close it."""

    def __init__(self, data: Path, readonly: bool = False) -> None:
        self.data = Path(data)
        self.readonly = readonly
        self.incoming = Incoming(self.data / "files")
        if readonly and not (self.data / DATABASE).exists():
            raise NotFound(Message("no_archive", folder=str(self.data)))
        try:
            if not readonly:
                for sub in ("files", "index", "models", "reports"):
                    (self.data / sub).mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise storage_error(err) from err
        self.db = Database.open(self.data / DATABASE, readonly)
        self.blocks = Blocks(self.db)
        self.entities = Entities(self.db)
        self.minutes = Minutes(self.db)
        self.meetings = Meetings(self.db)
        self.memory = Memory(self.db)
        self.batches = Batches(self.db)
        self.embeddings = Embeddings(self.db)
        self.audit = Audit(self.db)
        self.versions = Versions(self.db, self.audit)
        self.browse = Browse(self.db)
        self.renditions = Renditions(self.db)
        self.users = Users(self.db)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One unit of writes: BEGIN IMMEDIATE ... COMMIT, rolled back whole on any error.
        The store's own writes (`save_document`, `memory.add`, ...) join it, so several of them
        can be made to succeed or fail together."""
        with self.db.transaction():
            yield

    def schema_version(self) -> int:
        """The schema version of the open database (`PRAGMA user_version`)."""
        return self.db.schema_version()

    def integrity(self, full: bool = False) -> list[str]:
        """The damage SQLite's own check finds in the database ([] when sound); `full` runs
        `integrity_check` instead of `quick_check` (see `Database.integrity`)."""
        return self.db.integrity(full)

    def refuse_damaged(self) -> None:
        """Raise `DamagedArchive` when the database fails `quick_check`."""
        self.db.refuse_damaged()

    def journal_mode(self) -> str:
        """SQLite's journal mode: "wal" for an archive opened for writing."""
        return self.db.journal_mode()

    # kept files --------------------------------------------------------------------------

    def file_path(self, sha256: str) -> Path:
        return self.data / "files" / sha256[:2] / sha256

    def keep_file(self, source: Path, sha256: str) -> Path:
        """Copy the source file into the archive (once), written to a temporary name and
        renamed, so a crash never leaves a half-copied file under the final name."""
        target = self.file_path(sha256)
        if target.exists() and target.stat().st_size == source.stat().st_size:
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        try:
            with open(source, "rb") as src, open(partial, "wb") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
                dst.flush()
                os.fsync(dst.fileno())
            os.replace(partial, target)
        except OSError as err:
            partial.unlink(missing_ok=True)
            raise storage_error(err) from err
        return target

    def stage_file(self, source: Path) -> tuple[Path, str]:
        """Copy a new source file into the archive's staging folder, hashing the bytes copied:
        (the copy, its sha256). The worker parses the copy and `keep_staged` keeps it, so the
        text, the id and the kept bytes come from one read. OSError if the source cannot be
        read; a failed write (disk full) is a `StoreError`."""
        with open(source, "rb"):
            pass  # a source that cannot be read is the caller's OSError, not the archive's
        try:
            return self.incoming.stage(source)
        except OSError as err:
            raise storage_error(err) from err

    def keep_staged(self, staged: Path, sha256: str) -> Path:
        """Keep a staged copy under its sha256 (a rename: it is already on disk in full)."""
        target = self.file_path(sha256)
        try:
            if target.exists():
                staged.unlink(missing_ok=True)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(staged, target)
        except OSError as err:
            raise storage_error(err) from err
        return target

    def discard_file(self, sha256: str) -> bool:
        """Delete a kept source file that no stored document uses any more; True if deleted."""
        if self.has_document(sha256):
            return False
        try:
            self.file_path(sha256).unlink()
        except FileNotFoundError:
            return False
        except OSError as err:
            raise storage_error(err) from err
        return True

    # documents: writing ------------------------------------------------------------------

    def save_document(self, doc: Document, stages: dict[str, str] | None = None,
                      source_path: str | None = None, reindex: bool = True) -> None:
        """Write the whole document (replacing an earlier state of it) in one transaction.
        `reindex` clears its "indexed" mark in the same transaction: until the index has the
        new blocks, the archive knows it does not (see `mark_stage`)."""
        with self.transaction():
            if reindex:
                self.db.write("DELETE FROM stages WHERE document_id=? AND stage=?",
                              (doc.id, INDEX_STAGE))
            self._write_document(doc, source_path)
            self.blocks.save(doc.id, doc.blocks)
            self.minutes.save(doc.id, doc.minutes)
            for stage, version in (stages or {}).items():
                self.db.write(
                    "INSERT OR REPLACE INTO stages(document_id, stage, version, updated) "
                    "VALUES (?,?,?,?)", (doc.id, stage, version, now()))

    def _write_document(self, doc: Document, source_path: str | None) -> None:
        values = {f: getattr(doc, f) for f in _DOC_FIELDS}
        values["problems"] = json.dumps(doc.problems, ensure_ascii=False)
        values["properties"] = json.dumps(doc.properties, ensure_ascii=False, default=str)
        if self.db.one("SELECT version FROM documents WHERE id=?", (doc.id,)):
            sets = ", ".join(f"{k}=?" for k in values)
            self.db.write(f"UPDATE documents SET {sets}, updated=? WHERE id=?",
                          (*values.values(), now(), doc.id))
            return
        row = self.db.one("SELECT COALESCE(MAX(version), 0) + 1 FROM documents "
                          "WHERE source_name=?", (doc.source_name,))
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        self.db.write(
            f"INSERT INTO documents(id, source_path, version, ingested, updated, {columns}) "
            f"VALUES (?,?,?,?,?, {marks})",
            (doc.id, source_path, row[0] if row else 1, now(), now(), *values.values()))

    def mark_stage(self, document_ids: list[str], stage: str, version: str) -> None:
        """Record that `stage` (at `version`) is done for these documents (those still stored)."""
        with self.transaction():
            self.db.write_many(
                "INSERT OR REPLACE INTO stages(document_id, stage, version, updated) "
                "SELECT id, ?, ?, ? FROM documents WHERE id=?",
                [(stage, version, now(), i) for i in document_ids])

    # documents: reading ------------------------------------------------------------------

    def has_document(self, document_id: str) -> bool:
        return self.db.one("SELECT 1 FROM documents WHERE id=?", (document_id,)) is not None

    def load_document(self, document_id: str) -> Document:
        row = self.db.one("SELECT * FROM documents WHERE id=?", (document_id,))
        if row is None:
            raise NotFound(f"no document {document_id}")
        doc = Document(id=row["id"], **{f: row[f] for f in _DOC_FIELDS})
        doc.problems = json.loads(row["problems"])
        doc.properties = json.loads(row["properties"])
        doc.blocks = self.blocks.load(document_id)
        doc.minutes = self.minutes.load(document_id)
        return doc

    def document_info(self, document_id: str) -> dict[str, Any]:
        """The stored row of a document (with version, source path, dates), as a dict."""
        row = self.db.one("SELECT * FROM documents WHERE id=?", (document_id,))
        if row is None:
            raise NotFound(f"no document {document_id}")
        info = dict(row)
        info["problems"] = json.loads(info["problems"])
        info["properties"] = json.loads(info["properties"])
        return info

    def resolve(self, ref: str) -> str:
        """A document id from an id, a unique id prefix or a source file name (its current
        version first, then the latest)."""
        row = self.db.one(
            "SELECT id FROM documents WHERE source_name=? ORDER BY trashed IS NOT NULL, "
            "superseded_by IS NOT NULL, version DESC LIMIT 1", (ref,))
        if row is not None:
            return str(row["id"])
        if len(ref) >= 4 and all(c in "0123456789abcdef" for c in ref.lower()):
            rows = self.db.rows("SELECT id FROM documents WHERE id LIKE ? LIMIT 2",
                                (ref.lower() + "%",))
            if len(rows) == 1:
                return str(rows[0]["id"])
            if len(rows) > 1:
                raise NotFound(Message("ambiguous_document", ref=ref))
        raise NotFound(Message("no_document", ref=ref))

    def document_ids(self) -> list[str]:
        """Every stored document's id, in ingest order."""
        return [r["id"] for r in self.db.rows("SELECT id FROM documents ORDER BY ingested, id")]

    def document_count(self) -> int:
        row = self.db.one("SELECT COUNT(*) FROM documents")
        return int(row[0]) if row else 0

    def is_empty(self) -> bool:
        """True while no document is stored."""
        return self.db.one("SELECT 1 FROM documents LIMIT 1") is None

    def sources(self) -> list[tuple[str, str]]:
        """(document id, source file name) of every stored document, by source name."""
        rows = self.db.rows("SELECT id, source_name FROM documents ORDER BY source_name")
        return [(r[0], r[1]) for r in rows]

    def session_documents(self, session: str) -> list[dict[str, Any]]:
        """The documents of a session or of a collection label (id, source_name, title, kind,
        language, collection, city, date), by date and source name."""
        rows = self.db.rows(
            f"SELECT {', '.join(_SESSION_FIELDS)} FROM documents WHERE (session = ? OR "
            f"collection = ?) AND {current_sql()} ORDER BY date, source_name",
            (session, session))
        return [dict(r) for r in rows]

    def minutes_ids(self, ref: str) -> list[str]:
        """Ids of the current minutes documents of a meeting key, a date or a collection label,
        by date, session and source name."""
        rows = self.db.rows(
            "SELECT id FROM documents WHERE kind='minutes' AND (session=? OR date=? OR "
            f"collection=? OR id IN (SELECT s.document_id FROM sessions s WHERE {KEY_SQL}=?)) "
            f"AND {current_sql()} "
            "ORDER BY date, session, source_name", (ref, ref, ref, ref))
        return [r[0] for r in rows]

    def counts(self) -> dict[str, dict[str, int]]:
        """Document counts by kind, language and status."""
        result: dict[str, dict[str, int]] = {}
        for column in ("kind", "language", "status"):
            rows = self.db.rows(
                f"SELECT {column} AS value, COUNT(*) AS n FROM documents GROUP BY {column} "
                "ORDER BY n DESC, value")
            result[column] = {r["value"]: r["n"] for r in rows}
        return result

    def block_count(self) -> int:
        return self.blocks.count()

    def last_batch(self) -> dict[str, Any] | None:
        """The newest batch with its per-file outcomes (see `Batches.last`)."""
        return self.batches.last()

    def signature(self) -> tuple[Any, ...]:
        """Changes whenever a document is saved (its `updated` moves) or rows are added; cheap
        enough to ask once a second, since it reads no table whole but `documents`."""
        row = self.db.one(
            "SELECT (SELECT COUNT(*) FROM documents), (SELECT MAX(updated) FROM documents), "
            "(SELECT MAX(rowid) FROM blocks), (SELECT MAX(rowid) FROM embeddings), "
            "(SELECT MAX(rowid) FROM entities), (SELECT MAX(id) FROM audit)")
        return tuple(row) if row else ()

    # analysis stages ---------------------------------------------------------------------

    def stage_versions(self, document_id: str) -> dict[str, str]:
        rows = self.db.rows("SELECT stage, version FROM stages WHERE document_id=?",
                            (document_id,))
        return {r["stage"]: r["version"] for r in rows}

    def stage_records(self, document_id: str | None = None
                      ) -> dict[str, dict[str, tuple[str, str]]]:
        """Document id -> stage -> (version, when it was done), of one document or of all."""
        where, params = ("WHERE document_id=?", (document_id,)) if document_id else ("", ())
        found: dict[str, dict[str, tuple[str, str]]] = {}
        for r in self.db.rows(f"SELECT document_id, stage, version, updated FROM stages {where}",
                              params):
            found.setdefault(r[0], {})[r[1]] = (r[2], r[3])
        return found

    def documents_without(self, stage: str, version: str) -> list[str]:
        """Stored documents whose `stage` is missing or at another version."""
        rows = self.db.rows(
            "SELECT id FROM documents WHERE id NOT IN "
            "(SELECT document_id FROM stages WHERE stage=? AND version=?) ORDER BY id",
            (stage, version))
        return [r[0] for r in rows]
