"""An ingest killed (SIGKILL) while it stores new versions of changed files leaves each source
path with exactly one current version, and the versions it replaced readable in the history.

An inbox of text minutes (the sample minutes' paragraphs, first tally 25 votes for) and text
notes is ingested to the end. Then every file is changed in place (the tally corrected to 24,
a line added to each note) and the ingest is run again and killed inside a store transaction,
seen from outside through SQLite's write lock (see fault_helpers), a few times over. After each
kill: one current version per source path, every superseded version loadable and in its
current version's history. A last run finishes the batch and `sekretar check` is clean.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import docx
from fault_helpers import ROOT, StoreProbe, kill_group, run_cli, start_cli, store_state

from corpus.store import Store

SAMPLE = ROOT / "samples" / "minutes_session_ru.docx"
TALLY = "ГОЛОСОВАЛИ: «за» — 25, «против» — 0, «воздержались» — 2."
CORRECTED = TALLY.replace("25", "24")
STAGES = {"SEKRETAR_STAGES": "language,minutes"}
NOTES = 16
KILLS = 3


def write_inbox(inbox: Path, changed: bool) -> None:
    """The minutes and the notes; `changed` gives the corrected tally and a line more a note."""
    inbox.mkdir(exist_ok=True)
    lines = [p.text for p in docx.Document(str(SAMPLE)).paragraphs]
    text = "\n\n".join(CORRECTED if changed and line == TALLY else line for line in lines)
    (inbox / "protocol_12.txt").write_text(text, "utf-8")
    for n in range(NOTES):
        paragraphs = [f"Записка {n}, раздел {p}: водоснабжение городов-членов МАГ."
                      for p in range(20 + changed)]
        (inbox / f"note_{n:02d}.txt").write_text("\n\n".join(paragraphs), "utf-8")


def kill_in_a_store_commit(data: Path, inbox: Path, log: Path) -> bool:
    """Run the ingest and SIGKILL it inside a store transaction of its batch; False when it
    finished first."""
    before = store_state(data).batches
    process = start_cli(log, "ingest", str(inbox), "--data", str(data), "--workers", "2",
                        env=STAGES)
    probe, begun = StoreProbe(data), False
    try:
        while process.poll() is None:
            # the batch's start is looked for until seen; then only the lock, as often as
            # possible, since a transaction can last a few milliseconds
            begun = begun or store_state(data).batches > before
            if begun and probe.writing():
                kill_group(process)
                return True
            time.sleep(0.001 if begun else 0.005)
    finally:
        probe.close()
        kill_group(process)
    return False


def assert_one_current_per_path(data: Path, paths: int) -> list[str]:
    """One current version per source path; every superseded one loads with its blocks and is
    in its current version's history. Returns the superseded ids."""
    with Store(data, readonly=True) as store:
        rows = store.versions.listing(include_all=True)
        current = Counter(r["source_path"] for r in rows if r["state"] == "current")
        assert len(current) == paths and set(current.values()) == {1}, current
        newest = {r["source_path"]: r["id"] for r in rows if r["state"] == "current"}
        old = [r for r in rows if r["state"] == "superseded"]
        for row in old:
            assert store.load_document(row["id"]).blocks, row["source_name"]
            history = store.versions.history(newest[row["source_path"]])
            assert [h["id"] for h in history] == [row["id"], newest[row["source_path"]]]
        return [r["id"] for r in old]


def test_killed_while_storing_new_versions_keeps_one_current_per_path(tmp_path: Path) -> None:
    inbox, data, logs = tmp_path / "inbox", tmp_path / "data", tmp_path / "logs"
    logs.mkdir()
    write_inbox(inbox, changed=False)
    code, out = run_cli(logs / "first.log", "ingest", str(inbox), "--data", str(data),
                        "--workers", "2", env=STAGES)
    assert code == 0, out
    write_inbox(inbox, changed=True)
    landed = 0
    for number in range(KILLS):
        if not kill_in_a_store_commit(data, inbox, logs / f"ingest-{number}.log"):
            break
        landed += 1
        assert_one_current_per_path(data, NOTES + 1)
        check, said = run_cli(logs / f"check-{number}.log", "check", "--data", str(data))
        assert check in (0, 1) and "Traceback" not in said, said
    assert landed >= 1, "the ingest finished before a kill could land"

    code, out = run_cli(logs / "final.log", "ingest", str(inbox), "--data", str(data),
                        "--workers", "2", env=STAGES)
    assert code == 0, out
    check, said = run_cli(logs / "check-final.log", "check", "--data", str(data))
    assert check == 0, said
    assert len(assert_one_current_per_path(data, NOTES + 1)) == NOTES + 1
    with Store(data, readonly=True) as store:
        [minutes] = [store.load_document(r["id"]) for r in store.versions.listing()
                     if r["source_name"] == "protocol_12.txt"]
        assert minutes.minutes is not None
        vote = minutes.minutes.agenda[0].vote
        assert vote is not None and (vote.votes_for, vote.against, vote.abstained) == (24, 0, 2)
        [old] = [r["id"] for r in store.versions.listing(include_all=True)
                 if r["source_name"] == "protocol_12.txt" and r["state"] == "superseded"]
        first = store.load_document(old).minutes
        assert first is not None and first.agenda[0].vote is not None
        assert first.agenda[0].vote.votes_for == 25
