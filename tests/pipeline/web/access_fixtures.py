"""An archive with accounts and documents of each visibility, for the web's access tests.

The small archive of web_fixtures.py, with: the Ryazan report published, the minutes a draft,
the hostile document internal; accounts `sec` (secretariat), `ed` (editor), `del` (delegate),
each with the password PASSWORD; and a clean way to sign in over HTTP.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from web_fixtures import build_small, keep

from corpus.store import Store

PASSWORD = "long-enough-1"
ROLES = {"sec": "secretariat", "ed": "editor", "del": "delegate"}
PUBLISHED = "report_ryazan_water_ru.docx"
DRAFT = "minutes_2024_ru.docx"
INTERNAL = '"><img src=x onerror=alert(3)>.txt'
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def build_access(folder: Path) -> tuple[Path, dict[str, str]]:
    """The data folder and the ids of PUBLISHED, DRAFT and INTERNAL (by source name), and
    the sha256 of the draft's PDF rendition ("rendition")."""
    data = build_small(folder)
    with Store(data) as store:
        ids = {name: store.resolve(name) for name in (PUBLISHED, DRAFT, INTERNAL)}
        rendition = keep(store, folder, "minutes_2024_ru.pdf", b"%PDF-1.4 minutes")
        store.renditions.add(ids[DRAFT], rendition, "minutes_2024_ru.pdf", "pdf", None)
        ids["rendition"] = rendition
        store.versions.edit(ids[DRAFT], {"visibility": "draft"}, "edit")
        store.versions.edit(ids[INTERNAL], {"visibility": "internal"}, "edit")
        for name, role in ROLES.items():
            store.users.add(name, role, PASSWORD)
    return data, ids


def csrf_of(client: httpx.Client, path: str = "/login") -> str:
    """The CSRF token of the forms on `path` for this client's browser cookie."""
    found = CSRF.search(client.get(path).text)
    assert found, f"no CSRF field on {path}"
    return found.group(1)


def sign_in(client: httpx.Client, name: str, password: str = PASSWORD) -> httpx.Response:
    return client.post("/login", data={"name": name, "password": password,
                                       "csrf": csrf_of(client)}, follow_redirects=False)


@contextmanager
def signed_in(url: str, name: str | None, accept: str = "ru") -> Iterator[httpx.Client]:
    """A client of the server at `url`, signed in as `name` (anonymous when None)."""
    with httpx.Client(base_url=url, timeout=600, headers={"Accept-Language": accept}) as client:
        if name is not None:
            assert sign_in(client, name).status_code == 303
        yield client
