"""Block embeddings in memory, compactly, and cosine search over them with numpy.

The store keeps each block's vector as the embed stage packed it (int8, float16 or float32:
the byte length over the dimension tells which). Here every vector is held as int8, scaled per
vector to use the full range: 384 bytes a block with the default model (512 with use-m3), so 100,000 blocks take
about 38 MB (51 MB). Cosine only needs each vector's direction, so the scale is dropped and the norm of
the int8 vector is kept instead. Rows are aligned with the catalog, so filters are masks.

A long block read in several windows (pipeline.embed.passages) also brings each window's vector:
it scores WINDOW_SHARE of its best window's similarity plus the rest of its mean vector's. A
question is mostly about one sentence, and the window holding it stands out where the mean of
a text of several topics does not: on 122 long news texts and 271 questions
(bench/hard_retrieval.py), meaning alone found the answer first for 0.90 of the Russian
questions by the mean and 0.95 this way, 0.86 and 0.92 of the English ones. The best window
alone (a share of 1) did as well within one question, but favours a block for being long.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from corpus.store import Store
from index.catalog import Catalog

_CHUNK = 16_384  # rows converted to float32 at a time: bounds the temporary to a few MB
#: what a windowed block's best window counts for beside its mean vector.
WINDOW_SHARE = 0.8


@dataclass
class Windows:
    """The window vectors of the blocks read in several windows, grouped by row (ascending):
    `starts[i]` is where the windows of row `rows[i]` begin in `matrix`."""

    matrix: np.ndarray  # (windows, dim) int8
    norms: np.ndarray  # float32
    rows: np.ndarray  # int64, one per windowed block
    starts: np.ndarray  # int64, one per windowed block

    @property
    def nbytes(self) -> int:
        return int(self.matrix.nbytes + self.norms.nbytes + self.rows.nbytes + self.starts.nbytes)

    def best(self, q: np.ndarray) -> np.ndarray:
        """Each windowed block's best window similarity to the unit query `q`."""
        sims = np.empty(len(self.matrix), np.float32)
        for start in range(0, len(self.matrix), _CHUNK):
            sims[start : start + _CHUNK] = self.matrix[start : start + _CHUNK].astype(np.float32) @ q
        return np.maximum.reduceat(sims / self.norms, self.starts)


@dataclass
class VectorIndex:
    model: str
    dim: int
    matrix: np.ndarray  # (rows, dim) int8; a zero row has no embedding
    norms: np.ndarray  # float32, inf where a row has no embedding (its score is then 0)
    windows: Windows | None = None
    _distinct: int | None = field(default=None, repr=False)

    @property
    def count(self) -> int:
        return int(np.isfinite(self.norms).sum())

    @property
    def distinct(self) -> int:
        """About how many different vectors there are (blocks packed into one passage share
        theirs): counted by their norms, which two different vectors almost never share."""
        if self._distinct is None:
            self._distinct = len(np.unique(self.norms[np.isfinite(self.norms)]))
        return self._distinct

    @property
    def nbytes(self) -> int:
        extra = self.windows.nbytes if self.windows is not None else 0
        return int(self.matrix.nbytes + self.norms.nbytes + extra)

    def scores(self, query: np.ndarray) -> np.ndarray:
        """Cosine similarity of every row with the query vector (0 for rows without one), a
        windowed block's mixed with its best window's (WINDOW_SHARE)."""
        q = np.asarray(query, np.float32).reshape(-1)
        q = q / max(float(np.linalg.norm(q)), 1e-12)
        out = np.empty(len(self.matrix), np.float32)
        for start in range(0, len(self.matrix), _CHUNK):
            block = self.matrix[start : start + _CHUNK].astype(np.float32)
            out[start : start + _CHUNK] = block @ q
        out /= self.norms
        if self.windows is not None and len(self.windows.rows):
            rows = self.windows.rows
            out[rows] = WINDOW_SHARE * self.windows.best(q) + (1 - WINDOW_SHARE) * out[rows]
        return out

    def nearest(
        self, similarity: np.ndarray, k: int, allowed: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray, float]:
        """The k best rows by `similarity` (the query's `scores`, left unchanged) and their
        scores, best first, among `allowed` rows if given, with the median similarity of the
        query to every embedded block: what any text, even a meaningless one, scores against
        this archive (see index.meaning.SEMANTIC_MARGIN)."""
        scores = similarity.copy()
        embedded = np.isfinite(self.norms)
        background = float(np.median(scores[embedded])) if embedded.any() else 0.0
        scores[~embedded] = -np.inf
        if allowed is not None:
            scores[~allowed] = -np.inf
        k = min(k, int(np.isfinite(scores).sum()))
        if k <= 0:
            return np.zeros(0, np.int64), np.zeros(0, np.float32), background
        best = np.argpartition(-scores, k - 1)[:k]
        best = best[np.argsort(-scores[best], kind="stable")]
        return best, scores[best], background


def stored_models(store: Store) -> dict[str, int]:
    """Embedding models in the store with how many blocks each embedded, most used first."""
    return store.embeddings.models()


def load_vectors(store: Store, catalog: Catalog, model: str | None = None) -> VectorIndex | None:
    """The vectors of one model (the most used one by default), aligned with the catalog rows;
    None when the store holds no embeddings."""
    models = store.embeddings.models()
    if not models:
        return None
    model = model or next(iter(models))
    dim = store.embeddings.dimension(model) if model in models else None
    if dim is None:
        return None
    matrix = np.zeros((len(catalog), dim), np.int8)
    for block_id, vector in store.embeddings.vectors(model, dim):
        row = catalog.row_of.get(block_id)
        if row is not None:
            matrix[row] = vector
    norms = row_norms(matrix)
    return VectorIndex(model, dim, matrix, norms, load_windows(store, catalog, model, dim, norms))


def load_windows(
    store: Store, catalog: Catalog, model: str, dim: int, norms: np.ndarray
) -> Windows | None:
    """The window vectors of the catalog's windowed blocks that have a vector, grouped by row;
    None when no block was read in windows."""
    found: list[tuple[int, np.ndarray]] = []
    for block_id, rows in store.embeddings.windows(model, dim):
        row = catalog.row_of.get(block_id)
        if row is not None and np.isfinite(norms[row]) and len(rows):
            found.append((row, rows))
    if not found:
        return None
    found.sort(key=lambda item: item[0])
    matrix = np.vstack([rows for _, rows in found])
    sizes = np.array([len(rows) for _, rows in found], np.int64)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
    window_rows = np.array([row for row, _ in found], np.int64)
    return Windows(matrix, row_norms(matrix), window_rows, starts)


def row_norms(matrix: np.ndarray) -> np.ndarray:
    """Euclidean norm of each int8 row (inf for an all-zero row), computed chunk by chunk."""
    norms = np.empty(len(matrix), np.float32)
    for start in range(0, len(matrix), _CHUNK):
        block = matrix[start : start + _CHUNK].astype(np.float32)
        norms[start : start + _CHUNK] = np.sqrt(np.einsum("ij,ij->i", block, block))
    norms[norms == 0] = np.inf
    return norms
