"""Read a run of page images (a scanned PDF, a multi-page TIFF) one at a time.

The language packs are settled once for the run: from the declared languages, or else from
the first page with enough text, read with Russian plus English and re-read with the packs of
the language that page turns out to be in (one extra page read per document, against whole
documents of Ukrainian or Kazakh read with the wrong letters).

A page that fails (timed out, rejected by Tesseract) is reported and skipped, so one bad page
does not lose a 300-page scan; a missing Tesseract or pack stops the run (`ModelMissing`).

`until` (a `time.monotonic()` instant) is the file's own budget: the batch stops a worker at
its deadline and the whole file is lost, so OCR stops a little before it instead, and the
pages read so far are kept with a problem naming the pages left unread.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from PIL import Image

from corpus.errors import InputError
from pipeline.parse.ocr.engine import OcrResult, ocr_image
from pipeline.parse.ocr.languages import DEFAULT_PACKS, detected_packs, packs_for
from pipeline.parse.options import DEFAULT_OPTIONS

#: a page read with less confidence than this is listed as a problem of its document.
LOW_CONFIDENCE = 0.5
OUT_OF_TIME = "not read: the file's time ran out (raise the deadline setting for long scans)"
#: a page is not started with less time than this left.
MIN_PAGE_SECONDS = 2.0


@dataclass(slots=True)
class PageImage:
    """One page to read: its number (from 1), the image and the resolution it was made at."""

    number: int
    image: Image.Image
    dpi: int = DEFAULT_OPTIONS.ocr_dpi


@dataclass(slots=True)
class PageReading:
    """What came of one page: a result, or the reason it could not be read."""

    number: int
    result: OcrResult | None = None
    failure: str | None = None


def read_pages(
    pages: Iterable[PageImage],
    languages: Sequence[str] | str | None = None,
    timeout: float = DEFAULT_OPTIONS.ocr_page_timeout,
    until: float | None = None,
) -> Iterator[PageReading]:
    """OCR each page as it comes; the caller closes each image after its reading is yielded."""
    packs = packs_for(languages) if languages else None
    for page in pages:
        left = timeout if until is None else min(timeout, until - time.monotonic())
        if left < MIN_PAGE_SECONDS:
            return  # later pages are not even rendered; `with_unread` lists them
        try:
            result = ocr_image(page.image, packs or DEFAULT_PACKS, dpi=page.dpi, timeout=left)
            if packs is None:
                packs, result = _in_its_language(page, result, left)
        except InputError as err:
            yield PageReading(page.number, failure=str(err))
            continue
        yield PageReading(page.number, result=result)


def _in_its_language(page: PageImage, first: OcrResult, timeout: float
                     ) -> tuple[list[str] | None, OcrResult]:
    """The packs of the language the first page is written in, and that page read with them.

    The first reading (Russian and English packs) loses a language's own letters, and close
    alphabets then look alike: a Kazakh page read that way was identified as Kyrgyz (0.94), read
    with the Kyrgyz pack at 0.901, and only then, its own letters back, identified as Kazakh.
    So the language is asked again of the second reading, and if it changes, the page is read
    a third time with the packs it names (at most once more)."""
    packs = detected_packs(first.text)
    if packs is None or packs == packs_for(DEFAULT_PACKS):
        return packs, first
    result = ocr_image(page.image, packs, dpi=page.dpi, timeout=timeout)
    again = detected_packs(result.text)
    if again is None or again == packs:
        return packs, result
    if again == packs_for(DEFAULT_PACKS):
        return again, first  # the first reading was already made with these packs
    return again, ocr_image(page.image, again, dpi=page.dpi, timeout=timeout)


def with_unread(readings: list[PageReading], asked: Iterable[int]) -> list[PageReading]:
    """The readings, plus an out-of-time failure for each asked page that has none."""
    seen = {reading.number for reading in readings}
    missing = [PageReading(n, failure=OUT_OF_TIME) for n in sorted(set(asked) - seen)]
    return sorted(readings + missing, key=lambda reading: reading.number)


def page_problems(readings: Sequence[PageReading]) -> list[str]:
    """Problems worth a `partial` status: failed pages, empty pages, low-confidence pages."""
    failures: dict[str, list[int]] = {}
    for reading in readings:
        if reading.failure:
            failures.setdefault(reading.failure, []).append(reading.number)
    problems = [f"OCR failed on page(s) {_listed(pages)}: {why}" for why, pages in failures.items()]
    empty = [r.number for r in readings if r.result is not None and not r.result.text]
    low = [r for r in readings if r.result and r.result.text and r.result.confidence < LOW_CONFIDENCE]
    if empty:
        problems.append(f"OCR found no text on page(s) {_listed(empty)}")
    if low:
        shown = ", ".join(f"{r.number} ({r.result.confidence:.2f})" for r in low if r.result)
        problems.append(f"OCR confidence is low on page(s) {shown}")
    return problems


def _listed(numbers: Sequence[int], most: int = 10) -> str:
    """ "1, 2, 5" or "1-40" for a run; long lists are cut after `most` items."""
    runs: list[str] = []
    start = previous = numbers[0]
    for number in [*numbers[1:], None]:
        if number is not None and number == previous + 1:
            previous = number
            continue
        runs.append(str(start) if start == previous else f"{start}-{previous}")
        if number is not None:
            start = previous = number
    shown = ", ".join(runs[:most])
    return shown + (f" and {len(runs) - most} more" if len(runs) > most else "")
