"""Nothing shown that does not match: meaning alone needs a similarity that stands out,
exact phrases must occur, nonsense finds nothing, the total counts what is listed, and the
query language's bounds (no ranges, no too short or too wide prefixes) say why."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from embedded import embedded_searcher

from corpus.messages import say
from corpus.model import Document
from index.bounds import MIN_PREFIX, bound_expansions
from index.fusion import RankedRows, fuse
from index.query import parse
from index.ranking import CROSS_LANGUAGE_SHARE, LEXICAL_SHARE, same_language
from index.searcher import Searcher

DATA = Path(__file__).resolve().parents[2] / "bench" / "data" / "retrieval_ru.jsonl"
NONSENSE = (
    "xyzzyqwerty", "asdfghjkl", "qwertyuiop", "фывапролдж", "йцукенгшщз", "zxcvbnm",
    "blorptangle", "кракозябра", "ыщщф вфыв", "lkjhg poiuy", "ъьъьъ", "mnbvcx lkj",
    "флибертигибет", "gobbledygook", "трщпрщ", "jjjjjjj", "пуцфыв ааа", "wqrtp zxq",
    "бзззыщ", "ooglyboogly",
)


def items() -> list[dict[str, str]]:
    lines = DATA.read_text("utf-8").splitlines()[:12]
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def trusted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    """Twelve Russian paragraphs in three documents and a sentence about Chisinau in a fourth,
    embedded by the real embed stage."""
    documents = []
    for number in range(3):
        document = Document(
            id=str(number) * 64,
            source_name=f"cities_{number}_ru.docx",
            media_type="docx",
            kind="report",
            language="ru",
            status="ok",
        )
        for item in items()[number * 4 : number * 4 + 4]:
            document.add_block("paragraph", item["text"], language="ru")
        documents.append(document)
    chisinau = Document(id="k" * 64, source_name="chisinau_ru.docx", media_type="docx",
                        kind="report", language="ru", status="ok")
    chisinau.add_block("paragraph", "В Кишинёве открыли новый троллейбусный парк на сорок "
                       "машин.", language="ru")
    with embedded_searcher(tmp_path_factory.mktemp("trust"), *documents, chisinau) as searcher:
        yield searcher


def test_nonsense_finds_nothing_and_says_so(trusted: Searcher) -> None:
    for query in NONSENSE:
        result = trusted.search(query)
        assert (query, result.hits, result.total) == (query, [], 0)
        assert result.message == "no matches"


def test_an_absent_exact_phrase_finds_nothing(trusted: Searcher) -> None:
    result = trusted.search('"ремонт космических кораблей"')
    assert (result.hits, result.total, result.message) == ([], 0, "no matches")


def test_a_present_exact_phrase_finds_only_its_block(trusted: Searcher) -> None:
    result = trusted.search('"умных счётчиков воды"')
    shown = [b.block_id for hit in result.hits for b in hit.blocks]
    assert [trusted.store.blocks.text(b)[:40] for b in shown] == [  # type: ignore[index]
        "Ереванская мэрия установила 1 200 умных "
    ]
    assert result.total == 1


def test_an_english_question_still_finds_its_russian_paragraph(trusted: Searcher) -> None:
    result = trusted.search("How many kilometres of worn-out water mains were replaced in Minsk?")
    best = trusted.store.blocks.text(result.hits[0].blocks[0].block_id) or ""
    assert best.startswith("Минский городской исполнительный комитет")


def test_total_counts_every_listed_document(trusted: Searcher) -> None:
    for query in ("электробусы Алматы", "What did installing smart water meters achieve?"):
        result = trusted.search(query, limit=10)
        assert result.total >= len(result.hits) > 0


def test_an_unbalanced_quote_is_repaired_with_a_message(trusted: Searcher) -> None:
    result = trusted.search('"умных счётчиков')
    assert result.message == "an unmatched quote or parenthesis was dropped from the query"
    assert say(result.message, "ru") == "Непарная кавычка или скобка в запросе пропущена"
    assert result.hits[0].blocks[0].fragments[0].text.startswith("Ереванская мэрия")


@pytest.mark.parametrize("query", ["[а TO я]", "{a TO b}", "вода [2020 TO 2024]"])
def test_range_syntax_is_refused(trusted: Searcher, query: str) -> None:
    result = trusted.search(query)
    assert result.hits == [] and result.total == 0
    assert result.message is not None and result.message.startswith("ranges such as")


@pytest.mark.parametrize("query", ["в*", "во*", "*вод", "?а", "в?да"])
def test_too_short_prefixes_are_refused(trusted: Searcher, query: str) -> None:
    result = trusted.search(query)
    assert result.hits == [] and result.total == 0
    assert result.message == f"{query!r} is too short to expand: write at least " \
        f"{MIN_PREFIX} letters before * or ?"


@pytest.mark.parametrize("query", ["электробусы?!", "электробусы?", "в Алматы?!.."])
def test_a_question_mark_ending_a_question_is_no_wildcard(trusted: Searcher, query: str) -> None:
    result = trusted.search(query, mode="lexical")
    assert [h.source_name for h in result.hits] == ["cities_1_ru.docx"]


def test_a_prefix_of_three_letters_searches(trusted: Searcher) -> None:
    result = trusted.search("эле*", mode="lexical")
    assert [h.source_name for h in result.hits] == ["cities_1_ru.docx"]
    assert result.message is None


def test_a_wide_prefix_is_cut_to_its_most_frequent_words(trusted: Searcher) -> None:
    reader = trusted._searcher.reader()
    parsed = parse("вод*", "ru", reader.schema)
    every = {
        t.decode() for f, t in parsed.whoosh.existing_terms(reader, expand=True) if f == "text_ru"
    }
    bounded, cut = bound_expansions(parsed.whoosh, reader, limit=2)
    kept = {t for f, t in bounded.iter_all_terms() if f == "text_ru"}
    assert cut and len(every) == 5 and kept == {"вода", "водоканал"} < every
    assert bound_expansions(parsed.whoosh, reader, limit=len(every)) == (parsed.whoosh, False)


def test_fusion_counts_a_list_by_its_weight() -> None:
    lexical: RankedRows = ([1, 2, 3], [9.0, 8.0, 7.0])
    semantic: RankedRows = ([3, 1, 2], [0.9, 0.8, 0.7])
    assert fuse([lexical, semantic])[0] == [1, 3, 2]
    # words matched in row 1, of another language, count for little: the embedding leads
    assert fuse([lexical, semantic], weights=[lambda row: 0.3 if row == 1 else 1.0, 1.0])[0] == [
        3, 2, 1
    ]


def test_a_word_match_in_another_language_counts_for_less(trusted: Searcher) -> None:
    weight = same_language(trusted.catalog, "uk", LEXICAL_SHARE, CROSS_LANGUAGE_SHARE)
    row = trusted.catalog.row_of[trusted.catalog.block_ids[0]]
    assert weight(row) == CROSS_LANGUAGE_SHARE < LEXICAL_SHARE  # type: ignore[operator]
    own = same_language(trusted.catalog, "ru", LEXICAL_SHARE, CROSS_LANGUAGE_SHARE)
    assert own(row) == LEXICAL_SHARE  # type: ignore[operator]


def test_hybrid_finds_a_city_named_in_another_language(trusted: Searcher) -> None:
    result = trusted.search("Chisinau")
    assert result.mode == "hybrid"
    assert [h.source_name for h in result.hits][:1] == ["chisinau_ru.docx"]
    fragment = result.hits[0].blocks[0].fragments[0]
    assert [fragment.text[a:b] for a, b in fragment.highlights] == ["Кишинёве"]


@pytest.mark.parametrize("query", ["электробусы в Алматы", "в Алматы", "электробусы для Алматы"])
def test_stop_words_of_the_query_language_are_not_required(
    trusted: Searcher, query: str
) -> None:
    result = trusted.search(query, mode="lexical")
    assert [h.source_name for h in result.hits] == ["cities_1_ru.docx"]
