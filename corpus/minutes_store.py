"""The minutes structure (Session, AgendaItem, Speech, Decision, Vote), reached as
`store.minutes`.

`save` is called by `Store.save_document` inside its transaction; a document's minutes are
replaced whole, since the minutes stage always reads the structure anew from the blocks. The
link queries (`speeches`, `agenda_items`, `item_block_ids`) are what the search's speaker and
agenda-item filters read: every speech, decision and vote names the blocks it came from.
"""

from __future__ import annotations

import json
from typing import NamedTuple

from corpus.database import Database, Row
from corpus.model import AgendaItem, Decision, MemberVote, Session, Speech, Vote

_VOTE_OWNERS = ("item_id", "decision_id")


class SpeechLink(NamedTuple):
    """A speech's speaker as written, its person key, and the blocks it came from."""

    speaker: str
    person_key: str | None
    block_ids: list[str]


class VoteLink(NamedTuple):
    """A roll call's member vote: the member as named, the person key, the choice, and the
    blocks of the vote and of the decision it decides."""

    member: str
    person_key: str | None
    choice: str
    block_ids: list[str]


class ItemLink(NamedTuple):
    """An agenda item's row id, number, title, and the blocks of its own lines."""

    id: int
    number: str | None
    title: str
    block_ids: list[str]


def _ids(values: list[str]) -> str:
    return json.dumps(values)


