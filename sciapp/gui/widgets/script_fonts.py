"""Names in a script no installed font can show (a Korean name on a machine without a Hangul
font) show as boxes: say so once, in the status bar, rather than leave the user guessing."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtGui import QFontDatabase

if TYPE_CHECKING:
    from sciapp.gui.bus import ChangeBus

# The scripts a partner city's own name is likely written in, by the letters that mark them.
SCRIPTS = (
    ("Korean", re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]"), "Korean"),
    ("Japanese", re.compile("[\u3040-\u30ff]"), "Japanese"),
    ("Chinese", re.compile("[\u4e00-\u9fff]"), "SimplifiedChinese"),
    ("Thai", re.compile("[\u0e00-\u0e7f]"), "Thai"),
    ("Arabic", re.compile("[\u0600-\u06ff]"), "Arabic"),
    ("Hebrew", re.compile("[\u0590-\u05ff]"), "Hebrew"),
    ("Georgian", re.compile("[\u10a0-\u10ff]"), "Georgian"),
)


def unshown_script(text: str) -> str | None:
    """The name of a script in `text` that no font on this computer supports, or None."""
    for name, letters, system in SCRIPTS:
        if letters.search(text):
            writing = getattr(QFontDatabase.WritingSystem, system)
            if not QFontDatabase.families(writing):
                return name
    return None


def note_unshown_script(bus: ChangeBus, text: str) -> None:
    """Say once per window that names in a script show as boxes, when one is on screen."""
    script = unshown_script(text or "")
    if script is None:
        return
    told = set(bus.property("scripts_told") or ())
    if script in told:
        return
    bus.setProperty("scripts_told", sorted(told | {script}))
    bus.say(f"No font on this computer shows {script}; names in it show as boxes.")
