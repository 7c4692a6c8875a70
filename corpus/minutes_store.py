"""Saving and loading the minutes structure (Session, AgendaItem, Speech, Decision, Vote).

Called by `Store.save_document` inside its transaction; a document's minutes are replaced
whole, since the minutes stage always reads the structure anew from the blocks.
"""

from __future__ import annotations

import json
import sqlite3

from corpus.model import AgendaItem, Decision, Session, Speech, Vote


def _ids(values: list[str]) -> str:
    return json.dumps(values)


def save(conn: sqlite3.Connection, document_id: str, session: Session | None) -> None:
    conn.execute("DELETE FROM agenda_items WHERE document_id=?", (document_id,))
    conn.execute("DELETE FROM sessions WHERE document_id=?", (document_id,))
    if session is None:
        return
    conn.execute(
        "INSERT INTO sessions VALUES (?,?,?,?,?,?,?,?,?,?)",
        (document_id, session.number, session.date, session.place, session.chair,
         session.secretary, json.dumps(session.present, ensure_ascii=False),
         session.present_count, json.dumps(session.invited, ensure_ascii=False),
         json.dumps(session.problems, ensure_ascii=False)))
    for order, item in enumerate(session.agenda):
        _save_item(conn, document_id, order, item)


def _save_item(conn: sqlite3.Connection, document_id: str, order: int, item: AgendaItem) -> None:
    cursor = conn.execute(
        "INSERT INTO agenda_items(document_id, ord, number, title, block_ids) VALUES (?,?,?,?,?)",
        (document_id, order, item.number, item.title, _ids(item.block_ids)))
    item_id = cursor.lastrowid
    for n, speech in enumerate(item.speeches):
        conn.execute(
            "INSERT INTO speeches(item_id, ord, speaker, person_key, role, city, text, block_ids) "
            "VALUES (?,?,?,?,?,?,?,?)",
            (item_id, n, speech.speaker, speech.person_key, speech.role, speech.city,
             speech.text, _ids(speech.block_ids)))
    for n, decision in enumerate(item.decisions):
        cursor = conn.execute(
            "INSERT INTO decisions(item_id, ord, number, text, block_ids) VALUES (?,?,?,?,?)",
            (item_id, n, decision.number, decision.text, _ids(decision.block_ids)))
        if decision.vote:
            _save_vote(conn, None, cursor.lastrowid, decision.vote)
    if item.vote:
        _save_vote(conn, item_id, None, item.vote)


def _save_vote(conn: sqlite3.Connection, item_id: int | None, decision_id: int | None,
               vote: Vote) -> None:
    conn.execute(
        "INSERT INTO votes(item_id, decision_id, votes_for, against, abstained, outcome, "
        "unanimous, block_ids) VALUES (?,?,?,?,?,?,?,?)",
        (item_id, decision_id, vote.votes_for, vote.against, vote.abstained, vote.outcome,
         int(vote.unanimous), _ids(vote.block_ids)))


def load(conn: sqlite3.Connection, document_id: str) -> Session | None:
    row = conn.execute("SELECT * FROM sessions WHERE document_id=?", (document_id,)).fetchone()
    if row is None:
        return None
    session = Session(
        number=row["number"], date=row["date"], place=row["place"], chair=row["chair"],
        secretary=row["secretary"], present=json.loads(row["present"]),
        present_count=row["present_count"], invited=json.loads(row["invited"]),
        problems=json.loads(row["problems"]))
    for item_row in conn.execute(
            "SELECT * FROM agenda_items WHERE document_id=? ORDER BY ord", (document_id,)):
        session.agenda.append(_load_item(conn, item_row))
    return session


def _load_item(conn: sqlite3.Connection, row: sqlite3.Row) -> AgendaItem:
    item = AgendaItem(number=row["number"], title=row["title"],
                      block_ids=json.loads(row["block_ids"]))
    for s in conn.execute("SELECT * FROM speeches WHERE item_id=? ORDER BY ord", (row["id"],)):
        item.speeches.append(Speech(
            speaker=s["speaker"], person_key=s["person_key"], role=s["role"], city=s["city"],
            text=s["text"], block_ids=json.loads(s["block_ids"])))
    for d in conn.execute("SELECT * FROM decisions WHERE item_id=? ORDER BY ord", (row["id"],)):
        item.decisions.append(Decision(
            number=d["number"], text=d["text"], block_ids=json.loads(d["block_ids"]),
            vote=_load_vote(conn, "decision_id", d["id"])))
    item.vote = _load_vote(conn, "item_id", row["id"])
    return item


def _load_vote(conn: sqlite3.Connection, column: str, owner: int) -> Vote | None:
    v = conn.execute(f"SELECT * FROM votes WHERE {column}=?", (owner,)).fetchone()
    if v is None:
        return None
    return Vote(votes_for=v["votes_for"], against=v["against"], abstained=v["abstained"],
                outcome=v["outcome"], unanimous=bool(v["unanimous"]),
                block_ids=json.loads(v["block_ids"]))
