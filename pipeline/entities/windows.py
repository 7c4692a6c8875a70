"""Windows: neighbouring blocks of a document read together, as the model would read the text.

The model tags a word from the words around it, so a name that opens a paragraph or stands in
a headline is read best with the text before and after it. The blocks of a language are joined
into windows of up to a few thousand characters, one block per line; a block that does not end
a sentence (a headline, a table cell, a label) is closed with a full stop in the window, so the
next block does not read as its continuation («…города Рязани. Доклад администрации…»). Each
entity found in a window goes back to the block it lies in, with that block's offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from corpus.model import Block, Entity

_SENTENCE_END = re.compile(r"[.!?…:;]\W*$")


@dataclass
class Window:
    """The joined text and, per piece, (block, offset in the block, start in the window, text)."""

    pieces: list[tuple[Block, int, int, str]] = field(default_factory=list)
    text: str = ""

    def add(self, block: Block, offset: int, text: str) -> None:
        if self.text:
            self.text += "\n" if _SENTENCE_END.search(self.text) else " .\n"
        self.pieces.append((block, offset, len(self.text), text))
        self.text += text

    def spread(self, entities: list[Entity]) -> None:
        """Give each block the entities inside its piece, offsets moved into the block; one
        running across the line between two pieces is dropped."""
        for block, offset, start, text in self.pieces:
            end = start + len(text)
            for e in entities:
                if start <= e.start and e.end <= end:
                    shift = offset - start
                    block.entities.append(replace(e, start=e.start + shift, end=e.end + shift))


def windows(pieces: Iterator[tuple[Block, int, str]], limit: int) -> Iterator[Window]:
    """The (block, offset, text) pieces in order, in windows of at most about `limit` chars."""
    window = Window()
    for block, offset, text in pieces:
        if window.text and len(window.text) + 3 + len(text) > limit:
            yield window
            window = Window()
        window.add(block, offset, text)
    if window.text:
        yield window
