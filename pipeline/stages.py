"""Analysis stages, registered by name and composed from settings (as spaCy composes components).

A stage is a small object with a `name`, a `version` and `run(document) -> document`. The
version changes whenever the stage's output would change, so a re-run redoes exactly the stages
whose version differs from the one stored with the document.

Stages are built once per process (models load once per worker, never per document).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
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
    failed stage marks the document partial with the reason; `strict` re-raises instead.
    """
    done: dict[str, str] = {}
    for stage in stages:
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
        else:
            done[stage.name] = stage.version
    return done
