"""An ingest killed with SIGKILL at any moment and run again loses and duplicates nothing."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from corpus.store import Store

ROOT = Path(__file__).resolve().parents[3]


def sekretar(*args: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SEKRETAR_STAGES": "", "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "pipeline.cli", *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)


def make_inbox(folder: Path, count: int) -> None:
    folder.mkdir()
    for n in range(count):
        paragraphs = [f"Записка {n}, раздел {p}: водоснабжение и туризм в городах-членах МАГ."
                      for p in range(30)]
        (folder / f"note_{n:03d}.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")


def kill_group(process: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()
    if process.stderr is not None:
        process.stderr.close()


@pytest.mark.parametrize(
    "seed", [1, pytest.param(2, marks=pytest.mark.slow), pytest.param(3, marks=pytest.mark.slow)]
)
def test_kill_and_resume(tmp_path: Path, seed: int) -> None:
    inbox, data = tmp_path / "inbox", tmp_path / "data"
    make_inbox(inbox, 60)
    delay = random.Random(seed).uniform(0.8, 2.5)
    first = sekretar("ingest", str(inbox), "--data", str(data), "--workers", "2")
    time.sleep(delay)
    kill_group(first)
    second = sekretar("ingest", str(inbox), "--data", str(data), "--workers", "2")
    _, err = second.communicate(timeout=900)
    assert second.returncode == 0, err.decode()
    with Store(data, readonly=True) as store:
        ids = store.document_ids()
        names = [store.document_info(i)["source_name"] for i in ids]
        blocks = [len(store.load_document(i).blocks) for i in ids]
        batch = store.last_batch()
    assert sorted(names) == [f"note_{n:03d}.txt" for n in range(60)]
    assert blocks == [30] * 60
    assert batch is not None and len(batch["files"]) == 60
    assert {f["outcome"] for f in batch["files"]} <= {"ok", "unchanged"}
