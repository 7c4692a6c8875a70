"""Searches in parallel, each within a time budget, and exports made once.

A web process answers many delegates at once. A search reads the store and the index through
its own reader (a read-only `Store` and its `Searcher`: neither is meant for two threads at a
time), borrowed from a small pool, so one slow query holds one reader and the others go on. A
search runs on a thread of its own and is answered within `budget` seconds or with a plain
"took too long" (a thread cannot be stopped, so it finishes in the background and holds its
reader until then; with every reader so held, a new search is told the server is busy instead
of waiting behind them).

An export of a long document (a DOCX of 50,000 blocks costs minutes of CPU) is made once per
document version, language and layout, one export at a time, and kept in memory up to a size.
"""

from __future__ import annotations

import contextlib
import ctypes
import math
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from corpus.errors import ConfigError, SekretarError
from corpus.messages import Message
from corpus.model import Document
from corpus.store import Store
from index.searcher import Filters, Searcher

T = TypeVar("T")
#: readers a web process opens at most (each holds its own catalog and vectors).
READERS = 4
#: seconds a search may take before the delegate is told it took too long.
SEARCH_SECONDS = 15.0
#: seconds a search waits for a free reader before the server says it is busy: a burst of
#: delegates queues for a moment, a server held by slow searches answers at once after it.
QUEUE_SECONDS = 5.0
#: the search a process makes once at start to load its query model.
WARM_QUERY = "заседание"
#: bytes of exported DOCX kept for the next request of the same export.
EXPORT_CACHE_BYTES = 200 * 1024 * 1024
#: documents on a page of search results, and the last page shown.
PER_PAGE = 10
MAX_PAGE = 50


@dataclass
class Limits:
    """What one web process spends: readers searching at once, seconds a search may take,
    blocks of a document it exports, bytes of exports it keeps."""

    readers: int = READERS
    search_seconds: float = SEARCH_SECONDS
    queue_seconds: float = QUEUE_SECONDS
    export_blocks: int = 20_000
    export_cache_bytes: int = EXPORT_CACHE_BYTES


def search_page(searcher: Searcher, query: str, filters: Filters, mode: str | None,
                page: int, interface: str | None = None) -> dict[str, Any]:
    """One page of a search's answer (`sekretar search --json` plus `page`, `per_page`,
    `pages` and `empty_archive`)."""
    result = searcher.search(query, filters, mode, limit=page * PER_PAGE, interface=interface)
    answer = result.to_json()
    answer["hits"] = answer["hits"][(page - 1) * PER_PAGE :]
    answer["page"] = page
    answer["per_page"] = PER_PAGE
    answer["pages"] = min(MAX_PAGE, math.ceil(result.total / PER_PAGE))
    answer["empty_archive"] = False
    return answer


def empty_answer(query: str, mode: str | None, page: int) -> dict[str, Any]:
    """The answer while the archive holds nothing (or is not there yet)."""
    return {"query": query, "mode": mode or "lexical", "language": "und", "total": 0,
            "message": Message("empty_archive"), "facets": {}, "hits": [], "page": page,
            "per_page": PER_PAGE, "pages": 0, "empty_archive": True}


def made_export(document: Document, max_blocks: int, export: Callable[[Path], object]
                ) -> bytes:
    """The bytes `export(out)` writes for `document`, refused past `max_blocks` blocks."""
    if len(document.blocks) > max_blocks:
        raise ConfigError(
            f"{document.source_name} has {len(document.blocks)} blocks; the web page exports "
            f"documents of up to {max_blocks} (run 'sekretar export' where the archive is)")
    with tempfile.TemporaryDirectory(prefix="sekretar-export-") as folder:
        out = Path(folder) / "export.docx"
        export(out)
        return out.read_bytes()


class Busy(SekretarError):
    """A search took longer than its budget, or every reader is held by long searches: the
    server answers 503 with this message instead of keeping the delegate waiting."""


def identity(path: Path) -> tuple[int, int] | None:
    """The file at `path` as the system knows it (device, inode), or None when there is none."""
    try:
        found = path.stat()
    except OSError:
        return None
    return (found.st_dev, found.st_ino)


class Reader:
    """One read-only store and its searcher, used by one search at a time."""

    def __init__(self, store: Store, searcher: Searcher, generation: int) -> None:
        self.store, self.searcher, self.generation = store, searcher, generation

    def close(self) -> None:
        self.searcher.close()
        self.store.close()


class Stopped(BaseException):
    """Raised inside a search thread that ran past its budget (see `Readers.run`). A
    BaseException, so no `except Exception` on the way swallows it and searches on."""


