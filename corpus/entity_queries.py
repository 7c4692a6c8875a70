"""Read-only queries over the stored entities (the `entities` table written with the blocks),
reached as `store.entities`.

Each query returns plain dicts, which are also the stable JSON of `sekretar entities` and
`sekretar entity` and of the web page's entity view.
"""

from __future__ import annotations

from typing import Any

from corpus import reference
from corpus.audit import Audit
from corpus.database import Database, now
from corpus.errors import NotFound, SekretarError
from corpus.versions import current_sql

_BLOCK_FIELDS = ("block_id", "document", "source_name", "title", "order", "kind", "page",
                 "paragraph", "language", "text")


class Entities:
    """Who and what the archive mentions, and where."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def in_document(self, document_id: str) -> list[dict[str, Any]]:
        """A document's entities in reading order: label, text as written, normal form, key,
        block id and the start and end offsets in that block's text."""
        rows = self.db.rows(
            "SELECT e.label, e.text, e.normal, e.key, e.block_id, e.start, e.end "
            "FROM entities e JOIN blocks b ON b.id = e.block_id "
            "WHERE e.document_id = ? ORDER BY b.ord, e.start, e.end",
            (document_id,),
        )
        fields = ("label", "text", "normal", "key", "block_id", "start", "end")
        return [dict(zip(fields, r, strict=True)) for r in rows]

    def mentioning(self, key: str) -> list[dict[str, Any]]:
        """The documents that mention `key`, most mentions first, with the forms written there:
        document, source_name, title, language, session, mentions, blocks, forms."""
        rows = self.db.rows(
            "SELECT d.id, d.source_name, d.title, d.language, d.session, e.block_id, e.text "
            "FROM entities e JOIN documents d ON d.id = e.document_id "
            f"WHERE e.key = ? AND {current_sql('d')}",
            (key,),
        )
        found: dict[str, dict[str, Any]] = {}
        for doc_id, source_name, title, language, session, block_id, text in rows:
            item = found.setdefault(doc_id, {
                "document": doc_id, "source_name": source_name, "title": title,
                "language": language, "session": session, "mentions": 0,
                "blocks": set(), "forms": set(),
            })
            item["mentions"] += 1
            item["blocks"].add(block_id)
            item["forms"].add(text)
        for item in found.values():
            item["blocks"] = len(item["blocks"])
            item["forms"] = sorted(item["forms"])
        return sorted(found.values(),
                      key=lambda i: (-i["mentions"], i["source_name"], i["document"]))

    def blocks_mentioning(self, key: str, limit: int = 500) -> list[dict[str, Any]]:
        """Every block that mentions `key`, in any language, with the mentions' offsets: the
        paragraphs an entity page shows. Documents in ingest order, blocks in reading order."""
        rows = self.db.iterate(
            "SELECT b.id, b.document_id, d.source_name, d.title, b.ord, b.kind, b.page, "
            "b.paragraph, COALESCE(NULLIF(b.language, 'und'), d.language) AS language, b.text, "
            "e.start, e.end, e.label FROM entities e JOIN blocks b ON b.id = e.block_id "
            "JOIN documents d ON d.id = b.document_id "
            f"WHERE e.key = ? AND {current_sql('d')} ORDER BY d.ingested, d.id, b.ord, e.start",
            (key,),
        )
        found: dict[str, dict[str, Any]] = {}
        for r in rows:
            block = found.get(r[0])
            if block is None:
                if len(found) >= limit:
                    break
                block = found[r[0]] = dict(zip(_BLOCK_FIELDS, r[:10], strict=True))
                block["mentions"] = []
            block["mentions"].append({"start": r[10], "end": r[11], "label": r[12]})
        return list(found.values())

    def names(self, key: str) -> dict[str, Any]:
        """What is known about a key: its label and normal forms in the archive, and its
        reference names when it is a member city, country or organisation."""
        rows = self.db.rows(
            "SELECT label, normal, COUNT(*) AS n FROM entities WHERE key = ? "
            "GROUP BY label, normal ORDER BY n DESC, normal",
            (key,),
        )
        entry = reference.lookup(key)
        if rows:
            label = rows[0][0]
        else:
            label = None if entry is None else "ORG" if entry.kind == "organization" else "LOC"
        return {
            "key": key,
            "label": label,
            "normals": [r[1] for r in rows],
            "names": dict(entry.names) if entry else {},
        }

    def resolve(self, given: str) -> str | None:
        """A key from a key (a merged one leads to the key it went into), a reference name
        (Рязань, Ryazan) or a stored normal form."""
        merged = self.db.one("SELECT key FROM entity_merges WHERE alias = ?", (given,))
        if merged:
            return str(merged[0])
        if self.db.one("SELECT 1 FROM entities WHERE key = ? LIMIT 1", (given,)) or \
                reference.lookup(given):
            return given
        known = reference.key_of(given)
        if known:
            return known
        row = self.db.one(
            "SELECT key, COUNT(*) AS n FROM entities WHERE normal = ? COLLATE NOCASE "
            "GROUP BY key ORDER BY n DESC LIMIT 1",
            (given,),
        )
        return str(row[0]) if row else None

    def key_names(self) -> dict[str, str]:
        """Each entity key's name as written most often (its normal form): what a person's
        key, which is folded for matching, is shown as."""
        names: dict[str, str] = {}
        for r in self.db.rows("SELECT key, normal, COUNT(*) AS n FROM entities "
                              "GROUP BY key, normal ORDER BY key, n DESC, normal"):
            names.setdefault(r[0], r[1])
        return names

    def block_keys(self) -> list[tuple[str, str]]:
        """Every distinct (block id, entity key) pair: what the search's entity filter reads."""
        return [(r[0], r[1]) for r in self.db.rows("SELECT DISTINCT block_id, key FROM entities")]

    def merge(self, keep: str, alias: str) -> int:
        """Make `alias` the same entity as `keep`: its mentions move to `keep` now, and any
        stored later (a document analysed again) are stored under `keep`. Recorded in the
        audit log (command `entity merge`, document id empty: it spans the archive). Returns
        the number of mentions moved. Raises NotFound when `alias` has no mentions and was
        never merged, and SekretarError when the two are one key."""
        if keep == alias:
            raise SekretarError(f"cannot merge {alias!r} into itself")
        known = self.db.one("SELECT 1 FROM entities WHERE key = ? LIMIT 1", (alias,))
        if not known and not self.db.one("SELECT 1 FROM entity_merges WHERE key = ?", (alias,)):
            raise NotFound(f"no entity {alias!r} in the archive")
        with self.db.transaction():
            moved = self.db.write("UPDATE entities SET key = ? WHERE key = ?", (keep, alias))
            self.db.write("UPDATE entity_merges SET key = ? WHERE key = ?", (keep, alias))
            self.db.write("DELETE FROM entity_merges WHERE alias = ?", (keep,))
            self.db.write("INSERT OR REPLACE INTO entity_merges(alias, key, at) VALUES (?,?,?)",
                          (alias, keep, now()))
            Audit(self.db).record("", "entity merge", {"key": alias},
                                  {"key": keep, "mentions": moved.rowcount})
        return int(moved.rowcount)

    def merges(self) -> dict[str, str]:
        """Every key merged by hand, with the key it went into."""
        return {r[0]: r[1] for r in self.db.rows("SELECT alias, key FROM entity_merges")}
