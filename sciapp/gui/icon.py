"""The app's own icon (resources/icons, rendered from sciapp.svg)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from sciapp.resources import resource

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    icon = QIcon()
    for size in SIZES:
        path = resource("icons", f"sciapp-{size}.png")
        if path.exists():
            icon.addFile(str(path))
    return icon
