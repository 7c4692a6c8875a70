"""Translation memory: segments already translated, in the store's `translation_memory` table.

A machine entry is keyed by the source text's hash, the pair, the engine and the model version,
so a segment is never translated twice by the same model, and a new model never reuses an old
one's output. Editors' approved translations (imported from TMX or a two-column CSV) are stored
with `approved = 1` under the engine `human` and win over any machine entry for the same text.

The memory is reached as `store.memory` (a `Memory`). Workers only read it (their store is
read-only); the parent writes it from the translations of each saved document with
`store.memory.remember(document)`, so nothing travels back from a worker except the document.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from corpus.database import Database, now
from corpus.errors import ConfigError, InputError
from corpus.model import UNDETERMINED, Document

#: engine name of editors' approved translations.
HUMAN = "human"
#: engines whose output is not worth remembering (copies of the source).
NOT_REMEMBERED = frozenset({HUMAN, "identity"})
_CHUNK = 500


@dataclass(frozen=True)
class MemoryEntry:
    """One remembered segment pair."""

    source_language: str
    target_language: str
    source_text: str
    target_text: str
    engine: str = HUMAN
    model_version: str = ""
    approved: bool = False


@dataclass(frozen=True)
class Hit:
    """What the memory holds for a segment."""

    text: str
    engine: str
    model_version: str
    approved: bool


def normalize(text: str) -> str:
    """The form segments are compared in: white space runs collapsed, ends trimmed."""
    return " ".join(text.split())


def source_hash(text: str) -> str:
    return hashlib.sha256(normalize(text).encode("utf-8")).hexdigest()


class Memory:
    """The archive's translation memory. Reads work on a read-only store (a worker's); the
    writes (`add`, `remember`, `import_file`) open a transaction, or join the caller's."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def lookup(self, texts: Iterable[str], source: str, target: str, engine: str,
               model_version: str) -> dict[str, Hit]:
        """Hits by source text: an approved entry if any, else this engine and version's."""
        by_hash: dict[str, list[str]] = {}
        for text in texts:
            by_hash.setdefault(source_hash(text), []).append(text)
        hits: dict[str, Hit] = {}
        hashes = list(by_hash)
        for start in range(0, len(hashes), _CHUNK):
            chunk = hashes[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self.db.rows(
                "SELECT source_hash, target_text, engine, model_version, approved "
                "FROM translation_memory WHERE source_language=? AND target_language=? "
                f"AND source_hash IN ({marks}) AND (approved=1 OR (engine=? AND model_version=?)) "
                "ORDER BY approved, added",
                (source, target, *chunk, engine, model_version),
            )
            for row in rows:  # later rows (approved, newer) overwrite earlier ones
                hit = Hit(row[1], row[2], row[3], bool(row[4]))
                for text in by_hash[row[0]]:
                    hits[text] = hit
        return hits

    def add(self, entries: Iterable[MemoryEntry]) -> int:
        """Store entries; an approved entry replaces its earlier version, machine ones are
        kept. Returns how many rows were written."""
        added = 0
        stamp = now()
        with self.db.transaction():
            for e in entries:
                verb = "INSERT OR REPLACE" if e.approved else "INSERT OR IGNORE"
                cursor = self.db.write(
                    f"{verb} INTO translation_memory VALUES (?,?,?,?,?,?,?,?,?)",
                    (source_hash(e.source_text), e.source_language, e.target_language, e.engine,
                     e.model_version, e.source_text, e.target_text, int(e.approved), stamp),
                )
                added += cursor.rowcount
        return added

    def remember(self, document: Document) -> int:
        """Add the machine translations of a saved document (in the parent, never a worker)."""
        return self.add(document_entries(document))

    def import_file(self, path: Path, source: str | None = None,
                    target: str | None = None) -> int:
        """Import approved translations from a TMX file or a two-column CSV; returns the
        count. A file without any pair is an InputError and changes nothing."""
        if path.suffix.lower() == ".tmx":
            entries = read_tmx(path, source, target)
        else:
            entries = read_csv(path, source, target)
        if not entries:
            raise InputError(f"{path.name}: no translation pairs found")
        return self.add(entries)

    def count(self) -> dict[str, int]:
        """Entries in the memory: machine and approved."""
        rows = self.db.rows(
            "SELECT approved, COUNT(*) FROM translation_memory GROUP BY approved")
        found = {bool(a): n for a, n in rows}
        return {"machine": found.get(False, 0), "approved": found.get(True, 0)}

    def all_entries(self, approved_only: bool = False) -> list[MemoryEntry]:
        """Every entry (or only the approved ones), oldest first: what `tm export` writes."""
        rows = self.db.rows(
            "SELECT source_language, target_language, source_text, target_text, engine, "
            "model_version, approved FROM translation_memory "
            f"{'WHERE approved=1 ' if approved_only else ''}ORDER BY added, source_hash")
        return [MemoryEntry(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6])) for r in rows]

    def entries_for(self, texts: Sequence[str], source: str, target: str) -> list[MemoryEntry]:
        """Every stored entry for these source texts and pair (for inspection and tests)."""
        hashes = [source_hash(t) for t in texts]
        marks = ",".join("?" * len(hashes))
        rows = self.db.rows(
            "SELECT source_language, target_language, source_text, target_text, engine, "
            "model_version, approved FROM translation_memory WHERE source_language=? AND "
            f"target_language=? AND source_hash IN ({marks}) ORDER BY added",
            (source, target, *hashes),
        )
        return [MemoryEntry(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6])) for r in rows]


