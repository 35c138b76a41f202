"""Dialogs are functions: answered, then let go. A cancelled dialog is not kept alive by its
parent until the window closes, and every dialog of ours derives from the one base."""

import ast
from pathlib import Path

import sciapp.gui
from sciapp.gui.partnerships.status_dialog import StatusChangeDialog
from sciapp.gui.records.history import AuditDialog
from tests.gui.helpers import (
    click_row,
    click_tool,
    free_deleted,
    go_to,
    modal,
    opened_window,
    press,
)

GUI = Path(sciapp.gui.__file__).parent
BASE = GUI / "widgets" / "dialogs.py"


def test_five_cancelled_status_dialogs_leave_none_behind(qtbot, window):
    page = go_to(qtbot, window, "Partnerships")
    click_row(qtbot, page.table, "Otsu")
    seen = []

    def cancel(dialog):
        assert isinstance(dialog, StatusChangeDialog)
        assert dialog.isModal()
        assert dialog in window.findChildren(StatusChangeDialog)  # parented: modal over it
        seen.append(dialog.windowTitle())
        press(qtbot, dialog, "Cancel")

    for _ in range(5):
        with modal(qtbot, cancel):
            click_tool(qtbot, page.toolbar, page.status_action)
    free_deleted()
    assert seen == ["Change status: Otsu, Japan"] * 5
    assert window.findChildren(StatusChangeDialog) == []


def test_the_audit_trail_window_is_freed_when_closed(qtbot, window):
    trail = opened_window(qtbot, window.audit_action.trigger, "Audit trail: every change")
    assert trail in window.findChildren(AuditDialog)
    press(qtbot, trail, "Close")
    free_deleted()
    assert window.findChildren(AuditDialog) == []


def _bases(node: ast.ClassDef) -> set[str]:
    return {ast.unparse(base) for base in node.bases}


def test_every_dialog_derives_from_the_base():
    """A QDialog of our own is a `Dialog`: its `run` (or `ask`, `edit`) frees it."""
    stray = []
    for path in GUI.rglob("*.py"):
        if path == BASE:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and "QDialog" in _bases(node):
                stray.append(f"{path.relative_to(GUI.parent)}: {node.name}")
    assert stray == []


def test_no_dialog_is_run_without_being_freed():
    """`.exec()` appears only in the base (and the app's event loop): everything else asks
    through `exec_and_free`, so nothing modal outlives its answer."""
    found = []
    for path in GUI.rglob("*.py"):
        if path == BASE:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "exec"
                and ast.unparse(node.func.value) not in {"app"}
            ):
                found.append(f"{path.relative_to(GUI.parent)}:{node.lineno}")
    assert found == []
