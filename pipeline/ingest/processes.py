"""The processes below the batch and their memory, read cheaply from /proc.

The batch looks at its workers' memory many times a second. Finding them (`descendants`) is
shared with the parsers, whose children must die with their worker
(`pipeline.parse.support.children`); reading a process's resident memory is the batch's own.
"""

from __future__ import annotations

import os

import psutil

from pipeline.parse.support.children import descendants

_PAGE = os.sysconf("SC_PAGE_SIZE")


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


__all__ = ["descendants", "resident_bytes"]
