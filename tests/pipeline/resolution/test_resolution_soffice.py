"""The resolution draft opens cleanly in LibreOffice: converted to PDF by `soffice --headless`
(Debian: libreoffice-writer-nogui), with its text, page numbers and sections intact."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pytest

from corpus.model import Document
from pipeline.resolution.compile import compile_draft
from pipeline.resolution.write import write_resolution

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
#: a cold LibreOffice start builds its profile first; on the loaded shared machine one conversion
#: took 256 s, so the limit is generous (it only stops a hung soffice).
TIMEOUT = 900


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; "
                    "apt-get install libreoffice-writer-nogui")
def test_libreoffice_converts_the_draft(minutes_set: dict[str, Path],
                                        read_file: Callable[[Path], Document],
                                        tmp_path: Path) -> None:
    assert SOFFICE is not None
    document = read_file(minutes_set["ru_tables.docx"])
    source = tmp_path / "resolution.docx"
    write_resolution(compile_draft([document], "key"), ["ru", "en"], source)
    out = tmp_path / "pdf"
    profile = (tmp_path / "lo-profile").as_uri()
    completed = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out), str(source)],
        capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert completed.returncode == 0, completed.stderr
    with pdfplumber.open(out / "resolution.pdf") as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    assert len(pages) >= 2
    assert pages[0].startswith("ПРОЕКТ РЕШЕНИЯ")
    assert any(page.startswith("DRAFT RESOLUTION") for page in pages[1:])
    assert pages[0].rstrip().endswith("1")
    assert "1. Создать фонд поддержки малых городских проектов." in pages[0]
