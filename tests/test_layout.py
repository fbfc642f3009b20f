"""The package's shape: imports go one way down the pipeline, never in a circle; modules stay small.

Read from the source with `ast` (nothing is imported), so a lazy import inside a
function counts as much as one at the top of a module.
"""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "depesche"

# Top to bottom: a unit (a folder, or a module at the top of the package) may import
# itself and any unit below it, never one above it.
LAYERS = ("commands", "build", "site", "feeds", "enrich", "topics", "clean", "read", "paths", "model config")
RANK = {unit: rank for rank, names in enumerate(LAYERS) for unit in names.split()}
MAX_MODULE_LINES = 250
MAX_FUNCTION_LINES = 50


def module_name(path: Path) -> str:
    parts = ("depesche",) + path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that the module `name` imports, anywhere in its code."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
        else:
            continue
        found |= {target for target in targets if target in known and target != name}
    return found


def import_graph() -> dict[str, set[str]]:
    found = modules()
    return {name: imported(name, path, set(found)) for name, path in found.items()}


def unit(name: str) -> str:
    return name.split(".")[1] if "." in name else ""


def test_every_module_has_a_place_in_the_layers() -> None:
    assert {unit(name) for name in modules()} - {""} <= set(RANK)


def test_imports_go_down_the_layers() -> None:
    against = [f"{name} imports {target}" for name, targets in import_graph().items() for target in sorted(targets)
               if unit(name) and unit(target) != unit(name) and RANK[unit(target)] <= RANK[unit(name)]]
    assert against == []


def circle(graph: dict[str, set[str]]) -> list[str]:
    """One circle of imports, as the modules along it, or [] if there is none."""
    state: dict[str, str] = {}  # module -> "open" while its imports are followed, "done" after

    def visit(name: str, trail: list[str]) -> list[str]:
        state[name] = "open"
        for target in sorted(graph[name]):
            if state.get(target) == "open":
                return trail[trail.index(target):] + [name, target] if target in trail else [name, target]
            if target not in state and (found := visit(target, trail + [name])):
                return found
        state[name] = "done"
        return []

    for name in sorted(graph):
        if name not in state and (found := visit(name, [])):
            return found
    return []


def test_no_import_circle() -> None:
    assert circle(import_graph()) == []


def test_the_circle_check_finds_a_circle() -> None:
    assert circle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert circle({"a": {"b"}, "b": set()}) == []


def test_modules_and_functions_stay_short() -> None:
    too_long = []
    for name, path in modules().items():
        source = path.read_text(encoding="utf-8")
        if len(source.splitlines()) > MAX_MODULE_LINES:
            too_long.append(f"{name}: {len(source.splitlines())} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{name}.{node.name}: {length} lines")
    assert too_long == []
