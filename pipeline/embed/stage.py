"""The `embed` stage: a multilingual embedding of every block with words, for cross-language
search. Deferred: the batch runs it after the document is stored and indexed."""

from __future__ import annotations

import re

from corpus.model import Document
from pipeline.embed.models import chosen_model, encoder
from pipeline.embed.passages import embed_blocks
from pipeline.settings import Settings
from pipeline.stages import register_stage

_WORD = re.compile(r"\w")


class EmbedStage:
    """Sets `block.embedding` on every block with words in it: short blocks take the vector
    of the passage they are packed into, long ones are read in windows whose vectors are kept
    beside their mean (pipeline.embed.passages).

    Deferred: the batch runs it in a second pass, after the document is stored and indexed, so
    a new batch is searchable by words at once and gains vectors as the workers get to them."""

    name = "embed"
    deferred = True

    def __init__(self, settings: Settings) -> None:
        self.enabled = settings.embedding
        self.model, self.max_tokens = chosen_model(settings)
        self.threads = max(1, settings.threads // max(1, settings.worker_count))
        self.version = f"3:{self.model}:{self.max_tokens}"

    def run(self, document: Document) -> Document:
        if not self.enabled:
            return document
        if not any(_WORD.search(b.text) for b in document.blocks):
            return document
        model = encoder(self.model, self.threads, self.max_tokens)
        found = embed_blocks(document.blocks, model, windowed=not self.max_tokens)
        for block, read in zip(document.blocks, found, strict=True):
            if read is not None:
                block.embedding = read.stored(model.name, model.dim)
        return document


@register_stage("embed")
def make_embed_stage(settings: Settings) -> EmbedStage:
    return EmbedStage(settings)
