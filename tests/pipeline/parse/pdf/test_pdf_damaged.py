"""Encrypted and damaged PDFs from the shared corpus, read in place: a Document or an
InputError, quickly, never anything else; and a long PDF's memory stays flat."""

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
import pytest
from pdf_fixtures import parse

from corpus.errors import InputError

SHARED_CORPUS = Path(
    os.environ.get(
        "SEKRETAR_SHARED_CORPUS", Path(__file__).resolve().parents[5] / "shared" / "corpus"
    )
)
BAD = SHARED_CORPUS / "pdf_bad"
ENCRYPTED = SHARED_CORPUS / "pdf_encrypted"
#: CPU seconds a damaged file may take. Idle, the slowest (a 76-page file with tables, a 1.5 MB
#: file with no trailer) take a few seconds; the margin is for a loaded CI machine.
CPU_DEADLINE = 60.0
#: wall seconds before a child that uses no CPU (blocked) counts as hung.
WALL_LIMIT = 900.0


def corpus_files(folder: Path) -> list[Any]:
    """Files of a shared corpus folder as parameters, or one skipped parameter if it is absent."""
    if not folder.is_dir():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"{folder} not found"))]
    return [pytest.param(path, id=path.name) for path in sorted(folder.iterdir())]


def need(path: Path) -> Path:
    if not path.is_file():
        pytest.skip(f"shared corpus file {path} not found")
    return path


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
    root = Path(__file__).resolve().parents[4]
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
