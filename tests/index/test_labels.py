"""Filters take what people type (a city in any language and case form, a person by surname);
facets read as names in the interface's language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from corpus.store import Store
from index.labels import entity_label, facet_label, matches_person, place_key
from index.searcher import Filters, Searcher


@pytest.fixture(scope="module")
def searcher(shared_store: Store) -> Iterator[Searcher]:
    with Searcher(shared_store) as opened:
        yield opened


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("Москва", "city:moscow"),
        ("Moscow", "city:moscow"),
        ("Москвы", "city:moscow"),
        ("city:moscow", "city:moscow"),
        ("Київ", "city:kyiv"),
        ("Киев", "city:kyiv"),
        ("Kyiv", "city:kyiv"),
        ("Рязани", "city:ryazan"),
        ("Атлантида", None),
    ],
)
def test_place_key(typed: str, key: str | None) -> None:
    assert place_key(typed) == key


@pytest.mark.parametrize("typed", ["Москва", "Moscow", "Москвы", "city:moscow", "москва"])
def test_city_filter_takes_any_name_of_the_city(searcher: Searcher, typed: str) -> None:
    result = searcher.search("Рязань", Filters(city=typed))
    assert [h.source_name for h in result.hits] == ["minutes_moscow_2023.docx"]


@pytest.mark.parametrize("typed", ["Київ", "Киев", "Kyiv"])
def test_a_city_stored_in_ukrainian_is_found_by_its_other_names(
    searcher: Searcher, typed: str
) -> None:
    result = searcher.search("водогони", Filters(city=typed), mode="lexical")
    assert [h.source_name for h in result.hits] == ["report_kyiv_uk.docx"]


@pytest.mark.parametrize("typed", ["city:ryazan", "Рязань", "Ryazan", "Рязани"])
def test_entity_filter_takes_a_place_name(searcher: Searcher, typed: str) -> None:
    result = searcher.search("Рязань", Filters(entity=typed))
    assert [h.source_name for h in result.hits] == ["report_ryazan_water_ru.docx"]


def test_person_by_surname() -> None:
    assert matches_person("per:гришина-п-а", "Гришина")
    assert matches_person("per:гришина-п-а", "гришиной")
    assert matches_person("per:гришина-п-а", "per:гришина-п-а")
    assert not matches_person("per:гришина-п-а", "Кузнецов")
    assert not matches_person("city:moscow", "Москва")


@pytest.mark.parametrize(
    ("facet", "value", "language", "label"),
    [
        ("city", "city:ryazan", "ru", "Рязань"),
        ("city", "city:ryazan", "en", "Ryazan"),
        ("city", "Рязань", "en", "Рязань"),  # a name as stored stays as it is
        ("entity", "per:гришина-п-а", "en", "Гришина П. А."),
        ("entity", "city:kyiv", "uk", "Київ"),
        ("session", "2024-весна", "en", "2024-весна"),
    ],
)
def test_facet_labels(facet: str, value: str, language: str, label: str) -> None:
    assert facet_label(facet, value, language) == label


def test_entity_label_of_an_unknown_key_is_the_key() -> None:
    assert entity_label("org:nowhere", "ru") == "org:nowhere"
