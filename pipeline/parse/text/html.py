"""Walk an HTML page into blocks in reading order, with the standard library's tokenizer.

`html.parser` never fetches anything and knows no external entities, so a hostile page can do no
more than be badly formed. It does not repair a page either, so this walker closes what HTML
lets authors leave open: a new `<li>`, `<td>`, `<tr>` or `<p>` ends the previous one, and an end
tag closes everything opened inside it.

Headings h1..h6 become "heading" blocks with their level, `<li>` "list_item" (label "•" in a
`<ul>`, the item's number in an `<ol>`), `<td>`/`<th>` "table_cell" with 0-based table, row and
column (a `colspan` moves the next column on; `rowspan` is ignored), and other text
"paragraph". Text inside a cell or item keeps its inner paragraphs and `<br>` as line breaks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

#: elements whose text is never shown to a reader.
SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "math", "head"})
HEADINGS = {f"h{n}": n for n in range(1, 7)}
#: elements that end the running paragraph where they start and where they end.
BREAKING = frozenset(
    {"p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "blockquote",
     "pre", "address", "figure", "figcaption", "form", "fieldset", "dl", "dt", "dd", "caption",
     "center", "hr", "ul", "ol", "table", "tr", "body", "html", "details", "summary"}
)  # fmt: skip
#: elements that own the text inside them as one block.
OWNERS = frozenset({"li", "td", "th", *HEADINGS})
#: elements that hold owners: text right inside them belongs to no item or cell.
_CONTAINERS = frozenset({"ul", "ol", "table", "tr"})
_SPACE = re.compile(r"[ \t\r\n\f\u200b]+")


@dataclass
class RawBlock:
    """A block found in the page, before it gets an id in a `Document`."""

    kind: str
    text: str
    level: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    list_label: str | None = None


@dataclass
class HtmlContent:
    """What a page holds: its title, declared language and blocks."""

    title: str | None = None
    language: str | None = None
    blocks: list[RawBlock] = field(default_factory=list)


@dataclass
class _Open:
    """An element still open on the walker's stack, with what its children need to know."""

    tag: str
    owns: bool = False
    label: str | None = None
    labelled: bool = False
    items: int = 0
    start: int = 1
    style: str = "1"
    table: int = 0
    row: int = -1
    col: int = 0
    cell: tuple[int, int, int] | None = None
    #: stack index of the innermost owner or container at or below this element (-1: none)
    scope: int = -1


def extract_html(markup: str) -> HtmlContent:
    """Blocks, title and language of an HTML page (already decoded to text)."""
    walker = _Walker()
    walker.feed(markup)
    walker.close()
    walker.finish()
    return walker.content


