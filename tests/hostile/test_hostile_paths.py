"""Odd paths: each is refused with a plain reason, by the registry and by a batch, which goes
on and stores the other files. A link to a folder inside an inbox is reported, not passed over
in silence as os.walk would (it does not follow it). (Empty files, a dangling link in a folder and a good file whose
name holds a newline and a non-UTF-8 byte are covered by tests/pipeline/ingest/test_batch.py.)"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from corpus.errors import InputError
from corpus.store import Store
from pipeline.ingest.batch import ingest
from pipeline.parse import parse
from pipeline.parse.base import Source
from pipeline.settings import load_settings

TEXT = "Водоснабжение Рязани обеспечивает МП «Водоканал города Рязани».\n"
FAKE_SHA = "0" * 64


def source(path: Path) -> Source:
    """A source for a path that cannot be hashed (a folder, a dangling link)."""
    return Source(path=path, sha256=FAKE_SHA, name=path.name)


def test_parser_refuses_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "report.pdf"
    folder.mkdir()
    with pytest.raises(InputError, match="^is a folder, not a file$"):
        parse(source(folder))


def test_parser_refuses_a_dangling_link(tmp_path: Path) -> None:
    link = tmp_path / "report.docx"
    link.symlink_to(tmp_path / "gone.docx")
    with pytest.raises(InputError, match="^cannot be read: No such file or directory$"):
        parse(source(link))


@pytest.mark.parametrize("name", ["empty.pdf", "empty.docx", "empty.txt", "empty.html"])
def test_parser_refuses_an_empty_file_of_any_format(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(InputError, match=r"^empty file \(0 bytes\)$"):
        parse(Source.from_path(path))


def test_batch_refuses_odd_paths_by_name_and_stores_the_rest(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "good.txt").write_text(TEXT, encoding="utf-8")
    os.mkfifo(inbox / "pipe.txt")
    (inbox / "loop_a.txt").symlink_to(inbox / "loop_b.txt")
    (inbox / "loop_b.txt").symlink_to(inbox / "loop_a.txt")
    odd = Path(os.fsdecode(bytes(inbox) + b"/empty\nname\xfe.pdf"))
    odd.write_bytes(b"")
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    folder_link = tmp_path / "folder_link"
    folder_link.symlink_to(folder)
    (inbox / "linked_folder").symlink_to(folder)
    settings = load_settings(environ={}, data=tmp_path / "data", stages="", workers=1)
    with Store(tmp_path / "data") as store:
        report = ingest(store, [inbox, folder_link, tmp_path / "missing.pdf"], settings)
        assert len(store.document_ids()) == 1
    reasons = {Path(f.path).name: (f.outcome, f.reason) for f in report.files}
    assert reasons == {
        "good.txt": ("ok", None),
        "pipe.txt": ("failed", "not a regular file"),
        "loop_a.txt": ("failed", "broken link: the file it points to does not exist"),
        "loop_b.txt": ("failed", "broken link: the file it points to does not exist"),
        "empty\\nname\\xfe.pdf": ("failed", "empty file (0 bytes)"),
        "folder_link": ("failed", "a link to a folder (links to folders are not followed)"),
        "linked_folder": ("failed", "a link to a folder (links to folders are not followed)"),
        "missing.pdf": ("failed", "no such file"),
    }
    saved = json.loads(Path(report.report_path or "").read_text("utf-8"))
    assert {Path(f["path"]).name for f in saved["files"]} == set(reasons)
