"""What runs inside a batch worker process: parse one file and run the analysis stages.

Workers never write to the store; they return the finished `Document` to the parent. Stages
(and the models behind them) are built once per worker process and reused for every file.
"""

from __future__ import annotations

import os
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
    session: str | None = None
    password: str | None = None
    rerun: list[str] | None = None
    #: True for the second pass over a stored document: only the deferred stages (those with
    #: `deferred = True`, such as `embed`), run after the first pass was stored and indexed.
    later: bool = False


@dataclass
class WorkResult:
    document: Document
    stages: dict[str, str] = field(default_factory=dict)
    pid: int = 0


_STAGES: dict[tuple[str, ...], list[Stage]] = {}


def stages_for(settings: Settings) -> list[Stage]:
    """Build the stages once per process (models load once, not per document)."""
    key = settings.stages
    if key not in _STAGES:
        _STAGES[key] = build_stages(settings)
    return _STAGES[key]


def warm_up(settings: Settings) -> None:
    """Worker start-up (the pool's initializer): build the stages and let each load its models
    now, so loading counts against no file's deadline. A stage without `warm` loads lazily;
    a failure here is left for the first document to record."""
    from pipeline.embed.models import allow_threads

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
    stages = stages_for(settings)
    if job.rerun is not None:
        with Store(settings.data, readonly=True) as store:
            document = store.load_document(job.sha256)
        stages = [s for s in stages if s.name in job.rerun]
        document.problems = [p for p in document.problems
                             if not any(p.startswith(s.name) for s in stages)]
    else:
        document = parse_file(job, settings)
    stages = [s for s in stages if is_deferred(s) == job.later]
    done = run_stages(document, stages, strict=strict)
    document.finish()
    return WorkResult(document=document, stages=done, pid=os.getpid())


def is_deferred(stage: Stage) -> bool:
    """A deferred stage runs in a second pass, after the document is stored and indexed, so a
    slow stage (embedding) never delays lexical search of a new batch."""
    return bool(getattr(stage, "deferred", False))


def parse_file(job: Job, settings: Settings) -> Document:
    source = Source(
        path=Path(job.path), sha256=job.sha256, name=job.name, password=job.password,
        kind=job.kind, session=job.session, options=ParseOptions.from_settings(settings))
    try:
        return registry.parse(source)
    except InputError:
        raise
    except RecursionError as err:
        raise InputError("structure nested too deeply to read") from err
    except MemoryError as err:
        raise InputError("too large to read within the memory cap") from err
