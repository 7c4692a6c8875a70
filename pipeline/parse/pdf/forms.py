"""The one PDF trap pdfium cannot get out of: drawings (form XObjects) that draw themselves.

A form XObject is a reusable drawing, and a drawing may draw other drawings (`/Name Do`).
pdfium follows them up to about 40 levels deep, and does every one it meets: a form that draws
itself once costs 40 drawings, but one that draws itself twice costs 2^40, and pdfium's page
loading (C code, which nothing in the process can interrupt) then spins until the batch's
deadline kills the worker. A few hundred bytes are enough.

So before pdfium loads a page we count, from the file's objects alone, how many drawings each
page would make with its nested forms expanded as pdfium expands them, and refuse the file when
one page passes `MAX_DRAWINGS`. A form that draws itself but stays within the bound is only
noted, since pdfium cuts the loop and the text is still readable.

The count uses pdfminer's object reader, which parses lazily (only pages and forms are read).
A name a form's own resources lack is looked up in the page's resources, as pdfium does. A file
pdfminer cannot read without repair (a broken cross-reference table) is counted from its raw
objects instead (`rawforms`): pdfium repairs such files, so the trap is as live in them. This
check only ever adds a refusal or a note.
"""

from __future__ import annotations

import logging
import re
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.parse.pdf.rawforms import worst_drawings

#: pdfium's nesting limit for forms drawn within forms (CPDF_StreamContentParser).
PDFIUM_FORM_DEPTH = 40
#: drawings one page may make, nested forms expanded; real maps and plans stay far below.
MAX_DRAWINGS = 100_000
#: seconds the check may take on one file before it gives up and leaves the file to pdfium.
TIME_BUDGET = 10.0
#: larger files are left to pdfium and the batch deadline (see `_may_have_forms`).
MAX_SCANNED_BYTES = 1_000_000
#: a file without these markers has no form XObjects we could find (nor object streams that
#: might hide them), so it is not read twice.
_MARKERS = (b"/XObject", b"/ObjStm")
_DO = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*Do\b")


@dataclass
class FormReport:
    """What the check found: the first page that would draw too much (0: a page not known, in
    a file read without its page tree), pages whose forms loop."""

    explosive_page: int | None = None
    drawings: int = 0
    looping_pages: list[int] = field(default_factory=list)


def check_forms(path: Path, password: str | None) -> FormReport:
    """Count each page's nested drawings; an unreadable file gives an empty report."""
    report = FormReport()
    if not _may_have_forms(path):
        return report
    try:
        with _quiet_pdfminer(), open(path, "rb") as handle:
            _walk_pages(handle, password, report)
    except Exception:  # noqa: BLE001 - pdfminer fails in many ways on damaged files
        report = FormReport()
        report.drawings = worst_drawings(path.read_bytes(), PDFIUM_FORM_DEPTH, MAX_DRAWINGS)
        if report.drawings > MAX_DRAWINGS:
            report.explosive_page = 0  # somewhere in the file: the page tree is not known
    return report


@contextmanager
def _quiet_pdfminer() -> Iterator[None]:
    """pdfminer warns (in logs and warnings) about every repair it makes on a damaged file;
    pdfium reads the file for real, so here those complaints are noise on the worker's stderr."""
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _may_have_forms(path: Path) -> bool:
    """Only small files are read twice: pdfminer, in pure Python, took minutes on a damaged
    1.5 MB file (pdf.js bug1978317), and the traps this check is for are a few hundred bytes."""
    if path.stat().st_size > MAX_SCANNED_BYTES:
        return False
    with open(path, "rb") as handle:
        data = handle.read()
    return any(marker in data for marker in _MARKERS)


def _walk_pages(handle: Any, password: str | None, report: FormReport) -> None:
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    # no fallback: pdfminer's repair can follow a self-referring object for ever, and took
    # minutes on a damaged 1.5 MB file; broken files are counted by `rawforms` instead
    document = PDFDocument(PDFParser(handle), password=password or "", fallback=False)
    until = time.monotonic() + TIME_BUDGET
    for number, page in enumerate(PDFPage.create_pages(document), start=1):
        if time.monotonic() > until:
            return
        counter = _Counter(until, page.resources)
        drawings = counter.page(page.resources)
        if counter.looped:
            report.looping_pages.append(number)
        if drawings > MAX_DRAWINGS:
            report.explosive_page, report.drawings = number, drawings
            return


class _Counter:
    """Counts the drawings of one page, memoised by (form, resources, depth)."""

    def __init__(self, until: float, page_resources: Any) -> None:
        self.until = until
        self.page_xobjects = _xobjects(page_resources)
        self.memo: dict[tuple[int, int, int], int] = {}
        self.stack: list[int] = []
        self.names: dict[int, list[bytes]] = {}
        self.looped = False

    def page(self, resources: Any) -> int:
        xobjects = _xobjects(resources)
        return sum(self.form(target, resources, 1) for target in xobjects.values())

    def form(self, reference: Any, outer: Any, depth: int) -> int:
        """Drawings made by drawing this form at `depth`: itself and what it draws."""
        from pdfminer.pdftypes import PDFStream, resolve1

        stream = resolve1(reference)
        if depth > PDFIUM_FORM_DEPTH or not isinstance(stream, PDFStream):
            return 0
        if resolve1(stream.attrs.get("Subtype")) is None or _name(stream) != "Form":
            return 0
        own = resolve1(stream.attrs.get("Resources"))
        resources = own if isinstance(own, dict) else outer
        key = (id(stream), id(resources), depth)
        if key not in self.memo:
            self.looped = self.looped or id(stream) in self.stack
            self.stack.append(id(stream))
            self.memo[key] = 1 + self._inner(stream, resources, depth)
            self.stack.pop()
        return self.memo[key]

    def _inner(self, stream: Any, resources: Any, depth: int) -> int:
        if time.monotonic() > self.until:
            return 0
        xobjects = _xobjects(resources)
        total = 0
        if id(stream) not in self.names:
            self.names[id(stream)] = _DO.findall(stream.get_data())
        for name in self.names[id(stream)]:
            key = name.decode("latin-1")
            target = xobjects.get(key, self.page_xobjects.get(key))
            if target is not None:
                total += self.form(target, resources, depth + 1)
            if total > MAX_DRAWINGS:
                break
        return total


def _xobjects(resources: Any) -> dict[str, Any]:
    from pdfminer.pdftypes import resolve1

    found = resolve1(resources.get("XObject")) if isinstance(resources, dict) else None
    return found if isinstance(found, dict) else {}


def _name(stream: Any) -> str:
    from pdfminer.pdftypes import resolve1

    subtype = resolve1(stream.attrs.get("Subtype"))
    return str(getattr(subtype, "name", subtype))
