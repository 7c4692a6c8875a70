"""What document versions cost at save time and what they save at read time.

N files are stored twice each (a changed file at the same path), once as separate documents
(`Store.save_document`, as if nothing linked them) and once through `store_version`, which
makes the second save supersede the first. Printed: the time per save, then the listing of
current documents and the search catalog's query over both archives. No index is built.

    python bench/versions.py            # 1,000 files, 10 blocks each
    python bench/versions.py --short    # 200 files (CI)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corpus.model import Document  # noqa: E402
from corpus.store import Store  # noqa: E402
from pipeline.ingest.versions import store_version  # noqa: E402

BLOCKS = 10


def document(number: int, version: int) -> Document:
    """A report of BLOCKS paragraphs; the id differs per version, as a changed file's would."""
    doc = Document(id=hashlib.sha256(f"{number}/{version}".encode()).hexdigest(), source_name=f"report-{number}.txt",
                   media_type="text/plain", kind="report", language="ru")
    for block in range(BLOCKS):
        doc.add_block("paragraph", f"Доклад {number}, версия {version}, абзац {block}.",
                      paragraph=block + 1)
    doc.finish()
    return doc


def timed(action: Callable[[], object]) -> tuple[float, object]:
    began = time.perf_counter()
    result = action()
    return time.perf_counter() - began, result


def fill(data: Path, files: int, linked: bool) -> float:
    """Seconds per save of `files` files in two versions each."""
    with Store(data) as store:
        began = time.perf_counter()
        for version in (1, 2):
            for number in range(files):
                doc = document(number, version)
                path = str(data / "inbox" / doc.source_name)
                if linked:
                    store_version(store, doc, {}, path, reindex=False)
                else:
                    store.save_document(doc, stages={}, source_path=path, reindex=False)
        return (time.perf_counter() - began) / (2 * files)


def reads(data: Path) -> dict[str, float | int]:
    with Store(data, readonly=True) as store:
        listing_s, listing = timed(store.versions.listing)
        catalog_s, rows = timed(lambda: list(store.blocks.with_documents()))
    return {"listed": len(listing), "listing_ms": round(listing_s * 1000, 1),  # type: ignore[arg-type]
            "catalog_rows": len(rows), "catalog_ms": round(catalog_s * 1000, 1)}  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--short", action="store_true", help="200 files, for CI")
    args = parser.parse_args()
    files = 200 if args.short else args.files
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, linked in (("separate", False), ("versions", True)):
            data = Path(tmp) / name
            per_save = fill(data, files, linked)
            out[name] = {"save_ms": round(per_save * 1000, 2), **reads(data)}
    print(json.dumps({"files": files, "versions_each": 2, "blocks": BLOCKS, **out}, indent=2))


if __name__ == "__main__":
    main()
