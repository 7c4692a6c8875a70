"""The registry and the parsers' options: parsers declared by name and loaded on first use, no
module of `pipeline.parse` importing another in a circle, nested files handed on through the
registry, and options built once from the settings."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from corpus.errors import ConfigError, InputError
from pipeline.parse import registry
from pipeline.parse.base import DOCX_MEDIA_TYPE, Source
from pipeline.parse.options import OCR_SHARE_OF_DEADLINE, ParseOptions
from pipeline.settings import Settings

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = ROOT / "pipeline" / "parse"
PARSER_MODULES = {spec.partition(":")[0] for spec in registry.DECLARED}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Each module of `pipeline.parse` and the modules of it that it imports, at module level
    or inside a function."""
    modules = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        imported: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                imported |= {f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}"
                             in modules else node.module for alias in node.names}
        graph[name] = {m for m in imported if m in modules and m != name}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle, or None."""
    state: dict[str, int] = {}

    def visit(module: str, path: list[str]) -> list[str] | None:
        state[module] = 1
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                return [*path[path.index(target):], target]
            if target not in state and (found := visit(target, [*path, target])):
                return found
        state[module] = 2
        return None

    return next((c for m in sorted(graph) if m not in state and (c := visit(m, [m]))), None)


def test_no_import_circle_in_the_parse_package() -> None:
    assert _cycle(import_graph()) is None


def test_no_parser_module_imports_another() -> None:
    graph = import_graph()
    assert {m: graph[m] & PARSER_MODULES for m in PARSER_MODULES} == {m: set() for m in
                                                                      PARSER_MODULES}


def test_importing_the_package_loads_no_parser() -> None:
    probe = ("import sys, pipeline.parse; "
             "print(sorted(m for m in sys.modules if m.startswith('pipeline.parse.')))")
    loaded = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout.strip()
    assert loaded == "[]"


def test_declared_parsers_load_once_in_declared_order() -> None:
    names = [type(p).__name__ for p in registry.parsers()[:len(registry.DECLARED)]]
    assert names == [spec.partition(":")[2] for spec in registry.DECLARED]
    assert registry.parsers() is registry.PARSERS


def test_vouched_media_type_nobody_reads_from_memory_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "outer.bin"
    path.write_bytes(b"outer")
    with pytest.raises(InputError, match=r"^unsupported format \(application/pdf\)$"):
        registry.delegate(Source.from_path(path), b"%PDF-1.4", media_type="application/pdf")


def test_delegated_bytes_keep_the_outer_source(tmp_path: Path) -> None:
    path = tmp_path / "outer.docx"
    path.write_bytes(b"outer")
    with pytest.raises(InputError, match="^corrupt DOCX: not a readable zip archive"):
        registry.delegate(Source.from_path(path), b"not a zip", media_type=DOCX_MEDIA_TYPE)


def test_options_from_settings_carry_the_settings_of_the_same_name() -> None:
    settings = Settings(ocr=False, ocr_dpi=150, ocr_languages="kk, ru", convert_timeout=5.0,
                        max_unzipped_mb=7, max_zip_ratio=9.0, deadline=40.0)
    assert ParseOptions.from_settings(settings) == ParseOptions(
        ocr=False, ocr_dpi=150, ocr_languages=("kk", "ru"), convert_timeout=5.0,
        max_unzipped_mb=7, max_zip_ratio=9.0, ocr_budget=40.0 * OCR_SHARE_OF_DEADLINE)


def test_default_options_are_the_default_settings_without_a_budget() -> None:
    defaults = Settings()
    assert ParseOptions.from_settings(defaults) == ParseOptions(
        ocr_budget=defaults.deadline * OCR_SHARE_OF_DEADLINE)


@pytest.mark.parametrize(("field", "value", "says"), [
    ("ocr_dpi", 1200, "ocr_dpi must be between 70 and 600"),
    ("convert_timeout", 0.0, "convert_timeout must be above 0"),
    ("max_zip_ratio", -1.0, "max_zip_ratio must be above 0"),
    ("ocr_budget", 0.0, "ocr_budget must be above 0"),
])
def test_options_that_make_no_sense_are_refused_when_built(
    field: str, value: float, says: str
) -> None:
    with pytest.raises(ConfigError, match=says):
        ParseOptions(**{field: value})  # type: ignore[arg-type]
