"""The PDF parser: real PDFs built with reportlab and DejaVu, and real bad files read in place."""

from __future__ import annotations

import multiprocessing
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pdf_fixtures as fx
import psutil
import pypdfium2 as pdfium
import pytest

from corpus.errors import InputError
from corpus.model import Document
from pipeline.parse import choose_parser
from pipeline.parse.base import EXTENSION_SCORE, MAGIC_SCORE, Source
from pipeline.parse.pdf.layout import clean_text, join_lines
from pipeline.parse.pdf.meta import password_candidates, pdf_date
from pipeline.parse.pdf.parser import PdfParser
from pipeline.parse.pdf.running import running_keys

SHARED_CORPUS = Path(
    os.environ.get(
        "SEKRETAR_SHARED_CORPUS", Path(__file__).resolve().parents[4] / "shared" / "corpus"
    )
)
BAD = SHARED_CORPUS / "pdf_bad"
ENCRYPTED = SHARED_CORPUS / "pdf_encrypted"
#: CPU seconds a damaged file may take. Idle, the slowest (a 76-page file with tables, a 1.5 MB
#: file with no trailer) take a few seconds; the margin is for a loaded CI machine.
CPU_DEADLINE = 60.0
#: wall seconds before a child that uses no CPU (blocked) counts as hung.
WALL_LIMIT = 900.0


def parse(path: Path, password: str | None = None) -> Document:
    return PdfParser().parse(Source.from_path(path, password=password))


def summary(document: Document) -> list[tuple[Any, ...]]:
    """Blocks as (kind, page, paragraph, level, text): what the reader of the archive sees."""
    return [(b.kind, b.page, b.paragraph, b.level, b.text) for b in document.blocks]


def corpus_files(folder: Path) -> list[Any]:
    """Files of a shared corpus folder as parameters, or one skipped parameter if it is absent."""
    if not folder.is_dir():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"{folder} not found"))]
    return [pytest.param(path, id=path.name) for path in sorted(folder.iterdir())]


def need(path: Path) -> Path:
    if not path.is_file():
        pytest.skip(f"shared corpus file {path} not found")
    return path


# ---- fixtures: real PDFs ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdf_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pdf")


@pytest.fixture(scope="module")
def report(pdf_dir: Path) -> Path:
    return fx.russian_report(pdf_dir / "report.pdf")


@pytest.fixture(scope="module")
def table_pdf(pdf_dir: Path) -> Path:
    return fx.english_table(pdf_dir / "table.pdf")


@pytest.fixture(scope="module")
def image_pdf(pdf_dir: Path) -> Path:
    return fx.with_image_page(pdf_dir / "image.pdf")


# ---- the Russian report: paragraphs, heading, running header and footer ----------------------


def test_report_blocks_in_reading_order(report: Path) -> None:
    paragraphs = fx.REPORT_PARAGRAPHS
    assert summary(parse(report)) == [
        ("header", 1, None, None, fx.REPORT_HEADER),
        ("heading", 1, 1, 1, fx.REPORT_HEADING),
        ("paragraph", 1, 2, None, paragraphs[0][0]),
        ("paragraph", 1, 3, None, paragraphs[0][1]),
        ("footer", 1, None, None, "Страница 1 из 3"),
        ("paragraph", 2, 4, None, paragraphs[1][0]),
        ("paragraph", 2, 5, None, paragraphs[1][1]),
        ("paragraph", 3, 6, None, paragraphs[2][0]),
        ("paragraph", 3, 7, None, paragraphs[2][1]),
    ]


def test_report_metadata(report: Path) -> None:
    document = parse(report)
    assert (document.title, document.author, document.pages) == (
        fx.REPORT_TITLE,
        fx.REPORT_AUTHOR,
        3,
    )
    assert document.media_type == "application/pdf"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", document.created or "")
    assert document.properties["encrypted"] is False
    assert document.problems == []


