"""A cheap survey of what a page draws: is there a ruled table, is it a scanned image?

Reads pdfium's page objects (type and bounds only), so deciding costs little; only a page
whose rulings cross like a table's grid has every path read in full for its tables
(`tables`). Framed notes, underlines and chart axes do not cross enough to count.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass, field

import pypdfium2.raw as pdfium_c

Box = tuple[float, float, float, float]

#: most page objects the survey looks at. pdfium finds an object by walking its list, so a
#: full survey costs the square of the object count (seconds on a page of 30,000 objects);
#: a page with more objects than this is a drawing, not a page of a report.
MAX_SURVEYED = 4_000
#: how deep the survey follows nested form XObjects (some generators wrap whole pages in them).
MAX_FORM_DEPTH = 4
#: thinner than this (points) a path is a ruling line; longer than RULING_LENGTH, it counts.
RULING_WIDTH = 3.0
RULING_LENGTH = 10.0
#: how many rulings each way are kept for the crossing test; more is a table anyway.
MAX_RULINGS = 300
#: crossings of horizontal and vertical rulings that suggest a table: a row of two cells has 6,
#: a framed note 4.
TABLE_CROSSINGS = 6
#: how far apart (points) a ruling's end and another ruling may be and still meet.
MEET = 2.0
#: pairs of boxes sharing an edge that suggest cells drawn one by one (three cells in a row).
TABLE_TOUCHING = 2
#: path segments read per page, and per path, to find boxes and grids drawn as one path.
MAX_SEGMENTS = 20_000
MAX_PATH_SEGMENTS = 512


@dataclass(slots=True)
class Drawing:
    """What a page draws besides text: enough to decide if it may hold a ruled table."""

    horizontal: list[Box] = field(default_factory=list)
    vertical: list[Box] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    grids: int = 0
    image_area: float = 0.0
    objects: int = 0
    segments: int = 0

    @property
    def complex(self) -> bool:
        """Too many objects to survey: pdfminer would take seconds on it, so no table search."""
        return self.objects >= MAX_SURVEYED

    @property
    def looks_ruled(self) -> bool:
        """Rulings that cross like a grid, one path drawn as a grid, or cells drawn as boxes."""
        return (
            self.grids > 0
            or crossings(self.horizontal, self.vertical) >= TABLE_CROSSINGS
            or _touching(self.boxes) >= TABLE_TOUCHING
        )


def survey(page: object) -> Drawing:
    """Collect rulings, boxes and images of a page, following form XObjects a few levels down."""
    drawing = Drawing()
    count = max(pdfium_c.FPDFPage_CountObjects(page), 0)
    _survey_objects(drawing, (pdfium_c.FPDFPage_GetObject(page, i) for i in range(count)))
    return drawing


def _survey_objects(drawing: Drawing, objects: Iterator[object], depth: int = 0) -> None:
    for handle in objects:
        if not handle or drawing.objects >= MAX_SURVEYED:
            return
        drawing.objects += 1
        kind = pdfium_c.FPDFPageObj_GetType(handle)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            _survey_path(drawing, handle)
        elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            drawing.image_area += _area(_bounds(handle))
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
            count = max(pdfium_c.FPDFFormObj_CountObjects(handle), 0)
            inner = (pdfium_c.FPDFFormObj_GetObject(handle, i) for i in range(count))
            _survey_objects(drawing, inner, depth + 1)


def _bounds(handle: object) -> Box:
    """An object's box (left, bottom, right, top); all zero if pdfium cannot tell."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetBounds(handle, left, bottom, right, top):
        return (0.0, 0.0, 0.0, 0.0)
    return (left.value, bottom.value, right.value, top.value)


def _area(box: Box) -> float:
    return max(box[2] - box[0], 0.0) * max(box[3] - box[1], 0.0)


def _survey_path(drawing: Drawing, handle: object) -> None:
    """A thin path is a ruling; a wider one of straight lines is a box or a whole grid."""
    box = _bounds(handle)
    width, height = box[2] - box[0], box[3] - box[1]
    if height <= RULING_WIDTH and width >= RULING_LENGTH:
        _keep(drawing.horizontal, box)
    elif width <= RULING_WIDTH and height >= RULING_LENGTH:
        _keep(drawing.vertical, box)
    elif width > RULING_WIDTH and height > RULING_WIDTH and drawing.segments < MAX_SEGMENTS:
        lines = _straight_lines(drawing, handle)
        if lines is None:
            return  # curves: a logo, a chart or a rounded frame, not a table
        horizontal, vertical = lines
        if crossings(horizontal, vertical) >= TABLE_CROSSINGS:
            drawing.grids += 1  # one path holding many crossing lines: a whole grid at once
        elif horizontal and vertical:
            _keep(drawing.boxes, box)


def _keep(found: list[Box], box: Box) -> None:
    if len(found) < MAX_RULINGS:
        found.append(box)


def _straight_lines(drawing: Drawing, handle: object) -> tuple[list[Box], list[Box]] | None:
    """A path's horizontal and vertical segments (in its own space), or None if it curves."""
    count = min(max(pdfium_c.FPDFPath_CountSegments(handle), 0), MAX_PATH_SEGMENTS)
    drawing.segments += count
    horizontal: list[Box] = []
    vertical: list[Box] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    start = previous = (0.0, 0.0)
    for index in range(count):
        segment = pdfium_c.FPDFPath_GetPathSegment(handle, index)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            return None
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        point = (x.value, y.value)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = point
        else:
            _add_segment(previous, point, horizontal, vertical)
        if pdfium_c.FPDFPathSegment_GetClose(segment):
            _add_segment(point, start, horizontal, vertical)
        previous = point
    return horizontal, vertical


def _add_segment(one: tuple[float, float], other: tuple[float, float], *found: list[Box]) -> None:
    horizontal, vertical = found
    left, right = sorted((one[0], other[0]))
    bottom, top = sorted((one[1], other[1]))
    if top - bottom <= MEET and right - left >= RULING_LENGTH:
        horizontal.append((left, bottom, right, top))
    elif right - left <= MEET and top - bottom >= RULING_LENGTH:
        vertical.append((left, bottom, right, top))


def crossings(horizontal: list[Box], vertical: list[Box]) -> int:
    """How many horizontal and vertical lines meet, counting up to the threshold only."""
    count = 0
    for h_left, h_bottom, h_right, h_top in horizontal:
        for v_left, v_bottom, v_right, v_top in vertical:
            if (
                v_left - MEET <= h_right
                and v_right + MEET >= h_left
                and h_bottom - MEET <= v_top
                and h_top + MEET >= v_bottom
            ):
                count += 1
                if count >= TABLE_CROSSINGS:
                    return count
    return count


def _touching(boxes: list[Box]) -> int:
    """Pairs of boxes that share an edge, as the cells of a table drawn box by box do."""
    count = 0
    for index, one in enumerate(boxes):
        for other in boxes[index + 1 :]:
            count += _share_edge(one, other)
            if count >= TABLE_TOUCHING:
                return count
    return count


def _share_edge(one: Box, other: Box) -> bool:
    overlap_x = min(one[2], other[2]) - max(one[0], other[0]) > MEET
    overlap_y = min(one[3], other[3]) - max(one[1], other[1]) > MEET
    side = abs(one[2] - other[0]) <= MEET or abs(other[2] - one[0]) <= MEET
    stacked = abs(one[3] - other[1]) <= MEET or abs(other[3] - one[1]) <= MEET
    return (side and overlap_y) or (stacked and overlap_x)
