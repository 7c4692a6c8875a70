"""The resolution draft: Word styles, sections per language, tallies, source comments, page
numbers, the appendix, translation and its absence, and a template's styles."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from test_minutes_bad_input import minutes_document

from corpus.errors import ModelMissing
from corpus.model import Document
from pipeline.minutes.stage import read_minutes
from pipeline.resolution.compile import compile_draft
from pipeline.resolution.model import ResolutionReport
from pipeline.resolution.write import write_resolution


def fake_translate(texts: list[str], source: str, target: str) -> list[str]:
    """Translates into English only; Ukrainian has no engine (as when no package is installed)."""
    if target != "en":
        raise ModelMissing(f"A translation package for {source}→{target}", "Install one.")
    return [f"EN: {text}" for text in texts]


@pytest.fixture(scope="module")
def tables_document(minutes_set: dict[str, Path],
                    read_file: Callable[[Path], Document]) -> Document:
    return read_file(minutes_set["ru_tables.docx"])


def write(documents: list[Document], tmp_path: Path, languages: list[str],
          template: Path | None = None) -> tuple[ResolutionReport, docx.document.Document]:
    out = tmp_path / "resolution.docx"
    report = write_resolution(compile_draft(documents, "key"), languages, out, fake_translate,
                              template)
    return report, docx.Document(str(out))


def styled(document: docx.document.Document, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style is not None and p.style.name == style]


def test_sections_styles_tallies_and_appendix(tables_document: Document, tmp_path: Path) -> None:
    report, result = write([tables_document], tmp_path, ["ru", "en", "uk"])
    assert (report.adopted, report.not_adopted) == (4, 1)
    assert report.untranslated == {"ru": 0, "en": 0, "uk": 5}
    assert len(result.sections) == 3
    assert styled(result, "Title") == ["ПРОЕКТ РЕШЕНИЯ", "DRAFT RESOLUTION", "ПРОЄКТ РІШЕННЯ"]
    assert styled(result, "Heading 1")[:2] == ["Решения", "Приложение. Решения, не принятые на заседании"]
    numbered = styled(result, "List Number")
    assert numbered[:5] == [
        "Информацию Гуриновича П.С. принять к сведению.",
        "Рекомендовать городам — членам Ассамблеи рассмотреть опыт Минска по внедрению электробусов.",
        "Утвердить положение о конкурсе «Лучший городской двор».",
        "Провести конкурс в 2026 году.",
        "Создать фонд поддержки малых городских проектов."]
    assert numbered[5] == "EN: Информацию Гуриновича П.С. принять к сведению."
    assert numbered[10] == "[переклад відсутній] Информацию Гуриновича П.С. принять к сведению."
    texts = [p.text for p in result.paragraphs]
    assert "Голосовали: «за» — 22, «против» — 0, «воздержались» — 2; принято." in texts
    assert "Vote: for 8, against 12, abstained 4; not adopted." in texts
    assert "Заседание № 15, 24 сентября 2025 г., Минск" in texts
    assert "Засідання № 15, 24 вересня 2025 р., Мінськ" in texts


def test_every_decision_has_a_source_comment(tables_document: Document, tmp_path: Path) -> None:
    _, result = write([tables_document], tmp_path, ["ru", "en"])
    comments = [c.text for c in result.comments]
    assert len(comments) == 10
    assert comments[0].startswith("Источник: ru_tables.docx | ")
    assert comments[5].startswith("Source: ru_tables.docx | ")
    blocks = {b.id: b.text for b in tables_document.blocks}
    cited = comments[0].split(" | ")[-1].split(", ")
    assert [blocks[i] for i in cited] == [
        "ПОСТАНОВИЛИ:", "1.1. Информацию Гуриновича П.С. принять к сведению.\n1.2. Рекомендовать "
        "городам — членам Ассамблеи рассмотреть опыт Минска по внедрению электробусов."]


def test_numbering_restarts_and_pages_are_numbered(tables_document: Document,
                                                   tmp_path: Path) -> None:
    _, result = write([tables_document], tmp_path, ["ru", "en"])
    num_ids = []
    for paragraph in result.paragraphs:
        num_pr = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        if num_pr is not None:
            num_ids.append(num_pr.get(qn("w:val")))
    assert len(num_ids) == 10
    assert len(dict.fromkeys(num_ids)) == 4
    footer = result.sections[0].footer._element.xml
    assert "PAGE" in footer and 'w:fldCharType="begin"' in footer


def test_outcomes_not_recorded_go_to_the_appendix(minutes_set: dict[str, Path],
                                                  read_file: Callable[[Path], Document],
                                                  tmp_path: Path) -> None:
    document = read_file(minutes_set["ru_no_votes.txt"])
    report, result = write([document], tmp_path, ["ru"])
    assert (report.adopted, report.not_adopted) == (1, 2)
    texts = [p.text for p in result.paragraphs]
    start = texts.index("Исход голосования в протоколе не указан")
    assert texts[start + 1:start + 5] == [
        "Провести общегородской субботник 25 апреля 2026 г.",
        "Голосование в протоколе не отражено.",
        "Поручить управлению благоустройства обеспечить участников инвентарём.",
        "Голосование в протоколе не отражено."]


def test_language_versions_of_one_sitting_are_one_set(tmp_path: Path) -> None:
    russian = minutes_document([
        "ПРОТОКОЛ № 3", "г. Минск 5 мая 2026 г.", "ПОВЕСТКА ДНЯ", "1. О бюджете.", "1. О бюджете",
        "ПОСТАНОВИЛИ: Бюджет утвердить.", "ГОЛОСОВАЛИ: «за» — 9, «против» — 0, «воздержались» — 1.",
        "Решение принято."])
    english = minutes_document([
        "MINUTES No. 3", "Minsk, 5 May 2026", "AGENDA", "1. Budget.", "1. Budget",
        "Resolved: To approve the budget.", "Vote: For 9, Against 0, Abstained 1.", "Motion carried."])
    english.id = "e" * 64
    for document in (russian, english):
        read_minutes(document)
    report, result = write([russian, english], tmp_path, ["ru", "en", "uk"])
    assert report.documents == ["test.txt", "test.txt"]
    assert styled(result, "List Number") == [
        "Бюджет утвердить.", "To approve the budget.", "[переклад відсутній] Бюджет утвердить."]
    assert styled(result, "Heading 2")[0] == "1. О бюджете"


def test_a_template_gives_its_styles(tables_document: Document, tmp_path: Path) -> None:
    template = docx.Document()
    template.styles.add_style("Assembly Note", WD_STYLE_TYPE.PARAGRAPH)
    template.styles["Title"].font.name = "DejaVu Serif"
    template.add_paragraph("This text of the template is not kept.")
    path = tmp_path / "template.docx"
    template.save(str(path))
    _, result = write([tables_document], tmp_path, ["ru"], template=path)
    assert "Assembly Note" in [s.name for s in result.styles]
    assert result.styles["Title"].font.name == "DejaVu Serif"
    assert "This text of the template is not kept." not in [p.text for p in result.paragraphs]
    assert styled(result, "Title") == ["ПРОЕКТ РЕШЕНИЯ"]
