"""Segments through translation memory, glossary and a route: what the stage and CLI call.

Order per pair: segments without letters are copied; the memory answers what it can (an
approved entry first, else this route's own earlier output); only the rest goes to the engines,
all at once, with glossary terms, names and references behind placeholders (`shield`). The
engine's output gets the pair's known corrections (`postedit`), loses its unknown-word marks,
gets the shielded text back, and every machine segment goes through the quality checks
(`checks`), which set `needs_review` with a reason. The memory key's model version includes
the glossary's fingerprint for the pair, so editing a term retranslates exactly the segments it
could change. The memory (`store.memory`) may be a read-only store's (a worker's): new entries
are written later by the parent from the saved document (`store.memory.remember`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus.memory import Memory
from corpus.model import Translation
from pipeline.settings import DEFAULTS
from pipeline.translate.checks import Checker, Segment
from pipeline.translate.engines import Engine, strip_marks
from pipeline.translate.glossary import _PLACEHOLDER, Glossary, Protected
from pipeline.translate.postedit import PostEdit
from pipeline.translate.router import Route, Router
from pipeline.translate.shield import shield

#: the version of the name rules (`names`, `transliterate`), part of the memory key.
NAMES_VERSION = "2"
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
        ApertiumEngine(data / "cache" / "apertium", marks=True),
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
        postedit: PostEdit | None = None,
        checker: Checker | None = None,
    ) -> None:
        self.router, self.glossary, self.memory = router, glossary, memory
        self.postedit = postedit or PostEdit.load()
        self.checker = checker or Checker()
        self.counts = Counts()

    def translate(
        self,
        texts: Sequence[str],
        source: str,
        target: str,
        people: Mapping[str, Sequence[tuple[int, int]]] | None = None,
    ) -> list[Translation]:
        """One Translation per text, in order; ModelMissing when the pair has no route.

        `people` gives, per text, the spans of person names the entity stage found there.
        """
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
        people = people or {}
        results.update(self._remembered(todo, route, version, people))
        misses = [t for t in todo if t not in results]
        results.update(self._machine(misses, route, version, people))
        return [results[t] for t in texts]

    def model_version(self, route: Route) -> str:
        """The route's model versions, the glossary's and corrections' fingerprints for the
        pair and the version of the name rules: a change to any retranslates."""
        parts = [route.model_version]
        if self.glossary is not None:
            parts.append(f"glossary {self.glossary.fingerprint(route.source, route.target)}")
        parts.append(f"names {NAMES_VERSION}")
        parts.append(f"postedit {self.postedit.fingerprint(route.source, route.target)}")
        return "; ".join(parts)

    def _remembered(
        self, texts: list[str], route: Route, version: str, people: Mapping[str, Any]
    ) -> dict[str, Translation]:
        if self.memory is None or not texts:
            return {}
        hits = self.memory.lookup(texts, route.source, route.target, route.engine, version)
        machine = [t for t in texts if t in hits and not hits[t].approved]
        reasons = self._review(
            [Segment(t, hits[t].text, protected=self._shield(t, route, people).replacements)
             for t in machine], route)
        why = dict(zip(machine, reasons, strict=True))
        found = {}
        for text, hit in hits.items():
            reason = "" if hit.approved else why[text]
            found[text] = Translation(
                route.target, hit.text, hit.engine, hit.model_version,
                None if hit.approved else route.pivot, bool(reason), reason,
            )
            if hit.approved:
                self.counts.approved += 1
            else:
                self.counts.memory += 1
        return found

    def _machine(
        self, texts: list[str], route: Route, version: str, people: Mapping[str, Any]
    ) -> dict[str, Translation]:
        found = {}
        for start in range(0, len(texts), ENGINE_BATCH):
            batch = texts[start : start + ENGINE_BATCH]
            segments = self._through_engine(batch, route, people)
            for segment, reason in zip(segments, self._review(segments, route), strict=True):
                found[segment.source_text] = Translation(
                    route.target, segment.target_text, route.engine, version, route.pivot,
                    bool(reason), reason,
                )
            self.counts.machine += len(batch)
        return found

    def _shield(self, text: str, route: Route, people: Mapping[str, Any]) -> Protected:
        spans = people.get(text, ())
        words = [w for start, end in spans for w in text[start:end].split()]
        lexicon = self.checker.lexicon
        first = lexicon.first_names(words, route.source, route.target) if words else set()
        return shield(text, route.source, route.target, self.glossary, spans, first)

    def _through_engine(
        self, texts: list[str], route: Route, people: Mapping[str, Any]
    ) -> list[Segment]:
        """Shield, translate, correct known defects, drop the marks, put the shielded back."""
        protected = [self._shield(t, route, people) for t in texts]
        outputs = route.translate([p.text for p in protected])
        segments = []
        for text, out, p in zip(texts, outputs, protected, strict=True):
            out = self.postedit.apply(out, route.source, route.target)
            out, marked = strip_marks(out, text)
            out = Glossary.restore(out, p)
            leftover = ["placeholder"] if _PLACEHOLDER.search(out) else []
            segments.append(Segment(text, out, marked, leftover, p.replacements))
        return segments

    def _review(self, segments: list[Segment], route: Route) -> list[str]:
        if not segments:
            return []
        return self.checker.review(segments, route.source, route.target)
