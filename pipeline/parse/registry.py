"""The parser registry: the declared parsers, the one that reads a file, and delegation.

Parsers are declared by name ("module:Class") and loaded with importlib on first use, so
importing the registry costs nothing and imports no parser. That is also what lets a parser
import the registry: a parser that finds bytes of another format inside its file (a Word binary
in an OLE2 container, a decrypted package, LibreOffice's DOCX of an .rtf) hands them to
`delegate`, which asks the registry for their parser, as alephdata/ingest-file's
`Manager.delegate` does. No parser imports another.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Sequence
from pathlib import Path

from corpus.errors import InputError
from corpus.model import Document
from pipeline.parse.base import Parser, Source

#: every format's parser; a new format is one module and one line here.
DECLARED: tuple[str, ...] = (
    "pipeline.parse.docx.parser:DocxParser",
    "pipeline.parse.office.legacy:LegacyOfficeParser",
    "pipeline.parse.office.ole:OleParser",
    "pipeline.parse.pdf.parser:PdfParser",
    "pipeline.parse.image.parser:ImageParser",
    "pipeline.parse.text.parser:HtmlParser",
    "pipeline.parse.text.parser:TextParser",
    "pipeline.parse.markdown.parser:MarkdownParser",
)
#: the parsers in use: the declared ones (loaded by `parsers()`), then any a caller appends.
PARSERS: list[Parser] = []
_loading = threading.Lock()
_loaded = False


def parsers() -> list[Parser]:
    """`PARSERS`, with the declared parsers loaded in front on first use."""
    global _loaded
    with _loading:
        if not _loaded:
            PARSERS[0:0] = _load_declared()
            _loaded = True
    return PARSERS


def _load_declared() -> list[Parser]:
    """An instance of each declared parser; two parsers of the same name are our defect."""
    loaded: list[Parser] = []
    for spec in DECLARED:
        module, _, name = spec.partition(":")
        parser = getattr(importlib.import_module(module), name)()
        if any(p.name == parser.name for p in loaded):
            raise ValueError(f"two parsers are named {parser.name!r}")
        loaded.append(parser)
    return loaded


def choose_parser(source: Source) -> Parser:
    """The parser with the highest score for this file, or `InputError` if none wants it."""
    if source.data is None and source.path.is_dir():
        raise InputError("is a folder, not a file")
    try:
        head = source.head()
    except OSError as err:
        raise InputError(f"cannot be read: {err.strerror or err}") from err
    if not head:
        raise InputError("empty file (0 bytes)")
    return _best(source, head, parsers(), wanted=True)


def _best(source: Source, head: bytes, candidates: Sequence[Parser], wanted: bool) -> Parser:
    """The parser with the highest score (among equal scores, the one listed last); when
    `wanted`, a best score of 0 is an `InputError`: no parser reads the file."""
    scored = sorted(((p.score(source, head), i, p) for i, p in enumerate(candidates)),
                    reverse=True)
    if not scored or (wanted and scored[0][0] <= 0):
        raise InputError(f"unsupported format ({source.path.suffix or 'no extension'})")
    return scored[0][2]


def parse(source: Source) -> Document:
    """Parse one file with the best parser for it."""
    return choose_parser(source).parse(source)


def delegate(source: Source, found: Path | bytes, *, media_type: str | None = None,
             by: Parser | None = None) -> Document:
    """Parse a file found inside `source` (a path, or bytes held only in memory) on its behalf.

    `by`, the parser handing the file on, is never chosen: it already said it does not read it.
    A `media_type` the container vouches for (a decrypted OOXML package is a DOCX; LibreOffice
    was asked for a DOCX) picks among the parsers that declare it, whatever their score;
    without one the file is scored like any other. Bytes go only to parsers that read memory.
    """
    inner = source.inner(found, media_type)
    candidates = [p for p in parsers() if p.name != (by.name if by else None)
                  and (inner.data is None or p.reads_memory)]
    if media_type is None:
        return _best(inner, inner.head(), candidates, wanted=True).parse(inner)
    vouched = [p for p in candidates if media_type in p.media_types]
    if not vouched:
        raise InputError(f"unsupported format ({media_type})")
    return _best(inner, inner.head(), vouched, wanted=False).parse(inner)
