"""Running headers and footers: the same text in the top or bottom band of several pages.

A PDF has no notion of a header; it is text that repeats where headers go. A line counts as
running when it appears near the same edge on at least two pages, the same or differing only
in a number that moves with the page number. It is then dropped from every page's body and reported once, at the page
where it first appears; a bare page number is dropped and not reported at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from pipeline.parse.pdf.layout import Line, PageText, clean_text

#: how far from the top or bottom edge a running line may sit, as a fraction of page height.
BAND = 0.12
#: how many lines from each edge may be running text.
BAND_LINES = 3
#: on how many pages a line must repeat; two pages is also "half the pages" of a short file.
MIN_PAGES = 2
#: how many numbers in a line are tried as the page number.
MAX_NUMBERS = 4

_NUMBER = re.compile(r"\d{1,6}")


@dataclass(slots=True)
class Running:
    """One distinct running header or footer, as first seen."""

    kind: str
    text: str
    page: int
    reported: bool


def running_keys(text: str, page: int) -> list[str]:
    """What may stay the same from page to page: the text, and the text with its page number.

    Each number in the line is tried as the page number, kept as its offset from the real page
    number ("Страница 3" on page 3 and "Страница 4" on page 4 share "страница <p+0>"), so a
    caption whose number does not move with the page ("Таблица 7") is not taken for a header.
    """
    exact = clean_text(text).casefold()
    keys = [exact]
    for match in list(_NUMBER.finditer(exact))[:MAX_NUMBERS]:
        offset = int(match.group()) - page
        keys.append(f"{exact[: match.start()]}<p{offset:+d}>{exact[match.end() :]}")
    return keys


class RunningText:
    """The running headers and footers of a document, found from all of its pages."""

    def __init__(self, pages: list[PageText]) -> None:
        self._bands = {
            page.number: [
                (kind, line, [kind + key for key in running_keys(line.text, page.number)])
                for kind, line in _band_lines(page)
            ]
            for page in pages
        }
        self._running: set[int] = set()
        self._found: dict[str, Running] = {}
        pages_seen: dict[str, set[int]] = {}
        for number, band in self._bands.items():
            for _, _, keys in band:
                for key in keys:
                    pages_seen.setdefault(key, set()).add(number)
        for number, band in self._bands.items():
            for kind, line, keys in band:
                self._note(number, kind, line, [k for k in keys if len(pages_seen[k]) >= MIN_PAGES])

    def _note(self, page: int, kind: str, line: Line, keys: list[str]) -> None:
        text = clean_text(line.text)
        if not keys or not text:
            return
        self._running.add(id(line))
        if not any(key in self._found for key in keys):
            reported = any(ch.isalpha() for ch in text)
            self._found[keys[0]] = Running(kind=kind, text=text, page=page, reported=reported)

    def body(self, page: PageText) -> list[Line]:
        """The page's lines without its running headers and footers, in their order."""
        return [line for line in page.lines if id(line) not in self._running]

    def first_seen(self, page_number: int, kind: str) -> list[Running]:
        """The running texts of `kind` to report at this page (each is reported once)."""
        return [
            r
            for r in self._found.values()
            if r.page == page_number and r.kind == kind and r.reported
        ]


def _band_lines(page: PageText) -> list[tuple[str, Line]]:
    """Lines set apart at the top ("header") and bottom ("footer") edges of a page."""
    _, page_bottom, _, page_top = page.box
    band = BAND * page.height
    downwards = sorted(page.lines, key=lambda line: -line.top)
    top = _edge_lines(downwards, lambda line: line.bottom >= page_top - band)
    taken = {id(line) for line in top}
    upwards = [
        line for line in sorted(page.lines, key=lambda line: line.bottom) if id(line) not in taken
    ]
    bottom = _edge_lines(upwards, lambda line: line.top <= page_bottom + band)
    return [("header", line) for line in top] + [("footer", line) for line in bottom]


def _edge_lines(lines: list[Line], in_band: Callable[[Line], bool]) -> list[Line]:
    """The clusters of lines nearest an edge, each set apart by a gap, all inside the band.

    A running header is separated from the body by space; the first lines of a body paragraph
    are not separated from the rest of it, so their cluster is too long or leaves the band.
    """
    taken: list[Line] = []
    for cluster in _clusters(lines):
        if len(taken) + len(cluster) > BAND_LINES or not all(in_band(x) for x in cluster):
            break
        taken.extend(cluster)
    return taken


def _clusters(lines: list[Line]) -> Iterator[list[Line]]:
    """Runs of lines (ordered from an edge inwards) with less than half a line between them."""
    cluster: list[Line] = []
    for line in lines:
        if cluster and _distance(cluster[-1], line) > 0.5 * min(cluster[-1].height, line.height):
            yield cluster
            cluster = []
        cluster.append(line)
    if cluster:
        yield cluster


def _distance(one: Line, other: Line) -> float:
    return max(one.bottom - other.top, other.bottom - one.top, 0.0)
