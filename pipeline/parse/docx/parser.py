"""The DOCX parser: every piece of text Word shows, as blocks in reading order.

Order of the blocks: the body (paragraphs, headings, list items, table cells, text boxes, in
document order), then headers, footers, footnotes, endnotes and comments. See `body` for
how body blocks are classified and numbered, `text` for what counts as visible text,
`notes` for the parts outside the body and `zipguard` for the checks made before any part
is decompressed.

The document's title comes from the core properties, or else from the first heading. A
document with no text at all is returned with the problem "no text found".
"""

from __future__ import annotations

import io
import zipfile

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part

from corpus.errors import InputError
from corpus.model import Document
from pipeline.parse import registry
from pipeline.parse.base import DOCX_MEDIA_TYPE, OLE_MAGIC, ZIP_MAGIC, Parser, Source
from pipeline.parse.docx.body import BodyWalker
from pipeline.parse.docx.notes import add_headers_footers, add_notes, part_root, related_parts
from pipeline.parse.docx.numbering import ListNumbering
from pipeline.parse.docx.package import main_part, open_package, set_core_properties
from pipeline.parse.docx.styles import Styles
from pipeline.parse.docx.xml import Element, w
from pipeline.parse.support.zipguard import ZIP_ERRORS, ZipLimits

#: media type of the file, by the content type of its main part (macro-enabled, templates).
_MEDIA_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": (
        DOCX_MEDIA_TYPE
    ),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template"
    ),
    "application/vnd.ms-word.document.macroEnabled.main+xml": (
        "application/vnd.ms-word.document.macroEnabled.12"
    ),
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": (
        "application/vnd.ms-word.template.macroEnabled.12"
    ),
}
#: extra score for a zip that holds a Word main document; a weaker hint when only the name
#: or the first local header suggests Word (a truncated DOCX should still come to us).
DOCUMENT_PART_SCORE = 20
HINT_SCORE = 5


class DocxParser(Parser):
    """Word 2007+ documents (.docx, also .docm and templates), Strict Open XML included."""

    name = "docx"
    media_types = tuple(_MEDIA_TYPES.values())
    extensions = (".docx", ".docm", ".dotx", ".dotm")
    magic = (ZIP_MAGIC,)
    reads_memory = True

    def refine(self, source: Source, head: bytes) -> int:
        """Among zip formats, prefer the one whose archive holds word/document.xml."""
        try:
            with source.open() as stream, zipfile.ZipFile(stream) as archive:
                if "word/document.xml" in archive.NameToInfo:
                    return DOCUMENT_PART_SCORE
        except ZIP_ERRORS:
            pass
        if b"word/" in head or source.path.suffix.lower() in self.extensions:
            return HINT_SCORE
        return 0

    def parse(self, source: Source) -> Document:
        """Parse the file, or its bytes held in memory (a decrypted package); an OLE2 file named
        .docx (an encrypted DOCX) is handed to the registry."""
        if source.head().startswith(OLE_MAGIC):
            return registry.delegate(source, source.content, by=self)
        file = str(source.path) if source.data is None else io.BytesIO(source.data)
        package = open_package(file, ZipLimits.from_options(source.options))
        main = main_part(package)
        content_type = main.content_type or ""  # None when [Content_Types].xml names none
        if not any(word in content_type for word in ("wordprocessingml", "ms-word")):
            raise InputError(f"not a Word document (its main part is {content_type or 'untyped'})")
        document = source.new_document(_MEDIA_TYPES.get(main.content_type, DOCX_MEDIA_TYPE))
        read_main_part(document, main)
        set_core_properties(document, package)
        finish_metadata(document)
        return document


def read_main_part(document: Document, main: Part) -> None:
    """Add the blocks of the body, then headers, footers, notes and comments."""
    body = part_root(main).find(w("body"))
    if body is None:
        raise InputError("corrupt DOCX: the main document has no body")
    styles = Styles(_first_root(main, RT.STYLES))
    numbering = ListNumbering(_first_root(main, RT.NUMBERING))
    walker = BodyWalker(document, styles, numbering)
    walker.walk(body)
    add_headers_footers(document, main, body, walker.label)
    add_notes(document, main, walker.label)


def _first_root(main: Part, reltype: str) -> Element | None:
    parts = related_parts(main, reltype)
    return part_root(parts[0]) if parts else None


def finish_metadata(document: Document) -> None:
    """Fall back to the first heading for the title; an empty document is a finding."""
    if not document.blocks:
        document.note_problem("no text found")
    if document.title is None:
        heading = next((b for b in document.blocks if b.kind == "heading"), None)
        if heading is not None:
            document.title = " ".join(heading.text.split())
