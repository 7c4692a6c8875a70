"""Plain-text, Markdown, CSV and HTML files: decode them right, then find their blocks.

Decoding is the hard part for this archive (cp1251, KOI8-R and cp866 files next to UTF-8) and
lives in `pipeline.parse.text.encoding`; the codec used is recorded in `properties["encoding"]`.

Plain-text layout rules, kept deliberately simple:

- blank lines (and form feeds) separate paragraphs; the lines of one paragraph are joined with a
  space, each stripped;
- inside a run of lines a new paragraph also starts where the previous line ends a sentence
  (. ! ? …, maybe followed by a closing quote or bracket) and the next line starts with a
  capital letter, where a line is indented after a line that was not (the "red line" of typed
  Russian texts), and where a line starts with a list marker;
- a line starting with a bullet (- * • – —) or a number ("1.", "2)", "1.2.") is a list item;
  the marker goes to `list_label` ("•" for bullets) and not into the text;
- a line standing alone, at most 100 characters, not ending in punctuation, that is in capitals
  ("ПОВЕСТКА ДНЯ") or numbered with a capitalised title ("2. Водоснабжение") is a heading (level
  1, or the depth of its number); in Markdown, "#" lines are headings too.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from corpus.errors import InputError
from corpus.model import Document
from pipeline.parse.base import MAGIC_SCORE, Parser, Source
from pipeline.parse.text.encoding import Decoded, declared_html_charset, decode_text
from pipeline.parse.text.html import extract_html

#: a file of no known type that decodes as text may still be read, as a last resort.
SNIFFED_TEXT_SCORE = 1
HEADING_MAX_CHARS = 100

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_BLANK = re.compile(r"\n[ \t\u00a0]*(?:\n[ \t\u00a0]*)+|\f")
_SENTENCE_END = re.compile(r"[.!?…][»\"'”)\]]*$")
_CAPITALISED = re.compile(r"^[«\"'“(\[—–-]*\s*[^\W\d_]")
_BULLET = re.compile(r"^([-*•–—])\s+(?=\S)")
_NUMBER = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*[.)]|\d{1,3}(?:\.\d{1,3})+)\s+(?=\S)")
_END_PUNCTUATION = ".,;:!?…"
_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])",
    re.IGNORECASE | re.DOTALL,
)


class TextParser(Parser):
    """Plain text (.txt, .text), Markdown (.md) and CSV (.csv, read as one table)."""

    name = "text"
    media_types = ("text/plain", "text/markdown", "text/x-markdown", "text/csv")
    extensions = (".txt", ".text", ".md", ".markdown", ".csv")

    def score(self, source: Source, head: bytes) -> int:
        found = super().score(source, head)
        if found or b"\x00" in head:
            return found
        return SNIFFED_TEXT_SCORE if _is_utf8_head(head) else 0

    def parse(self, source: Source) -> Document:
        media_type = _media_type(source, self.media_types)
        decoded = decode_text(_read(source))
        document = _new_document(source, media_type, decoded)
        text = _normalise(decoded.text)
        if media_type == "text/csv":
            add_csv_blocks(document, text)
        else:
            add_text_blocks(document, text, markdown=media_type != "text/plain")
        if not document.blocks:
            document.note_problem("no text found")
        return document


class HtmlParser(Parser):
    """HTML pages, recognised by their start (`<!DOCTYPE html`, `<html`) whatever their name."""

    name = "html"
    media_types = ("text/html", "application/xhtml+xml")
    extensions = (".html", ".htm", ".xhtml")

    def score(self, source: Source, head: bytes) -> int:
        """`magic` is a prefix test, but pages start with white space, a BOM or a comment."""
        if _HTML_START.search(_ascii_head(head)):
            return MAGIC_SCORE
        return super().score(source, head)

    def parse(self, source: Source) -> Document:
        data = _read(source)
        decoded = decode_text(data, declared_html_charset(data[:8192]))
        document = _new_document(source, "text/html", decoded)
        content = extract_html(decoded.text)
        document.title = content.title
        if content.language:
            document.properties["html_lang"] = content.language
        for number, block in enumerate(content.blocks, start=1):
            document.add_block(
                block.kind,
                block.text,
                paragraph=number,
                level=block.level,
                table=block.table,
                row=block.row,
                col=block.col,
                list_label=block.list_label,
            )
        if not document.blocks:
            document.note_problem("no text found")
        return document


def add_text_blocks(document: Document, text: str, *, markdown: bool = False) -> None:
    """Append the paragraphs, list items and headings of a plain text, in order."""
    for chunk in _BLANK.split(text):
        lines = [line for line in chunk.split("\n") if line.strip()]
        for group in _paragraph_lines(lines, markdown) if lines else []:
            _add_group(document, group, alone=len(lines) == 1, markdown=markdown)


def add_csv_blocks(document: Document, text: str) -> None:
    """A CSV file is one table; the delimiter (comma, semicolon, tab) is sniffed."""
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], ",;\t")
    except csv.Error:
        dialect = csv.excel
    for row, cells in enumerate(csv.reader(text.splitlines(), dialect)):
        for col, cell in enumerate(cells):
            if cell.strip():
                document.add_block(
                    "table_cell",
                    cell.strip(),
                    table=0,
                    row=row,
                    col=col,
                    paragraph=len(document.blocks) + 1,
                )


def _paragraph_lines(lines: list[str], markdown: bool) -> list[list[str]]:
    """Split a run of non-blank lines into paragraphs (see the module's rules)."""
    groups = [[lines[0]]]
    for previous, line in zip(lines, lines[1:], strict=False):
        if _starts_paragraph(previous, line, markdown):
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def _starts_paragraph(previous: str, line: str, markdown: bool) -> bool:
    stripped = line.strip()
    if _BULLET.match(stripped) or _NUMBER.match(stripped):
        return True
    if _indent(line) and not _indent(previous):
        return True
    if _in_capitals(previous.strip()) or _in_capitals(stripped):
        return True
    if markdown and (_MARKDOWN_HEADING.match(stripped) or _MARKDOWN_HEADING.match(previous)):
        return True
    return bool(_SENTENCE_END.search(previous.rstrip()) and _CAPITALISED.match(stripped))


def _indent(line: str) -> bool:
    return line.startswith(("\t", "  ", "\u3000"))


def _add_group(document: Document, lines: list[str], *, alone: bool, markdown: bool) -> None:
    """Add one paragraph's lines as a heading, a list item or a paragraph."""
    text = " ".join(line.strip() for line in lines)
    number = len(document.blocks) + 1
    heading = _MARKDOWN_HEADING.match(text) if markdown and len(lines) == 1 else None
    if heading:
        depth = len(heading.group(1))
        document.add_block("heading", heading.group(2), level=depth, paragraph=number)
        return
    level = _heading_level(text, numbered=alone) if len(lines) == 1 else None
    if level is not None:
        document.add_block("heading", text, level=level, paragraph=number)
        return
    marker = _BULLET.match(text) or _NUMBER.match(text)
    if marker:
        label = marker.group(1) if marker.re is _NUMBER else "•"
        document.add_block("list_item", text[marker.end() :], list_label=label, paragraph=number)
    else:
        document.add_block("paragraph", text, paragraph=number)


def _heading_level(line: str, *, numbered: bool) -> int | None:
    """1 for a short line in capitals, the number's depth for a lone "1.2. Title", else None.

    A numbered line is a heading only when it stands alone; among others it is a list item.
    """
    match = _NUMBER.match(line)
    if _BULLET.match(line) or (match and not numbered):
        return None
    depth = len([part for part in re.split(r"[.)]", match.group(1)) if part]) if match else 1
    if _in_capitals(line):
        return depth
    if not match or len(line) > HEADING_MAX_CHARS or line[-1] in _END_PUNCTUATION:
        return None
    return depth if line[match.end()].isupper() else None


def _in_capitals(line: str) -> bool:
    """A short line in capitals that does not end in punctuation: "ПОВЕСТКА ДНЯ"."""
    if len(line) > HEADING_MAX_CHARS or not line or line[-1] in _END_PUNCTUATION:
        return False
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 2 and not any(ch.islower() for ch in letters)


def _normalise(text: str) -> str:
    """One newline convention, no BOM, no control characters (tabs and form feeds stay)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return _CONTROL.sub("", text)


def _read(source: Source) -> bytes:
    try:
        return Path(source.path).read_bytes()
    except OSError as err:
        raise InputError(f"cannot be read: {err.strerror or err}") from err


def _new_document(source: Source, media_type: str, decoded: Decoded) -> Document:
    document = source.new_document(media_type)
    document.properties["encoding"] = decoded.encoding
    return document


def _media_type(source: Source, known: tuple[str, ...]) -> str:
    """The declared media type if it is one of ours, else the one the extension implies."""
    if source.media_type in known:
        return "text/markdown" if source.media_type == "text/x-markdown" else source.media_type
    suffix = source.path.suffix.lower()
    return {".csv": "text/csv", ".md": "text/markdown", ".markdown": "text/markdown"}.get(
        suffix, "text/plain"
    )


def _ascii_head(head: bytes) -> bytes:
    """The head with UTF-16 or UTF-8 BOMs undone, good enough to look for `<html`."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16-le" if head.startswith(b"\xff\xfe") else "utf-16-be"
        return head[2:1026].decode(codec, errors="ignore").encode("ascii", errors="ignore")
    return head.removeprefix(b"\xef\xbb\xbf")[:1024]


def _is_utf8_head(head: bytes) -> bool:
    """Valid UTF-8, allowing a character cut at the end of the head."""
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as err:
        return err.start >= len(head) - 3 and err.reason == "unexpected end of data"
    return True
