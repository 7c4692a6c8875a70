"""Searches through the library and the JSON API all succeed while an ingest runs.

The run is bench/concurrency.py's (see there): a real `sekretar ingest` and a real `sekretar
serve`, each in its own process, and client threads searching for the ingest's whole duration.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.concurrency import measure, show  # noqa: E402


def assert_all_answered(figures: dict[str, object], documents: int, clients: int) -> None:
    assert figures["ingest_exit"] == 0, figures["ingest_log"]
    assert figures["stored"] == documents
    for name in ("library", "web"):
        channel = figures[name]
        assert isinstance(channel, dict)
        assert channel["errors"] == 0, channel["error_kinds"]
        assert len(channel["per_client"]) == clients // 2, channel
        assert min(channel["per_client"]) >= 1, channel
        assert channel["searches"] == sum(channel["per_client"])


def test_searches_answer_while_four_documents_are_ingested(tmp_path: Path) -> None:
    figures = measure(documents=4, clients=2, folder=tmp_path, workers=1)
    show(figures)
    assert_all_answered(figures, 4, 2)


@pytest.mark.slow
def test_eight_clients_search_while_two_hundred_documents_are_ingested(tmp_path: Path) -> None:
    figures = measure(documents=200, clients=8, folder=tmp_path)
    show(figures)
    assert_all_answered(figures, 200, 8)
