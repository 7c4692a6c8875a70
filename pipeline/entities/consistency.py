"""Document-level consistency of names: one reading per name in a document."""

from __future__ import annotations

from corpus.model import Block


def make_consistent(blocks: list[Block]) -> None:
    """A name tagged in one place is tagged wherever else it stands, with the same type."""
