"""The DOCX parser: blocks in reading order, list labels, tables, notes, and hostile files."""

from __future__ import annotations

import os
import resource
import time
import zipfile
from pathlib import Path

import pytest
from docx_fixtures import (
    BILLION_LAUGHS,
    REPORT_AUTHOR,
    REPORT_TITLE,
    add_zeros,
    build_plain,
    build_report,
    rewrite,
    xxe_part,
)

from corpus.errors import InputError
from corpus.model import Document
from pipeline.parse import choose_parser
from pipeline.parse.base import MAGIC_SCORE, Source
from pipeline.parse.docx.numbering import format_number
from pipeline.parse.docx.parser import DOCX_MEDIA_TYPE, DocxParser
from pipeline.parse.office.ole import ENCRYPTED, OleParser
from pipeline.parse.support.zipguard import ZipLimits, check_entries

Row = tuple[object, ...]
#: "at once": milliseconds on an idle machine, with room for a loaded CI box; an entity bomb
#: that really expanded would take minutes and gigabytes.
QUICK_SECONDS = 30.0


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


@pytest.fixture
def report(tmp_path: Path) -> Path:
    return build_report(tmp_path / "report.docx")


@pytest.fixture
def docx_corpus(shared_corpus: Path) -> Path:
    folder = shared_corpus / "docx"
    if not folder.is_dir():
        pytest.skip(f"no docx folder in the shared corpus at {shared_corpus}")
    return folder


# -- the body, from a file built with python-docx ------------------------------------------

REPORT_LAYOUT: list[Row] = [
    ("heading", "Ассамблея", 0, None, None, None, None, 1),
    ("heading", "Introduction", 1, None, None, None, None, 2),
    ("paragraph", "First paragraph.", None, None, None, None, None, 3),
    ("heading", "Повестка дня", 2, None, None, None, None, 4),
    ("heading", "Resolved", 3, None, None, None, None, 5),
    ("heading", "Outline only", 4, None, None, None, None, 6),
    ("paragraph", "Tab\there\nnext line", None, None, None, None, None, 7),
    ("list_item", "One", None, "1.", None, None, None, 8),
    ("list_item", "Two", None, "2.", None, None, None, 9),
    ("list_item", "Point", None, "•", None, None, None, 10),
    ("list_item", "Первый", None, "а)", None, None, None, 11),
    ("list_item", "Второй", None, "б)", None, None, None, 12),
    ("list_item", "Вложенный", None, "б.1.", None, None, None, 13),
    ("list_item", "Пятый", None, "д)", None, None, None, 14),
    ("table_cell", "Merged across", None, None, 0, 0, 0, 15),
    ("table_cell", "C", None, None, 0, 0, 2, 16),
    ("table_cell", "D\nD2", None, None, 0, 1, 0, 17),
    ("table_cell", "E", None, None, 0, 1, 1, 18),
    ("table_cell", "Merged down", None, None, 0, 1, 2, 19),
    ("table_cell", "G", None, None, 0, 2, 0, 20),
    ("table_cell", "in1", None, None, 1, 0, 0, 21),
    ("table_cell", "in2", None, None, 1, 0, 1, 22),
    ("paragraph", "After the table.", None, None, None, None, None, 23),
    ("paragraph", "Second section.", None, None, None, None, None, 24),
    ("header", "Шапка", None, None, None, None, None, None),
    ("footer", "Подвал", None, None, None, None, None, None),
    ("header", "Титул", None, None, None, None, None, None),
]


def test_report_blocks_in_reading_order(report: Path) -> None:
    assert layout(parse(report)) == REPORT_LAYOUT


def test_report_metadata(report: Path) -> None:
    document = parse(report)
    assert document.title == REPORT_TITLE
    assert document.author == REPORT_AUTHOR
    assert document.created == "2024-05-17T09:30:00+00:00"
    assert document.modified == "2024-05-18T12:00:00+00:00"
    assert document.media_type == DOCX_MEDIA_TYPE
    assert document.problems == []
    assert [b.order for b in document.blocks] == list(range(len(REPORT_LAYOUT)))


