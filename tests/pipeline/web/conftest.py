"""Session fixtures of the web tests; see web_fixtures.py for what the archives hold."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from web_fixtures import ROOT, build_small

#: Debian's Chromium, which the browser tests drive (never a downloaded browser).
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def small_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The data folder of the small hand-built archive (read-only for the tests)."""
    return build_small(tmp_path_factory.mktemp("web-small"))


@pytest.fixture(scope="session")
def samples_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled samples ingested once per session by the real CLI, in its own process."""
    data = tmp_path_factory.mktemp("web-samples") / "data"
    env = os.environ | {"SEKRETAR_TARGETS": "uk", "SEKRETAR_EMBEDDING": "false"}
    command = [sys.executable, "-m", "pipeline.cli", "ingest", str(ROOT / "samples"),
               "--data", str(data), "--stages", "language,minutes,translate,entities",
               "--deadline", "900", "--json"]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=3600)
    assert done.returncode in (0, 1), done.stderr[-2000:]
    return data



@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Chromium through Playwright, headless; the tests are skipped where it is missing."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield chromium
        chromium.close()
