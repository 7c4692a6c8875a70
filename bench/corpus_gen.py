"""Realistic benchmark documents: Russian report text in DOCX and PDF (DejaVu embedded)."""

from __future__ import annotations

import random
from pathlib import Path

SENTENCES = [
    "Международная ассамблея столиц и крупных городов объединяет города Содружества.",
    "В Рязани завершена реконструкция водозаборных сооружений МП «Водоканал города Рязани».",
    "Потери воды в сетях снизились на 12 процентов за три года.",
    "Минск представил опыт информатизации городского хозяйства и электронных услуг.",
    "Туристический поток в Ереван вырос благодаря новым маршрутам и фестивалям.",
    "Делегация Астаны предложила общую программу обмена специалистами.",
    "Совет ассамблеи одобрил план сотрудничества городов на 2025–2027 годы.",
    "Бишкек модернизирует систему учёта воды и переходит на интеллектуальные счётчики.",
    "Санкт-Петербург делится опытом очистки сточных вод и охраны Финского залива.",
    "Новосибирск развивает единую диспетчерскую службу городского транспорта.",
    "Ташкент внедряет открытые данные о качестве питьевой воды.",
    "Кишинёв и Баку договорились о совместных туристических маршрутах.",
]
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def paragraph(rng: random.Random, sentences: int = 4) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(sentences))


def make_docx(path: Path, paragraphs: int, seed: int = 0) -> Path:
    """A report with headings, body text, a numbered list and a table every 50 paragraphs."""
    import docx

    rng = random.Random(seed)
    document = docx.Document()
    document.core_properties.title = f"Доклад {seed}"
    document.add_heading(f"Доклад о городском хозяйстве № {seed}", level=1)
    for n in range(paragraphs):
        if n % 25 == 0:
            document.add_heading(f"Раздел {n // 25 + 1}", level=2)
        if n % 50 == 10:
            table = document.add_table(rows=4, cols=3)
            for r, row in enumerate(table.rows):
                for c, cell in enumerate(row.cells):
                    cell.text = f"{r}-{c} {rng.choice(SENTENCES)[:30]}"
        style = "List Number" if n % 10 == 5 else None
        document.add_paragraph(paragraph(rng), style=style)
    document.save(str(path))
    return path


def make_pdf(path: Path, pages: int, table_every: int = 0, seed: int = 0) -> Path:
    """A text PDF with a running footer; every `table_every`-th page carries a ruled table."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    rng = random.Random(seed)
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for page in range(1, pages + 1):
        pdf.setFont("DejaVu", 10)
        y = 800.0
        for _ in range(6):
            for line in _wrap(paragraph(rng), 95):
                pdf.drawString(50, y, line)
                y -= 13
            y -= 10
        if table_every and page % table_every == 0:
            _draw_table(pdf, rng, top=y - 10)
        pdf.drawString(280, 30, f"Страница {page}")
        pdf.showPage()
    pdf.save()
    return path


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + [line]


def _draw_table(pdf: object, rng: random.Random, top: float) -> None:
    rows, cols, width, height = 4, 3, 160.0, 18.0
    for r in range(rows + 1):
        pdf.line(50, top - r * height, 50 + cols * width, top - r * height)  # type: ignore[attr-defined]
    for c in range(cols + 1):
        pdf.line(50 + c * width, top, 50 + c * width, top - rows * height)  # type: ignore[attr-defined]
    for r in range(rows):
        for c in range(cols):
            pdf.drawString(55 + c * width, top - (r + 1) * height + 5,  # type: ignore[attr-defined]
                           f"{rng.randint(10, 999)} {rng.choice(['Москва', 'Минск', 'Рязань'])}")