def test_title_falls_back_to_first_heading(tmp_path: Path) -> None:
    path = build_plain(tmp_path / "plain.docx", ["Текст."], heading="О бюджете")
    document = parse(path)
    assert document.title == "О бюджете"
    assert layout(document) == [
        ("heading", "О бюджете", 2, None, None, None, None, 1),
        ("paragraph", "Текст.", None, None, None, None, None, 2),
    ]


def test_empty_document_is_a_finding(tmp_path: Path) -> None:
    document = parse(build_plain(tmp_path / "empty.docx", ["", "   "]))
    assert document.blocks == []
    assert document.problems == ["no text found"]


def test_registry_prefers_docx_for_a_word_zip(report: Path, tmp_path: Path) -> None:
    source = Source.from_path(report)
    assert DocxParser().score(source, source.head()) > MAGIC_SCORE
    assert isinstance(choose_parser(source), DocxParser)
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("content.xml", "<x/>")
    other_source = Source.from_path(other)
    assert DocxParser().score(other_source, other_source.head()) == MAGIC_SCORE


@pytest.mark.parametrize(
    ("number", "fmt", "label"),
    [
        (1, "lowerLetter", "a"),
        (27, "lowerLetter", "aa"),
        (28, "upperLetter", "BB"),
        (4, "upperRoman", "IV"),
        (1994, "lowerRoman", "mcmxciv"),
        (3, "russianLower", "в"),
        (29, "russianUpper", "АА"),
        (7, "decimalZero", "07"),
        (5, "ordinal", "5"),
        (10**9, "lowerLetter", "1000000000"),
    ],
)
def test_number_formats(number: int, fmt: str, label: str) -> None:
    assert format_number(number, fmt) == label


