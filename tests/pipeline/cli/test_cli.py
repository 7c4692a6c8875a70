"""Every command has help with an example and a place in README; errors are one plain line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from pipeline.cli import COMMAND_MODULE, app, load_commands, main

ROOT = Path(__file__).resolve().parents[3]


def command_names() -> list[str]:
    load_commands([])
    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_every_command_has_help_with_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    names = command_names()
    assert {"ingest", "status", "show"} <= set(names)
    for name in names:
        assert main([name, "--help"]) == 0
        out = capsys.readouterr().out
        assert "Example" in out, f"'sekretar {name} --help' shows no example"


def test_each_command_is_loaded_alone_from_its_own_module() -> None:
    """`sekretar check` imports the searching commands only; the map names every command."""
    assert sorted(COMMAND_MODULE) == command_names()
    for info in app.registered_commands:
        assert info.callback is not None
        assert COMMAND_MODULE[info.name or ""] == info.callback.__module__, info.name
    code = ("import sys; from pipeline.cli import load_commands; load_commands(['check']);"
            "print(sorted(m for m in sys.modules if m.startswith('pipeline.cli.')))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    loaded = set(eval(done.stdout))  # noqa: S307 - our own printed list
    assert "pipeline.cli.searching" in loaded
    assert not loaded & {"pipeline.cli.documents", "pipeline.cli.minutes", "pipeline.cli.serving"}


def test_every_command_is_in_readme() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    documented = set(re.findall(r"sekretar ([a-z]+)", readme))
    missing = set(command_names()) - documented
    assert not missing, f"commands not in README: {sorted(missing)}"


def test_unknown_document_is_one_plain_line(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(tmp_path / "nothing.txt"), "--data", str(tmp_path)]) == 1
    capsys.readouterr()
    assert main(["show", "nothing.pdf", "--data", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "error: no document with id or file name 'nothing.pdf'"


def test_status_before_any_ingest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--data", str(tmp_path / "none")]) == 2
    assert "sekretar ingest" in capsys.readouterr().err


def test_usage_error_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(tmp_path), "--kind", "poem", "--data", str(tmp_path)]) == 2
    assert "--kind" in capsys.readouterr().err


def test_ingest_then_status_and_show_json(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Информатизация Минска.\n\nВторой абзац о туризме.\n", encoding="utf-8")
    data = str(tmp_path / "data")
    assert main(["ingest", str(note), "--data", data, "--stages", "", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["counts"] == {"ok": 1, "partial": 0, "failed": 0, "unchanged": 0}
    assert main(["status", "--data", data, "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["documents"] == 1 and status["status"] == {"ok": 1}
    assert main(["show", "note.txt", "--data", data, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [b["text"] for b in shown["blocks"]] == ["Информатизация Минска.",
                                                    "Второй абзац о туризме."]
    assert shown["version"] == 1


def test_server_processes_share_the_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    """`serve --workers N` gives each process its share of the cores for numpy's and OpenMP's
    thread pools (each used every core, so N processes oversubscribed them: hybrid searches
    ran at half the rate); a limit the user set is kept."""
    from pipeline.cli import serving

    for name in serving.THREAD_POOLS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("OMP_NUM_THREADS", "3")
    monkeypatch.setattr(serving.os, "cpu_count", lambda: 4)
    serving.share_cores(2)
    assert [serving.os.environ[n] for n in serving.THREAD_POOLS] == ["2", "3", "2"]
    monkeypatch.delenv("OPENBLAS_NUM_THREADS")
    serving.share_cores(8)
    assert serving.os.environ["OPENBLAS_NUM_THREADS"] == "1"


def test_a_setting_the_parsers_cannot_use_stops_ingest_before_any_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SEKRETAR_OCR_DPI", "1200")
    note = tmp_path / "note.txt"
    note.write_text("Протокол заседания Совета.", "utf-8")
    data = tmp_path / "data"
    assert main(["ingest", str(note), "--data", str(data)]) == 2
    err = capsys.readouterr().err
    assert "setting ocr_dpi must be between 70 and 600, got 1200" in err
    assert not list((data / "files").rglob("*.*"))
