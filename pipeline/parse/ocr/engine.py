"""Read one page image with Tesseract: text by paragraph, each with a confidence.

Why these choices:

- `image_to_data` rather than `image_to_string`: it gives each word's confidence, so a block
  can say how far it may be trusted, and it gives Tesseract's own paragraph numbers.
- One OpenMP thread per Tesseract (`OMP_THREAD_LIMIT=1` for its process, unless the user set
  it): the batch already runs one worker per core, and measured here on a loaded 2-core
  machine Tesseract's default threads made a page 4.6 times slower (317 s against 69 s).
- A timeout per page: Tesseract is a separate process the worker's deadline cannot stop, so
  each run is bounded on its own and a stuck page becomes an `InputError`, not a hang; and if
  the batch stops the worker at its deadline, the running Tesseract is killed with it.
- A page read with low confidence is checked for being upside down or sideways (Tesseract's
  orientation detection, `osd` pack) and read again turned upright if that is better.
- A noisy page (grain or speckle all over, as a bad scanner or a fax leaves) is smoothed with
  a 3x3 median filter first: Tesseract's layout analysis took such pages for pictures and read
  nothing (Ukrainian, Kazakh and English pages with Gaussian noise of sigma 40 came back empty
  after 1-65 s; filtered, every one read at 1.00). Clean pages are left as they are: the noise
  is measured first (`noise_level`), and a filter can only blur fine print.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pytesseract
from PIL import Image, ImageFilter

from corpus.errors import InputError
from pipeline.parse.ocr.languages import (
    installed_packs,
    packs_for,
    require_packs,
    tesseract_missing,
)
from pipeline.parse.options import DEFAULT_OPTIONS
from pipeline.parse.support.children import children_die_with_us

#: below this page confidence, check the page's orientation and try it turned upright.
ORIENTATION_RETRY = 0.6
#: above this noise level (grey levels, `noise_level`) a page is median-filtered before reading:
#: clean renders and scans measure under 1-3, Gaussian noise of sigma 25 about 15, of 40 about 23
NOISY = 10.0
#: rows of the page the noise is measured on: this many bands of BAND rows, spread evenly
BANDS, BAND = 12, 34
WORD_LEVEL = 5
_HYPHENS = ("-", "\u00ad", "\u2010")
_ROTATE = re.compile(r"Rotate:\s*(\d+)")
THREAD_LIMIT = "OMP_THREAD_LIMIT"


@dataclass(frozen=True, slots=True)
class OcrParagraph:
    """One paragraph as Tesseract grouped it; confidence 0..1, weighted by word length."""

    text: str
    confidence: float


@dataclass(slots=True)
class OcrResult:
    """A page's text (paragraphs joined by blank lines), its confidence and the packs used."""

    text: str
    confidence: float
    paragraphs: list[OcrParagraph] = field(default_factory=list)
    packs: str = ""
    rotated: int = 0


def ocr_image(
    image: Image.Image,
    languages: Sequence[str] | str | None = None,
    *,
    dpi: int = DEFAULT_OPTIONS.ocr_dpi,
    timeout: float = DEFAULT_OPTIONS.ocr_page_timeout,
    fix_orientation: bool = True,
) -> OcrResult:
    """Read a page image. `languages`: ISO codes or pack names; English is always added.

    Raises `ModelMissing` (naming the `apt-get` line) when Tesseract or a pack is absent and
    `InputError` when the page times out or Tesseract rejects the image.
    """
    packs = packs_for(languages)
    require_packs(packs)
    page = prepare(image)
    result = _read(page, packs, dpi, timeout)
    if fix_orientation and result.confidence < ORIENTATION_RETRY and result.text:
        turned = _read_upright(page, packs, dpi, timeout)
        if turned is not None and turned.confidence > result.confidence:
            result = turned
    return result


def prepare(image: Image.Image) -> Image.Image:
    """A grey (or bilevel) copy Tesseract reads well: transparency flattened onto white, and
    noise filtered out of a noisy page."""
    if image.mode == "1":
        return image
    grey = _grey(image)
    if noise_level(grey) > NOISY:
        return grey.filter(ImageFilter.MedianFilter(3))
    return grey


def noise_level(page: Image.Image) -> float:
    """The standard deviation of the page's pixel noise, in grey levels (Immerkaer's fast
    estimate: the mean absolute response to a Laplacian-difference mask, which cancels smooth
    areas and straight edges). Measured on bands spread over the page, and the median band
    taken, so a band dense with text does not pass for noise."""
    pixels = np.asarray(page)  # uint8; only the bands are turned into floats
    height = pixels.shape[0]
    if height < BAND or pixels.shape[1] < 3:
        return 0.0
    starts = np.linspace(0, height - BAND, BANDS).astype(int)
    levels = [_band_noise(pixels[top:top + BAND]) for top in sorted(set(starts.tolist()))]
    return float(np.median(levels))


