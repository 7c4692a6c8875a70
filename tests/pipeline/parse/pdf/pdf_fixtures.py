"""Real PDFs for the PDF parser tests, built with reportlab and the DejaVu font (for Cyrillic).

Each builder writes one file and returns its path; the texts it draws are module constants so
the tests can assert exact blocks. `parse` reads a file back with the PDF parser.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PIL import Image
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

from corpus.model import Document
from pipeline.parse.base import Source
from pipeline.parse.pdf.parser import PdfParser

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT = "DejaVu"

REPORT_TITLE = "Отчёт комиссии по информатизации"
REPORT_AUTHOR = "Иванова А. П."
REPORT_HEADER = "Отчёт о работе комиссии за 2024 год"
REPORT_HEADING = "Введение"
REPORT_PARAGRAPHS = [
    [
        "Комиссия провела двенадцать заседаний и рассмотрела вопросы развития "
        "информатизации в городах-участниках, подготовки кадров и обмена опытом "
        "между муниципальными службами.",
        "Решения комиссии направлены в секретариат Ассамблеи.",
    ],
    [
        "Во втором полугодии основное внимание уделялось цифровым услугам для жителей, "
        "переводу архивов в электронный вид и защите персональных данных граждан.",
        "Подготовлены предложения о совместных проектах на следующий год.",
    ],
    [
        "В заключение комиссия отмечает рост числа участников программы и благодарит "
        "все делегации за активную работу и предоставленные материалы.",
        "Отчёт утверждён на заседании комиссии единогласно.",
    ],
]

TABLE_BEFORE = "Prices of fruit at the central market."
TABLE_AFTER = "Prices are given in euro per kilogram."
TABLE_ROWS = [["Fruit", "Quantity", "Price"], ["Apple", "3", "1.20"], ["Pear", "5", "0.80"]]

SCANNED_TEXT = "The next page is a scanned image."
HYPHENATED_LINES = [
    "Развитие информати-",
    "зации в Северо-",
    "Западном регионе в 2019-",
    "2020 годах.",
]
HYPHENATED_TEXT = "Развитие информатизации в Северо-Западном регионе в 2019-2020 годах."


def register_font() -> None:
    """Register DejaVu once; reportlab keeps registered fonts for the process."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(DEJAVU)))


def _styles() -> tuple[ParagraphStyle, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=FONT, fontSize=11, leading=14, spaceAfter=12)
    heading = ParagraphStyle("heading", fontName=FONT, fontSize=18, leading=22, spaceAfter=14)
    return body, heading


def _running(canvas: Canvas, doc: Any) -> None:
    """Running header and a footer with the page number, as a report template draws them."""
    canvas.saveState()
    canvas.setFont(FONT, 9)
    canvas.drawString(72, A4[1] - 40, REPORT_HEADER)
    canvas.drawString(72, 30, f"Страница {doc.page} из 3")
    canvas.restoreState()


def russian_report(path: Path) -> Path:
    """Three pages: running header and footer, a heading, two paragraphs on each page."""
    register_font()
    body, heading = _styles()
    story: list[Any] = [Paragraph(REPORT_HEADING, heading)]
    for number, paragraphs in enumerate(REPORT_PARAGRAPHS):
        if number:
            story.append(PageBreak())
        story.extend(Paragraph(text, body) for text in paragraphs)
    doc = SimpleDocTemplate(str(path), pagesize=A4, title=REPORT_TITLE, author=REPORT_AUTHOR)
    doc.build(story, onFirstPage=_running, onLaterPages=_running)
    return path


def english_table(path: Path) -> Path:
    """One page: a paragraph, a 3x3 table ruled with GRID, a paragraph."""
    register_font()
    body, _ = _styles()
    table = Table(TABLE_ROWS)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("FONTNAME", (0, 0), (-1, -1), FONT),
            ]
        )
    )
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    doc.build([Paragraph(TABLE_BEFORE, body), table, Paragraph(TABLE_AFTER, body)])
    return path


def with_image_page(path: Path) -> Path:
    """Two pages: text, then a page with an image and a rectangle but no text at all."""
    register_font()
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont(FONT, 11)
    canvas.drawString(72, 700, SCANNED_TEXT)
    canvas.showPage()
    picture = Image.new("RGB", (64, 64), (200, 180, 90))
    canvas.drawImage(ImageReader(picture), 100, 400, width=300, height=300)
    canvas.rect(80, 380, 340, 340)
    canvas.showPage()
    canvas.save()
    return path


