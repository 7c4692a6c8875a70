"""Search narrowed to a speaker or an agenda item of stored minutes (`--speaker`, `--item`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from corpus.model import Document
from corpus.store import Store
from index.build import add_document
from index.catalog import load_catalog
from index.filters import allowed_rows
from index.minutes_filters import item_blocks, speaker_blocks
from index.searcher import Filters, Searcher
from pipeline.cli import main
from pipeline.minutes.stage import VERSION


@pytest.fixture
def stored(tmp_path: Path, minutes_set: dict[str, Path],
           read_file: Callable[[Path], Document]) -> Iterator[tuple[Path, Document]]:
    """An archive with ru_classic.docx read by the minutes stage, saved and indexed."""
    data = tmp_path / "data"
    document = read_file(minutes_set["ru_classic.docx"])
    with Store(data) as store:
        store.save_document(document, stages={"minutes": VERSION})
        add_document(store, document)
    yield data, document


def matched_texts(data: Path, query: str, filters: Filters) -> list[str]:
    """The text of every block the query matches under the filters, in reading order."""
    with Store(data, readonly=True) as store, Searcher(store) as searcher:
        ranking = searcher.rank(query, filters, "lexical")
        ids = {searcher.catalog.block_ids[row] for row in ranking.matched}
        document = store.load_document(store.resolve("ru_classic.docx"))
    assert ranking.message is None
    return [b.text for b in document.blocks if b.id in ids]


SPEECH = "Белов С.Н. — первый заместитель мэра Москвы, г. Москва. Доложил об итогах отопительного " \
    "сезона."


def test_speaker_filter_keeps_only_that_speakers_words(stored: tuple[Path, Document]) -> None:
    data, _ = stored
    assert matched_texts(data, "сезон", Filters(speaker="belov s")) == [SPEECH]
    assert matched_texts(data, "сезон", Filters(speaker="Белов С.Н.")) == [SPEECH]


def test_speaker_filter_takes_a_surname_in_another_case(stored: tuple[Path, Document]) -> None:
    data, _ = stored
    assert matched_texts(data, "сезон", Filters(speaker="belova")) == [SPEECH]


def test_item_filter_by_number_and_by_title_words(stored: tuple[Path, Document]) -> None:
    data, _ = stored
    item_one = [
        "Об итогах отопительного сезона 2024–2025 годов в городах — членах Ассамблеи.",
        "1. Об итогах отопительного сезона 2024–2025 годов в городах — членах Ассамблеи",
        SPEECH,
        "1.2. Рекомендовать городам — членам Ассамблеи завершить подготовку к отопительному "
        "сезону до 15 сентября 2025 г.",
    ]
    assert matched_texts(data, "сезон", Filters(item="1")) == item_one
    assert matched_texts(data, "сезон", Filters(item="отопительного")) == item_one
    assert matched_texts(data, "сезон", Filters(item="3")) == []


def test_filters_read_the_minutes_through_the_store(stored: tuple[Path, Document]) -> None:
    data, document = stored
    speech = next(b.id for b in document.blocks if b.text == SPEECH)
    with Store(data, readonly=True) as store:
        assert speaker_blocks(store.minutes, "belov s") == {speech}
        assert speaker_blocks(store.minutes, "petrov p") == set()
        assert speech in item_blocks(store.minutes, "1")
        assert item_blocks(store.minutes, "99") == set()
        catalog = load_catalog(store)
        mask = allowed_rows(catalog, store.minutes, Filters(speaker="Белов С.Н."))
    assert mask is not None
    assert [catalog.block_ids[row] for row in mask.nonzero()[0]] == [speech]


def test_unknown_speaker_is_a_plain_message(stored: tuple[Path, Document]) -> None:
    data, _ = stored
    with Store(data, readonly=True) as store, Searcher(store) as searcher:
        result = searcher.search("сезон", Filters(speaker="petrov p"), "lexical")
    assert (result.hits, result.message) == (
        [], "no speaker 'petrov p' in the minutes of the archive (see 'sekretar minutes DOC')")


def test_search_command_has_speaker_and_item_options(
        stored: tuple[Path, Document], capsys: pytest.CaptureFixture[str]) -> None:
    data, _ = stored
    code = main(["search", "сезон", "--speaker", "Белова С.Н.", "--item", "1",
                 "--mode", "lexical", "--data", str(data), "--json"])
    assert code == 0
    out = capsys.readouterr().out
    assert '"total": 1' in out and "Доложил об итогах" in out
