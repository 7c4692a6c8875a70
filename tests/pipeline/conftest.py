"""Fixtures shared by the language and entity tests: documents built by hand, and the stages."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from corpus.model import Document

#: a fixed document id (sha256-shaped), so block ids in expected results are stable.
DOC_ID = "ab" * 32


def make_document(*texts: str, doc_id: str = DOC_ID, name: str = "report.txt") -> Document:
    """A document with one paragraph block per text, as a parser would return it."""
    document = Document(id=doc_id, source_name=name, media_type="text/plain", kind="report")
    for number, text in enumerate(texts, start=1):
        document.add_block("paragraph", text, paragraph=number)
    return document


@pytest.fixture
def document() -> Callable[..., Document]:
    """Build a document from block texts: `document("first paragraph", "second")`."""
    return make_document