def hyphenated(path: Path) -> Path:
    """One paragraph drawn line by line, with words broken at line ends."""
    register_font()
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont(FONT, 11)
    for number, line in enumerate(HYPHENATED_LINES):
        canvas.drawString(72, 700 - 14 * number, line)
    canvas.showPage()
    canvas.save()
    return path


def long_text(path: Path, pages: int, lines_per_page: int = 45) -> Path:
    """A long Russian text document for speed and memory checks: plain lines, one font."""
    register_font()
    canvas = Canvas(str(path), pagesize=A4)
    sentence = "Заседание комиссии по вопросам развития городов и информатизации, пункт {}."
    for page in range(pages):
        canvas.setFont(FONT, 10)
        for number in range(lines_per_page):
            gap = 6 if number % 6 == 5 else 0
            canvas.drawString(60, 780 - 16 * number - gap, sentence.format(page * 100 + number))
        canvas.drawString(60, 30, f"Страница {page + 1}")
        canvas.showPage()
    canvas.save()
    return path


ROTATED_HEADER = "Колонтитул документа"
ROTATED_LINES = ["Первая строка абзаца про поворот", "и его вторая строка."]


def rotated(path: Path) -> Path:
    """Three pages with /Rotate 90, 180 and 270, drawn to read upright once turned, as
    scanners and landscape layouts do; each has a header, a two-line paragraph and a line."""
    register_font()
    canvas = Canvas(str(path), pagesize=A4)
    width, height = A4
    turns = {90: (0.0, 0.0, -width), 180: (width, height, 0.0), 270: (width, 0.0, 0.0)}
    for turn, (x, y, shift) in turns.items():
        canvas.setPageRotation(turn)
        canvas.translate(x, y)
        canvas.rotate(turn)
        canvas.translate(0, shift)
        shown_height = width if turn in (90, 270) else height
        canvas.setFont(FONT, 9)
        canvas.drawString(72, shown_height - 30, ROTATED_HEADER)
        canvas.setFont(FONT, 11)
        for number, line in enumerate(ROTATED_LINES):
            canvas.drawString(72, shown_height - 100 - 14 * number, line)
        canvas.drawString(72, shown_height - 160, f"Страница повёрнута на {turn} градусов.")
        canvas.showPage()
    canvas.save()
    return path


BOXED_ROWS = [["Город", "Делегаты"], ["Псков", "4"], ["Тарту", "3"]]
NOTE_TEXT = "Важно: заседание комиссии переносится на пятницу."
NOTE_BODY = "Повестка дня остаётся прежней."


def boxed_table(path: Path) -> Path:
    """A table whose cells are drawn one rectangle each, as some word processors do."""
    register_font()
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont(FONT, 11)
    for row, cells in enumerate(BOXED_ROWS):
        for col, text in enumerate(cells):
            x, y = 72 + 120 * col, 700 - 24 * row
            canvas.rect(x, y, 120, 24)
            canvas.drawString(x + 6, y + 8, text)
    canvas.showPage()
    canvas.save()
    return path


def framed_note(path: Path) -> Path:
    """A note in a frame above a paragraph: a box, but no table."""
    register_font()
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont(FONT, 11)
    canvas.rect(66, 692, 330, 24)
    canvas.drawString(72, 700, NOTE_TEXT)
    canvas.drawString(72, 660, NOTE_BODY)
    canvas.showPage()
    canvas.save()
    return path


MERGED_ROWS = [
    ["Комиссия", "Заседания", ""],
    ["", "Весна", "Осень"],
    ["Культура", "2", "3"],
    ["Экология", "4", "1"],
]
#: what the parser reads: a merged cell's text once, at its first row and column.
MERGED_CELLS = [
    (0, 0, "Комиссия"),
    (0, 1, "Заседания"),
    (1, 1, "Весна"),
    (1, 2, "Осень"),
    (2, 0, "Культура"),
    (2, 1, "2"),
    (2, 2, "3"),
    (3, 0, "Экология"),
    (3, 1, "4"),
    (3, 2, "1"),
]


