"""The hand-written part of the quality set: minutes laid out as secretariats really write them
(several speakers in one line, cities in brackets, narrative English, signature blocks, heads in
tables, Belarusian and Kazakh labels, roll calls), each written out element by element with the
structure it must read to written by hand beside it (names and events are invented).

Helpers build the expected structure in the form `pipeline.minutes.export.structure` gives.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from minutes_write import Element


@dataclass
class Real:
    """One document: its elements, what it must read to, and its attendance lists."""

    name: str
    fmt: str
    elements: list[Element]
    expected: dict[str, Any]
    attendance: dict[str, list[str]] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def filename(self) -> str:
        return f"{self.name}.{self.fmt}"


def sp(speaker: str, key: str, capacity: str | None = None, role: str | None = None,
       city: str | None = None) -> dict[str, Any]:
    return {"speaker": speaker, "person_key": key, "role": role, "city": city,
            "capacity": capacity}


def vote(votes_for: int | None = None, against: int | None = None,
         abstained: int | None = None, outcome: str | None = "adopted",
         unanimous: bool = False, members: tuple[tuple[str, str, str], ...] = ()
         ) -> dict[str, Any]:
    """A vote; `members` are a roll call's (member, person key, choice)."""
    return {"for": votes_for, "against": against, "abstained": abstained, "outcome": outcome,
            "unanimous": unanimous,
            "members": [{"member": m, "person_key": k, "choice": c} for m, k, c in members]}


def dec(text: str, number: str | None = None,
        decision_vote: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"number": number, "text": text, "vote": decision_vote}


def item(number: str | None, title: str, speeches: list[dict[str, Any]],
         decisions: list[dict[str, Any]], item_vote: dict[str, Any] | None = None
         ) -> dict[str, Any]:
    return {"number": number, "title": title, "speeches": speeches, "decisions": decisions,
            "vote": item_vote}


def minutes(file: str, *, body: str | None, number: str | None, date: str | None,
            place: str | None,
            city: str | None, chair: str | None, secretary: str | None,
            present_count: int | None, agenda: list[dict[str, Any]],
            problems: tuple[str, ...] = (), notes: tuple[str, ...] = (),
            session: str | None = None) -> dict[str, Any]:
    """The whole expected structure; `problems` make the document partial, `notes` are the
    inconsistencies recorded for an editor."""
    key = session or (f"{date} #{number}" if number and date else date)
    return {
        "file": file, "kind": "minutes", "session": key, "date": date, "city": city,
        "status": "partial" if problems else "ok",
        "problems": [f"minutes: {p}" for p in problems],
        "minutes": {"body": body, "number": number, "date": date, "place": place, "chair": chair,
                    "secretary": secretary, "present_count": present_count,
                    "problems": list(problems) + list(notes), "agenda": agenda},
    }
