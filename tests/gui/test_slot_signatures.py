"""Qt hands `clicked`/`triggered` a `checked` flag when the slot can take one: a slot with an
optional first parameter then receives False (that is how Approve minutes… broke). Every
slot connected to these signals takes no argument (or is a lambda); `toggled` slots take the
flag as their one required argument."""

import ast
from pathlib import Path

import sciapp.gui

GUI = Path(sciapp.gui.__file__).parent
NO_ARGUMENT = {"clicked", "triggered", "pressed", "released"}
ONE_FLAG = {"toggled"}


def _methods(tree: ast.AST) -> dict[str, dict[str, ast.FunctionDef]]:
    classes: dict[str, dict[str, ast.FunctionDef]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            classes[node.name] = {f.name: f for f in node.body if isinstance(f, ast.FunctionDef)}
    return classes


def _inherited(classes, tree) -> dict[str, dict[str, ast.FunctionDef]]:
    """Methods a class can reach through the bases defined in the same module."""
    bases = {
        n.name: [b.id for b in n.bases if isinstance(b, ast.Name)]
        for n in ast.walk(tree)
        if isinstance(n, ast.ClassDef)
    }
    result = {}
    for name in classes:
        seen, stack, methods = set(), [name], {}
        while stack:
            current = stack.pop()
            if current in seen or current not in classes:
                continue
            seen.add(current)
            for key, value in classes[current].items():
                methods.setdefault(key, value)
            stack.extend(bases.get(current, []))
        result[name] = methods
    return result


def _enclosing_class(tree, target):
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and any(n is target for n in ast.walk(node)):
            return node.name
    return None


def _problems(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    methods = _inherited(_methods(tree), tree)
    found = []
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "connect"
            and isinstance(node.func.value, ast.Attribute)
            and node.func.value.attr in NO_ARGUMENT | ONE_FLAG
            and node.args
        ):
            continue
        signal = node.func.value.attr
        slot = node.args[0]
        if not (
            isinstance(slot, ast.Attribute)
            and isinstance(slot.value, ast.Name)
            and slot.value.id == "self"
        ):
            continue
        cls = _enclosing_class(tree, node)
        method = methods.get(cls or "", {}).get(slot.attr)
        if method is None:
            continue  # a Qt method (close, accept, setEnabled …): C++ slots are typed
        params = method.args.args[1:] + method.args.kwonlyargs
        decorated = any(
            isinstance(d, ast.Call) and getattr(d.func, "id", "") == "Slot"
            for d in method.decorator_list
        )
        where = f"{path.relative_to(GUI.parent.parent)}:{node.lineno} {signal} → {slot.attr}"
        if signal in NO_ARGUMENT and params and not decorated:
            found.append(f"{where}: takes {[p.arg for p in params]}")
        if signal in ONE_FLAG and (len(method.args.args) != 2 or method.args.defaults):
            found.append(f"{where}: must take exactly the checked flag")
    return found


def test_no_slot_receives_the_checked_flag_by_accident():
    problems = [p for path in sorted(GUI.rglob("*.py")) for p in _problems(path)]
    assert problems == []