def _band_noise(band: np.ndarray) -> float:
    a = band.astype(np.float32)
    mask = (a[:-2, :-2] - 2 * a[:-2, 1:-1] + a[:-2, 2:]
            - 2 * a[1:-1, :-2] + 4 * a[1:-1, 1:-1] - 2 * a[1:-1, 2:]
            + a[2:, :-2] - 2 * a[2:, 1:-1] + a[2:, 2:])
    return float(np.sqrt(np.pi / 2) * np.abs(mask).mean() / 6)


def _grey(image: Image.Image) -> Image.Image:
    if image.mode == "L":
        return image
    if image.mode.startswith("I"):
        return image.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        canvas = Image.new("RGBA", rgba.size, "white")
        canvas.alpha_composite(rgba)
        return canvas.convert("L")
    return image.convert("L")


def _read(page: Image.Image, packs: list[str], dpi: int, timeout: float) -> OcrResult:
    data = _run(pytesseract.image_to_data, page, "+".join(packs), dpi, timeout,
                output_type=pytesseract.Output.DICT)
    paragraphs = paragraphs_from_data(data)
    return OcrResult(
        text="\n\n".join(p.text for p in paragraphs),
        confidence=_weighted(paragraphs),
        paragraphs=paragraphs,
        packs="+".join(packs),
    )


def _run(call: Any, page: Image.Image, lang: str, dpi: int, timeout: float, **kw: Any) -> Any:
    """One Tesseract run with our thread limit, its failures turned into our errors."""
    config = f"--dpi {max(int(dpi), 70)}"
    try:
        with children_die_with_us(), _one_thread():
            return call(page, lang=lang, config=config, timeout=timeout, **kw)
    except pytesseract.TesseractNotFoundError as err:
        raise tesseract_missing() from err
    except pytesseract.TesseractError as err:  # a RuntimeError too: caught before those
        raise InputError(f"OCR failed: {err.message.strip() or err.status}") from err
    except RuntimeError as err:
        if "timeout" in str(err).lower():
            raise InputError(f"OCR timed out after {timeout:g} s on a page") from err
        raise


@contextmanager
def _one_thread() -> Iterator[None]:
    """`OMP_THREAD_LIMIT=1` for the Tesseract started in this block only.

    pytesseract hands `os.environ` itself to the child, so the variable is set around the
    call and removed after: left set, it would cap later OpenMP users in the worker too
    (CTranslate2 in the translation stage). A limit the user set is left alone.
    """
    if THREAD_LIMIT in os.environ:
        yield
        return
    os.environ[THREAD_LIMIT] = "1"
    try:
        yield
    finally:
        os.environ.pop(THREAD_LIMIT, None)


def paragraphs_from_data(data: dict[str, list[Any]]) -> list[OcrParagraph]:
    """Group Tesseract's words into paragraphs; lines joined, words broken at a hyphen mended."""
    groups: dict[tuple[int, int], list[tuple[int, str, float]]] = {}
    for i, level in enumerate(data["level"]):
        word = str(data["text"][i]).strip()
        if int(level) != WORD_LEVEL or not word:
            continue
        key = (int(data["block_num"][i]), int(data["par_num"][i]))
        groups.setdefault(key, []).append((int(data["line_num"][i]), word, float(data["conf"][i])))
    paragraphs = [_paragraph(words) for words in groups.values()]
    return [p for p in paragraphs if p.text]


def _paragraph(words: list[tuple[int, str, float]]) -> OcrParagraph:
    lines: list[list[str]] = []
    last_line = None
    for line, word, _ in words:
        if line != last_line:
            lines.append([])
            last_line = line
        lines[-1].append(word)
    text = join_lines([" ".join(line) for line in lines])
    weights = [(len(w), max(c, 0.0)) for _, w, c in words]
    total = sum(n for n, _ in weights)
    confidence = sum(n * c for n, c in weights) / total / 100 if total else 0.0
    return OcrParagraph(text=text, confidence=round(confidence, 4))


def join_lines(lines: list[str]) -> str:
    """Join a paragraph's lines with spaces; "перено-" + "сы" becomes "переносы"."""
    text = ""
    for line in lines:
        if text.endswith(_HYPHENS) and line[:1].islower() and text[-2:-1].isalpha():
            text = text[:-1] + line
        else:
            text = f"{text} {line}" if text else line
    return text


def _weighted(paragraphs: list[OcrParagraph]) -> float:
    total = sum(len(p.text) for p in paragraphs)
    if not total:
        return 0.0
    return round(sum(len(p.text) * p.confidence for p in paragraphs) / total, 4)


def _read_upright(page: Image.Image, packs: list[str], dpi: int, timeout: float) -> OcrResult | None:
    """The page read again turned as orientation detection says, or None if it is upright."""
    if "osd" not in installed_packs():
        return None
    try:
        report = _run(pytesseract.image_to_osd, page, "osd", dpi, timeout)
    except InputError:
        return None  # too little text to tell the orientation: keep the first reading
    match = _ROTATE.search(str(report))
    degrees = int(match.group(1)) if match else 0
    if degrees not in (90, 180, 270):
        return None
    result = _read(page.rotate(-degrees, expand=True), packs, dpi, timeout)
    result.rotated = degrees
    return result
