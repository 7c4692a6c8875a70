"""Segments through translation memory, glossary and a route: what the stage and CLI call.

Order per pair: segments without letters are copied; the memory answers what it can (an
approved entry first, else this route's own earlier output); only the rest goes to the engines,
all at once, with glossary terms behind placeholders. The memory key's model version includes
the glossary's fingerprint for the pair, so editing a term retranslates exactly the segments it
could change. The memory (`store.memory`) may be a read-only store's (a worker's): new entries
are written later by the parent from the saved document (`store.memory.remember`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus.memory import Memory
from corpus.model import Translation
from pipeline.settings import DEFAULTS
from pipeline.translate.engines import Engine
from pipeline.translate.glossary import Glossary
from pipeline.translate.router import Route, Router

#: segments sent to an engine in one call; bounds memory on very long documents.
ENGINE_BATCH = 2000


@dataclass
class Counts:
    """What happened to the segments of one or more calls."""

    machine: int = 0
    memory: int = 0
    approved: int = 0
    copied: int = 0

    def as_dict(self) -> dict[str, int]:
        return {
            "machine": self.machine,
            "memory": self.memory,
            "approved": self.approved,
            "copied": self.copied,
        }


def build_router(
    data: Path,
    threads: int = DEFAULTS.threads,
    beam_size: int = DEFAULTS.beam_size,
    device: str = DEFAULTS.device,
    preferences: str = DEFAULTS.engines,
) -> Router:
    """Every engine installed for this archive, behind one router."""
    from pipeline.translate.apertium import ApertiumEngine
    from pipeline.translate.argos import ArgosEngine
    from pipeline.translate.router import parse_preferences

    engines: list[Engine] = [
        ApertiumEngine(data / "cache" / "apertium"),
        ArgosEngine(data / "models", threads=threads, beam_size=beam_size, device=device),
    ]
    return Router(engines, parse_preferences(preferences))


def router_for(settings: Any) -> Router:
    """The router for an archive's settings (`engines` and `device` when the table has them)."""
    return build_router(
        Path(settings.data),
        settings.threads,
        settings.beam_size,
        getattr(settings, "device", "cpu"),
        getattr(settings, "engines", ""),
    )


class SegmentTranslator:
    """Translates lists of segments for any pair the router knows, counting what it did."""

    def __init__(
        self,
        router: Router,
        glossary: Glossary | None = None,
        memory: Memory | None = None,
    ) -> None:
        self.router, self.glossary, self.memory = router, glossary, memory
        self.counts = Counts()

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[Translation]:
        """One Translation per text, in order; ModelMissing when the pair has no route."""
        route = self.router.route(source, target)
        version = self.model_version(route)
        results: dict[str, Translation] = {}
        todo = []
        for text in dict.fromkeys(texts):
            if source == target or not any(c.isalpha() for c in text):
                results[text] = Translation(target, text, "identity")
                self.counts.copied += 1
            else:
                todo.append(text)
        results.update(self._remembered(todo, route, version))
        misses = [t for t in todo if t not in results]
        results.update(self._machine(misses, route, version))
        return [results[t] for t in texts]

    def model_version(self, route: Route) -> str:
        """The route's model versions plus the glossary's fingerprint for the pair."""
        if self.glossary is None:
            return route.model_version
        fingerprint = self.glossary.fingerprint(route.source, route.target)
        return f"{route.model_version}; glossary {fingerprint}"

    def _remembered(self, texts: list[str], route: Route, version: str) -> dict[str, Translation]:
        if self.memory is None or not texts:
            return {}
        hits = self.memory.lookup(texts, route.source, route.target, route.engine, version)
        found = {}
        for text, hit in hits.items():
            found[text] = Translation(
                route.target,
                hit.text,
                hit.engine,
                hit.model_version,
                None if hit.approved else route.pivot,
                False if hit.approved else self._lost(text, hit.text, route),
            )
            if hit.approved:
                self.counts.approved += 1
            else:
                self.counts.memory += 1
        return found

    def _machine(self, texts: list[str], route: Route, version: str) -> dict[str, Translation]:
        found = {}
        for start in range(0, len(texts), ENGINE_BATCH):
            batch = texts[start : start + ENGINE_BATCH]
            outputs = self._through_glossary(batch, route)
            for text, out in zip(batch, outputs, strict=True):
                found[text] = Translation(
                    route.target,
                    out,
                    route.engine,
                    version,
                    route.pivot,
                    self._lost(text, out, route),
                )
            self.counts.machine += len(batch)
        return found

    def _through_glossary(self, texts: list[str], route: Route) -> list[str]:
        if self.glossary is None:
            return route.translate(texts)
        protected = [self.glossary.protect(t, route.source, route.target) for t in texts]
        outputs = route.translate([p.text for p in protected])
        return [self.glossary.restore(out, p) for out, p in zip(outputs, protected, strict=True)]

    def _lost(self, source_text: str, target_text: str, route: Route) -> bool:
        if self.glossary is None:
            return False
        return bool(self.glossary.lost_terms(source_text, target_text, route.source, route.target))
