"""The translation commands end to end: models, tm import, translate, export, and an ingest."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from translate_fixtures import make_document

from corpus.store import Store
from pipeline.cli import main

ROOT = Path(__file__).resolve().parents[3]


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    assert main([*argv, "--json"]) == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


def ingest_json(*argv: str) -> object:
    """`sekretar ingest` in a fresh process, as a user runs it. In-process, its forked workers
    would inherit the test process's OpenMP state (CTranslate2 ran here in earlier tests), and
    libgomp hangs a forked child that uses it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "ingest", *argv, "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=1800,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture
def data(tmp_path: Path) -> str:
    """An archive holding one Russian report."""
    folder = tmp_path / "data"
    with Store(folder) as store:
        store.save_document(
            make_document(("heading", "Доклад"), ("paragraph", "Делегация МАГ провела заседание."))
        )
    return str(folder)


def test_models_install_list_remove(
    data: str, package_files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    installed = run_json(capsys, "models", "install", str(package_files["kk-en"]), "--data", data)
    assert installed == {
        "action": "installed",
        "pair": "kk-en",
        "package": "translate-kk_en",
        "version": "1.0",
        "path": str(Path(data) / "models" / "translate-kk_en"),
    }
    listed = run_json(capsys, "models", "list", "--data", data)
    assert isinstance(listed, list)
    by_pair = {row["pair"]: row for row in listed}
    assert by_pair["kk-en"] == {
        "pair": "kk-en",
        "source": "kk",
        "target": "en",
        "engine": "argos",
        "model_version": "translate-kk_en 1.0",
        "pivot": None,
    }
    assert by_pair["ru-uk"]["engine"] == "apertium"
    removed = run_json(capsys, "models", "remove", "kk-en", "--data", data)
    assert removed["action"] == "removed"  # type: ignore[index]
    assert main(["models", "remove", "kk-en", "--data", data]) == 1
    assert capsys.readouterr().err.strip() == (
        "error: An argos package for kk-en is not installed. See: sekretar models list"
    )


def test_tm_import_then_translate_uses_the_approved_entry(
    tmp_path: Path, data: str, capsys: pytest.CaptureFixture[str]
) -> None:
    approved = tmp_path / "approved.csv"
    approved.write_text("ru,uk\nДоклад,Звіт\n", "utf-8")
    imported = run_json(capsys, "tm", "import", str(approved), "--data", data)
    assert imported == {
        "file": str(approved),
        "imported": 1,
        "memory": {"machine": 0, "approved": 1},
    }
    result = run_json(capsys, "translate", "report_ru.docx", "--to", "uk,en", "--data", data)
    assert result["counts"] == {"machine": 1, "memory": 0, "approved": 1, "copied": 0}  # type: ignore[index]
    assert (result["status"], result["problems"], result["waiting"]) == ("ok", [], ["ru-en"])  # type: ignore[index]
    again = run_json(capsys, "translate", "report_ru.docx", "--to", "uk", "--data", data)
    assert again["counts"] == {"machine": 0, "memory": 1, "approved": 1, "copied": 0}  # type: ignore[index]
    shown = run_json(capsys, "show", "report_ru.docx", "--data", data)
    assert [b["translations"] for b in shown["blocks"]] == [  # type: ignore[index]
        [
            {
                "language": "uk",
                "text": "Звіт",
                "engine": "human",
                "model_version": "",
                "pivot": None,
                "needs_review": False,
                "review_reason": "",
            }
        ],
        [
            {
                "language": "uk",
                "text": "Делегація МАГ провела засідання.",
                "engine": "apertium",
                "model_version": shown["blocks"][1]["translations"][0]["model_version"],  # type: ignore[index]
                "pivot": None,
                "needs_review": False,
                "review_reason": "",
            }
        ],
    ]


def test_export_commands(tmp_path: Path, data: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["translate", "report_ru.docx", "--to", "uk", "--data", data]) == 0
    capsys.readouterr()
    out = tmp_path / "report_uk.docx"
    report = run_json(
        capsys,
        "export",
        "report_ru.docx",
        "--to",
        "uk",
        "--format",
        "docx",
        "--out",
        str(out),
        "--data",
        data,
    )
    assert report == {
        "path": str(out),
        "language": "uk",
        "format": "docx",
        "blocks": 2,
        "translated": 2,
        "untranslated": 0,
    }
    assert [p.text for p in docx.Document(str(out)).paragraphs] == [
        "Доповідь",
        "Делегація МАГ провела засідання.",
    ]
    side = tmp_path / "side.docx"
    assert (
        main(
            [
                "export",
                "report_ru.docx",
                "--to",
                "uk",
                "--out",
                str(side),
                "--side-by-side",
                "--data",
                data,
            ]
        )
        == 0
    )
    rows = [[c.text for c in r.cells] for r in docx.Document(str(side)).tables[0].rows]
    assert rows[1:] == [
        ["Доклад", "Доповідь"],
        ["Делегация МАГ провела заседание.", "Делегація МАГ провела засідання."],
    ]
    capsys.readouterr()
    assert (
        main(
            [
                "export",
                "report_ru.docx",
                "--to",
                "uk",
                "--format",
                "pdf",
                "--out",
                str(tmp_path / "x.pdf"),
                "--data",
                data,
            ]
        )
        == 2
    )


def ingest_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stages: str
) -> tuple[str, dict]:
    """Ingest a two-paragraph Russian note with one worker; returns the data folder and report."""
    note = tmp_path / "note.txt"
    note.write_text(
        "Делегация МАГ провела заседание в Москве.\n\nВторой абзац о бюджете.\n", encoding="utf-8"
    )
    data = str(tmp_path / "archive")
    argv = ["ingest", str(note), "--data", data, "--stages", stages, "--workers", "1"]
    report = ingest_json(*argv[1:], "--deadline", "1200")
    assert isinstance(report, dict)
    return data, report


