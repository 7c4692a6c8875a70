"""A document's life after ingest (columns `superseded_by`, `trashed` of `documents`), reached
as `store.versions`: versions, corrections, the trash, and the listing of documents.

A document's id is the sha256 of its bytes; its identity is the chain of versions linked by
`superseded_by`. Only a current document (neither superseded nor in the trash) is searched,
listed, shown on session pages and compiled into resolutions; the others stay readable until
`purge`. Every change here is one transaction with its audit entry, and clears the document's
"indexed" mark, so the index is brought in line after the commit (or by the next catch-up).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from corpus.audit import Audit
from corpus.database import Database, now
from corpus.errors import ConfigError, NotFound
from corpus.model import DOCUMENT_KINDS
from corpus.users import check_visibility

#: the stage row that says the search index holds a document's current blocks.
INDEX_STAGE = "index"
#: the fields a correction may change.
EDITABLE = ("kind", "session", "collection", "title", "date", "city", "visibility")
#: the states a document is in, as listings show them.
STATES = ("current", "superseded", "trashed")
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_STATE_SQL = ("CASE WHEN trashed IS NOT NULL THEN 'trashed' WHEN superseded_by IS NOT NULL "
              "THEN 'superseded' ELSE 'current' END")
_LISTED = ("id", "source_name", "source_path", "title", "kind", "language", "session",
           "collection", "city", "date", "version", "ingested", "superseded_by", "trashed",
           "visibility")


def current_sql(alias: str = "") -> str:
    """The SQL condition "this document is current", for queries that read current ones only."""
    prefix = f"{alias}." if alias else ""
    return f"{prefix}superseded_by IS NULL AND {prefix}trashed IS NULL"


def check_edit(changes: Mapping[str, str | None]) -> None:
    """Refuse a correction the archive could not use: an unknown field or kind, a bad date."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ConfigError(f"cannot change {', '.join(sorted(unknown))}")
    kind = changes.get("kind")
    if "kind" in changes and kind not in DOCUMENT_KINDS:
        raise ConfigError(f"the kind must be one of {', '.join(DOCUMENT_KINDS)}, not {kind!r}")
    if "visibility" in changes:
        check_visibility(changes["visibility"])
    date = changes.get("date")
    if date is not None and not _DATE.match(date):
        raise ConfigError(f"the date must be YYYY, YYYY-MM or YYYY-MM-DD, not {date!r}")


