"""The batch finds its workers (and what they start) and their memory from /proc."""

from __future__ import annotations

import os
import subprocess
import time

import psutil

from pipeline.ingest.processes import resident_bytes
from pipeline.parse.support.children import descendants


def test_children_and_grandchildren_are_found_and_the_dead_are_not() -> None:
    shell = subprocess.Popen(["sh", "-c", "sleep 60 & sleep 60 & wait"])
    try:
        for _ in range(200):  # the shell starts its two sleeps
            grandchildren = [p.pid for p in psutil.Process(shell.pid).children()]
            if len(grandchildren) == 2:
                break
            time.sleep(0.05)
        found = descendants(os.getpid())
        assert shell.pid in found
        assert set(grandchildren) <= set(found) and len(grandchildren) == 2
        assert sorted(descendants(shell.pid)) == sorted(grandchildren)
    finally:
        for pid in descendants(shell.pid):
            os.kill(pid, 9)
        shell.wait()
    assert shell.pid not in descendants(os.getpid())


def test_resident_memory_is_what_psutil_reads() -> None:
    ours = resident_bytes(os.getpid())
    theirs = psutil.Process().memory_info().rss
    assert ours is not None and abs(ours - theirs) < 0.1 * theirs
    assert resident_bytes(2**22 + 12345) is None

