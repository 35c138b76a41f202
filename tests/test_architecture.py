"""The rooms and the arrows between them (ARCHITECTURE.md), checked from the source.

Imports are read with `ast`, never by importing: an import at module level runs when the
module is imported; one under `if TYPE_CHECKING:` never runs; one inside a function runs when
the function does. Layering counts all three (a function-level import is still a
dependency); a cycle counts only the imports that run at import time, which is where Python
would trip over one. Two stricter checks: the rooms depend on one another one way only, and
the storage room has no cycle at any level.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import sciapp

PACKAGE = Path(sciapp.__file__).parent
MAX_LINES = 400


@dataclass(frozen=True)
class Import:
    source: str  # the importing module
    target: str  # what it names: a module of ours, or the first part of anyone else's
    line: int
    when: str  # "module" (at import time), "typing" (under TYPE_CHECKING) or "function"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _ours(name: str) -> str | None:
    """The module of ours `name` names (a submodule, else its package), or None."""
    known = modules()
    while name:
        if name in known:
            return name
        name = name.rpartition(".")[0]
    return None


def _targets(node: ast.Import | ast.ImportFrom, package: str) -> Iterable[str]:
    if isinstance(node, ast.Import):
        for alias in node.names:
            yield alias.name
        return
    base = node.module or ""
    if node.level:
        parts = package.split(".")[: len(package.split(".")) - (node.level - 1)]
        base = ".".join([*parts, base] if base else parts)
    for alias in node.names:  # `from sciapp.storage import schema` names a module
        yield f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules() else base


def _is_type_checking(test: ast.expr) -> bool:
    return "TYPE_CHECKING" in ast.unparse(test)


def imports_in(text: str, source: str, package: str) -> list[Import]:
    """The imports in `text`, the code of module `source` (in `package`, for relative ones)."""
    found: list[Import] = []

    def visit(node: ast.AST, when: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import | ast.ImportFrom):
                for target in _targets(child, package):
                    name = _ours(target) or target.split(".")[0]
                    found.append(Import(source, name, child.lineno, when))
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                visit(child, "function")
            elif isinstance(child, ast.If) and _is_type_checking(child.test):
                for part in child.body:
                    visit(ast.Module(body=[part], type_ignores=[]), "typing")
                for part in child.orelse:
                    visit(ast.Module(body=[part], type_ignores=[]), when)
            else:
                visit(child, when)

    visit(ast.parse(text), "module")
    return found


@cache
def imports_of(source: str) -> tuple[Import, ...]:
    path = modules()[source]
    package = source if path.name == "__init__.py" else source.rpartition(".")[0]
    return tuple(imports_in(path.read_text(encoding="utf-8"), source, package))


def all_imports() -> list[Import]:
    return [found for name in modules() for found in imports_of(name)]


def _within(name: str, room: str) -> bool:
    return name == room or name.startswith(room + ".")


def _shown(found: Iterable[Import]) -> list[str]:
    return sorted(f"{i.source}:{i.line} imports {i.target} ({i.when})" for i in found)


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one node (Tarjan), and self-loops."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1 or node in edges.get(node, ()):
                groups.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            connect(node)
    return groups


def _graph(found: Iterable[Import], key: Callable[[str], str] = str) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for i in found:
        if i.target in modules() and i.target != i.source:
            source, target = key(i.source), key(i.target)
            if source != target:
                edges.setdefault(source, set()).add(target)
    return edges


def room(name: str) -> str:
    """The package a module lives in (sciapp.gui, sciapp.storage …), or the top-level
    module itself (sciapp.config, sciapp.files …)."""
    return ".".join(name.split(".")[:2])


# -- (a) size ---------------------------------------------------------------------------------


def test_no_module_is_over_400_lines():
    long = {
        str(path.relative_to(PACKAGE.parent)): count
        for path in modules().values()
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}, f"split these by what they hold: {long}"


# -- (b) cycles -------------------------------------------------------------------------------


def test_no_import_cycle_at_import_time():
    assert _cycles(_graph(i for i in all_imports() if i.when == "module")) == []


def test_no_module_cycle_at_any_level():
    """No two modules need each other, counting function-level and type-only imports too: a
    part that needs its holder takes a Protocol or a base declared below it (gui/app_window,
    gui/meetings/live_host, gui/meetings/editor_host, reports/sources, pdf/tagging.Taggable)."""
    assert _cycles(_graph(all_imports())) == []


def test_the_rooms_depend_on_each_other_one_way():
    """Counting every import, function-level ones too: the arrows point down."""
    assert _cycles(_graph(all_imports(), key=room)) == []


def test_storage_has_no_cycle_at_any_level():
    inside = [i for i in all_imports() if _within(i.source, "sciapp.storage")]
    assert _cycles(_graph(i for i in inside if _within(i.target, "sciapp.storage"))) == []


SHARED_SERVICES = ("sciapp.services.errors", "sciapp.services.changes", "sciapp.services.clock")


def _area(name: str) -> str:
    """A module's services area (sciapp.services.partnerships …) or top module."""
    return ".".join(name.split(".")[:3])