class _Search:
    """One search on a thread of its own: its result or error, and whether it still runs."""

    def __init__(self, work: Callable[[Searcher], Any]) -> None:
        self.work = work
        self.result: Any = None
        self.error: BaseException | None = None
        self.running = True
        self.lock = threading.Lock()
        self.done = threading.Event()


class Readers:
    """The pool of readers of one archive; each search runs on a thread of its own."""

    def __init__(self, open_reader: Callable[[], tuple[Store, Searcher]],
                 limits: Limits | None = None) -> None:
        limits = limits or Limits()
        self.open_reader, self.size = open_reader, max(1, limits.readers)
        self.budget, self.queue = limits.search_seconds, limits.queue_seconds
        self.free: list[Reader] = []
        self.held = 0
        self.generation = 0
        self.lock = threading.Lock()
        self.freed = threading.Condition(self.lock)

    def run(self, work: Callable[[Searcher], T]) -> T:
        """`work(searcher)` on a reader free now or within the queue's wait, within the budget;
        `Busy` otherwise. A search past its budget is stopped where it is (`Stopped` raised in
        its thread at its next Python instruction: the index is read by Python code, so that
        comes at once), and its reader, perhaps left mid-read, is closed rather than used
        again."""
        reader = self._borrow()
        search = _Search(work)
        thread = threading.Thread(target=self._use, args=(reader, search), daemon=True,
                                  name="search")
        thread.start()
        if not search.done.wait(self.budget):
            with search.lock:
                if search.running and thread.ident is not None:
                    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread.ident),
                                                               ctypes.py_object(Stopped))
            raise Busy(Message("search_too_long", seconds=f"{self.budget:g}"))
        if search.error is not None:
            raise search.error
        result: T = search.result
        return result

    def warm(self) -> None:
        """Open a reader and search once, so the query model is loaded before the first
        delegates come (a burst would otherwise wait for it, all at once)."""
        with contextlib.suppress(Exception):
            self.run(lambda searcher: searcher.search(WARM_QUERY))

    def _borrow(self) -> Reader:
        with self.lock:
            if not self.freed.wait_for(lambda: self.free or self.held < self.size, self.queue):
                raise Busy(Message("server_busy"))
            if self.free:
                self.held += 1
                return self.free.pop()
            self.held += 1
            generation = self.generation
        try:
            store, searcher = self.open_reader()
        except BaseException:
            with self.lock:
                self.held -= 1
            raise
        return Reader(store, searcher, generation)

    def _use(self, reader: Reader, search: _Search) -> None:
        """The search thread: the work, then the reader back (or closed, if stopped)."""
        try:
            try:
                search.result = search.work(reader.searcher)
            except BaseException as err:  # noqa: BLE001 - handed to the request's thread
                search.error = err
            finally:
                with search.lock:
                    search.running = False
        except Stopped as err:  # arrived while the search was ending
            search.error = search.error or err
        self._give_back(reader, broken=isinstance(search.error, Stopped))
        search.done.set()

    def _give_back(self, reader: Reader, broken: bool) -> None:
        with self.lock:
            self.held -= 1
            keep = not broken and reader.generation == self.generation
            if keep:
                self.free.append(reader)
            self.freed.notify()
        if not keep:
            with contextlib.suppress(Exception):
                reader.close()

    def reset(self) -> None:
        """Close the readers (the archive was replaced); those in use close when done."""
        with self.lock:
            self.generation += 1
            idle, self.free = self.free, []
        for reader in idle:
            reader.close()

    def close(self) -> None:
        self.reset()


class ExportCache:
    """Exports made once each, one at a time, the latest kept up to `limit` bytes in all."""

    def __init__(self, limit: int = EXPORT_CACHE_BYTES) -> None:
        self.limit = limit
        self.kept: OrderedDict[tuple[Any, ...], bytes] = OrderedDict()
        self.lock = threading.Lock()
        self.making = threading.Lock()

    def get(self, key: tuple[Any, ...], make: Callable[[], bytes]) -> bytes:
        """The export under `key`, made by `make()` when it is not kept."""
        with self.making:  # one export at a time: a second request for it waits, then reads it
            with self.lock:
                if key in self.kept:
                    self.kept.move_to_end(key)
                    return self.kept[key]
            made = make()
            with self.lock:
                self.kept[key] = made
                while sum(len(v) for v in self.kept.values()) > self.limit and len(self.kept) > 1:
                    self.kept.popitem(last=False)
            return made
