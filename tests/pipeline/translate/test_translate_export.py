"""Exports opened again with python-docx and checked paragraph by paragraph, cell by cell."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from translate_fixtures import make_document

from corpus.errors import ConfigError
from corpus.model import Document, Translation
from pipeline.export import export_document


def translated_document() -> Document:
    """A Russian report with a heading, a list, a table, a footer and a footnote, translated
    into Ukrainian except for one paragraph."""
    document = make_document(
        ("heading", "Доклад"),
        ("paragraph", "Город растёт."),
        ("list_item", "Бюджет"),
        ("list_item", "Транспорт"),
        ("paragraph", "Без перевода."),
    )
    document.blocks[2].list_label = "1."
    document.blocks[3].list_label = "•"
    document.blocks[3].level = 2
    for row, col, text in ((0, 0, "Город"), (0, 1, "Население"), (1, 0, "Рязань"), (1, 1, "530")):
        document.add_block("table_cell", text, table=0, row=row, col=col, language="ru")
    document.add_block("footer", "Страница", language="ru")
    document.add_block("footnote", "Данные за 2024 год.", list_label="1", language="ru")
    uk = {
        "Доклад": "Доповідь",
        "Город растёт.": "Місто росте.",
        "Бюджет": "Бюджет",
        "Транспорт": "Транспорт",
        "Город": "Місто",
        "Население": "Населення",
        "Рязань": "Рязань",
        "530": "530",
        "Страница": "Сторінка",
        "Данные за 2024 год.": "Дані за 2024 рік.",
    }
    for block in document.blocks:
        if block.text in uk:
            block.translations.append(Translation("uk", uk[block.text], "apertium", "v1"))
    return document


def test_translated_docx_keeps_headings_lists_and_tables(tmp_path: Path) -> None:
    out = tmp_path / "report_uk.docx"
    report = export_document(translated_document(), "uk", "docx", out)
    assert (report.blocks, report.translated, report.untranslated) == (11, 10, 1)
    opened = docx.Document(str(out))
    assert [(p.style.name if p.style else "", p.text) for p in opened.paragraphs] == [
        ("Heading 1", "Доповідь"),
        ("Normal", "Місто росте."),
        ("List Number", "Бюджет"),
        ("List Bullet 2", "Транспорт"),
        ("Normal", "Без перевода."),
        ("Normal", "[1] Дані за 2024 рік."),
    ]
    table = opened.tables[0]
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["Місто", "Населення"],
        ["Рязань", "530"],
    ]
    assert [p.text for p in opened.sections[0].footer.paragraphs] == ["Сторінка"]


def test_side_by_side_is_original_next_to_translation(tmp_path: Path) -> None:
    out = tmp_path / "report_ru_uk.docx"
    export_document(translated_document(), "uk", "docx", out, side_by_side=True)
    opened = docx.Document(str(out))
    rows = [[cell.text for cell in row.cells] for row in opened.tables[0].rows]
    assert rows == [
        ["ru", "uk"],
        ["Доклад", "Доповідь"],
        ["Город растёт.", "Місто росте."],
        ["Бюджет", "Бюджет"],
        ["Транспорт", "Транспорт"],
        ["Без перевода.", ""],
        ["Город", "Місто"],
        ["Население", "Населення"],
        ["Рязань", "Рязань"],
        ["530", "530"],
        ["Страница", "Сторінка"],
        ["Данные за 2024 год.", "Дані за 2024 рік."],
    ]
    heading_row = opened.tables[0].rows[1].cells
    assert all(run.bold for cell in heading_row for run in cell.paragraphs[0].runs)


def test_json_export_has_each_block_with_its_translation(tmp_path: Path) -> None:
    out = tmp_path / "report_uk.json"
    export_document(translated_document(), "uk", "json", out)
    data = json.loads(out.read_text("utf-8"))
    assert (data["language"], data["target_language"], len(data["blocks"])) == ("ru", "uk", 11)
    assert data["blocks"][1]["translation"] == {
        "language": "uk",
        "text": "Місто росте.",
        "engine": "apertium",
        "model_version": "v1",
        "pivot": None,
        "needs_review": False,
        "review_reason": "",
    }
    assert (data["blocks"][4]["translation"], data["blocks"][4]["target_text"]) == (None, None)


def test_blocks_already_in_the_target_language_are_kept(tmp_path: Path) -> None:
    document = make_document(("paragraph", "Місто росте."), language="uk")
    out = tmp_path / "same.docx"
    assert export_document(document, "uk", "docx", out).untranslated == 0
    assert [p.text for p in docx.Document(str(out)).paragraphs] == ["Місто росте."]


def test_bad_format_choices_are_configuration_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="export format must be one of docx, json"):
        export_document(translated_document(), "uk", "pdf", tmp_path / "x.pdf")
    with pytest.raises(ConfigError, match="--side-by-side makes a DOCX"):
        export_document(translated_document(), "uk", "json", tmp_path / "x.json", True)
    assert list(tmp_path.iterdir()) == []
