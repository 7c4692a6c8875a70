"""What every parser shares: the source it reads and the contract it keeps.

One parser per format (as alephdata/ingest-file does it): a parser says which media types,
extensions and magic bytes it takes, `score()` rates a file, and the registry picks the
highest score. `parse()` returns a `Document` or raises `InputError` with a plain reason.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from corpus.model import Document

HEAD_BYTES = 8192

#: scores: magic bytes beat a declared media type, which beats a file name extension.
MAGIC_SCORE = 100
MEDIA_TYPE_SCORE = 50
EXTENSION_SCORE = 10


def sha256_file(path: Path) -> str:
    """The content hash that names a document and its kept source file."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass
class Source:
    """A file to parse, with what the caller already knows about it."""

    path: Path
    sha256: str
    name: str
    media_type: str | None = None
    password: str | None = None
    kind: str | None = None
    session: str | None = None
    options: dict[str, object] = field(default_factory=dict)

    @classmethod
    def from_path(cls, path: Path, **known: object) -> Source:
        return cls(path=path, sha256=sha256_file(path), name=path.name, **known)  # type: ignore[arg-type]

    def head(self) -> bytes:
        with open(self.path, "rb") as handle:
            return handle.read(HEAD_BYTES)

    def new_document(self, media_type: str) -> Document:
        """An empty document for this source; the parser fills in blocks and metadata."""
        return Document(
            id=self.sha256,
            source_name=self.name,
            media_type=media_type,
            kind=self.kind or "other",
            session=self.session,
        )


class Parser:
    """Base of the format parsers. Subclasses set the class attributes and `parse`."""

    name: ClassVar[str] = ""
    media_types: ClassVar[tuple[str, ...]] = ()
    extensions: ClassVar[tuple[str, ...]] = ()
    magic: ClassVar[tuple[bytes, ...]] = ()

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
