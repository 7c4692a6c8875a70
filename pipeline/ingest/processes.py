"""The processes below the batch and their memory, read cheaply from /proc.

psutil's `Process.children(recursive=True)` reads /proc/PID/stat of every process on the
machine to build the parent map. The batch looked at its workers' memory that way twenty times
a second, and on a loaded machine each look cost up to a second of the CPU the workers needed
(half the parent's time in one profiled test). Linux lists each thread's children in
/proc/PID/task/TID/children, so the tree below the batch is a few small reads. Where the kernel
lacks that file, psutil is used as before.
"""

from __future__ import annotations

import os
import threading

import psutil

_PAGE = os.sysconf("SC_PAGE_SIZE")


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


def resident_bytes(pid: int) -> int | None:
    """The process's resident memory, or None when it is gone."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as statm:
            return int(statm.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        try:
            return int(psutil.Process(pid).memory_info().rss)
        except psutil.Error:
            return None
