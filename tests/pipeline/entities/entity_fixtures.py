"""Helpers of the entity tests (the fixtures are in conftest.py)."""

from __future__ import annotations

from corpus.model import Document

Found = list[tuple[str, str, str, str]]


def found(doc: Document, block: int = 0) -> Found:
    """(label, text, normal, key) of a block's entities, in order."""
    return [(e.label, e.text, e.normal, e.key) for e in doc.blocks[block].entities]
