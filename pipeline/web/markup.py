"""Text cut into pieces for the templates: plain, highlighted, or an entity link.

Templates escape every piece (Jinja autoescape), so document text can never become markup: a
highlight is a piece with a flag, not an HTML string built here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class Piece:
    """A run of text; `mark` when it is a query match, `key` when it names an entity."""

    text: str
    mark: bool = False
    key: str | None = None
    label: str | None = None


def highlighted(text: str, spans: list[Any]) -> list[Piece]:
    """`text` cut at the [start, end) `spans` (from the search fragments), spans marked."""
    pieces: list[Piece] = []
    last = 0
    for start, end in sorted((int(a), int(b)) for a, b in spans):
        if start < last or end > len(text) or start >= end:
            continue
        if start > last:
            pieces.append(Piece(text[last:start]))
        pieces.append(Piece(text[start:end], mark=True))
        last = end
    if last < len(text):
        pieces.append(Piece(text[last:]))
    return pieces


def with_entities(text: str, entities: list[Any]) -> list[Piece]:
    """`text` cut at its entity spans; each entity piece carries its canonical key (for a
    link) and label. Overlapping or out-of-range spans are skipped, never trusted."""
    pieces: list[Piece] = []
    last = 0
    for entity in sorted(entities, key=lambda e: (e.start, -e.end)):
        if entity.start < last or entity.end > len(text) or entity.start >= entity.end:
            continue
        if entity.start > last:
            pieces.append(Piece(text[last : entity.start]))
        pieces.append(
            Piece(text[entity.start : entity.end], key=entity.key or None, label=entity.label)
        )
        last = entity.end
    if last < len(text):
        pieces.append(Piece(text[last:]))
    return pieces
