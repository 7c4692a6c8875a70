"""Filters take what people type (a city in any language and case form, a person by surname);
facets read as names in the interface's language."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus.model import Document, Entity
from corpus.store import Store
from index.build import add_document
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


def test_a_person_is_named_and_found_by_the_name_as_written(tmp_path: Path) -> None:
    """A person's key is folded into Latin letters; the facet shows the name the archive
    wrote («Кузнецов Д.П.», its JSON keeps the key and adds the name), and the filter takes
    the surname in any case form."""
    store = Store(tmp_path / "data")
    source = tmp_path / "minutes_ru.txt"
    text = "С докладом выступил Кузнецов Д.П., директор водоканала."
    source.write_text(text, "utf-8")
    document = Document(id=hashlib.sha256(source.read_bytes()).hexdigest(),
                        source_name=source.name, media_type="text/plain", kind="minutes",
                        language="ru", status="ok")
    store.keep_file(source, document.id)
    block = document.add_block("paragraph", text, language="ru")
    start = text.index("Кузнецов")
    block.entities.append(Entity("PER", start, start + 13, "Кузнецов Д.П.", "Кузнецов Д.П.",
                                 "per:kuznecov-d"))
    store.save_document(document)
    add_document(store, document)
    with store, Searcher(store) as searcher:
        for typed in ("Кузнецов", "Кузнецова", "per:kuznecov-d"):
            found = searcher.search("водоканала", Filters(entity=typed))
            assert [h.source_name for h in found.hits] == ["minutes_ru.txt"], typed
        facet = searcher.search("водоканала").to_json()["facets"]["entity"]
    assert facet == [{"value": "per:kuznecov-d", "count": 1, "name": "Кузнецов Д.П."}]
    assert facet_label("entity", "per:kuznecov-d", "en", "Кузнецов Д.П.") == "Кузнецов Д.П."
    assert not matches_person("per:kuznecov-d", "Гришина", "Кузнецов Д.П.")
