"""What the web page and the JSON API show, read from one archive, read-only.

One `WebService` per server process: it opens the store read-only for the pages, behind a
lock (a SQLite connection is not meant for several threads at once), and searches on a pool of
readers, each a store and a `Searcher` of its own, within a time budget (`readers`; the first
is opened and warmed at start). Answers to searches are kept in a small cache that is dropped
whenever the store changes, so the same query from many delegates costs one search.

Anything that needs the pipeline (the Searcher with its query models, DOCX export) comes in
as a function.
"""

from __future__ import annotations

import contextlib
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from corpus.browse import GROUPS
from corpus.errors import NotFound, SekretarError
from corpus.messages import Message
from corpus.model import Document
from corpus.store import DATABASE, Store
from index.catalog import store_signature
from index.searcher import Filters, Searcher
from pipeline.web.readers import (
    MAX_PAGE,
    ExportCache,
    Limits,
    Readers,
    empty_answer,
    identity,
    made_export,
    search_page,
)

#: export_docx(document, language, out, side_by_side): writes a DOCX to `out`.
ExportDocx = Callable[[Document, str, Path, bool], Any]
MakeSearcher = Callable[[Store], Searcher]

#: documents on a browse page, and of each list on the home page.
BROWSE_PER_PAGE = 20
HOME_LIMIT = 10
CACHE_SIZE = 512
SIGNATURE_SECONDS = 1.0
EMPTY_ARCHIVE = Message("empty_archive")
BROWSE_GROUPS = tuple(GROUPS)


@dataclass
class SearchRequest:
    """A search as asked in the URL: the query, the facet filters and the page."""

    query: str = ""
    kind: str | None = None
    language: str | None = None
    city: str | None = None
    session: str | None = None
    year: str | None = None
    entity: str | None = None
    mode: str | None = None
    page: int = 1
    #: the visibilities of the documents the reader may see (corpus.users.SEES).
    seen: tuple[str, ...] = ("published",)
    #: the interface's language: a short query's language is judged with it in mind.
    interface: str | None = None

    def filters(self) -> Filters:
        return Filters(
            language=self.language,
            kind=self.kind,
            city=self.city,
            session=self.session,
            date_from=self.year,
            date_to=self.year,
            entity=self.entity,
        )

    def chosen(self) -> dict[str, str]:
        """The filters set, by facet name (for links that keep or drop one)."""
        names = ("kind", "language", "city", "session", "year", "entity")
        return {n: v for n in names if (v := getattr(self, n))}


