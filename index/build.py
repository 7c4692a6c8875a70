"""Building the Whoosh index from the store: incrementally, from scratch, and checking it.

The store is the source of truth; the index (the data folder's `index/`) can always be rebuilt
from it, so deleting the folder loses nothing. It holds the current documents only: a superseded
version or a document in the trash leaves it (`remove_documents`) and stays in the store. Only one process writes at a time: a writer that
finds the index locked waits (up to `LOCK_WAIT` seconds) instead of failing, and readers never
wait, since Whoosh readers see the last committed generation.
"""

from __future__ import annotations

import os
import pickle
import shutil
import struct
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corpus.errors import StoreError
from corpus.languages import script_language
from corpus.model import UNDETERMINED, Block, Document
from corpus.store import INDEX_STAGE, Store, storage_error
from index._whoosh import LockError, whoosh_index
from index.analysis import field_language
from index.catalog import date_number
from index.schema import SCHEMA_VERSION, build_schema, text_field

INDEX_FOLDER = "index"
VERSION_FILE = "sekretar-index-version"
#: seconds a writer waits for another writer to finish before giving up.
LOCK_WAIT = 300.0
#: what Whoosh raises when it reads a torn file (a power cut can leave one: it never fsyncs).
TORN = (EOFError, struct.error, pickle.UnpicklingError, zlib.error)
DAMAGED = ("the search index is damaged ({}); 'sekretar check --repair' rebuilds it from the "
           "archive, which has lost nothing")


def index_path(store: Store) -> Path:
    return store.data / INDEX_FOLDER


def index_exists(path: Path) -> bool:
    """True when `path` holds an index of this program's schema version."""
    version = path / VERSION_FILE
    return (
        whoosh_index.exists_in(str(path))
        and version.exists()
        and version.read_text("utf-8").strip() == SCHEMA_VERSION
    )


def open_index(path: Path, create: bool = True) -> Any:
    """The index at `path`, created empty when missing (or of another schema version)."""
    if index_exists(path):
        return whoosh_index.open_dir(str(path))
    if not create:
        return None
    path.mkdir(parents=True, exist_ok=True)
    ix = whoosh_index.create_in(str(path), build_schema())
    (path / VERSION_FILE).write_text(SCHEMA_VERSION, "utf-8")
    return ix


@contextmanager
def writing(ix: Any, **options: Any) -> Iterator[Any]:
    """A writer that waits for the lock; commits on success, cancels on any error."""
    try:
        writer = ix.writer(timeout=LOCK_WAIT, delay=0.25, **options)
    except LockError as err:
        raise StoreError(
            f"the search index stayed locked by another process for "
            f"{LOCK_WAIT:g} s; try again when it has finished"
        ) from err
    try:
        yield writer
    except BaseException as err:
        writer.cancel()
        _raise_damaged(err)
        raise
    try:
        writer.commit()
    except OSError as err:  # a full disk while writing segments: the last commit stays valid
        raise storage_error(err) from err
    except TORN as err:
        _raise_damaged(err)
        raise


def _raise_damaged(err: BaseException) -> None:
    """Whoosh reading a torn file raises one of `TORN`; the CLI would show only "Aborted."
    (click takes an EOFError for Ctrl+D). Say what happened and what to do instead."""
    if isinstance(err, TORN):
        raise StoreError(DAMAGED.format(f"{type(err).__name__}: {err}")) from err


def unreadable(path: Path) -> str | None:
    """Why the index at `path` cannot be opened for reading (a torn segment), or None."""
    try:
        ix = whoosh_index.open_dir(str(path))
        ix.reader().close()
    except Exception as err:  # noqa: BLE001 - any damage to Whoosh's files means "rebuild"
        return f"{type(err).__name__}: {err}"
    return None


def indexed_language(block_language: str | None, document_language: str | None, text: str) -> str:
    """The language a block is indexed (and highlighted) as: its own, else its document's,
    else a guess from its alphabet. Highlighting must use the same one as indexing, or the
    query's terms would be looked for under another analyser."""
    for language in (block_language, document_language):
        if language and language != UNDETERMINED:
            return language
    return script_language(text)