# -- hostile and broken files ---------------------------------------------------------------


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real DOCX with an extra part of 200 MB of zeros (built once: it takes a moment)."""
    folder = tmp_path_factory.mktemp("bomb")
    report = build_report(folder / "report.docx")
    return add_zeros(report, folder / "bomb.docx", "word/media/zeros.bin", 200)


def test_zip_bomb_is_refused_before_decompression(
    bomb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bomb.stat().st_size < 2 * 1024 * 1024
    opened: list[str] = []
    real_open = zipfile.ZipFile.open

    def spy(archive: zipfile.ZipFile, name: str | zipfile.ZipInfo, *args: object, **kw: object):
        opened.append(name if isinstance(name, str) else name.filename)
        return real_open(archive, name, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    with pytest.raises(
        InputError,
        match=r"^suspicious compression \(zip bomb\?\): part word/media/zeros.bin expands",
    ):
        parse(bomb)
    assert opened == []


def test_total_size_limit_comes_from_options(report: Path) -> None:
    with pytest.raises(InputError, match=r"^too large: DOCX unpacks to"):
        parse(report, options={"max_unzipped_mb": 0.01})


def test_ratio_limit_comes_from_options(report: Path, tmp_path: Path) -> None:
    padded = add_zeros(report, tmp_path / "padded.docx", "word/media/zeros.bin", 8)
    assert parse(padded, options={"max_zip_ratio": 5000}).title == REPORT_TITLE
    with pytest.raises(InputError, match="zip bomb"):
        parse(padded)


@pytest.mark.parametrize("name", ["../evil.xml", "/etc/evil.xml", "word/../../evil.xml"])
def test_escaping_part_names_are_refused(report: Path, tmp_path: Path, name: str) -> None:
    bad = rewrite(report, tmp_path / "escape.docx", {name: b"<x/>"}, add=True)
    with pytest.raises(InputError, match=r"^corrupt DOCX: unsafe part name"):
        parse(bad)


def test_too_many_parts_are_refused() -> None:
    entries = [zipfile.ZipInfo(f"word/part{index}.xml") for index in range(10_001)]
    with pytest.raises(InputError, match=r"^too large: DOCX has 10001 parts \(limit 10000\)$"):
        check_entries(entries, ZipLimits())


def test_billion_laughs_does_not_explode(report: Path, tmp_path: Path) -> None:
    bomb = rewrite(report, tmp_path / "laughs.docx", {"word/document.xml": BILLION_LAUGHS})
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    with pytest.raises(InputError, match=r"^corrupt DOCX: "):
        parse(bomb)
    assert time.perf_counter() - started < QUICK_SECONDS
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kb < 100 * 1024


def test_external_entity_in_document_is_refused(report: Path, tmp_path: Path) -> None:
    xxe = rewrite(report, tmp_path / "xxe.docx", {"word/document.xml": xxe_part("document")})
    with pytest.raises(InputError, match="declares a DTD") as caught:
        parse(xxe)
    assert "root:" not in str(caught.value)


def test_external_entity_in_footnotes_is_refused(docx_corpus: Path, tmp_path: Path) -> None:
    part = xxe_part("footnotes", wrapper="footnote")
    xxe = rewrite(
        docx_corpus / "mammoth__footnotes.docx", tmp_path / "x.docx", {"word/footnotes.xml": part}
    )
    with pytest.raises(InputError, match=r"^corrupt DOCX: word/footnotes.xml declares a DTD"):
        parse(xxe)


def test_unreadable_xml_is_an_input_error(report: Path, tmp_path: Path) -> None:
    broken = rewrite(report, tmp_path / "broken.docx", {"word/document.xml": b"<w:document"})
    with pytest.raises(InputError, match=r"^corrupt DOCX: "):
        parse(broken)


def test_zip_without_main_document(tmp_path: Path) -> None:
    path = tmp_path / "nodoc.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        archive.writestr(
            "_rels/.rels",
            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
        )
    with pytest.raises(InputError, match=r"^corrupt DOCX: no main document part"):
        parse(path)


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    with pytest.raises(InputError, match=r"^corrupt DOCX: not a readable zip archive"):
        parse(path)


# -- the shared corpus, read in place ------------------------------------------------------


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
    from pipeline.parse import choose_parser

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
        "SEKRETAR_SHARED_CORPUS", Path(__file__).resolve().parents[4] / "shared" / "corpus"
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


def patched(source: Path, target: Path, part: str, offset: int, value: int) -> Path:
    """A copy of `source` whose local and central headers of `part` carry `value` (two bytes,
    little-endian) at `offset` from the local header (compression method 8, flags 6); the
    central header holds the same fields two bytes further on."""
    data = bytearray(source.read_bytes())
    name = part.encode()
    for signature, shift in ((b"PK\x03\x04", 0), (b"PK\x01\x02", 2)):
        start = data.find(signature)
        while start != -1:
            name_at = start + (30 if shift == 0 else 46)
            if data[name_at:name_at + len(name)] == name:
                data[start + offset + shift:start + offset + shift + 2] = value.to_bytes(2, "little")
            start = data.find(signature, start + 4)
    target.write_bytes(bytes(data))
    return target


@pytest.mark.parametrize(("offset", "value", "says"), [
    (8, 99, "uses compression method 99, which office packages never use"),
    (6, 0x1, "is encrypted"),
    (6, 0x20, "holds patched data"),
])
def test_parts_zipfile_cannot_read_are_refused_up_front(
    report: Path, tmp_path: Path, offset: int, value: int, says: str
) -> None:
    """Found by fuzzing: such parts made zipfile raise NotImplementedError or RuntimeError
    (not our error) when python-docx read them."""
    broken = patched(report, tmp_path / "broken.docx", "word/document.xml", offset, value)
    with pytest.raises(InputError, match=f"^corrupt DOCX: part 'word/document.xml' {says}$"):
        parse(broken)
