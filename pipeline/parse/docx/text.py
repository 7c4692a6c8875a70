"""The text a reader sees in a paragraph, read from WordprocessingML in one walk.

What Word shows is not simply every `w:t`: tracked deletions (`w:del`, `w:moveFrom`) are gone,
field instructions (`w:instrText`) are hidden behind their results, `mc:AlternateContent`
holds the same content twice (we read one branch), and text boxes (`w:txbxContent`) float
outside the line they are anchored in. The walk skips property subtrees (`w:pPr`, `w:rPr`),
which hold no text, so it touches few elements and stays fast on long documents.

Text formatted as hidden (`w:vanish`) is kept: it is in the file, and an archive that is
searched should find it. Symbols (`w:sym`), pictures and footnote reference marks add nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from pipeline.parse.docx.xml import M_NS, MC_ALTERNATE, V_NS, Element, pick_alternative, w

W_P = w("p")
W_T = w("t")
W_TBL = w("tbl")
W_TR = w("tr")
W_TC = w("tc")
W_SDT = w("sdt")
W_SDT_CONTENT = w("sdtContent")
W_TXBX = w("txbxContent")
V_TEXTPATH = f"{{{V_NS}}}textpath"
SOFT_HYPHEN = "\u00ad"

#: elements that stand for one character.
_CHARS = {
    w("tab"): "\t",
    w("ptab"): "\t",
    w("br"): "\n",
    w("cr"): "\n",
    w("noBreakHyphen"): "-",
    w("softHyphen"): "",
}
#: subtrees whose text Word does not show (deleted, moved away, field code) or that hold none.
_SKIP = frozenset(
    {
        w("pPr"),
        w("rPr"),
        w("del"),
        w("moveFrom"),
        w("delText"),
        w("instrText"),
        w("delInstrText"),
        w("sectPr"),
        w("tblPr"),
        w("trPr"),
        w("tcPr"),
        w("tblGrid"),
        w("sdtPr"),
        w("sdtEndPr"),
        w("fldData"),
        w("ffData"),
    }
)
_MATH_T = f"{{{M_NS}}}t"

#: a function giving the list label of a paragraph (counting it), or None.
LabelFor = Callable[[Element], str | None]


@dataclass
class ParagraphText:
    """A paragraph's visible text and the text boxes anchored in it (read separately)."""

    text: str
    boxes: list[Element] = field(default_factory=list)


def paragraph_text(paragraph: Element) -> ParagraphText:
    """The visible text of a `w:p`; text boxes are returned as elements, not inlined."""
    pieces: list[str] = []
    boxes: list[Element] = []
    _collect(paragraph, pieces, boxes)
    return ParagraphText(clean("".join(pieces)), boxes)


def _collect(element: Element, pieces: list[str], boxes: list[Element]) -> None:
    for child in element:
        tag = child.tag
        if tag == W_T or tag == _MATH_T:
            if child.text:
                pieces.append(child.text)
            continue
        if tag in _SKIP or not isinstance(tag, str):
            continue
        char = _CHARS.get(tag)
        if char is not None:
            pieces.append(char)
        elif tag == W_TXBX:
            boxes.append(child)
        elif tag == MC_ALTERNATE:
            branch = pick_alternative(child)
            if branch is not None:
                _collect(branch, pieces, boxes)
        elif tag == V_TEXTPATH:
            pieces.append(child.get("string") or "")
        elif len(child):
            _collect(child, pieces, boxes)


def clean(text: str) -> str:
    """Drop soft hyphens (invisible unless a line breaks there) and outer white space."""
    if SOFT_HYPHEN in text:
        text = text.replace(SOFT_HYPHEN, "")
    return text.strip()


def story_lines(
    container: Element, label_for: LabelFor | None = None, tables: bool = True
) -> list[str]:
    """The lines of a self-contained piece of text: a cell, header, note, comment, text box.

    Each non-empty paragraph is a line (prefixed by its list label); tables add their cells'
    lines in reading order unless `tables` is False (the body emits nested tables itself);
    text boxes add their lines after the paragraph that anchors them.
    """
    lines: list[str] = []
    for element in block_children(container):
        if element.tag == W_P:
            _paragraph_lines(element, label_for, lines)
        elif element.tag == W_TBL and tables:
            for cell in iter_cells(element):
                lines.extend(story_lines(cell, label_for))
    return lines


def _paragraph_lines(paragraph: Element, label_for: LabelFor | None, lines: list[str]) -> None:
    content = paragraph_text(paragraph)
    label = label_for(paragraph) if label_for else None
    if content.text:
        lines.append(f"{label} {content.text}" if label else content.text)
    for box in content.boxes:
        lines.extend(story_lines(box, label_for))


def block_children(container: Element) -> list[Element]:
    """The paragraphs and tables of a container, looking through content controls and wrappers.

    `w:sdt` (content controls), `w:customXml`, tracked insertions and `mc:AlternateContent`
    only wrap block content; their text is visible and must not be lost. Tracked deletions
    are dropped.
    """
    blocks: list[Element] = []
    _blocks_into(container, blocks)
    return blocks


def _blocks_into(container: Element, blocks: list[Element]) -> None:
    for child in container:
        tag = child.tag
        if tag == W_P or tag == W_TBL:
            blocks.append(child)
        elif tag == MC_ALTERNATE:
            branch = pick_alternative(child)
            if branch is not None:
                _blocks_into(branch, blocks)
        elif tag in _WRAPPERS:
            _blocks_into(child, blocks)


_WRAPPERS = frozenset({W_SDT, W_SDT_CONTENT, w("customXml"), w("ins"), w("moveTo")})


def iter_rows(table: Element) -> list[Element]:
    """The rows of a table, including rows wrapped in content controls."""
    return _children_through_wrappers(table, W_TR)


def iter_row_cells(row: Element) -> list[Element]:
    """The cells of a row, including cells wrapped in content controls."""
    return _children_through_wrappers(row, W_TC)


def iter_cells(table: Element) -> list[Element]:
    """Every cell of a table, row by row."""
    return [cell for row in iter_rows(table) for cell in iter_row_cells(row)]


def _children_through_wrappers(parent: Element, tag: str) -> list[Element]:
    found: list[Element] = []
    for child in parent:
        if child.tag == tag:
            found.append(child)
        elif child.tag in _WRAPPERS:
            found.extend(_children_through_wrappers(child, tag))
        elif child.tag == MC_ALTERNATE:
            branch = pick_alternative(child)
            if branch is not None:
                found.extend(_children_through_wrappers(branch, tag))
    return found
