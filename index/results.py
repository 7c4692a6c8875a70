"""Search results: hits grouped by document, facet counts, highlighted fragments, JSON.

The JSON form (`SearchResult.to_json`) is the stable interface of `sekretar search --json` and
of the web API; docs/search.md documents it. Add keys, never rename or remove them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from index.analysis import field_language, matching_spans
from index.catalog import FACETS, Catalog
from index.labels import PERSON
from index.query import ParsedQuery
from index.schema import text_field

FRAGMENT_CHARS = 240
TOP_ENTITIES = 10


@dataclass
class Fragment:
    """A piece of a block's text; `highlights` are [start, end) character spans in `text`."""

    text: str
    highlights: list[tuple[int, int]] = field(default_factory=list)
    language: str | None = None


@dataclass
class BlockHit:
    block_id: str
    score: float
    kind: str
    order: int
    page: int | None
    paragraph: int | None
    language: str
    fragments: list[Fragment] = field(default_factory=list)


@dataclass
class DocumentHit:
    document_id: str
    source_name: str
    title: str | None
    kind: str
    city: str | None
    session: str | None
    date: str | None
    score: float
    blocks: list[BlockHit] = field(default_factory=list)


@dataclass
class SearchResult:
    query: str
    mode: str
    language: str
    total: int = 0
    hits: list[DocumentHit] = field(default_factory=list)
    facets: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    message: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The stable JSON form (see docs/search.md)."""
        return {
            "query": self.query,
            "mode": self.mode,
            "language": self.language,
            "total": self.total,
            "message": self.message,
            "facets": self.facets,
            "hits": [_hit_json(h) for h in self.hits],
        }


def _hit_json(hit: DocumentHit) -> dict[str, Any]:
    data = asdict(hit)
    data["score"] = round(hit.score, 6)
    for block in data["blocks"]:
        block["score"] = round(block["score"], 6)
        for fragment in block["fragments"]:
            fragment["highlights"] = [list(span) for span in fragment["highlights"]]
    return data


def facet_counts(catalog: Catalog, rows: np.ndarray) -> dict[str, list[dict[str, Any]]]:
    """Per facet, how many matching documents have each value (most frequent first)."""
    rows = np.asarray(rows, np.int64)
    docs = catalog.doc_rows[rows].astype(np.int64)
    facets = {}
    for name in FACETS:
        column = catalog.columns[name]
        facets[name] = _count(docs, column.codes[rows], column.values)
    mask = np.zeros(len(catalog), bool)
    mask[rows] = True
    chosen = mask[catalog.entity_rows] if len(catalog.entity_rows) else np.zeros(0, bool)
    entity_docs = catalog.doc_rows[catalog.entity_rows[chosen]].astype(np.int64)
    entities = _count(entity_docs, catalog.entity_codes[chosen], catalog.entity_values)
    for value in entities[:TOP_ENTITIES]:
        if value["value"].startswith(PERSON) and value["value"] in catalog.entity_names:
            value["name"] = catalog.entity_names[value["value"]]
    facets["entity"] = entities[:TOP_ENTITIES]
    return facets


def _count(docs: np.ndarray, codes: np.ndarray, values: list[str]) -> list[dict[str, Any]]:
    valid = codes >= 0
    if not valid.any():
        return []
    width = max(len(values), 1)
    pairs = np.unique(docs[valid] * width + codes[valid])
    counts = np.bincount(pairs % width, minlength=width)
    order = sorted((i for i in range(width) if counts[i]), key=lambda i: (-counts[i], values[i]))
    return [{"value": values[i], "count": int(counts[i])} for i in order]


def fragments_for(
    text: str, language: str, parsed: ParsedQuery, translations: dict[str, str]
) -> list[Fragment]:
    """The best fragment of a block: around its query words in the original text, else in the
    translation that matched, else the block's beginning."""
    own = field_language(language)
    found = _fragment(text, own, parsed)
    if found is not None:
        return [found]
    for lang, translated in translations.items():
        found = _fragment(translated, field_language(lang), parsed)
        if found is not None:
            found.language = lang
            return [found]
    return [Fragment(_shorten(text, 0, FRAGMENT_CHARS))] if text else []


def _fragment(text: str, language: str, parsed: ParsedQuery) -> Fragment | None:
    name = text_field(language)
    terms = parsed.terms.get(name, set())
    prefixes = parsed.prefixes.get(name, set())
    if not text or not (terms or prefixes):
        return None
    spans = matching_spans(text, language, terms, prefixes)
    if not spans:
        return None
    start = _window_start(text, spans)
    shown = _shorten(text, start, FRAGMENT_CHARS)
    offset = start - (1 if shown.startswith("…") else 0)
    visible = len(shown.rstrip("…"))
    inside = [(a - offset, b - offset) for a, b in spans if a >= start and b - offset <= visible]
    return Fragment(shown, inside)


def _window_start(text: str, spans: list[tuple[int, int]]) -> int:
    """Start of the window holding the most matches, a little before the first of them."""
    best, best_count = spans[0][0], 0
    for a, _ in spans:
        count = sum(1 for x, _ in spans if a <= x < a + FRAGMENT_CHARS - 40)
        if count > best_count:
            best, best_count = a, count
    start = max(0, best - 40)
    if start:
        space = text.find(" ", start, best)
        start = space + 1 if space >= 0 else start
    return start


def _shorten(text: str, start: int, length: int) -> str:
    piece = text[start : start + length]
    if start + length < len(text):
        cut = piece.rfind(" ")
        piece = (piece[:cut] if cut > length // 2 else piece) + "…"
    return ("…" + piece) if start else piece
