"""Searching the archive: lexical (Whoosh), semantic (embeddings) and both fused by rank.

A `Searcher` is opened once (per CLI run, per batch of queries, per web process) and answers
many queries: the Whoosh searcher, the catalog of filter and facet values, and the vectors are
loaded once and refreshed when the store changes. Anything that needs the pipeline comes in as
a function: detecting a query's language, embedding a query with the model the blocks were
embedded with, translating a query. Without them the search still works: the language is
guessed from the alphabet, and the semantic side is off.

Cross-language retrieval has two sources, blended by score in hybrid mode (index.fusion): the
translated fields (a block's translations are indexed in their languages' fields) and the
embeddings. The rankings themselves are in index.ranking, the grouping into documents in
index.hits.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import numpy as np

from corpus.messages import Message
from corpus.store import Store
from index.bounds import MAX_EXPANSIONS, bound_expansions
from index.build import index_path, open_index
from index.catalog import Catalog, load_catalog, store_signature
from index.filters import FilterError, Filters, allowed_rows
from index.hits import search_result
from index.query import parse
from index.querylanguage import query_language
from index.ranking import (
    LEXICAL_DEPTH,
    MODES,
    EmbedQuery,
    LexicalIndex,
    Ranking,
    RankingSources,
    TranslateQuery,
    fill,
)
from index.results import SearchResult
from index.vectors import VectorIndex, load_vectors

DetectLanguage = Callable[[str], str | None]

REFRESH_SECONDS = 1.0

__all__ = ["MODES", "Filters", "Ranking", "SearchResult", "Searcher"]


class Searcher:
    """A searchable view of one store."""

    def __init__(
        self,
        store: Store,
        detect_language: DetectLanguage | None = None,
        embed_query: EmbedQuery | None = None,
        translate_query: TranslateQuery | None = None,
    ) -> None:
        self.store = store
        self.detect_language = detect_language
        self.embed_query = embed_query
        self.translate_query = translate_query
        self._signature: tuple[Any, ...] | None = None
        self._checked = 0.0
        self._searcher: Any = None
        self._lexical: LexicalIndex | None = None
        self.catalog: Catalog
        self.vectors: VectorIndex | None = None
        self._refresh(force=True)

    # loading ---------------------------------------------------------------------------

    def _refresh(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._checked < REFRESH_SECONDS:
            return
        self._checked = now
        signature = store_signature(self.store)
        if force or signature != self._signature:
            self._signature = signature
            self.catalog = load_catalog(self.store)
            self.vectors = load_vectors(self.store, self.catalog)
            self._lexical = None
        self._open_searcher()

    def _open_searcher(self) -> None:
        previous = self._searcher
        if self._searcher is not None and not self._searcher.up_to_date():
            try:
                self._searcher = self._searcher.refresh()
            except Exception:  # noqa: BLE001 - opened afresh below
                # Whoosh closes the old segment readers before it opens the new ones, so a
                # refresh that fails (a writer in another process merged segments away
                # under it) leaves this searcher closed, and every later search would fail
                # with ReaderClosed. Start again from the index on disk.
                self._searcher = None
        if self._searcher is None:
            ix = open_index(index_path(self.store), create=False)
            self._searcher = ix.searcher() if ix is not None else None
        if self._searcher is not None and (
            self._searcher is not previous
            or self._lexical is None
            or self._lexical.generation != self._searcher.reader().generation()
        ):
            # Whoosh document numbers <-> catalog rows, rebuilt when either side changes.
            self._lexical = LexicalIndex(self._searcher, self.catalog)

    def changed(self) -> None:
        """This process has just changed the store: the next search reloads what changed,
        without waiting for the next periodic look."""
        self._checked = 0.0

    @property
    def has_index(self) -> bool:
        return self._searcher is not None

    @property
    def has_embeddings(self) -> bool:
        return self.vectors is not None and self.embed_query is not None

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None

    def __enter__(self) -> Searcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # searching -------------------------------------------------------------------------

    def search(
        self,
        text: str,
        filters: Filters | None = None,
        mode: str | None = None,
        limit: int = 10,
        interface: str | None = None,
    ) -> SearchResult:
        """Documents matching `text`, best first, with their best blocks and facet counts;
        `interface` is the language the delegate reads the page in, if known (it helps tell a
        short query's language)."""
        ranking = self.rank(text, filters, mode, interface=interface)
        return search_result(text, ranking, self.catalog, self.store, max(1, limit))

    def rank(
        self,
        text: str,
        filters: Filters | None = None,
        mode: str | None = None,
        depth: int = LEXICAL_DEPTH,
        interface: str | None = None,
    ) -> Ranking:
        """Blocks ranked for `text` (the ranking before grouping; used by the evaluation)."""
        self._refresh()
        ranking = Ranking(mode="hybrid" if self.has_embeddings else "lexical")
        ranking.language = self._language(text, interface)
        try:
            ranking.mode = self._mode(mode)
            allowed = self._allowed(filters or Filters())
        except FilterError as err:
            ranking.message = err.args[0]
            return ranking
        schema = self._searcher.schema if self._searcher is not None else None
        if schema is None:
            from index.schema import build_schema

            schema = build_schema()
        # Names in other languages are lexical search's bridge between languages ("Kishinev"
        # finds «Кишинёве»). In hybrid search such a match, in a block of another language than
        # the query's, counts for less (index.ranking.CROSS_LANGUAGE_SHARE): it lets the block
        # be shown without putting other paragraphs about the same city above the answer.
        ranking.parsed = parse(text, ranking.language, schema, names=True)
        ranking.message = ranking.parsed.message
        if ranking.parsed.whoosh is None:
            return ranking
        self._bound(ranking)
        fill(ranking, self._sources(), allowed, depth)
        return ranking

    def _bound(self, ranking: Ranking) -> None:
        """Prefixes and wildcards cut to the words a search can afford (index.bounds)."""
        parsed = ranking.parsed
        if parsed is None or self._searcher is None:
            return
        reader = self._searcher.reader()
        parsed.whoosh, cut = bound_expansions(parsed.whoosh, reader)
        if parsed.negated is not None:
            parsed.negated, cut_negated = bound_expansions(parsed.negated, reader)
            cut = cut or cut_negated
        if cut:
            ranking.message = Message("expansions_cut", limit=MAX_EXPANSIONS)

    def _allowed(self, filters: Filters) -> np.ndarray | None:
        """The catalog rows the filters let through (None: all); the minutes filters read the
        minutes tables."""
        return allowed_rows(self.catalog, self.store.minutes, filters)

    def _sources(self) -> RankingSources:
        lexical = self._lexical if self._searcher is not None else None
        embedded = self.has_embeddings
        return RankingSources(
            self.catalog,
            lexical,
            self.vectors if embedded else None,
            self.embed_query if embedded else None,
            self.translate_query,
        )

    def _mode(self, mode: str | None) -> str:
        if mode is None:
            return "hybrid" if self.has_embeddings else "lexical"
        if mode not in MODES:
            raise FilterError(Message("unknown_mode", mode=mode, known=", ".join(MODES)))
        return mode

    def _language(self, text: str, interface: str | None = None) -> str:
        """The query's language: the detector's guess, checked against the query's letters,
        the interface's language and the archive's (index.querylanguage)."""
        found = None
        if self.detect_language is not None:
            try:
                found = self.detect_language(text)
            except Exception:  # noqa: BLE001 - a detector failure must not fail the search
                found = None
        return query_language(text, found, interface, self._archive_languages())

    def _archive_languages(self) -> list[str]:
        """The languages of the archive's blocks, the most used first."""
        column = self.catalog.columns.get("language")
        if column is None or not len(column.codes):
            return []
        codes = column.codes[column.codes >= 0]
        counts = np.bincount(codes, minlength=len(column.values))
        return [column.values[i] for i in np.argsort(-counts, kind="stable") if counts[i]]
