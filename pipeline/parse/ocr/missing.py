"""The error for a Python environment without pytesseract, kept apart from the OCR engine so a
parser can report it without importing pytesseract."""

from __future__ import annotations

from corpus.errors import ModelMissing


def pytesseract_missing(err: ImportError) -> ModelMissing:
    """The error for a Python environment without pytesseract (the `ocr` extra)."""
    return ModelMissing(
        f"pytesseract (needed for OCR: {err.name or 'import failed'})",
        "Install it with: pip install 'sekretar[ocr]' (and apt-get install -y tesseract-ocr)",
    )
