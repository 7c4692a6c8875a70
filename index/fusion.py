"""Several rankings of the same blocks made into one.

Lexical mode with a translated query fuses two word rankings by reciprocal rank (RRF): their
BM25 scores come from different queries and cannot be compared, so only the ranks count.

Hybrid mode blends the word ranking with the embedding's by their scores (`blend`): each side
is put on one scale (a block's BM25 over the best BM25 of the query; a block's similarity above
the query's median similarity to the archive, over the best block's), and a block scores a
share of one plus the rest of the other. Ranks throw away how far apart two blocks are: on 122
long news texts and 271 Russian questions the answer came first 0.963 of the time fused by rank
and 0.996 blended (bench/hard_retrieval.py). The words' share is smaller in a block of another
language than the query's, where shared words are names, numbers and look-alikes.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

#: the damping constant of RRF: larger values flatten the difference between the first ranks.
RRF_K = 60

#: a ranking as rows (catalog rows, best first) and their scores.
RankedRows = tuple[list[int], list[float]]
#: what one list counts for: a number, or a function of the row.
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


def blend(
    words: list[RankedRows],
    shares: list[RowWeight],
    kept: list[int],
    similarity: np.ndarray,
    median: float,
    best: float,
) -> RankedRows:
    """The word rankings (`words`) blended with the embedding's: the rows of every word ranking
    and the `kept` rows of the semantic side, each scored share * its best word score over its
    list's best, plus (1 - share) * its similarity above `median` over `best` above it, where a
    row's share is the largest its word rankings' `shares` give it (whether its words matched or
    not); rows sorted by that score."""
    lexical: dict[int, float] = {}
    for rows, scores in words:
        top = max(scores, default=0.0)
        for row, score in zip(rows, scores, strict=True):
            lexical[row] = max(lexical.get(row, 0.0), score / top if top > 0 else 0.0)
    spread = max(best - median, 1e-9)
    fused: dict[int, float] = {}
    for row in dict.fromkeys([*lexical, *kept]):
        meaning = float(similarity[row]) if row < len(similarity) else 0.0
        meaning = (meaning - median) / spread if meaning else 0.0  # no vector: neutral
        share = max((s(row) if callable(s) else s for s in shares), default=0.0)
        fused[row] = share * lexical.get(row, 0.0) + (1 - share) * meaning
    order = sorted(fused, key=lambda r: -fused[r])
    return order, [fused[r] for r in order]
