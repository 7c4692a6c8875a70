"""Fixtures of the DOCX parser tests: a report built with python-docx, the shared corpus's DOCX."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx_fixtures import build_report


@pytest.fixture
def report(tmp_path: Path) -> Path:
    return build_report(tmp_path / "report.docx")


@pytest.fixture
def docx_corpus(shared_corpus: Path) -> Path:
    folder = shared_corpus / "docx"
    if not folder.is_dir():
        pytest.skip(f"no docx folder in the shared corpus at {shared_corpus}")
    return folder

