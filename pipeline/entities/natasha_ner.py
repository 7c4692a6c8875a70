"""The `sek_natasha_ner` component: natasha's bundled Russian NER (slovnet) setting `doc.ents`.

The model is given each doc whole, as natasha alone is given a text: the Russian pipeline's
tokens are razdel's (`pipeline.entities.tokens`), the same words natasha would make, so the
network reads them directly and its spans are exactly natasha's, with all the context the doc
has (the stage puts neighbouring blocks into one doc). The docs of a batch are sorted by length
and tagged together, so the network runs on evenly padded batches. The model loads once per
process, on first use.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice
from typing import Any, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.util import filter_spans

from corpus.errors import ModelMissing
from pipeline.entities.morph import may_be_surname
from pipeline.entities.spans import make_span, register_component

#: docs tagged in one call of the network.
NETWORK_BATCH = 64
#: tokens no name contains: a model span is split at them.
SEPARATORS = frozenset("()[]•·|#")
#: punctuation a name may open or close with («Газпром», ООО "Рога").
OPENING = frozenset("«\"„“'")
CLOSING = frozenset("»\"“”'.")


class _Place(NamedTuple):
    start: int
    stop: int


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


def tag_words(items: list[list[str]]) -> list[list[str]]:
    """The BIO tag of every word of every item, tagged in length-sorted batches."""
    infer = ner_model()
    order = sorted(range(len(items)), key=lambda i: len(items[i]))
    tags: list[list[str]] = [[] for _ in items]
    preds = infer.decoder(infer.process(infer.encoder([items[i] for i in order])))
    for i, pred in zip(order, preds, strict=True):
        tags[i] = list(pred)
    return tags


def model_spans(doc: Doc, tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) character spans from the tags of the doc's non-space tokens, each
    split where a bracket or a list bullet stands in it (`parts`), and a person that is only
    initials widened to the surname just before it (`with_surname`)."""
    from slovnet.bio import bio_spans

    words = [t for t in doc if not t.is_space]
    places = [_Place(i, i + 1) for i in range(len(words))]
    spans = list(bio_spans(places, tags))
    taken = {i for span in spans for i in range(span.start, span.stop)}
    found = []
    for span in spans:
        for first, last in parts(words[span.start : span.stop]):
            first, last = span.start + first, span.start + last
            if span.type == "PER":
                first = with_surname(words, first, last, taken)
            start, end = words[first], words[last]
            found.append((start.idx, end.idx + len(end.text), span.type))
    return found


def with_surname(words: list[Token], first: int, last: int, taken: set[int]) -> int:
    """The first word of a person the model read as initials only («Кульгинов А.А.» tagged
    «А.А.»): the capitalised word before the initials, if no other span holds it and it may
    be a surname (pymorphy3 reads it as one or does not know it: not «Докладчик А.А.»)."""
    initials = all(
        w.text == "." or (len(w.text) == 1 and w.text.isupper()) for w in words[first : last + 1]
    )
    before = first - 1
    if initials and before >= 0 and before not in taken:
        word = words[before].text
        if len(word) > 1 and word[0].isupper() and word[1:].islower() and may_be_surname(word):
            return before
    return first


def parts(words: list[Token]) -> list[tuple[int, int]]:
    """(first, last) word indices of the pieces of a span between brackets and bullets, each
    without punctuation at its ends and with at least one letter: the model reads «Комитет
    защиты журналистов (КЗЖ)» or «Туркмения • Уганда» as one name, which are two."""
    found: list[tuple[int, int]] = []
    piece: list[int] = []
    for i, word in enumerate([*words, None]):
        if word is not None and word.text not in SEPARATORS:
            piece.append(i)
            continue
        while piece and words[piece[-1]].is_punct and words[piece[-1]].text not in CLOSING:
            piece.pop()
        while piece and words[piece[0]].is_punct and words[piece[0]].text not in OPENING:
            piece.pop(0)
        if any(ch.isalpha() for i in piece for ch in words[i].text):
            found.append((piece[0], piece[-1]))
        piece = []
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
        items = [[t.text for t in doc if not t.is_space] for doc in docs]
        filled = [i for i, words in enumerate(items) if words]
        tags = tag_words([items[i] for i in filled])
        for i, doc_tags in zip(filled, tags, strict=True):
            doc = docs[i]
            found = [
                make_span(doc, start, end, label, "model")
                for start, end, label in model_spans(doc, doc_tags)
            ]
            doc.ents = filter_spans([s for s in found if s is not None])
        return docs


@register_component("sek_natasha_ner", default_config={"batch_size": 64})
def make_natasha_ner(nlp: Language, name: str, batch_size: int) -> NatashaNER:
    """Registered once; the model itself loads on the first document."""
    return NatashaNER(batch_size)
