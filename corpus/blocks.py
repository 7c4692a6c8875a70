"""Blocks and their translations (tables `blocks`, `translations`), reached as `store.blocks`.

A document's blocks are written and read whole by `Store.save_document` and `load_document`;
the other queries here are what the search index, the check and the web page read across
documents: every block with its document's fields, block ids per document, a few blocks'
texts and translations.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from corpus.database import Database, Row
from corpus.model import Block, Entity, Translation
from corpus.versions import current_sql

_BLOCK_COLUMNS = (
    "id, ord, kind, text, language, page, paragraph, level, table_no, row_no, col_no, "
    "list_label, needs_ocr, ocr, confidence"
)
#: the most ids bound in one `IN (...)` (SQLite's default limit is 32,766; kept far below).
_CHUNK = 500


class BlockRow(NamedTuple):
    """A block with the fields of its document that search filters and facets read."""

    block_id: str
    block_language: str
    document_id: str
    source_name: str
    title: str | None
    kind: str
    city: str | None
    session: str | None
    date: str | None
    document_language: str
    #: words in the block's text (spaces + 1): a heading of one or two words is too short to
    #: be found by meaning alone.
    words: int = 0


class Blocks:
    """Queries over blocks and their translations."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def count(self) -> int:
        row = self.db.one("SELECT COUNT(*) FROM blocks")
        return int(row[0]) if row else 0

    def with_documents(self) -> list[BlockRow]:
        """Every block of the current documents with its document's fields, documents in
        ingest order, blocks in reading order (the search catalog's rows)."""
        rows = self.db.rows(
            "SELECT b.id, b.language, d.id, d.source_name, d.title, d.kind, d.city, d.session, "
            "d.date, d.language, "
            "length(trim(b.text)) - length(replace(trim(b.text), ' ', '')) + 1 "
            "FROM blocks b JOIN documents d ON d.id = b.document_id "
            f"WHERE {current_sql('d')} ORDER BY d.ingested, d.id, b.ord")
        return [BlockRow(*r) for r in rows]

    def ids_by_document(self) -> dict[str, set[str]]:
        """Document id -> the ids of its stored blocks, for the current documents (those the
        search index holds)."""
        found: dict[str, set[str]] = {}
        for r in self.db.iterate("SELECT b.document_id, b.id FROM blocks b JOIN documents d "
                                 f"ON d.id = b.document_id WHERE {current_sql('d')}"):
            found.setdefault(r[0], set()).add(r[1])
        return found

    def text(self, block_id: str) -> str | None:
        row = self.db.one("SELECT text FROM blocks WHERE id=?", (block_id,))
        return None if row is None else str(row[0])

    def details(self, block_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """What a search hit shows of each block: id, kind, ord, page, paragraph, language,
        text and `translations` ({language: text}); ids not stored are left out."""
        found: dict[str, dict[str, Any]] = {}
        for chunk, marks in _chunks(block_ids):
            for r in self.db.rows(
                    "SELECT id, kind, ord, page, paragraph, language, text FROM blocks "
                    f"WHERE id IN ({marks})", chunk):
                found[r["id"]] = dict(r) | {"translations": {}}
            for r in self.db.rows(
                    "SELECT block_id, language, text FROM translations "
                    f"WHERE block_id IN ({marks})", chunk):
                if r["block_id"] in found:
                    found[r["block_id"]]["translations"][r["language"]] = r["text"]
        return found

    def translations(self, block_ids: Sequence[str], language: str) -> dict[str, str]:
        """Block id -> its stored translation into `language` (blocks without one left out)."""
        found: dict[str, str] = {}
        for chunk, marks in _chunks(block_ids):
            for r in self.db.rows(
                    "SELECT block_id, text FROM translations WHERE language=? "
                    f"AND block_id IN ({marks})", (language, *chunk)):
                found[r["block_id"]] = r["text"]
        return found

    def translation_languages(self) -> list[str]:
        """Every language some block is translated into, sorted."""
        return [r[0] for r in self.db.rows("SELECT DISTINCT language FROM translations ORDER BY 1")]

    # one document's blocks, written and read by Store ------------------------------------

    def save(self, document_id: str, blocks: Sequence[Block]) -> None:
        """Replace a document's blocks, inside the caller's transaction. A block keeps its row
        (and so its embedding) unless its text changed."""
        old_text = {r["id"]: r["text"] for r in self.db.rows(
            "SELECT id, text FROM blocks WHERE document_id=?", (document_id,))}
        kept = {b.id for b in blocks}
        for gone in set(old_text) - kept:
            self.db.write("DELETE FROM blocks WHERE id=?", (gone,))
        for block in blocks:
            self._write(document_id, block, old_text.get(block.id))

    def _write(self, document_id: str, b: Block, old_text: str | None) -> None:
        values = (document_id, b.id, b.order, b.kind, b.text, b.language, b.page, b.paragraph,
                  b.level, b.table, b.row, b.col, b.list_label, int(b.needs_ocr), int(b.ocr),
                  b.confidence)
        write = self.db.write
        if old_text is None:
            write(f"INSERT INTO blocks(document_id, {_BLOCK_COLUMNS}) VALUES (?{', ?' * 15})",
                  values)
        else:
            sets = ", ".join(f"{c.strip()}=?" for c in _BLOCK_COLUMNS.split(",")[1:])
            write(f"UPDATE blocks SET document_id=?, {sets} WHERE id=?",
                  (document_id, *values[2:], b.id))
            write("DELETE FROM translations WHERE block_id=?", (b.id,))
            write("DELETE FROM entities WHERE block_id=?", (b.id,))
            if old_text != b.text:
                write("DELETE FROM embeddings WHERE block_id=?", (b.id,))
        if b.embedding is not None:
            write("INSERT OR REPLACE INTO embeddings(block_id, model, dim, vector, windows) "
                  "VALUES (?,?,?,?,?)", (b.id, b.embedding.model, b.embedding.dim,
                                         b.embedding.vector, b.embedding.windows))
        for t in b.translations:
            write("INSERT OR REPLACE INTO translations(block_id, language, text, engine, "
                  "model_version, pivot, needs_review, review_reason) VALUES (?,?,?,?,?,?,?,?)",
                  (b.id, t.language, t.text, t.engine, t.model_version, t.pivot,
                   int(t.needs_review), t.review_reason))
        for e in b.entities:
            write("INSERT INTO entities(block_id, document_id, label, start, end, text, normal, "
                  "key) VALUES (?,?,?,?,?,?,?,COALESCE((SELECT key FROM entity_merges "
                  "WHERE alias=?), ?))",  # a key merged by hand stays merged
                  (b.id, document_id, e.label, e.start, e.end, e.text, e.normal, e.key, e.key))

    def load(self, document_id: str) -> list[Block]:
        """A document's blocks in reading order, with their translations and entities."""
        rows = self.db.rows(
            f"SELECT {_BLOCK_COLUMNS} FROM blocks WHERE document_id=? ORDER BY ord", (document_id,))
        blocks = [_block_from_row(r) for r in rows]
        by_id = {b.id: b for b in blocks}
        for r in self.db.rows(
                "SELECT t.* FROM translations t JOIN blocks b ON b.id=t.block_id "
                "WHERE b.document_id=? ORDER BY t.language", (document_id,)):
            by_id[r["block_id"]].translations.append(Translation(
                language=r["language"], text=r["text"], engine=r["engine"],
                model_version=r["model_version"], pivot=r["pivot"],
                needs_review=bool(r["needs_review"]), review_reason=r["review_reason"]))
        for r in self.db.rows(
                "SELECT * FROM entities WHERE document_id=? ORDER BY id", (document_id,)):
            by_id[r["block_id"]].entities.append(Entity(
                label=r["label"], start=r["start"], end=r["end"], text=r["text"],
                normal=r["normal"], key=r["key"]))
        return blocks


def _chunks(ids: Sequence[str]) -> list[tuple[list[str], str]]:
    """The ids in slices small enough to bind, each with its `?,?,...` placeholders."""
    out = []
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start : start + _CHUNK])
        out.append((chunk, ",".join("?" * len(chunk))))
    return out


def _block_from_row(r: Row) -> Block:
    return Block(
        id=r["id"], order=r["ord"], kind=r["kind"], text=r["text"], language=r["language"],
        page=r["page"], paragraph=r["paragraph"], level=r["level"], table=r["table_no"],
        row=r["row_no"], col=r["col_no"], list_label=r["list_label"],
        needs_ocr=bool(r["needs_ocr"]), ocr=bool(r["ocr"]), confidence=r["confidence"])
