"""Browsing the archive (table `documents`, with `sessions` for meetings), reached as
`store.browse`: the latest documents and meetings, counts by kind, city, year and meeting, and
the documents of one of these, a page at a time.

Only current documents are read (neither superseded nor in the trash), as search and session
pages read them. Documents are listed newest first: by date, then undated ones by the time
they were stored, then by source name.
"""

from __future__ import annotations

from typing import Any

from corpus.database import Database
from corpus.errors import ConfigError
from corpus.users import VISIBILITIES
from corpus.versions import current_sql

#: what each listing gives of a document.
_FIELDS = ("id", "source_name", "title", "kind", "language", "session", "city", "date")
#: the SQL value of each way to browse ("year" is the first four characters of the date).
GROUPS = {
    "kind": "kind",
    "city": "city",
    "year": "substr(date, 1, 4)",
    "meeting": "session",
}
_NEWEST = "date IS NULL, date DESC, ingested DESC, source_name, id"


def _value(group: str) -> str:
    try:
        return GROUPS[group]
    except KeyError:
        raise ConfigError(f"one can browse by {', '.join(GROUPS)}, not {group!r}") from None


class Browse:
    """Read-only listings of the current documents (of some visibilities only, when made by
    `seeing`)."""

    def __init__(self, db: Database, seen: tuple[str, ...] | None = None) -> None:
        self.db = db
        self.seen = seen

    def seeing(self, seen: tuple[str, ...]) -> Browse:
        """The same listings, of the documents whose visibility is in `seen` only."""
        return Browse(self.db, tuple(seen))

    def _current(self, alias: str = "") -> str:
        """Current documents that this listing may show."""
        if self.seen is None:
            return current_sql(alias)
        prefix = f"{alias}." if alias else ""
        levels = ", ".join(f"'{v}'" for v in self.seen if v in VISIBILITIES) or "''"
        return f"{current_sql(alias)} AND {prefix}visibility IN ({levels})"

    def latest_documents(self, limit: int) -> list[dict[str, Any]]:
        """The `limit` newest current documents (id, source_name, title, kind, language,
        session, city, date)."""
        rows = self.db.rows(f"SELECT {', '.join(_FIELDS)} FROM documents "
                            f"WHERE {self._current()} ORDER BY {_NEWEST} LIMIT ?",
                            (max(limit, 0),))
        return [dict(r) for r in rows]

    def latest_meetings(self, limit: int) -> list[dict[str, Any]]:
        """The `limit` newest meetings that have current minutes: `session` (the key),
        `number`, `date`, `place` (as the minutes write it), `city` and `documents` (how many
        current documents carry the key), newest first."""
        rows = self.db.rows(
            "SELECT * FROM (SELECT d.session AS session, MAX(s.number) AS number, "
            "MAX(COALESCE(s.date, d.date)) AS date, MAX(s.place) AS place, "
            "MAX(d.city) AS city FROM documents d LEFT JOIN sessions s ON s.document_id = d.id "
            f"WHERE d.kind = 'minutes' AND d.session IS NOT NULL AND {self._current('d')} "
            "GROUP BY d.session) ORDER BY date IS NULL, date DESC, session LIMIT ?",
            (max(limit, 0),))
        counts = self.counts("meeting")
        return [dict(r) | {"documents": counts.get(r["session"], 0)} for r in rows]

    def counts(self, group: str) -> dict[str, int]:
        """Current documents by the value of `group` (kind, city, year or meeting), most
        first; documents without a value are not counted."""
        value = _value(group)
        rows = self.db.rows(
            f"SELECT {value} AS value, COUNT(*) AS n FROM documents WHERE {self._current()} "
            f"AND {value} IS NOT NULL AND {value} <> '' GROUP BY {value} ORDER BY n DESC, value")
        return {r["value"]: r["n"] for r in rows}

    def count(self, group: str | None = None, value: str | None = None) -> int:
        """How many current documents there are (whose `group` is `value`, when given)."""
        where, params = self._where(group, value)
        row = self.db.one(f"SELECT COUNT(*) FROM documents WHERE {where}", params)
        return int(row[0]) if row else 0

    def documents(self, group: str | None = None, value: str | None = None,
                  limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Current documents (whose `group` is `value`, when given), newest first, `limit`
        of them from `offset`."""
        where, params = self._where(group, value)
        rows = self.db.rows(f"SELECT {', '.join(_FIELDS)} FROM documents WHERE {where} "
                            f"ORDER BY {_NEWEST} LIMIT ? OFFSET ?",
                            (*params, max(limit, 0), max(offset, 0)))
        return [dict(r) for r in rows]

    def _where(self, group: str | None, value: str | None) -> tuple[str, tuple[str, ...]]:
        if group is None:
            return self._current(), ()
        return f"{self._current()} AND {_value(group)} = ?", (value or "",)
