"""The minutes tests' fixtures (see `minutes_fixtures`)."""

from __future__ import annotations

from minutes_fixtures import analysis_stages, minutes_set, read_file

__all__ = ["analysis_stages", "minutes_set", "read_file"]
