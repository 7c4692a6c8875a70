"""What a session's minutes lack or get wrong, found after reading them.

Two kinds of finding, kept apart because they mean different things to the archive:

- *missing* (no agenda, an item with no decision, decisions with neither a vote nor an outcome,
  no date): the document is marked partial with the reason;
- *inconsistent* (a tally that does not add up to those present, an item discussed but not on
  the agenda): recorded in `Session.problems` for an editor, the document stays as it is.

Both go into `Session.problems`, so `sekretar minutes` shows everything in one list.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from corpus.model import AgendaItem, Session, Vote


@dataclass
class Findings:
    """What is missing (makes the document partial) and what does not add up (flagged)."""

    missing: list[str] = field(default_factory=list)
    inconsistent: list[str] = field(default_factory=list)


def item_name(item: AgendaItem, position: int) -> str:
    """"item 2", or «item «Разное»» for an unnumbered one, or "item #3" by position."""
    if item.number:
        return f"item {item.number}"
    if item.title:
        short = item.title if len(item.title) <= 40 else item.title[:39] + "…"
        return f"item «{short}»"
    return f"item #{position}"


def check_session(session: Session, agenda_size: int) -> Findings:
    """Everything missing or inconsistent in a session that was read."""
    found = Findings()
    if agenda_size == 0:
        found.missing.append("no agenda found")
    if not session.agenda:
        found.missing.append("no agenda items or decisions found")
    if session.date is None:
        found.missing.append("no session date found")
    for position, item in enumerate(session.agenda, start=1):
        _check_item(item, item_name(item, position), session, found)
        if position > agenda_size and agenda_size:
            found.inconsistent.append(f"{item_name(item, position)}: discussed but not on the agenda")
    return found


def _check_item(item: AgendaItem, name: str, session: Session, found: Findings) -> None:
    if not item.decisions and not item.vote:
        found.missing.append(f"{name}: no decision recorded")
        return
    unvoted = [d for d in item.decisions if d.vote is None]
    if item.vote is None and unvoted:
        found.missing.append(f"{name}: decisions without a vote or an outcome")
    for vote in votes_of(item):
        problem = tally_problem(vote, session)
        if problem:
            found.inconsistent.append(f"{name}: {problem}")
        problem = roll_call_problem(vote, session)
        if problem:
            found.missing.append(f"{name}: {problem}")


def votes_of(item: AgendaItem) -> list[Vote]:
    """The item's vote and its decisions' own votes, each once."""
    votes = [item.vote] if item.vote else []
    for decision in item.decisions:
        if decision.vote is not None and decision.vote not in votes:
            votes.append(decision.vote)
    return votes


def tally_problem(vote: Vote, session: Session) -> str | None:
    """A tally above the number present, or a full tally that differs from it."""
    present = session.present_count or (len(session.present) or None)
    counts = [vote.votes_for, vote.against, vote.abstained]
    known = [c for c in counts if c is not None]
    if present is None or not known:
        return None
    total = sum(known)
    written = "+".join("?" if c is None else str(c) for c in counts)
    if total > present or (len(known) == 3 and total != present):
        return f"the vote {written} = {total} does not add up to the {present} present"
    return None


def roll_call_problem(vote: Vote, session: Session) -> str | None:
    """A roll call that lists more votes than members present."""
    voting = [m for m in vote.members if m.choice != "absent"]
    present = session.present_count or (len(session.present) or None)
    if present is None or len(voting) <= present:
        return None
    return f"the roll call lists {len(voting)} votes but {present} members were present"
