"""Ruled tables from ruling lines alone: the grid the lines form, its cells, rows and columns.

Pure Python over plain numbers (points on the displayed page, y upwards), so it is tested
without PDFs. The method is the lattice one pdfplumber uses: collinear pieces are snapped and
joined into edges, edges that cross give corner points, a cell is the smallest box whose four
corners exist and whose four sides are drawn, and cells that share corners make one table. A
merged cell is simply a box with no line inside it, so it comes out as one larger cell.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

Box = tuple[float, float, float, float]
#: a straight piece of ruling: (position across, start along, end along); a horizontal piece
#: has its y as position and its x range as start and end.
Piece = tuple[float, float, float]
Point = tuple[float, float]

#: pieces whose positions differ by at most this (points) are one line (a 0.5 pt border drawn
#: as a filled rectangle and its neighbour's, or a line drawn twice).
SNAP = 3.0
#: collinear pieces with a gap up to this between them are one line (cell borders drawn one
#: cell at a time).
JOIN = 3.0
#: lines shorter than this are not rulings (tick marks, bullets drawn as paths).
MIN_EDGE = 3.0
#: how far a line may stop short of another and still meet it at a corner.
MEET = 3.0
#: most lines each way a page may have; past it the page is a drawing, not a table (a page of
#: 8-point rows has about 100 lines across). It bounds the corner search, which is quadratic.
MAX_EDGES = 500


@dataclass(slots=True)
class Edge:
    """A ruling line after snapping and joining; `index` tells lines apart at a corner."""

    position: float
    start: float
    end: float
    index: int = 0


@dataclass(slots=True)
class Grid:
    """One table's cells (boxes) and their layout: `rows[r][c]` is the index of the cell that
    starts at row r and column c, or None where a merged neighbour covers that place."""

    bbox: Box
    cells: list[Box]
    rows: list[list[int | None]] = field(default_factory=list)


def find_grids(horizontal: list[Piece], vertical: list[Piece]) -> list[Grid]:
    """The tables the ruling pieces draw, top to bottom; empty if there are too many lines."""
    across = merge(horizontal)
    down = merge(vertical)
    if len(across) > MAX_EDGES or len(down) > MAX_EDGES:
        return []
    corners = _corners(across, down)
    boxes = _cells(corners)
    grids = [_grid(group) for group in _tables(boxes)]
    return sorted(grids, key=lambda grid: -grid.bbox[3])


def merge(pieces: list[Piece]) -> list[Edge]:
    """Snap pieces that lie on one line to a common position, then join touching pieces."""
    edges: list[Edge] = []
    for cluster in _clusters(sorted(pieces)):
        position = sum(piece[0] for piece in cluster) / len(cluster)
        for start, end in _joined(sorted((p[1], p[2]) for p in cluster)):
            if end - start >= MIN_EDGE:
                edges.append(Edge(position, start, end, len(edges)))
    return edges


def _clusters(pieces: list[Piece]) -> list[list[Piece]]:
    """Pieces sorted by position, cut where the next one is more than `SNAP` further on."""
    clusters: list[list[Piece]] = []
    for piece in pieces:
        if clusters and piece[0] - clusters[-1][-1][0] <= SNAP:
            clusters[-1].append(piece)
        else:
            clusters.append([piece])
    return clusters


def _joined(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    joined: list[tuple[float, float]] = []
    for start, end in spans:
        if joined and start <= joined[-1][1] + JOIN:
            joined[-1] = (joined[-1][0], max(joined[-1][1], end))
        else:
            joined.append((start, end))
    return joined


#: a corner: the horizontal and the vertical lines that pass through it.
Corners = dict[Point, tuple[set[int], set[int]]]


def _corners(across: list[Edge], down: list[Edge]) -> Corners:
    """Where horizontal and vertical lines cross or meet, within `MEET`."""
    down = sorted(down, key=lambda edge: edge.position)
    positions = [edge.position for edge in down]
    corners: Corners = {}
    for h in across:
        first = bisect_left(positions, h.start - MEET)
        last = bisect_right(positions, h.end + MEET)
        for v in down[first:last]:
            if v.start - MEET <= h.position <= v.end + MEET:
                lines = corners.setdefault((v.position, h.position), (set(), set()))
                lines[0].add(h.index)
                lines[1].add(v.index)
    return corners


def _cells(corners: Corners) -> list[Box]:
    """For every corner, the smallest drawn box with that corner at its top left."""
    columns: dict[float, list[float]] = {}  # x -> the corners' y, top first
    rows: dict[float, list[float]] = {}  # y -> the corners' x, left first
    for x, y in corners:
        columns.setdefault(x, []).append(y)
        rows.setdefault(y, []).append(x)
    for values in columns.values():
        values.sort(reverse=True)
    for values in rows.values():
        values.sort()
    boxes: list[Box] = []
    for x, y in corners:
        below = [b for b in columns[x] if b < y]
        right = [r for r in rows[y] if r > x]
        box = _smallest_box(corners, (x, y), below, right)
        if box is not None:
            boxes.append(box)
    return boxes


def _smallest_box(
    corners: Corners, top_left: Point, below: list[float], right: list[float]
) -> Box | None:
    """The nearest corners down and right that close a box drawn on all four sides."""
    x, y = top_left
    across, down = corners[top_left]
    for bottom in below:
        bottom_left = corners[(x, bottom)]
        if not down & bottom_left[1]:
            return None  # the left side stops here: no box can go further down
        for far in right:
            top_right = corners[(far, y)]
            if not across & top_right[0]:
                break  # the top side stops here
            bottom_right = corners.get((far, bottom))
            if (
                bottom_right is not None
                and bottom_right[0] & bottom_left[0]
                and bottom_right[1] & top_right[1]
            ):
                return (x, bottom, far, y)
    return None


def _tables(boxes: list[Box]) -> list[list[Box]]:
    """Cells that share a corner belong to one table (union-find over corners)."""
    parent = list(range(len(boxes)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    owner: dict[Point, int] = {}
    for index, (left, bottom, right, top) in enumerate(boxes):
        for corner in ((left, bottom), (left, top), (right, bottom), (right, top)):
            other = owner.setdefault(corner, index)
            parent[root(other)] = root(index)
    groups: dict[int, list[Box]] = {}
    for index, box in enumerate(boxes):
        groups.setdefault(root(index), []).append(box)
    return list(groups.values())


def _grid(boxes: list[Box]) -> Grid:
    """Rows by the cells' tops (top first), columns by their left sides (left first)."""
    cells = sorted(boxes, key=lambda box: (-box[3], box[0]))
    tops = sorted({box[3] for box in cells}, reverse=True)
    lefts = sorted({box[0] for box in cells})
    rows: list[list[int | None]] = [[None] * len(lefts) for _ in tops]
    row_of = {top: number for number, top in enumerate(tops)}
    col_of = {left: number for number, left in enumerate(lefts)}
    for index, box in enumerate(cells):
        rows[row_of[box[3]]][col_of[box[0]]] = index
    bbox = (
        min(box[0] for box in cells),
        min(box[1] for box in cells),
        max(box[2] for box in cells),
        max(box[3] for box in cells),
    )
    return Grid(bbox=bbox, cells=cells, rows=rows)
