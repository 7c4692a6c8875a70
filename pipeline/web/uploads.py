"""Uploads by the secretariat: files chosen in the browser are stored in the data folder and
ingested by `sekretar ingest` in a worker process, one batch at a time, with its progress on
the upload page.

Each upload is a folder `uploads/<time>-<random>/` holding `files/` (the files, under names
made safe: no folders, no control characters, no leading dot), `worker.pid` while its ingest
runs and `report.json` (the `ingest --json` report) when it has ended. The ingest is the CLI's,
started by `pipeline.wiring.start_ingest` (given to the app as `app.state.start_ingest`), so the
outcome is the one the command line gives. Progress is read from the archive's batch records:
which files are done, with their outcomes and reasons. The uploaded files are never served
back inline: originals go out as downloads (pages.py).
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import time
import unicodedata
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from corpus.errors import ConfigError
from corpus.messages import Message
from pipeline.web.pages import _render

router = APIRouter(include_in_schema=False)
FOLDER = "uploads"
MAX_FILES = 200
CHUNK = 1 << 20
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]+")


def safe_name(given: str, number: int) -> str:
    """A file name that is only a name: the last part of any path, control characters and
    separators replaced, no leading dots, at most 150 characters (the extension kept)."""
    name = unicodedata.normalize("NFC", given.replace("\\", "/").rsplit("/", 1)[-1])
    name = _UNSAFE.sub("_", name).strip(" .")
    stem, dot, extension = name.rpartition(".")
    if dot and len(extension) <= 10:
        name = stem[:140] + "." + extension
    else:
        name = name[:150]
    return name or f"file-{number}"


def _allowed(request: Request) -> bool:
    account = getattr(request.state, "account", None)
    return account is not None and account["role"] == "secretariat"


def _limit(request: Request) -> int:
    """The largest file accepted, in bytes (the `max_file_mb` setting, given by wiring)."""
    return int(getattr(request.app.state, "upload_max_bytes", 0))


def _root(request: Request) -> Path:
    root: Path = request.app.state.web.data / FOLDER
    return root


def running(root: Path) -> Path | None:
    """The upload whose ingest still runs (in any server process), or None."""
    for marker in root.glob("*/worker.pid"):
        try:
            os.kill(int(marker.read_text() or 0), 0)
        except (ValueError, ProcessLookupError):
            marker.unlink(missing_ok=True)  # its worker has ended
            continue
        except PermissionError:
            pass
        return marker.parent
    return None


def _latest(root: Path) -> Path | None:
    folders = sorted((p for p in root.glob("*") if (p / "files").is_dir()), reverse=True)
    return folders[0] if folders else None


def progress(request: Request, upload: Path) -> dict[str, Any]:
    """What became of an upload so far: `phase` (waiting, ingesting, done), `total`, `done`,
    counts by outcome, and the files that failed or are partial with their reasons."""
    names = sorted(p.name for p in (upload / "files").iterdir())
    batch = request.app.state.web.last_batch()
    prefix = str((upload / "files").resolve())
    files = [f for f in (batch or {}).get("files", []) if str(f["path"]).startswith(prefix)]
    report = upload / "report.json"
    alive = (upload / "worker.pid").exists() and running(upload.parent) == upload
    ended = report.exists() and report.stat().st_size > 0 and not alive
    phase = "done" if ended else ("ingesting" if files else "waiting")
    counts: dict[str, int] = {}
    for f in files:
        counts[f["outcome"]] = counts.get(f["outcome"], 0) + 1
    problems = [{"name": Path(f["path"]).name, "outcome": f["outcome"], "reason": f["reason"]}
                for f in files if f["reason"]]
    return {"upload": upload.name, "phase": phase, "total": len(names), "done": len(files),
            "counts": counts, "problems": problems,
            "current": names[len(files)] if phase == "ingesting" and len(files) < len(names)
            else None}


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request) -> Response:
    if not _allowed(request):
        return request.app.state.refuse(request, 403, Message("not_allowed"))  # type: ignore[no-any-return]
    root = _root(request)
    latest = _latest(root) if root.is_dir() else None
    shown = progress(request, latest) if latest is not None else None
    return _render(request, "upload.html", progress=shown,
                   busy=root.is_dir() and running(root) is not None,
                   limit_mb=_limit(request) >> 20,
                   can_upload=getattr(request.app.state, "start_ingest", None) is not None)


@router.get("/api/upload", tags=["api"], summary="The progress of the latest upload")
def upload_status(request: Request) -> Any:
    """`{"upload", "phase", "total", "done", "counts", "problems", "current"}` (null before
    the first upload); the secretariat only."""
    if not _allowed(request):
        return request.app.state.refuse(request, 403, Message("not_allowed"))
    root = _root(request)
    latest = _latest(root) if root.is_dir() else None
    return progress(request, latest) if latest is not None else None


@router.post("/upload")
async def upload(request: Request) -> Response:
    if not _allowed(request):
        return request.app.state.refuse(request, 403, Message("not_allowed"))  # type: ignore[no-any-return]
    start = getattr(request.app.state, "start_ingest", None)
    root = _root(request)
    if start is None:
        raise ConfigError("uploads are not available in this server")
    if root.is_dir() and running(root) is not None:
        raise ConfigError(Message("upload_busy"))
    limit = _limit(request)
    async with request.form(max_files=MAX_FILES, max_part_size=CHUNK) as form:
        chosen = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
        if not chosen:
            raise ConfigError(Message("upload_empty"))
        folder = root / f"{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(3)}"
        files = folder / "files"
        files.mkdir(parents=True)
        try:
            for number, item in enumerate(chosen, 1):
                await _save(item, files, number, limit)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)  # nothing half-uploaded is left to ingest
            raise
        collection = str(form.get("collection") or "").strip() or None
    pid = start(request.app.state.web.data, files.resolve(), collection,
                folder / "report.json")
    (folder / "worker.pid").write_text(str(pid))
    return RedirectResponse("/upload", 303)


async def _save(item: UploadFile, files: Path, number: int, limit: int) -> None:
    name = safe_name(item.filename or "", number)
    target = files / name
    while target.exists():
        target = files / f"{number}-{name}"
        number += 1000
    size = 0
    with open(target, "wb") as out:
        while chunk := await item.read(CHUNK):
            size += len(chunk)
            if size > limit:
                out.close()
                target.unlink()
                raise ConfigError(Message("upload_too_large", name=name, mb=limit >> 20))
            out.write(chunk)

