"""Generate the minutes quality set: 14 documents in Russian, Ukrainian and English, as DOCX,
PDF and text, each with its expected structure in `NAME.expected.json` beside it.

Usage: python tests/pipeline/minutes/make_minutes_set.py OUT_DIR

The tests and `bench/minutes.py` call `make_set(folder)`; generation takes about a second, so
nothing is committed. The documents are described in `minutes_ru.py`, `minutes_uk.py` and
`minutes_en.py`, laid out by `minutes_render.py` and written by `minutes_write.py`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import minutes_en  # noqa: E402
import minutes_ru  # noqa: E402
import minutes_uk  # noqa: E402
from minutes_render import render  # noqa: E402
from minutes_spec import Minutes, expected  # noqa: E402
from minutes_write import write  # noqa: E402


def all_minutes() -> list[Minutes]:
    """Every document of the set, described."""
    return [make() for make in (*minutes_ru.ALL, *minutes_uk.ALL, *minutes_en.ALL)]


def make_set(folder: Path) -> list[Path]:
    """Write every document and its expected structure into `folder`; returns the documents."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for minutes in all_minutes():
        path = write(folder / minutes.filename, render(minutes), minutes.options)
        expected_path = folder / f"{minutes.name}.expected.json"
        expected_path.write_text(json.dumps(expected(minutes), ensure_ascii=False, indent=1) + "\n",
                                 "utf-8")
        paths.append(path)
    return paths


def expected_for(path: Path) -> dict[str, object]:
    """The expected structure written next to a generated document."""
    data: dict[str, object] = json.loads(path.with_name(f"{path.stem}.expected.json").read_text("utf-8"))
    return data


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "minutes-set")
    for written in make_set(out):
        print(written)
