"""What `sekretar ingest` tells the secretariat: ok unless something of a document was lost,
pairs waiting for a translation model said once, `--strict` stopping at the first failure,
each file's own seconds; and `serve` refusing in one line what it cannot serve."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from corpus.store import Store
from pipeline.cli import main

ROOT = Path(__file__).resolve().parents[3]
SAMPLES = ROOT / "samples"
WAITING_LINE = ("translations waiting for a model: en-ru (1 document). Install one with: "
                "sekretar models install FILE.argosmodel, then run ingest again to add them.")


def sekretar(*argv: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The real CLI in its own process, with the default settings, as README runs it."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("SEKRETAR_")}
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *argv], capture_output=True,
                          text=True, env=environ | {"PYTHONPATH": str(ROOT), **env},
                          timeout=1800, check=False)


def test_readme_command_on_the_samples_ends_every_file_ok(tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    done = sekretar("ingest", str(SAMPLES), "--data", data)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("en-ru") == 1 and WAITING_LINE in done.stdout.replace("\n", " ")
    status = sekretar("status", "--data", data)
    assert "last batch 1 " in status.stdout
    assert status.stdout.splitlines()[-1].endswith("ok 6, partial 0, failed 0, unchanged 0")
    report = json.loads(next((tmp_path / "data" / "reports").glob("batch-*.json")).read_text())
    assert {Path(f["path"]).name: (f["outcome"], f["reason"]) for f in report["files"]} == {
        name: ("ok", None) for name in (
            "minutes_session_ru.docx", "note_bishkek_cp1251.txt",
            "report_astana_cooperation_en.pdf", "report_kyiv_tourism_uk.docx",
            "report_minsk_informatization_ru.pdf", "report_ryazan_water_ru.docx")}
    assert report["waiting_for_models"] == [{"pair": "en-ru", "documents": 1}]
    assert report["install"] == "sekretar models install FILE.argosmodel"
    with Store(Path(data), readonly=True) as store:  # Russian went where Apertium takes it
        ryazan = store.load_document(store.resolve("report_ryazan_water_ru.docx"))
    assert sorted(t.language for t in ryazan.blocks[0].translations) == ["be", "uk"]


def scanned_page_pdf(path: Path) -> Path:
    """Two pages: English text, then a page that is only a picture (no text layer)."""
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("Helvetica", 11)
    canvas.drawString(72, 700, "The delegation discussed the water supply of the city.")
    canvas.showPage()
    picture = Image.new("RGB", (64, 64), (200, 180, 90))
    canvas.drawImage(ImageReader(picture), 100, 400, width=300, height=300)
    canvas.showPage()
    canvas.save()
    return path


def test_a_page_not_read_is_still_partial_and_the_waiting_pair_is_apart(tmp_path: Path) -> None:
    pdf = scanned_page_pdf(tmp_path / "scan.pdf")
    done = sekretar("ingest", str(pdf), "--data", str(tmp_path / "data"), "--json",
                    SEKRETAR_OCR="false", SEKRETAR_STAGES="language,translate")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert [(f["outcome"], f["reason"]) for f in report["files"]] == [
        ("partial", "1 page has no text layer and needs OCR")]
    assert report["waiting_for_models"] == [{"pair": "en-ru", "documents": 1}]


def test_strict_stops_at_the_first_failing_file(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a_broken.docx").write_bytes(b"PK\x03\x04 this is not really a zip archive")
    for n in range(3):
        (inbox / f"b_note_{n}.txt").write_text(f"Записка номер {n}.\n", encoding="utf-8")
    data = tmp_path / "data"
    argv = ["ingest", str(inbox), "--data", str(data), "--stages", "", "--workers", "1"]
    assert main([*argv, "--strict", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [(Path(f["path"]).name, f["outcome"]) for f in report["files"]] == [
        ("a_broken.docx", "failed")]
    assert report["stopped"] == "stopped at the first failure (--strict): 3 file(s) not processed"
    with Store(data, readonly=True) as store:
        assert store.document_ids() == []
    assert main(argv) == 1  # without --strict the batch goes on past the broken file
    with Store(data, readonly=True) as store:
        assert len(store.document_ids()) == 3


def test_seconds_are_a_files_own_work_not_its_wait(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """One worker: the tiny note waits for the long report, and its seconds leave that out."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    paragraph = "Водоснабжение Рязани обеспечивает МП «Водоканал города Рязани». " * 4
    (inbox / "a_long.txt").write_text("\n\n".join([paragraph] * 20000), encoding="utf-8")
    (inbox / "b_tiny.txt").write_text("Записка.\n", encoding="utf-8")
    argv = ["ingest", str(inbox), "--data", str(tmp_path / "data"), "--stages", "",
            "--workers", "1", "--json"]
    assert main(argv) == 0
    seconds = {Path(f["path"]).name: f["seconds"] for f in json.loads(capsys.readouterr().out)[
        "files"]}
    assert seconds["b_tiny.txt"] < seconds["a_long.txt"]


def test_serve_without_an_archive_says_so_in_one_line(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--data", str(tmp_path / "nothing")]) == 2
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"error: no archive at {tmp_path / 'nothing'} (run 'sekretar ingest' first)"]


def test_serve_on_a_busy_port_says_so_in_one_line(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    with Store(tmp_path / "data"):
        pass
    with socket.create_server(("127.0.0.1", 0)) as held:
        port = held.getsockname()[1]
        assert main(["serve", "--port", str(port), "--data", str(tmp_path / "data")]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"error: cannot serve on 127.0.0.1:{port}: another program is listening on it "
        "(choose another --port)"]
