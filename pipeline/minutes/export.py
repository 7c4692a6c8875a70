"""The minutes structure as stable JSON (`sekretar minutes DOC --json`) and as plain text.

JSON shape (keys never renamed; new keys may be added):

    {"document": id, "file": name, "kind", "session", "date", "city", "status", "problems",
     "minutes": {"number", "date", "place", "chair", "secretary", "present", "present_count",
                 "invited", "absent", "problems",
                 "agenda": [{"number", "title", "block_ids",
                             "speeches": [{"speaker", "person_key", "role", "city", "capacity",
                                           "text", "block_ids"}],
                             "decisions": [{"number", "text", "block_ids", "vote"}],
                             "vote": {"for", "against", "abstained", "outcome", "unanimous",
                                      "members": [{"member", "person_key", "choice",
                                                   "block_ids"}],
                                      "block_ids"} | null}]}}

`structure()` is the same without ids, texts of speeches and name lists: what the tests and
the benchmark compare.
"""

from __future__ import annotations

from typing import Any

from corpus import reference
from corpus.model import AgendaItem, Document, MemberVote, Vote


def minutes_json(document: Document, detail: bool = True) -> dict[str, Any]:
    """The stable JSON form of a document's minutes."""
    session = document.minutes
    data: dict[str, Any] = {"document": document.id, "file": document.source_name} if detail \
        else {"file": document.source_name}
    data.update(kind=document.kind, session=document.session, date=document.date,
                city=document.city, status=document.status, problems=list(document.problems))
    if session is None:
        data["minutes"] = None
        return data
    head: dict[str, Any] = {"body": session.body, "number": session.number, "date": session.date,
                            "place": session.place, "chair": session.chair,
                            "secretary": session.secretary}
    if detail:
        head.update(present=session.present, present_count=session.present_count,
                    invited=session.invited, absent=session.absent)
    else:
        head["present_count"] = session.present_count
    head["problems"] = list(session.problems)
    head["agenda"] = [_item(item, detail) for item in session.agenda]
    data["minutes"] = head
    return data


def structure(document: Document) -> dict[str, Any]:
    """The compact form the tests and the benchmark compare with the expected structure."""
    return minutes_json(document, detail=False)


def _item(item: AgendaItem, detail: bool) -> dict[str, Any]:
    data: dict[str, Any] = {"number": item.number, "title": item.title}
    if detail:
        data["block_ids"] = item.block_ids
    data["speeches"] = [_speech(s, detail) for s in item.speeches]
    data["decisions"] = [
        {"number": d.number, "text": d.text, **({"block_ids": d.block_ids} if detail else {}),
         "vote": vote_json(d.vote, detail)} for d in item.decisions]
    data["vote"] = vote_json(item.vote, detail)
    return data


def _speech(speech: Any, detail: bool) -> dict[str, Any]:
    data = {"speaker": speech.speaker, "person_key": speech.person_key, "role": speech.role,
            "city": speech.city, "capacity": speech.capacity}
    if detail:
        data.update(text=speech.text, block_ids=speech.block_ids)
    return data


def vote_json(vote: Vote | None, detail: bool = True) -> dict[str, Any] | None:
    if vote is None:
        return None
    data: dict[str, Any] = {"for": vote.votes_for, "against": vote.against,
                            "abstained": vote.abstained, "outcome": vote.outcome,
                            "unanimous": vote.unanimous,
                            "members": [member_json(m, detail) for m in vote.members]}
    if detail:
        data["block_ids"] = vote.block_ids
    return data


def member_json(member: MemberVote, detail: bool = True) -> dict[str, Any]:
    """One member's vote of a roll call."""
    data: dict[str, Any] = {"member": member.member, "person_key": member.person_key,
                            "choice": member.choice}
    if detail:
        data["block_ids"] = member.block_ids
    return data


def tally_text(vote: Vote | None) -> str:
    """«25–0–2, adopted» style summary for the text view."""
    if vote is None:
        return "no vote recorded"
    counts = [vote.votes_for, vote.against, vote.abstained]
    parts = ["–".join("?" if c is None else str(c) for c in counts)] if any(
        c is not None for c in counts) else []
    if vote.unanimous:
        parts.append("unanimous")
    if vote.outcome:
        parts.append(vote.outcome)
    return ", ".join(parts) or "no outcome"


def city_name(key: str | None, language: str = "ru") -> str | None:
    """A city key shown as a name (city:ryazan → Рязань); other values as they are."""
    entry = reference.lookup(key) if key else None
    return entry.name(language) if entry else key
