"""The fast path: a page's visual lines, read from pdfium.

pdfium orders a page's characters and inserts its own line breaks, so one call gets a page's
text; geometry is then read only for the first and last character of each line (a few ctypes
calls per line instead of several per character). That is what makes this 10-100 times faster
than pdfminer's layout analysis, which the parser does not use.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

from pipeline.parse.pdf.layout import Line

#: pdfium's marks for a hyphen at a line end it joined to the next line (GetText, GetUnicode).
HYPHEN_MARKS = "\ufffe\x02"
_BREAKS = re.compile(r"[\r\n\ufffe\x02]")

Box = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class View:
    """The page as displayed: PDF user space turned by the page's /Rotate (clockwise).

    Scanners and landscape layouts set /Rotate and draw the text turned the other way, so
    lines only run left to right, and headers only sit at the top, once the turn is applied.
    """

    quarter_turns: int
    page: Box

    @property
    def box(self) -> Box:
        """The displayed page box: user space unturned, else from (0, 0)."""
        x0, y0, x1, y1 = self.page
        if self.quarter_turns % 2:
            return (0.0, 0.0, y1 - y0, x1 - x0)
        return self.page if self.quarter_turns == 0 else (0.0, 0.0, x1 - x0, y1 - y0)

    def __call__(self, box: Box) -> Box:
        left, bottom, right, top = box
        x0, y0, x1, y1 = self.page
        if self.quarter_turns == 1:
            return (bottom - y0, x1 - right, top - y0, x1 - left)
        if self.quarter_turns == 2:
            return (x1 - right, y1 - top, x1 - left, y1 - bottom)
        if self.quarter_turns == 3:
            return (y1 - top, left - x0, y1 - bottom, right - x0)
        return box

    def back(self, box: Box) -> Box:
        """A displayed box in PDF user space again: where pdfium looks for text."""
        left, bottom, right, top = box
        x0, y0, x1, y1 = self.page
        if self.quarter_turns == 1:
            return (x1 - top, left + y0, x1 - bottom, right + y0)
        if self.quarter_turns == 2:
            return (x1 - right, y1 - top, x1 - left, y1 - bottom)
        if self.quarter_turns == 3:
            return (bottom + x0, y1 - right, top + x0, y1 - left)
        return box


def page_view(page: object, page_box: Box) -> View:
    """The view of a pdfium page whose visible box (user space) is `page_box`."""
    turns = pdfium_c.FPDFPage_GetRotation(page)
    return View(quarter_turns=turns if turns in (1, 2, 3) else 0, page=page_box)


def read_lines(textpage: object, view: View) -> list[Line]:
    """The page's visual lines in pdfium's reading order, each with its box and font size."""
    count = pdfium_c.FPDFText_CountChars(textpage)
    if count <= 0:
        return []
    text = _page_text(textpage, count)
    reader = _LineReader(textpage, text, view)
    start = 0
    for match in _BREAKS.finditer(text):
        end = match.end() if text[match.start()] in HYPHEN_MARKS else match.start()
        reader.add(start, end)
        start = match.end()
    reader.add(start, len(text))
    return reader.lines


def _page_text(textpage: object, count: int) -> str:
    """The page text with one string position per pdfium character index.

    `FPDFText_GetText` gives exactly that for most pages; when it does not (characters outside
    the BMP, characters pdfium leaves out), the text is read character by character.
    """
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(textpage, 0, count, buffer)
    text = bytes(memoryview(buffer).cast("B")[: max(written - 1, 0) * 2]).decode(
        "utf-16-le", errors="replace"
    )
    if len(text) == count:
        return text
    return "".join(_char(pdfium_c.FPDFText_GetUnicode(textpage, i)) for i in range(count))


def _char(code: int) -> str:
    return chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else "\ufffd"


class _LineReader:
    """Turns character ranges of the page text into `Line`s with geometry."""

    def __init__(self, textpage: object, text: str, view: View) -> None:
        self.textpage = textpage
        self.text = text
        self.view = view
        self.lines: list[Line] = []
        self._rect = pdfium_c.FS_RECTF()

    def add(self, start: int, end: int) -> None:
        """Add the line made of characters start..end-1, split if it spans several lines."""
        piece = self.text[start:end]
        first = start + len(piece) - len(piece.lstrip())
        last = start + len(piece.rstrip()) - 1
        if last < first:
            return
        head, tail = self._box(first), self._box(last)
        if _overlap(head, tail) or _stacked(head, tail):
            self._append(first, last + 1, head, tail)
        else:
            self._split(first, last + 1)

    def _append(self, start: int, end: int, head: Box, tail: Box) -> None:
        """Add characters start..end-1 as one line; its font size is read at the middle
        character, since a line's first one may be a bullet or a drop cap."""
        text = self.text[start:end]
        if text[-1] in HYPHEN_MARKS:
            text = text[:-1] + "-"
        left, right = min(head[0], tail[0]), max(head[2], tail[2])
        bottom, top = min(head[1], tail[1]), max(head[3], tail[3])
        size = self._size((start + end - 1) // 2) or self._size(start) or (top - bottom) / 1.2
        self.lines.append(Line(text, left, bottom, right, top, size))

    def _split(self, start: int, end: int) -> None:
        """Rare slow path: pdfium put two visual lines in one; split where the baseline moves."""
        run_start, run_box = start, self._box(start)
        for index in range(start + 1, end):
            box = self._box(index)
            if self.text[index].isspace() or _overlap(run_box, box):
                continue
            self._append(run_start, index, run_box, self._box(index - 1))
            run_start, run_box = index, box
        self._append(run_start, end, run_box, self._box(end - 1))

    def _box(self, index: int) -> Box:
        rect = self._rect
        if not pdfium_c.FPDFText_GetLooseCharBox(self.textpage, index, ctypes.byref(rect)):
            return (0.0, 0.0, 0.0, 0.0)
        box = (rect.left, min(rect.bottom, rect.top), rect.right, max(rect.bottom, rect.top))
        return self.view(box) if self.view.quarter_turns else box

    def _size(self, index: int) -> float:
        """The font size at a character, or 0 for one pdfium generated (those report 1)."""
        size = float(pdfium_c.FPDFText_GetFontSize(self.textpage, index))
        return size if size > 1.0 else 0.0


def _overlap(one: Box, other: Box) -> bool:
    """Whether two character boxes sit on the same visual line (share most of their height)."""
    shared = min(one[3], other[3]) - max(one[1], other[1])
    return shared >= 0.5 * min(one[3] - one[1], other[3] - other[1])


def _stacked(one: Box, other: Box) -> bool:
    """Whether two characters sit in one column: text set sideways, kept as one line."""
    shared = min(one[2], other[2]) - max(one[0], other[0])
    return shared >= 0.5 * min(one[2] - one[0], other[2] - other[0]) > 0
