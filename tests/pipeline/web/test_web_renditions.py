"""The web pages of minutes kept in two formats: the document page links each rendition's
kept file, served by the document id and the rendition's sha256; the session page lists the
meeting's minutes once."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import docx
import httpx
import pytest
from live_server import live_server

from pipeline.cli import main
from pipeline.web import create_app

SAMPLE = Path(__file__).resolve().parents[3] / "samples" / "minutes_session_ru.docx"
DOCUMENT_ID = hashlib.sha256(SAMPLE.read_bytes()).hexdigest()
RENDITION = re.compile(r'<a class="rendition" href="([^"]+)">([^<]*)</a>')


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sample minutes, then a text copy of their paragraphs (a rendition of them)."""
    folder = tmp_path_factory.mktemp("renditions")
    data, text = folder / "data", folder / "protocol_12.txt"
    text.write_text("\n\n".join(p.text for p in docx.Document(str(SAMPLE)).paragraphs), "utf-8")
    for path in (SAMPLE, text):
        assert main(["ingest", str(path), "--stages", "language,minutes", "--workers", "1",
                     "--json", "--data", str(data)]) == 0
    return data, text


@pytest.fixture(scope="module")
def client(archive: tuple[Path, Path]) -> Iterator[httpx.Client]:
    with live_server(create_app(archive[0])) as url, \
            httpx.Client(base_url=url, timeout=600) as http:
        yield http


def test_the_document_page_links_the_rendition_and_serves_its_file(
        client: httpx.Client, archive: tuple[Path, Path]) -> None:
    text = archive[1]
    sha = hashlib.sha256(text.read_bytes()).hexdigest()
    page = client.get(f"/document/{DOCUMENT_ID}", headers={"Accept-Language": "en"})
    assert page.status_code == 200
    assert RENDITION.findall(page.text) == [
        (f"/document/{DOCUMENT_ID}/rendition/{sha}", "protocol_12.txt")]
    served = client.get(f"/document/{DOCUMENT_ID}/rendition/{sha}")
    assert served.status_code == 200
    assert served.content == text.read_bytes()
    assert 'filename="protocol_12.txt"' in served.headers["content-disposition"]


def test_only_a_recorded_rendition_is_served(client: httpx.Client) -> None:
    assert client.get(f"/document/{DOCUMENT_ID}/rendition/{DOCUMENT_ID}").status_code == 404
    assert client.get(f"/document/{DOCUMENT_ID}/rendition/..%2F..%2Fcorpus.sqlite"
                      ).status_code == 404


def test_the_session_page_lists_the_minutes_once(client: httpx.Client) -> None:
    page = client.get("/session/2025-04-09%20%2312")
    assert page.status_code == 200
    assert "protocol_12.txt" not in page.text
    listed = re.findall(r'<ul class="session-documents">(.*?)</ul>', page.text, re.S)
    assert [re.findall(r'href="/document/([0-9a-f]{64})"', block) for block in listed] == [
        [DOCUMENT_ID]]
