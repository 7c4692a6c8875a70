"""Ruled tables, found natively from pdfium: the page's rulings, their grid, text by cell.

pdfplumber's `find_tables` would make pdfminer parse every object of the page again (94% of
the parse time, measured); pdfium has already loaded the page, so its path objects give the
rulings (`rulings`), the grid is pure Python (`grid`), and each cell's text is one pdfium
call for the characters in the cell's box. pdfplumber is not on the parse path.

What the finder does not resolve, and leaves as paragraphs like pdfplumber's lattice mode did:
tables without rulings (columns set by whitespace alone), tables ruled only between rows
(no vertical lines, so no closed cells), and tables drawn as an image.
"""

from __future__ import annotations

import ctypes
import time
from types import TracebackType

import pypdfium2.raw as pdfium_c

from pipeline.parse.pdf.grid import Box, Grid, find_grids
from pipeline.parse.pdf.layout import Table, clean_text, join_lines
from pipeline.parse.pdf.rulings import read_rulings
from pipeline.parse.pdf.text import HYPHEN_MARKS, View

#: CPU seconds of table search per document (CPU, not wall time, so a busy machine does not
#: change the result); past it, pages keep their text without tables, so a table-heavy file
#: still ends inside the batch deadline (the pages are named in a problem).
TIME_BUDGET = 30.0
#: how far (points) a cell's box is shrunk before asking for its text: pdfium takes every
#: character whose box touches the rectangle, and a neighbour's descender may cross a ruling.
INSET = 1.0
_HYPHENS = str.maketrans(dict.fromkeys(HYPHEN_MARKS, "-"))


class TableFinder:
    """Finds ruled tables page by page, within a CPU budget for the whole document."""

    def __init__(self) -> None:
        self.skipped_pages: list[int] = []
        self._spent = 0.0

    def __enter__(self) -> TableFinder:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        """Nothing to close: the finder holds no pdfium object between pages."""

    def tables(self, page: object, textpage: object, view: View, number: int) -> list[Table]:
        """Tables on an open page (pdfium handles), on the displayed page, top to bottom."""
        if self._spent > TIME_BUDGET:
            self.skipped_pages.append(number)
            return []
        started = time.process_time()
        try:
            return find_tables(page, textpage, view)
        finally:
            self._spent += time.process_time() - started


def find_tables(page: object, textpage: object, view: View) -> list[Table]:
    """The page's ruled tables with their cell texts; a single framed box is not a table."""
    rulings = read_rulings(page, view)
    found = [
        _table(grid, textpage, view) for grid in find_grids(rulings.horizontal, rulings.vertical)
    ]
    return [table for table in found if _is_table(table)]


def _table(grid: Grid, textpage: object, view: View) -> Table:
    texts = [_cell_text(textpage, view.back(cell)) for cell in grid.cells]
    rows = [[None if index is None else texts[index] for index in row] for row in grid.rows]
    return Table(bbox=grid.bbox, rows=rows)


def _cell_text(textpage: object, box: Box) -> str:
    """The text pdfium finds inside a cell (user space box), as one clean line."""
    left, bottom, right, top = box
    inset = min(INSET, (right - left) / 4, (top - bottom) / 4)
    area = (left + inset, top - inset, right - inset, bottom + inset)
    count = pdfium_c.FPDFText_GetBoundedText(textpage, *area, None, 0)
    if count <= 0:
        return ""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetBoundedText(textpage, *area, buffer, count + 1)
    raw = bytes(memoryview(buffer).cast("B")[: max(written, 0) * 2])
    text = raw.decode("utf-16-le", errors="replace").rstrip("\x00").translate(_HYPHENS)
    return clean_text(join_lines(text.splitlines()))


def _is_table(table: Table) -> bool:
    """A single framed cell is a text box, not a table: its text stays a paragraph; and a grid
    with no text in any cell is a drawing (a chart's gridlines), which holds no cells to read."""
    cells = [cell for row in table.rows for cell in row if cell is not None]
    return len(cells) >= 2 and any(cells)
