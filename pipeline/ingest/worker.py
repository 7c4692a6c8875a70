"""What runs inside a batch worker process: parse one file and run the analysis stages.

Workers never write to the store; they return the finished `Document` to the parent. Stages
(and the models behind them) are built once per worker process and reused for every file.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from corpus.errors import InputError
from corpus.model import Document
from corpus.store import Store
from pipeline.parse import registry
from pipeline.parse.base import Source
from pipeline.parse.options import ParseOptions
from pipeline.settings import Settings
from pipeline.stages import Stage, build_stages, run_stages


@dataclass
class Job:
    """One file for a worker. `rerun` names the stages to redo on an already stored document
    (None: parse the file and run every stage)."""

    path: str
    sha256: str
    name: str
    kind: str | None = None
    collection: str | None = None
    password: str | None = None
    rerun: list[str] | None = None
    #: True for the second pass over a stored document: only the deferred stages (those with
    #: `deferred = True`, such as `embed`), run after the first pass was stored and indexed.
    later: bool = False
    #: the archive's staged copy of a new file, which the worker parses (see `corpus.kept`):
    #: the bytes read are the bytes kept, whatever happens to `path` meanwhile.
    read_from: str | None = None


@dataclass
class WorkResult:
    document: Document
    stages: dict[str, str] = field(default_factory=dict)
    pid: int = 0
    #: the file's own work, measured here: not the time it waited in the queue for a worker.
    seconds: float = 0.0


#: the write end of the pipe through which this worker tells the parent each file's phase.
_PHASES: list[int] = []


class PhasePipe:
    """Workers tell the parent which phase a file is in ("reading", "analysing",
    "embedding") through a pipe: each message is one write smaller than the pipe's atomic
    size, so a worker killed mid-file cannot leave a half message or a held lock, and a full
    pipe drops a message instead of blocking the worker."""

    def __init__(self) -> None:
        self.read_end, self.write_end = os.pipe()
        os.set_blocking(self.read_end, False)
        os.set_blocking(self.write_end, False)
        self._rest = b""

    def messages(self) -> list[tuple[str, str]]:
        """The (sha256, phase) messages written since the last look."""
        try:
            while chunk := os.read(self.read_end, 65536):
                self._rest += chunk
        except BlockingIOError:
            pass
        *lines, self._rest = self._rest.split(b"\n")
        return [tuple(line.decode().split("\t", 1)) for line in lines]  # type: ignore[misc]

    def close(self) -> None:
        os.close(self.read_end)
        os.close(self.write_end)


def tell(job: Job, phase: str) -> None:
    """Tell the parent (if it listens) that this job's file entered `phase`."""
    if _PHASES:
        try:
            os.write(_PHASES[0], f"{job.sha256}\t{phase}\n".encode())
        except OSError:  # a full pipe: the display misses one phase, the file does not
            pass


_STAGES: dict[tuple[str, ...], list[Stage]] = {}


def stages_for(settings: Settings) -> list[Stage]:
    """Build the stages once per process (models load once, not per document)."""
    key = settings.stages
    if key not in _STAGES:
        _STAGES[key] = build_stages(settings)
    return _STAGES[key]


def warm_up(settings: Settings, phases: int | None = None) -> None:
    """Worker start-up (the pool's initializer): build the stages and let each load its models
    now, so loading counts against no file's deadline. A stage without `warm` loads lazily;
    a failure here is left for the first document to record. `phases` is the write end of the
    parent's `PhasePipe` (inherited by the forked worker)."""
    from pipeline.embed.models import allow_threads

    _PHASES[:] = [] if phases is None else [phases]

    allow_threads()  # workers may embed on several threads (see pipeline.embed.models)
    try:
        stages = stages_for(settings)
    except Exception:  # noqa: BLE001 - the first job reports the same error properly
        return
    for stage in stages:
        warm = getattr(stage, "warm", None)
        if warm is None:
            continue
        try:
            warm()
        except Exception:  # noqa: BLE001 - the stage will record it on the first document
            continue


def process(job: Job, settings: Settings, strict: bool = False) -> WorkResult:
    """Parse (or reload) a document and run its stages. Raises InputError for bad files."""
    began = time.monotonic()
    tell(job, "embedding" if job.later else "reading")
    stages = stages_for(settings)
    if job.rerun is not None:
        with Store(settings.data, readonly=True) as store:
            document = store.load_document(job.sha256)
        stages = [s for s in stages if s.name in job.rerun]
        document.problems = [p for p in document.problems
                             if not any(p.startswith(s.name) for s in stages)]
    else:
        document = parse_file(job, settings)
        cap_blocks(document, settings.max_blocks)
    stages = [s for s in stages if is_deferred(s) == job.later]
    if not job.later:
        tell(job, "analysing")
    done = run_stages(document, stages, strict=strict)
    document.finish()
    return WorkResult(document=document, stages=done, pid=os.getpid(),
                      seconds=round(time.monotonic() - began, 3))


def cap_blocks(document: Document, limit: int) -> None:
    """Keep the first `limit` blocks of a document, with a problem saying how many were
    dropped: every block costs analysis and an embedding, and a 600 KB list of 50,000 one-word
    items would hold a worker for many minutes (the `max_blocks` setting)."""
    count = len(document.blocks)
    if limit > 0 and count > limit:
        del document.blocks[limit:]
        document.note_problem(f"only the first {limit} of its {count} blocks are kept (the "
                              "max_blocks setting)")


def is_deferred(stage: Stage) -> bool:
    """A deferred stage runs in a second pass, after the document is stored and indexed, so a
    slow stage (embedding) never delays lexical search of a new batch."""
    return bool(getattr(stage, "deferred", False))


def parse_file(job: Job, settings: Settings) -> Document:
    source = Source(
        path=Path(job.read_from or job.path), sha256=job.sha256, name=job.name, password=job.password,
        kind=job.kind, collection=job.collection, options=ParseOptions.from_settings(settings))
    try:
        return registry.parse(source)
    except InputError:
        raise
    except RecursionError as err:
        raise InputError("structure nested too deeply to read") from err
    except MemoryError as err:
        raise InputError("too large to read within the memory cap") from err
