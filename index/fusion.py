"""Reciprocal rank fusion (RRF): several rankings of the same blocks made into one.

The lists come from sources whose scores cannot be compared (BM25 of the typed words, BM25 of
their translation, cosine similarity of embeddings), so only the ranks count: a block high in
any list rises, a block high in several rises most. A list may count for less than another, or
for less on some rows (index.ranking: words matched in a block of another language than the
query's say little).
"""

from __future__ import annotations

from collections.abc import Callable

#: the damping constant of RRF: larger values flatten the difference between the first ranks.
RRF_K = 60

#: a ranking as rows (catalog rows, best first) and their scores.
RankedRows = tuple[list[int], list[float]]
#: what one list's ranks count for: a number, or a function of the row.
RowWeight = float | Callable[[int], float]


def fuse(
    lists: list[RankedRows], k: int = RRF_K, weights: list[RowWeight] | None = None
) -> RankedRows:
    """Reciprocal rank fusion: each list gives a row weight/(k + rank), the weight 1 unless
    `weights` gives one per list (a number, or a function of the row); rows sorted by the sum."""
    fused: dict[int, float] = {}
    for number, (rows, _) in enumerate(lists):
        weight = weights[number] if weights is not None else 1.0
        for rank, row in enumerate(rows, 1):
            share = weight(row) if callable(weight) else weight
            fused[row] = fused.get(row, 0.0) + share / (k + rank)
    order = sorted(fused, key=lambda r: -fused[r])
    return order, [fused[r] for r in order]
