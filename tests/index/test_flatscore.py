"""Word queries scored with numpy (index.flatscore) rank exactly as Whoosh ranks them.

The archive is built from the real Russian paragraphs of the retrieval set, cut into blocks,
indexed in several segments (a rebuild, then documents added one by one, one of them saved
again so the index holds deleted entries), as a real archive is.

One difference is deliberate: for a question (an OR with Whoosh's coordination bonus) Whoosh
counts the query's terms per segment, so the same block scores differently depending on which
segment holds it; the numpy path counts them over the whole index. The question below uses
words every segment has, where both agree."""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from corpus.model import Document
from corpus.store import Store
from index.build import add_document, rebuild
from index.flatscore import FlatScorer, _segment_lengths, is_flat
from index.query import parse
from index.searcher import Filters, Searcher

DATA = Path(__file__).resolve().parents[2] / "bench" / "data" / "retrieval_ru.jsonl"
QUERIES = [
    "водоснабжение",
    "вода город",
    "Сколько домохозяйств получают электричество от мусоросжигательного завода?",
    "транспорт OR парковка",
    "школы AND строительство",
    '"детский сад"',
    '"центр города" AND "детских садов"',
    'вода OR "детских садов"',
    "вода NOT туризм",
    "город NOT (туризм OR парковка) NOT вода",
]


def document(number: int, paragraphs: list[str], rng: random.Random) -> Document:
    doc = Document(id=hashlib.sha256(str(number).encode()).hexdigest(), source_name=f"report_{number}.txt", media_type="text",
                   kind="report", language="ru", city=rng.choice(["Москва", "Рязань"]),
                   status="ok")
    for _ in range(20):
        doc.add_block("paragraph", " ".join(rng.sample(paragraphs, 2)), language="ru")
    return doc


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    rng = random.Random(3)
    lines = DATA.read_text("utf-8").splitlines()
    paragraphs = [json.loads(line)["text"] for line in lines if line.strip()]
    store = Store(tmp_path_factory.mktemp("flat") / "data")
    for number in range(12):
        store.save_document(document(number, paragraphs, rng))
    rebuild(store)
    for number in range(12, 16):  # new segments
        added = document(number, paragraphs, rng)
        store.save_document(added)
        add_document(store, added)
    again = store.load_document(store.document_ids()[0])  # a deleted entry, indexed anew
    add_document(store, again)
    with Searcher(store) as opened:
        yield opened
    store.close()


@pytest.mark.parametrize("text", QUERIES)
def test_same_ranking_and_matches_as_whoosh(searcher: Searcher, text: str) -> None:
    whoosh = searcher._searcher
    assert len(whoosh.leaf_searchers()) > 1 and whoosh.reader().has_deletions()
    whoosh_query = parse(text, "ru", whoosh.schema).whoosh
    assert is_flat(whoosh_query) or "NOT" in text
    found = FlatScorer(whoosh).run(whoosh_query)
    assert found is not None
    ids, scores = found
    live = [i for i in ids.tolist() if not whoosh.reader().is_deleted(i)]
    assert sorted(live) == sorted(whoosh.docs_for_query(whoosh_query))
    # every match ranked, then the first ten: Whoosh's own top-10 collector misses a block of
    # "a NOT b" that its full ranking puts first
    expected = list(whoosh.search(whoosh_query, limit=None, optimize=False))[:10]
    order = np.lexsort((ids, -scores))
    ours = [(int(ids[i]), float(scores[i])) for i in order if int(ids[i]) in set(live)][:10]
    assert len(ours) == len(expected) > 0
    # the same scores in the same order; blocks of equal score may come in either order
    assert [s for _, s in ours] == pytest.approx([hit.score for hit in expected], rel=1e-9)
    every = dict(zip(ids.tolist(), scores.tolist(), strict=True))
    assert [every[hit.docnum] for hit in expected] == pytest.approx(
        [hit.score for hit in expected], rel=1e-9)
    clear = [hit.docnum for hit in expected if hit.score > expected[-1].score + 1e-9]
    assert [d for d, _ in ours[: len(clear)]] == clear or len({s for _, s in ours}) < len(ours)