class Minutes:
    """Reading and writing the minutes of documents."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def save(self, document_id: str, session: Session | None) -> None:
        """Replace a document's minutes (None: it has none); inside a transaction."""
        with self.db.transaction():
            self.db.write("DELETE FROM agenda_items WHERE document_id=?", (document_id,))
            self.db.write("DELETE FROM sessions WHERE document_id=?", (document_id,))
            if session is None:
                return
            self.db.write(
                "INSERT INTO sessions(document_id, number, date, place, chair, secretary, "
                "present, present_count, invited, problems, absent, body) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (document_id, session.number, session.date, session.place, session.chair,
                 session.secretary, json.dumps(session.present, ensure_ascii=False),
                 session.present_count, json.dumps(session.invited, ensure_ascii=False),
                 json.dumps(session.problems, ensure_ascii=False),
                 json.dumps(session.absent, ensure_ascii=False), session.body))
            for order, item in enumerate(session.agenda):
                self._save_item(document_id, order, item)

    def _save_item(self, document_id: str, order: int, item: AgendaItem) -> None:
        cursor = self.db.write(
            "INSERT INTO agenda_items(document_id, ord, number, title, block_ids) "
            "VALUES (?,?,?,?,?)",
            (document_id, order, item.number, item.title, _ids(item.block_ids)))
        item_id = cursor.lastrowid
        for n, speech in enumerate(item.speeches):
            self.db.write(
                "INSERT INTO speeches(item_id, ord, speaker, person_key, role, city, text, "
                "block_ids, capacity) VALUES (?,?,?,?,?,?,?,?,?)",
                (item_id, n, speech.speaker, speech.person_key, speech.role, speech.city,
                 speech.text, _ids(speech.block_ids), speech.capacity))
        for n, decision in enumerate(item.decisions):
            cursor = self.db.write(
                "INSERT INTO decisions(item_id, ord, number, text, block_ids) VALUES (?,?,?,?,?)",
                (item_id, n, decision.number, decision.text, _ids(decision.block_ids)))
            if decision.vote:
                self._save_vote(None, cursor.lastrowid, decision.vote)
        if item.vote:
            self._save_vote(item_id, None, item.vote)

    def _save_vote(self, item_id: int | None, decision_id: int | None, vote: Vote) -> None:
        cursor = self.db.write(
            "INSERT INTO votes(item_id, decision_id, votes_for, against, abstained, outcome, "
            "unanimous, block_ids) VALUES (?,?,?,?,?,?,?,?)",
            (item_id, decision_id, vote.votes_for, vote.against, vote.abstained, vote.outcome,
             int(vote.unanimous), _ids(vote.block_ids)))
        for n, member in enumerate(vote.members):
            self.db.write(
                "INSERT INTO member_votes(vote_id, ord, member, person_key, choice, block_ids) "
                "VALUES (?,?,?,?,?,?)",
                (cursor.lastrowid, n, member.member, member.person_key, member.choice,
                 _ids(member.block_ids)))

    def load(self, document_id: str) -> Session | None:
        """A document's minutes as saved, or None when none were read."""
        row = self.db.one("SELECT * FROM sessions WHERE document_id=?", (document_id,))
        if row is None:
            return None
        session = Session(
            number=row["number"], body=row["body"], date=row["date"], place=row["place"], chair=row["chair"],
            secretary=row["secretary"], present=json.loads(row["present"]),
            present_count=row["present_count"], invited=json.loads(row["invited"]),
            absent=json.loads(row["absent"]), problems=json.loads(row["problems"]))
        for item_row in self.db.rows(
                "SELECT * FROM agenda_items WHERE document_id=? ORDER BY ord", (document_id,)):
            session.agenda.append(self._load_item(item_row))
        return session

    def _load_item(self, row: Row) -> AgendaItem:
        item = AgendaItem(number=row["number"], title=row["title"],
                          block_ids=json.loads(row["block_ids"]))
        for s in self.db.rows("SELECT * FROM speeches WHERE item_id=? ORDER BY ord", (row["id"],)):
            item.speeches.append(Speech(
                speaker=s["speaker"], person_key=s["person_key"], role=s["role"], city=s["city"],
                text=s["text"], block_ids=json.loads(s["block_ids"]), capacity=s["capacity"]))
        for d in self.db.rows("SELECT * FROM decisions WHERE item_id=? ORDER BY ord", (row["id"],)):
            item.decisions.append(Decision(
                number=d["number"], text=d["text"], block_ids=json.loads(d["block_ids"]),
                vote=self._load_vote("decision_id", d["id"])))
        item.vote = self._load_vote("item_id", row["id"])
        return item

    def _load_vote(self, column: str, owner: int) -> Vote | None:
        assert column in _VOTE_OWNERS
        v = self.db.one(f"SELECT * FROM votes WHERE {column}=?", (owner,))
        if v is None:
            return None
        members = [MemberVote(member=m["member"], choice=m["choice"], person_key=m["person_key"],
                              block_ids=json.loads(m["block_ids"]))
                   for m in self.db.rows("SELECT * FROM member_votes WHERE vote_id=? ORDER BY ord",
                                         (v["id"],))]
        return Vote(votes_for=v["votes_for"], against=v["against"], abstained=v["abstained"],
                    outcome=v["outcome"], unanimous=bool(v["unanimous"]),
                    block_ids=json.loads(v["block_ids"]), members=members)

    # links to blocks, for the search filters ----------------------------------------------

    def speeches(self) -> list[SpeechLink]:
        """Every stored speech's speaker, person key and block ids."""
        return [SpeechLink(r[0], r[1], json.loads(r[2]))
                for r in self.db.iterate("SELECT speaker, person_key, block_ids FROM speeches")]

    def member_votes(self) -> list[VoteLink]:
        """Every stored member vote with the blocks of its vote and of the decision voted on."""
        decided: dict[tuple[str, int], list[str]] = {}
        for owner in ("decision_id", "item_id"):
            column = "id" if owner == "decision_id" else "item_id"
            for row in self.db.iterate(f"SELECT {column}, block_ids FROM decisions"):
                decided.setdefault((owner, row[0]), []).extend(json.loads(row[1]))
        links = []
        for r in self.db.iterate(
                "SELECT m.member, m.person_key, m.choice, m.block_ids, v.block_ids, "
                "v.decision_id, v.item_id FROM member_votes m JOIN votes v ON m.vote_id = v.id "
                "ORDER BY m.vote_id, m.ord"):
            voted_on = ("decision_id", r[5]) if r[5] is not None else ("item_id", r[6])
            ids = json.loads(r[3]) + json.loads(r[4]) + decided.get(voted_on, [])
            links.append(VoteLink(r[0], r[1], r[2], list(dict.fromkeys(ids))))
        return links

    def agenda_items(self) -> list[ItemLink]:
        """Every stored agenda item's id, number, title and own block ids."""
        return [ItemLink(r[0], r[1], r[2], json.loads(r[3]))
                for r in self.db.iterate("SELECT id, number, title, block_ids FROM agenda_items")]

    def item_block_ids(self, item_id: int) -> set[str]:
        """The blocks of an agenda item's speeches, decisions and votes (its own lines are in
        `agenda_items`)."""
        queries = (
            "SELECT block_ids FROM speeches WHERE item_id=?",
            "SELECT block_ids FROM decisions WHERE item_id=?",
            "SELECT block_ids FROM votes WHERE item_id=?",
            "SELECT v.block_ids FROM votes v JOIN decisions d ON v.decision_id=d.id "
            "WHERE d.item_id=?",
        )
        found: set[str] = set()
        for query in queries:
            for row in self.db.rows(query, (item_id,)):
                found.update(json.loads(row[0]))
        return found
