"""Word queries scored with numpy, with Whoosh's own BM25F figures.

Whoosh scores a query one matching block at a time in Python: at 100,000 blocks a question of
six words matches tens of thousands of blocks, and scoring them (then walking them again to
count every match for the facets) took seconds. Most queries delegates type are words joined by
AND, OR and NOT, which the parser turns into a tree of `Term`, `Or`, `And` and `AndNot`. For
such a tree this module reads each term's postings a block of ids at a time, scores them as
arrays with the same formula, statistics and coordination bonus Whoosh uses, and combines the
arrays: the same ranking, in milliseconds, plus every matching document at no extra cost.

Exact phrases (`Phrase` with Whoosh's default slop of 1) are scored the same way: the blocks
holding every word are found with arrays, and positions are decoded only for those blocks. The
names of cities and countries a query is widened with («Санкт-Петербург», "Nur-Sultan") are
such phrases, and at 100,000 blocks Whoosh's span matcher spent up to 2 s of CPU on a question
holding one. A top-level "a NOT b" (`And` with `Not` parts) is `a` without the blocks of `b`,
scored as Whoosh scores it (its inverse matcher adds 1.0 for each `Not`).

Anything else (prefixes, wildcards, ranges, sloppy phrases, NOT inside an OR) returns None
and is left to Whoosh. One deliberate difference: Whoosh counts a question's terms for the
coordination bonus per index segment (a block's score then depends on which segment holds it);
here they are counted over the whole index.
The postings are read through the Whoosh 2.7 codec's block reader; Whoosh 2.7 is its last
release, and tests/index/test_flatscore.py compares both rankings on a real index.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

#: postings kept between queries, in (document number, frequency) pairs: about 24 MB
CACHED_POSTINGS = 2_000_000
#: phrases whose matching blocks are kept between queries (names come back query after query)
CACHED_PHRASES = 512


@dataclass
class Scored:
    """Matching Whoosh document numbers (sorted), their scores, how many of the query's
    term leaves each one matches, and how many term leaves exist in the index at all."""

    ids: np.ndarray
    scores: np.ndarray
    hits: np.ndarray
    leaves: int


def _empty() -> Scored:
    return Scored(np.zeros(0, np.int64), np.zeros(0), np.zeros(0, np.int64), 0)


def is_flat(q: Any) -> bool:
    """True when the query is made only of terms and exact phrases joined by Or, And and
    AndNot (a top-level "a NOT b" is taken by `FlatScorer.run` itself)."""
    kind = type(q)
    if kind is wq.Term:
        return True
    if kind is wq.Phrase:
        return q.slop == 1 and bool(q.words)
    if kind is wq.Or:
        return all(is_flat(s) for s in q.subqueries)
    if kind is wq.And:  # "a NOT b" (And([a, Not(b)])) is left to Whoosh
        return all(is_flat(s) for s in q.subqueries)
    if kind is wq.AndNot:
        return is_flat(q.a) and is_flat(q.b)
    return False


class FlatScorer:
    """Scores flat queries against one Whoosh searcher (make a new one when it is refreshed)."""

    def __init__(self, searcher: Any) -> None:
        self.searcher = searcher
        self.weighting = searcher.weighting
        self._lengths: dict[str, np.ndarray] = {}
        self._cache: OrderedDict[tuple[str, bytes], tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._cached = 0
        self._phrases: OrderedDict[tuple[str, tuple[bytes, ...]], np.ndarray] = OrderedDict()

    def run(self, q: Any) -> tuple[np.ndarray, np.ndarray] | None:
        """(document numbers, scores) of every match, or None when Whoosh must do it."""
        if not isinstance(self.weighting, BM25F):
            return None
        if type(q) is wq.And and any(type(s) is wq.Not for s in q.subqueries):
            return self._and_nots(q)
        if not is_flat(q):
            return None
        found = self._score(q)
        return found.ids, found.scores

    def _and_nots(self, q: Any) -> tuple[np.ndarray, np.ndarray] | None:
        """"a NOT b": Whoosh intersects `a` with an inverse matcher of `b` that scores 1.0."""
        wanted = [s for s in q.subqueries if type(s) is not wq.Not]
        unwanted = [s.query for s in q.subqueries if type(s) is wq.Not]
        if not wanted or not all(is_flat(s) for s in wanted + unwanted):
            return None
        found = self._and([self._score(s) for s in wanted])
        for query in unwanted:
            found = self._and_not(found, self._score(query))
        scores = (found.scores + len(unwanted)) * q.boost
        return found.ids, scores

    def _score(self, q: Any) -> Scored:
        kind = type(q)
        if kind is wq.Term:
            found = self._term(q)
        elif kind is wq.Phrase:
            found = self._phrase(q)
        elif kind is wq.Or:
            found = self._or(q)
        elif kind is wq.And:
            found = self._and([self._score(s) for s in q.subqueries])
        else:
            found = self._and_not(self._score(q.a), self._score(q.b))
        if kind is not wq.Term and q.boost != 1.0:
            found.scores = found.scores * q.boost
        return found

    def _or(self, q: Any) -> Scored:
        parts = [self._score(s) for s in q.subqueries]
        if len(parts) == 1:
            return parts[0]
        ids = np.concatenate([p.ids for p in parts])
        unique, where = np.unique(ids, return_inverse=True)
        scores = np.bincount(where, np.concatenate([p.scores for p in parts]), len(unique))
        hits = np.bincount(where, np.concatenate([p.hits for p in parts]), len(unique))
        found = Scored(unique, scores, hits.astype(np.int64), sum(p.leaves for p in parts))
        if q.scale and found.leaves:
            found.scores = _coordinated(found, q.scale)
        return found

    def _and(self, parts: list[Scored]) -> Scored:
        if len(parts) == 1:
            return parts[0]
        ids = parts[0].ids
        for part in parts[1:]:
            ids = np.intersect1d(ids, part.ids, assume_unique=True)
        scores, hits = np.zeros(len(ids)), np.zeros(len(ids), np.int64)
        for part in parts:
            at = np.searchsorted(part.ids, ids)
            scores += part.scores[at]
            hits += part.hits[at]
        return Scored(ids, scores, hits, sum(p.leaves for p in parts))

    def _and_not(self, positive: Scored, negative: Scored) -> Scored:
        keep = ~np.isin(positive.ids, negative.ids, assume_unique=True)
        return Scored(positive.ids[keep], positive.scores[keep], positive.hits[keep],
                      positive.leaves)

    def _term(self, q: Any) -> Scored:
        field, searcher = q.fieldname, self.searcher
        if field not in searcher.schema:
            return _empty()
        try:
            text = searcher.schema[field].to_bytes(q.text)
        except ValueError:
            return _empty()
        ids, weights = self._postings(field, text)
        if not len(ids):
            return _empty()
        if not searcher.schema[field].scorable:
            scores = weights.astype(np.float64)
        else:
            scores = self._bm25(field, text, ids, weights)
        return Scored(ids, scores * q.boost, np.ones(len(ids), np.int64), 1)

    def _phrase(self, q: Any) -> Scored:
        """The blocks where the words stand next to each other in order, scored as Whoosh
        scores a phrase: the sum of its words' scores (each word a leaf for coordination)."""
        field, schema = q.fieldname, self.searcher.schema
        if field not in schema or not schema[field].format.supports("positions"):
            return _empty()
        try:
            texts = tuple(schema[field].to_bytes(word) for word in q.words)
        except ValueError:
            return _empty()
        reader = self.searcher.reader()
        if any((field, text) not in reader for text in texts):
            return _empty()  # as Whoosh: a phrase with an unknown word matches nothing
        found = self._and([self._term(wq.Term(field, word)) for word in q.words])
        keep = np.isin(found.ids, self._phrase_ids(field, texts, found.ids), assume_unique=True)
        return Scored(found.ids[keep], found.scores[keep], found.hits[keep], found.leaves)

    def _phrase_ids(self, field: str, texts: tuple[bytes, ...], candidates: np.ndarray) -> np.ndarray:
        """Which `candidates` (blocks holding every word) hold the words in a row."""
        key = (field, texts)
        known = self._phrases.get(key)
        if known is None:
            places = [self._positions(field, text, candidates) for text in texts]
            known = np.array([doc for doc in candidates.tolist() if _in_a_row(places, doc)],
                             np.int64)
            self._phrases[key] = known
            if len(self._phrases) > CACHED_PHRASES:
                self._phrases.popitem(last=False)
        self._phrases.move_to_end(key)
        return known

    def _positions(self, field: str, text: bytes, wanted: np.ndarray) -> dict[int, list[int]]:
        """The word's positions in each of the `wanted` blocks, decoding only the posting
        blocks that hold one of them."""
        decode = self.searcher.schema[field].format.decode_positions
        found: dict[int, list[int]] = {}
        for leaf, offset in self.searcher.leaf_searchers():
            reader = leaf.reader()
            if (field, text) not in reader:
                continue
            matcher = reader.postings(field, text)
            matcher = getattr(matcher, "child", matcher)
            while matcher.is_active():
                ids = _block(matcher)[0] + offset
                inside = np.nonzero(np.isin(ids, wanted, assume_unique=True))[0]
                if len(inside):
                    matcher._read_values()
                    for i in inside.tolist():
                        found[int(ids[i])] = decode(matcher._values[i])
                matcher._next_block()
        return found

    def _postings(self, field: str, text: bytes) -> tuple[np.ndarray, np.ndarray]:
        """Every (document number, term frequency) of one term; the common words of questions
        («какой», «город») come back in query after query, so recent lists are kept."""
        key = (field, text)
        found = self._cache.get(key)
        if found is not None:
            self._cache.move_to_end(key)
            return found
        found = self._read_postings(field, text)
        self._cache[key] = found
        self._cached += len(found[0])
        while self._cached > CACHED_POSTINGS and len(self._cache) > 1:
            _, (ids, _) = self._cache.popitem(last=False)
            self._cached -= len(ids)
        return found

    def _read_postings(self, field: str, text: bytes) -> tuple[np.ndarray, np.ndarray]:
        ids: list[np.ndarray] = []
        weights: list[np.ndarray] = []
        for leaf, offset in self.searcher.leaf_searchers():
            reader = leaf.reader()
            if (field, text) not in reader:
                continue
            matcher = reader.postings(field, text)
            matcher = getattr(matcher, "child", matcher)  # a segment with deletions wraps it
            while matcher.is_active():
                block_ids, block_weights = _block(matcher)
                ids.append(block_ids + offset)
                weights.append(block_weights)
                matcher._next_block()
        if not ids:
            return np.zeros(0, np.int64), np.zeros(0, np.float32)
        return np.concatenate(ids), np.concatenate(weights)

    def _bm25(self, field: str, text: bytes, ids: np.ndarray, weights: np.ndarray) -> np.ndarray:
        scorer = self.weighting.scorer(self.searcher, field, text)
        tf = weights.astype(np.float64)
        lengths = self._field_lengths(field)[ids]
        b, k1 = scorer.B, scorer.K1
        result: np.ndarray = scorer.idf * (
            (tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * lengths / scorer.avgfl))
        )
        return result

    def _field_lengths(self, field: str) -> np.ndarray:
        """The length Whoosh scores each document's `field` with (read once per searcher)."""
        if field not in self._lengths:
            parts = []
            for leaf, _ in self.searcher.leaf_searchers():
                reader = leaf.reader()
                parts.append(_segment_lengths(reader, field, reader.doc_count_all()))
            self._lengths[field] = np.concatenate(parts) if parts else np.zeros(0)
        return self._lengths[field]


