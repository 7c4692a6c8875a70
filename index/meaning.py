"""The semantic side of a ranking: the blocks nearest a query's meaning, and which of them may
be shown when nothing but meaning speaks for them.

Every text scores high against every block with e5 (0.73-0.79 even "xyzzyqwerty"), and English
questions score their Russian answers 0.77-0.90, so no fixed similarity tells an answer from
noise. What does is how far the query's best block stands above two references: the query's
mean similarity to meaningless text (index.background) and its median similarity to the
archive's blocks. A query whose best block stands far enough (SEMANTIC_MARGIN) has an answer
here, and its blocks found by meaning alone are shown down to NEXT_BAND below that bar; a query
whose best block does not (nonsense, a subject the archive never treats) shows nothing found by
meaning alone. A block that also matches the query's words is always kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from index.background import NOISE_TEXTS, UNRELATED_TEXTS
from index.query import ParsedQuery
from index.sources import RankingSources

SEMANTIC_DEPTH = 100
#: how far a query's best block must stand above the references to be shown on meaning alone:
#: its similarity minus the query's mean similarity to the meaningless texts, plus its
#: similarity minus the query's median similarity to the archive, must reach SEMANTIC_MARGIN.
#: Each reference alone fails somewhere: the median means nothing in a small archive on one
#: subject, and long blocks read in windows lift even nonsense above the meaningless texts.
#: The best block of 20 nonsense queries reached at most 0.014 on the 64 short paragraphs of
#: bench/data/retrieval_ru.jsonl and 0.057 on the 122 long news texts of
#: bench/hard_retrieval.py; there, the best block of every Russian and Ukrainian question and
#: of 98% of 271 English ones stood at 0.06 or more, 96% at 0.07 (bench/calibrate.py).
SEMANTIC_MARGIN = 0.065
#: once a query's best block clears the bar, its next blocks are shown down to this far below
#: it: an answer ranked second or fifth often stands a little lower than the first block, and
#: the query has shown it means something.
NEXT_BAND = 0.03
#: an archive of fewer distinct vectors has no telling median (a one-subject report of a few
#: short blocks is one packed passage, one vector): there the query's best block must stand this
#: far above its mean similarity to the meaningless and the unrelated texts together
#: (index.background: nonsense at most -0.003 above them on the short paragraphs and 0.026 on
#: 30 of the long texts, the answers of English questions at least 0.039 and mostly 0.038).
MEDIAN_BLOCKS = 10
BACKGROUND_MARGIN = 0.03
#: without meaningless texts (an embedder that cannot embed passages): the median alone.
MEDIAN_MARGIN = 0.05
#: a block of fewer words is shown on meaning alone never: a heading such as «ВЫСТУПИЛИ:» sits
#: near every query in the embedding's space (0.827 to a string of random letters on the
#: bundled samples, above the margin), and holds nothing a reader could have meant.
SEMANTIC_MIN_WORDS = 3


@dataclass
class Meaning:
    """The blocks kept on the semantic side, best first, and the query's similarity to every
    block (0 for blocks without a vector) with its median: what the hybrid blend reads."""

    rows: list[int] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)
    similarity: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32))
    median: float = 0.0
    best: float = 0.0


def semantic_ranking(
    sources: RankingSources,
    parsed: ParsedQuery,
    allowed: np.ndarray | None,
    words: np.ndarray | None = None,
) -> Meaning | None:
    """The blocks nearest the query's meaning, None without vectors or an embedder. A block
    not among `words` (the rows matching the query's words) is kept only when the query has an
    answer by meaning here (see the module); a query with an exact "phrase" keeps only blocks
    that hold it."""
    vectors = sources.vectors
    if vectors is None or sources.embed_query is None or not parsed.semantic_text:
        return None
    mask = _without_negated(sources, parsed, allowed)
    vector = sources.embed_query(parsed.semantic_text)
    similarity = vectors.scores(vector)
    rows, scores, median = vectors.nearest(similarity, SEMANTIC_DEPTH, mask)
    floor = semantic_floor(sources, vector, median)
    if '"' in parsed.text:
        floor = np.inf
    eligible = np.ones(len(rows), bool)
    if len(sources.catalog.words) == len(sources.catalog):
        eligible = sources.catalog.words[rows] >= SEMANTIC_MIN_WORDS
    answered = bool(np.any(eligible & (scores >= floor)))
    keep = eligible & (scores >= floor - NEXT_BAND / 2) if answered else np.zeros(len(rows), bool)
    if words is not None and len(words):
        keep |= np.isin(rows, words)
    best = float(scores[0]) if len(scores) else 0.0
    return Meaning(
        [int(r) for r in rows[keep]], [float(x) for x in scores[keep]], similarity, median, best
    )


def semantic_floor(sources: RankingSources, vector: np.ndarray, median: float) -> float:
    """The similarity the query's best block needs for it to be shown on meaning alone (see
    SEMANTIC_MARGIN), or MEDIAN_MARGIN above the query's median similarity to the archive when
    the embedder cannot embed passages."""
    references = _references(sources)
    if references is None:
        return median + MEDIAN_MARGIN
    q = np.asarray(vector, np.float32).reshape(-1)
    q = q / max(float(np.linalg.norm(q)), 1e-12)
    noise, unrelated = (matrix @ q for matrix in references)
    if sources.vectors is not None and sources.vectors.distinct < MEDIAN_BLOCKS:
        return float(np.concatenate([noise, unrelated]).mean()) + BACKGROUND_MARGIN
    return (float(noise.mean()) + median + SEMANTIC_MARGIN) / 2


_REFERENCES: dict[str, tuple[np.ndarray, np.ndarray]] = {}


def _references(sources: RankingSources) -> tuple[np.ndarray, np.ndarray] | None:
    """The meaningless and the unrelated texts (index.background) embedded as passages by the
    archive's model (once per process), unit length; None when the query embedder has no
    `passages`."""
    passages = getattr(sources.embed_query, "passages", None)
    if passages is None or sources.vectors is None:
        return None
    model = sources.vectors.model
    if model not in _REFERENCES:
        noise, unrelated = (
            np.asarray(passages(list(texts)), np.float32) for texts in (NOISE_TEXTS, UNRELATED_TEXTS)
        )
        _REFERENCES[model] = (_unit(noise), _unit(unrelated))
    return _REFERENCES[model]


def _unit(matrix: np.ndarray) -> np.ndarray:
    return matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)


def _without_negated(
    sources: RankingSources, parsed: ParsedQuery, allowed: np.ndarray | None
) -> np.ndarray | None:
    """The allowed rows less those matching the query's NOT part: embeddings know no NOT."""
    if parsed.negated is None or sources.lexical is None:
        return allowed
    mask = np.ones(len(sources.catalog), bool) if allowed is None else allowed.copy()
    mask[sources.lexical.matching_rows(parsed.negated)] = False
    return mask