class WebService:
    """The archive as the web sees it; every method may raise `SekretarError`."""

    def __init__(
        self,
        data: Path,
        make_searcher: MakeSearcher | None = None,
        export_docx: ExportDocx | None = None,
        browse_per_page: int = BROWSE_PER_PAGE,
        limits: Limits | None = None,
    ) -> None:
        self.data = Path(data).resolve()
        self.limits = limits or Limits()
        self.browse_per_page = max(1, browse_per_page)
        self.export_docx = export_docx
        self._make_searcher: MakeSearcher = make_searcher or Searcher
        self.lock = threading.RLock()
        self.store: Store | None = None
        self.readers = Readers(self._open_reader, self.limits)
        self.exports = ExportCache(self.limits.export_cache_bytes)
        self._cache: OrderedDict[tuple[Any, ...], dict[str, Any]] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._signature: tuple[Any, ...] | None = None
        self._checked = 0.0
        #: the open database file (device, inode): another one there is opened instead
        self._identity: tuple[int, int] | None = None
        with contextlib.suppress(Exception):  # an archive being made: each request tries again
            if self._open() is not None:
                # not a daemon: a process's exit waits for the warming search (at most its time
                # budget) rather than killing its thread mid-call, which is the likely cause of
                # a script once aborting at exit ("terminate called without an active exception")
                threading.Thread(target=self.readers.warm, name="warm").start()

    def _open(self) -> Store | None:
        """The store, opened on first use and again when the database file is replaced (a
        restore): a server started before the first ingest works once there is something to
        read. A failed open (an ingest still making the tables) is tried again next time."""
        found = identity(self.data / DATABASE)
        if self.store is not None and found != self._identity:
            self.close()
        if self.store is None and found is not None:
            self.store, self._identity = Store(self.data, readonly=True), found
            self._signature = None
            with self._cache_lock:
                self._cache.clear()
        return self.store

    def _open_reader(self) -> tuple[Store, Searcher]:
        """A store and its searcher for one search at a time; both open or neither."""
        store = Store(self.data, readonly=True)
        try:
            return store, self._make_searcher(store)
        except BaseException:
            store.close()
            raise

    def close(self, final: bool = False) -> None:
        with self.lock:
            self.readers.close() if final else self.readers.reset()
            if self.store is not None:
                self.store.close()
            self.store = None
            self._identity = None

    def document_count(self) -> int:
        with self.lock:
            store = self._open()
            if store is None:
                return 0
            return store.document_count()

    # search ----------------------------------------------------------------------------

    def search(self, request: SearchRequest) -> dict[str, Any]:
        """The `sekretar search --json` answer for one page, plus `page`, `per_page`,
        `pages` and `empty_archive`; from the cache while the store has not changed, else
        searched on a reader of its own (see `readers`), so one slow search holds no other."""
        page = min(max(request.page, 1), MAX_PAGE)
        key = (tuple(sorted(asdict(request).items())), page)
        if not self.lock.acquire(blocking=False):  # a page is reading: a cached answer at once
            cached = self._cached(key)
            if cached is not None:
                return cached
            self.lock.acquire()
        try:
            store = self._open()
            if store is None or self._is_empty(store):
                return empty_answer(request.query, request.mode, page)
            self._expire(store)
            hidden = store.users.hidden_documents(request.seen)
        finally:
            self.lock.release()
        cached = self._cached(key)
        if cached is not None:
            return cached
        filters = request.filters()
        filters.hidden = hidden
        answer = self.readers.run(lambda searcher: search_page(
            searcher, request.query, filters, request.mode, page, request.interface))
        with self._cache_lock:
            self._cache[key] = answer
            if len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return answer

    def _cached(self, key: tuple[Any, ...]) -> dict[str, Any] | None:
        with self._cache_lock:
            cached = self._cache.get(key)
            if cached is not None:
                self._cache.move_to_end(key)
            return cached

    def _is_empty(self, store: Store) -> bool:
        return store.is_empty()

    def _expire(self, store: Store) -> None:
        """Drop cached answers when the store has changed (checked at most once a second)."""
        now = time.monotonic()
        if now - self._checked < SIGNATURE_SECONDS:
            return
        signature = store_signature(store)
        if signature != self._signature:
            self._signature = signature
            with self._cache_lock:
                self._cache.clear()
        self._checked = now

    def changed(self) -> None:
        """This process changed the store: the next search looks at it again at once."""
        self._checked = 0.0
        self.readers.reset()

    def translations(self, block_ids: list[str], language: str) -> dict[str, str]:
        """Stored translations of some blocks into `language` (for results shown translated)."""
        if not block_ids:
            return {}
        with self.lock:
            return self._required().blocks.translations(block_ids, language)

    def translation_languages(self) -> list[str]:
        with self.lock:
            store = self._open()
            if store is None:
                return []
            return store.blocks.translation_languages()

    # browsing -----------------------------------------------------------------------------

    def home(self, seen: tuple[str, ...], limit: int = HOME_LIMIT
             ) -> dict[str, list[dict[str, Any]]]:
        """The newest meetings (from their minutes) and documents a reader who sees `seen`
        may read, `limit` of each."""
        with self.lock:
            store = self._open()
            if store is None:
                return {"meetings": [], "documents": []}
            listing = store.browse.seeing(seen)
            return {"meetings": listing.latest_meetings(limit),
                    "documents": listing.latest_documents(limit)}

    def browse_counts(self, seen: tuple[str, ...]) -> dict[str, dict[str, int]]:
        """Current documents counted by kind, city, year and meeting, with `all`: {"": n}."""
        with self.lock:
            store = self._open()
            if store is None:
                return {}
            listing = store.browse.seeing(seen)
            counts = {g: listing.counts(g) for g in BROWSE_GROUPS}
            return counts | {"all": {"": listing.count()}}

    def browse(self, group: str | None, value: str | None, page: int,
               seen: tuple[str, ...]) -> dict[str, Any]:
        """One page of the current documents whose `group` is `value` (every current document
        when `group` is None), newest first: `documents`, `total`, `page`, `pages`,
        `per_page`. A value no current document has is not found; a page past the last is
        the last."""
        with self.lock:
            store = self._required()
            listing = store.browse.seeing(seen)
            total = listing.count(group, value)
            if total == 0 and group is not None:
                raise NotFound(Message("page_not_found"))
            size = self.browse_per_page
            pages = max(1, math.ceil(total / size))
            page = min(max(page, 1), pages)
            documents = listing.documents(group, value, size, (page - 1) * size)
            return {"group": group, "value": value, "documents": documents, "total": total,
                    "page": page, "pages": pages, "per_page": size}

    # documents, entities, sessions -----------------------------------------------------

    def _required(self) -> Store:
        store = self._open()
        if store is None:
            raise NotFound(EMPTY_ARCHIVE)
        return store

    def visibility(self, document_id: str) -> str:
        with self.lock:
            return self._required().users.visibility(document_id)

    def lifecycle(self, document_id: str) -> tuple[str, list[dict[str, Any]]]:
        """A document's state (current, superseded, trashed) and its audit entries."""
        with self.lock:
            store = self._required()
            return store.versions.state(document_id), store.audit.entries(document_id, 20)

    def last_batch(self) -> dict[str, Any] | None:
        """The newest ingest batch with its files' outcomes (`store.batches.last`)."""
        with self.lock:
            store = self._open()
            return store.batches.last() if store is not None else None

    def hidden(self, seen: tuple[str, ...]) -> frozenset[str]:
        """Ids of the documents a reader who sees `seen` may not read."""
        with self.lock:
            store = self._open()
            return store.users.hidden_documents(seen) if store is not None else frozenset()

    def document(self, ref: str) -> Document:
        with self.lock:
            store = self._required()
            return store.load_document(store.resolve(ref))

    def original(self, ref: str) -> tuple[Path, Document]:
        """The kept source file of a document, found by the document's id only."""
        document = self.document(ref)
        files = (self.data / "files").resolve()
        assert self.store is not None
        path = self.store.file_path(document.id).resolve()
        if files not in path.parents or not path.is_file():
            raise NotFound(Message("no_source_file", name=document.source_name))
        return path, document

    def renditions(self, ref: str) -> list[dict[str, Any]]:
        """The document's other formats (`store.renditions`), in the order they were added."""
        with self.lock:
            store = self._required()
            return store.renditions.of(store.resolve(ref))

    def rendition(self, ref: str, sha256: str) -> tuple[Path, dict[str, Any]]:
        """The kept file of one rendition of a document, found by the document's id and the
        rendition's recorded sha256 (never by a path from the request)."""
        with self.lock:
            store = self._required()
            document_id = store.resolve(ref)
            row = store.renditions.find(document_id, sha256)
            if row is None:
                raise NotFound(Message("no_source_file", name=sha256[:12]))
            path = store.file_path(row["sha256"]).resolve()
        if (self.data / "files").resolve() not in path.parents or not path.is_file():
            raise NotFound(Message("no_source_file", name=row["source_name"]))
        return path, row

    def export(self, ref: str, language: str, side_by_side: bool) -> tuple[bytes, Document]:
        """A DOCX of the document in `language` (translated, or two columns side by side)."""
        if self.export_docx is None:
            raise NotFound(Message("no_export"))
        export_docx = self.export_docx
        with self.lock:
            store = self._required()
            info = store.document_info(store.resolve(ref))
        named = Document(info["id"], info["source_name"], info["media_type"])

        def make() -> bytes:
            document = self.document(info["id"])
            return made_export(document, self.limits.export_blocks,
                               lambda out: export_docx(document, language, out, side_by_side))

        key = (info["id"], info["updated"], language, side_by_side)
        return self.exports.get(key, make), named

    def entity(self, given: str) -> dict[str, Any]:
        """`sekretar entity --json` plus `paragraphs`: every block that mentions the entity."""
        with self.lock:
            store = self._required()
            key = store.entities.resolve(given)
            if key is None:
                raise NotFound(Message("no_entity", key=given))
            summary = store.entities.names(key)
            summary["documents"] = store.entities.mentioning(key)
            summary["paragraphs"] = store.entities.blocks_mentioning(key)
            return summary

    def session(self, name: str) -> dict[str, Any]:
        """A session: the meetings a meeting key, date or collection label names, each with its
        documents and the structure of its minutes, and the other documents of the name.
        `{"session", "meetings": [{"key", "date", "number", "place", "city", "collections",
        "documents", "minutes"}], "others", "documents", "minutes"}`."""
        with self.lock:
            store = self._required()
            documents = store.session_documents(name)
            meetings = store.meetings.find(name)
            if not documents and not meetings:
                raise NotFound(Message("no_session", name=name))
            for meeting in meetings:
                meeting["minutes"] = self._minutes_of(store, meeting["documents"])
            shown = {d["id"] for m in meetings for d in m["documents"]}
            others = [d for d in documents if d["id"] not in shown]
            everything = [d for m in meetings for d in m["documents"]] + others
            return {"session": name, "meetings": meetings, "others": others,
                    "documents": everything, "minutes": self._minutes_of(store, everything)}

    @staticmethod
    def _minutes_of(store: Store, documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
        found = [(doc["id"], store.minutes.load(doc["id"])) for doc in documents]
        return [{"document": ref, "session": asdict(m)} for ref, m in found if m is not None]


__all__ = ["SekretarError", "SearchRequest", "WebService"]
