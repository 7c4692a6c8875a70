"""Writing a meeting's minutes in an exchange format: what `sekretar exchange` calls.

`akn` writes one Akoma Ntoso `debate` per set of minutes, `akn-resolution` one Akoma Ntoso
`statement` of its adopted decisions: to OUT when the reference names one document, else to
OUT with the meeting key and language appended (`minutes-2025-04-09-12-ru.xml`). `popolo` writes one JSON file with the vote events of every
meeting the reference names (one language version each, so no vote is counted twice).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from corpus.errors import InputError, NotFound
from corpus.messages import Message
from corpus.model import Document
from corpus.store import Store
from pipeline.exchange.akn import debate_xml
from pipeline.exchange.popolo import popolo
from pipeline.exchange.statement import statement_xml
from pipeline.resolution.compile import find_meetings

FORMATS = ("akn", "akn-resolution", "popolo")


def export_meetings(store: Store, ref: str, fmt: str, out: Path) -> list[Path]:
    """Write the minutes `ref` names (a meeting key, a date, a collection label or a document)
    as `fmt`; returns the files written."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}: use akn, akn-resolution or popolo")
    meetings = _meetings(store, ref)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "popolo":
        data = popolo([documents[0] for _, documents in meetings])
        out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")
        return [out]
    written = []
    pairs = [(key, document) for key, documents in meetings for document in documents]
    for key, document in pairs:
        path = out if len(pairs) == 1 else out.with_name(
            f"{out.stem}-{_slug(key)}-{document.language}{out.suffix}")
        path.write_bytes(debate_xml(document) if fmt == "akn" else statement_xml(document))
        written.append(path)
    return written


def _meetings(store: Store, ref: str) -> list[tuple[str, list[Document]]]:
    """The meetings `ref` names, or an error that says plainly that it names none."""
    if not store.minutes_ids(ref):
        try:
            store.resolve(ref)
        except NotFound as err:
            if getattr(err.args[0], "key", None) != "no_document":
                raise
            raise NotFound(Message("no_meeting", ref=ref)) from None
    try:
        return find_meetings(store, ref)
    except NotFound:
        raise NotFound(Message("not_minutes", ref=ref)) from None


def _slug(key: str) -> str:
    return re.sub(r"[^\w-]+", "-", key).strip("-")
