"""markdown-it-py tokens to blocks, in reading order.

- a heading is a `heading` block with its level (# is 1);
- the first paragraph of a list item is a `list_item` block: `level` is the list's depth (1
  for a top-level list), `list_label` "•" for a bullet or "3." for an ordered item; a line
  wrapped inside an item is joined with a space, so it stays one item; later paragraphs of the
  item are paragraphs;
- a table's cells are `table_cell` blocks with their table, row and column;
- paragraphs, block quotes and code are `paragraph` blocks; HTML is read for its text;
- inline: emphasis and code lose their marks, a link keeps its text (an autolink its address)
  and its target goes to `properties["links"]` with the block it sits in, an image its alt text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt

from corpus.model import Document

_TAG = re.compile(r"<[^>]+>")
#: markdown-it stops at lists and quotes nested deeper than this (a guard against pathological
#: files; what lies deeper is not read).
MAX_NESTING = 100


@dataclass
class _State:
    """Where the walk over the tokens is."""

    lists: list[list[Any]] = field(default_factory=list)  # [ordered, next number]
    item_open: bool = False
    table: int = -1
    row: int = -1
    col: int = -1
    in_cell: bool = False
    title: str | None = None


def add_markdown_blocks(document: Document, text: str) -> str | None:
    """Append the blocks of a Markdown text; returns the first top-level heading (the title)."""
    tokens = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table").parse(text)
    state = _State()
    heading_level: int | None = None
    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            state.lists.append([kind == "ordered_list_open", int(token.attrGet("start") or 1)])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            state.lists.pop()
        elif kind == "list_item_open":
            state.item_open = True
        elif kind == "heading_open":
            heading_level = int(token.tag[1])
        elif kind == "table_open":
            state.table += 1
            state.row = -1
        elif kind == "tr_open":
            state.row += 1
            state.col = -1
        elif kind in ("th_open", "td_open"):
            state.col += 1
            state.in_cell = True
        elif kind in ("th_close", "td_close"):
            state.in_cell = False
        elif kind == "inline":
            _inline(document, token, state, heading_level)
            heading_level = None
        elif kind in ("fence", "code_block"):
            _add(document, "paragraph", token.content.strip(), [])
        elif kind == "html_block":
            _add(document, "paragraph", " ".join(_TAG.sub(" ", token.content).split()), [])
    return state.title


def _inline(document: Document, token: Any, state: _State, heading: int | None) -> None:
    text, links = inline_text(token.children or [])
    if heading is not None:
        block = _add(document, "heading", text, links, level=heading)
        if heading == 1 and state.title is None and block is not None:
            state.title = text
    elif state.in_cell:
        _add(document, "table_cell", text, links, table=state.table, row=state.row,
             col=state.col)
    elif state.item_open and state.lists:
        ordered, number = state.lists[-1]
        label = f"{number}." if ordered else "•"
        state.lists[-1][1] = number + 1
        state.item_open = False
        _add(document, "list_item", text, links, level=len(state.lists), list_label=label)
    else:
        _add(document, "paragraph", text, links)


def inline_text(children: list[Any]) -> tuple[str, list[tuple[str, str]]]:
    """The plain text of inline tokens and the links in it as (text, target)."""
    parts: list[str] = []
    links: list[tuple[str, str]] = []
    target: str | None = None
    start = 0
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content or "")
        elif child.type == "link_open":
            target, start = str(child.attrGet("href") or ""), len(parts)
        elif child.type == "link_close" and target is not None:
            links.append(("".join(parts[start:]).strip(), target))
            target = None
        elif child.type == "html_inline" and child.content.lower().startswith("<br"):
            parts.append("\n")
    return "\n".join(" ".join(line.split()) for line in "".join(parts).split("\n")), links


def _add(document: Document, kind: str, text: str, links: list[tuple[str, str]],
         **fields: Any) -> Any:
    if not text.strip():
        return None
    block = document.add_block(kind, text.strip(), paragraph=len(document.blocks) + 1, **fields)
    if links:
        document.properties.setdefault("links", []).extend(
            {"text": label, "url": url, "block": block.id} for label, url in links)
    return block
