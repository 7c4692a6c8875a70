"""Older word-processor formats (.doc, .rtf, .odt): LibreOffice converts, the DOCX parser reads.

The real format comes from the bytes, never the name, because the secretariat's files lie:
RTF saved as .doc, ODT renamed .doc, DOCX renamed .doc. `sniff` recognises

- RTF by `{\\rtf` (after an optional byte-order mark or blank),
- ODT by its zip's `mimetype` member (application/vnd.oasis.opendocument.text),
- binary Word by an OLE2 file holding a `WordDocument` stream and no `EncryptionInfo`.

Scoring against `OleParser` (same OLE2 magic bytes): we score higher for a Word binary and
do not bid for an encrypted OOXML file (an OLE2 with `EncryptionInfo`), which stays
`OleParser`'s. A zip that is not an ODT text is left to the DOCX parser.

The DOCX LibreOffice writes is handed to the registry, which reads it with the DOCX parser.
The document keeps its own id (the original file's hash), name and media type; the DOCX is a
stepping stone, named in `properties["converted_from"]`.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import olefile

from corpus.errors import InputError
from corpus.model import Document
from pipeline.parse import registry
from pipeline.parse.base import (
    DOCX_MEDIA_TYPE,
    MAGIC_SCORE,
    OLE_MAGIC,
    ZIP_MAGIC,
    Parser,
    Source,
)
from pipeline.parse.office.convert import converted_to_docx
from pipeline.parse.support.zipguard import ZIP_ERRORS

RTF_MAGIC = b"{\\rtf"
ODT_TYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.text-template": "odt",
}
FORMATS = {
    "rtf": ("application/rtf", ".rtf"),
    "odt": ("application/vnd.oasis.opendocument.text", ".odt"),
    "doc": ("application/msword", ".doc"),
}
#: above the DOCX parser's best zip score (magic + 20) and `OleParser`'s plain magic score.
SNIFFED_SCORE = 30
#: the `fEncrypted` bit of the Word binary's FIB flags (offset 10 of the WordDocument stream).
_FIB_ENCRYPTED = 0x0100
_LEADING = b"\xef\xbb\xbf \t\r\n"


class LegacyOfficeParser(Parser):
    """.doc (Word 97-2003 and 6/95), .rtf and .odt files, through LibreOffice."""

    name = "legacy-office"
    media_types = ("application/msword", "application/rtf", "text/rtf",
                   "application/vnd.oasis.opendocument.text",
                   "application/vnd.oasis.opendocument.text-template")
    extensions = (".doc", ".dot", ".rtf", ".odt", ".ott")
    magic = (RTF_MAGIC, ZIP_MAGIC, OLE_MAGIC)

    def score(self, source: Source, head: bytes) -> int:
        """Sniffed format scores above every rival; zip or OLE2 files of other kinds get 0."""
        if sniff(source.path, head):
            return MAGIC_SCORE + SNIFFED_SCORE
        if head.startswith((ZIP_MAGIC, OLE_MAGIC)):
            return 0
        return super().score(source, head)

    def parse(self, source: Source) -> Document:
        """Convert to DOCX and parse it; `InputError` for unreadable or unknown content."""
        real = sniff(source.path, source.head())
        if real is None:
            raise InputError("not a .doc, .rtf or .odt file (its content says otherwise)")
        if real == "doc-encrypted":
            raise InputError("encrypted: password-protected .doc files cannot be converted; "
                             "remove the password in Word and save again")
        media_type, suffix = FORMATS[real]
        with converted_to_docx(source.path, suffix, source.options.convert_timeout) as docx_path:
            document = _parse_docx(docx_path, source, self)
        document.media_type = media_type
        document.properties["converted_from"] = real
        document.properties["converted_by"] = "LibreOffice"
        return document


def sniff(path: Path, head: bytes) -> str | None:
    """"rtf", "odt", "doc", "doc-encrypted", or None when the content is none of these."""
    if head.lstrip(_LEADING).startswith(RTF_MAGIC):
        return "rtf"
    if head.startswith(ZIP_MAGIC):
        return _odt_type(path, head)
    if head.startswith(OLE_MAGIC):
        return _word_binary(path)
    return None


def _odt_type(path: Path, head: bytes) -> str | None:
    """ODF puts `mimetype` first and uncompressed, so the head usually tells; else ask zip."""
    if head[30:38] == b"mimetype":
        return next((kind for mime, kind in ODT_TYPES.items() if head[38:].startswith(mime)), None)
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.NameToInfo.get("mimetype")
            if info is None or info.file_size > 200:
                return None
            return ODT_TYPES.get(archive.read(info).strip())
    except ZIP_ERRORS:
        return None


def _word_binary(path: Path) -> str | None:
    """"doc" for a Word binary, "doc-encrypted" if its FIB says so, None for other OLE2."""
    try:
        with olefile.OleFileIO(str(path)) as ole:
            if ole.exists("EncryptionInfo") or not ole.exists("WordDocument"):
                return None
            with ole.openstream("WordDocument") as stream:
                fib = stream.read(12)
    except (OSError, ValueError, IndexError, KeyError, TypeError):
        return None
    if len(fib) == 12 and int.from_bytes(fib[10:12], "little") & _FIB_ENCRYPTED:
        return "doc-encrypted"
    return "doc"


def _parse_docx(docx_path: Path, source: Source, parser: Parser) -> Document:
    """Have the registry read the converted file as a DOCX, on behalf of the original source."""
    try:
        return registry.delegate(source, docx_path, media_type=DOCX_MEDIA_TYPE, by=parser)
    except InputError as err:
        raise InputError(f"converted file unreadable: {err}") from err
