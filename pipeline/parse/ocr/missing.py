"""The error for a Python environment without the OCR libraries, kept apart from the OCR engine
so a parser can report it without importing pytesseract."""

from __future__ import annotations

from corpus.errors import ModelMissing
from pipeline.extras import missing_modules


def pytesseract_missing() -> ModelMissing | None:
    """The error for a Python environment without the `ocr` extra (pytesseract, Pillow), or
    None when it is installed."""
    missing = missing_modules("ocr")
    if not missing:
        return None
    return ModelMissing(
        f"pytesseract (needed for OCR: {', '.join(missing)} not installed)",
        "Install it with: pip install 'sekretar[ocr]' (and apt-get install -y tesseract-ocr)",
    )
