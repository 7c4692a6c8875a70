"""A page's ruling lines, read from pdfium's path objects, on the page as displayed.

Only pages the survey found ruled are read this way. Every straight piece of a visible path
counts: stroked lines, the sides of rectangles, and a thin filled rectangle as the one line it
looks like (Word's PDF export draws every cell border so, never stroking a line). Path points
are in the path's own space, so they are carried through the path's matrix and those of the
form XObjects around it, then turned by the page's /Rotate like the text.
"""

from __future__ import annotations

import ctypes
import math
from collections.abc import Iterator
from dataclasses import dataclass, field

import pypdfium2.raw as pdfium_c

from pipeline.parse.pdf.grid import Piece
from pipeline.parse.pdf.survey import MAX_FORM_DEPTH, MAX_SURVEYED, RULING_WIDTH
from pipeline.parse.pdf.text import View

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
#: a piece whose ends differ by at most this across its direction is straight along an axis.
SLANT = 1.0
#: path segments read per page in all, and per path: a page or a path drawing more is a chart
#: or a map (a table of 300 cells drawn one rectangle each as one path has 1,500).
MAX_SEGMENTS = 20_000
MAX_PATH_SEGMENTS = 2_048
#: a path with curves and more segments than this is an illustration, not a rounded frame.
MAX_CURVED_SEGMENTS = 64


@dataclass(slots=True)
class Rulings:
    """Horizontal and vertical pieces of ruling, as (position, start, end)."""

    horizontal: list[Piece] = field(default_factory=list)
    vertical: list[Piece] = field(default_factory=list)
    objects: int = 0
    segments: int = 0

    def add(self, one: tuple[float, float], other: tuple[float, float]) -> None:
        """Add the piece between two points if it runs along an axis."""
        (x0, y0), (x1, y1) = one, other
        if abs(y1 - y0) <= SLANT and abs(x1 - x0) > SLANT:
            self.horizontal.append(((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
        elif abs(x1 - x0) <= SLANT and abs(y1 - y0) > SLANT:
            self.vertical.append(((x0 + x1) / 2, min(y0, y1), max(y0, y1)))


def read_rulings(page: object, view: View) -> Rulings:
    """Every ruling piece of a page, following form XObjects as deep as the survey does."""
    rulings = Rulings()
    count = max(pdfium_c.FPDFPage_CountObjects(page), 0)
    objects = (pdfium_c.FPDFPage_GetObject(page, i) for i in range(count))
    _read_objects(rulings, objects, IDENTITY, view, 0)
    return rulings


def _read_objects(
    rulings: Rulings, objects: Iterator[object], outer: Matrix, view: View, depth: int
) -> None:
    for handle in objects:
        if not handle or rulings.objects >= MAX_SURVEYED:
            return
        rulings.objects += 1
        kind = pdfium_c.FPDFPageObj_GetType(handle)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH and _visible(handle):
            _read_path(rulings, handle, _compose(_matrix(handle), outer), view)
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
            inner = _compose(_matrix(handle), outer)
            count = max(pdfium_c.FPDFFormObj_CountObjects(handle), 0)
            children = (pdfium_c.FPDFFormObj_GetObject(handle, i) for i in range(count))
            _read_objects(rulings, children, inner, view, depth + 1)


def _visible(handle: object) -> bool:
    """Whether a path is filled or stroked: an unpainted path draws nothing."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(handle, ctypes.byref(fill), ctypes.byref(stroke)):
        return False
    return bool(fill.value or stroke.value)


def _matrix(handle: object) -> Matrix:
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(handle, ctypes.byref(matrix)):
        return IDENTITY
    return (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """The matrix that applies `inner` first, then `outer` (PDF's row-vector convention)."""
    a, b, c, d, e, f = inner
    a2, b2, c2, d2, e2, f2 = outer
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _read_path(rulings: Rulings, handle: object, matrix: Matrix, view: View) -> None:
    """Read a path's straight runs; a curve ends a run, as in a frame with rounded corners
    whose sides still rule a table. A long path with curves is a logo, a chart or a map, so it
    is dropped at its first curve, which keeps illustrated pages cheap."""
    count = max(pdfium_c.FPDFPath_CountSegments(handle), 0)
    if count > MAX_PATH_SEGMENTS or rulings.segments + count > MAX_SEGMENTS:
        return
    x, y = ctypes.c_float(), ctypes.c_float()
    runs: list[tuple[list[tuple[float, float]], bool]] = []  # (points, closes to its start)
    for index in range(count):
        rulings.segments += 1
        segment = pdfium_c.FPDFPath_GetPathSegment(handle, index)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO and count > MAX_CURVED_SEGMENTS:
            return
        if not pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y)):
            continue
        point = _place(matrix, view, x.value, y.value)
        if kind != pdfium_c.FPDF_SEGMENT_LINETO or not runs:
            runs.append(([point], False))  # a move, or a curve's point: a new straight run
        else:
            runs[-1][0].append(point)
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and pdfium_c.FPDFPathSegment_GetClose(segment):
            runs[-1] = (runs[-1][0], True)
    for points, closed in runs:
        _read_subpath(rulings, points, closed)


def _place(matrix: Matrix, view: View, x: float, y: float) -> tuple[float, float]:
    """A path point on the displayed page; a non-finite point (damaged file) goes far away."""
    a, b, c, d, e, f = matrix
    page_x, page_y = a * x + c * y + e, b * x + d * y + f
    if not (math.isfinite(page_x) and math.isfinite(page_y)):
        return (-1e9, -1e9)
    left, bottom, _, _ = view((page_x, page_y, page_x, page_y))
    return (left, bottom)


def _read_subpath(rulings: Rulings, points: list[tuple[float, float]], closed: bool) -> None:
    """A thin subpath (a filled bar) is one line along its middle; else each straight side."""
    if len(points) < 2:
        return
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    left, right, bottom, top = min(xs), max(xs), min(ys), max(ys)
    if top - bottom <= RULING_WIDTH < right - left and len(points) > 2:
        rulings.horizontal.append(((bottom + top) / 2, left, right))
    elif right - left <= RULING_WIDTH < top - bottom and len(points) > 2:
        rulings.vertical.append(((left + right) / 2, bottom, top))
    else:
        for one, other in zip(points, points[1:], strict=False):
            rulings.add(one, other)
        if closed:
            rulings.add(points[-1], points[0])
