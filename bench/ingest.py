"""Benchmark: our DOCX and PDF parsing against the raw library calls, and the batch's scaling.

Prints pages/s and files/s side by side with the raw libraries (python-docx reading every
paragraph and table; pdfplumber `extract_text` on every page), the ratios, a batch with 1 and 2
workers, and the peak memory of a worker parsing a 600-page PDF.

    python bench/ingest.py            # full run (a few minutes)
    python bench/ingest.py --short    # the quick form CI runs
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus_gen import make_docx, make_pdf  # noqa: E402
from corpus.store import Store  # noqa: E402
from pipeline.ingest.batch import ingest  # noqa: E402
from pipeline.parse import parse  # noqa: E402
from pipeline.parse.base import Source  # noqa: E402
from pipeline.settings import Settings, load_settings  # noqa: E402


def timed(work: Callable[[], int]) -> tuple[float, int]:
    started = time.perf_counter()
    units = work()
    return time.perf_counter() - started, units


def ours(paths: list[Path]) -> int:
    pages = 0
    for path in paths:
        document = parse(Source.from_path(path))
        pages += document.pages or 1
    return pages


def raw_pdfplumber(paths: list[Path]) -> int:
    import pdfplumber
    pages = 0
    for path in paths:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()
                pages += 1
    return pages


def raw_docx(paths: list[Path]) -> int:
    import docx
    for path in paths:
        document = docx.Document(str(path))
        for paragraph in document.paragraphs:
            _ = paragraph.text
        for table in document.tables:
            for row in table.rows:
                for cell in row.cells:
                    _ = cell.text
    return len(paths)


def compare(label: str, unit: str, paths: list[Path], raw: Callable[[list[Path]], int]) -> None:
    ours_s, ours_units = timed(lambda: ours(paths))
    raw_s, raw_units = timed(lambda: raw(paths))
    if unit == "files":
        ours_units = raw_units = len(paths)
    ours_rate, raw_rate = ours_units / ours_s, raw_units / raw_s
    print(f"{label:<6} ours {ours_rate:8.1f} {unit}/s   raw {raw_rate:8.1f} {unit}/s   "
          f"ratio {ours_rate / raw_rate:5.2f}")


def batch_scaling(paths: list[Path], tmp: Path) -> None:
    rates = {}
    for workers in (1, 2):
        data = tmp / f"data-{workers}"
        settings = load_settings(data=data, stages="", workers=workers)
        with Store(data) as store:

            def run(store: Store = store, settings: Settings = settings) -> int:
                return len(ingest(store, paths, settings).files)

            seconds, _ = timed(run)
        rates[workers] = len(paths) / seconds
        print(f"batch  {workers} worker(s): {rates[workers]:6.1f} files/s")
    print(f"batch  speed-up with 2 workers: {rates[2] / rates[1]:.2f}x")


def worker_peak_memory(path: Path) -> None:
    code = ("import sys, resource; sys.path.insert(0, sys.argv[2]);"
            "from pipeline.parse import parse; from pipeline.parse.base import Source;"
            "d = parse(Source.from_path(__import__('pathlib').Path(sys.argv[1])));"
            "print(d.pages, len(d.blocks))")
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code, str(path), str(ROOT)], check=True,
                         capture_output=True, text=True).stdout.split()
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"long PDF: {out[0]} pages, {out[1]} blocks in {seconds:.1f} s "
          f"({int(out[0]) / seconds:.0f} pages/s), peak worker memory {peak:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true", help="small sizes, for CI")
    args = parser.parse_args()
    files, long_pages = (3, 10) if args.short else (40, 600)
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        pdfs = [make_pdf(tmp / f"report{n}.pdf", pages=10, table_every=5, seed=n)
                for n in range(files)]
        docxs = [make_docx(tmp / f"report{n}.docx", paragraphs=300, seed=n)
                 for n in range(files)]
        worker_peak_memory(make_pdf(tmp / "long.pdf", pages=long_pages, table_every=0, seed=99))
        compare("PDF", "pages", pdfs, raw_pdfplumber)
        compare("DOCX", "files", docxs, raw_docx)
        batch_scaling(pdfs + docxs, tmp)


if __name__ == "__main__":
    main()
