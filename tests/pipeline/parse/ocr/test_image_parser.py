"""Images as documents: PNG and multi-page TIFF read by OCR, page by page."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import ocr_fixtures as fx
import pytest
from PIL import Image

import pipeline.parse as registry
import pipeline.parse.image.parser as image_module
import pipeline.parse.ocr.pages as ocr_pages
from corpus.errors import InputError
from corpus.model import Document
from pipeline.parse.base import Source
from pipeline.parse.image.parser import ImageParser
from pipeline.parse.ocr.pages import PageImage, PageReading

TIFF_PAGES = [
    ["Первая страница: повестка дня заседания."],
    ["Вторая страница: доклад о водоснабжении."],
    ["Третья страница: решение Совета."],
]


@fx.requires_tesseract
def test_png_scan_becomes_ocr_paragraphs(tmp_path: Path, parse_with: Callable[..., Document]) -> None:
    path = tmp_path / "scan.png"
    fx.render_page(fx.RUSSIAN).save(path, dpi=(300, 300))
    document = parse_with(ImageParser(), path)
    assert (document.media_type, document.pages, document.problems) == ("image/png", 1, [])
    assert fx.char_accuracy(" ".join(fx.RUSSIAN), document.text) >= 0.95
    assert {(b.kind, b.page, b.ocr) for b in document.blocks} == {("paragraph", 1, True)}
    assert all(0.8 < (b.confidence or 0) <= 1 for b in document.blocks)
    assert document.properties["image"] == {"format": "PNG", "width": 2480,
                                            "height": fx.render_page(fx.RUSSIAN).height,
                                            "dpi": [300, 300]}


@fx.requires_tesseract
def test_multipage_tiff_is_read_page_by_page(tmp_path: Path, parse_with: Callable[..., Document]) -> None:
    path = tmp_path / "scan.tiff"
    pages = [fx.render_page(text) for text in TIFF_PAGES]
    pages[0].save(path, save_all=True, append_images=pages[1:], dpi=(300, 300),
                  compression="tiff_lzw")
    document = parse_with(ImageParser(), path, ocr_languages=("ru",))
    assert (document.media_type, document.pages, document.problems) == ("image/tiff", 3, [])
    assert [b.page for b in document.blocks] == [1, 2, 3]
    assert [b.paragraph for b in document.blocks] == [1, 2, 3]
    for block, expected in zip(document.blocks, TIFF_PAGES, strict=True):
        assert fx.char_accuracy(expected[0], block.text) >= 0.95
    assert document.properties["ocr"] == {"pages": [1, 2, 3], "packs": ["rus+eng"]}


def test_tiff_frames_are_released_one_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                parse_with: Callable[..., Document]) -> None:
    """A 300-page scan must not sit in memory at once: each frame is closed before the next."""
    path = tmp_path / "long.tiff"
    frames = [Image.new("L", (400, 300), 255) for _ in range(12)]
    frames[0].save(path, save_all=True, append_images=frames[1:])
    seen: list[PageImage] = []

    def fake_read(pages: Iterable[PageImage], *_: object) -> Iterator[PageReading]:
        for page in pages:
            if seen:
                with pytest.raises(ValueError, match="closed image"):
                    seen[-1].image.getpixel((0, 0))
            seen.append(page)
            yield PageReading(page.number, failure="not read in this test")

    monkeypatch.setattr(ocr_pages, "read_pages", fake_read)
    with pytest.raises(InputError, match="^not read in this test$"):
        parse_with(ImageParser(), path)
    assert [page.number for page in seen] == list(range(1, 13))


def test_a_low_resolution_image_is_enlarged_before_reading() -> None:
    small = Image.new("L", (600, 800), 255)
    enlarged, dpi = image_module._readable(small, 72.0)
    assert (enlarged.size, dpi) == ((1800, 2400), 216)


def test_a_corrupt_image_is_an_input_error(tmp_path: Path, parse_with: Callable[..., Document]) -> None:
    path = tmp_path / "broken.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    with pytest.raises(InputError, match="^corrupt image: not a readable PNG, JPEG or TIFF$"):
        parse_with(ImageParser(), path)


def test_an_image_too_large_is_refused_before_decoding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parse_with: Callable[..., Document]
) -> None:
    path = tmp_path / "poster.png"
    Image.new("L", (3000, 2000), 255).save(path)
    monkeypatch.setattr(image_module, "MAX_PIXELS", 5_000_000)
    with pytest.raises(InputError, match=r"^image too large \(6 megapixels; the limit is 5\)$"):
        parse_with(ImageParser(), path)


@pytest.mark.parametrize(("name", "fmt"), [("scan.jpg", "PNG"), ("scan.png", "JPEG"),
                                            ("scan.doc", "TIFF"), ("scan", "PNG")])
def test_images_are_recognised_by_content_not_name(tmp_path: Path, name: str, fmt: str) -> None:
    path = tmp_path / name
    Image.new("L", (20, 20), 255).save(path, format=fmt)
    assert registry.choose_parser(Source.from_path(path)).name == "image"


def test_with_ocr_off_an_image_is_kept_unread(tmp_path: Path,
                                              parse_with: Callable[..., Document]) -> None:
    path = tmp_path / "scan.png"
    Image.new("L", (200, 100), 255).save(path)
    document = parse_with(ImageParser(), path, ocr=False)
    assert (document.blocks, document.problems) == (
        [], ["OCR is turned off (setting ocr): the image was not read"])