def test_a_question_with_a_phrase_finds_what_whoosh_finds(searcher: Searcher) -> None:
    """A city's name becomes a phrase («Санкт-Петербург»: санкт петербург); in a question the
    ranking differs from Whoosh's only by how the coordination bonus counts terms (Whoosh drops
    a term from the count once its postings are used up, so its counts change as it walks)."""
    whoosh = searcher._searcher
    whoosh_query = parse("Сколько детских садов открыли в Санкт-Петербурге?", "ru",
                         whoosh.schema).whoosh
    assert is_flat(whoosh_query) and "Phrase" in repr(whoosh_query)
    ids, scores = FlatScorer(whoosh).run(whoosh_query)
    live = [i for i in ids.tolist() if not whoosh.reader().is_deleted(i)]
    assert sorted(live) == sorted(whoosh.docs_for_query(whoosh_query))
    best = searcher.search("Сколько детских садов открыли в Санкт-Петербурге?", limit=1)
    text = " ".join(f.text for f in best.hits[0].blocks[0].fragments)
    assert "Санкт-Петербург" in text and "детск" in text, text


def test_prefixes_and_sloppy_phrases_are_left_to_whoosh(searcher: Searcher) -> None:
    whoosh = searcher._searcher
    for text in ("водоснаб*", '"очистные сооружения"~3', "вода OR NOT туризм"):
        assert FlatScorer(whoosh).run(parse(text, "ru", whoosh.schema).whoosh) is None
    assert searcher.search("водоснаб*").hits


def test_a_phrase_needs_its_words_in_a_row(searcher: Searcher) -> None:
    """Blocks holding both words apart are not phrase matches; a repeated phrase is served
    from the scorer's phrase cache with the same answer."""
    whoosh = searcher._searcher
    scorer = FlatScorer(whoosh)
    phrase = parse('"городской транспорт"', "ru", whoosh.schema).whoosh
    both = parse("городской AND транспорт", "ru", whoosh.schema).whoosh
    in_a_row, _ = scorer.run(phrase)
    anywhere, _ = scorer.run(both)
    assert set(in_a_row.tolist()) < set(anywhere.tolist())
    assert sorted(whoosh.docs_for_query(phrase)) == sorted(
        i for i in in_a_row.tolist() if not whoosh.reader().is_deleted(i))
    assert scorer.run(phrase)[0].tolist() == in_a_row.tolist()


def test_filters_and_facets_follow_the_numpy_path(searcher: Searcher) -> None:
    every = searcher.search("вода", limit=50)
    in_ryazan = searcher.search("вода", Filters(city="Рязань"), limit=50)
    assert every.total > in_ryazan.total > 0
    assert {h.city for h in in_ryazan.hits} == {"Рязань"}
    cities = {f["value"]: f["count"] for f in in_ryazan.to_json()["facets"]["city"]}
    assert set(cities) == {"Рязань"}


def test_a_question_mark_ends_a_question_not_a_word(searcher: Searcher) -> None:
    parsed = parse("Где строят школы?", "ru", searcher._searcher.schema)
    assert is_flat(parsed.whoosh)
    assert "школа" in parsed.terms["text_ru"]
    assert not is_flat(parse("шко?а", "ru", searcher._searcher.schema).whoosh)


def test_field_lengths_read_at_once_equal_whoosh_per_document(searcher: Searcher) -> None:
    """The length column read as one byte string gives what Whoosh gives per document,
    in every segment (documents added after a segment's last length are 0)."""
    checked = 0
    for leaf, _ in searcher._searcher.leaf_searchers():
        reader = leaf.reader()
        count = reader.doc_count_all()
        for field in ("text_ru", "title", "text_en"):
            ours = _segment_lengths(reader, field, count)
            theirs = [reader.doc_field_length(d, field, 0) or 0 for d in range(count)]
            assert ours.tolist() == theirs
            checked += sum(1 for length in theirs if length)
    assert checked > 200
