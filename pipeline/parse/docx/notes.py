"""Headers, footers, footnotes, endnotes and comments: text outside the body.

They live in their own package parts, reached through the main document part's
relationships. python-docx models headers, footers and comments as XML parts (we take their
parsed element); footnotes and endnotes it keeps as raw bytes, which we parse with our safe
parser. Each header or footer text is kept once however many sections repeat it; each note or
comment is one block whose paragraphs are joined with newlines.
"""

from __future__ import annotations

from collections.abc import Iterator

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part, XmlPart

from corpus.model import Document
from pipeline.parse.docx.text import LabelFor, story_lines
from pipeline.parse.docx.xml import R_ID, Element, parse_part, refuse_doctype, w

W_SECT_PR = w("sectPr")
W_TYPE = w("type")
_REFERENCES = {w("headerReference"): "header", w("footerReference"): "footer"}
#: footnote "types" that are layout (the rule above the notes), not text anyone wrote.
_SEPARATORS = frozenset({"separator", "continuationSeparator", "continuationNotice"})
_NOTE_PARTS = (
    (RT.FOOTNOTES, "footnote", w("footnote")),
    (RT.ENDNOTES, "endnote", w("endnote")),
    (RT.COMMENTS, "comment", w("comment")),
)


def part_root(part: Part) -> Element:
    """The XML root of a part, refusing one that declares a DTD."""
    name = str(part.partname).lstrip("/")
    if isinstance(part, XmlPart):
        root = part.element
        refuse_doctype(root, name)
        return root
    return parse_part(part.blob, name)


def related_parts(document_part: Part, reltype: str) -> list[Part]:
    """The internal parts the main document relates to with `reltype`, in rId order."""
    rels = [r for r in document_part.rels.values() if r.reltype == reltype and not r.is_external]
    return [r.target_part for r in sorted(rels, key=lambda r: _rid_key(r.rId))]


def _rid_key(rid: str) -> tuple[int, str]:
    digits = "".join(ch for ch in rid if ch.isdigit())
    return (int(digits) if digits else 0, rid)


def add_headers_footers(
    document: Document, document_part: Part, body: Element, label_for: LabelFor
) -> None:
    """One "header"/"footer" block per distinct text, in the order sections reference them.

    Every section can name a first-page, even-page and default header and footer; sections
    that name none inherit the previous ones, so the same text recurs and is kept once.
    """
    seen: set[tuple[str, str]] = set()
    for kind, part in _referenced_parts(document_part, body):
        text = "\n".join(story_lines(part_root(part), label_for)).strip()
        if text and (kind, text) not in seen:
            seen.add((kind, text))
            document.add_block(kind, text)


def _referenced_parts(document_part: Part, body: Element) -> Iterator[tuple[str, Part]]:
    rels = document_part.rels
    for sect_pr in body.iter(W_SECT_PR):
        for reference in sect_pr:
            kind = _REFERENCES.get(reference.tag)
            rel = rels.get(reference.get(R_ID) or "") if kind else None
            if kind and rel is not None and not rel.is_external:
                yield kind, rel.target_part


def add_notes(document: Document, document_part: Part, label_for: LabelFor) -> None:
    """Footnotes, then endnotes, then comments, each in the order of its part."""
    for reltype, kind, tag in _NOTE_PARTS:
        for part in related_parts(document_part, reltype):
            for note in part_root(part).iter(tag):
                if note.get(W_TYPE) in _SEPARATORS:
                    continue
                text = "\n".join(story_lines(note, label_for)).strip()
                if text:
                    document.add_block(kind, text)
