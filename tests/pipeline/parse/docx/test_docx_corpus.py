"""The DOCX parser on the shared corpus, read in place: notes, comments, tracked changes,
fields, Strict Open XML, list numbering, encrypted and legacy files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from docx_fixtures import (
    layout,
    parse,
    texts,
)

from corpus.errors import InputError
from pipeline.parse import choose_parser
from pipeline.parse.base import MAGIC_SCORE, Source
from pipeline.parse.docx.parser import DocxParser
from pipeline.parse.office.ole import ENCRYPTED, OleParser


def test_truncated_zip(docx_corpus: Path) -> None:
    source = Source.from_path(docx_corpus / "tika__testWORD_truncated.docx")
    assert DocxParser().score(source, source.head()) > MAGIC_SCORE
    with pytest.raises(InputError, match=r"^corrupt DOCX: not a readable zip archive"):
        DocxParser().parse(source)


def test_encrypted_docx_needs_a_password(docx_corpus: Path) -> None:
    path = docx_corpus / "tika__testWORD_protected_passtika.docx"
    with pytest.raises(InputError, match=f"^{ENCRYPTED}$"):
        parse(path)
    with pytest.raises(InputError, match=f"^{ENCRYPTED}$"):
        OleParser().parse(Source.from_path(path))
    with pytest.raises(InputError, match="^encrypted: wrong password$"):
        OleParser().parse(Source.from_path(path, password="wrong"))


def test_encrypted_docx_with_password(docx_corpus: Path) -> None:
    source = Source.from_path(
        docx_corpus / "tika__testWORD_protected_passtika.docx", password="tika"
    )
    document = OleParser().parse(source)
    assert texts(document, "paragraph") == ["This is an encrypted Word 2007 File."]


@pytest.mark.parametrize("name", ["docling__legacy_sample.doc", "tika__testWORD6.doc"])
def test_legacy_word_goes_to_the_libreoffice_parser(docx_corpus: Path, name: str) -> None:
    """Binary Word files are converted by LibreOffice (tests/pipeline/parse/office/test_office_parser.py reads
    them); the OLE2 parser still bids on them, but lower."""

    source = Source.from_path(docx_corpus / name)
    assert OleParser().score(source, source.head()) == MAGIC_SCORE
    assert choose_parser(source).name == "legacy-office"


def test_footnotes(docx_corpus: Path) -> None:
    tika = parse(docx_corpus / "tika__footnotes.docx")
    assert texts(tika, "paragraph") == ["Eto ochen prostoy text so snoskoy"]
    assert texts(tika, "footnote") == ["snoska"]
    mammoth = parse(docx_corpus / "mammoth__footnotes.docx")
    assert texts(mammoth, "footnote") == ["A tachyon walks into a bar.", "Fin."]
    assert [b.kind for b in mammoth.blocks] == ["paragraph", "footnote", "footnote"]


def test_endnotes(docx_corpus: Path) -> None:
    document = parse(docx_corpus / "mammoth__endnotes.docx")
    assert texts(document, "endnote") == ["A tachyon walks into a bar.", "Fin."]


def test_comments(docx_corpus: Path) -> None:
    document = parse(docx_corpus / "mammoth__comments.docx")
    assert layout(document) == [
        ("paragraph", "Ouch.", None, None, None, None, None, 1),
        ("comment", "A tachyon walks into a bar.", None, None, None, None, None, None),
        ("comment", "Fin.", None, None, None, None, None, None),
    ]


def test_headers_and_footers(docx_corpus: Path) -> None:
    document = parse(docx_corpus / "pythondocx__hdr-header-footer.docx")
    assert texts(document, "header") == ["Header for section-1"]
    assert texts(document, "footer") == ["Footer for section 1"]


def test_text_boxes_are_read_exactly_once(docx_corpus: Path) -> None:
    mammoth = parse(docx_corpus / "mammoth__text-box.docx")
    assert layout(mammoth) == [("text_box", "Datum plane", None, None, None, None, None, 1)]
    tika = parse(docx_corpus / "tika__testWORD_text_box.docx")
    assert [(b.kind, b.text) for b in tika.blocks] == [
        ("paragraph", "This text is directly in the body of the document."),
        ("text_box", "This text is inside of a text box in the body of the document."),
        ("header", "This text is inside of a text box in the header of the document."),
        ("footer", "This text is inside of a text box in the footer of the document."),
    ]
    assert tika.text.count("text box in the body") == 1


def test_tracked_changes_keep_insertions_drop_deletions(docx_corpus: Path) -> None:
    document = parse(docx_corpus / "tika__testWORD_features.docx")
    first = document.blocks[0].text
    assert "Maecenas eget elit insert this fringilla, est eu, volutpat urna.ad litora" in first
    assert "quis. While euismod posuere" in first
    assert "sociosqutorquent inceptos himenaeos." in first
    for deleted in ("bibendum", "Donec"):
        assert deleted not in document.text
    assert texts(document, "comment") == ["This is another comment", "This is a comment"]


def test_tracked_changes_in_table_rows(docx_corpus: Path) -> None:
    document = parse(docx_corpus / "tika__testWORD_2006ml.docx")
    cells = [(b.text, b.row, b.col) for b in document.blocks if b.table == 3]
    assert cells == [("R1c1", 0, 0), ("R1c2", 0, 1), ("R4c1", 1, 0), ("R3c2", 1, 1), ("R4c2", 2, 1)]
    for deleted in ("R2c1", "R3c1", "Del r2c2"):
        assert deleted not in document.text


def test_fields_keep_results_drop_instructions(docx_corpus: Path) -> None:
    document = parse(docx_corpus / "tika__testWORD_2006ml.docx")
    assert "Heading1\t3" in texts(document, "paragraph")
    for instruction in ("TOC", "PAGEREF", "CITATION", "SEQ Table"):
        assert instruction not in document.text
    assert document.title == "My Document Title"


def test_content_controls_keep_their_text(docx_corpus: Path) -> None:
    document = parse(docx_corpus / "docling__content_control_with_picture.docx")
    assert texts(document, "paragraph") == ["COVER TITLE INSIDE SDT", "BODY TEXT OUTSIDE SDT"]


@pytest.mark.parametrize(
    ("name", "text"),
    [("docling__Strict.docx", "Some text"), ("mammoth__strict-format.docx", "Test")],
)
def test_strict_open_xml_is_read(docx_corpus: Path, name: str, text: str) -> None:
    assert texts(parse(docx_corpus / name), "paragraph") == [text]


NUMBERED_LIST_LABELS = [
    ("This", "1)"), ("Is", "a)"), ("A multi", "i)"), ("Level", "ii)"), ("List", "iii)"),
    ("foo", "2)"), ("bar", "i)"), ("baz", "ii)"), ("yet", "I."), ("another", "a)"),
    ("list", "i)"), ("foo", "ii)"), ("bar", "II."), ("baz", "a)"), ("baq", "(1)"),
    ("six", "6."), ("seven", "7."), ("seven a", "a."), ("seven e", "e."), ("seven f", "f."),
    ("list 1", "1."), ("list 2", "2."), ("A", "A."), ("A i", "i."), ("A ii", "ii."),
    ("A ii a", "a."), ("A ii b", "b."), ("A ii 2", "2."), ("page break list 3", "3."),
    ("Greek numbering with crazy format - alpha", "Some-1-CrazyFormat"),
    ("Greek numbering with crazy format - beta", "Some-2-CrazyFormat"),
    ("1", "1."), ("1.1.1", "1.1.1."),
    ("1.2->1.1  //set the value to 1 and “start new list”", "1.1."),
    ("1.3 -> 1.2", "1.2."), ("2.", "2."), ("2.1", "2.1."),
]  # fmt: skip


def test_numbered_list_labels(docx_corpus: Path) -> None:
    document = parse(docx_corpus / "tika__testWORD_numbered_list.docx")
    items = [(b.text, b.list_label) for b in document.blocks if b.kind == "list_item"]
    assert items == NUMBERED_LIST_LABELS
    cell = next(b for b in document.blocks if b.kind == "table_cell" and b.col == 1)
    assert cell.text == "1. Within cell 1\na. Cell a\nb. Cell b"


def test_override_list_numbering(docx_corpus: Path) -> None:
    """Each item of this file says its own label; Word's labels must match, override or not."""
    document = parse(docx_corpus / "tika__testWORD_override_list_numbering.docx")
    items = [(b.text, b.list_label) for b in document.blocks if b.kind == "list_item"]
    assert len(items) == 44
    ordinal = {"0th": "0", "1st": "1", "2nd": "2", "3rd": "3", "4th": "4", "5th": "5"}
    bullets = {"·": "•"}
    for text, label in items:
        expected = ordinal.get(text) or bullets.get(text) or text.replace("1st", "1")
        assert label == expected, text


