"""Exports of a stored document in another language: translated DOCX, bilingual DOCX, JSON.

The translated DOCX rebuilds the document from its blocks: headings keep their level, list items
a list style (numbered when the label was a number), table cells their table, row and column;
headers and footers go to the section's header and footer, notes and comments after the body.
A block already in the target language is taken as it is; a block without a translation keeps
its original text and is counted, so a caller can say "12 blocks untranslated" instead of
handing out a half-translated file as if it were whole.

The side-by-side DOCX is one two-column table (original | translation), one row per block in
reading order, which is what editors check a translation against.

Both DOCX forms carry a comment on every paragraph an editor must look at: a translation the
quality checks flagged (with their reason, in the target language where it has wording) and a
block left in its own language (never passed off as a translation). Whether an export may go
ahead with untranslated blocks at all is the caller's decision (`pipeline.translate.gaps`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from corpus.errors import ConfigError
from corpus.model import UNDETERMINED, Block, Document
from corpus.review import describe

FORMATS = ("docx", "json")
#: who the review comments in an exported DOCX are from.
COMMENT_AUTHOR = ("sekretar", "S")
_NOTES = ("footnote", "endnote", "comment")
_MARGINALIA = ("header", "footer")


@dataclass
class ExportReport:
    """What an export wrote."""

    path: str
    language: str
    format: str
    blocks: int
    translated: int
    untranslated: int


def export_document(
    document: Document,
    language: str,
    fmt: str,
    out: Path,
    side_by_side: bool = False,
    why: Mapping[str, str] | None = None,
) -> ExportReport:
    """Write `document` in `language` as `fmt` to `out` (written whole, then renamed).

    `why` says, per source language, why its blocks have no translation (the comment on them).
    """
    comments = [review_note(b, document, language, why) for b in document.blocks]
    if fmt not in FORMATS:
        raise ConfigError(f"export format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if side_by_side and fmt != "docx":
        raise ConfigError("--side-by-side makes a DOCX; use --format docx")
    texts = [target_text(b, document, language) for b in document.blocks]
    partial = out.with_name(f".{out.name}.partial")
    if fmt == "json":
        partial.write_text(
            json.dumps(document_json(document, language, why), ensure_ascii=False, indent=2),
            "utf-8",
        )
    elif side_by_side:
        _side_by_side(document, language, texts, comments).save(str(partial))
    else:
        _translated(document, texts, comments).save(str(partial))
    os.replace(partial, out)
    done = sum(1 for t in texts if t is not None)
    return ExportReport(str(out), language, fmt, len(texts), done, len(texts) - done)


def target_text(block: Block, document: Document, language: str) -> str | None:
    """The block's text in `language`: its own when already in it, else its translation."""
    own = block.language if block.language != UNDETERMINED else document.language
    if own == language or not block.text.strip():
        return block.text
    translation = block.translation(language)
    return translation.text if translation else None


def block_language(block: Block, document: Document) -> str:
    """The block's own language (the document's when the block has none)."""
    return block.language if block.language != UNDETERMINED else document.language


def untranslated(document: Document, language: str) -> dict[str, int]:
    """Blocks without a `language` text, counted by their own language."""
    gaps: dict[str, int] = {}
    for block in document.blocks:
        if target_text(block, document, language) is None:
            own = block_language(block, document)
            gaps[own] = gaps.get(own, 0) + 1
    return gaps


def review_note(
    block: Block, document: Document, language: str, why: Mapping[str, str] | None = None
) -> str | None:
    """The comment an editor should see on the block's exported paragraph, if any."""
    if target_text(block, document, language) is None:
        own = block_language(block, document)
        reason = (why or {}).get(own)
        return f"not translated: this paragraph is in {own}" + (f" ({reason})" if reason else "")
    translation = block.translation(language)
    if translation is not None and translation.needs_review:
        said = describe(translation.review_reason, language) or "flagged by the checks"
        return f"machine translation, needs review: {said}"
    return None


