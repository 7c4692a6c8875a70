"""From the pages read to the document's blocks, and the problems the reading revealed.

Runs after every page was read, because running headers and the body font size are only known
from the whole document; by then the pages are plain records and pdfium holds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from corpus.model import Document
from pipeline.parse.pdf.layout import (
    Line,
    PageText,
    Paragraph,
    Table,
    group_paragraphs,
    mark_headings,
)
from pipeline.parse.pdf.running import RunningText

Flow = list[Paragraph | Table]
#: an image covering this much of a page with no body text makes it a scan (not a logo).
SCAN_COVER = 0.25


@dataclass(slots=True)
class _Counters:
    """Running numbers across the document: paragraphs and tables are numbered from 1."""

    paragraph: int = 0
    table: int = 0
    needs_ocr: int = 0


def build_blocks(document: Document, pages: list[PageText]) -> None:
    """Add every page's blocks in reading order and note what is missing."""
    running = RunningText(pages)
    flows = [_page_flow(page, running) for page in pages]
    mark_headings([item for flow in flows for item in flow if isinstance(item, Paragraph)])
    counters = _Counters()
    for page, flow in zip(pages, flows, strict=True):
        _add_page(document, page, flow, running, counters)
    _note_problems(document, pages, counters)


def _page_flow(page: PageText, running: RunningText) -> Flow:
    """A page's paragraphs and tables in reading order, without running headers and footers."""
    body = running.body(page)
    if page.tables:
        body = [line for line in body if not any(t.holds(line) for t in page.tables)]
    runs = _split_at_tables(body, page.tables)
    return _interleave([p for run in runs for p in group_paragraphs(run)], page.tables)


def _split_at_tables(lines: list[Line], tables: list[Table]) -> list[list[Line]]:
    """Runs of lines with no table between them: text never joins across a table."""
    if not tables:
        return [lines]
    runs: list[list[Line]] = []
    for line in lines:
        if runs and not any(_between(t, runs[-1][-1], line) for t in tables):
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def _between(table: Table, above: Line, below: Line) -> bool:
    _, table_bottom, _, table_top = table.bbox
    return table_top <= above.middle and table_bottom >= below.middle


def _interleave(paragraphs: list[Paragraph], tables: list[Table]) -> Flow:
    """Place each table before the first paragraph that starts below the table's top."""
    pending = sorted(tables, key=lambda table: -table.bbox[3])
    flow: Flow = []
    for paragraph in paragraphs:
        while pending and pending[0].bbox[3] > paragraph.top:
            flow.append(pending.pop(0))
        flow.append(paragraph)
    return flow + pending


def _add_page(
    document: Document, page: PageText, flow: Flow, running: RunningText, counters: _Counters
) -> None:
    for header in running.first_seen(page.number, "header"):
        document.add_block("header", header.text, page=page.number)
    if _needs_ocr(page, flow):
        counters.needs_ocr += 1
        document.add_block("paragraph", "", page=page.number, needs_ocr=True)
    for item in flow:
        if isinstance(item, Table):
            _add_table(document, item, page.number, counters)
        else:
            _add_paragraph(document, item, page.number, counters)
    for footer in running.first_seen(page.number, "footer"):
        document.add_block("footer", footer.text, page=page.number)


def _needs_ocr(page: PageText, flow: Flow) -> bool:
    """A page that shows something but gives no text: a scan, or text drawn as outlines.

    A scan stamped with a page number or a running header still needs OCR for its body, so a
    page whose body is empty counts when an image covers much of it (a logo alone does not);
    a page with nothing drawn is just blank.
    """
    if not page.readable or flow:
        return False
    return page.image_cover >= SCAN_COVER or (page.objects > 0 and not page.has_text)


def _add_paragraph(document: Document, item: Paragraph, page: int, counters: _Counters) -> None:
    counters.paragraph += 1
    document.add_block(
        item.kind, item.text, page=page, paragraph=counters.paragraph, level=item.level
    )


def _add_table(document: Document, table: Table, page: int, counters: _Counters) -> None:
    number = counters.table  # tables, rows and columns count from 0, as in every parser
    counters.table += 1
    for row_number, row in enumerate(table.rows):
        for col_number, text in enumerate(row):
            if text:
                document.add_block(
                    "table_cell",
                    text,
                    page=page,
                    table=number,
                    row=row_number,
                    col=col_number,
                )


def _note_problems(document: Document, pages: list[PageText], counters: _Counters) -> None:
    needs_ocr = counters.needs_ocr
    if needs_ocr == 1:
        document.note_problem("1 page has no text layer and needs OCR")
    elif needs_ocr:
        document.note_problem(f"{needs_ocr} pages have no text layer and need OCR")
    unreadable = sum(1 for page in pages if not page.readable)
    if unreadable:
        document.note_problem(f"{unreadable} page(s) could not be read")
    if not any(block.text for block in document.blocks):
        document.note_problem("no text extracted")
