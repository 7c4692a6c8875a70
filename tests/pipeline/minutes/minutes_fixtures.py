"""Fixtures for the minutes and resolution tests: the generated quality set and documents read
through the real parsers and the language and minutes stages (each folder's conftest imports
them)."""

from __future__ import annotations

import copy
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from make_minutes_set import make_set  # noqa: E402

from corpus.model import Document  # noqa: E402
from pipeline.parse import parse  # noqa: E402
from pipeline.parse.base import Source  # noqa: E402
from pipeline.settings import load_settings  # noqa: E402
from pipeline.stages import Stage, build_stages, run_stages  # noqa: E402


@pytest.fixture(scope="session")
def minutes_set(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The quality set, generated once per run: file name → path."""
    folder = tmp_path_factory.mktemp("minutes-set")
    return {path.name: path for path in make_set(folder)}


@pytest.fixture(scope="session")
def analysis_stages() -> list[Stage]:
    return build_stages(load_settings(stages="language,minutes"))


@pytest.fixture(scope="session")
def read_file(analysis_stages: list[Stage]) -> Callable[[Path], Document]:
    """Parse a file and run the language and minutes stages on it, as ingest does (each file
    once per run; every caller gets its own copy)."""
    done: dict[Path, Document] = {}

    def read(path: Path) -> Document:
        if path not in done:
            document = parse(Source.from_path(path))
            run_stages(document, analysis_stages, strict=True)
            document.finish()
            done[path] = document
        return copy.deepcopy(done[path])

    return read
