"""The archive's store: SQLite (the source of truth) plus the kept source files.

Layout of a data folder: `corpus.sqlite`, `files/ab/abcdef...` (each accepted source file, named
by its sha256), `index/`, `models/`, `reports/`. A document is written in one transaction, so a
crash leaves either the old state or the new one, never half a document.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from corpus import minutes_store
from corpus.errors import NotFound, StoreError
from corpus.messages import Message
from corpus.model import Block, Document, Entity, Translation
from corpus.schema import MIGRATIONS, SCHEMA_VERSION

DATABASE = "corpus.sqlite"
#: the stage row that says the search index holds a document's current blocks.
INDEX_STAGE = "index"

_BLOCK_COLUMNS = (
    "id, ord, kind, text, language, page, paragraph, level, table_no, row_no, col_no, "
    "list_label, needs_ocr, ocr, confidence"
)
_DOC_FIELDS = (
    "source_name", "media_type", "kind", "title", "language", "session", "city", "date",
    "author", "created", "modified", "pages", "status",
)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


#: errors that mean "no room to write": a full disk, a full quota, a file size limit.
_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
_SQLITE_FULL = 13
_SQLITE_IOERR_WRITE = 778


def storage_error(err: Exception) -> StoreError:
    """The project's error for a failed read or write of the archive, saying "disk full" when
    that is the cause, so the user knows what to do (and that nothing stored is lost)."""
    text = str(err)
    code = getattr(err, "sqlite_errorcode", None)
    if (isinstance(err, OSError) and err.errno in _FULL_ERRNOS) or code == _SQLITE_FULL \
            or "disk is full" in text:
        return StoreError("disk full: free some space and run the command again "
                          "(what was stored before is kept)")
    if code == _SQLITE_IOERR_WRITE:
        return StoreError(f"could not write the archive database (is the disk full?): {text}")
    return StoreError(f"archive database error: {text}")



class Store:
    """One archive. Open it with `Store(data_folder)`; use as a context manager to close it."""

    def __init__(self, data: Path, readonly: bool = False) -> None:
        self.data = Path(data)
        self.readonly = readonly
        if readonly and not (self.data / DATABASE).exists():
            raise NotFound(Message("no_archive", folder=str(self.data)))
        try:
            if not readonly:
                for sub in ("files", "index", "models", "reports"):
                    (self.data / sub).mkdir(parents=True, exist_ok=True)
            self.conn = self._connect()
            if not readonly:
                self._migrate()
        except (sqlite3.Error, OSError) as err:
            raise storage_error(err) from err

    def _connect(self) -> sqlite3.Connection:
        path = self.data / DATABASE
        if self.readonly:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None,
                                   check_same_thread=False)
        else:
            conn = sqlite3.connect(path, isolation_level=None, timeout=60,
                                   check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA busy_timeout=60000")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.row_factory = sqlite3.Row
        return conn

    def _migrate(self) -> None:
        current = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if current > SCHEMA_VERSION:
            raise StoreError(f"archive schema {current} is newer than this program ({SCHEMA_VERSION})")
        for version in range(current, SCHEMA_VERSION):
            with self.transaction():
                for statement in MIGRATIONS[version].split(";"):
                    if statement.strip():
                        self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version={version + 1}")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT; anything raised rolls the whole unit back."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as err:
            raise storage_error(err) from err
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as err:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(err, sqlite3.Error):
                raise storage_error(err) from err
            raise

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

    # documents ---------------------------------------------------------------------------

    def has_document(self, document_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM documents WHERE id=?", (document_id,)).fetchone()
        return row is not None

    def stage_versions(self, document_id: str) -> dict[str, str]:
        rows = self.conn.execute(
            "SELECT stage, version FROM stages WHERE document_id=?", (document_id,))
        return {r["stage"]: r["version"] for r in rows}

    def mark_stage(self, document_ids: list[str], stage: str, version: str) -> None:
        """Record that `stage` (at `version`) is done for these documents (those still stored)."""
        with self.transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO stages(document_id, stage, version, updated) "
                "SELECT id, ?, ?, ? FROM documents WHERE id=?",
                [(stage, version, now(), i) for i in document_ids])

    def documents_without(self, stage: str, version: str) -> list[str]:
        """Stored documents whose `stage` is missing or at another version."""
        rows = self.conn.execute(
            "SELECT id FROM documents WHERE id NOT IN "
            "(SELECT document_id FROM stages WHERE stage=? AND version=?) ORDER BY id",
            (stage, version))
        return [r[0] for r in rows]

    def save_document(self, doc: Document, stages: dict[str, str] | None = None,
                      source_path: str | None = None, reindex: bool = True) -> None:
        """Write the whole document (replacing an earlier state of it) in one transaction.
        `reindex` clears its "indexed" mark in the same transaction: until the index has the
        new blocks, the archive knows it does not (see `mark_stage`)."""
        with self.transaction() as conn:
            if reindex:
                conn.execute("DELETE FROM stages WHERE document_id=? AND stage=?",
                             (doc.id, INDEX_STAGE))
            self._write_document(conn, doc, source_path)
            old_text = {r["id"]: r["text"] for r in conn.execute(
                "SELECT id, text FROM blocks WHERE document_id=?", (doc.id,))}
            kept = {b.id for b in doc.blocks}
            for gone in set(old_text) - kept:
                conn.execute("DELETE FROM blocks WHERE id=?", (gone,))
            for block in doc.blocks:
                _write_block(conn, doc.id, block, old_text.get(block.id))
            minutes_store.save(conn, doc.id, doc.minutes)
            for stage, version in (stages or {}).items():
                conn.execute(
                    "INSERT OR REPLACE INTO stages(document_id, stage, version, updated) "
                    "VALUES (?,?,?,?)", (doc.id, stage, version, now()))

    def _write_document(self, conn: sqlite3.Connection, doc: Document,
                        source_path: str | None) -> None:
        values = {f: getattr(doc, f) for f in _DOC_FIELDS}
        values["problems"] = json.dumps(doc.problems, ensure_ascii=False)
        values["properties"] = json.dumps(doc.properties, ensure_ascii=False, default=str)
        existing = conn.execute("SELECT version FROM documents WHERE id=?", (doc.id,)).fetchone()
        if existing:
            sets = ", ".join(f"{k}=?" for k in values)
            conn.execute(f"UPDATE documents SET {sets}, updated=? WHERE id=?",
                         (*values.values(), now(), doc.id))
            return
        version = conn.execute(
            "SELECT COALESCE(MAX(version), 0) + 1 FROM documents WHERE source_name=?",
            (doc.source_name,)).fetchone()[0]
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        conn.execute(
            f"INSERT INTO documents(id, source_path, version, ingested, updated, {columns}) "
            f"VALUES (?,?,?,?,?, {marks})",
            (doc.id, source_path, version, now(), now(), *values.values()))

    def load_document(self, document_id: str) -> Document:
        row = self.conn.execute("SELECT * FROM documents WHERE id=?", (document_id,)).fetchone()
        if row is None:
            raise NotFound(f"no document {document_id}")
        doc = Document(id=row["id"], **{f: row[f] for f in _DOC_FIELDS})
        doc.problems = json.loads(row["problems"])
        doc.properties = json.loads(row["properties"])
        doc.blocks = self._load_blocks(document_id)
        doc.minutes = minutes_store.load(self.conn, document_id)
        return doc

    def _load_blocks(self, document_id: str) -> list[Block]:
        rows = self.conn.execute(
            f"SELECT {_BLOCK_COLUMNS} FROM blocks WHERE document_id=? ORDER BY ord", (document_id,))
        blocks = [_block_from_row(r) for r in rows]
        by_id = {b.id: b for b in blocks}
        for r in self.conn.execute(
                "SELECT t.* FROM translations t JOIN blocks b ON b.id=t.block_id "
                "WHERE b.document_id=? ORDER BY t.language", (document_id,)):
            by_id[r["block_id"]].translations.append(Translation(
                language=r["language"], text=r["text"], engine=r["engine"],
                model_version=r["model_version"], pivot=r["pivot"],
                needs_review=bool(r["needs_review"])))
        for r in self.conn.execute(
                "SELECT * FROM entities WHERE document_id=? ORDER BY id", (document_id,)):
            by_id[r["block_id"]].entities.append(Entity(
                label=r["label"], start=r["start"], end=r["end"], text=r["text"],
                normal=r["normal"], key=r["key"]))
        return blocks

    def document_info(self, document_id: str) -> dict[str, Any]:
        """The stored row of a document (with version, source path, dates), as a dict."""
        row = self.conn.execute("SELECT * FROM documents WHERE id=?", (document_id,)).fetchone()
        if row is None:
            raise NotFound(f"no document {document_id}")
        info = dict(row)
        info["problems"] = json.loads(info["problems"])
        info["properties"] = json.loads(info["properties"])
        return info

    def resolve(self, ref: str) -> str:
        """A document id from an id, a unique id prefix or a source file name (latest version)."""
        rows = self.conn.execute(
            "SELECT id FROM documents WHERE source_name=? ORDER BY version DESC LIMIT 1", (ref,)
        ).fetchall()
        if rows:
            return str(rows[0]["id"])
        if len(ref) >= 4 and all(c in "0123456789abcdef" for c in ref.lower()):
            rows = self.conn.execute(
                "SELECT id FROM documents WHERE id LIKE ? LIMIT 2", (ref.lower() + "%",)
            ).fetchall()
            if len(rows) == 1:
                return str(rows[0]["id"])
            if len(rows) > 1:
                raise NotFound(Message("ambiguous_document", ref=ref))
        raise NotFound(Message("no_document", ref=ref))

    def document_ids(self) -> list[str]:
        return [r["id"] for r in self.conn.execute("SELECT id FROM documents ORDER BY ingested, id")]

    def counts(self) -> dict[str, dict[str, int]]:
        """Document counts by kind, language and status."""
        result: dict[str, dict[str, int]] = {}
        for column in ("kind", "language", "status"):
            rows = self.conn.execute(
                f"SELECT {column} AS value, COUNT(*) AS n FROM documents GROUP BY {column} "
                "ORDER BY n DESC, value")
            result[column] = {r["value"]: r["n"] for r in rows}
        return result

    def last_batch(self) -> dict[str, Any] | None:
        """The newest batch with its per-file outcomes, or None before the first ingest."""
        row = self.conn.execute("SELECT * FROM batches ORDER BY id DESC LIMIT 1").fetchone()
        if row is None:
            return None
        files = [dict(r) for r in self.conn.execute(
            "SELECT path, document_id, outcome, reason, seconds FROM batch_files "
            "WHERE batch_id=? ORDER BY rowid", (row["id"],))]
        return {"batch": row["id"], "started": row["started"], "finished": row["finished"],
                "report": row["report"], "files": files}

    def block_count(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM blocks").fetchone()[0])


def _write_block(conn: sqlite3.Connection, document_id: str, b: Block,
                 old_text: str | None) -> None:
    """Insert or update a block in place, so rows keyed by block id (embeddings) survive a
    re-save unless the block's text changed."""
    values = (document_id, b.id, b.order, b.kind, b.text, b.language, b.page, b.paragraph,
              b.level, b.table, b.row, b.col, b.list_label, int(b.needs_ocr), int(b.ocr),
              b.confidence)
    if old_text is None:
        conn.execute(
            f"INSERT INTO blocks(document_id, {_BLOCK_COLUMNS}) VALUES (?{', ?' * 15})", values)
    else:
        sets = ", ".join(f"{c.strip()}=?" for c in _BLOCK_COLUMNS.split(",")[1:])
        conn.execute(f"UPDATE blocks SET document_id=?, {sets} WHERE id=?",
                     (document_id, *values[2:], b.id))
        conn.execute("DELETE FROM translations WHERE block_id=?", (b.id,))
        conn.execute("DELETE FROM entities WHERE block_id=?", (b.id,))
        if old_text != b.text:
            conn.execute("DELETE FROM embeddings WHERE block_id=?", (b.id,))
    if b.embedding is not None:
        conn.execute("INSERT OR REPLACE INTO embeddings VALUES (?,?,?,?)",
                     (b.id, b.embedding.model, b.embedding.dim, b.embedding.vector))
    for t in b.translations:
        conn.execute(
            "INSERT OR REPLACE INTO translations VALUES (?,?,?,?,?,?,?)",
            (b.id, t.language, t.text, t.engine, t.model_version, t.pivot, int(t.needs_review)))
    for e in b.entities:
        conn.execute(
            "INSERT INTO entities(block_id, document_id, label, start, end, text, normal, key) "
            "VALUES (?,?,?,?,?,?,?,?)",
            (b.id, document_id, e.label, e.start, e.end, e.text, e.normal, e.key))


def _block_from_row(r: sqlite3.Row) -> Block:
    return Block(
        id=r["id"], order=r["ord"], kind=r["kind"], text=r["text"], language=r["language"],
        page=r["page"], paragraph=r["paragraph"], level=r["level"], table=r["table_no"],
        row=r["row_no"], col=r["col_no"], list_label=r["list_label"],
        needs_ocr=bool(r["needs_ocr"]), ocr=bool(r["ocr"]), confidence=r["confidence"])
