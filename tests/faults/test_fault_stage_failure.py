"""A stage that fails leaves its document waiting for it, never silently without analysis.

The `language` stage is made to fail the way a full file-size limit fails it (an OSError from
inside the stage, in the forked workers too); `kind` reads its output. A stage that reads a
failed stage's output must not be recorded as done, the next ingest must redo both, and
`check` must find a document whose records say a stage ran before its input was redone.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import pipeline.language.stage as language_stage
from corpus.model import Block
from corpus.store import Store
from pipeline.cli import main

#: the version a completed language stage is recorded at.
LANGUAGE = language_stage.LanguageStage.version


def _fail(blocks: list[Block]) -> str:
    raise OSError(27, "File too large")


@pytest.fixture
def inbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SEKRETAR_STAGES", "language,kind")
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "note.txt").write_text(
        "Доклад о водоснабжении Рязани.\n\nВодоканал обеспечивает город водой.\n", "utf-8")
    return folder


def _records(data: Path) -> dict[str, str]:
    with Store(data) as store:
        (records,) = store.stage_records().values()
    return {stage: version for stage, (version, _) in records.items() if stage != "index"}


def test_a_stage_after_a_failed_one_is_not_recorded_and_both_are_redone(
    inbox: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    with monkeypatch.context() as patch:
        patch.setattr(language_stage, "label_blocks", _fail)
        assert main(["ingest", str(inbox), "--workers", "1", "--data", str(data)]) == 0
    assert _records(data) == {}  # neither language nor kind (which reads it) is done
    with Store(data) as store:
        (document_id,) = store.document_ids()
        problems = store.document_info(document_id)["problems"]
    assert problems == ["language failed: [Errno 27] File too large",
                        "kind: not run, since language failed"]
    capsys.readouterr()
    assert main(["check", "--data", str(data)]) == 1
    out = capsys.readouterr().out
    assert "stage kind: 1 document(s)" in out and "stage language: 1 document(s)" in out
    assert main(["ingest", str(inbox), "--workers", "1", "--data", str(data)]) == 0
    assert _records(data) == {"language": LANGUAGE, "kind": _records(data)["kind"]}
    with Store(data) as store:
        info = store.document_info(document_id)
    assert info["problems"] == [] and info["language"] == "ru"
    assert main(["check", "--data", str(data)]) == 0


def test_check_finds_a_stage_done_before_its_input_was_redone_and_repair_redoes_it(
    inbox: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    assert main(["ingest", str(inbox), "--workers", "1", "--data", str(data)]) == 0
    database = sqlite3.connect(data / "corpus.sqlite")
    # kind kept its record from before language was redone (after a failure)
    with database:
        database.execute("UPDATE stages SET updated='2000-01-01T00:00:00+00:00' "
                         "WHERE stage='kind'")
    database.close()
    capsys.readouterr()
    assert main(["check", "--data", str(data)]) == 1
    out = capsys.readouterr().out
    assert "stage kind: 1 document(s)" in out and "stage language" not in out
    assert main(["check", "--repair", "--data", str(data)]) == 0
    assert "re-ran out-of-date stages on 1 document(s)" in capsys.readouterr().out
    assert main(["check", "--data", str(data)]) == 0


def test_check_finds_a_stage_recorded_without_its_input(
    inbox: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    assert main(["ingest", str(inbox), "--workers", "1", "--data", str(data)]) == 0
    database = sqlite3.connect(data / "corpus.sqlite")
    with database:
        database.execute("DELETE FROM stages WHERE stage='language'")
    database.close()
    assert main(["check", "--repair", "--data", str(data)]) == 0
    records = _records(data)
    assert records["language"] == LANGUAGE
    with Store(data) as store:
        (stages,) = store.stage_records().values()
    assert stages["kind"][1] >= stages["language"][1]  # kind redone with (after) language
    capsys.readouterr()
    assert main(["check", "--data", str(data)]) == 0
