"""Parsers, one per format, chosen by score: magic bytes, then media type, then extension.

A new format is one module and one line in `PARSERS`.
"""

from __future__ import annotations

from corpus.errors import InputError
from corpus.model import Document
from pipeline.parse.base import Parser, Source
from pipeline.parse.docx.parser import DocxParser
from pipeline.parse.image.parser import ImageParser
from pipeline.parse.office.legacy import LegacyOfficeParser
from pipeline.parse.office.ole import OleParser
from pipeline.parse.pdf.parser import PdfParser
from pipeline.parse.text.parser import HtmlParser, TextParser

PARSERS: list[Parser] = [
    DocxParser(),
    LegacyOfficeParser(),
    OleParser(),
    PdfParser(),
    ImageParser(),
    HtmlParser(),
    TextParser(),
]


def choose_parser(source: Source) -> Parser:
    """The parser with the highest score for this file, or `InputError` if none wants it."""
    if source.path.is_dir():
        raise InputError("is a folder, not a file")
    try:
        head = source.head()
    except OSError as err:
        raise InputError(f"cannot be read: {err.strerror or err}") from err
    if not head:
        raise InputError("empty file (0 bytes)")
    scored = sorted(((p.score(source, head), i, p) for i, p in enumerate(PARSERS)), reverse=True)
    best_score, _, best = scored[0]
    if best_score <= 0:
        raise InputError(f"unsupported format ({source.path.suffix or 'no extension'})")
    return best


def parse(source: Source) -> Document:
    """Parse one file with the best parser for it."""
    return choose_parser(source).parse(source)


__all__ = ["PARSERS", "Parser", "Source", "choose_parser", "parse"]
