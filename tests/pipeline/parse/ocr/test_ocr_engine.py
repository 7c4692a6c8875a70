"""The OCR engine with the real Tesseract: missing packs, timeouts, turned pages, noise."""

from __future__ import annotations

import ocr_fixtures as fx
import pytest

from bench.ocr import TEXTS, degrade, render
from corpus.errors import InputError, ModelMissing
from pipeline.parse.ocr.engine import NOISY, noise_level, ocr_image, prepare

pytestmark = fx.requires_tesseract


def test_a_missing_pack_is_named_with_its_debian_package() -> None:
    with pytest.raises(ModelMissing, match="apt-get install -y tesseract-ocr-xyz$"):
        ocr_image(fx.render_page(["Минск"]), ["xyz"])


def test_a_page_over_its_timeout_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"^OCR timed out after 0\.01 s on a page$"):
        ocr_image(fx.render_page(fx.RUSSIAN), "ru", timeout=0.01)


@pytest.mark.slow
def test_an_upside_down_page_is_turned_and_read() -> None:
    page = fx.render_page(fx.RUSSIAN).rotate(180)
    result = ocr_image(page, "ru", timeout=900)  # three Tesseract runs; the machine may be busy
    assert result.rotated == 180
    assert fx.char_accuracy(" ".join(fx.RUSSIAN), result.text) >= 0.95


@pytest.mark.parametrize("language", ["en", "uk"])
def test_a_noisy_page_is_filtered_then_read(language: str) -> None:
    """Grain all over an A4 page (Gaussian noise of sigma 40): Tesseract alone read nothing
    of these pages; median-filtered first, it reads them whole."""
    page = degrade(render(TEXTS[language]), "noisy")
    assert noise_level(page) > NOISY
    result = ocr_image(page, language, timeout=300)
    assert fx.char_accuracy(TEXTS[language], result.text) >= 0.97


def test_clean_and_lightly_degraded_pages_are_not_filtered() -> None:
    clean, blurred = render(TEXTS["ru"]), degrade(render(TEXTS["ru"]), "blurred")
    assert noise_level(clean) < 1 and noise_level(blurred) < 1
    assert prepare(clean) is clean and prepare(blurred) is blurred
