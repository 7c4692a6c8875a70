"""The processes descended from a process, found cheaply from /proc, and killed with it.

Child processes a parser starts (LibreOffice, Tesseract) must not outlive its worker. The batch
stops a worker that passes its deadline with SIGTERM (pebble then calls `os._exit`), and nothing
in the worker runs after that: a LibreOffice stuck on a hostile file or a Tesseract on a huge
page would run on, orphaned, holding memory and a core. While a child runs,
`children_die_with_us` puts a SIGTERM handler in front of the worker's own that first kills this
process's descendants (only ours: found from our pid, never by name).

The batch finds its workers and what they start the same way (`descendants`), many times a
second. psutil's `Process.children(recursive=True)` reads /proc/PID/stat of every process on the
machine to build the parent map, and on a loaded machine each look cost up to a second of the
CPU the workers needed. Linux lists each thread's children in /proc/PID/task/TID/children, so
the tree below a process is a few small reads; where the kernel lacks that file, psutil is used.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

import psutil


def _has_children_files() -> bool:
    return os.path.exists(f"/proc/self/task/{threading.get_native_id()}/children")


CHILDREN_FILES = _has_children_files()


def descendants(pid: int) -> list[int]:
    """Every process started (directly or not) by `pid` that is still alive."""
    if not CHILDREN_FILES:
        try:
            return [p.pid for p in psutil.Process(pid).children(recursive=True)]
        except psutil.Error:
            return []
    found: list[int] = []
    stack = [pid]
    while stack:
        kids = _children(stack.pop())
        found.extend(kids)
        stack.extend(kids)
    return found


def _children(pid: int) -> list[int]:
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []
    kids: list[int] = []
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children", "rb") as listing:
                kids.extend(int(number) for number in listing.read().split())
        except (OSError, ValueError):
            continue
    return kids


def kill_descendants(pid: int | None = None) -> None:
    """SIGKILL every process descended from `pid` (default: this one), all found first."""
    for child in descendants(os.getpid() if pid is None else pid):
        try:
            os.kill(child, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def kill_group(pgid: int) -> None:
    """SIGKILL a process group we created (`start_new_session=True`); gone already is fine."""
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


@contextmanager
def children_die_with_us() -> Iterator[None]:
    """Within this block, SIGTERM kills our descendants before the previous handler runs.

    Signal handlers can only be set from the main thread; elsewhere this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGTERM)

    def handler(signum: int, frame: FrameType | None) -> None:
        kill_descendants()
        signal.signal(signal.SIGTERM, previous)
        if callable(previous):
            previous(signum, frame)
        elif previous == signal.SIG_DFL:
            os.kill(os.getpid(), signal.SIGTERM)

    signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