def test_resumed_numbering(docx_corpus: Path) -> None:
    document = parse(docx_corpus / "docling__docx_list_resumed_numbering.docx")
    assert [(b.kind, b.list_label, b.text) for b in document.blocks] == [
        ("heading", None, "Ordered list resumed after an intervening bullet list"),
        ("list_item", "1.", "First ordered item"),
        ("list_item", "2.", "Second ordered item"),
        ("list_item", "•", "bullet one"),
        ("list_item", "•", "bullet two"),
        ("list_item", "3.", "Third ordered item"),
    ]


def _corpus_files() -> list[str]:
    """The corpus file names, known at collection time (the folder may be missing: no cases)."""
    root = os.environ.get(
        "SEKRETAR_SHARED_CORPUS", Path(__file__).resolve().parents[5] / "shared" / "corpus"
    )
    folder = Path(root) / "docx"
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


@pytest.mark.parametrize("name", _corpus_files())
def test_every_corpus_file_ends_as_document_or_input_error(docx_corpus: Path, name: str) -> None:
    source = Source.from_path(docx_corpus / name)
    if name.endswith(".doc"):
        return  # converted by LibreOffice: see tests/pipeline/parse/office/test_office_parser.py
    parser = DocxParser()
    try:
        document = parser.parse(source)
    except InputError as err:
        assert str(err)
        return
    assert document.id == source.sha256
    assert all(b.text == b.text.strip() and b.text for b in document.blocks)
    assert document.blocks or document.problems == ["no text found"]
