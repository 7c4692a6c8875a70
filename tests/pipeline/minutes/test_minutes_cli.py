"""`sekretar minutes` and `sekretar resolution` over a stored archive."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from corpus.store import Store
from pipeline.cli import main
from pipeline.parse import parse
from pipeline.parse.base import Source


@pytest.fixture
def archive(tmp_path: Path, minutes_set: dict[str, Path]) -> Path:
    """An archive holding two minutes documents as parsed, without their structure yet."""
    data = tmp_path / "data"
    with Store(data) as store:
        for name in ("ru_classic.docx", "ru_tables.docx"):
            document = parse(Source.from_path(minutes_set[name]))
            document.finish()
            store.save_document(document)
    return data


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(args)
    return code, capsys.readouterr().out


def test_minutes_reads_saves_and_then_shows_the_stored_structure(
        archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(["minutes", "ru_classic.docx", "--json", "--data", str(archive)], capsys)
    assert code == 0
    first = json.loads(out)
    assert (first["kind"], first["session"], first["date"], first["city"]) == (
        "minutes", "2025-06-18 #14", "2025-06-18", "city:moscow")
    agenda = first["minutes"]["agenda"]
    assert [i["number"] for i in agenda] == ["1", "2", "3"]
    assert agenda[0]["vote"]["for"] == 25 and agenda[0]["vote"]["block_ids"]
    with Store(archive, readonly=True) as store:
        stored = store.load_document(store.resolve("ru_classic.docx"))
        assert store.stage_versions(stored.id) == {"minutes": "2", "index": "1"}
    assert stored.minutes is not None and stored.kind == "minutes"
    code, again = run(["minutes", "ru_classic.docx", "--json", "--data", str(archive)], capsys)
    assert json.loads(again) == first


def test_minutes_text_view(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(["minutes", "ru_tables.docx", "--data", str(archive)], capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "ru_tables.docx — session 2025-09-24 #15, ok"
    assert "  speaker: Гуринович П.С. (заместитель председателя Мингорисполкома, Минск) " \
           "gurinovich p" in lines
    assert "  vote: 8–12–4, rejected" in lines


def test_minutes_with_a_roster(archive: Path, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    roster = tmp_path / "roster.tsv"
    roster.write_text("names\tcity\trole\tfrom\tto\tkey\n"
                      "Белов Сергей Николаевич\tМосква\tпервый заместитель мэра\t\t\t"
                      "delegate:belov\n", "utf-8")
    code, out = run(["minutes", "ru_classic.docx", "--json", "--roster", str(roster),
                     "--data", str(archive)], capsys)
    assert code == 0
    speeches = json.loads(out)["minutes"]["agenda"][0]["speeches"]
    assert [s["person_key"] for s in speeches] == ["delegate:belov", "ahmedova l", "tarasenko v"]


def test_resolution_writes_a_draft(archive: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    run(["minutes", "ru_tables.docx", "--data", str(archive)], capsys)
    out = tmp_path / "draft.docx"
    code, printed = run(["resolution", "2025-09-24 #15", "--to", "ru,uk", "--out", str(out),
                         "--json", "--data", str(archive)], capsys)
    assert code == 0
    [result] = json.loads(printed)["resolutions"]
    assert (result["path"], result["meeting"]) == (str(out), "2025-09-24 #15")
    assert (result["adopted"], result["not_adopted"], result["documents"]) == (
        4, 1, ["ru_tables.docx"])
    assert result["untranslated"]["ru"] == 0
    assert [p.text for p in docx.Document(str(out)).paragraphs][0] == "ПРОЕКТ РЕШЕНИЯ"


def test_resolution_of_an_unknown_session_is_one_plain_line(
        archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["resolution", "1999-01-01", "--out", str(tmp_path / "x.docx"),
                 "--data", str(archive)])
    assert code == 2
    assert capsys.readouterr().err.strip() == "error: no document with id or file name '1999-01-01'"


def test_resolution_needs_language_codes(archive: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["resolution", "x", "--to", "russian!", "--out", str(tmp_path / "x.docx"),
                 "--data", str(archive)])
    assert code == 2
    assert "--to" in capsys.readouterr().err
