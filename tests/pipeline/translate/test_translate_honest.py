"""A missing engine is said plainly, flagged translations are shown with their reason
(translate, show, export), and nothing untranslated passes for a translation."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from translate_fixtures import make_document, needs_apertium

from corpus.store import Store
from pipeline.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def data(tmp_path: Path) -> str:
    """An archive holding minutes with a word the Russian–Ukrainian engine does not know."""
    needs_apertium()
    folder = tmp_path / "data"
    with Store(folder) as store:
        store.save_document(make_document(
            ("heading", "Протокол"),
            ("paragraph", "Председательствующий И.С. Петров открыл заседание."),
            ("paragraph", "Доклад сделал О.П. Сидоров."),
            ("paragraph", "Поручить секретариату обобщить опыт."),
            ("paragraph", "Совет слушал информацию и сделал выводы."),
        ))
    return str(folder)


def test_export_into_a_language_without_an_engine_stops_and_says_how(
    data: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report_en.docx"
    code, _, err = run(capsys, "export", "report_ru.docx", "--to", "en", "--out", str(out),
                       "--data", data)
    assert code == 1 and not out.exists()
    message = " ".join(err.split())
    assert "report_ru.docx: 5 block(s) need a en translation and the translation engine for ru-en" \
        in message
    assert "sekretar models install FILE.argosmodel" in message
    assert "--allow-untranslated" in message
    code, _, _ = run(capsys, "export", "report_ru.docx", "--to", "en", "--out", str(out),
                     "--allow-untranslated", "--data", data)
    assert code == 0
    comments = [c.text for c in docx.Document(str(out)).comments]
    assert comments == [
        "not translated: this paragraph is in ru (no translation engine for ru-en is installed)"
    ] * 5


def test_export_before_translating_names_the_translate_command(
    data: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "export", "report_ru.docx", "--to", "uk", "--out",
                       str(tmp_path / "x.docx"), "--data", data)
    assert code == 1
    assert "run 'sekretar translate report_ru.docx --to uk'" in " ".join(err.split())


def test_flagged_translations_are_listed_shown_and_commented(
    data: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "translate", "report_ru.docx", "--to", "uk,be", "--json",
                         "--data", data)
    assert code == 0, err
    result = json.loads(out)
    assert result["problems"] == [] and result["waiting"] == []
    assert [(r["language"], r["text"], r["reason"]) for r in result["needs_review"]] == [
        ("be", "Даручыць сакратарыяту обобщить вопыт.", "untranslated:обобщить"),
        ("be", "Парада слушал інфармацыю і зрабіў высновы.", "untranslated:слушал"),
    ]
    code, shown, _ = run(capsys, "show", "report_ru.docx", "--data", data)
    assert "be translation needs review: words left in the source language: обобщить" in shown
    target = tmp_path / "report_be.docx"
    code, _, _ = run(capsys, "export", "report_ru.docx", "--to", "be", "--out", str(target),
                     "--data", data)
    assert code == 0
    exported = docx.Document(str(target))
    assert [p.text for p in exported.paragraphs] == [
        "Пратакол",
        "Старшыня І.С. Петроў адкрыў пасяджэнне.",
        "Даклад зрабіў О.П. Сідороў.",
        "Даручыць сакратарыяту обобщить вопыт.",
        "Парада слушал інфармацыю і зрабіў высновы.",
    ]
    assert [c.text for c in exported.comments] == [
        "machine translation, needs review: words left in the source language: обобщить",
        "machine translation, needs review: words left in the source language: слушал",
    ]


def test_translate_reports_only_the_languages_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    needs_apertium()
    folder = tmp_path / "data"
    document = make_document(("paragraph", "Заседание открыто."))
    document.problems = ["translate: ru→en: the engine failed", "parse: a picture was skipped"]
    with Store(folder) as store:
        store.save_document(document)
    code, out, err = run(capsys, "translate", "report_ru.docx", "--to", "uk,be", "--json",
                         "--data", str(folder))
    assert code == 0, err
    assert json.loads(out)["problems"] == ["parse: a picture was skipped"]