def test_text_pages_never_search_tables(report: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("table search ran on a page without rulings")

    monkeypatch.setattr("pipeline.parse.pdf.tables.find_tables", refuse)
    assert len(parse(report).blocks) == 9


def test_every_page_is_closed(report: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    closed: list[int] = []
    original = pdfium.PdfPage.close

    def counting_close(self: Any, *args: Any, **kwargs: Any) -> Any:
        closed.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(pdfium.PdfPage, "close", counting_close)
    parse(report)
    assert len(closed) == 3


# ---- tables, scans, hyphenation --------------------------------------------------------------


def test_ruled_table_becomes_cells(table_pdf: Path) -> None:
    document = parse(table_pdf)
    cells = [
        (b.table, b.row, b.col, b.page, b.text) for b in document.blocks if b.kind == "table_cell"
    ]
    assert cells == [
        (0, r, c, 1, text)
        for r, row in enumerate(fx.TABLE_ROWS)
        for c, text in enumerate(row)
    ]
    assert [b.kind for b in document.blocks] == ["paragraph"] + ["table_cell"] * 9 + ["paragraph"]
    paragraphs = [b.text for b in document.blocks if b.kind == "paragraph"]
    assert paragraphs == [fx.TABLE_BEFORE, fx.TABLE_AFTER]


def test_table_drawn_as_cell_boxes(pdf_dir: Path) -> None:
    document = parse(fx.boxed_table(pdf_dir / "boxed.pdf"))
    assert [(b.kind, b.table, b.row, b.col, b.text) for b in document.blocks] == [
        ("table_cell", 0, r, c, text)
        for r, row in enumerate(fx.BOXED_ROWS)
        for c, text in enumerate(row)
    ]


def test_framed_note_is_not_a_table(pdf_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("table search ran on a page with only a frame")

    monkeypatch.setattr("pipeline.parse.pdf.tables.find_tables", refuse)
    document = parse(fx.framed_note(pdf_dir / "note.pdf"))
    assert [b.text for b in document.blocks] == [fx.NOTE_TEXT, fx.NOTE_BODY]


def test_page_without_text_is_marked_for_ocr(image_pdf: Path) -> None:
    """With OCR off; tests/pipeline/parse/ocr/test_ocr_pdf.py reads such pages with OCR on."""
    document = PdfParser().parse(Source.from_path(image_pdf, options={"ocr": False}))
    assert [(b.kind, b.page, b.text, b.needs_ocr) for b in document.blocks] == [
        ("paragraph", 1, fx.SCANNED_TEXT, False),
        ("paragraph", 2, "", True),
    ]
    assert document.problems == ["1 page has no text layer and needs OCR"]


def test_words_broken_at_line_ends_are_mended(pdf_dir: Path) -> None:
    document = parse(fx.hyphenated(pdf_dir / "hyphenated.pdf"))
    assert [b.text for b in document.blocks] == [fx.HYPHENATED_TEXT]


def test_rotated_pages_read_upright(pdf_dir: Path) -> None:
    """Regression: on a page with /Rotate, every character came out as its own paragraph."""
    document = parse(fx.rotated(pdf_dir / "rotated.pdf"))
    paragraph = " ".join(fx.ROTATED_LINES)
    assert summary(document) == [
        ("header", 1, None, None, fx.ROTATED_HEADER),
        ("paragraph", 1, 1, None, paragraph),
        ("paragraph", 1, 2, None, "Страница повёрнута на 90 градусов."),
        ("paragraph", 2, 3, None, paragraph),
        ("paragraph", 2, 4, None, "Страница повёрнута на 180 градусов."),
        ("paragraph", 3, 5, None, paragraph),
        ("paragraph", 3, 6, None, "Страница повёрнута на 270 градусов."),
    ]


def test_blank_pdf_is_a_finding_not_a_success(pdf_dir: Path) -> None:
    path = pdf_dir / "blank.pdf"
    canvas = fx.Canvas(str(path))
    canvas.showPage()
    canvas.save()
    document = parse(path)
    assert document.blocks == []
    assert document.problems == ["no text extracted"]


def test_junk_before_the_header_is_accepted(report: Path, pdf_dir: Path) -> None:
    path = pdf_dir / "prefixed.bin"
    path.write_bytes(b"From: gateway\r\n" * 20 + report.read_bytes())
    source = Source.from_path(path)
    assert PdfParser().score(source, source.head()) == MAGIC_SCORE
    assert isinstance(choose_parser(source), PdfParser)
    assert summary(PdfParser().parse(source)) == summary(parse(report))


def test_text_mentioning_the_magic_is_not_taken_for_pdf(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"A PDF file starts with %PDF-1.7 and ends with a trailer.\n" * 3)
    source = Source.from_path(path)
    assert PdfParser().score(source, source.head()) == 0


def test_score_by_extension_only(tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf"
    path.write_bytes(b"not really a pdf")
    source = Source.from_path(path)
    assert PdfParser().score(source, source.head()) == EXTENSION_SCORE
    with pytest.raises(InputError, match=r"^corrupt PDF: "):
        PdfParser().parse(source)


# ---- text helpers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["информати-", "зации"], "информатизации"),
        (["Северо-", "Западный"], "Северо-Западный"),
        (["в 2019-", "2020 годах"], "в 2019-2020 годах"),
        (["слово -", "тире"], "слово - тире"),
        (["infor\u00ad", "mation"], "information"),
        (["Kaliningrad\u00ad", "Oblast"], "Kaliningrad-Oblast"),
        (["first line", "", "second line"], "first line second line"),
    ],
)
def test_join_lines(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined


def test_clean_text_normalises_and_drops_controls() -> None:
    assert clean_text("Е\u0308лка\x00 \x07в  лесу\u00ad\ufffe ") == "Ёлка в лесу"
    assert clean_text("\uf0b7 пункт") == "\u2022 пункт"


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("D:20090409123456+02'00'", "2009-04-09T12:34:56+02:00"),
        ("D:20090409123456-05'30", "2009-04-09T12:34:56-05:30"),
        ("D:20230712174032Z00'00'", "2023-07-12T17:40:32+00:00"),
        ("D:20090409123456", "2009-04-09T12:34:56"),
        ("D:20090409", "2009-04-09"),
        ("D:200805", "2008-05"),
        ("2009", "2009"),
        ("D:20091340", None),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_pdf_date(raw: str | None, iso: str | None) -> None:
    assert pdf_date(raw) == iso


def test_running_keys_follow_the_page_number() -> None:
    assert running_keys("Страница 3 из 10", 3)[1] == running_keys("Страница 4 из 10", 4)[1]
    assert not set(running_keys("Таблица 7", 3)) & set(running_keys("Таблица 9", 4))


def test_password_candidates_include_saslprep() -> None:
    assert password_candidates(None) == [None]
    assert password_candidates("abc") == ["abc"]
    assert password_candidates("S\u00aaSL\u00adprep") == ["S\u00aaSL\u00adprep", "SaSLprep"]


# ---- encrypted files from the shared corpus --------------------------------------------------


def test_password_example_opens_with_its_password() -> None:
    document = parse(need(ENCRYPTED / "pdfplumber__password-example.pdf"), password="test")
    assert document.pages == 4
    assert document.blocks[0].kind == "heading"
    assert document.blocks[0].text == "Backup4all –backup solution for network environments"
    assert document.blocks[1].text.startswith(
        "Starting from version 2 it is easier to install Backup4all in a network environment. "
        "Network administrators can install Backup4all on a single computer"
    )
    footers = [b.text for b in document.blocks if b.kind == "footer"]
    assert footers == [
        "Create PDF files without this message by purchasing novaPDF printer (http://www.novapdf.com)"
    ]
    assert (document.author, document.created) == ("Administrator", "2008-05")


def test_password_example_without_password() -> None:
    with pytest.raises(InputError, match=r"^encrypted: password required$"):
        parse(need(ENCRYPTED / "pdfplumber__password-example.pdf"))


def test_password_example_with_wrong_password() -> None:
    with pytest.raises(InputError, match=r"^encrypted: wrong password$"):
        parse(need(ENCRYPTED / "pdfplumber__password-example.pdf"), password="nope")


@pytest.mark.parametrize(
    ("name", "password", "text"),
    [
        ("pdfjs__issue6010_1.pdf", "abc", "Issue 6010"),
        ("pdfjs__saslprep-r6.pdf", "S\u00aaSL\u00adprep", "Hello pdf.js world"),
        ("pdfjs__issue21579.pdf", "pässwört", "If you can read this, decryption succeeded."),
    ],
)
def test_encrypted_files_open_with_their_passwords(name: str, password: str, text: str) -> None:
    document = parse(need(ENCRYPTED / name), password=password)
    assert text in document.text


def test_owner_password_only_opens_without_password() -> None:
    document = parse(need(ENCRYPTED / "pdfjs__empty_protected.pdf"))
    assert document.pages == 1
    assert document.properties["encrypted"] is True


# ---- damaged files: a Document or an InputError, quickly, never anything else ----------------


def _outcome(path: str, password: str | None, sender: Any) -> None:
    """Run in a forked child, so a hang in pdfium's C code cannot hang the test run."""
    try:
        document = parse(Path(path), password)
        sender.send(("document", f"{len(document.blocks)} blocks; {document.problems}"))
    except InputError as err:
        sender.send(("input_error", str(err)))
    except BaseException as err:  # noqa: BLE001 - reported to the parent as the failure
        sender.send(("other", f"{type(err).__name__}: {err}"))


def outcome_within_deadline(path: Path, password: str | None = None) -> tuple[str, str]:
    """Parse in a forked child; give up when it has used `CPU_DEADLINE` seconds of CPU.

    CPU time, not wall time, because a busy CI machine stretches wall time many times over;
    a hang in pdfium's C code spins (CPU grows) or blocks (then `WALL_LIMIT` ends it).
    """
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_outcome, args=(str(path), password, sender))
    child.start()
    try:
        return _wait_for(receiver, psutil.Process(child.pid))
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
        sender.close()


def _wait_for(receiver: Any, process: psutil.Process) -> tuple[str, str]:
    started = time.monotonic()
    while not receiver.poll(0.2):
        try:
            cpu = sum(process.cpu_times()[:2])
        except psutil.NoSuchProcess:
            return ("other", "the child died without an answer")
        if cpu > CPU_DEADLINE or time.monotonic() - started > WALL_LIMIT:
            return ("hang", f"no answer after {cpu:.0f} s of CPU")
    result: tuple[str, str] = receiver.recv()
    return result


@pytest.mark.parametrize("path", corpus_files(BAD) + corpus_files(ENCRYPTED))
def test_damaged_or_locked_file_ends_as_document_or_input_error(path: Path) -> None:
    kind, detail = outcome_within_deadline(path)
    assert kind in ("document", "input_error"), detail
    if kind == "input_error":
        assert re.match(r"^(corrupt PDF: |encrypted: |empty file)", detail), detail


def test_known_bad_files_say_why() -> None:
    expectations = {
        "pdfplumber__empty.pdf": "empty file (0 bytes)",
        "pdfjs__bug1020226.pdf": "corrupt PDF: not a PDF or damaged beyond repair",
        "pdfjs__Brotli-Prototype-FileA.pdf": "corrupt PDF: no pages found",
    }
    for name, reason in expectations.items():
        with pytest.raises(InputError) as caught:
            parse(need(BAD / name))
        assert str(caught.value) == reason


def test_damaged_but_readable_text_is_kept() -> None:
    assert parse(need(BAD / "pdfjs__poppler-91414-0-53.pdf")).text == "foobar"
    assert parse(need(BAD / "pdfjs__poppler-67295-0.pdf")).text == "TestString123"


# ---- long documents: memory stays flat ------------------------------------------------------

MEMORY_PROBE = """
import resource, sys
from pathlib import Path
from pipeline.parse.base import Source
from pipeline.parse.pdf.parser import PdfParser
document = PdfParser().parse(Source.from_path(Path(sys.argv[1])))
print(document.pages, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


@pytest.mark.slow
def test_long_pdf_stays_under_500_mb(pdf_dir: Path) -> None:
    path = fx.long_text(pdf_dir / "long.pdf", pages=600)
    root = Path(__file__).resolve().parents[3]
    result = subprocess.run(
        [sys.executable, "-c", MEMORY_PROBE, str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
        timeout=600,
    )
    pages, peak_mb = (int(v) for v in result.stdout.split())
    assert pages == 600
    assert peak_mb < 500
