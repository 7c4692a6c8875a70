"""An ingest killed with SIGKILL again and again, in every phase, loses and duplicates nothing.

One batch (text notes and DOCX reports) is ingested, killed, `sekretar check`ed and ingested
again, over and over. Each kill is aimed at a phase: at a random moment once the run is under
way ("timed": workers parsing, the parent saving), inside a store transaction ("store"), or
while the index writer is open or committing ("index"); the two last are seen from outside
through the engines' own locks (see fault_helpers). What each kill hit is recorded and printed.
After every kill the archive must hold whole documents only, none twice, and `check` must run
(it may report the index behind the store). Then a torn index segment, as a power cut can leave
one, must be reported by `check` and rebuilt by `check --repair`; and a last run must finish the
batch: every file once, the index equal to the store, the batch report listing every file.
"""

from __future__ import annotations

import json
import random
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import psutil
import pytest
from fault_helpers import (
    DOCX_BLOCKS,
    TEXT_BLOCKS,
    StoreProbe,
    StoreState,
    index_writing,
    kill_group,
    make_inbox,
    run_cli,
    start_cli,
    store_state,
)

from corpus.store import Store
from index.searcher import Searcher

#: what the kills aim at, in turn ("start": before the batch begins, during imports,
#: opening the store or the index catch-up of what an earlier kill left unindexed).
MODES = ("timed", "store", "index", "start")
POLL = 0.01


@dataclass
class Kill:
    """One kill: what it aimed at, what it hit, and what `sekretar check` said afterwards."""

    number: int
    mode: str
    phase: str
    seconds: float
    stored: int
    unindexed: int
    check_code: int
    check_says: str


def aim(mode: str, data: Path, probe: StoreProbe, rng: random.Random) -> bool:
    """Wait for the moment `mode` aims at; False if it did not come within a poll."""
    if mode == "store":
        return probe.writing()
    if mode == "index":
        return index_writing(data)
    if mode == "start":
        return True
    time.sleep(rng.uniform(0.0, 1.0))
    return True


def phase_of(mode: str, new_batch: bool, workers: int, index_locked: bool) -> str:
    """The phase a kill landed in, from what was seen just before it."""
    if not new_batch:
        return "starting: index catch-up" if index_locked else "starting"
    if mode in ("store", "index"):
        return f"{mode} commit" + (" (workers alive)" if workers else "")
    return "workers parsing" if workers else "finishing the batch"


def kill_once(data: Path, inbox: Path, logs: Path, number: int, mode: str, step: int,
              rng: random.Random) -> Kill | None:
    """Start an ingest, wait until it has stored a random few more documents, then kill it at
    the moment `mode` aims at. None when the run finished first."""
    before = store_state(data)
    target = before.documents + rng.randint(0, step)
    start = rng.uniform(0.2, 3.0) if mode == "start" else None
    process = start_cli(logs / f"ingest-{number}.log", "ingest", str(inbox), "--data", str(data),
                        "--workers", "2")
    began, probe, workers = time.monotonic(), StoreProbe(data), None
    try:
        while process.poll() is None:
            if start is not None:
                time.sleep(start)
            elif not armed(store_state(data), before, target):
                time.sleep(POLL)
                continue
            if workers is None:  # counted once armed: kills aimed at a lock must not wait
                workers = count_workers(process.pid)
            if aim(mode, data, probe, rng) and process.poll() is None:
                locked = mode == "index" or (mode == "start" and index_writing(data))
                kill_group(process)
                phase = phase_of(mode, store_state(data).batches > before.batches,
                                 workers or 0, locked)
                return after_kill(data, logs, number, mode, phase, time.monotonic() - began)
    finally:
        probe.close()
        kill_group(process)
    return None


def count_workers(pid: int) -> int:
    try:
        return len(psutil.Process(pid).children(recursive=True))
    except psutil.NoSuchProcess:
        return 0


def armed(now: StoreState, before: StoreState, target: int) -> bool:
    """This run has begun its batch and stored `target` documents in all."""
    return now.batches > before.batches and now.documents >= target


def after_kill(data: Path, logs: Path, number: int, mode: str, phase: str, seconds: float) -> Kill:
    """Whole documents only, none twice; then `sekretar check` must run (it may find problems;
    a kill before the database was created leaves no archive, which it says in one line)."""
    state = store_state(data)
    assert_whole_documents(data)
    created = (data / "corpus.sqlite").exists()
    code, out = run_cli(logs / f"check-{number}.log", "check", "--data", str(data))
    assert code in ((0, 1) if created else (2,)) and "Traceback" not in out, out
    says = " | ".join(line.strip() for line in out.splitlines()[-2:])
    return Kill(number, mode, phase, round(seconds, 2), state.documents, state.unindexed, code,
                says)


def assert_whole_documents(data: Path) -> None:
    state = store_state(data)
    assert state.blocks is not None
    for name, blocks in state.blocks.items():
        expected = DOCX_BLOCKS if name.endswith(".docx") else TEXT_BLOCKS
        assert blocks == expected, f"{name} stored with {blocks} of {expected} blocks"
    assert len(state.blocks) == state.documents, "a file is stored twice"


