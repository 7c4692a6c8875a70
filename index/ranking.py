"""Blocks ranked for a parsed query: lexical (Whoosh and the numpy scorer), the query's
translation into Russian searched lexically, semantic (embeddings), and their fusion.

A ranking is made of catalog rows, so the Whoosh side needs its document numbers lined up with
the catalog (`LexicalIndex`, rebuilt whenever either changes). Besides the ranked rows, every
source reports every block it matched (`matched`): the facets and the total count documents
over all of them, not only over the ranked few.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from index.analysis import field_language
from index.background import BACKGROUND_TEXTS
from index.catalog import Catalog
from index.flatscore import FlatScorer
from index.fusion import RankedRows, RowWeight, fuse
from index.query import ParsedQuery, parse
from index.vectors import VectorIndex

EmbedQuery = Callable[[str], np.ndarray]
TranslateQuery = Callable[[str, str, str], str | None]

MODES = ("lexical", "semantic", "hybrid")
LEXICAL_DEPTH = 200
SEMANTIC_DEPTH = 100
#: how far a block must stand above what any text scores to be shown on meaning alone (a block
#: that also matches the words is always shown): its similarity minus the query's mean
#: similarity to the background texts (index.background), plus its similarity minus the query's
#: median similarity to the archive's blocks, must reach SEMANTIC_MARGIN. Every text scores
#: high against every block with e5 (0.73-0.79 even "xyzzyqwerty"), and English questions score
#: their Russian answers 0.77-0.90, so no fixed similarity tells them apart. Each reference
#: alone fails somewhere: the background texts are short sentences, and against long blocks
#: nonsense stands 0.06 above them; the median means nothing in a small archive on one subject.
#: Their sum keeps 20 nonsense queries out on both benchmark archives (at most 0.066 on
#: bench/data/retrieval_ru.jsonl, 0.101 on bench/hard_retrieval.py's long texts) and lets the
#: answers of all but two of 54 English and Ukrainian questions through (bench/calibrate.py).
SEMANTIC_MARGIN = 0.105
#: an archive of fewer distinct vectors has no telling median (a one-subject report of a few
#: short blocks is one packed passage, one vector): there the background texts alone decide,
#: with this margin (nonsense at most 0.024 above them on the short paragraphs of
#: bench/data/retrieval_ru.jsonl, the answers of English questions at least 0.050).
MEDIAN_BLOCKS = 10
BACKGROUND_MARGIN = 0.035
#: without background texts (an embedder that cannot embed passages): the median alone
#: (nonsense at most 0.043 above it on both archives).
MEDIAN_MARGIN = 0.05
#: a block of fewer words is shown on meaning alone never: a heading such as «ВЫСТУПИЛИ:» sits
#: near every query in the embedding's space (0.827 to a string of random letters on the
#: bundled samples, above the margin), and holds nothing a reader could have meant.
SEMANTIC_MIN_WORDS = 3
#: what a word match counts for in hybrid fusion when the block's language is not the query's:
#: a tie-breaker only (less than the gap between two neighbouring semantic ranks), since across
#: languages the shared words are names, numbers and look-alikes. At 0.3 and 0.1 Ukrainian
#: questions over Russian texts found their answer first 0.74 and 0.85 of the time, at 0.01 as
#: often as the embedding alone, 0.89 (bench/hard_retrieval.py).
CROSS_LANGUAGE_WORDS = 0.01


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


def fill(
    ranking: Ranking, sources: RankingSources, allowed: np.ndarray | None, depth: int
) -> None:
    """Rank the parsed query of `ranking` in its mode: each source's list, fused when more than
    one counts (hybrid always fuses, so its scores keep one scale). Blocks found only by
    meaning are kept when their similarity stands out (SEMANTIC_MARGIN), and every kept block
    is counted in `matched`, so the total counts at least what is listed."""
    parsed = ranking.parsed
    assert parsed is not None
    lists: list[RankedRows] = []
    weights: list[RowWeight] = []
    matched: list[np.ndarray] = []
    if ranking.mode in ("lexical", "hybrid"):
        lists.append(lexical_ranking(sources, parsed.whoosh, allowed, depth, matched))
        weights.append(same_language(sources.catalog, ranking.language))
        translated = translated_ranking(
            sources, parsed.text, ranking.language, allowed, depth, matched
        )
        if translated is not None:
            lists.append(translated)
            weights.append(same_language(sources.catalog, "ru"))
    if ranking.mode in ("semantic", "hybrid"):
        words = _matching_words(sources, parsed, allowed, matched, ranking.mode)
        semantic = semantic_ranking(sources, parsed, allowed, words)
        if semantic is not None:
            lists.append(semantic)
            weights.append(1.0)
            matched.append(np.asarray(semantic[0], np.int64))
        elif ranking.mode == "semantic":
            ranking.message = (
                "semantic search needs embeddings and the embedding model; "
                "run ingest with embedding on, or use --mode lexical"
            )
    if ranking.mode != "hybrid" and len(lists) == 1:
        ranking.rows, ranking.scores = lists[0]
    else:
        hybrid = ranking.mode == "hybrid" and len(lists) > 1
        ranking.rows, ranking.scores = fuse(lists, weights=weights if hybrid else None)
    ranking.matched = np.unique(np.concatenate(matched)) if matched else ranking.matched
    if sources.lexical is None and ranking.mode != "semantic":
        ranking.message = "the search index is missing: run 'sekretar reindex'"


def same_language(catalog: Catalog, language: str) -> RowWeight:
    """How much a word match in a row counts beside the embedding's ranking: fully in a block
    analysed like the query (or of unknown language), CROSS_LANGUAGE_WORDS in a block of
    another language, where shared words are names, numbers or look-alikes, not the question
    (bench/hard_retrieval.py: Ukrainian questions over Russian texts)."""
    column = catalog.columns.get("language")
    if column is None:
        return 1.0
    own = field_language(language)
    weight = np.array(
        [
            1.0 if v in ("", "und") or field_language(v) == own else CROSS_LANGUAGE_WORDS
            for v in column.values
        ]
        + [1.0]
    )
    codes = column.codes

    def row_weight(row: int) -> float:
        return float(weight[codes[row]])  # a code of -1 (no language) reads the last: 1.0

    return row_weight


def _matching_words(
    sources: RankingSources,
    parsed: ParsedQuery,
    allowed: np.ndarray | None,
    matched: list[np.ndarray],
    mode: str,
) -> np.ndarray | None:
    """The rows whose words match the query (None without a search index): in hybrid mode the
    lexical side found them already; semantic mode asks the index here."""
    if mode == "hybrid" and matched:
        return np.concatenate(matched)
    if sources.lexical is None or parsed.whoosh is None:
        return None
    rows = sources.lexical.matching_rows(parsed.whoosh)
    return rows if allowed is None else rows[allowed[rows]]


def lexical_ranking(
    sources: RankingSources,
    whoosh_query: Any,
    allowed: np.ndarray | None,
    depth: int,
    matched: list[np.ndarray],
) -> RankedRows:
    """The query's words ranked by BM25F (empty without a search index)."""
    if sources.lexical is None:
        return [], []
    return sources.lexical.rank(whoosh_query, allowed, depth, matched)


