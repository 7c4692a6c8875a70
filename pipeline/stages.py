"""Analysis stages, registered by name and composed from settings (as spaCy composes components).

A stage is a small object with a `name`, a `version` and `run(document) -> document`. The
version changes whenever the stage's output would change, so a re-run redoes exactly the stages
whose version differs from the one stored with the document.

Stages are built once per process (models load once per worker, never per document).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from typing import Protocol

from corpus.errors import ConfigError, ModelMissing
from corpus.model import Document
from pipeline.extras import installed
from pipeline.settings import Settings


class Stage(Protocol):
    name: str
    version: str

    def run(self, document: Document) -> Document: ...


StageFactory = Callable[[Settings], Stage]

_FACTORIES: dict[str, StageFactory] = {}

#: the known stages in their order, each with the extra its libraries come from (None: it needs
#: no optional library and is always available). Every stage has one shape: a package
#: `pipeline/<name>/` whose `stage.py` registers its factory under the stage's name; it is
#: imported only when the stage is asked for.
STAGE_EXTRAS: dict[str, str | None] = {
    "language": "nlp",
    "kind": None,
    "minutes": "nlp",
    "entities": "nlp",
    "translate": "translate",
    "embed": "search",
}
STAGE_MODULES: dict[str, str] = {name: f"pipeline.{name}.stage" for name in STAGE_EXTRAS}

#: what each stage reads of the others' output: `kind` and `minutes` read the language (and
#: `minutes` the kind), `translate` and `entities` group blocks by language; `embed` reads the
#: block text only. A stage whose input failed, or was redone after it, is stale.
STAGE_INPUTS: dict[str, tuple[str, ...]] = {
    "language": (),
    "kind": ("language",),
    "minutes": ("language", "kind"),
    "translate": ("language",),
    "entities": ("language",),
    "embed": (),
}


def downstream(names: Iterable[str]) -> set[str]:
    """The stages named and every stage that reads their output, directly or not."""
    found = set(names)
    grown = True
    while grown:
        more = {s for s, inputs in STAGE_INPUTS.items() if found.intersection(inputs)}
        grown = not more <= found
        found |= more
    return found


def stale_stages_of(records: Mapping[str, tuple[str, str]],
                    versions: Mapping[str, str]) -> list[str]:
    """The stages (among `versions`, this program's stage -> version) a document must run
    again, from its records (stage -> (version, when it was done)): those never done or done at
    another version, those whose input (a stage in `versions`) is missing or was done after
    them, and every stage downstream of any of these. In `versions`' order."""
    stale = {n for n, v in versions.items() if records.get(n, ("", ""))[0] != v}
    for name in versions:
        if name not in records:
            continue
        done_at = records[name][1]
        for needed in STAGE_INPUTS.get(name, ()):
            if needed in versions and (needed not in records or records[needed][1] > done_at):
                stale.add(name)
    grown = downstream(stale)
    return [n for n in versions if n in grown]


def register_stage(name: str) -> Callable[[StageFactory], StageFactory]:
    """Register a stage factory under `name`; a second registration is a defect."""

    def decorate(factory: StageFactory) -> StageFactory:
        if name in _FACTORIES and _FACTORIES[name] is not factory:
            raise ConfigError(f"stage {name!r} is registered twice")
        _FACTORIES[name] = factory
        return factory

    return decorate


def available_stages() -> list[str]:
    """The stages whose extra is installed here (see `pipeline.extras`), and those that need
    none."""
    return [name for name, extra in STAGE_EXTRAS.items() if extra is None or installed(extra)]


def stage_factory(name: str) -> StageFactory:
    """The registered factory of a known stage (its module is imported on first use)."""
    importlib.import_module(STAGE_MODULES[name])
    if name not in _FACTORIES:
        raise ConfigError(f"{STAGE_MODULES[name]} registers no stage {name!r}")
    return _FACTORIES[name]


def build_stages(settings: Settings) -> list[Stage]:
    """The stages named in settings, in that order; unknown names are a configuration error."""
    available = set(available_stages())
    stages = []
    for name in settings.stages:
        if name not in STAGE_MODULES:
            raise ConfigError(f"unknown stage {name!r}; known: {', '.join(STAGE_MODULES)}")
        if name in available:
            stages.append(stage_factory(name)(settings))
    return stages


def run_stages(document: Document, stages: list[Stage], strict: bool = False) -> dict[str, str]:
    """Run each stage, recording a failure and going on (per-stage error handler).

    Returns the stage name -> version map of the stages that completed. A missing model or a
    failed stage marks the document partial with the reason; `strict` re-raises instead. A
    stage that reads a failed stage's output is not run (nor recorded as done), so the next
    ingest or `check --repair` runs it again with the failed one.
    """
    done: dict[str, str] = {}
    failed: list[str] = []
    for stage in stages:
        cause = next((f for f in failed if stage.name in downstream([f])), None)
        if cause is not None:
            document.note_problem(f"{stage.name}: not run, since {cause} failed")
            failed.append(stage.name)
            continue
        try:
            document = stage.run(document)
        except ModelMissing as err:
            if strict:
                raise
            document.note_problem(f"{stage.name}: {err}")
            done[stage.name] = stage.version
        except Exception as err:  # noqa: BLE001 - the per-stage error handler records any failure
            if strict:
                raise
            document.note_problem(f"{stage.name} failed: {err}")
            failed.append(stage.name)
        else:
            done[stage.name] = stage.version
    return done
