"""The Whoosh schema: one index document per block, carrying its document's fields.

Each block's text goes into the field of its language (`text_ru`, `text_uk`, `text_en`,
`text_ro`, or `text_xx` for every other language), and each stored translation into the field
of the translation's language, so an English query also finds a Russian block through its
English translation. Facet fields are sortable so Whoosh keeps them as columns.

`SCHEMA_VERSION` is written beside the index; a different version means "rebuild", since
Whoosh cannot migrate a schema in place.
"""

from __future__ import annotations

from typing import Any

from index._whoosh import fields
from index.analysis import FIELD_LANGUAGES, OTHER, analyzer_for

SCHEMA_VERSION = "1"
TEXT_LANGUAGES = (*FIELD_LANGUAGES, OTHER)


def text_field(language: str) -> str:
    """The text field of a field language (see `index.analysis.field_language`)."""
    return f"text_{language}"


def build_schema() -> Any:
    """A fresh schema object (Whoosh schemas are mutable, so never share one)."""
    text_fields = {
        text_field(lang): fields.TEXT(
            analyzer=analyzer_for(lang), phrase=True, stored=False, multitoken_query="phrase"
        )
        for lang in TEXT_LANGUAGES
    }
    return fields.Schema(
        block_id=fields.ID(stored=True, unique=True, sortable=True),
        doc_id=fields.ID(stored=True, sortable=True),
        source_name=fields.STORED(),
        title=fields.STORED(),
        doc_kind=fields.ID(stored=True, sortable=True),
        session=fields.ID(stored=True, sortable=True),
        city=fields.ID(stored=True, sortable=True),
        date=fields.ID(stored=True, sortable=True),
        year=fields.ID(stored=True, sortable=True),
        language=fields.ID(stored=True, sortable=True),
        block_kind=fields.ID(stored=True),
        order=fields.STORED(),
        page=fields.STORED(),
        paragraph=fields.STORED(),
        entity=fields.KEYWORD(stored=True, commas=True, lowercase=False, scorable=False),
        text=fields.STORED(),
        **text_fields,
    )
