"""Meetings and collections: the meeting a set of minutes records comes from its own header, a
label given at ingest is the collection, `sessions` lists meetings, and `resolution` writes one
draft per meeting, each numbered from 1."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest

from corpus.store import Store
from pipeline.cli import main

SAMPLES = Path(__file__).resolve().parents[3] / "samples"
LABEL = "Council 2025"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(list(args))
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


def ingest(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> dict[str, str]:
    report = json.loads(run(capsys, "ingest", *args, "--stages", "language,minutes",
                            "--workers", "1", "--data", str(data), "--json"))
    return {Path(f["path"]).name: f["outcome"] for f in report["files"]}


@pytest.fixture
def two_meetings(tmp_path: Path, minutes_set: dict[str, Path],
                 capsys: pytest.CaptureFixture[str]) -> Path:
    """Two meetings (#14 of 2025-06-18 and #15 of 2025-09-24) and a report, all ingested
    under one collection label."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("ru_tables.docx", "ru_classic.docx"):
        shutil.copy(minutes_set[name], inbox / name)
    (inbox / "note.txt").write_text("Справка о водоснабжении города Рязани.\n", "utf-8")
    data = tmp_path / "data"
    outcomes = ingest(capsys, data, str(inbox), "--collection", LABEL)
    assert set(outcomes.values()) <= {"ok", "partial"} and len(outcomes) == 3
    return data


def test_a_label_never_replaces_the_meeting_the_minutes_name(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    ingest(capsys, data, str(SAMPLES / "minutes_session_ru.docx"), "--session", "Council 2025-04")
    with Store(data, readonly=True) as store:
        document = store.load_document(store.resolve("minutes_session_ru.docx"))
    assert (document.kind, document.session, document.collection) == (
        "minutes", "2025-04-09 #12", "Council 2025-04")


def test_sessions_lists_each_meeting_with_its_documents(
        two_meetings: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listed = json.loads(run(capsys, "sessions", "--json", "--data", str(two_meetings)))
    assert [(m["key"], m["date"], m["number"], m["place"], m["city"], m["collections"])
            for m in listed] == [
        ("2025-06-18 #14", "2025-06-18", "14", "г. Москва", "city:moscow", [LABEL]),
        ("2025-09-24 #15", "2025-09-24", "15", "г. Минск", "city:minsk", [LABEL])]
    assert [[(d["source_name"], d["kind"], d["collection"]) for d in m["documents"]]
            for m in listed] == [[("ru_classic.docx", "minutes", LABEL)],
                                 [("ru_tables.docx", "minutes", LABEL)]]
    one = json.loads(run(capsys, "sessions", "2025-09-24 #15", "--json",
                         "--data", str(two_meetings)))
    assert [m["key"] for m in one] == ["2025-09-24 #15"]
    with Store(two_meetings, readonly=True) as store:
        note = store.load_document(store.resolve("note.txt"))
    assert (note.session, note.collection) == (LABEL, LABEL)


def test_a_label_of_two_meetings_gives_two_resolutions_numbered_from_one(
        two_meetings: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "drafts" / "resolution.docx"
    printed = json.loads(run(capsys, "resolution", LABEL, "--to", "ru", "--out", str(out),
                             "--json", "--data", str(two_meetings)))
    results = printed["resolutions"]
    assert [(Path(r["path"]).name, r["meeting"], r["documents"], r["adopted"])
            for r in results] == [
        ("resolution-2025-06-18-14.docx", "2025-06-18 #14", ["ru_classic.docx"], 5),
        ("resolution-2025-09-24-15.docx", "2025-09-24 #15", ["ru_tables.docx"], 4)]
    assert sorted(p.name for p in out.parent.iterdir()) == [
        "resolution-2025-06-18-14.docx", "resolution-2025-09-24-15.docx"]
    meeting_lines = ["Заседание № 14, 18 июня 2025 г., Москва",
                     "Заседание № 15, 24 сентября 2025 г., Минск"]
    for result, line in zip(results, meeting_lines, strict=True):
        paragraphs = docx.Document(result["path"]).paragraphs
        texts = [p.text for p in paragraphs]
        assert line in texts and not set(meeting_lines) - {line} & set(texts)
        numbered = [p.text for p in paragraphs if p.style is not None
                    and p.style.name == "List Number"]
        assert len(numbered) == result["adopted"] + result["not_adopted"]
    tables = docx.Document(results[1]["path"]).paragraphs
    assert [p.text for p in tables if p.style is not None
            and p.style.name == "List Number"][:2] == [
        "Информацию Гуриновича П.С. принять к сведению.",
        "Рекомендовать городам — членам Ассамблеи рассмотреть опыт Минска по внедрению "
        "электробусов."]
    text = run(capsys, "resolution", LABEL, "--to", "ru", "--out", str(out),
               "--data", str(two_meetings))
    assert [line.split(" (")[0] for line in text.splitlines()] == [
        str(out.parent / "resolution-2025-06-18-14.docx"),
        str(out.parent / "resolution-2025-09-24-15.docx")]


def test_a_meeting_key_finds_that_meeting_only(
        two_meetings: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "one.docx"
    printed = json.loads(run(capsys, "resolution", "2025-06-18 #14", "--to", "ru",
                             "--out", str(out), "--json", "--data", str(two_meetings)))
    assert [(r["path"], r["meeting"], r["documents"]) for r in printed["resolutions"]] == [
        (str(out), "2025-06-18 #14", ["ru_classic.docx"])]
