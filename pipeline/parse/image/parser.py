"""Scanned images (PNG, JPEG, TIFF, multi-page TIFF included) read by OCR into paragraphs.

Each page (TIFF frame) is decoded, read and released before the next, so a 300-page TIFF
costs the memory of one page. Blocks are paragraphs with `page`, a running `paragraph`
number, `ocr=True` and their `confidence`.

Options a caller may set on the `Source` (see `pipeline.parse.options`): `ocr` (off: the image
is kept as a document with no text and a problem saying so), `ocr_languages` (ISO codes or
Tesseract packs, e.g. ("uk",) or ("kk", "ru"); default: detected from the first page, else
Russian plus English), `ocr_page_timeout` (seconds per page) and `ocr_budget`.

pytesseract is imported only when an image is read, so the registry loads without it.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

from PIL import Image, ImageOps, UnidentifiedImageError

from corpus.errors import InputError
from corpus.model import Document
from pipeline.parse.base import Parser, Source
from pipeline.parse.ocr.missing import pytesseract_missing
from pipeline.parse.options import DEFAULT_OPTIONS

if TYPE_CHECKING:
    from pipeline.parse.ocr.pages import PageImage, PageReading

MEDIA_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg", "TIFF": "image/tiff", "MPO": "image/jpeg"}
#: Pillow's own decompression-bomb limit: a 600 dpi A3 scan (70 megapixels) still fits.
MAX_PIXELS = 89_478_485
#: resolutions outside this range are taken as unset (cameras write 72 dpi for any photo).
PLAUSIBLE_DPI = (150, 1200)
A4_WIDTH_INCHES = 8.27
#: images below this resolution are enlarged (up to 3 times) before reading: Tesseract
#: misreads letters only a few pixels high.
MIN_DPI = 200
_ERRORS = (OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError)


class ImageParser(Parser):
    """PNG, JPEG and TIFF scans, read page by page with Tesseract."""

    name = "image"
    media_types = ("image/png", "image/jpeg", "image/pjpeg", "image/tiff")
    extensions = (".png", ".jpg", ".jpeg", ".jpe", ".tif", ".tiff")
    magic = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")

    def parse(self, source: Source) -> Document:
        """OCR every page; `InputError` if the image is corrupt or no page could be read."""
        options, until = source.options, source.options.ocr_until()
        with _open(source) as image:
            document = source.new_document(MEDIA_TYPES.get(image.format or "", "image/png"))
            document.pages = int(getattr(image, "n_frames", 1))
            document.properties["image"] = _describe(image)
            if not options.ocr:
                document.note_problem("OCR is turned off (setting ocr): the image was not read")
                return document
            pages = ocr_pages()
            failures: list[PageReading] = []
            frames = _frames(image, document.pages, failures, pages.PageImage)
            readings = list(pages.read_pages(frames, options.ocr_languages or None,
                                             options.ocr_page_timeout, until))
            readings = pages.with_unread(readings + failures, range(1, document.pages + 1))
        add_readings(document, readings)
        return document


def ocr_pages() -> ModuleType:
    """`pipeline.parse.ocr.pages`, or `ModelMissing` when pytesseract is not installed."""
    missing = pytesseract_missing()
    if missing is not None:
        raise missing
    from pipeline.parse.ocr import pages

    return pages


def _open(source: Source) -> Image.Image:
    """Open lazily (nothing decoded yet), refusing images too large to decode safely."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(source.path)
    except Image.DecompressionBombWarning as err:
        raise InputError(f"image too large to read safely: {err}") from err
    except UnidentifiedImageError as err:
        raise InputError("corrupt image: not a readable PNG, JPEG or TIFF") from err
    except _ERRORS as err:
        raise InputError(f"corrupt image: {err}") from err
    width, height = image.size
    if width * height > MAX_PIXELS:
        image.close()
        raise InputError(f"image too large ({width * height / 1e6:.0f} megapixels; "
                         f"the limit is {MAX_PIXELS / 1e6:.0f})")
    return image


def _describe(image: Image.Image) -> dict[str, Any]:
    dpi = image.info.get("dpi")
    return {"format": image.format, "width": image.width, "height": image.height,
            "dpi": [round(float(d)) for d in dpi] if dpi else None}


def _frames(
    image: Image.Image, count: int, failures: list[PageReading], page_image: type[PageImage]
) -> Iterator[PageImage]:
    """Each frame decoded in turn, upright and at a readable resolution; released after use."""
    for index in range(count):
        try:
            image.seek(index)
            frame = ImageOps.exif_transpose(image) if index == 0 else image.copy()
            frame, dpi = _readable(frame, _dpi(frame, image))
        except _ERRORS as err:
            failures.append(_failed(index + 1, f"corrupt image page: {err}"))
            continue
        try:
            yield page_image(index + 1, frame, dpi)
        finally:
            frame.close()


def _dpi(frame: Image.Image, original: Image.Image) -> float:
    """The declared resolution if believable, else one guessed from an A4 page's width."""
    declared = original.info.get("dpi") or frame.info.get("dpi")
    if declared:
        value = float(declared[0])
        if PLAUSIBLE_DPI[0] <= value <= PLAUSIBLE_DPI[1]:
            return value
    return max(min(frame.width / A4_WIDTH_INCHES, PLAUSIBLE_DPI[1]), 70.0)


def _readable(frame: Image.Image, dpi: float) -> tuple[Image.Image, int]:
    if dpi >= MIN_DPI:
        return frame, round(dpi)
    factor = min(DEFAULT_OPTIONS.ocr_dpi / dpi, 3.0)
    size = (round(frame.width * factor), round(frame.height * factor))
    if size[0] * size[1] > MAX_PIXELS:
        return frame, round(dpi)
    enlarged = frame.convert("L").resize(size, Image.Resampling.LANCZOS)
    frame.close()
    return enlarged, round(dpi * factor)


def _failed(number: int, reason: str) -> PageReading:
    from pipeline.parse.ocr.pages import PageReading

    return PageReading(number, failure=reason)


def add_readings(document: Document, readings: Sequence[PageReading]) -> None:
    """Paragraph blocks for every page read; problems for the rest. Nothing read at all is
    an `InputError`: there is no document to keep."""
    results = [(r.number, r.result) for r in readings if r.result is not None]
    if not results:
        reason = next((r.failure for r in readings if r.failure), "no page could be read")
        raise InputError(reason)
    paragraph = 0
    for number, result in results:
        for part in result.paragraphs:
            paragraph += 1
            document.add_block("paragraph", part.text, page=number, paragraph=paragraph,
                               ocr=True, confidence=part.confidence)
    document.properties["ocr"] = {"pages": [number for number, _ in results],
                                  "packs": sorted({result.packs for _, result in results})}
    for problem in ocr_pages().page_problems(readings):
        document.note_problem(problem)
    if not document.blocks:
        document.note_problem("no text found")