class Versions:
    """Versions, corrections, the trash and listings; each change also written to the audit."""

    def __init__(self, db: Database, audit: Audit) -> None:
        self.db = db
        self.audit = audit

    # reading ------------------------------------------------------------------------------

    def row(self, document_id: str) -> dict[str, Any]:
        """A document's lifecycle fields with its `state`."""
        row = self.db.one(f"SELECT {', '.join(_LISTED)}, {_STATE_SQL} AS state "
                          "FROM documents WHERE id=?", (document_id,))
        if row is None:
            raise NotFound(f"no document {document_id}")
        return dict(row)

    def state(self, document_id: str) -> str:
        """"current", "superseded" or "trashed"."""
        return str(self.row(document_id)["state"])

    def current_ids(self) -> list[str]:
        """Ids of the current documents, in ingest order: what the search index holds."""
        return [r[0] for r in self.db.rows(
            f"SELECT id FROM documents WHERE {current_sql()} ORDER BY ingested, id")]

    def trashed_ids(self) -> list[str]:
        return [r[0] for r in self.db.rows(
            "SELECT id FROM documents WHERE trashed IS NOT NULL ORDER BY trashed, id")]

    def predecessors(self, document_id: str, source_path: str | None,
                     meeting: tuple[str, str, str] | None) -> list[str]:
        """The current documents a newly stored one replaces: those ingested from the same
        source path, and minutes of the same meeting (number, date) in the same language
        (minutes of one sitting in another language are a translation, not a version)."""
        found = []
        if source_path:
            found += [r[0] for r in self.db.rows(
                f"SELECT id FROM documents WHERE source_path=? AND id<>? AND {current_sql()}",
                (source_path, document_id))]
        if meeting is not None:
            found += [r[0] for r in self.db.rows(
                "SELECT d.id FROM documents d JOIN sessions s ON s.document_id=d.id "
                f"WHERE s.number=? AND s.date=? AND d.language=? AND d.id<>? "
                f"AND d.kind='minutes' AND {current_sql('d')}", (*meeting, document_id))]
        return sorted(set(found))

    def history(self, document_id: str) -> list[dict[str, Any]]:
        """Every version of the document's identity, oldest first, each with its `state` and
        its place in the chain (`number`, from 1)."""
        later = self._forward(document_id)
        newest = later[-1]["id"] if later else document_id
        lineage, todo = {newest}, [newest]
        while todo:
            for r in self.db.rows("SELECT id FROM documents WHERE superseded_by=?", (todo.pop(),)):
                if r[0] not in lineage:
                    lineage.add(r[0])
                    todo.append(r[0])
        rows = sorted((self.row(i) for i in lineage),
                      key=lambda r: (r["version"], r["ingested"], r["id"]))
        return [r | {"number": n} for n, r in enumerate(rows, 1)]

    def listing(self, kind: str | None = None, city: str | None = None,
                session: str | None = None, language: str | None = None,
                include_all: bool = False) -> list[dict[str, Any]]:
        """Documents with their state, by date and source name: current ones only unless
        `include_all`. Filters match whole values, ignoring case."""
        where = [] if include_all else [current_sql()]
        params: list[str] = []
        for column, value in (("kind", kind), ("city", city), ("session", session),
                              ("language", language)):
            if value:
                where.append(f"{column} = ? COLLATE NOCASE")
                params.append(value)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        rows = self.db.rows(f"SELECT {', '.join(_LISTED)}, {_STATE_SQL} AS state FROM documents "
                            f"{clause} ORDER BY date, source_name, version", params)
        return [dict(r) for r in rows]

    # changing -----------------------------------------------------------------------------

    def supersede(self, old_ids: list[str], new_id: str, command: str) -> list[str]:
        """Mark `old_ids` as superseded by `new_id` (which takes the next version number);
        returns those changed. A link that would make a version its own successor is refused."""
        new = self.row(new_id)
        changed = []
        with self.db.transaction():
            for old_id in old_ids:
                old = self.row(old_id)
                if old_id == new_id or old_id in {r["id"] for r in self._forward(new_id)}:
                    raise ConfigError(f"{old_id[:12]} is a later version of {new_id[:12]}")
                if old["superseded_by"] == new_id:
                    continue
                self._set(old_id, {"superseded_by": new_id}, command)
                if new["version"] <= old["version"]:
                    new["version"] = old["version"] + 1
                    self.db.write("UPDATE documents SET version=? WHERE id=?",
                                  (new["version"], new_id))
                changed.append(old_id)
        return changed

    def edit(self, document_id: str, changes: Mapping[str, str | None], command: str
             ) -> dict[str, Any]:
        """Correct a document's fields; returns {"old": ..., "new": ...} of what changed."""
        check_edit(changes)
        with self.db.transaction():
            return self._set(document_id, changes, command)

    def trash(self, document_id: str, command: str) -> None:
        """Move a document to the trash (it leaves search and listings until restored)."""
        if self.state(document_id) == "trashed":
            raise ConfigError(f"{document_id[:12]} is already in the trash")
        with self.db.transaction():
            self._set(document_id, {"trashed": now()}, command)

    def restore(self, document_id: str, command: str) -> None:
        """Bring a document back from the trash, to the state it had before."""
        if self.state(document_id) != "trashed":
            raise NotFound(f"{document_id[:12]} is not in the trash")
        with self.db.transaction():
            self._set(document_id, {"trashed": None}, command)

    def purge(self, document_id: str, command: str) -> None:
        """Delete a trashed document for good (its blocks, analyses and minutes with it)."""
        row = self.row(document_id)
        if row["state"] != "trashed":
            raise ConfigError(f"{document_id[:12]} is not in the trash; delete it first")
        with self.db.transaction():
            self.db.write("DELETE FROM documents WHERE id=?", (document_id,))
            self.audit.record(document_id, command,
                              {"source_name": row["source_name"], "trashed": row["trashed"]},
                              {"purged": True})

    def _set(self, document_id: str, values: Mapping[str, Any], command: str) -> dict[str, Any]:
        """Write changed columns, clear the "indexed" mark, record the change (in the
        caller's transaction)."""
        row = self.row(document_id)
        old = {k: row[k] for k in values if row[k] != values[k]}
        new = {k: values[k] for k in old}
        if not old:
            return {"old": {}, "new": {}}
        sets = ", ".join(f"{k}=?" for k in new)
        self.db.write(f"UPDATE documents SET {sets}, updated=? WHERE id=?",
                      (*new.values(), now(), document_id))
        self.db.write("DELETE FROM stages WHERE document_id=? AND stage=?",
                      (document_id, INDEX_STAGE))
        self.audit.record(document_id, command, old, new)
        return {"old": old, "new": new}

    def _forward(self, document_id: str) -> list[dict[str, Any]]:
        """The later versions of a document, following `superseded_by`."""
        chain, seen = [], {document_id}
        after = self.row(document_id)["superseded_by"]
        while after and after not in seen and self.db.one(
                "SELECT 1 FROM documents WHERE id=?", (after,)):
            seen.add(after)
            chain.append(self.row(after))
            after = chain[-1]["superseded_by"]
        return chain
