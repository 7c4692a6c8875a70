"""Fixtures shared by the parser tests: parse bytes written to a file, find the shared corpus."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from corpus.model import Document
from pipeline.parse import parse
from pipeline.parse.base import Source
from pipeline.parse.options import ParseOptions

#: the project's shared test corpus lies beside the repository (CI copies it there too).
SHARED_CORPUS = Path(
    os.environ.get(
        "SEKRETAR_SHARED_CORPUS", Path(__file__).resolve().parents[4] / "shared" / "corpus"
    )
)


@pytest.fixture
def shared_corpus() -> Path:
    """The shared corpus folder, read in place; the test is skipped where it is missing."""
    if not SHARED_CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {SHARED_CORPUS}")
    return SHARED_CORPUS


@pytest.fixture
def parse_bytes(tmp_path: Path) -> Callable[..., Document]:
    """Write `data` to a file named `name` and parse it with the parser the registry picks."""

    def run(data: bytes, name: str = "file.txt", media_type: str | None = None) -> Document:
        path = tmp_path / name
        path.write_bytes(data)
        return parse(Source.from_path(path, media_type=media_type))

    return run


@pytest.fixture
def parse_with() -> Callable[..., Document]:
    """Parse a file with a given parser, with options (timeouts, languages) on the source."""

    def parse(parser: object, path: Path, **options: object) -> Document:
        source = Source.from_path(path, options=ParseOptions(**options))  # type: ignore[arg-type]
        return parser.parse(source)  # type: ignore[attr-defined, no-any-return]

    return parse