def test_no_services_area_has_a_cycle_at_any_level():
    """Counting function-level and TYPE_CHECKING imports too: inside each area the modules
    point one way (a result type lives in the area's records.py, the clock in clock.py)."""
    inside = [
        i
        for i in all_imports()
        if _within(i.source, "sciapp.services") and _area(i.source) == _area(i.target)
    ]
    assert _cycles(_graph(inside)) == []


def test_the_shared_services_modules_use_no_area():
    """errors, changes and the clock sit under every area and reach none of them."""
    found = [
        i
        for i in all_imports()
        if i.source in SHARED_SERVICES
        and _within(i.target, "sciapp.services")
        and i.target not in SHARED_SERVICES
    ]
    assert _shown(found) == []


def test_the_cycle_check_finds_a_cycle():
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(edges) == [["a", "b", "c"]]


# -- (c) layering -----------------------------------------------------------------------------


def _breaking(
    rooms: tuple[str, ...], forbidden: tuple[str, ...], when: tuple[str, ...] | None = None
) -> list[str]:
    return _shown(
        i
        for i in all_imports()
        if any(_within(i.source, r) for r in rooms)
        and any(_within(i.target, f) for f in forbidden)
        and (when is None or i.when in when)
    )


def test_the_domain_imports_nothing_of_ours_but_itself():
    found = [
        i
        for i in all_imports()
        if _within(i.source, "sciapp.domain")
        and _within(i.target, "sciapp")
        and not _within(i.target, "sciapp.domain")
    ]
    assert _shown(found) == []


def test_the_domain_has_no_qt_and_no_sql():
    assert _breaking(("sciapp.domain",), ("PySide6", "sqlalchemy", "alembic")) == []


def test_storage_services_pdf_and_the_demo_know_no_qt_gui_or_cli():
    rooms = ("sciapp.storage", "sciapp.services", "sciapp.pdf", "sciapp.demo")
    assert _breaking(rooms, ("PySide6", "sciapp.gui", "sciapp.cli")) == []


def test_the_gui_reaches_data_only_through_the_services():
    assert _breaking(("sciapp.gui",), ("sqlalchemy", "alembic", "sciapp.storage")) == []


def test_the_demo_is_seeded_through_the_services():
    assert _breaking(("sciapp.demo",), ("sqlalchemy", "sciapp.storage")) == []


def test_the_cli_imports_no_storage_or_sql_at_module_level():
    forbidden = ("sqlalchemy", "alembic", "sciapp.storage")
    assert _breaking(("sciapp.cli",), forbidden, when=("module", "typing")) == []


def test_the_reader_tells_when_each_import_runs():
    code = """
from typing import TYPE_CHECKING
import sqlalchemy.orm
from sciapp.storage import schema
from . import changes
if TYPE_CHECKING:
    from sciapp.storage.database import Database
else:
    import os
def later():
    from sciapp.storage.lock import acquire
    return lambda: __import__("x")
class Kept:
    def method(self):
        import PySide6.QtCore
"""
    found = [(i.target, i.when) for i in imports_in(code, "sciapp.storage.x", "sciapp.storage")]
    assert found == [
        ("typing", "module"),
        ("sqlalchemy", "module"),
        ("sciapp.storage.schema", "module"),
        ("sciapp.storage.changes", "module"),
        ("sciapp.storage.database", "typing"),
        ("os", "module"),
        ("sciapp.storage.lock", "function"),
        ("PySide6", "function"),
    ]


# -- (d) the services areas, counting every import --------------------------------------------

# Upward arrows between services areas not yet broken, each with why; the graph without them
# has no cycle, and each one listed must still be there (a broken one leaves the list).
# `python tests/test_architecture.py` prints the strongly connected areas with every import.
UPWARD_ALLOWED = {}


def services_graph() -> tuple[dict[str, set[str]], list[Import]]:
    """The services areas (and workspace, opening …) and who imports whom, counting
    function-level and TYPE_CHECKING imports too."""
    found = [
        i
        for i in all_imports()
        if _within(i.source, "sciapp.services") and _within(i.target, "sciapp.services")
    ]
    return _graph(found, key=_area), found


def test_the_services_areas_depend_on_each_other_one_way():
    edges, _found = services_graph()
    kept = {
        source: {target for target in targets if (source, target) not in UPWARD_ALLOWED}
        for source, targets in edges.items()
    }
    assert _cycles(kept) == []
    gone = [pair for pair in UPWARD_ALLOWED if pair[1] not in edges.get(pair[0], set())]
    assert gone == [], "broken at last: take these out of UPWARD_ALLOWED"


def _print_services_circles() -> None:
    edges, found = services_graph()
    for group in _cycles(edges):
        print("circle:", ", ".join(name.rpartition(".")[2] for name in group))
        for i in sorted(found, key=lambda i: (i.source, i.line)):
            source, target = _area(i.source), _area(i.target)
            if source != target and source in group and target in group:
                allowed = " [allowed]" if (source, target) in UPWARD_ALLOWED else ""
                print(f"  {i.source}:{i.line} -> {i.target} ({i.when}){allowed}")


if __name__ == "__main__":
    _print_services_circles()
