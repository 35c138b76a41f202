"""Render resources/icons/sciapp.svg to the PNG sizes desktops ask for, and an .ico.

Run after changing the SVG: `python packaging/render_icons.py`. The PNGs are committed so a
build needs no renderer.
"""

from __future__ import annotations

import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def main() -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    renderer = QSvgRenderer(str(ICONS / "sciapp.svg"))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(ICONS / f"sciapp-{size}.png"))
    QImage(str(ICONS / "sciapp-256.png")).save(str(ICONS / "sciapp.ico"))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