def tear_index(data: Path) -> bool:
    """Cut the largest index segment in half, as a power cut can leave it (Whoosh does not
    fsync). False when there is no segment to tear."""
    segments = sorted((data / "index").glob("*.seg"), key=lambda p: p.stat().st_size)
    if not segments:
        return False
    with open(segments[-1], "r+b") as segment:
        segment.truncate(segments[-1].stat().st_size // 2)
    return True


def check_repairs_torn_index(data: Path, logs: Path) -> dict[str, object]:
    """A torn segment: `check` reports the index unreadable, `check --repair` rebuilds it."""
    if not tear_index(data):
        return {"torn": False}
    code, out = run_cli(logs / "check-torn.log", "check", "--data", str(data))
    assert code == 1 and "cannot be read" in out, out
    fixed, repaired = run_cli(logs / "check-repair.log", "check", "--repair", "--data", str(data))
    assert fixed == 0 and repaired.splitlines()[-1] == "ok", repaired
    return {"torn": True, "check": code, "repair": fixed}


def crash_anywhere(tmp_path: Path, seed: int, kills: int, texts: int, docx: int,
                   modes: tuple[str, ...]) -> None:
    """`kills` kills over the batch. On a fast machine the batch can finish before they have
    all landed: that archive is then finished and checked, and the kills go on over the same
    batch in a fresh archive."""
    rng = random.Random(seed)
    inbox, logs = tmp_path / "inbox", tmp_path / "logs"
    expected = make_inbox(inbox, texts, docx)
    logs.mkdir()
    step = max(1, len(expected) // (kills + 1))
    record: list[Kill] = []
    attempt, rounds = 0, 0
    data = tmp_path / "data-0"
    while len(record) < kills and attempt < 3 * kills:
        hit = kill_once(data, inbox, logs, attempt, modes[len(record) % len(modes)], step, rng)
        attempt += 1
        if hit is not None:
            record.append(hit)
        elif store_state(data).documents == len(expected):  # no kill can land in it any more
            finish(data, inbox, logs, expected, f"round-{rounds}")
            rounds += 1
            data = tmp_path / f"data-{rounds}"
    torn = check_repairs_torn_index(data, logs)
    began = time.monotonic()
    code, out, check, said = finish(data, inbox, logs, expected, "final", strict=False)
    report = {"kills": [asdict(k) for k in record], "archives": rounds + 1, "torn_index": torn,
              "rerun_seconds": round(time.monotonic() - began, 1), "final_check": check}
    print(json.dumps(report, ensure_ascii=False, indent=1))
    assert len(record) == kills, f"only {len(record)} of {kills} kills landed"
    assert code == 0, out
    assert check == 0, said
    assert_finished(data, expected)
    phases = {k.phase.split(" (")[0] for k in record}
    assert {"store commit", "index commit"} <= phases, phases


def finish(data: Path, inbox: Path, logs: Path, expected: dict[str, int], name: str,
           strict: bool = True) -> tuple[int, str, int, str]:
    """Ingest the batch once more to its end, then `sekretar check`; with `strict`, both must
    succeed and every file be there once."""
    code, out = run_cli(logs / f"ingest-{name}.log", "ingest", str(inbox), "--data", str(data),
                        "--workers", "2")
    check, said = run_cli(logs / f"check-{name}.log", "check", "--data", str(data))
    if strict:
        assert (code, check) == (0, 0), (out, said)
        assert_finished(data, expected)
    return code, out, check, said


def assert_finished(data: Path, expected: dict[str, int]) -> None:
    """Every file stored once with all its blocks, listed in the last batch, and searchable."""
    assert_whole_documents(data)
    with Store(data, readonly=True) as store:
        names = sorted(store.document_info(i)["source_name"] for i in store.document_ids())
        batch = store.last_batch()
        with Searcher(store) as searcher:
            found = searcher.search("реконструкция", limit=100).total
    assert names == sorted(expected)
    assert batch is not None and batch["finished"] is not None
    assert sorted(Path(f["path"]).name for f in batch["files"]) == sorted(expected)
    assert {f["outcome"] for f in batch["files"]} <= {"ok", "unchanged"}
    assert found == sum(1 for name in expected if name.endswith(".docx"))


def test_killed_in_a_store_and_an_index_commit_and_resumed(tmp_path: Path) -> None:
    """The short form CI runs: one kill inside each kind of commit (the slow variant below
    aims 24 kills at every phase)."""
    crash_anywhere(tmp_path, seed=9, kills=2, texts=8, docx=2, modes=("store", "index"))


@pytest.mark.slow
def test_killed_twenty_four_times_and_resumed(tmp_path: Path) -> None:
    crash_anywhere(tmp_path, seed=21, kills=24, texts=60, docx=12, modes=MODES)
