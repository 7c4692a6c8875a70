"""Searching the archive: lexical (Whoosh), semantic (embeddings) and both fused by rank.

`Archive` is opened once (per CLI run, per batch of queries, per web process) and answers many
queries: the Whoosh searcher, the catalog of filter and facet values, and the vectors are
loaded once and refreshed when the store changes. Anything that needs the pipeline comes in as
a function: detecting a query's language, embedding a query with the model the blocks were
embedded with, translating a query. Without them the search still works: the language is
guessed from the alphabet, and the semantic side is off.

Cross-language retrieval has two sources, fused by reciprocal rank (RRF): the translated fields
(a block's translations are indexed in their languages' fields) and the embeddings.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from corpus.messages import Message
from corpus.store import Store
from index.build import index_path, indexed_language, open_index
from index.catalog import Catalog, load_catalog, store_signature
from index.filters import FilterError, Filters, allowed_rows
from index.flatscore import FlatScorer
from index.query import ParsedQuery, parse
from index.results import BlockHit, DocumentHit, SearchResult, facet_counts, fragments_for
from index.scripts import script_language
from index.vectors import VectorIndex, load_vectors

DetectLanguage = Callable[[str], str | None]
EmbedQuery = Callable[[str], np.ndarray]
TranslateQuery = Callable[[str, str, str], str | None]

MODES = ("lexical", "semantic", "hybrid")
LEXICAL_DEPTH = 200
SEMANTIC_DEPTH = 100
#: semantic hits counted in `total` and facets (the rest only fill the ranking).
SEMANTIC_COUNTED = 20
RRF_K = 60
BLOCKS_PER_DOCUMENT = 3
REFRESH_SECONDS = 1.0


@dataclass
class Ranking:
    """Blocks (catalog rows) best first, with scores, and every block that matched."""

    rows: list[int] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)
    matched: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    parsed: ParsedQuery | None = None
    language: str = "und"
    mode: str = "lexical"
    message: str | None = None


class Archive:
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
        self._generation: Any = None
        self._flat: FlatScorer
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
            self._generation = None
        self._open_searcher()

    def _open_searcher(self) -> None:
        previous = self._searcher
        if self._searcher is not None and not self._searcher.up_to_date():
            try:
                self._searcher = self._searcher.refresh()
            except Exception:  # noqa: BLE001 - opened afresh below
                # Whoosh closes the old segment readers before it opens the new ones, so a
                # refresh that fails (a writer in another process merged segments away
                # under it) left this searcher closed, and every later search of this
                # archive failed with ReaderClosed. Start again from the index on disk.
                self._searcher = None
        if self._searcher is None:
            ix = open_index(index_path(self.store), create=False)
            self._searcher = ix.searcher() if ix is not None else None
        if self._searcher is not None and (
            self._searcher is not previous
            or self._generation != self._searcher.reader().generation()
        ):
            self._map_docnums()

    def _map_docnums(self) -> None:
        """Whoosh document numbers <-> catalog rows, rebuilt when either side changes."""
        reader = self._searcher.reader()
        column = reader.column_reader("block_id")
        count = reader.doc_count_all()
        row_of = self.catalog.row_of
        self._row_of_docnum = np.fromiter(
            (-1 if reader.is_deleted(d) else row_of.get(column[d], -1) for d in range(count)),
            np.int64,
            count,
        )
        self._docnum_of_row = np.full(len(self.catalog), -1, np.int64)
        live = self._row_of_docnum >= 0
        self._docnum_of_row[self._row_of_docnum[live]] = np.nonzero(live)[0]
        self._generation = reader.generation()
        self._flat = FlatScorer(self._searcher)

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

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # searching -------------------------------------------------------------------------

    def search(
        self, text: str, filters: Filters | None = None, mode: str | None = None, limit: int = 10
    ) -> SearchResult:
        """Documents matching `text`, best first, with their best blocks and facet counts."""
        ranking = self.rank(text, filters, mode)
        result = SearchResult(
            query=text, mode=ranking.mode, language=ranking.language, message=ranking.message
        )
        if len(ranking.matched):
            result.facets = facet_counts(self.catalog, ranking.matched)
            docs = np.unique(self.catalog.doc_rows[ranking.matched])
            result.total = len(docs)
        result.hits = self._group(ranking, max(1, limit))
        if not result.hits and result.message is None:
            result.message = Message("no_matches")
        return result

    def rank(
        self,
        text: str,
        filters: Filters | None = None,
        mode: str | None = None,
        depth: int = LEXICAL_DEPTH,
    ) -> Ranking:
        """Blocks ranked for `text` (the ranking before grouping; used by the evaluation)."""
        self._refresh()
        ranking = Ranking(mode="hybrid" if self.has_embeddings else "lexical")
        ranking.language = self._language(text)
        try:
            ranking.mode = self._mode(mode)
            allowed = allowed_rows(self.catalog, self.store.conn, filters or Filters())
        except FilterError as err:
            ranking.message = err.args[0]
            return ranking
        schema = self._searcher.schema if self._searcher is not None else None
        if schema is None:
            from index.schema import build_schema

            schema = build_schema()
        # Names in other languages are lexical search's own bridge between languages. Hybrid
        # search crosses languages by meaning already, and name-only matches fused into it put
        # other paragraphs about the same city above the answer (bench/retrieval.py, English
        # questions: recall@1 0.95 without, 0.86 with), so there the query is taken as typed.
        names = ranking.mode == "lexical"
        ranking.parsed = parse(text, ranking.language, schema, names=names)
        ranking.message = ranking.parsed.message
        if ranking.parsed.whoosh is None:
            return ranking
        self._fill(ranking, allowed, depth)
        return ranking

    def _mode(self, mode: str | None) -> str:
        if mode is None:
            return "hybrid" if self.has_embeddings else "lexical"
        if mode not in MODES:
            raise FilterError(Message("unknown_mode", mode=mode, known=", ".join(MODES)))
        return mode

    def _language(self, text: str) -> str:
        found = None
        if self.detect_language is not None:
            try:
                found = self.detect_language(text)
            except Exception:  # noqa: BLE001 - a detector failure must not fail the search
                found = None
        return found or script_language(text)

    def _fill(self, ranking: Ranking, allowed: np.ndarray | None, depth: int) -> None:
        parsed = ranking.parsed
        assert parsed is not None
        lists: list[tuple[list[int], list[float]]] = []
        matched: list[np.ndarray] = []
        if ranking.mode in ("lexical", "hybrid"):
            lexical = self._lexical(parsed.whoosh, allowed, depth, matched)
            lists.append(lexical)
            translated = self._translated(parsed.text, ranking.language, allowed, depth, matched)
            if translated is not None:
                lists.append(translated)
        if ranking.mode in ("semantic", "hybrid"):
            semantic = self._semantic(parsed, allowed)
            if semantic is not None:
                lists.append(semantic)
                matched.append(np.asarray(semantic[0][:SEMANTIC_COUNTED], np.int64))
            elif ranking.mode == "semantic":
                ranking.message = (
                    "semantic search needs embeddings and the embedding model; "
                    "run ingest with embedding on, or use --mode lexical"
                )
        if ranking.mode != "hybrid" and len(lists) == 1:
            ranking.rows, ranking.scores = lists[0]
        else:
            ranking.rows, ranking.scores = fuse(lists)
        ranking.matched = np.unique(np.concatenate(matched)) if matched else ranking.matched
        if not self.has_index and ranking.mode != "semantic":
            ranking.message = "the search index is missing: run 'sekretar reindex'"

    def _lexical(
        self, whoosh_query: Any, allowed: np.ndarray | None, depth: int, matched: list[np.ndarray]
    ) -> tuple[list[int], list[float]]:
        if self._searcher is None:
            return [], []
        flat = self._flat.run(whoosh_query)
        if flat is not None:
            return self._flat_ranking(*flat, allowed, depth, matched)
        docnums = None
        if allowed is not None:
            docnums = set(self._docnum_of_row[allowed & (self._docnum_of_row >= 0)].tolist())
            if not docnums:  # Whoosh reads an empty filter as "no filter"
                matched.append(np.zeros(0, np.int64))
                return [], []
        results = self._searcher.search(whoosh_query, limit=depth, filter=docnums)
        rows = [int(self._row_of_docnum[hit.docnum]) for hit in results]
        scores = [float(hit.score) for hit in results]
        keep = [i for i, r in enumerate(rows) if r >= 0]
        every = np.fromiter(self._searcher.docs_for_query(whoosh_query), np.int64)
        every_rows = self._row_of_docnum[every] if len(every) else every
        every_rows = every_rows[every_rows >= 0]
        if allowed is not None:
            every_rows = every_rows[allowed[every_rows]]
        matched.append(every_rows)
        return [rows[i] for i in keep], [scores[i] for i in keep]

    def _flat_ranking(
        self,
        docnums: np.ndarray,
        scores: np.ndarray,
        allowed: np.ndarray | None,
        depth: int,
        matched: list[np.ndarray],
    ) -> tuple[list[int], list[float]]:
        """The best `depth` rows of a numpy-scored query (index.flatscore), ties in index order
        as Whoosh breaks them; every allowed match goes to `matched` for the facets."""
        rows = self._row_of_docnum[docnums]
        keep = rows >= 0
        if allowed is not None:
            keep &= allowed[np.maximum(rows, 0)]
        rows, scores, docnums = rows[keep], scores[keep], docnums[keep]
        matched.append(rows)
        best = np.lexsort((docnums, -scores))[:depth]
        return rows[best].tolist(), scores[best].tolist()

    def _translated(
        self,
        text: str,
        language: str,
        allowed: np.ndarray | None,
        depth: int,
        matched: list[np.ndarray],
    ) -> tuple[list[int], list[float]] | None:
        """A lexical search of the query translated into Russian, when a translator is given."""
        if self.translate_query is None or language == "ru" or self._searcher is None:
            return None
        try:
            translated = self.translate_query(text, language, "ru")
        except Exception:  # noqa: BLE001 - no translation simply means no extra list
            return None
        if not translated:
            return None
        parsed = parse(translated, "ru", self._searcher.schema)
        if parsed.whoosh is None:
            return None
        return self._lexical(parsed.whoosh, allowed, depth, matched)

    def _semantic(
        self, parsed: ParsedQuery, allowed: np.ndarray | None
    ) -> tuple[list[int], list[float]] | None:
        if not self.has_embeddings or not parsed.semantic_text:
            return None
        assert self.vectors is not None and self.embed_query is not None
        mask = self._without_negated(parsed, allowed)
        vector = self.embed_query(parsed.semantic_text)
        rows, scores = self.vectors.top(vector, SEMANTIC_DEPTH, mask)
        return [int(r) for r in rows], [float(s) for s in scores]

    def _without_negated(
        self, parsed: ParsedQuery, allowed: np.ndarray | None
    ) -> np.ndarray | None:
        if parsed.negated is None or self._searcher is None:
            return allowed
        mask = np.ones(len(self.catalog), bool) if allowed is None else allowed.copy()
        excluded = np.fromiter(self._searcher.docs_for_query(parsed.negated), np.int64)
        rows = self._row_of_docnum[excluded] if len(excluded) else excluded
        mask[rows[rows >= 0]] = False
        return mask

    # grouping ----------------------------------------------------------------------------

    def _group(self, ranking: Ranking, limit: int) -> list[DocumentHit]:
        chosen: dict[int, list[tuple[int, float]]] = {}
        for row, score in zip(ranking.rows, ranking.scores, strict=True):
            doc = int(self.catalog.doc_rows[row])
            if doc not in chosen and len(chosen) >= limit:
                continue
            blocks = chosen.setdefault(doc, [])
            if len(blocks) < BLOCKS_PER_DOCUMENT:
                blocks.append((row, score))
        details = self._block_details([r for blocks in chosen.values() for r, _ in blocks])
        return [self._document_hit(doc, blocks, details, ranking) for doc, blocks in chosen.items()]

    def _block_details(self, rows: list[int]) -> dict[str, Any]:
        ids = [self.catalog.block_ids[r] for r in rows]
        marks = ",".join("?" for _ in ids)
        found = (
            {
                r["id"]: dict(r) | {"translations": {}}
                for r in self.store.conn.execute(
                    f"SELECT id, kind, ord, page, paragraph, language, text FROM blocks "
                    f"WHERE id IN ({marks})",
                    ids,
                )
            }
            if ids
            else {}
        )
        for r in (
            self.store.conn.execute(
                f"SELECT block_id, language, text FROM translations WHERE block_id IN ({marks})",
                ids,
            )
            if ids
            else ()
        ):
            if r["block_id"] in found:
                found[r["block_id"]]["translations"][r["language"]] = r["text"]
        return found

    def _document_hit(
        self, doc: int, blocks: list[tuple[int, float]], details: dict[str, Any], ranking: Ranking
    ) -> DocumentHit:
        info = self.catalog.documents[doc]
        hit = DocumentHit(
            info.id,
            info.source_name,
            info.title,
            info.kind,
            info.city,
            info.session,
            info.date,
            score=blocks[0][1],
        )
        for row, score in blocks:
            block = details.get(self.catalog.block_ids[row])
            if block is None:
                continue
            language = indexed_language(block["language"], info.language, block["text"])
            fragments = (
                fragments_for(block["text"], language, ranking.parsed, block["translations"])
                if ranking.parsed
                else []
            )
            hit.blocks.append(
                BlockHit(
                    block["id"],
                    score,
                    block["kind"],
                    block["ord"],
                    block["page"],
                    block["paragraph"],
                    language,
                    fragments,
                )
            )
        return hit


def fuse(
    lists: list[tuple[list[int], list[float]]], k: int = RRF_K
) -> tuple[list[int], list[float]]:
    """Reciprocal rank fusion: each list gives a row 1/(k + rank); rows sorted by the sum."""
    fused: dict[int, float] = {}
    for rows, _ in lists:
        for rank, row in enumerate(rows, 1):
            fused[row] = fused.get(row, 0.0) + 1.0 / (k + rank)
    order = sorted(fused, key=lambda r: -fused[r])
    return order, [fused[r] for r in order]
