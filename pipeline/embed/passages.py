"""What the embedding model reads for a document's blocks: every word, in short windows, for
as little more than reading each block's opening as can be done.

A report is mostly short blocks (table cells, list items, headings) and a few long paragraphs.
Embedded one by one, each short block pays the model's fixed cost per text (its prefix and
markers) for a few words of its own, and says little alone («Кол-во ядер»); a long paragraph
cut to its first tokens loses the rest of its topics. So:

- consecutive short blocks of one section (a heading starts a section; a table or a list is
  not mixed with the text around it) are packed into passages of up to `WINDOW_TOKENS` tokens,
  and each block takes its passage's vector: it is found by what it is part of;
- a long block is read in windows of whole sentences, up to `WINDOW_TOKENS` tokens each: its
  vector is the windows' mean (the whole text's topic) and each window's own vector is kept,
  so a question about one sentence meets the window that holds it (`index.vectors` scores a
  block by both);
- identical texts (running headers, repeated cells) are embedded once.

Why windows of 128 tokens rather than the model's 512: its attention costs the square of the
window, and on 2 cores e5-small reads about 1,150 tokens a second in windows of 128 against 800
in windows of 512; the short windows also found the answer to a question about one fact of a
long text more often (bench/hard_retrieval.py). Reading every word still costs more than the
first 128 tokens on long prose (1.4 times on the documents of bench/embed_cost.py: the words
past the opening have to be read) and less on reports of many cells and list items.

Nothing here knows the model beyond `Embedder.tokens` and `Embedder.passages`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
from razdel import sentenize

from corpus.model import Block, Embedding
from corpus.vectors import pack, pack_rows

#: a block of fewer tokens than this is packed with its neighbours.
SHORT_TOKENS = 48
#: the size a packed passage grows to, and the most a long block's window holds (tokens the
#: model reads, its prefix and markers included).
WINDOW_TOKENS = 128
_WORD = re.compile(r"\w")
#: kinds of block never packed with the body text around them.
_APART = ("header", "footer", "footnote", "endnote", "comment", "text_box")


class Embedder(Protocol):
    def tokens(self, text: str) -> int: ...

    def passages(self, texts: list[str]) -> np.ndarray: ...


@dataclass
class Passage:
    """One text the model reads and the blocks (indices into the list given) that take its
    vector; a window of a long block names that one block."""

    text: str = ""
    blocks: list[int] = field(default_factory=list)
    tokens: int = 0


@dataclass
class BlockVectors:
    """A block's vector and, for a block read in several windows, each window's vector."""

    vector: np.ndarray
    windows: np.ndarray | None = None

    def stored(self, model: str, dim: int) -> Embedding:
        """The block's embedding as the store keeps it."""
        return Embedding(model, dim, pack(self.vector), pack_rows(self.windows))


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


def plan(
    blocks: list[Block], tokens: dict[int, int], model: Embedder | None = None
) -> list[Passage]:
    """The passages for blocks with words in them, in reading order; `tokens` gives each
    block's token count by its index. A block longer than a window is cut into windows when
    `model` is given to count their tokens (else it is read whole)."""
    passages: list[Passage] = []
    current: Passage | None = None
    section: tuple[object, ...] | None = None
    for index, block in enumerate(blocks):
        if not _WORD.search(block.text):
            continue
        count = tokens[index]
        heading = block.kind == "heading"
        if count >= SHORT_TOKENS:
            if model is not None and count > WINDOW_TOKENS:
                pieces = windows(block.text, model)
                passages.extend(Passage(text, [index], n) for text, n in pieces)
            else:
                passages.append(Passage(block.text, [index], count))
            current = None
            continue
        same = current is not None and _section(block) == section and not heading
        if current is None or not same or current.tokens + count > WINDOW_TOKENS:
            current = Passage()
            passages.append(current)
            section = _section(block)
        current.text = f"{current.text}\n{block.text}" if current.text else block.text
        current.blocks.append(index)
        current.tokens += count
    return passages


def windows(text: str, model: Embedder) -> list[tuple[str, int]]:
    """`text` as consecutive windows of whole sentences (a sentence longer than a window is cut
    between words), each with its token count, at most WINDOW_TOKENS each."""
    found: list[tuple[str, int]] = []
    window, count = "", 0
    for piece in _pieces(text, model):
        joined = f"{window} {piece}" if window else piece
        joined_count = model.tokens(joined)
        if window and joined_count > WINDOW_TOKENS:
            found.append((window, count))
            joined, joined_count = piece, model.tokens(piece)
        window, count = joined, joined_count
    if window:
        found.append((window, count))
    return found


def _pieces(text: str, model: Embedder) -> list[str]:
    """The sentences of `text`; a sentence longer than a window as runs of words that fit."""
    out: list[str] = []
    for sentence in (s.text for s in sentenize(text)):
        if model.tokens(sentence) <= WINDOW_TOKENS:
            out.append(sentence)
            continue
        run: list[str] = []
        for word in sentence.split():
            if run and model.tokens(" ".join([*run, word])) > WINDOW_TOKENS:
                out.append(" ".join(run))
                run = []
            run.append(word)
        if run:
            out.append(" ".join(run))
    return out


def embed_blocks(
    blocks: list[Block], model: Embedder, windowed: bool = True
) -> list[BlockVectors | None]:
    """Vectors for every block with words (None for the others), every word read; a long
    block is given whole to the model when not `windowed` (which may cut it)."""
    tokens = {i: model.tokens(b.text) for i, b in enumerate(blocks) if _WORD.search(b.text)}
    passages = plan(blocks, tokens, model if windowed else None)
    unique = list(dict.fromkeys(p.text for p in passages))
    vectors = dict(zip(unique, model.passages(unique), strict=True)) if unique else {}
    read: dict[int, list[Passage]] = {}
    for passage in passages:
        for index in passage.blocks:
            read.setdefault(index, []).append(passage)
    out: list[BlockVectors | None] = [None] * len(blocks)
    for index, parts in read.items():
        if len(parts) == 1:
            out[index] = BlockVectors(vectors[parts[0].text])
            continue
        each = np.vstack([vectors[p.text] for p in parts]).astype(np.float32)
        weights = np.array([p.tokens for p in parts], np.float32)[:, None]
        mean = (each * weights).sum(axis=0)
        out[index] = BlockVectors(mean / max(float(np.linalg.norm(mean)), 1e-12), each)
    return out
