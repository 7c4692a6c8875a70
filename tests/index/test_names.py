"""Names across languages: a query naming a member city finds it as other languages write it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from corpus.store import Store
from index.names import expand_names
from index.searcher import Searcher


@pytest.mark.parametrize(
    ("typed", "language", "expanded"),
    [
        ("Chisinau", "en", "(Chisinau OR Кишинёв OR Chișinău OR Кишинів)"),
        ("водоканал в Рязани", "ru", "водоканал в (Рязани OR Ryazan)"),
        ("Nizhny Novgorod metro", "en",
         '("Nizhny Novgorod" OR "Нижний Новгород" OR "Нижній Новгород") metro'),
        ("в Нижнем Новгороде", "ru",
         'в ("Нижнем Новгороде" OR "Nizhny Novgorod" OR "Нижній Новгород")'),
        ("water NOT Ryazan,", "en", "water NOT (Ryazan OR Рязань),"),
        ("Київ", "uk", "(Київ OR Киев OR Kyiv OR Kiev)"),
    ],
)
def test_a_name_is_grouped_with_its_other_names(typed: str, language: str, expanded: str) -> None:
    assert expand_names(typed, language)[0] == expanded


@pytest.mark.parametrize(
    ("typed", "language"),
    [
        ('"Рязань" AND вода', "ru"),  # a phrase is searched as typed
        ("Минск*", "ru"),  # a prefix is not a name
        ("Владимир", "ru"),  # also a first name: the gazetteer marks it ambiguous
        ("водоснабжение и водоотведение", "ru"),
    ],
)
def test_other_queries_are_left_alone(typed: str, language: str) -> None:
    assert expand_names(typed, language) == (typed, [])


def test_found_names_carry_their_key() -> None:
    _, found = expand_names("Moscow and Kyiv", "en")
    assert [(f.start, f.end, f.key) for f in found] == [(0, 1, "city:moscow"), (2, 3, "city:kyiv")]


@pytest.fixture(scope="module")
def searcher(shared_store: Store) -> Iterator[Searcher]:
    with Searcher(shared_store) as opened:
        yield opened


def highlighted(searcher: Searcher, query: str) -> list[tuple[str, list[str]]]:
    """(source file, highlighted words) of every block shown, best first."""
    return [
        (hit.source_name, [f.text[a:b] for f in block.fragments for a, b in f.highlights])
        for hit in searcher.search(query, limit=20).hits
        for block in hit.blocks
    ]


def test_english_name_finds_russian_and_ukrainian_text(searcher: Searcher) -> None:
    assert highlighted(searcher, "Moscow") == [("minutes_moscow_2023.docx", ["Москве"])]
    assert highlighted(searcher, "Kyiv") == [("report_kyiv_uk.docx", ["Києва"])]


def test_russian_name_finds_the_ukrainian_report(searcher: Searcher) -> None:
    assert highlighted(searcher, "Киев") == [("report_kyiv_uk.docx", ["Києва"])]
