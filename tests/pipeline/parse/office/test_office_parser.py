"""Legacy office files through LibreOffice: real formats, lying names, hangs and failures."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import office_fixtures as fx
import psutil
import pytest

import pipeline.parse as registry
from corpus.errors import InputError, ModelMissing
from corpus.model import Document
from pipeline.parse.base import Source, sha256_file
from pipeline.parse.office.legacy import LegacyOfficeParser, sniff
from pipeline.parse.options import ParseOptions

ODT_MEDIA_TYPE = "application/vnd.oasis.opendocument.text"
CELLS = [["Город", "Голоса"], ["Минск", "12"]]


def _blocks(document: Document) -> list[tuple[str, str, int | None]]:
    return [(b.kind, b.text, b.level) for b in document.blocks]


@pytest.fixture
def fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Path]:
    """Put a shell script named soffice first on PATH; returns the folder it writes into."""

    def install(body: str) -> Path:
        folder = tmp_path / "fakebin"
        folder.mkdir()
        script = folder / "soffice"
        script.write_text(f"#!/bin/sh\n{body}\n")
        script.chmod(0o755)
        monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
        return folder

    return install


# ---- real formats and lying names (no LibreOffice needed to choose) ----------------------


def test_formats_are_sniffed_from_content(tmp_path: Path) -> None:
    files = {"a.doc": fx.odt_bytes("Заголовок", ["Текст."], CELLS),
             "b.doc": fx.rtf_cp1251("Заголовок", ["Текст."], ["Минск"]),
             "c.odt": b"\xef\xbb\xbf" + fx.rtf_cp1251("Заголовок", [], ["Минск"])}
    kinds = {}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        kinds[name] = sniff(tmp_path / name, data[:8192])
    assert kinds == {"a.doc": "odt", "b.doc": "rtf", "c.odt": "rtf"}


@pytest.mark.parametrize(("name", "content", "chosen"), [
    ("minutes.doc", "odt", "legacy-office"),
    ("minutes.docx", "odt", "legacy-office"),
    ("minutes.doc", "rtf", "legacy-office"),
    ("minutes.odt", "docx", "docx"),
    ("minutes.doc", "docx", "docx"),
])
def test_the_real_format_wins_over_the_extension(tmp_path: Path, name: str, content: str,
                                                 chosen: str) -> None:
    path = tmp_path / name
    if content == "odt":
        path.write_bytes(fx.odt_bytes("Заголовок", ["Текст."], CELLS))
    elif content == "rtf":
        path.write_bytes(fx.rtf_cp1251("Заголовок", ["Текст."], ["Минск"]))
    else:
        import docx

        docx.Document().save(str(path))
    assert registry.choose_parser(Source.from_path(path)).name == chosen


# ---- real conversions ------------------------------------------------------------------


@fx.requires_soffice
def test_word97_doc_is_parsed_into_blocks(word97_doc: Path,
                                          parse_with: Callable[..., Document]) -> None:
    assert registry.choose_parser(Source.from_path(word97_doc)).name == "legacy-office"
    document = parse_with(LegacyOfficeParser(), word97_doc, convert_timeout=fx.TEST_CONVERT_TIMEOUT)
    assert _blocks(document) == [
        ("heading", "Решение Совета", 1),
        ("paragraph", "Одобрить доклад о развитии общественного транспорта.", None),
        ("table_cell", "Астана", None),
        ("table_cell", "Душанбе", None),
    ]
    assert (document.id, document.source_name, document.media_type) == (
        sha256_file(word97_doc), "decision.doc", "application/msword")
    assert document.properties["converted_from"] == "doc"


@fx.requires_soffice
def test_cp1251_rtf_is_parsed_into_blocks(tmp_path: Path,
                                          parse_with: Callable[..., Document]) -> None:
    path = tmp_path / "повестка.rtf"
    path.write_bytes(fx.rtf_cp1251("Повестка дня", ["О бюджете столицы на 2025 год.",
                                                    "Докладчик — Иванов И. И."],
                                   ["Бишкек", "Ереван"]))
    assert b"\\'cf\\'ee\\'e2" in path.read_bytes()  # really cp1251 escapes, no Unicode
    document = parse_with(LegacyOfficeParser(), path, convert_timeout=fx.TEST_CONVERT_TIMEOUT)
    assert _blocks(document) == [
        ("heading", "Повестка дня", 1),
        ("paragraph", "О бюджете столицы на 2025 год.", None),
        ("paragraph", "Докладчик — Иванов И. И.", None),
        ("table_cell", "Бишкек", None),
        ("table_cell", "Ереван", None),
    ]
    assert (document.media_type, document.title) == ("application/rtf", "Повестка дня")


@fx.requires_soffice
def test_odt_named_doc_is_parsed_as_odt(tmp_path: Path) -> None:
    path = tmp_path / "протокол.doc"
    path.write_bytes(fx.odt_bytes("Протокол заседания", ["Слушали доклад о водоснабжении.",
                                                         "Постановили: одобрить."], CELLS))
    source = Source.from_path(path, options=ParseOptions(convert_timeout=fx.TEST_CONVERT_TIMEOUT))
    document = registry.parse(source)
    assert _blocks(document) == [
        ("heading", "Протокол заседания", 1),
        ("paragraph", "Слушали доклад о водоснабжении.", None),
        ("paragraph", "Постановили: одобрить.", None),
        *[("table_cell", text, None) for row in CELLS for text in row],
    ]
    assert (document.media_type, document.properties["converted_from"]) == (ODT_MEDIA_TYPE, "odt")


@fx.requires_soffice
def test_encrypted_word97_doc_is_refused(word97_doc: Path, tmp_path: Path) -> None:
    """The FIB's fEncrypted bit, set by hand in a real .doc's WordDocument stream."""
    data = bytearray(word97_doc.read_bytes())
    fib = next(i for i in range(512, len(data), 512) if data[i:i + 2] == b"\xec\xa5")
    data[fib + 11] |= 0x01
    path = tmp_path / "secret.doc"
    path.write_bytes(bytes(data))
    assert sniff(path, bytes(data[:8192])) == "doc-encrypted"
    with pytest.raises(InputError, match="^encrypted: password-protected .doc files"):
        LegacyOfficeParser().parse(Source.from_path(path))


# ---- a conversion that hangs, fails, or cannot start ------------------------------------


def test_a_hanging_conversion_is_killed_at_its_deadline(
    tmp_path: Path, fake_soffice: Callable[[str], Path], parse_with: Callable[..., Document]
) -> None:
    """The fake LibreOffice starts a helper (as soffice starts soffice.bin), then hangs; both
    must be gone once the parser reports the timeout."""
    fake_soffice(f'sleep 300 & echo $! > "{tmp_path}/helper.pid"\n'
                          f'echo $$ > "{tmp_path}/launcher.pid"\nwait')
    path = tmp_path / "slow.rtf"
    path.write_bytes(fx.rtf_cp1251("Заголовок", ["Текст."], ["Минск"]))
    started = time.monotonic()
    with pytest.raises(InputError, match=r"^conversion timed out after 2 s$"):
        parse_with(LegacyOfficeParser(), path, convert_timeout=2)
    assert time.monotonic() - started < 60
    pids = [int((tmp_path / f"{n}.pid").read_text()) for n in ("launcher", "helper")]
    assert not any(_alive(pid) for pid in pids)


def _alive(pid: int) -> bool:
    """Running (not a zombie waiting to be reaped by init), after a moment's grace."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                return False
        except psutil.NoSuchProcess:
            return False
        time.sleep(0.1)
    return True


