"""Fixtures for the translation tests: real Apertium, tiny real argos packages, an archive.

The argos packages are built once per session with the recipe in models.md (random weights,
a real sentencepiece model, a real CTranslate2 model): they translate nonsense, so tests assert
structure on them and wording only on Apertium.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from translate_fixtures import TRAINING, needs_apertium

from corpus.store import Store
from pipeline.settings import Settings, load_settings
from pipeline.translate.apertium import ApertiumEngine
from pipeline.translate.synthetic import build_package


@pytest.fixture(scope="session")
def apertium(tmp_path_factory: pytest.TempPathFactory) -> ApertiumEngine:
    """The real Apertium engine with its fixed modes in a session folder."""
    needs_apertium()
    return ApertiumEngine(tmp_path_factory.mktemp("apertium"))


@pytest.fixture(scope="session")
def package_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Tiny real .argosmodel files: kk→en and en→ru (a pivot pair), ru→en, and a second kk→en."""
    out = tmp_path_factory.mktemp("argosmodels")
    files = {
        f"{s}-{t}": build_package(out, s, t, TRAINING, seed=n)
        for n, (s, t) in enumerate([("kk", "en"), ("en", "ru"), ("ru", "en")])
    }
    newer = out / "newer"
    newer.mkdir()
    files["kk-en-2"] = build_package(newer, "kk", "en", TRAINING, version="2.0", seed=9)
    return files


@pytest.fixture
def models(tmp_path: Path) -> Path:
    """An empty models folder, as `DATA/models`."""
    folder = tmp_path / "data" / "models"
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Store]:
    """An empty archive (store and folders) in a temporary data folder."""
    with Store(tmp_path / "data") as store:
        yield store


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(environ={}, data=tmp_path / "data", targets="uk,en")
