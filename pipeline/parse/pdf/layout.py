"""Layout of PDF text: visual lines into paragraphs, and the text clean-up they need.

Pure Python over plain records, so it is tested without PDFs and costs nothing per page beyond
what pdfium already paid. Coordinates are points on the page as displayed (PDF user space, the
page's /Rotate applied; y grows upwards); a `Line` is one visual line as pdfium found it, in
content-stream order, which for the documents we get (word processors, report generators) is
the reading order.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from statistics import median

#: characters that end a line when a word was broken across lines.
HYPHENS = "-\u00ad\u2010\u2011"
#: private-use bullets that Symbol/Wingdings fonts map text to; a reader expects a bullet.
PUA_BULLETS = str.maketrans({"\uf0b7": "\u2022", "\uf0a7": "\u25aa", "\uf0d8": "\u27a2"})
_PUA = re.compile("[\uf0b7\uf0a7\uf0d8]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\ufffe\uffff\u200b\ufeff]")
_SPACES = re.compile(r"\s+")
#: a bullet glyph, or the letter "o" that Word's second-level bullets come out as.
_BULLET_START = re.compile(
    r"^(?:[\u2022\u25aa\u25cf\u25e6\u27a2\u2013\u2014\u25a0\u25a1\uf0b7\uf0a7]\s|o\s+[A-ZА-ЯЁ])"
)
_NUMBERED_START = re.compile(r"^(?:\d{1,2}|[a-zа-я])[.)]\s", re.IGNORECASE)

#: a size change larger than this fraction starts a new paragraph (body text vs heading).
SIZE_STEP = 0.12
#: a heading's font is at least this much larger than the body font.
HEADING_RATIO = 1.15
HEADING_MAX_CHARS = 200
HEADING_MAX_LINES = 3
MAX_HEADING_LEVEL = 6


@dataclass(slots=True)
class Line:
    """One visual line of text with its box and font size."""

    text: str
    left: float
    bottom: float
    right: float
    top: float
    size: float
    height: float = field(init=False)
    middle: float = field(init=False)

    def __post_init__(self) -> None:
        # plain fields, not properties: paragraph grouping reads them for every line pair
        self.height = max(self.top - self.bottom, 0.5)
        self.middle = (self.top + self.bottom) / 2


@dataclass(slots=True)
class Table:
    """A ruled table found on a page: its box (left, bottom, right, top) and cell texts."""

    bbox: tuple[float, float, float, float]
    rows: list[list[str | None]]

    def holds(self, line: Line) -> bool:
        """Whether a line's centre lies inside the table, so it is cell text, not body."""
        left, bottom, right, top = self.bbox
        centre_x = (line.left + line.right) / 2
        return left <= centre_x <= right and bottom <= line.middle <= top


@dataclass(slots=True)
class Paragraph:
    """A run of lines that belong together; `kind` is "paragraph" or "heading"."""

    text: str
    top: float
    size: float
    lines: int
    kind: str = "paragraph"
    level: int | None = None


@dataclass(slots=True)
class PageText:
    """What was read from one page; `box` is the visible page box (left, bottom, right, top)."""

    number: int
    box: tuple[float, float, float, float]
    lines: list[Line] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    objects: int = 0
    image_cover: float = 0.0
    readable: bool = True

    @property
    def height(self) -> float:
        return max(self.box[3] - self.box[1], 1.0)

    @property
    def has_text(self) -> bool:
        """Whether any line holds a letter or digit: glyphs without a text mapping do not count."""
        return any(any(ch.isalnum() for ch in line.text) for line in self.lines)


def clean_text(text: str) -> str:
    """NFC, no control characters, single spaces: what every block's text must look like."""
    if _PUA.search(text):
        text = text.translate(PUA_BULLETS)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return _SPACES.sub(" ", _CONTROL.sub("", text)).strip()


def join_lines(texts: list[str]) -> str:
    """Join a paragraph's lines, mending words hyphenated across line ends.

    A hyphen after a letter is dropped only when a lowercase letter follows
    ("информати-" + "зации"); before a capital or a digit it is kept without a space
    ("Северо-" + "Западный", "2019-" + "2020"), since then it is part of the word.
    """
    parts: list[str] = []
    for text in texts:
        text = text.strip()
        if not text:
            continue
        if parts and _ends_hyphenated(parts[-1]):
            previous = parts.pop()
            glue = "" if text[0].islower() and previous[-2].isalpha() else "-"
            parts.append(previous[:-1] + glue + text)
        else:
            parts.append(text)
    return " ".join(parts)


def _ends_hyphenated(text: str) -> bool:
    return len(text) >= 2 and text[-1] in HYPHENS and not text[-2].isspace()