def test_ingest_without_languages_is_partial_never_failed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Blocks of unknown language cannot be translated: the document says so and is kept."""
    data, report = ingest_note(tmp_path, capsys, "translate")
    assert report["counts"]["partial"] == 1 and report["counts"]["failed"] == 0
    assert report["files"][0]["reason"] == (
        "translate: 2 blocks of undetermined language were not translated"
    )


def test_ingest_translates_in_a_worker_and_fills_in_after_a_model_install(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    package_files: dict[str, Path],
) -> None:
    pytest.importorskip("pipeline.language.detect", reason="the language stage is not installed")
    monkeypatch.setenv("SEKRETAR_TARGETS", "uk,en")
    data, report = ingest_note(tmp_path, capsys, "language,translate")
    assert report["counts"]["ok"] == 1  # type: ignore[index]
    assert report["waiting_for_models"] == [{"pair": "ru-en", "documents": 1}]  # type: ignore[index]
    assert report["install"] == "sekretar models install FILE.argosmodel"  # type: ignore[index]
    shown = run_json(capsys, "show", "note.txt", "--data", data)
    first = shown["blocks"][0]["translations"]  # type: ignore[index]
    assert [(t["language"], t["text"], t["engine"]) for t in first] == [
        ("uk", "Делегація МАГ провела засідання у Москві.", "apertium")
    ]
    assert shown["problems"] == []  # type: ignore[index]
    with Store(Path(data)) as store:  # the parent remembered the worker's translations
        assert store.memory.count() == {"machine": 2, "approved": 0}
    run_json(capsys, "models", "install", str(package_files["ru-en"]), "--data", data)
    again = ingest_json(
        str(tmp_path / "note.txt"),
        "--data",
        data,
        "--stages",
        "language,translate",
        "--workers",
        "1",
        "--deadline",
        "1200",
    )
    assert again["counts"]["ok"] == 1 and again["waiting_for_models"] == []  # type: ignore[index]
    shown = run_json(capsys, "show", "note.txt", "--data", data)
    english = shown["blocks"][0]["translations"][0]  # type: ignore[index]
    assert (english["language"], english["engine"]) == ("en", "argos")
    assert english["text"].strip() and english["model_version"].startswith("translate-ru_en 1.0")
    with Store(Path(data)) as store:
        assert store.memory.count() == {"machine": 4, "approved": 0}
