"""Word helpers for the resolution draft: a document from a template, styles that may be
missing, list numbering that restarts in each language section, page numbers in the footer,
and comments that point to the source.

python-docx has no API for fields or for restarting a numbered list, so those two write the
WordprocessingML directly (a PAGE field; a new `w:num` with a `w:startOverride` over the
"List Number" style's abstract numbering). LibreOffice and Word both read them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from corpus.errors import ConfigError

AUTHOR = "sekretar"
INITIALS = "SK"


def new_document(template: Path | None) -> DocxDocument:
    """A document with the template's styles and page set-up and an empty body."""
    if template is None:
        return docx.Document()
    try:
        document = docx.Document(str(template))
    except Exception as err:  # noqa: BLE001 - python-docx raises many kinds for a bad file
        raise ConfigError(f"cannot use template {template}: {err}") from err
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document


def style_name(document: DocxDocument, wanted: str, fallback: str = "Normal") -> str:
    """`wanted` when the document has that paragraph style, else `fallback`."""
    names = {s.name for s in document.styles if s.type == WD_STYLE_TYPE.PARAGRAPH}
    return wanted if wanted in names else fallback


def start_section(document: DocxDocument, first: bool) -> None:
    """Each language after the first starts on a new page, in a section of its own."""
    if not first:
        document.add_section(WD_SECTION.NEW_PAGE)


def add_page_number_footer(document: DocxDocument) -> None:
    """A centred PAGE field in the first section's footer (later sections link to it)."""
    footer = document.sections[0].footer
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "1"),
                       ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == "PAGE":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = " PAGE "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def restarted_numbering(document: DocxDocument, style: str) -> int | None:
    """A new numbering instance for `style` starting at 1; None if the style is not a list."""
    numbering = document.part.numbering_part.element
    num_id = _style_num_id(document, style)
    if num_id is None:
        return None
    abstract = _abstract_of(numbering, num_id)
    if abstract is None:
        return None
    new_id = max(int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))) + 1
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(new_id))
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), abstract)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.extend([ref, override])
    numbering.append(num)
    return new_id


def _style_num_id(document: DocxDocument, style: str) -> str | None:
    try:
        element = document.styles[style].element
    except KeyError:
        return None
    found = element.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    return found.get(qn("w:val")) if found is not None else None


def _abstract_of(numbering: Any, num_id: str) -> str | None:
    for num in numbering.findall(qn("w:num")):
        if num.get(qn("w:numId")) == num_id:
            found = num.find(qn("w:abstractNumId"))
            return found.get(qn("w:val")) if found is not None else None
    return None


def number_paragraph(paragraph: Paragraph, num_id: int | None) -> None:
    """Put a List Number paragraph on a restarted numbering instance."""
    if num_id is None:
        return
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    level = OxmlElement("w:ilvl")
    level.set(qn("w:val"), "0")
    ident = OxmlElement("w:numId")
    ident.set(qn("w:val"), str(num_id))
    num_pr.extend([level, ident])
    p_pr.append(num_pr)


def comment_on(document: DocxDocument, paragraph: Paragraph, text: str) -> None:
    """A Word comment on the paragraph's runs (python-docx ≥ 1.2)."""
    runs = paragraph.runs or [paragraph.add_run("")]
    document.add_comment(runs, text=text, author=AUTHOR, initials=INITIALS)
