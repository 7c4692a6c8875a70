"""All limits and choices, each declared once (as datasette's SETTINGS).

A setting is a field of `Settings`: its name, type, default and help are written there and
nowhere else. The environment (`SEKRETAR_<NAME>` in upper case) overrides the default, and a
CLI flag overrides both; the `SETTINGS` table, the environment names, the conversion of
strings and the CLI help are all derived from the fields.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Final, Literal, TypeVar, get_origin, get_type_hints

from corpus.errors import ConfigError

T = TypeVar("T")

#: where a setting's value came from, weakest first.
Source = Literal["default", "environment", "flag"]
TRUE_WORDS = ("1", "true", "yes", "on")
#: the word in `targets` for "every language an installed engine serves": by default blocks go
#: into Russian, the assembly's working language, and wherever the installation can take them.
SERVED = "installed"


def setting(default: T, help: str) -> T:
    """Declare a `Settings` field with its default and the help every interface shows."""
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    data: Path = setting(Path("sekretar-data"),
                         "archive folder (database, kept files, index, models)")
    workers: int = setting(0, "worker processes for a batch; 0 means one per core")
    deadline: float = setting(120.0, "seconds one file may take before it is stopped and failed")
    start_limit: float = setting(600.0, "seconds a worker may take to start and load its models")
    memory_mb: int = setting(2048, "memory cap of a worker process in MB")
    max_file_mb: int = setting(512, "largest file accepted, in MB")
    max_blocks: int = setting(20000, "most blocks (paragraphs, cells...) kept of one document; "
                              "the rest is dropped and the document marked partial")
    max_unzipped_mb: int = setting(500, "largest total uncompressed size of a DOCX's parts, in MB")
    max_zip_ratio: float = setting(100.0, "highest compression ratio allowed inside a DOCX")
    stages: tuple[str, ...] = setting(("language", "kind", "minutes", "entities", "translate",
                                       "embed"), "analysis stages to run, in this order")
    targets: tuple[str, ...] = setting(
        ("ru", SERVED), f"languages every block is translated into; '{SERVED}' adds each language "
        "an installed engine translates the block's language into")
    embedding: bool = setting(True, "compute multilingual embeddings for cross-language search")
    threads: int = setting(2, "threads a translation or embedding engine may use")
    beam_size: int = setting(2, "beam size for neural translation")
    device: str = setting("cpu", "CTranslate2 device for neural translation: cpu, cuda or auto")
    engines: str = setting("", "translation engine per pair, overriding the defaults: "
                               "ru-uk=argos,...")
    glossary: str = setting("", "glossary file to protect terms with (empty: the assembly's own)")
    embed_model: str = setting("e5-small", "multilingual embedding model: e5-small or use-m3")
    embed_max_tokens: int = setting(
        0, "tokens of each block the embedding model reads (0: every word)"
    )
    roster: str = setting("", "delegate roster file (CSV/TSV) the minutes stage links speakers to")
    ocr: bool = setting(True, "read scanned pages, garbage PDF text layers and images by OCR")
    ocr_dpi: int = setting(300, "resolution PDF pages are rendered at for OCR (70-600)")
    ocr_languages: str = setting("", "OCR languages, e.g. uk or kk,ru (empty: from the document, "
                                     "else Russian plus English; English is always added)")
    ocr_page_timeout: float = setting(180.0, "seconds Tesseract may spend on one page")
    convert_timeout: float = setting(90.0, "seconds LibreOffice may take to convert a .doc, "
                                           ".rtf or .odt")

    def with_overrides(self, **values: Any) -> Settings:
        """A copy with the given values (None means keep), converted like environment values."""
        given = {k: _convert(k, v) for k, v in values.items() if v is not None}
        return replace(self, **given)

    @property
    def worker_count(self) -> int:
        return self.workers or max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Setting:
    """One row of the table derived from a `Settings` field."""

    name: str
    kind: type
    default: Any
    help: str

    @property
    def env(self) -> str:
        """The environment variable that overrides the default."""
        return f"SEKRETAR_{self.name.upper()}"


def _table() -> tuple[Setting, ...]:
    # the annotations are strings (postponed evaluation); resolve them to the declared types
    types = get_type_hints(Settings)
    return tuple(Setting(f.name, _kind(types[f.name]), f.default, f.metadata["help"])
                 for f in fields(Settings))


def _kind(annotation: Any) -> type:
    """The class a value of this annotation has: `tuple[str, ...]` is a tuple."""
    return get_origin(annotation) or annotation


SETTINGS: tuple[Setting, ...] = _table()
_BY_NAME: Final = {s.name: s for s in SETTINGS}
#: every default, for module constants that must agree with the table.
DEFAULTS: Final = Settings()


def declared(name: str) -> Setting:
    """The declaration of setting `name`; an unknown name is a configuration error."""
    if name not in _BY_NAME:
        raise ConfigError(f"unknown setting {name!r}")
    return _BY_NAME[name]


def _convert(name: str, value: Any) -> Any:
    """A value of the declared type from a string (the environment, a flag) or a value."""
    kind = declared(name).kind
    if kind is tuple:
        items = value.split(",") if isinstance(value, str) else list(value)
        return tuple(s.strip() for s in items if s.strip())
    if kind is bool and isinstance(value, str):
        return value.strip().lower() in TRUE_WORDS
    try:
        return kind(value)
    except (TypeError, ValueError) as err:
        raise ConfigError(f"setting {name} must be a {kind.__name__}, got {value!r}") from err


def shown(value: Any) -> str:
    """A value written as the environment would give it: `ru,en`, `true`, `120`."""
    if isinstance(value, tuple | list):
        return ",".join(value)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def environment_values(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The settings the environment gives, by name, as the strings it holds."""
    env = os.environ if environ is None else environ
    return {s.name: env[s.env] for s in SETTINGS if s.env in env}


def load_settings(environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """Defaults, then `SEKRETAR_*` environment variables, then explicit overrides."""
    from_env = environment_values(environ)
    return Settings().with_overrides(**from_env).with_overrides(**overrides)


def setting_sources(environ: Mapping[str, str] | None = None,
                    **overrides: Any) -> dict[str, Source]:
    """Where each setting `load_settings(environ, **overrides)` returns came from."""
    from_env = environment_values(environ)
    return {s.name: "flag" if overrides.get(s.name) is not None
            else "environment" if s.name in from_env else "default"
            for s in SETTINGS}


def describe_settings(environ: Mapping[str, str] | None = None,
                      **overrides: Any) -> list[dict[str, Any]]:
    """Each setting in declared order with its value, default, source, environment name and
    help: the stable JSON of `sekretar settings --json` (paths as strings, tuples as lists)."""
    settings = load_settings(environ, **overrides)
    sources = setting_sources(environ, **overrides)
    return [{"name": s.name, "value": _plain(getattr(settings, s.name)),
             "default": _plain(s.default), "source": sources[s.name], "env": s.env,
             "help": s.help}
            for s in SETTINGS]


def _plain(value: Any) -> Any:
    """A setting's value as JSON holds it."""
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, tuple):
        return list(value)
    return value
