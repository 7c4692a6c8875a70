"""What a caller may tell the parsers: OCR, LibreOffice conversion and zip-bomb limits.

One typed, frozen record, checked once when it is built, so a parser reads its choices without
validating them again. Field names are the names of the settings they come from
(`pipeline.settings.Settings`), and so are the defaults: a library caller who builds
`ParseOptions()` gets what a batch with default settings gets, except the OCR budget, which only
a batch has (its per-file deadline). Kept free of parser imports, so every parser can read it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, fields

from corpus.errors import ConfigError
from pipeline.settings import Settings

#: the settings as declared, before any environment variable or flag.
_DEFAULTS = Settings()
#: resolutions outside this range make no sense for OCR (too blurry, or pages too large).
DPI_RANGE = (70, 600)
#: share of the file's deadline OCR may use: the rest is for parsing and the analysis stages,
#: and a file stopped at its deadline loses everything, while OCR stopped early keeps its pages.
OCR_SHARE_OF_DEADLINE = 0.75


def split_languages(text: str) -> tuple[str, ...]:
    """ "uk", "kk,ru" or "rus+eng" (the `ocr_languages` setting) as a tuple of codes or packs."""
    return tuple(code for code in text.replace("+", ",").replace(" ", ",").split(",") if code)


@dataclass(frozen=True, slots=True)
class ParseOptions:
    """The parsers' choices. `ocr_languages` empty means "decide from the document";
    `ocr_budget` (seconds of OCR per file, None: no limit) starts when a parser starts."""

    ocr: bool = _DEFAULTS.ocr
    ocr_dpi: int = _DEFAULTS.ocr_dpi
    ocr_languages: tuple[str, ...] = split_languages(_DEFAULTS.ocr_languages)
    ocr_page_timeout: float = _DEFAULTS.ocr_page_timeout
    ocr_budget: float | None = None
    convert_timeout: float = _DEFAULTS.convert_timeout
    max_unzipped_mb: float = _DEFAULTS.max_unzipped_mb
    max_zip_ratio: float = _DEFAULTS.max_zip_ratio

    def __post_init__(self) -> None:
        if not DPI_RANGE[0] <= self.ocr_dpi <= DPI_RANGE[1]:
            raise ConfigError(f"setting ocr_dpi must be between {DPI_RANGE[0]} and "
                              f"{DPI_RANGE[1]}, got {self.ocr_dpi!r}")
        for name in ("ocr_page_timeout", "convert_timeout", "max_unzipped_mb", "max_zip_ratio"):
            _require_positive(name, getattr(self, name))
        if self.ocr_budget is not None:
            _require_positive("ocr_budget", self.ocr_budget)
        if any(not code.strip() for code in self.ocr_languages):
            raise ConfigError(f"setting ocr_languages has an empty code: {self.ocr_languages!r}")

    @classmethod
    def from_settings(cls, settings: Settings) -> ParseOptions:
        """What a batch worker gives its parsers: every setting of the same name, and an OCR
        budget of a share of the file's deadline."""
        known = {f.name: getattr(settings, f.name) for f in fields(cls) if hasattr(settings, f.name)}
        known["ocr_languages"] = split_languages(settings.ocr_languages)
        return cls(**known, ocr_budget=settings.deadline * OCR_SHARE_OF_DEADLINE)

    def ocr_until(self) -> float | None:
        """The `time.monotonic()` instant after which OCR starts no page, counted from now
        (a parser asks once, when it starts); None when there is no budget."""
        return None if self.ocr_budget is None else time.monotonic() + self.ocr_budget


def _require_positive(name: str, value: float) -> None:
    if not value > 0:
        raise ConfigError(f"setting {name} must be above 0, got {value!r}")


#: the options of a caller who sets none.
DEFAULT_OPTIONS = ParseOptions()
