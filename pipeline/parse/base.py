"""What every parser shares: the source it reads and the contract it keeps.

One parser per format (as alephdata/ingest-file does it): a parser says which media types,
extensions and magic bytes it takes, `score()` rates a file, and the registry picks the
highest score. `parse()` returns a `Document` or raises `InputError` with a plain reason.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, ClassVar

from corpus.model import KIND_GIVEN, Document
from pipeline.parse.options import DEFAULT_OPTIONS, ParseOptions

HEAD_BYTES = 8192

#: scores: magic bytes beat a declared media type, which beats a file name extension.
MAGIC_SCORE = 100
MEDIA_TYPE_SCORE = 50
EXTENSION_SCORE = 10

#: what several parsers recognise or hand on: the zip and OLE2 containers, and the DOCX that
#: converted and decrypted files become.
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def sha256_file(path: Path) -> str:
    """The content hash that names a document and its kept source file."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass
class Source:
    """A file to parse, with what the caller already knows about it.

    `data` holds the bytes to read when they exist only in memory (a decrypted package: never
    written to disk); `path` then names the file they were found in. Only parsers that say
    `reads_memory` are given such a source.
    """

    path: Path
    sha256: str
    name: str
    media_type: str | None = None
    password: str | None = None
    kind: str | None = None
    #: the collection label given at ingest (`--collection`)
    collection: str | None = None
    options: ParseOptions = DEFAULT_OPTIONS
    data: bytes | None = None

    @classmethod
    def from_path(cls, path: Path, **known: object) -> Source:
        return cls(path=path, sha256=sha256_file(path), name=path.name, **known)  # type: ignore[arg-type]

    @property
    def content(self) -> Path | bytes:
        """Where the bytes are: in memory, or in the file at `path`."""
        return self.path if self.data is None else self.data

    def open(self) -> IO[bytes]:
        """The bytes to read, from memory or from the file; the caller closes the stream."""
        return io.BytesIO(self.data) if self.data is not None else open(self.path, "rb")

    def head(self) -> bytes:
        with self.open() as handle:
            return handle.read(HEAD_BYTES)

    def inner(self, found: Path | bytes, media_type: str | None = None) -> Source:
        """The source for a file found inside this one (a converted copy, decrypted bytes),
        read on this source's behalf: the document keeps this source's id, name and options."""
        if isinstance(found, bytes):
            return replace(self, data=found, media_type=media_type or self.media_type)
        return replace(self, path=found, data=None, media_type=media_type or self.media_type)

    def new_document(self, media_type: str) -> Document:
        """An empty document for this source; the parser fills in blocks and metadata. A kind
        the caller gave is marked as given (`KIND_GIVEN`), so no stage changes it. A collection
        label is the document's collection and, until the minutes stage finds the meeting the
        document records, its session too (so search's `--session` finds every document of a
        label)."""
        return Document(
            id=self.sha256,
            source_name=self.name,
            media_type=media_type,
            kind=self.kind or "other",
            session=self.collection,
            collection=self.collection,
            properties={KIND_GIVEN: True} if self.kind else {},
        )


class Parser:
    """Base of the format parsers. Subclasses set the class attributes and `parse`."""

    name: ClassVar[str] = ""
    media_types: ClassVar[tuple[str, ...]] = ()
    extensions: ClassVar[tuple[str, ...]] = ()
    magic: ClassVar[tuple[bytes, ...]] = ()
    #: whether `parse` reads a source held in memory (`Source.data`), not only a file.
    reads_memory: ClassVar[bool] = False

    def score(self, source: Source, head: bytes) -> int:
        """How sure this parser is that it can read the file; 0 means not at all."""
        if any(head.startswith(m) for m in self.magic):
            return MAGIC_SCORE + self.refine(source, head)
        if source.media_type and source.media_type in self.media_types:
            return MEDIA_TYPE_SCORE
        if source.path.suffix.lower() in self.extensions:
            return EXTENSION_SCORE
        return 0

    def refine(self, source: Source, head: bytes) -> int:
        """Extra score among formats that share magic bytes (zip: DOCX, ODT...)."""
        return 0

    def parse(self, source: Source) -> Document:
        raise NotImplementedError
