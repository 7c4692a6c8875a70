"""Fixtures of the PDF parser tests: real PDFs built once per test module."""

from __future__ import annotations

from pathlib import Path

import pdf_fixtures as fx
import pytest


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

