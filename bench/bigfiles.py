"""Big files through a real batch: a 600-page PDF and an 800-page DOCX, under the default
deadline and memory cap of the settings table.

    python bench/bigfiles.py            # 600-page PDF, 800-page DOCX (a few minutes)
    python bench/bigfiles.py --short    # 60 and 80 pages (the quick form CI runs)

Each file is ingested by `pipeline.batch.ingest` in a fresh process with one worker and no
analysis stages (parsing is what grows with the page count; the stages have their own
benchmarks), so that process's `RUSAGE_CHILDREN` is exactly the worker's: its CPU time and its
peak resident memory. Prints, per file: outcome and reason, wall seconds, worker CPU seconds,
worker peak RSS, the parent's CPU seconds (storing and indexing), and the limits. `tests/hostile/test_big_files.py` asserts on the same figures.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus_gen import make_pdf, paragraph  # noqa: E402

#: run in a fresh interpreter: ingest one file with one worker, print the figures as JSON.
PROBE = """
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from corpus.store import Store
from pipeline.batch import ingest
from pipeline.settings import load_settings
settings = load_settings(data=Path(sys.argv[2]), stages="", workers=1)
started = time.monotonic()
with Store(settings.data) as store:
    report = ingest(store, [Path(sys.argv[1])], settings)
wall = time.monotonic() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
parent = resource.getrusage(resource.RUSAGE_SELF)
[result] = report.files
print(json.dumps({"outcome": result.outcome, "reason": result.reason, "wall_s": round(wall, 1),
                  "worker_cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
                  "worker_peak_mb": round(usage.ru_maxrss / 1024),
                  "parent_cpu_s": round(parent.ru_utime + parent.ru_stime, 1),
                  "deadline_s": settings.deadline, "memory_cap_mb": settings.memory_mb}))
"""


def make_paged_docx(path: Path, pages: int, seed: int = 0) -> Path:
    """A report of `pages` pages: a heading, three paragraphs and a page break each, a list
    item every page and a table every tenth page."""
    import random

    import docx
    from docx.enum.text import WD_BREAK

    rng = random.Random(seed)
    document = docx.Document()
    document.core_properties.title = f"Доклад на {pages} страниц"
    for page in range(1, pages + 1):
        document.add_heading(f"Раздел {page}", level=2)
        for _ in range(3):
            document.add_paragraph(paragraph(rng))
        document.add_paragraph(paragraph(rng, 1), style="List Number")
        if page % 10 == 0:
            table = document.add_table(rows=3, cols=3)
            for r, row in enumerate(table.rows):
                for c, cell in enumerate(row.cells):
                    cell.text = f"{r}-{c} {paragraph(rng, 1)[:30]}"
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.save(str(path))
    return path


def measure(path: Path, data: Path, timeout: float = 1800.0) -> dict[str, object]:
    """Ingest `path` into the archive at `data` in a fresh process; the figures it printed."""
    result = subprocess.run([sys.executable, "-c", PROBE, str(path), str(data), str(ROOT)],
                            capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    if result.returncode != 0:
        raise RuntimeError(f"ingest of {path.name} failed:\n{result.stderr[-2000:]}")
    figures: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def build(folder: Path, pdf_pages: int, docx_pages: int) -> list[Path]:
    """The big PDF (a ruled table every tenth page) and the big DOCX, in `folder`."""
    return [make_pdf(folder / f"report-{pdf_pages}p.pdf", pdf_pages, table_every=10),
            make_paged_docx(folder / f"report-{docx_pages}p.docx", docx_pages)]


def main() -> int:
    parser = argparse.ArgumentParser(description="big files through a batch")
    parser.add_argument("--short", action="store_true", help="30 and 40 pages (CI)")
    args = parser.parse_args()
    pdf_pages, docx_pages = (30, 40) if args.short else (600, 800)
    with tempfile.TemporaryDirectory(prefix="sekretar-big-") as tmp:
        for path in build(Path(tmp), pdf_pages, docx_pages):
            size = path.stat().st_size / 1048576
            figures = measure(path, Path(tmp) / f"data-{path.stem}")
            print(f"{path.name} ({size:.1f} MB): {figures}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
