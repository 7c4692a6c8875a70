"""A corrected set of minutes replaces the old one: the resolution compiles the current version
only, with the corrected tally, and the old version stays readable in the history."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from corpus.store import Store
from pipeline.cli import main
from pipeline.resolution.compile import compile_draft, find_minutes

SAMPLE = Path(__file__).resolve().parents[3] / "samples" / "minutes_session_ru.docx"
KEY = "2025-04-09 #12"
FIRST_TALLY = "ГОЛОСОВАЛИ: «за» — 25, «против» — 0, «воздержались» — 2."


def corrected(path: Path) -> Path:
    """The sample minutes with the first item's tally corrected from 25 to 24 votes for."""
    document = docx.Document(str(SAMPLE))
    [paragraph] = [p for p in document.paragraphs if p.text == FIRST_TALLY]
    for run in paragraph.runs:
        run.text = ""
    paragraph.runs[0].text = FIRST_TALLY.replace("25", "24")
    document.save(str(path))
    return path


def ingest(data: Path, path: Path) -> None:
    assert main(["ingest", str(path), "--stages", "language,minutes", "--workers", "1",
                 "--json", "--data", str(data)]) == 0


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample minutes ingested, then a corrected copy under another name (same meeting:
    same number and date in the header)."""
    folder = tmp_path_factory.mktemp("versions")
    data = folder / "data"
    first = folder / "protocol_12.docx"
    first.write_bytes(SAMPLE.read_bytes())
    ingest(data, first)
    ingest(data, corrected(folder / "protocol_12_corrected.docx"))
    return data


def test_resolution_takes_the_corrected_minutes_only(archive: Path) -> None:
    with Store(archive, readonly=True) as store:
        documents = find_minutes(store, KEY)
        assert [d.source_name for d in documents] == ["protocol_12_corrected.docx"]
        draft = compile_draft(documents, KEY)
    [[version]] = draft.groups
    tallies = [(d.item_number, d.text[:30], d.vote.votes_for, d.vote.against, d.vote.abstained,
                d.status) for d in version.decisions if d.vote is not None]
    assert tallies == [
        ("1", "Информацию Кузнецова Д.П. прин", 24, 0, 2, "adopted"),
        ("1", "Рекомендовать городам — членам", 24, 0, 2, "adopted"),
        ("1", "Создать рабочую группу Ассамбл", 24, 0, 2, "adopted"),
        ("2", "Информацию Ковалевича О.Н. при", 27, 0, 0, "adopted"),
        ("2", "Поручить Секретариату Ассамбле", 27, 0, 0, "adopted"),
        ("2", "Рассмотреть ход реализации про", 27, 0, 0, "adopted"),
        ("3", "Одобрить в целом проект турист", 26, 0, 1, "adopted"),
        ("3", "Поручить Комиссии Ассамблеи по", 26, 0, 1, "adopted"),
    ]


def test_resolution_command_prints_each_decision_once(
        archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "draft.docx"
    capsys.readouterr()
    assert main(["resolution", KEY, "--to", "ru", "--out", str(out), "--data", str(archive)]) == 0
    printed = capsys.readouterr().out
    assert ": 8 adopted, 0 in the appendix, from protocol_12_corrected.docx" in printed
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "Голосовали: «за» — 24, «против» — 0, «воздержались» — 2; принято." in texts
    assert not [t for t in texts if "«за» — 25" in t]


def test_history_lists_both_versions(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["history", "protocol_12_corrected.docx", "--data", str(archive)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [(line.split()[0], line.split()[2], line.split()[-1]) for line in lines] == [
        ("1.", "protocol_12.docx", "superseded"), ("2.", "protocol_12_corrected.docx", "current")]
