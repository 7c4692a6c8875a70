"""Search filters: what a delegate narrows a search to, as a mask over the catalog's rows.

Every filter is answered from the catalog's columns (loaded once per store change) or, for the
minutes filters, from the minutes tables; a value the archive does not know is a FilterError
whose message lists what it does know, so a typo is never silently an empty result. A city or
an entity may be given as people type it (index.labels): «Москвы», "Moscow" or `city:moscow`,
a person by surname.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from corpus.messages import Message
from corpus.minutes_store import Minutes
from corpus.model import DOCUMENT_KINDS
from index.catalog import Catalog, date_number
from index.labels import matches_person, place_key
from index.minutes_filters import item_blocks, speaker_blocks, voter_blocks


@dataclass
class Filters:
    language: str | None = None
    kind: str | None = None
    city: str | None = None
    session: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    entity: str | None = None
    #: a speaker's person key or name, and an agenda item's number or title words (minutes).
    speaker: str | None = None
    item: str | None = None
    #: documents left out whatever the query (those the reader may not see).
    hidden: frozenset[str] = frozenset()
    #: a person whose roll-call votes the minutes list (their key or name).
    voted: str | None = None


class FilterError(ValueError):
    """A filter value that matches nothing the archive knows; the message says what does."""


def allowed_rows(catalog: Catalog, minutes: Minutes, filters: Filters) -> np.ndarray | None:
    """A row mask for the filters (None: no filter); an unknown value is a FilterError.
    `minutes` is the store's minutes (`store.minutes`), read by the speaker and item filters."""
    mask: np.ndarray | None = None

    def narrow(condition: np.ndarray) -> None:
        nonlocal mask
        mask = condition if mask is None else mask & condition

    if filters.kind is not None and filters.kind not in DOCUMENT_KINDS:
        raise FilterError(
            Message("unknown_kind", kind=filters.kind, known=", ".join(DOCUMENT_KINDS))
        )
    visible = visible_mask(catalog, filters.hidden) if filters.hidden else None
    for name, value in (
        ("kind", filters.kind),
        ("language", filters.language),
        ("city", filters.city),
        ("session", filters.session),
    ):
        if value is not None:
            narrow(column_mask(catalog, name, value, visible))
    if filters.entity is not None:
        narrow(entity_mask(catalog, filters.entity, visible))
    if filters.date_from is not None or filters.date_to is not None:
        narrow(date_mask(catalog, filters.date_from, filters.date_to))
    if filters.speaker is not None:
        narrow(blocks_mask(catalog, minutes, "speaker", filters.speaker, speaker_blocks))
    if filters.item is not None:
        narrow(blocks_mask(catalog, minutes, "agenda item", filters.item, item_blocks))
    if visible is not None:
        narrow(visible)
    if filters.voted is not None:
        narrow(blocks_mask(catalog, minutes, "voter", filters.voted, voter_blocks))
    return mask


def visible_mask(catalog: Catalog, hidden: frozenset[str]) -> np.ndarray:
    """Rows of the blocks whose document is not in `hidden`."""
    shown = np.array([d.id not in hidden for d in catalog.documents], bool)
    return shown[catalog.doc_rows] if len(catalog) else np.zeros(0, bool)


def blocks_mask(
    catalog: Catalog,
    minutes: Minutes,
    what: str,
    value: str,
    find: Callable[[Minutes, str], set[str]],
) -> np.ndarray:
    """Rows of the blocks the minutes structure links to `value` (see index.minutes_filters)."""
    row_of = catalog.row_of
    rows = [row_of[b] for b in find(minutes, value) if b in row_of]
    if not rows:
        raise FilterError(Message("no_minutes_match", what=what, value=value))
    mask = np.zeros(len(catalog), bool)
    mask[rows] = True
    return mask


def column_mask(catalog: Catalog, name: str, value: str,
                visible: np.ndarray | None = None) -> np.ndarray:
    """Rows whose `name` is `value`. With `visible` (the rows the reader may see), a value
    only the other rows have is unknown, and the known values listed are the visible ones."""
    column = catalog.columns[name]
    code = column.code(value)
    values = column.values
    shown: set[int] | None = None
    if visible is not None:
        shown = set(np.unique(column.codes[visible]).tolist())
        values = [v for i, v in enumerate(column.values) if i in shown]
        code = code if code in shown else None
    if code is None and name == "city":
        codes = [c for c in city_codes(column.values, value) if shown is None or c in shown]
        if codes:
            return np.isin(column.codes, codes)
    if code is None and name != "kind":
        known = ", ".join(values[:20]) or "none yet"
        raise FilterError(Message("no_column_match", name=name, value=value, known=known))
    return column.codes == (code if code is not None else -2)


def city_codes(values: list[str], typed: str) -> list[int]:
    """The codes of the city values that name the same gazetteer city as `typed` («Москвы»,
    "Moscow" and `city:moscow` all name Москва)."""
    key = place_key(typed)
    if key is None:
        return []
    return [i for i, v in enumerate(values) if v.casefold() == key or place_key(v) == key]


def entity_codes(values: list[str], typed: str, names: dict[str, str] | None = None
                 ) -> list[int]:
    """The entity keys `typed` names: the key itself, a place or organisation by any of its
    names, or a person by surname (index.labels)."""
    folded = typed.casefold()
    codes = [i for i, v in enumerate(values) if v.casefold() == folded]
    if codes:
        return codes
    key = place_key(typed)
    if key is not None:
        return [i for i, v in enumerate(values) if v == key]
    names = names or {}
    return [i for i, v in enumerate(values) if matches_person(v, typed, names.get(v))]


def entity_mask(catalog: Catalog, key: str, visible: np.ndarray | None = None) -> np.ndarray:
    """Rows that mention the entity `key` names (`entity_codes`); one only rows outside
    `visible` mention is unknown."""
    codes = entity_codes(catalog.entity_values, key, catalog.entity_names)
    mask = np.zeros(len(catalog), bool)
    if codes:
        mask[catalog.entity_rows[np.isin(catalog.entity_codes, codes)]] = True
    if not codes or (visible is not None and not (mask & visible).any()):
        raise FilterError(Message("no_entity_filter", key=key))
    return mask


def date_mask(catalog: Catalog, start: str | None, end: str | None) -> np.ndarray:
    low = date_number(start, strict=True) if start else 0
    high = date_number(end, end=True, strict=True) if end else 99999999
    for given, number in ((start, low), (end, high)):
        if given and not number:
            raise FilterError(Message("not_a_date", given=given))
    dates = catalog.dates
    return (dates > 0) & (dates >= low) & (dates <= high)
