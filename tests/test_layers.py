"""The building's floors: every import inside cleanbody points down (or along its own floor), there
is no import cycle, and the private rooms stay private. Read from the source with ``ast``, so a
violation fails here, with the offending import named, before anyone has to draw the graph."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "cleanbody"
#: Bottom up; a module may import its own floor and the floors below.
FLOORS = (
    ("cleanbody.tokens", "cleanbody.vocabulary", "cleanbody.config", "cleanbody.readers"),
    ("cleanbody.document",),
    ("cleanbody.text",),
    ("cleanbody.model",),
    ("cleanbody.input", "cleanbody.rules"),
    ("cleanbody.html",),
    ("cleanbody.pipeline",),
    ("cleanbody._api",),
    ("cleanbody.batch", "cleanbody.spark", "cleanbody.datatrove"),
    ("cleanbody.cli", "cleanbody.__main__", "cleanbody"),
)


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every cleanbody module *path* imports, TYPE_CHECKING and function-level imports included."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("cleanbody"):
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names if _is_module(f"{node.module}.{a.name}"))
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("cleanbody"))
    return found


def _is_module(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


MODULES = {_name(p): _imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


def _floor(module: str) -> int:
    best = max(
        (prefix for floor in FLOORS for prefix in floor if module == prefix or module.startswith(prefix + ".")),
        key=len,
    )
    return next(i for i, floor in enumerate(FLOORS) if best in floor)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_down(module: str) -> None:
    up = sorted(m for m in MODULES[module] if _floor(m) > _floor(module))
    assert up == [], f"{module} (floor {_floor(module)}) imports from above: {up}"


def test_no_import_cycle() -> None:
    def visit(module: str, path: tuple[str, ...]) -> None:
        if module in path:
            raise AssertionError(" -> ".join((*path[path.index(module) :], module)))
        if module in done:
            return
        for other in sorted(MODULES.get(module, ())):
            if other != module and not module.startswith(other + "."):  # a package's face is not a cycle
                visit(other, (*path, module))
        done.add(module)

    done: set[str] = set()
    for module in sorted(MODULES):
        visit(module, ())


def test_rule_internals_stay_inside_rules() -> None:
    outside = {
        m: sorted(i for i in imports if i.startswith("cleanbody.rules._"))
        for m, imports in MODULES.items()
        if not m.startswith("cleanbody.rules")
    }
    assert {m: i for m, i in outside.items() if i} == {}


@pytest.mark.parametrize(
    "module", sorted(m for m in MODULES if m.startswith(("cleanbody.rules.text.", "cleanbody.rules.dom.")))
)
def test_no_rule_module_imports_another(module: str) -> None:
    others = sorted(i for i in MODULES[module] if i.startswith(("cleanbody.rules.text", "cleanbody.rules.dom")))
    assert others == [], f"{module} imports {others}: move the shared recogniser to rules/_shapes or a sibling"


def test_only_extract_imports_trafilatura() -> None:
    users = sorted(
        _name(p)
        for p in PACKAGE.rglob("*.py")
        if any(
            isinstance(n, (ast.Import, ast.ImportFrom))
            and any((getattr(n, "module", None) or a.name).startswith("trafilatura") for a in getattr(n, "names", []))
            for n in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        )
    )
    assert users == ["cleanbody.html.extract"]
