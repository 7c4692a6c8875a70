"""Renditions (table `renditions`), reached as `store.renditions`: the same minutes in another
format (the PDF of a DOCX, a text copy). A rendition is not a document of its own: it belongs
to the document it renders, its source file is kept under its sha256 beside the document's,
and search, listings and session pages see the document once.

Two minutes are one document in two formats when they record the same meeting in the same
language with the same content: the same agenda items, decisions and vote tallies
(`content_key`). Minutes that differ in any of these (a corrected tally) are versions.
"""

from __future__ import annotations

import re
from typing import Any

from corpus.database import Database, now
from corpus.model import Session, Vote

_COLUMNS = ("document_id", "sha256", "source_name", "media_type", "source_path", "added")
_NOT_WORD = re.compile(r"\W+")


def content_key(session: Session | None) -> tuple[Any, ...] | None:
    """What two formats of one set of minutes share: date, number and, for each agenda item,
    in agenda order, its decisions (words only, so line breaks, punctuation and list numbering
    of a format do not count) and every tally. None for minutes that do not name their meeting."""
    if session is None or not session.number or not session.date:
        return None
    items = tuple(
        (_tally(item.vote),
         tuple((_words(d.text), _tally(d.vote)) for d in item.decisions))
        for item in session.agenda)
    return (session.number, session.date, items)


def _words(text: str) -> str:
    return _NOT_WORD.sub(" ", text).strip().casefold()


def _tally(vote: Vote | None) -> tuple[Any, ...] | None:
    if vote is None:
        return None
    return (vote.votes_for, vote.against, vote.abstained, vote.outcome, vote.unanimous)


class Renditions:
    """Recording and reading the other formats of a document."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, document_id: str, sha256: str, source_name: str, media_type: str,
            source_path: str | None) -> bool:
        """Record a rendition of a document (once per file); True when it is new."""
        cursor = self.db.write(
            "INSERT OR IGNORE INTO renditions(document_id, sha256, source_name, media_type, "
            "source_path, added) VALUES (?,?,?,?,?,?)",
            (document_id, sha256, source_name, media_type, source_path, now()))
        return cursor.rowcount > 0

    def of(self, document_id: str) -> list[dict[str, Any]]:
        """A document's renditions, in the order they were added."""
        return [dict(r) for r in self.db.rows(
            f"SELECT {', '.join(_COLUMNS)} FROM renditions WHERE document_id=? "
            "ORDER BY rowid", (document_id,))]

    def find(self, document_id: str, sha256: str) -> dict[str, Any] | None:
        """One rendition of a document by the sha256 of its file, or None."""
        row = self.db.one(f"SELECT {', '.join(_COLUMNS)} FROM renditions "
                          "WHERE document_id=? AND sha256=?", (document_id, sha256))
        return dict(row) if row else None

    def document_of(self, sha256: str) -> str | None:
        """The document a file is a rendition of, or None."""
        row = self.db.one("SELECT document_id FROM renditions WHERE sha256=? "
                          "ORDER BY rowid LIMIT 1", (sha256,))
        return str(row[0]) if row else None
