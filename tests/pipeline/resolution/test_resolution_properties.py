"""A draft's file properties are its own: nothing of python-docx's or a template's leaks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx

from pipeline.resolution.docx import FileInfo, describe, new_document

NOW = dt.datetime(2026, 12, 6, 9, 30, tzinfo=dt.UTC)


def _saved(document: docx.document.Document, path: Path) -> docx.document.Document:
    document.save(str(path))
    return docx.Document(str(path))


def test_python_docx_defaults_never_reach_the_file(tmp_path: Path) -> None:
    props = _saved(new_document(None, NOW), tmp_path / "a.docx").core_properties
    assert (props.author, props.comments, props.title, props.created, props.modified) == (
        "", "", "", NOW, NOW)


def test_a_templates_properties_never_reach_the_file(tmp_path: Path) -> None:
    template = docx.Document()
    props = template.core_properties
    props.author, props.title, props.comments = "Иван Шаблонов", "Бланк", "шаблон отдела"
    props.keywords, props.last_printed = "бланк", dt.datetime(2019, 5, 1)
    template.save(str(tmp_path / "house.docx"))
    document = _saved(new_document(tmp_path / "house.docx", NOW), tmp_path / "b.docx")
    props = document.core_properties
    assert (props.author, props.title, props.comments, props.keywords, props.last_printed) == (
        "", "", "", "", None)
    app = next(p for p in document.part.package.parts if str(p.partname) == "/docProps/app.xml")
    assert b"Company" not in app.blob and b"<Application>sekretar</Application>" in app.blob


def test_describe_sets_title_author_language_and_keywords(tmp_path: Path) -> None:
    document = new_document(None, NOW)
    describe(document, FileInfo(title="DRAFT RESOLUTION — Meeting No. 12", author="Council",
                                language="en", keywords=["2025-04-09 #12", "Moscow", "Moscow"],
                                subject="Assembly"))
    props = _saved(document, tmp_path / "c.docx").core_properties
    assert (props.title, props.author, props.last_modified_by, props.language, props.keywords,
            props.subject) == ("DRAFT RESOLUTION — Meeting No. 12", "Council", "Council", "en",
                               "2025-04-09 #12; Moscow", "Assembly")
