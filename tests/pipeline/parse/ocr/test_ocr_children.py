"""Child processes: a worker stopped at its deadline takes LibreOffice or Tesseract with it,
and Tesseract's one-thread setting stays with Tesseract."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from types import FrameType

import psutil
import pytest
from PIL import Image

from pipeline.parse.ocr import engine
from pipeline.parse.support.children import children_die_with_us


def test_sigterm_kills_our_children_then_runs_the_workers_handler() -> None:
    calls: list[int] = []

    def workers_handler(signum: int, frame: FrameType | None) -> None:
        calls.append(signum)  # pebble's handler would os._exit here

    previous = signal.signal(signal.SIGTERM, workers_handler)
    try:
        with children_die_with_us():
            child = subprocess.Popen(["sleep", "300"])
            signal.raise_signal(signal.SIGTERM)
            assert child.wait(timeout=30) == -signal.SIGKILL
        assert calls == [signal.SIGTERM]
        assert signal.getsignal(signal.SIGTERM) is workers_handler
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_outside_the_block_children_are_left_alone() -> None:
    calls: list[int] = []
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: calls.append(signum))
    child = subprocess.Popen(["sleep", "300"])
    try:
        with children_die_with_us():
            pass
        signal.raise_signal(signal.SIGTERM)
        time.sleep(0.2)
        assert calls == [signal.SIGTERM]
        assert psutil.Process(child.pid).status() != psutil.STATUS_ZOMBIE
    finally:
        signal.signal(signal.SIGTERM, previous)
        child.kill()
        child.wait()


def test_tesseract_runs_on_one_thread_without_capping_the_worker(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("OMP_THREAD_LIMIT", raising=False)
    seen: list[str | None] = []

    def fake_tesseract(page: object, **_: object) -> dict[str, list[object]]:
        seen.append(os.environ.get("OMP_THREAD_LIMIT"))
        return {"level": [], "block_num": [], "par_num": [], "line_num": [], "text": [],
                "conf": []}

    monkeypatch.setattr(engine.pytesseract, "image_to_data", fake_tesseract)
    monkeypatch.setattr(engine, "require_packs", lambda packs: None)
    engine.ocr_image(Image.new("L", (10, 10), 255), "ru")
    assert seen == ["1"]
    assert "OMP_THREAD_LIMIT" not in os.environ
