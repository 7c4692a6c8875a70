"""An archive of documents embedded by the real embed stage (e5-small), stored, indexed and
opened for search: what the semantic and hybrid search tests read."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from corpus.model import Document
from corpus.store import Store
from index.build import add_document
from index.searcher import Searcher
from pipeline.embed import models as embed
from pipeline.embed.stage import EmbedStage
from pipeline.settings import Settings


@contextmanager
def embedded_searcher(folder: Path, *documents: Document) -> Iterator[Searcher]:
    """A searcher over `documents`, each embedded, saved and indexed in a store at `folder`;
    the searcher and the store are closed on leaving."""
    store = Store(folder)
    stage = EmbedStage(Settings(workers=1))
    for document in documents:
        stage.run(document)
        store.save_document(document)
        add_document(store, document)
    searcher = Searcher(store, embed_query=embed.query_embedder(embed.DEFAULT_MODEL))
    try:
        yield searcher
    finally:
        searcher.close()
        store.close()
