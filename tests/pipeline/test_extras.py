"""A missing optional extra is named once, by the extra, with the command that installs it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image

from corpus.errors import ConfigError, ModelMissing
from pipeline import extras, stages
from pipeline.parse.base import Source
from pipeline.parse.image.parser import ImageParser


@pytest.fixture
def without(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Make an extra look uninstalled: `without("ocr")` swaps in a module that does not exist."""

    def hide(extra: str) -> None:
        monkeypatch.setitem(extras.EXTRAS, extra, (*extras.EXTRAS[extra], "sekretar_absent_mod"))
        extras.missing_modules.cache_clear()

    yield hide
    extras.missing_modules.cache_clear()


def test_every_extra_is_installed_here() -> None:
    assert {name: extras.missing_modules(name) for name in extras.EXTRAS} == {
        name: () for name in ("nlp", "translate", "search", "web", "ocr")
    }


def test_a_missing_extra_is_named_with_its_install_command(without: Callable[[str], None]) -> None:
    without("web")
    with pytest.raises(ConfigError) as caught:
        extras.require("web", "the web page")
    assert str(caught.value) == (
        "the web page needs the 'web' extra (sekretar_absent_mod missing): "
        "pip install 'sekretar[web]'"
    )
    assert extras.installed("search") and not extras.installed("web")


def test_an_unknown_extra_is_a_configuration_error() -> None:
    with pytest.raises(ConfigError, match="unknown extra 'gpu'"):
        extras.require("gpu")


def test_a_stage_whose_extra_is_missing_is_left_out(without: Callable[[str], None]) -> None:
    without("translate")
    assert stages.available_stages() == ["language", "kind", "minutes", "entities", "embed"]


def test_an_image_without_the_ocr_extra_says_what_to_install(
    without: Callable[[str], None], tmp_path: Path
) -> None:
    page = tmp_path / "scan.png"
    Image.new("L", (200, 100), 255).save(page)
    without("ocr")
    with pytest.raises(ModelMissing) as caught:
        ImageParser().parse(Source.from_path(page))
    assert "sekretar_absent_mod not installed" in str(caught.value)
    assert "pip install 'sekretar[ocr]'" in str(caught.value)
