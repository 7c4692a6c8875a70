"""A damaged archive database: every command says so in one plain line with what to do (never
a traceback), `check` finds each of six kinds of damage, a writer refuses to write into it, and
a backup made before the damage restores the archive.

Each case damages a copy of one small real archive (made by `sekretar ingest`); the damage is
in `damage.py`, seeded, so a run is repeatable.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from damage import DAMAGE

from pipeline.cli import main

COMMANDS = (["status"], ["search", "водоснабжение"], ["show", "note_1.txt"], ["check"],
            ["check", "--full"], ["documents"])


def write_inbox(folder: Path, count: int = 6) -> Path:
    folder.mkdir(parents=True)
    for n in range(count):
        paragraphs = [f"Записка {n}, раздел {p}: водоснабжение и туризм в городах Рязани."
                      for p in range(40)]
        (folder / f"note_{n}.txt").write_text("\n\n".join(paragraphs), "utf-8")
    return folder


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("clean")
    inbox = write_inbox(base / "inbox")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SEKRETAR_STAGES", "")
        assert main(["ingest", str(inbox), "--workers", "1", "--data", str(base / "data")]) == 0
    return base


def damaged_copy(clean: Path, tmp_path: Path, kind: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(clean / "data", data)
    DAMAGE[kind](data / "corpus.sqlite")
    return data


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_every_command_names_the_damage_and_a_writer_changes_nothing(
    kind: str, clean: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEKRETAR_STAGES", "")
    data = damaged_copy(clean, tmp_path, kind)
    database = data / "corpus.sqlite"
    for command in COMMANDS:
        capsys.readouterr()
        assert main([*command, "--data", str(data)]) == 1, command
        out, err = capsys.readouterr()
        assert f"the archive database {database} is damaged" in out + err, command
        assert "sekretar restore BACKUP" in out + err
        assert "Traceback" not in out + err
    before = _digest(database)
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "new.txt").write_text("Новая записка о транспорте.\n", "utf-8")
    for command in (["ingest", str(tmp_path / "more")], ["check", "--repair"],
                    ["delete", "note_1.txt"]):
        assert main([*command, "--data", str(data)]) == 1, command
        assert "is damaged" in capsys.readouterr().err
    assert _digest(database) == before


def test_a_backup_of_a_live_archive_restores_it_after_damage(
    clean: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEKRETAR_STAGES", "")
    data = tmp_path / "data"
    shutil.copytree(clean / "data", data)
    backup = tmp_path / "usb" / "backup"
    assert main(["backup", str(backup), "--data", str(data), "--json"]) == 0
    assert '"files_copied": 6' in capsys.readouterr().out
    assert main(["backup", str(backup), "--data", str(data), "--json"]) == 0
    assert '"files_present": 6' in capsys.readouterr().out  # only what is new is copied
    DAMAGE["middle pages"](data / "corpus.sqlite")
    assert main(["backup", str(tmp_path / "second"), "--data", str(data)]) == 1
    assert "is damaged" in capsys.readouterr().err  # a damaged archive is not backed up
    assert main(["restore", str(backup), "--data", str(data)]) == 2  # not over an archive
    shutil.rmtree(data / "files" / next(iter(sorted(p.name for p in (data / "files").iterdir()
                                                      if p.name != "incoming"))))
    assert main(["restore", str(backup), "--replace", "--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert "restored 6 documents" in out and "1 file(s) copied" in out
    assert list(data.glob("corpus.sqlite.before-restore-*"))  # set aside, not deleted
    assert main(["check", "--full", "--data", str(data)]) == 0
    capsys.readouterr()
    assert main(["search", "водоснабжение", "--data", str(data)]) == 0
    assert "6 document(s)" in capsys.readouterr().out
