"""Editors' review of machine translations: list what needs review, accept or correct it.

`sekretar review DOC --to uk` lists the block translations the quality checks flagged. An
editor accepts them as they are or supplies corrections from a file; either way the result is
an approved translation: it replaces the block's translation (engine `human`, no longer
flagged) and goes into the translation memory as an approved entry, which wins over machine
output for the same segment in every later translation and export. `write_tmx` writes the
memory out for other tools.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from corpus.errors import InputError
from corpus.memory import HUMAN, MemoryEntry
from corpus.model import UNDETERMINED, Document, Translation
from corpus.store import Store


def approve(store: Store, document: Document, target: str,
            corrections: Mapping[str, str], accept: Iterable[str] = ()) -> int:
    """Approve the translations of the blocks named in `accept` as they are and those in
    `corrections` (block id -> corrected text); save and remember them. Returns the count."""
    wanted = {block_id: None for block_id in accept} | dict(corrections)
    by_id = {b.id: b for b in document.blocks}
    unknown = [block_id for block_id in wanted if block_id not in by_id]
    if unknown:
        raise InputError(f"{document.source_name}: no block {', '.join(sorted(unknown))}")
    entries = []
    for block_id, corrected in wanted.items():
        block = by_id[block_id]
        current = block.translation(target)
        text = corrected if corrected is not None else (current.text if current else None)
        if text is None:
            raise InputError(f"block {block_id} has no {target} translation to accept")
        source = block.language if block.language != UNDETERMINED else document.language
        block.translations = [t for t in block.translations if t.language != target]
        block.translations.append(Translation(target, text, HUMAN))
        entries.append(MemoryEntry(source, target, block.text, text, approved=True))
    with store.transaction():
        store.save_document(document)
        store.memory.add(entries)
    return len(entries)


def read_corrections(path: Path) -> dict[str, str]:
    """A CSV or tab-separated file with the columns `block` and `translation` (a header row)."""
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path.name}: cannot be read as UTF-8 text ({err})") from err
    delimiter = "\t" if "\t" in text.split("\n", 1)[0] else ","
    rows = list(csv.DictReader(text.splitlines(), delimiter=delimiter))
    if not rows or not {"block", "translation"} <= set(rows[0]):
        raise InputError(f"{path.name}: needs a header row with the columns block and translation")
    return {r["block"].strip(): r["translation"].strip() for r in rows
            if (r.get("block") or "").strip() and (r.get("translation") or "").strip()}


def write_tmx(entries: Iterable[MemoryEntry], out: Path) -> int:
    """Write entries as TMX 1.4 (one unit per pair; approved ones marked); returns the count."""
    units = []
    for e in entries:
        status = "approved" if e.approved else "machine"
        units.append(
            f'  <tu srclang={quoteattr(e.source_language)}>\n'
            f'   <prop type="x-status">{status}</prop>\n'
            f'   <prop type="x-engine">{escape(e.engine)}</prop>\n'
            f'   <tuv xml:lang={quoteattr(e.source_language)}><seg>{escape(e.source_text)}'
            f'</seg></tuv>\n'
            f'   <tuv xml:lang={quoteattr(e.target_language)}><seg>{escape(e.target_text)}'
            f'</seg></tuv>\n  </tu>')
    body = "\n".join(units)
    out.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
        ' <header creationtool="sekretar" creationtoolversion="1" datatype="plaintext" '
        'segtype="paragraph" adminlang="en" srclang="*all*" o-tmf="sekretar"/>\n'
        f" <body>\n{body}\n </body>\n</tmx>\n", "utf-8")
    return len(units)
