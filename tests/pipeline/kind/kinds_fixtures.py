"""Helpers of the kind tests: the bundled samples ingested by the real CLI, and documents made
from plain text (the conftest makes the fixtures of them)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from corpus.model import Document

ROOT = Path(__file__).resolve().parents[3]
SAMPLES = ROOT / "samples"
#: the stages of these tests: the kind stage between its neighbours, no slow models.
STAGES = "language,kind,minutes"


def ingest(data: Path, *paths: Path, kind: str | None = None,
           stages: str = STAGES) -> dict[str, object]:
    """`sekretar ingest` in its own process, as a user runs it; returns its JSON report."""
    command = [sys.executable, "-m", "pipeline.cli", "ingest", *map(str, paths), "--data",
               str(data), "--stages", stages, "--workers", "1", "--json"]
    if kind is not None:
        command += ["--kind", kind]
    done = subprocess.run(command, cwd=ROOT, env=os.environ | {"SEKRETAR_EMBEDDING": "false"},
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    report: dict[str, object] = json.loads(done.stdout)
    return report


def text_document(text: str, **fields: object) -> Document:
    """A document with one paragraph a line of `text`, as the text parser would give it."""
    document = Document(id="c" * 64, source_name="text.txt", media_type="text/plain",
                        **fields)  # type: ignore[arg-type]
    for line in text.strip().splitlines():
        if line.strip():
            document.add_block("paragraph", line.strip())
    return document
