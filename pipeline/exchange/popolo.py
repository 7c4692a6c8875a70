"""Votes as Popolo vote events (https://www.popoloproject.com/specs/vote-event.html), the JSON
civic-tech tools read.

    {"organizations": [{"id", "name", "parent_id"}],
     "people": [{"id", "name"}],
     "vote_events": [{"id", "organization_id", "legislative_session_id", "start_date",
                      "motion": {"text", "agenda_item", "item_title"}, "result",
                      "counts": [{"option", "value"}],
                      "votes": [{"voter_id", "voter_name", "option"}],
                      "sources": [{"url", "note"}]}]}

The organizations are the assembly and each body that met («Бюро Ассамблеи»: id
`iaclc/biuro-asamblei`, its parent the assembly); a vote event's `organization_id` is the body
that voted, or the assembly when the minutes name no body.
Options are Popolo's: yes, no, abstain, absent. `result` is "pass" or "fail" when the minutes
say so, else absent; `votes` lists the members of a roll call, where the minutes give one.
One set of minutes per meeting is read (the first language version), so a vote is never
counted twice.
"""

from __future__ import annotations

from typing import Any

from corpus.model import AgendaItem, Document, Vote
from pipeline.exchange.akn import body_token
from pipeline.minutes.checks import votes_of
from pipeline.minutes.stage import session_key

ORGANIZATION = {"id": "iaclc", "name": "International Assembly of Capitals and Large Cities"}
OPTIONS = {"for": "yes", "against": "no", "abstained": "abstain", "absent": "absent"}
RESULTS = {"adopted": "pass", "rejected": "fail"}


def popolo(documents: list[Document]) -> dict[str, Any]:
    """The vote events of these minutes (one document per meeting), with the people voting."""
    people: dict[str, str] = {}
    bodies: dict[str, str] = {}
    events: list[dict[str, Any]] = []
    for document in documents:
        session = document.minutes
        if session is None:
            continue
        key = session_key(session) or document.session or document.id
        organization = ORGANIZATION["id"]
        if session.body:
            organization = f"{ORGANIZATION['id']}/{body_token(session.body)}"
            bodies.setdefault(organization, session.body)
        for position, item in enumerate(session.agenda, start=1):
            for vote in votes_of(item):
                events.append(_event(document, (key, organization), item, position, vote,
                                     len(events) + 1, people))
    return {"organizations": [ORGANIZATION, *[{"id": i, "name": n, "parent_id": ORGANIZATION["id"]}
                                              for i, n in sorted(bodies.items())]],
            "people": [{"id": k, "name": n} for k, n in sorted(people.items())],
            "vote_events": events}


def _event(document: Document, meeting: tuple[str, str], item: AgendaItem, position: int,
           vote: Vote, n: int, people: dict[str, str]) -> dict[str, Any]:
    """One vote event; `meeting` is the meeting key and the organization that voted."""
    key, organization = meeting
    decision = next((d for d in item.decisions if d.vote is vote), None)
    texts = [decision.text] if decision else [d.text for d in item.decisions]
    event: dict[str, Any] = {
        "id": f"{key}/{item.number or position}/{n}",
        "organization_id": organization,
        "legislative_session_id": key,
        "start_date": document.minutes.date if document.minutes else None,
        "motion": {"text": "\n".join(texts), "agenda_item": item.number or str(position),
                   "item_title": item.title},
    }
    if vote.outcome in RESULTS:
        event["result"] = RESULTS[vote.outcome]
    counts = [(OPTIONS[o], getattr(vote, f)) for o, f in
              (("for", "votes_for"), ("against", "against"), ("abstained", "abstained"))]
    event["counts"] = [{"option": option, "value": value} for option, value in counts
                       if value is not None]
    event["votes"] = []
    for member in vote.members:
        voter = member.person_key or member.member
        people.setdefault(voter, member.member)
        event["votes"].append({"voter_id": voter, "voter_name": member.member,
                               "option": OPTIONS.get(member.choice, member.choice)})
    event["sources"] = [{"url": document.source_name, "note": " ".join(vote.block_ids)}]
    return event
