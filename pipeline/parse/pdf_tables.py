"""The slow path: ruled tables, found by pdfplumber on the pages that look like they have them.

pdfplumber (pdfminer) reads a page some hundred times slower than pdfium, so it is opened only
when a page's drawing survey suggests a table, once per document, and each page is closed after
use. pdfminer also caches every object it parses; the finder reopens the file every
`RECYCLE_AFTER` pages so that cache cannot grow with the length of the document.
"""

from __future__ import annotations

import time
from pathlib import Path
from types import TracebackType
from typing import Any

import pdfplumber
from pdfplumber.pdf import PDF

from pipeline.parse.pdf_layout import Table, clean_text, join_lines

RECYCLE_AFTER = 50
#: CPU seconds of table search per document (CPU, not wall time, so a busy machine does not
#: change the result); past it, pages keep their text without tables, so a
#: table-heavy file still ends inside the batch deadline (the pages are named in a problem).
TIME_BUDGET = 30.0


class TableFinder:
    """Finds ruled tables page by page; a failure costs the tables of a page, never the text."""

    def __init__(self, path: Path, password: str | None, page_count: int) -> None:
        self.path = path
        self.password = password
        self.page_count = page_count
        self.failed_pages: list[int] = []
        self.skipped_pages: list[int] = []
        self._spent = 0.0
        self.unavailable = ""
        self._pdf: PDF | None = None
        self._used = 0

    def __enter__(self) -> TableFinder:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close pdfplumber if it was opened; safe to call twice."""
        if self._pdf is not None:
            pdf, self._pdf = self._pdf, None
            pdf.close()

    def tables(self, index: int) -> list[Table]:
        """Tables on the page at `index` (0-based), in PDF user space, top to bottom."""
        if self._spent > TIME_BUDGET:
            self.skipped_pages.append(index + 1)
            return []
        started = time.process_time()
        try:
            return self._find(index)
        finally:
            self._spent += time.process_time() - started

    def _find(self, index: int) -> list[Table]:
        pdf = self._open()
        if pdf is None:
            return []
        page = pdf.pages[index]
        try:
            found = [_table(table, float(page.height)) for table in page.find_tables()]
        except Exception:  # noqa: BLE001 - pdfminer raises anything on damaged pages; text stays
            self.failed_pages.append(index + 1)
            return []
        finally:
            page.close()
            self._used += 1
        return sorted((t for t in found if _is_table(t)), key=lambda t: -t.bbox[3])

    def _open(self) -> PDF | None:
        if self._used >= RECYCLE_AFTER:
            self.close()
            self._used = 0
        if self._pdf is None and not self.unavailable:
            self._pdf = self._try_open()
        return self._pdf

    def _try_open(self) -> PDF | None:
        try:
            pdf = pdfplumber.open(self.path, password=self.password or "")
            pages = len(pdf.pages)
        except Exception:  # noqa: BLE001 - pdfminer cannot read every file pdfium can
            self.unavailable = "tables were not analysed: the table reader cannot open this PDF"
            return None
        if pages != self.page_count:
            pdf.close()
            self.unavailable = "tables were not analysed: the table reader sees other pages"
            return None
        return pdf


def _table(found: Any, page_height: float) -> Table:
    """Convert pdfplumber's table (top-left origin) to a `Table` in PDF user space."""
    x0, top, x1, bottom = (float(v) for v in found.bbox)
    rows = [[_cell_text(cell) for cell in row] for row in found.extract()]
    return Table(bbox=(x0, page_height - bottom, x1, page_height - top), rows=rows)


def _cell_text(cell: str | None) -> str | None:
    """A cell's text as one line; None stays None (a cell covered by a merged neighbour)."""
    if cell is None:
        return None
    return clean_text(join_lines(cell.splitlines()))


def _is_table(table: Table) -> bool:
    """A single framed cell is a text box, not a table: its text stays a paragraph."""
    cells = sum(1 for row in table.rows for cell in row if cell is not None)
    return cells >= 2
