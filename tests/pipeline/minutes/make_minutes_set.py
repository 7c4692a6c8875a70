"""Generate the minutes quality set: documents in Russian, Ukrainian, Belarusian, Kazakh and
English, as DOCX, PDF and text, each with its expected structure in `NAME.expected.json` beside
it.

Usage: python tests/pipeline/minutes/make_minutes_set.py OUT_DIR

The tests and `bench/minutes.py` call `make_set(folder)`; generation takes about a second, so
nothing is committed. Part of the documents is described in `minutes_ru.py`, `minutes_uk.py`
and `minutes_en.py` and laid out by `minutes_render.py`; the rest is written out by hand in
`minutes_real_*.py` (see `minutes_real_spec.py`). `minutes_write.py` writes both.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import minutes_en  # noqa: E402
import minutes_real_en  # noqa: E402
import minutes_real_ru  # noqa: E402
import minutes_real_uk  # noqa: E402
import minutes_real_votes  # noqa: E402
import minutes_ru  # noqa: E402
import minutes_uk  # noqa: E402
from minutes_real_spec import Real  # noqa: E402
from minutes_render import render  # noqa: E402
from minutes_spec import Minutes, expected  # noqa: E402
from minutes_write import write  # noqa: E402


def all_minutes() -> list[Minutes]:
    """Every described document of the set (laid out by the renderer)."""
    return [make() for make in (*minutes_ru.ALL, *minutes_uk.ALL, *minutes_en.ALL)]


def all_real() -> list[Real]:
    """Every hand-written document of the set (laid out as written)."""
    return [make() for make in (*minutes_real_ru.ALL, *minutes_real_uk.ALL, *minutes_real_en.ALL,
                                *minutes_real_votes.ALL)]


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
    for real in all_real():
        path = write(folder / real.filename, real.elements, real.options)
        expected_path = folder / f"{real.name}.expected.json"
        expected_path.write_text(json.dumps(real.expected, ensure_ascii=False, indent=1) + "\n",
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
