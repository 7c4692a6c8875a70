"""The kind tests' fixtures (helpers in `kinds_fixtures`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from kinds_fixtures import SAMPLES, ingest


@pytest.fixture(scope="session")
def samples_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The data folder of the six samples, ingested once per session by the real CLI."""
    data = tmp_path_factory.mktemp("kinds-samples") / "data"
    ingest(data, SAMPLES)
    return data
