"""OCR: Tesseract through pytesseract, for scans, images and garbage PDF text layers.

- `engine.ocr_image`: one page image -> `OcrResult` (text, confidence, paragraphs).
- `quality.assess`: is a text layer real text or garbage only OCR can replace?
- `pdf_pages.ocr_document`: the PDF parser's hook; `pdf_pages.ocr_pdf_pages` for given pages.
- `pages.read_pages`: a run of page images, language packs settled once per document.
- `missing.pytesseract_missing`: the error when pytesseract is not installed.

What the caller asked for (on/off, dpi, languages, timeouts) is in `pipeline.parse.options`.
The names below are imported lazily, so a parser can import `pipeline.parse.ocr.missing`
without loading pytesseract (an optional dependency, the `ocr` extra).
"""

from __future__ import annotations

from pipeline.lazy import lazy_exports

_EXPORTS = {
    "OcrParagraph": "pipeline.parse.ocr.engine",
    "OcrResult": "pipeline.parse.ocr.engine",
    "ocr_image": "pipeline.parse.ocr.engine",
    "ocr_document": "pipeline.parse.ocr.pdf_pages",
    "ocr_pdf_pages": "pipeline.parse.ocr.pdf_pages",
    "TextQuality": "pipeline.parse.ocr.quality",
    "assess": "pipeline.parse.ocr.quality",
}


__getattr__ = lazy_exports(__name__, _EXPORTS)


__all__ = sorted(_EXPORTS)
