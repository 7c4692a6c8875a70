"""Writers for the quality set: a list of layout elements to DOCX (python-docx), PDF (reportlab
with DejaVu Sans) or plain text.

Elements are (kind, value) pairs: title, center, p, bold, boldrun (label, rest), h (item
heading), num (numbered list item), bullet, tab (left, right), table (rows of cells, a cell a
string or a list of paragraphs), pagebreak; a Markdown file is one ("raw", text) element. The outputs are deterministic (fixed core
properties, reportlab's invariant mode), so a generated set is the same on every run.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path
from typing import Any

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
Element = tuple[str, Any]


def write(path: Path, elements: list[Element], options: dict[str, Any]) -> Path:
    """Write the elements in the format the file name asks for."""
    writer = {".docx": write_docx, ".pdf": write_pdf, ".txt": write_text,
              ".md": write_raw}[path.suffix]
    writer(path, elements, options)
    return path


# -- DOCX -------------------------------------------------------------------------------------


def write_docx(path: Path, elements: list[Element], options: dict[str, Any]) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK

    document = docx.Document()
    for kind, value in elements:
        if kind == "title":
            document.add_paragraph(value, style="Title")
        elif kind == "center":
            document.add_paragraph(value).alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "p":
            document.add_paragraph(value)
        elif kind == "bold":
            document.add_paragraph().add_run(value).bold = True
        elif kind == "boldrun":
            paragraph = document.add_paragraph()
            paragraph.add_run(value[0]).bold = True
            paragraph.add_run(" " + value[1])
        elif kind == "h":
            document.add_heading(value, level=2)
        elif kind == "num":
            document.add_paragraph(value, style="List Number")
        elif kind == "bullet":
            document.add_paragraph(value, style="List Bullet")
        elif kind == "tab":
            document.add_paragraph(f"{value[0]}\t{value[1]}")
        elif kind == "table":
            _docx_table(document, value)
        elif kind == "pagebreak":
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    stamp = dt.datetime(2025, 1, 1)
    document.core_properties.created = stamp
    document.core_properties.modified = stamp
    document.save(str(path))


def _docx_table(document: Any, rows: list[list[Any]]) -> None:
    table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            paragraphs = cell if isinstance(cell, list) else [cell]
            target = table.cell(r, c)
            target.text = paragraphs[0]
            for extra in paragraphs[1:]:
                target.add_paragraph(extra)


# -- PDF --------------------------------------------------------------------------------------


def write_pdf(path: Path, elements: list[Element], options: dict[str, Any]) -> None:
    """Page numbers (and a running head) are drawn when a page ends, as most producers do;
    `footer_first` draws them before the text instead."""
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        PageBreak,
        PageTemplate,
        Paragraph,
        SimpleDocTemplate,
        Table,
    )

    rl_config.invariant = 1
    styles = _pdf_styles()
    story: list[Any] = []
    for kind, value in _number_lists(elements):
        if kind == "table":
            story.append(_pdf_table(value, styles["p"], Table))
        elif kind == "pagebreak":
            story.append(PageBreak())
        elif kind == "boldrun":
            story.append(Paragraph(f"<b>{_esc(value[0])}</b> {_esc(value[1])}", styles["p"]))
        elif kind == "tab":
            story.append(Table([[value[0], value[1]]], colWidths=[240, 240],
                               style=[("FONT", (0, 0), (-1, -1), "DejaVu", 11)]))
        else:
            text = _esc(value)
            story.append(Paragraph(text, styles[_PDF_STYLE.get(kind, "p")]))
    running = options.get("running_head")

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.setFont("DejaVu", 9)
        canvas.drawCentredString(A4[0] / 2, 30, f"— {doc.page} —")
        if running:
            canvas.drawString(60, A4[1] - 40, running)

    if options.get("footer_first"):
        template = SimpleDocTemplate(str(path), pagesize=A4)
        template.build(story, onFirstPage=decorate, onLaterPages=decorate)
        return
    template = BaseDocTemplate(str(path), pagesize=A4)
    frame = Frame(template.leftMargin, template.bottomMargin, template.width, template.height)
    template.addPageTemplates([PageTemplate("page", [frame], onPageEnd=decorate)])
    template.build(story)


_PDF_STYLE = {"title": "title", "center": "center", "bold": "bold", "h": "bold", "num": "p",
              "bullet": "p", "p": "p"}


def _pdf_styles() -> dict[str, Any]:
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", str(FONT)))
        pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(FONT_BOLD)))
        pdfmetrics.registerFontFamily("DejaVu", normal="DejaVu", bold="DejaVu-Bold")
    base = {"fontName": "DejaVu", "fontSize": 11, "leading": 14, "spaceAfter": 6}
    return {
        "p": ParagraphStyle("p", **base),
        "bold": ParagraphStyle("bold", **{**base, "fontName": "DejaVu-Bold"}),
        "center": ParagraphStyle("center", **base, alignment=TA_CENTER),
        "title": ParagraphStyle("title", **{**base, "fontName": "DejaVu-Bold", "fontSize": 14,
                                            "leading": 18}, alignment=TA_CENTER),
    }


def _pdf_table(rows: list[list[Any]], style: Any, table_class: Any) -> Any:
    from reportlab.platypus import Paragraph

    def cell(value: Any) -> Any:
        paragraphs = value if isinstance(value, list) else [value]
        return [Paragraph(_esc(p), style) for p in paragraphs]

    widths = [110] + [370 // max(1, len(rows[0]) - 1)] * (len(rows[0]) - 1)
    if len(rows[0]) > 2:
        widths = [480 // len(rows[0])] * len(rows[0])
    return table_class([[cell(v) for v in row] for row in rows], colWidths=widths,
                       style=[("GRID", (0, 0), (-1, -1), 0.5, "black"),
                              ("VALIGN", (0, 0), (-1, -1), "TOP")])


def _number_lists(elements: list[Element]) -> list[Element]:
    """Numbered list items written out ("1. …"), as PDF and text have no list numbering."""
    out: list[Element] = []
    count = 0
    for kind, value in elements:
        count = count + 1 if kind == "num" else 0
        out.append(("p", f"{count}. {value}") if kind == "num" else (kind, value))
    return out


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# -- text -------------------------------------------------------------------------------------


def write_text(path: Path, elements: list[Element], options: dict[str, Any]) -> None:
    """Paragraphs separated by blank lines; `wrap` hard-wraps long lines as typewriters did,
    `encoding` picks the code page."""
    width = options.get("wrap")
    out: list[str] = []
    for kind, value in _number_lists(elements):
        if kind == "pagebreak":
            out.append("\f")
            continue
        text = _text_of(kind, value)
        lines = textwrap.wrap(text, width) if width and len(text) > width else [text]
        out.append("\n".join(lines))
    path.write_bytes(("\n\n".join(out) + "\n").encode(options.get("encoding", "utf-8")))


def _text_of(kind: str, value: Any) -> str:
    if kind == "boldrun":
        return f"{value[0]} {value[1]}"
    if kind == "tab":
        return f"{value[0]}    {value[1]}"
    if kind == "bullet":
        return f"- {value}"
    if kind == "table":
        return "\n".join("  ".join(c if isinstance(c, str) else " ".join(c) for c in row)
                         for row in value)
    return str(value)


# -- Markdown ---------------------------------------------------------------------------------


def write_raw(path: Path, elements: list[Element], options: dict[str, Any]) -> None:
    """A file written as it is (Markdown notes are their own layout)."""
    path.write_text("".join(str(value) for kind, value in elements if kind == "raw"), "utf-8")
