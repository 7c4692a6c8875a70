"""The block walker: reads a document's lines into a `Session` in three zones.

1. The head (title, date, place, chair, secretary, present, invited), until the agenda label
   or the first line that opens the body.
2. The agenda (ПОВЕСТКА ДНЯ / ПОРЯДОК ДЕННИЙ / Agenda): numbered or bulleted items, whose text
   may run over several lines. It ends where a number comes round again (the body's "1. …"),
   where a body label appears, or at a heading that repeats an item's title.
3. The body: each item is opened by a marker (a numbered heading, «1. СЛУШАЛИ:», «По второму
   вопросу», "Item 2", a heading with an item's title) or, when the minutes give none, by a
   СЛУШАЛИ that follows the previous item's decisions. An `ItemReader` reads the lines under it.

Items are only ever read from the document: an item discussed in the body but missing from the
agenda is added with the title the body gives it (and reported); nothing is made up.
"""

from __future__ import annotations

import re

from corpus.model import AgendaItem, Session
from pipeline.minutes.body import body_in_title, body_line, continue_body
from pipeline.minutes.checks import item_name
from pipeline.minutes.header import (
    person_part,
    read_header_label,
    read_header_line,
    read_present,
    session_number,
    split_names,
    starts_with_date,
)
from pipeline.minutes.items import ItemReader
from pipeline.minutes.labels import Label, LabelMatch, match_label, match_question
from pipeline.minutes.lines import Line
from pipeline.minutes.outline import END, SKIP, Outline
from pipeline.minutes.signatures import Signature, read_signature, read_signed_name
from pipeline.minutes.speakers import narrates, read_speaker
from pipeline.minutes.titles import (
    ITEM_WORD,
    NUMBERED,
    about_agenda,
    clean_title,
    continues_title,
    ends_sentence,
    numbered_item,
    short,
    similar,
    split_agenda,
)

_BODY_LABELS = (Label.HEARD, Label.SPOKE, Label.DECIDED, Label.VOTED)
_OPENING_LABELS = (Label.HEARD, Label.SPOKE, Label.RAPPORTEUR)
_HEAD_LABELS = (Label.TITLE, Label.CHAIR, Label.SECRETARY, Label.PRESENT, Label.INVITED,
                Label.ABSENT, Label.PLACE, Label.DATE)
_LIST_LABELS = (Label.PRESENT, Label.INVITED, Label.ABSENT)
#: the line under a bare title: "of the 5th meeting of …", «заседания № 3 …».
_MEETING_OF = re.compile(r"^(?:of\s+(?:the\s+)?|заседани|засіданн|пасяджэнн|отырыс|№\s*\d)", re.I)


