"""The batch: every file ends with an outcome, bad files never stop it, re-runs redo nothing."""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path
from typing import ClassVar

import psutil
import pytest

from corpus.errors import InputError
from corpus.model import Document
from corpus.store import Store
from pipeline import parse as parse_module
from pipeline.ingest.batch import IngestOptions, display_name, ingest
from pipeline.parse.base import Parser, Source
from pipeline.settings import load_settings

RUSSIAN = "Водоснабжение Рязани обеспечивает МП «Водоканал города Рязани»."


def settings_for(data: Path, **values: object):  # type: ignore[no-untyped-def]
    return load_settings(environ={}, data=data, stages="", workers=2, **values)


def write_texts(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"note_{n:03d}.txt"
        path.write_text(f"Записка номер {n}.\n\n{RUSSIAN}\n", encoding="utf-8")
        paths.append(path)
    return paths


def outcomes(report) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {Path(f.path).name: f.outcome for f in report.files}


def test_batch_records_every_file_and_goes_on(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    write_texts(inbox, 3)
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "binary.bin").write_bytes(b"\x00\x01\x02\x03" * 100)
    (inbox / "dangling.txt").symlink_to(inbox / "gone.txt")
    with Store(tmp_path / "data") as store:
        report = ingest(store, [inbox], settings_for(tmp_path / "data"))
        assert len(store.document_ids()) == 3
    reasons = {Path(f.path).name: f.reason for f in report.files}
    assert outcomes(report) == {
        "note_000.txt": "ok", "note_001.txt": "ok", "note_002.txt": "ok",
        "empty.txt": "failed", "binary.bin": "failed", "dangling.txt": "failed"}
    assert reasons["empty.txt"] == "empty file (0 bytes)"
    assert reasons["dangling.txt"] == "broken link: the file it points to does not exist"
    assert reasons["binary.bin"] and "unsupported" in reasons["binary.bin"]
    saved = json.loads(Path(report.report_path or "").read_text("utf-8"))
    assert saved["counts"] == {"ok": 3, "partial": 0, "failed": 3, "unchanged": 0}


def test_rerun_is_unchanged_and_changed_file_is_new_version(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    paths = write_texts(inbox, 2)
    settings = settings_for(tmp_path / "data")
    with Store(tmp_path / "data") as store:
        ingest(store, [inbox], settings)
        again = ingest(store, [inbox], settings)
        assert set(outcomes(again).values()) == {"unchanged"}
        paths[0].write_text("Новая редакция записки.\n", encoding="utf-8")
        third = ingest(store, [inbox], settings)
        assert outcomes(third) == {"note_000.txt": "ok", "note_001.txt": "unchanged"}
        latest = store.resolve("note_000.txt")
        assert store.document_info(latest)["version"] == 2
        assert len(store.document_ids()) == 3  # the old version is kept


def test_same_content_twice_in_one_batch_is_stored_once(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    [path] = write_texts(inbox, 1)
    (inbox / "copy.txt").write_bytes(path.read_bytes())
    with Store(tmp_path / "data") as store:
        report = ingest(store, [inbox], settings_for(tmp_path / "data"))
        assert len(store.document_ids()) == 1
    assert sorted(outcomes(report).values()) == ["ok", "unchanged"]


def test_kept_source_matches_its_hash(tmp_path: Path) -> None:
    [path] = write_texts(tmp_path / "inbox", 1)
    with Store(tmp_path / "data") as store:
        ingest(store, [path], settings_for(tmp_path / "data"))
        [doc_id] = store.document_ids()
        assert store.file_path(doc_id).read_bytes() == path.read_bytes()


def test_too_large_file_is_refused_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (2 * 1024 * 1024))
    with Store(tmp_path / "data") as store:
        report = ingest(store, [big], settings_for(tmp_path / "data", max_file_mb=1))
    assert report.files[0].reason == "too large (2 MB; the limit is 1 MB)"


def test_odd_file_names_are_shown_safely(tmp_path: Path) -> None:
    odd = Path(os.fsdecode(bytes(tmp_path) + b"/line\nbreak\xff.txt"))
    odd.write_text(RUSSIAN, encoding="utf-8")
    assert display_name(odd) == "line\\nbreak\\xff.txt"
    with Store(tmp_path / "data") as store:
        report = ingest(store, [odd], settings_for(tmp_path / "data"))
        doc = store.load_document(store.document_ids()[0])
    assert report.files[0].outcome == "ok"
    assert doc.source_name == "line\\nbreak\\xff.txt"


class _MisbehavingParser(Parser):
    """Parsers that misbehave the ways real C libraries do: hang, eat memory, crash."""

    name = "misbehaving"
    extensions: ClassVar[tuple[str, ...]] = (".hang", ".hog", ".crash", ".bug")

    def parse(self, source: Source) -> Document:
        suffix = source.path.suffix
        if suffix == ".hang":
            time.sleep(60)
        elif suffix == ".hog":
            hog = [b"x" * (50 * 1024 * 1024) for _ in range(40)]
            time.sleep(10)
            del hog
        elif suffix == ".crash":
            os.kill(os.getpid(), signal.SIGSEGV)
        elif suffix == ".bug":
            raise KeyError("defect")
        raise InputError("unreachable")


@pytest.fixture
def misbehaving_parser():  # type: ignore[no-untyped-def]
    parse_module.PARSERS.append(_MisbehavingParser())
    yield
    parse_module.PARSERS.pop()


def test_hang_is_stopped_at_the_deadline(tmp_path: Path, misbehaving_parser) -> None:  # type: ignore[no-untyped-def]
    inbox = tmp_path / "inbox"
    write_texts(inbox, 2)
    (inbox / "stuck.hang").write_text("stuck")
    settings = settings_for(tmp_path / "data", deadline=3)
    with Store(tmp_path / "data") as store:
        report = ingest(store, [inbox], settings)
        assert len(store.document_ids()) == 2
    reasons = {Path(f.path).name: f.reason for f in report.files}
    assert reasons["stuck.hang"] == "took longer than the deadline of 3 s"
    assert outcomes(report)["note_000.txt"] == "ok"


def test_crash_and_defect_are_contained(tmp_path: Path, misbehaving_parser) -> None:  # type: ignore[no-untyped-def]
    # a generous deadline: on a loaded machine a crash noticed late must still read as a crash
    inbox = tmp_path / "inbox"
    write_texts(inbox, 2)
    for name in ("broken.crash", "defect.bug"):
        (inbox / name).write_text(name)
    settings = settings_for(tmp_path / "data", deadline=120)
    with Store(tmp_path / "data") as store:
        report = ingest(store, [inbox], settings)
        assert len(store.document_ids()) == 2
    reasons = {Path(f.path).name: f.reason for f in report.files}
    assert reasons["broken.crash"] == "the parser crashed (SIGSEGV); the file is probably corrupt"
    assert reasons["defect.bug"] == "internal error: KeyError: 'defect'"
    assert outcomes(report)["note_000.txt"] == "ok"


def test_memory_blowup_is_killed_at_the_cap(tmp_path: Path, misbehaving_parser) -> None:  # type: ignore[no-untyped-def]
    inbox = tmp_path / "inbox"
    write_texts(inbox, 1)
    (inbox / "greedy.hog").write_text("greedy")
    # workers are forked from this process, so the cap sits above what it already holds
    # (earlier tests may have loaded models into it); the hog asks for 2,000 MB more
    cap = int(psutil.Process().memory_info().rss / 1048576) + 300
    settings = settings_for(tmp_path / "data", deadline=120, memory_mb=cap)
    with Store(tmp_path / "data") as store:
        report = ingest(store, [inbox], settings)
    reasons = {Path(f.path).name: f.reason for f in report.files}
    assert reasons["greedy.hog"] == f"used more than the memory cap of {cap} MB"
    assert outcomes(report)["note_000.txt"] == "ok"


def test_strict_mode_stops_at_a_defect_with_its_reason(tmp_path: Path, misbehaving_parser) -> None:  # type: ignore[no-untyped-def]
    inbox = tmp_path / "inbox"
    (inbox / "a").mkdir(parents=True)
    (inbox / "a" / "defect.bug").write_text("x")
    write_texts(inbox / "b", 3)
    with Store(tmp_path / "data") as store:
        one_worker = load_settings(environ={}, data=tmp_path / "data", stages="", workers=1)
        report = ingest(store, [inbox], one_worker, IngestOptions(strict=True))
        assert store.document_ids() == []
    assert [(Path(f.path).name, f.outcome, f.reason) for f in report.files] == [
        ("defect.bug", "failed", "internal error: KeyError: 'defect'")]
    assert report.stopped == "stopped at the first failure (--strict): 3 file(s) not processed"
