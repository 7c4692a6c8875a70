"""A read-only archive (a read-only disk, or files without write permission) is searched and
shown as any other; a writer says in one line that it can only be read here.

As root, permissions do not stop a write, so the archive is then made read-only by a read-only
bind mount in a private mount namespace (`unshare -m`); elsewhere by taking away the write
permission."""

from __future__ import annotations

import os
import shlex
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from test_fault_damaged_store import write_inbox

from pipeline.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEPARATOR = "=====\n"


def _run_read_only(data: Path, commands: list[list[str]]) -> list[tuple[int, str]]:
    if os.geteuid() != 0:
        return _without_write_permission(data, commands)
    cli = f"{shlex.quote(sys.executable)} -m pipeline.cli"
    steps = [f"{cli} {shlex.join(c)} --data {shlex.quote(str(data))} 2>&1; echo \"rc=$?\"; "
             f"printf {shlex.quote(SEPARATOR)};" for c in commands]
    script = f"mount --bind -o ro {shlex.quote(str(data))} {shlex.quote(str(data))} && " + \
        " ".join(steps)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SEKRETAR_STAGES": ""}
    done = subprocess.run(["unshare", "-m", "sh", "-c", script], env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    if done.returncode != 0 and "rc=" not in done.stdout:
        pytest.skip(f"no read-only mount here: {done.stderr.strip()}")
    results = []
    for part in done.stdout.split(SEPARATOR)[:-1]:
        output, _, code = part.rstrip("\n").rpartition("rc=")
        results.append((int(code), output))
    return results


def _without_write_permission(data: Path, commands: list[list[str]]) -> list[tuple[int, str]]:
    paths = [data, *data.rglob("*")]
    for path in paths:
        path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    results = []
    try:
        for command in commands:
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv("SEKRETAR_STAGES", "")
                code = main([*command, "--data", str(data)])
            results.append((code, ""))
    finally:
        for path in paths:
            path.chmod(path.stat().st_mode | stat.S_IWUSR)
    return results


def test_a_read_only_archive_is_searched_and_shown_and_a_writer_says_why_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEKRETAR_STAGES", "")
    inbox = write_inbox(tmp_path / "inbox", count=2)
    data = tmp_path / "data"
    assert main(["ingest", str(inbox), "--workers", "1", "--data", str(data)]) == 0
    shutil.copy(data / "corpus.sqlite", tmp_path / "before.sqlite")
    results = _run_read_only(data, [["search", "водоснабжение"], ["show", "note_1.txt"],
                                    ["check"], ["ingest", str(inbox)]])
    (search, show, check, ingest) = results
    assert search[0] == 0 and show[0] == 0 and check[0] == 0
    assert ingest[0] == 1
    if os.geteuid() == 0:  # the output is seen only through the subprocess
        assert "2 document(s)" in search[1] and "Записка 1, раздел 39" in show[1]
        assert "can only be read here" in ingest[1] and "Traceback" not in "".join(
            r[1] for r in results)
    assert (tmp_path / "before.sqlite").read_bytes() == (data / "corpus.sqlite").read_bytes()
