"""All limits and choices in one declared table (as datasette's SETTINGS).

Each setting has a name, a default and help. The environment (`SEKRETAR_<NAME>` in upper case)
overrides the default, and a CLI flag overrides both.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from corpus.errors import ConfigError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("data", "sekretar-data", "archive folder (database, kept files, index, models)"),
    Setting("workers", 0, "worker processes for a batch; 0 means one per core"),
    Setting("deadline", 120.0, "seconds one file may take before it is stopped and failed"),
    Setting("start_limit", 600.0, "seconds a worker may take to start and load its models"),
    Setting("memory_mb", 2048, "memory cap of a worker process in MB"),
    Setting("max_file_mb", 512, "largest file accepted, in MB"),
    Setting("max_unzipped_mb", 500, "largest total uncompressed size of a DOCX's parts, in MB"),
    Setting("max_zip_ratio", 100.0, "highest compression ratio allowed inside a DOCX"),
    Setting("stages", "language,minutes,translate,entities,embed", "analysis stages to run"),
    Setting("targets", "ru,en", "languages every block is translated into"),
    Setting("embedding", True, "compute multilingual embeddings for cross-language search"),
    Setting("threads", 2, "threads a translation or embedding engine may use"),
    Setting("beam_size", 2, "beam size for neural translation"),
    Setting("device", "cpu", "CTranslate2 device for neural translation: cpu, cuda or auto"),
    Setting("engines", "", "translation engine per pair, overriding the defaults: ru-uk=argos,..."),
    Setting("glossary", "", "glossary file to protect terms with (empty: the assembly's own)"),
    Setting("embed_model", "e5-small", "multilingual embedding model: e5-small or use-m3"),
    Setting("embed_max_tokens", 128, "tokens of a block the embedding model reads (0: all)"),
    Setting("roster", "", "delegate roster file (CSV/TSV) the minutes stage links speakers to"),
    Setting("ocr", True, "read scanned pages, garbage PDF text layers and images by OCR"),
    Setting("ocr_dpi", 300, "resolution PDF pages are rendered at for OCR (70-600)"),
    Setting("ocr_languages", "", "OCR languages, e.g. uk or kk,ru (empty: from the document, "
            "else Russian plus English; English is always added)"),
    Setting("ocr_page_timeout", 180.0, "seconds Tesseract may spend on one page"),
    Setting("convert_timeout", 90.0, "seconds LibreOffice may take to convert a .doc, .rtf or .odt"),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Settings:
    data: Path = Path("sekretar-data")
    workers: int = 0
    deadline: float = 120.0
    start_limit: float = 600.0
    memory_mb: int = 2048
    max_file_mb: int = 512
    max_unzipped_mb: int = 500
    max_zip_ratio: float = 100.0
    stages: tuple[str, ...] = ("language", "minutes", "translate", "entities", "embed")
    targets: tuple[str, ...] = ("ru", "en")
    embedding: bool = True
    threads: int = 2
    beam_size: int = 2
    device: str = "cpu"
    engines: str = ""
    glossary: str = ""
    embed_model: str = "e5-small"
    embed_max_tokens: int = 128
    roster: str = ""
    ocr: bool = True
    ocr_dpi: int = 300
    ocr_languages: str = ""
    ocr_page_timeout: float = 180.0
    convert_timeout: float = 90.0

    def with_overrides(self, **values: Any) -> Settings:
        """A copy with the given values (None means keep), converted like environment values."""
        given = {k: _convert(k, v) for k, v in values.items() if v is not None}
        return replace(self, **given)

    @property
    def worker_count(self) -> int:
        return self.workers or max(1, os.cpu_count() or 1)


def _convert(name: str, value: Any) -> Any:
    if name not in _BY_NAME:
        raise ConfigError(f"unknown setting {name!r}")
    kind = type(_BY_NAME[name].default)
    if name == "data":
        return Path(value)
    if name in ("stages", "targets"):
        items = value.split(",") if isinstance(value, str) else list(value)
        return tuple(s.strip() for s in items if s.strip())
    if kind is bool and isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    try:
        return kind(value)
    except (TypeError, ValueError) as err:
        raise ConfigError(f"setting {name} must be a {kind.__name__}, got {value!r}") from err


def load_settings(environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
    """Defaults, then `SEKRETAR_*` environment variables, then explicit overrides."""
    env = os.environ if environ is None else environ
    from_env = {
        f.name: env[f"SEKRETAR_{f.name.upper()}"]
        for f in fields(Settings)
        if f"SEKRETAR_{f.name.upper()}" in env
    }
    return Settings().with_overrides(**from_env).with_overrides(**overrides)
