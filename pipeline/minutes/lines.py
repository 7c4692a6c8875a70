"""The document's blocks as the lines the minutes reader walks, whatever the source layout.

- Running heads, footers, notes and comments are left out, and so are page numbers standing
  alone («- 2 -», "Page 2 of 5"), so an item that runs over a page break reads as one.
- A numbered list item gets its number back ("1.2. …"), since DOCX and text parsers move it to
  `list_label`.
- A table row becomes one line with its cells joined by tabs («СЛУШАЛИ:\\tКузнецов Д.П. …»,
  «за\\t25»); a cell holding several paragraphs adds its later paragraphs as lines of their own.
  A vote table laid out in columns (за | против | воздержались over 25 | 0 | 2) becomes one
  line «за 25 против 0 воздержались 2».
- Soft line breaks inside a block start new lines, since labels often follow one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import groupby

from corpus.model import Block, Document
from pipeline.minutes.labels import match_label
from pipeline.minutes.votes import count_keys

SKIPPED_KINDS = ("header", "footer", "footnote", "endnote", "comment")
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?\s*$"
    r"|^\s*(?:стр\.?|страница|сторінка|с\.|page|p\.)\s*\d{1,4}(?:\s*(?:из|з|of|/)\s*\d{1,4})?\s*$",
    re.IGNORECASE)  # fmt: skip
_BULLETS = set("•·◦▪‣-–—*○●■□")
_NUMBER_CELL = re.compile(r"^\d{1,3}(?:\.\d{1,3})*[.)]?$")
#: where a line is split although the parser gave it as one paragraph (PDF text extraction
#: runs evenly spaced one-line paragraphs and borderless table cells together): before a
#: template label in capitals, a head label with its colon, and, after a sentence end, before
#: a titled English name, an item marker, an outcome or a signature.
_SPLIT_BEFORE = re.compile(
    r"(?<=\S)\s+(?=(?:СЛУШАЛИ|ВЫСТУПИЛИ|ПОСТАНОВИЛИ|РЕШИЛИ|ГОЛОСОВАЛИ|СЛУХАЛИ|ВИСТУПИЛИ"
    r"|ВИРІШИЛИ|УХВАЛИЛИ|ГОЛОСУВАЛИ|RESOLVED|DECIDED)\s*:"
    r"|(?:Слушали|Выступили|Постановили|Решили|Голосовали|Слухали|Виступили|Вирішили"
    r"|Ухвалили|Голосували)\s*:"
    r"|(?:Председательствующий|Председатель|Секретарь|Присутствовали|Приглаш[её]нные"
    r"|Отсутствовали|Головуючий|Головуюча|Секретар|Присутні|Запрошені|Відсутні|Chair|Secretary"
    r"|Present|Invited|Apologies)\s*(?::|[—–]\s)"
    r"|(?:ПОВЕСТКА\s+ДНЯ|ПОРЯДОК\s+ДЕННИЙ|AGENDA)(?:\s|:|$)|Item\s+\d{1,3}\s*:"
    r"|(?:Повестка\s+дня|Порядок\s+денний|Agenda)\s*:"
    r"|(?:По|З)\s+(?:\d{1,3}-?[а-яі]{0,3}|[а-яі]+(?:ому|ого))\s+(?:вопросу|питання|питанню)\b"
    r"|Протокол\s+в[её]л|Протокол\s+вів"
    r"|RESOLVED(?:\s+that\b|\s*[,:])|(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+[A-Z][a-z]+\s+[A-Z][a-z]+\s*\()"
    r"|(?<=\S)(?<!\sby)(?<!\sof)(?<!\sto)\s+(?=(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+[A-Z][a-z]+\s*\()"
    r"|(?<=[.!?»])\s+(?=(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+[A-Z]|The\s+Chair(?:man|woman|person)?\s+[a-z]"
    r"|Motion\s+(?:carried|lost|defeated|failed)|Carried\s+unanimously|RESOLVED\b"
    r"|It\s+was\s+(?:agreed|resolved|decided)|Решение\s+(?:не\s+)?принято"
    r"|Рішення\s+(?:не\s+)?(?:прийнято|ухвалено)"
    r"|(?:Председательствующий|Головуючий|Головуюча|Chair|Секретарь|Секретар|Secretary)"
    r"\s+[А-ЯЁІЇЄҐA-Z_(])")
_NUMBER_ALONE = re.compile(r"^\d{1,3}[.)]$")
#: a line ending in an abbreviation that never ends a sentence («г.», «м.», «ул.»): a text
#: parser that starts a paragraph after a full stop and a capital split it from its city.
_ABBREVIATION_END = re.compile(r"(?:^|[\s,(])(?<!\d\s)(?<!\d)(?:г|м|гор|ул|им|пр|просп|обл|пос|ім|вул)\.$")


@dataclass
class Line:
    """One line of the minutes with the blocks it came from."""

    text: str
    block_ids: list[str] = field(default_factory=list)
    heading: bool = False
    bullet: bool = False
    table: bool = False
    #: a heading's level (1 for the top), when the source gives one.
    level: int | None = None
    #: a table row's cells as (column, first paragraph), empty cells left out.
    cells: list[tuple[int, str]] = field(default_factory=list)


def document_lines(document: Document) -> list[Line]:
    """All lines of a document in reading order (see the module's rules)."""
    lines: list[Line] = []
    kept = [b for b in document.blocks if b.kind not in SKIPPED_KINDS and b.text.strip()]
    for is_table, group in groupby(kept, key=lambda b: b.kind == "table_cell"):
        blocks = list(group)
        lines.extend(_table_lines(blocks) if is_table else _block_lines(blocks))
    return _join_cut_lines([line for line in lines if not _PAGE_NUMBER.match(line.text)])


def _join_cut_lines(lines: list[Line]) -> list[Line]:
    """«1.» on a line of its own belongs to the next line («1.» + «СЛУШАЛИ: …»), and so does
    a line cut after «г.»."""
    out: list[Line] = []
    for line in lines:
        previous_text = out[-1].text if out else ""
        cut = _NUMBER_ALONE.match(previous_text) or (
            _ABBREVIATION_END.search(previous_text) and match_label(line.text) is None)
        if cut and not line.table and not out[-1].table:
            previous = out.pop()
            line = Line(f"{previous.text} {line.text}", previous.block_ids + line.block_ids,
                        heading=line.heading or previous.heading, bullet=line.bullet)
        out.append(line)
    return out


def _block_lines(blocks: list[Block]) -> Iterator[Line]:
    for block in blocks:
        label = (block.list_label or "").strip()
        bullet = bool(label) and all(ch in _BULLETS for ch in label)
        for n, part in enumerate(_parts(block.text)):
            text = f"{label} {part}" if label and not bullet and n == 0 else part
            heading = block.kind == "heading"
            yield Line(text, [block.id], heading=heading, bullet=bullet,
                       level=block.level if heading else None)


def _parts(text: str) -> list[str]:
    """The block's lines (soft breaks, and before a capitalised label inside a line)."""
    lines = [part for line in text.split("\n") for part in _SPLIT_BEFORE.split(line)]
    return [" ".join(p.split()) if "\t" not in p else p.strip() for p in lines if p.strip()]


def _table_lines(blocks: list[Block]) -> list[Line]:
    rows = [list(g) for _, g in groupby(blocks, key=lambda b: (b.table, b.row))]
    lines: list[Line] = []
    skip_next = False
    for n, row in enumerate(rows):
        if skip_next:
            skip_next = False
            continue
        column_vote = _column_vote(row, rows[n + 1] if n + 1 < len(rows) else None)
        if column_vote:
            lines.append(column_vote)
            skip_next = True
            continue
        lines.extend(_row_lines(row))
    return lines


def _cells(row: list[Block]) -> list[tuple[list[str], list[str]]]:
    """The row's cells in column order: (paragraphs, block ids)."""
    cells = []
    for _, group in groupby(row, key=lambda b: b.col):
        blocks = list(group)
        paragraphs = [p for b in blocks for p in _parts(b.text)]
        if paragraphs:
            cells.append((paragraphs, [b.id for b in blocks]))
    return cells


def _row_lines(row: list[Block]) -> list[Line]:
    """One line of the cells' first paragraphs joined by tabs, then the later paragraphs."""
    cells = _cells(row)
    if not cells:
        return []
    first = "\t".join(paragraphs[0] for paragraphs, _ in cells)
    if len(cells) > 1 and _NUMBER_CELL.match(cells[0][0][0]):
        first = cells[0][0][0] + " " + "\t".join(p[0] for p, _ in cells[1:])
    ids = [i for _, block_ids in cells for i in block_ids]
    columns = [col for col, group in groupby(row, key=lambda b: b.col)
               if any(_parts(b.text) for b in group)]
    lines = [Line(first, ids, table=True,
                  cells=[(col or 0, p[0]) for col, (p, _) in zip(columns, cells, strict=True)])]
    for paragraphs, block_ids in cells:
        lines.extend(Line(p, block_ids, table=True) for p in paragraphs[1:])
    return lines


def _column_vote(row: list[Block], below: list[Block] | None) -> Line | None:
    """за | против | воздержались over a row of numbers: one tally line."""
    if below is None:
        return None
    heads, values = _cells(row), _cells(below)
    if len(heads) < 2 or len(heads) != len(values):
        return None
    if count_keys(" ".join(h[0][0] for h in heads)) < 2:
        return None
    if not all(re.fullmatch(r"\d{1,4}|[^\W\d_]+(?:\s[^\W\d_]+)?", v[0][0]) for v in values):
        return None
    text = " ".join(f"{h[0][0]} {v[0][0]}" for h, v in zip(heads, values, strict=True))
    ids = [i for cell in heads + values for i in cell[1]]
    return Line(text, ids, table=True)