def translated_ranking(
    sources: RankingSources,
    text: str,
    language: str,
    allowed: np.ndarray | None,
    depth: int,
    matched: list[np.ndarray],
) -> RankedRows | None:
    """A lexical search of the query translated into Russian, when a translator is given."""
    lexical = sources.lexical
    if sources.translate_query is None or language == "ru" or lexical is None:
        return None
    try:
        translated = sources.translate_query(text, language, "ru")
    except Exception:  # noqa: BLE001 - no translation simply means no extra list
        return None
    if not translated:
        return None
    parsed = parse(translated, "ru", lexical.whoosh.schema)
    if parsed.whoosh is None:
        return None
    return lexical.rank(parsed.whoosh, allowed, depth, matched)


def semantic_ranking(
    sources: RankingSources,
    parsed: ParsedQuery,
    allowed: np.ndarray | None,
    words: np.ndarray | None = None,
) -> RankedRows | None:
    """The blocks nearest the query's meaning, None without vectors or an embedder. A block
    not among `words` (the rows matching the query's words) is kept only when its similarity
    is SEMANTIC_MARGIN above the query's median similarity; a query with an exact "phrase"
    keeps only blocks that hold it."""
    if sources.vectors is None or sources.embed_query is None or not parsed.semantic_text:
        return None
    mask = _without_negated(sources, parsed, allowed)
    vector = sources.embed_query(parsed.semantic_text)
    rows, scores, median = sources.vectors.nearest(vector, SEMANTIC_DEPTH, mask)
    floor = semantic_floor(sources, vector, median)
    if '"' in parsed.text:
        floor = np.inf
    keep = scores >= floor
    if len(sources.catalog.words) == len(sources.catalog):
        keep &= sources.catalog.words[rows] >= SEMANTIC_MIN_WORDS
    if words is not None and len(words):
        keep |= np.isin(rows, words)
    return [int(r) for r in rows[keep]], [float(x) for x in scores[keep]]


def semantic_floor(sources: RankingSources, vector: np.ndarray, median: float) -> float:
    """The similarity a block needs to be shown on meaning alone (see SEMANTIC_MARGIN), or
    MEDIAN_MARGIN above the query's median similarity to the archive when the embedder cannot
    embed passages."""
    reference = _background_vectors(sources)
    if reference is None:
        return median + MEDIAN_MARGIN
    q = np.asarray(vector, np.float32).reshape(-1)
    q = q / max(float(np.linalg.norm(q)), 1e-12)
    background = float((reference @ q).mean())
    if sources.vectors is not None and sources.vectors.distinct < MEDIAN_BLOCKS:
        return background + BACKGROUND_MARGIN
    return (background + median + SEMANTIC_MARGIN) / 2


_BACKGROUND: dict[str, np.ndarray] = {}


def _background_vectors(sources: RankingSources) -> np.ndarray | None:
    """The background texts embedded as passages by the archive's model (once per process),
    unit length; None when the query embedder has no `passages`."""
    passages = getattr(sources.embed_query, "passages", None)
    if passages is None or sources.vectors is None:
        return None
    model = sources.vectors.model
    if model not in _BACKGROUND:
        matrix = np.asarray(passages(list(BACKGROUND_TEXTS)), np.float32)
        norms = np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)
        _BACKGROUND[model] = matrix / norms
    return _BACKGROUND[model]


def _without_negated(
    sources: RankingSources, parsed: ParsedQuery, allowed: np.ndarray | None
) -> np.ndarray | None:
    """The allowed rows less those matching the query's NOT part: embeddings know no NOT."""
    if parsed.negated is None or sources.lexical is None:
        return allowed
    mask = np.ones(len(sources.catalog), bool) if allowed is None else allowed.copy()
    mask[sources.lexical.matching_rows(parsed.negated)] = False
    return mask
