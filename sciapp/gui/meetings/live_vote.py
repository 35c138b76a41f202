"""The roll call on a motion put in meeting mode. Put, it goes straight to the roll call; if
the clerk cancels it there (the vote comes later, or nobody present could vote yet), the
motion line says it is not voted on and a "Take the vote…" button beside it calls the roll
again, so the clerk never has to leave meeting mode to finish it."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from sciapp.gui.votes.roll_call import RollCallDialog

if TYPE_CHECKING:
    from sciapp.gui.meetings.live_host import LiveHost


def vote_on(window: LiveHost, motion_id: int) -> None:
    """Call the roll on `motion_id`; the window's motion line and its button say what is left."""
    show(window, motion_id, RollCallDialog.run(window, window.workspace, motion_id))


def vote_on_pending(window: LiveHost) -> None:
    motion_id = window.pending_motion
    if motion_id is None:
        return
    window.autosave.flush()
    if window.workspace.motions.get(motion_id).result is not None:  # voted in the main window
        show(window, motion_id, True)
    else:
        vote_on(window, motion_id)


def show(window: LiveHost, motion_id: int, voted: bool) -> None:
    motion = window.workspace.motions.get(motion_id)
    verdict = motion.explanation if voted else "not voted on yet"
    window.last_vote.setText(f"<b>Motion:</b> {escape(motion.text)} — {escape(verdict)}")
    window.last_vote.show()
    window.pending_motion = None if voted else motion_id
    window.vote_button.setVisible(not voted)
