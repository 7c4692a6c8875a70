"""The bundled samples: the script regenerates them, they hold what they claim, and the
committed copies are up to date with the script."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import docx
import pypdfium2 as pdfium
import pytest
from docx.text.paragraph import Paragraph

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "samples"
NAMES = [
    "report_ryazan_water_ru.docx",
    "minutes_session_ru.docx",
    "report_kyiv_tourism_uk.docx",
    "report_minsk_informatization_ru.pdf",
    "report_astana_cooperation_en.pdf",
    "note_bishkek_cp1251.txt",
]


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_samples", SCRIPT / "make_samples.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_samples"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples written afresh by the script into a temporary folder."""
    out = tmp_path_factory.mktemp("samples")
    paths = _load_script().build_all(out)
    assert [p.name for p in paths] == NAMES
    return out


def _paragraphs(path: Path, style_prefix: str = "") -> list[str]:
    document = docx.Document(str(path))
    return [p.text for p in document.paragraphs if _style(p).startswith(style_prefix)]


def _style(paragraph: Paragraph) -> str:
    return (paragraph.style.name if paragraph.style else None) or ""


def _pdf_pages(path: Path) -> list[str]:
    """Each page's text with white space collapsed, so wrapped lines read as one sentence."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [re.sub(r"\s+", " ", page.get_textpage().get_text_range()) for page in pdf]
    finally:
        pdf.close()


def test_every_sample_is_small(generated: Path) -> None:
    sizes = {name: (generated / name).stat().st_size for name in NAMES}
    assert all(0 < size < 100_000 for size in sizes.values()), sizes


def test_ryazan_report(generated: Path) -> None:
    path = generated / "report_ryazan_water_ru.docx"
    assert _paragraphs(path, "Heading") == [
        "Обеспечение надёжного водоснабжения города Рязани",
        "Современное состояние системы водоснабжения",
        "Основные направления модернизации",
        "Показатели работы водопроводного хозяйства",
        "Предложения для городов — членов Ассамблеи",
    ]
    assert len(_paragraphs(path, "List Number")) == 4
    document = docx.Document(str(path))
    rows = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert rows[0] == ["Показатель", "2022", "2023", "2024"]
    assert rows[1] == ["Подано воды в сеть, млн м³", "52,4", "51,1", "49,8"]
    assert len(rows) == 4
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "Администрация города Рязани"
    assert "стр." in section.footer.paragraphs[0].text
    props = document.core_properties
    assert (props.author, props.created.isoformat()) == (
        "Администрация города Рязани",
        "2025-03-14T09:30:00+00:00",
    )


def test_minutes(generated: Path) -> None:
    paragraphs = _paragraphs(generated / "minutes_session_ru.docx")
    for expected in [
        "ПРОТОКОЛ № 12",
        "заседания Совета Международной ассамблеи столиц и крупных городов",
        "г. Москва\t9 апреля 2025 г.",
        "ПОВЕСТКА ДНЯ",
        "СЛУШАЛИ:",
        "ВЫСТУПИЛИ:",
        "ПОСТАНОВИЛИ:",
        "1.1. Информацию Кузнецова Д.П. принять к сведению.",
        "ГОЛОСОВАЛИ: «за» — 25, «против» — 0, «воздержались» — 2.",
        "Решение принято единогласно.",
    ]:
        assert expected in paragraphs
    agenda = _paragraphs(generated / "minutes_session_ru.docx", "List Number")
    assert agenda[0] == "О повышении надёжности систем водоснабжения городов — членов Ассамблеи."
    assert len(agenda) == 3
    assert paragraphs.count("ПОСТАНОВИЛИ:") == 3


def test_kyiv_report_is_ukrainian(generated: Path) -> None:
    path = generated / "report_kyiv_tourism_uk.docx"
    assert _paragraphs(path, "Heading") == [
        "Розвиток туризму та співпраця міст: досвід Києва",
        "Туристичний потенціал міста",
        "Співпраця з містами-партнерами",
        "Завдання на наступний рік",
    ]
    text = "\n".join(_paragraphs(path))
    assert all(letter in text for letter in "іїєґ")


def test_minsk_pdf_has_a_cyrillic_text_layer(generated: Path) -> None:
    pages = _pdf_pages(generated / "report_minsk_informatization_ru.pdf")
    assert 2 <= len(pages) <= 3
    assert "Минск последовательно переводит городские услуги в электронный вид." in pages[0]
    assert "Информатизация городского управления: опыт Минска" in pages[0]
    assert [f"стр. {n}" in page for n, page in enumerate(pages, start=1)] == [True] * len(pages)


def test_astana_pdf_has_its_table(generated: Path) -> None:
    (page,) = _pdf_pages(generated / "report_astana_cooperation_en.pdf")
    assert "Astana works with partner cities across the region" in page
    assert "Moscow Urban water supply and metering 2018 In progress" in page


def test_bishkek_note_is_cp1251(generated: Path) -> None:
    data = (generated / "note_bishkek_cp1251.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text = data.decode("cp1251")
    assert text.startswith("МЭРИЯ ГОРОДА БИШКЕК\r\n\r\nИНФОРМАЦИОННАЯ ЗАПИСКА\r\n")
    assert "«Цифровые сервисы для горожан»" in text


def test_the_script_is_deterministic(generated: Path, tmp_path: Path) -> None:
    again = _load_script().build_all(tmp_path)
    assert {p.name: p.read_bytes() for p in again} == {
        name: (generated / name).read_bytes() for name in NAMES
    }


def test_committed_samples_are_up_to_date(generated: Path) -> None:
    """Compared by content, so a new library version that moves bytes does not fail this."""
    for name in NAMES:
        fresh, committed = generated / name, SAMPLES / name
        assert committed.exists(), f"run python scripts/samples/make_samples.py ({name} missing)"
        if name.endswith(".docx"):
            assert _paragraphs(committed) == _paragraphs(fresh), name
        elif name.endswith(".pdf"):
            assert _pdf_pages(committed) == _pdf_pages(fresh), name
        else:
            assert committed.read_bytes() == fresh.read_bytes(), name


def test_readme_describes_every_sample() -> None:
    readme = (SCRIPT / "README.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in readme for name in NAMES)


def test_bishkek_note_parses_as_cp1251() -> None:
    from pipeline.parse import parse
    from pipeline.parse.base import Source

    document = parse(Source.from_path(SAMPLES / "note_bishkek_cp1251.txt"))
    assert document.properties["encoding"] == "cp1251"
    assert [b.text for b in document.blocks[:2]] == [
        "МЭРИЯ ГОРОДА БИШКЕК",
        "ИНФОРМАЦИОННАЯ ЗАПИСКА",
    ]
    labels = [b.list_label for b in document.blocks if b.kind == "list_item"]
    assert labels == ["1)", "2)", "3)"]