#: Whoosh stores a field's length per document as one byte; this decodes every byte at once
_BYTE_LENGTHS = np.array([byte_to_length(b) for b in range(256)], np.float64)


def _segment_lengths(reader: Any, field: str, count: int) -> np.ndarray:
    """One segment's field lengths: its length column read as one byte string (a Python call
    per document took half a second per 100,000 blocks at every searcher refresh), or the
    per-document way when the column is not the Whoosh 2.7 layout."""
    try:
        column = reader._perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)
        if column is None:
            return np.zeros(count)
        stored = min(column._count, count)
        raw = column._dbfile.get(column._basepos, stored)
        lengths = np.zeros(count)
        lengths[:stored] = _BYTE_LENGTHS[np.frombuffer(raw, np.uint8)]
        return lengths
    except AttributeError:
        return np.fromiter((reader.doc_field_length(d, field, 0) or 0 for d in range(count)),
                           np.float64, count)


def _block(matcher: Any) -> tuple[np.ndarray, np.ndarray]:
    """The ids and weights of the block a Whoosh 2.7 posting matcher stands on, as arrays
    (ids are stored as differences from the one before; weights as None when all are 1)."""
    if matcher._data is None:
        matcher._read_data()
    raw_ids, raw_weights = matcher._data[0], matcher._data[1]
    ids = np.cumsum(np.asarray(raw_ids, np.int64))
    if raw_weights is None:
        weights = np.ones(len(ids), np.float32)
    elif isinstance(raw_weights, float):
        weights = np.full(len(ids), raw_weights, np.float32)
    else:
        weights = np.asarray(raw_weights, np.float32)
    return ids, weights


def _in_a_row(places: list[dict[int, list[int]]], doc: int) -> bool:
    """True when word k of the phrase stands at position p + k for some p in `doc`."""
    starts = set(places[0].get(doc, ()))
    for k, place in enumerate(places[1:], 1):
        starts &= {p - k for p in place.get(doc, ())}
        if not starts:
            return False
    return bool(starts)


def _coordinated(found: Scored, scale: float) -> np.ndarray:
    """Whoosh's coordination bonus (CoordMatcher): more of the query's terms, higher."""
    count = found.leaves
    result: np.ndarray = (found.scores + (found.hits - 1) / (count - scale) ** 2) * (
        (count - 1) / count
    )
    return result