def block_fields(document: Document, block: Block) -> dict[str, Any]:
    """The Whoosh document of one block: its text in its language's field, each translation in
    its own language's field, and the document's facet values."""
    language = indexed_language(block.language, document.language, block.text)
    texts: dict[str, list[str]] = defaultdict(list)
    texts[text_field(field_language(language))].append(block.text)
    for translation in block.translations:
        texts[text_field(field_language(translation.language))].append(translation.text)
    number = date_number(document.date)
    values: dict[str, Any] = {
        "block_id": block.id,
        "doc_id": document.id,
        "source_name": document.source_name,
        "title": document.title,
        "doc_kind": document.kind,
        "session": document.session,
        "city": document.city,
        "date": document.date,
        "language": language,
        "year": str(number // 10000) if number else None,
        "block_kind": block.kind,
        "order": block.order,
        "page": block.page,
        "paragraph": block.paragraph,
        "entity": ",".join(sorted({e.key for e in block.entities if e.key})) or None,
        "text": block.text,
        **{name: "\n".join(parts) for name, parts in texts.items()},
    }
    return {k: v for k, v in values.items() if v is not None}


def _write_document(writer: Any, document: Document) -> None:
    writer.delete_by_term("doc_id", document.id)
    for block in document.blocks:
        writer.add_document(**block_fields(document, block))


def add_document(store: Store, document: Document) -> None:
    """Index one stored document, replacing its earlier blocks (called after each save), and
    mark it indexed once the index has committed it. A document that is not current (a
    superseded version, one in the trash) is taken out instead."""
    if store.versions.state(document.id) != "current":
        remove_documents(store, [document.id])
        return
    ix = open_index(index_path(store))
    with writing(ix) as writer:
        _write_document(writer, document)
    store.mark_stage([document.id], INDEX_STAGE, SCHEMA_VERSION)


def catch_up(store: Store, on_progress: Callable[[int, int], None] | None = None) -> int:
    """Index the stored documents not marked indexed: those a crash caught between the store's
    commit and the index's, or indexed by an older index version; an index that cannot be read
    is rebuilt whole. Returns how many."""
    path = index_path(store)
    if index_exists(path) and unreadable(path):
        shutil.rmtree(path)  # torn by a power cut: nothing in it that the store lacks
    current = store.versions.current_ids()
    if not index_exists(path) and current:
        rebuild(store, on_progress)  # deleted, damaged or of another version: rebuilt whole
        return len(current)
    wanted = set(current)
    ids = [i for i in store.documents_without(INDEX_STAGE, SCHEMA_VERSION) if i in wanted]
    if not ids:
        return 0
    ix = open_index(index_path(store))
    with writing(ix) as writer:
        for done, document_id in enumerate(ids, 1):
            _write_document(writer, store.load_document(document_id))
            if on_progress:
                on_progress(done, len(ids))
    store.mark_stage(ids, INDEX_STAGE, SCHEMA_VERSION)
    return len(ids)


def remove_documents(store: Store, document_ids: list[str]) -> None:
    """Take documents' blocks out of the index (superseded, trashed or purged ones); nothing to
    do without an index, which a rebuild makes of current documents only."""
    ix = open_index(index_path(store), create=False)
    if ix is None or not document_ids:
        return
    with writing(ix) as writer:
        for document_id in document_ids:
            writer.delete_by_term("doc_id", document_id)


def remove_document(store: Store, document_id: str) -> None:
    remove_documents(store, [document_id])


def rebuild(store: Store, on_progress: Callable[[int, int], None] | None = None) -> int:
    """Build a new index from the store beside the old one, then swap it in; returns the
    number of blocks indexed. The old index stays locked meanwhile, so nothing written by an
    ingest running at the same time is lost with it."""
    final = index_path(store)
    fresh = final.with_name(INDEX_FOLDER + ".new")
    shutil.rmtree(fresh, ignore_errors=True)
    old = open_index(final, create=False)
    guard = old.lock("WRITELOCK") if old is not None else None
    if guard is not None and not guard.acquire(blocking=True):
        raise StoreError("the search index is locked by another process")
    try:
        ids = store.versions.current_ids()
        count = _fill(store, ids, open_index(fresh), on_progress)
        _swap(fresh, final)
        store.mark_stage(ids, INDEX_STAGE, SCHEMA_VERSION)
    finally:
        if guard is not None:
            guard.release()
    return count


def _fill(
    store: Store, ids: list[str], ix: Any, on_progress: Callable[[int, int], None] | None
) -> int:
    count = 0
    with writing(ix, limitmb=256) as writer:
        for done, document_id in enumerate(ids, 1):
            document = store.load_document(document_id)
            for block in document.blocks:
                writer.add_document(**block_fields(document, block))
            count += len(document.blocks)
            if on_progress:
                on_progress(done, len(ids))
    return count


def _swap(fresh: Path, final: Path) -> None:
    retired = final.with_name(INDEX_FOLDER + ".old")
    shutil.rmtree(retired, ignore_errors=True)
    if final.exists():
        os.replace(final, retired)
    os.replace(fresh, final)
    shutil.rmtree(retired, ignore_errors=True)


@dataclass
class IndexCheck:
    """Differences between the store and the index, per document."""

    documents: int = 0
    blocks: int = 0
    missing: dict[str, list[str]] = field(default_factory=dict)  # doc -> block ids not indexed
    extra: dict[str, list[str]] = field(default_factory=dict)  # doc -> index entries not stored
    no_index: bool = False
    unreadable: str | None = None  # why the index could not be read at all

    @property
    def ok(self) -> bool:
        return not (self.missing or self.extra or self.no_index or self.unreadable)

    def problems(self) -> list[str]:
        if self.unreadable:
            return [f"the search index cannot be read ({self.unreadable}); "
                    "'sekretar check --repair' rebuilds it from the archive"]
        if self.no_index:
            return ["the search index is missing (run 'sekretar reindex')"]
        lines = [
            f"document {d[:12]}: {len(b)} block(s) missing from the index"
            for d, b in sorted(self.missing.items())
        ]
        lines += [
            f"document {d[:12]}: {len(b)} index entr(ies) not in the store"
            for d, b in sorted(self.extra.items())
        ]
        return lines


def compare(store: Store) -> IndexCheck:
    """Compare block ids per document in the store and in the index."""
    stored = store.blocks.ids_by_document()
    check = IndexCheck(
        documents=store.document_count(), blocks=sum(len(b) for b in stored.values())
    )
    try:
        ix = open_index(index_path(store), create=False)
        if ix is None:
            check.no_index = True
            return check
        indexed = indexed_blocks(ix)
    except Exception as err:  # noqa: BLE001 - any damage to Whoosh's files means "rebuild"
        check.unreadable = f"{type(err).__name__}: {err}"
        return check
    for doc in set(stored) | set(indexed):
        missing = stored.get(doc, set()) - indexed.get(doc, set())
        extra = indexed.get(doc, set()) - stored.get(doc, set())
        if missing:
            check.missing[doc] = sorted(missing)
        if extra:
            check.extra[doc] = sorted(extra)
    return check


def indexed_blocks(ix: Any) -> dict[str, set[str]]:
    """Document id -> block ids of the live (not deleted) entries of the index."""
    found: dict[str, set[str]] = defaultdict(set)
    with ix.reader() as reader:
        docs = reader.column_reader("doc_id")
        blocks = reader.column_reader("block_id")
        for docnum in range(reader.doc_count_all()):
            if not reader.is_deleted(docnum):
                found[docs[docnum]].add(blocks[docnum])
    return found


def repair(store: Store, check: IndexCheck | None = None) -> int:
    """Re-index every document with a difference (or rebuild when the index is missing), and
    take out what is no longer current; returns the number of documents fixed."""
    check = check or compare(store)
    if check.no_index or check.unreadable:
        if check.unreadable:
            shutil.rmtree(index_path(store), ignore_errors=True)
        rebuild(store)
        return check.documents
    targets = set(check.missing) | set(check.extra)
    current = set(store.versions.current_ids())
    ix = open_index(index_path(store))
    with writing(ix) as writer:
        for document_id in targets:
            if document_id in current:
                _write_document(writer, store.load_document(document_id))
            else:
                writer.delete_by_term("doc_id", document_id)
    store.mark_stage(sorted(targets), INDEX_STAGE, SCHEMA_VERSION)
    return len(targets)
