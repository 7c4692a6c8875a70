"""Damaged and awkward archives, and deep HTML: what each command says, and how long it takes.

    python bench/damage.py            # 6 damage kinds x 9 commands, HTML to 100,000 levels
    python bench/damage.py --short    # HTML to 20,000 levels

A small real archive (six text notes, ingested with no analysis stages) is copied six times and
each copy damaged one way (`tests/faults/damage.py`: magic bytes, page size, middle pages,
truncation, schema page, random bytes). Each reader (`status`, `search`, `show`, `check`,
`check --full`, `documents`) and writer (`ingest`, `check --repair`, `delete`) is run on each copy
in this process; printed: the exit code, whether the damage was named, whether a trace escaped,
and whether a writer changed the file. Then `extract_html` on pages nested n deep, with its
seconds.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "faults"))

from damage import DAMAGE  # noqa: E402

from pipeline.cli import main  # noqa: E402
from pipeline.parse.text.html import extract_html  # noqa: E402

READERS = (["status"], ["search", "водоснабжение"], ["show", "note_1.txt"], ["check"],
           ["check", "--full"], ["documents"])


def run(args: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(args)
        except Exception as escaped:  # noqa: BLE001 - what the bench looks for
            return -1, f"Traceback: {escaped!r}"
    return code, out.getvalue() + err.getvalue()


def damage_matrix(base: Path) -> None:
    inbox = base / "inbox"
    inbox.mkdir()
    for n in range(6):
        (inbox / f"note_{n}.txt").write_text("\n\n".join(
            f"Записка {n}, раздел {p}: водоснабжение." for p in range(40)), "utf-8")
    os.environ["SEKRETAR_STAGES"] = ""
    assert run(["ingest", str(inbox), "--workers", "1", "--data", str(base / "clean")])[0] == 0
    writers = (["ingest", str(inbox)], ["check", "--repair"], ["delete", "note_1.txt"])
    detected = 0
    for kind, hurt in DAMAGE.items():
        data = base / kind.replace(" ", "_")
        shutil.copytree(base / "clean", data)
        hurt(data / "corpus.sqlite")
        before = hashlib.sha256((data / "corpus.sqlite").read_bytes()).hexdigest()
        said = [run([*c, "--data", str(data)]) for c in READERS + writers]
        after = hashlib.sha256((data / "corpus.sqlite").read_bytes()).hexdigest()
        named = sum("is damaged" in text for _, text in said)
        traces = sum("Traceback" in text for _, text in said)
        detected += named == len(said)
        print(f"{kind:13} exit codes {[c for c, _ in said]}; damage named {named}/{len(said)}; "
              f"traces {traces}; file {'unchanged' if before == after else 'CHANGED'}")
    print(f"detected: {detected} of {len(DAMAGE)} kinds")


def html_depth(depths: list[int]) -> None:
    for depth in depths:
        began = time.process_time()
        extract_html("<div>" * depth + "x" + "</div>" * depth)
        print(f"HTML nested {depth:>7,}: {time.process_time() - began:.2f} s CPU")


def main_bench() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--short", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        damage_matrix(Path(folder))
    html_depth([10_000, 20_000] if args.short else [10_000, 20_000, 40_000, 100_000])


if __name__ == "__main__":
    main_bench()
