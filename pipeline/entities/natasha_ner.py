"""The `sek_natasha_ner` component: natasha's bundled Russian NER (slovnet) setting `doc.ents`.

The model is given each doc whole, as natasha alone is given a text: the Russian pipeline's
tokens are razdel's (`pipeline.entities.tokens`), the same words natasha would make, so the
network reads them directly and its spans are exactly natasha's, with all the context the doc
has (the stage puts neighbouring blocks into one doc, one per line). Each line is also read
alone, and a name found only there (a paragraph-initial «Аэрофлот» the neighbouring text hid)
is added where the whole text has no span, if its first word may open a name. Texts are
tagged in batches of about the same length, so no short line is padded to a long window. The
model loads once per process, on first use.
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
from pipeline.entities.morph import may_be_surname, may_open_a_name
from pipeline.entities.spans import make_span, register_component

#: texts tagged in one call of the network, and the padded words such a call may hold.
NETWORK_BATCH = 64
BATCH_WORDS = 4096
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
    """The BIO tag of every word of every item, tagged in batches of items of about the same
    length (`batches`), so a short line is never padded to a long window's length."""
    infer = ner_model()
    order = sorted(range(len(items)), key=lambda i: len(items[i]))
    tags: list[list[str]] = [[] for _ in items]
    for batch in batches(order, items):
        preds = infer.decoder(infer.process(infer.encoder([items[i] for i in batch])))
        for i, pred in zip(batch, preds, strict=True):
            tags[i] = list(pred)
    return tags


def batches(order: list[int], items: list[list[str]]) -> Iterator[list[int]]:
    """Runs of the length-sorted items, at most NETWORK_BATCH items and BATCH_WORDS padded
    words each."""
    batch: list[int] = []
    for i in order:
        if batch and (len(batch) + 1) * len(items[i]) > max(BATCH_WORDS, len(items[i])):
            yield batch
            batch = []
        batch.append(i)
        if len(batch) == NETWORK_BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def model_spans(doc: Doc, tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) character spans from the tags of the doc's non-space tokens, each
    split where a line ends, a bracket or a list bullet stands in it (`parts`), and a person
    that is only initials joined to the surname just before it (`with_surname`)."""
    from slovnet.bio import bio_spans

    words = [t for t in doc if not t.is_space]
    text = doc.text
    lines = {i for i in range(1, len(words)) if "\n" in text[words[i - 1].idx : words[i].idx]}
    places = [_Place(i, i + 1) for i in range(len(words))]
    pieces: list[list[Any]] = []
    for span in bio_spans(places, tags):
        for first, last in parts(words[span.start : span.stop], span.start, lines):
            pieces.append([span.start + first, span.start + last, span.type])
    return [
        (words[first].idx, words[last].idx + len(words[last].text), label)
        for first, last, label in with_surname(words, pieces)
    ]


def with_surname(words: list[Token], pieces: list[list[Any]]) -> list[list[Any]]:
    """Pieces with a person the model read as initials only («Кульгинов А.А.» tagged «А.А.»)
    joined to the word before: a person piece ending there, or a capitalised word no piece
    holds that may be a surname (pymorphy3 reads it as one or does not know it: not
    «Докладчик А.А.»)."""
    taken = {i for first, last, _ in pieces for i in range(first, last + 1)}
    joined: list[list[Any]] = []
    for first, last, label in pieces:
        initials = label == "PER" and all(
            w.text == "." or (len(w.text) == 1 and w.text.isupper()) for w in words[first : last + 1]
        )
        if initials and joined and joined[-1][2] == "PER" and joined[-1][1] == first - 1:
            joined[-1][1] = last
            continue
        before = first - 1
        if initials and before >= 0 and before not in taken:
            word = words[before].text
            if len(word) > 1 and word[0].isupper() and word[1:].islower() and may_be_surname(word):
                first = before
        joined.append([first, last, label])
    return joined


def parts(words: list[Token], offset: int = 0, lines: set[int] | None = None) -> list[tuple[int, int]]:
    """(first, last) word indices of the pieces of a span between line ends, brackets and
    bullets, each without punctuation at its ends and with at least one letter: the model reads
    «Комитет защиты журналистов (КЗЖ)», «Туркмения • Уганда» or a name ending one line and a
    name opening the next as one name, which are two. `lines`: the indices (counted from
    `offset`) of words that open a line."""
    found: list[tuple[int, int]] = []
    piece: list[int] = []
    for i, word in enumerate([*words, None]):
        if word is not None and word.text not in SEPARATORS and (
            not piece or offset + i not in (lines or ())
        ):
            piece.append(i)
            continue
        while piece and words[piece[-1]].is_punct and words[piece[-1]].text not in CLOSING:
            piece.pop()
        while piece and words[piece[0]].is_punct and words[piece[0]].text not in OPENING:
            piece.pop(0)
        if any(ch.isalpha() for i in piece for ch in words[i].text):
            found.append((piece[0], piece[-1]))
        piece = [i] if word is not None and word.text not in SEPARATORS else []
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
        lines = [_lines(doc) for doc in docs]
        items = [words for doc_lines in lines for words in doc_lines]
        tags = iter(tag_words(items)) if items else iter([])
        for doc, doc_lines in zip(docs, lines, strict=True):
            if not doc_lines:
                continue
            whole = next(tags)
            alone = [tag for _ in doc_lines[1:] for tag in next(tags)] if len(doc_lines) > 1 else []
            spans = [s for s in model_spans(doc, whole) if not _a_verb_as_person(doc, s)]
            if alone:
                spans += [s for s in model_spans(doc, alone) if _adds(doc, s, spans)]
            found = [make_span(doc, start, end, label, "model") for start, end, label in spans]
            doc.ents = filter_spans([s for s in found if s is not None])
        return docs


def _lines(doc: Doc) -> list[list[str]]:
    """The doc's words, then (when it has several lines) each line's words."""
    words = [t.text for t in doc if not t.is_space]
    if not words:
        return []
    lines: list[list[str]] = [[]]
    for t in doc:
        if t.is_space and "\n" in t.text:
            lines.append([])
        elif not t.is_space:
            lines[-1].append(t.text)
    lines = [line for line in lines if line]
    return [words, *lines] if len(lines) > 1 else [words]


def _adds(doc: Doc, span: tuple[int, int, str], spans: list[tuple[int, int, str]]) -> bool:
    """A span found in a line read alone counts where the whole text has none and its first
    word may open a name."""
    return not any(s < span[1] and span[0] < e for s, e, _ in spans) and _opens(doc, span)


def _a_verb_as_person(doc: Doc, span: tuple[int, int, str]) -> bool:
    """A one-word person that is a word of the dictionary and can only be a verb, gerund or
    other non-name (a PER «Доложил» opening a paragraph): pymorphy3's evidence against it."""
    words = doc.char_span(span[0], span[1], alignment_mode="expand")
    return span[2] == "PER" and words is not None and len(words) == 1 and not _opens(doc, span)


def _opens(doc: Doc, span: tuple[int, int, str]) -> bool:
    """Whether the span's first word may open a name (not a verb: a PER «Доложил»)."""
    first = doc.char_span(span[0], span[1], alignment_mode="expand")
    return first is None or may_open_a_name(first[0].text)


@register_component("sek_natasha_ner", default_config={"batch_size": 64})
def make_natasha_ner(nlp: Language, name: str, batch_size: int) -> NatashaNER:
    """Registered once; the model itself loads on the first document."""
    return NatashaNER(batch_size)
