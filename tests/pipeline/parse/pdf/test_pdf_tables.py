"""Ruled tables found natively from pdfium's drawing: real PDFs, and the grid on plain numbers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pdf_fixtures as fx
import pytest
from pdf_fixtures import parse

from corpus.model import Document
from pipeline.parse.pdf.grid import Grid, find_grids, merge


def cells(document: Document) -> list[tuple[Any, ...]]:
    return [(b.table, b.row, b.col, b.text) for b in document.blocks if b.kind == "table_cell"]


def numbered(rows: list[list[str]]) -> list[tuple[Any, ...]]:
    return [(0, r, c, text) for r, row in enumerate(rows) for c, text in enumerate(row)]


@pytest.fixture(scope="module")
def pdf_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pdf_tables")


# ---- real PDFs -------------------------------------------------------------------------------


def test_merged_cells_are_read_once_at_their_first_row_and_column(pdf_dir: Path) -> None:
    document = parse(fx.merged_table(pdf_dir / "merged.pdf"))
    assert cells(document) == [(0, *cell) for cell in fx.MERGED_CELLS]


def test_borders_drawn_as_thin_filled_rectangles(pdf_dir: Path) -> None:
    document = parse(fx.word_borders(pdf_dir / "word.pdf"))
    assert [b.kind for b in document.blocks] == ["paragraph"] + ["table_cell"] * 9
    assert document.blocks[0].text == fx.WORD_BEFORE
    assert cells(document) == numbered(fx.WORD_ROWS)


def test_table_inside_a_moved_and_scaled_form_xobject(pdf_dir: Path) -> None:
    document = parse(fx.form_table(pdf_dir / "form.pdf"))
    assert [(b.kind, b.table, b.row, b.col, b.text) for b in document.blocks] == [
        ("table_cell", *cell) for cell in numbered(fx.FORM_ROWS)
    ]


def test_table_on_a_landscape_page_reads_upright(pdf_dir: Path) -> None:
    document = parse(fx.landscape_table(pdf_dir / "landscape.pdf"))
    assert cells(document) == numbered(fx.LANDSCAPE_ROWS)


def test_past_the_time_budget_tables_are_skipped_and_named(
    pdf_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("pipeline.parse.pdf.tables.TIME_BUDGET", -1.0)
    document = parse(fx.english_table(pdf_dir / "table.pdf"))
    assert cells(document) == []
    assert document.problems == ["tables were not searched on page(s) 1: too complex or slow"]
    assert fx.TABLE_ROWS[1][0] in document.text


# ---- the grid on plain numbers (points, y upwards) ---------------------------------------------


def lattice(xs: list[float], ys: list[float]) -> tuple[list[Any], list[Any]]:
    """Full-length rulings at the given x and y: (position, start, end) each way."""
    horizontal = [(y, min(xs), max(xs)) for y in ys]
    vertical = [(x, min(ys), max(ys)) for x in xs]
    return horizontal, vertical


def test_pieces_on_one_line_are_snapped_and_joined() -> None:
    edges = merge([(100.0, 0.0, 50.0), (100.4, 51.0, 90.0), (100.2, 150.0, 200.0)])
    assert [(round(e.position, 1), e.start, e.end) for e in edges] == [
        (100.2, 0.0, 90.0),
        (100.2, 150.0, 200.0),
    ]


def test_a_two_by_two_grid() -> None:
    (grid,) = find_grids(*lattice([0.0, 50.0, 100.0], [100.0, 80.0, 60.0]))
    assert grid == Grid(
        bbox=(0.0, 60.0, 100.0, 100.0),
        cells=[
            (0.0, 80.0, 50.0, 100.0),
            (50.0, 80.0, 100.0, 100.0),
            (0.0, 60.0, 50.0, 80.0),
            (50.0, 60.0, 100.0, 80.0),
        ],
        rows=[[0, 1], [2, 3]],
    )


def test_a_cell_merged_across_columns_leaves_a_gap_in_its_row() -> None:
    horizontal = [(100.0, 0.0, 100.0), (80.0, 0.0, 100.0), (60.0, 0.0, 100.0)]
    vertical = [(0.0, 60.0, 100.0), (50.0, 60.0, 80.0), (100.0, 60.0, 100.0)]
    (grid,) = find_grids(horizontal, vertical)
    assert grid.cells[0] == (0.0, 80.0, 100.0, 100.0)
    assert grid.rows == [[0, None], [1, 2]]


def test_a_single_frame_is_one_cell_and_rules_between_rows_close_none() -> None:
    (frame,) = find_grids(*lattice([0.0, 100.0], [100.0, 60.0]))
    assert frame.cells == [(0.0, 60.0, 100.0, 100.0)]
    rows_only = [(y, 0.0, 100.0) for y in (100.0, 80.0, 60.0)]
    assert find_grids(rows_only, []) == []


def test_separate_tables_come_top_first() -> None:
    lower = lattice([0.0, 50.0, 100.0], [100.0, 80.0])
    upper = lattice([0.0, 50.0, 100.0], [300.0, 280.0])
    grids = find_grids(lower[0] + upper[0], lower[1] + upper[1])
    assert [grid.bbox for grid in grids] == [(0.0, 280.0, 100.0, 300.0), (0.0, 80.0, 100.0, 100.0)]
