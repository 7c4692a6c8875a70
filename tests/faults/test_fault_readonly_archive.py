"""A read-only archive (a read-only disk, or files without write permission) is searched,
shown and served as any other; a writer says in one line that it can only be read here.

As root, permissions do not stop a write, so the archive is then made read-only by a read-only
bind mount in a private mount namespace (`unshare -m`); elsewhere by taking away the write
permission. Either way one Python process runs every command over it (`READ_ONLY_RUN`)."""

from __future__ import annotations

import json
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
#: argv[1]: the data folder, argv[2]: the inbox. Prints {command: [exit code, output]} and what
#: the web service served.
READ_ONLY_RUN = """
import contextlib, io, json, sys
from pathlib import Path
from pipeline.cli import main
from pipeline.web.service import SearchRequest, WebService
data, inbox = sys.argv[1], sys.argv[2]
said = {}
for name, args in (("search", ["search", "водоснабжение"]), ("show", ["show", "note_1.txt"]),
                   ("check", ["check"]), ("ingest", ["ingest", inbox])):
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        said[name] = [main([*args, "--data", data]), out.getvalue()]
web = WebService(Path(data))
said["served"] = [web.search(SearchRequest(query="водоснабжение"))["total"],
                  len(web.document("note_1.txt").blocks)]
print(json.dumps(said))
"""


def _run_read_only(data: Path, inbox: Path) -> dict[str, list[object]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SEKRETAR_STAGES": ""}
    run = [sys.executable, "-c", READ_ONLY_RUN, str(data), str(inbox)]
    if os.geteuid() == 0:
        script = (f"mount --bind -o ro {shlex.quote(str(data))} {shlex.quote(str(data))} && "
                  f"exec {shlex.join(run)}")
        done = subprocess.run(["unshare", "-m", "sh", "-c", script], env=env, text=True,
                              capture_output=True, timeout=120, check=False)
        if done.returncode != 0 and not done.stdout:
            pytest.skip(f"no read-only mount here: {done.stderr.strip()}")
    else:
        paths = [data, *data.rglob("*")]
        for path in paths:
            path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
        try:
            done = subprocess.run(run, env=env, text=True, capture_output=True, timeout=120,
                                  check=False)
        finally:
            for path in paths:
                path.chmod(path.stat().st_mode | stat.S_IWUSR)
    assert done.returncode == 0, done.stderr[-3000:]
    found: dict[str, list[object]] = json.loads(done.stdout.splitlines()[-1])
    return found


def test_a_read_only_archive_is_searched_shown_and_served_and_a_writer_says_why_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEKRETAR_STAGES", "")
    inbox = write_inbox(tmp_path / "inbox", count=2)
    data = tmp_path / "data"
    assert main(["ingest", str(inbox), "--workers", "1", "--data", str(data)]) == 0
    shutil.copy(data / "corpus.sqlite", tmp_path / "before.sqlite")
    said = _run_read_only(data, inbox)
    assert said["search"][0] == 0 and "2 document(s)" in str(said["search"][1])
    assert said["show"][0] == 0 and "Записка 1, раздел 39" in str(said["show"][1])
    assert said["check"] == [0, "ok\n"]
    assert said["ingest"][0] == 1 and "can only be read here" in str(said["ingest"][1])
    assert said["served"] == [2, 40]
    assert "Traceback" not in json.dumps(said, ensure_ascii=False)
    assert (tmp_path / "before.sqlite").read_bytes() == (data / "corpus.sqlite").read_bytes()
