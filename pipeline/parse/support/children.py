"""Child processes a parser starts (LibreOffice, Tesseract) must not outlive its worker.

The batch stops a worker that passes its deadline with SIGTERM (pebble then calls `os._exit`),
and nothing in the worker runs after that: a LibreOffice stuck on a hostile file or a
Tesseract on a huge page would run on, orphaned, holding memory and a core. While a child
runs, `children_die_with_us` puts a SIGTERM handler in front of the worker's own that first
kills this process's descendants (only ours: found from our pid, never by name).
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

import psutil


def kill_descendants() -> None:
    """SIGKILL every process descended from this one (children first found, then reaped)."""
    try:
        descendants = psutil.Process().children(recursive=True)
    except psutil.Error:
        return
    for child in descendants:
        try:
            child.kill()
        except psutil.Error:
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
