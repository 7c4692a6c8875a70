"""Headings are not answers: real minutes hold one- and two-word blocks («ВЫСТУПИЛИ:»,
«ПОВЕСТКА ДНЯ») whose embeddings sit near every query, nonsense included. Found by meaning
alone they are never shown; found by their words they are."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from embedded import embedded_searcher

from index.meaning import SEMANTIC_MIN_WORDS
from index.searcher import Searcher
from pipeline.parse import parse
from pipeline.parse.base import Source

MINUTES = Path(__file__).resolve().parents[2] / "samples" / "minutes_session_ru.docx"


@pytest.fixture(scope="module")
def minutes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    """The bundled Russian minutes, parsed and embedded by the real parser and embed stage."""
    document = parse(Source.from_path(MINUTES))
    document.language = "ru"
    for block in document.blocks:
        block.language = "ru"
    with embedded_searcher(tmp_path_factory.mktemp("headings"), document) as searcher:
        yield searcher


def test_the_minutes_hold_short_headings(minutes: Searcher) -> None:
    catalog = minutes.catalog
    assert (catalog.words < SEMANTIC_MIN_WORDS).sum() >= 2


@pytest.mark.parametrize("query", ["xyzzyqwerty", "блаблабла", "qwertyuiop"])
def test_nonsense_finds_no_heading(minutes: Searcher, query: str) -> None:
    result = minutes.search(query, mode="hybrid")
    assert (result.hits, result.total) == ([], 0)


def test_a_heading_is_found_by_its_words(minutes: Searcher) -> None:
    result = minutes.search("выступили", mode="hybrid")
    assert [hit.source_name for hit in result.hits] == ["minutes_session_ru.docx"]
