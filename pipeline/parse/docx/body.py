"""The body of a DOCX as blocks in reading order: paragraphs, headings, list items, cells.

We walk the body's lxml tree once instead of python-docx's object API (which rebuilds proxy
objects per run and is several times slower) and emit blocks as we meet them:
- a paragraph is a "heading" (with `level`), a "list_item" (with `list_label`) or a
  "paragraph"; a numbered heading keeps its label in `list_label` too;
- a table gives one "table_cell" per visible cell with `table` (tables are numbered from 0 in
  the order they start, nested ones included), `row` (rows deleted as tracked changes are not
  counted) and `col` (the grid column, so a cell after a merged one keeps its real column); a
  merged cell appears once, at its top-left position; a nested table's cells follow the cell
  that holds it;
- a text box anchored in a body paragraph becomes a "text_box" block right after it.
`paragraph` is the 1-based position of the block among the body blocks: each body paragraph,
cell and text box that has text counts once, so it says "the n-th piece of the body".
"""

from __future__ import annotations

from dataclasses import dataclass

from corpus.model import Document
from pipeline.parse.docx.numbering import ListNumbering
from pipeline.parse.docx.styles import (
    W_ILVL,
    W_NUMPR,
    W_OUTLINE,
    W_PPR,
    W_PSTYLE,
    Numbering,
    Styles,
    heading_level,
    numbering_of,
)
from pipeline.parse.docx.text import (
    W_P,
    W_TBL,
    block_children,
    iter_row_cells,
    iter_rows,
    paragraph_text,
    story_lines,
)
from pipeline.parse.docx.xml import Element, int_val, val, w

W_TCPR = w("tcPr")
W_TRPR = w("trPr")
W_GRID_SPAN = w("gridSpan")
W_GRID_BEFORE = w("gridBefore")
W_VMERGE = w("vMerge")
W_HMERGE = w("hMerge")
W_ALT_CHUNK = w("altChunk")
W_DEL = w("del")


@dataclass(frozen=True)
class ParagraphRole:
    """How a paragraph presents itself: heading level and list label, either may be None."""

    level: int | None
    label: str | None


class BodyWalker:
    """Emits the blocks of one body (or any block container) into a document, in order."""

    def __init__(self, document: Document, styles: Styles, numbering: ListNumbering) -> None:
        self.document = document
        self.styles = styles
        self.numbering = numbering
        self.tables = 0
        self.paragraphs = 0

    def walk(self, body: Element) -> None:
        """Emit every block of `body` in document order."""
        if body.find(f".//{W_ALT_CHUNK}") is not None:
            self.document.note_problem("imported content (altChunk) is not read")
        for element in block_children(body):
            if element.tag == W_P:
                self._paragraph(element)
            elif element.tag == W_TBL:
                self._table(element)

    def role(self, paragraph: Element) -> ParagraphRole:
        """Heading level and list label of a paragraph; counts it in its list if numbered."""
        ppr = paragraph.find(W_PPR)
        style_id = val(ppr.find(W_PSTYLE)) if ppr is not None else None
        facts = self.styles.facts(style_id)
        direct_outline = int_val(ppr.find(W_OUTLINE)) if ppr is not None else None
        numbering = facts.numbering
        if ppr is not None and ppr.find(W_NUMPR) is not None:
            numbering = numbering_of(ppr).over(_inherit_level(numbering, ppr))
        label = None
        if numbering.num_id is not None:
            label = self.numbering.label(numbering.num_id, numbering.ilvl, style_id)
        return ParagraphRole(heading_level(facts, direct_outline), label)

    def label(self, paragraph: Element) -> str | None:
        """The list label of a paragraph inside a cell, note or box (counted in its list)."""
        return self.role(paragraph).label

    def _paragraph(self, paragraph: Element) -> None:
        role = self.role(paragraph)
        content = paragraph_text(paragraph)
        if content.text:
            self._emit(_kind(role), content.text, level=role.level, list_label=role.label)
        for box in content.boxes:
            self._emit_text("text_box", "\n".join(story_lines(box, self.label)))

    def _table(self, table: Element) -> None:
        number = self.tables
        self.tables += 1
        visible = [row for row in iter_rows(table) if not _deleted_row(row)]
        for row_index, row in enumerate(visible):
            col = _grid_before(row)
            for cell in iter_row_cells(row):
                span = _span(cell)
                if not _continues_merge(cell):
                    self._cell(cell, number, row_index, col)
                col += span

    def _cell(self, cell: Element, table: int, row: int, col: int) -> None:
        text = "\n".join(story_lines(cell, self.label, tables=False))
        self._emit_text("table_cell", text, table=table, row=row, col=col)
        for nested in block_children(cell):
            if nested.tag == W_TBL:
                self._table(nested)

    def _emit_text(self, kind: str, text: str, **fields: object) -> None:
        if text.strip():
            self._emit(kind, text.strip(), **fields)

    def _emit(self, kind: str, text: str, **fields: object) -> None:
        self.paragraphs += 1
        self.document.add_block(kind, text, paragraph=self.paragraphs, **fields)


def _kind(role: ParagraphRole) -> str:
    if role.level is not None:
        return "heading"
    return "list_item" if role.label is not None else "paragraph"


def _inherit_level(style_numbering: Numbering, ppr: Element) -> Numbering:
    """The style's numbering, minus its level when the paragraph names another list.

    A paragraph that sets its own `w:numId` without `w:ilvl` is at level 0 of that list, not
    at whatever level its style used for a different list.
    """
    numpr = ppr.find(W_NUMPR)
    own_id = numbering_of(ppr).num_id
    if own_id is not None and own_id != style_numbering.num_id and numpr.find(W_ILVL) is None:
        return Numbering(style_numbering.num_id, None)
    return style_numbering


def _span(cell: Element) -> int:
    tcpr = cell.find(W_TCPR)
    span = int_val(tcpr.find(W_GRID_SPAN), 1) if tcpr is not None else 1
    return max(span or 1, 1)


def _grid_before(row: Element) -> int:
    trpr = row.find(W_TRPR)
    before = int_val(trpr.find(W_GRID_BEFORE), 0) if trpr is not None else 0
    return max(before or 0, 0)


def _deleted_row(row: Element) -> bool:
    """A row removed with tracked changes on: gone from what Word shows, so not counted."""
    trpr = row.find(W_TRPR)
    return trpr is not None and trpr.find(W_DEL) is not None


def _continues_merge(cell: Element) -> bool:
    """True for the cells Word hides under a merged cell (vMerge or legacy hMerge continue)."""
    tcpr = cell.find(W_TCPR)
    if tcpr is None:
        return False
    for tag in (W_VMERGE, W_HMERGE):
        merge = tcpr.find(tag)
        if merge is not None and val(merge, "continue") == "continue":
            return True
    return False
