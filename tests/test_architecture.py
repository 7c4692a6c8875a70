"""The rules of the code's layout, checked on every run (a forbidden arrow fails the build).

- `corpus` (the store and the object model) imports nothing else of the project;
- `index` (search) never imports `pipeline`;
- nothing outside `corpus` runs SQL (no sqlite3, no `.execute`, no raw `.conn`);
- the web layer reads only through library calls (`pipeline.wiring`, `corpus`, `index`);
- no import circles between modules;
- no module over 400 lines.

Imports are read from the source with `ast`, those inside functions included (a lazy import is
still an arrow); imports under `if TYPE_CHECKING:` are left out, since they never run.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("corpus", "index", "pipeline")
#: code that is not a package of the project but follows the same rules on SQL.
OTHER_CODE = ("bench", "scripts")
MAX_LINES = 400
SQL_CALLS = frozenset({"execute", "executemany", "executescript"})


@dataclass(frozen=True)
class Module:
    name: str
    path: Path
    tree: ast.Module


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules(folders: tuple[str, ...]) -> list[Module]:
    found = []
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text("utf-8"), str(path))
            found.append(Module(_module_name(path), path, tree))
    return found


MODULES = _modules(PACKAGES)
NAMES = {m.name for m in MODULES}


def _runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node except those under `if TYPE_CHECKING:`."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            yield from (n for branch in node.orelse for n in [branch, *_runtime_nodes(branch)])
            continue
        yield node
        yield from _runtime_nodes(node)


def _package_of(module: Module) -> str:
    return module.name if module.path.name == "__init__.py" else module.name.rpartition(".")[0]


def imports_of(module: Module) -> set[str]:
    """The project's modules `module` imports (a `from X import y` names X.y when that is a
    module, else X)."""
    found: set[str] = set()
    for node in _runtime_nodes(module.tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] in PACKAGES)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = _package_of(module).split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            if base.split(".")[0] not in PACKAGES:
                continue
            for alias in node.names:
                child = f"{base}.{alias.name}"
                found.add(child if child in NAMES else base)
    found.discard(module.name)
    return found


GRAPH = {m.name: imports_of(m) for m in MODULES}


def _top(name: str) -> str:
    return name.split(".")[0]


def _arrows(source: str, target: str) -> list[str]:
    return sorted(
        f"{name} -> {dep}"
        for name, deps in GRAPH.items()
        if name == source or name.startswith(source + ".")
        for dep in deps
        if dep == target or dep.startswith(target + ".")
    )


def test_the_graph_reads_the_real_imports() -> None:
    """A guard against a rule passing because nothing was read."""
    assert len(MODULES) > 100
    assert "corpus.model" in GRAPH["corpus.store"]
    assert "pipeline.parse.base" in GRAPH["pipeline.parse.pdf.parser"]


def test_corpus_imports_nothing_else_of_ours() -> None:
    outside = sorted(
        f"{name} -> {dep}"
        for name, deps in GRAPH.items()
        if _top(name) == "corpus"
        for dep in deps
        if _top(dep) != "corpus"
    )
    assert outside == []


def test_index_never_imports_pipeline() -> None:
    assert _arrows("index", "pipeline") == []


def test_the_web_layer_reads_only_through_library_calls() -> None:
    allowed = ("pipeline.web", "pipeline.wiring", "pipeline.extras", "corpus", "index")
    wrong = sorted(
        f"{name} -> {dep}"
        for name, deps in GRAPH.items()
        if name.startswith("pipeline.web")
        for dep in deps
        if not any(dep == a or dep.startswith(a + ".") for a in allowed)
    )
    assert wrong == []


def _sql_uses(module: Module) -> Iterator[str]:
    for node in _runtime_nodes(module.tree):
        where = f"{module.path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
            if any(n.split(".")[0] == "sqlite3" for n in names):
                yield f"{where} imports sqlite3"
        elif isinstance(node, ast.Attribute) and node.attr == "conn":
            yield f"{where} uses a raw connection (.conn)"
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr in SQL_CALLS):
            yield f"{where} runs SQL (.{node.func.attr})"


def test_nothing_outside_corpus_runs_sql() -> None:
    code = [m for m in MODULES if _top(m.name) != "corpus"] + _modules(OTHER_CODE)
    assert [use for m in code for use in _sql_uses(m)] == []


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next((c for c in children if c in graph), None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        top = stack.pop()
                        on_stack.discard(top)
                        component.append(top)
                        if top == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph[child]))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return found


def test_the_cycle_finder_finds_a_circle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_circles() -> None:
    assert _cycles(GRAPH) == []


@pytest.mark.parametrize("folder", [*PACKAGES, *OTHER_CODE, "tests"])
def test_no_module_over_400_lines(folder: str) -> None:
    long = sorted(
        f"{path.relative_to(ROOT)}: {n} lines"
        for path in (ROOT / folder).rglob("*.py")
        if (n := len(path.read_text("utf-8").splitlines())) > MAX_LINES
    )
    assert long == []
