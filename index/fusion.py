"""Reciprocal rank fusion (RRF): several rankings of the same blocks made into one.

The lists come from sources whose scores cannot be compared (BM25 of the typed words, BM25 of
their translation, cosine similarity of embeddings), so only the ranks count: a block high in
any list rises, a block high in several rises most.
"""

from __future__ import annotations

#: the damping constant of RRF: larger values flatten the difference between the first ranks.
RRF_K = 60

#: a ranking as rows (catalog rows, best first) and their scores.
RankedRows = tuple[list[int], list[float]]


def fuse(lists: list[RankedRows], k: int = RRF_K) -> RankedRows:
    """Reciprocal rank fusion: each list gives a row 1/(k + rank); rows sorted by the sum."""
    fused: dict[int, float] = {}
    for rows, _ in lists:
        for rank, row in enumerate(rows, 1):
            fused[row] = fused.get(row, 0.0) + 1.0 / (k + rank)
    order = sorted(fused, key=lambda r: -fused[r])
    return order, [fused[r] for r in order]