def group_paragraphs(lines: list[Line]) -> list[Paragraph]:
    """Group a page's body lines into paragraphs by font size, vertical gaps and indents."""
    if not lines:
        return []
    usual_gap = _usual_gap(lines)
    groups: list[list[Line]] = [[lines[0]]]
    right_edge = lines[0].right  # of the paragraph being gathered
    for index in range(1, len(lines)):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else None
        if _starts_paragraph(groups[-1], right_edge, line, following, usual_gap):
            groups.append([line])
            right_edge = line.right
        else:
            groups[-1].append(line)
            right_edge = max(right_edge, line.right)
    return [paragraph for group in groups if (paragraph := _paragraph(group))]


def _paragraph(group: list[Line]) -> Paragraph | None:
    text = clean_text(join_lines([line.text for line in group]))
    if not text:
        return None
    size = median(line.size for line in group)
    return Paragraph(text=text, top=group[0].top, size=size, lines=len(group))


def _usual_gap(lines: list[Line]) -> float:
    """The gap between lines inside a paragraph: the lower quartile of gaps going down.

    Capped at one line height: with few lines on a page the quartile may be a gap between
    paragraphs, and no body text is set looser than double spacing.
    """
    gaps = sorted(
        above.bottom - below.top
        for above, below in zip(lines, lines[1:], strict=False)
        if below.top <= above.bottom + 0.5 * min(above.height, below.height)
    )
    if not gaps:
        return 0.0
    return min(gaps[len(gaps) // 4], median(line.height for line in lines))


def _starts_paragraph(
    group: list[Line], right_edge: float, line: Line, following: Line | None, gap: float
) -> bool:
    """Whether `line` begins a new paragraph after the lines gathered so far."""
    previous = group[-1]
    if _same_visual_line(previous, line):
        return False
    if abs(line.size - previous.size) > SIZE_STEP * max(line.size, previous.size):
        return True
    if line.middle > previous.top:
        return True  # moved up: a new column or a separately placed text
    if _BULLET_START.match(line.text) or _numbered_after_sentence(previous, line):
        return True
    space = previous.bottom - line.top
    height = min(previous.height, line.height)
    if space > gap + 0.5 * height:
        return True
    if _is_list_item(group[0]):
        return False  # a list item's continuation lines are indented: no new paragraph
    short = previous.right < max(right_edge, line.right) - 2 * line.size  # ends early
    if short and space > gap + 0.25 * height:
        return True
    return _indented_first_line(previous, line, following, short)


def _is_list_item(line: Line) -> bool:
    """A bulleted or numbered line: its continuation lines are indented, and that is no break."""
    return bool(_BULLET_START.match(line.text) or _NUMBERED_START.match(line.text))


def _same_visual_line(previous: Line, line: Line) -> bool:
    return abs(previous.middle - line.middle) < 0.3 * min(previous.height, line.height)


def _numbered_after_sentence(previous: Line, line: Line) -> bool:
    return bool(_NUMBERED_START.match(line.text)) and previous.text.rstrip()[-1:] in ".;:"


def _indented_first_line(previous: Line, line: Line, following: Line | None, short: bool) -> bool:
    """A first-line indent (the Russian "red line"): indented, and the text returns after it.

    A hanging list continuation is indented too, but the lines after it stay indented and
    the item's first line runs full width, so it is not taken for a new paragraph.
    """
    indent = line.left - previous.left
    if indent < 0.8 * line.size:
        return False
    returns = following is not None and following.left < line.left - 0.5 * line.size
    return returns or short


def mark_headings(paragraphs: list[Paragraph]) -> None:
    """Mark paragraphs set larger than the body text as headings, level by size rank.

    The body size is the size that carries most characters in the document, so the check
    needs every page's paragraphs; it is cheap because it only looks at sizes.
    """
    body = _body_size(paragraphs)
    if body is None:
        return
    candidates = [p for p in paragraphs if _looks_like_heading(p, body)]
    sizes = sorted({round(p.size * 2) / 2 for p in candidates}, reverse=True)
    for paragraph in candidates:
        rank = sizes.index(round(paragraph.size * 2) / 2)
        paragraph.kind = "heading"
        paragraph.level = min(rank + 1, MAX_HEADING_LEVEL)


def _body_size(paragraphs: list[Paragraph]) -> float | None:
    weight: dict[float, int] = {}
    for paragraph in paragraphs:
        key = round(paragraph.size * 2) / 2
        weight[key] = weight.get(key, 0) + len(paragraph.text)
    return max(weight, key=lambda size: weight[size]) if weight else None


def _looks_like_heading(paragraph: Paragraph, body: float) -> bool:
    return (
        paragraph.size >= body * HEADING_RATIO
        and len(paragraph.text) <= HEADING_MAX_CHARS
        and paragraph.lines <= HEADING_MAX_LINES
        and any(ch.isalpha() for ch in paragraph.text)
    )
