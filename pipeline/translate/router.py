"""Which engine translates a pair: the best direct one, else a pivot through a shared language.

Defaults: Apertium for ru↔uk and ru↔be (rule-based, but made for those pairs), an argos package
for every other pair it covers; `preferences` (the `engines` setting, `ru-uk=argos`) puts a named
engine first where it has the pair. With no direct engine, a route pivots through one shared
language (English first, then Russian, then any other), possibly across engines, as argos's
`CompositeTranslation` does: the result is recorded as a composite (engines joined by `>`, both
model versions, the pivot language).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from corpus.errors import ConfigError, ModelMissing
from pipeline.translate.engines import Engine, IdentityEngine, Pair, pair_name, strip_marks

APERTIUM_FIRST = frozenset({("ru", "uk"), ("uk", "ru"), ("ru", "be"), ("be", "ru")})
PIVOTS = ("en", "ru")
INSTALL_COMMAND = "sekretar models install FILE.argosmodel"
INSTALL_HINT = f"Install one with: {INSTALL_COMMAND}"


@dataclass(frozen=True)
class Step:
    """One engine translating one pair."""

    engine: Engine
    source: str
    target: str
    version: str


@dataclass(frozen=True)
class Route:
    """How a pair is translated: one step, or two through a pivot language."""

    source: str
    target: str
    steps: tuple[Step, ...]

    @property
    def engine(self) -> str:
        return ">".join(step.engine.name for step in self.steps)

    @property
    def model_version(self) -> str:
        return " > ".join(step.version for step in self.steps)

    @property
    def pivot(self) -> str | None:
        return self.steps[0].target if len(self.steps) > 1 else None

    def translate(self, texts: Sequence[str]) -> list[str]:
        """Each step's output is the next step's input (the whole batch at once)."""
        current = list(texts)
        for n, step in enumerate(self.steps):
            if n:  # a pivot's word marks are not text for the next engine
                current = [strip_marks(text)[0] for text in current]
            current = step.engine.translate(current, step.source, step.target)
        return current

    def describe(self) -> str:
        path = "→".join([self.source, *(step.target for step in self.steps)])
        return f"{path} ({self.engine})"


class Router:
    """Routes for pairs over a fixed set of engines (built once per process)."""

    def __init__(
        self, engines: Sequence[Engine], preferences: dict[Pair, str] | None = None
    ) -> None:
        self.engines = list(engines)
        self.preferences = dict(preferences or {})
        names = {e.name for e in self.engines}
        for pair, name in self.preferences.items():
            if name not in names:
                raise ConfigError(
                    f"engine {name!r} for {pair_name(*pair)} is not one of "
                    f"{', '.join(sorted(names)) or 'none'}"
                )
        self._direct = self._rank(
            {(p, e.name): Step(e, *p, v) for e in self.engines for p, v in e.pairs().items()}
        )

    def _rank(self, steps: dict[tuple[Pair, str], Step]) -> dict[Pair, list[Step]]:
        ranked: dict[Pair, list[Step]] = {}
        for (pair, _), step in steps.items():
            ranked.setdefault(pair, []).append(step)
        return {
            pair: sorted(options, key=partial(self._score, pair))
            for pair, options in ranked.items()
        }

    def _score(self, pair: Pair, step: Step) -> int:
        engine = step.engine.name
        if self.preferences.get(pair) == engine:
            return 0
        if engine == "apertium":
            return 1 if pair in APERTIUM_FIRST else 3
        return 2

    def direct(self) -> dict[Pair, list[Step]]:
        """Every direct pair with its engines, best first."""
        return {pair: list(steps) for pair, steps in sorted(self._direct.items())}

    def route(self, source: str, target: str) -> Route:
        """The best route for a pair; ModelMissing naming the pair when there is none."""
        if source == target:
            return Route(source, target, (Step(IdentityEngine(), source, target, ""),))
        if (source, target) in self._direct:
            return Route(source, target, (self._direct[(source, target)][0],))
        for pivot in self._pivot_order():
            first = self._direct.get((source, pivot))
            second = self._direct.get((pivot, target))
            if first and second:
                return Route(source, target, (first[0], second[0]))
        raise ModelMissing(
            f"A translation package for {pair_name(source, target)}",
            _install_hint(source, target) or INSTALL_HINT + self._pivot_hint(source, target),
        )

    def _pivot_hint(self, source: str, target: str) -> str:
        """Name the one package that would complete a pivot through an installed engine."""
        for pivot in PIVOTS:
            if pivot in (source, target):
                continue
            first, second = self._direct.get((source, pivot)), self._direct.get((pivot, target))
            if first:
                return (
                    f" (a package for {pair_name(pivot, target)} is enough: {source}→{pivot} "
                    f"goes through {first[0].engine.name})"
                )
            if second:
                return (
                    f" (a package for {pair_name(source, pivot)} is enough: {pivot}→{target} "
                    f"goes through {second[0].engine.name})"
                )
        return ""

    def _pivot_order(self) -> list[str]:
        languages = {lang for pair in self._direct for lang in pair}
        return [p for p in PIVOTS if p in languages] + sorted(languages - set(PIVOTS))

    def routes(self) -> list[Route]:
        """Every pair this installation can translate, direct or through a pivot."""
        languages = sorted({lang for pair in self._direct for lang in pair})
        found = []
        for source in languages:
            for target in languages:
                if source != target:
                    try:
                        found.append(self.route(source, target))
                    except ModelMissing:
                        continue
        return found

    def fingerprint(self) -> str:
        """Changes whenever an engine or model is added, removed or upgraded."""
        lines = sorted(
            f"{pair_name(*p)} {s.engine.name} {s.version}"
            for p, steps in self._direct.items()
            for s in steps
        )
        lines += sorted(f"{pair_name(*p)}={name}" for p, name in self.preferences.items())
        return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:10]


def _install_hint(source: str, target: str) -> str:
    if (source, target) in APERTIUM_FIRST:
        package = "apertium-bel-rus" if "be" in (source, target) else "apertium-rus-ukr"
        return (
            f"Install Apertium for it: apt-get install apertium {package} (or an argos "
            f"package: sekretar models install FILE.argosmodel)"
        )
    if "en" in (source, target):
        return ""  # the caller adds the plain hint and a pivot suggestion
    return (
        f"{INSTALL_HINT} (or two packages through English: {pair_name(source, 'en')} and "
        f"{pair_name('en', target)})"
    )


def parse_preferences(text: str) -> dict[Pair, str]:
    """`ru-uk=argos,kk-ru=argos` (the `engines` setting) to {("ru", "uk"): "argos", ...}."""
    from pipeline.translate.engines import parse_pair

    preferences = {}
    for item in filter(None, (part.strip() for part in text.split(","))):
        pair, sep, engine = item.partition("=")
        if not sep or not engine.strip():
            raise ConfigError(f"engine preference {item!r} must look like ru-uk=argos")
        preferences[parse_pair(pair)] = engine.strip()
    return preferences
