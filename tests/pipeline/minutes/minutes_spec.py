"""The quality set's documents described as data: what each set of minutes says (the truth)
and how it is laid out (which the renderers turn into DOCX, PDF or text).

The expected structure written next to each generated file comes from these descriptions, not
from the reader, so the benchmark measures the reader against what the document really says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Speaker:
    """A speaker as the minutes write them and as the reader must store them."""

    written: str
    name: str
    key: str
    role: str | None = None
    city: str | None = None
    city_key: str | None = None
    text: str = ""
    #: the part played; "auto" is rapporteur under СЛУШАЛИ and none in the debate.
    capacity: str | None = "auto"


@dataclass
class Tally:
    """A vote: the counts and outcome the reader must find."""

    votes_for: int | None = None
    against: int | None = None
    abstained: int | None = None
    outcome: str | None = "adopted"
    unanimous: bool = False


@dataclass
class Decision:
    number: str | None
    text: str
    vote: Tally | None = None


@dataclass
class Item:
    number: str | None
    title: str
    heard: list[Speaker] = field(default_factory=list)
    spoke: list[Speaker] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    vote: Tally | None = None


@dataclass
class Minutes:
    """One document of the set. `layout` names the renderer's style; `options` tune it."""

    name: str
    language: str
    fmt: str
    layout: str
    number: str | None
    date: str
    date_written: str
    place: str | None
    city: str | None
    chair: str | None
    secretary: str | None
    present_count: int | None
    items: list[Item]
    body: str = "Совета"
    agenda: bool = True
    invited: str | None = None
    problems: list[str] = field(default_factory=list)
    session_problems: list[str] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def filename(self) -> str:
        return f"{self.name}.{self.fmt}"


def tally_json(tally: Tally | None) -> dict[str, Any] | None:
    if tally is None:
        return None
    return {"for": tally.votes_for, "against": tally.against, "abstained": tally.abstained,
            "outcome": tally.outcome, "unanimous": tally.unanimous, "members": []}


#: the body each rendered header names («заседания Совета Международной ассамблеи …»), in the
#: nominative.
BODY_NAMES = {
    ("ru", "Совета"): "Совет Международной ассамблеи столиц и крупных городов",
    ("uk", "Ради"): "Рада Міжнародної асамблеї столиць і великих міст",
    ("en", "Council"): "Council of the International Assembly of Capitals and Large Cities",
}


def expected(minutes: Minutes) -> dict[str, Any]:
    """The structure the reader must produce, in the form `pipeline.minutes.export.structure`
    gives."""
    session_key = f"{minutes.date} #{minutes.number}" if minutes.number else minutes.date
    return {
        "file": minutes.filename,
        "kind": "minutes",
        "session": session_key,
        "date": minutes.date,
        "city": minutes.city,
        "status": "partial" if minutes.problems else "ok",
        "problems": [f"minutes: {p}" for p in minutes.problems],
        "minutes": {
            "body": BODY_NAMES[minutes.language, minutes.body],
            "number": minutes.number, "date": minutes.date, "place": minutes.place,
            "chair": minutes.chair, "secretary": minutes.secretary,
            "present_count": minutes.present_count,
            "problems": minutes.problems + minutes.session_problems,
            "agenda": [_item_json(item, minutes.options.get("labels") != "none")
                       for item in minutes.items],
        },
    }


def _unsplit(text: str) -> str:
    """The text without the renderer's break marks (" | " soft break, " || " page break)."""
    return text.replace(" || ", " ").replace(" | ", " ")


def _capacity(speaker: Speaker, heard: bool) -> str | None:
    if speaker.capacity != "auto":
        return speaker.capacity
    return "rapporteur" if heard else None


def _item_json(item: Item, labelled: bool = True) -> dict[str, Any]:
    return {
        "number": item.number,
        "title": _unsplit(item.title),
        "speeches": [{"speaker": s.name, "person_key": s.key, "role": s.role,
                      "city": s.city_key, "capacity": _capacity(s, labelled and s in item.heard)}
                     for s in item.heard + item.spoke],
        "decisions": [{"number": d.number, "text": _unsplit(d.text), "vote": tally_json(d.vote)}
                      for d in item.decisions],
        "vote": tally_json(item.vote),
    }
