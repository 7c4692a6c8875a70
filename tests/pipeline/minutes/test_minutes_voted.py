"""Search narrowed to the roll-call votes of a person (`--voted`)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from corpus.model import Document
from corpus.store import Store
from index.build import add_document
from index.minutes_filters import voter_blocks
from index.searcher import Filters, Searcher
from pipeline.cli import main
from pipeline.minutes.stage import VERSION


@pytest.fixture
def stored(tmp_path: Path, minutes_set: dict[str, Path],
           read_file: Callable[[Path], Document]) -> Iterator[tuple[Path, Document]]:
    """An archive with ru_rollcall.docx read by the minutes stage, saved and indexed."""
    data = tmp_path / "data"
    document = read_file(minutes_set["ru_rollcall.docx"])
    with Store(data) as store:
        store.save_document(document, stages={"minutes": VERSION})
        add_document(store, document)
    yield data, document


def test_a_members_votes_are_the_blocks_of_the_roll_calls_and_decisions(
        stored: tuple[Path, Document]) -> None:
    data, document = stored
    texts = {b.id: b.text for b in document.blocks}
    with Store(data, readonly=True) as store:
        found = voter_blocks(store.minutes, "kravec n")
        assert voter_blocks(store.minutes, "Кравец Н.И.") == found
        assert voter_blocks(store.minutes, "petrov p") == set()
    assert {"ПОСТАНОВИЛИ: Отчёт ревизионной комиссии утвердить.",
            "ПОСТАНОВИЛИ: Сохранить размер членских взносов на 2027 год."} <= {
        texts[i] for i in found}
    assert "Кравец Н.И." in {texts[i] for i in found}


def test_search_keeps_only_the_decisions_a_person_voted_on(
        stored: tuple[Path, Document]) -> None:
    data, _ = stored
    with Store(data, readonly=True) as store, Searcher(store) as searcher:
        ranking = searcher.rank("взносов", Filters(voted="nikitin a"), "lexical")
        texts = {searcher.catalog.block_ids[row] for row in ranking.matched}
        document = store.load_document(store.resolve("ru_rollcall.docx"))
    assert [b.text for b in document.blocks if b.id in texts] == [
        "ПОСТАНОВИЛИ: Сохранить размер членских взносов на 2027 год."]


def test_search_command_has_a_voted_option(
        stored: tuple[Path, Document], capsys: pytest.CaptureFixture[str]) -> None:
    data, _ = stored
    code = main(["search", "взносов", "--voted", "Никитин А.Ю.", "--mode", "lexical",
                 "--data", str(data), "--json"])
    assert code == 0
    assert json.loads(capsys.readouterr().out)["total"] == 1