class Walker:
    """One pass over the lines; `run()` returns the session read."""

    def __init__(self, lines: list[Line], language: str) -> None:
        self.lines = lines
        self.language = language
        self.session = Session()
        self.zone = "head"
        self.head_list: Label | None = None
        self.agenda_numbered = False
        self.readers: dict[int, ItemReader] = {}
        self.current: ItemReader | None = None
        self.extra_items: list[AgendaItem] = []
        self.agenda_size = 0
        self.pending_office: Label | None = None
        #: the line before was the title (the body may stand on the next line)
        self.after_title = False
        self.outline = Outline(lambda text: self._agenda_index_by_title(text) is not None)
        #: what the body gets wrong, found while reading (a speaker line without a name).
        self.problems: list[str] = []

    def run(self) -> Session:
        for index, line in enumerate(self.lines):
            self._line(index, line, match_label(line.text))
        for reader in self.readers.values():
            reader.close()
            self.problems.extend(f"{item_name(reader.item, 0)}: a speaker line names no one "
                                 f"(«{short(text)}»)" for text in reader.unnamed)
            self.problems.extend(reader.roll.problems if reader.roll else [])
        self.agenda_size = len(self.session.agenda)
        self.session.agenda.extend(self.extra_items)
        return self.session

    def _line(self, index: int, line: Line, match: LabelMatch | None) -> None:
        if self.zone == "head":
            if match is not None and match.label is Label.AGENDA:
                self.zone = "agenda"
                self.outline.agenda_opened(line)
                if match.rest:
                    self._agenda_line(Line(match.rest, line.block_ids))
                return
            if not self._body_starts(index, line, match):
                self._head_line(line, match)
                return
            self.zone = "body"
        elif self.zone == "agenda":
            if match is not None and match.label is Label.AGENDA:
                return
            verdict = self.outline.agenda_line(line)
            if verdict == SKIP:
                return
            if verdict != END and not self._body_starts(index, line, match):
                self._agenda_line(line)
                return
            self.zone = "body"
        self._body_line(index, line, match)

    # head --------------------------------------------------------------------------------

    def _head_line(self, line: Line, match: LabelMatch | None) -> None:
        after_title, self.after_title = self.after_title, False
        if match is not None and read_header_label(self.session, match, line, self.language):
            self.head_list = match.label if match.label in _LIST_LABELS else None
            if match.label is Label.TITLE:
                self._body(body_in_title(match.rest, self.language))
                self.after_title = True
            return
        if self.session.date is None or after_title:
            self._read_body(line.text, after_title)
        numbered = NUMBERED.match(line.text)
        if line.heading:
            self.head_list = None  # a heading ends an attendance list
        listed = line.bullet or numbered or "," in line.text or \
            read_speaker(line.text, self.language) is not None
        if self.head_list is not None and listed:
            text = numbered.group("rest") if numbered else line.text
            if self.head_list is Label.PRESENT:
                read_present(self.session, text)
            elif self.head_list is Label.ABSENT:
                self.session.absent.extend(split_names(text))
            else:
                self.session.invited.extend(split_names(text))
            return
        if self.session.number is None and _MEETING_OF.match(line.text):
            self.session.number = session_number(line.text)
        signature = read_signature(line.text)
        if signature is not None and signature.name:  # «Председатель группы – Хабибуллин Р.Р.»
            self._sign(signature)
            return
        if numbered and self.head_list is None and not starts_with_date(line.text):
            self.zone = "agenda"
            self._agenda_line(line)
            return
        read_header_line(self.session, line)

    def _read_body(self, text: str, after_title: bool) -> None:
        """The body that met, from a head line (see `pipeline.minutes.body`)."""
        found = body_line(text, self.language, after_title)
        if found is None and self.session.body is not None:
            found = continue_body(self.session.body, text)
        self._body(found)

    def _body(self, found: str | None) -> None:
        """Keep the first body read, or a later one that says it in full (a running head
        «Протокол № 16 заседания Совета» before the title)."""
        if found and (self.session.body is None or found.startswith(self.session.body)):
            self.session.body = found

    # agenda ------------------------------------------------------------------------------

    def _agenda_line(self, line: Line) -> None:
        pieces = split_agenda(line.text)
        if len(pieces) > 1:
            for piece in pieces:
                self._agenda_line(Line(piece, line.block_ids, bullet=line.bullet))
            return
        text = line.text
        marker = numbered_item(text)
        match = match_label(text)
        if match is not None and match.label is Label.RAPPORTEUR:
            return
        if marker is not None:
            self.agenda_numbered = True
            self._add_agenda_item(marker[0], marker[1], line)
            return
        if about_agenda(text):
            return
        agenda = self.session.agenda
        if agenda and not line.bullet and continues_title(agenda[-1].title, text,
                                                           self.agenda_numbered):
            agenda[-1].title = clean_title(f"{agenda[-1].title} {text}")
            agenda[-1].block_ids.extend(line.block_ids)
        elif not self.agenda_numbered and (line.bullet or not agenda) and not line.table:
            self._add_agenda_item(None, text, line)
        elif not self.agenda_numbered and agenda and ends_sentence(agenda[-1].title, text):
            self._add_agenda_item(None, text, line)

    def _add_agenda_item(self, number: str | None, text: str, line: Line) -> None:
        title = clean_title(text)
        if title:
            self.session.agenda.append(AgendaItem(number, title, list(line.block_ids)))

    # body --------------------------------------------------------------------------------

    def _body_starts(self, index: int, line: Line, match: LabelMatch | None) -> bool:
        if match is not None and match.label in _BODY_LABELS + (Label.RAPPORTEUR,):
            return match.label is not Label.RAPPORTEUR or self.zone == "head"
        question = match_question(line.text)
        if question and (not numbered_item(line.text) or self.zone == "head"):
            return True
        if not line.bullet and narrates(line.text, self.language):
            return True
        marker = numbered_item(line.text)
        if marker is None:
            return line.heading and self._agenda_index_by_title(line.text) is not None
        if self.zone == "head" and line.heading:
            return True  # "1. Welcome and apologies" as a heading: minutes with no agenda list
        if self.zone == "agenda" and not self.session.agenda:
            return False  # the agenda's first item, though СЛУШАЛИ follows a one-item agenda
        if self._next_opens_item(index, rapporteur=False):
            return True
        return self.zone == "agenda" and self._agenda_index(marker[0]) is not None

    def _body_line(self, index: int, line: Line, match: LabelMatch | None) -> None:
        if self._signature(line):
            return
        marker = self._item_marker(index, line, match)
        if marker is not None:
            number, title, rest = marker
            self.outline.item_opened(line)
            self._open_item(number, title, line)
            if rest:
                rest_line = Line(rest, line.block_ids, heading=line.heading)
                self._feed(rest_line, match_label(rest))
            return
        if match is not None and match.label in _HEAD_LABELS:
            read_header_label(self.session, match, line, self.language)
            if self.current is not None:
                self.current.stop_section()
            return
        if (match is None and self.outline.closes_item(line)) or self.outline.outside:
            if self.current is not None:
                self.current.stop_section()
            return
        opens = match is not None and match.label in _OPENING_LABELS
        if self.current is None or (opens and match is not None and match.label is Label.HEARD
                                    and self.current.has_outcome):
            self._open_next_item(line)
        self._feed(line, match)

    def _signature(self, line: Line) -> bool:
        """A signature line (or the name under an office signed alone) fills the chair or
        secretary the head left out and ends the open section; it is never a speech."""
        pending, self.pending_office = self.pending_office, None
        if line.heading:
            return False
        signature = read_signature(line.text)
        if signature is None and pending is not None:
            name = read_signed_name(line.text)
            signature = Signature(pending, name) if name else None
        if signature is None:
            return False
        self._sign(signature)
        if self.current is not None:
            self.current.stop_section()
        return True

    def _sign(self, signature: Signature) -> None:
        if signature.name is None:
            self.pending_office = signature.office
        elif signature.office is Label.CHAIR:
            self.session.chair = self.session.chair or person_part(signature.name)
        else:
            self.session.secretary = self.session.secretary or person_part(signature.name)

    def _feed(self, line: Line, match: LabelMatch | None) -> None:
        if self.current is None:
            self._open_next_item(line)
        assert self.current is not None
        self.current.feed(line, match)

    def _item_marker(self, index: int, line: Line,
                     match: LabelMatch | None) -> tuple[str | None, str, str] | None:
        """(number, title, what follows) when this line opens an item."""
        if match is not None and match.number and match.label in _BODY_LABELS + _OPENING_LABELS:
            rest = re.sub(r"^\d{1,3}[.)]?\s*", "", line.text.strip())
            return match.number, "", rest
        question = match_question(line.text)
        if question and ITEM_WORD.match(line.text):
            return question[0], clean_title(question[1]), ""
        if question and not (self.current and self.current.section is Label.DECIDED
                             and numbered_item(line.text)):
            return question[0], "", question[1]
        numbered = numbered_item(line.text)
        if numbered is not None:
            return self._numbered_marker(index, line, numbered)
        if line.heading:
            found = self._agenda_index_by_title(line.text)
            if found is not None:
                item = self.session.agenda[found]
                return item.number, item.title, ""
        return None

    def _numbered_marker(self, index: int, line: Line,
                         numbered: tuple[str, str]) -> tuple[str | None, str, str] | None:
        number, rest = numbered
        known = self._agenda_index(number)
        current = self.current.item.number if self.current else None
        if known is not None and number == current and not line.heading:
            return None
        evidence = line.heading or self._next_opens_item(index)
        if known is not None and (evidence or similar(rest, self.session.agenda[known].title)):
            return number, "", ""
        if known is None and evidence and (line.heading or not self._in_decisions()):
            return number, clean_title(rest), ""
        return None

    def _in_decisions(self) -> bool:
        return self.current is not None and self.current.section is Label.DECIDED

    def _next_opens_item(self, index: int, rapporteur: bool = True) -> bool:
        """The next line is СЛУШАЛИ / ВЫСТУПИЛИ / ПОСТАНОВИЛИ (or Докладчик, which in the
        agenda follows an item instead), as under an item's heading."""
        if index + 1 >= len(self.lines):
            return False
        following = match_label(self.lines[index + 1].text)
        labels = _OPENING_LABELS + (Label.DECIDED,) if rapporteur else _BODY_LABELS
        return following is not None and following.number is None and following.label in labels

    def _open_item(self, number: str | None, title: str, line: Line) -> None:
        found = self._agenda_index(number) if number else None
        if found is None and title:
            found = self._agenda_index_by_title(title)
        extra = next((i for i in self.extra_items if number and i.number == number), None)
        if found is not None:
            item = self.session.agenda[found]
        elif extra is not None:
            item = extra
        else:
            item = AgendaItem(number, title)
            self.extra_items.append(item)
        item.block_ids.extend(b for b in line.block_ids if b not in item.block_ids)
        self._switch_to(item)

    def _open_next_item(self, line: Line) -> None:
        """No marker: the agenda's next item not yet discussed, or an unlisted one."""
        agenda = self.session.agenda
        start = agenda.index(self.current.item) + 1 if self.current and \
            self.current.item in agenda else 0
        for item in agenda[start:]:
            if id(item) not in self.readers:
                self._switch_to(item)
                return
        item = AgendaItem(None, "")
        self.extra_items.append(item)
        self._switch_to(item)

    def _switch_to(self, item: AgendaItem) -> None:
        if id(item) not in self.readers:
            self.readers[id(item)] = ItemReader(item, self.language, known=self._known())
        self.current = self.readers[id(item)]

    def _known(self) -> frozenset[str]:
        """The words of the names the head lists (present, invited, chair, secretary), which
        notes use alone to name a speaker ("Anna: …")."""
        session = self.session
        names = [*session.present, *session.invited, session.chair or "", session.secretary or ""]
        return frozenset(w.lower() for n in names for w in n.split() if w[:1].isupper())

    def _agenda_index(self, number: str | None) -> int | None:
        for n, item in enumerate(self.session.agenda):
            if number is not None and item.number == number:
                return n
        return None

    def _agenda_index_by_title(self, text: str) -> int | None:
        numbered = numbered_item(text)
        title = clean_title(numbered[1] if numbered else text)
        for n, item in enumerate(self.session.agenda):
            if similar(title, item.title):
                return n
        return None
