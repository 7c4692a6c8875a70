"""Hostile PDFs built byte by byte: each ends as our own error or a document with a clear
problem, within a CPU bound, and in a batch it fails alone with a reason naming the file.

The traps: a page tree that loops (a Pages node among its own kids), drawings (form
XObjects) that draw themselves once, in pairs, or twice over (2^40 drawings for pdfium; also
through the page's resources, and behind a broken cross-reference table), and
objects nested 100,000 deep in a page dictionary and in a content stream.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import hostile_files as hf
import pytest

from bench.fuzz_child import ParseChild
from corpus.store import Store
from pipeline.ingest.batch import ingest
from pipeline.parse.pdf.forms import MAX_DRAWINGS
from pipeline.settings import load_settings

#: CPU seconds each trap may take to be judged (the fuzz bound); most take well under one.
CPU_BOUND = 10.0


@pytest.fixture(scope="module")
def child() -> Iterator[ParseChild]:
    with ParseChild(cpu_limit=CPU_BOUND) as parser:
        yield parser


REFUSED: dict[str, tuple[Callable[[], bytes], str]] = {
    "cyclic_page_tree": (hf.cyclic_page_tree, "corrupt PDF: no page could be read"),
    "page_tree_only_a_loop": (hf.cyclic_page_tree_only, "corrupt PDF: no page could be read"),
    "form_drawing_itself_twice": (
        hf.self_drawing_xobject_twice,
        f"corrupt PDF: a drawing on page 1 draws itself over and over "
        f"(more than {MAX_DRAWINGS} nested drawings)"),
    "form_drawing_itself_through_the_page": (
        hf.form_drawing_itself_through_the_page,
        f"corrupt PDF: a drawing on page 1 draws itself over and over "
        f"(more than {MAX_DRAWINGS} nested drawings)"),
    "form_drawing_itself_twice_behind_a_broken_table": (
        lambda: hf.with_broken_xref(hf.self_drawing_xobject_twice()),
        f"corrupt PDF: a drawing in the file draws itself over and over "
        f"(more than {MAX_DRAWINGS} nested drawings)"),
}


@pytest.mark.parametrize("trap", sorted(REFUSED))
def test_trap_is_refused_with_a_plain_reason(child: ParseChild, trap: str) -> None:
    build, reason = REFUSED[trap]
    outcome = child.run(build(), f"{trap}.pdf")
    assert (outcome.kind, outcome.detail) == ("input_error", reason)
    assert outcome.cpu < CPU_BOUND


@pytest.mark.parametrize("build", [hf.self_drawing_xobject, hf.mutually_drawing_xobjects],
                         ids=["draws_itself", "two_draw_each_other"])
def test_looping_drawings_are_cut_and_noted(child: ParseChild, build: Callable[[], bytes]) -> None:
    outcome = child.run(build(), "loop.pdf")
    assert outcome.kind == "document", outcome.detail
    assert "drawings that draw themselves on page(s) 1; the loops were cut" in outcome.detail


@pytest.mark.parametrize("build", [hf.deeply_nested, hf.deeply_nested_dicts,
                                   hf.deeply_nested_content],
                         ids=["arrays_100k_deep", "dicts_100k_deep", "content_100k_deep"])
def test_deep_nesting_keeps_the_page_text(child: ParseChild, build: Callable[[], bytes],
                                          tmp_path: Path) -> None:
    outcome = child.run(build(), "deep.pdf")
    assert outcome.kind == "document", outcome.detail
    assert outcome.detail.startswith("1 blocks; problems: []")
    assert outcome.cpu < CPU_BOUND


def test_control_file_reads(child: ParseChild) -> None:
    """The traps are variations of this file, which parses to its one line of text."""
    outcome = child.run(hf.plain_pdf(), "plain.pdf")
    assert outcome.kind == "document" and outcome.detail.startswith("1 blocks; problems: []")


def test_a_form_drawn_once_behind_a_broken_table_reads(child: ParseChild) -> None:
    """The raw count is pessimistic only about loops: a form that draws itself once (40
    drawings for pdfium) behind a broken table is read, not refused."""
    outcome = child.run(hf.with_broken_xref(hf.self_drawing_xobject()), "repaired.pdf")
    assert (outcome.kind, outcome.detail) == ("document", "1 blocks; problems: []")


def test_batch_fails_each_trap_alone_and_stores_the_rest(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for trap, (build, _) in REFUSED.items():
        (inbox / f"{trap}.pdf").write_bytes(build())
    (inbox / "loop.pdf").write_bytes(hf.self_drawing_xobject())
    (inbox / "deep.pdf").write_bytes(hf.deeply_nested_dicts())
    (inbox / "plain.pdf").write_bytes(hf.plain_pdf())
    settings = load_settings(environ={}, data=tmp_path / "data", stages="", workers=2,
                             ocr=False, deadline=120)
    with Store(tmp_path / "data") as store:
        report = ingest(store, [inbox], settings)
        stored = len(store.document_ids())
    found = {Path(f.path).name: (f.outcome, f.reason) for f in report.files}
    assert stored == 3
    for trap, (_, reason) in REFUSED.items():
        assert found[f"{trap}.pdf"] == ("failed", reason)
    assert found["plain.pdf"] == ("ok", None)
    assert found["deep.pdf"] == ("ok", None)
    assert found["loop.pdf"] == ("partial",
                                 "drawings that draw themselves on page(s) 1; the loops were cut")
