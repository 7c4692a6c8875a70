"""The web server answers only to its own host names (no DNS rebinding), answers HEAD, limits
each client's rate, and its 500 answers carry the security headers like every other."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from live_server import live_server
from test_fault_damaged_store import write_inbox

from corpus.store import Store
from index.searcher import Searcher
from pipeline.cli import main
from pipeline.web.app import create_app
from pipeline.web.guard import allowed_names


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("guarded")
    inbox = write_inbox(base / "inbox", 2)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SEKRETAR_STAGES", "")
        assert main(["ingest", str(inbox), "--workers", "1", "--data", str(base / "data")]) == 0
    return base / "data"


def test_only_the_servers_own_host_names_are_answered(archive: Path) -> None:
    hosts = allowed_names("127.0.0.1", ["archive.assembly.example"])
    with live_server(create_app(archive, allowed_hosts=hosts)) as url, \
            httpx.Client(base_url=url, timeout=60) as client:
        port = url.rsplit(":", 1)[1]
        for host in (f"127.0.0.1:{port}", f"localhost:{port}", "archive.assembly.example",
                     f"[::1]:{port}"):
            assert client.get("/api/search", params={"q": "водоснабжение"},
                              headers={"Host": host}).status_code == 200, host
        for host in (f"evil.example:{port}", "rebind.attacker.test", "127.0.0.1.evil.test", ""):
            refused = client.get("/api/search", params={"q": "водоснабжение"},
                                 headers={"Host": host})
            assert refused.status_code == 400, host
            assert refused.json() == {"error": "this server does not answer to that host name"}
            assert "Записка" not in refused.text


def test_head_is_answered_like_get_without_a_body(archive: Path) -> None:
    with live_server(create_app(archive)) as url, httpx.Client(base_url=url, timeout=60) as client:
        for path in ("/", "/api/search?q=водоснабжение", "/document/note_1.txt"):
            got, head = client.get(path), client.head(path)
            assert head.status_code == got.status_code == 200, path
            assert head.content == b""
            assert head.headers["content-type"] == got.headers["content-type"]


def test_a_client_over_its_rate_waits_and_others_do_not(archive: Path) -> None:
    app = create_app(archive, rate=(3, 0.001), limit_local=True)
    with live_server(app) as url, httpx.Client(base_url=url, timeout=60) as client:
        codes = [client.get("/api/search", params={"q": "вода"}).status_code for _ in range(5)]
        assert codes == [200, 200, 200, 429, 429]
        limited = client.get("/api/search", params={"q": "вода"})
        assert int(limited.headers["retry-after"]) >= 1
        assert client.get("/static/app.css").status_code in (200, 404)  # not counted
    unlimited = create_app(archive, rate=(3, 0.001))  # this machine's requests are not limited
    with live_server(unlimited) as url, httpx.Client(base_url=url, timeout=60) as client:
        assert {client.get("/api/search", params={"q": "вода"}).status_code
                for _ in range(5)} == {200}


def test_a_500_carries_the_security_headers(archive: Path) -> None:
    def broken(store: Store) -> Searcher:
        raise RuntimeError("a defect while opening the searcher")

    with live_server(create_app(archive, make_searcher=broken)) as url:
        for path in ("/api/search?q=вода", "/?q=вода"):
            # a fresh connection each: after a defect the server closes the one it answered on
            answer = httpx.get(url + path, timeout=60)
            assert answer.status_code == 500, path
            assert answer.headers["x-content-type-options"] == "nosniff"
            assert "frame-ancestors 'none'" in answer.headers["content-security-policy"]
            assert answer.headers["x-frame-options"] == "DENY"
