"""The parts of minutes as written survive the store: a speaker's part, who was absent, and a
roll call's member votes."""

from __future__ import annotations

from pathlib import Path

from corpus.model import AgendaItem, Decision, Document, MemberVote, Session, Speech, Vote
from corpus.store import Store

DOC = "b" * 64


def _minutes() -> Document:
    document = Document(id=DOC, source_name="rollcall.docx", media_type="application/test",
                        kind="minutes")
    document.add_block("paragraph", "Белов С.Н. — за")
    block = document.blocks[0].id
    roll = [MemberVote("Белов С.Н.", "for", "belov s", [block]),
            MemberVote("Орлова М.В.", "absent", "orlova m", [block])]
    document.minutes = Session(
        number="21", date="2026-03-05", present=["Белов С.Н."], absent=["Орлова М.В."],
        agenda=[AgendaItem("1", "Об отчёте", [block], speeches=[
            Speech("Кравец Н.И.", "kravec n", capacity="co-rapporteur", block_ids=[block])],
            decisions=[Decision(None, "Утвердить.", [block],
                                vote=Vote(1, 0, 0, "adopted", members=roll, block_ids=[block]))])])
    return document


def test_capacity_absent_and_member_votes_round_trip(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        store.save_document(_minutes())
        session = store.load_document(DOC).minutes
    assert session is not None and session.absent == ["Орлова М.В."]
    item = session.agenda[0]
    assert item.speeches[0].capacity == "co-rapporteur"
    vote = item.decisions[0].vote
    assert vote is not None
    assert [(m.member, m.choice, m.person_key) for m in vote.members] == [
        ("Белов С.Н.", "for", "belov s"), ("Орлова М.В.", "absent", "orlova m")]


def test_saving_again_replaces_the_member_votes(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        store.save_document(_minutes())
        store.save_document(_minutes())
        rows = store.db.rows("SELECT count(*) FROM member_votes")
    assert rows[0][0] == 2
