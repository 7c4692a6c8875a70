"""Fixtures for the legacy-office tests: a real Word 97 file, made once by LibreOffice.

Real LibreOffice conversions get a generous timeout: on a loaded machine one took 2.5 minutes
of wall time for 25 s of CPU.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from office_fixtures import TEST_CONVERT_TIMEOUT, odt_bytes


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
