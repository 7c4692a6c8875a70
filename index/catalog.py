"""Every block's filter and facet values, as compact arrays read from the store.

Filters and facet counts must apply to lexical and semantic hits alike, and semantic hits come
from vectors, not from Whoosh. So both use one table in memory: row i is one block, and each
facet is an integer code per row (-1: none). Counting and filtering are then numpy operations,
fast at 100,000 blocks, and facets count documents, not blocks, which is what a delegate means
by "3 reports from Ryazan".
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from corpus.blocks import BlockRow
from corpus.model import UNDETERMINED
from corpus.store import Store

#: facet name -> what it is read from (document kind, block language, ...).
FACETS = ("kind", "language", "city", "session", "year")
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?|^(\d{1,2})\.(\d{1,2})\.(\d{4})")


@dataclass
class DocumentInfo:
    """What a hit shows about its document."""

    id: str
    source_name: str
    title: str | None
    kind: str
    city: str | None
    session: str | None
    date: str | None
    language: str


@dataclass
class Column:
    """One facet: its distinct values and each row's value code (-1: none)."""

    values: list[str]
    codes: np.ndarray

    def code(self, value: str) -> int | None:
        folded = value.casefold()
        return next((i for i, v in enumerate(self.values) if v.casefold() == folded), None)


@dataclass
class Catalog:
    block_ids: list[str]
    doc_rows: np.ndarray  # row -> index into documents
    documents: list[DocumentInfo]
    columns: dict[str, Column]
    dates: np.ndarray  # row -> yyyymmdd, 0 when unknown
    entity_values: list[str] = field(default_factory=list)
    entity_rows: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))
    entity_codes: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))
    #: entity key -> its name as written most often (a person's key is folded for matching)
    entity_names: dict[str, str] = field(default_factory=dict)
    #: row -> words in the block's text
    words: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))

    def __post_init__(self) -> None:
        self.row_of = {block_id: row for row, block_id in enumerate(self.block_ids)}

    def __len__(self) -> int:
        return len(self.block_ids)

    def document(self, row: int) -> DocumentInfo:
        return self.documents[int(self.doc_rows[row])]


def date_number(value: str | None, end: bool = False, strict: bool = False) -> int:
    """An ISO or dd.mm.yyyy date (or a bare year or year-month) as yyyymmdd; 0 if none.
    `end` fills a missing month or day with the last one, for the upper end of a range.
    `strict` (a date the user typed) takes only the whole value, and only a real date: not
    2024-13-45."""
    text = (value or "").strip()
    match = _DATE.match(text)
    if not match or (strict and match.end() != len(text)):
        return 0
    if match.group(1):
        year, month, day = match.group(1), match.group(2), match.group(3)
    else:
        day, month, year = match.group(4), match.group(5), match.group(6)
    if strict and not _real_date(int(year), int(month or 1), int(day or 1)):
        return 0
    month_n = int(month) if month else (12 if end else 1)
    day_n = int(day) if day else (31 if end else 1)
    return int(year) * 10000 + month_n * 100 + day_n


def _real_date(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def load_catalog(store: Store) -> Catalog:
    """Read every block's document fields and entity keys from the store."""
    rows = store.blocks.with_documents()
    documents: dict[str, int] = {}
    infos: list[DocumentInfo] = []
    doc_rows = np.zeros(len(rows), np.int32)
    raw: dict[str, list[str | None]] = {name: [] for name in FACETS}
    dates = np.zeros(len(rows), np.int32)
    for i, r in enumerate(rows):
        if r.document_id not in documents:
            documents[r.document_id] = len(infos)
            infos.append(
                DocumentInfo(
                    r.document_id,
                    r.source_name,
                    r.title,
                    r.kind,
                    r.city,
                    r.session,
                    r.date,
                    r.document_language,
                )
            )
        doc_rows[i] = documents[r.document_id]
        for name, value in _facet_values(r).items():
            raw[name].append(value)
        dates[i] = date_number(r.date)
    catalog = Catalog(
        [r.block_id for r in rows],
        doc_rows,
        infos,
        {name: _column(values) for name, values in raw.items()},
        dates,
    )
    catalog.words = np.array([r.words for r in rows], np.int32)
    _load_entities(store, catalog)
    return catalog


def _facet_values(r: BlockRow) -> dict[str, str | None]:
    language = r.block_language
    if not language or language == UNDETERMINED:
        language = r.document_language
    number = date_number(r.date or "")
    return {
        "kind": r.kind,
        "language": language,
        "city": r.city,
        "session": r.session,
        "year": str(number // 10000) if number else None,
    }


def _column(values: list[str | None]) -> Column:
    distinct = sorted({v for v in values if v})
    code_of = {v: i for i, v in enumerate(distinct)}
    codes = np.fromiter((code_of[v] if v else -1 for v in values), np.int32, len(values))
    return Column(distinct, codes)


def _load_entities(store: Store, catalog: Catalog) -> None:
    row_of = catalog.row_of
    known = [(row_of[block], key) for block, key in store.entities.block_keys()
             if block in row_of and key]
    catalog.entity_values = sorted({key for _, key in known})
    catalog.entity_names = store.entities.key_names()
    code_of = {v: i for i, v in enumerate(catalog.entity_values)}
    catalog.entity_rows = np.array([row for row, _ in known], np.int32)
    catalog.entity_codes = np.array([code_of[key] for _, key in known], np.int32)


def store_signature(store: Store) -> tuple[Any, ...]:
    """Changes whenever a document is saved or rows are added (see `Store.signature`)."""
    return store.signature()