def document_entries(document: Document) -> list[MemoryEntry]:
    """The memory entries a document's translations make (machine output only)."""
    entries = []
    for block in document.blocks:
        language = block.language if block.language != UNDETERMINED else document.language
        for t in block.translations:
            if t.engine not in NOT_REMEMBERED and block.text.strip():
                entries.append(
                    MemoryEntry(language, t.language, block.text, t.text, t.engine, t.model_version)
                )
    return entries


def read_tmx(path: Path, source: str | None = None, target: str | None = None) -> list[MemoryEntry]:
    """Translation units of a TMX file as approved entries (source language from the header)."""
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    try:
        root = ElementTree.parse(str(path)).getroot()
    except (ElementTree.ParseError, DefusedXmlException) as err:
        raise InputError(f"{path.name}: not a readable TMX file ({err})") from err
    header = root.find("header")
    if source is None and header is not None:
        source_default = _language(header.get("srclang", ""))
    else:
        source_default = source or ""
    entries = []
    for unit in root.iter("tu"):
        segments = _unit_segments(unit)
        src = source or _language(unit.get("srclang", "")) or source_default
        if not src or src not in segments:
            continue
        for lang, text in segments.items():
            if lang != src and (target is None or lang == target):
                entries.append(MemoryEntry(src, lang, segments[src], text, approved=True))
    return entries


def _unit_segments(unit: object) -> dict[str, str]:
    """Language -> segment text of one <tu>; inline markup (<ph>, <bpt>) is dropped."""
    segments = {}
    for variant in unit.iter("tuv"):  # type: ignore[attr-defined]
        lang = _language(
            variant.get("{http://www.w3.org/XML/1998/namespace}lang") or variant.get("lang", "")
        )
        seg = variant.find("seg")
        if lang and seg is not None:
            text = (seg.text or "") + "".join(child.tail or "" for child in seg)
            if text.strip():
                segments[lang] = text.strip()
    return segments


def _language(code: str) -> str:
    """`ru-RU`, `RU`, `uk_UA` to `ru`, `uk`; `*all*` and empty to ''."""
    code = code.strip().lower().replace("_", "-").split("-")[0]
    return code if code.isalpha() and len(code) in (2, 3) else ""


def read_csv(path: Path, source: str | None = None, target: str | None = None) -> list[MemoryEntry]:
    """A two-column CSV (source, target) as approved entries.

    A first row of two language codes (`ru,uk`) is a header naming the pair; without one, the
    pair must be given.
    """
    rows = _csv_rows(path)
    if rows and all(_language(c) == c.strip().lower() and c.strip() for c in rows[0][:2]):
        source, target = source or rows[0][0].strip().lower(), target or rows[0][1].strip().lower()
        rows = rows[1:]
    if not source or not target:
        raise ConfigError(
            f"{path.name}: say which languages the columns are "
            "(a header row like 'ru,uk', or --from and --to)"
        )
    return [
        MemoryEntry(source, target, row[0].strip(), row[1].strip(), approved=True)
        for row in rows
        if len(row) >= 2 and row[0].strip() and row[1].strip()
    ]


def _csv_rows(path: Path) -> list[list[str]]:
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path.name}: cannot be read as UTF-8 text ({err})") from err
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], ",;\t")
    except csv.Error:
        dialect = csv.excel
    return list(csv.reader(text.splitlines(), dialect))