def document_json(
    document: Document, language: str, why: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """The stable JSON export: document metadata and each block with its translation."""
    blocks = []
    for block in document.blocks:
        translation = block.translation(language)
        blocks.append(
            {
                "id": block.id,
                "kind": block.kind,
                "language": block.language,
                "level": block.level,
                "table": block.table,
                "row": block.row,
                "col": block.col,
                "list_label": block.list_label,
                "text": block.text,
                "translation": asdict(translation) if translation else None,
                "target_text": target_text(block, document, language),
                "review": review_note(block, document, language, why),
            }
        )
    return {
        "id": document.id,
        "source_name": document.source_name,
        "title": document.title,
        "language": document.language,
        "target_language": language,
        "blocks": blocks,
    }


def _comment(out: Any, paragraph: Any, note: str | None) -> None:
    if note and paragraph.runs:
        out.add_comment(paragraph.runs, text=note, author=COMMENT_AUTHOR[0],
                        initials=COMMENT_AUTHOR[1])


def _translated(document: Document, texts: list[str | None], comments: list[str | None]) -> Any:
    import docx

    out = docx.Document()
    if document.title:
        out.core_properties.title = document.title
    tables_done: set[int] = set()
    notes = []
    for block, text, note in zip(document.blocks, texts, comments, strict=True):
        value = block.text if text is None else text
        if block.kind == "table_cell" and block.table is not None:
            if block.table not in tables_done:
                tables_done.add(block.table)
                _table(out, document, texts, block.table, comments)
        elif block.kind in _MARGINALIA:
            _marginal(out, block.kind, value)
        elif block.kind in _NOTES:
            notes.append((block, value, note))
        else:
            _comment(out, _paragraph(out, block, value), note)
    for block, value, note in notes:
        _comment(out, out.add_paragraph(f"[{block.list_label or block.kind}] {value}"), note)
    return out


def _paragraph(out: Any, block: Block, text: str) -> Any:
    if block.kind == "heading":
        return out.add_heading(text, level=min(max(block.level or 1, 1), 9))
    if block.kind == "list_item":
        return out.add_paragraph(text, style=_list_style(block))
    return out.add_paragraph(text)


def _list_style(block: Block) -> str:
    """List Number for numbered labels (1. a) iv.), List Bullet otherwise, nested by level."""
    label = (block.list_label or "").strip().rstrip(".)")
    numbered = bool(label) and (label.isdigit() or (label.isalpha() and len(label) <= 4))
    depth = min(max(block.level or 1, 1), 3)
    name = "List Number" if numbered else "List Bullet"
    return name if depth == 1 else f"{name} {depth}"


def _table(
    out: Any, document: Document, texts: list[str | None], number: int,
    comments: list[str | None],
) -> None:
    cells = [
        (b, t, c)
        for b, t, c in zip(document.blocks, texts, comments, strict=True)
        if b.kind == "table_cell" and b.table == number
    ]
    rows = max((b.row or 0) for b, _, _ in cells) + 1
    cols = max((b.col or 0) for b, _, _ in cells) + 1
    table = out.add_table(rows=rows, cols=cols)
    table.style = "Table Grid"
    for block, text, note in cells:
        cell = table.cell(block.row or 0, block.col or 0)
        cell.text = block.text if text is None else text
        _comment(out, cell.paragraphs[0], note)


def _marginal(out: Any, kind: str, text: str) -> None:
    """Headers and footers repeat on every page; each distinct text is written once."""
    part = out.sections[0].header if kind == "header" else out.sections[0].footer
    existing = [p.text for p in part.paragraphs]
    if text in existing:
        return
    if existing == [""]:
        part.paragraphs[0].text = text
    else:
        part.add_paragraph(text)


def _side_by_side(
    document: Document, language: str, texts: list[str | None], comments: list[str | None]
) -> Any:
    import docx

    out = docx.Document()
    out.core_properties.title = document.title or document.source_name
    out.add_heading(document.title or document.source_name, level=1)
    table = out.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.rows[0].cells[0].text = document.language
    table.rows[0].cells[1].text = language
    for block, text, note in zip(document.blocks, texts, comments, strict=True):
        row = table.add_row().cells
        row[0].text = block.text
        row[1].text = text or ""
        _comment(out, row[1].paragraphs[0] if text else row[0].paragraphs[0], note)
        if block.kind == "heading":
            for cell in row:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
    return out
