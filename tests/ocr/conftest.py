"""Fixtures for the OCR and legacy-office tests: what must be installed, and files made once.

Tests that need Tesseract or LibreOffice are skipped (markers in `ocr_fixtures`), with the
Debian package to install, where they are missing. Real LibreOffice conversions get a generous timeout: on a loaded
machine one took 2.5 minutes of wall time for 25 s of CPU.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from ocr_fixtures import TEST_CONVERT_TIMEOUT, odt_bytes

from corpus.model import Document
from pipeline.parse.base import Source


@pytest.fixture
def parse_with() -> Callable[..., Document]:
    """Parse a file with a given parser, with options (timeouts, languages) on the source."""

    def parse(parser: object, path: Path, **options: object) -> Document:
        source = Source.from_path(path, options=dict(options))
        return parser.parse(source)  # type: ignore[attr-defined, no-any-return]

    return parse


@pytest.fixture(scope="session")
def word97_doc(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A binary Word 97-2003 .doc made by LibreOffice from an ODT written by hand.

    Not from a python-docx DOCX: LibreOffice drops python-docx's grid-less tables when it
    writes .doc (measured: the cells came back as one paragraph "АстанаДушанбе").
    """
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    folder = tmp_path_factory.mktemp("word97")
    built = folder / "decision.odt"
    built.write_bytes(odt_bytes("Решение Совета",
                                ["Одобрить доклад о развитии общественного транспорта."],
                                [["Астана", "Душанбе"]]))
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
         "--norestore", "--convert-to", "doc", "--outdir", str(folder / "out"), str(built)],
        check=True, capture_output=True, timeout=TEST_CONVERT_TIMEOUT,
    )
    return folder / "out" / "decision.doc"
