"""Meetings: the sittings the stored minutes record, each with its current documents.

A meeting is known by its key, "YYYY-MM-DD #N" (the date and number in the minutes' header), or
the date alone when the minutes have no number; minutes of one sitting in several languages
share it. Its documents are its current minutes and the other current documents whose session
is the key. A collection label (`ingest --collection`) may hold several meetings.

    store.meetings.listing()            # every meeting, by date and number
    store.meetings.find("Council 2009-04")  # the meetings a key, date or label names
"""

from __future__ import annotations

from typing import Any

from corpus.database import Database
from corpus.versions import current_sql

#: the meeting key of a `sessions` row aliased `s`, in SQL (see `meeting_key`).
KEY_SQL = "s.date || COALESCE(' #' || NULLIF(s.number, ''), '')"
#: what a meeting lists of each of its documents.
DOCUMENT_FIELDS = ("id", "source_name", "title", "kind", "language", "collection")


def meeting_key(date: str | None, number: str | None) -> str | None:
    """"2025-04-09 #12", or "2025-04-09" without a number; None without a date."""
    if not date:
        return None
    return f"{date} #{number}" if number else date


class Meetings:
    """The meeting queries of the store (`store.meetings`)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def listing(self) -> list[dict[str, Any]]:
        """Every meeting of the current minutes: {"key", "date", "number", "place", "city",
        "collections", "documents"}, by date, number and key."""
        meetings = self._collect()
        for meeting in meetings:
            meeting.pop("sessions")
        return meetings

    def _collect(self) -> list[dict[str, Any]]:
        fields = ", ".join(f"d.{f}" for f in DOCUMENT_FIELDS)
        rows = self.db.rows(
            f"SELECT {fields}, d.session, d.city, s.date AS meeting_date, s.number, s.place, "
            f"{KEY_SQL} AS key FROM documents d JOIN sessions s ON s.document_id = d.id "
            f"WHERE s.date IS NOT NULL AND d.kind = 'minutes' AND {current_sql('d')} "
            "ORDER BY s.date, d.source_name")
        meetings: dict[str, dict[str, Any]] = {}
        for row in rows:
            meeting = meetings.setdefault(row["key"], {
                "key": row["key"], "date": row["meeting_date"], "number": row["number"],
                "place": row["place"], "city": row["city"], "collections": [],
                "documents": [], "sessions": set()})
            meeting["documents"].append({f: row[f] for f in DOCUMENT_FIELDS})
            meeting["sessions"].add(row["session"])
            meeting["place"] = meeting["place"] or row["place"]
            meeting["city"] = meeting["city"] or row["city"]
        self._add_others(meetings)
        for meeting in meetings.values():
            labels = {d["collection"] for d in meeting["documents"] if d["collection"]}
            meeting["collections"] = sorted(labels)
        return sorted(meetings.values(), key=_order)

    def find(self, ref: str) -> list[dict[str, Any]]:
        """The meetings `ref` names: a meeting key, a date, or a collection label (also a label
        stored as the minutes' session by an archive of an earlier schema)."""
        found = []
        for meeting in self._collect():
            sessions = meeting.pop("sessions")
            if ref in (meeting["key"], meeting["date"]) or ref in meeting["collections"] \
                    or ref in sessions:
                found.append(meeting)
        return found

    def _add_others(self, meetings: dict[str, dict[str, Any]]) -> None:
        """The current documents other than minutes whose session is a meeting's key."""
        if not meetings:
            return
        rows = self.db.rows(
            f"SELECT {', '.join(DOCUMENT_FIELDS)}, session FROM documents "
            f"WHERE kind != 'minutes' AND session IS NOT NULL AND {current_sql()} "
            "ORDER BY date, source_name")
        for row in rows:
            if row["session"] in meetings:
                meetings[row["session"]]["documents"].append(
                    {f: row[f] for f in DOCUMENT_FIELDS})


def _order(meeting: dict[str, Any]) -> tuple[str, int, str]:
    number = str(meeting["number"] or "")
    return (meeting["date"], int(number) if number.isdigit() else 0, meeting["key"])
