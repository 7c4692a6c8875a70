"""The `sek_natasha_ner` component: natasha's bundled Russian NER (slovnet) setting `doc.ents`.

natasha tags one text at a time; here the texts of a whole batch of docs are cut into
sentence-sized pieces, sorted by length and tagged together, so the network runs on full,
evenly padded batches (the main cost of the Russian pipeline). The model sees the same razdel
tokens as natasha alone, so its spans are the same; they are then snapped to spaCy tokens.
The model loads once per process, on first use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from corpus.errors import ModelMissing
from pipeline.entities.spans import make_span, register_component

#: pieces longer than this are cut at a space (the network's context is a few words anyway).
PIECE_CHARS = 1000
#: pieces tagged in one call of the network.
NETWORK_BATCH = 64
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«\"(\[]?[A-ZА-ЯЁІЇЄҐ0-9])|\n+")


@lru_cache(maxsize=1)
def ner_model() -> Any:
    """slovnet's NER inference object with natasha's news embeddings, loaded once."""
    try:
        from natasha import NewsEmbedding, NewsNERTagger
    except ImportError as err:
        raise ModelMissing("natasha (Russian NER)", "Install it with: pip install natasha") from err
    tagger = NewsNERTagger(NewsEmbedding())
    tagger.infer.encoder.batch_size = NETWORK_BATCH
    return tagger.infer


def pieces(text: str) -> Iterator[tuple[int, str]]:
    """(offset, text) pieces of about a sentence, none longer than PIECE_CHARS."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        yield from _cut(start, text[start : match.start()])
        start = match.end()
    yield from _cut(start, text[start:])


def _cut(offset: int, text: str) -> Iterator[tuple[int, str]]:
    while len(text) > PIECE_CHARS:
        cut = text.rfind(" ", 0, PIECE_CHARS)
        cut = cut if cut > PIECE_CHARS // 2 else PIECE_CHARS
        yield offset, text[:cut]
        offset, text = offset + cut, text[cut:]
    if text.strip():
        yield offset, text


def tag_texts(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """(start, end, label) spans of each text, tagged in length-sorted batches."""
    infer = ner_model()
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    found: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    for i, markup in zip(order, infer([texts[i] for i in order]), strict=True):
        found[i] = [(s.start, s.stop, s.type) for s in markup.spans]
    return found


class NatashaNER:
    """Sets `doc.ents` to natasha's PER, LOC and ORG spans."""

    def __init__(self, batch_size: int) -> None:
        self.batch_size = batch_size

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        stream = iter(docs)
        size = batch_size or self.batch_size
        while batch := list(islice(stream, size)):
            yield from self._tag_batch(batch)

    def _tag_batch(self, docs: list[Doc]) -> list[Doc]:
        places = [(d, off, text) for d, doc in enumerate(docs) for off, text in pieces(doc.text)]
        spans = tag_texts([text for _, _, text in places])
        found: list[list[Any]] = [[] for _ in docs]
        for (d, offset, _), piece_spans in zip(places, spans, strict=True):
            for start, end, label in piece_spans:
                span = make_span(docs[d], offset + start, offset + end, label, "model")
                if span is not None:
                    found[d].append(span)
        for doc, ents in zip(docs, found, strict=True):
            doc.ents = filter_spans(ents)
        return docs


@register_component("sek_natasha_ner", default_config={"batch_size": 64})
def make_natasha_ner(nlp: Language, name: str, batch_size: int) -> NatashaNER:
    """Registered once; the model itself loads on the first document."""
    return NatashaNER(batch_size)
