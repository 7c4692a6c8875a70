"""Big files through a real batch: a 600-page PDF and an 800-page DOCX, under the default
deadline and memory cap of the settings table, and a 300-page scan read by OCR.

    python bench/bigfiles.py            # 600-page PDF, 800-page DOCX, 300-page scan
    python bench/bigfiles.py --short    # 30- and 40-page files, a 10-page scan (CI)
    python bench/bigfiles.py --scan-only --scan-pages 300

The scan (a PDF of page images with no text layer, a few lines of Russian on each) is read
twice: under the default limits, where OCR stops at three quarters of the deadline and keeps
the pages read so far, and with the deadline raised so that every page is read, which shows
whether memory grows with the page count. Its figures add the pages read by OCR.

Each file is ingested by `pipeline.ingest.batch.ingest` in a fresh process with one worker and no
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
from pipeline.ingest.batch import ingest
from pipeline.settings import load_settings
settings = load_settings(data=Path(sys.argv[2]), stages="", workers=1,
                         **json.loads(sys.argv[4]))
started = time.monotonic()
with Store(settings.data) as store:
    report = ingest(store, [Path(sys.argv[1])], settings)
wall = time.monotonic() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
parent = resource.getrusage(resource.RUSAGE_SELF)
[result] = report.files
pages = ocr = 0
if result.document_id:
    with Store(settings.data, readonly=True) as store:
        blocks = store.load_document(result.document_id).blocks
        pages = len({b.page for b in blocks if b.text.strip() and b.page})
        ocr = len({b.page for b in blocks if b.ocr})
print(json.dumps({"outcome": result.outcome, "reason": result.reason, "wall_s": round(wall, 1),
                  "pages_with_text": pages, "pages_read_by_ocr": ocr,
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


def make_scan(path: Path, pages: int) -> Path:
    """A scanned Russian report of `pages` A4 pages at 300 dpi with no text layer: ten
    different page images (a numbered heading and two sentences), repeated in turn."""
    from bench.ocr import render

    images = [render(f"Страница {n + 1}. Совет ассамблеи заслушал доклад о городском "
                     f"водоснабжении. Постановили: одобрить доклад и направить его "
                     f"городам-членам.") for n in range(min(10, pages))]
    sequence = [images[n % len(images)] for n in range(pages)]
    sequence[0].save(path, "PDF", resolution=300, save_all=True, append_images=sequence[1:])
    return path


def measure(path: Path, data: Path, timeout: float = 1800.0,
            **settings: object) -> dict[str, object]:
    """Ingest `path` into the archive at `data` in a fresh process, with `settings` over the
    defaults; the figures it printed."""
    result = subprocess.run([sys.executable, "-c", PROBE, str(path), str(data), str(ROOT),
                             json.dumps(settings)],
                            capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    if result.returncode != 0:
        raise RuntimeError(f"ingest of {path.name} failed:\n{result.stderr[-2000:]}")
    figures: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def build(folder: Path, pdf_pages: int, docx_pages: int) -> list[Path]:
    """The big PDF (a ruled table every tenth page) and the big DOCX, in `folder`."""
    return [make_pdf(folder / f"report-{pdf_pages}p.pdf", pdf_pages, table_every=10),
            make_paged_docx(folder / f"report-{docx_pages}p.docx", docx_pages)]


#: the raised deadline under which every page of the long scan is read
SCAN_DEADLINE = 3600.0


def measure_scan(folder: Path, pages: int) -> list[tuple[str, dict[str, object]]]:
    """The long scan under the default limits, then with the deadline raised."""
    path = make_scan(folder / f"scan-{pages}p.pdf", pages)
    return [("default limits", measure(path, folder / "data-scan-default", ocr_languages="ru")),
            (f"deadline {SCAN_DEADLINE:g} s",
             measure(path, folder / "data-scan-raised", timeout=SCAN_DEADLINE + 600,
                     ocr_languages="ru", deadline=SCAN_DEADLINE))]


def main() -> int:
    parser = argparse.ArgumentParser(description="big files through a batch")
    parser.add_argument("--short", action="store_true",
                        help="30- and 40-page files and a 10-page scan (CI)")
    parser.add_argument("--scan-pages", type=int, help="pages of the scan (300; 10 with --short)")
    parser.add_argument("--scan-only", action="store_true", help="only the scan")
    args = parser.parse_args()
    pdf_pages, docx_pages = (30, 40) if args.short else (600, 800)
    scan_pages = args.scan_pages or (10 if args.short else 300)
    with tempfile.TemporaryDirectory(prefix="sekretar-big-") as tmp:
        for path in [] if args.scan_only else build(Path(tmp), pdf_pages, docx_pages):
            size = path.stat().st_size / 1048576
            figures = measure(path, Path(tmp) / f"data-{path.stem}")
            print(f"{path.name} ({size:.1f} MB): {figures}", flush=True)
        for limits, figures in measure_scan(Path(tmp), scan_pages):
            print(f"{scan_pages}-page scan, {limits}: {figures}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
