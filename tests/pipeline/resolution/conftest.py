"""The resolution tests read the minutes tests' generated set: their helpers and fixtures are
shared from `tests/pipeline/minutes`."""

from __future__ import annotations

import sys
from pathlib import Path

MINUTES_TESTS = Path(__file__).resolve().parent.parent / "minutes"
if str(MINUTES_TESTS) not in sys.path:
    sys.path.insert(0, str(MINUTES_TESTS))

from minutes_fixtures import analysis_stages, minutes_set, read_file  # noqa: E402

__all__ = ["analysis_stages", "minutes_set", "read_file"]
