"""Lexical search over a real store: morphology, query syntax, filters, facets, bad input."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from corpus.store import Store
from index.searcher import Filters, Searcher


@pytest.fixture(scope="module")
def searcher(shared_store: Store) -> Iterator[Searcher]:
    with Searcher(shared_store) as opened:
        yield opened


def blocks(searcher: Searcher, query: str, **filters: str) -> list[str]:
    """The texts of every block shown for a query, best first."""
    result = searcher.search(query, Filters(**filters), limit=20)
    return [
        searcher.store.blocks.text(b.block_id) or "" for hit in result.hits for b in hit.blocks
    ]


def test_lemma_finds_every_inflected_form(searcher: Searcher) -> None:
    found = blocks(searcher, "водоканал")
    assert any("Водоканала" in t for t in found)
    assert any("водоканалом" in t for t in found)
    assert any("«Водоканал»" in t for t in found)


def test_city_name_finds_its_locative(searcher: Searcher) -> None:
    found = blocks(searcher, "Рязань")
    assert any("в Рязани" in t for t in found)
    assert any("опыт Рязани" in t for t in found)


def test_russian_query_finds_ukrainian_word_of_the_same_lemma(searcher: Searcher) -> None:
    assert any("Водоканалу міста Києва" in t for t in blocks(searcher, "водоканал"))


def test_phrase_needs_the_words_in_order(searcher: Searcher) -> None:
    assert len(blocks(searcher, '"очистных сооружений"')) == 1
    assert blocks(searcher, '"сооружений очистных"') == []


def test_prefix(searcher: Searcher) -> None:
    found = blocks(searcher, "автобус*")
    assert len(found) == 1 and "автобусов" in found[0]


def test_not_excludes(searcher: Searcher) -> None:
    found = blocks(searcher, "водоканал NOT директор")
    assert found and not any("директор" in t for t in found)


def test_and_or(searcher: Searcher) -> None:
    assert len(blocks(searcher, "водоканал AND директор")) == 1
    both = blocks(searcher, "автобус OR водоснабжение")
    assert any("автобусов" in t for t in both) and any("водоснабжения" in t for t in both)


def test_russian_operators(searcher: Searcher) -> None:
    assert len(blocks(searcher, "водоканал И директор")) == 1


def test_english_query_finds_russian_block_through_its_translation(searcher: Searcher) -> None:
    result = searcher.search("sewage treatment plant")
    assert [h.source_name for h in result.hits] == ["report_ryazan_water_ru.docx"]
    fragment = result.hits[0].blocks[0].fragments[0]
    assert fragment.language == "en"
    marked = [fragment.text[a:b] for a, b in fragment.highlights]
    assert marked == ["sewage", "treatment", "plant"]


def test_results_group_blocks_by_document(searcher: Searcher) -> None:
    result = searcher.search("водоканал")
    names = [h.source_name for h in result.hits]
    assert len(names) == len(set(names)) == result.total == 2
    ryazan = result.hits[names.index("report_ryazan_water_ru.docx")]
    assert len(ryazan.blocks) == 3
    assert {b.paragraph for b in ryazan.blocks} == {1, 2, 3}


def test_highlights_mark_the_inflected_words(searcher: Searcher) -> None:
    result = searcher.search("Рязань", Filters(kind="report"))
    fragment = result.hits[0].blocks[0].fragments[0]
    assert [fragment.text[a:b] for a, b in fragment.highlights] == ["Рязани"]


def test_facets_count_documents(searcher: Searcher) -> None:
    facets = searcher.search("водоканал").facets
    assert facets["kind"] == [{"value": "report", "count": 2}]
    assert facets["city"] == [{"value": "Київ", "count": 1}, {"value": "Рязань", "count": 1}]
    assert facets["language"] == [{"value": "ru", "count": 1}, {"value": "uk", "count": 1}]
    assert facets["year"] == [{"value": "2022", "count": 1}, {"value": "2024", "count": 1}]
    assert facets["entity"] == [{"value": "city:ryazan", "count": 1}]
    assert searcher.search("Рязань").facets["kind"] == [
        {"value": "minutes", "count": 1},
        {"value": "report", "count": 1},
    ]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"city": "москва"}, ["minutes_moscow_2023.docx"]),
        ({"kind": "report"}, ["report_ryazan_water_ru.docx"]),
        ({"session": "2023-осень"}, ["minutes_moscow_2023.docx"]),
        ({"date_from": "2024"}, ["report_ryazan_water_ru.docx"]),
        ({"date_to": "2023-12"}, ["minutes_moscow_2023.docx"]),
        ({"date_from": "2023-11-02", "date_to": "2023-11-02"}, ["minutes_moscow_2023.docx"]),
        ({"entity": "city:ryazan"}, ["report_ryazan_water_ru.docx"]),
        ({"language": "ru", "kind": "minutes"}, ["minutes_moscow_2023.docx"]),
    ],
)
def test_filters(searcher: Searcher, filters: dict[str, str], expected: list[str]) -> None:
    result = searcher.search("Рязань", Filters(**filters))
    assert [h.source_name for h in result.hits] == expected


@pytest.mark.parametrize(
    ("filters", "words"),
    [
        ({"city": "Атлантида"}, "no blocks with city 'Атлантида'"),
        ({"kind": "novel"}, "unknown kind 'novel'"),
        ({"language": "fr"}, "no blocks with language 'fr'"),
        ({"entity": "city:atlantis"}, "no entity 'city:atlantis'"),
        ({"date_from": "вчера"}, "not a date: 'вчера'"),
    ],
)
def test_unknown_filter_value_is_a_message(
    searcher: Searcher, filters: dict[str, str], words: str
) -> None:
    result = searcher.search("Рязань", Filters(**filters))
    assert result.hits == [] and result.message is not None and words in result.message


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("", "no words"),
        ("   ", "no words"),
        ("?! … — «»", "no words"),
        ("и в на по", "only common words"),
        ("the of and", "only common words"),
    ],
)
def test_queries_with_nothing_to_search_say_so(searcher: Searcher, query: str, words: str) -> None:
    result = searcher.search(query)
    assert result.hits == [] and result.total == 0
    assert result.message is not None and words in result.message


@pytest.mark.parametrize(
    "query",
    [
        '"водоканал',
        'водоканал"',
        "((водоканал",
        "водоканал)",
        ")водоканал(",
        "водоканал AND",
        "OR водоканал",
        "NOT",
        "водоканал^",
        "*",
        "водоканал:",
    ],
)
def test_malformed_queries_never_raise(searcher: Searcher, query: str) -> None:
    result = searcher.search(query)
    assert result.message is None or "could not" not in result.message
    json.dumps(result.to_json())


def test_unbalanced_quote_still_finds(searcher: Searcher) -> None:
    assert blocks(searcher, '"очистных сооружений')


def test_very_long_query_is_cut_with_a_note(searcher: Searcher) -> None:
    result = searcher.search("водоканал " * 1000)
    assert result.message is not None and "cut" in result.message


def test_json_has_the_documented_shape(searcher: Searcher) -> None:
    data = searcher.search("водоканал", limit=1).to_json()
    assert set(data) == {"query", "mode", "language", "total", "message", "facets", "hits"}
    assert data["total"] == 2 and len(data["hits"]) == 1
    hit = data["hits"][0]
    assert {
        "document_id",
        "source_name",
        "title",
        "kind",
        "city",
        "session",
        "date",
        "score",
        "blocks",
    } <= set(hit)
    block = hit["blocks"][0]
    assert {
        "block_id",
        "score",
        "kind",
        "order",
        "page",
        "paragraph",
        "language",
        "fragments",
    } <= set(block)
    assert {"text", "highlights", "language"} == set(block["fragments"][0])


def test_semantic_mode_without_embeddings_says_so(searcher: Searcher) -> None:
    result = searcher.search("водоканал", mode="semantic")
    assert result.hits == [] and result.message is not None and "embeddings" in result.message


def test_a_question_finds_its_paragraph_without_every_word(searcher: Searcher) -> None:
    """Regression: questions were ANDed word by word and found nothing ("насколько", "после"
    are not in the answer); now a long query matches any word, more matches first."""
    found = blocks(searcher, "Насколько снизился сброс загрязнений в Оку после реконструкции?")
    assert found[0].startswith("Специалисты Водоканала завершили реконструкцию")


def test_keywords_still_need_every_word(searcher: Searcher) -> None:
    assert blocks(searcher, "водоканал автобус") == []