def test_libreoffice_refusing_the_file_is_reported(
    tmp_path: Path, fake_soffice: Callable[[str], Path], parse_with: Callable[..., Document]
) -> None:
    fake_soffice("echo 'Warning: failed to launch javaldx'\n"
                 "echo 'Error: source file could not be loaded'\nexit 0")
    path = tmp_path / "damaged.rtf"
    path.write_bytes(b"{\\rtf1 \\bin999999 ")
    with pytest.raises(InputError, match="^conversion failed: source file could not be loaded$"):
        parse_with(LegacyOfficeParser(), path)


def test_missing_libreoffice_names_the_debian_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parse_with: Callable[..., Document]
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    path = tmp_path / "a.rtf"
    path.write_bytes(fx.rtf_cp1251("Заголовок", ["Текст."], ["Минск"]))
    with pytest.raises(ModelMissing, match="apt-get install -y --no-install-recommends "
                                           "libreoffice-writer-nogui$"):
        parse_with(LegacyOfficeParser(), path)


@fx.requires_soffice
def test_real_libreoffice_past_its_deadline_is_killed_with_its_children(
    tmp_path: Path, parse_with: Callable[..., Document]
) -> None:
    """The real soffice cannot start and convert in a fifth of a second (on a quiet machine it
    did the whole conversion within one second): it is stopped there, and neither the launcher
    nor soffice.bin (found by our own conversion folder in their command lines) outlives the
    error."""
    path = tmp_path / "report.rtf"
    path.write_bytes(fx.rtf_cp1251("Заголовок", ["Текст."], ["Минск"]))
    before = set(psutil.pids())
    with pytest.raises(InputError, match=r"^conversion timed out after 0\.2 s$"):
        parse_with(LegacyOfficeParser(), path, convert_timeout=0.2)
    started = [p for p in psutil.process_iter(["pid", "cmdline"])
               if p.info["pid"] not in before
               and "sekretar-lo-" in " ".join(p.info["cmdline"] or [])]
    assert not any(_alive(p.info["pid"]) for p in started)


@fx.requires_soffice
def test_real_word6_doc_from_the_shared_corpus(parse_with: Callable[..., Document]) -> None:
    """A Word 6 binary from Apache Tika's test files, read in place (skipped if absent)."""
    path = Path(__file__).resolve().parents[5] / "shared/corpus/docx/tika__testWORD6.doc"
    if not path.is_file():
        pytest.skip("the shared corpus is not here")
    source = Source.from_path(path, options=ParseOptions(convert_timeout=fx.TEST_CONVERT_TIMEOUT))
    assert registry.choose_parser(source).name == "legacy-office"
    document = registry.parse(source)
    assert [(b.kind, b.text) for b in document.blocks][:1] == [
        ("paragraph", "The quick brown fox jumps over the lazy dog")]
    assert (document.media_type, document.properties["converted_from"]) == (
        "application/msword", "doc")
