"""A query's language from the detector, its letters, the interface and the archive: never an
exotic language for a short query without that language's own letters."""

from __future__ import annotations

import pytest

from corpus.store import Store
from index.querylanguage import plausible, query_language
from index.searcher import Searcher
from pipeline.wiring import detect_query_language


@pytest.mark.parametrize(
    ("query", "interface", "archive", "expected"),
    [
        ("тарифи на воду", None, ["ru", "uk"], "ru"),  # the detector says tg
        ("тарифи на воду", "uk", ["ru"], "uk"),
        ("тарифи на воду", None, [], "ru"),
        ("Kishinev", None, ["ru"], "en"),  # the detector says uz
        ("Кишинёв", None, ["ru"], "ru"),  # the detector says uz
        ("water", None, ["ru"], "en"),  # the detector says tk
        ("water", "ru", ["ru"], "en"),
        ("электробусы Алматы", None, [], "ru"),  # the detector says be
        ("водопостачання", None, ["ru"], "uk"),
        ("привіт", None, ["ru"], "uk"),
        ("Қазақстан", None, ["ru"], "kk"),
        ("apă potabilă", None, ["ru"], "ro"),
        ("water supply in Ryazan", None, ["ru"], "en"),
        # the detector says en: Latin names in a Russian question
        ("Сколько Google вложила в Zynga, разработчика FarmVille и CityVille?", None, ["ru"], "ru"),
        ("Скільки Google вклала в Zynga?", None, ["ru"], "uk"),
    ],
)
def test_query_language_with_the_real_detector(
    query: str, interface: str | None, archive: list[str], expected: str
) -> None:
    assert query_language(query, detect_query_language(query), interface, archive) == expected


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("tg", "тарифи на воду", False),
        ("tg", "ҳукумат", True),
        ("uz", "Kishinev", False),
        ("uz", "oʻzbek tili", True),
        ("tk", "water", False),
        ("tk", "çöl", True),
        ("uk", "тарифи на воду", True),
        ("uk", "электробусы", False),  # ы and э are not Ukrainian letters
        ("ru", "об'єкт", False),
        ("uk", "об’єкт", True),
        ("en", "вода", False),
    ],
)
def test_plausible(language: str, query: str, expected: bool) -> None:
    assert plausible(language, query) is expected


def test_the_searcher_takes_the_archive_language_for_a_short_query(shared_store: Store) -> None:
    with Searcher(shared_store, detect_language=detect_query_language) as searcher:
        assert searcher.search("тарифи на воду").language == "ru"
        assert searcher.search("тарифи на воду", interface="uk").language == "uk"
        assert searcher.search("water").language == "en"
        assert searcher.search("Kishinev").language == "en"
