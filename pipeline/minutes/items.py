"""What was said and decided under one agenda item: speeches, decisions, votes and outcomes.

The reader keeps the section the last label opened (СЛУШАЛИ, ВЫСТУПИЛИ, ПОСТАНОВИЛИ,
ГОЛОСОВАЛИ or none, as in English minutes without labels) and reads each line in its light:

- a speaker line opens a speech (СЛУШАЛИ expects the accusative); other lines continue it;
- under ПОСТАНОВИЛИ a numbered line ("1.2.") opens a decision; an unnumbered one continues the
  current decision when that one is numbered, when it does not end a sentence, or when the
  line starts in lower case or is a bullet (line breaks and page breaks inside a decision);
- a tally or an outcome line is a vote; the lines of a vote table merge into one vote.

Votes are assigned when the item ends: a single vote covers the whole item (`item.vote`);
several votes each cover the decisions read since the previous one (`decision.vote`).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from corpus.model import AgendaItem, Decision, Speech, Vote
from pipeline.minutes.checks import item_name
from pipeline.minutes.header import city_of
from pipeline.minutes.labels import Label, LabelMatch
from pipeline.minutes.lines import Line
from pipeline.minutes.names import ACCUSATIVE, NOMINATIVE
from pipeline.minutes.people import name_of, written_case
from pipeline.minutes.rollcall import RollCall
from pipeline.minutes.speaker_list import read_speakers
from pipeline.minutes.speakers import OFFICER_SPEAKS, SpeakerLine, speech_gender
from pipeline.minutes.votes import (
    ADOPTED,
    Tally,
    is_outcome_line,
    looks_like_tally,
    merge,
    read_tally,
    to_vote,
)

_DECISION_NUMBER = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)(?:[.)]\s*|\s+)(?=\S)")
#: «Иванов И.И. — …» after the decisions: the discussion goes on (a transcript), it is no decision.
_SPEAKER_TURN = re.compile(
    r"^[А-ЯЁІЇЄҐ][а-яёіїєґ'’-]+\s+[А-ЯЁІЇЄҐ]\.\s?[А-ЯЁІЇЄҐ]\.\s*[—–-]\s")
_SENTENCE_END = re.compile(r"[.!?…][»\"”)]*$")
#: "Anna: the release candidate is ready": one word and a colon, a speaker when the head
#: lists a person by that word.
_NAMED_BY_ONE_WORD = re.compile(r"^(?P<name>[A-ZА-ЯЁІЇЄҐ][\w'’-]+)\s*:\s+(?P<text>\S.*)$", re.DOTALL)
_SECTIONS = (Label.HEARD, Label.SPOKE, Label.DECIDED, Label.VOTED, Label.RAPPORTEUR)
#: decisions («1.1. … 1.2. …») or speakers («… г. Самара. Гусейнов Р.А. — …») run together in
#: one paragraph by PDF extraction are cut apart at these points.
_NEXT_DECISION = re.compile(r"(?<=[.;!»])\s+(?=\d{1,3}(?:\.\d{1,3})+\.?\s+[А-ЯЁІЇЄҐA-Z«])")
_NEXT_SPEAKER = re.compile(
    r"(?<=[.!?»])\s+(?=[А-ЯЁІЇЄҐ][а-яёіїєґ'’-]+\s+[А-ЯЁІЇЄҐ]\.\s?[А-ЯЁІЇЄҐ]\.\s*[—–-]"
    r"|(?i:содокладчик|співдоповідач|содакладчык|co-rapporteur)\s+[А-ЯЁІЇЄҐЎA-Z])")

@dataclass
class _VoteEvent:
    vote: Vote
    decisions_before: int
    open: bool = True


@dataclass
class ItemReader:
    """Reads the lines under one agenda item into it."""

    item: AgendaItem
    language: str
    #: the words of the names the head lists, lower-cased ("Anna: …" names a speaker).
    known: frozenset[str] = frozenset()
    section: Label | None = None
    speech: Speech | None = None
    decision: Decision | None = None
    events: list[_VoteEvent] = field(default_factory=list)
    #: the blocks of a ГОЛОСОВАЛИ label standing alone: they belong to the vote that follows.
    vote_label_ids: list[str] = field(default_factory=list)
    #: texts that follow СЛУШАЛИ / ВЫСТУПИЛИ but name no one («СЛУШАЛИ: — о бюджете»).
    unnamed: list[str] = field(default_factory=list)
    #: the blocks of English decisions that say they were taken ("Agreed to …").
    taken_ids: list[str] = field(default_factory=list)
    roll: RollCall | None = None

    def __post_init__(self) -> None:
        self.roll = RollCall(self.language)

    @property
    def has_outcome(self) -> bool:
        """Decisions or votes are recorded: a new СЛУШАЛИ now starts the next item."""
        return bool(self.item.decisions or self.events)

    def feed(self, line: Line, match: LabelMatch | None) -> None:
        """Read one line (with the label it starts with, if any)."""
        if match is not None and match.label in _SECTIONS:
            if match.taken:
                _add_ids(self.taken_ids, line.block_ids)
            self._open_section(match.label, line)
            if match.rest:
                self._content(match.rest, line, first=True)
            return
        assert self.roll is not None
        if self.roll.take(line, self.section is Label.VOTED):
            return
        self._flush_roll()
        text = line.text
        if is_outcome_line(text) or looks_like_tally(text) or self.section is Label.VOTED:
            tally = read_tally(text)
            if not tally.empty:
                self._tally(tally, line)
                return
            if self.section is Label.VOTED:
                self.section = Label.DECIDED if _DECISION_NUMBER.match(text) else None
        self._content(text, line)

    def stop_section(self) -> None:
        """A head label (a signature) ends whatever section was open."""
        self.section, self.speech = None, None

    def _open_section(self, label: Label, line: Line) -> None:
        self.section = label
        self.speech = None
        if label is Label.DECIDED:
            self.decision = None
        if label is Label.VOTED:
            self._close_vote()
            self.vote_label_ids = list(line.block_ids)

    def _content(self, text: str, line: Line, first: bool = False) -> None:
        splitter = _NEXT_DECISION if self.section is Label.DECIDED else _NEXT_SPEAKER
        pieces = splitter.split(text)
        for n, piece in enumerate(pieces):
            self._piece(piece, line, first and n == 0)

    def _piece(self, text: str, line: Line, first: bool) -> None:
        if self.section is Label.DECIDED and not first and _SPEAKER_TURN.match(text):
            self.section = None
        if self.section is Label.DECIDED:
            self._decision(text, line, first)
        elif self.section is Label.VOTED:
            tally = read_tally(text)
            if not tally.empty:
                self._tally(tally, line)
        else:
            self._speech(text, line, first)

    # speeches ----------------------------------------------------------------------------

    def _speech(self, text: str, line: Line, first: bool) -> None:
        labelled = self.section in (Label.HEARD, Label.SPOKE, Label.RAPPORTEUR)
        officer = None if labelled else OFFICER_SPEAKS.match(text)
        if officer is not None:
            capacity = "chair" if officer.group("chair") else "secretary"
            self._add_officer_speech(capacity, text[officer.end():], line)
            return
        speakers = read_speakers(text, self.language, strict=not labelled)
        named = None if speakers or labelled else _NAMED_BY_ONE_WORD.match(text)
        if named and named.group("name").lower() in self.known:
            speakers = [SpeakerLine([named.group("name")], None, None, named.group("text"))]
        if speakers:
            case = written_case([s.words for s in speakers], self.language) \
                if len(speakers) > 1 else None
            for speaker in speakers:
                self._add_speech(speaker, line, case)
        elif self.speech is not None:
            self.speech.text = f"{self.speech.text}\n{text}".strip()
            _add_ids(self.speech.block_ids, line.block_ids)
        elif labelled and first:
            self.unnamed.append(text)

    def _add_speech(self, speaker: SpeakerLine, line: Line, case: str | None = None) -> None:
        case = case or (ACCUSATIVE if self.section is Label.HEARD else NOMINATIVE)
        gender = speech_gender(speaker.text, self.language)
        name = name_of(speaker.words, self.language, case, gender)
        capacity = speaker.capacity
        if capacity is None and self.section in (Label.HEARD, Label.RAPPORTEUR):
            capacity = "rapporteur"
        self.speech = Speech(speaker=name.display, person_key=name.key, role=speaker.role,
                             city=city_of(speaker.city, self.language), text=speaker.text,
                             block_ids=list(line.block_ids), capacity=capacity)
        self.item.speeches.append(self.speech)

    def _add_officer_speech(self, capacity: str, text: str, line: Line) -> None:
        """A speech by the chair or secretary named by office; the name comes from the head."""
        self.speech = Speech(speaker="", text=text.strip(), block_ids=list(line.block_ids),
                             capacity=capacity)
        self.item.speeches.append(self.speech)

    # decisions ---------------------------------------------------------------------------

    def _decision(self, text: str, line: Line, first: bool) -> None:
        number = _DECISION_NUMBER.match(text)
        current = self.decision
        if number:
            self._add_decision(number.group(1), text[number.end():], line)
        elif current is None or first:
            self._add_decision(None, text, line)
        elif line.bullet or current.number is not None or _continues(current.text, text):
            current.text += ("\n" if line.bullet else " ") + text
            _add_ids(current.block_ids, line.block_ids)
        else:
            self._add_decision(None, text, line)

    def _add_decision(self, number: str | None, text: str, line: Line) -> None:
        text = re.sub(r"^that\s+", "", text.strip(), flags=re.IGNORECASE)
        self.decision = Decision(number=number, text=text[:1].upper() + text[1:],
                                 block_ids=list(line.block_ids))
        self.item.decisions.append(self.decision)
        self._close_vote()

    # votes -------------------------------------------------------------------------------

    def _tally(self, tally: Tally, line: Line) -> None:
        event = self.events[-1] if self.events and self.events[-1].open else None
        if event is not None and not _clashes(event.vote, tally):
            merge(event.vote, tally, line.block_ids)
        else:
            ids = self.vote_label_ids + [i for i in line.block_ids if i not in self.vote_label_ids]
            vote = to_vote(tally, ids)
            self.events.append(_VoteEvent(vote, len(self.item.decisions)))
        self.vote_label_ids = []

    def _flush_roll(self) -> None:
        """A roll call just read goes to the open vote it follows, or makes a vote."""
        if self.roll is None or not self.roll.members:
            return
        event = self.events[-1] if self.events and self.events[-1].open else None
        if event is None or event.vote.members:
            event = _VoteEvent(Vote(), len(self.item.decisions))
            self.events.append(event)
        self.roll.attach(event.vote, item_name(self.item, 0))

    def _close_vote(self) -> None:
        if self.events:
            self.events[-1].open = False

    def close(self) -> None:
        """Give each vote to the decisions it covers (see the module's rules)."""
        self._flush_roll()
        decisions = self.item.decisions
        if not self.events and decisions and self.taken_ids:
            self.item.vote = Vote(outcome=ADOPTED, block_ids=list(self.taken_ids))
            return
        if len(self.events) == 1:
            self.item.vote = self.events[0].vote
            return
        bounds = [e.decisions_before for e in self.events] + [len(decisions)]
        previous = 0
        for n, event in enumerate(self.events):
            covered = decisions[previous:bounds[n]] or decisions[bounds[n]:bounds[n + 1]]
            previous = bounds[n]
            if not covered and self.item.vote is None:
                self.item.vote = event.vote
            for decision in covered:
                decision.vote = event.vote if len(covered) == 1 else copy.deepcopy(event.vote)


def _clashes(vote: Vote, tally: Tally) -> bool:
    """A second count for the same key, or a second outcome, is a new vote."""
    for name in ("votes_for", "against", "abstained"):
        if getattr(vote, name) is not None and getattr(tally, name) is not None:
            return True
    return vote.outcome is not None and tally.outcome is not None


def _continues(previous: str, text: str) -> bool:
    """A line carries on the previous text when that one did not end a sentence, or when it
    starts in lower case or with a dash."""
    return not _SENTENCE_END.search(previous.rstrip()) or bool(re.match(r"[a-zа-яёіїєґ—–-]", text))


def _add_ids(target: list[str], ids: list[str]) -> None:
    target.extend(i for i in ids if i not in target)
