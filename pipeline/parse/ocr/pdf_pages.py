"""OCR for PDF pages: scans without a text layer and pages whose text layer is garbage.

Pages are rendered one at a time with pdfium (grey, about 300 dpi), read, and their bitmap
closed before the next is rendered, so a 300-page scan costs the memory of one page (an A4
page at 300 dpi is 8.7 MB grey). Invisible text (an old OCR layer) is not drawn, so the image
Tesseract sees is the scan itself.

`ocr_document` is the hook for the PDF parser: given the parsed `Document` and its file, it
reads the pages the parser marked `needs_ocr` and the pages `quality.assess` calls garbage,
and puts OCR paragraphs (`ocr=True`, with a confidence) in place of their blocks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pypdfium2 as pdfium

from corpus.errors import InputError, ModelMissing
from corpus.model import UNDETERMINED, Block, Document, block_id
from pipeline.parse.ocr.engine import OcrResult
from pipeline.parse.ocr.languages import PACKS, detected_packs
from pipeline.parse.ocr.pages import PageImage, PageReading, page_problems, read_pages, with_unread
from pipeline.parse.ocr.quality import assess
from pipeline.parse.options import DEFAULT_OPTIONS

NO_TEXT_LAYER = "no text layer"
#: a rendered page never exceeds this many pixels (an A2 page at 300 dpi); larger pages are
#: rendered at a lower resolution instead of exhausting the worker's memory.
MAX_PIXELS = 36_000_000
POINTS_PER_INCH = 72
#: problems the PDF parser notes that OCR makes obsolete once the pages are read.
_SUPERSEDED = re.compile(r"no text layer and needs? OCR|^no text extracted$")


def ocr_pdf_pages(
    path: Path,
    page_numbers: Iterable[int],
    languages: Sequence[str] | str | None = None,
    password: str | None = None,
    *,
    dpi: int = DEFAULT_OPTIONS.ocr_dpi,
    timeout: float = DEFAULT_OPTIONS.ocr_page_timeout,
) -> dict[int, OcrResult]:
    """OCR the given pages (numbered from 1); pages that failed are left out of the result."""
    readings = read_pdf_pages(path, page_numbers, languages, password, dpi=dpi, timeout=timeout)
    return {r.number: r.result for r in readings if r.result is not None}


def read_pdf_pages(
    path: Path,
    page_numbers: Iterable[int],
    languages: Sequence[str] | str | None = None,
    password: str | None = None,
    *,
    dpi: int = DEFAULT_OPTIONS.ocr_dpi,
    timeout: float = DEFAULT_OPTIONS.ocr_page_timeout,
    until: float | None = None,
) -> list[PageReading]:
    """Every asked page's reading, failures included (see `pages.read_pages`)."""
    pdf = _open(path, password)
    try:
        numbers = [n for n in sorted(set(page_numbers)) if 1 <= n <= len(pdf)]
        images = _render(pdf, numbers, dpi)
        return with_unread(list(read_pages(images, languages, timeout, until)), numbers)
    finally:
        pdf.close()


def _open(path: Path, password: str | None) -> pdfium.PdfDocument:
    from pipeline.parse.pdf.meta import password_candidates

    failure: Exception | None = None
    for candidate in password_candidates(password):
        try:
            return pdfium.PdfDocument(path, password=candidate)
        except (pdfium.PdfiumError, OSError) as err:
            failure = err
    raise InputError(f"cannot open the PDF for OCR: {failure}") from failure


def _render(pdf: pdfium.PdfDocument, numbers: list[int], dpi: int) -> Iterator[PageImage]:
    """Yield each page's grey image; it is closed when the next one is asked for."""
    count = len(pdf)
    for number in numbers:
        if not 1 <= number <= count:
            continue
        page = pdf[number - 1]
        try:
            width, height = page.get_size()
            scale = _scale(width, height, dpi)
            bitmap = page.render(scale=scale, grayscale=True, draw_annots=False)
        finally:
            page.close()
        image = bitmap.to_pil()  # shares the bitmap's buffer: close it only after reading
        try:
            yield PageImage(number, image, dpi=round(scale * POINTS_PER_INCH))
        finally:
            image.close()
            bitmap.close()


def _scale(width: float, height: float, dpi: int) -> float:
    scale = dpi / POINTS_PER_INCH
    pixels = width * height * scale * scale
    if pixels > MAX_PIXELS:
        scale *= (MAX_PIXELS / pixels) ** 0.5
    return scale


