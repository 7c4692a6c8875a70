"""What happens right after a document is stored during ingest: the incremental index, so a
new batch is searchable at once."""

from __future__ import annotations

from collections.abc import Callable

from corpus.model import Document
from corpus.store import Store
from index.build import add_document


def saved_hooks(store: Store) -> Callable[[Document], None]:
    """A function called with every stored document; adds it to the search index."""

    def hook(document: Document) -> None:
        add_document(store, document)

    return hook
