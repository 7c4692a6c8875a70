"""Notes laid out by headings (Markdown meeting notes, Word files with heading styles): which
heading opens or closes what.

- Under the agenda heading, a sub-heading ("Today", "Strategic initiatives") is no item; the
  items listed under a sub-heading about another meeting ("Last Meeting", "Follow-ups from the
  previous meeting") or under "Announcements" are not this meeting's agenda and are skipped.
- A heading at the agenda heading's level or above ("## Minutes" after "## Agenda") ends the
  agenda.
- In the body, a heading that opens no item, at an item heading's level or above ("## Q&A",
  "## Upcoming Meetings"), closes the item: what follows it belongs to no item.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.minutes.lines import Line
from pipeline.minutes.titles import numbered_item

#: sub-headings whose items are not this meeting's agenda.
NOT_THIS_MEETING = re.compile(
    r"last\s+meeting|previous\s+meeting|prior\s+meeting|follow[- ]?ups?|carried\s+over"
    r"|announcements|предыдущ|прошл[ао]го\s+заседания|попередн|минулого\s+засідання"
    r"|объявления|оголошення", re.IGNORECASE)

SKIP, ITEM, END = "skip", "item", "end"


class Outline:
    """The heading levels seen so far and what they mean for the next line."""

    def __init__(self, repeats_item: Callable[[str], bool]) -> None:
        self.repeats_item = repeats_item
        self.agenda_level: int | None = None
        self.item_level: int | None = None
        self.skipping = False
        self.outside = False

    def agenda_opened(self, line: Line) -> None:
        """The agenda's own heading: its level bounds the agenda."""
        self.agenda_level = line.level if line.heading else None

    def agenda_line(self, line: Line) -> str:
        """SKIP a sub-heading or a line under another meeting's list, END the agenda, or read
        the line as an ITEM line."""
        if not line.heading or numbered_item(line.text) or self.repeats_item(line.text):
            return SKIP if self.skipping and not line.heading else ITEM
        if self.agenda_level is not None and line.level is not None \
                and line.level <= self.agenda_level:
            return END
        self.skipping = bool(NOT_THIS_MEETING.search(line.text))
        return SKIP

    def item_opened(self, line: Line) -> None:
        self.outside = False
        if line.heading and line.level is not None:
            self.item_level = line.level

    def closes_item(self, line: Line) -> bool:
        """A heading that opens no item, at an item's level or above, closes the item."""
        if not line.heading or line.level is None:
            return False
        bound = self.item_level if self.item_level is not None else self.agenda_level
        if bound is not None and line.level <= bound:
            self.outside = True
        return self.outside