def merged_table(path: Path) -> Path:
    """A table with a cell merged across two columns and one merged down two rows."""
    register_font()
    table = Table(MERGED_ROWS)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("SPAN", (1, 0), (2, 0)),
                ("SPAN", (0, 0), (0, 1)),
            ]
        )
    )
    SimpleDocTemplate(str(path), pagesize=A4).build([table])
    return path


WORD_ROWS = [["Делегация", "Город", "Голоса"], ["Первая", "Псков", "12"], ["Вторая", "Тарту", "9"]]
WORD_BEFORE = "Итоги голосования по делегациям."


def word_borders(path: Path, border: float = 0.5) -> Path:
    """A table whose borders are thin filled rectangles, one per cell side, as Word's PDF
    export draws them (no stroked line at all); the cells are wider than their text."""
    register_font()
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont(FONT, 11)
    canvas.drawString(72, 740, WORD_BEFORE)
    canvas.setFillColor(colors.black)
    width, height, left, top = 140.0, 22.0, 72.0, 720.0
    for row, cells in enumerate(WORD_ROWS):
        for col, text in enumerate(cells):
            x, y = left + width * col, top - height * (row + 1)
            canvas.rect(x, y + height - border / 2, width, border, stroke=0, fill=1)
            canvas.rect(x, y - border / 2, width, border, stroke=0, fill=1)
            canvas.rect(x - border / 2, y, border, height, stroke=0, fill=1)
            canvas.rect(x + width - border / 2, y, border, height, stroke=0, fill=1)
            canvas.drawString(x + 5, y + 7, text)
    canvas.showPage()
    canvas.save()
    return path


FORM_ROWS = [["Пункт", "Решение"], ["1", "Принять"], ["2", "Отклонить"]]


def form_table(path: Path) -> Path:
    """A ruled table, text and lines both, drawn once inside a form XObject and placed on
    the page moved and scaled, as report generators and page imposers do."""
    register_font()
    canvas = Canvas(str(path), pagesize=A4)
    canvas.beginForm("table", lowerx=0, lowery=0, upperx=300, uppery=100)
    canvas.setFont(FONT, 10)
    for row in range(len(FORM_ROWS) + 1):
        canvas.line(0, 90 - 25 * row, 240, 90 - 25 * row)
    for x in (0, 80, 240):
        canvas.line(x, 90, x, 15)
    for row, cells in enumerate(FORM_ROWS):
        for col, text in enumerate(cells):
            canvas.drawString(5 + 80 * col, 72 - 25 * row, text)
    canvas.endForm()
    canvas.saveState()
    canvas.translate(100, 500)
    canvas.scale(1.5, 1.5)
    canvas.doForm("table")
    canvas.restoreState()
    canvas.showPage()
    canvas.save()
    return path


LANDSCAPE_ROWS = [["Год", "Бюджет", "Расход"], ["2023", "120", "118"], ["2024", "135", "131"]]


def landscape_table(path: Path) -> Path:
    """A page with /Rotate 90 and a ruled table drawn turned, so it reads upright once the
    page is shown turned, as a landscape page of a portrait report is made."""
    register_font()
    canvas = Canvas(str(path), pagesize=A4)
    width, _ = A4
    canvas.setPageRotation(90)
    canvas.rotate(90)
    canvas.translate(0, -width)
    canvas.setFont(FONT, 11)
    left, top, cell_width, cell_height = 100.0, 400.0, 150.0, 24.0
    rows, cols = len(LANDSCAPE_ROWS), len(LANDSCAPE_ROWS[0])
    for row in range(rows + 1):
        y = top - cell_height * row
        canvas.line(left, y, left + cell_width * cols, y)
    for col in range(cols + 1):
        x = left + cell_width * col
        canvas.line(x, top, x, top - cell_height * rows)
    for row, cells in enumerate(LANDSCAPE_ROWS):
        for col, text in enumerate(cells):
            canvas.drawString(left + cell_width * col + 6, top - cell_height * (row + 1) + 8, text)
    canvas.showPage()
    canvas.save()
    return path


def parse(path: Path, password: str | None = None) -> Document:
    return PdfParser().parse(Source.from_path(path, password=password))

