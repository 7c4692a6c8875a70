"""OLE2 compound files: encrypted Office documents and legacy Word, Excel and PowerPoint.

Two very different things share the OLE2 magic bytes. A password-protected DOCX is an OLE2
container holding an `EncryptionInfo` stream and the encrypted zip; with the password (and the
optional msoffcrypto-tool package) we decrypt it in memory and read it as a DOCX, without one
we say a password is needed. A legacy binary Word file (.doc) has a `WordDocument` stream; it
is handed back to the registry as Word (LibreOffice converts it, our DOCX parser reads it).
The registry already sends such files there; this covers a caller that asks this parser
directly. The decrypted package goes to the registry too, as a DOCX held in memory.
"""

from __future__ import annotations

import io
from typing import IO

import olefile

from corpus.errors import InputError
from corpus.model import Document
from pipeline.parse import registry
from pipeline.parse.base import DOCX_MEDIA_TYPE, OLE_MAGIC, Parser, Source

#: a legacy Word file (one with a `WordDocument` stream), which LibreOffice converts.
WORD_MEDIA_TYPE = "application/msword"
ENCRYPTED = "encrypted: password required"
#: streams that tell the other legacy Office formats apart, with what to say about them.
_OTHER_FORMATS = (
    ("Workbook", "legacy Excel .xls format is not supported"),
    ("Book", "legacy Excel .xls format is not supported"),
    ("PowerPoint Document", "legacy PowerPoint .ppt format is not supported"),
)


class OleParser(Parser):
    """OLE2 compound files: decrypts protected DOCX, explains what else it cannot read."""

    name = "ole"
    media_types = (WORD_MEDIA_TYPE, "application/x-ole-storage", "application/x-cfb")
    extensions = (".doc", ".dot")
    magic = (OLE_MAGIC,)
    reads_memory = True

    def parse(self, source: Source) -> Document:
        """A decrypted DOCX's document, or `InputError` saying why this file cannot be read."""
        streams = _stream_names(source)
        if "encryptioninfo" in streams and "encryptedpackage" in streams:
            if not source.password:
                raise InputError(ENCRYPTED)
            return registry.delegate(source, _decrypted(source), media_type=DOCX_MEDIA_TYPE,
                                     by=self)
        if "worddocument" in streams:
            return registry.delegate(source, source.content, media_type=WORD_MEDIA_TYPE, by=self)
        for stream, reason in _OTHER_FORMATS:
            if stream.lower() in streams:
                raise InputError(reason)
        raise InputError("unsupported OLE2 compound file (not a Word document)")


def _stream_names(source: Source) -> set[str]:
    """The lower-cased names of the top-level streams of the compound file."""
    try:
        with source.open() as stream, olefile.OleFileIO(stream) as ole:
            return {entry[0].lower() for entry in ole.listdir(streams=True, storages=True)}
    except (OSError, ValueError, IndexError, KeyError, TypeError) as err:
        raise InputError(f"corrupt OLE2 file: {err}") from err


def _decrypted(source: Source) -> bytes:
    """The agile/standard-encrypted OOXML package, decrypted in memory."""
    with source.open() as handle:
        return decrypt(handle, source.password or "").getvalue()


def decrypt(handle: IO[bytes], password: str) -> io.BytesIO:
    """The decrypted zip of an encrypted OOXML file, or `InputError` (wrong password...)."""
    try:
        import msoffcrypto
        from msoffcrypto.exceptions import DecryptionError, FileFormatError, InvalidKeyError
    except ImportError as err:
        raise InputError(
            "encrypted: decrypting with a password needs the msoffcrypto-tool package"
        ) from err
    plain = io.BytesIO()
    try:
        office = msoffcrypto.OfficeFile(handle)
        office.load_key(password=password, verify_password=True)
        office.decrypt(plain)
    except InvalidKeyError as err:
        raise InputError("encrypted: wrong password") from err
    except (DecryptionError, FileFormatError, OSError, ValueError, KeyError) as err:
        raise InputError(f"encrypted: cannot decrypt ({err})") from err
    plain.seek(0)
    return plain