def ocr_document(
    document: Document,
    path: Path,
    password: str | None = None,
    languages: Sequence[str] | str | None = None,
    *,
    dpi: int = DEFAULT_OPTIONS.ocr_dpi,
    timeout: float = DEFAULT_OPTIONS.ocr_page_timeout,
    until: float | None = None,
) -> Document:
    """Replace scanned and garbage pages of a parsed PDF with OCR paragraphs, in place.

    Without Tesseract the document is kept as parsed and the missing OCR is noted as a
    problem (the text pages are still worth having); other problems are noted per page.
    """
    plan = pages_to_ocr(document)
    if not plan:
        return document
    languages = languages or document_languages(document, plan)
    try:
        readings = read_pdf_pages(path, plan, languages, password, dpi=dpi, timeout=timeout,
                                  until=until)
    except ModelMissing as err:
        document.note_problem(f"{len(plan)} page(s) need OCR, but {err}")
        return document
    replace_pages(document, readings, plan)
    _record(document, readings, plan)
    return document


def pages_to_ocr(document: Document) -> dict[int, str]:
    """Page number -> why it needs OCR: no text layer, or the verdict on its garbage text."""
    plan = {b.page: NO_TEXT_LAYER for b in document.blocks if b.needs_ocr and b.page}
    for page, text in page_texts(document).items():
        if page not in plan:
            verdict = assess(text)
            if verdict.garbage and verdict.reason:
                plan[page] = verdict.reason
    return plan


def page_texts(document: Document) -> dict[int, str]:
    texts: dict[int, list[str]] = {}
    for block in document.blocks:
        if block.page is not None and block.text and not block.ocr:
            texts.setdefault(block.page, []).append(block.text)
    return {page: "\n".join(parts) for page, parts in texts.items()}


def document_languages(document: Document, plan: dict[int, str]) -> list[str] | None:
    """The declared language, else the language of the good text pages, else None (decide
    from the first page OCR reads)."""
    if document.language != UNDETERMINED and document.language in PACKS:
        return [document.language]
    good = [t for p, t in page_texts(document).items() if p not in plan]
    return detected_packs("\n".join(good)[:20_000])


def replace_pages(document: Document, readings: Sequence[PageReading], plan: dict[int, str]) -> None:
    """Put each read page's paragraphs where its old blocks were; renumber all blocks.

    A garbage text layer is replaced only by an OCR reading that is not garbage itself: a
    page misjudged as garbage (a list of foreign names, a formula) keeps its own text.
    """
    read = {r.number: r.result for r in readings if r.result is not None and r.result.text}
    garbage = {page for page, why in plan.items() if why != NO_TEXT_LAYER}
    for number in garbage & set(read):
        if assess(read[number].text).garbage:
            del read[number]
    blocks: list[Block] = []
    placed: set[int] = set()
    for block in document.blocks:
        page = block.page
        if page in read and (block.needs_ocr or page in garbage):
            if page not in placed:
                blocks.extend(ocr_blocks(page, read[page]))
                placed.add(page)
            continue
        blocks.append(block)
    renumber(document, blocks)


def ocr_blocks(page: int, result: OcrResult) -> list[Block]:
    """One paragraph block per OCR paragraph; ids and order are set by `renumber`."""
    return [Block(id="", order=0, kind="paragraph", text=p.text, page=page, ocr=True,
                  confidence=p.confidence) for p in result.paragraphs]


def renumber(document: Document, blocks: list[Block]) -> None:
    """Give blocks their final order, stable ids and running paragraph numbers."""
    paragraph = 0
    for order, block in enumerate(blocks):
        block.order, block.id = order, block_id(document.id, order)
        if block.kind in ("paragraph", "heading") and not block.needs_ocr:
            paragraph += 1
            block.paragraph = paragraph
    document.blocks = blocks


def _record(document: Document, readings: Sequence[PageReading], plan: dict[int, str]) -> None:
    """Problems and properties: what was read, with which packs, and what went wrong."""
    if any(b.text for b in document.blocks):
        document.problems = [p for p in document.problems if not _SUPERSEDED.search(p)]
    results = [r.result for r in readings if r.result is not None]
    document.properties["ocr"] = {
        "pages": [r.number for r in readings if r.result is not None],
        "packs": sorted({r.packs for r in results}),
        "replaced_text_layer": [[p, why] for p, why in sorted(plan.items()) if why != NO_TEXT_LAYER],
    }
    for problem in page_problems(readings):
        document.note_problem(problem)
