"""Blocks ranked for a parsed query: lexical (Whoosh and the numpy scorer), the query's
translation into Russian searched lexically, semantic (embeddings, index.meaning), and their
fusion (index.fusion): by rank between word rankings, by score in hybrid mode.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from index.analysis import field_language
from index.catalog import Catalog
from index.fusion import RankedRows, RowWeight, blend, fuse
from index.meaning import Meaning, semantic_ranking
from index.query import ParsedQuery, parse
from index.sources import EmbedQuery, LexicalIndex, RankingSources, TranslateQuery

__all__ = ["EmbedQuery", "LexicalIndex", "RankingSources", "TranslateQuery"]

MODES = ("lexical", "semantic", "hybrid")
LEXICAL_DEPTH = 200
#: a word match's share of a block's score in hybrid mode (index.fusion.blend): in a block
#: analysed like the query, and in a block of another language, where shared words are names,
#: numbers and look-alikes. On 122 long Russian news texts (bench/hard_retrieval.py) Russian
#: questions found their answer first 0.985, 0.996 and 0.989 of the time at shares 0.3, 0.4 and
#: 0.5; English questions 0.937 at 0 and 0.934 at 0.15, Ukrainian ones 0.919 at 0, 0.934 at
#: 0.15 and 0.945 at 0.25.
LEXICAL_SHARE = 0.4
CROSS_LANGUAGE_SHARE = 0.15


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


def fill(
    ranking: Ranking, sources: RankingSources, allowed: np.ndarray | None, depth: int
) -> None:
    """Rank the parsed query of `ranking` in its mode: each source's list, fused when more than
    one counts (hybrid always fuses, so its scores keep one scale). Blocks found only by
    meaning are kept when the query has an answer by meaning (index.meaning), and every kept
    block is counted in `matched`, so the total counts at least what is listed."""
    parsed = ranking.parsed
    assert parsed is not None
    lists: list[RankedRows] = []
    languages: list[str] = []
    matched: list[np.ndarray] = []
    if ranking.mode in ("lexical", "hybrid"):
        lists.append(lexical_ranking(sources, parsed.whoosh, allowed, depth, matched))
        languages.append(ranking.language)
        translated = translated_ranking(
            sources, parsed.text, ranking.language, allowed, depth, matched
        )
        if translated is not None:
            lists.append(translated)
            languages.append("ru")
    meaning: Meaning | None = None
    if ranking.mode in ("semantic", "hybrid"):
        words = _matching_words(sources, parsed, allowed, matched, ranking.mode)
        meaning = semantic_ranking(sources, parsed, allowed, words)
        if meaning is not None:
            matched.append(np.asarray(meaning.rows, np.int64))
        elif ranking.mode == "semantic":
            ranking.message = (
                "semantic search needs embeddings and the embedding model; "
                "run ingest with embedding on, or use --mode lexical"
            )
    ranking.rows, ranking.scores = _combined(ranking.mode, sources.catalog, lists, languages,
                                             meaning)
    ranking.matched = np.unique(np.concatenate(matched)) if matched else ranking.matched
    if sources.lexical is None and ranking.mode != "semantic":
        ranking.message = "the search index is missing: run 'sekretar reindex'"


def _combined(
    mode: str, catalog: Catalog, lists: list[RankedRows], languages: list[str],
    meaning: Meaning | None,
) -> RankedRows:
    """One ranking of the word lists and the semantic side: blended by score in hybrid mode,
    fused by rank between word lists, or the one list there is."""
    if mode == "hybrid" and meaning is not None:
        shares = [same_language(catalog, lang, LEXICAL_SHARE, CROSS_LANGUAGE_SHARE)
                  for lang in languages]
        return blend(lists, shares, meaning.rows, meaning.similarity, meaning.median,
                     meaning.best)
    if meaning is not None:
        return meaning.rows, meaning.scores
    if len(lists) == 1 and mode != "hybrid":
        return lists[0]
    return fuse(lists) if lists else ([], [])


def same_language(catalog: Catalog, language: str, own_share: float, other_share: float
                  ) -> RowWeight:
    """What a word match in a row counts for: `own_share` in a block analysed like the query
    (or of unknown language), `other_share` in a block of another language, where shared words
    are names, numbers or look-alikes, not the question."""
    column = catalog.columns.get("language")
    if column is None:
        return own_share
    own = field_language(language)
    weight = np.array(
        [
            own_share if v in ("", "und") or field_language(v) == own else other_share
            for v in column.values
        ]
        + [own_share]
    )
    codes = column.codes

    def row_weight(row: int) -> float:
        return float(weight[codes[row]])  # a code of -1 (no language) reads the last

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
