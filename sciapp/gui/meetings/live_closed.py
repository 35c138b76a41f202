"""Closed session… in meeting mode, where the clerk is when the body votes to close: the
motion to close, moved now on the current item, through the editor's own dialog
(gui/meetings/closed_dialog.py: purposes, mover, the roll call under the profile's rule); while
the body is inside, the same button stamps its return, "Back in open session". The closed
minutes are written afterwards in the editor's Closed · Not public tab, never here on the
projector."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from sciapp.domain.formats import time_of_day
from sciapp.gui.locale import ui_locale
from sciapp.services.errors import ServiceError

if TYPE_CHECKING:
    import datetime as dt

    from sciapp.gui.meetings.live_host import LiveHost
    from sciapp.services.meetings.closed_records import ClosedSessionRecord
    from sciapp.services.workspace import Workspace

CALL = "C&losed session…"
BACK = "Back in &open session"


def inside(workspace: Workspace, meeting_id: int) -> ClosedSessionRecord | None:
    """The closed session the body is in now (called, not yet back), if any."""
    sessions = workspace.closed_sessions.for_meeting(meeting_id)
    return next((s for s in sessions if s.left_at is None), None)


def button_text(workspace: Workspace, meeting_id: int) -> str:
    return BACK if inside(workspace, meeting_id) is not None else CALL


def close_or_come_back(window: LiveHost, now: dt.time, item_id: int | None) -> None:
    """Call a closed session now, or, the body being in one, record it back now; the
    window's line for the last motion says what happened."""
    from sciapp.gui.meetings.closed_dialog import ClosedSessionDialog
    from sciapp.services.meetings.closed_records import ClosedSessionEdit

    parent, workspace, meeting_id = window, window.workspace, window.meeting_id
    bus, said = window.bus, window.last_vote
    closed = workspace.closed_sessions
    at = time_of_day(now, ui_locale())
    try:
        record = inside(workspace, meeting_id)
        if record is not None:
            stayed = tuple(member for member, _name in record.stayed)
            edit = ClosedSessionEdit(now, stayed, record.others_present, record.minutes)
            with bus.acting_for(parent):
                closed.update(record.id, edit)
            said.setText(f"<b>Back in open session</b> at {escape(at)}.")
            said.show()
            return
        law = closed.law(meeting_id)
        outcome = ClosedSessionDialog.run(
            parent,
            law,
            lambda moment, codes: closed.roll_call(meeting_id, moment, codes),
            lambda draft: closed.call(meeting_id, draft),
            now,
            item_id,
        )
    except ServiceError as exc:
        QMessageBox.warning(parent, "Closed session", str(exc))
        return
    if outcome is None:
        return
    motion = outcome.motion
    if outcome.session is None:
        verdict = f"the motion to close failed: {motion.explanation}"
    else:
        verdict = f"in {law.name} from {time_of_day(outcome.session.entered_at, ui_locale())}"
    said.setText(f"<b>Motion:</b> {escape(motion.text)} — {escape(verdict)}")
    said.show()
