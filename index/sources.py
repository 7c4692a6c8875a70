"""What a ranking reads: the lexical index lined up with the catalog, the vectors with the
query embedder, and the query translator.

A ranking is made of catalog rows, so the Whoosh side needs its document numbers lined up with
the catalog (`LexicalIndex`, rebuilt whenever either changes). Besides the ranked rows, every
source reports every block it matched (`matched`): the facets and the total count documents
over all of them, not only over the ranked few.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from index.catalog import Catalog
from index.flatscore import FlatScorer
from index.fusion import RankedRows
from index.vectors import VectorIndex

EmbedQuery = Callable[[str], np.ndarray]
TranslateQuery = Callable[[str, str, str], str | None]


class LexicalIndex:
    """One opened Whoosh searcher lined up with the catalog: document numbers <-> catalog rows,
    and the numpy scorer over the same searcher. Make a new one when either side changes."""

    def __init__(self, whoosh: Any, catalog: Catalog) -> None:
        reader = whoosh.reader()
        column = reader.column_reader("block_id")
        count = reader.doc_count_all()
        row_of = catalog.row_of
        self.whoosh = whoosh
        self.generation = reader.generation()
        self.row_of_docnum = np.fromiter(
            (-1 if reader.is_deleted(d) else row_of.get(column[d], -1) for d in range(count)),
            np.int64,
            count,
        )
        self.docnum_of_row = np.full(len(catalog), -1, np.int64)
        live = self.row_of_docnum >= 0
        self.docnum_of_row[self.row_of_docnum[live]] = np.nonzero(live)[0]
        self.flat = FlatScorer(whoosh)

    def matching_rows(self, whoosh_query: Any) -> np.ndarray:
        """The catalog rows of every block the query matches, unranked."""
        docnums = np.fromiter(self.whoosh.docs_for_query(whoosh_query), np.int64)
        rows = self.row_of_docnum[docnums] if len(docnums) else docnums
        return rows[rows >= 0]

    def rank(
        self, whoosh_query: Any, allowed: np.ndarray | None, depth: int, matched: list[np.ndarray]
    ) -> RankedRows:
        """The best `depth` allowed rows; every allowed match goes to `matched`."""
        flat = self.flat.run(whoosh_query)
        if flat is not None:
            return self._flat_ranking(*flat, allowed, depth, matched)
        docnums = None
        if allowed is not None:
            docnums = set(self.docnum_of_row[allowed & (self.docnum_of_row >= 0)].tolist())
            if not docnums:  # Whoosh reads an empty filter as "no filter"
                matched.append(np.zeros(0, np.int64))
                return [], []
        results = self.whoosh.search(whoosh_query, limit=depth, filter=docnums)
        rows = [int(self.row_of_docnum[hit.docnum]) for hit in results]
        scores = [float(hit.score) for hit in results]
        keep = [i for i, r in enumerate(rows) if r >= 0]
        every_rows = self.matching_rows(whoosh_query)
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
    ) -> RankedRows:
        """The best `depth` rows of a numpy-scored query (index.flatscore), ties in index order
        as Whoosh breaks them; every allowed match goes to `matched` for the facets."""
        rows = self.row_of_docnum[docnums]
        keep = rows >= 0
        if allowed is not None:
            keep &= allowed[np.maximum(rows, 0)]
        rows, scores, docnums = rows[keep], scores[keep], docnums[keep]
        matched.append(rows)
        best = np.lexsort((docnums, -scores))[:depth]
        return rows[best].tolist(), scores[best].tolist()


@dataclass(frozen=True)
class RankingSources:
    """What one ranking reads: the lexical index (None without a search index), the vectors
    with the query embedder (both or neither), and the query translator if there is one."""

    catalog: Catalog
    lexical: LexicalIndex | None
    vectors: VectorIndex | None = None
    embed_query: EmbedQuery | None = None
    translate_query: TranslateQuery | None = None
