"""Markdown as a format of its own: meeting notes, READMEs and reports kept as `.md`.

The file is decoded like any text (`pipeline.parse.text.encoding`: UTF-8, or a legacy Cyrillic
code page), a YAML front matter block (`---` … `---`) is read into `properties["front_matter"]`
(its `title` becomes the document's title), and the rest goes through markdown-it-py's
CommonMark parser with tables, whose tokens `blocks.add_markdown_blocks` turns into blocks:
a heading keeps its level, a list item its depth and marker (a line wrapped inside an item stays
one item), a table its cells, and a link its text (the targets are kept in `properties["links"]`).

The plain-text parser also accepts `.md`; this one is declared after it, so it wins the tie.
"""

from __future__ import annotations

import re
from pathlib import Path

from corpus.errors import InputError
from corpus.model import Document
from pipeline.parse.base import Parser, Source
from pipeline.parse.markdown.blocks import add_markdown_blocks
from pipeline.parse.text.encoding import decode_text

MEDIA_TYPE = "text/markdown"
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*?)\s*$")


class MarkdownParser(Parser):
    """Markdown (.md, .markdown) by extension or declared media type."""

    name = "markdown"
    media_types = (MEDIA_TYPE, "text/x-markdown")
    extensions = (".md", ".markdown", ".mdown", ".mkd")

    def parse(self, source: Source) -> Document:
        try:
            data = Path(source.path).read_bytes()
        except OSError as err:
            raise InputError(f"cannot be read: {err.strerror or err}") from err
        decoded = decode_text(data)
        document = source.new_document(MEDIA_TYPE)
        document.properties["encoding"] = decoded.encoding
        text = decoded.text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
        fields, text = front_matter(text)
        if fields:
            document.properties["front_matter"] = fields
        title = add_markdown_blocks(document, text)
        document.title = fields.get("title") or title
        if not document.blocks:
            document.note_problem("no text found")
        return document


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """The `key: value` fields of a leading front matter block, and the text after it."""
    found = _FRONT_MATTER.match(text)
    if not found:
        return {}, text
    fields = {}
    for line in found.group("body").splitlines():
        field = _FIELD.match(line)
        if field:
            fields[field.group("key").lower()] = field.group("value").strip("\"'")
    return fields, text[found.end():]
