"""Helpers of the fault tests: an inbox of real files, the CLI in its own process group, and
probes that see from outside which phase a running ingest is in.

The probes use the engines' own locks, never a hook in the product: SQLite lets one writer at a
time, so a `BEGIN IMMEDIATE` refused at once means the ingest is inside a store transaction;
Whoosh holds an exclusive `flock` on `index/MAIN_WRITELOCK` from opening a writer to the end of
its commit, so a refused non-blocking `flock` means the ingest is writing the index.
"""

from __future__ import annotations

import fcntl
import os
import signal
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from docx import Document as Docx

ROOT = Path(__file__).resolve().parents[2]
#: no analysis stages: the faults are in storing and indexing, and the stages take minutes here.
FAST = {"SEKRETAR_STAGES": ""}
TEXT_BLOCKS = 30
DOCX_BLOCKS = 21  # a heading and 20 paragraphs


def make_inbox(folder: Path, texts: int, docx: int) -> dict[str, int]:
    """Text notes and small DOCX reports; returns file name -> blocks each must be stored with."""
    folder.mkdir(parents=True)
    expected = {}
    for n in range(texts):
        name = f"note_{n:03d}.txt"
        paragraphs = [f"Записка {n}, раздел {p}: водоснабжение и туризм в городах-членах МАГ."
                      for p in range(TEXT_BLOCKS)]
        (folder / name).write_text("\n\n".join(paragraphs), encoding="utf-8")
        expected[name] = TEXT_BLOCKS
    for n in range(docx):
        name = f"report_{n:03d}.docx"
        document = Docx()
        document.add_heading(f"Доклад {n} о бюджете", 1)
        for p in range(DOCX_BLOCKS - 1):
            document.add_paragraph(f"Доклад {n}, пункт {p}: реконструкция очистных сооружений.")
        document.save(str(folder / name))
        expected[name] = DOCX_BLOCKS
    return expected


def start_cli(log: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """`sekretar ARGS` in a new session (so the whole group, workers too, can be killed), its
    output in `log` (a pipe nobody reads could fill up and stall it)."""
    environment = {**os.environ, **FAST, "PYTHONPATH": str(ROOT), **(env or {})}
    with open(log, "wb") as out:
        return subprocess.Popen([sys.executable, "-m", "pipeline.cli", *args], env=environment,
                                cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)


def run_cli(log: Path, *args: str, timeout: float = 1800,
            env: dict[str, str] | None = None) -> tuple[int, str]:
    """Run `sekretar ARGS` to the end; its exit code and output."""
    process = start_cli(log, *args, env=env)
    try:
        code = process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(process)
        raise
    return code, log.read_text("utf-8", "replace")


def kill_group(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL the process and every worker it started (they share its process group)."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()


class StoreProbe:
    """Sees whether another process holds the store's write lock (is inside a transaction).
    One connection for the whole run: opening one per look would be too slow to catch a
    transaction of a few milliseconds."""

    def __init__(self, data: Path) -> None:
        self.database = data / "corpus.sqlite"
        self.conn: sqlite3.Connection | None = None

    def writing(self) -> bool:
        if self.conn is None:
            if not self.database.exists():
                return False
            self.conn = sqlite3.connect(self.database, timeout=0, isolation_level=None)
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError as err:
            return "locked" in str(err) or "busy" in str(err)

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()


def index_writing(data: Path) -> bool:
    """True while another process holds Whoosh's write lock (is writing or committing)."""
    lock = data / "index" / "MAIN_WRITELOCK"
    try:
        fd = os.open(lock, os.O_RDWR)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


@dataclass
class StoreState:
    """What the store holds at one moment, read without taking any lock."""

    documents: int = 0
    unindexed: int = 0
    batches: int = 0
    unfinished: int = 0
    blocks: dict[str, int] | None = None


def store_state(data: Path) -> StoreState:
    database = data / "corpus.sqlite"
    if not database.exists():
        return StoreState(blocks={})
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30)
    try:
        one = lambda sql: int(conn.execute(sql).fetchone()[0])  # noqa: E731
        try:
            blocks = dict(conn.execute(
                "SELECT d.source_name, COUNT(b.id) FROM documents d "
                "LEFT JOIN blocks b ON b.document_id = d.id GROUP BY d.id").fetchall())
            return StoreState(
                documents=one("SELECT COUNT(*) FROM documents"),
                unindexed=one("SELECT COUNT(*) FROM documents WHERE id NOT IN "
                              "(SELECT document_id FROM stages WHERE stage='index')"),
                batches=one("SELECT COUNT(*) FROM batches"),
                unfinished=one("SELECT COUNT(*) FROM batches WHERE finished IS NULL"),
                blocks=blocks)
        except sqlite3.OperationalError:  # the schema is not created yet
            return StoreState(blocks={})
    finally:
        conn.close()
