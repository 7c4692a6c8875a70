"""Real DOCX files for the DOCX parser tests, built with python-docx (and, for what python-docx
cannot write, a few lines of WordprocessingML added to its parts).

Each builder writes one file and returns its path. Hostile files (zip bombs, entity bombs,
XXE) are built by rewriting a normal DOCX's zip entries. `parse`, `layout` and `texts` read a
file back the way the tests compare it.
"""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from corpus.model import Document
from pipeline.parse.base import Source
from pipeline.parse.docx.parser import DocxParser

REPORT_TITLE = "Отчёт о сессии"
REPORT_AUTHOR = "Секретариат"
REPORT_CREATED = datetime(2024, 5, 17, 9, 30, tzinfo=UTC)
REPORT_MODIFIED = datetime(2024, 5, 18, 12, 0, tzinfo=UTC)

#: a list definition python-docx cannot make: Russian letters at level 0, decimals at level 1.
RUSSIAN_LIST = f"""
<w:abstractNum {nsdecls("w")} w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="russianLower"/>
    <w:lvlText w:val="%1)"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
    <w:lvlText w:val="%1.%2."/></w:lvl>
</w:abstractNum>"""
RUSSIAN_NUM = f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="90"/></w:num>'
RESTARTED_NUM = f"""
<w:num {nsdecls("w")} w:numId="92"><w:abstractNumId w:val="90"/>
  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>
</w:num>"""


def build_report(path: Path) -> Path:
    """A report with every body feature the parser classifies, plus header and footer."""
    document = docx.Document()
    _set_properties(document)
    _add_headings(document)
    _add_lists(document)
    _add_table(document)
    document.add_paragraph("After the table.")
    _add_headers(document)
    document.save(str(path))
    return path


def _set_properties(document: DocxDocument) -> None:
    properties = document.core_properties
    properties.title = REPORT_TITLE
    properties.author = REPORT_AUTHOR
    properties.created = REPORT_CREATED
    properties.modified = REPORT_MODIFIED


def _add_headings(document: DocxDocument) -> None:
    styles = document.styles
    document.add_paragraph("Ассамблея", style="Title")
    document.add_heading("Introduction", level=1)
    document.add_paragraph("First paragraph.")
    document.add_paragraph("")
    russian = styles.add_style("Заголовок 2", WD_STYLE_TYPE.PARAGRAPH)
    russian.base_style = styles["Normal"]
    document.add_paragraph("Повестка дня", style=russian)
    decision = styles.add_style("Decision", WD_STYLE_TYPE.PARAGRAPH)
    decision.base_style = styles["Heading 3"]
    document.add_paragraph("Resolved", style=decision)
    outlined = document.add_paragraph("Outline only")
    outlined._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="3"/>'))
    spaced = document.add_paragraph("Tab")
    run = spaced.add_run()
    run.add_tab()
    run.add_text("here")
    run.add_break()
    run.add_text("next line")


def _add_lists(document: DocxDocument) -> None:
    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    first_num.addprevious(parse_xml(RUSSIAN_LIST))
    numbering.append(parse_xml(RUSSIAN_NUM))
    numbering.append(parse_xml(RESTARTED_NUM))
    document.add_paragraph("One", style="List Number")
    document.add_paragraph("Two", style="List Number")
    document.add_paragraph("Point", style="List Bullet")
    for text, num_id, ilvl in (
        ("Первый", 91, 0),
        ("Второй", 91, 0),
        ("Вложенный", 91, 1),
        ("Пятый", 92, 0),
    ):
        _numbered(document, text, num_id, ilvl)


def _numbered(document: DocxDocument, text: str, num_id: int, ilvl: int) -> None:
    paragraph = document.add_paragraph(text)
    numpr = parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    )
    paragraph._p.get_or_add_pPr().append(numpr)


def _add_table(document: DocxDocument) -> None:
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Merged across"
    table.cell(0, 2).text = "C"
    table.cell(1, 0).text = "D"
    table.cell(1, 0).add_paragraph("D2")
    table.cell(1, 1).text = "E"
    table.cell(1, 2).merge(table.cell(2, 2)).text = "Merged down"
    table.cell(2, 0).text = "G"
    inner = table.cell(2, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "in1"
    inner.cell(0, 1).text = "in2"


def _add_headers(document: DocxDocument) -> None:
    first = document.sections[0]
    first.header.paragraphs[0].text = "Шапка"
    first.footer.paragraphs[0].text = "Подвал"
    first.different_first_page_header_footer = True
    first.first_page_header.paragraphs[0].text = "Титул"
    second = document.add_section()
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "Шапка"
    document.add_paragraph("Second section.")


def build_plain(path: Path, paragraphs: list[str], heading: str | None = None) -> Path:
    """A DOCX with no core title, an optional heading and some paragraphs."""
    document = docx.Document()
    document.core_properties.title = ""
    if heading is not None:
        document.add_heading(heading, level=2)
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def rewrite(source: Path, target: Path, replace: dict[str, bytes], add: bool = False) -> Path:
    """A copy of a DOCX with some entries replaced (or added when `add`), compressed."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for entry in old.infolist():
            data = replace.get(entry.filename, old.read(entry))
            new.writestr(entry.filename, data)
        if add:
            for name, data in replace.items():
                if name not in old.NameToInfo:
                    new.writestr(name, data)
    return target


def add_zeros(source: Path, target: Path, name: str, megabytes: int) -> Path:
    """A copy of a DOCX with an extra part of `megabytes` MB of zeros, written in chunks."""
    rewrite(source, target, {})
    chunk = bytes(1024 * 1024)
    with zipfile.ZipFile(target, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        with archive.open(name, "w", force_zip64=True) as part:
            for _ in range(megabytes):
                part.write(chunk)
    return target


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"""


def xxe_part(root: str, wrapper: str = "body", secret_path: str = "/etc/passwd") -> bytes:
    """A WordprocessingML part whose text is an external entity pointing at a local file."""
    return f"""<?xml version="1.0"?>
<!DOCTYPE w:{root} [ <!ENTITY xxe SYSTEM "file://{secret_path}"> ]>
<w:{root} xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:{wrapper} w:id="1"><w:p><w:r><w:t>leak:&xxe;</w:t></w:r></w:p></w:{wrapper}></w:{root}>""".encode()


Row = tuple[object, ...]


def parse(path: Path, **known: object) -> Document:
    return DocxParser().parse(Source.from_path(path, **known))


def layout(document: Document) -> list[Row]:
    """Kind, text, level, label, table, row, col and paragraph of every block."""
    return [
        (b.kind, b.text, b.level, b.list_label, b.table, b.row, b.col, b.paragraph)
        for b in document.blocks
    ]


def texts(document: Document, kind: str) -> list[str]:
    return [b.text for b in document.blocks if b.kind == kind]

