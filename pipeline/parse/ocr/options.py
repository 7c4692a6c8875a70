"""OCR choices a parser reads from its `Source`: on or off, resolution, languages, timeout.

The batch fills `Source.options` from the settings table (`ocr`, `ocr_dpi`, `ocr_languages`,
`ocr_page_timeout`) and gives OCR a budget (`ocr_budget`, seconds) a little under the file's
deadline; a library caller may set them by hand or leave them out and get the defaults below
(no budget). Kept free of Tesseract imports, so a parser can ask whether OCR is wanted
without loading pytesseract.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass

from corpus.errors import ModelMissing

DEFAULT_DPI = 300
#: seconds one Tesseract run may take; a dense A4 page at 300 dpi takes 2-10 s unloaded.
PAGE_TIMEOUT = 180.0
#: resolutions outside this range make no sense for OCR (too blurry, or pages too large).
DPI_RANGE = (70, 600)


@dataclass(frozen=True, slots=True)
class OcrOptions:
    """What the caller asked for; `languages` empty means "decide from the document"."""

    enabled: bool = True
    dpi: int = DEFAULT_DPI
    languages: tuple[str, ...] = ()
    page_timeout: float = PAGE_TIMEOUT
    #: `time.monotonic()` instant after which no page is started (None: no limit).
    until: float | None = None

    @classmethod
    def from_options(cls, options: Mapping[str, object]) -> OcrOptions:
        """Read the options a `Source` carries, ignoring values of the wrong type."""
        enabled = options.get("ocr", True)
        dpi = options.get("ocr_dpi", DEFAULT_DPI)
        timeout = options.get("ocr_page_timeout", PAGE_TIMEOUT)
        budget = options.get("ocr_budget")
        return cls(
            enabled=bool(enabled),
            dpi=min(max(int(dpi), DPI_RANGE[0]), DPI_RANGE[1])
            if isinstance(dpi, int | float) else DEFAULT_DPI,
            languages=_languages(options.get("ocr_languages")),
            page_timeout=float(timeout)
            if isinstance(timeout, int | float) and timeout > 0 else PAGE_TIMEOUT,
            until=time.monotonic() + float(budget)
            if isinstance(budget, int | float) and budget > 0 else None,
        )


def _languages(value: object) -> tuple[str, ...]:
    """ "uk", "kk,ru", "rus+eng" or a list of codes, as a tuple of codes or pack names."""
    if isinstance(value, str):
        value = value.replace("+", ",").replace(" ", ",").split(",")
    if isinstance(value, list | tuple):
        return tuple(str(v).strip() for v in value if str(v).strip())
    return ()


def pytesseract_missing(err: ImportError) -> ModelMissing:
    """The error for a Python environment without pytesseract (the `ocr` extra)."""
    return ModelMissing(
        f"pytesseract (needed for OCR: {err.name or 'import failed'})",
        "Install it with: pip install 'sekretar[ocr]' (and apt-get install -y tesseract-ocr)",
    )
