"""Write the bundled sample archive: three DOCX, two PDF and one cp1251 text file.

Usage: python scripts/samples/make_samples.py [OUT_DIR]   (default: the repo's samples/)

The outputs are committed, so the script is deterministic: core properties carry fixed dates,
DOCX zip entries get a fixed timestamp, and reportlab runs in invariant mode (fixed creation
date and document id). Running it twice gives the same bytes with the same library versions.
The words live in `sample_content.py`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import sample_content as content  # noqa: E402

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
ZIP_TIME = (2025, 1, 1, 0, 0, 0)


# -- DOCX -------------------------------------------------------------------------------------


def write_docx(
    path: Path,
    items: list[content.Item],
    meta: dict[str, str],
    created: dt.datetime,
    header: str | None = None,
    footer: str | None = None,
) -> Path:
    """A DOCX from (style, content) items, with fixed core properties and zip timestamps."""
    document = new_docx()
    for style, value in items:
        _DOCX_WRITERS[style](document, value)
    _set_core_properties(document, meta, created)
    if header:
        document.sections[0].header.paragraphs[0].text = header
    if footer:
        _add_page_footer(document, footer)
    document.save(str(path))
    _freeze_zip(path)
    return path


def _heading(level: int) -> Callable[[DocxDocument, object], None]:
    def add(document: DocxDocument, text: object) -> None:
        document.add_heading(str(text), level=level)

    return add


def _paragraph(document: DocxDocument, text: object) -> None:
    paragraph = document.add_paragraph(str(text))
    paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY


def _bold(document: DocxDocument, text: object) -> None:
    document.add_paragraph().add_run(str(text)).bold = True


def _centred(document: DocxDocument, text: object) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(str(text)).bold = True


def _numbered(document: DocxDocument, text: object) -> None:
    document.add_paragraph(str(text), style="List Number")


def _tabbed(document: DocxDocument, value: object) -> None:
    left, right = value if isinstance(value, tuple) else (value, "")
    paragraph = document.add_paragraph(f"{left}\t{right}")
    paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(16.5), WD_TAB_ALIGNMENT.RIGHT)


def _table(document: DocxDocument, rows: object) -> None:
    cells = list(rows)  # type: ignore[call-overload]
    table = document.add_table(rows=len(cells), cols=len(cells[0]), style="Table Grid")
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for row, values in zip(table.rows, cells, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    for cell in table.rows[0].cells:
        cell.paragraphs[0].runs[0].bold = True


_DOCX_WRITERS: dict[str, Callable[[DocxDocument, object], None]] = {
    "h1": _heading(1),
    "h2": _heading(2),
    "p": _paragraph,
    "b": _bold,
    "c": _centred,
    "num": _numbered,
    "tab": _tabbed,
    "table": _table,
}


def _set_core_properties(
    document: DocxDocument, meta: dict[str, str], created: dt.datetime
) -> None:
    props = document.core_properties
    props.title = meta["title"]
    props.author = meta["author"]
    props.last_modified_by = meta["author"]
    props.subject = meta.get("subject", "")
    props.keywords = meta.get("keywords", "")
    props.language = meta["language"]
    props.comments = ""
    props.created = created
    props.modified = created
    props.revision = 1


def _add_page_footer(document: DocxDocument, text: str) -> None:
    """Footer text followed by a real PAGE field, as Word writes page numbers."""
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(text)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    shown = OxmlElement("w:t")
    shown.text = "1"
    run.append(shown)
    field.append(run)
    paragraph._p.append(field)


def _freeze_zip(path: Path) -> None:
    """Rewrite the zip with fixed entry times: python-docx stamps each entry with 'now'."""
    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w") as target:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, data, compresslevel=9)


# -- PDF --------------------------------------------------------------------------------------


def _register_fonts() -> None:
    if "DejaVuSans" in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily("DejaVuSans", normal="DejaVuSans", bold="DejaVuSans-Bold")


def _pdf_styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body", fontName="DejaVuSans", fontSize=11, leading=16, alignment=TA_JUSTIFY, spaceAfter=8
    )
    heading = ParagraphStyle(
        "heading", body, fontName="DejaVuSans-Bold", alignment=TA_LEFT, spaceAfter=6
    )
    return {
        "p": body,
        "h1": ParagraphStyle("h1", heading, fontSize=16, leading=21, spaceAfter=12),
        "h2": ParagraphStyle("h2", heading, fontSize=12.5, leading=17, spaceBefore=10),
        "cell": ParagraphStyle(
            "cell", body, fontSize=10, leading=13, alignment=TA_LEFT, spaceAfter=0
        ),
    }


def _pdf_table(rows: list[list[str]], style: ParagraphStyle) -> Table:
    """A table with ruled GRID lines and a shaded header row."""
    bold = ParagraphStyle("cell-bold", parent=style, fontName="DejaVuSans-Bold")
    cells = [
        [Paragraph(value, bold if i == 0 else style) for value in row] for i, row in enumerate(rows)
    ]
    table = Table(cells, colWidths=[3.2 * cm, 7.0 * cm, 2.2 * cm, 3.2 * cm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.75, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde5ee")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


@contextlib.contextmanager
def _pdf_date(when: dt.datetime) -> Iterator[None]:
    """reportlab stamps SOURCE_DATE_EPOCH as the PDF's creation date; set it for one build."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(when.timestamp()))
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def write_pdf(
    path: Path, items: list[content.Item], meta: dict[str, str], footer: str, created: dt.datetime
) -> Path:
    """A PDF with a real text layer (DejaVu embedded) and a running footer with page numbers."""
    _register_fonts()
    styles = _pdf_styles()
    story: list[Flowable] = []
    for style, value in items:
        if style == "table":
            story += [_pdf_table(value, styles["cell"]), Spacer(1, 10)]  # type: ignore[arg-type]
        else:
            story.append(Paragraph(str(value), styles[style]))
    template = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=2.5 * cm,
        rightMargin=2 * cm,
        topMargin=2.2 * cm,
        bottomMargin=2.5 * cm,
        title=meta["title"],
        author=meta["author"],
        subject=meta.get("subject", ""),
        creator="sekretar scripts/samples/make_samples.py",
        lang=meta["language"],
        invariant=1,
    )

    def draw_footer(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont("DejaVuSans", 8.5)
        canvas.drawString(2.5 * cm, 1.4 * cm, footer)
        canvas.drawRightString(
            A4[0] - 2 * cm,
            1.4 * cm,
            f"стр. {doc.page}" if meta["language"] == "ru" else f"page {doc.page}",
        )
        canvas.restoreState()

    with _pdf_date(created):
        template.build(story, onFirstPage=draw_footer, onLaterPages=draw_footer)
    return path


# -- everything -------------------------------------------------------------------------------


def write_note(path: Path) -> Path:
    """A Windows-style legacy text file: cp1251 with CRLF line ends."""
    path.write_bytes(content.BISHKEK_NOTE.replace("\n", "\r\n").encode("cp1251"))
    return path


def build_all(out: Path) -> list[Path]:
    """Write every sample into `out` and return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    return [
        write_docx(
            out / "report_ryazan_water_ru.docx",
            content.RYAZAN,
            {
                "title": content.RYAZAN_TITLE,
                "author": "Администрация города Рязани",
                "subject": "Водоснабжение",
                "keywords": "водоснабжение; Рязань; водоканал",
                "language": "ru-RU",
            },
            dt.datetime(2025, 3, 14, 9, 30, tzinfo=dt.UTC),
            header=content.RYAZAN_HEADER,
            footer=content.RYAZAN_FOOTER,
        ),
        write_docx(
            out / "minutes_session_ru.docx",
            content.MINUTES,
            {
                "title": content.MINUTES_TITLE,
                "author": "Секретариат МАГ",
                "subject": "Протокол заседания Совета",
                "language": "ru-RU",
            },
            dt.datetime(2025, 4, 9, 17, 0, tzinfo=dt.UTC),
        ),
        write_docx(
            out / "report_kyiv_tourism_uk.docx",
            content.KYIV,
            {
                "title": content.KYIV_TITLE,
                "author": "Київська міська державна адміністрація",
                "subject": "Туризм",
                "language": "uk-UA",
            },
            dt.datetime(2025, 3, 20, 11, 0, tzinfo=dt.UTC),
        ),
        write_pdf(
            out / "report_minsk_informatization_ru.pdf",
            content.MINSK,
            {
                "title": content.MINSK_TITLE,
                "author": "Минский городской исполнительный комитет",
                "subject": "Информатизация",
                "language": "ru",
            },
            content.MINSK_FOOTER,
            dt.datetime(2025, 3, 27, 10, 0, tzinfo=dt.UTC),
        ),
        write_pdf(
            out / "report_astana_cooperation_en.pdf",
            content.ASTANA,
            {
                "title": content.ASTANA_TITLE,
                "author": "Akimat of Astana",
                "subject": "City cooperation",
                "language": "en",
            },
            content.ASTANA_FOOTER,
            dt.datetime(2025, 4, 2, 8, 0, tzinfo=dt.UTC),
        ),
        write_note(out / "note_bishkek_cp1251.txt"),
    ]


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else HERE.parents[1] / "samples"
    for path in build_all(out):
        print(f"{path.stat().st_size:>8,}  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
