"""`sekretar entities DOC` and `sekretar entity KEY` over a small archive built by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus.model import Document
from corpus.store import Store
from pipeline.cli import main
from pipeline.entities.stage import EntitiesStage
from pipeline.language.stage import LanguageStage

REPORT_ID = "12" * 32
MINUTES_ID = "34" * 32


def make_document(*texts: str, doc_id: str, name: str) -> Document:
    document = Document(id=doc_id, source_name=name, media_type="text/plain", kind="report")
    for number, text in enumerate(texts, start=1):
        document.add_block("paragraph", text, paragraph=number)
    return document


def analysed(document: Document) -> Document:
    EntitiesStage().run(LanguageStage().run(document))
    document.finish()
    return document


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two documents: a Russian report and bilingual minutes, both naming Ryazan."""
    data = tmp_path_factory.mktemp("archive")
    report = make_document(
        "Делегация Рязани выступила на заседании Международной ассамблеи столиц и крупных "
        "городов 9–10 апреля 2009 г.",
        "В Рязани завершили ремонт водопровода.",
        doc_id=REPORT_ID,
        name="report_ryazan_ru.txt",
    )
    minutes = make_document(
        "Делегація Рязані взяла участь у засіданні асамблеї.",
        "The delegation of Ryazan thanked the International Assembly of Capitals and Large Cities.",
        doc_id=MINUTES_ID,
        name="minutes_uk_en.txt",
    )
    with Store(data) as store:
        for document in (report, minutes):
            store.save_document(analysed(document), stages={"entities": EntitiesStage.version})
    return data


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> object:
    assert main([*args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_entities_json_lists_every_entity_with_offsets(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_json(capsys, "entities", "report_ryazan_ru.txt", "--data", str(archive))
    block = f"{REPORT_ID[:16]}-00000"
    second = f"{REPORT_ID[:16]}-00001"
    assert result == {
        "document": REPORT_ID,
        "source_name": "report_ryazan_ru.txt",
        "entities": [
            {
                "label": "LOC",
                "text": "Рязани",
                "normal": "Рязань",
                "key": "city:ryazan",
                "block_id": block,
                "start": 10,
                "end": 16,
            },
            {
                "label": "ORG",
                "text": "Международной ассамблеи столиц и крупных городов",
                "normal": "Международная ассамблея столиц и крупных городов",
                "key": "org:iaclc",
                "block_id": block,
                "start": 40,
                "end": 88,
            },
            {
                "label": "DATE",
                "text": "9–10 апреля 2009 г.",
                "normal": "2009-04-09/2009-04-10",
                "key": "date:2009-04-09/2009-04-10",
                "block_id": block,
                "start": 89,
                "end": 108,
            },
            {
                "label": "LOC",
                "text": "Рязани",
                "normal": "Рязань",
                "key": "city:ryazan",
                "block_id": second,
                "start": 2,
                "end": 8,
            },
        ],
    }


def test_entities_filters_by_label_and_prints_a_table(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_json(capsys, "entities", MINUTES_ID[:8], "--label", "org", "--data", str(archive))
    assert result == {
        "document": MINUTES_ID,
        "source_name": "minutes_uk_en.txt",
        "entities": [
            {
                "label": "ORG",
                "text": "International Assembly of Capitals and Large Cities",
                "normal": "International Assembly of Capitals and Large Cities",
                "key": "org:iaclc",
                "block_id": f"{MINUTES_ID[:16]}-00001",
                "start": 37,
                "end": 88,
            }
        ],
    }
    assert main(["entities", "report_ryazan_ru.txt", "--data", str(archive)]) == 0
    out = capsys.readouterr().out
    assert "report_ryazan_ru.txt (4 entities)" in out
    assert "city:ryazan" in out and "org:iaclc" in out and "Рязань" in out


def test_entity_lists_documents_with_counts(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_json(capsys, "entity", "city:ryazan", "--data", str(archive))
    assert result == {
        "key": "city:ryazan",
        "label": "LOC",
        "normals": ["Рязань", "Ryazan"],
        "names": {"ru": "Рязань", "en": "Ryazan", "uk": "Рязань"},
        "documents": [  # most mentions first, then by file name
            {
                "document": MINUTES_ID,
                "source_name": "minutes_uk_en.txt",
                "title": None,
                "language": "en",
                "session": None,
                "mentions": 2,
                "blocks": 2,
                "forms": ["Ryazan", "Рязані"],
            },
            {
                "document": REPORT_ID,
                "source_name": "report_ryazan_ru.txt",
                "title": None,
                "language": "ru",
                "session": None,
                "mentions": 2,
                "blocks": 2,
                "forms": ["Рязани"],
            },
        ],
    }


def test_entity_accepts_a_name_instead_of_a_key(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("Рязань", "Ryazan"):
        result = run_json(capsys, "entity", name, "--data", str(archive))
        assert isinstance(result, dict) and result["key"] == "city:ryazan"
    assert main(["entity", "org:iaclc", "--data", str(archive)]) == 0
    out = capsys.readouterr().out
    assert "org:iaclc (Международная ассамблея столиц и крупных городов): 2 documents" in out
    assert "report_ryazan_ru.txt" in out and "minutes_uk_en.txt" in out


def test_a_known_key_nobody_mentions_has_no_documents(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_json(capsys, "entity", "city:bishkek", "--data", str(archive))
    assert result == {
        "key": "city:bishkek",
        "label": "LOC",
        "normals": [],
        "names": {"ru": "Бишкек", "en": "Bishkek", "uk": "Бішкек", "ky": "Бишкек"},
        "documents": [],
    }


def test_unknown_entity_and_document_are_one_plain_line(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["entity", "city:atlantis", "--data", str(archive)]) == 2
    assert capsys.readouterr().err.strip() == (
        "error: no entity 'city:atlantis' in the archive or the reference data"
    )
    assert main(["entities", "nothing.pdf", "--data", str(archive)]) == 2
    assert capsys.readouterr().err.strip() == (
        "error: no document with id or file name 'nothing.pdf'"
    )


def test_show_marks_the_entities(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "report_ryazan_ru.txt", "--entities", "--data", str(archive)]) == 0
    out = capsys.readouterr().out
    assert "Рязани(LOC city:ryazan)" in out
    assert "(ORG org:iaclc)" in out


@pytest.mark.parametrize("command", ["entities", "entity"])
def test_help_has_an_example(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--help"]) == 0
    assert f"Example: sekretar {command} " in capsys.readouterr().out