class _Walker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.content = HtmlContent()
        self.stack: list[_Open] = []
        self.buffer: list[str] = []
        self.skipping: list[str] = []
        self.title: list[str] | None = None
        self.tables = 0
        #: stack indexes of the open elements of each tag, innermost last: every question about
        #: the stack is answered without walking it, so a page nested 100,000 deep is read in
        #: time linear in its length
        self.positions: dict[str, list[int]] = {}

    # -- tokenizer callbacks ------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "html" and values.get("lang"):
            self.content.language = values["lang"].strip()
        if self.skipping == ["head"] and (tag == "body" or tag in OWNERS or tag in BREAKING):
            self.skipping.clear()  # the page never closed its <head>
        if tag == "title" and not self.skipping_body_text():
            self.title = []
            return
        if self.skipping or tag in SKIPPED:
            if tag in SKIPPED:
                self.skipping.append(tag)
            return
        if tag == "br":
            self.buffer.append("\n")
        elif tag in OWNERS or tag in BREAKING:
            self.open(tag, values)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and not self.skipping:
            self.buffer.append("\n")
        elif tag == "hr" and not self.skipping:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.title is not None:
            self.content.title = _clean(" ".join(self.title)) or self.content.title
            self.title = None
            return
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        if self.positions.get(tag):
            self.close_to(tag)

    def handle_data(self, data: str) -> None:
        if self.title is not None:
            self.title.append(data)
        elif not self.skipping:
            self.buffer.append(data)

    def skipping_body_text(self) -> bool:
        """A `<title>` inside an `<svg>` or `<script>` is not the page's title."""
        return any(tag != "head" for tag in self.skipping)

    # -- structure ----------------------------------------------------------------------------

    def open(self, tag: str, attrs: dict[str, str]) -> None:
        self.close_implied(tag)
        inside = self.owner() is not None
        # a heading inside a cell or an item is part of its text, not a heading of the page
        element = _Open(tag, owns=tag in OWNERS and not (tag in HEADINGS and inside))
        self.break_text(element, inside)
        if tag in ("ul", "ol"):
            element.start = _int(attrs.get("start"), 1)
            element.style = attrs.get("type", "1") if tag == "ol" else "•"
        elif tag == "li":
            element.label = self.next_label()
        elif tag == "table":
            element.table = self.tables
            self.tables += 1
        elif tag == "tr":
            self.next_row()
        elif tag in ("td", "th"):
            element.cell = self.next_cell(_int(attrs.get("colspan"), 1))
        self.push(element)

    def push(self, element: _Open) -> None:
        at = len(self.stack)
        if element.owns or element.tag in _CONTAINERS:
            element.scope = at
        elif self.stack:
            element.scope = self.stack[-1].scope
        self.stack.append(element)
        self.positions.setdefault(element.tag, []).append(at)

    def pop(self) -> _Open:
        element = self.stack.pop()
        self.positions[element.tag].pop()
        return element

    def break_text(self, element: _Open, inside: bool) -> None:
        """Where an element starts or ends: a new block, or a line break inside a cell/item."""
        if inside and not element.owns and element.tag not in _CONTAINERS:
            self.buffer.append("\n")
        else:
            self.flush()

    def close_implied(self, tag: str) -> None:
        """Close what a new `tag` ends although the page did not close it."""
        if tag == "li":
            self.close_open(("li",), ("ul", "ol"))
        elif tag in ("td", "th"):
            self.close_open(("td", "th"), ("tr", "table"))
        elif tag == "tr":
            self.close_open(("tr",), ("table",))
        if tag in HEADINGS or tag in BREAKING:
            top = self.stack[-1].tag if self.stack else None
            if top == "p" or (top in HEADINGS and tag in HEADINGS):
                self.close_to(top)

    def close_open(self, tags: tuple[str, ...], boundaries: tuple[str, ...]) -> None:
        """Close an open element of `tags` unless its container (a boundary) comes first."""
        inner = self.innermost(*tags)
        if inner >= 0 and inner > self.innermost(*boundaries):
            self.close_to(self.stack[inner].tag)

    def innermost(self, *tags: str) -> int:
        """The stack index of the innermost open element of `tags`, or -1."""
        return max((found[-1] for t in tags if (found := self.positions.get(t))), default=-1)

    def close_to(self, tag: str) -> None:
        """Pop elements up to and including the innermost open `tag`, ending their text."""
        while self.stack:
            element = self.stack[-1]
            self.break_text(element, not element.owns and self.owner() is not None)
            self.pop()
            if element.tag == tag:
                return

    def owner(self) -> _Open | None:
        """The innermost heading, item or cell: the element the running text belongs to."""
        if not self.stack or self.stack[-1].scope < 0:
            return None
        element = self.stack[self.stack[-1].scope]
        return element if element.owns else None

    def nearest(self, *tags: str) -> _Open | None:
        at = self.innermost(*tags)
        return self.stack[at] if at >= 0 else None

    def next_label(self) -> str:
        listing = self.nearest("ul", "ol")
        if listing is None or listing.tag == "ul":
            return "•"
        number = listing.start + listing.items
        listing.items += 1
        return _list_label(number, listing.style)

    def next_row(self) -> None:
        table = self.nearest("table")
        if table is not None:
            table.row += 1
            table.col = 0

    def next_cell(self, span: int) -> tuple[int, int, int] | None:
        table = self.nearest("table")
        if table is None:
            return None
        if table.row < 0:
            table.row = 0
        cell = (table.table, table.row, table.col)
        table.col += max(1, span)
        return cell

    def flush(self) -> None:
        """Turn the running text into a block of the kind its owner says."""
        text = _clean("".join(self.buffer))
        self.buffer = []
        if text:
            self.content.blocks.append(self.make_block(text))

    def make_block(self, text: str) -> RawBlock:
        owner = self.owner()
        if owner is None:
            return RawBlock("paragraph", text)
        if owner.tag in HEADINGS:
            return RawBlock("heading", text, level=HEADINGS[owner.tag])
        if owner.tag == "li":
            label = None if owner.labelled else owner.label
            owner.labelled = True
            return RawBlock("list_item", text, list_label=label)
        if owner.cell is None:
            return RawBlock("paragraph", text)
        table, row, col = owner.cell
        return RawBlock("table_cell", text, table=table, row=row, col=col)

    def finish(self) -> None:
        while self.stack:
            self.close_to(self.stack[-1].tag)
        self.flush()


def _clean(text: str) -> str:
    """Collapse HTML white space, keeping the line breaks that `<br>` and inner blocks made."""
    lines = (_SPACE.sub(" ", line).strip() for line in text.replace("\xa0", " ").split("\n"))
    return "\n".join(line for line in lines if line)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value else default
    except ValueError:
        return default


def _list_label(number: int, style: str) -> str:
    """The label an `<ol>` item shows: "3.", "c.", "C.", "iii." or "III."."""
    if style in ("a", "A") and 1 <= number <= 26:
        letter = chr(ord("a") + number - 1)
        return f"{letter.upper() if style == 'A' else letter}."
    if style in ("i", "I") and 1 <= number < 40:
        roman = _roman(number)
        return f"{roman.upper() if style == 'I' else roman}."
    return f"{number}."


def _roman(number: int) -> str:
    digits = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = []
    for value, letters in digits:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)
