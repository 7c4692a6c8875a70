"""What an ingest keeps is what it read: links out of the inbox are refused, a file replaced
while it is being ingested is kept with the bytes its text came from, and a kept file that
went missing is put back by the next ingest of the same file."""

from __future__ import annotations

import hashlib
from pathlib import Path

from corpus.store import Store
from pipeline.ingest.batch import ingest
from pipeline.ingest.report import Progress
from pipeline.settings import load_settings

FIRST = "Доклад о водоснабжении Рязани.\n"
SECOND = "Совсем другой текст про туризм в Бресте.\n"


def _settings(data: Path):  # type: ignore[no-untyped-def]
    return load_settings(environ={}, data=data, stages="", workers=1)


def test_a_link_to_a_file_outside_the_inbox_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("пароль администратора: 12345\n", "utf-8")
    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    (inbox / "report.txt").write_text(FIRST, "utf-8")
    (inbox / "passwd_link.txt").symlink_to(secret)
    (inbox / "sub" / "inside_link.txt").symlink_to(inbox / "report.txt")
    (inbox / "sub" / "relative_out.txt").symlink_to(Path("..") / ".." / "secret.txt")
    data = tmp_path / "data"
    with Store(data) as store:
        report = ingest(store, [inbox], _settings(data))
        stored = [store.document_info(i)["source_name"] for i in store.document_ids()]
    outcomes = {Path(f.path).name: (f.outcome, f.reason) for f in report.files}
    refused = (f"a link to a file outside the folder being ingested ({secret.resolve()}); "
               "links are followed only to files inside it")
    assert outcomes["passwd_link.txt"] == ("failed", refused)
    assert outcomes["relative_out.txt"] == ("failed", refused)
    assert outcomes["report.txt"][0] == "ok"
    assert outcomes["inside_link.txt"][0] == "unchanged"  # the same bytes as report.txt
    assert stored == ["report.txt"]
    assert not list((data / "files").rglob("*secret*"))


def test_a_link_named_on_the_command_line_is_refused_when_it_leads_out(tmp_path: Path) -> None:
    secret = tmp_path / "elsewhere" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("пароль\n", "utf-8")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "link.txt").symlink_to(secret)
    with Store(tmp_path / "data") as store:
        report = ingest(store, [inbox / "link.txt"], _settings(tmp_path / "data"))
        assert store.is_empty()
    assert report.files[0].outcome == "failed"


def test_a_file_replaced_while_it_is_ingested_is_kept_with_the_bytes_it_was_read_from(
    tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    path = inbox / "report.txt"
    path.write_text(FIRST, "utf-8")

    def replace_when_storing(progress: Progress) -> None:
        if progress.phase == "storing":
            path.write_text(SECOND, "utf-8")

    data = tmp_path / "data"
    with Store(data) as store:
        report = ingest(store, [inbox], _settings(data), on_progress=replace_when_storing)
        (document_id,) = store.document_ids()
        text = store.load_document(document_id).text
        kept = store.file_path(document_id).read_bytes()
    assert report.files[0].outcome == "ok"
    assert hashlib.sha256(kept).hexdigest() == document_id
    assert kept == FIRST.encode() and "водоснабжении" in text
    assert not list((data / "files" / "incoming").rglob("*.txt"))


def test_a_missing_kept_file_is_put_back_by_the_next_ingest(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "report.txt").write_text(FIRST, "utf-8")
    data = tmp_path / "data"
    with Store(data) as store:
        ingest(store, [inbox], _settings(data))
        (document_id,) = store.document_ids()
        store.file_path(document_id).unlink()
        report = ingest(store, [inbox], _settings(data))
        assert report.files[0].outcome == "unchanged"
        assert store.file_path(document_id).read_bytes() == FIRST.encode()
