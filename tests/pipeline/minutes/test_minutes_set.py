"""Every document of the quality set reads to exactly the structure written beside it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import minutes_heldout
import pytest
from make_minutes_set import all_minutes, all_real, expected_for
from minutes_real_spec import Real
from minutes_write import write

from corpus.model import Document
from pipeline.minutes.export import structure

NAMES = [m.filename for m in all_minutes()] + [r.filename for r in all_real()]
HELD_OUT = [make() for make in minutes_heldout.ALL]
ATTENDANCE = {r.filename: r.attendance for r in all_real() if r.attendance}


def test_the_set_covers_five_languages_and_four_formats() -> None:
    assert len(NAMES) >= 24
    assert {name.split("_")[0] for name in NAMES} == {"ru", "uk", "be", "kk", "en"}
    assert {name.rsplit(".", 1)[1] for name in NAMES} == {"docx", "pdf", "txt", "md"}


@pytest.mark.parametrize("name", NAMES)
def test_document_reads_to_its_expected_structure(
        name: str, minutes_set: dict[str, Path],
        read_file: Callable[[Path], Document]) -> None:
    path = minutes_set[name]
    assert structure(read_file(path)) == expected_for(path)


def test_blocks_behind_every_part_are_real(minutes_set: dict[str, Path],
                                           read_file: Callable[[Path], Document]) -> None:
    document = read_file(minutes_set["ru_classic.docx"])
    known = {b.id for b in document.blocks}
    session = document.minutes
    assert session is not None
    for item in session.agenda:
        parts = [item, *item.speeches, *item.decisions, *([item.vote] if item.vote else [])]
        for part in parts:
            assert part.block_ids and set(part.block_ids) <= known
    first = session.agenda[0]
    texts = {b.id: b.text for b in document.blocks}
    assert [texts[i] for i in first.decisions[0].block_ids] == [
        "1.1. Информацию Белова С.Н. принять к сведению."]
    assert first.vote is not None
    assert [texts[i] for i in first.vote.block_ids] == [
        "ГОЛОСОВАЛИ:", "«за» — 25, «против» — 0, «воздержались» — 2.", "Решение принято."]


@pytest.mark.parametrize("name", sorted(ATTENDANCE))
def test_attendance_lists_are_read_as_written(
        name: str, minutes_set: dict[str, Path],
        read_file: Callable[[Path], Document]) -> None:
    session = read_file(minutes_set[name]).minutes
    assert session is not None
    got = {"present": session.present, "absent": session.absent, "invited": session.invited}
    assert got == ATTENDANCE[name]


@pytest.mark.parametrize("real", HELD_OUT, ids=[r.filename for r in HELD_OUT])
def test_held_out_document_reads_to_its_expected_structure(
        real: Real, tmp_path: Path, read_file: Callable[[Path], Document]) -> None:
    """The held-out minutes (scored apart by `bench/minutes.py --held-out`) read right too."""
    path = write(tmp_path / real.filename, real.elements, real.options)
    assert structure(read_file(path)) == real.expected
