"""Block embeddings as stored (table `embeddings`), reached as `store.embeddings`.

The embed stage writes them with the blocks (`Block.embedding`, saved by `Store`); here they
are read back for the semantic search: which models embedded how many blocks, and one model's
vectors, unpacked to int8 by `corpus.vectors` whatever precision they were stored in, and the
window vectors of the blocks read in several windows.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from corpus.database import Database
from corpus.vectors import unpack, unpack_rows


class Embeddings:
    """Reading the stored block vectors."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def models(self) -> dict[str, int]:
        """Embedding models in the store with how many blocks each embedded, most used first."""
        rows = self.db.rows(
            "SELECT model, COUNT(*) AS n FROM embeddings GROUP BY model ORDER BY n DESC, model")
        return {r["model"]: int(r["n"]) for r in rows}

    def count(self) -> int:
        """Blocks with an embedding, of any model."""
        row = self.db.one("SELECT COUNT(*) FROM embeddings")
        return int(row[0]) if row else 0

    def dimension(self, model: str) -> int | None:
        """The dimension of a model's vectors (of its first stored one); None if it has none."""
        row = self.db.one("SELECT dim FROM embeddings WHERE model=? LIMIT 1", (model,))
        return None if row is None else int(row[0])

    def vectors(self, model: str, dim: int | None = None) -> Iterator[tuple[str, np.ndarray]]:
        """(block id, int8 vector) of every block the model embedded, read one by one so a
        large archive is never held as rows; only vectors of dimension `dim` when given."""
        for block_id, row_dim, blob in self.db.iterate(
                "SELECT block_id, dim, vector FROM embeddings WHERE model=?", (model,)):
            if dim is None or row_dim == dim:
                yield block_id, unpack(blob, row_dim)

    def windows(self, model: str, dim: int) -> Iterator[tuple[str, np.ndarray]]:
        """(block id, int8 rows) of every block the model read in several windows, one vector
        a window, read one by one."""
        for block_id, blob in self.db.iterate(
                "SELECT block_id, windows FROM embeddings WHERE model=? AND dim=? "
                "AND length(windows) > 0", (model, dim)):
            yield block_id, unpack_rows(blob, dim)
