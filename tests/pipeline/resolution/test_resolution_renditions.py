"""The same minutes in another format are one document: the sample minutes (DOCX), then a
PDF of them made by LibreOffice and a text copy of their paragraphs are recorded as renditions
of the stored document, which stays the one current document of the meeting; its resolution,
search and the sessions list see it once. A text copy with a changed tally is a new version."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from corpus.store import Store
from pipeline.cli import main
from pipeline.resolution.compile import compile_draft, find_minutes

SAMPLE = Path(__file__).resolve().parents[3] / "samples" / "minutes_session_ru.docx"
KEY = "2025-04-09 #12"
FIRST_TALLY = "ГОЛОСОВАЛИ: «за» — 25, «против» — 0, «воздержались» — 2."
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def text_copy(path: Path, tally: str = FIRST_TALLY) -> Path:
    """The sample's paragraphs as plain text, one paragraph a line with blank lines between;
    the first item's tally given as `tally`."""
    lines = [tally if p.text == FIRST_TALLY else p.text
             for p in docx.Document(str(SAMPLE)).paragraphs]
    path.write_text("\n\n".join(lines) + "\n", "utf-8")
    return path


def ingest(data: Path, path: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    capsys.readouterr()
    assert main(["ingest", str(path), "--stages", "language,minutes", "--workers", "1",
                 "--json", "--data", str(data)]) == 0
    [outcome] = json.loads(capsys.readouterr().out)["files"]
    return dict(outcome)


def show(data: Path, ref: str, capsys: pytest.CaptureFixture[str]) -> dict:
    capsys.readouterr()
    assert main(["show", ref, "--json", "--data", str(data)]) == 0
    return dict(json.loads(capsys.readouterr().out))


def test_a_text_copy_is_a_rendition_and_a_changed_tally_a_version(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    first = ingest(data, SAMPLE, capsys)
    text = ingest(data, text_copy(tmp_path / "protocol_12.txt"), capsys)
    assert (text["outcome"], text["reason"], text["document_id"]) == (
        "ok", f"a rendition of {first['document_id']}", first["document_id"])
    again = ingest(data, tmp_path / "protocol_12.txt", capsys)
    assert (again["outcome"], again["document_id"]) == ("unchanged", first["document_id"])
    shown = show(data, first["document_id"], capsys)
    assert [(r["source_name"], r["media_type"]) for r in shown["renditions"]] == [
        ("minutes_session_ru.docx", DOCX_TYPE), ("protocol_12.txt", "text/plain")]
    with Store(data, readonly=True) as store:
        kept = store.file_path(shown["renditions"][1]["sha256"])
        assert kept.read_bytes() == (tmp_path / "protocol_12.txt").read_bytes()
        assert store.versions.current_ids() == [first["document_id"]]

    changed = text_copy(tmp_path / "protocol_12_corrected.txt", FIRST_TALLY.replace("25", "24"))
    corrected = ingest(data, changed, capsys)
    assert (corrected["outcome"], corrected["reason"]) == ("ok", None)
    assert corrected["document_id"] != first["document_id"]
    with Store(data, readonly=True) as store:
        assert store.versions.current_ids() == [corrected["document_id"]]
        assert store.versions.state(first["document_id"]) == "superseded"
        assert store.renditions.of(corrected["document_id"]) == []
    assert [r["source_name"] for r in show(data, corrected["document_id"], capsys)[
        "renditions"]] == ["protocol_12_corrected.txt"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not "
                    "installed, so no PDF of the sample can be made")
def test_a_pdf_of_the_minutes_is_a_rendition(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(SAMPLE)],
                   check=True, capture_output=True, timeout=300)
    pdf = tmp_path / "minutes_session_ru.pdf"
    first = ingest(data, SAMPLE, capsys)
    rendition = ingest(data, pdf, capsys)
    assert rendition["reason"] == f"a rendition of {first['document_id']}"
    ingest(data, text_copy(tmp_path / "protocol_12.txt"), capsys)
    shown = show(data, first["document_id"], capsys)
    assert [(r["source_name"], r["media_type"]) for r in shown["renditions"]] == [
        ("minutes_session_ru.docx", DOCX_TYPE), ("minutes_session_ru.pdf", "application/pdf"),
        ("protocol_12.txt", "text/plain")]

    with Store(data, readonly=True) as store:
        documents = find_minutes(store, KEY)
        assert [d.id for d in documents] == [first["document_id"]]
        draft = compile_draft(documents, KEY)
    [[version]] = draft.groups
    assert [(d.item_number, d.text[:30]) for d in version.decisions] == [
        ("1", "Информацию Кузнецова Д.П. прин"),
        ("1", "Рекомендовать городам — членам"),
        ("1", "Создать рабочую группу Ассамбл"),
        ("2", "Информацию Ковалевича О.Н. при"),
        ("2", "Поручить Секретариату Ассамбле"),
        ("2", "Рассмотреть ход реализации про"),
        ("3", "Одобрить в целом проект турист"),
        ("3", "Поручить Комиссии Ассамблеи по"),
    ]
    capsys.readouterr()
    assert main(["search", "Кузнецова", "--json", "--data", str(data)]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert {h["source_name"] for h in hits["hits"]} == {"minutes_session_ru.docx"}


def test_purging_the_document_removes_its_renditions_files(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    first = ingest(data, SAMPLE, capsys)["document_id"]
    ingest(data, text_copy(tmp_path / "protocol_12.txt"), capsys)
    with Store(data, readonly=True) as store:
        [rendition] = store.renditions.of(first)
        kept = store.file_path(rendition["sha256"])
    assert kept.is_file()
    assert main(["delete", first, "--data", str(data)]) == 0
    assert main(["purge", "--data", str(data)]) == 0
    assert not kept.exists()
    assert not (data / "files" / first[:2] / first).exists()
