"""Hostile and broken DOCX files: zip bombs, escaping part names, entity bombs, external
entities and parts zipfile cannot read are refused before they can hurt."""

from __future__ import annotations

import resource
import time
import zipfile
from pathlib import Path

import pytest
from docx_fixtures import (
    BILLION_LAUGHS,
    REPORT_TITLE,
    add_zeros,
    build_report,
    parse,
    rewrite,
    xxe_part,
)

from corpus.errors import InputError
from pipeline.parse.options import ParseOptions
from pipeline.parse.support.zipguard import ZipLimits, check_entries

#: "at once": milliseconds on an idle machine, with room for a loaded CI box; an entity bomb
#: that really expanded would take minutes and gigabytes.
QUICK_SECONDS = 30.0


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real DOCX with an extra part of 200 MB of zeros (built once: it takes a moment)."""
    folder = tmp_path_factory.mktemp("bomb")
    report = build_report(folder / "report.docx")
    return add_zeros(report, folder / "bomb.docx", "word/media/zeros.bin", 200)


def test_zip_bomb_is_refused_before_decompression(
    bomb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bomb.stat().st_size < 2 * 1024 * 1024
    opened: list[str] = []
    real_open = zipfile.ZipFile.open

    def spy(archive: zipfile.ZipFile, name: str | zipfile.ZipInfo, *args: object, **kw: object):
        opened.append(name if isinstance(name, str) else name.filename)
        return real_open(archive, name, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    with pytest.raises(
        InputError,
        match=r"^suspicious compression \(zip bomb\?\): part word/media/zeros.bin expands",
    ):
        parse(bomb)
    assert opened == []


def test_total_size_limit_comes_from_options(report: Path) -> None:
    with pytest.raises(InputError, match=r"^too large: DOCX unpacks to"):
        parse(report, options=ParseOptions(max_unzipped_mb=0.01))


def test_ratio_limit_comes_from_options(report: Path, tmp_path: Path) -> None:
    padded = add_zeros(report, tmp_path / "padded.docx", "word/media/zeros.bin", 8)
    assert parse(padded, options=ParseOptions(max_zip_ratio=5000)).title == REPORT_TITLE
    with pytest.raises(InputError, match="zip bomb"):
        parse(padded)


@pytest.mark.parametrize("name", ["../evil.xml", "/etc/evil.xml", "word/../../evil.xml"])
def test_escaping_part_names_are_refused(report: Path, tmp_path: Path, name: str) -> None:
    bad = rewrite(report, tmp_path / "escape.docx", {name: b"<x/>"}, add=True)
    with pytest.raises(InputError, match=r"^corrupt DOCX: unsafe part name"):
        parse(bad)


def test_too_many_parts_are_refused() -> None:
    entries = [zipfile.ZipInfo(f"word/part{index}.xml") for index in range(10_001)]
    with pytest.raises(InputError, match=r"^too large: DOCX has 10001 parts \(limit 10000\)$"):
        check_entries(entries, ZipLimits())


def test_billion_laughs_does_not_explode(report: Path, tmp_path: Path) -> None:
    bomb = rewrite(report, tmp_path / "laughs.docx", {"word/document.xml": BILLION_LAUGHS})
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    with pytest.raises(InputError, match=r"^corrupt DOCX: "):
        parse(bomb)
    assert time.perf_counter() - started < QUICK_SECONDS
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kb < 100 * 1024


def test_external_entity_in_document_is_refused(report: Path, tmp_path: Path) -> None:
    xxe = rewrite(report, tmp_path / "xxe.docx", {"word/document.xml": xxe_part("document")})
    with pytest.raises(InputError, match="declares a DTD") as caught:
        parse(xxe)
    assert "root:" not in str(caught.value)


def test_external_entity_in_footnotes_is_refused(docx_corpus: Path, tmp_path: Path) -> None:
    part = xxe_part("footnotes", wrapper="footnote")
    xxe = rewrite(
        docx_corpus / "mammoth__footnotes.docx", tmp_path / "x.docx", {"word/footnotes.xml": part}
    )
    with pytest.raises(InputError, match=r"^corrupt DOCX: word/footnotes.xml declares a DTD"):
        parse(xxe)


def test_unreadable_xml_is_an_input_error(report: Path, tmp_path: Path) -> None:
    broken = rewrite(report, tmp_path / "broken.docx", {"word/document.xml": b"<w:document"})
    with pytest.raises(InputError, match=r"^corrupt DOCX: "):
        parse(broken)


def test_zip_without_main_document(tmp_path: Path) -> None:
    path = tmp_path / "nodoc.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        archive.writestr(
            "_rels/.rels",
            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
        )
    with pytest.raises(InputError, match=r"^corrupt DOCX: no main document part"):
        parse(path)


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    with pytest.raises(InputError, match=r"^corrupt DOCX: not a readable zip archive"):
        parse(path)


def patched(source: Path, target: Path, part: str, offset: int, value: int) -> Path:
    """A copy of `source` whose local and central headers of `part` carry `value` (two bytes,
    little-endian) at `offset` from the local header (compression method 8, flags 6); the
    central header holds the same fields two bytes further on."""
    data = bytearray(source.read_bytes())
    name = part.encode()
    for signature, shift in ((b"PK\x03\x04", 0), (b"PK\x01\x02", 2)):
        start = data.find(signature)
        while start != -1:
            name_at = start + (30 if shift == 0 else 46)
            if data[name_at:name_at + len(name)] == name:
                data[start + offset + shift:start + offset + shift + 2] = value.to_bytes(2, "little")
            start = data.find(signature, start + 4)
    target.write_bytes(bytes(data))
    return target


@pytest.mark.parametrize(("offset", "value", "says"), [
    (8, 99, "uses compression method 99, which office packages never use"),
    (6, 0x1, "is encrypted"),
    (6, 0x20, "holds patched data"),
])
def test_parts_zipfile_cannot_read_are_refused_up_front(
    report: Path, tmp_path: Path, offset: int, value: int, says: str
) -> None:
    """Found by fuzzing: such parts made zipfile raise NotImplementedError or RuntimeError
    (not our error) when python-docx read them."""
    broken = patched(report, tmp_path / "broken.docx", "word/document.xml", offset, value)
    with pytest.raises(InputError, match=f"^corrupt DOCX: part 'word/document.xml' {says}$"):
        parse(broken)
