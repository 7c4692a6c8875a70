"""A ranking made into the answer a delegate reads: blocks grouped by document (the best few of
each), each block with its place in the document and the fragment that shows why it matched,
and the facet counts and total over every matching block.

The blocks' text comes from the store, for the shown blocks only: the catalog holds no text.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from corpus.messages import Message
from corpus.store import Store
from index.build import indexed_language
from index.catalog import Catalog
from index.ranking import Ranking
from index.results import BlockHit, DocumentHit, SearchResult, facet_counts, fragments_for

BLOCKS_PER_DOCUMENT = 3

#: a shown block as the store holds it, with its translations by language.
BlockDetails = dict[str, Any]


def search_result(
    text: str, ranking: Ranking, catalog: Catalog, store: Store, limit: int
) -> SearchResult:
    """The best `limit` documents of a ranking, with the facets and total of all it matched."""
    result = SearchResult(
        query=text, mode=ranking.mode, language=ranking.language, message=ranking.message
    )
    if len(ranking.matched):
        result.facets = facet_counts(catalog, ranking.matched)
        docs = np.unique(catalog.doc_rows[ranking.matched])
        result.total = len(docs)
    result.hits = document_hits(ranking, catalog, store, limit)
    if not result.hits and result.message is None:
        result.message = Message("no_matches")
    return result


def document_hits(
    ranking: Ranking, catalog: Catalog, store: Store, limit: int
) -> list[DocumentHit]:
    """The ranked blocks grouped by document, documents in the order of their best block."""
    chosen: dict[int, list[tuple[int, float]]] = {}
    for row, score in zip(ranking.rows, ranking.scores, strict=True):
        doc = int(catalog.doc_rows[row])
        if doc not in chosen and len(chosen) >= limit:
            continue
        blocks = chosen.setdefault(doc, [])
        if len(blocks) < BLOCKS_PER_DOCUMENT:
            blocks.append((row, score))
    ids = [catalog.block_ids[r] for blocks in chosen.values() for r, _ in blocks]
    details = block_details(store, ids)
    return [
        document_hit(catalog, doc, blocks, details, ranking) for doc, blocks in chosen.items()
    ]


def block_details(store: Store, ids: list[str]) -> dict[str, BlockDetails]:
    """The stored fields and translations of the blocks with these ids, by id."""
    return store.blocks.details(ids) if ids else {}


def document_hit(
    catalog: Catalog,
    doc: int,
    blocks: list[tuple[int, float]],
    details: dict[str, BlockDetails],
    ranking: Ranking,
) -> DocumentHit:
    """One document with its chosen blocks (a block no longer stored is left out)."""
    info = catalog.documents[doc]
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
        block = details.get(catalog.block_ids[row])
        if block is not None:
            hit.blocks.append(block_hit(block, score, info.language, ranking))
    return hit


def block_hit(
    block: BlockDetails, score: float, document_language: str, ranking: Ranking
) -> BlockHit:
    """A shown block with its fragment, analysed in the language it was indexed in."""
    language = indexed_language(block["language"], document_language, block["text"])
    fragments = (
        fragments_for(block["text"], language, ranking.parsed, block["translations"])
        if ranking.parsed
        else []
    )
    return BlockHit(
        block["id"],
        score,
        block["kind"],
        block["ord"],
        block["page"],
        block["paragraph"],
        language,
        fragments,
    )
